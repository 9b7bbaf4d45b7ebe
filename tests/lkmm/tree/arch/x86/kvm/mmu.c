// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture: the store buffering of the 2016 LKML thread "KVM: Remove
 * redundant smp_mb() in kvm_mmu_commit_zap_page()", reduced to its
 * accesses.  The zapper writes the page tables, then reads vcpu->mode to
 * decide whom to kick; the vCPU writes vcpu->mode, then walks the page
 * tables.  Only a full barrier on both sides keeps both from missing the
 * other's store (SB+fencembonceonces.litmus); tests/lkmm/thread-2016.test
 * weakens this side.
 */
struct kvm;
struct kvm_vcpu;

void kvm_mmu_commit_zap_page(struct kvm *kvm, struct kvm_vcpu *vcpu)
{
	WRITE_ONCE(kvm->arch.shadow_pt_root, NULL);
	/*
	 * Order the page table writes before reading vcpu->mode.  Pairs with
	 * smp_mb() in vcpu_enter_guest().
	 */
	smp_mb();
	if (READ_ONCE(vcpu->mode) == IN_GUEST_MODE)
		kvm_vcpu_kick(vcpu);
}
