// SPDX-License-Identifier: GPL-2.0
/* Fixture for tests/lint/reading.test: references that name only a function. */

void rd_enter(struct kvm_vcpu *vcpu)
{
	vcpu->stat = 1;
	smp_wmb();
	vcpu->stat2 = 1;
	vcpu->mode = 1;
	/* Orders mode before requests; the comment in rd_zap_flush says who pairs. */
	smp_mb();
	use(vcpu->requests);
	vcpu->other = 0;
	smp_wmb();
	vcpu->other2 = 0;
}

void rd_kick_mode(struct kvm_vcpu *vcpu)
{
	vcpu->requests = 1;
	/* Pairs with rd_enter. */
	smp_mb();
	use(vcpu->mode);
}

void rd_two_kinds(struct kvm *kvm)
{
	kvm->len = 1;
	smp_wmb();
	kvm->ready = 1;
	use(kvm->ready);
	smp_rmb();
	use(kvm->len);
}

void rd_write_side(struct kvm *kvm)
{
	kvm->len = 2;
	/* Pairs with rd_two_kinds. */
	smp_wmb();
	kvm->ready = 2;
}

void rd_unrelated(struct kvm *kvm)
{
	kvm->nothing = 1;
	/* Pairs with rd_enter. */
	smp_mb();
	use(kvm->elsewhere);
}

void rd_zap_flush(struct kvm *kvm)
{
	/* Pairs with smp_mb in rd_enter. */
	rd_kick_all(kvm);
}

void rd_kick_all(struct kvm *kvm)
{
	smp_mb__before_atomic();
	use(kvm->vcpus);
}

void rd_zap(struct kvm *kvm)
{
	kvm->pages = 0;
	/*
	 * The barrier in rd_zap_flush() achieves this.  This pairs
	 * with rd_enter.
	 */
	rd_zap_flush(kvm);
}
