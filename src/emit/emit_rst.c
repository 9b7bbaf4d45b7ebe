// SPDX-License-Identifier: GPL-2.0
/*
 * The barrier map as reStructuredText (see emit_rst.h).
 *
 * Three rules keep the pages safe and stable:
 *  - text from the tree is either a literal block, an inline literal that
 *    cannot be closed early, escaped inline text, or reduced to a safe
 *    alphabet (labels, link titles, DOT);
 *  - labels come from file, function, barrier and an ordinal, never from
 *    line numbers, so that moving code changes only the printed lines;
 *  - everything is emitted in the program's sorted order.
 */
#include "emit_rst.h"
#include "emit_dot.h"
#include "infer.h"
#include "lkmm.h"
#include "rst.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_PREFIX "kvm-barrier-"

/*
 * Bounds on what the pages hold, so that a hostile tree cannot make them
 * (or Sphinx and Graphviz after them) grow without end.  Each is stated
 * on the page where it applies.
 *  - A comment is quoted up to QUOTE_MAX_LINES lines and QUOTE_MAX_BYTES
 *    bytes: the longest comment on a KVM barrier is 37 lines, 1.6 KB.
 *  - An entry lists at most LIST_MAX partners, barriers naming it and
 *    claims (the real tree's most are 6, 5 and 4), then says how many more.
 *  - A graph is drawn when its DOT is at most DOT_MAX_LINES lines
 *    (emit_dot.h); one is drawn per file, of that file's barriers and
 *    their partners.
 *  - An entry shows CODE_CONTEXT lines of code above and below its
 *    barrier (and its comment, when that is at most CODE_COMMENT_SPAN
 *    lines away), and CODE_CONTEXT lines around each of its first
 *    CODE_PARTNERS partners; a line of code is cut after
 *    CODE_MAX_COLUMNS columns.
 * So a page grows linearly with its barriers, by at most about 60 KB each.
 */
#define QUOTE_MAX_LINES 200
#define QUOTE_MAX_BYTES (16 << 10)
#define LIST_MAX 32
#define CODE_CONTEXT 3
#define CODE_COMMENT_SPAN 40
#define CODE_PARTNERS 3
#define CODE_MAX_COLUMNS 160
/* a comment the code's window cuts into is shown whole when it is this short */
#define SHORT_COMMENT 6
/* --source-url: a template longer than this is a mistake */
#define SOURCE_URL_MAX 1024

/* One barrier of an in-scope file, as the pages show it. */
struct entry {
	const struct site *site;
	char *label;		/* explicit target, [a-z0-9-] */
	const char *page;	/* page name without .rst */
	VEC(const struct site *) claimed_by;	/* sites naming this one */
};

struct file_base {
	const struct file_facts *file;
	size_t base;		/* index of its first site in map.entries */
};

/* A file's text and where its lines start, read when first shown. */
struct source {
	const struct file_facts *file;
	bool tried;
	char *owned;		/* the text, when read here */
	const char *text;	/* NULL when it cannot be read */
	size_t len;
	VEC(size_t) line;	/* offset of each line's start */
};

struct map {
	const struct program *p;
	const struct rst_options *o;
	VEC(struct entry) entries;
	VEC(struct file_base) files;	/* sorted by pointer, for lookups */
	VEC(char *) pages;		/* page names, "generic" first */
	VEC(struct source) sources;	/* every file of the program, by pointer */
	char **graphs;		/* a file's graph as RST, at its first entry's index */
};

/* ---- C names ------------------------------------------------------------- */

static bool is_c_identifier(const char *s)
{
	if (!s || !*s || isdigit((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!is_ident_char(*s))
			return false;
	return true;
}

/* :c:func:`name` for a C identifier, so the kernel's docs link it. */
static void add_function(struct strbuf *sb, const char *name)
{
	if (is_c_identifier(name))
		sb_addf(sb, ":c:func:`%s`", name);
	else
		rst_add_code(sb, name);
}

/* ---- labels and lookups --------------------------------------------------- */

/* [a-z0-9-]: what docutils' make_id() would make of it, so ids match. */
static void add_slug(struct strbuf *sb, const char *s)
{
	bool dash = sb->len && sb->buf[sb->len - 1] == '-';

	for (; *s; s++) {
		if (isalnum((unsigned char)*s)) {
			sb_addc(sb, (char)tolower((unsigned char)*s));
			dash = false;
		} else if (!dash) {
			sb_addc(sb, '-');
			dash = true;
		}
	}
}

static void trim_dash(struct strbuf *sb)
{
	while (sb->len && sb->buf[sb->len - 1] == '-')
		sb->buf[--sb->len] = '\0';
}

static const char *function_or(const struct site *s, const char *none)
{
	const char *fn = site_function_name(s);

	return fn ? fn : none;
}

static char *site_base_label(const struct site *s)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, LABEL_PREFIX);
	add_slug(&sb, s->file->path);
	sb_addc(&sb, '-');
	add_slug(&sb, function_or(s, "file scope"));
	sb_addc(&sb, '-');
	add_slug(&sb, s->barrier);
	trim_dash(&sb);
	return sb_detach(&sb);
}

static int cmp_file_base(const void *a, const void *b)
{
	const struct file_facts *x = ((const struct file_base *)a)->file;
	const struct file_facts *y = ((const struct file_base *)b)->file;

	return x < y ? -1 : x > y;
}

/* The entry of a site, or NULL when its file is not on the map. */
static struct entry *entry_of(const struct map *m, const struct site *s)
{
	struct file_base key = { s->file, 0 }, *fb;

	fb = bsearch(&key, m->files.v, m->files.n, sizeof(key), cmp_file_base);
	if (!fb)
		return NULL;
	return &m->entries.v[fb->base + (size_t)(s - s->file->sites.v)];
}

static int cmp_label_index(const void *a, const void *b, void *arg)
{
	const struct map *m = arg;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(m->entries.v[x].label, m->entries.v[y].label);

	return c ? c : (x > y) - (x < y);
}

/*
 * "-2", "-3"... for the second and later barriers with the same base label,
 * in source order; a second pass settles the (unlikely) clashes of slugs.
 */
static void number_labels(struct map *m)
{
	size_t n = m->entries.n, *idx = xmalloc(n * sizeof(*idx));

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++)
			idx[i] = i;
		qsort_r(idx, n, sizeof(*idx), cmp_label_index, m);
		for (size_t i = 1, run = 1; i < n; i++) {
			struct entry *e = &m->entries.v[idx[i]];
			char *l;

			if (strcmp(e->label, m->entries.v[idx[i - 1]].label)) {
				run = 1;
				continue;
			}
			l = xasprintf("%s-%zu", e->label, ++run);
			free(e->label);
			e->label = l;
		}
	}
	free(idx);
}

static const char *const reserved_pages[] = { "index", "worklist", "graph" };

char *rst_subsystem(const char *path)
{
	const char *slash = strchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (strchr(slash + 1, '/'))
		slash = strchr(slash + 1, '/');
	return xstrndup(path, (size_t)(slash - path));
}

static char *page_name(const struct map *m, const struct file_facts *f)
{
	struct strbuf sb = STRBUF_INIT;

	if (m->o->by_subsystem) {
		char *sub = rst_subsystem(f->path);

		add_slug(&sb, strcmp(sub, ".") ? sub : "top");
		free(sub);
	} else {
		add_slug(&sb, f->arch && *f->arch ? f->arch : "generic");
	}
	trim_dash(&sb);
	for (size_t i = 0; i < sizeof(reserved_pages) / sizeof(*reserved_pages); i++)
		if (!strcmp(sb_str(&sb), reserved_pages[i]))
			sb_adds(&sb, "-arch");
	return sb_detach(&sb);
}

static const char *intern_page(struct map *m, char *name)
{
	for (size_t i = 0; i < m->pages.n; i++) {
		if (!strcmp(m->pages.v[i], name)) {
			free(name);
			return m->pages.v[i];
		}
	}
	vec_push(&m->pages, name);
	return name;
}

static int cmp_page(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;

	/* generic virt/kvm first, then the architectures by name */
	if (strcmp(x, y) && (!strcmp(x, "generic") || !strcmp(y, "generic")))
		return strcmp(x, "generic") ? 1 : -1;
	return strcmp(x, y);
}

static int cmp_source(const void *a, const void *b)
{
	const struct file_facts *x = ((const struct source *)a)->file;
	const struct file_facts *y = ((const struct source *)b)->file;

	return x < y ? -1 : x > y;
}

static void map_build(struct map *m)
{
	const struct program *p = m->p;

	for (size_t i = 0; i < p->files.n; i++) {
		struct source src = { p->files.v[i], false, NULL, NULL, 0, { 0 } };

		vec_push(&m->sources, src);
	}
	xqsort(m->sources.v, m->sources.n, sizeof(*m->sources.v), cmp_source);
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];
		struct file_base fb = { f, m->entries.n };
		const char *page;

		if (!f->in_scope || !f->sites.n)
			continue;
		vec_push(&m->files, fb);
		page = intern_page(m, page_name(m, f));
		for (size_t j = 0; j < f->sites.n; j++) {
			struct entry e = { 0 };

			e.site = &f->sites.v[j];
			e.label = site_base_label(e.site);
			e.page = page;
			vec_push(&m->entries, e);
		}
	}
	if (m->files.n)
		xqsort(m->files.v, m->files.n, sizeof(*m->files.v), cmp_file_base);
	if (m->pages.n)
		xqsort(m->pages.v, m->pages.n, sizeof(*m->pages.v), cmp_page);
	number_labels(m);
	m->graphs = xcalloc(m->entries.n + 1, sizeof(*m->graphs));
	/* who names whom: the reverse edges, in source order */
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct site *s = m->entries.v[i].site;

		for (size_t k = 0; k < s->partners.n; k++) {
			struct entry *t = s->partners.v[k].site ?
					  entry_of(m, s->partners.v[k].site) : NULL;

			if (t && t->site != s)
				vec_push(&t->claimed_by, s);
		}
	}
}

static void map_release(struct map *m)
{
	for (size_t i = 0; i < m->entries.n; i++) {
		free(m->entries.v[i].label);
		free(m->entries.v[i].claimed_by.v);
	}
	free(m->entries.v);
	free(m->files.v);
	for (size_t i = 0; i < m->pages.n; i++)
		free(m->pages.v[i]);
	free(m->pages.v);
	for (size_t i = 0; i < m->sources.n; i++) {
		free(m->sources.v[i].owned);
		free(m->sources.v[i].line.v);
	}
	free(m->sources.v);
	for (size_t i = 0; i < m->entries.n; i++)
		free(m->graphs[i]);
	free(m->graphs);
}

/* ---- page furniture ------------------------------------------------------ */

static void add_header(struct strbuf *sb, const char *title)
{
	struct strbuf t = STRBUF_INIT;
	size_t n = rst_add_title_text(&t, title);

	sb_adds(sb, RST_PAGE_HEAD "\n");
	for (size_t i = 0; i < n; i++)
		sb_addc(sb, '=');
	sb_addf(sb, "\n%s\n", sb_str(&t));
	for (size_t i = 0; i < n; i++)
		sb_addc(sb, '=');
	sb_adds(sb, "\n\n");
	sb_release(&t);
}

/* A numbered section title; @title is already RST. */
static void add_section(struct strbuf *sb, char underline, const char *title)
{
	size_t n = rst_add_title_text(sb, title);

	sb_addc(sb, '\n');
	for (size_t i = 0; i < n; i++)
		sb_addc(sb, underline);
	sb_adds(sb, "\n\n");
}

static void add_escaped_section(struct strbuf *sb, char underline, unsigned num,
				const char *text)
{
	struct strbuf t = STRBUF_INIT;

	if (num)
		sb_addf(&t, "%u. ", num);
	rst_add_text(&t, text);
	add_section(sb, underline, sb_str(&t));
	sb_release(&t);
}

static const char *rule_words(enum comment_rule r)
{
	switch (r) {
	case RULE_ABOVE: return "above the barrier";
	case RULE_TRAILING: return "on the barrier's line";
	case RULE_INSIDE: return "inside the barrier's statement";
	case RULE_NEARBY: return "a statement or two above";
	case RULE_BELOW: return "on the line below, naming the barrier";
	case RULE_NONE: break;
	}
	return "near the barrier";
}

static void add_location(struct strbuf *sb, const struct map *m, const char *path,
			 unsigned line);

/* "smp_wmb()" or "kvm_make_request()" (an implicit site's callee). */
static void add_barrier_title(struct strbuf *sb, const struct site *s)
{
	if (s->implicit)
		sb_adds(sb, "call to ");
	add_safe_name(sb, s->barrier);
	sb_adds(sb, "() in ");
	add_safe_name(sb, function_or(s, "file scope"));
	if (site_function_name(s))
		sb_adds(sb, "()");
}

/* A link to a site's entry, or its name and place when it has none. */
static void add_site_ref(struct strbuf *sb, const struct map *m, const struct site *s)
{
	const struct entry *e = entry_of(m, s);
	char *where = xasprintf("%s:%u", s->file->path, s->at.line);

	if (e) {
		sb_adds(sb, ":ref:`");
		add_barrier_title(sb, s);
		sb_addf(sb, " <%s>`", e->label);
	} else {
		struct strbuf b = STRBUF_INIT;

		sb_addf(&b, "%s()", s->barrier);
		rst_add_code(sb, sb_str(&b));
		sb_adds(sb, " in ");
		if (site_function_name(s))
			add_function(sb, site_function_name(s));
		else
			sb_adds(sb, "file scope");
		sb_release(&b);
	}
	sb_adds(sb, " at ");
	rst_add_code(sb, where);
	free(where);
}

/* ---- links to the source --------------------------------------------------- */

static bool url_char(unsigned char c)
{
	return isalnum(c) || (c && strchr("-._~:/?#[]@!$&'()*+,;=", c));
}

char *rst_source_url_error(const char *tmpl)
{
	static const char *const schemes[] = { "https://", "http://", "file://" };
	bool scheme = false, path = false;

	if (strlen(tmpl) > SOURCE_URL_MAX)
		return xasprintf("is longer than %d bytes", SOURCE_URL_MAX);
	for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
		scheme |= str_starts_with(tmpl, schemes[i]);
	if (!scheme)
		return xstrdup("must start with https://, http:// or file://");
	for (const char *t = tmpl; *t; t++) {
		unsigned char c = (unsigned char)*t;

		if (c == '%') {
			if (!t[1])
				return xstrdup("ends in a lone % (write %% for a percent sign)");
			if (!strchr("pl%", t[1]))
				return xasprintf("has an unknown placeholder %%%c (known: %%p the "
						 "file's path, %%l the line, %%%% a percent sign)",
						 isprint((unsigned char)t[1]) ? t[1] : '?');
			path |= t[1] == 'p';
			t++;
		} else if (!url_char(c)) {
			return xasprintf("holds %s%c%s (byte 0x%02x), which a URL must "
					 "percent-encode (write %%%%%02X)", isprint(c) ? "'" : "",
					 isprint(c) ? c : '?', isprint(c) ? "'" : "", c, c);
		}
	}
	if (!path)
		return xstrdup("has no %p (the file's path)");
	return NULL;
}

/*
 * The template with @path and @line in it.  The path is percent-encoded
 * but for [A-Za-z0-9-._~/]; a "_" that would end the URL is too, so that
 * RST does not read "<...url_>" as a reference name.
 */
static char *source_url(const char *tmpl, const char *path, unsigned line)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *t = tmpl; *t; t++) {
		if (*t != '%') {
			sb_addc(&sb, *t);
			continue;
		}
		t++;
		if (*t == 'l') {
			sb_addf(&sb, "%u", line);
		} else if (*t == 'p') {
			for (const char *c = path; *c; c++) {
				unsigned char u = (unsigned char)*c;

				if (isalnum(u) || strchr("-._~/", u))
					sb_addc(&sb, (char)u);
				else
					sb_addf(&sb, "%%%02X", u);
			}
		} else {
			sb_addc(&sb, '%');
		}
	}
	if (sb.len && sb.buf[sb.len - 1] == '_') {
		sb.buf[--sb.len] = '\0';
		sb_adds(&sb, "%5F");
	}
	return sb_detach(&sb);
}

/* " (`source <URL>`__)" when there is a template. */
static void add_source_link(struct strbuf *sb, const struct map *m, const char *path,
			    unsigned line)
{
	char *url;

	if (!m->o->source_url)
		return;
	url = source_url(m->o->source_url, path, line);
	sb_addf(sb, " (`source <%s>`__)", url);
	free(url);
}

/* ``path:line``, linked to the source when there is a template. */
static void add_location(struct strbuf *sb, const struct map *m, const char *path,
			 unsigned line)
{
	char *where = xasprintf("%s:%u", path, line);

	rst_add_code(sb, where);
	add_source_link(sb, m, path, line);
	free(where);
}

/* ---- code ----------------------------------------------------------------- */

/* The file's text, read once; NULL fields when it cannot be read. */
static struct source *source_of(const struct map *m, const struct file_facts *f)
{
	struct source key = { f, false, NULL, NULL, 0, { 0 } }, *src;
	size_t len = 0;

	src = bsearch(&key, m->sources.v, m->sources.n, sizeof(key), cmp_source);
	if (!src || src->tried)
		return src;
	src->tried = true;
	if (m->o->source) {
		src->text = m->o->source(f, &len, m->o->source_arg);
	} else {
		char *path = xasprintf("%s/%s", m->p->kernel, f->path);

		src->text = src->owned = read_file(path, &len);
		free(path);
	}
	if (!src->text)
		return src;
	src->len = len;
	for (size_t i = 0; i < len; i++)
		if (!i || src->text[i - 1] == '\n')
			vec_push(&src->line, i);
	return src;
}

/* Line @n (1-based) of @src: its start, *len its length without the newline. */
static const char *source_line(const struct source *src, unsigned n, size_t *len)
{
	size_t start = src->line.v[n - 1];
	size_t end = n < src->line.n ? src->line.v[n] - 1 : src->len;

	if (n == src->line.n && end > start && src->text[end - 1] == '\n')
		end--;	/* the file's last newline */
	*len = end - start;
	return src->text + start;
}

static bool blank_line(const struct source *src, unsigned n)
{
	size_t len;
	const char *l = source_line(src, n, &len);

	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)l[i]))
			return false;
	return true;
}

/* Lines first..last of a file, @mark the barrier's (or partner's) line. */
struct window {
	unsigned first, last, mark;
};

/* The comment of @f that holds line @line, or NULL (comments are sorted). */
static const struct comment *comment_at(const struct file_facts *f, unsigned line)
{
	/* the first comment starting after @line, then the one before it */
	size_t lo = file_first_comment_from(f, (struct pos){ line + 1, 0 });

	if (!lo || f->comments.v[lo - 1].end.line < line)
		return NULL;
	return &f->comments.v[lo - 1];
}

/*
 * Within the file and the function @s is in (when it is in one); never
 * starting or ending inside a comment (a short one is taken whole, a
 * longer one left out); and no blank line at either end: docutils drops
 * those from a directive's body, which would shift the line numbers.
 * @f is the file, @s the barrier or NULL.
 */
static bool window_fit(const struct source *src, const struct file_facts *f,
		       const struct site *s, struct window *w)
{
	unsigned n = (unsigned)src->line.n, lo = 1, hi = n;
	const struct comment *c;

	if (!src->text || w->mark < 1 || w->mark > n)
		return false;
	if (s && s->function >= 0) {
		const struct function *fn = &s->file->functions.v[s->function];

		if (fn->start.line <= w->mark && w->mark <= fn->end.line) {
			lo = fn->start.line > lo ? fn->start.line : lo;
			hi = fn->end.line < hi ? fn->end.line : hi;
		}
	}
	w->first = w->first < lo ? lo : w->first;
	w->last = w->last > hi ? hi : w->last;
	c = comment_at(f, w->first);
	if (c && c->start.line < w->first && c->end.line < w->mark) {
		if (c->start.line >= lo && c->end.line - c->start.line < SHORT_COMMENT)
			w->first = c->start.line;
		else
			w->first = c->end.line + 1;
	}
	c = comment_at(f, w->last);
	if (c && c->end.line > w->last && c->start.line > w->mark) {
		if (c->end.line <= hi && c->end.line - c->start.line < SHORT_COMMENT)
			w->last = c->end.line;
		else
			w->last = c->start.line - 1;
	}
	while (w->first < w->mark && blank_line(src, w->first))
		w->first++;
	while (w->last > w->mark && blank_line(src, w->last))
		w->last--;
	return !blank_line(src, w->mark);
}

/*
 * Where @s passes @max columns (characters: a UTF-8 sequence is one), or
 * its length when it does not.
 */
static size_t column_cut(const char *s, size_t max)
{
	size_t cols = 0, i = 0;

	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (cols++ == max)
			break;
	}
	return i;
}

static unsigned above(unsigned line, unsigned n)
{
	return line > n ? line - n : 1;
}

/*
 * The lines around a barrier: CODE_CONTEXT above its statement and below
 * it, stretched to hold its comment (and two lines above that) when the
 * comment is near.  *comment_shown: all of the comment is in the window.
 */
static bool barrier_window(const struct source *src, const struct site *s,
			   struct window *w, bool *comment_shown)
{
	unsigned stmt = s->stmt.line && s->stmt.line <= s->at.line ? s->stmt.line : s->at.line;

	*w = (struct window){ above(stmt, CODE_CONTEXT), s->at.line + CODE_CONTEXT, s->at.line };
	*comment_shown = false;
	if (s->comment >= 0) {
		const struct comment *c = &s->file->comments.v[s->comment];
		unsigned cs = c->start.line;
		unsigned ce = s->file->comments.v[s->comment_last >= 0 ?
						  s->comment_last : s->comment].end.line;

		if (cs < w->first && s->at.line - cs <= CODE_COMMENT_SPAN)
			w->first = above(cs, 2);
		if (ce > w->last && ce - s->at.line <= CODE_COMMENT_SPAN)
			w->last = ce + 1;
		if (!window_fit(src, s->file, s, w))
			return false;
		*comment_shown = cs >= w->first && ce <= w->last;
		/* a line cut short would hide part of the comment: quote it too */
		for (unsigned l = cs; *comment_shown && l <= ce; l++) {
			size_t len;
			const char *text = source_line(src, l, &len);
			char *x = expand_tabs(text, len);

			*comment_shown = !x[column_cut(x, CODE_MAX_COLUMNS)];
			free(x);
		}
		return true;
	}
	return window_fit(src, s->file, s, w);
}

/* A line of code in a code-block: tabs expanded, cut at CODE_MAX_COLUMNS. */
static void add_code_line(struct strbuf *sb, const struct source *src, unsigned n)
{
	size_t len, cut;
	const char *l = source_line(src, n, &len);
	char *x = expand_tabs(l, len);

	cut = column_cut(x, CODE_MAX_COLUMNS);
	if (x[cut]) {
		x[cut] = '\0';
		x = xrealloc(x, cut + sizeof(" \xe2\x80\xa6"));
		strcat(x, " \xe2\x80\xa6");	/* " ..." (U+2026) */
	}
	rst_add_literal_line(sb, 3, x, strlen(x));
	free(x);
}

/*
 * A code-block of the window, its lines numbered as in the file and the
 * barrier's line highlighted; @caption is RST already.  Pygments may not
 * lex a few lines cut out of a file (a string or comment begun above):
 * :force: keeps that from being a warning.
 */
static void add_code_block(struct strbuf *sb, const struct source *src,
			   const struct window *w, const char *caption)
{
	sb_addf(sb, ".. code-block:: c\n   :caption: %s\n   :lineno-start: %u\n"
		"   :emphasize-lines: %u\n   :force:\n\n", caption, w->first,
		w->mark - w->first + 1);
	for (unsigned n = w->first; n <= w->last; n++)
		add_code_line(sb, src, n);
	sb_addc(sb, '\n');
}

/* "``path``, lines 10-16 (`source <...>`__)" */
static void add_window_words(struct strbuf *sb, const struct map *m, const char *path,
			     const struct window *w)
{
	rst_add_code(sb, path);
	sb_addf(sb, ", line%s %u", w->first == w->last ? "" : "s", w->first);
	if (w->last != w->first)
		sb_addf(sb, "\xe2\x80\x93%u", w->last);	/* en dash */
	add_source_link(sb, m, path, w->mark);
}

/* The code around each of the first CODE_PARTNERS partners (sorted). */
static void add_partner_code(struct strbuf *sb, const struct map *m,
			     const struct partner *sorted, size_t n)
{
	for (size_t i = 0; i < n && i < CODE_PARTNERS; i++) {
		const struct partner *pt = &sorted[i];
		const struct source *src = source_of(m, pt->file);
		struct window w = { above(pt->at.line, CODE_CONTEXT), pt->at.line + CODE_CONTEXT,
				    pt->at.line };
		struct strbuf cap = STRBUF_INIT, t = STRBUF_INIT;
		bool shown;

		/* a barrier's window holds its comment; an implied one's, the call */
		if (!src || !(pt->site ? barrier_window(src, pt->site, &w, &shown) :
			      window_fit(src, pt->file, NULL, &w)))
			continue;
		sb_addf(&t, "%s %s()", pt->site ? "partner" : "the barrier implied by",
			pt->barrier);
		if (pt->function)
			sb_addf(&t, " in %s()", pt->function);
		rst_add_text(&cap, sb_str(&t));
		sb_adds(&cap, ", ");
		add_window_words(&cap, m, pt->file->path, &w);
		add_code_block(sb, src, &w, sb_str(&cap));
		sb_release(&cap);
		sb_release(&t);
	}
	if (n > CODE_PARTNERS)
		sb_addf(sb, "*An entry shows the code of its first %d partners; the other "
			"%zu are listed above.*\n\n", CODE_PARTNERS, n - CODE_PARTNERS);
}

/* ---- counting -------------------------------------------------------------- */

struct tally {
	unsigned n[STATUS__COUNT];
	unsigned total;
};

static void tally_page(const struct map *m, const char *page, struct tally *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < m->entries.n; i++) {
		if (page && strcmp(m->entries.v[i].page, page))
			continue;
		t->n[m->entries.v[i].site->status]++;
		t->total++;
	}
}

/* "12: 3 undocumented, 9 paired", worst first */
static void add_tally_words(struct strbuf *sb, const struct tally *t)
{
	const char *sep = ": ";

	sb_addf(sb, "%u", t->total);
	for (int st = 0; st < STATUS__COUNT; st++) {
		if (!t->n[st])
			continue;
		sb_addf(sb, "%s%u %s", sep, t->n[st], status_name((enum status)st));
		sep = ", ";
	}
}

/* ---- simple tables ----------------------------------------------------------- */

struct table {
	size_t ncols;
	VEC(char *) cells;	/* row-major, first row is the header */
};

static void table_add(struct table *t, char *cell)
{
	vec_push(&t->cells, cell);
}

static void table_border(struct strbuf *sb, const size_t *w, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++) {
		if (c)
			sb_addc(sb, ' ');
		for (size_t i = 0; i < w[c]; i++)
			sb_addc(sb, '=');
	}
	sb_addc(sb, '\n');
}

static void table_row(struct strbuf *sb, const size_t *w, size_t ncols, char **cells)
{
	for (size_t c = 0; c < ncols; c++) {
		if (c)
			sb_addc(sb, ' ');
		sb_adds(sb, cells[c]);
		if (c + 1 < ncols)
			sb_addf(sb, "%*s", (int)(w[c] - strlen(cells[c])), "");
	}
	sb_addc(sb, '\n');
}

/* A docutils simple table; cells are RST already and never empty. */
static void table_emit(struct strbuf *sb, struct table *t)
{
	size_t *w = xcalloc(t->ncols, sizeof(*w));
	size_t nrows = t->cells.n / t->ncols;

	for (size_t i = 0; i < t->cells.n; i++)
		if (strlen(t->cells.v[i]) > w[i % t->ncols])
			w[i % t->ncols] = strlen(t->cells.v[i]);
	table_border(sb, w, t->ncols);
	table_row(sb, w, t->ncols, t->cells.v);
	table_border(sb, w, t->ncols);
	for (size_t r = 1; r < nrows; r++)
		table_row(sb, w, t->ncols, t->cells.v + r * t->ncols);
	table_border(sb, w, t->ncols);
	sb_addc(sb, '\n');
	for (size_t i = 0; i < t->cells.n; i++)
		free(t->cells.v[i]);
	free(t->cells.v);
	free(w);
}

/* ---- one barrier ------------------------------------------------------------ */

static int cmp_partner(const void *a, const void *b)
{
	const struct partner *x = a, *y = b;
	int c = strcmp(x->file->path, y->file->path);

	if (c)
		return c;
	c = pos_cmp(x->at, y->at);
	return c ? c : strcmp(x->barrier, y->barrier);
}

/* A partner that is no site: the full barrier implied by an atomic RMW. */
static void add_implied_partner(struct strbuf *sb, const struct map *m,
				const struct partner *pt)
{
	struct strbuf b = STRBUF_INIT;

	sb_addf(&b, "%s()", pt->barrier);
	sb_adds(sb, "the barrier implied by ");
	rst_add_code(sb, sb_str(&b));
	if (pt->function) {
		sb_adds(sb, " in ");
		add_function(sb, pt->function);
	}
	sb_adds(sb, " at ");
	add_location(sb, m, pt->file->path, pt->at.line);
	sb_release(&b);
}

static void add_partner_item(struct strbuf *sb, const struct map *m,
			     const struct partner *pt)
{
	sb_adds(sb, "   - ");
	if (pt->site)
		add_site_ref(sb, m, pt->site);
	else
		add_implied_partner(sb, m, pt);
	if (pt->via.n > 1) {
		sb_adds(sb, ", reached through");
		for (size_t i = 0; i < pt->via.n; i++) {
			sb_adds(sb, i ? ", " : " ");
			add_function(sb, pt->via.v[i]);
		}
	}
	sb_addc(sb, '\n');
}

/* "and 12 more partners" after the first LIST_MAX items of a list. */
static void add_more(struct strbuf *sb, size_t n, const char *what)
{
	if (n > LIST_MAX)
		sb_addf(sb, "   - and %zu more %s (a list shows at most %d)\n",
			n - LIST_MAX, what, LIST_MAX);
}

/* A site's partners in the order the pages list them; the caller frees. */
static struct partner *sorted_partners(const struct site *s)
{
	struct partner *sorted = xmalloc((s->partners.n ? s->partners.n : 1) * sizeof(*sorted));

	if (s->partners.n)
		memcpy(sorted, s->partners.v, s->partners.n * sizeof(*sorted));
	xqsort(sorted, s->partners.n, sizeof(*sorted), cmp_partner);
	return sorted;
}

static void add_partners(struct strbuf *sb, const struct map *m,
			 const struct partner *sorted, size_t n)
{
	if (!n)
		return;
	sb_adds(sb, ":Pairs with:\n");
	for (size_t i = 0; i < n && i < LIST_MAX; i++)
		add_partner_item(sb, m, &sorted[i]);
	add_more(sb, n, "partners");
}

/* Barriers that name this one, when it does not name them in return. */
static void add_claimed_by(struct strbuf *sb, const struct map *m, const struct entry *e)
{
	size_t listed = 0;

	for (size_t i = 0; i < e->claimed_by.n; i++) {
		if (site_has_partner(e->site, e->claimed_by.v[i]))
			continue;
		if (!listed)
			sb_adds(sb, ":Named by:\n");
		if (listed++ >= LIST_MAX)
			continue;
		sb_adds(sb, "   - ");
		add_site_ref(sb, m, e->claimed_by.v[i]);
		sb_addc(sb, '\n');
	}
	add_more(sb, listed, "barriers");
}

/* What the comment claimed and what the resolver made of each claim. */
static void add_ref_result(struct strbuf *sb, const struct ref *r,
			   const struct ref_result *res)
{
	struct strbuf t = STRBUF_INIT;

	if (r->arch)
		sb_addf(&t, "%s: ", r->arch);
	sb_adds(&t, r->barrier ? r->barrier : r->implicit ? "the implied barrier" : "a barrier");
	if (r->wildcard)
		sb_adds(&t, "*");
	if (r->barrier)
		sb_adds(&t, "()");
	if (r->misspelled)
		sb_addf(&t, " (written %s)", r->misspelled);
	if (r->function)
		sb_addf(&t, " in %s()", r->function);
	if (r->context)
		sb_addf(&t, " %s", r->context);
	if (res) {
		if (!r->function)
			sb_adds(&t, ": no function named");
		else if (!res->function_found)
			sb_adds(&t, ": no such function");
		else if (res->mismatch)
			sb_adds(&t, ": found, but of a kind that cannot pair");
		else if (res->weaker)
			sb_adds(&t, ": found, but weaker than claimed");
		else if (res->nfound == 1)
			sb_adds(&t, ": found");
		else if (res->nfound)
			sb_addf(&t, ": found %zu", res->nfound);
		else
			sb_addf(&t, ": no such barrier, searched %u calls deep", res->depth);
		if (res->note)
			sb_addf(&t, " (%s)", res->note);
		for (size_t i = 0; i < res->candidates.n; i++)
			sb_addf(&t, "%s%s", i ? ", " : "; nearest: ", res->candidates.v[i]);
	}
	sb_adds(sb, "   - ");
	rst_add_text(sb, sb_str(&t));
	sb_addc(sb, '\n');
	sb_release(&t);
}

static void add_claims(struct strbuf *sb, const struct site *s)
{
	if (!s->pairing.nrefs || s->status == STATUS_PAIRED)
		return;
	sb_adds(sb, ":Claims:\n");
	for (size_t i = 0; i < s->pairing.nrefs && i < LIST_MAX; i++)
		add_ref_result(sb, &s->pairing.refs[i], s->results ? &s->results[i] : NULL);
	add_more(sb, s->pairing.nrefs, "claims");
}

/*
 * How much of @text a page quotes: whole lines while both bounds hold,
 * and at least the start of the first line (cut between characters).
 */
static size_t quote_length(const char *text)
{
	size_t len = 0;

	for (unsigned lines = 0; text[len] && lines < QUOTE_MAX_LINES; lines++) {
		size_t n = strcspn(text + len, "\n");

		n += text[len + n] == '\n';
		if (len + n > QUOTE_MAX_BYTES)
			break;
		len += n;
	}
	if (!len && text[0]) {
		len = QUOTE_MAX_BYTES;
		while (len && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	return len;
}

static unsigned count_lines(const char *s)
{
	unsigned n = *s != '\0';

	for (; *s; s++)
		n += *s == '\n' && s[1];
	return n;
}

/* The comment as a literal block, when the code does not show all of it. */
static void add_comment_quote(struct strbuf *sb, const struct site *s)
{
	size_t len = quote_length(s->comment_text);
	char *quoted = xstrndup(s->comment_text, len);

	sb_addf(sb, "Comment, %s::\n\n", rule_words(s->rule));
	rst_add_literal_block(sb, quoted, 4);
	sb_addc(sb, '\n');
	if (s->comment_text[len]) {
		char *where = xasprintf("%s:%u", s->file->path,
					s->file->comments.v[s->comment].start.line);
		unsigned more = count_lines(s->comment_text + len);

		sb_addf(sb, "*The comment goes on: %u more line%s, %zu more bytes; a page "
			"quotes at most %d lines or %d KiB of one.  Read it at* ",
			more, more == 1 ? "" : "s", strlen(s->comment_text + len),
			QUOTE_MAX_LINES, QUOTE_MAX_BYTES >> 10);
		rst_add_code(sb, where);
		sb_adds(sb, "\n\n");
		free(where);
	}
	free(quoted);
}

/*
 * The comment and the code: the code around the barrier, with the
 * comment in it when it is near (else quoted above it), then the code
 * around its first partners.
 */
static void add_comment_and_code(struct strbuf *sb, const struct map *m, const struct site *s,
				 const struct partner *sorted, size_t n)
{
	const struct source *src = source_of(m, s->file);
	struct window w;
	bool shown = false, code = src && barrier_window(src, s, &w, &shown);
	struct strbuf cap = STRBUF_INIT;

	if (!s->comment_text)
		sb_adds(sb, "No comment.\n\n");
	else if (!shown)
		add_comment_quote(sb, s);
	if (code) {
		if (s->comment_text && shown)
			sb_addf(sb, "Comment, %s, in the code:\n\n", rule_words(s->rule));
		sb_adds(&cap, "the barrier, ");
		add_window_words(&cap, m, s->file->path, &w);
		add_code_block(sb, src, &w, sb_str(&cap));
	}
	add_partner_code(sb, m, sorted, n);
	sb_release(&cap);
}

/*
 * lkmm.c's verdict: ":Ordering: **insufficient**: store buffering (SB)
 * with ...".  Only a pair lkmm.c classified gets the field.
 */
static void add_ordering_field(struct strbuf *sb, const struct site *s)
{
	const struct lkmm_site *ls = s->lkmm;
	char *why;

	if (!ls || !ls->deciding || !ls->deciding->pattern)
		return;
	why = lkmm_site_sentence(ls);
	sb_addf(sb, ":Ordering: **%s**%s: ", lkmm_verdict_name(ls->verdict),
		lkmm_reportable(ls) ? " (reported)" : "");
	rst_add_text(sb, why);
	sb_addc(sb, '\n');
	free(why);
}

static void add_entry(struct strbuf *sb, const struct map *m, const struct entry *e)
{
	const struct site *s = e->site;
	struct strbuf t = STRBUF_INIT;
	struct partner *sorted = sorted_partners(s);

	sb_addf(sb, ".. _%s:\n\n.. rubric:: ", e->label);
	sb_addf(&t, "%s()", s->barrier);
	rst_add_text(sb, sb_str(&t));
	sb_adds(sb, "\n\n");
	sb_addf(sb, s->implicit ? ":Kind: a call whose callee holds the barrier\n" :
		":Kind: %s\n", kind_name(s->kind));
	sb_adds(sb, ":Function: ");
	if (site_function_name(s))
		add_function(sb, site_function_name(s));
	else
		sb_adds(sb, "none (file scope)");
	sb_adds(sb, "\n:Location: ");
	add_location(sb, m, s->file->path, s->at.line);
	sb_addf(sb, "\n:Status: **%s**\n", status_name(s->status));
	add_partners(sb, m, sorted, s->partners.n);
	add_claimed_by(sb, m, e);
	add_claims(sb, s);
	add_ordering_field(sb, s);
	if (s->message && *s->message) {
		sb_adds(sb, ":Finding: ");
		rst_add_text(sb, s->message);
		sb_addc(sb, '\n');
	}
	sb_addc(sb, '\n');
	add_comment_and_code(sb, m, s, sorted, s->partners.n);
	sb_release(&t);
	free(sorted);
}

/* ---- the pairing graphs ------------------------------------------------------ */

static bool has_claim(const struct site *s)
{
	for (size_t r = 0; r < s->pairing.nrefs; r++)
		if (s->pairing.refs[r].function)
			return true;
	return false;
}

/* Does the barrier take part in a pair: it names a partner, is named, or claims one? */
static bool in_a_pair(const struct entry *e)
{
	return e->site->partners.n || e->claimed_by.n || has_claim(e->site);
}

/*
 * The URL of @s's entry, or NULL when it has none.  Always with its page,
 * so that one SVG serves the file's page and the graphs' page (a link to
 * the page it is on only scrolls).
 */
static char *entry_href(const struct map *m, const struct site *s)
{
	const struct entry *e = entry_of(m, s);

	return e ? xasprintf("%s.html#%s", e->page, e->label) : NULL;
}

/* The graph's own barriers first, then the partners by file, in source order. */
static int cmp_dot_site(const void *a, const void *b)
{
	const struct dot_site *x = a, *y = b;
	int c;

	if (x->home != y->home)
		return x->home ? -1 : 1;
	c = strcmp(x->site->file->path, y->site->file->path);
	if (c)
		return c;
	return (x->site > y->site) - (x->site < y->site);
}

struct dot_sites {
	VEC(struct dot_site) v;
};

static void push_partner_site(struct dot_sites *d, const struct file_facts *home,
			      const struct site *s)
{
	if (s && s->file != home)
		vec_push(&d->v, ((struct dot_site){ s, NULL, false }));
}

/* The DOT of the barriers of entries [first, last) (one file) and their partners. */
static char *file_graph_dot(const struct map *m, size_t first, size_t last)
{
	const struct file_facts *f = m->entries.v[first].site->file;
	struct dot_sites d = { { 0 } };
	struct strbuf id = STRBUF_INIT, title = STRBUF_INIT;
	size_t home, n = 0;
	char *dot;

	for (size_t i = first; i < last; i++)
		if (in_a_pair(&m->entries.v[i]))
			vec_push(&d.v, ((struct dot_site){ m->entries.v[i].site, NULL, true }));
	home = d.v.n;
	for (size_t i = 0; i < home; i++) {
		const struct site *s = d.v.v[i].site;
		const struct entry *e = entry_of(m, s);

		for (size_t k = 0; k < s->partners.n; k++)
			push_partner_site(&d, f, s->partners.v[k].site);
		for (size_t k = 0; k < e->claimed_by.n; k++)
			push_partner_site(&d, f, e->claimed_by.v[k]);
	}
	if (!home) {
		free(d.v.v);
		return NULL;
	}
	xqsort(d.v.v, d.v.n, sizeof(*d.v.v), cmp_dot_site);
	for (size_t i = 0; i < d.v.n; i++)	/* each partner once */
		if (!n || d.v.v[i].site != d.v.v[n - 1].site)
			d.v.v[n++] = d.v.v[i];
	for (size_t i = 0; i < n; i++)
		d.v.v[i].href = entry_href(m, d.v.v[i].site);
	sb_addf(&id, LABEL_PREFIX "graph-%zu", first);
	sb_addf(&title, "Barrier pairs of %s", f->path);
	dot = dot_pairing_graph(sb_str(&id), sb_str(&title), d.v.v, n);
	if (!dot)
		dot = xstrdup("");	/* too large: said by add_graph() */
	for (size_t i = 0; i < n; i++)
		free((char *)d.v.v[i].href);
	free(d.v.v);
	sb_release(&id);
	sb_release(&title);
	return dot;
}

/*
 * A graph as inline SVG: a raw HTML block, which both the plain Sphinx
 * site and the kernel's build pass through as it is (the kernel's kfigure
 * would make an <img> of it, where links are dead).  Without dot, the DOT
 * itself, as text.
 */
static void add_graph(struct strbuf *sb, const struct map *m, const char *dot)
{
	char *svg;

	if (!*dot) {
		sb_addf(sb, "*Not drawn: this graph would pass the %d lines of DOT that "
			"barriermap gives Graphviz (whose layout time grows faster than "
			"the graph).  The entries list the pairs.*\n\n", DOT_MAX_LINES);
		return;
	}
	svg = m->o->render_svg ? m->o->render_svg(dot, m->o->render_arg) : NULL;
	if (!svg) {
		sb_adds(sb, "*Graphviz's dot was not installed when this page was made, "
			"so the graph is shown as its DOT source (install graphviz and run "
			"barriermap map again to draw it):*\n\n::\n\n");
		rst_add_literal_block(sb, dot, 4);
		sb_addc(sb, '\n');
		return;
	}
	sb_adds(sb, ".. raw:: html\n\n   <div class=\"barriermap-graph\" "
		"style=\"margin: 0.5em 0 1.5em 0\">\n");
	for (const char *l = svg; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);

		rst_add_literal_line(sb, 3, l, n);
		l += n + (nl != NULL);
	}
	sb_adds(sb, "   </div>\n\n");
	free(svg);
}

/*
 * The graph of the file whose entries start at @first, as RST, or "" when
 * none of its barriers pairs.  Made once: the file's page and the graphs'
 * page show the same.
 */
static const char *file_graph(struct map *m, size_t first, size_t last)
{
	char *dot;
	struct strbuf sb = STRBUF_INIT;

	if (m->graphs[first])
		return m->graphs[first];
	dot = file_graph_dot(m, first, last);
	if (dot)
		add_graph(&sb, m, dot);
	free(dot);
	m->graphs[first] = sb.len ? sb_detach(&sb) : xstrdup("");
	return m->graphs[first];
}

/* Entries [first, last) are one file's: its graph, when a barrier of it pairs. */
static void add_file_graph(struct strbuf *sb, struct map *m, size_t first, size_t last)
{
	const char *graph = file_graph(m, first, last);

	if (*graph) {
		sb_adds(sb, "How the barriers of this file pair; each box links to its "
			"entry, and the colours are explained in the :ref:`legend <"
			LABEL_PREFIX "graph-legend>`.\n\n");
		sb_adds(sb, graph);
	}
}

/* The end of the entries of the file of entry @first. */
static size_t file_end(const struct map *m, size_t first)
{
	size_t last = first;

	while (last < m->entries.n && m->entries.v[last].site->file ==
	       m->entries.v[first].site->file)
		last++;
	return last;
}

static void add_legend(struct strbuf *sb)
{
	struct table t = { 3, { 0 } };

	table_add(&t, xstrdup("Colour"));
	table_add(&t, xstrdup("Status"));
	table_add(&t, xstrdup("Meaning"));
	for (int st = 0; st < STATUS__COUNT; st++) {
		table_add(&t, xstrdup(status_info((enum status)st)->colour_name));
		table_add(&t, xasprintf("%s", status_name((enum status)st)));
		table_add(&t, xstrdup(status_info((enum status)st)->meaning));
	}
	sb_addf(sb, ".. _" LABEL_PREFIX "graph-legend:\n\n%s\n\n", dot_legend_text);
	table_emit(sb, &t);
}

/* ---- pages ---------------------------------------------------------------------- */

/*
 * Sphinx reads a page as UTF-8 and stops at the first byte that is not;
 * file names are bytes, and the tree's text reaches the page in many
 * ways, so the whole page is made UTF-8 here, a bad byte becoming U+FFFD.
 */
static void add_page(struct rst_pages *out, const char *name, struct strbuf *sb)
{
	struct named_text pg = { xasprintf("%s.rst", name), utf8_sanitize(sb->buf, sb->len) };

	sb_release(sb);
	vec_push(&out->pages, pg);
}

static char *page_title(const struct map *m, const char *page)
{
	for (size_t i = 0; m->o->by_subsystem && i < m->entries.n; i++) {
		if (!strcmp(m->entries.v[i].page, page)) {
			char *sub = rst_subsystem(m->entries.v[i].site->file->path);
			char *title = xasprintf("Barriers in %s", sub);

			free(sub);
			return title;
		}
	}
	if (!strcmp(page, "generic"))
		return xstrdup("Generic KVM barriers");
	return xasprintf("%s KVM barriers", page);
}

/* The folders a page covers: "virt/kvm", "arch/x86/kvm", "include/linux"... */
static void add_scope(struct strbuf *sb, const struct map *m, const char *page)
{
	VEC(char *) dirs = { 0 };

	for (size_t i = 0; i < m->entries.n; i++) {
		const struct entry *e = &m->entries.v[i];
		const char *path = e->site->file->path, *slash = strrchr(path, '/');
		char *dir = xstrndup(path, slash ? (size_t)(slash - path) : 0);

		if (strcmp(e->page, page) || (dirs.n && !strcmp(dir, dirs.v[dirs.n - 1]))) {
			free(dir);
			continue;
		}
		vec_push(&dirs, dir);
	}
	if (dirs.n)
		xqsort(dirs.v, dirs.n, sizeof(*dirs.v), str_cmp_ptr);
	sb_adds(sb, ":Scope: ");
	for (size_t i = 0; i < dirs.n; i++) {
		if (!i || strcmp(dirs.v[i], dirs.v[i - 1])) {
			if (i)
				sb_adds(sb, ", ");
			rst_add_code(sb, *dirs.v[i] ? dirs.v[i] : ".");
		}
	}
	for (size_t i = 0; i < dirs.n; i++)
		free(dirs.v[i]);
	sb_addc(sb, '\n');
	free(dirs.v);
}

static void add_function_section(struct strbuf *sb, const struct site *s)
{
	struct strbuf t = STRBUF_INIT;

	if (site_function_name(s)) {
		sb_addf(&t, "%s()", site_function_name(s));
		add_escaped_section(sb, '~', 0, sb_str(&t));
	} else {
		add_section(sb, '~', "Outside any function");
	}
	sb_release(&t);
}

static void emit_arch_page(struct map *m, const char *page, struct rst_pages *out)
{
	struct strbuf sb = STRBUF_INIT;
	char *title = page_title(m, page);
	struct tally t;
	unsigned section = 0;

	add_header(&sb, title);
	tally_page(m, page, &t);
	add_scope(&sb, m, page);
	sb_adds(&sb, ":Barriers: ");
	add_tally_words(&sb, &t);
	sb_adds(&sb, "\n:Graphs: one per file, and all of them in :doc:`graph`\n\n");
	sb_adds(&sb, "Every barrier of these files, by file and function: its kind, "
		"the comment that says what it pairs with, the code around it and "
		"around its partners, and the partners barriermap found, each "
		"linked to its own entry.  Each file starts with the graph of its "
		"pairs.\n\n"
		".. contents::\n   :local:\n   :depth: 2\n\n");
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct entry *e = &m->entries.v[i];
		const struct entry *prev = i ? &m->entries.v[i - 1] : NULL;

		if (strcmp(e->page, page))
			continue;
		if (!prev || prev->site->file != e->site->file || strcmp(prev->page, page)) {
			add_escaped_section(&sb, '-', ++section, e->site->file->path);
			add_file_graph(&sb, m, i, file_end(m, i));
		}
		if (!prev || prev->site->file != e->site->file ||
		    prev->site->function != e->site->function || strcmp(prev->page, page))
			add_function_section(&sb, e->site);
		add_entry(&sb, m, e);
	}
	free(title);
	add_page(out, page, &sb);
}

static int cmp_severity(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;

	if (x->site->status != y->site->status)
		return x->site->status < y->site->status ? -1 : 1;
	return (x > y) - (x < y);	/* entries are in source order */
}

#define WORST_SHOWN 25

static void add_worst(struct strbuf *sb, const struct map *m)
{
	VEC(const struct entry *) worst = { 0 };

	for (size_t i = 0; i < m->entries.n; i++) {
		enum status st = m->entries.v[i].site->status;

		if (st == STATUS_DANGLING || st == STATUS_MISMATCH || st == STATUS_VAGUE)
			vec_push(&worst, &m->entries.v[i]);
	}
	if (!worst.n) {
		sb_adds(sb, "No barrier names a partner that is missing or cannot pair.\n\n");
		return;
	}
	xqsort(worst.v, worst.n, sizeof(*worst.v), cmp_severity);
	for (size_t i = 0; i < worst.n && i < WORST_SHOWN; i++) {
		const struct site *s = worst.v[i]->site;

		sb_addf(sb, "- **%s**: ", status_name(s->status));
		add_site_ref(sb, m, s);
		if (s->message && *s->message) {
			sb_adds(sb, "\n\n  ");
			rst_add_text(sb, s->message);
		}
		sb_adds(sb, "\n\n");
	}
	if (worst.n > WORST_SHOWN)
		sb_addf(sb, "%zu more in the :doc:`worklist`.\n\n", worst.n - WORST_SHOWN);
	free(worst.v);
}

static void add_status_table(struct strbuf *sb, const struct tally *t)
{
	struct table tb = { 3, { 0 } };

	table_add(&tb, xstrdup("Status"));
	table_add(&tb, xstrdup("Barriers"));
	table_add(&tb, xstrdup("Meaning"));
	for (int st = 0; st < STATUS__COUNT; st++) {
		table_add(&tb, xstrdup(status_name((enum status)st)));
		table_add(&tb, xasprintf("%u", t->n[st]));
		table_add(&tb, xstrdup(status_info((enum status)st)->meaning));
	}
	table_add(&tb, xstrdup("total"));
	table_add(&tb, xasprintf("%u", t->total));
	table_add(&tb, xstrdup("all barriers in scope"));
	table_emit(sb, &tb);
}

/* Barriers of @page whose pair is too weak for its pattern (lkmm.c). */
static unsigned count_insufficient(const struct map *m, const char *page)
{
	unsigned n = 0;

	for (size_t i = 0; i < m->entries.n; i++)
		n += !strcmp(m->entries.v[i].page, page) &&
		     lkmm_reportable(m->entries.v[i].site->lkmm);
	return n;
}

static void add_page_table(struct strbuf *sb, const struct map *m)
{
	struct table tb = { STATUS__COUNT + 3, { 0 } };
	struct tally t;

	table_add(&tb, xstrdup("Page"));
	for (int st = 0; st < STATUS__COUNT; st++)
		table_add(&tb, xstrdup(status_name((enum status)st)));
	table_add(&tb, xstrdup("insufficient"));
	table_add(&tb, xstrdup("total"));
	for (size_t i = 0; i < m->pages.n; i++) {
		tally_page(m, m->pages.v[i], &t);
		table_add(&tb, xasprintf(":doc:`%s`", m->pages.v[i]));
		for (int st = 0; st < STATUS__COUNT; st++)
			table_add(&tb, xasprintf("%u", t.n[st]));
		table_add(&tb, xasprintf("%u", count_insufficient(m, m->pages.v[i])));
		table_add(&tb, xasprintf("%u", t.total));
	}
	table_emit(sb, &tb);
}

/* What the Ordering fields and the insufficient column mean. */
static void add_ordering_legend(struct strbuf *sb)
{
	static const enum lkmm_pattern shown[] = {
		PATTERN_MP, PATTERN_SB, PATTERN_LB, PATTERN_R, PATTERN_S, PATTERN_2P2W,
	};
	static const char *const shapes[] = {
		"W x; W y || R y; R x", "W x; R y || W y; R x", "R x; W y || R y; W x",
		"W x; W y || W y; R x", "W x; W y || R y; W x", "W x; W y || W y; W x",
	};
	struct table tb = { 3, { 0 } };

	sb_adds(sb, "Each pair of barriers orders accesses to two shared objects on "
		"two CPUs; the accesses form one of the litmus-test patterns of "
		"``tools/memory-model/``.  An entry's *Ordering* field says whether "
		"the two barrier kinds forbid the pattern's unwanted outcome under "
		"the kernel's memory model: **sufficient**, **insufficient**, or "
		"**unknown**, and how sure that is (the objects are read from the "
		"code's tokens).  The *insufficient* column counts the barriers "
		"reported as too weak, with a certainty of medium or high.\n\n");
	table_add(&tb, xstrdup("Pattern"));
	table_add(&tb, xstrdup("Accesses (P0 || P1)"));
	table_add(&tb, xstrdup("Barriers that forbid the outcome"));
	for (size_t i = 0; i < sizeof(shown) / sizeof(*shown); i++) {
		table_add(&tb, xasprintf("%s (%s)", lkmm_pattern_name(shown[i]),
					 lkmm_pattern_words(shown[i])));
		table_add(&tb, xstrdup(shapes[i]));
		table_add(&tb, xstrdup(shown[i] == PATTERN_MP ? "write (or release, or full) and read (or acquire, or full)" :
				       shown[i] == PATTERN_LB ? "release, acquire or full on each side" :
				       shown[i] == PATTERN_S ? "write (or release, or full), then release, acquire or full" :
				       "full barriers on both sides"));
	}
	table_emit(sb, &tb);
}

static void emit_index(struct map *m, struct rst_pages *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct tally t;

	tally_page(m, NULL, &t);
	add_header(&sb, m->o->by_subsystem ? "Memory barrier map" : "KVM memory barrier map");
	sb_adds(&sb, ":Generated by: barriermap\n");
	if (m->o->kernel_version) {
		sb_adds(&sb, ":Kernel: ");
		rst_add_text(&sb, m->o->kernel_version);
		sb_addc(&sb, '\n');
	}
	sb_adds(&sb, ":Barriers: ");
	add_tally_words(&sb, &t);
	sb_adds(&sb, "\n\n");
	sb_adds(&sb, m->o->by_subsystem ? "Every memory barrier of the scanned folders, a page per "
		"subsystem folder, " : "Every memory barrier in ``virt/kvm``, ``arch/*/kvm`` and the KVM "
		"headers, ");
	sb_adds(&sb, "the comment that says what it pairs with, and whether "
		"that partner exists and says so in return.  Each page lists the "
		"barriers of its files by function, with links from every barrier "
		"to its partners; the :doc:`worklist` collects the barriers whose "
		"comment is missing or wrong.\n\n"
		".. toctree::\n   :maxdepth: 1\n\n");
	for (size_t i = 0; i < m->pages.n; i++)
		sb_addf(&sb, "   %s\n", m->pages.v[i]);
	sb_adds(&sb, "   worklist\n   graph\n\n");
	add_section(&sb, '-', "1. Barriers by status");
	add_status_table(&sb, &t);
	add_section(&sb, '-', "2. Barriers by page");
	add_page_table(&sb, m);
	add_ordering_legend(&sb);
	add_section(&sb, '-', "3. Worst findings");
	add_worst(&sb, m);
	add_page(out, "index", &sb);
}

/* The partner infer.c proposes, linked to its entry when it has one. */
static void add_likely_partner(struct strbuf *sb, const struct map *m, const struct site *s)
{
	const struct candidate *c = s->likely;
	const struct entry *e;
	const char *label;

	if (s->named_by || !infer_likely_worth_mentioning(s))
		return;
	e = entry_of(m, c->site);
	label = e ? e->label : NULL;
	sb_adds(sb, "; likely partner: ");
	if (label) {
		sb_adds(sb, ":ref:`");
		add_barrier_title(sb, c->site);
		sb_addf(sb, " <%s>`", label);
	} else {
		add_barrier_title(sb, c->site);
	}
	sb_adds(sb, " (shares ");
	for (size_t k = 0; k < c->shared.n && k < 3; k++) {
		if (k)
			sb_adds(sb, ", ");
		rst_add_code(sb, c->shared.v[k]);
	}
	sb_addf(sb, "; confidence %.2f)", c->confidence);
}

static void add_worklist_table(struct strbuf *sb, const struct map *m, enum status st)
{
	unsigned n = 0;

	for (size_t i = 0; i < m->entries.n; i++)
		n += m->entries.v[i].site->status == st;
	if (!n) {
		sb_adds(sb, "None.\n\n");
		return;
	}
	sb_addf(sb, "%u %s: %s.\n\n", n, n == 1 ? "barrier" : "barriers", status_info(st)->meaning);
	sb_adds(sb, ".. list-table::\n   :header-rows: 1\n   :widths: 35 25 40\n\n"
		"   * - Barrier\n     - Location\n     - Finding\n");
	for (size_t i = 0; i < m->entries.n; i++) {
		const struct site *s = m->entries.v[i].site;

		if (s->status != st)
			continue;
		sb_addf(sb, "   * - :ref:`");
		add_barrier_title(sb, s);
		sb_addf(sb, " <%s>`\n     - ", m->entries.v[i].label);
		add_location(sb, m, s->file->path, s->at.line);
		sb_adds(sb, "\n     - ");
		rst_add_text(sb, s->message && *s->message ? s->message : status_name(st));
		if (st == STATUS_UNDOCUMENTED)
			add_likely_partner(sb, m, s);
		sb_addc(sb, '\n');
	}
	sb_addc(sb, '\n');
}

static void emit_worklist(struct map *m, struct rst_pages *out)
{
	static const enum status order[] = {
		STATUS_DANGLING, STATUS_MISMATCH, STATUS_VAGUE, STATUS_UNDOCUMENTED,
	};
	struct strbuf sb = STRBUF_INIT;

	add_header(&sb, m->o->by_subsystem ? "Barrier worklist" : "KVM barrier worklist");
	sb_adds(&sb, "Barriers whose pairing comment is wrong or missing, worst "
		"first.  A dangling or mismatched comment names a partner that "
		"is not there; an undocumented barrier needs a comment saying "
		"which barrier it pairs with (``barriermap suggest`` proposes "
		"one).\n\n");
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		char *title = xasprintf("%zu. %c%s", i + 1,
					toupper((unsigned char)status_name(order[i])[0]),
					status_name(order[i]) + 1);

		add_section(&sb, '-', title);
		add_worklist_table(&sb, m, order[i]);
		free(title);
	}
	add_page(out, "worklist", &sb);
}

static void emit_graph_page(struct map *m, struct rst_pages *out)
{
	struct strbuf sb = STRBUF_INIT;

	add_header(&sb, m->o->by_subsystem ? "Barrier pairing graphs" : "KVM barrier pairing graphs");
	sb_adds(&sb, "The pairing graph of each file whose barriers name a partner or "
		"are named by one: the file's barriers and their partners elsewhere.  "
		"Barriers that pair with nothing are left out; they are in the "
		":doc:`worklist`.  Each architecture's page shows the same graphs "
		"at the top of each file.\n\n");
	add_legend(&sb);
	for (size_t p = 0, section = 0; p < m->pages.n; p++) {
		const char *page = m->pages.v[p];
		bool any = false;

		for (size_t i = 0; i < m->entries.n; i = file_end(m, i)) {
			const char *graph;

			if (strcmp(m->entries.v[i].page, page))
				continue;
			graph = file_graph(m, i, file_end(m, i));
			if (!*graph)
				continue;
			if (!any) {
				char *t = xasprintf("%zu. %s", ++section, page);

				add_section(&sb, '-', t);
				sb_addf(&sb, "The graphs of :doc:`%s`.\n\n", page);
				free(t);
				any = true;
			}
			add_escaped_section(&sb, '~', 0, m->entries.v[i].site->file->path);
			sb_adds(&sb, graph);
		}
	}
	add_page(out, "graph", &sb);
}

static int cmp_page_name(const void *a, const void *b)
{
	return strcmp(((const struct named_text *)a)->name, ((const struct named_text *)b)->name);
}

void rst_emit_map(const struct program *p, const struct rst_options *o,
		  struct rst_pages *out)
{
	struct map m = { p, o, { 0 }, { 0 }, { 0 }, { 0 }, NULL };

	map_build(&m);
	emit_index(&m, out);
	for (size_t i = 0; i < m.pages.n; i++)
		emit_arch_page(&m, m.pages.v[i], out);
	emit_worklist(&m, out);
	emit_graph_page(&m, out);
	xqsort(out->pages.v, out->pages.n, sizeof(*out->pages.v), cmp_page_name);
	map_release(&m);
}

