// SPDX-License-Identifier: GPL-2.0
/*
 * Partner inference: rank every barrier of the program as the partner of
 * one, by the objects both order (see infer.h for the premise).
 */
#include "infer.h"
#include "objects.h"
#include "primitives.h"

#include <stdint.h>
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

static size_t side_n(const struct site *s, int side)
{
	return side ? s->after.n : s->before.n;
}

static const struct access *side_at(const struct site *s, int side, size_t i)
{
	return side ? &s->after.v[i] : &s->before.v[i];
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

/*
 * Which sites could share evidence with a barrier: two objects match
 * (object_match() > 0) only when they are the same bare name, or when
 * they end in the same field; so a site need only be scored against the
 * sites that hold an object with the same match key, and every other
 * site scores its prior alone.  Built once, like the table above.
 */
struct key_sites {
	char *key;		/* "=name" for a bare name, ".field" for a path */
	VEC(size_t) sites;	/* indices into rank_index.all, ascending */
};

/*
 * A match key held by more barriers' windows than this is evidence of
 * nothing, like a stop word: it marks no candidate and scores no pair.  A
 * bound, so that a file of thousands of barriers around one object is
 * ranked in linear time; the real tree stays under it (the 6.12 tree's
 * commonest keys, .dev and .flags, are held by 763 and 645 of its 7,874
 * barriers), so no real ranking changes.
 */
#define KEY_CAP 2048

/*
 * The sites of one kind, architecture and genericity: every site of a
 * group has the same prior against a given barrier, but for its file, so
 * the best of a group that shares nothing with that barrier are its
 * first ones, in the order scored_cmp() breaks ties in.
 */
struct group {
	enum kind kind;
	bool generic;
	const char *arch;
	VEC(size_t) sites;	/* indices into all, by path, line and column */
};

struct rank_index {
	VEC(struct site *) all;	/* every site, in program order */
	VEC(struct key_sites) keys;	/* sorted by key */
	/* the key (index in keys) of each access of all.v[i], before then after */
	VEC(size_t) first_key;	/* per site: where its accesses' keys start */
	VEC(unsigned) key_of;
	VEC(struct group) groups;
	VEC(struct file_first) files;	/* by file pointer: where its sites start */
};

struct infer_index {
	struct df_table df;
	struct rank_index rank;
	/* infer_likely_partners(): each undocumented barrier's best candidate */
	struct candidate *likely;
	size_t nlikely;
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

/* The match key of an object: see struct key_sites. */
static char *match_key(const char *object)
{
	const char *last = NULL;

	if (!field_suffix(object))
		return xasprintf("=%s", object);
	for (const char *c = object; *c; c++)
		if (*c == '.' || *c == '>')
			last = c;
	return xasprintf(".%s", last + 1);
}

struct key_site {
	char *key;
	size_t site;
	size_t slot;		/* in rank_index.key_of */
};

struct file_first {
	const struct file_facts *file;
	size_t first;
};

static int file_first_cmp(const void *a, const void *b)
{
	const struct file_facts *x = ((const struct file_first *)a)->file;
	const struct file_facts *y = ((const struct file_first *)b)->file;

	return (uintptr_t)x < (uintptr_t)y ? -1 : (uintptr_t)x > (uintptr_t)y;
}

/* The ties of scored_cmp(): by path, then line, then column. */
static int site_order_cmp(const void *a, const void *b, void *index)
{
	const struct rank_index *r = index;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct site *x = r->all.v[i], *y = r->all.v[j];
	int d = strcmp(x->file->path, y->file->path);

	if (!d)
		d = pos_cmp(x->at, y->at);
	return d ? d : (i > j) - (i < j);
}

static bool is_generic(const struct file_facts *f);

static void group_sites(struct rank_index *r)
{
	for (size_t i = 0; i < r->all.n; i++) {
		const struct site *s = r->all.v[i];
		bool generic = is_generic(s->file);
		struct group *g = NULL;

		for (size_t k = 0; k < r->groups.n && !g; k++)
			if (r->groups.v[k].kind == s->kind && r->groups.v[k].generic == generic &&
			    !strcmp(r->groups.v[k].arch, s->file->arch ? s->file->arch : ""))
				g = &r->groups.v[k];
		if (!g) {
			vec_push(&r->groups, ((struct group){ s->kind, generic,
					      s->file->arch ? s->file->arch : "", { 0 } }));
			g = vec_last(&r->groups);
		}
		vec_push(&g->sites, i);
	}
	for (size_t k = 0; k < r->groups.n; k++)
		if (r->groups.v[k].sites.n > 1)
			qsort_r(r->groups.v[k].sites.v, r->groups.v[k].sites.n, sizeof(size_t),
				site_order_cmp, r);
}

static int key_sites_cmp(const void *a, const void *b)
{
	return strcmp(((const struct key_sites *)a)->key, ((const struct key_sites *)b)->key);
}

static int key_site_cmp(const void *a, const void *b)
{
	const struct key_site *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->slot > y->slot) - (x->slot < y->slot);
}

static void rank_build(struct rank_index *r, const struct program *p)
{
	VEC(struct key_site) pairs = { 0 };

	for (size_t f = 0; f < p->files.n; f++) {
		vec_push(&r->files, ((struct file_first){ p->files.v[f], r->all.n }));
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++) {
			const struct site *s = &p->files.v[f]->sites.v[i];

			vec_push(&r->first_key, r->key_of.n);
			for (int side = 0; side < 2; side++)
				for (size_t k = 0; k < side_n(s, side); k++) {
					vec_push(&pairs, ((struct key_site){
						match_key(side_at(s, side, k)->object), r->all.n,
						r->key_of.n }));
					vec_push(&r->key_of, 0);
				}
			vec_push(&r->all, (struct site *)s);
		}
	}
	xqsort(r->files.v, r->files.n, sizeof(*r->files.v), file_first_cmp);
	group_sites(r);
	xqsort(pairs.v, pairs.n, sizeof(*pairs.v), key_site_cmp);
	for (size_t i = 0; i < pairs.n; i++) {
		struct key_sites *ks = r->keys.n ? vec_last(&r->keys) : NULL;

		if (!ks || strcmp(ks->key, pairs.v[i].key)) {
			vec_push(&r->keys, ((struct key_sites){ pairs.v[i].key, { 0 } }));
			ks = vec_last(&r->keys);
		} else {
			free(pairs.v[i].key);
		}
		r->key_of.v[pairs.v[i].slot] = (unsigned)(r->keys.n - 1);
		if (!ks->sites.n || *vec_last(&ks->sites) != pairs.v[i].site)
			vec_push(&ks->sites, pairs.v[i].site);
	}
	free(pairs.v);
}

/* The keys of the accesses of site number @i, before then after. */
static const unsigned *site_keys(const struct rank_index *r, size_t i)
{
	return r->key_of.v + r->first_key.v[i];
}

static void rank_free(struct rank_index *r)
{
	for (size_t i = 0; i < r->keys.n; i++) {
		free(r->keys.v[i].key);
		free(r->keys.v[i].sites.v);
	}
	free(r->keys.v);
	free(r->all.v);
	free(r->first_key.v);
	free(r->key_of.v);
	for (size_t i = 0; i < r->groups.n; i++)
		free(r->groups.v[i].sites.v);
	free(r->groups.v);
	free(r->files.v);
}

/*
 * The tables depend only on the sites and their objects, so they are
 * built once, in their stage, and kept with the program: lint asks for
 * the likely partner of every undocumented barrier.
 */
void infer_index_build(struct program *p)
{
	if (p->infer)
		BUG("infer_index_build() twice");
	p->infer = xcalloc(1, sizeof(*p->infer));
	df_build(&p->infer->df, p);
	rank_build(&p->infer->rank, p);
}

static const struct infer_index *index_of(const struct program *p)
{
	if (!p->infer)
		BUG("partner inference before infer_index_build()");
	return p->infer;
}

static const struct df_table *df_of(const struct program *p)
{
	return &index_of(p)->df;
}

void infer_index_free(struct infer_index *ix)
{
	if (!ix)
		return;
	df_free(&ix->df);
	rank_free(&ix->rank);
	candidates_release(ix->likely, ix->nlikely);
	free(ix->likely);
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
	size_t index;		/* in rank_index.all */
};

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
 * of @s.  Returns the number of entries.  With the match keys of both
 * (@ks, @kc, see struct key_sites), only accesses of equal keys are
 * compared: no other pair can match.
 */
static size_t gather_evidence(const struct df_table *t, const struct site *s,
			      const struct site *c, struct evidence *ev,
			      const struct rank_index *r, const unsigned *ks, const unsigned *kc)
{
	size_t nev = 0;

	for (int sa = 0; sa < 2; sa++)
		for (size_t i = 0; i < side_n(s, sa); i++) {
			const struct access *a = side_at(s, sa, i);

			for (int sb = 0; sb < 2; sb++)
				for (size_t j = 0; j < side_n(c, sb); j++) {
					const struct access *b = side_at(c, sb, j);
					double m;

					if (ks && (ks[sa * s->before.n + i] != kc[sb * c->before.n + j] ||
						   r->keys.v[ks[sa * s->before.n + i]].sites.n > KEY_CAP))
						continue;
					m = object_match(a->object, b->object);

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

/* x86 code is never built with arm64 code: their barriers cannot pair. */
static bool arches_meet(const struct file_facts *a, const char *arch, bool generic)
{
	return is_generic(a) || generic || !strcmp(a->arch, arch);
}

static bool can_be_partner(const struct site *s, const struct site *c)
{
	if (c == s || c->kind == KIND_COMPILER || s->kind == KIND_COMPILER ||
	    !arches_meet(s->file, c->file->arch, is_generic(c->file)))
		return false;
	return kinds_can_pair(s->kind, c->kind);
}

static double score_candidate(const struct df_table *t, const struct site *s,
			      const struct site *c, struct evidence *ev, size_t *nev,
			      const struct rank_index *r, const unsigned *ks, const unsigned *kc)
{
	double factor, add = prior(s, c, &factor);

	*nev = gather_evidence(t, s, c, ev, r, ks, kc);
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

/* Put @sc among the @max best in @top (*k of them so far, best first). */
static void keep_best(struct scored *top, size_t *k, size_t max, const struct scored *sc)
{
	size_t j;

	if (*k == max && scored_cmp(sc, &top[max - 1]) >= 0)
		return;
	j = *k < max ? (*k)++ : max - 1;
	for (; j > 0 && scored_cmp(sc, &top[j - 1]) < 0; j--)
		top[j] = top[j - 1];
	top[j] = *sc;
}

/* The index of @s in r->all, or r->all.n when it is not there. */
static size_t site_index(const struct rank_index *r, const struct site *s)
{
	struct file_first key = { s->file, 0 };
	const struct file_first *ff = bsearch(&key, r->files.v, r->files.n, sizeof(key),
					      file_first_cmp);
	size_t i;

	if (!ff || s < s->file->sites.v || s >= s->file->sites.v + s->file->sites.n)
		return r->all.n;
	i = ff->first + (size_t)(s - s->file->sites.v);
	return i < r->all.n && r->all.v[i] == s ? i : r->all.n;
}

static int index_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/*
 * The sites that hold an object with one of @s's match keys (but a key
 * over KEY_CAP), sorted and each once: the only ones with evidence.
 */
VEC_TYPE(index_list, size_t);

static void sharing_sites(const struct rank_index *r, const struct site *s,
			  struct index_list *out)
{
	for (int side = 0; side < 2; side++)
		for (size_t k = 0; k < side_n(s, side); k++) {
			struct key_sites probe = { match_key(side_at(s, side, k)->object), { 0 } };
			const struct key_sites *ks = bsearch(&probe, r->keys.v, r->keys.n,
							     sizeof(probe), key_sites_cmp);

			for (size_t i = 0; ks && ks->sites.n <= KEY_CAP && i < ks->sites.n; i++)
				vec_push(out, ks->sites.v[i]);
			free(probe.key);
		}
	size_t kept = 0;

	xqsort(out->v, out->n, sizeof(*out->v), index_cmp);
	for (size_t i = 0; i < out->n; i++)
		if (!kept || out->v[kept - 1] != out->v[i])
			out->v[kept++] = out->v[i];
	out->n = kept;
}

static bool in_sorted(const size_t *v, size_t n, size_t x)
{
	return n && bsearch(&x, v, n, sizeof(x), index_cmp);
}

/* The first sites of @g's list in [from, to) that share nothing with @s: their prior. */
static void best_of_range(const struct rank_index *r, const struct group *g, size_t from,
			  size_t to, const struct site *s, size_t self, const size_t *shared,
			  size_t nshared, struct scored *top, size_t *ntop, size_t max)
{
	size_t pushed = 0;

	for (size_t p = from; p < to && pushed < max; p++) {
		size_t i = g->sites.v[p];
		struct scored sc = { r->all.v[i], 0.0, i };
		double factor;

		if (i == self || in_sorted(shared, nshared, i))
			continue;
		sc.score = prior(s, sc.site, &factor);
		keep_best(top, ntop, max, &sc);
		pushed++;
	}
}

/*
 * Where @g's sites in @file are: [*from, *to).  The group is sorted by
 * path, so they are one block, found by the file's path.
 */
static void file_block(const struct rank_index *r, const struct group *g,
		       const struct file_facts *file, size_t *from, size_t *to)
{
	size_t lo = 0, hi = g->sites.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(r->all.v[g->sites.v[mid]]->file->path, file->path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = *to = lo;
	while (*to < g->sites.n && r->all.v[g->sites.v[*to]]->file == file)
		(*to)++;
}

/*
 * The @max best candidates for @s into @top, best first (*ntop of them);
 * returns how many candidates there are in all.  Only the sites that
 * share a match key with @s can have evidence, and are scored in full;
 * every other one scores its prior alone, exactly what score_candidate()
 * would give it, and the best of those are the first of each group, of
 * @s's file and of the others.  So a query costs what @s shares, not
 * the size of the program.
 */
static size_t rank_top(const struct infer_index *ix, const struct site *s, const unsigned *ks,
		       struct scored *top, size_t max, size_t *ntop)
{
	const struct rank_index *r = &ix->rank;
	size_t self = site_index(r, s), n = 0, nev;
	struct index_list shared = { 0 };
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];

	*ntop = 0;
	sharing_sites(r, s, &shared);
	for (size_t k = 0; k < shared.n; k++) {
		size_t i = shared.v[k];
		struct scored sc = { r->all.v[i], 0.0, i };

		if (!can_be_partner(s, sc.site))
			continue;
		sc.score = score_candidate(&ix->df, s, sc.site, ev, &nev, r, ks, site_keys(r, i));
		keep_best(top, ntop, max, &sc);
	}
	for (size_t k = 0; k < r->groups.n; k++) {
		const struct group *g = &r->groups.v[k];
		size_t from, to;

		/* a group pairs with @s by kind and arch (can_be_partner()): all of it or none */
		if (s->kind == KIND_COMPILER || g->kind == KIND_COMPILER ||
		    !kinds_can_pair(s->kind, g->kind) || !arches_meet(s->file, g->arch, g->generic))
			continue;
		n += g->sites.n;
		file_block(r, g, s->file, &from, &to);
		best_of_range(r, g, from, to, s, self, shared.v, shared.n, top, ntop, max);
		best_of_range(r, g, 0, from, s, self, shared.v, shared.n, top, ntop, max);
		best_of_range(r, g, to, g->sites.n, s, self, shared.v, shared.n, top, ntop, max);
	}
	/* @s is in its own group, counted above when its kind pairs with itself */
	if (self < r->all.n && s->kind != KIND_COMPILER && kinds_can_pair(s->kind, s->kind))
		n--;
	free(shared.v);
	return n;
}

/* The keys of @s's accesses, or NULL when @s is not in the index. */
static const unsigned *keys_of(const struct rank_index *r, const struct site *s)
{
	size_t i = site_index(r, s);

	return i < r->all.n ? site_keys(r, i) : NULL;
}

static size_t candidates_with(const struct infer_index *ix, const struct site *s,
			      struct candidate *out, size_t max)
{
	/* the best two at least: the second is what the first stands out from */
	size_t want = max > 2 ? max : 2, ntop, k;
	struct scored *top = xcalloc(want, sizeof(*top));
	const unsigned *ks = keys_of(&ix->rank, s);
	size_t n = rank_top(ix, s, ks, top, want, &ntop);
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];
	size_t nev;

	for (k = 0; k < ntop && k < max; k++) {
		double other = k ? top[0].score : n > 1 ? top[1].score : 0.0;

		memset(&out[k], 0, sizeof(out[k]));
		out[k].site = top[k].site;
		out[k].score = top[k].score;
		out[k].confidence = confidence(top[k].score, other);
		score_candidate(&ix->df, s, top[k].site, ev, &nev, &ix->rank, ks,
				ks ? site_keys(&ix->rank, top[k].index) : NULL);
		xqsort(ev, nev, sizeof(*ev), evidence_cmp);
		for (size_t e = 0; e < nev; e++)
			vec_push(&out[k].shared, xstrdup(ev[e].object));
	}
	free(top);
	return k;
}

double infer_pair_score(const struct program *p, const struct site *s, const struct site *c)
{
	const struct infer_index *ix = index_of(p);
	const unsigned *ks = keys_of(&ix->rank, s), *kc = keys_of(&ix->rank, c);
	struct evidence ev[4 * OBJECTS_PER_SIDE + 4];

	/* the keys of both, when both are indexed: the same evidence as ranking gives */
	return evidence_sum(ev, gather_evidence(&ix->df, s, c, ev, &ix->rank, ks && kc ? ks : NULL,
						kc));
}

size_t infer_candidates(const struct program *p, const struct site *s,
			struct candidate *out, size_t max)
{
	return candidates_with(index_of(p), s, out, max);
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

void infer_likely_partners(struct program *p)
{
	struct infer_index *ix = p->infer;
	size_t n = 0;

	if (!ix)
		BUG("infer_likely_partners() before infer_index_build()");
	if (ix->likely)
		BUG("infer_likely_partners() twice");
	for (size_t i = 0; i < ix->rank.all.n; i++)
		n += ix->rank.all.v[i]->status == STATUS_UNDOCUMENTED;
	ix->likely = xcalloc(n + 1, sizeof(*ix->likely));
	for (size_t i = 0; i < ix->rank.all.n; i++) {
		struct site *s = ix->rank.all.v[i];

		if (s->status != STATUS_UNDOCUMENTED)
			continue;
		if (candidates_with(ix, s, &ix->likely[ix->nlikely], 1))
			s->likely = &ix->likely[ix->nlikely++];
	}
}

bool infer_likely_worth_mentioning(const struct site *s)
{
	return s->likely && s->likely->shared.n &&
	       s->likely->confidence >= INFER_MENTION_CONFIDENCE;
}

char *infer_best_summary(const struct site *s)
{
	const struct candidate *c = s->likely;
	struct strbuf sb = STRBUF_INIT;
	const char *fn;

	if (!infer_likely_worth_mentioning(s))
		return NULL;
	fn = site_function_name(c->site);
	sb_addf(&sb, "likely partner: %s()", c->site->barrier);
	if (fn)
		sb_addf(&sb, " in %s()", fn);
	sb_adds(&sb, " (shared: ");
	for (size_t i = 0; i < c->shared.n && i < 3; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", c->shared.v[i]);
	sb_addf(&sb, "; confidence %.2f)", c->confidence);
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
	const struct infer_index *ix = index_of(p);
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
			k = candidates_with(ix, s, c, 3);
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

static int name_ptr_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct name_len *const *)a)->name,
		      (*(const struct name_len *const *)b)->name);
}

/*
 * Names within DID_YOU_MEAN_EDITS edits of the one written, in name
 * order, each once.  p->names is by length: only the lengths that close
 * are looked at, and a bag of characters further apart than that is
 * further in edits too, so few names cost an edit distance.
 */
static void near_spellings(const struct program *p, const struct site *s, const struct ref *r,
			   struct ref_result *res)
{
	size_t len = strlen(r->function), lo = 0, hi = p->names.n;
	size_t min = len > DID_YOU_MEAN_EDITS ? len - DID_YOU_MEAN_EDITS : 0;
	VEC(const struct name_len *) near = { 0 };
	unsigned char bag[16];

	name_bag(r->function, bag);
	while (lo < hi) {	/* the first name of length min or more */
		size_t mid = (lo + hi) / 2;

		if (p->names.v[mid].len < min)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < p->names.n && p->names.v[i].len <= len + DID_YOU_MEAN_EDITS; i++) {
		const struct name_len *cand = &p->names.v[i];

		if (bag_distance(bag, cand->bag) <= DID_YOU_MEAN_EDITS &&
		    strcmp(cand->name, r->function) &&
		    edit_distance_n(r->function, len, cand->name, cand->len, DID_YOU_MEAN_EDITS) <=
			    DID_YOU_MEAN_EDITS)
			vec_push(&near, cand);
	}
	xqsort(near.v, near.n, sizeof(*near.v), name_ptr_cmp);
	for (size_t i = 0; i < near.n && res->candidates.n < DID_YOU_MEAN_MAX; i++)
		if (!listed(res, near.v[i]->name) && holds_pairing_barrier(p, s, r, near.v[i]->name))
			vec_push(&res->candidates, xstrdup(near.v[i]->name));
	free(near.v);
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
