/* SPDX-License-Identifier: GPL-2.0-only */
/* A fixture for barriermap's map tests: the reader of a published vcpu. */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

struct kvm_vcpu {
	int mode;
	int requests;
};

struct kvm {
	int online_vcpus;
	struct kvm_vcpu *vcpus[8];
};

static inline struct kvm_vcpu *kvm_get_vcpu(struct kvm *kvm, int i)
{
	int num_vcpus = READ_ONCE(kvm->online_vcpus);

	if (i >= num_vcpus)
		return NULL;
	/* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
	smp_rmb();
	return kvm->vcpus[i];
}

#endif
