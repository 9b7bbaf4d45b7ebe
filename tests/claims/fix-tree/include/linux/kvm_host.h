/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture: comments whose repair is clear, and some whose repair is not. */
#ifndef FIXTURE_KVM_HOST_H
#define FIXTURE_KVM_HOST_H

struct kvm_vcpu {
	int mode;
};

struct kvm {
	bool tracking_enabled;
	void *slots;
	unsigned long seq;
	long in_progress;
	unsigned long gen;
	int other;
	unsigned long alpha, beta, beta_done;
	struct kvm_vcpu *vcpu;
};

static inline int fixture_exiting_mode(struct kvm_vcpu *vcpu)
{
	smp_mb__before_atomic();
	return cmpxchg(&vcpu->mode, 1, 2);
}

#endif
