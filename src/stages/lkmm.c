// SPDX-License-Identifier: GPL-2.0
/*
 * Pair patterns and their verdicts under the Linux-kernel memory model.
 * See lkmm.h for the premise; the verdict table and where it comes from
 * are in the first section below.
 */
#include "lkmm.h"
#include "infer.h"
#include "objects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the verdict table --------------------------------------------------------- */

/*
 * What each pattern needs of its two sides, and whether it needs full
 * barriers.  tools/memory-model/Documentation/recipes.txt, "Rules of
 * thumb", counts the links between the CPUs that are not write-to-read
 * ("rf"): with none (LB) the weakest ordering suffices, with one (MP, S) a
 * release-acquire chain suffices, with two (SB: fr+fr, R: co+fr, 2+2W:
 * co+co) "a full memory barrier is required between each successive pair
 * of non-write-to-read links": smp_mb() on both sides.  The same follows
 * from linux-kernel.cat, where only strong-fence opens a pb edge.
 */
static const struct pattern_def {
	const char *name;
	const char *words;
	enum lkmm_order need[2];	/* P0, P1 */
	bool strong;			/* both sides need a full barrier */
	const char *doc;		/* where the rule is written down */
} patterns[PATTERN__COUNT] = {
	[PATTERN_NONE] = { "none", "no pattern", { ORDER_SS, ORDER_SS }, false, NULL },
	[PATTERN_MP] = { "MP", "message passing", { ORDER_SS, ORDER_LL }, false,
		"Documentation/recipes.txt: Message passing (MP); Rules of thumb" },
	[PATTERN_SB] = { "SB", "store buffering", { ORDER_SL, ORDER_SL }, true,
		"Documentation/recipes.txt: Store buffering: \"nothing less than full barriers\"" },
	[PATTERN_LB] = { "LB", "load buffering", { ORDER_LS, ORDER_LS }, false,
		"Documentation/recipes.txt: Load buffering (LB); Rules of thumb" },
	[PATTERN_R] = { "R", "the R pattern", { ORDER_SS, ORDER_SL }, true,
		"Documentation/recipes.txt: Rules of thumb (two non-write-to-read links)" },
	[PATTERN_S] = { "S", "the S pattern", { ORDER_SS, ORDER_LS }, false,
		"Documentation/recipes.txt: Rules of thumb (one non-write-to-read link)" },
	[PATTERN_2P2W] = { "2+2W", "the 2+2W pattern", { ORDER_SS, ORDER_SS }, true,
		"Documentation/recipes.txt: Rules of thumb (two non-write-to-read links)" },
};

/*
 * The table entries a shipped litmus test states the result of
 * (tools/memory-model/litmus-tests/); `tests/lkmm/litmus.py verdicts`
 * reads those files and checks each entry against its "Result:" line.
 */
static const struct shipped {
	enum lkmm_pattern pattern;
	enum lkmm_fence f0, f1;
	const char *test;
} shipped[] = {
	{ PATTERN_MP, FENCE_WMB, FENCE_RMB, "MP+fencewmbonceonce+fencermbonceonce.litmus" },
	{ PATTERN_MP, FENCE_RELEASE, FENCE_ACQUIRE, "MP+pooncerelease+poacquireonce.litmus" },
	{ PATTERN_MP, FENCE_NONE, FENCE_NONE, "MP+poonceonces.litmus" },
	{ PATTERN_SB, FENCE_MB, FENCE_MB, "SB+fencembonceonces.litmus" },
	{ PATTERN_SB, FENCE_NONE, FENCE_NONE, "SB+poonceonces.litmus" },
	{ PATTERN_LB, FENCE_RELEASE, FENCE_ACQUIRE, "LB+poacquireonce+pooncerelease.litmus" },
	{ PATTERN_LB, FENCE_NONE, FENCE_NONE, "LB+poonceonces.litmus" },
	{ PATTERN_R, FENCE_MB, FENCE_MB, "R+fencembonceonces.litmus" },
	{ PATTERN_R, FENCE_NONE, FENCE_NONE, "R+poonceonces.litmus" },
	{ PATTERN_S, FENCE_WMB, FENCE_ACQUIRE, "S+fencewmbonceonce+poacquireonce.litmus" },
	{ PATTERN_S, FENCE_NONE, FENCE_NONE, "S+poonceonces.litmus" },
};

static bool is_load_first(enum lkmm_order o)
{
	return o == ORDER_LL || o == ORDER_LS;
}

static bool is_store_second(enum lkmm_order o)
{
	return o == ORDER_SS || o == ORDER_LS;
}

/*
 * linux-kernel.cat: wmb = [W]; fencerel(Wmb); [W], rmb = [R]; ...; [R],
 * po-rel = [M]; po; [Release], acq-po = [Acquire]; po; [M], and mb
 * orders everything.
 */
bool lkmm_fence_orders(enum lkmm_fence f, enum lkmm_order o, bool own_first,
		       bool own_second)
{
	switch (f) {
	case FENCE_MB: return true;
	case FENCE_WMB: return o == ORDER_SS;
	case FENCE_RMB: return o == ORDER_LL;
	case FENCE_RELEASE: return own_second && is_store_second(o);
	case FENCE_ACQUIRE: return own_first && is_load_first(o);
	case FENCE_NONE:
	case FENCE__COUNT: return false;
	}
	return false;
}

static bool side_gives(enum lkmm_pattern pat, int p, enum lkmm_fence f, bool own_first,
		       bool own_second)
{
	const struct pattern_def *d = &patterns[pat];

	if (d->strong && f != FENCE_MB)
		return false;
	return lkmm_fence_orders(f, d->need[p], own_first, own_second);
}

static bool symmetric(enum lkmm_pattern pat)
{
	return pat == PATTERN_SB || pat == PATTERN_LB || pat == PATTERN_2P2W;
}

bool lkmm_forbidden(enum lkmm_pattern pattern, enum lkmm_fence f0, enum lkmm_fence f1,
		    const char **cite)
{
	bool ok;

	if (pattern <= PATTERN_NONE || pattern >= PATTERN__COUNT)
		BUG("no verdict for pattern %d", (int)pattern);
	/* in the table, an acquire's own load comes first and a release's store second */
	ok = side_gives(pattern, 0, f0, true, true) && side_gives(pattern, 1, f1, true, true);
	if (cite) {
		*cite = patterns[pattern].doc;
		for (size_t i = 0; i < sizeof(shipped) / sizeof(*shipped); i++) {
			const struct shipped *t = &shipped[i];

			if (t->pattern == pattern &&
			    ((t->f0 == f0 && t->f1 == f1) ||
			     (symmetric(pattern) && t->f0 == f1 && t->f1 == f0)))
				*cite = t->test;
		}
	}
	return ok;
}

/* ---- names ---------------------------------------------------------------------- */

const char *lkmm_pattern_name(enum lkmm_pattern p)
{
	return patterns[p].name;
}

const char *lkmm_pattern_words(enum lkmm_pattern p)
{
	return patterns[p].words;
}

const char *lkmm_order_name(enum lkmm_order o)
{
	static const char *const names[ORDER__COUNT] = {
		"store->store", "load->load", "store->load", "load->store",
	};

	return names[o];
}

const char *lkmm_fence_name(enum lkmm_fence f)
{
	static const char *const names[FENCE__COUNT] = {
		"none", "wmb", "rmb", "release", "acquire", "mb",
	};

	return names[f];
}

const char *lkmm_verdict_name(enum lkmm_verdict v)
{
	return v == VERDICT_SUFFICIENT ? "sufficient" :
	       v == VERDICT_INSUFFICIENT ? "insufficient" : "unknown";
}

const char *lkmm_certainty_name(enum lkmm_certainty c)
{
	return c == CERTAINTY_HIGH ? "high" : c == CERTAINTY_MEDIUM ? "medium" : "low";
}

char *lkmm_orders_words(unsigned bits)
{
	struct strbuf sb = STRBUF_INIT;

	for (int o = 0; o < ORDER__COUNT; o++)
		if (bits & (1u << o))
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", lkmm_order_name(o));
	if (!sb.len)
		sb_adds(&sb, "nothing");
	return sb_detach(&sb);
}

/* ---- a barrier as LKMM sees it ------------------------------------------------ */

enum lkmm_fence lkmm_fence_of(const struct site *s)
{
	if (s->implicit)
		return FENCE__COUNT;	/* a call: its callee's barrier is not known here */
	switch (s->kind) {
	case KIND_FULL:
	case KIND_IMPLIED: return FENCE_MB;
	case KIND_READ: return FENCE_RMB;
	case KIND_WRITE: return FENCE_WMB;
	case KIND_ACQUIRE: return FENCE_ACQUIRE;
	case KIND_RELEASE: return FENCE_RELEASE;
	case KIND_COMPILER: return FENCE_NONE;
	case KIND_CALL: return FENCE__COUNT;
	}
	return FENCE__COUNT;
}

static unsigned fence_bits(enum lkmm_fence f)
{
	unsigned bits = 0;

	for (int o = 0; o < ORDER__COUNT; o++)
		if (lkmm_fence_orders(f, o, true, true))
			bits |= 1u << o;
	return bits;
}

/*
 * The barrier's own access: smp_store_release(&x, v)'s store and
 * smp_load_acquire(&x)'s load sit on the barrier's line, after its name.
 * smp_acquire__after_ctrl_dep() has none: it orders the load that heads
 * the control dependency, whichever that is (memory-barriers.txt).
 */
static bool is_own(const struct site *s, const struct lkmm_access *a)
{
	if (!a->seen)
		return true;	/* not seen: given the benefit of the doubt */
	if (!strcmp(s->barrier, "smp_acquire__after_ctrl_dep"))
		return true;
	return a->seen->at.line == s->at.line && a->seen->at.col > s->at.col;
}

/* ---- finding the cycle ---------------------------------------------------------- */

/* Accesses further than this from the barrier are not taken as evidence. */
#define RANK_LIMIT 3

enum link { LINK_NONE, LINK_RF, LINK_FR, LINK_CO };

static enum link link_of(bool write_from, bool write_to)
{
	if (write_from)
		return write_to ? LINK_CO : LINK_RF;
	return write_to ? LINK_FR : LINK_NONE;
}

static enum lkmm_pattern pattern_of(enum link e1, enum link e2)
{
	enum link a = e1 < e2 ? e1 : e2, b = e1 < e2 ? e2 : e1;

	if (a == LINK_NONE)
		return PATTERN_NONE;
	if (a == LINK_RF)
		return b == LINK_RF ? PATTERN_LB : b == LINK_FR ? PATTERN_MP : PATTERN_S;
	if (a == LINK_FR)
		return b == LINK_FR ? PATTERN_SB : PATTERN_R;
	return PATTERN_2P2W;
}

/* Fill the needs and what each side gives, and the pair's verdict. */
static void judge(struct lkmm_pair *pr)
{
	bool all = true;

	for (int p = 0; p < 2; p++) {
		struct lkmm_side *sd = &pr->p[p];

		sd->needed = patterns[pr->pattern].need[p];
		sd->provided = side_gives(pr->pattern, p, sd->fence,
					  is_own(sd->site, &sd->first),
					  is_own(sd->site, &sd->second));
		all &= sd->provided;
	}
	pr->verdict = all ? VERDICT_SUFFICIENT : VERDICT_INSUFFICIENT;
	lkmm_forbidden(pr->pattern, pr->p[0].fence, pr->p[1].fence, &pr->cite);
}

/*
 * Put the sides in the litmus tests' order: the writer of MP, S and R is
 * P0 (the P0 -> P1 link on y is rf for MP and S, co for R).  The
 * symmetric patterns keep the pair's order.
 */
static void orient(struct lkmm_pair *pr)
{
	enum link e1 = link_of(pr->p[0].second.write, pr->p[1].first.write);
	enum link want = pr->pattern == PATTERN_R ? LINK_CO : LINK_RF;
	struct lkmm_side tmp;

	if (symmetric(pr->pattern) || e1 == want)
		return;
	tmp = pr->p[0];
	pr->p[0] = pr->p[1];
	pr->p[1] = tmp;
}

/*
 * The accesses on one side of a barrier, nearest first, as the cycle
 * search sees them: the window objects.c filled, and the barrier's own
 * access on both sides.  A release's own store may be the first access
 * of its side (smp_store_release(&x, 1); r = READ_ONCE(y)) and an
 * acquire's own load the second (WRITE_ONCE(x, 1); smp_load_acquire(&y)):
 * judge() then finds that the fence does not order them.
 */
struct window {
	const struct access *v[OBJECTS_PER_SIDE + 1];
	unsigned rank[OBJECTS_PER_SIDE + 1];
	size_t n;
};

static void window_of(const struct site *s, bool after, struct window *w)
{
	const struct access *v = after ? s->after.v : s->before.v;
	size_t n = after ? s->after.n : s->before.n;
	const struct access *own = NULL;

	w->n = 0;
	if (!after && s->kind == KIND_RELEASE)
		own = s->after.n ? &s->after.v[0] : NULL;
	else if (after && s->kind == KIND_ACQUIRE)
		own = s->before.n ? &s->before.v[0] : NULL;
	if (own && own->at.line == s->at.line && own->at.col > s->at.col) {
		w->v[w->n] = own;
		w->rank[w->n++] = 0;
	}
	for (size_t i = 0; i < n && i <= RANK_LIMIT && w->n < OBJECTS_PER_SIDE + 1; i++) {
		w->v[w->n] = &v[i];
		w->rank[w->n++] = (unsigned)i;
	}
}

/*
 * Variant 1 of a read-modify-write is its read: test_and_clear_bit() reads
 * the flag set_bit() published as much as it writes it.
 */
static struct lkmm_access seen_access(const struct window *w, size_t i, int variant)
{
	return (struct lkmm_access){ w->v[i], w->v[i]->object, w->v[i]->write && !variant,
				     w->rank[i] };
}

static int variants(const struct access *a)
{
	return a->rmw ? 2 : 1;
}

static struct lkmm_access unseen_access(bool write)
{
	return (struct lkmm_access){ NULL, LKMM_UNSEEN, write, 0 };
}

/* A candidate cycle, with how far its accesses are from the barriers. */
struct cycle {
	struct lkmm_pair pair;
	unsigned reach;		/* the largest rank among its seen accesses */
	unsigned sum;		/* the sum of ranks, to prefer the nearest */
};

static void set_reach(struct cycle *c)
{
	const struct lkmm_access *a[4] = {
		&c->pair.p[0].first, &c->pair.p[0].second,
		&c->pair.p[1].first, &c->pair.p[1].second,
	};

	c->reach = c->sum = 0;
	for (int i = 0; i < 4; i++) {
		if (!a[i]->seen)
			continue;
		c->sum += a[i]->rank;
		if (a[i]->rank > c->reach)
			c->reach = a[i]->rank;
	}
}

/*
 * Which pattern to name when several completions of the same accesses are
 * forbidden: the one that needs the kinds the code chose.  Two full
 * barriers are there for store buffering ("nothing less than full
 * barriers"), a write barrier and a read barrier for message passing.
 */
static int preference(enum lkmm_pattern p)
{
	static const int rank[PATTERN__COUNT] = {
		[PATTERN_SB] = 0, [PATTERN_R] = 1, [PATTERN_2P2W] = 2,
		[PATTERN_MP] = 3, [PATTERN_S] = 4, [PATTERN_LB] = 5, [PATTERN_NONE] = 6,
	};

	return rank[p];
}

/*
 * Is @c a better choice than @best?  An insufficient cycle beats a
 * sufficient one on other objects (a pair must forbid every cycle it is
 * in), but among the access types of one object pair the sufficient one
 * wins: the same object read and written on one side (test_bit() then
 * clear_bit()), or data neither window shows, is the heuristic's
 * ambiguity, not the code's.
 */
static bool better(const struct cycle *c, const struct cycle *best, bool same_objects)
{
	bool ci = c->pair.verdict == VERDICT_INSUFFICIENT;
	bool bi = best->pair.verdict == VERDICT_INSUFFICIENT;

	if (ci != bi)
		return same_objects ? !ci : ci;
	if (c->sum != best->sum)
		return c->sum < best->sum;
	return preference(c->pair.pattern) < preference(best->pair.pattern);
}

/* The same objects on the same sites, whichever side orient() made P0. */
static bool same_objects(const struct cycle *a, const struct cycle *b)
{
	for (int p = 0; p < 2; p++) {
		const struct lkmm_side *x = &a->pair.p[p];
		const struct lkmm_side *y = b->pair.p[0].site == x->site ? &b->pair.p[0] :
					    &b->pair.p[1];

		if (strcmp(x->first.object, y->first.object) ||
		    strcmp(x->second.object, y->second.object))
			return false;
	}
	return true;
}

/* Per object pair, the charitable choice; across object pairs, the worst. */
struct choice {
	VEC(struct cycle) by_objects;	/* the best cycle of each object pair */
};

static void offer(struct choice *ch, const struct cycle *c)
{
	for (size_t i = 0; i < ch->by_objects.n; i++) {
		struct cycle *b = &ch->by_objects.v[i];

		if (!same_objects(b, c))
			continue;
		if (better(c, b, true))
			*b = *c;
		return;
	}
	vec_push(&ch->by_objects, *c);
}

static const struct cycle *worst(const struct choice *ch)
{
	const struct cycle *w = NULL;

	for (size_t i = 0; i < ch->by_objects.n; i++)
		if (!w || better(&ch->by_objects.v[i], w, false))
			w = &ch->by_objects.v[i];
	return w;
}

static void try_cycle(struct choice *ch, struct site *a, struct site *b,
		      struct lkmm_access a0, struct lkmm_access a1,
		      struct lkmm_access b0, struct lkmm_access b1)
{
	enum link e1 = link_of(a1.write, b0.write), e2 = link_of(b1.write, a0.write);
	struct cycle c;

	memset(&c, 0, sizeof(c));
	c.pair.pattern = pattern_of(e1, e2);
	if (c.pair.pattern == PATTERN_NONE)
		return;
	c.pair.p[0] = (struct lkmm_side){ a, lkmm_fence_of(a), a0, a1, ORDER_SS, false };
	c.pair.p[1] = (struct lkmm_side){ b, lkmm_fence_of(b), b0, b1, ORDER_SS, false };
	orient(&c.pair);
	judge(&c.pair);
	set_reach(&c);
	offer(ch, &c);
}

/* The four windows of a pair: @a's before and after, @b's before and after. */
struct windows {
	struct window ab, aa, bb, ba;
};

static void windows_of(const struct site *a, const struct site *b, struct windows *w)
{
	window_of(a, false, &w->ab);
	window_of(a, true, &w->aa);
	window_of(b, false, &w->bb);
	window_of(b, true, &w->ba);
}

static bool same_object(const struct window *x, size_t i, const struct window *y, size_t j)
{
	return !strcmp(x->v[i]->object, y->v[j]->object);
}

/* Each access as itself, and each read-modify-write as its read too. */
static void seen_variants(struct choice *ch, struct site *a, struct site *b,
			  const struct windows *w, size_t i, size_t j, size_t k, size_t l)
{
	for (int vi = 0; vi < variants(w->ab.v[i]); vi++)
		for (int vj = 0; vj < variants(w->ba.v[j]); vj++)
			for (int vk = 0; vk < variants(w->aa.v[k]); vk++)
				for (int vl = 0; vl < variants(w->bb.v[l]); vl++)
					try_cycle(ch, a, b, seen_access(&w->ab, i, vi),
						  seen_access(&w->aa, k, vk),
						  seen_access(&w->bb, l, vl),
						  seen_access(&w->ba, j, vj));
}

/*
 * Every cycle of seen accesses: x before @a and after @b, y after @a and
 * before @b.  (Swapping a and b finds the same cycles with x and y
 * swapped, so one orientation is enough.)
 */
static void seen_cycles(struct choice *ch, struct site *a, struct site *b,
			const struct windows *w)
{
	for (size_t i = 0; i < w->ab.n; i++)
		for (size_t j = 0; j < w->ba.n; j++) {
			if (!same_object(&w->ab, i, &w->ba, j))
				continue;
			for (size_t k = 0; k < w->aa.n; k++)
				for (size_t l = 0; l < w->bb.n; l++)
					if (same_object(&w->aa, k, &w->bb, l) &&
					    !same_object(&w->aa, k, &w->ab, i))
						seen_variants(ch, a, b, w, i, j, k, l);
		}
}

/*
 * One link seen (y after @a, before @b), the other on data neither window
 * shows: the caller's ("the rest of the request", when the barrier sits at
 * its function's edge) or a callee's.  Each unseen access may be a load or
 * a store; offer() keeps the completion the kinds forbid, if any, and the
 * pair is marked assumed.
 */
static void half_cycles(struct choice *ch, struct site *a, struct site *b,
			const struct windows *w)
{
	for (size_t k = 0; k < w->aa.n; k++)
		for (size_t l = 0; l < w->bb.n; l++) {
			if (!same_object(&w->aa, k, &w->bb, l))
				continue;
			for (int vk = 0; vk < variants(w->aa.v[k]); vk++)
				for (int vl = 0; vl < variants(w->bb.v[l]); vl++)
					for (int u = 0; u < 4; u++)
						try_cycle(ch, a, b, unseen_access(u & 1),
							  seen_access(&w->aa, k, vk),
							  seen_access(&w->bb, l, vl),
							  unseen_access(u >> 1));
		}
}

/* ---- certainty ------------------------------------------------------------------ */

/* A load first: an address, data or control dependency may order it instead. */
static bool dependency_may_order(const struct lkmm_pair *pr)
{
	for (int p = 0; p < 2; p++)
		if (!pr->p[p].provided && is_load_first(pr->p[p].needed))
			return true;
	return false;
}

static enum lkmm_certainty certainty_of(const struct lkmm_pair *pr, unsigned reach)
{
	if (pr->assumed)
		return CERTAINTY_LOW;
	if (!pr->documented)
		return pr->confidence >= 0.5 && reach <= 1 ? CERTAINTY_MEDIUM : CERTAINTY_LOW;
	if (reach <= 1 && !dependency_may_order(pr))
		return CERTAINTY_HIGH;
	return CERTAINTY_MEDIUM;
}

/* ---- the pairs of a program ------------------------------------------------------ */

/* The position of a site in the program: files are sorted by path. */
static size_t site_ordinal(const struct program *p, const struct site *s, const size_t *first)
{
	size_t lo = 0, hi = p->files.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(p->files.v[mid]->path, s->file->path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= p->files.n || p->files.v[lo] != s->file)
		BUG("site of an unknown file %s", s->file->path);
	return first[lo] + (size_t)(s - s->file->sites.v);
}

static bool classifiable(const struct site *s)
{
	enum lkmm_fence f = lkmm_fence_of(s);

	return f != FENCE__COUNT && f != FENCE_NONE;
}

/* A pair to classify: the earlier site first. */
struct wanted {
	struct site *a, *b;
	size_t oa, ob;
	bool documented;
	double confidence;
};

struct build {
	struct program *p;
	size_t *first;		/* ordinal of each file's first site */
	VEC(struct wanted) want;
};

static void want_pair(struct build *bd, struct site *a, struct site *b, bool documented,
		      double confidence)
{
	struct wanted w = { a, b, site_ordinal(bd->p, a, bd->first),
			    site_ordinal(bd->p, b, bd->first), documented, confidence };

	if (a == b)
		return;
	if (w.oa > w.ob) {
		w.a = b;
		w.b = a;
		w.oa = w.ob;
		w.ob = site_ordinal(bd->p, a, bd->first);
	}
	vec_push(&bd->want, w);
}

/* By position; a documented pair before the same pair inferred. */
static int wanted_cmp(const void *x, const void *y)
{
	const struct wanted *a = x, *b = y;

	if (a->oa != b->oa)
		return a->oa < b->oa ? -1 : 1;
	if (a->ob != b->ob)
		return a->ob < b->ob ? -1 : 1;
	return (int)b->documented - (int)a->documented;
}

static void classify(struct lkmm_pair *pr, const struct wanted *wd)
{
	struct choice ch = { { 0 } };
	const struct cycle *w = NULL;
	struct site *a = wd->a, *b = wd->b;

	memset(pr, 0, sizeof(*pr));
	pr->p[0].site = a;
	pr->p[1].site = b;
	pr->p[0].fence = lkmm_fence_of(a);
	pr->p[1].fence = lkmm_fence_of(b);
	if (!classifiable(a) || !classifiable(b)) {
		pr->note = xstrdup("a side is a call or a compiler barrier: "
				   "its ordering is not known here");
	} else {
		struct windows ab, ba;

		windows_of(a, b, &ab);
		windows_of(b, a, &ba);
		seen_cycles(&ch, a, b, &ab);
		if (!ch.by_objects.n) {
			half_cycles(&ch, a, b, &ab);
			half_cycles(&ch, b, a, &ba);
		}
		w = worst(&ch);
		if (w) {
			*pr = w->pair;
			pr->assumed = !w->pair.p[0].first.seen || !w->pair.p[0].second.seen ||
				      !w->pair.p[1].first.seen || !w->pair.p[1].second.seen;
		} else {
			pr->note = xstrdup("their windows share no two objects, each written "
					   "on one side and accessed on the other");
		}
	}
	pr->documented = wd->documented;
	pr->confidence = wd->confidence;
	if (w)
		pr->certainty = certainty_of(pr, w->reach);
	free(ch.by_objects.v);
}

static bool has_site_partner(const struct site *s)
{
	for (size_t i = 0; i < s->partners.n; i++)
		if (s->partners.v[i].site)
			return true;
	return false;
}

static void documented_pairs(struct build *bd, struct site *s)
{
	for (size_t i = 0; i < s->partners.n; i++)
		if (s->partners.v[i].site)
			want_pair(bd, s, s->partners.v[i].site, true, 1.0);
}

/* An undocumented barrier: its best inferred partner, if clear enough. */
static void inferred_pair(struct build *bd, struct site *s)
{
	const struct candidate *c = s->likely;

	if (has_site_partner(s) || s->named_by || !classifiable(s) || !c)
		return;
	if (c->confidence >= INFER_MENTION_CONFIDENCE && classifiable(c->site))
		want_pair(bd, s, c->site, false, c->confidence);
}

/* ---- per site ------------------------------------------------------------------- */

const struct lkmm_side *lkmm_side_of(const struct lkmm_pair *pair, const struct site *s)
{
	for (int p = 0; p < 2; p++)
		if (pair->p[p].site == s)
			return &pair->p[p];
	return NULL;
}

const struct lkmm_side *lkmm_other_side(const struct lkmm_pair *pair, const struct site *s)
{
	return pair->p[0].site == s ? &pair->p[1] : pair->p[1].site == s ? &pair->p[0] : NULL;
}

/* Which pair explains a site best: its own shortfall, surest first; then the surest. */
static bool decides_better(const struct lkmm_pair *x, const struct lkmm_pair *y,
			   const struct site *s)
{
	bool xs = x->pattern && !lkmm_side_of(x, s)->provided;
	bool ys = y->pattern && !lkmm_side_of(y, s)->provided;

	if (xs != ys)
		return xs;
	if ((x->pattern != PATTERN_NONE) != (y->pattern != PATTERN_NONE))
		return x->pattern != PATTERN_NONE;
	if (x->certainty != y->certainty)
		return x->certainty > y->certainty;
	return x->documented && !y->documented;
}

/* Documented pairs first, then by position (the pairs array is in order). */
static int pair_ptr_cmp(const void *x, const void *y)
{
	const struct lkmm_pair *a = *(const struct lkmm_pair *const *)x;
	const struct lkmm_pair *b = *(const struct lkmm_pair *const *)y;

	if (a->documented != b->documented)
		return a->documented ? -1 : 1;
	return (a > b) - (a < b);
}

static void fill_site(struct lkmm_site *ls)
{
	const struct site *s = ls->site;

	xqsort(ls->pairs.v, ls->pairs.n, sizeof(*ls->pairs.v), pair_ptr_cmp);
	ls->fence = lkmm_fence_of(s);
	ls->provided = ls->fence == FENCE__COUNT ? 0 : fence_bits(ls->fence);
	for (size_t i = 0; i < ls->pairs.n; i++) {
		const struct lkmm_pair *pr = ls->pairs.v[i];
		const struct lkmm_side *sd = lkmm_side_of(pr, s);

		if (!pr->pattern)
			continue;
		ls->needed |= 1u << sd->needed;
		if (!sd->provided)
			ls->verdict = VERDICT_INSUFFICIENT;
		else if (ls->verdict == VERDICT_UNKNOWN)
			ls->verdict = VERDICT_SUFFICIENT;
		if (!ls->deciding || decides_better(pr, ls->deciding, s))
			ls->deciding = pr;
	}
	if (!ls->deciding && ls->pairs.n)
		ls->deciding = ls->pairs.v[0];
}

static void attach_sites(struct build *bd, struct lkmm *l)
{
	const struct program *p = bd->p;

	for (size_t f = 0; f < p->files.n; f++)
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++) {
			struct lkmm_site ls = { 0 };

			ls.site = &p->files.v[f]->sites.v[i];
			vec_push(&l->sites, ls);
		}
	/* l->pairs no longer grows: sites may point into it */
	for (size_t i = 0; i < l->pairs.n; i++)
		for (int s = 0; s < 2; s++) {
			size_t k = site_ordinal(p, l->pairs.v[i].p[s].site, bd->first);

			vec_push(&l->sites.v[k].pairs, &l->pairs.v[i]);
		}
	for (size_t i = 0; i < l->sites.n; i++) {
		fill_site(&l->sites.v[i]);
		((struct site *)l->sites.v[i].site)->lkmm = &l->sites.v[i];
	}
}

void lkmm_analyze(struct program *p)
{
	struct build bd = { p, NULL, { 0 } };
	struct lkmm *l;
	size_t n = 0;

	if (p->lkmm)
		return;
	l = xcalloc(1, sizeof(*l));
	bd.first = xcalloc(p->files.n + 1, sizeof(*bd.first));
	for (size_t f = 0; f < p->files.n; f++) {
		bd.first[f] = n;
		n += p->files.v[f]->sites.n;
	}
	for (size_t f = 0; f < p->files.n; f++)
		for (size_t i = 0; i < p->files.v[f]->sites.n; i++) {
			documented_pairs(&bd, &p->files.v[f]->sites.v[i]);
			inferred_pair(&bd, &p->files.v[f]->sites.v[i]);
		}
	xqsort(bd.want.v, bd.want.n, sizeof(*bd.want.v), wanted_cmp);
	for (size_t i = 0; i < bd.want.n; i++) {
		if (i && bd.want.v[i].oa == bd.want.v[i - 1].oa &&
		    bd.want.v[i].ob == bd.want.v[i - 1].ob)
			continue;	/* named from both ends, or inferred too */
		vec_grow(&l->pairs, l->pairs.n + 1);
		classify(&l->pairs.v[l->pairs.n++], &bd.want.v[i]);
	}
	attach_sites(&bd, l);
	p->lkmm = l;
	free(bd.first);
	free(bd.want.v);
}

void lkmm_free(struct lkmm *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->pairs.n; i++)
		free(l->pairs.v[i].note);
	for (size_t i = 0; i < l->sites.n; i++)
		free(l->sites.v[i].pairs.v);
	free(l->pairs.v);
	free(l->sites.v);
	free(l);
}

bool lkmm_reportable(const struct lkmm_site *ls)
{
	return ls && ls->verdict == VERDICT_INSUFFICIENT && ls->deciding &&
	       ls->deciding->certainty >= CERTAINTY_MEDIUM;
}

/* ---- sentences ------------------------------------------------------------------- */

static const char *object_words(const char *object)
{
	return strcmp(object, LKMM_UNSEEN) ? object : "data neither window shows";
}

static void add_access(struct strbuf *sb, const struct lkmm_access *a)
{
	if (!a->seen) {
		sb_addf(sb, "%s data not seen (assumed)", a->write ? "writes" : "reads");
		return;
	}
	sb_addf(sb, "%s %s at line %u", a->write ? "writes" : "reads", a->object,
		a->seen->at.line);
}

/*
 * Why the fence falls short: its kind never orders that ("smp_wmb()
 * orders only store->store"), the access it orders is not the one the
 * pattern needs (a release orders only against its own store), or it
 * orders enough but the pattern needs a full barrier.
 */
static void add_shortfall(struct strbuf *sb, const struct lkmm_side *sd)
{
	const char *b = sd->site->barrier;
	bool kind_can = lkmm_fence_orders(sd->fence, sd->needed, true, true);
	bool here = lkmm_fence_orders(sd->fence, sd->needed, is_own(sd->site, &sd->first),
				      is_own(sd->site, &sd->second));

	if (here) {
		sb_addf(sb, "%s() orders %s, but is not a full barrier", b,
			lkmm_order_name(sd->needed));
		return;
	}
	switch (sd->fence) {
	case FENCE_WMB:
		sb_addf(sb, "%s() orders only store->store", b);
		break;
	case FENCE_RMB:
		sb_addf(sb, "%s() orders only load->load", b);
		break;
	case FENCE_RELEASE:
		if (kind_can)
			sb_addf(sb, "%s() orders earlier accesses only against its own store, "
				"not against %s", b, object_words(sd->second.object));
		else
			sb_addf(sb, "%s() orders earlier accesses against its own store only", b);
		break;
	case FENCE_ACQUIRE:
		if (kind_can)
			sb_addf(sb, "%s() orders only its own load against later accesses, "
				"not %s", b, object_words(sd->first.object));
		else
			sb_addf(sb, "%s() orders only its own load against later accesses", b);
		break;
	case FENCE_MB:
	case FENCE_NONE:
	case FENCE__COUNT:
		sb_addf(sb, "%s() does not give it", b);
		break;
	}
}

static void add_certainty(struct strbuf *sb, const struct lkmm_pair *pr)
{
	unsigned reach = 0;

	for (int p = 0; p < 2; p++) {
		const struct lkmm_access *a[2] = { &pr->p[p].first, &pr->p[p].second };

		for (int i = 0; i < 2; i++)
			if (a[i]->seen && a[i]->rank > reach)
				reach = a[i]->rank;
	}
	sb_addf(sb, "certainty %s: ", lkmm_certainty_name(pr->certainty));
	if (pr->documented)
		sb_adds(sb, "a documented pair");
	else
		sb_addf(sb, "an inferred partner (confidence %.2f)", pr->confidence);
	if (pr->assumed)
		sb_adds(sb, ", one object not seen and assumed");
	else if (reach <= 1)
		sb_adds(sb, ", the accesses nearest the barriers");
	else
		sb_addf(sb, ", accesses up to %u away from a barrier", reach + 1);
	if (dependency_may_order(pr))
		sb_adds(sb, ", unless a dependency orders the load");
	sb_adds(sb, "; objects are read from tokens");
}

/* "store buffering (SB) with smp_mb() in f() on x and y" */
static void add_pattern_head(struct strbuf *sb, const struct lkmm_pair *pr,
			     const struct lkmm_side *sd, const struct lkmm_side *od)
{
	const char *fn = site_function_name(od->site);

	sb_addf(sb, "%s (%s) with %s()", lkmm_pattern_words(pr->pattern),
		lkmm_pattern_name(pr->pattern), od->site->barrier);
	if (fn)
		sb_addf(sb, " in %s()", fn);
	sb_addf(sb, " on %s and %s", object_words(sd->first.object),
		object_words(sd->second.object));
}

static void add_need(struct strbuf *sb, const struct lkmm_pair *pr, const struct lkmm_side *sd)
{
	sb_addf(sb, " needs %s%s here (", lkmm_order_name(sd->needed),
		patterns[pr->pattern].strong ? " from a full barrier" : "");
	add_access(sb, &sd->first);
	sb_adds(sb, ", then ");
	add_access(sb, &sd->second);
	sb_adds(sb, ")");
}

char *lkmm_site_sentence(const struct lkmm_site *ls)
{
	struct strbuf sb = STRBUF_INIT;
	const struct lkmm_pair *pr = ls ? ls->deciding : NULL;
	const struct lkmm_side *sd, *od;

	if (!pr)
		return xstrdup("no partner, documented or inferred, to classify it with");
	sd = lkmm_side_of(pr, ls->site);
	od = lkmm_other_side(pr, ls->site);
	if (!pr->pattern) {
		const char *fn = site_function_name(od->site);

		sb_addf(&sb, "not classified with %s()%s%s%s: %s", od->site->barrier,
			fn ? " in " : "", fn ? fn : "", fn ? "()" : "", pr->note);
		return sb_detach(&sb);
	}
	add_pattern_head(&sb, pr, sd, od);
	add_need(&sb, pr, sd);
	if (!sd->provided) {
		sb_adds(&sb, "; ");
		add_shortfall(&sb, sd);
		sb_addf(&sb, "; LKMM allows the outcome (%s); ", pr->cite);
	} else if (!od->provided) {
		sb_addf(&sb, ", which %s() gives, but the partner's side falls short; "
			"LKMM allows the outcome (%s); ", ls->site->barrier, pr->cite);
	} else {
		sb_addf(&sb, ", which %s() gives; LKMM forbids the outcome (%s); ",
			ls->site->barrier, pr->cite);
	}
	add_certainty(&sb, pr);
	return sb_detach(&sb);
}

char *lkmm_weakened(const struct site *before, const struct site *after,
		    enum lkmm_certainty *certainty)
{
	const struct lkmm_site *ls = before ? before->lkmm : NULL;
	enum lkmm_fence f = after ? lkmm_fence_of(after) : FENCE_NONE;
	const struct lkmm_pair *best = NULL;
	struct strbuf sb = STRBUF_INIT;

	if (!ls || f == FENCE__COUNT)
		return NULL;
	for (size_t i = 0; i < ls->pairs.n; i++) {
		const struct lkmm_pair *pr = ls->pairs.v[i];
		const struct lkmm_side *sd = lkmm_side_of(pr, before);
		int p = sd == &pr->p[0] ? 0 : 1;

		/* what was given before and is not after; own accesses as they were */
		if (!pr->pattern || !sd->provided ||
		    side_gives(pr->pattern, p, f, true, true))
			continue;
		/* the surest; of equals, the first (documented pairs come first) */
		if (!best || pr->certainty > best->certainty)
			best = pr;
	}
	if (!best)
		return NULL;
	if (after)
		sb_addf(&sb, "%s() becomes %s(): its ", before->barrier, after->barrier);
	else
		sb_addf(&sb, "%s() is removed: its ", before->barrier);
	add_pattern_head(&sb, best, lkmm_side_of(best, before), lkmm_other_side(best, before));
	add_need(&sb, best, lkmm_side_of(best, before));
	sb_addf(&sb, ", which %s gives; LKMM allows the outcome without it (%s); ",
		after ? "the new barrier no longer" : "nothing else here", best->cite);
	add_certainty(&sb, best);
	*certainty = best->certainty;
	return sb_detach(&sb);
}
