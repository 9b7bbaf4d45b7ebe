/* SPDX-License-Identifier: GPL-2.0 */
/* A fixture written for barriermap's tests: each function shows one status. */
#ifndef FIXTURE_KVM_HOST_H
#define FIXTURE_KVM_HOST_H

struct kvm {
	int online;
	void *slot[8];
};

static inline void *fixture_get(struct kvm *kvm, int i)
{
	if (i >= kvm->online)
		return NULL;
	/* Pairs with smp_wmb() in fixture_create. */
	smp_rmb();
	return kvm->slot[i];
}

static inline void __fixture_make_request(int req, unsigned long *reqs)
{
	/* Paired with the smp_mb__after_atomic in fixture_check_request. */
	smp_wmb();
	set_bit(req, reqs);
}

static inline void fixture_make_request(int req, unsigned long *reqs)
{
	__fixture_make_request(req, reqs);
}

static inline bool fixture_check_request(int req, unsigned long *reqs)
{
	if (test_bit(req, reqs)) {
		clear_bit(req, reqs);
		/* Paired with the smp_wmb in fixture_make_request. */
		smp_mb__after_atomic();
		return true;
	}
	return false;
}

#endif
