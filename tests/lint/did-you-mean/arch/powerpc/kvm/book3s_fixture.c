// SPDX-License-Identifier: GPL-2.0
/*
 * A fixture written for barriermap's tests: a powerpc comment names a
 * function that does not exist; the only function with a barrier on the
 * same field is x86 code, which powerpc code cannot pair with.
 */

bool fixture_doorbell_pending(struct kvm_vcpu *vcpu)
{
	struct fixture_vcore *vc;

	if (vcpu->arch.doorbell_request)
		return true;
	/*
	 * Ensure that the read of vcore->dpdes comes after the read
	 * of vcpu->doorbell_request.  This barrier matches the
	 * smp_wmb() in fixture_guest_entry_inject().
	 */
	smp_rmb();
	vc = vcpu->arch.vcore;
	return vc->dpdes & 1;
}
