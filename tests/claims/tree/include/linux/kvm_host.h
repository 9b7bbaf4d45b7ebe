/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture: the callees the claims in virt/kvm/claims.c rely on. */
#ifndef FIXTURE_KVM_HOST_H
#define FIXTURE_KVM_HOST_H

struct kvm_vcpu {
	int mode;
	unsigned long requests;
};

struct kvm {
	int ready;
	int payload;
	unsigned long seq;
	struct kvm_vcpu *vcpu;
};

static inline int fixture_exiting_mode(struct kvm_vcpu *vcpu)
{
	/* Orders the request before the read of vcpu->mode. */
	smp_mb__before_atomic();
	return cmpxchg(&vcpu->mode, 1, 2);
}

static inline void fixture_publish(struct kvm *kvm, int v)
{
	kvm->payload = v;
	smp_wmb();
	WRITE_ONCE(kvm->ready, 1);
}

#endif
