// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: sparse's lock annotations. */
#include <linux/kvm_host.h>

static int fixture_run(struct kvm_vcpu *vcpu, struct page *p)
	__releases(vcpu->kvm->srcu)
	__acquires(vcpu->kvm->srcu)
{
	p->data = 1;
	/* Pairs with smp_rmb() in fixture_locked(). */
	smp_wmb();
	p->ready = 1;
	return 0;
}

void fixture_locked(struct page *p) __must_hold(&p->lock)
{
	if (!p->ready)
		return;
	/* Pairs with smp_wmb() in fixture_run(). */
	smp_rmb();
	use(p->data);
}

static void fixture_cond(struct page *p)
	__cond_acquires(&p->lock) __attribute__((unused))
{
	barrier();
}
