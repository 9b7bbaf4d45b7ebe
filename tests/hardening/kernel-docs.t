# SPDX-License-Identifier: GPL-2.0
# map --kernel-docs edits a tree it did not make: everything it needs from
# that tree is checked before anything is written, so a refusal leaves the
# tree exactly as it was.
#
# check-name: --kernel-docs on a tree whose index has no toctree writes nothing at all
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && printf 'KVM\n===\n\nNo toctree here.\n' > $TMP/k/Documentation/virt/kvm/index.rst && cp -r $TMP/k $TMP/before && timeout 60 $BM map --kernel $ROOT/tests/map/tree --kernel-docs=$TMP/k; echo "exit $?"; diff -r $TMP/before $TMP/k && echo unchanged
# check-exit-value: 0
# check-output-start
# exit 2
# unchanged
# check-output-end
# check-error-contains: index.rst has no toctree to add barriers/index to
#
# check-name: --kernel-docs on a toctree without entries writes nothing at all
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && printf 'KVM\n===\n\n.. toctree::\n\nText.\n' > $TMP/k/Documentation/virt/kvm/index.rst && cp -r $TMP/k $TMP/before && timeout 60 $BM map --kernel $ROOT/tests/map/tree --kernel-docs=$TMP/k; echo "exit $?"; diff -r $TMP/before $TMP/k && echo unchanged
# check-exit-value: 0
# check-output-start
# exit 2
# unchanged
# check-output-end
# check-error-contains: cannot find the toctree's entries
#
# check-name: --kernel-docs refuses an index.rst that is a FIFO, without hanging
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && mkfifo $TMP/k/Documentation/virt/kvm/index.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree --kernel-docs=$TMP/k; echo "exit $?"; ls -A $TMP/k/Documentation/virt/kvm
# check-exit-value: 0
# check-output-start
# exit 2
# index.rst
# check-output-end
# check-error-contains: index.rst: not a regular file
#
# check-name: --kernel-docs refuses a kernel tree whose Makefile is a FIFO, without hanging
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && cp $ROOT/tests/map/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && cp -r $ROOT/tests/map/tree $TMP/t && mkfifo $TMP/t/Makefile && timeout 60 $BM map -q --kernel $TMP/t --kernel-docs=$TMP/k; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: /t/Makefile: not a regular file
