// SPDX-License-Identifier: GPL-2.0
#include "vocab.h"
#include "util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The barriers proper.  Keep sorted by name within each strength; rst/design.rst lists them. */
static const struct barrier_def barriers[] = {
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
 * The rest of the barrier family: the atomic operations whose ordering is
 * an ACQUIRE or a RELEASE.  Documentation/atomic_t.txt, "ORDERING":
 * "{}_acquire: the R of the RMW (or atomic_read) is an ACQUIRE; {}_release:
 * the W of the RMW (or atomic_set) is a RELEASE".  The names are those
 * include/linux/atomic/atomic-instrumented.h and atomic-long.h define for
 * atomic_t, atomic64_t and atomic_long_t, with the swaps of any type;
 * include/linux/atomic.h adds the conditional reads.  The raw_ and arch_
 * variants are the implementation of these, used only by it.
 */
static const char *const atomic_types[] = { "atomic", "atomic64", "atomic_long" };
static const char *const atomic_ordered_ops[] = {
	"add_negative", "add_return", "sub_return", "inc_return", "dec_return",
	"fetch_add", "fetch_sub", "fetch_inc", "fetch_dec", "fetch_and",
	"fetch_or", "fetch_xor", "fetch_andnot", "xchg", "cmpxchg", "try_cmpxchg",
};
static const char *const swaps[] = {
	"xchg", "cmpxchg", "cmpxchg64", "cmpxchg128",
	"try_cmpxchg", "try_cmpxchg64", "try_cmpxchg128",
};
/*
 * Documentation/atomic_bitops.txt, "ORDERING": "a successful
 * test_and_set_bit_lock() which has ACQUIRE semantics, clear_bit_unlock()
 * which has RELEASE semantics and test_bit_acquire which has ACQUIRE
 * semantics"; __clear_bit_unlock() and xor_unlock_is_negative_byte() are
 * releases too (include/asm-generic/bitops/lock.h).
 */
static const struct barrier_def bitops[] = {
	{ "test_and_set_bit_lock", KIND_ACQUIRE },
	{ "test_bit_acquire", KIND_ACQUIRE },
	{ "clear_bit_unlock", KIND_RELEASE },
	{ "__clear_bit_unlock", KIND_RELEASE },
	{ "xor_unlock_is_negative_byte", KIND_RELEASE },
};

/*
 * Every word, built once: in the order above (the barriers proper first,
 * which a misspelling prefers when two words are as near), and sorted by
 * name for barrier_lookup().
 */
#define HASH_SLOTS 1024	/* a power of two, several times the words */

static struct {
	VEC(struct barrier_def) v, sorted;
	const struct barrier_def *slot[HASH_SLOTS];	/* open addressing, for barrier_lookup_n() */
	pthread_once_t once;
} vocabulary = { .once = PTHREAD_ONCE_INIT };

/* FNV-1a: the scanner asks for every identifier that is called. */
static size_t hash_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h & (HASH_SLOTS - 1);
}

static void add_word(const char *name, enum kind kind)
{
	vec_push(&vocabulary.v, ((struct barrier_def){ name, kind }));
}

static int def_cmp(const void *a, const void *b)
{
	return strcmp(((const struct barrier_def *)a)->name, ((const struct barrier_def *)b)->name);
}

/* The words live as long as the program: they are never freed. */
static void build_vocabulary(void)
{
	static const char *const orders[] = { "acquire", "release" };

	for (size_t i = 0; i < sizeof(barriers) / sizeof(barriers[0]); i++)
		add_word(barriers[i].name, barriers[i].kind);
	for (size_t i = 0; i < sizeof(bitops) / sizeof(bitops[0]); i++)
		add_word(bitops[i].name, bitops[i].kind);
	for (size_t o = 0; o < 2; o++) {
		enum kind kind = o ? KIND_RELEASE : KIND_ACQUIRE;

		for (size_t t = 0; t < sizeof(atomic_types) / sizeof(atomic_types[0]); t++) {
			for (size_t i = 0; i < sizeof(atomic_ordered_ops) / sizeof(atomic_ordered_ops[0]); i++)
				add_word(xasprintf("%s_%s_%s", atomic_types[t], atomic_ordered_ops[i],
						   orders[o]), kind);
			add_word(xasprintf("%s_%s", atomic_types[t], o ? "set_release" :
					   "read_acquire"), kind);
			if (!o)
				add_word(xasprintf("%s_cond_read_acquire", atomic_types[t]), kind);
		}
		for (size_t i = 0; i < sizeof(swaps) / sizeof(swaps[0]); i++)
			add_word(xasprintf("%s_%s", swaps[i], orders[o]), kind);
	}
	for (size_t i = 0; i < vocabulary.v.n; i++)
		vec_push(&vocabulary.sorted, vocabulary.v.v[i]);
	xqsort(vocabulary.sorted.v, vocabulary.sorted.n, sizeof(*vocabulary.sorted.v), def_cmp);
	if (2 * vocabulary.v.n > HASH_SLOTS)
		BUG("%zu barrier words for %d hash slots", vocabulary.v.n, HASH_SLOTS);
	for (size_t i = 0; i < vocabulary.sorted.n; i++) {
		const struct barrier_def *d = &vocabulary.sorted.v[i];
		size_t h = hash_of(d->name, strlen(d->name));

		while (vocabulary.slot[h])
			h = (h + 1) & (HASH_SLOTS - 1);
		vocabulary.slot[h] = d;
	}
}

/* The words in the order above, or sorted by name. */
static const struct barrier_def *words(size_t *n, bool sorted)
{
	pthread_once(&vocabulary.once, build_vocabulary);
	*n = vocabulary.v.n;
	return sorted ? vocabulary.sorted.v : vocabulary.v.v;
}

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
	size_t n;
	const struct barrier_def *v = words(&n, true), key = { name, KIND_FULL };

	return bsearch(&key, v, n, sizeof(key), def_cmp);
}

const struct barrier_def *barrier_lookup_n(const char *name, size_t len)
{
	size_t n;

	words(&n, true);
	for (size_t h = hash_of(name, len); vocabulary.slot[h]; h = (h + 1) & (HASH_SLOTS - 1)) {
		const struct barrier_def *d = vocabulary.slot[h];

		if (strlen(d->name) == len && !memcmp(d->name, name, len))
			return d;
	}
	return NULL;
}

const struct barrier_def *barrier_lookup_misspelled(const char *name)
{
	const struct barrier_def *best = NULL;
	size_t n;
	const struct barrier_def *v = words(&n, false);
	int best_d = 3;

	/* Short words like "mb" or "rmb" are too close to everything. */
	if (strlen(name) < 6)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int d = edit_distance(name, v[i].name, 2);

		if (d > 0 && d < best_d && strlen(v[i].name) >= 6) {
			best = &v[i];
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

const char *kind_article(enum kind kind)
{
	return strchr("aeiou", kind_name(kind)[0]) ? "an" : "a";
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
