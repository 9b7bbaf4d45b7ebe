# SPDX-License-Identifier: GPL-2.0
# The map is byte-identical from run to run and for any -j, so that the
# diff of two maps shows only what changed in the tree.
#
# check-name: the fixture's map is the same with -j1 and -j2
# check-command: $BM map --kernel $dir/tree -j1 -o $TMP/a && $BM map --kernel $dir/tree -j2 -o $TMP/b && diff -r $TMP/a $TMP/b && ls $TMP/b | wc -l
# check-exit-value: 0
# check-output-start
# 5
# check-output-end
#
# check-name: the real tree's map is the same with -j1 and -j2, and across runs
# check-command: $BM map --kernel $KERNEL -j1 -o $TMP/a && $BM map --kernel $KERNEL -j2 -o $TMP/b && $BM map --kernel $KERNEL -j2 -o $TMP/c && diff -r $TMP/a $TMP/b && diff -r $TMP/b $TMP/c && echo same
# check-exit-value: 0
# check-output-start
# same
# check-output-end
#
# check-name: labels do not depend on line numbers: moving code changes only the printed lines
# check-command: cp -r $dir/tree $TMP/t && $BM map --kernel $TMP/t -o $TMP/a && sed -i '3i\\n/* two lines more */' $TMP/t/virt/kvm/kvm_main.c && $BM map --kernel $TMP/t -o $TMP/b && diff $TMP/a/generic.rst $TMP/b/generic.rst | grep '^[<>]' | grep -v ':Location:\|:Finding:\|:Ordering:\|kvm_main.c:[0-9]\|:caption: .*, lines [0-9]\|:lineno-start:' ; grep -c '^.. _kvm-barrier' $TMP/b/generic.rst
# check-exit-value: 0
# check-output-start
# 5
# check-output-end
