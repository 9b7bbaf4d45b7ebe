/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture: the KVM header a kernel tree has; the pairs are in virt/kvm. */
struct kvm;
struct kvm_vcpu;
