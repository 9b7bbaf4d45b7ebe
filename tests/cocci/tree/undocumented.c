static void writer(struct foo *f)
{
	f->data = 1;
	/* Pairs with smp_rmb() in reader(). */
	smp_wmb();
	f->ready = 1;
}

static void reader(struct foo *f)
{
	if (!f->ready)
		return;
	smp_rmb(); /* pairs with smp_wmb() in writer() */
	use(f->data);
}

static void nocomment(struct foo *f)
{
	f->a = 1;
	smp_mb();
	x = smp_load_acquire(&f->b);
	/*
	 * Ordering: pairs with smp_store_release in
	 * other().
	 */
	y = f->c + smp_load_acquire(&f->b);
}

static void more(struct foo *f)
{
	if (x)
		smp_mb__after_atomic();
	/* smp_wmb orders data before flag; pairs with reader() */
	f->a = 1;
	f->b = 2;
	smp_wmb();
	f->c = 3;
	f->d = 4;
	f->e = 5;
	barrier();
	/* smp_rmb: pairs with writer */
	smp_rmb();
	return smp_load_acquire(&f->x);
}

static void exprs(struct foo *f)
{
	bool in_guest = (smp_load_acquire(&f->mode) == 1);

	if (smp_load_acquire(&f->y))
		f->z = 1;
	while (!smp_load_acquire(&f->w))
		cpu_relax();
	WRITE_ONCE(f->q, smp_load_acquire(&f->r));
	f->s = smp_load_acquire(&f->t) + 1;
	return smp_load_acquire(&f->u) & 1;
}

#define publish(f) do { smp_wmb(); (f)->ready = 1; } while (0)

static void not_pairing(struct foo *f)
{
	f->a = 1;	/* pairs with smp_rmb() in reader(), but belongs to f->a */
	smp_wmb();
	/* Pairs with smp_rmb() in reader(), and names no barrier here. */
	f->b = compute(f);
	f->c = 2;
	smp_wmb();
	/* The kvm_get/kvm_put pair needs no ordering. */
	smp_mb();
	barrier();
}

static void plain_and_below(struct foo *f)
{
	/* Pairs with smp_rmb() in reader(). */
	f->b = 1;
	f->c = 2;
	smp_wmb();
	f->seq++;
	smp_wmb();
	/* the smp_wmb above pairs with smp_rmb() in reader() */
	f->d = 1;
}
