/* SPDX-License-Identifier: GPL-2.0 */
/*
 * suggest's patches as `git format-patch` writes them: one patch per
 * maintainer area (the MAINTAINERS section each file belongs to, or its
 * architecture when the tree has no MAINTAINERS), each a mail that
 * `git am` applies: From, Subject with the area's prefix in the manner
 * of KVM's git log ("KVM: x86: Document the barrier pairing in
 * vcpu_enter_guest()"), a commit message wrapped at 72 columns, a note
 * for the sender below "---" (which git am drops), a diffstat and the
 * diffs.  The Signed-off-by is left to `git am -s`.
 *
 * The patches are written to stdout as one mbox, or to a folder as
 * NNNN-subject.patch files; a file there is replaced only when this
 * module wrote it (the X-Barriermap header), all are checked before any is
 * written, each is written atomically, and the patches of an earlier run
 * that this one does not write are removed.
 */
#ifndef BARRIERMAP_EMIT_SERIES_H
#define BARRIERMAP_EMIT_SERIES_H

#include "maintainers.h"

/* One file's changes. */
struct series_file {
	char *path;		/* relative to the tree */
	char *diff;		/* "diff --git a/... b/..." and its hunks */
	size_t added, removed;	/* lines, for the diffstat */
	struct strvec notes;	/* one sentence per change, for the commit message */
	struct strvec functions;	/* the functions it changes, in order, once each */
};

/* What the patches do, in words. */
struct series_kind {
	const char *verb;	/* "Document" */
	const char *thing;	/* "barrier pairing"; an "s" makes more */
	const char *intro;	/* the commit message's first paragraph */
	const char *note;	/* for the sender, below "---"; "\1" a space kept on its line */
};

struct series {
	/* "0001-KVM-x86-Document-the-barrier-pairing-in-vcpu.patch" */
	struct named_text_vec patches;
};

/*
 * The patches of @files (sorted by path), one per area of @m (NULL: one
 * per architecture), in the order of the areas' first files; @author is
 * "Name <email>".  @files are taken over and freed.
 */
void series_build(struct series *out, const struct maintainers *m,
		  const struct series_kind *kind, struct series_file *files, size_t n,
		  const char *author);

/* "Name <email>" from `git var GIT_AUTHOR_IDENT`; dies when git cannot tell. */
char *series_author(void);

/* Everything as one mbox, as `git format-patch --stdout` writes it. */
void series_mbox(const struct series *s, struct strbuf *out);
/* Into @dir, printing each file's path on stdout (as git format-patch does). */
void series_write_dir(const struct series *s, const char *dir);

/*
 * Which patch @path's changes go in, for suggest --areas:
 * 'arch/x86/kvm/vmx/vmx.c: "KVM: VMX:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)'.
 */
char *series_area_line(const struct maintainers *m, const char *path);

/*
 * @prefix@path as git writes a file name in a patch: in double quotes,
 * with C escapes, when it holds a control character, a quote, a
 * backslash or a byte past ASCII (git's quote_c_style()), so that no file
 * name can break a patch's lines or name another file; git apply and
 * git am read it back.
 */
void series_add_path(struct strbuf *out, const char *prefix, const char *path);

#endif
