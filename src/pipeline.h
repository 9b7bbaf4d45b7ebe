/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pipeline every subcommand shares: find the files, scan them in
 * parallel, attach comments, resolve partners.
 */
#ifndef BARRIERMAP_PIPELINE_H
#define BARRIERMAP_PIPELINE_H

#include "facts.h"

/*
 * The largest file scanned: larger ones are not C a human wrote, and are
 * skipped with a warning (the 6.12 tree's largest .c or .h is 24 MB of
 * register definitions, the next 16 MB).
 */
#define MAX_FILE_SIZE (16u << 20)

/*
 * A file's content replacing (or adding, or deleting) what is on disk, for
 * check-patch: path is relative to the kernel tree; content NULL deletes.
 * Passed to libclang as unsaved files, so the user's tree is never touched.
 */
struct overlay {
	const char *path;
	const char *content;
	size_t len;
};

void options_init(struct options *o);
/*
 * Parse the common options (--kernel, -j, --format, --resolve-in,
 * --compdb, --depth, -q) out of argv; the rest are left in argv/argc
 * (argv[0] kept).  Dies on bad usage.
 */
void options_parse(struct options *o, int *argc, char **argv, const char *usage);
/* Resolve --kernel / cwd / $KDIR / default tree, dies if not a kernel tree. */
void options_find_kernel(struct options *o);

/* Is the scope KVM's (no --scope, or only --scope=kvm)? */
bool options_scope_is_kvm(const struct options *o);

/* Free what options_parse() and options_find_kernel() allocated. */
void options_release(struct options *o);

/* Scan, attach and resolve.  Dies with a clear message on bad input. */
struct program *program_load(const struct options *o);
struct program *program_load_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov);

struct fact_cache;

/* Per-stage entry points (pipeline.c calls them in this order). */
/* Scan p->files[first..], through the fact cache @cache unless NULL. */
void scan_files(struct program *p, size_t first, const struct overlay *ov, size_t nov,
		struct fact_cache *cache);
/* attach_comments(): see tokens.h; it needs the file's tokens. */
void resolve_program(struct program *p);

/*
 * The barriers function @name reaches (its definitions, preferring @arch
 * and generic code): in it, else in its callees and in the functions its
 * pointers may hold, the shallowest that have any, down to --depth calls;
 * a call to a value-returning atomic counts as its implied full barrier
 * (partner.site NULL).  partner.via is the chain from @name, partner.through
 * the pointer fields on it.  This is how a claim ("rely on
 * mmap_read_unlock() for an implicit smp_rmb()") is followed into the core
 * kernel; load the core's facts first with --resolve-in=core.  Returns
 * how many; free *out with partners_release().
 */
size_t resolve_barriers_below(const struct program *p, const char *name, const char *arch,
			      struct partner **out);
void partners_release(struct partner *v, size_t n);

#endif
