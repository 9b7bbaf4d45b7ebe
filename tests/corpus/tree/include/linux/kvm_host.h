/* SPDX-License-Identifier: GPL-2.0 */
static inline void kvm_make(struct kvm_vcpu *vcpu)
{
	smp_mb__before_atomic();
	set_bit(0, &vcpu->requests);
}
