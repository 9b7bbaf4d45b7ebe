/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The barrier map as reStructuredText, in the style of
 * Documentation/virt/kvm/locking.rst: an index page, a page per
 * architecture (and one for generic virt/kvm and the KVM headers), a
 * worklist and a page of pairing graphs.  Each entry shows the code
 * around its barrier and around its partners; each file's pairing graph
 * is inline SVG (emit_dot.c) whose boxes link to the entries.  The same
 * pages build in a plain Sphinx site and in the kernel's `make htmldocs`.
 *
 * Comment text and code are untrusted: they only ever appear in literal
 * blocks (code-block bodies), and every other string taken from the tree
 * goes through rst.h's escapers (or is reduced to a safe alphabet for
 * labels, link titles and DOT, or percent-encoded in URLs); titles hold no
 * < > &, and every page is valid UTF-8.  What a page holds is
 * bounded (a quoted comment, a list, a graph: see emit_rst.c), so a page
 * grows linearly with its barriers.
 */
#ifndef BARRIERMAP_EMIT_RST_H
#define BARRIERMAP_EMIT_RST_H

#include "facts.h"

/* The line after the SPDX line of every page barriermap writes. */
#define RST_MARKER ".. barriermap: generated file, do not edit; regenerate with 'barriermap map'"
/* What cmd_map looks for before it overwrites a file. */
#define RST_MARKER_PREFIX ".. barriermap: generated file"
/* How every page starts. */
#define RST_PAGE_HEAD ".. SPDX-License-Identifier: GPL-2.0\n" RST_MARKER "\n"

struct rst_options {
	const char *kernel_version;	/* "6.12.117", or NULL */
	/*
	 * A URL template for links to the source (--source-url): %p the
	 * file's path, %l the line, %% a percent sign; or NULL for none.
	 * Checked by rst_source_url_error().
	 */
	const char *source_url;
	/*
	 * A graph's DOT laid out as inline SVG (dot_render_svg()), or NULL
	 * when that cannot be done: the page then shows the DOT as text.  A
	 * NULL function shows every graph as DOT.
	 */
	char *(*render_svg)(const char *dot, void *arg);
	void *render_arg;
	/*
	 * The text of a file of the tree (*len its length), or NULL when it
	 * cannot be read: the entry then shows no code.  A NULL function
	 * reads the file under the program's kernel tree.
	 */
	const char *(*source)(const struct file_facts *f, size_t *len, void *arg);
	void *source_arg;
	/*
	 * A scope wider than KVM's (--scope): a page per subsystem folder
	 * (rst_subsystem()) rather than per architecture, and titles that
	 * do not say KVM.
	 */
	bool by_subsystem;
};

/* "mm", "kernel/sched", "drivers/net", "arch/x86": @path's first two folders. */
char *rst_subsystem(const char *path);

struct rst_pages {
	struct named_text_vec pages;	/* file names "x86.rst", sorted */
};

/* Render every page of the map, sorted by name. */
void rst_emit_map(const struct program *p, const struct rst_options *o,
		  struct rst_pages *out);

/*
 * Why @tmpl cannot be a --source-url template (it has no %p, an unknown
 * placeholder, a character a URL must percent-encode, ...), or NULL when
 * it can.  The caller frees the message.
 */
char *rst_source_url_error(const char *tmpl);


#endif
