# SPDX-License-Identifier: GPL-2.0
# A barrier keeps its identity across a patch by its line, carried through
# the hunks: deleting the first of two alike barriers in a function is the
# first one's removal, not the second's.
#
# check-name: deleting the first of two smp_wmb() in a function reports the first, with its own comment
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux && printf 'void two(int *a, int *b, int *c)\n{\n\t*a = 1;\n\t/* Orders a before b. */\n\tsmp_wmb();\n\t*b = 1;\n\t/* Orders b before c. */\n\tsmp_wmb();\n\t*c = 1;\n}\n' > $TMP/k/virt/kvm/two.c && cp -r $TMP/k $TMP/k2 && sed -i '5d' $TMP/k2/virt/kvm/two.c && (cd $TMP && diff -u k/virt/kvm/two.c k2/virt/kvm/two.c | sed -e '1s|^--- k/|--- a/|' -e '2s|^+++ k2/|+++ b/|') > $TMP/p.patch; $BM check-patch --kernel $TMP/k --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/two.c:5: WARNING: REMOVED_BARRIER: (before the patch) smp_wmb() in two() is removed by the patch
# check-output-end
#
# check-name: deleting the second of them reports the second
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux && printf 'void two(int *a, int *b, int *c)\n{\n\t*a = 1;\n\t/* Orders a before b. */\n\tsmp_wmb();\n\t*b = 1;\n\t/* Orders b before c. */\n\tsmp_wmb();\n\t*c = 1;\n}\n' > $TMP/k/virt/kvm/two.c && cp -r $TMP/k $TMP/k2 && sed -i '8d' $TMP/k2/virt/kvm/two.c && (cd $TMP && diff -u k/virt/kvm/two.c k2/virt/kvm/two.c | sed -e '1s|^--- k/|--- a/|' -e '2s|^+++ k2/|+++ b/|') > $TMP/p.patch; $BM check-patch --kernel $TMP/k --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/two.c:8: WARNING: REMOVED_BARRIER: (before the patch) smp_wmb() in two() is removed by the patch
# check-output-end
#
# check-name: a barrier whose line the patch edits keeps its identity
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux && printf 'void two(int *a, int *b, int *c)\n{\n\t*a = 1;\n\t/* Orders a before b. */\n\tsmp_wmb();\n\t*b = 1;\n}\n' > $TMP/k/virt/kvm/two.c && cp -r $TMP/k $TMP/k2 && sed -i '5s/smp_wmb();/smp_wmb();  \/* here *\//' $TMP/k2/virt/kvm/two.c && (cd $TMP && diff -u k/virt/kvm/two.c k2/virt/kvm/two.c | sed -e '1s|^--- k/|--- a/|' -e '2s|^+++ k2/|+++ b/|') > $TMP/p.patch; $BM check-patch --kernel $TMP/k --terse $TMP/p.patch
# check-exit-value: 0
# check-output-start
# check-output-end
