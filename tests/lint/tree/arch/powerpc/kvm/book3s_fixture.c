// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: a misspelt partner and an arch list. */

static void fixture_esc_irq(struct fixture_vcpu *vcpu)
{
	vcpu->esc_on = 1;
	/* Pairs with smp_mb() in fixture_esc_check(). */
	smp_wmb();
}

static void fixture_esc_check(struct fixture_vcpu *vcpu)
{
	vcpu->stale = 0;
	smp_mb();		/* paired with smb_wmb in fixture_esc_irq */
	if (!vcpu->esc_on)
		return;
}

void fixture_prepare_to_enter(struct fixture_vcpu *vcpu)
{
	vcpu->mode = 1;
	/* Pairs with the smp_mb() in fixture_flush() in virt/kvm. */
	smp_mb();
}
