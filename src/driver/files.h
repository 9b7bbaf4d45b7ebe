/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which files a run scans (files.c): p->files, sorted by path, each in
 * scope (reported on) or only read to resolve partners.
 */
#ifndef BARRIERMAP_FILES_H
#define BARRIERMAP_FILES_H

#include <sys/types.h>

#include "facts.h"
#include "options.h"

/*
 * A file's content replacing (or adding, or deleting) what is on disk, for
 * check-patch: path is relative to the kernel tree; content NULL deletes.
 * Passed to libclang as unsaved files, so the user's tree is never touched.
 * An array of them is sorted by path (check-patch's snapshots are).
 */
struct overlay {
	const char *path;
	const char *content;
	size_t len;
};

/* The overlay of @path in @ov[0..nov), sorted by path, or NULL. */
const struct overlay *overlay_find(const struct overlay *ov, size_t nov, const char *path);

/*
 * The files of the run, unscanned: the scope (--scope, else KVM's), the
 * barrier headers of include/asm-generic, the --resolve-in folders and
 * the overlays that add a source file, restricted to the PATHs given (the
 * others are kept, not in scope, to resolve partners).  Sorted by path.
 * Dies on a PATH outside the tree or the scope.
 */
void files_find(struct program *p, const struct overlay *ov, size_t nov);

/*
 * The headers that a file of p->files includes and that mention a function
 * some comment names but no scanned file defines, added (not in scope,
 * not scanned, not sorted): the comments must be read (attach.c) first.
 */
void files_add_named_headers(struct program *p);

/* Add the file @rel (relative to the tree), not scanned; dies past MAX_FILES files. */
void files_add(struct program *p, const char *rel, bool in_scope);
bool files_is_source(const char *name);	/* ".c" or ".h" */
void files_sort(struct program *p);	/* by path */
/* Index of @path in p->files[0..n), sorted by path, or -1. */
ssize_t files_find_path(const struct program *p, size_t n, const char *path);

#endif
