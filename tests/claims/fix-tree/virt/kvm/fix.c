// SPDX-License-Identifier: GPL-2.0
/* Fixture for did-you-mean and suggest --fix: tests/claims/fix.test. */
#include <linux/kvm_host.h>

/* A renamed partner: fixture_tracking_enable() is now fixture_enable_tracking(). */
static bool fixture_tracking_enabled(struct kvm *kvm)
{
	/*
	 * Read tracking_enabled before the slots.  Pairs with the
	 * smp_store_release in fixture_tracking_enable().
	 */
	return smp_load_acquire(&kvm->tracking_enabled);
}

static int fixture_enable_tracking(struct kvm *kvm)
{
	kvm->slots = kvm;
	/* Pairs with smp_load_acquire() in fixture_tracking_enabled(). */
	smp_store_release(&kvm->tracking_enabled, true);
	return 0;
}

/* Spelled like the name, with the barrier named, on another object. */
void fixture_tracking_enabler(struct kvm *kvm)
{
	smp_store_release(&kvm->other, 2);
}

/* Spelled like the name, with no barrier: never suggested. */
void fixture_tracking_enables(struct kvm *kvm)
{
	kvm->other = 3;
}

/* A moved barrier: fixture_range_end() no longer holds the smp_wmb(). */
void fixture_range_end(struct kvm *kvm)
{
	kvm->other = 0;
}

void fixture_invalidate_end(struct kvm *kvm)
{
	kvm->seq++;
	/* Pairs with the smp_rmb() in fixture_retry(). */
	smp_wmb();
	kvm->in_progress--;
}

int fixture_retry(struct kvm *kvm, unsigned long seq)
{
	if (kvm->in_progress)
		return 1;
	/* Pairs with the smp_wmb() in fixture_range_end(). */
	smp_rmb();
	return kvm->seq != seq;
}

/* An alternation of which one name is gone. */
void fixture_notifier_range_end(struct kvm *kvm)
{
	fixture_invalidate_end(kvm);
}

int fixture_map(struct kvm *kvm)
{
	unsigned long seq = kvm->seq;

	/* Pairs with the smp_wmb() in fixture_notifier_<page|range_end>(). */
	smp_rmb();
	return kvm->in_progress ? -1 : (int)seq;
}

/* A misspelled barrier. */
void fixture_escalation(struct kvm *kvm)
{
	kvm->in_progress = 0;
	smp_mb();	/* paired with smb_wmb in fixture_invalidate_end */
	kvm->seq = 1;
	smp_mb();	/* also paired with smb_wmb in fixture_invalidate_end */
	kvm->gen = 1;
}

/* A stale claim whose real barrier is known. */
void fixture_flush(struct kvm *kvm)
{
	/*
	 * There is already an smp_mb__after_atomic() before
	 * fixture_kick() reads vcpu->mode.  We reuse that barrier here.
	 */
	fixture_kick(kvm);
}

void fixture_kick(struct kvm *kvm)
{
	fixture_exiting_mode(kvm->vcpu);
}

/* Not clear: two functions hold the smp_wmb() on kvm->gen. */
void fixture_gen_a(struct kvm *kvm)
{
	kvm->other = 5;
	smp_wmb();
	kvm->gen++;
}

void fixture_gen_b(struct kvm *kvm)
{
	kvm->other = 6;
	smp_wmb();
	kvm->gen++;
}

int fixture_gen_read(struct kvm *kvm)
{
	unsigned long gen = kvm->gen;

	/* Pairs with the smp_wmb() in fixture_gen_writer(). */
	smp_rmb();
	return kvm->other + (int)gen;
}

/* Not clear: the comment names no barrier. */
int fixture_vague_partner(struct kvm *kvm)
{
	unsigned long gen = kvm->gen;

	/* Pairs with the barrier in fixture_old_gen(). */
	smp_rmb();
	return kvm->other + (int)gen;
}

/* Not clear: a claim weaker than what it says is a code question. */
void fixture_weak_claim(struct kvm *kvm, spinlock_t *lock)
{
	/* spin_unlock() implies a full barrier here. */
	spin_unlock(lock);
}

/*
 * The comment names the object: fixture_alpha_writer() writes kvm->alpha,
 * which the comment speaks of; fixture_beta_writer(), nearer and ranked
 * first by the objects alone, writes kvm->beta, which it does not.
 */
int fixture_alpha_reader(struct kvm *kvm)
{
	unsigned long a = kvm->alpha;

	/* alpha is read first.  Pairs with the barrier in fixture_gone_writer(). */
	smp_rmb();
	return (int)(a + kvm->beta);
}

void fixture_beta_writer(struct kvm *kvm)
{
	kvm->beta = 1;
	smp_wmb();
	kvm->beta_done = 1;
}
