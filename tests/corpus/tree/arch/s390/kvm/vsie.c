// SPDX-License-Identifier: GPL-2.0
static int do_vsie_run(struct kvm_vcpu *vcpu, struct vsie_page *vsie_page)
	__releases(vcpu->kvm->srcu)
	__acquires(vcpu->kvm->srcu)
{
	barrier();
	sie64a(vcpu);
	barrier();
	return 0;
}
