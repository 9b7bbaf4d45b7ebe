// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: findings whose words name a kind. */

int fixture_reader(struct fixture *f)
{
	/* Pairs with smp_load_acquire() in fixture_other_reader(). */
	return smp_load_acquire(&f->ready);
}

int fixture_other_reader(struct fixture *f)
{
	/* Pairs with smp_load_acquire() in fixture_reader(). */
	return smp_load_acquire(&f->ready);
}
