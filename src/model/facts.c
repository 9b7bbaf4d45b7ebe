// SPDX-License-Identifier: GPL-2.0
/* facts.c: names, lookups and the free functions of the facts. */
#include "facts.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void file_index_functions(struct file_facts *f)
{
	size_t n = f->functions.n, top = 0;
	int *stack = xcalloc(n, sizeof(*stack));

	free(f->outer);
	f->outer = xcalloc(n, sizeof(*f->outer));
	/* the previous greater element of each end, with a stack */
	for (size_t i = 0; i < n; i++) {
		struct pos end = f->functions.v[i].end;

		while (top && pos_le(f->functions.v[stack[top - 1]].end, end))
			top--;
		f->outer[i] = top ? stack[top - 1] : -1;
		stack[top++] = (int)i;
	}
	f->outer_n = n;
	free(stack);
}

/*
 * The last function that starts at or before @p, then its chain of outer
 * functions: any function between two links ends before the later link
 * does, so it cannot hold @p when that link does not.
 */
static int indexed_function_at(const struct file_facts *f, struct pos p)
{
	size_t lo = 0, hi = f->functions.n;
	int i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (pos_le(f->functions.v[mid].start, p))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = (int)lo - 1; i >= 0; i = f->outer[i])
		if (pos_le(p, f->functions.v[i].end))
			return i;
	return -1;
}

size_t file_first_comment_from(const struct file_facts *f, struct pos p)
{
	size_t lo = 0, hi = f->comments.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pos_lt(f->comments.v[mid].start, p))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int file_function_at(const struct file_facts *f, struct pos p)
{
	int best = -1;

	if (f->outer && f->outer_n == f->functions.n)
		return indexed_function_at(f, p);
	/* the innermost: a macro defined inside a function wins */
	for (size_t i = 0; i < f->functions.n; i++) {
		const struct function *fn = &f->functions.v[i];

		if (pos_le(fn->start, p) && pos_le(p, fn->end) &&
		    (best < 0 || pos_le(f->functions.v[best].start, fn->start)))
			best = (int)i;
	}
	return best;
}

const char *site_function_name(const struct site *s)
{
	return s->function >= 0 ? s->file->functions.v[s->function].name : NULL;
}

void sb_add_barrier_at(struct strbuf *sb, const char *barrier, const char *function,
		       const char *path, unsigned line)
{
	sb_addf(sb, "%s() in %s() (%s:%u", barrier, function, path, line);
}

bool site_has_partner(const struct site *s, const struct site *t)
{
	for (size_t i = 0; i < s->partners.n; i++)
		if (s->partners.v[i].site == t)
			return true;
	return false;
}

static const struct status_info statuses[STATUS__COUNT] = {
	[STATUS_DANGLING] = { "dangling",
		"the named partner does not exist, or holds no such barrier", "red", "#f4a6a6" },
	[STATUS_MISMATCH] = { "mismatch",
		"the partner exists but cannot pair with this barrier", "orange", "#f7c59f" },
	[STATUS_VAGUE] = { "vague",
		"the comment speaks of pairing but names no function", "violet", "#d9c6f0" },
	[STATUS_UNDOCUMENTED] = { "undocumented",
		"no comment says what the barrier pairs with", "grey", "#dddddd" },
	[STATUS_ONE_WAY] = { "one-way",
		"the partner exists but its comment does not point back", "yellow", "#fff1a8" },
	[STATUS_NO_PARTNER] = { "no-partner",
		"the comment says there is no partner", "blue", "#c6e2f7" },
	[STATUS_PAIRED] = { "paired",
		"the partner exists and points back", "green", "#bfe6b8" },
	[STATUS_NOT_REQUIRED] = { "not-required",
		"a compiler barrier, never paired", "white", "#ffffff" },
};

const struct status_info *status_info(enum status status)
{
	if ((unsigned)status >= STATUS__COUNT)
		BUG("unknown status %d", (int)status);
	return &statuses[status];
}

const char *status_name(enum status status)
{
	return status_info(status)->name;
}

const char *comment_rule_name(enum comment_rule rule)
{
	switch (rule) {
	case RULE_NONE: return "none";
	case RULE_ABOVE: return "above";
	case RULE_TRAILING: return "trailing";
	case RULE_INSIDE: return "inside";
	case RULE_NEARBY: return "nearby";
	case RULE_BELOW: return "below";
	}
	BUG("unknown comment rule %d", (int)rule);
}

static void calls_free(struct call_vec *calls)
{
	for (size_t i = 0; i < calls->n; i++)
		free(calls->v[i].callee);
	free(calls->v);
}

static void accesses_free(struct access_vec *side)
{
	for (size_t i = 0; i < side->n; i++)
		free(side->v[i].object);
	free(side->v);
	*side = (struct access_vec){ 0 };
}

void site_release(struct site *s)
{
	for (size_t i = 0; i < s->partners.n; i++) {
		free(s->partners.v[i].via.v);
		free(s->partners.v[i].through.v);
	}
	free(s->partners.v);
	for (size_t i = 0; s->results && i < s->pairing.nrefs; i++) {
		struct ref_result *r = &s->results[i];

		for (size_t j = 0; j < r->candidates.n; j++)
			free(r->candidates.v[j]);
		for (size_t j = 0; j < r->searched.n; j++)
			free(r->searched.v[j]);
		free(r->candidates.v);
		free(r->searched.v);
		free(r->note);
	}
	free(s->results);
	pairing_release(&s->pairing);
	calls_free(&s->stmt_calls);
	accesses_free(&s->before);
	accesses_free(&s->after);
	free(s->comment_text);
	free(s->barrier);
	free(s->message);
}

void claim_release(struct claim *c)
{
	free(c->sentence);
	free(c->subject);
	free(c->barrier);
	free(c->misspelled);
	free(c->there.via.v);
	free(c->message);
}

void file_facts_free(struct file_facts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->sites.n; i++)
		site_release(&f->sites.v[i]);
	for (size_t i = 0; i < f->functions.n; i++) {
		calls_free(&f->functions.v[i].calls);
		calls_free(&f->functions.v[i].indirect);
		free(f->functions.v[i].name);
	}
	for (size_t i = 0; i < f->pointers.n; i++) {
		free(f->pointers.v[i].field);
		free(f->pointers.v[i].target);
	}
	free(f->pointers.v);
	for (size_t i = 0; i < f->comments.n; i++) {
		free(f->comments.v[i].text);
		if (f->comments.v[i].pairing)
			pairing_release(f->comments.v[i].pairing);
		free(f->comments.v[i].pairing);
	}
	for (size_t i = 0; i < f->includes.n; i++)
		free(f->includes.v[i]);
	for (size_t i = 0; i < f->claims.n; i++)
		claim_release(&f->claims.v[i]);
	free(f->claims.v);
	free(f->includes.v);
	free(f->sites.v);
	free(f->functions.v);
	free(f->outer);
	free(f->comments.v);
	free(f->path);
	free(f->arch);
	free(f->skipped);
	free(f);
}

void program_free_facts(struct program *p)
{
	if (p->infer || p->lkmm)
		BUG("program_free_facts() before the stages freed their tables");
	for (size_t i = 0; i < p->files.n; i++)
		file_facts_free(p->files.v[i]);
	free(p->files.v);
	free(p->by_name.v);
	free(p->names.v);
	free(p->pointers.v);
	free(p->kernel);
	free(p);
}

struct function *function_of(const struct function_ref *r)
{
	return &r->file->functions.v[r->index];
}

static int function_ref_cmp(const void *a, const void *b)
{
	const struct function_ref *x = a, *y = b;
	int c = strcmp(function_of(x)->name, function_of(y)->name);

	if (c)
		return c;
	c = strcmp(x->file->path, y->file->path);
	if (c)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

static int pointer_ref_cmp(const void *a, const void *b)
{
	const struct pointer_ref *x = a, *y = b;
	int c = strcmp(x->field, y->field);

	if (!c)
		c = strcmp(x->file->path, y->file->path);
	return c ? c : strcmp(x->target, y->target);
}

static void index_pointers(struct program *p)
{
	p->pointers.n = 0;
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->pointers.n; j++)
			vec_push(&p->pointers, ((struct pointer_ref){ f->pointers.v[j].field,
								      f->pointers.v[j].target, f }));
	}
	xqsort(p->pointers.v, p->pointers.n, sizeof(*p->pointers.v), pointer_ref_cmp);
}

/* Add @name to the sorted set @out of *n; false when it is full. */
static bool add_target(const char **out, size_t *n, const char *name)
{
	size_t i = 0;

	while (i < *n && strcmp(out[i], name) < 0)
		i++;
	if (i < *n && !strcmp(out[i], name))
		return true;
	if (*n == POINTER_TARGETS)
		return false;
	memmove(&out[i + 1], &out[i], (*n - i) * sizeof(*out));
	out[i] = name;
	(*n)++;
	return true;
}

size_t program_pointer_targets(const struct program *p, const char *field,
			       const struct file_facts *file, const char **out)
{
	size_t lo = 0, hi = p->pointers.n, n = 0, end;
	bool full = false;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(p->pointers.v[mid].field, field) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < p->pointers.n && !strcmp(p->pointers.v[end].field, field); end++)
		if (p->pointers.v[end].file == file && !add_target(out, &n, p->pointers.v[end].target))
			full = true;
	if (n)
		return full ? 0 : n;
	for (size_t i = lo; i < end && !full; i++)
		full = !add_target(out, &n, p->pointers.v[i].target);
	return full ? 0 : n;
}

void name_bag(const char *name, unsigned char bag[16])
{
	memset(bag, 0, 16);
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		if (bag[*c & 15] < 255)
			bag[*c & 15]++;
}

int bag_distance(const unsigned char a[16], const unsigned char b[16])
{
	int more = 0, fewer = 0;

	for (int i = 0; i < 16; i++) {
		if (a[i] > b[i])
			more += a[i] - b[i];
		else
			fewer += b[i] - a[i];
	}
	return more > fewer ? more : fewer;
}

static int name_len_cmp(const void *a, const void *b)
{
	const struct name_len *x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return strcmp(x->name, y->name);
}

void program_index_functions(struct program *p)
{
	if (p->by_name_files == p->files.n && p->by_name.v)
		return;
	p->by_name_files = p->files.n;
	p->by_name.n = 0;
	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->functions.n; j++)
			vec_push(&p->by_name, ((struct function_ref){ p->files.v[i], j }));
	xqsort(p->by_name.v, p->by_name.n, sizeof(*p->by_name.v), function_ref_cmp);
	index_pointers(p);
	p->names.n = 0;
	for (size_t i = 0; i < p->by_name.n; i++) {
		const char *name = function_of(&p->by_name.v[i])->name;

		if (!p->names.n || strcmp(vec_last(&p->names)->name, name)) {
			struct name_len nl = { name, strlen(name), { 0 } };

			name_bag(name, nl.bag);
			vec_push(&p->names, nl);
		}
	}
	xqsort(p->names.v, p->names.n, sizeof(*p->names.v), name_len_cmp);
}

const struct function_ref *program_find_function(const struct program *p,
						 const char *name, size_t *n)
{
	size_t lo = 0, hi = p->by_name.n, end;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(function_of(&p->by_name.v[mid])->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < p->by_name.n && !strcmp(function_of(&p->by_name.v[end])->name, name); end++)
		;
	*n = end - lo;
	return *n ? &p->by_name.v[lo] : NULL;
}

/* "path:line" -> path and line, when the part after the last ':' is a number. */
bool site_location_parse(const char *arg, char **path, unsigned *line)
{
	const char *colon = strrchr(arg, ':');
	unsigned long n;

	/* digits only: strtoul() took " 9", "+9", and 4294967305 as line 9 */
	if (!colon || !parse_uint(colon + 1, UINT_MAX, &n) || !n)
		return false;
	*path = xstrndup(arg, (size_t)(colon - arg));
	*line = (unsigned)n;
	return true;
}

bool site_matches_arg(const struct site *s, const char *name, const char *path,
		      unsigned line)
{
	const char *fn = site_function_name(s);

	if (!path)
		return fn && !strcmp(fn, name);
	if (strcmp(s->file->path, path) && !str_ends_with(path, s->file->path))
		return false;
	if (s->at.line == line || s->stmt.line == line)
		return true;
	/* a line inside the comment that belongs to the barrier */
	return s->comment >= 0 && s->file->comments.v[s->comment].start.line <= line &&
	       line <= s->file->comments.v[s->comment_last].end.line;
}

/* ---- copies, for check-patch's programs that share untouched files ---- */

static struct call_vec calls_copy(const struct call_vec *in)
{
	struct call_vec out = { 0 };

	for (size_t i = 0; i < in->n; i++)
		vec_push(&out, ((struct call){ xstrdup(in->v[i].callee), in->v[i].at }));
	return out;
}

static struct access_vec accesses_copy(const struct access_vec *in)
{
	struct access_vec out = { 0 };

	for (size_t i = 0; i < in->n; i++) {
		struct access a = in->v[i];

		a.object = xstrdup(a.object);
		vec_push(&out, a);
	}
	return out;
}

struct file_facts *file_facts_clone(const struct file_facts *f)
{
	struct file_facts *c = xcalloc(1, sizeof(*c));

	c->path = xstrdup(f->path);
	c->arch = xstrdup(f->arch);
	c->in_scope = f->in_scope;
	c->skipped = xstrdup_or_null(f->skipped);
	if (f->claims.n)
		BUG("%s: file_facts_clone() of a file whose claims were checked", f->path);
	for (size_t i = 0; i < f->functions.n; i++) {
		struct function fn = f->functions.v[i];

		fn.name = xstrdup(fn.name);
		fn.calls = calls_copy(&f->functions.v[i].calls);
		fn.indirect = calls_copy(&f->functions.v[i].indirect);
		vec_push(&c->functions, fn);
	}
	if (f->outer)
		file_index_functions(c);
	for (size_t i = 0; i < f->pointers.n; i++) {
		struct pointer_assign pa = f->pointers.v[i];

		pa.field = xstrdup(pa.field);
		pa.target = xstrdup(pa.target);
		vec_push(&c->pointers, pa);
	}
	for (size_t i = 0; i < f->comments.n; i++) {
		struct comment cm = f->comments.v[i];

		cm.text = xstrdup(cm.text);
		if (cm.pairing) {
			cm.pairing = xmalloc(sizeof(*cm.pairing));
			pairing_copy(cm.pairing, f->comments.v[i].pairing);
		}
		vec_push(&c->comments, cm);
	}
	for (size_t i = 0; i < f->includes.n; i++)
		vec_push(&c->includes, xstrdup(f->includes.v[i]));
	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *s = &f->sites.v[i];
		struct site t = *s;

		t.file = c;
		t.barrier = xstrdup(s->barrier);
		t.comment_text = xstrdup_or_null(s->comment_text);
		if (s->partners.n || s->results || s->message || s->lkmm || s->likely)
			BUG("%s: file_facts_clone() of a resolved site", f->path);
		t.stmt_calls = calls_copy(&s->stmt_calls);
		pairing_copy(&t.pairing, &s->pairing);
		t.before = accesses_copy(&s->before);
		t.after = accesses_copy(&s->after);
		vec_push(&c->sites, t);
	}
	return c;
}
