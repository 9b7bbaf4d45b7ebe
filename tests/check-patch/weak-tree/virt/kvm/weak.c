// SPDX-License-Identifier: GPL-2.0
/*
 * A fixture for check-patch: "see F()" comments that belong to no
 * barrier.  One points at publish() for something else than its barrier,
 * one speaks of that barrier.
 */
#include <linux/kvm_host.h>

void publish(struct kvm *kvm)
{
	kvm->data = 1;
	/* Pairs with smp_rmb() in consume(). */
	smp_wmb();
	kvm->ready = 1;
}

int consume(struct kvm *kvm)
{
	if (!kvm->ready)
		return 0;
	/* Pairs with smp_wmb() in publish(). */
	smp_rmb();
	return kvm->data;
}

void reset(struct kvm *kvm)
{
	/* The generation starts at one, see publish(). */
	kvm->gen = 1;
}

int peek(struct kvm *kvm)
{
	/* Readers need the smp_wmb() of the writer: see publish(). */
	return kvm->ready ? kvm->data : 0;
}
