# SPDX-License-Identifier: GPL-2.0
# Inputs the fuzz harnesses (tests/fuzz/) found, kept as regressions.
#
# check-name: an mbox whose Subject: header is empty is read without a leak (fuzz_patch: mail_subject() kept an empty buffer)
# check-command: { printf 'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\nSubject: \n\n---\n'; sed -n '/^--- a/,$p' tests/check-patch/comment-only.patch; } > $TMP/s.patch && $BM check-patch --kernel tests/check-patch/tree $TMP/s.patch
# check-exit-value: 0
# check-output-contains: Nothing needs attention.
