// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: each function shows one status. */
#include <linux/kvm_host.h>

int fixture_create(struct kvm *kvm, void *vcpu)
{
	kvm->slot[kvm->online] = vcpu;
	/*
	 * Pairs with smp_rmb() in fixture_get.  Store the pointer before
	 * the incremented count.
	 */
	smp_wmb();
	kvm->online++;
	return 0;
}

void fixture_one_way(struct kvm *kvm)
{
	kvm->online = 0;
	smp_mb();	/* pairs with smp_mb() in fixture_silent() */
	kvm->slot[0] = NULL;
}

void fixture_silent(struct kvm *kvm)
{
	kvm->slot[1] = NULL;
	smp_mb();
	kvm->online = 1;
}

void fixture_dangling(struct kvm *kvm)
{
	/* Pairs with smp_rmb() in fixture_no_such_function(). */
	smp_wmb();
	kvm->online = 2;
}

void fixture_no_barrier_there(struct kvm *kvm)
{
	/* Pairs with smp_rmb() in fixture_silent_reader(). */
	smp_wmb();
	kvm->online = 3;
}

int fixture_silent_reader(struct kvm *kvm)
{
	return kvm->online;
}

void fixture_write_write(struct kvm *kvm)
{
	kvm->online = 4;
	/* Pairs with smp_wmb() in fixture_create(). */
	smp_wmb();
}

void fixture_vague(struct kvm *kvm)
{
	/* Pairs with the smp_wmb() when enabling KVM_CAP_FIXTURE. */
	smp_rmb();
	kvm->online = 5;
}

void fixture_no_partner(struct kvm *kvm)
{
	/* There's no paired kernel-side reader; userspace polls the page. */
	smp_wmb();
	kvm->online = 6;
}

void fixture_compiler_only(struct kvm *kvm)
{
	kvm->online = 7;
	barrier();
}

void fixture_weaker(struct kvm *kvm)
{
	/* Pairs with smp_mb() in fixture_release(). */
	smp_mb();
}

void fixture_release(struct kvm *kvm)
{
	/* Pairs with smp_mb() in fixture_weaker(). */
	smp_store_release(&kvm->online, 8);
}

void fixture_reuse(struct kvm *kvm, unsigned long *reqs)
{
	/* Pairs with smp_rmb() in fixture_get(); reuses the barrier in fixture_create(). */
	fixture_create(kvm, NULL);
}

/* The parse of this function fails (unknown macros), its barrier is still found. */
static DEFINE_FIXTURE(int, fixture_counter) = FIXTURE_INIT;
FIXTURE_ASM_FUNC(fixture_broken, "mov %0, %1" :: "r"(x))
{
	asm volatile(FIXTURE_ALTERNATIVE("nop", "mfence", X86_FEATURE_FIXTURE) ::: "memory");
	for_each_fixture(kvm, i) {
		smp_mb__before_atomic();
	}
}
