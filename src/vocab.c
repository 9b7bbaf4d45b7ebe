// SPDX-License-Identifier: GPL-2.0
#include "vocab.h"
#include "util.h"

#include <string.h>

/* Keep sorted by name within each strength; rst/design.rst lists them. */
static const struct barrier_def vocabulary[] = {
	{ "mb", KIND_FULL },
	{ "smp_mb", KIND_FULL },
	{ "smp_mb__after_atomic", KIND_FULL },
	{ "smp_mb__after_spinlock", KIND_FULL },
	{ "smp_mb__after_srcu_read_unlock", KIND_FULL },
	{ "smp_mb__after_unlock_lock", KIND_FULL },
	{ "smp_mb__before_atomic", KIND_FULL },
	{ "smp_store_mb", KIND_FULL },
	{ "virt_mb", KIND_FULL },
	{ "__smp_mb", KIND_FULL },
	{ "dma_rmb", KIND_READ },
	{ "rmb", KIND_READ },
	{ "smp_rmb", KIND_READ },
	{ "virt_rmb", KIND_READ },
	{ "__smp_rmb", KIND_READ },
	{ "dma_wmb", KIND_WRITE },
	{ "smp_wmb", KIND_WRITE },
	{ "virt_wmb", KIND_WRITE },
	{ "wmb", KIND_WRITE },
	{ "__smp_wmb", KIND_WRITE },
	{ "smp_acquire__after_ctrl_dep", KIND_ACQUIRE },
	{ "smp_cond_load_acquire", KIND_ACQUIRE },
	{ "smp_load_acquire", KIND_ACQUIRE },
	{ "virt_load_acquire", KIND_ACQUIRE },
	{ "virt_store_release", KIND_RELEASE },
	{ "smp_store_release", KIND_RELEASE },
	{ "barrier", KIND_COMPILER },
};

/*
 * Atomic read-modify-write operations that return a value imply a full
 * barrier before and after (Documentation/atomic_t.txt).  Matched by name.
 */
static const char *const implied_exact[] = {
	"cmpxchg", "cmpxchg64", "try_cmpxchg", "try_cmpxchg64", "xchg",
	"test_and_set_bit", "test_and_clear_bit", "test_and_change_bit",
	"atomic_cmpxchg", "atomic64_cmpxchg", "atomic_long_cmpxchg",
	"atomic_try_cmpxchg", "atomic64_try_cmpxchg", "atomic_xchg",
	"atomic64_xchg", "atomic_long_xchg", "atomic_inc_not_zero",
	"atomic_dec_and_test", "atomic_inc_and_test", "atomic_sub_and_test",
	"atomic_add_unless", "atomic_dec_if_positive", "refcount_dec_and_test",
};
static const char *const implied_suffix[] = {
	"_return", "_and_test",
};

const struct barrier_def *barrier_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++)
		if (!strcmp(vocabulary[i].name, name))
			return &vocabulary[i];
	return NULL;
}

const struct barrier_def *barrier_lookup_misspelled(const char *name)
{
	const struct barrier_def *best = NULL;
	int best_d = 3;

	/* Short words like "mb" or "rmb" are too close to everything. */
	if (strlen(name) < 6)
		return NULL;
	for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++) {
		int d = edit_distance(name, vocabulary[i].name, 2);

		if (d > 0 && d < best_d && strlen(vocabulary[i].name) >= 6) {
			best = &vocabulary[i];
			best_d = d;
		}
	}
	return best;
}

bool implies_full_barrier(const char *name)
{
	for (size_t i = 0; i < sizeof(implied_exact) / sizeof(implied_exact[0]); i++)
		if (!strcmp(implied_exact[i], name))
			return true;
	if (!str_starts_with(name, "atomic") && !str_starts_with(name, "arch_atomic"))
		return false;
	/* _relaxed, _acquire and _release variants are not full barriers. */
	if (strstr(name, "_relaxed") || strstr(name, "_acquire") || strstr(name, "_release"))
		return false;
	for (size_t i = 0; i < sizeof(implied_suffix) / sizeof(implied_suffix[0]); i++)
		if (str_ends_with(name, implied_suffix[i]))
			return true;
	return false;
}

const char *kind_name(enum kind kind)
{
	switch (kind) {
	case KIND_FULL: return "full";
	case KIND_READ: return "read";
	case KIND_WRITE: return "write";
	case KIND_ACQUIRE: return "acquire";
	case KIND_RELEASE: return "release";
	case KIND_COMPILER: return "compiler";
	case KIND_IMPLIED: return "implied";
	case KIND_CALL: return "call";
	}
	BUG("unknown kind %d", (int)kind);
}

static bool orders_reads(enum kind k)
{
	return k == KIND_READ || k == KIND_ACQUIRE;
}

static bool orders_writes(enum kind k)
{
	return k == KIND_WRITE || k == KIND_RELEASE;
}

static bool is_full(enum kind k)
{
	return k == KIND_FULL || k == KIND_IMPLIED || k == KIND_CALL;
}

bool kinds_can_pair(enum kind a, enum kind b)
{
	if (a == KIND_COMPILER || b == KIND_COMPILER)
		return false;
	if (is_full(a) || is_full(b))
		return true;
	/* A reader side pairs with a writer side, never with its own kind. */
	return (orders_reads(a) && orders_writes(b)) ||
	       (orders_writes(a) && orders_reads(b));
}

bool kind_at_least(enum kind have, enum kind claimed)
{
	if (have == claimed || is_full(have))
		return true;
	if (claimed == KIND_COMPILER)
		return true;
	if (is_full(claimed))
		return false;
	/* A read barrier is stronger than acquire on the reader side, etc. */
	return (have == KIND_READ && claimed == KIND_ACQUIRE) ||
	       (have == KIND_WRITE && claimed == KIND_RELEASE);
}
