// SPDX-License-Identifier: GPL-2.0
/*
 * primitives.c: what core kernel primitives guarantee, as the kernel tree
 * itself says it (see primitives.h), and the barriers on the call path of
 * a scanned function.
 *
 * Every entry cites where the tree says it: a section of
 * Documentation/memory-barriers.txt, atomic_t.txt or atomic_bitops.txt, or
 * the function in kernel/, include/ or fs/ whose code or comment shows it.
 * tests/claims/citations.py checks each quote against the real tree, so an
 * entry cannot drift from its source unnoticed.
 */
#include "primitives.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

#define MB	"Documentation/memory-barriers.txt"
#define ATOMIC	"Documentation/atomic_t.txt"
#define BITOPS	"Documentation/atomic_bitops.txt"

#define LOCKS	"LOCK ACQUISITION FUNCTIONS"
#define SLEEP	"SLEEP AND WAKE-UP FUNCTIONS"
#define ORDERING_ATOMIC	"ORDERING (go read memory-barriers.txt first)"

#define CITE_ACQUIRE { MB, LOCKS, NULL, "Memory operations issued after the ACQUIRE will be " \
		       "completed after the ACQUIRE operation has completed." }
#define CITE_RELEASE { MB, LOCKS, NULL, "Memory operations issued before the RELEASE will be " \
		       "completed before the RELEASE operation has completed." }
#define CITE_FAILED_LOCK { MB, LOCKS, NULL, "Failed locks do not imply any sort of barrier." }
#define CITE_RWSEM { MB, LOCKS, NULL, "R/W semaphores" }
#define CITE_WAKE_UP { MB, SLEEP, NULL, "A general memory barrier is executed by wake_up() if it " \
		       "wakes something up." }
#define CITE_RETURN { ATOMIC, ORDERING_ATOMIC, NULL, \
		      "RMW operations that have a return value are fully ordered;" }

/* Named primitives; looked up before the families below. */
static const struct primitive named[] = {
	/* the mmap lock: an rwsem (include/linux/mmap_lock.h) */
	{ "mmap_read_lock", KIND_ACQUIRE, true, NULL, "down_read()",
	  { { "include/linux/mmap_lock.h", "mmap_read_lock()",
	      "static inline void mmap_read_lock(struct mm_struct *mm)",
	      "down_read(&mm->mmap_lock);" }, CITE_ACQUIRE } },
	{ "mmap_read_unlock", KIND_RELEASE, true, NULL, "up_read()",
	  { { "include/linux/mmap_lock.h", "mmap_read_unlock()",
	      "static inline void mmap_read_unlock(struct mm_struct *mm)",
	      "up_read(&mm->mmap_lock);" }, CITE_RELEASE } },
	{ "mmap_write_lock", KIND_ACQUIRE, true, NULL, "down_write()",
	  { { "include/linux/mmap_lock.h", "mmap_write_lock()",
	      "static inline void mmap_write_lock(struct mm_struct *mm)",
	      "down_write(&mm->mmap_lock);" }, CITE_ACQUIRE } },
	{ "mmap_write_unlock", KIND_RELEASE, true, NULL, "up_write()",
	  { { "include/linux/mmap_lock.h", "mmap_write_unlock()",
	      "static inline void mmap_write_unlock(struct mm_struct *mm)",
	      "up_write(&mm->mmap_lock);" }, CITE_RELEASE } },
	/* the page table lock */
	{ "pte_unmap_unlock", KIND_RELEASE, true, NULL, "spin_unlock()",
	  { { "include/linux/mm.h", "pte_unmap_unlock()",
	      "#define pte_unmap_unlock(pte, ptl)", "spin_unlock(ptl);" }, CITE_RELEASE } },
	/* rwsems and semaphores */
	{ "down_read", KIND_ACQUIRE, true, NULL, NULL, { CITE_ACQUIRE, CITE_RWSEM } },
	{ "down_write", KIND_ACQUIRE, true, NULL, NULL, { CITE_ACQUIRE, CITE_RWSEM } },
	{ "down_read_trylock", KIND_ACQUIRE, true, "on success", NULL,
	  { CITE_ACQUIRE, CITE_FAILED_LOCK } },
	{ "down_write_trylock", KIND_ACQUIRE, true, "on success", NULL,
	  { CITE_ACQUIRE, CITE_FAILED_LOCK } },
	{ "up_read", KIND_RELEASE, true, NULL, NULL, { CITE_RELEASE, CITE_RWSEM } },
	{ "up_write", KIND_RELEASE, true, NULL, NULL, { CITE_RELEASE, CITE_RWSEM } },
	/* sleeping and waking */
	{ "set_current_state", KIND_FULL, true, NULL, "smp_store_mb()",
	  { { MB, SLEEP, NULL, "A general memory barrier is interpolated automatically by "
	      "set_current_state() after it has altered the task state:" },
	    { "include/linux/sched.h", "set_current_state()",
	      "#define set_current_state(state_value)",
	      "smp_store_mb(current->__state, (state_value));" } } },
	{ "prepare_to_wait", KIND_FULL, true, NULL, "set_current_state()",
	  { { MB, SLEEP, NULL, "which therefore also imply a general memory barrier after setting "
	      "the state." } } },
	{ "prepare_to_wait_exclusive", KIND_FULL, true, NULL, "set_current_state()",
	  { { MB, SLEEP, NULL, "which therefore also imply a general memory barrier after setting "
	      "the state." } } },
	{ "wake_up_process", KIND_FULL, true, NULL, NULL,
	  { { MB, SLEEP, NULL, "wake_up_process() always executes a general memory barrier." } } },
	{ "schedule", KIND_FULL, true, NULL, NULL,
	  { { MB, "MISCELLANEOUS FUNCTIONS", NULL, "schedule() and similar imply full memory "
	      "barriers." } } },
	{ "rcuwait_wake_up", KIND_FULL, true, NULL, "smp_mb()",
	  { { "kernel/exit.c", "rcuwait_wake_up()", "int rcuwait_wake_up(struct rcuwait *w)",
	      "smp_mb(); /* (B) */" } } },
	/* grace periods */
	{ "synchronize_rcu", KIND_FULL, true, NULL, NULL,
	  { { "kernel/rcu/tree.c", "synchronize_rcu()",
	      " * synchronize_rcu - wait until a grace period has elapsed.",
	      "each CPU is guaranteed to have executed a full memory barrier since the end of "
	      "its last RCU read-side critical section" } } },
	{ "synchronize_srcu", KIND_FULL, true, NULL, NULL,
	  { { "kernel/rcu/srcutree.c", "synchronize_srcu()",
	      " * synchronize_srcu - wait for prior SRCU read-side "
	      "critical-section completion", "each CPU is guaranteed to have executed a full "
	      "memory barrier since the end of its last corresponding SRCU read-side critical "
	      "section" } } },
	{ "synchronize_srcu_expedited", KIND_FULL, true, NULL, NULL,
	  { { "kernel/rcu/srcutree.c", "synchronize_srcu_expedited()",
	      " * synchronize_srcu_expedited - Brute-force SRCU grace "
	      "period", "Note that synchronize_srcu_expedited() has the same deadlock and "
	      "memory-ordering properties as does synchronize_srcu()." } } },
	/* file references (guest_memfd.c relies on them) */
	{ "fput", KIND_FULL, true, "when it drops the last reference", "atomic_long_dec_and_test()",
	  { { "fs/file_table.c", "fput()", "void fput(struct file *file)",
	      "if (atomic_long_dec_and_test(&file->f_count)) {" }, CITE_RETURN } },
	{ "get_file_active", KIND_FULL, true, "on success", "atomic_long_inc_not_zero()",
	  { { "fs/file.c", "get_file_active()",
	      " * get_file_active - try go get a reference to a file",
	      "file = __get_file_rcu(f);" },
	    { "fs/file.c", "__get_file_rcu()",
	      "static struct file *__get_file_rcu(struct file __rcu **f)",
	      "atomic_long_inc_not_zero() above provided a full memory barrier when we "
	      "acquired a reference." } } },
};

enum family {
	FAM_LOCK,
	FAM_TRYLOCK,
	FAM_UNLOCK,
	FAM_WAKE_UP,
	FAM_ATOMIC_RETURN,
	FAM_ATOMIC_CONDITIONAL,
	FAM_ATOMIC_ACQUIRE,
	FAM_ATOMIC_RELEASE,
	FAM_ATOMIC_RELAXED,
	FAM_ATOMIC_VOID,
	FAM_ATOMIC_PLAIN,
	FAM_XCHG,
	FAM_CMPXCHG,
	FAM_BITOP_RETURN,
	FAM_BITOP_VOID,
	FAM_BITOP_LOCK,
	FAM_BITOP_UNLOCK,
	FAM_BITOP_ACQUIRE,
	FAM__COUNT
};

static const struct primitive families[FAM__COUNT] = {
	[FAM_LOCK] = { "spin_lock*(), read_lock*(), write_lock*(), mutex_lock*(), down*()",
		       KIND_ACQUIRE, true, NULL, NULL, { CITE_ACQUIRE } },
	[FAM_TRYLOCK] = { "*_trylock*()", KIND_ACQUIRE, true, "on success", NULL,
			  { CITE_ACQUIRE, CITE_FAILED_LOCK } },
	[FAM_UNLOCK] = { "spin_unlock*(), read_unlock*(), write_unlock*(), mutex_unlock(), up*()",
			 KIND_RELEASE, true, NULL, NULL, { CITE_RELEASE } },
	[FAM_WAKE_UP] = { "wake_up*(), complete*()", KIND_FULL, true, "when it wakes a task", NULL,
			  { CITE_WAKE_UP,
			    { MB, SLEEP, NULL, "In terms of memory ordering, these functions "
			    "all provide the same guarantees of a wake_up() (or stronger)." } } },
	[FAM_ATOMIC_RETURN] = { "atomic*_*_return(), atomic*_fetch_*(), atomic*_xchg(), "
				"atomic*_*_and_test()", KIND_FULL, true, NULL, NULL,
				{ CITE_RETURN } },
	[FAM_ATOMIC_CONDITIONAL] = { "atomic*_cmpxchg(), atomic*_try_cmpxchg(), "
				     "atomic*_inc_not_zero(), atomic*_add_unless()",
				     KIND_FULL, true, "on success", NULL,
				     { { ATOMIC, ORDERING_ATOMIC, NULL, "RMW operations that are "
					 "conditional are unordered on FAILURE, otherwise the "
					 "above rules apply." }, CITE_RETURN } },
	[FAM_ATOMIC_ACQUIRE] = { "atomic*_*_acquire(), atomic*_read_acquire()", KIND_ACQUIRE,
				 true, NULL, NULL,
				 { { ATOMIC, ORDERING_ATOMIC, NULL, "{}_acquire: the R of the RMW (or "
				     "atomic_read) is an ACQUIRE" } } },
	[FAM_ATOMIC_RELEASE] = { "atomic*_*_release(), atomic*_set_release()", KIND_RELEASE,
				 true, NULL, NULL,
				 { { ATOMIC, ORDERING_ATOMIC, NULL, "{}_release: the W of the RMW (or "
				     "atomic_set) is a RELEASE" } } },
	[FAM_ATOMIC_RELAXED] = { "atomic*_*_relaxed()", KIND_FULL, false, NULL, NULL,
				 { { ATOMIC, ORDERING_ATOMIC, NULL, "{}_relaxed: unordered" } } },
	[FAM_ATOMIC_VOID] = { "atomic*_{add,sub,inc,dec,and,or,xor,andnot}()", KIND_FULL, false,
			      NULL, NULL,
			      { { ATOMIC, ORDERING_ATOMIC, NULL, "RMW operations that have no return "
				  "value are unordered;" } } },
	[FAM_ATOMIC_PLAIN] = { "atomic*_read(), atomic*_set()", KIND_FULL, false, NULL, NULL,
			       { { ATOMIC, ORDERING_ATOMIC, NULL,
				   "non-RMW operations are unordered;" } } },
	[FAM_XCHG] = { "xchg()", KIND_FULL, true, NULL, NULL,
		       { { ATOMIC, "SEMANTICS", NULL, "swap operations: xchg(), cmpxchg() and "
			   "try_cmpxchg()" }, CITE_RETURN } },
	[FAM_CMPXCHG] = { "cmpxchg(), try_cmpxchg()", KIND_FULL, true, "on success", NULL,
			  { { ATOMIC, "SEMANTICS", NULL, "swap operations: xchg(), cmpxchg() and "
			      "try_cmpxchg()" },
			    { ATOMIC, ORDERING_ATOMIC, NULL, "RMW operations that are conditional "
			      "are unordered on FAILURE, otherwise the above rules apply." } } },
	[FAM_BITOP_RETURN] = { "test_and_{set,clear,change}_bit()", KIND_FULL, true, NULL, NULL,
			       { { BITOPS, "ORDERING", NULL, "RMW operations that have a return value "
				   "are fully ordered." } } },
	[FAM_BITOP_VOID] = { "{set,clear,change}_bit(), test_bit()", KIND_FULL, false, NULL, NULL,
			     { { BITOPS, "ORDERING", NULL, "RMW operations that have no return value "
				 "are unordered;" },
			       { BITOPS, "ORDERING", NULL, "non-RMW operations are unordered;" } } },
	[FAM_BITOP_LOCK] = { "test_and_set_bit_lock()", KIND_ACQUIRE, true, "on success", NULL,
			     { { BITOPS, "ORDERING", NULL, "Except for a successful "
				 "test_and_set_bit_lock() which has ACQUIRE semantics," } } },
	[FAM_BITOP_UNLOCK] = { "clear_bit_unlock()", KIND_RELEASE, true, NULL, NULL,
			       { { BITOPS, "ORDERING", NULL, "clear_bit_unlock() which has RELEASE "
				   "semantics" } } },
	[FAM_BITOP_ACQUIRE] = { "test_bit_acquire()", KIND_ACQUIRE, true, NULL, NULL,
				{ { BITOPS, "ORDERING", NULL, "test_bit_acquire which has ACQUIRE "
				    "semantics" } } },
};

/* ---- families ----------------------------------------------------------- */

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

/* @name is @base followed by one of @suffixes ("" included). */
static bool base_with_suffix(const char *name, const char *const *bases,
			     const char *const *suffixes)
{
	for (; *bases; bases++) {
		size_t n = strlen(*bases);

		if (!strncmp(name, *bases, n) && in_list(name + n, suffixes))
			return true;
	}
	return false;
}

static const char *const lock_bases[] = {
	"spin_lock", "raw_spin_lock", "read_lock", "write_lock", "mutex_lock", "down", NULL,
};
static const char *const lock_suffixes[] = {
	"", "_irq", "_irqsave", "_bh", "_nested", "_interruptible", "_killable", "_io", NULL,
};
static const char *const trylock_bases[] = {
	"spin_trylock", "raw_spin_trylock", "read_trylock", "write_trylock", "mutex_trylock",
	"down_trylock", "mmap_read_trylock", "mmap_write_trylock", NULL,
};
static const char *const unlock_bases[] = {
	"spin_unlock", "raw_spin_unlock", "read_unlock", "write_unlock", "mutex_unlock", "up",
	NULL,
};
static const char *const unlock_suffixes[] = { "", "_irq", "_irqrestore", "_bh", NULL };
static const char *const trylock_suffixes[] = { "", "_irq", "_irqsave", "_bh", NULL };

static const char *const wakers[] = {
	"complete", "complete_all", "wake_up", "wake_up_all", "wake_up_bit",
	"wake_up_interruptible", "wake_up_interruptible_all", "wake_up_interruptible_nr",
	"wake_up_interruptible_poll", "wake_up_interruptible_sync",
	"wake_up_interruptible_sync_poll", "wake_up_locked", "wake_up_locked_poll",
	"wake_up_nr", "wake_up_poll", NULL,
};

static const char *const conditional_ops[] = {
	"cmpxchg", "try_cmpxchg", "inc_not_zero", "add_unless", "fetch_add_unless",
	"dec_unless_positive", "inc_unless_negative", "dec_if_positive", NULL,
};
static const char *const void_ops[] = {
	"add", "sub", "inc", "dec", "and", "or", "xor", "andnot", NULL,
};
static const char *const returning_ops[] = {
	"xchg", "add_negative", "inc_and_test", "dec_and_test", "sub_and_test", NULL,
};

/* "atomic64_fetch_add" -> "fetch_add"; NULL when not an atomic_t operation. */
static const char *atomic_op(const char *name)
{
	static const char *const prefixes[] = { "atomic64_", "atomic_long_", "atomic_", NULL };

	if (str_starts_with(name, "arch_"))
		name += 5;
	else if (str_starts_with(name, "raw_"))
		name += 4;
	for (const char *const *p = prefixes; *p; p++)
		if (str_starts_with(name, *p))
			return name + strlen(*p);
	return NULL;
}

/* Strip an ordering suffix; returns the family it selects, or FAM__COUNT. */
static enum family ordering_suffix(const char *op, size_t *len)
{
	static const struct { const char *suffix; enum family fam; } s[] = {
		{ "_relaxed", FAM_ATOMIC_RELAXED },
		{ "_acquire", FAM_ATOMIC_ACQUIRE },
		{ "_release", FAM_ATOMIC_RELEASE },
	};

	*len = strlen(op);
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if (str_ends_with(op, s[i].suffix)) {
			*len -= strlen(s[i].suffix);
			return s[i].fam;
		}
	return FAM__COUNT;
}

static enum family atomic_family(const char *op)
{
	size_t len;
	enum family fam = ordering_suffix(op, &len);
	char *base;

	if (!strcmp(op, "read") || !strcmp(op, "set"))
		return FAM_ATOMIC_PLAIN;
	if (!strcmp(op, "read_acquire"))
		return FAM_ATOMIC_ACQUIRE;
	if (!strcmp(op, "set_release"))
		return FAM_ATOMIC_RELEASE;
	base = xstrndup(op, len);
	if (fam == FAM__COUNT) {
		if (in_list(base, conditional_ops))
			fam = FAM_ATOMIC_CONDITIONAL;
		else if (in_list(base, void_ops))
			fam = FAM_ATOMIC_VOID;
		else if (str_ends_with(base, "_return") || str_starts_with(base, "fetch_") ||
			 in_list(base, returning_ops))
			fam = FAM_ATOMIC_RETURN;
	} else if (!in_list(base, conditional_ops) && !in_list(base, void_ops) &&
		   !in_list(base, returning_ops) && !str_ends_with(base, "_return") &&
		   !str_starts_with(base, "fetch_")) {
		fam = FAM__COUNT;	/* "atomic_foo_release": not an operation we know */
	}
	free(base);
	return fam;
}

/* xchg(), cmpxchg64(), try_cmpxchg_acquire()... outside atomic_t. */
static enum family swap_family(const char *name)
{
	static const char *const xchg[] = { "xchg", NULL };
	static const char *const cmpxchg[] = { "cmpxchg", "try_cmpxchg", NULL };
	static const char *const widths[] = { "", "64", "128", "_local", "64_local", NULL };
	size_t len;
	enum family fam = ordering_suffix(name, &len);
	char *base = xstrndup(name, len);
	enum family plain = base_with_suffix(base, xchg, widths) ? FAM_XCHG :
			    base_with_suffix(base, cmpxchg, widths) ? FAM_CMPXCHG : FAM__COUNT;

	free(base);
	if (plain == FAM__COUNT)
		return FAM__COUNT;
	return fam == FAM__COUNT ? plain : fam;
}

static enum family bitop_family(const char *name)
{
	static const char *const returning[] = {
		"test_and_set_bit", "test_and_clear_bit", "test_and_change_bit", NULL,
	};
	static const char *const unordered[] = {
		"set_bit", "clear_bit", "change_bit", "test_bit", NULL,
	};

	if (!strcmp(name, "test_and_set_bit_lock"))
		return FAM_BITOP_LOCK;
	if (!strcmp(name, "clear_bit_unlock"))
		return FAM_BITOP_UNLOCK;
	if (!strcmp(name, "test_bit_acquire"))
		return FAM_BITOP_ACQUIRE;
	if (in_list(name, returning))
		return FAM_BITOP_RETURN;
	if (in_list(name, unordered))
		return FAM_BITOP_VOID;
	return FAM__COUNT;
}

static enum family family_of(const char *name)
{
	const char *op = atomic_op(name);
	enum family fam;

	if (op)
		return atomic_family(op);
	if ((fam = swap_family(name)) != FAM__COUNT || (fam = bitop_family(name)) != FAM__COUNT)
		return fam;
	if (base_with_suffix(name, trylock_bases, trylock_suffixes))
		return FAM_TRYLOCK;
	if (base_with_suffix(name, lock_bases, lock_suffixes))
		return FAM_LOCK;
	if (base_with_suffix(name, unlock_bases, unlock_suffixes))
		return FAM_UNLOCK;
	if (in_list(name, wakers))
		return FAM_WAKE_UP;
	return FAM__COUNT;
}

const struct primitive *primitive_lookup(const char *name)
{
	enum family fam;

	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (!strcmp(named[i].name, name))
			return &named[i];
	fam = family_of(name);
	return fam == FAM__COUNT ? NULL : &families[fam];
}

const struct primitive *primitive_table(size_t *n)
{
	/* one array for callers: the named entries, then the families */
	static struct primitive all[sizeof(named) / sizeof(named[0]) + FAM__COUNT];

	if (!all[0].name) {
		memcpy(all, named, sizeof(named));
		memcpy(all + sizeof(named) / sizeof(named[0]), families, sizeof(families));
	}
	*n = sizeof(all) / sizeof(all[0]);
	return all;
}

const char *primitive_kind_name(const struct primitive *pr)
{
	return pr->ordered ? kind_name(pr->kind) : "unordered";
}

/* ---- the barriers on a scanned function's path ------------------------ */

struct walk {
	const struct function_ref *fn;
	unsigned depth;
	int parent;		/* index in the queue, -1 for the named function */
};

static void set_via(struct path_barrier *b, const struct walk *q, int at)
{
	VEC(const char *) rev = { 0 };

	for (int i = at; i >= 0; i = q[i].parent)
		vec_push(&rev, function_of(q[i].fn)->name);
	for (size_t i = rev.n; i > 0; i--)
		vec_push(&b->via, rev.v[i - 1]);
	free(rev.v);
}

/* The barriers in one function: its sites, then its calls that order. */
VEC_TYPE(path_barrier_vec, struct path_barrier);

static size_t definitions(const struct program *p, const char *name,
			  const struct function_ref **first);

/*
 * @into: the primitives of the table that the facts define are walked
 * like any function, not summarised by the table.
 */
static void barriers_in(const struct program *p, const struct walk *q, int at, bool into,
			struct path_barrier_vec *out)
{
	const struct function_ref *fr = q[at].fn;
	struct file_facts *f = fr->file;
	struct function *fn = function_of(fr);

	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *t = &f->sites.v[i];
		struct path_barrier b = { 0 };

		if (t->function != (int)fr->index || t->implicit || t->kind == KIND_COMPILER)
			continue;
		b = (struct path_barrier){ .site = t, .file = f, .at = t->at, .function = fn->name,
					   .barrier = t->barrier, .kind = t->kind,
					   .depth = q[at].depth };
		set_via(&b, q, at);
		vec_push(out, b);
	}
	for (size_t i = 0; i < fn->calls.n; i++) {
		const char *callee = fn->calls.v[i].callee;
		const struct primitive *pr = primitive_lookup(callee);
		struct path_barrier b = { 0 };

		const struct function_ref *defs;

		if (pr ? !pr->ordered : !implies_full_barrier(callee))
			continue;
		if (pr && into && definitions(p, callee, &defs))
			continue;	/* what it is made of is on the path instead */
		b = (struct path_barrier){ .primitive = pr, .file = f, .at = fn->calls.v[i].at,
					   .function = fn->name, .barrier = callee,
					   .kind = pr ? pr->kind : KIND_IMPLIED,
					   .depth = q[at].depth };
		set_via(&b, q, at);
		vec_push(out, b);
	}
}

/* Definitions of @name: *@first and the count. */
static size_t definitions(const struct program *p, const char *name,
			  const struct function_ref **first)
{
	size_t n;

	*first = program_find_function(p, name, &n);
	return n;
}

/* A definition for @arch or generic code is preferred to another arch's. */
static bool preferred(const struct function_ref *r, const char *arch)
{
	return !arch || !strcmp(r->file->arch, arch) || !strcmp(r->file->arch, "generic");
}

static size_t walk_path(const struct program *p, const char *name, const char *arch, bool into,
			bool *defined, struct path_barrier **out)
{
	VEC(struct walk) q = { 0 };
	struct path_barrier_vec found = { 0 };
	const struct function_ref *defs;
	size_t n = definitions(p, name, &defs), npref = 0;
	bool *seen;

	*defined = n > 0;
	*out = NULL;
	if (!n)
		return 0;
	/* indexed by position in p->by_name: each function is walked once */
	seen = xcalloc(p->by_name.n, sizeof(*seen));
	for (size_t i = 0; i < n; i++)
		npref += preferred(&defs[i], arch);
	for (size_t i = 0; i < n; i++) {
		if (npref && !preferred(&defs[i], arch))
			continue;
		seen[&defs[i] - p->by_name.v] = true;
		vec_push(&q, ((struct walk){ &defs[i], 0, -1 }));
	}
	for (size_t i = 0; i < q.n; i++) {
		struct walk cur = q.v[i];
		struct function *fn = function_of(cur.fn);

		barriers_in(p, q.v, (int)i, into, &found);
		if (cur.depth >= p->opts->max_depth)
			continue;
		for (size_t c = 0; c < fn->calls.n; c++) {
			const char *callee = fn->calls.v[c].callee;
			const struct function_ref *cd;
			size_t m, mpref = 0;

			/* a primitive of the table is summarised, not walked */
			if (!into && primitive_lookup(callee))
				continue;
			m = definitions(p, callee, &cd);
			for (size_t d = 0; d < m; d++)
				mpref += preferred(&cd[d], cur.fn->file->arch);
			for (size_t d = 0; d < m; d++) {
				size_t at = (size_t)(&cd[d] - p->by_name.v);

				if (seen[at] || (mpref && !preferred(&cd[d], cur.fn->file->arch)))
					continue;
				seen[at] = true;
				vec_push(&q, ((struct walk){ &cd[d], cur.depth + 1, (int)i }));
			}
		}
	}
	free(seen);
	free(q.v);
	*out = found.v;
	return found.n;
}

size_t path_barriers(const struct program *p, const char *name, const char *arch,
		     bool *defined, struct path_barrier **out)
{
	return walk_path(p, name, arch, false, defined, out);
}

size_t path_barriers_in_tree(const struct program *p, const char *name, const char *arch,
			     bool *defined, struct path_barrier **out)
{
	return walk_path(p, name, arch, true, defined, out);
}

void path_barriers_release(struct path_barrier *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].via.v);
	free(v);
}
