// SPDX-License-Identifier: GPL-2.0
/* Fixture for tests/lint/reading.test: the phrasings beyond "pairs with". */

void rd_match_writer(struct kvm *kvm)
{
	kvm->a = 1;
	/* Pairs with smp_rmb() in rd_match_reader(). */
	smp_wmb();
	kvm->b = 1;
}

void rd_match_reader(struct kvm *kvm)
{
	int b = kvm->b;

	/* This barrier matches the smp_wmb() in rd_match_writer(). */
	smp_rmb();
	use(kvm->a, b);
}

void rd_goes_reader(struct kvm *kvm)
{
	kvm->stale = 1;
	/* Pairs with smp_wmb() in rd_goes_writer(). */
	smp_mb();
	use(kvm->esc_on);
}

void rd_goes_writer(struct kvm *kvm)
{
	kvm->esc_on = 0;

	/* This orders esc_on = false vs. subsequent stale = true */
	smp_wmb();	/* goes with smp_mb() in rd_goes_reader */
}

void rd_desc_writer(struct kvm *kvm)
{
	kvm->routing = 1;
	/* Pairs with rd_desc_reader. */
	smp_wmb();
	kvm->arch.rd_mode = 1;
}

int rd_desc_reader(struct kvm *kvm)
{
	int mode = kvm->arch.rd_mode;

	/* Matches smp_wmb() when setting rd_mode */
	smp_rmb();
	return mode;
}

void rd_run_single(struct kvm_vcpu *vcpu)
{
	vcpu->cpu = 1;
	/*
	 * Orders set cpu vs testing for pending work. The other side is
	 * when these fields are set vs rd_kick reading the cpu fields.
	 */
	smp_mb();
	use(vcpu->pending);
}

void rd_kick(struct kvm_vcpu *vcpu)
{
	/*
	 * rd_wake_up contains smp_mb() which orders prior stores vs below
	 * loads of cpu fields. The other side is the barrier in vcpu run
	 * that orders setting the cpu fields vs testing for pending work.
	 */

	if (rd_wake_up(vcpu))
		use(vcpu->cpu);
}

void rd_hwsync(struct kvm *kvm)
{
	kvm->flush = 1;
	/* The matching barrier on the other side is hwsync at guest entry. */
	smp_mb();
	use(kvm->in_guest);
}

void rd_work(struct kvm *kvm)
{
	if (!atomic_xchg(&kvm->irq_ack, 0))
		return;
}

void rd_timer(struct kvm *kvm)
{
	atomic_inc(&kvm->pending);
}

void rd_ack(struct kvm *kvm)
{
	atomic_set(&kvm->irq_ack, 1);
	/* irq_ack is set before pending is read.  Order accesses with
	 * inc(pending) in rd_timer and xchg(irq_ack, 0) in rd_work.
	 */
	smp_mb();
	use(kvm->pending);
}

void rd_publish(struct kvm *kvm)
{
	kvm->action = 1;
	/* Make the action visible before we return, to synchronize with the IPI handler. */
	smp_wmb();
}

void rd_missp_writer(struct kvm *kvm)
{
	kvm->c = 1;
	/*
	 * Pairs with smp_rmb() in rd_missp_reader().  Unlike the smb_wmb()
	 * in rd_other(), this one orders c before d.
	 */
	smp_wmb();
	kvm->d = 1;
}

void rd_missp_reader(struct kvm *kvm)
{
	int d = kvm->d;

	/* Pairs with smp_wmb() in rd_missp_writer(). */
	smp_rmb();
	use(kvm->c, d);
}

void rd_rely(struct kvm *kvm)
{
	int seq;

	/*
	 * Rely on rd_unlock() for an implicit smp_rmb(), which pairs with
	 * the smp_wmb() in rd_match_writer().
	 */
	seq = kvm->seq;
	rd_unlock(kvm);
	use(seq);
}
