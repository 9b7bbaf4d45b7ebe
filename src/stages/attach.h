/* SPDX-License-Identifier: GPL-2.0 */
/*
 * attach.c: which comment belongs to each barrier (rst/design.rst,
 * section 4), comments on calls as implicit sites, and what the comments
 * no site took say of pairing.  A per-file stage: it reads the file's
 * tokens, which exist only while the file is scanned (pipeline.c).
 */
#ifndef BARRIERMAP_ATTACH_H
#define BARRIERMAP_ATTACH_H

#include "tokens.h"

/*
 * Give each site of @f its comment (site->comment, ->rule, ->pairing),
 * add the implicit sites, and read the pairing of the comments left over
 * (comment->pairing).  Sites stay sorted by position.
 */
void attach_comments(struct file_facts *f, const struct token_view *tv);

#endif
