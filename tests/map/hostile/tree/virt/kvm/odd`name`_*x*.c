// SPDX-License-Identifier: GPL-2.0-only
/* A fixture for barriermap's injection tests: a file name full of markup. */
void odd_file_writer(int *flag)
{
	/* Pairs with smp_rmb() in hostile_reader(). */
	smp_wmb();
	WRITE_ONCE(*flag, 4);
}
