# SPDX-License-Identifier: GPL-2.0
# A new barrier on a path that already has one at least as strong, with no
# memory access between them, gets a hedged "possibly redundant" item
# naming the barrier that is already there (type REDUNDANT_BARRIER).
#
# check-name: an smp_wmb() added right before kvm_make_request(), whose callee starts with one, is possibly redundant (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'struct kvm_queued_exception *ex' '\tsmp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | sed 's/:[0-9]*\([:),]\)/:N\1/g'
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/x86.c:N: WARNING: UNPAIRED_BARRIER: smp_wmb() in kvm_queue_exception_vmexit() is added without a comment naming the barrier it pairs with
# arch/x86/kvm/x86.c:N: CHECK: REDUNDANT_BARRIER: smp_wmb() in kvm_queue_exception_vmexit() is possibly redundant: smp_wmb() in __kvm_make_request() (include/linux/kvm_host.h:N, reached through kvm_make_request() -> __kvm_make_request()) follows it with no memory access between, and is at least as strong
# check-output-end
#
# check-name: an smp_mb() there is not: the smp_wmb() that follows is weaker
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'struct kvm_queued_exception *ex' '\tsmp_mb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-excludes: REDUNDANT_BARRIER
# check-output-contains: UNPAIRED_BARRIER
#
# check-name: the same with stores before it: they are what the smp_wmb() in __kvm_make_request() orders
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'ex->payload = payload;' '\tsmp_wmb();\n\tkvm_make_request(KVM_REQ_EVENT, vcpu);' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: CHECK: REDUNDANT_BARRIER: smp_wmb() in kvm_queue_exception_vmexit() is possibly redundant: smp_wmb() in __kvm_make_request()
#
# check-name: an smp_wmb() with a store between it and kvm_make_request() is not redundant
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'ex->has_payload = has_payload;' '\tsmp_wmb();' insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'ex->payload = payload;' '\tkvm_make_request(KVM_REQ_EVENT, vcpu);' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: UNPAIRED_BARRIER: smp_wmb() in kvm_queue_exception_vmexit()
# check-output-excludes: REDUNDANT_BARRIER
#
# check-name: an smp_wmb() before a call whose argument is read is not redundant with the callee's
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w insert arch/x86/kvm/x86.c kvm_queue_exception_vmexit 'ex->payload = payload;' '\tsmp_wmb();\n\tkvm_make_request(KVM_REQ_EVENT, vcpu->arch.apic->vcpu);' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-excludes: REDUNDANT_BARRIER
#
# check-name: a second smp_mb() right after one is possibly redundant, naming the first
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w insert virt/kvm/kvm_main.c kick_vcpu 'smp_mb();' '\tsmp_mb();' > $TMP/p.patch && $BM check-patch --kernel $dir/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/kvm_main.c:27: CHECK: REDUNDANT_BARRIER: smp_mb() in kick_vcpu() is possibly redundant: smp_mb() in kick_vcpu() (virt/kvm/kvm_main.c:26) precedes it with no memory access between, and is at least as strong
# check-output-end
#
# check-name: an smp_mb() with a store between it and the one before is not redundant
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w insert virt/kvm/kvm_main.c kick_vcpu 'smp_mb();' '\tkvm->kicked = 2;\n\tsmp_mb();' > $TMP/p.patch && $BM check-patch --kernel $dir/tree $TMP/p.patch
# check-exit-value: 0
# check-output-contains: smp_mb() in kick_vcpu() is added
# check-output-excludes: redundant
#
# check-name: an smp_mb() right after a value-returning atomic is possibly redundant with the barrier the atomic implies
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w insert virt/kvm/kvm_main.c kick_vcpu 'kvm->request = 1;' '\tatomic_inc_return(&kvm->users);\n\tsmp_mb__after_atomic();\n\tkvm->x = 1;' > $TMP/p.patch && $BM check-patch --kernel $dir/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: virt/kvm/kvm_main.c:26: CHECK: REDUNDANT_BARRIER: smp_mb__after_atomic() in kick_vcpu() is possibly redundant: the barrier implicit in atomic_inc_return() in kick_vcpu() (virt/kvm/kvm_main.c:25) precedes it with no memory access between, and is at least as strong
#
# check-name: a barrier added right before an existing one at least as strong is possibly redundant with the one after it
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w insert virt/kvm/kvm_main.c vcpu_wait 'kvm->mode = 1;' '\tsmp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: virt/kvm/kvm_main.c:34: CHECK: REDUNDANT_BARRIER: smp_wmb() in vcpu_wait() is possibly redundant: smp_mb() in vcpu_wait() (virt/kvm/kvm_main.c:36) follows it with no memory access between, and is at least as strong
