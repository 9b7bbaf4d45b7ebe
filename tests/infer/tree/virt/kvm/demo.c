// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture for partner inference: demo_publish() writes payload then ready,
 * demo_read_ready() (in kvm_host.h) reads ready then payload, so each
 * barrier's partner is the other.  demo_stats() orders unrelated objects,
 * demo_flush() touches nothing shared.  Only the documented pair
 * (demo_set_flag / demo_get_flag) carries comments, for recall.
 */
struct kvm;
struct kvm_vcpu;

void demo_publish(struct kvm *kvm, int v)
{
	kvm->demo_payload = v;
	smp_wmb();
	WRITE_ONCE(kvm->demo_ready, 1);
}

void demo_stats(struct kvm_vcpu *vcpu)
{
	vcpu->demo_count++;
	smp_wmb();
	vcpu->demo_total = 0;
}

void demo_flush(void)
{
	int i = 0;

	smp_mb();
	i++;
}

void demo_set_flag(struct kvm_vcpu *vcpu)
{
	vcpu->demo_data = 1;
	/* Pairs with smp_load_acquire() in demo_get_flag(). */
	smp_store_release(&vcpu->demo_flag, 1);
}

int demo_get_flag(struct kvm_vcpu *v)
{
	/* Pairs with smp_store_release() in demo_set_flag(). */
	if (!smp_load_acquire(&v->demo_flag))
		return 0;
	return v->demo_data;
}
