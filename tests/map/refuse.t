# SPDX-License-Identifier: GPL-2.0
# barriermap marks every page it writes and never overwrites a file
# without the mark: it refuses before writing anything, and says why.
#
# check-name: map refuses to overwrite a page it did not write, and writes nothing
# check-command: mkdir -p $TMP/m && echo 'my notes' > $TMP/m/x86.rst && $BM map --kernel $dir/tree -o $TMP/m; echo "exit $?"; ls $TMP/m; cat $TMP/m/x86.rst
# check-exit-value: 0
# check-output-start
# exit 2
# x86.rst
# my notes
# check-output-end
# check-error-contains: barriermap: 
# check-error-contains: x86.rst was not written by barriermap; not overwriting it
#
# check-name: map overwrites its own pages and removes its stale ones
# check-command: $BM map --kernel $dir/tree -o $TMP/m && cp $TMP/m/x86.rst $TMP/m/mips.rst && echo 'mine' > $TMP/m/notes.rst && $BM map --kernel $dir/tree -o $TMP/m && ls $TMP/m
# check-exit-value: 0
# check-output-start
# generic.rst
# graph.rst
# index.rst
# notes.rst
# worklist.rst
# x86.rst
# check-output-end
#
# check-name: every page starts with the SPDX line and the generated-file mark
# check-command: $BM map --kernel $dir/tree -o $TMP/m && head -qn2 $TMP/m/*.rst | sort | uniq -c
# check-exit-value: 0
# check-output-start
#       5 .. SPDX-License-Identifier: GPL-2.0
#       5 .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
# check-output-end
#
# check-name: --kernel-docs refuses a barriers/index.rst that is not barriermap's
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm/barriers && cp $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && echo '.. my page' > $TMP/k/Documentation/virt/kvm/barriers/index.rst && $BM map --kernel $dir/tree --kernel-docs=$TMP/k; echo "exit $?"; cat $TMP/k/Documentation/virt/kvm/barriers/index.rst; cmp $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && echo index.rst untouched
# check-exit-value: 0
# check-output-start
# exit 2
# .. my page
# index.rst untouched
# check-output-end
# check-error-contains: barriers/index.rst was not written by barriermap
#
# check-name: map without -o or --kernel-docs is a usage error
# check-command: $BM map --kernel $dir/tree
# check-exit-value: 2
# check-error-contains: barriermap: map: give exactly one of -o DIR and --kernel-docs
