/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

struct kvm_vcpu;

struct kvm {
	struct kvm_vcpu **vcpus;
	int online, request, mode, kicked;
};

#endif
