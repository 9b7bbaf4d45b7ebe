/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scan, the first per-file stage: libclang -> one file's facts
 * (functions and their calls, pointer assignments, comments, includes,
 * barrier sites) and its tokens, which the next per-file stages read
 * (attach.c, objects.c).  The driver (pipeline.c) runs it in threads, one
 * scanner each.
 */
#ifndef BARRIERMAP_SCAN_H
#define BARRIERMAP_SCAN_H

#include <stddef.h>

#include "tokens.h"

/*
 * Scanning threads parse on their own stacks, of a size stated here rather
 * than left to ulimit: libclang parses on the calling thread and recurses
 * deeply on nested code.
 */
#define WORKER_STACK (16u << 20)

/*
 * What the threads share: in exact mode, the build's compile_commands.json
 * in folder @compdb (dies if it is not usable); NULL parses each file
 * alone.  Open it before starting the threads.
 */
struct scan_context;
struct scan_context *scan_context_open(const char *compdb);
void scan_context_close(struct scan_context *ctx);

/* One thread's libclang index and the translation unit it reuses. */
struct scanner;
struct scanner *scanner_new(const struct scan_context *ctx);
void scanner_free(struct scanner *sc);

/*
 * The facts of the file @f from its text @buf (@abs, its path, names it to
 * libclang), and its tokens in @tv (slices of @buf; token_view_release()
 * them).  False, with f->skipped set and no tokens, when libclang cannot
 * parse it.
 */
bool scan_file(struct scanner *sc, struct file_facts *f, const char *abs, const char *buf,
	       size_t len, struct token_view *tv);

/*
 * The scanner's libclang work alone, for bench/floor.c: the same parse of
 * one file (flags, arguments, reused unit) and its clang_tokenize(),
 * nothing made of them.  What barriermap spends beyond this is its own.
 */
struct scan_floor;

struct scan_floor *scan_floor_new(void);
/* Parse and tokenize @buf; returns its number of tokens. */
size_t scan_floor_file(struct scan_floor *sf, const char *buf, size_t len);
void scan_floor_free(struct scan_floor *sf);

#endif
