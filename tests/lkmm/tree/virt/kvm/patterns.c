// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture: one documented pair per pattern and barrier kinds, for
 * tests/lkmm/patterns.test (written by make-patterns.py).  Above each
 * pair: the outcome LKMM gives its unwanted result, and where the
 * kernel's tools/memory-model/ says so.
 */
struct kvm;

/* MP (wmb, rmb): Never.  MP+fencewmbonceonce+fencermbonceonce.litmus */
void mp1_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->mp1_x, 1);
	/* Pairs with smp_rmb() in mp1_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->mp1_y, 1);
}

void mp1_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->mp1_y);
	/* Pairs with smp_wmb() in mp1_p0() */
	smp_rmb();
	r1 = READ_ONCE(kvm->mp1_x);
}

/* MP (release, acquire): Never.  MP+pooncerelease+poacquireonce.litmus */
void mp2_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->mp2_x, 1);
	/* Pairs with smp_load_acquire() in mp2_p1() */
	smp_store_release(&kvm->mp2_y, 1);
}

void mp2_p1(struct kvm *kvm)
{
	int r0, r1;

	/* Pairs with smp_store_release() in mp2_p0() */
	r0 = smp_load_acquire(&kvm->mp2_y);
	r1 = READ_ONCE(kvm->mp2_x);
}

/* MP (mb, mb): Never.  recipes.txt: smp_mb() is strictly stronger than smp_wmb() or smp_rmb() */
void mp3_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->mp3_x, 1);
	/* Pairs with smp_mb() in mp3_p1() */
	smp_mb();
	WRITE_ONCE(kvm->mp3_y, 1);
}

void mp3_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->mp3_y);
	/* Pairs with smp_mb() in mp3_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->mp3_x);
}

/* MP (wmb, wmb): Sometimes.  recipes.txt: smp_wmb() orders stores only; the loads are as in MP+poonceonces.litmus */
void mp4_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->mp4_x, 1);
	/* Pairs with smp_wmb() in mp4_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->mp4_y, 1);
}

void mp4_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->mp4_y);
	/* Pairs with smp_wmb() in mp4_p0() */
	smp_wmb();
	r1 = READ_ONCE(kvm->mp4_x);
}

/* MP (rmb, rmb): Sometimes.  recipes.txt: smp_rmb() orders loads only; the stores are as in MP+poonceonces.litmus */
void mp5_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->mp5_x, 1);
	/* Pairs with smp_rmb() in mp5_p1() */
	smp_rmb();
	WRITE_ONCE(kvm->mp5_y, 1);
}

void mp5_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->mp5_y);
	/* Pairs with smp_rmb() in mp5_p0() */
	smp_rmb();
	r1 = READ_ONCE(kvm->mp5_x);
}

/* SB (mb, mb): Never.  SB+fencembonceonces.litmus */
void sb1_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb1_x, 1);
	/* Pairs with smp_mb() in sb1_p1() */
	smp_mb();
	r1 = READ_ONCE(kvm->sb1_y);
}

void sb1_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb1_y, 1);
	/* Pairs with smp_mb() in sb1_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->sb1_x);
}

/* SB (wmb, mb): Sometimes.  recipes.txt, Store buffering: omitting either smp_mb() allows the outcome */
void sb2_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb2_x, 1);
	/* Pairs with smp_mb() in sb2_p1() */
	smp_wmb();
	r1 = READ_ONCE(kvm->sb2_y);
}

void sb2_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb2_y, 1);
	/* Pairs with smp_wmb() in sb2_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->sb2_x);
}

/* SB (release, acquire): Sometimes.  recipes.txt, Store buffering: nothing less than full barriers */
void sb3_p0(struct kvm *kvm)
{
	int r0, r1;

	/* Pairs with smp_load_acquire() in sb3_p1() */
	smp_store_release(&kvm->sb3_x, 1);
	r1 = READ_ONCE(kvm->sb3_y);
}

void sb3_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb3_y, 1);
	/* Pairs with smp_store_release() in sb3_p0() */
	r1 = smp_load_acquire(&kvm->sb3_x);
}

/* SB (mb, rmb): Sometimes.  recipes.txt, Store buffering: omitting either smp_mb() allows the outcome */
void sb4_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb4_x, 1);
	/* Pairs with smp_rmb() in sb4_p1() */
	smp_mb();
	r1 = READ_ONCE(kvm->sb4_y);
}

void sb4_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->sb4_y, 1);
	/* Pairs with smp_mb() in sb4_p0() */
	smp_rmb();
	r1 = READ_ONCE(kvm->sb4_x);
}

/* LB (acquire, release): Never.  LB+poacquireonce+pooncerelease.litmus */
void lb1_p0(struct kvm *kvm)
{
	int r0, r1;

	/* Pairs with smp_store_release() in lb1_p1() */
	r0 = smp_load_acquire(&kvm->lb1_x);
	WRITE_ONCE(kvm->lb1_y, 1);
}

void lb1_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->lb1_y);
	/* Pairs with smp_load_acquire() in lb1_p0() */
	smp_store_release(&kvm->lb1_x, 1);
}

/* LB (mb, mb): Never.  recipes.txt, Load buffering: LB+fencembonceonce+ctrlonceonce.litmus needs less */
void lb2_p0(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->lb2_x);
	/* Pairs with smp_mb() in lb2_p1() */
	smp_mb();
	WRITE_ONCE(kvm->lb2_y, 1);
}

void lb2_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->lb2_y);
	/* Pairs with smp_mb() in lb2_p0() */
	smp_mb();
	WRITE_ONCE(kvm->lb2_x, 1);
}

/* LB (rmb, wmb): Sometimes.  LB+poonceonces.litmus: smp_rmb() and smp_wmb() give no load->store order */
void lb3_p0(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->lb3_x);
	/* Pairs with smp_wmb() in lb3_p1() */
	smp_rmb();
	WRITE_ONCE(kvm->lb3_y, 1);
}

void lb3_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->lb3_y);
	/* Pairs with smp_rmb() in lb3_p0() */
	smp_wmb();
	WRITE_ONCE(kvm->lb3_x, 1);
}

/* R (mb, mb): Never.  R+fencembonceonces.litmus */
void r1_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r1_x, 1);
	/* Pairs with smp_mb() in r1_p1() */
	smp_mb();
	WRITE_ONCE(kvm->r1_y, 1);
}

void r1_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r1_y, 1);
	/* Pairs with smp_mb() in r1_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->r1_x);
}

/* R (wmb, mb): Sometimes.  R+fencembonceonces.litmus: weakening either barrier allows the outcome */
void r2_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r2_x, 1);
	/* Pairs with smp_mb() in r2_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->r2_y, 1);
}

void r2_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r2_y, 1);
	/* Pairs with smp_wmb() in r2_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->r2_x);
}

/* R (release, mb): Sometimes.  R+fencembonceonces.litmus: weakening either barrier allows the outcome */
void r3_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r3_x, 1);
	/* Pairs with smp_mb() in r3_p1() */
	smp_store_release(&kvm->r3_y, 1);
}

void r3_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->r3_y, 1);
	/* Pairs with smp_store_release() in r3_p0() */
	smp_mb();
	r1 = READ_ONCE(kvm->r3_x);
}

/* S (wmb, acquire): Never.  S+fencewmbonceonce+poacquireonce.litmus */
void s1_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->s1_x, 1);
	/* Pairs with smp_load_acquire() in s1_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->s1_y, 1);
}

void s1_p1(struct kvm *kvm)
{
	int r0, r1;

	/* Pairs with smp_wmb() in s1_p0() */
	r0 = smp_load_acquire(&kvm->s1_y);
	WRITE_ONCE(kvm->s1_x, 1);
}

/* S (release, release): Never.  recipes.txt, Rules of thumb: one non-write-to-read link, release-acquire suffices */
void s2_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->s2_x, 1);
	/* Pairs with smp_store_release() in s2_p1() */
	smp_store_release(&kvm->s2_y, 1);
}

void s2_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->s2_y);
	/* Pairs with smp_store_release() in s2_p0() */
	smp_store_release(&kvm->s2_x, 1);
}

/* S (mb, mb): Never.  recipes.txt, Rules of thumb: smp_mb() is stronger than either */
void s3_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->s3_x, 1);
	/* Pairs with smp_mb() in s3_p1() */
	smp_mb();
	WRITE_ONCE(kvm->s3_y, 1);
}

void s3_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->s3_y);
	/* Pairs with smp_mb() in s3_p0() */
	smp_mb();
	WRITE_ONCE(kvm->s3_x, 1);
}

/* S (wmb, rmb): Sometimes.  S+poonceonces.litmus: smp_rmb() gives no load->store order */
void s4_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->s4_x, 1);
	/* Pairs with smp_rmb() in s4_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->s4_y, 1);
}

void s4_p1(struct kvm *kvm)
{
	int r0, r1;

	r0 = READ_ONCE(kvm->s4_y);
	/* Pairs with smp_wmb() in s4_p0() */
	smp_rmb();
	WRITE_ONCE(kvm->s4_x, 1);
}

/* 2+2W (mb, mb): Never.  recipes.txt, Rules of thumb: two non-write-to-read links need full barriers */
void w1_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w1_x, 1);
	/* Pairs with smp_mb() in w1_p1() */
	smp_mb();
	WRITE_ONCE(kvm->w1_y, 1);
}

void w1_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w1_y, 1);
	/* Pairs with smp_mb() in w1_p0() */
	smp_mb();
	WRITE_ONCE(kvm->w1_x, 1);
}

/* 2+2W (wmb, wmb): Sometimes.  recipes.txt, Rules of thumb: two non-write-to-read links need full barriers */
void w2_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w2_x, 1);
	/* Pairs with smp_wmb() in w2_p1() */
	smp_wmb();
	WRITE_ONCE(kvm->w2_y, 1);
}

void w2_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w2_y, 1);
	/* Pairs with smp_wmb() in w2_p0() */
	smp_wmb();
	WRITE_ONCE(kvm->w2_x, 1);
}

/* 2+2W (release, release): Sometimes.  recipes.txt, Rules of thumb: two non-write-to-read links need full barriers */
void w3_p0(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w3_x, 1);
	/* Pairs with smp_store_release() in w3_p1() */
	smp_store_release(&kvm->w3_y, 1);
}

void w3_p1(struct kvm *kvm)
{
	int r0, r1;

	WRITE_ONCE(kvm->w3_y, 1);
	/* Pairs with smp_store_release() in w3_p0() */
	smp_store_release(&kvm->w3_x, 1);
}
