// SPDX-License-Identifier: GPL-2.0
/* Fixture: a VMX writer whose reader is in arch/x86/kvm/x86.c. */
struct kvm_vcpu;

void vmx_post_demo(struct kvm_vcpu *vcpu, int v)
{
	vcpu->arch.demo_vector = v;
	smp_wmb();
	WRITE_ONCE(vcpu->arch.demo_pending, 1);
}
