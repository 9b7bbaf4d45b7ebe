/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What calling a function gives you in memory ordering.
 *
 * Two answers, one per kind of function:
 *  - a core kernel primitive (locks, rwsem, mmap_read_unlock(),
 *    wake_up_process(), set_current_state(), bitops, atomics, RCU): the
 *    table in primitives.c, each entry citing the kernel tree's own text
 *    (Documentation/memory-barriers.txt, atomic_t.txt, atomic_bitops.txt,
 *    or the function in kernel/, include/ or fs/ that says it), so a test
 *    can check every citation against the tree;
 *  - a function of the scanned tree: the barriers on its call path, down
 *    to the call depth, found in the facts.
 * Comments are never read here: claims.c asks, resolve.c and infer.c may.
 */
#ifndef BARRIERMAP_PRIMITIVES_H
#define BARRIERMAP_PRIMITIVES_H

#include "facts.h"

struct citation {
	const char *file;	/* relative to the kernel tree */
	/*
	 * Where in the file: a heading of a Documentation text, or for a
	 * source file the function ("mmap_read_unlock()") and @anchor, the
	 * line that starts its definition or its comment.
	 */
	const char *section;
	const char *anchor;	/* NULL for a Documentation heading */
	const char *quote;	/* words the section holds, blanks collapsed */
};

struct primitive {
	const char *name;	/* a name, or a family: "atomic*_*_return()" */
	enum kind kind;		/* what it guarantees, when ordered */
	bool ordered;		/* false: unordered against other locations */
	const char *condition;	/* "on success", "when it wakes a task", or NULL */
	const char *via;	/* what it is made of: "up_read()", or NULL */
	struct citation cite[2];	/* cite[1].file is NULL when one is enough */
};

/* The entry for @name, exact or by family; NULL for anything else. */
const struct primitive *primitive_lookup(const char *name);
/* Every entry, families included, in table order (show --primitives). */
const struct primitive *primitive_table(size_t *n);
/* "release", "full", ..., or "unordered". */
const char *primitive_kind_name(const struct primitive *pr);

/* A barrier on a function's call path. */
struct path_barrier {
	const struct site *site;	/* an explicit barrier, or NULL */
	const struct primitive *primitive;	/* a call to a table entry, or NULL */
	struct file_facts *file;
	struct pos at;
	const char *function;	/* the function holding it */
	const char *barrier;	/* the primitive, or the callee */
	enum kind kind;
	unsigned depth;		/* calls from the named function */
	VEC(const char *) via;	/* from the named function down to function */
};

/*
 * Every barrier on the path of the scanned function @name (its
 * definitions for @arch or generic code first), breadth first, down to
 * p->opts->max_depth calls: explicit barrier sites, calls to atomics that
 * imply a full barrier, and calls to the primitives of the table (which
 * are not walked into).  Returns how many; *@defined says whether @name
 * has a definition at all.  Free with path_barriers_release().
 */
size_t path_barriers(const struct program *p, const char *name, const char *arch,
		     bool *defined, struct path_barrier **out);
/*
 * The same, but what the table's primitives are made of where the facts
 * define them (--resolve-in=core, --scope=all): mmap_read_unlock() ->
 * up_read() -> __up_read()'s atomic_long_add_return_release(), rather
 * than the table's word for up_read().
 */
size_t path_barriers_in_tree(const struct program *p, const char *name, const char *arch,
			     bool *defined, struct path_barrier **out);
void path_barriers_release(struct path_barrier *v, size_t n);

#endif
