// SPDX-License-Identifier: GPL-2.0
/*
 * A fixture written for barriermap's tests: a bitop's first argument is
 * the bit number, read; the bitmap is the second, written (as
 * __apic_accept_irq() does with __set_bit(vcpu->vcpu_id, dest_map->map)).
 */

void fixture_accept(struct kvm_vcpu *vcpu, struct fixture_map *dest_map)
{
	__set_bit(vcpu->vcpu_id, dest_map->map);
	smp_wmb();
	test_and_clear_bit(vcpu->bit, &vcpu->requests);
}
