# SPDX-License-Identifier: GPL-2.0
# --terse: one line per item that needs attention, FILE:LINE: SEVERITY:
# TYPE: message, as checkpatch.pl --terse --show-types; nothing else.
#
# check-name: --terse on a patch removing both barriers of a pair
# check-command: $BM check-patch --kernel $dir/tree --terse $dir/remove-pair.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/kvm_main.c:9: WARNING: REMOVED_BARRIER: (before the patch) smp_wmb() in publish_vcpus() is removed by the patch
# virt/kvm/kvm_main.c:18: WARNING: REMOVED_BARRIER: (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
# check-output-end
#
# check-name: --terse on a new barrier without a comment
# check-command: $BM check-patch --kernel $dir/tree --terse - < $dir/added-undocumented.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/kvm_main.c:11: WARNING: UNPAIRED_BARRIER: smp_wmb() in publish_vcpus() is added without a comment naming the barrier it pairs with
# check-output-end
#
# check-name: --terse on a kind change
# check-command: $BM check-patch --kernel $dir/tree --terse $dir/kind-change.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/kvm_main.c:26: WARNING: KIND_CHANGE: smp_mb() in kick_vcpu() becomes smp_mb__after_atomic() (both full): re-check its partners
# check-output-end
#
# check-name: --terse prints nothing when nothing needs attention
# check-command: $BM check-patch --kernel $dir/tree --terse $dir/added-paired.patch
# check-exit-value: 0
# check-output-start
# check-output-end
#
# check-name: --terse on a removal that leaves its partner's comment stale: the comment is an ERROR
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/kvm_main.c:18: WARNING: REMOVED_BARRIER: (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
# virt/kvm/kvm_main.c:8: ERROR: STALE_COMMENT: the comment on smp_wmb() in publish_vcpus() names smp_rmb() in lookup_vcpus(), which the patch removes; the patch does not change this comment
# check-output-end
#
# check-name: --ignore leaves a TYPE out, and with it the exit status it caused
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/tree --terse --ignore=REMOVED_BARRIER $TMP/p.patch; echo "exit $?"; $BM check-patch --kernel $dir/tree --terse --ignore REMOVED_BARRIER,STALE_COMMENT $TMP/p.patch; echo "exit $?"
# check-exit-value: 0
# check-output-start
# virt/kvm/kvm_main.c:8: ERROR: STALE_COMMENT: the comment on smp_wmb() in publish_vcpus() names smp_rmb() in lookup_vcpus(), which the patch removes; the patch does not change this comment
# exit 1
# exit 0
# check-output-end
#
# check-name: --ignore with a TYPE that does not exist lists the types
# check-command: $BM check-patch --kernel $dir/tree --ignore=STALE $dir/remove-pair.patch
# check-exit-value: 2
# check-error-contains: barriermap: --ignore: unknown type 'STALE'; the types are NEW_BARRIER, UNPAIRED_BARRIER, UNRESOLVED_PARTNER, REDUNDANT_BARRIER, REMOVED_BARRIER, MOVED_BARRIER, STALE_COMMENT, UPDATED_COMMENT, KIND_CHANGE, WEAKENED_BARRIER, BROKEN_PAIRING, DANGLING_NAME, BROKEN_CLAIM
#
# check-name: --terse on the real tree: a renamed function leaves a dangling name, an ERROR
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h - 'bool kvm_check_request(' 'bool kvm_test_and_clear_request(' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | sed 's/:[0-9]*: /:N: /'
# check-exit-value: 0
# check-output-start
# include/linux/kvm_host.h:N: ERROR: DANGLING_NAME: the comment on smp_wmb() in __kvm_make_request() names kvm_check_request(), which the patch renames to kvm_test_and_clear_request()
# check-output-end
#
# check-name: --terse on the real tree: a callee that stops supplying a partner breaks a pairing, an ERROR
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h kvm_make_request '__kvm_make_request(req, vcpu);' 'set_bit(req & KVM_REQUEST_MASK, (void *)&vcpu->requests);' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | sed 's/:[0-9]*: /:N: /'
# check-exit-value: 0
# check-output-contains: include/linux/kvm_host.h:N: ERROR: BROKEN_PAIRING: the pairing comment on smp_mb__after_atomic() in kvm_check_request() no longer holds: partner smp_wmb() in kvm_make_request() not found
#
# check-name: --terse lines of the real-tree removal with an implied partner
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/x86/kvm/x86.c vcpu_enter_guest 'smp_mb__after_srcu_read_unlock();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | sed 's/:[0-9]*: /:N: /'
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/x86.c:N: WARNING: REMOVED_BARRIER: (before the patch) smp_mb__after_srcu_read_unlock() in vcpu_enter_guest() is removed by the patch
# arch/x86/kvm/mmu/mmu.c:N: ERROR: STALE_COMMENT: the comment in kvm_mmu_commit_zap_page() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes; the patch does not change this comment
# arch/x86/kvm/svm/svm.c:N: ERROR: STALE_COMMENT: the comment on smp_mb__after_atomic() in svm_deliver_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes; the patch does not change this comment
# arch/x86/kvm/vmx/vmx.c:N: ERROR: STALE_COMMENT: the comment on smp_mb__after_atomic() in vmx_deliver_nested_posted_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes; the patch does not change this comment
# arch/x86/kvm/vmx/vmx.c:N: ERROR: STALE_COMMENT: the comment in vmx_deliver_posted_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes; the patch does not change this comment
# virt/kvm/kvm_main.c:N: ERROR: STALE_COMMENT: the comment in kvm_flush_remote_tlbs() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes; the patch does not change this comment
# check-output-end
#
# check-name: --terse is a format of its own: with --format it is a usage error, not a silent choice
# check-command: $BM check-patch --kernel $dir/tree --terse --format=json $dir/remove-pair.patch
# check-exit-value: 2
# check-error-contains: barriermap: check-patch: --terse and --format go one at a time
