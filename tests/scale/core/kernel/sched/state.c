// SPDX-License-Identifier: GPL-2.0
/*
 * A fixture written for barriermap's tests: a set_current_state() whose
 * code holds only a write barrier, weaker than the table's full barrier.
 */
void set_current_state(int state)
{
	current->__state = state;
	smp_wmb();
}
