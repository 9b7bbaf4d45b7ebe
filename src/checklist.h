/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pre-submission review checklist: what a patch does to the barrier
 * map.  checklist_compare() takes the program before and after the patch
 * and lists what a contributor or reviewer must check: barriers added
 * without a partner, barriers removed, moved or changed in kind and every
 * comment that names them, pairing claims the patch breaks through the
 * call graph, and names in comments that no longer resolve.
 *
 * Sites are matched by identity (file, function, barrier, ordinal within
 * the function), so lines that merely shift are not changes.
 */
#ifndef BARRIERMAP_CHECKLIST_H
#define BARRIERMAP_CHECKLIST_H

#include "facts.h"
#include "patch.h"

enum checklist_section {
	SECTION_ADDED,		/* barriers the patch adds */
	SECTION_REMOVED,	/* barriers it removes or moves, and who names them */
	SECTION_KIND,		/* barriers whose kind it changes */
	SECTION_CLAIMS,		/* pairing claims it breaks through the call graph */
	SECTION_NAMES,		/* comments naming functions it removes or renames */
	SECTION__COUNT
};

struct checklist_item {
	enum checklist_section section;
	const char *kind;	/* stable word for JSON: "removed", "stale-comment"... */
	char *path;		/* relative to the kernel tree */
	unsigned line;
	bool before;		/* path:line is in the tree before the patch */
	char *function;		/* where it is, or NULL */
	char *barrier;		/* the barrier it concerns, or NULL */
	char *text;		/* the item, one sentence */
	char *quote;		/* the comment's pairing sentence, or NULL */
	VEC(char *) details;	/* partners to re-check, and the like */
	bool done;		/* the patch already takes care of it */
};

struct checklist {
	VEC(char *) sources;	/* the patch files given, in order */
	VEC(char *) patches;	/* subjects of the patches, in order */
	const char *kernel;
	VEC(struct checklist_item) items;
};

void checklist_compare(struct checklist *cl, const struct program *before,
		       const struct program *after, const struct patch_set *set);
/* Items that are not done: the exit status is 1 when there is any. */
size_t checklist_attention(const struct checklist *cl);
/* The checklist as text, RST or JSON (enum in struct options). */
char *checklist_format(const struct checklist *cl, int format);
void checklist_release(struct checklist *cl);

/*
 * The "Memory barriers" item for Documentation/virt/kvm/review-checklist.rst,
 * numbered @number, in that file's style.
 */
char *checklist_doc(unsigned number);

#endif
