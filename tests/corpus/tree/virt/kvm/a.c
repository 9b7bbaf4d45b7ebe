// SPDX-License-Identifier: GPL-2.0
/* smp_mb(); in a comment is no site */
#define PUBLISH(x) do { smp_wmb(); (x) = 1; } while (0)

static const char *s = "smp_rmb();";

static int writer(struct kvm *kvm)
{
	kvm->a = 1;
	smp_wmb();	/* pairs with smp_rmb() in reader() */
	kvm->b = 1;
	if (kvm->c) {
		smp_wmb();
	}
	kvm->ops->smp_mb();
	return atomic_cmpxchg_acquire(&kvm->lock, 0, 1);
}

static void reader(struct kvm *kvm)
{
	struct foo f = { .x = 1 };

	while (!kvm->b)
		cpu_relax();
	smp_rmb();
	atomic_set_release(&kvm->lock, 0);
}
