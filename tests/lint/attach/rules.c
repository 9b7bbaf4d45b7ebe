// SPDX-License-Identifier: GPL-2.0
/* Fixture for the comment rules of attach.c; copied into a tree by attach.test. */

void rule_above(struct kvm *kvm)
{
	/* Pairs with smp_rmb() in rule_reader(). */
	smp_wmb();
}

void rule_trailing(struct kvm *kvm)
{
	smp_wmb();	/* Pairs with smp_rmb() in rule_reader(). */
}

void rule_inside(struct kvm *kvm)
{
	smp_store_release(&kvm->seq, /* pairs with rule_reader() */ 1);
}

void rule_nearby_named(struct kvm *kvm)
{
	/* This smp_wmb() pairs with the smp_rmb() in rule_reader(). */
	kvm->a = 1;
	smp_wmb();
}

void rule_nearby_plain(struct kvm *kvm)
{
	/* Pairs with the smp_rmb() in rule_reader(). */
	kvm->a = 1;
	kvm->b = 2;
	smp_wmb();
}

void rule_not_across_a_call(struct kvm *kvm)
{
	/* Pairs with the smp_rmb() in rule_reader(). */
	rule_helper(kvm);
	smp_wmb();
}

void rule_below(struct kvm *kvm)
{
	kvm->seq++;
	smp_wmb();
	/*
	 * The increment is visible before the decrement, by the smp_wmb
	 * above in conjunction with the smp_rmb in rule_reader().
	 */
	kvm->busy--;
}

void rule_reader(struct kvm *kvm)
{
	smp_rmb();
}
