// SPDX-License-Identifier: GPL-2.0
/* A fixture for check-patch: a comment that relies on a callee's barrier. */
#include <linux/kvm_host.h>

void post_event(struct kvm_vcpu *vcpu)
{
	vcpu->event = 1;
	/*
	 * The smp_wmb() in kvm_make_request() orders the event before the
	 * request.
	 */
	kvm_make_request(1, vcpu);
}

int take_event(struct kvm_vcpu *vcpu)
{
	if (!kvm_check_request(1, vcpu))
		return 0;
	return vcpu->event;
}
