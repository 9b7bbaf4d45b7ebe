/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resolving, in two stages of the whole program (resolve.c).
 *
 * resolve_comments_on_calls(): each comment on a call (an implicit site,
 * attach.c) stands for the barrier of the call it names that supplies
 * one, else of the first call near it that does; a comment on calls that
 * supply none is no site at all, unless it claims a barrier
 * (site->no_barrier_found).  After this the program's sites are final.
 *
 * resolve_program(): each reference -> the partners it names, found in
 * the named function or its callees (partner->via), narrowed by kind and
 * by objects (infer.c, whose index must be built); then each site's
 * status and message (rst/statuses.rst).  It fills the site's resolution
 * fields (status, partners, results, named_by, message) and nothing else.
 */
#ifndef BARRIERMAP_RESOLVE_H
#define BARRIERMAP_RESOLVE_H

#include "facts.h"

void resolve_comments_on_calls(struct program *p);
void resolve_program(struct program *p);

#endif
