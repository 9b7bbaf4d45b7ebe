# SPDX-License-Identifier: GPL-2.0
# Weak references ("see F()", "synchronizes with", "the other side is"):
# on a barrier's own comment they name its partner, but a comment that
# belongs to no barrier and names none only points elsewhere.  Removing
# F()'s barrier must not list it; a "see F()" comment that speaks of the
# barrier still is.  weak-tree/ holds one of each.
#
# check-name: removing the smp_wmb() in publish() lists the "see publish()" comment that speaks of the barrier, not the one that does not
# check-command: tests/check-patch/kpatch.py $dir/weak-tree $TMP/w drop virt/kvm/weak.c publish 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/weak-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/weak.c:13: WARNING: REMOVED_BARRIER: (before the patch) smp_wmb() in publish() is removed by the patch
# virt/kvm/weak.c:20: ERROR: STALE_COMMENT: the comment on smp_rmb() in consume() names smp_wmb() in publish(), which the patch removes; the patch does not change this comment
# virt/kvm/weak.c:33: ERROR: STALE_COMMENT: the comment in peek() names smp_wmb() in publish(), which the patch removes; the patch does not change this comment
# check-output-end
#
# check-name: renaming publish() leaves the "see publish()" that speaks of its barrier dangling, not the other
# check-command: tests/check-patch/kpatch.py $dir/weak-tree $TMP/w sub virt/kvm/weak.c publish 'void publish(' 'void publish_data(' > $TMP/p.patch && $BM check-patch --kernel $dir/weak-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: virt/kvm/weak.c:34: ERROR: DANGLING_NAME: the comment in peek() names publish(), which the patch renames to publish_data()
# check-output-excludes: weak.c:28:
#
# check-name: removing the smp_mb() in icp_rm_deliver_irq() does not list xics_rm_h_cppr()'s "see comments in icp_rm_deliver_irq" (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/powerpc/kvm/book3s_hv_rm_xics.c icp_rm_deliver_irq 'smp_mb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: REMOVED_BARRIER: (before the patch) smp_mb() in icp_rm_deliver_irq() is removed by the patch
# check-output-excludes: xics_rm_h_cppr
