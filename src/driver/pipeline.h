/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pipeline every subcommand shares: find the files, scan them in
 * parallel, attach comments, resolve partners.
 */
#ifndef BARRIERMAP_PIPELINE_H
#define BARRIERMAP_PIPELINE_H

#include "facts.h"
#include "files.h"
#include "options.h"


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
/* Free @p: each stage's tables, then the facts (NULL is a no-op). */
void program_free(struct program *p);

#endif
