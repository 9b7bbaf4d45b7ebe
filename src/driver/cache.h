/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fact cache: one file's facts, as the scanner made them (functions,
 * calls, comments, sites with their comments and pairings, objects,
 * includes), stored under the SHA-256 of the file's content, of
 * barriermap's own binary and of libclang's version.  A warm run reads
 * and hashes every file, and parses only those whose facts are not there.
 *
 * Where: $BARRIERMAP_CACHE, else $XDG_CACHE_HOME/barriermap, else
 * ~/.cache/barriermap; the facts go in its facts/ folder, at most
 * $BARRIERMAP_CACHE_SIZE bytes (default CACHE_DEFAULT_SIZE), the least
 * recently used going first.
 *
 * An entry is trusted only when its header names the key it was looked up
 * by and a SHA-256 of its body matches; every read is bounds-checked.
 * Anything else (a torn write, a foreign or corrupt file) is ignored, the
 * file is scanned, and the entry is written again.  Entries are written to
 * a temporary file and renamed into place, so concurrent runs each see a
 * whole entry or none.
 */
#ifndef BARRIERMAP_CACHE_H
#define BARRIERMAP_CACHE_H

#include "facts.h"

#define CACHE_DEFAULT_SIZE (2ull << 30)

struct fact_cache;

/*
 * The cache for this run, or NULL when there is none: --no-cache, exact
 * mode (--compdb: the facts then depend on headers and flags too), or a
 * folder that cannot be made (a warning says so).
 */
struct fact_cache *cache_open(const struct options *o);
/* Fill @f with the facts stored for @buf's content; false if none. */
bool cache_load(struct fact_cache *c, const char *buf, size_t len, struct file_facts *f);
/* Store @f's facts for @buf's content (a scan that succeeded). */
void cache_store(struct fact_cache *c, const char *buf, size_t len, const struct file_facts *f);
/* Keep the folder within its size bound, then free @c. */
void cache_close(struct fact_cache *c);

#endif
