/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Patches as kernel developers send them: a `git format-patch` file, a
 * `git diff` or `diff -u`, or an mbox holding a series.  patch.c splits and
 * parses them (enough to name files and hunks in messages and to reject
 * malformed input); apply.c applies them with `git apply` to a private copy
 * of the touched files, so the user's tree is never written.  The result is
 * the touched files at every step of the series, as overlays for
 * program_load_overlay().
 *
 * A patch is data from a stranger: every file name in it is decoded (git's
 * C quoting) and checked before use, and nothing it creates is followed.
 */
#ifndef BARRIERMAP_PATCH_H
#define BARRIERMAP_PATCH_H

#include "files.h"
#include "util.h"

/* The largest patch (file, stdin or git output) and pre-image read. */
#define PATCH_MAX_BYTES ((size_t)64 << 20)
#define PATCH_MAX_TEXT "64 MiB"

struct hunk {
	char *header;		/* the "@@ -a,b +c,d @@ ..." line, no newline */
	unsigned old_start, old_count, new_start, new_count;
	unsigned line;		/* line of the header in the patch input */
	char *ops;		/* ' ', '-' or '+' per line of the hunk, in order */
};

struct file_patch {
	char *old_path;		/* relative to the tree; NULL for a new file */
	char *new_path;		/* NULL for a deleted file */
	char *old_blob;		/* from "index OLD..NEW": hex, NULL if none or new */
	char *new_blob;		/* NULL if none or deleted */
	bool rename, copy;
	VEC(struct hunk) hunks;
};

struct patch {
	char *name;		/* for messages: "x.mbox, patch 2/3 (KVM: ...)" */
	char *source;		/* the file it came from, "<stdin>" for - */
	char *subject;		/* the mail's subject, or NULL */
	char *text;		/* this patch alone, as given to git apply */
	size_t len;
	unsigned first_line;	/* where it starts in the input, 1-based */
	VEC(struct file_patch) files;
};

struct patch_set {
	VEC(struct patch) patches;	/* in the order they apply */
};

/*
 * Read @path ("-" for stdin), split an mbox into its patches, and parse
 * each.  Dies ("barriermap: PATCH: ...") on unreadable, oversized or
 * malformed input.
 */
void patch_set_read(struct patch_set *set, const char *path);
/* The same for text already read (`git format-patch` output); @display names it. */
void patch_set_read_text(struct patch_set *set, const char *display, char *text, size_t len);

/* Where the files before the first patch come from. */
struct patch_base {
	const char *kernel;	/* the tree */
	const char *rev;	/* --base=REV, or NULL */
	bool git;		/* the tree is a git work tree */
};

/* The touched files at one step of the series. */
struct overlay_set {
	struct overlay *v;	/* every path any patch names, sorted; content NULL if absent */
	size_t n;
};

struct patch_states {
	struct overlay_set *state;	/* state[0] the base, state[k] after patch k */
	size_t n;			/* patches + 1 */
	const char *base_from;		/* how state[0] was found, for the JSON */
};

/*
 * Apply every patch in order to a temporary copy of the files they touch.
 * The base is, in order of preference: REV (--base), the blobs the
 * patches' index lines name (in git), the tree itself, or, in git, the
 * tree with the series reversed out of it (it is already applied).  Dies
 * naming the patch, file and hunk that failed.  Free with
 * patch_states_release().
 */
void patch_set_apply(const struct patch_set *set, const struct patch_base *base,
		     struct patch_states *out);
void patch_states_release(struct patch_states *st);
void overlays_free(struct overlay *ov, size_t n);

/*
 * Where @path (before the patches) ends up after them: the renamed path,
 * NULL if deleted, else @path itself.
 */
const char *patch_set_new_path(const struct patch_set *set, const char *path);
/*
 * The line @line of @path (before the patches) after them: 0 when a patch
 * removes or changes it, or deletes the file.  Line identity across a
 * patch, from its hunks.
 */
unsigned patch_set_map_line(const struct patch_set *set, const char *path, unsigned line);
/* Is @path (before) one the patches touch? */
bool patch_set_touches(const struct patch_set *set, const char *path);

void patch_set_release(struct patch_set *set);

/* "[PATCH v2 2/3] KVM: x86: foo" -> "KVM: x86: foo" */
const char *subject_without_tag(const char *subject);

#endif
