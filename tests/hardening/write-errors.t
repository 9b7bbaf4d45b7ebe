# SPDX-License-Identifier: GPL-2.0
# Output that cannot be written is an error: a full disk (here /dev/full)
# makes every command exit 2 with a "barriermap: ..." line, never 0 with
# the report lost (show, suggest, --help and others used to exit 0: their
# output sat in stdio's buffer until exit, where nobody checked it).
#
# check-name: every command that writes to standard output exits 2 when it cannot
# check-command: for c in "show --kernel tests/map/tree kvm_vcpu_kick" "show --primitives" "suggest --kernel tests/suggest/tree" "suggest --kernel tests/suggest/tree --redundant" "suggest --kernel tests/claims/fix-tree --fix" "lint --kernel tests/map/tree --help" "map --help" "check-patch --checklist-doc" "litmus --table" "help lint" "--version" "grammar -e pairs_with"; do $BM $c > /dev/full 2> $TMP/err; echo "exit $? $(grep -c '^barriermap: .*standard output' $TMP/err) $c"; done
# check-exit-value: 0
# check-output-start
# exit 2 1 show --kernel tests/map/tree kvm_vcpu_kick
# exit 2 1 show --primitives
# exit 2 1 suggest --kernel tests/suggest/tree
# exit 2 1 suggest --kernel tests/suggest/tree --redundant
# exit 2 1 suggest --kernel tests/claims/fix-tree --fix
# exit 2 1 lint --kernel tests/map/tree --help
# exit 2 1 map --help
# exit 2 1 check-patch --checklist-doc
# exit 2 1 litmus --table
# exit 2 1 help lint
# exit 2 1 --version
# exit 2 1 grammar -e pairs_with
# check-output-end
#
# check-name: the message says why
# check-command: $BM show --primitives > /dev/full
# check-exit-value: 2
# check-error-start
# barriermap: cannot write to standard output: No space left on device
# check-error-end
