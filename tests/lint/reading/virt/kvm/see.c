// SPDX-License-Identifier: GPL-2.0
/* Fixture for tests/lint/reading.test: "see the comment in F()". */

void rd_run_loop(struct kvm_vcpu *vcpu)
{
	/*
	 * Ensure we set mode to IN_GUEST_MODE before the final requests check.
	 * See the comment in rd_exiting_guest_mode().
	 */
	smp_store_mb(vcpu->mode, 1);
}

void rd_run_loop_srcu(struct kvm_vcpu *vcpu)
{
	/*
	 * Ensure we set mode to IN_GUEST_MODE before the final requests check.
	 * See the comment in rd_exiting_guest_mode().
	 */
	vcpu->mode = 1;

	kvm_vcpu_srcu_read_unlock(vcpu);
	smp_mb__after_srcu_read_unlock();
}

void rd_reset(struct kvm *kvm)
{
	kvm->ready = 0;
	/* order ready vs. running */
	smp_mb();
	if (kvm->running)
		kvm->ready = 1;
}

void rd_run(struct kvm *kvm)
{
	kvm->running++;
	/* Order running vs. ready, see rd_reset */
	smp_mb();
	if (!kvm->ready)
		kvm->running--;
}

void rd_helper(struct kvm *kvm)
{
	kvm->x = 0;
}

void rd_see_nothing(struct kvm *kvm)
{
	/* Publish x before y, see rd_helper() for why. */
	smp_wmb();
	kvm->y = 1;
}

void rd_writer(struct kvm *kvm)
{
	kvm->data = 1;
	/* Pairs with the smp_rmb() in rd_describe_reader(). */
	smp_wmb();
	kvm->flag = 1;
}

void rd_describe_reader(struct kvm *kvm)
{
	int f = kvm->flag;

	/*
	 * The read barrier orders flag before data.  The comments in
	 * rd_writer() describe what goes wrong without it.
	 */
	smp_rmb();
	use(kvm->data, f);
}

void rd_flush(struct kvm *kvm)
{
	/* Pairs with smp_mb in rd_prepare_to_enter. */
	rd_make_all_cpus_request(kvm);
}

void rd_make_all_cpus_request(struct kvm *kvm)
{
	kvm->requests = 1;
	smp_mb__after_atomic();
	use(kvm->mode);
}

void rd_prepare_to_enter(struct kvm *kvm)
{
	kvm->mode = 1;
	/* Please see the comment in rd_flush. */
	smp_mb();
	use(kvm->requests);
}

void rd_see_on_a_call(struct kvm *kvm)
{
	/* See rd_helper() for details. */
	rd_helper(kvm);
}
