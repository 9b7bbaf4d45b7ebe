// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: claims on core primitives. */
#include <linux/kvm_host.h>

int fixture_fault(struct kvm *kvm, struct mm_struct *mm)
{
	int seq = kvm->seq;

	/* Rely on mmap_read_unlock() for an implicit smp_rmb(). */
	mmap_read_unlock(mm);
	return seq + kvm->count;
}

void fixture_wait(struct kvm *kvm)
{
	/* set_current_state() implies a full memory barrier. */
	set_current_state(1);
	kvm->waiting = 1;
}
