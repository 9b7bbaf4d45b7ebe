/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fixture for check-patch's reliance claims: a request is made through
 * two calls, the barrier in the inner one, as in the kernel's
 * kvm_make_request() and __kvm_make_request().
 */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

struct kvm_vcpu {
	unsigned long requests;
	int event, mode;
};

static inline void __kvm_make_request(int req, struct kvm_vcpu *vcpu)
{
	/* Pairs with smp_mb__after_atomic() in kvm_check_request(). */
	smp_wmb();
	set_bit(req, &vcpu->requests);
}

static inline void kvm_make_request(int req, struct kvm_vcpu *vcpu)
{
	__kvm_make_request(req, vcpu);
}

static inline bool kvm_check_request(int req, struct kvm_vcpu *vcpu)
{
	if (test_bit(req, &vcpu->requests)) {
		clear_bit(req, &vcpu->requests);
		/* Pairs with smp_wmb() in __kvm_make_request(). */
		smp_mb__after_atomic();
		return true;
	}
	return false;
}

#endif
