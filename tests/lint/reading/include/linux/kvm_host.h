/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture for tests/lint/reading.test: a vague comment that others point to. */

static inline int rd_exiting_guest_mode(struct kvm_vcpu *vcpu)
{
	/*
	 * The memory barrier ensures a previous write to vcpu->requests cannot
	 * be reordered with the read of vcpu->mode.  It pairs with the general
	 * memory barrier following the write of vcpu->mode in VCPU RUN.
	 */
	smp_mb__before_atomic();
	return cmpxchg(&vcpu->mode, 1, 2);
}
