// SPDX-License-Identifier: GPL-2.0
/* A fixture for check-patch: two pairs of documented barriers. */
#include <linux/kvm_host.h>

void publish_vcpus(struct kvm *kvm, struct kvm_vcpu **vcpus)
{
	kvm->vcpus = vcpus;
	/* Pairs with smp_rmb() in lookup_vcpus. */
	smp_wmb();
	kvm->online = 1;
}

struct kvm_vcpu **lookup_vcpus(struct kvm *kvm)
{
	if (!kvm->online)
		return 0;
	/* Pairs with smp_wmb() in publish_vcpus. */
	smp_rmb();
	return kvm->vcpus;
}

void kick_vcpu(struct kvm *kvm)
{
	kvm->request = 1;
	/* Pairs with smp_mb() in vcpu_wait. */
	smp_mb();
	if (kvm->mode)
		kvm->kicked = 1;
}

void vcpu_wait(struct kvm *kvm)
{
	kvm->mode = 1;
	/* Pairs with smp_mb() in kick_vcpu. */
	smp_mb();
	while (!kvm->request)
		;
}
