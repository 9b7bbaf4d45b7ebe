/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scanner's libclang work alone, for bench/floor.c: the same parse of
 * one file (flags, arguments, reused unit) and its clang_tokenize(),
 * nothing made of them.  What barriermap spends beyond this is its own.
 */
#ifndef BARRIERMAP_SCAN_H
#define BARRIERMAP_SCAN_H

#include <stddef.h>

/*
 * Scanning threads parse on their own stacks, of a size stated here rather
 * than left to ulimit: libclang parses on the calling thread and recurses
 * deeply on nested code.
 */
#define WORKER_STACK (16u << 20)

struct scan_floor;

struct scan_floor *scan_floor_new(void);
/* Parse and tokenize @buf; returns its number of tokens. */
size_t scan_floor_file(struct scan_floor *sf, const char *buf, size_t len);
void scan_floor_free(struct scan_floor *sf);

#endif
