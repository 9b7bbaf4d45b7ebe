// SPDX-License-Identifier: GPL-2.0
/* Fixture: a pair within one powerpc file. */
struct kvm_vcpu;

void kvmppc_demo_prod(struct kvm_vcpu *vcpu)
{
	vcpu->arch.demo_prodded = 1;
	smp_mb();
	if (READ_ONCE(vcpu->arch.demo_ceded))
		vcpu->arch.demo_kicks++;
}

void kvmppc_demo_cede(struct kvm_vcpu *vcpu)
{
	vcpu->arch.demo_ceded = 1;
	smp_mb();
	if (READ_ONCE(vcpu->arch.demo_prodded))
		vcpu->arch.demo_prodded = 0;
}
