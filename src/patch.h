/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Patches as kernel developers send them: a `git format-patch` file, a
 * `git diff` or `diff -u`, or an mbox holding a series.  patch.c splits and
 * parses them (enough to name files and hunks in messages and to reject
 * malformed input), then applies them with `git apply` to a private copy of
 * the touched files, so the user's tree is never written.  The result is a
 * list of overlays for program_load_overlay().
 */
#ifndef BARRIERMAP_PATCH_H
#define BARRIERMAP_PATCH_H

#include "pipeline.h"
#include "util.h"

struct hunk {
	char *header;		/* the "@@ -a,b +c,d @@ ..." line, no newline */
	unsigned old_start, old_count, new_start, new_count;
	unsigned line;		/* line of the header in the patch input */
};

struct file_patch {
	char *old_path;		/* relative to the tree; NULL for a new file */
	char *new_path;		/* NULL for a deleted file */
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
 * each.  Dies ("barriermap: PATCH: ...") on unreadable or malformed input.
 */
void patch_set_read(struct patch_set *set, const char *path);

/*
 * Apply every patch in order to a temporary copy of the files they touch
 * in @kernel.  Returns the overlays (every touched path: new content, or
 * content NULL for a deleted or renamed-away file), sorted by path; *n is
 * set to their count.  Dies naming the patch, file and hunk that failed.
 * Free with overlays_free().
 */
struct overlay *patch_set_apply(const struct patch_set *set, const char *kernel,
				size_t *n);
void overlays_free(struct overlay *ov, size_t n);

/*
 * Where @path (before the patches) ends up after them: the renamed path,
 * NULL if deleted, else @path itself.
 */
const char *patch_set_new_path(const struct patch_set *set, const char *path);
/* Is @path (before) one the patches touch? */
bool patch_set_touches(const struct patch_set *set, const char *path);

void patch_set_release(struct patch_set *set);

#endif
