// SPDX-License-Identifier: GPL-2.0-only
/* A fixture for barriermap's map tests: the x86 side of the pairs. */
#include <linux/kvm_host.h>

static int vcpu_enter_guest(struct kvm_vcpu *vcpu)
{
	WRITE_ONCE(vcpu->mode, 1);
	/*
	 * Pairs with smp_mb() in kvm_vcpu_kick(): set ->mode before
	 * checking ->requests.
	 */
	smp_mb();
	if (READ_ONCE(vcpu->requests))
		return 1;

	/* Pairs with smp_rmb() in kvm_arch_no_such_reader(). */
	smp_wmb();
	return 0;
}

int kvm_arch_vcpu_ioctl_run(struct kvm_vcpu *vcpu)
{
	return vcpu_enter_guest(vcpu);
}

struct kvm_vcpu *kvm_arch_last_vcpu(struct kvm *kvm)
{
	int n = READ_ONCE(kvm->online_vcpus);

	/* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
	smp_rmb();
	return n ? kvm->vcpus[n - 1] : NULL;
}
