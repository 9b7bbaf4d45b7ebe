# SPDX-License-Identifier: GPL-2.0
# Every option value is read strictly: what the option cannot mean is an
# error naming the option and the value, never a default taken silently
# (an empty --status= reported nothing, --min-confidence nan proposed
# everything, -j ' 2' and --resolve-in '' were taken as something else).
#
# check-name: --min-confidence nan is refused
# check-command: $BM suggest --kernel tests/map/tree --min-confidence nan
# check-exit-value: 2
# check-error-contains: barriermap: suggest: --min-confidence takes a number from 0 to 1, not 'nan'
#
# check-name: --min-confidence refuses what strtod() takes beyond a plain decimal
# check-command: for v in inf NAN -0 +0.5 ' 0.5' '0.5 ' 0x0.8 1e-1 . '' 0,5; do $BM suggest --kernel tests/map/tree --min-confidence="$v" 2>&1 >/dev/null | sed -n 1p | sed 's/, not .*//'; echo "exit ${PIPESTATUS[0]}"; done | sort | uniq -c
# check-exit-value: 0
# check-output-start
#      11 barriermap: suggest: --min-confidence takes a number from 0 to 1
#      11 exit 2
# check-output-end
#
# check-name: --min-confidence still takes plain decimals
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; for v in 0 1 0.5 .25 1. 0.0000; do $BM suggest --kernel tests/map/tree --min-confidence="$v" >/dev/null; echo "exit $?"; done | sort | uniq -c
# check-exit-value: 0
# check-output-start
#       6 exit 0
# check-output-end
#
# check-name: an empty --status= is refused, not a lint that reports nothing
# check-command: $BM lint --kernel tests/map/tree --status=
# check-exit-value: 2
# check-error-contains: barriermap: lint: --status needs a value, not an empty one
#
# check-name: an empty item in --status is refused
# check-command: for v in , all, ,dangling dangling,,vague; do $BM lint --kernel tests/map/tree --status="$v" 2>&1 >/dev/null; echo "exit $?"; done
# check-exit-value: 0
# check-output-start
# barriermap: --status: an empty rule in ','
# exit 2
# barriermap: --status: an empty rule in 'all,'
# exit 2
# barriermap: --status: an empty rule in ',dangling'
# exit 2
# barriermap: --status: an empty rule in 'dangling,,vague'
# exit 2
# check-output-end
#
# check-name: -j and --depth take digits only
# check-command: for a in "-j= 2" -j=+2 -j=0x2 -j=2.0 -j=99999999999999999999 "--depth= 1" --depth=-0 --depth=; do $BM lint --kernel tests/map/tree "$a" 2>&1 >/dev/null | head -1 | sed 's/, not .*//'; done
# check-exit-value: 0
# check-output-start
# barriermap: lint: -j takes a whole number from 1 to 256
# barriermap: lint: -j takes a whole number from 1 to 256
# barriermap: lint: -j takes a whole number from 1 to 256
# barriermap: lint: -j takes a whole number from 1 to 256
# barriermap: lint: -j takes a whole number from 1 to 256
# barriermap: lint: --depth takes a whole number from 0 to 16
# barriermap: lint: --depth takes a whole number from 0 to 16
# barriermap: lint: --depth takes a whole number from 0 to 16
# check-output-end
#
# check-name: an empty --kernel is refused by name
# check-command: $BM lint --kernel ''
# check-exit-value: 2
# check-error-contains: barriermap: lint: --kernel needs a value, not an empty one
#
# check-name: an empty --resolve-in is refused, not taken as the whole kernel tree
# check-command: $BM lint --kernel tests/map/tree --resolve-in ''
# check-exit-value: 2
# check-error-contains: barriermap: lint: --resolve-in needs a value, not an empty one
#
# check-name: an empty PATH is refused, not taken as the whole kernel tree
# check-command: $BM lint --kernel tests/map/tree ''
# check-exit-value: 2
# check-error-contains: barriermap: an empty PATH
#
# check-name: --compdb without a compile_commands.json is one clear error, not libclang's noise
# check-command: for v in '' /nonexistent tests; do $BM lint --kernel tests/map/tree --compdb "$v" 2>&1 | sed -n 1p; echo "exit ${PIPESTATUS[0]}"; done
# check-exit-value: 0
# check-output-start
# barriermap: lint: --compdb needs a value, not an empty one
# exit 2
# barriermap: /nonexistent: no usable compile_commands.json
# exit 2
# barriermap: tests: no usable compile_commands.json
# exit 2
# check-output-end
#
# check-name: an empty --format is refused
# check-command: $BM lint --kernel tests/map/tree --format=
# check-exit-value: 2
# check-error-contains: barriermap: lint: --format takes one of text, gcc, json, sarif, not ''
#
# check-name: map's -o and --source-url refuse an empty value
# check-command: $BM map --kernel tests/map/tree -o $TMP/m --source-url ''; echo "exit $?"; ls -A $TMP
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: barriermap: map: --source-url needs a value, not an empty one
#
# check-name: suggest -o '' is refused by name
# check-command: $BM suggest --kernel tests/map/tree -o ''
# check-exit-value: 2
# check-error-contains: barriermap: suggest: -o needs a value, not an empty one
#
# check-name: show's FILE:LINE takes digits only, and no line past 2^32 wraps around to a real one
# check-command: for a in virt/kvm/kvm_main.c:4294967305 'virt/kvm/kvm_main.c: 9' virt/kvm/kvm_main.c:+9 virt/kvm/kvm_main.c:0x9; do $BM show --kernel tests/map/tree "$a"; echo "exit $?"; done 2>&1
# check-exit-value: 0
# check-output-start
# barriermap: virt/kvm/kvm_main.c:4294967305: no barrier there
# exit 2
# barriermap: virt/kvm/kvm_main.c: 9: no barrier there
# exit 2
# barriermap: virt/kvm/kvm_main.c:+9: no barrier there
# exit 2
# barriermap: virt/kvm/kvm_main.c:0x9: no barrier there
# exit 2
# check-output-end
