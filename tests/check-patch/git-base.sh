# SPDX-License-Identifier: GPL-2.0
# check-patch finds the files before the patch where developers have the
# patch (issue 11): the same findings at its base, as `git diff`, as `git
# diff --cached`, at the branch tip after `git commit`, via --git and
# --base, on a throwaway repository made from the real tree
# (git-scenarios.sh).  Outside git the tree is the base.
#
# check-name: one patch, every place git holds it: the same checklist
# check-command: tests/check-patch/git-scenarios.sh $BM $KERNEL $TMP
# check-exit-value: 0
# check-output-start
# base: exit 1
# base, diff -u: exit 1, same
# base, mbox: exit 1, same
# git diff: exit 1, same
# git diff --cached: exit 1, same
# tip, git diff: exit 1, same
# tip, diff -u: exit 1, same
# tip, mbox: exit 1, same
# --git HEAD: exit 1, same
# --git HEAD~2..HEAD: exit 1, same
# --base=HEAD~2, diff -u: exit 1, same
# outside git, at the base: exit 1, same
# outside git, at the tip: exit 2: barriermap: diff.patch: include/linux/kvm_host.h: hunk '@@ ... @@' does not apply
# check-output-end
#
# check-name: the checklist those scenarios share is the one for the removal
# check-command: tests/check-patch/git-scenarios.sh $BM $KERNEL $TMP > /dev/null; cat $TMP/checklist
# check-exit-value: 0
# check-output-contains: (before the patch) smp_rmb() in kvm_get_vcpu() is removed by the patch
# check-output-contains: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu(), which the patch removes
# check-output-contains: 2 items to check.
#
# check-name: --base must name a commit
# check-command: tests/check-patch/gitrepo.sh $KERNEL $TMP/r && $BM check-patch --kernel $TMP/r --base=nosuchrev $dir/remove-pair.patch
# check-exit-value: 2
# check-error-contains: barriermap: --base=nosuchrev: not a commit of the kernel tree's repository
#
# check-name: --base and --git need a git work tree
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux && cp $dir/tree/virt/kvm/kvm_main.c $TMP/k/virt/kvm/ && cd $TMP && { $BM check-patch --kernel $TMP/k --base=HEAD $ROOT/$dir/remove-pair.patch; echo "exit $?"; $BM check-patch --kernel $TMP/k --git HEAD; echo "exit $?"; } 2>&1
# check-exit-value: 0
# check-output-contains: barriermap: --base=HEAD: the kernel tree is not a git work tree
# check-output-contains: barriermap: --git HEAD: the kernel tree is not a git work tree
# check-output-excludes: exit 0
# check-output-excludes: exit 1
#
# check-name: --git with a range git refuses says what git said
# check-command: tests/check-patch/gitrepo.sh $KERNEL $TMP/r && $BM check-patch --kernel $TMP/r --git nosuch..HEAD
# check-exit-value: 2
# check-error-contains: barriermap: --git nosuch..HEAD: fatal: 
#
# check-name: --git with an empty range is an error, not a clean bill
# check-command: tests/check-patch/gitrepo.sh $KERNEL $TMP/r && $BM check-patch --kernel $TMP/r --git HEAD..HEAD
# check-exit-value: 2
# check-error-contains: barriermap: --git HEAD..HEAD: no commits in the range
#
# check-name: index lines that name a blob git has but the patch does not apply to fall back to the tree
# check-command: tests/check-patch/gitrepo.sh $KERNEL $TMP/r && tests/check-patch/kpatch.py -s git $TMP/r $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' | sed "s/^index [0-9a-f]*\.\./index $(git -C $TMP/r rev-parse HEAD:virt/kvm/Kconfig)../" > $TMP/p.patch && grep -q "^index $(git -C $TMP/r rev-parse HEAD:virt/kvm/Kconfig)" $TMP/p.patch && $BM check-patch --kernel $TMP/r $TMP/p.patch
# check-exit-value: 1
# check-output-contains: (before the patch) smp_rmb() in kvm_get_vcpu() is removed by the patch
# check-output-contains: 2 items to check.
