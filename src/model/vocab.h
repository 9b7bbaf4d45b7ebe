/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The barrier vocabulary: every primitive barriermap recognises, with its
 * strength, and the primitives that imply full ordering (value-returning
 * atomics, cmpxchg, test_and_set_bit...).  One table, in vocab.c.
 */
#ifndef BARRIERMAP_VOCAB_H
#define BARRIERMAP_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

enum kind {
	KIND_FULL,
	KIND_READ,
	KIND_WRITE,
	KIND_ACQUIRE,
	KIND_RELEASE,
	KIND_COMPILER,
	KIND_IMPLIED,	/* full ordering implied by an atomic RMW */
	KIND_CALL,	/* a call whose callee supplies the barrier, of a kind it does not say */
};

struct barrier_def {
	const char *name;
	enum kind kind;
};

/* An explicit barrier primitive, or NULL. */
const struct barrier_def *barrier_lookup(const char *name);
/* The same for @name[0..len), not NUL-terminated: the scanner's tokens. */
const struct barrier_def *barrier_lookup_n(const char *name, size_t len);
/*
 * The vocabulary word within two edits of @name ("smb_wmb" -> "smp_wmb"),
 * or NULL.  Never matches an exact word; use barrier_lookup() first.
 */
const struct barrier_def *barrier_lookup_misspelled(const char *name);
/* A primitive with implied full ordering (atomic_inc_return, xchg...). */
bool implies_full_barrier(const char *name);

const char *kind_name(enum kind kind);
/* "a" or "an", the article kind_name() takes: "an acquire barrier". */
const char *kind_article(enum kind kind);
/* Can a barrier of kind @a order against one of kind @b? */
bool kinds_can_pair(enum kind a, enum kind b);
/* Is @have at least as strong as @claimed (comment vs code)? */
bool kind_at_least(enum kind have, enum kind claimed);

#endif
