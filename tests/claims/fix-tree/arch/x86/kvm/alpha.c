// SPDX-License-Identifier: GPL-2.0
/* Fixture: the writer the comment of fixture_alpha_reader() speaks of. */
#include <linux/kvm_host.h>

void fixture_alpha_writer(struct kvm *kvm)
{
	kvm->alpha = 1;
	smp_wmb();
	kvm->beta_done = 2;
}
