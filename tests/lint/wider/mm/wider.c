// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture: pairing comments as other subsystems write them (mm, fs, sound,
 * kernel/sched), each read as a reviewer reads it.
 */
#include <linux/wd.h>

/* "See comment in F()" on a barrier that does the same job as F's. */
void wd_install(struct wd_table *t, long *e)
{
	spin_lock(&t->lock);
	if (!t->entry) {
		/*
		 * Ensure the entry is set up before it is visible.  The other
		 * side of the story is the pointer chasing in the table walking
		 * code.
		 */
		smp_wmb();
		t->entry = e;
	}
	spin_unlock(&t->lock);
}

void wd_install_kernel(struct wd_table *t, long *e)
{
	spin_lock(&t->lock);
	if (!t->entry) {
		smp_wmb(); /* See comment in wd_install() */
		t->entry = e;
	}
	spin_unlock(&t->lock);
}

/* A lock paired with the function whose unlock it meets. */
void wd_alloc(struct wd_table *t)
{
	t->data = 1;
	spin_lock(&t->lock);
	t->extents++;
	spin_unlock(&t->lock);
}

void wd_remove(struct wd_table *t)
{
	/* This is paired with wd_alloc(). */
	spin_lock(&t->lock);
	t->extents--;
	spin_unlock(&t->lock);
}

/* Brace expansion: "wd_format_{data,attr}_fork()" names two functions. */
void wd_format_data_fork(struct wd_table *t)
{
	t->extents = 0;
	smp_store_release(&t->needextents, 1);
}

void wd_format_attr_fork(struct wd_table *t)
{
	t->extents = 0;
	smp_store_release(&t->needextents, 1);
}

int wd_need_extents(struct wd_table *t)
{
	/* see wd_format_{data,attr}_fork() for needextents semantics */
	return smp_load_acquire(&t->needextents) != 0;
}

/* "the stop_count increment in F()": F is the function, not stop_count. */
void wd_check_format(struct wd_table *t)
{
	t->data = 2;
	smp_wmb();
	atomic_inc(&t->stop_count);
}

int wd_free(struct wd_table *t)
{
	/* Pair with the stop_count increment in wd_check_format(). */
	smp_rmb();
	return atomic_read(&t->stop_count) ? t->data : 0;
}

/* An English word after "in" is no function. */
void wd_expedited(struct wd_table *t)
{
	/*
	 * Matches memory barriers after rq->curr modification in
	 * scheduler.
	 */
	smp_mb();
	t->ready = READ_ONCE(t->curr);
}

/* "the unlock() in the callers" names no function either. */
void wd_fault(struct wd_table *t)
{
	/*
	 * It's a pity that we need to retake the lock here to pair with the
	 * unlock() in the callers.
	 */
	spin_lock(&t->lock);
	t->ready = 0;
}

/* "see comments in F()" where F's comment explains the same barrier. */
int wd_freeze(struct wd_table *t)
{
	spin_lock(&t->lock);
	/*
	 * The smp_rmb is needed to ensure the data load is not satisfied
	 * before that of stop_count; the lock provides it here.
	 */
	t->ready = atomic_read(&t->stop_count);
	spin_unlock(&t->lock);
	return t->data;
}

int wd_discard(struct wd_table *t)
{
	int n = atomic_read(&t->stop_count);

	/*
	 * Order reads for the count and the data
	 * (see comments in wd_freeze()).
	 */
	smp_rmb();
	return n + t->data;
}

/* "wd_(select|migrate)_sock()" names two functions, as "{a,b}" does. */
void wd_add_sock(struct wd_table *t)
{
	t->data = 3;
	/* paired with smp_rmb() in wd_(select|migrate)_sock() */
	smp_wmb();
	t->ready = 1;
}

int wd_select_sock(struct wd_table *t)
{
	if (!READ_ONCE(t->ready))
		return 0;
	smp_rmb();
	return t->data;
}

int wd_migrate_sock(struct wd_table *t)
{
	if (!READ_ONCE(t->ready))
		return -1;
	smp_rmb();
	return t->data;
}

/* "the curr increment in the shootdown code": an object; no function. */
void wd_switch(struct wd_table *t)
{
	/*
	 * The barrier synchronizes with the curr increment in the
	 * shootdown code.
	 */
	smp_mb();
	t->ready = READ_ONCE(t->curr);
}

/* Marked accesses paired: no barrier, no site. */
void wd_tx_lock(struct wd_table *t, int cpu)
{
	spin_lock(&t->lock);
	/* Pairs with READ_ONCE() in wd_xmit() */
	WRITE_ONCE(t->curr, cpu);
}

/* "See comment in F() above." where F's barrier does the same job. */
void wd_tavor_ci(struct wd_table *t)
{
	/* Make sure the data is written before the doorbell rings. */
	wmb();
	t->ready = 1;
}

void wd_arbel_ci(struct wd_table *t)
{
	/* See comment in wd_tavor_ci() above. */
	wmb();
	t->ready = 2;
}

/* "The memory barrier above" below a barrier is its comment. */
void wd_fastpath(struct wd_table *t)
{
	t->curr = 1;
	smp_mb(); /* See comments above and below. */

	/*
	 * The memory barrier above pairs with the memory barrier in
	 * wd_add_waiter().
	 */
	if (READ_ONCE(t->ready))
		return;
	t->data = 0;
}

void wd_add_waiter(struct wd_table *t)
{
	t->ready = 1;
	/* Pairs with the smp_mb() in wd_fastpath(). */
	smp_mb();
	t->data = READ_ONCE(t->curr);
}
