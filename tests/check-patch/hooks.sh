# SPDX-License-Identifier: GPL-2.0
# The recipes of rst/usage.rst, as written there, on a throwaway repository
# made from the real tree: the sendemail-validate hook under a real
# `git send-email --dry-run` (nothing is sent), the b4
# prep-perpatch-check-cmd run as `b4 prep --check` runs it (b4-check.py),
# and, under the b4 Debian 12 has (0.12, which has no --check), the
# --git recipe on a real `b4 prep` branch.
# The repository gets two commits: one removes smp_rmb() in kvm_get_vcpu()
# (whose partner's comment then names nothing), one only adds a comment.
#
# check-name: the sendemail-validate hook of the docs stops git send-email on a patch that leaves a comment false, and lets a clean one and a cover letter through
# check-command: R=$TMP/r; tests/check-patch/gitrepo.sh $KERNEL $R && mkdir $TMP/bin && ln -s $BM $TMP/bin/barriermap && export PATH=$TMP/bin:$PATH && sed -n '/^    #!\/bin\/sh$/,/^$/s/^    //p' rst/usage.rst > $R/.git/hooks/sendemail-validate && chmod +x $R/.git/hooks/sendemail-validate && tests/check-patch/kpatch.py -s git $R $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' | git -C $R apply && git -C $R -c user.name=A -c user.email=a@example.com commit -q -a -m 'KVM: drop smp_rmb() in kvm_get_vcpu()' && sed -i 's|^#include <linux/kvm_host.h>$|&\n/* A comment that names no barrier. */|' $R/virt/kvm/dirty_ring.c && git -C $R -c user.name=A -c user.email=a@example.com commit -q -a -m 'KVM: a comment' && git -C $R format-patch -q --cover-letter -o $TMP/out HEAD~2 && sed -i 's/[*][*][*] SUBJECT HERE [*][*][*]/KVM: a series/' $TMP/out/0000-*.patch && S="git -C $R send-email --dry-run --confirm=never --suppress-cc=all --to=nobody@example.com --from=author@example.com --smtp-server=/bin/false"; $S $TMP/out/0000-*.patch $TMP/out/0002-*.patch > $TMP/ok.out 2>&1; echo "cover letter and clean patch: exit $?"; grep -c '^Dry-OK' $TMP/ok.out; $S $TMP/out/0001-*.patch > $TMP/bad.out 2>&1; [ $? != 0 ] && echo "removal: refused"; grep -o 'rejected by sendemail-validate hook' $TMP/bad.out; grep -o 'ERROR: STALE_COMMENT: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu()' $TMP/bad.out; echo "sent: $(grep -c '^Dry-OK' $TMP/bad.out)"
# check-exit-value: 0
# check-output-start
# cover letter and clean patch: exit 0
# 2
# removal: refused
# rejected by sendemail-validate hook
# ERROR: STALE_COMMENT: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu()
# sent: 0
# check-output-end
#
# check-name: the b4 prep-perpatch-check-cmd of the docs reports the stale comment as a failure and a clean patch as passing
# check-command: R=$TMP/r; tests/check-patch/gitrepo.sh $KERNEL $R && mkdir $TMP/bin && ln -s $BM $TMP/bin/barriermap && export PATH=$TMP/bin:$PATH && git -C $R config --add b4.prep-perpatch-check-cmd "$(sed -n 's/^ *prep-perpatch-check-cmd = \(barriermap .*\)$/\1/p' rst/usage.rst)" && tests/check-patch/kpatch.py -s git $R $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' | git -C $R apply && git -C $R -c user.name=A -c user.email=a@example.com commit -q -a -m 'KVM: drop smp_rmb() in kvm_get_vcpu()' && sed -i 's|^#include <linux/kvm_host.h>$|&\n/* A comment that names no barrier. */|' $R/virt/kvm/dirty_ring.c && git -C $R -c user.name=A -c user.email=a@example.com commit -q -a -m 'KVM: a comment' && git -C $R format-patch -q -o $TMP/out HEAD~2 && cd $TMP && $ROOT/tests/check-patch/b4-check.py $R $TMP/out/0001-*.patch $TMP/out/0002-*.patch | sed 's/:[0-9]*: /:N: /'
# check-exit-value: 0
# check-output-start
# warning: barriermap: include/linux/kvm_host.h:N: WARNING: REMOVED_BARRIER: (before the patch) smp_rmb() in kvm_get_vcpu() is removed by the patch
# fail: barriermap: virt/kvm/kvm_main.c:N: ERROR: STALE_COMMENT: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu(), which the patch removes; the patch does not change this comment
# success: barriermap: passed all checks
# check-output-end
#
# check-name: b4 without prep --check (Debian 12's 0.12): the recipe of the docs checks the prep branch's commits and reports the stale comment
# check-command: R=$TMP/r; tests/check-patch/gitrepo.sh $KERNEL $R && mkdir $TMP/bin && ln -s $BM $TMP/bin/barriermap && export PATH=$TMP/bin:$PATH HOME=$TMP && git -C $R config user.name A && git -C $R config user.email a@example.com && cd $R && b4 prep -n audit -f HEAD > $TMP/b4.out 2>&1 && $ROOT/tests/check-patch/kpatch.py -s git $R $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' | git apply && git -c commit.gpgsign=false commit -q -a -m 'KVM: drop smp_rmb() in kvm_get_vcpu()' && sh -c "$(sed -n 's/^    \(barriermap check-patch --terse --git .*\)$/\1/p' $ROOT/rst/usage.rst)" | sed 's/:[0-9]*: /:N: /'; echo "exit ${PIPESTATUS[0]}"
# check-exit-value: 0
# check-output-start
# include/linux/kvm_host.h:N: WARNING: REMOVED_BARRIER: (before the patch) smp_rmb() in kvm_get_vcpu() is removed by the patch
# virt/kvm/kvm_main.c:N: ERROR: STALE_COMMENT: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu(), which the patch removes; the patch does not change this comment
# exit 1
# check-output-end
