// SPDX-License-Identifier: GPL-2.0
/* Fixture: the vCPU side of arch/x86/kvm/mmu.c's store buffering. */
struct kvm_vcpu;

int vcpu_enter_guest(struct kvm_vcpu *vcpu)
{
	WRITE_ONCE(vcpu->mode, IN_GUEST_MODE);
	/*
	 * Order the write to mode before the page table walk.  Pairs with
	 * smp_mb() in kvm_mmu_commit_zap_page().
	 */
	smp_mb();
	return walk_page_tables(READ_ONCE(vcpu->kvm->arch.shadow_pt_root));
}
