/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The barrier map as reStructuredText, in the style of
 * Documentation/virt/kvm/locking.rst: an index page, a page per
 * architecture (and one for generic virt/kvm and the KVM headers), a
 * worklist and a pairing graph.
 *
 * Comment text is untrusted: it only ever appears in literal blocks, and
 * every other string taken from the tree goes through rst_add_text() (or
 * is reduced to a safe alphabet for labels, link titles and DOT); titles
 * hold no < > &, and every page is valid UTF-8.  What a page holds is
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

enum rst_flavour {
	RST_SPHINX,	/* plain Sphinx with sphinx.ext.graphviz */
	RST_KERNEL,	/* the kernel's Documentation/: kfigure's kernel-render */
};

struct rst_options {
	enum rst_flavour flavour;
	const char *kernel_version;	/* "6.12.117", or NULL */
	/*
	 * Prefix for links from the graph's SVG back to the entries,
	 * relative to Sphinx's _images/ folder ("../map/"), or NULL for
	 * none (kfigure shows the SVG as an <img>, where links are dead).
	 */
	const char *svg_links;
	/*
	 * A scope wider than KVM's (--scope): a page per subsystem folder
	 * (rst_subsystem()) rather than per architecture, and titles that
	 * do not say KVM.
	 */
	bool by_subsystem;
};

/* "mm", "kernel/sched", "drivers/net", "arch/x86": @path's first two folders. */
char *rst_subsystem(const char *path);

struct rst_page {
	char *name;	/* file name, "x86.rst" */
	char *text;
};

struct rst_pages {
	VEC(struct rst_page) pages;
};

/* Render every page of the map, sorted by name. */
void rst_emit_map(const struct program *p, const struct rst_options *o,
		  struct rst_pages *out);
void rst_pages_release(struct rst_pages *out);

/* Untrusted text as inline RST: no markup can start in it. */
void rst_add_text(struct strbuf *sb, const char *s);
/* @text as a literal block indented by @indent spaces (after a "::"). */
void rst_add_literal_block(struct strbuf *sb, const char *text, int indent);

#endif
