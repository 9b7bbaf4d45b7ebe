// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: an arch-tagged list of partners. */

void fixture_enter_guest(struct fixture_vcpu *vcpu)
{
	vcpu->mode = 1;
	/* Pairs with the smp_mb() in fixture_flush(). */
	smp_mb__after_srcu_read_unlock();
}

void fixture_flush(struct kvm *kvm)
{
	/*
	 * Pairs with a memory barrier in arch-specific code.
	 * - x86: smp_mb__after_srcu_read_unlock in fixture_enter_guest
	 * - powerpc: smp_mb in fixture_prepare_to_enter.
	 */
	smp_mb();
}
