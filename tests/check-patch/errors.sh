# SPDX-License-Identifier: GPL-2.0
# check-patch refuses patches it cannot apply, with exit status 2 and the
# patch, file and hunk named; it never half-applies them.
#
# check-name: a hunk whose context is not in the tree fails, naming the patch, the file and the hunk header
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' | sed 's/^ \tif (!kvm->online)/ \tif (!kvm->offline)/' > $TMP/bad.patch && $BM check-patch --kernel $dir/tree $TMP/bad.patch
# check-exit-value: 2
# check-error-contains: /bad.patch: virt/kvm/kvm_main.c: hunk '@@ -15,7 +15,6 @@' does not apply
#
# check-name: the second patch of a series that does not apply is named by its subject
# check-command: { tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop smp_rmb()'; tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w2 drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop it again'; } > $TMP/s.mbox && $BM check-patch --kernel $dir/tree $TMP/s.mbox
# check-exit-value: 2
# check-error-contains: s.mbox, patch 2/2 (KVM: drop it again): virt/kvm/kvm_main.c: hunk '@@
# check-error-contains: does not apply
#
# check-name: a truncated hunk is a malformed patch, named with its hunk header and line
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' | head -n 6 > $TMP/cut.patch && $BM check-patch --kernel $dir/tree $TMP/cut.patch
# check-exit-value: 2
# check-error-contains: /cut.patch: malformed patch: virt/kvm/kvm_main.c: hunk '@@ -15,7 +15,6 @@' is truncated (line 7)
#
# check-name: a hunk with a bad header is malformed
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ b/virt/kvm/kvm_main.c\n@@ -x +1 @@\n-a\n+b\n' > $TMP/h.patch && $BM check-patch --kernel $dir/tree $TMP/h.patch
# check-exit-value: 2
# check-error-contains: malformed patch: virt/kvm/kvm_main.c: bad hunk header '@@ -x +1 @@'
#
# check-name: input with no diff in it is refused
# check-command: echo 'just a mail, no diff' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): no diff found in the patch
#
# check-name: a patch that leaves the tree is refused before anything runs
# check-command: printf -- '--- a/../etc/passwd\n+++ b/../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n' > $TMP/x.patch && $BM check-patch --kernel $dir/tree $TMP/x.patch
# check-exit-value: 2
# check-error-contains: file name '../etc/passwd' leaves the tree
#
# check-name: a patch to a file the tree does not have does not apply
# check-command: printf -- '--- a/virt/kvm/nope.c\n+++ b/virt/kvm/nope.c\n@@ -1 +1 @@\n-a\n+b\n' > $TMP/n.patch && $BM check-patch --kernel $dir/tree $TMP/n.patch
# check-exit-value: 2
# check-error-contains: n.patch: does not apply: virt/kvm/nope.c: No such file or directory
#
# check-name: no patch at all is a usage error
# check-command: $BM check-patch --kernel $dir/tree
# check-exit-value: 2
# check-error-contains: check-patch: no patch given
