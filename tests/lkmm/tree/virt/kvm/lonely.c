// SPDX-License-Identifier: GPL-2.0
/* Fixture: a barrier with no partner and no shared object: no pair to classify. */
void lonely_barrier(void)
{
	smp_mb();
}
