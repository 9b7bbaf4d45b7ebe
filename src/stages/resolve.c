// SPDX-License-Identifier: GPL-2.0
/*
 * resolve.c: references -> partners -> statuses, over the whole program.
 *
 * A reference {arch?, barrier?, function} resolves to the barrier sites in
 * the named function, or in its callees down to opts->max_depth calls (the
 * chain is kept in partner->via), or to a call to an atomic RMW that
 * implies a full barrier.  "See the comment in F()" resolves to the sites
 * of F whose own comment speaks of pairing.  A reference that names no
 * barrier keeps only those of F's barriers that can pair with this one and
 * order an object it orders.  Then each site gets its status
 * (rst/statuses.rst): paired when a partner names it back, one-way when
 * none does, dangling, mismatch, vague, undocumented, no-partner.  The
 * resolver never prints.
 */
#include "resolve.h"
#include "infer.h"
#include "options.h"
#include "primitives.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct search {
	const struct function_ref *fn;
	unsigned depth;
	int parent;		/* index in the queue, -1 for the named one */
	const char *through;	/* the pointer's field the parent called it through, or NULL */
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

/*
 * Is @t what reference @r looks for?  A reference naming a function and
 * nothing else also takes F's comments on calls (implicit sites), which
 * stand for F's barriers ("kvmppc_fast_vcpu_kick_hv" for the comment on
 * its rcuwait_wake_up()).
 */
static bool barrier_matches(const struct ref *r, const struct site *t, bool any)
{
	if (t->kind == KIND_COMPILER)
		return false;
	if (t->implicit)
		return !any && !r->barrier && !r->implicit;
	if (any || !r->barrier)
		return true;
	if (r->wildcard)
		return str_starts_with(t->barrier, r->barrier);
	return !strcmp(t->barrier, r->barrier);
}

static void add_partner(struct site *s, size_t ref, struct partner *pt,
			const struct search *queue, int at)
{
	VEC(int) rev = { 0 };

	for (int q = at; q >= 0; q = queue[q].parent)
		vec_push(&rev, q);
	for (size_t i = rev.n; i > 0; i--) {
		vec_push(&pt->via, function_of(queue[rev.v[i - 1]].fn)->name);
		vec_push(&pt->through, queue[rev.v[i - 1]].through);
	}
	free(rev.v);
	pt->ref = ref;
	vec_push(&s->partners, *pt);
}

/*
 * The ordering a call to @callee implies: an atomic RMW's full barrier, a
 * core primitive's kind from the table (pte_unmap_unlock() -> release),
 * or KIND_CALL for none.
 */
static enum kind implied_kind(const char *callee)
{
	const struct primitive *pr;

	if (implies_full_barrier(callee))
		return KIND_IMPLIED;
	pr = primitive_lookup(callee);
	return pr && pr->ordered ? pr->kind : KIND_CALL;
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
	/*
	 * "the barrier implicit in F": an atomic RMW in F, or a call to a core
	 * primitive whose ordering the table knows (pte_unmap_unlock() ->
	 * spin_unlock(), a release)
	 */
	if (found || (r->barrier && !any))
		return found;
	/*
	 * One implied barrier is enough evidence: the call the comment names
	 * ("the spin_lock() in F"), else the first that can pair with @s (the
	 * spin_unlock() after a spin_lock()), else the first; the caller
	 * checks its kind.
	 */
	const struct call *first = NULL, *pairs = NULL, *named = NULL;

	for (size_t i = 0; i < fn->calls.n && !named; i++) {
		const struct call *c = &fn->calls.v[i];

		if (implied_kind(c->callee) == KIND_CALL)
			continue;
		first = first ? first : c;
		if (!pairs && kinds_can_pair(s->kind, implied_kind(c->callee)))
			pairs = c;
		if (r->context && has_word(r->context, c->callee))
			named = c;
	}
	if (named || pairs || first) {
		const struct call *c = named ? named : pairs ? pairs : first;
		struct partner pt = { .site = NULL, .file = f, .at = c->at, .function = fn->name,
				      .barrier = c->callee, .kind = implied_kind(c->callee) };

		add_partner(s, ref, &pt, queue, at);
		found++;
	}
	return found;
}

/*
 * "See the comment in F()": the sites of F whose own comment speaks of
 * pairing, a barrier's or a call's.  Returns how many were added.
 */
static size_t match_commented(struct site *s, size_t ref, const struct function_ref *fr)
{
	struct file_facts *f = fr->file;
	struct function *fn = function_of(fr);
	const struct search at = { fr, 0, -1, NULL };
	size_t found = 0;

	for (size_t i = 0; i < f->sites.n; i++) {
		struct site *t = &f->sites.v[i];
		struct partner pt;

		if (t->function != (int)fr->index || t == s || t->kind == KIND_COMPILER ||
		    t->pairing.kind == PAIRING_NONE)
			continue;
		pt = (struct partner){ .site = t, .file = f, .at = t->at, .function = fn->name,
				       .barrier = t->barrier, .kind = t->kind };
		add_partner(s, ref, &pt, &at, 0);
		found++;
	}
	return found;
}

/*
 * The definitions a search has queued, as indices into p->by_name: an
 * open-addressed set, so that a search of thousands of functions (a deep
 * call graph of the whole tree) does not look through its queue for each.
 */
struct seen {
	size_t *slot;		/* index + 1, 0 for an empty slot */
	size_t cap, n;
};

static bool seen_add(struct seen *set, size_t index)
{
	size_t mask, h;

	if (2 * (set->n + 1) > set->cap) {
		struct seen bigger = { NULL, set->cap ? 2 * set->cap : 64, 0 };

		bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
		for (size_t i = 0; i < set->cap; i++)
			if (set->slot[i])
				seen_add(&bigger, set->slot[i] - 1);
		free(set->slot);
		*set = bigger;
	}
	mask = set->cap - 1;
	for (h = (index * 0x9e3779b97f4a7c15u) & mask; set->slot[h]; h = (h + 1) & mask)
		if (set->slot[h] == index + 1)
			return false;
	set->slot[h] = index + 1;
	set->n++;
	return true;
}

/*
 * Breadth first from the named definition: the shallowest matches win, so
 * a barrier in the function itself is preferred to one in a callee.
 */
static size_t search_from(const struct program *p, struct site *s, size_t ref,
			  const struct function_ref *start, bool any, unsigned *depth)
{
	VEC(struct search) q = { 0 };
	struct seen seen = { 0 };
	size_t found = 0;
	unsigned found_depth = ~0u;

	vec_push(&q, ((struct search){ start, 0, -1, NULL }));
	seen_add(&seen, (size_t)(start - p->by_name.v));
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
				if (seen_add(&seen, (size_t)(defs[d] - p->by_name.v)))
					vec_push(&q, ((struct search){ defs[d], cur.depth + 1, (int)i, NULL }));
		}
		/* range->on_lock(kvm): what .on_lock may hold, as callees too */
		for (size_t c = 0; c < fn->indirect.n; c++) {
			const char *targets[POINTER_TARGETS];
			size_t nt = program_pointer_targets(p, fn->indirect.v[c].callee, cur.fn->file,
							    targets);

			for (size_t t = 0; t < nt; t++) {
				const struct function_ref *defs[4];
				size_t n = pick_definitions(p, targets[t], cur.fn->file->arch, defs, 4);

				for (size_t d = 0; d < n; d++)
					if (seen_add(&seen, (size_t)(defs[d] - p->by_name.v)))
						vec_push(&q, ((struct search){ defs[d], cur.depth + 1,
									      (int)i,
									      fn->indirect.v[c].callee }));
			}
		}
	}
	free(q.v);
	free(seen.slot);
	return found;
}

static void check_kinds(struct site *s, size_t ref, size_t first, struct ref_result *res)
{
	const struct ref *r = &s->pairing.refs[ref];
	const struct barrier_def *claimed = r->barrier && !r->wildcard ? barrier_lookup(r->barrier) : NULL;

	for (size_t i = first; i < s->partners.n; i++) {
		const struct partner *pt = &s->partners.v[i];

		if (pt->ref != ref)
			continue;
		if (!kinds_can_pair(s->kind, pt->kind)) {
			res->mismatch = true;
			free(res->note);
			res->note = xasprintf("%s() is %s %s barrier and cannot pair with %s() (%s)",
					      pt->barrier, kind_article(pt->kind),
					      kind_name(pt->kind), s->barrier, kind_name(s->kind));
		} else if (claimed && strcmp(claimed->name, pt->barrier) &&
			   !kind_at_least(pt->kind, claimed->kind)) {
			res->weaker = true;
			free(res->note);
			res->note = xasprintf("the comment names %s(), but %s() has %s(), %s %s barrier",
					      claimed->name, pt->function, pt->barrier,
					      kind_article(pt->kind), kind_name(pt->kind));
		}
	}
}

/* Can any of the partners from @first on pair with @s? */
static bool any_can_pair(const struct site *s, size_t first)
{
	for (size_t i = first; i < s->partners.n; i++)
		if (kinds_can_pair(s->kind, s->partners.v[i].kind))
			return true;
	return false;
}

/*
 * "smp_wmb(); // See comment in pmd_install()" where pmd_install()'s
 * smp_wmb() does the same job: F's comment explains this barrier too, and
 * F's barrier is not its partner (a write barrier cannot pair with a
 * write barrier).  The partners found from @first on are dropped.
 */
static void explained_by(struct site *s, size_t first, struct ref_result *res)
{
	const struct partner *pt = &s->partners.v[first];

	res->same_role = true;
	res->note = xasprintf("its comment points to %s(), whose %s() (%s:%u) does the same "
			      "job: an explanation, not a partner",
			      pt->function, pt->barrier, pt->file->path, pt->at.line);
	for (size_t i = first; i < s->partners.n; i++) {
		free(s->partners.v[i].via.v);
		free(s->partners.v[i].through.v);
	}
	s->partners.n = first;
	res->nfound = 0;
}

/*
 * "(see comments in __remove_mapping())" on an smp_rmb(), where a comment
 * in that function says "atomic_cmpxchg in folio_ref_freeze provides the
 * smp_rmb": a comment of F that names @s's barrier explains a barrier
 * doing the same job.  Sets @res as explained_by() does.
 */
static bool explained_in_comment(const struct function_ref *fr, const struct site *s,
				 struct ref_result *res)
{
	const struct file_facts *f = fr->file;
	const struct function *fn = function_of(fr);

	for (size_t i = file_first_comment_from(f, fn->start);
	     i < f->comments.n && pos_le(f->comments.v[i].start, fn->end); i++) {
		const struct comment *c = &f->comments.v[i];

		/* a comment that names @s's function speaks of @s as its partner */
		if (!has_word(c->text, s->barrier) ||
		    (site_function_name(s) && has_word(c->text, site_function_name(s))))
			continue;
		res->same_role = true;
		res->note = xasprintf("its comment points to %s(), whose comment (%s:%u) explains "
				      "a barrier doing the same job: an explanation, not a partner",
				      fn->name, f->path, c->start.line);
		return true;
	}
	return false;
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
	for (size_t i = 0; i < n; i++)
		vec_push(&res->searched, xasprintf("%s:%u", defs[i]->file->path,
						   function_of(defs[i])->start.line));
	for (size_t i = 0; r->see && i < n; i++)
		res->nfound += match_commented(s, ref, defs[i]);
	if (r->see && res->nfound && !any_can_pair(s, first)) {
		explained_by(s, first, res);
		return;
	}
	for (size_t i = 0; r->see && !res->nfound && i < n; i++)
		if (explained_in_comment(defs[i], s, res))
			return;
	if (!res->nfound)
		for (size_t i = 0; i < n; i++)
			res->nfound += search_from(p, s, ref, defs[i], false, &res->depth);
	if (r->see && res->nfound && !any_can_pair(s, first)) {
		explained_by(s, first, res);	/* "See comment in tavor_set_eq_ci()" */
		return;
	}
	if (r->see && !res->nfound) {
		/* "see F()" pointed at an explanation, not at a partner */
		res->pointer_only = true;
		res->note = xasprintf("%s() holds no barrier and no pairing comment",
				      r->function);
		return;
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
	bool ok = implied_kind(callee) != KIND_CALL;

	tmp.pairing.refs = &probe;
	tmp.pairing.nrefs = 1;
	tmp.results = &rr;
	for (size_t i = 0; i < n && !ok; i++)
		ok = search_from(p, &tmp, 0, defs[i], true, &rr.depth) > 0;
	for (size_t i = 0; i < tmp.partners.n; i++) {
		free(tmp.partners.v[i].via.v);
		free(tmp.partners.v[i].through.v);
	}
	free(tmp.partners.v);
	return ok;
}

/*
 * The call stands for the barrier: an atomic that implies a full one, a
 * core primitive of the table (mmap_read_unlock() is a release), or a
 * function whose path holds one (of a kind the call does not say).
 */
static void take_call(struct site *s, const struct call *c)
{
	const struct primitive *pr = primitive_lookup(c->callee);

	free(s->barrier);
	s->barrier = xstrdup(c->callee);
	s->at = c->at;
	s->kind = implies_full_barrier(c->callee) ? KIND_IMPLIED :
		  pr && pr->ordered ? pr->kind : KIND_CALL;
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
		bool in_text = has_word(s->comment_text, call->callee);

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
	s->kind = KIND_CALL;
	s->no_barrier_found = true;
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

/* ---- references that name a function but no barrier ------------------- */

/*
 * @s is a comment on a call of C ("The barrier in kvm_flush_remote_tlbs()
 * achieves this.  This pairs with vcpu_enter_guest"): does a pairing
 * comment in C itself name @pt?  Then C's comment says which of F's
 * barriers the call's barrier pairs with.
 */
static bool named_by_callee(const struct program *p, const struct site *s,
			    const struct partner *pt)
{
	const struct function_ref *defs[4];
	size_t n = s->implicit ? pick_definitions(p, s->barrier, s->file->arch, defs, 4) : 0;

	for (size_t d = 0; d < n; d++) {
		const struct file_facts *f = defs[d]->file;

		for (size_t i = 0; i < f->sites.n; i++) {
			const struct site *t = &f->sites.v[i];

			if (t->function != (int)defs[d]->index || t == s)
				continue;
			for (size_t k = 0; k < t->partners.n; k++)
				if (t->partners.v[k].file == pt->file &&
				    pos_eq(t->partners.v[k].at, pt->at))
					return true;
		}
	}
	return false;
}

/* How many partners reference @k found. */
static size_t partners_of(const struct site *s, size_t k)
{
	size_t n = 0;

	for (size_t i = 0; i < s->partners.n; i++)
		n += s->partners.v[i].ref == k;
	return n;
}

/*
 * Keep, of the candidates @cand[0..n) still in play, those @keep says;
 * true if any was kept (otherwise nothing is dropped).
 */
static bool keep_if(const size_t *cand, size_t n, bool *drop, const bool *keep)
{
	bool any = false;

	for (size_t i = 0; i < n; i++)
		any |= !drop[cand[i]] && keep[i];
	for (size_t i = 0; any && i < n; i++)
		drop[cand[i]] |= !keep[i];
	return any;
}

/*
 * Of the candidates still in play, keep those whose objects say they pair
 * with @s at least half as strongly as the best one does (a barrier
 * orders every access of its function, but pairs through the nearest, on
 * the other side, written on one side and read on the other).  False when
 * none shares an object: nothing is dropped.
 */
static bool keep_by_objects(const struct program *p, const struct site *s,
			    const size_t *cand, size_t n, bool *drop, bool *keep)
{
	double *score = xcalloc(n, sizeof(*score)), best = 0.0;
	bool any;

	for (size_t i = 0; i < n; i++) {
		const struct site *c = s->partners.v[cand[i]].site;

		score[i] = c && !drop[cand[i]] ? infer_pair_score(p, s, c) : 0.0;
		if (score[i] > best)
			best = score[i];
	}
	for (size_t i = 0; i < n; i++)
		keep[i] = best > 0.0 && score[i] >= best / 2;
	any = keep_if(cand, n, drop, keep);
	free(score);
	return any;
}

/*
 * A reference that names F but no barrier: of F's barriers, those that
 * can pair with @s; of those, the ones named by the comment in the callee
 * that @s stands for (for a comment on a call), else the ones that order
 * the objects @s orders; with none in common, all are kept and the result
 * says so.  Marks @drop.
 */
static void narrow_ref(const struct program *p, struct site *s, size_t k, bool *drop)
{
	const struct ref *r = &s->pairing.refs[k];
	size_t n = 0, *cand;
	bool *keep;

	if (!r->function || r->barrier || r->implicit || partners_of(s, k) < 2)
		return;
	cand = xcalloc(s->partners.n, sizeof(*cand));
	keep = xcalloc(s->partners.n, sizeof(*keep));
	for (size_t i = 0; i < s->partners.n; i++)
		if (s->partners.v[i].ref == k)
			cand[n++] = i;
	for (size_t i = 0; i < n; i++)
		keep[i] = kinds_can_pair(s->kind, s->partners.v[cand[i]].kind);
	keep_if(cand, n, drop, keep);
	for (size_t i = 0; i < n; i++)
		keep[i] = named_by_callee(p, s, &s->partners.v[cand[i]]);
	if (!keep_if(cand, n, drop, keep))
		s->results[k].kept_all = !keep_by_objects(p, s, cand, n, drop, keep);
	free(cand);
	free(keep);
}

/*
 * Drop the partners marked in @drop (never all of a reference's), and
 * check again the kinds of what each narrowed reference kept.
 */
static void apply_drops(struct site *s, const bool *drop)
{
	VEC(size_t) narrowed = { 0 };
	size_t out = 0;

	for (size_t i = 0; i < s->partners.n; i++) {
		if (drop[i]) {
			if (!narrowed.n || *vec_last(&narrowed) != s->partners.v[i].ref)
				vec_push(&narrowed, s->partners.v[i].ref);
			free(s->partners.v[i].via.v);
			free(s->partners.v[i].through.v);
			continue;
		}
		s->partners.v[out++] = s->partners.v[i];
	}
	s->partners.n = out;
	for (size_t i = 0; i < narrowed.n; i++) {
		struct ref_result *res = &s->results[narrowed.v[i]];

		res->mismatch = false;
		free(res->note);
		res->note = NULL;
		check_kinds(s, narrowed.v[i], 0, res);
	}
	free(narrowed.v);
}

/*
 * Narrow every function-only reference.  All decisions are taken on the
 * partners as resolved, then applied, so the order of sites never matters.
 */
static void narrow_program(const struct program *p)
{
	VEC(bool *) drops = { 0 };

	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++) {
			struct site *s = &p->files.v[i]->sites.v[j];
			bool *drop = xcalloc(s->partners.n + 1, sizeof(*drop));

			for (size_t k = 0; s->results && k < s->pairing.nrefs; k++)
				narrow_ref(p, s, k, drop);
			vec_push(&drops, drop);
		}
	for (size_t i = 0, d = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++, d++) {
			if (p->files.v[i]->sites.v[j].results)
				apply_drops(&p->files.v[i]->sites.v[j], drops.v[d]);
			free(drops.v[d]);
		}
	free(drops.v);
}

/* ---- statuses -------------------------------------------------------- */

/*
 * Does @q (a partner's site) name @s back?  Also when @s is a comment on a
 * call of F and @q names "the barrier implicit in F", the atomic in F that
 * the call stands for (vcpu_enter_guest() and vmx_deliver_posted_interrupt()).
 */
static bool names_back(const struct site *q, const struct site *s)
{
	if (site_has_partner(q, s))
		return true;
	for (size_t i = 0; s->implicit && i < q->partners.n; i++) {
		const struct partner *pt = &q->partners.v[i];

		if (!pt->site && pt->via.n && !strcmp(pt->via.v[0], s->barrier))
			return true;
	}
	return false;
}


/* Words too common in KVM code to tie a description to one barrier. */
static const char *const common_words[] = {
	"kvm", "vcpu", "vcpus", "arch", "the", "and", "for", "with", "when", "write",
	"writes", "read", "reads", "setting", "set", "following", "after", "before",
	"barrier", "memory", "general", "smp", "that", "this", "from", "into", "order",
	"orders", NULL,
};

static bool is_common_word(const char *w, size_t n)
{
	for (const char *const *c = common_words; *c; c++)
		if (strlen(*c) == n && !strncasecmp(*c, w, n))
			return true;
	return false;
}

/* Does a word of @context (3 letters or more, not common) occur in @name's parts? */
static bool shares_word(const char *context, const char *name)
{
	for (const char *w = context; *w;) {
		size_t n = 0;

		while (*w && !isalnum((unsigned char)*w))
			w++;
		while (isalnum((unsigned char)w[n]))
			n++;
		if (n >= 3 && !is_common_word(w, n))
			for (const char *p = name; *p;) {
				size_t m = 0;

				while (*p && !isalnum((unsigned char)*p))
					p++;
				while (isalnum((unsigned char)p[m]))
					m++;
				if (m == n && !strncasecmp(p, w, n))
					return true;
				p += m;
			}
		w += n;
	}
	return false;
}

/*
 * Does @q's vague comment describe @s, which names @q: a barrier @s can
 * be, in words of @s's function or of an object @s orders ("Matches
 * smp_wmb() when setting irqchip_mode" for kvm_vm_ioctl_enable_cap()'s
 * smp_wmb() before kvm->arch.irqchip_mode; "the smp_wmb() when enabling
 * KVM_CAP_HALT_POLL"; "the barrier in vcpu run")?
 */
static bool describes_back(const struct site *q, const struct site *s)
{
	const char *fn = site_function_name(s);

	if (q->pairing.kind != PAIRING_VAGUE)
		return false;
	for (size_t k = 0; k < q->pairing.nrefs; k++) {
		const struct ref *r = &q->pairing.refs[k];
		const struct barrier_def *def = r->barrier ? barrier_lookup(r->barrier) : NULL;

		if (r->function || !r->context)
			continue;
		if (def && !r->wildcard && strcmp(def->name, s->barrier) &&
		    !kind_at_least(s->kind, def->kind))
			continue;
		if (fn && shares_word(r->context, fn))
			return true;
		for (size_t i = 0; i < s->before.n + s->after.n; i++)
			if (shares_word(r->context, i < s->before.n ? s->before.v[i].object :
					s->after.v[i - s->before.n].object))
				return true;
	}
	return false;
}

/*
 * Reciprocity: the partner site names us back, or describes us in words
 * when it names no function, or is a vague comment we point to ("See the
 * comment in kvm_vcpu_exiting_guest_mode()": the two form a pair), or an
 * implicit site at a call of the partner's function names us ("the
 * implied barrier in pi_test_and_set_on() pairs with ..." in vmx.c).
 */
static bool partner_points_back(const struct program *p, const struct site *s,
				const struct partner *pt)
{
	if (pt->site && names_back(pt->site, s))
		return true;
	if (pt->site && s->pairing.refs[pt->ref].see && pt->site->pairing.kind == PAIRING_VAGUE)
		return true;
	if (pt->site && describes_back(pt->site, s))
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

	sb_add_barrier_at(&sb, pt->barrier, pt->function, pt->file->path, pt->at.line);
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

		if (!s->pairing.refs[k].function || res->pointer_only || res->same_role)
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

/*
 * Who names whom, indexed once: every partner that is a site, by the site
 * it names, in program order within each.
 */
struct naming {
	uintptr_t target;
	const struct site *by;
	size_t order;		/* @by's position in the program */
	bool see;		/* through "see the comment in F()" */
};

struct namings {
	VEC(struct naming) v;
};

static int naming_cmp(const void *a, const void *b)
{
	const struct naming *x = a, *y = b;

	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static void namings_build(const struct program *p, struct namings *ix)
{
	size_t order = 0;

	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++, order++) {
			const struct site *q = &p->files.v[i]->sites.v[j];

			for (size_t k = 0; k < q->partners.n; k++) {
				const struct partner *pt = &q->partners.v[k];

				if (pt->site && pt->site != q)
					vec_push(&ix->v, ((struct naming){ (uintptr_t)pt->site, q, order,
									   q->pairing.refs[pt->ref].see }));
			}
		}
	xqsort(ix->v.v, ix->v.n, sizeof(*ix->v.v), naming_cmp);
}

/* The first naming of @s, or ix->v.n. */
static size_t namings_of(const struct namings *ix, const struct site *s)
{
	size_t lo = 0, hi = ix->v.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (ix->v.v[mid].target < (uintptr_t)s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * "; named as partner by X() in F() (path:line), ...": the sites whose
 * comment resolves to @s (only "see the comment in F()" pointers when
 * @see); returns how many.
 */
static unsigned add_namers(const struct namings *ix, const struct site *s, bool see,
			   const char *intro, struct strbuf *msg)
{
	unsigned n = 0;
	const struct site *last = NULL;

	for (size_t i = namings_of(ix, s); i < ix->v.n && ix->v.v[i].target == (uintptr_t)s; i++) {
		const struct site *q = ix->v.v[i].by;
		const char *fn = site_function_name(q);

		if (q == last || (see && !ix->v.v[i].see))
			continue;
		last = q;
		sb_adds(msg, n++ ? ", " : intro);
		sb_add_barrier_at(msg, q->barrier, fn ? fn : "?", q->file->path, q->at.line);
		sb_addc(msg, ')');
	}
	return n;
}

/* An undocumented barrier that another's comment names: say whose. */
static void add_named_by(const struct namings *ix, struct site *s, struct strbuf *msg)
{
	s->named_by = add_namers(ix, s, false, "; named as partner by ", msg);
}

/* "; none of the 4 barriers of vcpu_enter_guest() orders an object ..." */
static void add_kept_all_notes(const struct site *s, struct strbuf *msg)
{
	for (size_t k = 0; k < s->pairing.nrefs; k++)
		if (s->results[k].kept_all)
			sb_addf(msg, "; none of the %zu barriers found for %s() orders an object "
				"this one orders, so all are kept", partners_of(s, k),
				s->pairing.refs[k].function);
}

/*
 * Only "see F()" pointers, each to a function with no barrier and no
 * pairing comment: the comment explains, but names no partner.
 */
static enum status pointers_only_status(const struct namings *ix, struct site *s,
					struct strbuf *msg)
{
	sb_adds(msg, "no comment names its pairing partner");
	for (size_t k = 0; k < s->pairing.nrefs; k++)
		if (s->results[k].pointer_only)
			sb_addf(msg, "; its comment points to %s(), which holds no barrier "
				"and no pairing comment", s->pairing.refs[k].function);
	add_named_by(ix, s, msg);
	return STATUS_UNDOCUMENTED;
}

/*
 * Only "see F()" pointers to comments that explain a barrier doing the
 * same job: the explanation is there, but no partner is named here.
 */
static enum status same_role_status(const struct namings *ix, struct site *s,
				    struct strbuf *msg)
{
	const char *sep = "";

	for (size_t k = 0; k < s->pairing.nrefs; k++)
		if (s->results[k].same_role) {
			sb_addf(msg, "%s%s", sep, s->results[k].note);
			sep = "; ";
		}
	add_named_by(ix, s, msg);
	return STATUS_VAGUE;
}

static enum status refs_status(const struct program *p, const struct namings *ix,
			       struct site *s, struct strbuf *msg)
{
	bool any_function = false, any_pointer = false, any_same_role = false, back = false;

	for (size_t k = 0; k < s->pairing.nrefs; k++) {
		any_pointer |= s->results[k].pointer_only;
		any_same_role |= s->results[k].same_role;
		any_function |= s->pairing.refs[k].function && !s->results[k].pointer_only &&
				!s->results[k].same_role;
	}
	if (!any_function && any_same_role)
		return same_role_status(ix, s, msg);
	if (!any_function && any_pointer)
		return pointers_only_status(ix, s, msg);
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
	add_kept_all_notes(s, msg);
	return back ? STATUS_PAIRED : STATUS_ONE_WAY;
}


static void add_misspelling_note(struct site *s, struct strbuf *msg)
{
	for (size_t k = 0; k < s->pairing.nmisspellings; k++)
		sb_addf(msg, "; the comment misspells %s() as %s", s->pairing.misspellings[k].meant,
			s->pairing.misspellings[k].written);
}

/* For an implicit site whose calls supply no barrier. */
static char *no_barrier_message(const struct program *p)
{
	return xasprintf("the comment sits on a call, but no call around it holds a barrier "
			 "(searched %u calls deep)", p->opts->max_depth);
}

static void set_status(const struct program *p, const struct namings *ix, struct site *s)
{
	struct strbuf msg = STRBUF_INIT;

	if (s->no_barrier_found && s->pairing.kind != PAIRING_VAGUE) {
		s->status = STATUS_DANGLING;
		s->message = no_barrier_message(p);
		return;
	}
	switch (s->pairing.kind) {
	case PAIRING_NONE:
		s->status = s->kind == KIND_COMPILER ? STATUS_NOT_REQUIRED : STATUS_UNDOCUMENTED;
		sb_adds(&msg, s->kind == KIND_COMPILER ? "a compiler barrier; it does not pair" :
			"no comment names its pairing partner");
		if (s->kind != KIND_COMPILER)
			add_named_by(ix, s, &msg);
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
		if (s->no_barrier_found) {
			char *why = no_barrier_message(p);

			sb_addf(&msg, "; %s", why);
			free(why);
		}
		if (add_namers(ix, s, true, "; the comments of ", &msg))
			sb_adds(&msg, " point to it");
		break;
	case PAIRING_REFS:
		s->status = refs_status(p, ix, s, &msg);
		break;
	}
	add_misspelling_note(s, &msg);
	s->message = sb_detach(&msg);
}

void resolve_comments_on_calls(struct program *p)
{
	program_index_functions(p);
	for (size_t i = 0; i < p->files.n; i++)
		resolve_implicit_sites(p, p->files.v[i]);
}

void resolve_program(struct program *p)
{
	struct namings ix = { { 0 } };

	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++)
			resolve_site(p, &p->files.v[i]->sites.v[j]);
	narrow_program(p);
	namings_build(p, &ix);
	for (size_t i = 0; i < p->files.n; i++)
		for (size_t j = 0; j < p->files.v[i]->sites.n; j++)
			set_status(p, &ix, &p->files.v[i]->sites.v[j]);
	free(ix.v.v);
}
