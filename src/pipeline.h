/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pipeline every subcommand shares: find the files, scan them in
 * parallel, attach comments, resolve partners.
 */
#ifndef BARRIERMAP_PIPELINE_H
#define BARRIERMAP_PIPELINE_H

#include "facts.h"

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
/* The same without program_resolve(): a program to rescan from. */
struct program *program_scan_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov);
/*
 * A new program from @t (scanned, not resolved): the files in @changed are
 * scanned again from @ov (or dropped when @ov deletes them), every other
 * file's facts are copied.  Not resolved either.  For check-patch, whose
 * programs before and after a patch differ only in the files it touches.
 */
struct program *program_rescan(const struct program *t, const struct overlay *ov, size_t nov,
			       const char *const *changed, size_t nchanged);
/* What program_load_overlay() does after the scan: resolve, then lkmm. */
void program_resolve(struct program *p);

struct fact_cache;

/* Per-stage entry points (pipeline.c calls them in this order). */
/* Scan p->files[first..], through the fact cache @cache unless NULL. */
void scan_files(struct program *p, size_t first, const struct overlay *ov, size_t nov,
		struct fact_cache *cache);
/* attach_comments(): see tokens.h; it needs the file's tokens. */
void resolve_program(struct program *p);

#endif
