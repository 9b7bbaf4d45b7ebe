# SPDX-License-Identifier: GPL-2.0
# The memory-model check (lkmm.c) on a kind change: a barrier that a patch
# weakens below what the pattern of its classified pairs needs gets a
# WARNING: WEAKENED_BARRIER of its own, beside the KIND_CHANGE, saying
# which ordering is lost and why LKMM allows the outcome without it.  The
# fixtures are tests/lkmm's: one pair per pattern in virt/kvm/patterns.c,
# and the 2016 LKML thread's store buffering in arch/x86/kvm/.
#
# check-name: smp_mb() to smp_wmb() on one side of a store buffering pair is weakened: it no longer orders the store before the load
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub virt/kvm/patterns.c sb1_p0 'smp_mb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: virt/kvm/patterns.c:120: WARNING: KIND_CHANGE: smp_mb() in sb1_p0() becomes smp_wmb() (full to write): re-check its partners
# check-output-contains: virt/kvm/patterns.c:120: WARNING: WEAKENED_BARRIER: in sb1_p0(), smp_mb() becomes smp_wmb(): its store buffering (SB) with smp_mb() in sb1_p1() on kvm->sb1_x and kvm->sb1_y needs store->load from a full barrier here (writes kvm->sb1_x at line 118, then reads kvm->sb1_y at line 121), which the new barrier no longer gives; LKMM allows the outcome without it (
# check-output-contains: certainty high
#
# check-name: the item sits with the kind change, in the checklist
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub virt/kvm/patterns.c sb1_p0 'smp_mb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree $TMP/p.patch | sed -n '/^Barriers whose kind/,/^$/p' | cut -c1-75
# check-exit-value: 0
# check-output-start
# Barriers whose kind changes:
# [ ] virt/kvm/patterns.c:120: smp_mb() in sb1_p0() becomes smp_wmb() (full t
#       - it paired with smp_mb() in sb1_p1() (virt/kvm/patterns.c:130)
#       - named by the comment at virt/kvm/patterns.c:129
# [ ] virt/kvm/patterns.c:120: in sb1_p0(), smp_mb() becomes smp_wmb(): its s
#
# check-output-end
#
# check-name: smp_mb() to smp_wmb() on the writer of a message passing pair is not: store->store is all it needs
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub virt/kvm/patterns.c mp3_p0 'smp_mb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: KIND_CHANGE: smp_mb() in mp3_p0() becomes smp_wmb()
# check-output-excludes: WEAKENED_BARRIER
#
# check-name: a change to a barrier at least as strong is not weakened
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub virt/kvm/patterns.c sb2_p0 'smp_wmb();' 'smp_mb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: KIND_CHANGE: smp_wmb() in sb2_p0() becomes smp_mb()
# check-output-excludes: WEAKENED_BARRIER
#
# check-name: the 2016 thread: the zapper's smp_mb() to smp_wmb() loses the store->load order of the store buffering with vcpu_enter_guest()
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub arch/x86/kvm/mmu.c kvm_mmu_commit_zap_page 'smp_mb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree --terse $TMP/p.patch | grep WEAKENED
# check-exit-value: 0
# check-output-contains: arch/x86/kvm/mmu.c:21: WARNING: WEAKENED_BARRIER: in kvm_mmu_commit_zap_page(), smp_mb() becomes smp_wmb(): its store buffering (SB) with smp_mb() in vcpu_enter_guest() on kvm->arch.shadow_pt_root and kvm_vcpu->mode needs store->load from a full barrier here
#
# check-name: --ignore=WEAKENED_BARRIER leaves it out
# check-command: tests/check-patch/kpatch.py tests/lkmm/tree $TMP/w sub arch/x86/kvm/mmu.c kvm_mmu_commit_zap_page 'smp_mb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel tests/lkmm/tree --terse --ignore=WEAKENED_BARRIER $TMP/p.patch
# check-exit-value: 1
# check-output-contains: KIND_CHANGE
# check-output-excludes: WEAKENED_BARRIER
#
# On the real tree (lines masked).
#
# check-name: smp_mb__after_atomic() to smp_wmb() in vmx_deliver_nested_posted_interrupt() loses the store->load order of its store buffering with vcpu_enter_guest() (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub arch/x86/kvm/vmx/vmx.c vmx_deliver_nested_posted_interrupt 'smp_mb__after_atomic();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | grep WEAKENED | sed 's/ line [0-9]*/ line N/g; s/:[0-9][0-9]*:/:N:/'
# check-exit-value: 0
# check-output-contains: arch/x86/kvm/vmx/vmx.c:N: WARNING: WEAKENED_BARRIER: in vmx_deliver_nested_posted_interrupt(), smp_mb__after_atomic() becomes smp_wmb(): its store buffering (SB) with smp_mb__after_srcu_read_unlock() in vcpu_enter_guest()
# check-output-contains: needs store->load from a full barrier here
#
# check-name: smp_rmb() to smp_wmb() in kvm_get_vcpu() loses the load->load order of its message passing with kvm_vm_ioctl_create_vcpu() (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | grep WEAKENED | sed 's/ line [0-9]*/ line N/g; s/:[0-9][0-9]*:/:N:/'
# check-exit-value: 0
# check-output-contains: include/linux/kvm_host.h:N: WARNING: WEAKENED_BARRIER: in kvm_get_vcpu(), smp_rmb() becomes smp_wmb(): its message passing (MP) with smp_wmb() in kvm_vm_ioctl_create_vcpu()
# check-output-contains: needs load->load here
#
# check-name: a pair classified with low certainty is a CHECK: kvm_check_request()'s smp_mb__after_atomic() to smp_wmb(), whose reader's data is not seen (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h kvm_check_request 'smp_mb__after_atomic();' 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: KIND_CHANGE: smp_mb__after_atomic() in kvm_check_request() becomes smp_wmb()
# check-output-contains: CHECK: WEAKENED_BARRIER: in kvm_check_request(), smp_mb__after_atomic() becomes smp_wmb(): its message passing (MP) with smp_wmb() in __kvm_make_request()
# check-output-contains: certainty low
# check-output-excludes: WARNING: WEAKENED_BARRIER
