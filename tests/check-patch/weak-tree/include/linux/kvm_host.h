/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

struct kvm {
	int ready, data, gen;
};

#endif
