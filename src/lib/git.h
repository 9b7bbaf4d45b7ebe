/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running git for check-patch: `git apply` in a private copy, and, when
 * the kernel tree is a git work tree, the blobs and commits the patches
 * name.  Output is bounded; no shell is involved, and every argument that
 * came from a patch has been checked by the caller.
 */
#ifndef BARRIERMAP_GIT_H
#define BARRIERMAP_GIT_H

#include <sys/types.h>

#include "util.h"

struct git_cmd {
	const char *dir;	/* where git runs */
	const char *const *argv;	/* after "git", NULL-terminated */
	int in_fd;		/* stdin, or -1 for /dev/null */
	size_t max_out;		/* stdout beyond this is an error */
	/* a private copy: no repository above @dir, no user or system config */
	const char *isolate_below;
};

/*
 * Run it; stdout into @out (if not NULL), stderr into @err (first 64 KiB,
 * if not NULL).  Returns git's exit status, GIT_TOO_MUCH when stdout went
 * past max_out, GIT_SIGNALLED when git was killed, GIT_MISSING when there
 * is no git to run.
 */
#define GIT_TOO_MUCH (-2)
#define GIT_SIGNALLED (-3)
#define GIT_MISSING (-4)
int git_run(const struct git_cmd *cmd, struct strbuf *out, struct strbuf *err);

/*
 * The same for another program than git, run as git is (map runs
 * Graphviz's dot this way): GIT_MISSING when @program cannot be found.
 */
int program_run(const char *program, const struct git_cmd *cmd, struct strbuf *out,
		struct strbuf *err);

/* The git child running now, or 0: a fatal signal's handler kills it. */
pid_t git_child(void);

/* Is @dir inside a git work tree? */
bool git_is_work_tree(const char *dir);

/* Does @rev name a commit in @dir's repository? */
bool git_is_commit(const char *dir, const char *rev);

/*
 * The blob @spec names in @dir's repository ("1a2b3c4", "REV:./path"), at
 * most @max bytes; NULL when there is no such blob.  Dies when it is larger.
 */
char *git_blob(const char *dir, const char *spec, size_t max, size_t *len);

/*
 * The commits of @range as `git format-patch --stdout` writes them, oldest
 * first, with full index lines: "A..B", or one commit "REV" (as
 * checkpatch.pl's --git).  Dies when git refuses or the output passes @max.
 */
char *git_format_patch(const char *dir, const char *range, size_t max, size_t *len);

#endif
