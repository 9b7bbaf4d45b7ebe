// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: callees through function pointers. */
#include <linux/kvm_host.h>

struct range {
	void (*on_lock)(struct kvm *kvm);
	void (*release)(struct kvm *kvm);
};

void fixture_invalidate_end(struct kvm *kvm)
{
	kvm->seq++;
	/* Pairs with smp_rmb() in fixture_reader(). */
	smp_wmb();
	kvm->count--;
}

static void fixture_handle(struct kvm *kvm, const struct range *range)
{
	range->on_lock(kvm);
}

void fixture_range_end(struct kvm *kvm)
{
	const struct range r = {
		.on_lock = (void *)&fixture_invalidate_end,
	};

	fixture_handle(kvm, &r);
}

int fixture_reader(struct kvm *kvm)
{
	int seq = kvm->seq;

	/* Pairs with the smp_wmb() in fixture_range_end(). */
	smp_rmb();
	return seq + kvm->count;
}

/* .release is assigned too often (ops.c) to say what a call through it reaches. */
void fixture_put(struct kvm *kvm, const struct range *range)
{
	range->release(kvm);
}

int fixture_release_reader(struct kvm *kvm)
{
	/* Pairs with the smp_wmb() in fixture_put(). */
	smp_rmb();
	return kvm->count;
}
