/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory objects a barrier orders: the accesses just before and just
 * after it in its function, for partner inference (infer.c).
 *
 * An object is a normalised access path.  When the path starts at a local
 * variable or parameter declared as a pointer to a struct, the variable is
 * replaced by the struct tag, so that vcpu->mode, v->mode and
 * target->mode all become "kvm_vcpu->mode"; otherwise the path is kept as
 * spelled ("to_vmx()->pi_desc", "kvm->arch.apic_map").  Globals and
 * per-cpu variables are their bare names.
 */
#ifndef BARRIERMAP_OBJECTS_H
#define BARRIERMAP_OBJECTS_H

#include "tokens.h"

/* How many accesses are kept on each side of a barrier, nearest first. */
#define OBJECTS_PER_SIDE 8

/*
 * Fill site->before and site->after for every site of @f that lies in one
 * of f->functions, from the file's tokens @tv.  Called by the scanner
 * after the file's functions and sites are known.
 */
void objects_collect(const struct token_view *tv, struct file_facts *f);

#endif
