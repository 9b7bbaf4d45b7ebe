// SPDX-License-Identifier: GPL-2.0
/*
 * resolve.c: references -> partners -> statuses, over the whole program.
 *
 * A reference {arch?, barrier?, function} resolves to the barrier sites in
 * the named function, or in its callees down to opts->max_depth calls (the
 * chain is kept in partner->via), or to a call to an atomic RMW that
 * implies a full barrier.  Then each site gets its status (DESIGN.md):
 * paired when a partner names it back, one-way when none does, dangling,
 * mismatch, vague, undocumented, no-partner.  The resolver never prints.
 */
#include "infer.h"
#include "pipeline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Does @text name @id as a whole word? */
static bool names_identifier(const char *text, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = text ? strstr(text, id) : NULL; p; p = strstr(p + 1, id)) {
		bool before = p > text && (p[-1] == '_' || isalnum((unsigned char)p[-1]));
		bool after = p[n] == '_' || isalnum((unsigned char)p[n]);

		if (!before && !after)
			return true;
	}
	return false;
}

struct search {
	const struct function_ref *fn;
	unsigned depth;
	int parent;		/* index in the queue, -1 for the named one */
};

/* Definitions of @name, preferring @arch and generic code over other arches. */
static size_t pick_definitions(const struct program *p, const char *name, const char *arch,
			       const struct function_ref **out, size_t max)
{
	size_t n, k = 0;
	const struct function_ref *defs = program_find_function(p, name, &n);

	for (size_t i = 0; i < n && k < max; i++)
		if (!arch || !strcmp(defs[i].file->arch, arch) ||
		    !strcmp(defs[i].file->arch, "generic"))
			out[k++] = &defs[i];
	for (size_t i = 0; !k && i < n && i < max; i++)
		out[k++] = &defs[i];
	return k;
}

static bool barrier_matches(const struct ref *r, const struct site *t, bool any)
{
	if (t->implicit || t->kind == KIND_COMPILER)
		return false;
	if (any || !r->barrier)
		return true;
	if (r->wildcard)
		return str_starts_with(t->barrier, r->barrier);
	return !strcmp(t->barrier, r->barrier);
}

static void add_partner(struct site *s, size_t ref, struct partner *pt,
			const struct search *queue, int at)
{
	VEC(const char *) rev = { 0 };

	for (int q = at; q >= 0; q = queue[q].parent)
		vec_push(&rev, function_of(queue[q].fn)->name);
	for (size_t i = rev.n; i > 0; i--)
		vec_push(&pt->via, rev.v[i - 1]);
	free(rev.v);
	pt->ref = ref;
	vec_push(&s->partners, *pt);
}

/* Matches inside one function; returns how many were added. */
static size_t match_in_function(struct site *s, size_t ref, const struct function_ref *fr,
				bool any, const struct search *queue, int at)
{
	const struct ref *r = &s->pairing.refs[ref];
	struct file_facts *f = fr->file;
	struct function *fn = function_of(fr);
	size_t found = 0;

	for (size_t i = 0; i < f->sites.n; i++) {
		struct site *t = &f->sites.v[i];
		struct partner pt = { 0 };

		if (t->function != (int)fr->index || t == s || !barrier_matches(r, t, any))
			continue;
		pt = (struct partner){ .site = t, .file = f, .at = t->at, .function = fn->name,
				       .barrier = t->barrier, .kind = t->kind };
		add_partner(s, ref, &pt, queue, at);
		found++;
	}
	/* "the barrier implicit in F": an atomic RMW in F */
	if (found || (r->barrier && !any))
		return found;
	for (size_t i = 0; i < fn->calls.n; i++) {
		struct partner pt;

		if (!implies_full_barrier(fn->calls.v[i].callee))
			continue;
		pt = (struct partner){ .site = NULL, .file = f, .at = fn->calls.v[i].at,
				       .function = fn->name, .barrier = fn->calls.v[i].callee,
				       .kind = KIND_IMPLIED };
		add_partner(s, ref, &pt, queue, at);
		found++;
		break;	/* one implied barrier is enough evidence */
	}
	return found;
}

static bool queued(const struct search *q, size_t n, const struct function_ref *fr)
{
	for (size_t i = 0; i < n; i++)
		if (q[i].fn == fr)
			return true;
	return false;
}

/*
 * Breadth first from the named definition: the shallowest matches win, so
 * a barrier in the function itself is preferred to one in a callee.
 */
static size_t search_from(const struct program *p, struct site *s, size_t ref,
			  const struct function_ref *start, bool any, unsigned *depth)
{
	VEC(struct search) q = { 0 };
	size_t found = 0;
	unsigned found_depth = ~0u;

	vec_push(&q, ((struct search){ start, 0, -1 }));
	for (size_t i = 0; i < q.n; i++) {
		struct search cur = q.v[i];
		struct function *fn = function_of(cur.fn);

		if (cur.depth > found_depth)
			break;
		if (cur.depth > *depth)
			*depth = cur.depth;
		if (match_in_function(s, ref, cur.fn, any, q.v, (int)i)) {
			found++;
			found_depth = cur.depth;
			continue;
		}
		if (cur.depth >= p->opts->max_depth)
			continue;
		for (size_t c = 0; c < fn->calls.n; c++) {
			const struct function_ref *defs[4];
			size_t n = pick_definitions(p, fn->calls.v[c].callee, cur.fn->file->arch, defs, 4);

			for (size_t d = 0; d < n; d++)
				if (!queued(q.v, q.n, defs[d]))
					vec_push(&q, ((struct search){ defs[d], cur.depth + 1, (int)i }));
		}
	}
	free(q.v);
	return found;
}

static void check_kinds(struct site *s, size_t ref, size_t first, struct ref_result *res)
{
	const struct ref *r = &s->pairing.refs[ref];
	const struct barrier_def *claimed = r->barrier && !r->wildcard ? barrier_lookup(r->barrier) : NULL;

	for (size_t i = first; i < s->partners.n; i++) {
		const struct partner *pt = &s->partners.v[i];

		if (!kinds_can_pair(s->kind, pt->kind)) {
			res->mismatch = true;
			free(res->note);
			res->note = xasprintf("%s() is a %s barrier and cannot pair with %s() (%s)",
					      pt->barrier, kind_name(pt->kind), s->barrier,
					      kind_name(s->kind));
		} else if (claimed && strcmp(claimed->name, pt->barrier) &&
			   !kind_at_least(pt->kind, claimed->kind)) {
			res->weaker = true;
			free(res->note);
			res->note = xasprintf("the comment names %s(), but %s() has %s(), a %s barrier",
					      claimed->name, pt->function, pt->barrier,
					      kind_name(pt->kind));
		}
	}
}

static void resolve_ref(const struct program *p, struct site *s, size_t ref)
{
	const struct ref *r = &s->pairing.refs[ref];
	struct ref_result *res = &s->results[ref];
	const struct function_ref *defs[8];
	size_t n, first = s->partners.n;
	const char *arch = r->arch ? r->arch : s->file->arch;

	if (!r->function)
		return;
	n = pick_definitions(p, r->function, arch, defs, 8);
	res->function_found = n > 0;
	if (!n) {
		infer_did_you_mean(p, s, ref, res);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		vec_push(&res->searched, xasprintf("%s:%u", defs[i]->file->path,
						   function_of(defs[i])->start.line));
		res->nfound += search_from(p, s, ref, defs[i], false, &res->depth);
	}
	/* the named barrier is not there: is another one? */
	if (!res->nfound && r->barrier) {
		for (size_t i = 0; i < n; i++)
			res->nfound += search_from(p, s, ref, defs[i], true, &res->depth);
		if (res->nfound)
			res->note = xasprintf("no %s() there; found %s() instead",
					      r->barrier, s->partners.v[first].barrier);
	}
	check_kinds(s, ref, first, res);
	if (!res->nfound)
		infer_did_you_mean(p, s, ref, res);
}

/* Does @callee supply a barrier, itself or through its callees? */
static bool supplies_barrier(const struct program *p, const struct site *s, const char *callee)
{
	struct ref probe = { .function = (char *)callee };
	struct site tmp = { .file = s->file, .function = -1, .kind = KIND_FULL };
	struct ref_result rr = { 0 };
	const struct function_ref *defs[4];
	size_t n = pick_definitions(p, callee, s->file->arch, defs, 4);
	bool ok = implies_full_barrier(callee);

	tmp.pairing.refs = &probe;
	tmp.pairing.nrefs = 1;
	tmp.results = &rr;
	for (size_t i = 0; i < n && !ok; i++)
		ok = search_from(p, &tmp, 0, defs[i], true, &rr.depth) > 0;
	for (size_t i = 0; i < tmp.partners.n; i++)
		free(tmp.partners.v[i].via.v);
	free(tmp.partners.v);
	return ok;
}

static void take_call(struct site *s, const struct call *c)
{
	free(s->barrier);
	s->barrier = xstrdup(c->callee);
	s->at = c->at;
	s->kind = implies_full_barrier(c->callee) ? KIND_IMPLIED : KIND_UNKNOWN;
	s->end_col = s->at.col + (unsigned)strlen(c->callee) - 1;
}

/* Does the comment claim a barrier of its own ("The barrier in X achieves this")? */
static bool claims_barrier(const char *text)
{
	return strstr(text, "barrier") || strstr(text, "smp_") || strstr(text, "implicit") ||
	       strstr(text, "implied");
}

/*
 * An implicit site's own barrier: a call the comment names that supplies
 * one, else the first call below it that does.  Returns false when the
 * site is no site at all: no call supplies a barrier and the comment does
 * not claim one ("Pairs with nVHE's __activate_traps()" on a sysreg write).
 */
static bool resolve_own_barrier(const struct program *p, struct site *s)
{
	const struct call *named = NULL, *first = NULL;

	for (size_t c = 0; c < s->stmt_calls.n; c++) {
		const struct call *call = &s->stmt_calls.v[c];
		bool in_text = names_identifier(s->comment_text, call->callee);

		if ((named && !in_text) || (first && !in_text))
			continue;
		if (!supplies_barrier(p, s, call->callee))
			continue;
		if (in_text && !named)
			named = call;
		else if (!first)
			first = call;
	}
	if (named || first) {
		take_call(s, named ? named : first);
		return true;
	}
	if (!claims_barrier(s->comment_text))
		return false;
	s->kind = KIND_UNKNOWN;
	s->message = xasprintf("the comment sits on a call, but no call around it holds a barrier "
			       "(searched %u calls deep)", p->opts->max_depth);
	return true;
}

/* Keep the implicit sites whose comment is about a barrier. */
static void resolve_implicit_sites(const struct program *p, struct file_facts *f)
{
	size_t out = 0;

	for (size_t i = 0; i < f->sites.n; i++) {
		struct site *s = &f->sites.v[i];

		if (s->implicit && !resolve_own_barrier(p, s)) {
			site_release(s);
			continue;
		}
		f->sites.v[out++] = *s;
	}
	f->sites.n = out;
}

static void resolve_site(const struct program *p, struct site *s)
{
	if (s->pairing.kind != PAIRING_REFS)
		return;
	s->results = xcalloc(s->pairing.nrefs, sizeof(*s->results));
	for (size_t i = 0; i < s->pairing.nrefs; i++)
		resolve_ref(p, s, i);
}

/* ---- statuses -------------------------------------------------------- */

/* Does @q (a partner's site) name @s back? */
static bool names_back(const struct site *q, const struct site *s)
{
	for (size_t i = 0; i < q->partners.n; i++)
		if (q->partners.v[i].site == s)
			return true;
	return false;
}

/*
 * Reciprocity: the partner site names us back, or an implicit site at a
 * call of the partner's function does ("the implied barrier in
 * pi_test_and_set_on() pairs with ..." on the call in vmx.c).
 */
static bool partner_points_back(const struct program *p, const struct site *s,
				const struct partner *pt)
{
	if (pt->site && names_back(pt->site, s))
		return true;
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->sites.n; j++) {
			const struct site *q = &f->sites.v[j];

			if (q->implicit && pt->via.n && !strcmp(q->barrier, pt->via.v[0]) &&
			    names_back(q, s))
				return true;
		}
	}
	return false;
}

static char *describe_partner(const struct partner *pt)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s() in %s() (%s:%u", pt->barrier, pt->function, pt->file->path, pt->at.line);
	if (pt->via.n > 1) {
		sb_adds(&sb, ", via ");
		for (size_t i = 0; i < pt->via.n; i++)
			sb_addf(&sb, "%s%s()", i ? " -> " : "", pt->via.v[i]);
	}
	sb_adds(&sb, ")");
	return sb_detach(&sb);
}

static void ref_text(struct strbuf *sb, const struct ref *r)
{
	if (r->implicit)
		sb_adds(sb, "the barrier implicit in ");
	else if (r->barrier)
		sb_addf(sb, "%s%s() in ", r->barrier, r->wildcard ? "*" : "");
	else
		sb_adds(sb, "a barrier in ");
	sb_addf(sb, "%s()", r->function);
	if (r->arch)
		sb_addf(sb, " [%s]", r->arch);
}

static char *dangling_message(const struct site *s, size_t k, const struct program *p)
{
	const struct ref_result *res = &s->results[k];
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, "partner ");
	ref_text(&sb, &s->pairing.refs[k]);
	if (!res->function_found)
		sb_addf(&sb, " not found: no function %s() in the scanned tree",
			s->pairing.refs[k].function);
	else
		sb_addf(&sb, " not found: no barrier there or in its callees (searched %u call%s deep)",
			p->opts->max_depth, p->opts->max_depth == 1 ? "" : "s");
	for (size_t i = 0; i < res->candidates.n; i++)
		sb_addf(&sb, "%s%s()", i ? ", " : " (did you mean ", res->candidates.v[i]);
	if (res->candidates.n)
		sb_adds(&sb, "?)");
	return sb_detach(&sb);
}

/* Every reference that found nothing, or every one that found a wrong kind. */
static size_t describe_failures(const struct program *p, struct site *s, bool dangling,
				struct strbuf *msg)
{
	size_t n = 0;

	for (size_t k = 0; k < s->pairing.nrefs; k++) {
		const struct ref_result *res = &s->results[k];
		char *m;

		if (!s->pairing.refs[k].function)
			continue;
		if (dangling && !res->nfound)
			m = dangling_message(s, k, p);
		else if (!dangling && res->nfound && (res->mismatch || res->weaker))
			m = xstrdup(res->note);
		else
			continue;
		sb_addf(msg, "%s%s", n++ ? "; " : "", m);
		free(m);
	}
	return n;
}

/* Shown in a message; the rest are counted ("and 3 more"), show lists all. */
#define PARTNERS_DESCRIBED 3

static enum status refs_status(const struct program *p, struct site *s, struct strbuf *msg)
{
	bool any_function = false, back = false;

	for (size_t k = 0; k < s->pairing.nrefs; k++)
		any_function |= s->pairing.refs[k].function != NULL;
	if (!any_function) {
		sb_adds(msg, "the pairing comment names no function");
		return STATUS_VAGUE;
	}
	if (describe_failures(p, s, true, msg))
		return STATUS_DANGLING;
	if (describe_failures(p, s, false, msg))
		return STATUS_MISMATCH;
	for (size_t i = 0; i < s->partners.n; i++) {
		bool b = partner_points_back(p, s, &s->partners.v[i]);
		char *d;

		back |= b;
		if (i >= PARTNERS_DESCRIBED)
			continue;
		d = describe_partner(&s->partners.v[i]);
		sb_addf(msg, "%s%s%s", i ? "; " : "pairs with ", d,
			b ? "" : ", which does not name this barrier back");
		free(d);
	}
	if (s->partners.n > PARTNERS_DESCRIBED)
		sb_addf(msg, "; and %zu more", s->partners.n - PARTNERS_DESCRIBED);
	return back ? STATUS_PAIRED : STATUS_ONE_WAY;
}

/* An undocumented barrier that another's comment names: say whose. */
static void add_named_by(const struct program *p, struct site *s, struct strbuf *msg)
{
	unsigned n = 0;

	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->sites.n; j++) {
			const struct site *q = &f->sites.v[j];
			const char *fn = site_function_name(q);

			if (q == s || !names_back(q, s))
				continue;
			sb_addf(msg, "%s%s() in %s() (%s:%u)", n++ ? ", " : "; named as partner by ",
				q->barrier, fn ? fn : "?", f->path, q->at.line);
		}
	}
	s->named_by = n;
}

static void add_misspelling_note(struct site *s, struct strbuf *msg)
{
	for (size_t k = 0; k < s->pairing.nrefs; k++)
		if (s->pairing.refs[k].misspelled)
			sb_addf(msg, "; the comment misspells %s() as %s",
				s->pairing.refs[k].barrier, s->pairing.refs[k].misspelled);
}

static void set_status(const struct program *p, struct site *s)
{
	struct strbuf msg = STRBUF_INIT;

	if (s->message) {	/* an implicit site whose call holds no barrier */
		s->status = STATUS_DANGLING;
		return;
	}
	switch (s->pairing.kind) {
	case PAIRING_NONE:
		s->status = s->kind == KIND_COMPILER ? STATUS_NOT_REQUIRED : STATUS_UNDOCUMENTED;
		sb_adds(&msg, s->kind == KIND_COMPILER ? "a compiler barrier; it does not pair" :
			"no comment names its pairing partner");
		if (s->kind != KIND_COMPILER)
			add_named_by(p, s, &msg);
		break;
	case PAIRING_NO_PARTNER:
		s->status = STATUS_NO_PARTNER;
		sb_adds(&msg, "the comment says it has no partner");
		break;
	case PAIRING_VAGUE:
	case PAIRING_NOT_BARRIER:
		s->status = STATUS_VAGUE;
		sb_adds(&msg, s->pairing.kind == PAIRING_VAGUE ?
			"the pairing comment names no function" :
			"the pairing comment names something that is not a barrier");
		break;
	case PAIRING_REFS:
		s->status = refs_status(p, s, &msg);
		break;
	}
	add_misspelling_note(s, &msg);
	s->message = sb_detach(&msg);
}

void resolve_program(struct program *p)
{
	program_index_functions(p);
	for (size_t i = 0; i < p->files.n; i++)
		resolve_implicit_sites(p, p->files.v[i]);
	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++)
			resolve_site(p, &p->files.v[i]->sites.v[j]);
	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++)
			set_status(p, &p->files.v[i]->sites.v[j]);
}
