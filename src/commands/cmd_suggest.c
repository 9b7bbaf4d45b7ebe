// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap suggest: propose "Pairs with" comments for undocumented
 * barriers as patches the user reviews and applies with git am (never
 * applied here), one per maintainer area (emit_series.c); with --fix, the
 * same for the comments whose repair is clear (a misspelled barrier, a
 * renamed or moved partner, a stale claim whose real barrier is known);
 * with --redundant, a hedged list of barriers that seem to order nothing
 * anyone else touches.
 */
#include "claims.h"
#include "commands.h"
#include "emit_lint.h"
#include "emit_series.h"
#include "infer.h"
#include "maintainers.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const suggest_usage[] = {
	"barriermap suggest [options] [PATH...]",
	"barriermap suggest --fix [options] [PATH...]",
	"barriermap suggest --redundant [options] [PATH...]",
	"barriermap suggest --areas [options] PATH...",
	"",
	"Writes patches adding a pairing comment above each undocumented barrier",
	"that carries no comment and whose likely partner has a confidence of at",
	"least --min-confidence: one patch per maintainer area of the tree's",
	"MAINTAINERS, as git format-patch writes them, to stdout as one mbox or",
	"into DIR as 0001-*.patch...  Review them, then apply them with git am -s.",
	NULL,
};

#define CONTEXT 3

struct suggest_opts {
	double min_confidence;
	const char *output;	/* a folder, or NULL for stdout */
	bool redundant;
	bool recall;
	bool fix;
	bool areas;
};

/*
 * One change to a file: @remove lines from @line (1-based) replaced by
 * @lines; @remove 0 inserts them above @line.
 */
struct insertion {
	unsigned line;
	unsigned remove;
	VEC(char *) lines;	/* without newlines */
};

VEC_TYPE(insertion_list, struct insertion);

/* ---- the comment -------------------------------------------------------- */

static unsigned display_width(const char *s)
{
	unsigned w = 0;

	for (; *s; s++)
		w = *s == '\t' ? (w / 8 + 1) * 8 : w + 1;
	return w;
}

static void join_objects(struct strbuf *sb, const struct candidate *c)
{
	size_t n = c->shared.n < 3 ? c->shared.n : 3;

	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
			c->shared.v[i]);
}

static char *comment_sentence(const struct candidate *c)
{
	struct strbuf sb = STRBUF_INIT;
	const char *fn = site_function_name(c->site);

	sb_addf(&sb, "Pairs with %s()", c->site->barrier);
	if (fn)
		sb_addf(&sb, " in %s()", fn);
	sb_adds(&sb, ": orders ");
	join_objects(&sb, c);
	sb_addc(&sb, '.');
	return sb_detach(&sb);
}

/*
 * Kernel style: one line if it fits in 80 columns, else the block form
 * with " * " continuation lines, wrapped at word boundaries.
 */
static void format_comment(struct insertion *ins, const char *indent, const char *text)
{
	char *one = xasprintf("%s/* %s */", indent, text);
	struct strbuf line = STRBUF_INIT;
	char *words, *save = NULL;

	if (display_width(one) <= 80) {
		vec_push(&ins->lines, one);
		return;
	}
	free(one);
	vec_push(&ins->lines, xasprintf("%s/*", indent));
	words = xstrdup(text);
	for (char *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *next = xasprintf("%s %s", sb_str(&line), w);

		if (line.len && display_width(next) > 80) {
			vec_push(&ins->lines, sb_detach(&line));
		}
		free(next);
		if (!line.len)
			sb_addf(&line, "%s *", indent);
		sb_addf(&line, " %s", w);
	}
	if (line.len)
		vec_push(&ins->lines, sb_detach(&line));
	vec_push(&ins->lines, xasprintf("%s */", indent));
	free(words);
}

/* ---- the file's lines --------------------------------------------------- */

struct lines {
	char *buf;
	VEC(const char *) start;	/* start of each line */
	VEC(size_t) len;		/* without the newline */
	bool last_has_newline;
};

static void lines_read(struct lines *l, const char *path)
{
	size_t n;
	char *p;

	l->buf = read_file(path, &n);
	if (!l->buf)
		die_errno("cannot read %s", path);
	l->last_has_newline = n && l->buf[n - 1] == '\n';
	for (p = l->buf; p < l->buf + n;) {
		char *nl = memchr(p, '\n', l->buf + n - p);
		size_t len = nl ? (size_t)(nl - p) : (size_t)(l->buf + n - p);

		vec_push(&l->start, p);
		vec_push(&l->len, len);
		p += len + 1;
	}
}

static void lines_free(struct lines *l)
{
	free(l->buf);
	free(l->start.v);
	free(l->len.v);
}

static bool ends_with_backslash(const struct lines *l, unsigned line)
{
	size_t len;

	if (line < 1 || line > l->start.n)
		return false;
	len = l->len.v[line - 1];
	while (len && (l->start.v[line - 1][len - 1] == ' ' ||
		       l->start.v[line - 1][len - 1] == '\t'))
		len--;
	return len && l->start.v[line - 1][len - 1] == '\\';
}

/*
 * A comment already ends on the line above: a second block under it would
 * read badly, and merging sentences into the author's prose is for the
 * author.  `lint` still names the likely partner there.
 */
static bool comment_above(const struct lines *l, unsigned line)
{
	const char *p;
	size_t len, i = 0;

	if (line < 2)
		return false;
	p = l->start.v[line - 2];
	len = l->len.v[line - 2];
	while (i < len && (p[i] == ' ' || p[i] == '\t'))
		i++;
	while (len > i && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	return (len - i >= 2 && !memcmp(p + i, "//", 2)) ||
	       (len - i >= 2 && !memcmp(p + len - 2, "*/", 2));
}

/*
 * The indentation of the barrier's statement, or NULL when a comment
 * cannot go on the line above it: the statement does not start its line
 * ("if (x) smp_mb();") or sits in a multi-line macro.
 */
static char *statement_indent(const struct lines *l, const struct site *s)
{
	struct pos at = s->stmt.line ? s->stmt : s->at;
	const char *line;
	size_t i = 0;

	if (at.line < 1 || at.line > l->start.n)
		return NULL;
	line = l->start.v[at.line - 1];
	while (i < l->len.v[at.line - 1] && (line[i] == ' ' || line[i] == '\t'))
		i++;
	/* "out:\n\tsmp_wmb();" makes the label the statement: skip it */
	if (i < l->len.v[at.line - 1] && line[i] != '}' &&
	    memchr(line + i, ':', l->len.v[at.line - 1] - i) &&
	    !memchr(line + i, '(', l->len.v[at.line - 1] - i))
		return NULL;
	if (i + 1 != at.col || ends_with_backslash(l, at.line) ||
	    ends_with_backslash(l, at.line - 1) || comment_above(l, at.line))
		return NULL;
	return xstrndup(line, i);
}

/* ---- the unified diff --------------------------------------------------- */

static void emit_line(struct strbuf *out, const struct lines *l, unsigned line, char mark)
{
	sb_addc(out, mark);
	sb_add(out, l->start.v[line - 1], l->len.v[line - 1]);
	sb_addc(out, '\n');
	if (line == l->start.n && !l->last_has_newline)
		sb_adds(out, "\\ No newline at end of file\n");
}

/* The last line an edit touches; the line above it for an insertion. */
static unsigned edit_end(const struct insertion *e)
{
	return e->remove ? e->line + e->remove - 1 : e->line - 1;
}

/* Emit hunks for edits [first, last], which overlap in context. */
static void emit_hunk(struct strbuf *out, const struct lines *l, const struct insertion *ins,
		      size_t first, size_t last, long *shift)
{
	unsigned from = ins[first].line > CONTEXT ? ins[first].line - CONTEXT : 1;
	unsigned to = edit_end(&ins[last]) + CONTEXT;
	size_t added = 0, removed = 0, k = first;

	if (to > l->start.n)
		to = (unsigned)l->start.n;
	for (size_t i = first; i <= last; i++) {
		added += ins[i].lines.n;
		removed += ins[i].remove;
	}
	sb_addf(out, "@@ -%u,%u +%ld,%zu @@\n", from, to - from + 1,
		(long)from + *shift, to - from + 1 + added - removed);
	for (unsigned line = from; line <= to; line++) {
		unsigned skip = 0;

		for (; k <= last && ins[k].line == line; k++) {
			for (unsigned r = 0; r < ins[k].remove; r++)
				emit_line(out, l, line + r, '-');
			skip += ins[k].remove;
			for (size_t j = 0; j < ins[k].lines.n; j++)
				sb_addf(out, "+%s\n", ins[k].lines.v[j]);
		}
		if (skip) {
			line += skip - 1;
			continue;
		}
		emit_line(out, l, line, ' ');
	}
	*shift += (long)added - (long)removed;
}

static void emit_file_diff(struct strbuf *out, const char *path, const struct lines *l,
			   const struct insertion *ins, size_t n)
{
	long shift = 0;

	sb_adds(out, "diff --git ");
	series_add_path(out, "a/", path);
	sb_addc(out, ' ');
	series_add_path(out, "b/", path);
	sb_adds(out, "\n--- ");
	series_add_path(out, "a/", path);
	sb_adds(out, "\n+++ ");
	series_add_path(out, "b/", path);
	sb_addc(out, '\n');
	for (size_t first = 0, last; first < n; first = last + 1) {
		last = first;
		while (last + 1 < n && ins[last + 1].line <= edit_end(&ins[last]) + 2 * CONTEXT + 1)
			last++;
		emit_hunk(out, l, ins, first, last, &shift);
	}
}

/* ---- choosing the barriers ---------------------------------------------- */

/*
 * Does a comment share the barrier's line, before or after it?  The
 * barrier already says something, and a second comment above it would
 * read badly: that is for the author to merge.
 */
static bool comment_on_line(const struct lines *l, unsigned line)
{
	const char *p;
	size_t len;

	if (line < 1 || line > l->start.n)
		return false;
	p = l->start.v[line - 1];
	len = l->len.v[line - 1];
	for (size_t i = 0; i + 1 < len; i++)
		if (p[i] == '/' && (p[i + 1] == '*' || p[i + 1] == '/'))
			return true;
	return false;
}

static bool wants_comment(const struct site *s, const struct lines *l)
{
	const struct barrier_def *b = barrier_lookup(s->barrier);

	return !s->implicit && b && b->kind != KIND_COMPILER &&
	       s->status == STATUS_UNDOCUMENTED && s->function >= 0 &&
	       s->comment < 0 && !comment_on_line(l, s->at.line) &&
	       !(s->stmt.line && comment_on_line(l, s->stmt.line));
}

/* Add @name to @v unless it is there. */
static void add_once(struct strvec *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], name))
			return;
	vec_push(v, xstrdup(name));
}

/* "smp_wmb() in f() pairs with smp_rmb() in g(): both order a and b." */
static char *pairing_note(const struct site *s, const struct candidate *c)
{
	struct strbuf sb = STRBUF_INIT;
	const char *fn = site_function_name(c->site);

	sb_addf(&sb, "%s() in %s() pairs with %s()", s->barrier, site_function_name(s),
		c->site->barrier);
	if (fn)
		sb_addf(&sb, " in %s()", fn);
	sb_adds(&sb, ": both order ");
	join_objects(&sb, c);
	sb_addc(&sb, '.');
	return sb_detach(&sb);
}

static size_t file_insertions(const struct program *p, const struct file_facts *f,
			      const struct lines *l, double min_conf,
			      struct insertion_list *out, struct series_file *sf)
{
	size_t before = out->n;

	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *s = &f->sites.v[i];
		const struct candidate *c = s->likely;
		struct insertion ins = { 0 };
		char *indent, *text;

		if (!wants_comment(s, l) || !c || c->confidence < min_conf || !c->shared.n ||
		    !(indent = statement_indent(l, s)))
			continue;
		ins.line = s->stmt.line ? s->stmt.line : s->at.line;
		/* two barriers in one statement get one comment */
		if (out->n > before && vec_last(out)->line == ins.line) {
			free(indent);
			continue;
		}
		text = comment_sentence(c);
		format_comment(&ins, indent, text);
		vec_push(out, ins);
		vec_push(&sf->notes, pairing_note(s, c));
		add_once(&sf->functions, site_function_name(s));
		free(text);
		free(indent);
	}
	return out->n - before;
}

/* ---- the patches ------------------------------------------------------- */

VEC_TYPE(series_files, struct series_file);

/* @sf, with the diff of the edits to @path, as the next file of @out. */
static void push_series_file(struct series_files *out, struct series_file *sf, const char *path,
			     const struct lines *l, const struct insertion *ins, size_t n)
{
	struct strbuf diff = STRBUF_INIT;

	emit_file_diff(&diff, path, l, ins, n);
	sf->path = xstrdup(path);
	sf->diff = sb_detach(&diff);
	for (size_t i = 0; i < n; i++) {
		sf->added += ins[i].lines.n;
		sf->removed += ins[i].remove;
	}
	vec_push(out, *sf);
}

static void release_series_file(struct series_file *sf)
{
	for (size_t i = 0; i < sf->notes.n; i++)
		free(sf->notes.v[i]);
	free(sf->notes.v);
	for (size_t i = 0; i < sf->functions.n; i++)
		free(sf->functions.v[i]);
	free(sf->functions.v);
}

static void release_insertions(struct insertion_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		for (size_t j = 0; j < list->v[i].lines.n; j++)
			free(list->v[i].lines.v[j]);
		free(list->v[i].lines.v);
	}
	free(list->v);
}

/* The patches of @files, one per maintainer area of the tree. */
static void build_series(const struct program *p, const struct series_kind *kind,
			 struct series_files *files, struct series *out)
{
	struct maintainers *m = maintainers_read(p->kernel);
	char *author = files->n ? series_author() : NULL;

	series_build(out, m, kind, files->v, files->n, author);
	free(files->v);
	free(author);
	maintainers_free(m);
}

static void suggest_comments(const struct program *p, const struct suggest_opts *so,
			     struct series *out)
{
	struct series_files files = { 0 };
	char *note = xasprintf("barriermap suggest inferred each partner from the objects both "
			       "barriers order (confidence at least %.2f); it did not prove the "
			       "pairing.  Check each comment against the code before sending, "
			       "and sign off with git\1am\1-s.", so->min_confidence);
	const struct series_kind kind = {
		"Document", "barrier pairing",
		"Add a comment to each of these memory barriers that names the barrier it "
		"pairs with, as Documentation/memory-barriers.txt asks of every SMP barrier "
		"(\"SMP BARRIER PAIRING\"), so that a reader of either side finds the other:",
		note,
	};

	for (size_t f = 0; f < p->files.n; f++) {
		const struct file_facts *ff = p->files.v[f];
		struct insertion_list list = { 0 };
		struct series_file sf = { 0 };
		struct lines l = { 0 };
		char *abs;

		if (!ff->in_scope || ff->skipped || !ff->sites.n)
			continue;
		abs = xasprintf("%s/%s", p->kernel, ff->path);
		lines_read(&l, abs);
		if (file_insertions(p, ff, &l, so->min_confidence, &list, &sf))
			push_series_file(&files, &sf, ff->path, &l, list.v, list.n);
		else
			release_series_file(&sf);
		release_insertions(&list);
		lines_free(&l);
		free(abs);
	}
	build_series(p, &kind, &files, out);
	free(note);
}

/* ---- --fix: comment repairs -------------------------------------------- */

/* Replace the whole word @from by @to in the lines @first..@last of a file. */
struct repair {
	const struct file_facts *file;
	unsigned first, last;
	char *from, *to;
	char *why;
};

VEC_TYPE(repair_list, struct repair);

static void add_repair(struct repair_list *list, const struct file_facts *f, unsigned first,
		       unsigned last, const char *from, const char *to, char *why)
{
	for (size_t i = 0; i < list->n; i++) {
		const struct repair *r = &list->v[i];

		if (r->file == f && r->first == first && !strcmp(r->from, from) &&
		    !strcmp(r->to, to)) {
			free(why);
			return;
		}
	}
	vec_push(list, ((struct repair){ f, first, last, xstrdup(from), xstrdup(to), why }));
}

/*
 * How the comment wrote @name: the name itself, or the shorthand that
 * stands for it ("f_<page|range_end>"), which the caller frees.  NULL
 * when neither is there.
 */
static char *written_as(const char *text, const char *name)
{
	if (find_word(text, text, name))
		return xstrdup(name);
	for (const char *p = text; *p; p++) {
		const char *e = p;
		struct strvec names = { 0 };
		char *word;
		bool hit = false;

		if (!is_ident_char(*p) || (p > text && is_ident_char(p[-1])))
			continue;
		while (is_ident_char(*e) || *e == '<' || *e == '|' || *e == '>' || *e == '/')
			e++;
		word = xstrndup(p, (size_t)(e - p));
		if (strpbrk(word, "</"))
			grammar_expand_names(word, &names);
		for (size_t i = 0; i < names.n; i++) {
			hit |= !strcmp(names.v[i], name);
			free(names.v[i]);
		}
		free(names.v);
		if (hit)
			return word;
		free(word);
		p = e - 1;
	}
	return NULL;
}

static void site_lines(const struct site *s, unsigned *first, unsigned *last)
{
	*first = s->file->comments.v[s->comment].start.line;
	*last = s->file->comments.v[s->comment_last >= 0 ? s->comment_last : s->comment].end.line;
}

/* A partner renamed or moved: the function "did you mean" is sure of. */
static void repair_partner(struct repair_list *list, const struct program *p,
			   const struct site *s, size_t k, unsigned first, unsigned last)
{
	const struct ref *r = &s->pairing.refs[k];
	const struct ref_result *res = &s->results[k];
	char *why;

	if (res->nfound || !res->candidate_clear || !find_word(s->comment_text, s->comment_text,
								r->function))
		return;
	if (res->function_found)
		why = xasprintf("%s() holds no %s() within %u calls; the %s() that orders the "
				"same objects is in %s()", r->function, r->barrier,
				p->opts->max_depth, r->barrier, res->candidates.v[0]);
	else
		why = xasprintf("there is no %s(); the %s() that orders the same objects is "
				"in %s()", r->function, r->barrier, res->candidates.v[0]);
	add_repair(list, s->file, first, last, r->function, res->candidates.v[0], why);
}

/* "f_<page|range_end>()" where only f_range_end() still exists. */
static void repair_alternation(struct repair_list *list, const struct site *s, size_t k,
			       unsigned first, unsigned last)
{
	const struct ref *r = &s->pairing.refs[k];
	char *word = s->results[k].function_found ? NULL : written_as(s->comment_text, r->function);
	struct strvec names = { 0 };
	const char *alive = NULL;
	size_t nalive = 0;

	if (!word || !strcmp(word, r->function)) {
		free(word);
		return;
	}
	grammar_expand_names(word, &names);
	for (size_t i = 0; i < names.n; i++)
		for (size_t j = 0; j < s->pairing.nrefs; j++)
			if (!strcmp(s->pairing.refs[j].function ? s->pairing.refs[j].function : "",
				    names.v[i]) && s->results[j].function_found) {
				alive = names.v[i];
				nalive++;
				break;
			}
	if (nalive == 1)
		add_repair(list, s->file, first, last, word, alive,
			   xasprintf("%s() does not exist any more; %s() does", r->function, alive));
	for (size_t i = 0; i < names.n; i++)
		free(names.v[i]);
	free(names.v);
	free(word);
}

static void site_repairs(struct repair_list *list, const struct program *p, const struct site *s)
{
	unsigned first, last;

	if (s->comment < 0 || !s->comment_text || s->pairing.kind != PAIRING_REFS)
		return;
	site_lines(s, &first, &last);
	for (size_t k = 0; k < s->pairing.nrefs; k++) {
		const struct ref *r = &s->pairing.refs[k];

		if (r->misspelled)
			add_repair(list, s->file, first, last, r->misspelled, r->barrier,
				   xasprintf("%s is a misspelling of %s()", r->misspelled,
					     r->barrier));
		if (!r->function || !s->results)
			continue;
		repair_partner(list, p, s, k, first, last);
		repair_alternation(list, s, k, first, last);
	}
}

static void claim_repairs(struct repair_list *list, const struct claim *c)
{
	const struct comment *cm = &c->file->comments.v[c->comment];
	const char *written = c->misspelled ? c->misspelled : c->barrier;

	/* the barrier is elsewhere on the path: name the one that is there */
	if (c->verdict == CLAIM_STALE && c->as_strong && c->there.site && c->barrier) {
		add_repair(list, c->file, cm->start.line, cm->end.line, written, c->there.barrier,
			   xasprintf("%s() is not on %s()'s path; %s() in %s(), %u call%s deep, "
				     "is, and is at least as strong", c->barrier, c->subject,
				     c->there.barrier, c->there.function, c->there_depth,
				     c->there_depth == 1 ? "" : "s"));
	} else if (c->misspelled) {
		add_repair(list, c->file, cm->start.line, cm->end.line, c->misspelled, c->barrier,
			   xasprintf("%s is a misspelling of %s()", c->misspelled, c->barrier));
	}
}

/* Apply the file's repairs to its lines; returns the edits (one line each). */
/* "f(): why." (or "path: why." outside functions) for the commit message */
static void add_repair_note(struct series_file *sf, const struct file_facts *f, unsigned line,
			    const char *why)
{
	int fn = file_function_at(f, (struct pos){ line, 1 });

	if (fn >= 0) {
		vec_push(&sf->notes, xasprintf("%s(): %s.", f->functions.v[fn].name, why));
		add_once(&sf->functions, f->functions.v[fn].name);
	} else {
		vec_push(&sf->notes, xasprintf("%s: %s.", f->path, why));
	}
}

static void file_repair_edits(const struct lines *l, const struct repair *r, size_t n,
			      struct insertion_list *edits, struct series_file *sf,
			      const struct file_facts *f)
{
	VEC(char *) text = { 0 };	/* the changed text of each line, or NULL */

	for (size_t i = 0; i < l->start.n; i++)
		vec_push(&text, NULL);
	for (size_t i = 0; i < n; i++) {
		unsigned changed = 0;

		for (unsigned line = r[i].first; line <= r[i].last && line <= l->start.n; line++) {
			char *cur = text.v[line - 1] ? text.v[line - 1] :
				    xstrndup(l->start.v[line - 1], l->len.v[line - 1]);
			struct strbuf sb = STRBUF_INIT;
			const char *p = cur, *hit;

			while ((hit = find_word(cur, p, r[i].from))) {
				sb_add(&sb, p, (size_t)(hit - p));
				sb_adds(&sb, r[i].to);
				p = hit + strlen(r[i].from);
				changed = changed ? changed : line;
			}
			if (p == cur) {
				if (!text.v[line - 1])
					free(cur);
				sb_release(&sb);
				continue;
			}
			sb_adds(&sb, p);
			free(cur);
			text.v[line - 1] = sb_detach(&sb);
		}
		if (changed)
			add_repair_note(sf, f, changed, r[i].why);
	}
	for (size_t i = 0; i < text.n; i++) {
		struct insertion e = { .line = (unsigned)i + 1, .remove = 1 };

		if (!text.v[i])
			continue;
		vec_push(&e.lines, text.v[i]);
		vec_push(edits, e);
	}
	free(text.v);
}

static int repair_cmp(const void *a, const void *b)
{
	const struct repair *x = a, *y = b;
	int c = strcmp(x->file->path, y->file->path);

	if (c)
		return c;
	return (x->first > y->first) - (x->first < y->first);
}

static void suggest_fixes(const struct program *p, struct series *out)
{
	static const struct series_kind kind = {
		"Fix", "barrier pairing comment",
		"Correct the comments of these memory barriers, which name a barrier or a "
		"function that is misspelled, was renamed or moved, or is not on the path "
		"the comment relies on:",
		"barriermap suggest --fix changed comment text only, where the repair is "
		"clear.  Check each change against the code before sending, and sign off "
		"with git\1am\1-s.",
	};
	struct repair_list list = { 0 };
	struct series_files files = { 0 };

	for (size_t f = 0; f < p->files.n; f++) {
		const struct file_facts *ff = p->files.v[f];

		for (size_t i = 0; ff->in_scope && !ff->skipped && i < ff->sites.n; i++)
			site_repairs(&list, p, &ff->sites.v[i]);
		for (size_t i = 0; ff->in_scope && !ff->skipped && i < ff->claims.n; i++)
			claim_repairs(&list, &ff->claims.v[i]);
	}
	/* stable: the insertion order breaks ties */
	for (size_t i = 1; i < list.n; i++)
		for (size_t j = i; j > 0 && repair_cmp(&list.v[j - 1], &list.v[j]) > 0; j--) {
			struct repair t = list.v[j];

			list.v[j] = list.v[j - 1];
			list.v[j - 1] = t;
		}
	for (size_t i = 0, j; i < list.n; i = j) {
		const struct file_facts *ff = list.v[i].file;
		struct insertion_list edits = { 0 };
		struct series_file sf = { 0 };
		struct lines l = { 0 };
		char *abs = xasprintf("%s/%s", p->kernel, ff->path);

		for (j = i; j < list.n && list.v[j].file == ff; j++)
			;
		lines_read(&l, abs);
		file_repair_edits(&l, &list.v[i], j - i, &edits, &sf, ff);
		if (edits.n)
			push_series_file(&files, &sf, ff->path, &l, edits.v, edits.n);
		else
			release_series_file(&sf);
		release_insertions(&edits);
		lines_free(&l);
		free(abs);
	}
	for (size_t i = 0; i < list.n; i++) {
		free(list.v[i].from);
		free(list.v[i].to);
		free(list.v[i].why);
	}
	free(list.v);
	build_series(p, &kind, &files, out);
}

/* ---- --redundant -------------------------------------------------------- */

static void write_redundant(const struct program *p, struct strbuf *out)
{
	size_t n = 0;
	struct strbuf body = STRBUF_INIT;

	for (size_t f = 0; f < p->files.n; f++) {
		const struct file_facts *ff = p->files.v[f];

		if (!ff->in_scope)
			continue;
		for (size_t i = 0; i < ff->sites.n; i++) {
			const struct site *s = &ff->sites.v[i];
			const char *fn = site_function_name(s);

			if (!infer_looks_redundant(p, s))
				continue;
			sb_addf(&body, COCCI_LOC_FMT ": %s()%s%s%s: pairs with nothing found; orders %s\n",
				COCCI_LOC_ARGS(ff->path, s->at, s->end_col), s->barrier,
				fn ? " in " : "", fn ? fn : "", fn ? "()" : "",
				s->before.n + s->after.n ?
				"no object another barrier touches" : "no memory access seen");
			n++;
		}
	}
	sb_addf(out, "Possibly redundant barriers: %zu.\n"
		"Hedged: each has no pairing comment, and no barrier in the scanned tree\n"
		"touches the objects around it.  Its partner may still live outside the\n"
		"scanned tree (mm, drivers, assembly, firmware, another guest), order\n"
		"device memory, or order accesses made by its callers or callees.\n"
		"Read the history (git log -S) before removing any.\n", n);
	if (n)
		sb_addc(out, '\n');
	sb_add(out, body.buf ? body.buf : "", body.len);
	sb_release(&body);
}

/* ---- --recall ----------------------------------------------------------- */

static void write_recall(const struct program *p, struct strbuf *out)
{
	struct strbuf misses = STRBUF_INIT;
	double r1, r3;
	size_t n;

	infer_recall(p, &r1, &r3, &n, &misses);
	sb_addf(out, "documented pairs: %zu\nrecall@1: %.1f%%\nrecall@3: %.1f%%\n%s",
		n, 100.0 * r1, 100.0 * r3, sb_str(&misses));
	sb_release(&misses);
}

/* ---- the command -------------------------------------------------------- */

/* --areas: each path's maintainer area and subject prefix. */
static void print_areas(const char *tree, const struct options *o)
{
	struct maintainers *m = maintainers_read(tree);

	if (!o->paths.n)
		die("--areas needs a PATH (relative to the kernel tree)");
	for (size_t i = 0; i < o->paths.n; i++) {
		char *line = series_area_line(m, o->paths.v[i]);

		puts(line);
		free(line);
	}
	maintainers_free(m);
}

int cmd_suggest(int argc, char **argv)
{
	struct suggest_opts so = { .min_confidence = 0.5 };
	struct options o;
	struct program *p;
	struct strbuf out = STRBUF_INIT;
	struct series series = { { 0 } };

	options_init(&o);
	{
		struct option table[] = {
			OPT_GROUP("What to write"),
			OPT_DOUBLE(0, "min-confidence", &so.min_confidence, 0, 1, "X",
				   "propose a partner only with a confidence of at least X "
				   "(default 0.5)"),
			OPT_STRING('o', "output", &so.output, "DIR",
				   "write the patches into DIR as 0001-*.patch... (else one mbox "
				   "to stdout)"),
			OPT_BOOL_F(0, "fix", &so.fix, OPT_NONEG,
				   "patches that repair comments where the repair is clear: misspelled "
				   "barriers, partners renamed or moved, stale reliance claims"),
			OPT_BOOL_F(0, "redundant", &so.redundant, OPT_NONEG,
				   "list the barriers that pair with nothing in the scanned tree"),
			OPT_BOOL_F(0, "areas", &so.areas, OPT_NONEG,
				   "say which area (MAINTAINERS section) and subject prefix each "
				   "PATH's patch would have"),
			{ .type = OPTION_BOOL, .long_name = "recall", .value = &so.recall,
			  .help = "measure the inference on the documented pairs (for bench/)",
			  .flags = OPT_NONEG | OPT_HIDDEN },
			OPT_PIPELINE(&o),
			OPT_END(),
		};

		argc = options_parse_config(&o, argc, argv, "suggest", table, suggest_usage);
		if (so.fix + so.redundant + so.recall + so.areas > 1)
			usage_error("suggest", suggest_usage,
				    "--fix, --redundant, --recall and --areas go one at a time");
		if (so.output && (so.redundant || so.recall || so.areas))
			usage_error("suggest", suggest_usage, "-o DIR is for patches; "
				    "--redundant, --recall and --areas write to stdout");
	}
	options_finish(&o);
	for (int i = 0; i < argc; i++)
		vec_push(&o.paths, (const char *)argv[i]);
	options_find_kernel(&o);
	if (so.areas) {
		print_areas(o.kernel, &o);
		options_release(&o);
		return EXIT_CLEAN;
	}
	p = program_load(&o);
	if (so.recall)
		write_recall(p, &out);
	else if (so.redundant)
		write_redundant(p, &out);
	else if (so.fix)
		suggest_fixes(p, &series);
	else
		suggest_comments(p, &so, &series);
	if (so.output)
		series_write_dir(&series, so.output);
	else
		series_mbox(&series, &out);
	/* a write error is reported at exit (check_stdout_at_exit()) */
	fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
	named_texts_release(&series.patches);
	sb_release(&out);
	program_free(p);
	options_release(&o);
	return EXIT_CLEAN;
}
