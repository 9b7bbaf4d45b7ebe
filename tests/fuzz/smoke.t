# SPDX-License-Identifier: GPL-2.0
# A few seconds of each libFuzzer harness (make fuzz-build; make check
# builds them), from seeds drawn from the kernel tree: a smoke test that
# the harnesses run and that nothing crashes early.  `make fuzz
# FUZZ_SECONDS=N` is the real run.
#
# check-name: each fuzz harness runs 3 s on the kernel-tree seeds without a crash
# check-command: tests/fuzz/run.sh --smoke 3 $TMP 2>$TMP/err || cat $TMP/err $TMP/*.log | grep -v '^#' | tail -40
# check-exit-value: 0
# check-output-start
# grammar: no crash
# patch: no crash
# escape: no crash
# tree: no crash
# maintainers: no crash
# check-output-end
