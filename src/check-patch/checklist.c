// SPDX-License-Identifier: GPL-2.0
/*
 * checklist.c: compare the barrier map before and after a patch, and say
 * what a human must check before the patch is sent or merged.
 */
#include "checklist.h"
#include "claims.h"
#include "lkmm.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sites, matched across the patch --------------------------------- */

/* How a barrier before the patch was matched with one after it. */
enum site_match {
	MATCH_NONE,		/* added or removed */
	MATCH_SAME,		/* same file, function, barrier and ordinal */
	MATCH_RENAMED,		/* its function was renamed (or its file) */
	MATCH_KIND_CHANGED,	/* same function, another barrier in its place */
	MATCH_MOVED,		/* same barrier, another function */
};

/* A barrier of one side of the comparison, with its identity and match. */
struct site_entry {
	const struct file_facts *file;
	const struct site *site;
	const char *path;	/* after the patch (renamed file), NULL if deleted */
	const char *function;	/* "" outside any function */
	unsigned ordinal;	/* among same function+barrier sites in the file */
	long other;		/* index of the matched entry on the other side */
	enum site_match match;
};

VEC_TYPE(site_entries, struct site_entry);

/*
 * A comment that names a partner, anywhere in one program, as the facts
 * read it: a site's comment (site->pairing, its comments joined), or one
 * no site took (comment->pairing).  The checklist never parses a comment.
 */
struct pairing_comment {
	const struct file_facts *file;
	const struct comment *comment;	/* the first of its comments */
	size_t ncomments;		/* how many the site joined; 1 for a loose one */
	const char *text;		/* what was read: all its comments */
	const struct site *site;	/* the site it documents, or NULL */
	const char *function;		/* the function it sits in, or NULL */
	const struct pairing *pairing;
};

VEC_TYPE(pairing_comments, struct pairing_comment);

/* The before-comments by where they are after the patch and their text. */
struct pairing_comment_index {
	const struct pairing_comments *before;
	const struct patch_set *set;
	size_t *v;
	size_t n;
};

/* The programs before and after a patch, and what the comparison found. */
struct comparison {
	struct checklist *cl;
	const struct program *before, *after;
	const struct patch_set *set;
	struct site_entries before_sites, after_sites;
	struct pairing_comments before_comments, after_comments;
	struct pairing_comment_index before_comment_index;
	VEC(char *) reported;	/* "path:line" of after-comments already listed */
};

static bool is_barrier_site(const struct site *s)
{
	return s->kind != KIND_COMPILER;
}

static const char *fn_name(const struct site *s)
{
	const char *n = site_function_name(s);

	return n ? n : "";
}

static void collect_sites(struct site_entries *out, const struct program *p,
			  const struct patch_set *set, bool before)
{
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];
		const char *path = before ? patch_set_new_path(set, f->path) : f->path;
		size_t first = out->n;

		if (!f->in_scope)
			continue;
		for (size_t k = 0; k < f->sites.n; k++) {
			const struct site *s = &f->sites.v[k];
			struct site_entry e = { f, s, path, fn_name(s), 0, -1, MATCH_NONE };

			if (!is_barrier_site(s))
				continue;
			for (size_t j = first; j < out->n; j++)
				if (!strcmp(out->v[j].function, e.function) &&
				    !strcmp(out->v[j].site->barrier, s->barrier) &&
				    out->v[j].site->implicit == s->implicit)
					e.ordinal++;
			vec_push(out, e);
		}
	}
}

static bool same_str(const char *x, const char *y)
{
	return x && y && !strcmp(x, y);
}

static void record_match(struct comparison *c, size_t i, size_t j, enum site_match match)
{
	c->before_sites.v[i].other = (long)j;
	c->after_sites.v[j].other = (long)i;
	c->before_sites.v[i].match = c->after_sites.v[j].match = match;
}

static bool defined_in(const struct program *p, const char *fn)
{
	size_t n = 0;

	return *fn && program_find_function(p, fn, &n) && n;
}

/* The after-entries, sorted two ways, to find a before-entry's match without a scan. */
struct site_entry_index {
	const struct site_entries *after;
	size_t *by_place;	/* path, line, column */
	size_t *by_name;	/* path, function, barrier, implicit, ordinal */
	size_t n;
};

static const struct site_entries *sort_entries;	/* for the qsort comparators below */

static int place_cmp(const struct site_entry *x, const char *path, struct pos at)
{
	int r = strcmp(x->path, path);

	if (r)
		return r;
	return pos_cmp(x->site->at, at);
}

static int name_cmp(const struct site_entry *x, const struct site_entry *key)
{
	int r = strcmp(x->path, key->path);

	if (!r)
		r = strcmp(x->function, key->function);
	if (!r)
		r = strcmp(x->site->barrier, key->site->barrier);
	if (!r)
		r = (int)x->site->implicit - (int)key->site->implicit;
	if (!r)
		r = (x->ordinal > key->ordinal) - (x->ordinal < key->ordinal);
	return r;
}

static int by_place_qcmp(const void *a, const void *b)
{
	const struct site_entry *y = &sort_entries->v[*(const size_t *)b];

	return place_cmp(&sort_entries->v[*(const size_t *)a], y->path, y->site->at);
}

static int by_name_qcmp(const void *a, const void *b)
{
	return name_cmp(&sort_entries->v[*(const size_t *)a], &sort_entries->v[*(const size_t *)b]);
}

static void index_after(struct site_entry_index *ix, const struct site_entries *a)
{
	size_t n = 0;

	ix->after = a;
	ix->by_place = xmalloc((a->n ? a->n : 1) * sizeof(size_t));
	ix->by_name = xmalloc((a->n ? a->n : 1) * sizeof(size_t));
	for (size_t j = 0; j < a->n; j++)
		if (a->v[j].path)
			ix->by_place[n] = ix->by_name[n] = j, n++;
	sort_entries = a;
	xqsort(ix->by_place, n, sizeof(size_t), by_place_qcmp);
	xqsort(ix->by_name, n, sizeof(size_t), by_name_qcmp);
	sort_entries = NULL;
	ix->n = n;
}

/* The after-entry at @path:@at, or -1. */
static long find_at(const struct site_entry_index *ix, const char *path, struct pos at)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = place_cmp(&ix->after->v[ix->by_place[mid]], path, at);

		if (!r)
			return (long)ix->by_place[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The after-entry with @x's path, function, barrier and ordinal, or -1. */
static long find_named(const struct site_entry_index *ix, const struct site_entry *x)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = name_cmp(&ix->after->v[ix->by_name[mid]], x);

		if (!r)
			return (long)ix->by_name[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static bool same_identity(const struct site_entry *x, const struct site_entry *y)
{
	return !strcmp(x->function, y->function) && !strcmp(x->site->barrier, y->site->barrier) &&
	       x->site->implicit == y->site->implicit;
}

/*
 * Pair sites in rounds, strictest first: the same line, carried through
 * the patch's hunks (so that deleting the first of two smp_wmb() in a
 * function is the first one's removal); identity (function, barrier and
 * ordinal, for a line the patch edits); then a function that was renamed,
 * then another barrier in the same function (kind change), then the same
 * barrier in another function (a move).
 */
static void match_sites(struct comparison *c)
{
	struct site_entry_index ix = { 0 };

	index_after(&ix, &c->after_sites);
	for (size_t i = 0; i < c->before_sites.n; i++) {
		struct site_entry *x = &c->before_sites.v[i];
		unsigned line = x->path ? patch_set_map_line(c->set, x->file->path, x->site->at.line) : 0;
		long j = line ? find_at(&ix, x->path, (struct pos){ line, x->site->at.col }) : -1;

		if (j >= 0 && c->after_sites.v[j].match == MATCH_NONE && same_identity(x, &c->after_sites.v[j]))
			record_match(c, i, (size_t)j, MATCH_SAME);
	}
	for (size_t i = 0; i < c->before_sites.n; i++) {
		struct site_entry *x = &c->before_sites.v[i];
		long j = x->match == MATCH_NONE && x->path ? find_named(&ix, x) : -1;

		if (j >= 0 && c->after_sites.v[j].match == MATCH_NONE)
			record_match(c, i, (size_t)j, MATCH_SAME);
	}
	free(ix.by_place);
	free(ix.by_name);
	for (size_t i = 0; i < c->before_sites.n; i++) {
		struct site_entry *x = &c->before_sites.v[i];

		if (x->match != MATCH_NONE || !x->path || defined_in(c->after, x->function))
			continue;
		for (size_t j = 0; j < c->after_sites.n; j++) {
			struct site_entry *y = &c->after_sites.v[j];

			if (y->match == MATCH_NONE && !strcmp(x->path, y->path) &&
			    !defined_in(c->before, y->function) &&
			    !strcmp(x->site->barrier, y->site->barrier) &&
			    x->site->implicit == y->site->implicit) {
				record_match(c, i, j, MATCH_RENAMED);
				break;
			}
		}
	}
	for (size_t i = 0; i < c->before_sites.n; i++) {
		struct site_entry *x = &c->before_sites.v[i];

		if (x->match != MATCH_NONE || !x->path || x->site->implicit || !*x->function)
			continue;
		for (size_t j = 0; j < c->after_sites.n; j++) {
			struct site_entry *y = &c->after_sites.v[j];

			if (y->match == MATCH_NONE && !y->site->implicit &&
			    !strcmp(x->path, y->path) && !strcmp(x->function, y->function)) {
				record_match(c, i, j, MATCH_KIND_CHANGED);
				break;
			}
		}
	}
	for (size_t i = 0; i < c->before_sites.n; i++) {
		struct site_entry *x = &c->before_sites.v[i];
		long best = -1;

		if (x->match != MATCH_NONE || x->site->implicit)
			continue;
		for (size_t j = 0; j < c->after_sites.n; j++) {
			struct site_entry *y = &c->after_sites.v[j];

			if (y->match != MATCH_NONE || y->site->implicit ||
			    strcmp(x->site->barrier, y->site->barrier) ||
			    !strcmp(x->function, y->function))
				continue;
			if (best < 0 || same_str(x->path, y->path))
				best = (long)j;
			if (same_str(x->path, y->path))
				break;
		}
		if (best >= 0)
			record_match(c, i, (size_t)best, MATCH_MOVED);
	}
}

/* ---- comments that speak of pairing ---------------------------------- */

static const char *function_at(const struct file_facts *f, struct pos at)
{
	int fn = file_function_at(f, at);

	return fn >= 0 ? f->functions.v[fn].name : NULL;
}

static size_t site_ncomments(const struct site *s)
{
	return s->comment < 0 ? 0 : s->comment_last < 0 ? 1 : (size_t)(s->comment_last - s->comment) + 1;
}

/*
 * The pairing comments of @f, in order: each site's (the first site whose
 * comments start there), and each comment no site took.
 */
static void collect_file_comments(struct pairing_comments *out, const struct file_facts *f)
{
	const struct site **first = xcalloc(f->comments.n + 1, sizeof(*first));
	bool *taken = xcalloc(f->comments.n + 1, sizeof(*taken));

	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *s = &f->sites.v[i];

		if (s->comment < 0)
			continue;
		if (!first[s->comment])
			first[s->comment] = s;
		for (size_t k = 0; k < site_ncomments(s); k++)
			taken[(size_t)s->comment + k] = true;
	}
	for (size_t k = 0; k < f->comments.n; k++) {
		const struct comment *cm = &f->comments.v[k];
		const struct site *s = first[k];
		struct pairing_comment pc = { f, cm, s ? site_ncomments(s) : 1, s ? s->comment_text : cm->text,
				       s, function_at(f, cm->start), s ? &s->pairing : cm->pairing };

		if ((!s && taken[k]) || !pc.pairing || pc.pairing->kind != PAIRING_REFS)
			continue;
		vec_push(out, pc);
	}
	free(taken);
	free(first);
}

static void collect_comments(struct pairing_comments *out, const struct program *p)
{
	for (size_t i = 0; i < p->files.n; i++)
		collect_file_comments(out, p->files.v[i]);
}

static bool ref_names(const struct ref *r, const char *fn, const char *barrier)
{
	size_t n;

	if (!r->function || strcmp(r->function, fn))
		return false;
	if (!barrier || !r->barrier || r->implicit)
		return true;
	if (!r->wildcard)
		return !strcmp(r->barrier, barrier);
	n = strcspn(r->barrier, "*");
	return !strncmp(r->barrier, barrier, n);
}

static bool comment_names(const struct pairing_comment *pc, const char *fn, const char *barrier)
{
	for (size_t i = 0; i < pc->pairing->nrefs; i++)
		if (ref_names(&pc->pairing->refs[i], fn, barrier))
			return true;
	return false;
}

/* Does the site documented by @pc find @target as a partner? */
static bool comment_reaches(const struct pairing_comment *pc, const struct site *target)
{
	return pc->site && site_has_partner(pc->site, target);
}


static const struct file_facts *find_file(const struct program *p, const char *path)
{
	ssize_t i = path ? files_find_path(p, p->files.n, path) : -1;

	return i >= 0 ? p->files.v[i] : NULL;
}

/* Are comments [@x, @x + n) and [@y, @y + n) of their files the same text? */
static bool same_comments(const struct file_facts *xf, const struct comment *x,
			  const struct file_facts *yf, const struct comment *y, size_t n)
{
	size_t xi = (size_t)(x - xf->comments.v), yi = (size_t)(y - yf->comments.v);

	if (xi + n > xf->comments.n || yi + n > yf->comments.n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (strcmp(x[k].text, y[k].text))
			return false;
	return true;
}

/*
 * The same comment after the patch (@n comments from @bc, for a site that
 * joined several): same text, in the file it moved to, nearest to where it
 * was.  NULL when the patch changed or removed it.
 */
static const struct comment *comment_after(const struct comparison *c, const struct file_facts *bf,
					    const struct comment *bc, size_t n)
{
	const struct file_facts *f = find_file(c->after, patch_set_new_path(c->set, bf->path));
	const struct comment *best = NULL;
	unsigned best_d = ~0u;

	for (size_t i = 0; f && i < f->comments.n; i++) {
		const struct comment *cm = &f->comments.v[i];
		unsigned d = cm->start.line > bc->start.line ?
			cm->start.line - bc->start.line : bc->start.line - cm->start.line;

		if (d < best_d && same_comments(bf, bc, f, cm, n ? n : 1)) {
			best = cm;
			best_d = d;
		}
	}
	return best;
}

static const struct pairing_comment_index *sort_index;	/* for the comparator below */

/* By the path after the patch, then the text. */
static int pairing_comment_key_cmp(const struct pairing_comment *x, const char *path,
				   const char *text)
{
	int r = strcmp(patch_set_new_path(sort_index->set, x->file->path), path);

	return r ? r : strcmp(x->text, text);
}

static int pairing_comment_qcmp(const void *a, const void *b)
{
	const struct pairing_comment *y = &sort_index->before->v[*(const size_t *)b];

	return pairing_comment_key_cmp(&sort_index->before->v[*(const size_t *)a],
				       patch_set_new_path(sort_index->set, y->file->path), y->text);
}

static void index_before_comments(struct pairing_comment_index *ix,
				  const struct pairing_comments *pb,
				  const struct patch_set *set)
{
	ix->before = pb;
	ix->set = set;
	ix->v = xmalloc((pb->n ? pb->n : 1) * sizeof(*ix->v));
	ix->n = 0;
	for (size_t i = 0; i < pb->n; i++)
		if (patch_set_new_path(set, pb->v[i].file->path))
			ix->v[ix->n++] = i;
	sort_index = ix;
	xqsort(ix->v, ix->n, sizeof(*ix->v), pairing_comment_qcmp);
	sort_index = NULL;
}

/* Did this after-patch comment exist, word for word, before it? */
static bool comment_existed(const struct comparison *c, const struct pairing_comment *pa)
{
	const struct pairing_comment_index *ix = &c->before_comment_index;
	size_t lo = 0, hi = ix->n;
	bool found = false;

	sort_index = ix;
	while (lo < hi && !found) {
		size_t mid = (lo + hi) / 2;
		int r = pairing_comment_key_cmp(&ix->before->v[ix->v[mid]], pa->file->path, pa->text);

		if (!r)
			found = true;
		else if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	sort_index = NULL;
	return found;
}

/* ---- items ----------------------------------------------------------- */

static struct checklist_item *add_item(struct comparison *c, enum checklist_section section,
				       const char *kind, const char *path, unsigned line,
				       bool before, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static struct checklist_item *add_item(struct comparison *c, enum checklist_section section,
				       const char *kind, const char *path, unsigned line,
				       bool before, const char *fmt, ...)
{
	struct checklist_item it = {
		.section = section, .kind = kind, .path = xstrdup(path),
		.line = line, .before = before,
	};
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	it.text = sb_detach(&sb);
	vec_push(&c->cl->items, it);
	return vec_last(&c->cl->items);
}

static void item_where(struct checklist_item *it, const char *function, const char *barrier)
{
	it->function = function && *function ? xstrdup(function) : NULL;
	it->barrier = barrier ? xstrdup(barrier) : NULL;
}

static bool already_reported(struct comparison *c, const char *path, unsigned line, bool mark)
{
	char *key = xasprintf("%s:%u", path, line);

	for (size_t i = 0; i < c->reported.n; i++)
		if (!strcmp(c->reported.v[i], key)) {
			free(key);
			return true;
		}
	if (mark)
		vec_push(&c->reported, key);
	else
		free(key);
	return false;
}

/* "smp_rmb() in kvm_get_vcpu()" */
static char *describe(const char *barrier, const char *function)
{
	if (function && *function)
		return xasprintf("%s() in %s()", barrier, function);
	return xasprintf("%s() at file scope", barrier);
}

static char *where_comment(const struct pairing_comment *pc)
{
	if (pc->site && !pc->site->implicit)
		return xasprintf("the comment on %s() in %s()", pc->site->barrier,
				 fn_name(pc->site));
	if (pc->function)
		return xasprintf("the comment in %s()", pc->function);
	return xstrdup("the comment");
}

static void add_partner_details(struct checklist_item *it, const struct site *s,
				const char *verb)
{
	for (size_t i = 0; i < s->partners.n; i++) {
		const struct partner *pt = &s->partners.v[i];
		struct strbuf sb = STRBUF_INIT;

		/* the partner's own fields: an implied barrier has no site */
		sb_addf(&sb, "%s %s", verb, pt->site ? "" : "the barrier implicit in ");
		sb_add_barrier_at(&sb, pt->barrier, pt->function ? pt->function : "?",
				  pt->file->path, pt->at.line);
		sb_addc(&sb, ')');
		for (size_t v = 1; v < pt->via.n; v++)
			sb_addf(&sb, "%s %s()", v == 1 ? " via" : " ->", pt->via.v[v]);
		vec_push(&it->details, sb_detach(&sb));
	}
}

/*
 * Every comment that names the barrier @gone (before the patch): directly
 * ("smp_rmb() in kvm_get_vcpu"), by its function alone ("the barrier in
 * F"), or through the call graph (its site found @gone as a partner).
 * @what says what the patch does to it: "removes", "moves to G()".
 */
static void stale_comments(struct comparison *c, const struct site_entry *gone, const char *what)
{
	const struct site *g = gone->site;
	char *name = describe(g->barrier, gone->function);

	for (size_t i = 0; i < c->before_comments.n; i++) {
		const struct pairing_comment *pc = &c->before_comments.v[i];
		const struct comment *now;
		struct checklist_item *it;
		const char *how;
		char *who;

		if (pc->site == g || !*gone->function)
			continue;
		if (comment_names(pc, gone->function, g->barrier))
			how = "names";
		else if (comment_reaches(pc, g))
			how = "relies, through the call graph, on";
		else
			continue;
		who = where_comment(pc);
		now = comment_after(c, pc->file, pc->comment, pc->ncomments);
		if (now) {
			const char *path = patch_set_new_path(c->set, pc->file->path);

			already_reported(c, path, now->start.line, true);
			it = add_item(c, SECTION_REMOVED, "stale-comment", path, now->start.line,
				      false, "%s %s %s, which the patch %s; the patch does not change this comment",
				      who, how, name, what);
		} else {
			it = add_item(c, SECTION_REMOVED, "updated-comment", pc->file->path,
				      pc->comment->start.line, true,
				      "%s %s %s, which the patch %s; the patch changes this comment",
				      who, !strcmp(how, "names") ? "named" :
				      "relied, through the call graph, on", name, what);
			it->done = true;
		}
		item_where(it, pc->function, g->barrier);
		it->quote = pc->pairing->phrase ? xstrdup(pc->pairing->phrase) : NULL;
		free(who);
	}
	/* comments the patch writes or rewrites that still name it */
	for (size_t i = 0; i < c->after_comments.n; i++) {
		const struct pairing_comment *pa = &c->after_comments.v[i];
		struct checklist_item *it;
		char *who;

		if (!*gone->function || !comment_names(pa, gone->function, g->barrier) ||
		    comment_existed(c, pa) || (pa->site && pa->site->status != STATUS_DANGLING &&
						pa->site->status != STATUS_MISMATCH))
			continue;
		if (already_reported(c, pa->file->path, pa->comment->start.line, true))
			continue;
		who = where_comment(pa);
		it = add_item(c, SECTION_REMOVED, "stale-comment", pa->file->path,
			      pa->comment->start.line, false,
			      "%s, changed by the patch, still names %s, which the patch %s",
			      who, name, what);
		item_where(it, pa->function, g->barrier);
		it->quote = pa->pairing->phrase ? xstrdup(pa->pairing->phrase) : NULL;
		free(who);
	}
	free(name);
}

static bool needs_partner(const struct site *s)
{
	return s->status == STATUS_UNDOCUMENTED || s->status == STATUS_DANGLING ||
	       s->status == STATUS_MISMATCH || s->status == STATUS_VAGUE;
}

/* ---- new barriers that may be redundant ------------------------------ */

/*
 * A patch that adds a barrier where the path already has one at least as
 * strong, with no memory access between them, gets a hedged item naming
 * that barrier: an smp_wmb() right before kvm_make_request(), whose
 * callee __kvm_make_request() starts with one.  "Between" is what the
 * facts can tell: the accesses objects.c records on each side of the new
 * barrier, the sites and calls of the functions on the way (whose own
 * accesses are not recorded: the item says "possibly").
 */

#define REDUNDANT_DEPTH 3

/* Calls that touch no memory: compile-time checks and debug assertions. */
static bool is_inert_call(const char *callee)
{
	static const char *const prefixes[] = {
		"BUILD_BUG", "__builtin_constant_p", "static_assert", "lockdep_assert",
		"might_sleep", "__must_be",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (str_starts_with(callee, prefixes[i]))
			return true;
	return false;
}

/* What comes first (or last) on a path: a barrier, a call, or something else. */
struct step {
	const struct site *site;	/* a barrier */
	const char *implied;		/* a call to an atomic RMW that implies a full barrier */
	const struct file_facts *file;
	const struct function *fn;	/* where it is */
	struct pos at;
	struct pos first;		/* where the path leaves the new barrier's function */
	bool first_is_call;		/* ...through a call (whose arguments are on its line) */
	VEC(const char *) via;		/* the calls down to it */
};


static bool is_site_at(const struct file_facts *f, struct pos at)
{
	for (size_t i = 0; i < f->sites.n; i++)
		if (pos_eq(f->sites.v[i].at, at))
			return true;
	return false;
}

/* The definition of @name to follow from @from: its own file's, its arch's, or generic. */
static const struct function_ref *definition(const struct program *p, const char *name,
					     const struct file_facts *from)
{
	size_t n;
	const struct function_ref *defs = program_find_function(p, name, &n);
	const struct function_ref *best = NULL;
	int best_rank = 3;

	for (size_t i = 0; i < n; i++) {
		int rank = defs[i].file == from ? 0 : !strcmp(defs[i].file->arch, from->arch) ? 1 :
			   !strcmp(defs[i].file->arch, "generic") ? 2 : 3;

		if (rank < best_rank) {
			best = &defs[i];
			best_rank = rank;
		}
	}
	return best;
}

static bool find_edge(const struct program *p, const struct file_facts *f, int fn,
		      struct pos from, bool forward, unsigned depth, struct step *out);

/*
 * The nearest event after (@forward) or before @from in function @fn of
 * @f, inside (from, limit): a barrier site, or a call, followed down.
 * @limit is the nearest recorded access, or the function's edge.
 */
static bool find_edge(const struct program *p, const struct file_facts *f, int fn,
		      struct pos from, bool forward, unsigned depth, struct step *out)
{
	const struct function *func = &f->functions.v[fn];
	const struct site *best_site = NULL;
	const struct call *best_call = NULL;
	struct pos best = forward ? func->end : func->start;

	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *t = &f->sites.v[i];

		if (t->function != fn || t->implicit || t->kind == KIND_COMPILER)
			continue;
		if (forward ? (pos_lt(from, t->at) && pos_lt(t->at, best)) :
			      (pos_lt(t->at, from) && pos_lt(best, t->at))) {
			best = t->at;
			best_site = t;
		}
	}
	for (size_t i = 0; i < func->calls.n; i++) {
		const struct call *cl = &func->calls.v[i];

		if (is_site_at(f, cl->at) || is_inert_call(cl->callee) ||
		    barrier_lookup(cl->callee))
			continue;
		if (forward ? (pos_lt(from, cl->at) && pos_lt(cl->at, best)) :
			      (pos_lt(cl->at, from) && pos_lt(best, cl->at))) {
			best = cl->at;
			best_site = NULL;
			best_call = cl;
		}
	}
	if (!depth) {
		out->first = best;
		out->first_is_call = !best_site && best_call;
	}
	if (best_site) {
		/* no access between the edge we came from and this barrier */
		const struct access *a = forward ? (best_site->before.n ? &best_site->before.v[0] : NULL) :
					 (best_site->after.n ? &best_site->after.v[0] : NULL);

		if (a && (forward ? pos_lt(from, a->at) : pos_lt(a->at, from)))
			return false;
		out->site = best_site;
		out->file = f;
		out->fn = func;
		out->at = best_site->at;
		return true;
	}
	if (!best_call)
		return false;
	if (implies_full_barrier(best_call->callee)) {
		out->implied = best_call->callee;
		out->file = f;
		out->fn = func;
		out->at = best_call->at;
		return true;
	}
	if (depth < REDUNDANT_DEPTH) {
		const struct function_ref *d = definition(p, best_call->callee, f);
		const struct function *g = d ? function_of(d) : NULL;

		if (!g || g == func)
			return false;
		vec_push(&out->via, g->name);
		if (find_edge(p, d->file, (int)d->index, forward ? g->start : g->end, forward,
			      depth + 1, out))
			return true;
		out->via.n--;
	}
	return false;
}


/*
 * Is there an access of the new barrier's own function between it and
 * where the path leaves that function (st->first)?  objects.c places a
 * callee's first accesses at the call: those are inside the callee, and
 * the walk down it judged them.  The arguments of a call, on its line
 * after its name, are read before the callee runs: after the new barrier
 * they come between; before it they are ordered by the callee's last
 * barrier, or are the atomic's own operand.
 */
static bool access_between(const struct site *s, const struct step *st, bool forward)
{
	const struct access *v = forward ? s->after.v : s->before.v;
	size_t n = forward ? s->after.n : s->before.n;

	for (size_t i = 0; i < n; i++) {
		struct pos at = v[i].at;
		bool in_call = st->first_is_call && at.line == st->first.line &&
			       !pos_lt(at, st->first);

		if (st->first_is_call && pos_eq(at, st->first))
			continue;
		if (forward)
			return pos_lt(at, st->first) || in_call;
		if (in_call)
			continue;
		return pos_lt(st->first, at);
	}
	return false;
}

/* The barrier that makes new site @s possibly redundant, in the program after the patch. */
static bool covering_barrier(const struct program *p, const struct site *s, bool forward,
			     struct step *out)
{
	if (s->function < 0 || s->kind == KIND_COMPILER || s->kind == KIND_CALL)
		return false;
	if (!find_edge(p, s->file, s->function, s->at, forward, 0, out) ||
	    access_between(s, out, forward))
		return false;
	return kind_at_least(out->site ? out->site->kind : KIND_IMPLIED, s->kind);
}

static void report_redundant(struct comparison *c, const struct site_entry *y)
{
	const struct site *s = y->site;
	struct step st = { 0 };
	struct checklist_item *it;
	struct strbuf what = STRBUF_INIT;
	bool forward = true;

	if (s->implicit || (!covering_barrier(c->after, s, true, &st) &&
			    (free(st.via.v), st = (struct step){ 0 },
			     forward = false, !covering_barrier(c->after, s, false, &st))))
		goto out;
	/* the barrier that covers it must be one the tree already had */
	for (size_t j = 0; st.site && j < c->after_sites.n; j++)
		if (c->after_sites.v[j].site == st.site && c->after_sites.v[j].match == MATCH_NONE)
			goto out;
	if (!st.site)
		sb_adds(&what, "the barrier implicit in ");
	sb_add_barrier_at(&what, st.site ? st.site->barrier : st.implied, st.fn->name,
			  st.file->path, st.site ? st.site->at.line : st.at.line);
	for (size_t v = 0; v < st.via.n; v++)
		sb_addf(&what, "%s%s()", v ? " -> " : ", reached through ", st.via.v[v]);
	sb_addc(&what, ')');
	it = add_item(c, SECTION_ADDED, "possibly-redundant", y->path, s->at.line, false,
		      "%s() in %s() is possibly redundant: %s %s it with no memory access between, and is at least as strong",
		      s->barrier, y->function, sb_str(&what), forward ? "follows" : "precedes");
	item_where(it, y->function, s->barrier);
	sb_release(&what);
out:
	free(st.via.v);
}

static void report_added(struct comparison *c, const struct site_entry *y)
{
	const struct site *s = y->site;
	char *name = describe(s->barrier, y->function);
	struct checklist_item *it;

	if (s->implicit)
		goto out;
	if (s->status == STATUS_UNDOCUMENTED)
		it = add_item(c, SECTION_ADDED, "added-undocumented", y->path, s->at.line, false,
			      "%s is added without a comment naming the barrier it pairs with",
			      name);
	else if (needs_partner(s))
		it = add_item(c, SECTION_ADDED, "added-unresolved", y->path, s->at.line, false,
			      "%s is added, but its comment's partner does not resolve: %s",
			      name, s->message ? s->message : status_name(s->status));
	else
		it = add_item(c, SECTION_ADDED, "added", y->path, s->at.line, false,
			      "%s is added: %s", name,
			      s->message ? s->message : status_name(s->status));
	it->done = !needs_partner(s);
	item_where(it, y->function, s->barrier);
	it->quote = s->pairing.phrase ? xstrdup(s->pairing.phrase) : NULL;
out:
	free(name);
}

static void report_removed(struct comparison *c, const struct site_entry *x)
{
	const struct site *s = x->site;
	char *name = describe(s->barrier, x->function);
	struct checklist_item *it;

	if (s->implicit)
		goto out;
	it = add_item(c, SECTION_REMOVED, "removed", x->file->path, s->at.line, true,
		      "%s is removed by the patch", name);
	item_where(it, x->function, s->barrier);
	add_partner_details(it, s, "it paired with");
	if (s->comment >= 0) {
		const struct comment *own = &x->file->comments.v[s->comment];
		const struct comment *now = comment_after(c, x->file, own, site_ncomments(s));

		if (now && x->path && grammar_mentions_pairing(own->text))
			vec_push(&it->details, xasprintf("its own pairing comment stays, at %s:%u: remove or update it",
							 x->path, now->start.line));
	}
	stale_comments(c, x, "removes");
out:
	free(name);
}

static void report_moved(struct comparison *c, const struct site_entry *x,
			 const struct site_entry *y)
{
	char *from = describe(x->site->barrier, x->function);
	char *what = xasprintf("moves to %s()", y->function);
	struct checklist_item *it;

	it = add_item(c, SECTION_REMOVED, "moved", y->path, y->site->at.line, false,
		      "%s moves to %s() (was %s:%u)", from, y->function,
		      x->file->path, x->site->at.line);
	item_where(it, y->function, y->site->barrier);
	add_partner_details(it, x->site, "it paired with");
	if (needs_partner(y->site))
		vec_push(&it->details, xasprintf("in %s() its comment does not hold: %s",
						 y->function, y->site->message ? y->site->message :
						 status_name(y->site->status)));
	stale_comments(c, x, what);
	free(what);
	free(from);
}

/*
 * The new kind no longer gives an ordering that the pattern of a pair the
 * barrier is in needs (lkmm.c): smp_mb() to smp_wmb() on one side of a
 * store buffering.  An item of its own, after the kind change; hedged
 * when the pair's accesses were read with low certainty.
 */
static void report_weakened(struct comparison *c, const struct site_entry *x,
			    const struct site_entry *y)
{
	enum lkmm_certainty sure;
	char *why = lkmm_weakened(x->site, y->site, &sure);
	struct checklist_item *it;

	if (!why)
		return;
	it = add_item(c, SECTION_KIND, sure >= CERTAINTY_MEDIUM ? "weakened" : "possibly-weakened",
		      y->path, y->site->at.line, false, "in %s(), %s", y->function, why);
	item_where(it, y->function, y->site->barrier);
	free(why);
}

static void report_kind_changed(struct comparison *c, const struct site_entry *x,
				const struct site_entry *y)
{
	char *what = xasprintf("changes to %s()", y->site->barrier);
	struct checklist_item *it;

	char *kinds = x->site->kind == y->site->kind ?
		xasprintf("both %s", kind_name(x->site->kind)) :
		xasprintf("%s to %s", kind_name(x->site->kind), kind_name(y->site->kind));

	it = add_item(c, SECTION_KIND, "kind-changed", y->path, y->site->at.line, false,
		      "%s() in %s() becomes %s() (%s): re-check its partners",
		      x->site->barrier, y->function, y->site->barrier, kinds);
	free(kinds);
	item_where(it, y->function, y->site->barrier);
	add_partner_details(it, x->site, "it paired with");
	for (size_t i = 0; i < c->before_comments.n; i++)
		if (c->before_comments.v[i].site != x->site && comment_reaches(&c->before_comments.v[i], x->site))
			vec_push(&it->details, xasprintf("named by the comment at %s:%u",
							 c->before_comments.v[i].file->path,
							 c->before_comments.v[i].comment->start.line));
	if (needs_partner(y->site))
		vec_push(&it->details, xasprintf("its comment no longer holds: %s",
						 y->site->message ? y->site->message :
						 status_name(y->site->status)));
	report_weakened(c, x, y);
	free(what);
}

static bool was_good(enum status s)
{
	return s == STATUS_PAIRED || s == STATUS_ONE_WAY;
}

/* A claim that held before the patch and no longer does. */
static void report_broken_claim(struct comparison *c, const struct site_entry *x,
				const struct site_entry *y)
{
	const struct site *b = x->site, *a = y->site;
	struct checklist_item *it;
	unsigned line;

	if (!was_good(b->status) || (a->status != STATUS_DANGLING && a->status != STATUS_MISMATCH))
		return;
	line = a->comment >= 0 ? a->file->comments.v[a->comment].start.line : a->at.line;
	if (already_reported(c, y->path, line, true))
		return;
	it = add_item(c, SECTION_CLAIMS, "claim-broken", y->path, line, false,
		      "the pairing comment on %s() in %s() no longer holds: %s",
		      a->barrier, y->function, a->message ? a->message : status_name(a->status));
	item_where(it, y->function, a->barrier);
	it->quote = a->pairing.phrase ? xstrdup(a->pairing.phrase) : NULL;
	add_partner_details(it, b, "before the patch it paired with");
}

/* ---- reliance claims --------------------------------------------------- */

/* A claim, and where its file is after the patch. */
struct claim_ent {
	const struct claim *claim;
	const char *path;
};

typedef VEC(struct claim_ent) claim_vec;

static void collect_claims(claim_vec *out, const struct program *p, const struct patch_set *set,
			   bool before)
{
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];
		const char *path = before ? patch_set_new_path(set, f->path) : f->path;

		for (size_t k = 0; path && f->in_scope && k < f->claims.n; k++)
			vec_push(out, ((struct claim_ent){ &f->claims.v[k], path }));
	}
}

static const char *claim_comment(const struct claim *c)
{
	return c->file->comments.v[c->comment].text;
}

/*
 * The same claim on both sides of the patch: the same comment, word for
 * word, in the same file (after renames), relying on the same function
 * for the same barrier.  A claim is a function of its comment's text.
 */
static int claim_key_cmp(const struct claim_ent *x, const struct claim_ent *y)
{
	const struct claim *a = x->claim, *b = y->claim;
	int r = strcmp(x->path, y->path);

	if (!r)
		r = strcmp(claim_comment(a), claim_comment(b));
	if (!r)
		r = strcmp(a->subject, b->subject);
	if (!r)
		r = strcmp(a->barrier ? a->barrier : "", b->barrier ? b->barrier : "");
	if (!r)
		r = (a->kind > b->kind) - (a->kind < b->kind);
	if (!r)
		r = (int)a->any_kind - (int)b->any_kind;
	return r;
}

static const claim_vec *sort_claims;	/* for the comparator below */

/* By key, then in program order: equal keys pair in order. */
static int claim_qcmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int r = claim_key_cmp(&sort_claims->v[i], &sort_claims->v[j]);

	return r ? r : (i > j) - (i < j);
}

static size_t *sorted_claims(const claim_vec *v)
{
	size_t *ix = xmalloc((v->n ? v->n : 1) * sizeof(*ix));

	for (size_t i = 0; i < v->n; i++)
		ix[i] = i;
	sort_claims = v;
	xqsort(ix, v->n, sizeof(*ix), claim_qcmp);
	sort_claims = NULL;
	return ix;
}

/* For each after-claim, the same claim before the patch, or NULL: a claim the patch writes. */
static const struct claim **match_claims(const claim_vec *b, const claim_vec *a)
{
	const struct claim **match = xcalloc(a->n ? a->n : 1, sizeof(*match));
	size_t *bi = sorted_claims(b), *ai = sorted_claims(a);

	for (size_t i = 0, j = 0; i < b->n && j < a->n;) {
		int r = claim_key_cmp(&b->v[bi[i]], &a->v[ai[j]]);

		if (!r)
			match[ai[j]] = b->v[bi[i]].claim;
		i += r <= 0;
		j += r >= 0;
	}
	free(bi);
	free(ai);
	return match;
}

/*
 * A claim that held before the patch and does not after it (the barrier
 * it relies on is gone from the path, or weaker, or the function is), and
 * a claim the patch writes that is stale or weak.  A claim that was
 * already false, or that the patch writes on a function barriermap cannot
 * check, is lint's business.
 */
static void report_reliance(struct comparison *c)
{
	claim_vec b = { 0 }, a = { 0 };
	const struct claim **match;

	collect_claims(&b, c->before, c->set, true);
	collect_claims(&a, c->after, c->set, false);
	match = match_claims(&b, &a);
	for (size_t j = 0; j < a.n; j++) {
		const struct claim *was = match[j], *now = a.v[j].claim;
		const char *fn = now->function >= 0 ? now->file->functions.v[now->function].name : NULL;
		struct checklist_item *it;
		char *who;

		if (was ? was->verdict != CLAIM_HOLDS || now->verdict == CLAIM_HOLDS :
			  now->verdict != CLAIM_STALE && now->verdict != CLAIM_WEAK)
			continue;
		who = fn ? xasprintf("the comment in %s()", fn) : xstrdup("the comment");
		it = add_item(c, SECTION_RELIANCE, was ? "reliance-broken" : "reliance-unsound",
			      a.v[j].path, now->at.line, false, "%s%s %s", who,
			      was ? "" : ", written by the patch,", now->message);
		item_where(it, fn, now->barrier);
		it->quote = xstrdup(now->sentence);
		if (was && was->found) {
			char *there = claim_there(was);

			vec_push(&it->details, xasprintf("before the patch: %s", there));
			free(there);
		}
		free(who);
	}
	free(match);
	free(b.v);
	free(a.v);
}

/* Functions defined before the patch and nowhere after it. */
static void report_gone_names(struct comparison *c)
{
	for (size_t i = 0; i < c->after_comments.n; i++) {
		const struct pairing_comment *pa = &c->after_comments.v[i];

		for (size_t r = 0; r < pa->pairing->nrefs; r++) {
			const char *fn = pa->pairing->refs[r].function;
			struct checklist_item *it;
			const char *renamed = NULL;
			char *who;

			if (!fn || defined_in(c->after, fn) || !defined_in(c->before, fn))
				continue;
			if (already_reported(c, pa->file->path, pa->comment->start.line, true))
				break;
			for (size_t k = 0; k < c->before_sites.n && !renamed; k++)
				if (c->before_sites.v[k].match == MATCH_RENAMED && !strcmp(c->before_sites.v[k].function, fn))
					renamed = c->after_sites.v[c->before_sites.v[k].other].function;
			who = where_comment(pa);
			it = add_item(c, SECTION_NAMES, "dangling-name", pa->file->path,
				      pa->comment->start.line, false,
				      "%s names %s(), which the patch %s%s%s", who, fn,
				      renamed ? "renames to " : "removes",
				      renamed ? renamed : "", renamed ? "()" : "");
			item_where(it, pa->function, pa->pairing->refs[r].barrier);
			it->quote = pa->pairing->phrase ? xstrdup(pa->pairing->phrase) : NULL;
			if (!comment_existed(c, pa))
				vec_push(&it->details, xstrdup("the patch changes this comment, but not this name"));
			free(who);
			break;
		}
	}
}

/* A stable sort by section: items keep the order they were found in. */
static void sort_items(struct checklist *cl)
{
	size_t n = cl->items.n;
	struct checklist_item *tmp;
	size_t out = 0;

	if (!n)
		return;
	tmp = xmalloc(n * sizeof(*tmp));
	for (int s = 0; s < SECTION__COUNT; s++)
		for (size_t i = 0; i < n; i++)
			if ((int)cl->items.v[i].section == s)
				tmp[out++] = cl->items.v[i];
	memcpy(cl->items.v, tmp, n * sizeof(*tmp));
	free(tmp);
}

void checklist_compare(struct checklist *cl, const struct program *before,
		       const struct program *after, const struct patch_set *set)
{
	struct comparison c = { .cl = cl, .before = before, .after = after, .set = set };

	for (size_t k = 0; k < set->patches.n; k++) {
		const struct patch *p = &set->patches.v[k];

		if (!cl->sources.n || strcmp(*vec_last(&cl->sources), p->source))
			vec_push(&cl->sources, xstrdup(p->source));
		vec_push(&cl->patches, xstrdup(p->subject ? p->subject : p->name));
	}
	cl->kernel = xstrdup(after->kernel);
	collect_sites(&c.before_sites, before, set, true);
	collect_sites(&c.after_sites, after, set, false);
	collect_comments(&c.before_comments, before);
	collect_comments(&c.after_comments, after);
	index_before_comments(&c.before_comment_index, &c.before_comments, set);
	match_sites(&c);

	for (size_t j = 0; j < c.after_sites.n; j++)
		if (c.after_sites.v[j].match == MATCH_NONE) {
			report_added(&c, &c.after_sites.v[j]);
			report_redundant(&c, &c.after_sites.v[j]);
		}
	for (size_t i = 0; i < c.before_sites.n; i++) {
		const struct site_entry *x = &c.before_sites.v[i];

		if (x->match == MATCH_NONE)
			report_removed(&c, x);
		else if (x->match == MATCH_MOVED)
			report_moved(&c, x, &c.after_sites.v[x->other]);
		else if (x->match == MATCH_KIND_CHANGED)
			report_kind_changed(&c, x, &c.after_sites.v[x->other]);
	}
	report_gone_names(&c);
	for (size_t i = 0; i < c.before_sites.n; i++)
		if (c.before_sites.v[i].match == MATCH_SAME || c.before_sites.v[i].match == MATCH_RENAMED)
			report_broken_claim(&c, &c.before_sites.v[i], &c.after_sites.v[c.before_sites.v[i].other]);
	report_reliance(&c);
	sort_items(cl);

	free(c.before_comment_index.v);
	for (size_t i = 0; i < c.reported.n; i++)
		free(c.reported.v[i]);
	free(c.before_comments.v);
	free(c.after_comments.v);
	free(c.before_sites.v);
	free(c.after_sites.v);
	free(c.reported.v);
}

/* ---- types, for --terse and JSON ------------------------------------ */

static const struct item_type {
	const char *kind, *type;
	enum checklist_severity severity;
} item_types[] = {
	{ "added", "NEW_BARRIER", SEVERITY_WARNING },
	{ "added-undocumented", "UNPAIRED_BARRIER", SEVERITY_WARNING },
	{ "added-unresolved", "UNRESOLVED_PARTNER", SEVERITY_ERROR },
	{ "possibly-redundant", "REDUNDANT_BARRIER", SEVERITY_CHECK },
	{ "removed", "REMOVED_BARRIER", SEVERITY_WARNING },
	{ "moved", "MOVED_BARRIER", SEVERITY_WARNING },
	{ "stale-comment", "STALE_COMMENT", SEVERITY_ERROR },
	{ "updated-comment", "UPDATED_COMMENT", SEVERITY_WARNING },
	{ "kind-changed", "KIND_CHANGE", SEVERITY_WARNING },
	{ "weakened", "WEAKENED_BARRIER", SEVERITY_WARNING },
	{ "possibly-weakened", "WEAKENED_BARRIER", SEVERITY_CHECK },
	{ "claim-broken", "BROKEN_PAIRING", SEVERITY_ERROR },
	{ "dangling-name", "DANGLING_NAME", SEVERITY_ERROR },
	/* reliance claims ("the barrier in F() orders ...", claims.c) */
	{ "reliance-broken", "BROKEN_CLAIM", SEVERITY_ERROR },
	{ "reliance-unsound", "BROKEN_CLAIM", SEVERITY_ERROR },
};

static const struct item_type *type_of(const struct checklist_item *it)
{
	for (size_t i = 0; i < sizeof(item_types) / sizeof(item_types[0]); i++)
		if (!strcmp(item_types[i].kind, it->kind))
			return &item_types[i];
	BUG("checklist item kind '%s' has no type", it->kind);
}

const char *checklist_type(const struct checklist_item *it)
{
	return type_of(it)->type;
}

enum checklist_severity checklist_severity(const struct checklist_item *it)
{
	return type_of(it)->severity;
}

const char *checklist_severity_name(enum checklist_severity s)
{
	return s == SEVERITY_ERROR ? "ERROR" : s == SEVERITY_WARNING ? "WARNING" : "CHECK";
}

/* Is item_types[i] the first with its TYPE (two kinds may share one)? */
static bool first_of_type(size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(item_types[k].type, item_types[i].type))
			return false;
	return true;
}

bool checklist_is_type(const char *type)
{
	for (size_t i = 0; i < sizeof(item_types) / sizeof(item_types[0]); i++)
		if (!strcmp(item_types[i].type, type))
			return true;
	return false;
}

char *checklist_type_names(void)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < sizeof(item_types) / sizeof(item_types[0]); i++)
		if (first_of_type(i))
			sb_addf(&sb, "%s%s", i ? ", " : "", item_types[i].type);
	return sb_detach(&sb);
}

static void item_release(struct checklist_item *it)
{
	for (size_t d = 0; d < it->details.n; d++)
		free(it->details.v[d]);
	free(it->details.v);
	free(it->path);
	free(it->function);
	free(it->barrier);
	free(it->text);
	free(it->quote);
	free(it->fixed_by);
}

void checklist_ignore(struct checklist *cl, const char *const *types, size_t n)
{
	size_t out = 0;

	for (size_t k = 0; k < cl->npatches; k++)
		checklist_ignore(&cl->per_patch[k], types, n);
	for (size_t i = 0; i < cl->items.n; i++) {
		bool drop = false;

		for (size_t t = 0; t < n && !drop; t++)
			drop = !strcmp(checklist_type(&cl->items.v[i]), types[t]);
		if (drop)
			item_release(&cl->items.v[i]);
		else
			cl->items.v[out++] = cl->items.v[i];
	}
	cl->items.n = out;
}

/* ---- a series -------------------------------------------------------- */

static bool same_or_null(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

/*
 * The same finding in two comparisons of one series: line numbers move
 * with the patches between them, so they are not part of it.
 */
static bool same_item(const struct checklist_item *x, const struct checklist_item *y)
{
	return !strcmp(x->kind, y->kind) && !strcmp(x->path, y->path) &&
	       same_or_null(x->function, y->function) && same_or_null(x->barrier, y->barrier) &&
	       same_or_null(x->quote, y->quote);
}

static bool has_item(const struct checklist *cl, const struct checklist_item *it, bool open)
{
	for (size_t i = 0; i < cl->items.n; i++)
		if ((!open || !cl->items.v[i].done) && same_item(&cl->items.v[i], it))
			return true;
	return false;
}

void checklist_series(struct checklist *cl, struct checklist *per, struct checklist *upto,
		      size_t n)
{
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < per[k].items.n; i++) {
			struct checklist_item *it = &per[k].items.v[i];

			/* only what the series as far as patch k still has can be fixed later */
			if (it->done || !has_item(&upto[k], it, true))
				continue;
			for (size_t j = k + 1; j < n; j++) {
				if (has_item(&upto[j], it, true))
					continue;
				it->done = true;
				it->fixed_by = xasprintf("patch %zu/%zu (%s)", j + 1, n,
							 per[j].patches.n ?
							 subject_without_tag(per[j].patches.v[0]) : "?");
				break;
			}
		}
	}
	*cl = upto[n - 1];
	for (size_t k = 0; k + 1 < n; k++)
		checklist_release(&upto[k]);
	cl->per_patch = per;
	cl->npatches = n;
}

void checklist_attention_items(const struct checklist *cl, struct attention_vec *out)
{
	for (size_t k = 0; k < cl->npatches; k++)
		for (size_t i = 0; i < cl->per_patch[k].items.n; i++)
			if (!cl->per_patch[k].items.v[i].done)
				vec_push(out, ((struct attention){ &cl->per_patch[k].items.v[i], (long)k }));
	/* the series' own: what no single patch's checklist already says */
	for (size_t i = 0; i < cl->items.n; i++) {
		const struct checklist_item *it = &cl->items.v[i];
		bool said = false;

		for (size_t k = 0; k < cl->npatches && !said; k++)
			said = has_item(&cl->per_patch[k], it, true);
		if (!it->done && !said)
			vec_push(out, ((struct attention){ it, -1 }));
	}
}

size_t checklist_attention(const struct checklist *cl)
{
	struct attention_vec v = { 0 };
	size_t n;

	checklist_attention_items(cl, &v);
	n = v.n;
	free(v.v);
	return n;
}

void checklist_release(struct checklist *cl)
{
	for (size_t k = 0; k < cl->npatches; k++)
		checklist_release(&cl->per_patch[k]);
	free(cl->per_patch);
	for (size_t i = 0; i < cl->items.n; i++)
		item_release(&cl->items.v[i]);
	for (size_t i = 0; i < cl->patches.n; i++)
		free(cl->patches.v[i]);
	for (size_t i = 0; i < cl->sources.n; i++)
		free(cl->sources.v[i]);
	free(cl->patches.v);
	free(cl->sources.v);
	free(cl->items.v);
	free(cl->kernel);
	memset(cl, 0, sizeof(*cl));
}

