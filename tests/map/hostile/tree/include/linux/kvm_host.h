/* SPDX-License-Identifier: GPL-2.0-only */
/* A fixture for barriermap's injection tests: an honest reader. */
static inline int hostile_reader(int *flag, int *data)
{
	if (!READ_ONCE(*flag))
		return 0;
	/* Pairs with smp_wmb() in hostile_writer(). */
	smp_rmb();
	return *data;
}
