# SPDX-License-Identifier: GPL-2.0
# Inputs the fuzz harnesses (tests/fuzz/) found, kept as regressions.
#
# check-name: an mbox whose Subject: header is empty is read without a leak (fuzz_patch: mail_subject() kept an empty buffer)
# check-command: { printf 'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\nSubject: \n\n---\n'; sed -n '/^--- a/,$p' tests/check-patch/comment-only.patch; } > $TMP/s.patch && $BM check-patch --kernel tests/check-patch/tree $TMP/s.patch
# check-exit-value: 0
# check-output-contains: Nothing needs attention.
#
# check-name: a diff --git line with a quoted name and nothing after it is refused without reading past the line (fuzz_patch: the diff.noprefix hint measured the line from after the quoted name; only the harness, whose input ends where the line does, shows the read)
# check-command: printf 'diff --git "\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\";' > $TMP/in && build/fuzz/fuzz_patch $TMP/in > $TMP/log 2>&1; echo "exit $?"; grep -o 'AddressSanitizer: [a-z-]*' $TMP/log || :
# check-exit-value: 0
# check-output-start
# exit 0
# check-output-end
