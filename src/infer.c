// SPDX-License-Identifier: GPL-2.0
/*
 * Partner inference: rank every barrier of the program as the partner of
 * one, by the objects both order (see infer.h for the premise).
 */
#include "infer.h"
#include "objects.h"
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How much an access counts by its distance (rank) from the barrier. */
static double rank_weight(size_t rank)
{
	return 1.0 / (1.0 + 0.35 * (double)rank);
}

/*
 * One side writes, the other reads, on opposite sides of the two
 * barriers: the pairing of memory-barriers.txt.  Two writes on opposite
 * sides are an atomic RMW racing a store (kvm_vcpu_exiting_guest_mode's
 * cmpxchg against vcpu_enter_guest's store to vcpu->mode): half.  The same
 * side, or two reads, is weak evidence that both touch the object.
 */
static double direction_weight(bool side_a, bool write_a, bool side_b, bool write_b)
{
	if (side_a != side_b)
		return write_a != write_b ? 1.0 : write_a ? 0.5 : 0.1;
	return write_a != write_b ? 0.25 : 0.1;
}

/* "kvm_vcpu->mode" -> "->mode"; NULL for a bare name. */
static const char *field_suffix(const char *object)
{
	const char *arrow = strstr(object, "->");
	const char *dot = strchr(object, '.');

	if (arrow && (!dot || arrow < dot))
		return arrow;
	return dot;
}

/*
 * 1 for the same object; 0.5 when one path ends with the other's fields
 * from another base (to_vmx(vcpu)->pi_desc and vmx->pi_desc, or
 * vcpu->kvm->arch.x and kvm->arch.x when a type was not known).
 */
static double object_match(const char *a, const char *b)
{
	const char *sa, *sb;
	size_t la, lb;

	if (!strcmp(a, b))
		return 1.0;
	sa = field_suffix(a);
	sb = field_suffix(b);
	if (!sa || !sb)
		return 0.0;
	la = strlen(sa);
	lb = strlen(sb);
	if (la < lb)
		return !strcmp(sb + lb - la, sa) ? 0.5 : 0.0;
	return !strcmp(sa + la - lb, sb) ? 0.5 : 0.0;
}

bool infer_objects_match(const char *a, const char *b)
{
	return object_match(a, b) > 0.0;
}

/* ---- rarity of objects across the program ------------------------------ */

struct df_entry {
	char *key;		/* an object, or "~" and its field suffix */
	unsigned count;		/* sites whose windows hold it */
};

struct df_table {
	VEC(struct df_entry) v;
	size_t nsites;
};

struct infer_index {
	struct df_table df;
};

static int df_cmp(const void *a, const void *b)
{
	return strcmp(((const struct df_entry *)a)->key, ((const struct df_entry *)b)->key);
}

/* Distinct keys of one site, pushed as count-1 entries (merged later). */
static void df_add_site(struct df_table *t, const struct site *s)
{
	VEC(char *) keys = { 0 };

	for (int side = 0; side < 2; side++) {
		const struct access *v = side ? s->after.v : s->before.v;
		size_t n = side ? s->after.n : s->before.n;

		for (size_t i = 0; i < n; i++) {
			const char *suf = field_suffix(v[i].object);

			vec_push(&keys, xstrdup(v[i].object));
			if (suf)
				vec_push(&keys, xasprintf("~%s", suf));
		}
	}
	xqsort(keys.v, keys.n, sizeof(*keys.v), str_cmp_ptr);
	for (size_t i = 0, kept = 0; i < keys.n; i++) {
		/* compare with the last key kept: the duplicates are freed */
		if (i && !strcmp(keys.v[i], keys.v[kept])) {
			free(keys.v[i]);
			continue;
		}
		kept = i;
		vec_push(&t->v, ((struct df_entry){ keys.v[i], 1 }));
	}
	free(keys.v);
	t->nsites++;
}

static void df_build(struct df_table *t, const struct program *p)
{
	size_t out = 0;

	for (size_t f = 0; f < p->files.n; f++)
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++)
			df_add_site(t, &p->files.v[f]->sites.v[i]);
	xqsort(t->v.v, t->v.n, sizeof(*t->v.v), df_cmp);
	for (size_t i = 0; i < t->v.n; i++) {
		if (out && !strcmp(t->v.v[out - 1].key, t->v.v[i].key)) {
			t->v.v[out - 1].count++;
			free(t->v.v[i].key);
			continue;
		}
		t->v.v[out++] = t->v.v[i];
	}
	t->v.n = out;
}

static unsigned df_count(const struct df_table *t, const char *key)
{
	struct df_entry k = { (char *)key, 0 };
	const struct df_entry *e = bsearch(&k, t->v.v, t->v.n, sizeof(k), df_cmp);

	return e ? e->count : 0;
}

/*
 * Rarity, in the manner of inverse document frequency: an object every
 * barrier's window holds (kvm->lock, vcpu->arch) says little.  Hyperbolic
 * rather than logarithmic, which ranks the same and needs no libm.
 */
static double rarity(const struct df_table *t, const char *a, const char *b)
{
	unsigned df;

	if (!strcmp(a, b)) {
		df = df_count(t, a);
	} else {
		char *key = xasprintf("~%s", field_suffix(a));

		df = df_count(t, key);
		free(key);
	}
	if (df < 2)
		df = 2;
	return 2.0 / (1.0 + (double)df / 4.0);
}

static void df_free(struct df_table *t)
{
	for (size_t i = 0; i < t->v.n; i++)
		free(t->v.v[i].key);
	free(t->v.v);
}

/*
 * The table depends only on the program, so it is built once and kept
 * with it: lint asks for the likely partner of every undocumented barrier.
 */
static const struct df_table *df_of(const struct program *p)
{
	struct program *mut = (struct program *)p;

	if (!mut->infer) {
		mut->infer = xcalloc(1, sizeof(*mut->infer));
		df_build(&mut->infer->df, p);
	}
	return &mut->infer->df;
}

void infer_index_free(struct infer_index *ix)
{
	if (!ix)
		return;
	df_free(&ix->df);
	free(ix);
}

/* ---- scoring one candidate --------------------------------------------- */

struct evidence {
	const char *object;	/* @s's spelling of it */
	double weight;
};

struct scored {
	struct site *site;
	double score;
};

static size_t side_n(const struct site *s, int side)
{
	return side ? s->after.n : s->before.n;
}

static const struct access *side_at(const struct site *s, int side, size_t i)
{
	return side ? &s->after.v[i] : &s->before.v[i];
}

/* Add @w to @object's evidence, keeping the best one per object. */
static void note_evidence(struct evidence *ev, size_t *nev, const char *object, double w)
{
	for (size_t i = 0; i < *nev; i++) {
		if (!strcmp(ev[i].object, object)) {
			if (w > ev[i].weight)
				ev[i].weight = w;
			return;
		}
	}
	ev[*nev].object = object;
	ev[*nev].weight = w;
	(*nev)++;
}

/*
 * The evidence that @c pairs with @s: per object of @s, the best weighted
 * match.  @ev must hold 2 * OBJECTS_PER_SIDE-ish entries: one per access
 * of @s.  Returns the number of entries.
 */
static size_t gather_evidence(const struct df_table *t, const struct site *s,
			      const struct site *c, struct evidence *ev)
{
	size_t nev = 0;

	for (int sa = 0; sa < 2; sa++)
		for (size_t i = 0; i < side_n(s, sa); i++) {
			const struct access *a = side_at(s, sa, i);

			for (int sb = 0; sb < 2; sb++)
				for (size_t j = 0; j < side_n(c, sb); j++) {
					const struct access *b = side_at(c, sb, j);
					double m = object_match(a->object, b->object);

					if (m == 0.0)
						continue;
					m *= direction_weight(sa, a->write, sb, b->write) *
					     rank_weight(i) * rank_weight(j) *
					     rarity(t, a->object, b->object);
					note_evidence(ev, &nev, a->object, m);
				}
		}
	return nev;
}

static bool is_generic(const struct file_facts *f)
{
	return !f->arch || !strcmp(f->arch, "generic");
}

/* Proximity and kind: what makes a candidate likelier before any object. */
static double prior(const struct site *s, const struct site *c, double *factor)
{
	double add = 0.0;

	*factor = 1.0;
	if (s->file == c->file) {
		*factor *= 1.25;
		add += 0.05;
		if (s->function >= 0 && s->function == c->function)
			*factor *= 0.3;	/* both ends in one function: rare */
	} else if (!is_generic(s->file) && !is_generic(c->file) &&
		   strcmp(s->file->arch, c->file->arch)) {
		*factor *= 0.2;		/* x86 code does not pair with arm64 code */
	} else if (is_generic(s->file) == is_generic(c->file)) {
		add += 0.02;	/* the same architecture, or both generic */
	}
	/* a write barrier's natural partner is a read barrier, and so on */
	if ((s->kind == KIND_WRITE || s->kind == KIND_RELEASE) ==
	    (c->kind == KIND_READ || c->kind == KIND_ACQUIRE) &&
	    s->kind != KIND_FULL && c->kind != KIND_FULL)
		add += 0.02;
	else if (s->kind == KIND_FULL && c->kind == KIND_FULL)
		add += 0.01;
	return add;
}

static double evidence_sum(const struct evidence *ev, size_t nev)
{
	double sum = 0.0;

	for (size_t i = 0; i < nev; i++)
		sum += ev[i].weight;
	return sum;
}

static bool can_be_partner(const struct site *s, const struct site *c)
{
	if (c == s || c->kind == KIND_COMPILER || s->kind == KIND_COMPILER)
		return false;
	return kinds_can_pair(s->kind, c->kind);
}

static double score_candidate(const struct df_table *t, const struct site *s,
			      const struct site *c, struct evidence *ev, size_t *nev)
{
	double factor, add = prior(s, c, &factor);

	*nev = gather_evidence(t, s, c, ev);
	return evidence_sum(ev, *nev) * factor + add;
}

static int scored_cmp(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	int d;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	/* deterministic ties: by file, then position */
	d = strcmp(x->site->file->path, y->site->file->path);
	if (d)
		return d;
	return pos_cmp(x->site->at, y->site->at);
}

static int evidence_cmp(const void *a, const void *b)
{
	const struct evidence *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->object, y->object);
}

/*
 * Confidence: how much the candidate stands out from the best other one,
 * discounted when the evidence itself is thin (0.5 is about one rare
 * object written on one side and read on the other).
 */
static double confidence(double score, double other)
{
	return score / (score + other + 0.5);
}

static size_t rank_all(const struct df_table *t, const struct program *p,
		       const struct site *s, struct scored **out)
{
	VEC(struct scored) v = { 0 };
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];
	size_t nev;

	for (size_t f = 0; f < p->files.n; f++)
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++) {
			struct site *c = &p->files.v[f]->sites.v[i];

			if (!can_be_partner(s, c))
				continue;
			vec_push(&v, ((struct scored){ c, score_candidate(t, s, c, ev, &nev) }));
		}
	if (v.n)
		xqsort(v.v, v.n, sizeof(*v.v), scored_cmp);
	*out = v.v;
	return v.n;
}

static size_t candidates_with(const struct df_table *t, const struct program *p,
			      const struct site *s, struct candidate *out, size_t max)
{
	struct scored *all;
	size_t n = rank_all(t, p, s, &all), k;
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];
	size_t nev;

	for (k = 0; k < n && k < max; k++) {
		double other = k ? all[0].score : n > 1 ? all[1].score : 0.0;

		memset(&out[k], 0, sizeof(out[k]));
		out[k].site = all[k].site;
		out[k].score = all[k].score;
		out[k].confidence = confidence(all[k].score, other);
		score_candidate(t, s, all[k].site, ev, &nev);
		xqsort(ev, nev, sizeof(*ev), evidence_cmp);
		for (size_t e = 0; e < nev; e++)
			vec_push(&out[k].shared, xstrdup(ev[e].object));
	}
	free(all);
	return k;
}

double infer_pair_score(const struct program *p, const struct site *s, const struct site *c)
{
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];

	return evidence_sum(ev, gather_evidence(df_of(p), s, c, ev));
}

size_t infer_candidates(const struct program *p, const struct site *s,
			struct candidate *out, size_t max)
{
	return candidates_with(df_of(p), p, s, out, max);
}

void candidates_release(struct candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < c[i].shared.n; k++)
			free(c[i].shared.v[k]);
		free(c[i].shared.v);
		c[i].shared.v = NULL;
		c[i].shared.n = c[i].shared.cap = 0;
	}
}

char *infer_site_name(const struct site *s)
{
	const char *fn = site_function_name(s);
	struct strbuf sb = STRBUF_INIT;

	if (fn)
		sb_add_barrier_at(&sb, s->barrier, fn, s->file->path, s->at.line);
	else
		sb_addf(&sb, "%s() (%s:%u", s->barrier, s->file->path, s->at.line);
	sb_addc(&sb, ')');
	return sb_detach(&sb);
}

char *infer_best_summary(const struct program *p, const struct site *s)
{
	struct candidate c;
	struct strbuf sb = STRBUF_INIT;
	const char *fn;

	if (!infer_candidates(p, s, &c, 1))
		return NULL;
	if (!c.shared.n || c.confidence < INFER_MENTION_CONFIDENCE) {
		candidates_release(&c, 1);
		return NULL;
	}
	fn = site_function_name(c.site);
	sb_addf(&sb, "likely partner: %s()", c.site->barrier);
	if (fn)
		sb_addf(&sb, " in %s()", fn);
	sb_adds(&sb, " (shared: ");
	for (size_t i = 0; i < c.shared.n && i < 3; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", c.shared.v[i]);
	sb_addf(&sb, "; confidence %.2f)", c.confidence);
	candidates_release(&c, 1);
	return sb_detach(&sb);
}


/*
 * A partner that inference could rank: a barrier site, not the barrier an
 * atomic in a callee implies (vcpu_enter_guest() -> pi_test_and_set_on()).
 */
static bool has_site_partner(const struct site *s)
{
	for (size_t i = 0; i < s->partners.n; i++)
		if (s->partners.v[i].site && !s->partners.v[i].site->implicit)
			return true;
	return false;
}

/* A line for a documented barrier whose partner was not ranked in the top 3. */
static void note_miss(struct strbuf *out, const struct site *s, const struct candidate *c, size_t k)
{
	const struct site *partner = NULL;
	char *name, *truth;

	for (size_t i = 0; i < s->partners.n && !partner; i++)
		partner = s->partners.v[i].site;
	name = infer_site_name(s);
	truth = infer_site_name(partner);

	sb_addf(out, "miss: %s\n  documented partner: %s\n", name, truth);
	for (size_t j = 0; j < k; j++) {
		char *cand = infer_site_name(c[j].site);

		sb_addf(out, "  ranked %zu: %s\n", j + 1, cand);
		free(cand);
	}
	free(name);
	free(truth);
}

void infer_recall(const struct program *p, double *r1, double *r3, size_t *n,
		  struct strbuf *misses)
{
	const struct df_table *t = df_of(p);
	size_t hit1 = 0, hit3 = 0, total = 0;

	for (size_t f = 0; f < p->files.n; f++)
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++) {
			const struct site *s = &p->files.v[f]->sites.v[i];
			struct candidate c[3];
			size_t k, hit3_before = hit3;

			/*
			 * Ground truth: proven barriers.  A comment on a call
			 * (an implicit site) is no barrier to infer for.
			 */
			if ((s->status != STATUS_PAIRED && s->status != STATUS_ONE_WAY) ||
			    !has_site_partner(s) || s->implicit)
				continue;
			total++;
			k = candidates_with(t, p, s, c, 3);
			for (size_t j = 0; j < k; j++) {
				if (!site_has_partner(s, c[j].site))

					continue;
				hit3++;
				hit1 += j == 0;
				break;
			}
			if (misses && hit3_before == hit3)
				note_miss(misses, s, c, k);
			candidates_release(c, k);
		}
	*n = total;
	*r1 = total ? (double)hit1 / (double)total : 0.0;
	*r3 = total ? (double)hit3 / (double)total : 0.0;
}

bool infer_looks_redundant(const struct program *p, const struct site *s)
{
	const struct df_table *t = df_of(p);
	bool shared = false;

	if (s->implicit || s->kind == KIND_COMPILER || s->status != STATUS_UNDOCUMENTED ||
	    !barrier_lookup(s->barrier))
		return false;
	for (int side = 0; side < 2 && !shared; side++)
		for (size_t i = 0; i < side_n(s, side) && !shared; i++) {
			const char *o = side_at(s, side, i)->object;
			const char *suf = field_suffix(o);
			char *key = suf ? xasprintf("~%s", suf) : NULL;

			/* another barrier's window holds the object too */
			shared = df_count(t, o) > 1 || (key && df_count(t, key) > 1);
			free(key);
		}
	return !shared;
}

/* ---- did you mean ------------------------------------------------------- */

/* How many ranked partners are looked at for "did you mean". */
#define DID_YOU_MEAN_RANKED 32
#define DID_YOU_MEAN_MAX 3
#define DID_YOU_MEAN_EDITS 3

/* Does barrier @name satisfy what reference @r names? */
static bool names_barrier(const struct ref *r, const char *name)
{
	if (!r->barrier)
		return true;
	if (r->wildcard)
		return str_starts_with(name, r->barrier);
	return !strcmp(name, r->barrier);
}

static bool listed(const struct ref_result *res, const char *name)
{
	for (size_t i = 0; i < res->candidates.n; i++)
		if (!strcmp(res->candidates.v[i], name))
			return true;
	return false;
}


/* Does @text name the last field of @object ("mmu_invalidate_seq") as a word? */
static bool text_names_field(const char *text, const char *object)
{
	const char *f = object;

	for (const char *p = object; *p; p++)
		if (*p == '.' || (*p == '>' && p > object && p[-1] == '-'))
			f = p + 1;
	return f != object && has_word(text, f);
}

/*
 * Do @s and @c touch one field path ("kvm->mmu_invalidate_seq", not a
 * local), one side writing it and the other reading it, as a pair does?
 * With @named, only a field @text names counts.
 */
static bool pairs_on_field(const struct site *s, const struct site *c, const char *text,
			   bool named)
{
	for (int sa = 0; sa < 2; sa++)
		for (size_t i = 0; i < side_n(s, sa); i++) {
			const struct access *a = side_at(s, sa, i);

			if (!field_suffix(a->object) || (named && !text_names_field(text, a->object)))
				continue;
			for (int sb = 0; sb < 2; sb++)
				for (size_t j = 0; j < side_n(c, sb); j++) {
					const struct access *b = side_at(c, sb, j);

					if (a->write != b->write &&
					    object_match(a->object, b->object) > 0.0)
						return true;
				}
		}
	return false;
}

/*
 * The functions holding a barrier on an object @s orders, those on an
 * object the comment names first ("the read of mmu_invalidate_seq": a
 * write of vcpu->kvm misread by the scan must not outrank it); *@same
 * counts the distinct functions of the first of the two tiers that has
 * any.
 */
static void ranked_functions(const struct program *p, const struct site *s, const struct ref *r,
			     struct ref_result *res, size_t *same)
{
	struct candidate c[DID_YOU_MEAN_RANKED];
	size_t n = infer_candidates(p, s, c, DID_YOU_MEAN_RANKED);
	VEC(const char *) holders = { 0 };

	*same = 0;
	for (int named = 1; named >= 0; named--) {
		holders.n = 0;
		for (size_t i = 0; i < n; i++) {
			const char *fn = site_function_name(c[i].site);
			bool seen = false;

			if (!fn || c[i].site->implicit || !names_barrier(r, c[i].site->barrier) ||
			    !pairs_on_field(s, c[i].site, s->comment_text, named) ||
			    (!named && pairs_on_field(s, c[i].site, s->comment_text, true)))
				continue;
			for (size_t k = 0; k < holders.n; k++)
				seen |= !strcmp(holders.v[k], fn);
			if (!seen)
				vec_push(&holders, fn);
			/* a reference that names no barrier is weak evidence: the best only */
			if (res->candidates.n < (r->barrier ? DID_YOU_MEAN_MAX : 1) &&
			    !listed(res, fn) && strcmp(fn, r->function))
				vec_push(&res->candidates, xstrdup(fn));
		}
		/* clear: one holder in the best tier that has any */
		if (!*same)
			*same = holders.n;
	}
	free(holders.v);
	candidates_release(c, n);
}

/* Does @name hold, on its path, a barrier @r names that can pair with @s? */
static bool holds_pairing_barrier(const struct program *p, const struct site *s,
				  const struct ref *r, const char *name)
{
	struct path_barrier *v;
	bool defined, yes = false;
	size_t n = path_barriers(p, name, r->arch ? r->arch : s->file->arch, &defined, &v);

	for (size_t i = 0; i < n && !yes; i++)
		yes = !v[i].primitive && (!v[i].site || !v[i].site->implicit) &&
		      kinds_can_pair(s->kind, v[i].kind) && names_barrier(r, v[i].barrier);
	path_barriers_release(v, n);
	return yes;
}

static void near_spellings(const struct program *p, const struct site *s, const struct ref *r,
			   struct ref_result *res)
{
	const char *last = NULL;

	for (size_t i = 0; i < p->by_name.n && res->candidates.n < DID_YOU_MEAN_MAX; i++) {
		const char *cand = function_of(&p->by_name.v[i])->name;

		if (last && !strcmp(last, cand))
			continue;
		last = cand;
		if (!strcmp(cand, r->function) || listed(res, cand) ||
		    edit_distance(r->function, cand, DID_YOU_MEAN_EDITS) > DID_YOU_MEAN_EDITS)
			continue;
		if (holds_pairing_barrier(p, s, r, cand))
			vec_push(&res->candidates, xstrdup(cand));
	}
}

void infer_did_you_mean(const struct program *p, const struct site *s, size_t ref,
			struct ref_result *res)
{
	const struct ref *r = &s->pairing.refs[ref];
	size_t same, ranked;

	/* a core primitive is no name to correct: primitives.c knows it */
	if (!r->function || primitive_lookup(r->function))
		return;
	ranked_functions(p, s, r, res, &same);
	ranked = res->candidates.n;
	near_spellings(p, s, r, res);
	res->candidate_clear = ranked && same == 1 && r->barrier && !r->wildcard;
}
