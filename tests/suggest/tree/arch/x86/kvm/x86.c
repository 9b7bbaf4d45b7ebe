// SPDX-License-Identifier: GPL-2.0
/* Fixture: the reader of vmx_post_demo() in arch/x86/kvm/vmx/vmx.c. */
struct kvm_vcpu;

int vcpu_enter_guest(struct kvm_vcpu *vcpu)
{
	if (!READ_ONCE(vcpu->arch.demo_pending))
		return 0;
	smp_rmb();
	return vcpu->arch.demo_vector;
}
