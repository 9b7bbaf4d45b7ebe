/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture: the reader of demo_publish() in virt/kvm/demo.c. */
struct kvm;

static inline int demo_read_ready(struct kvm *kvm)
{
	if (!READ_ONCE(kvm->demo_ready))
		return 0;
	smp_rmb();
	return kvm->demo_payload;
}
