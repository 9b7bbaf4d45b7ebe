/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reliance claims: comments that say the ordering is provided by a barrier
 * somewhere else, and whether the code still provides it.
 *
 * The stage runs after resolve_program(), as a function of the resolved
 * program: it reads every comment of the files in scope (not only those
 * that belong to a barrier: "Rely on mmap_read_unlock() for an implicit
 * smp_rmb()" sits above a plain load), finds the claims, and checks each
 * against the barriers on the named function's call path (down to
 * --depth calls), or against what a core primitive guarantees
 * (primitives.c).  A comment may also be a pairing comment on a call (an
 * implicit site): the claim's verdict is separate from the site's status.
 *
 * Verdicts: holds; stale when the barrier named is not on the path (the
 * message says what is there instead: which barrier, in which function,
 * how many calls deep), weak when what is there is weaker than claimed
 * (a release is not an smp_rmb()); unchecked when the function is neither
 * in the scanned tree nor a primitive the table knows.
 */
#ifndef BARRIERMAP_CLAIMS_H
#define BARRIERMAP_CLAIMS_H

#include "facts.h"

/* Find and check every claim in the comments of the files in scope. */
void check_claims(struct program *p);

const char *claim_verdict_name(enum claim_verdict v);
/* The lint status of a verdict: "stale-claim", "weak-claim", ... */
const char *claim_status_name(enum claim_verdict v);
/* "kvm_mmu_invalidate_end()" style description of what a claim relies on. */
char *claim_describe(const struct claim *c);
/*
 * What is there for a claim found on a path (c->found): "smp_wmb() in
 * __kvm_make_request() (include/linux/kvm_host.h:2197), 1 call deep, via
 * kvm_make_request() -> __kvm_make_request(), a write barrier".
 */
char *claim_there(const struct claim *c);


#endif
