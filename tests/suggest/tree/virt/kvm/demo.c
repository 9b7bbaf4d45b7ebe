// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture for suggest: demo_publish() and demo_read_ready() (in
 * kvm_host.h) pair on payload and ready; demo_tell() and demo_hear() pair
 * on note and noted, but demo_tell()'s barrier has a comment on its line,
 * and demo_whisper()'s one before it, so suggest leaves them alone.
 */
struct kvm;
struct kvm_vcpu;

void demo_publish(struct kvm *kvm, int v)
{
	kvm->demo_payload = v;
	smp_wmb();
	WRITE_ONCE(kvm->demo_ready, 1);
}

void demo_tell(struct kvm_vcpu *vcpu, int v)
{
	vcpu->demo_note = v;
	smp_wmb(); /* note before noted */
	WRITE_ONCE(vcpu->demo_noted, 1);
}

void demo_whisper(struct kvm_vcpu *vcpu, int v)
{
	vcpu->demo_murmur = v;
	/* murmur first */ smp_wmb();
	WRITE_ONCE(vcpu->demo_murmured, 1);
}

int demo_hear(struct kvm_vcpu *vcpu)
{
	if (!READ_ONCE(vcpu->demo_noted) || !READ_ONCE(vcpu->demo_murmured))
		return 0;
	smp_rmb();
	return vcpu->demo_note + vcpu->demo_murmur;
}
