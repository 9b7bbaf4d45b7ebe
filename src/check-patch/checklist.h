/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pre-submission review checklist: what a patch does to the barrier
 * map.  checklist_compare() takes the program before and after the patch
 * and lists what a contributor or reviewer must check: barriers added
 * without a partner, barriers removed, moved or changed in kind and every
 * comment that names them, pairing claims the patch breaks through the
 * call graph, reliance claims ("the smp_wmb() in kvm_make_request()
 * orders ...", claims.c) that held and no longer do or that the patch
 * writes false, and names in comments that no longer resolve.
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
	SECTION_RELIANCE,	/* reliance claims it breaks, or writes, that do not hold */
	SECTION_NAMES,		/* comments naming functions it removes or renames */
	SECTION__COUNT
};

/* How much an item weighs, in checkpatch.pl's words. */
enum checklist_severity {
	SEVERITY_ERROR,		/* the patch leaves a comment false */
	SEVERITY_WARNING,	/* a reviewer must check it */
	SEVERITY_CHECK,		/* hedged: possibly nothing to do */
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
	char *fixed_by;		/* in a series: the later patch that takes care of it */
};

struct checklist {
	VEC(char *) sources;	/* the patch files given, in order */
	VEC(char *) patches;	/* subjects of the patches, in order */
	char *kernel;		/* absolute */
	const char *base_from;	/* how the files before the patch were found */
	VEC(struct checklist_item) items;	/* the whole series' effect */
	/* a series of more than one patch: each patch's own checklist, in order */
	struct checklist *per_patch;
	size_t npatches;
};

/*
 * Compare the program before and after the patches of @set (which may be
 * a view of part of a series: it names the patches and their renames).
 */
void checklist_compare(struct checklist *cl, const struct program *before,
		       const struct program *after, const struct patch_set *set);

/*
 * A series of @n patches: @per[k] compares the programs before and after
 * patch k, @upto[k] the base and after patch k.  An item of per[k] that
 * upto[j] (j > k) no longer has was taken care of by patch j: it is marked
 * done and fixed_by.  Takes @per into cl->per_patch and upto[n - 1] as the
 * series' effect; the rest of @upto is released.
 */
void checklist_series(struct checklist *cl, struct checklist *per, struct checklist *upto,
		      size_t n);

/* An item that needs attention, and the patch whose checklist has it (-1: the series'). */
struct attention {
	const struct checklist_item *it;
	long patch;
};
VEC_TYPE(attention_vec, struct attention);

/*
 * The items not done, each once: every patch's own, in order, then what
 * only the series as a whole shows.  The exit status is 1 when there is any.
 */
void checklist_attention_items(const struct checklist *cl, struct attention_vec *out);
size_t checklist_attention(const struct checklist *cl);

/* The stable TYPE of an item for --terse, and its severity. */
const char *checklist_type(const struct checklist_item *it);
enum checklist_severity checklist_severity(const struct checklist_item *it);
const char *checklist_severity_name(enum checklist_severity s);
/* Is @type one of the TYPEs?  All of them, ", "-separated, for a message. */
bool checklist_is_type(const char *type);
char *checklist_type_names(void);
/* Drop the items of the @n TYPEs in @types (--ignore), in every patch's checklist too. */
void checklist_ignore(struct checklist *cl, const char *const *types, size_t n);

/* The checklist as text, RST, JSON (enum in struct options) or --terse lines. */
enum checklist_format { CHECKLIST_TEXT, CHECKLIST_RST, CHECKLIST_JSON };
char *checklist_format(const struct checklist *cl, enum checklist_format format);
char *checklist_format_terse(const struct checklist *cl);
void checklist_release(struct checklist *cl);

/*
 * The "Memory barriers" item for Documentation/virt/kvm/review-checklist.rst,
 * numbered @number, in that file's style.
 */
char *checklist_doc(unsigned number);

#endif
