// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: x86 code on a field of the same name. */

void fixture_accept_irq(struct kvm_vcpu *vcpu)
{
	vcpu->arch.doorbell_request = 1;
	vcpu->arch.vcore = 0;
	smp_wmb();
	vcpu->arch.pending = 1;
}
