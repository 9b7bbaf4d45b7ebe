// SPDX-License-Identifier: GPL-2.0
/* Nine implementations of .release: too common a field to follow. */
void fixture_release0(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 0;
}

const struct range fixture_ops0 = { .release = fixture_release0, };

void fixture_release1(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 1;
}

const struct range fixture_ops1 = { .release = fixture_release1, };

void fixture_release2(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 2;
}

const struct range fixture_ops2 = { .release = fixture_release2, };

void fixture_release3(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 3;
}

const struct range fixture_ops3 = { .release = fixture_release3, };

void fixture_release4(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 4;
}

const struct range fixture_ops4 = { .release = fixture_release4, };

void fixture_release5(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 5;
}

const struct range fixture_ops5 = { .release = fixture_release5, };

void fixture_release6(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 6;
}

const struct range fixture_ops6 = { .release = fixture_release6, };

void fixture_release7(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 7;
}

const struct range fixture_ops7 = { .release = fixture_release7, };

void fixture_release8(struct kvm *kvm)
{
	smp_wmb();
	kvm->count = 8;
}

const struct range fixture_ops8 = { .release = fixture_release8, };

