/* SPDX-License-Identifier: GPL-2.0 */
/* A fixture written for barriermap's tests. */
struct kvm {
	int seq, count, waiting;
};
