// SPDX-License-Identifier: GPL-2.0
/*
 * The pairing graph as DOT, and as inline SVG through Graphviz's dot (see
 * emit_dot.h).  Nodes are numbered in the order given, so the same
 * barriers give the same DOT, and dot the same SVG.
 */
#include "emit_dot.h"
#include "git.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* An SVG dot writes for a DOT_MAX_LINES graph is a few MiB. */
#define SVG_MAX ((size_t)32 << 20)

/* Edge colours: a pair both comments claim, a one-way claim, a mismatch. */
#define EDGE_PAIRED "#2e7d32"
#define EDGE_ONE_WAY "#e69500"
#define EDGE_BROKEN "#c0392b"

const char dot_legend_text[] =
	"Boxes are barriers, grouped by file and filled by status; the file's "
	"own barriers are in the box with the darker border, their partners "
	"elsewhere.  A green double arrow joins two barriers whose comments "
	"name each other; an orange arrow is a claim the partner does not "
	"return; a red arrow joins barriers of kinds that cannot pair; a "
	"dashed box is a named partner that does not exist; a dotted box is "
	"the full barrier implied by an atomic read-modify-write.  Each box "
	"links to its barrier's entry.";

void add_safe_name(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_addc(sb, isalnum((unsigned char)*s) || strchr("_./-()+,#= ", *s) ?
			*s : '?');
}

/* A node: the index of its dot_site, by site, for the edges. */
struct node_ref {
	const struct site *site;
	size_t node;
};

struct graph {
	struct strbuf dot;
	const char *id;
	const struct dot_site *sites;
	size_t n;
	struct node_ref *by_site;	/* sorted by site pointer */
};

static int cmp_node_ref(const void *a, const void *b)
{
	const struct site *x = ((const struct node_ref *)a)->site;
	const struct site *y = ((const struct node_ref *)b)->site;

	return x < y ? -1 : x > y;
}

/* The node of @s, or -1 when it is not drawn. */
static long node_of(const struct graph *g, const struct site *s)
{
	struct node_ref key = { s, 0 }, *r;

	if (!s)
		return -1;
	r = bsearch(&key, g->by_site, g->n, sizeof(key), cmp_node_ref);
	return r ? (long)r->node : -1;
}

static void dot_node(struct graph *g, size_t i)
{
	const struct dot_site *d = &g->sites[i];
	const struct site *s = d->site;
	const char *fn = site_function_name(s);

	sb_addf(&g->dot, "    n%zu [label=\"", i);
	add_safe_name(&g->dot, fn ? fn : "file scope");
	if (fn)
		sb_adds(&g->dot, "()");
	sb_adds(&g->dot, "\\n");
	add_safe_name(&g->dot, s->barrier);
	sb_addf(&g->dot, "()\", fillcolor=\"%s\", tooltip=\"%s: ",
		status_info(s->status)->colour, status_name(s->status));
	add_safe_name(&g->dot, s->file->path);
	sb_addf(&g->dot, ":%u\"", s->at.line);
	if (d->href) {
		sb_adds(&g->dot, ", URL=\"");
		add_safe_name(&g->dot, d->href);
		sb_adds(&g->dot, "\", target=\"_top\"");
	}
	sb_adds(&g->dot, "];\n");
}

static void graph_begin(struct graph *g, const char *title)
{
	sb_adds(&g->dot, "digraph \"");
	add_safe_name(&g->dot, title);
	sb_adds(&g->dot, "\" {\n");
	sb_addf(&g->dot, "  graph [id=\"%s\", rankdir=LR, fontname=\"Helvetica\", "
		"fontsize=11, nodesep=0.12, ranksep=0.35];\n", g->id);
	sb_adds(&g->dot, "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
		"fontsize=11, margin=\"0.08,0.03\"];\n"
		"  edge [arrowsize=0.6];\n");
}

/* Clusters by file, the graph's own file (its home barriers) with a darker border. */
static void graph_clusters(struct graph *g)
{
	for (size_t i = 0, cluster = 0; i < g->n; cluster++) {
		const struct file_facts *f = g->sites[i].site->file;

		sb_addf(&g->dot, "  subgraph cluster_%zu {\n    id=\"%s-file%zu\"; label=\"",
			cluster, g->id, cluster);
		add_safe_name(&g->dot, f->path);
		sb_addf(&g->dot, "\"; style=\"rounded\"; color=\"%s\";\n",
			g->sites[i].home ? "#555555" : "#bbbbbb");
		for (; i < g->n && g->sites[i].site->file == f; i++)
			dot_node(g, i);
		sb_adds(&g->dot, "  }\n");
	}
}

static bool partner_mismatch(const struct site *s, const struct partner *pt)
{
	return s->results && pt->ref < s->pairing.nrefs &&
	       (s->results[pt->ref].mismatch || s->results[pt->ref].weaker);
}

/* One edge per pair with a home end: both ways when both comments agree. */
static void graph_edges(struct graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		const struct site *s = g->sites[i].site;

		for (size_t k = 0; k < s->partners.n; k++) {
			const struct partner *pt = &s->partners.v[k];
			long t = node_of(g, pt->site);
			bool back;
			const char *colour;

			if (t < 0 || pt->site == s || !(g->sites[i].home || g->sites[t].home))
				continue;
			back = site_has_partner(pt->site, s);
			if (back && (size_t)t < i)
				continue;	/* drawn from the other end */
			colour = partner_mismatch(s, pt) ? EDGE_BROKEN :
				 back ? EDGE_PAIRED : EDGE_ONE_WAY;
			/*
			 * Two columns, whatever the arrows say: the home barriers
			 * on the left, their partners on the right.  An edge from
			 * a partner is laid out from the home end, its arrow
			 * turned back; an edge between two home barriers does not
			 * rank them.
			 */
			if (!g->sites[i].home)
				sb_addf(&g->dot, "  n%ld -> n%zu [color=\"%s\", dir=%s];\n", t, i,
					colour, back ? "both" : "back");
			else
				sb_addf(&g->dot, "  n%zu -> n%ld [color=\"%s\"%s%s];\n", i, t, colour,
					back ? ", dir=both" : "",
					g->sites[t].home ? ", constraint=false" : "");
		}
	}
}

/* Claimed partners that do not exist, as dashed boxes. */
static void graph_dangling(struct graph *g)
{
	int ghost = 0;

	for (size_t i = 0; i < g->n; i++) {
		const struct site *s = g->sites[i].site;

		if (!g->sites[i].home || s->status != STATUS_DANGLING)
			continue;
		for (size_t r = 0; r < s->pairing.nrefs; r++) {
			const struct ref *ref = &s->pairing.refs[r];

			if (!ref->function || (s->results && s->results[r].nfound))
				continue;
			sb_addf(&g->dot, "  g%d [label=\"", ghost);
			add_safe_name(&g->dot, ref->function);
			sb_adds(&g->dot, "()\\nnot found\", style=\"rounded,dashed\", "
				"color=\"" EDGE_BROKEN "\"];\n");
			sb_addf(&g->dot, "  n%zu -> g%d [color=\"" EDGE_BROKEN "\", style=dashed];\n",
				i, ghost++);
		}
	}
}

/* Full barriers implied by atomic RMWs: dotted boxes, one per partner. */
static void graph_implied(struct graph *g)
{
	int n = 0;

	for (size_t i = 0; i < g->n; i++) {
		const struct site *s = g->sites[i].site;

		for (size_t k = 0; g->sites[i].home && k < s->partners.n; k++) {
			const struct partner *pt = &s->partners.v[k];

			if (pt->site)
				continue;
			sb_addf(&g->dot, "  i%d [label=\"", n);
			add_safe_name(&g->dot, pt->function ? pt->function : pt->file->path);
			if (pt->function)
				sb_adds(&g->dot, "()");
			sb_adds(&g->dot, "\\n");
			add_safe_name(&g->dot, pt->barrier);
			sb_adds(&g->dot, "() (implied)\", style=\"rounded,dotted\", tooltip=\"");
			add_safe_name(&g->dot, pt->file->path);
			sb_addf(&g->dot, ":%u\"];\n", pt->at.line);
			sb_addf(&g->dot, "  n%zu -> i%d [color=\"%s\", style=dotted];\n", i, n++,
				partner_mismatch(s, pt) ? EDGE_BROKEN : EDGE_PAIRED);
		}
	}
}

static size_t count_newlines(const char *s)
{
	size_t n = 0;

	while ((s = strchr(s, '\n')))
		n++, s++;
	return n;
}

char *dot_pairing_graph(const char *id, const char *title,
			const struct dot_site *sites, size_t n)
{
	struct graph g = { STRBUF_INIT, id, sites, n, NULL };

	if (n > DOT_MAX_LINES)
		return NULL;
	g.by_site = xmalloc((n ? n : 1) * sizeof(*g.by_site));
	for (size_t i = 0; i < n; i++)
		g.by_site[i] = (struct node_ref){ sites[i].site, i };
	xqsort(g.by_site, n, sizeof(*g.by_site), cmp_node_ref);
	graph_begin(&g, title);
	graph_clusters(&g);
	graph_edges(&g);
	graph_dangling(&g);
	graph_implied(&g);
	sb_adds(&g.dot, "}\n");
	free(g.by_site);
	if (count_newlines(sb_str(&g.dot)) > DOT_MAX_LINES) {
		sb_release(&g.dot);
		return NULL;
	}
	return sb_detach(&g.dot);
}

/* ---- SVG ------------------------------------------------------------------ */

/*
 * @s[0..n) with each link's text kept from the page's link underline
 * (a box with a tooltip and no link is an <a> too).
 */
static void add_svg_text(struct strbuf *sb, const char *s, size_t n)
{
	static const char link[] = "<a xlink:";

	for (const char *end = s + n, *a; s < end; s = a + strlen(link)) {
		a = memmem(s, (size_t)(end - s), link, strlen(link));
		if (!a) {
			sb_add(sb, s, (size_t)(end - s));
			return;
		}
		sb_add(sb, s, (size_t)(a - s));
		sb_adds(sb, "<a style=\"text-decoration:none\" xlink:");
	}
}

/*
 * dot's SVG as an element of an HTML page: from "<svg" on, without the
 * comments (dot's version, the graph's name), with a style that scales it
 * down to its column, keeping its proportions, when it is wider.
 */
static char *inline_svg(const char *svg)
{
	const char *s = strstr(svg, "<svg"), *end = s ? strstr(s, "</svg>") : NULL;
	struct strbuf sb = STRBUF_INIT;

	if (!end)
		die("dot wrote no <svg> element");
	end += strlen("</svg>");
	sb_adds(&sb, "<svg style=\"max-width:100%;height:auto\"");
	for (s += strlen("<svg"); s < end;) {
		const char *c = strstr(s, "<!--");

		if (!c || c >= end) {
			add_svg_text(&sb, s, (size_t)(end - s));
			break;
		}
		add_svg_text(&sb, s, (size_t)(c - s));
		c = strstr(c, "-->");
		if (!c)
			die("dot wrote an unterminated comment");
		s = c + strlen("-->");
		if (*s == '\n')
			s++;
	}
	sb_addc(&sb, '\n');
	return sb_detach(&sb);
}

char *dot_render_svg(const char *dot)
{
	static const char *const argv[] = { "-Tsvg", NULL };
	static bool missing;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct git_cmd cmd = { NULL, argv, -1, SVG_MAX, NULL };
	size_t len = strlen(dot);
	char *svg;
	int fd, r;

	if (missing)
		return NULL;
	/* the DOT on dot's stdin, from memory: no temp file to clean up */
	fd = memfd_create("barriermap-dot", MFD_CLOEXEC);
	if (fd < 0)
		die_errno("cannot run dot");
	if (write(fd, dot, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) < 0)
		die_errno("cannot run dot");
	cmd.in_fd = fd;
	r = program_run("dot", &cmd, &out, &err);
	close(fd);
	if (r == GIT_MISSING) {
		missing = true;
		sb_release(&out);
		sb_release(&err);
		return NULL;
	}
	if (r == GIT_TOO_MUCH)
		die("dot wrote an SVG larger than %zu MiB", SVG_MAX >> 20);
	if (r == GIT_SIGNALLED)
		die("dot was killed by a signal");
	if (r) {
		const char *e = sb_str(&err);

		die("dot failed (exit %d): %.*s", r, (int)strcspn(e, "\n"), *e ? e : "no message");
	}
	svg = inline_svg(sb_str(&out));
	sb_release(&out);
	sb_release(&err);
	return svg;
}
