# SPDX-License-Identifier: GPL-2.0
# The hardened paths under valgrind (release build): no invalid access and
# no definite leak when map refuses, cleans up or writes hostile names,
# or lint skips a file.
#
# check-name: map's refusals, temp-file cleanup and hostile names are valgrind clean
# check-group: slow
# check-command: VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"; bash tests/hardening/names.sh $TMP/t && $VG $ROOT/barriermap map -q --kernel $TMP/t -o $TMP/m; echo "names: $?"; : > $TMP/m/x86.rst.tmpAAAAAA; $VG $ROOT/barriermap map -q --kernel $TMP/t -o $TMP/m; echo "temps: $?"; rm $TMP/m/generic.rst; mkfifo $TMP/m/generic.rst; $VG $ROOT/barriermap map -q --kernel $TMP/t -o $TMP/m 2>/dev/null; echo "fifo: $?"; $VG $ROOT/barriermap map -q --kernel $TMP/t -o '' 2>/dev/null; echo "empty -o: $?"; mkdir -p $TMP/k/Documentation/virt/kvm && echo 'no toctree' > $TMP/k/Documentation/virt/kvm/index.rst && $VG $ROOT/barriermap map -q --kernel $TMP/t --kernel-docs=$TMP/k 2>/dev/null; echo "no toctree: $?"
# check-exit-value: 0
# check-output-start
# names: 0
# temps: 0
# fifo: 2
# empty -o: 2
# no toctree: 2
# check-output-end
#
# check-name: lint skipping a file is valgrind clean
# check-group: slow
# check-command: cp -r tests/map/tree $TMP/t && printf 'int a;\0int b;\n' > $TMP/t/virt/kvm/nul.c && mkfifo $TMP/t/virt/kvm/fifo.c && valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $ROOT/barriermap lint --kernel $TMP/t --format=json >/dev/null 2>&1; echo "lint: $?"
# check-exit-value: 0
# check-output-start
# lint: 2
# check-output-end
