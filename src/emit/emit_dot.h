/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pairing graph: barriers as boxes filled by status, grouped by file,
 * joined by the pairs their comments claim, as Graphviz DOT; and that DOT
 * laid out by Graphviz's dot(1) as SVG for an HTML page, whose boxes link
 * to the barriers' entries.
 *
 * Names from the tree reach the DOT only reduced to a safe alphabet (no
 * quote, backslash, < > or &), so no label can close its string or open
 * markup, in the DOT or in the SVG dot makes of it.
 */
#ifndef BARRIERMAP_EMIT_DOT_H
#define BARRIERMAP_EMIT_DOT_H

#include "facts.h"

/*
 * A graph is drawn when its DOT is at most DOT_MAX_LINES lines (a node or
 * an edge a line): dot lays out 2,000 barriers and 1,000 edges in a
 * second, and 20,000 and 10,000 not in five minutes.  The real tree's
 * largest graph (arch/x86/kvm/x86.c's) is about 40 lines.
 */
#define DOT_MAX_LINES 6000

/* One barrier to draw. */
struct dot_site {
	const struct site *site;
	/* the URL of its entry ("#label", "x86.html#label"), or NULL */
	const char *href;
	/*
	 * A barrier the graph is about: its pairs are drawn, its claims of
	 * partners that do not exist (dashed boxes) and the full barriers
	 * implied by atomic RMWs it pairs with (dotted boxes).  The others
	 * are partners, drawn for the pairs they have with these.
	 */
	bool home;
};

/*
 * The graph of @sites (grouped by file, each file's in source order) as
 * DOT, or NULL when it would pass DOT_MAX_LINES.  @id ([a-z0-9-]) makes
 * the ids of the SVG's elements unique on a page; @title names the graph.
 */
char *dot_pairing_graph(const char *id, const char *title,
			const struct dot_site *sites, size_t n);

/*
 * @s reduced to characters that mean nothing in a DOT string, in SVG or
 * in an RST link title: [A-Za-z0-9_./-()+,#= ], any other byte as "?".
 */
void add_safe_name(struct strbuf *sb, const char *s);

/* What the boxes, arrows and their styles mean, in one paragraph. */
extern const char dot_legend_text[];

/*
 * @dot laid out by Graphviz's dot as SVG to place inline in an HTML page:
 * the <svg> element alone (no XML prolog, doctype or comments), scaled
 * down to its column when wider.  NULL when dot is not installed; dies
 * when dot fails.
 */
char *dot_render_svg(const char *dot);

#endif
