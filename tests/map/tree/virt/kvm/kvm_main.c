// SPDX-License-Identifier: GPL-2.0-only
/* A fixture for barriermap's map tests: one barrier of each status. */
#include <linux/kvm_host.h>

int kvm_vm_ioctl_create_vcpu(struct kvm *kvm, struct kvm_vcpu *vcpu)
{
	kvm->vcpus[kvm->online_vcpus] = vcpu;
	/* Pairs with smp_rmb() in kvm_get_vcpu(). */
	smp_wmb();
	kvm->online_vcpus++;
	return 0;
}

void kvm_vcpu_kick(struct kvm_vcpu *vcpu)
{
	vcpu->requests = 1;
	/* Pairs with the smp_mb() in vcpu_enter_guest(). */
	smp_mb();
	if (READ_ONCE(vcpu->mode))
		vcpu->requests = 2;
}

void kvm_stat_reset(struct kvm *kvm)
{
	kvm->online_vcpus = 0;
	smp_wmb();
}

void kvm_compiler_only(struct kvm *kvm)
{
	barrier();
}
