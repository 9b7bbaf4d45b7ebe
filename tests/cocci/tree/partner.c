static void helper(struct foo *f)
{
	f->x = 1;
}

static void real_writer(struct foo *f)
{
	f->data = 1;
	smp_wmb();
	f->ready = 1;
}

static void indirect_writer(struct foo *f)
{
	real_writer(f);
}

static void atomic_writer(struct foo *f)
{
	atomic_inc_return(&f->n);
}

static void reader(struct foo *f)
{
	/* Pairs with smp_wmb() in helper(). */
	smp_rmb();
	/* Pairs with smp_wmb() in real_writer(). */
	smp_rmb();
	/* Pairs with smp_wmb() in indirect_writer(), via real_writer(). */
	smp_rmb();
	/* Pairs with the barrier implied by atomic_writer(). */
	smp_rmb();
	/* Pairs with smp_wmb() in other_file_fn(). */
	smp_rmb();
	/* Ordering against helper() is not needed here. */
	smp_rmb();
}
