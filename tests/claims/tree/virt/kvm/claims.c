// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture: one reliance claim per function, each in a phrasing of the
 * kernel tree, with the verdict tests/claims/claims.test expects.
 */
#include <linux/kvm_host.h>

static void fixture_kick(struct kvm *kvm)
{
	fixture_exiting_mode(kvm->vcpu);
}

void fixture_make_pte(unsigned long *ptep, unsigned long new)
{
	smp_store_release(ptep, new);
}

static void fixture_nothing(struct kvm *kvm)
{
	kvm->seq = 0;
}

static void fixture_deep(struct kvm *kvm)
{
	fixture_kick(kvm);
}

/* stale */
void fixture_there_already(struct kvm *kvm)
{
	/*
	 * There is already an smp_mb__after_atomic() before fixture_kick()
	 * reads vcpu->mode.  We reuse that barrier here.
	 */
	fixture_kick(kvm);
}

/* weak */
void fixture_rely_on_unlock(struct kvm *kvm, struct mm_struct *mm)
{
	/*
	 * Rely on mmap_read_unlock() for an implicit smp_rmb(), which pairs
	 * with the smp_wmb() in fixture_publish().
	 */
	kvm->seq = kvm->ready;
	mmap_read_unlock(mm);
}

/* holds */
void fixture_rely_on_publish(struct kvm *kvm)
{
	/* Rely on fixture_publish() for an implicit smp_wmb(). */
	fixture_publish(kvm, 1);
}

/* not a claim */
void fixture_cannot_rely(struct kvm *kvm)
{
	/* We can't rely on fixture_publish() for an smp_rmb() here. */
	fixture_publish(kvm, 2);
}

/* holds */
void fixture_barrier_in(struct kvm *kvm)
{
	/*
	 * Everyone must see the update before we read vcpu->mode.  The
	 * barrier in the fixture_kick() achieves this.
	 */
	kvm->seq++;
	fixture_kick(kvm);
}

/* stale */
void fixture_barrier_gone(struct kvm *kvm)
{
	/* The barrier in fixture_nothing() orders the two stores. */
	fixture_nothing(kvm);
}

/* weak */
void fixture_weaker_there(struct kvm *kvm)
{
	/* The smp_mb() in fixture_publish() orders payload before ready. */
	fixture_publish(kvm, 3);
}

/* holds */
void fixture_misspelled(struct kvm *kvm)
{
	/* The smb_wmb() in fixture_publish() only ensures the payload is seen. */
	fixture_publish(kvm, 4);
}

/* holds */
void fixture_which_implies(struct srcu_struct *ssp, struct kvm *kvm)
{
	/*
	 * Readers see the new registration before returning through
	 * synchronize_srcu(), which also implies a full memory barrier.
	 */
	synchronize_srcu(ssp);
	kvm->ready = 1;
}

/* weak */
void fixture_unlock_implies(struct kvm *kvm, spinlock_t *lock)
{
	/* spin_unlock() implies a full barrier, so no smp_mb() is needed. */
	spin_unlock(lock);
	/* set_bit() provides the barrier that orders the request. */
	set_bit(0, &kvm->vcpu->requests);
}

/* holds */
void fixture_elliptical(struct file *file)
{
	/* fput() provides a full barrier, and get_file_active() the matching acquire barrier. */
	fput(file);
}

/* holds */
void fixture_using(unsigned long *ptep)
{
	/* The PTE is visible last because fixture_make_pte() writes it using smp_store_release(). */
	fixture_make_pte(ptep, 1);
}

/* holds */
void fixture_issue(struct kvm *kvm, unsigned long *p)
{
	/* We currently issue an smp_wmb() at the beginning of fixture_publish(). */
	fixture_publish(kvm, 5);
	/* xchg acts as a barrier before the second store */
	xchg(p, 1);
	kvm->seq = 2;
}

/* holds */
void fixture_reuse(struct kvm *kvm)
{
	/* Reuses the barrier in fixture_publish() for the count as well. */
	fixture_publish(kvm, 6);
}

/* unchecked */
void fixture_unknown(struct kvm *kvm)
{
	/* fixture_no_such_helper() provides a full barrier. */
	kvm->ready = 0;
}

/* a pairing */
void fixture_pairing_only(struct kvm *kvm)
{
	/* Pairs with the smp_wmb() in fixture_publish(). */
	smp_rmb();
	kvm->seq = kvm->payload;
}

/* depth: holds within 3 calls, stale within 1 */
void fixture_two_deep(struct kvm *kvm)
{
	/* The smp_mb__before_atomic() in fixture_deep() orders the request. */
	fixture_deep(kvm);
}
