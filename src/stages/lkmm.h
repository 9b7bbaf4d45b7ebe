/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Are a pair's barriers strong enough for what they order?  Checked
 * against the Linux-kernel memory model (tools/memory-model/ in the kernel
 * tree, "LKMM").
 *
 * A pair of barriers orders accesses on two CPUs.  When the accesses on
 * each side of the two barriers touch two shared objects x and y, they
 * form one of the six two-CPU cycles of the litmus-test classes:
 *
 *   P0: first(x) ; barrier ; second(y)     P1: first(y) ; barrier ; second(x)
 *
 * and the kinds of the two barriers either forbid the unwanted outcome of
 * that cycle or not.  The verdict table comes from the rules of thumb in
 * tools/memory-model/Documentation/recipes.txt, checked against the
 * expected results of tools/memory-model/litmus-tests/ by
 * tests/lkmm/litmus.py verdicts.
 *
 * The accesses come from objects.c's token windows (site->before/after):
 * a heuristic.  So every verdict says how it was reached and how sure it
 * is, and only a certain enough "insufficient" is a finding.
 *
 * lkmm_analyze() is a stage: a function of the resolved program (and of
 * infer.c's ranking, for undocumented barriers).  It never prints.
 */
#ifndef BARRIERMAP_LKMM_H
#define BARRIERMAP_LKMM_H

#include "facts.h"

/* An ordering one side must give between its two accesses. */
enum lkmm_order {
	ORDER_SS,	/* store -> store */
	ORDER_LL,	/* load -> load */
	ORDER_SL,	/* store -> load */
	ORDER_LS,	/* load -> store */
	ORDER__COUNT
};

/* The two-CPU cycles, named as in tools/memory-model/litmus-tests/. */
enum lkmm_pattern {
	PATTERN_NONE,	/* not classified */
	PATTERN_MP,	/* message passing: W x; W y  ||  R y; R x */
	PATTERN_SB,	/* store buffering: W x; R y  ||  W y; R x */
	PATTERN_LB,	/* load buffering:  R x; W y  ||  R y; W x */
	PATTERN_R,	/* W x; W y  ||  W y; R x */
	PATTERN_S,	/* W x; W y  ||  R y; W x */
	PATTERN_2P2W,	/* 2+2W:  W x; W y  ||  W y; W x */
	PATTERN__COUNT
};

/* What LKMM knows a barrier kind as: the fence classes of linux-kernel.cat. */
enum lkmm_fence {
	FENCE_NONE,	/* no ordering (READ_ONCE/WRITE_ONCE, barrier()) */
	FENCE_WMB,	/* smp_wmb() */
	FENCE_RMB,	/* smp_rmb() */
	FENCE_RELEASE,	/* smp_store_release(): prior accesses -> its store */
	FENCE_ACQUIRE,	/* smp_load_acquire(): its load -> later accesses */
	FENCE_MB,	/* smp_mb() and every full barrier */
	FENCE__COUNT
};

enum lkmm_verdict {
	VERDICT_UNKNOWN,	/* the pair's accesses form no cycle we can see */
	VERDICT_SUFFICIENT,	/* LKMM forbids the unwanted outcome */
	VERDICT_INSUFFICIENT,	/* LKMM allows it */
};

enum lkmm_certainty {
	CERTAINTY_LOW,		/* shown, never reported by lint */
	CERTAINTY_MEDIUM,
	CERTAINTY_HIGH,
};

/* One access of a side of the cycle. */
struct lkmm_access {
	const struct access *seen;	/* NULL: not in the window, assumed */
	const char *object;		/* seen->object, or LKMM_UNSEEN */
	bool write;
	unsigned rank;			/* distance from the barrier in its window */
};

/* The name of an object neither window shows (the caller's, a callee's). */
#define LKMM_UNSEEN "(unseen)"

struct lkmm_side {
	struct site *site;
	enum lkmm_fence fence;
	struct lkmm_access first, second;	/* before and after the barrier */
	enum lkmm_order needed;
	bool provided;		/* the fence gives @needed between these two */
};

struct lkmm_pair {
	struct lkmm_side p[2];	/* P0 and P1, in the litmus tests' order */
	enum lkmm_pattern pattern;
	enum lkmm_verdict verdict;
	enum lkmm_certainty certainty;
	bool documented;	/* a comment names the partner (site->partners) */
	double confidence;	/* infer.c's, for an inferred pair; 1 if documented */
	bool assumed;		/* one object is not seen: completed in the kinds' favour */
	const char *cite;	/* where the verdict comes from */
	char *note;		/* why not classified, or NULL */
};

/* Per barrier: what its pairs need of it, and what its kind gives. */
struct lkmm_site {
	const struct site *site;
	enum lkmm_fence fence;
	unsigned provided;	/* bits 1 << ORDER_*, as its kind gives them */
	unsigned needed;	/* bits 1 << ORDER_*, over its classified pairs */
	VEC(const struct lkmm_pair *) pairs;	/* every pair it is in */
	enum lkmm_verdict verdict;	/* INSUFFICIENT: its own kind falls short */
	const struct lkmm_pair *deciding;	/* the pair that decides it, or NULL */
};

struct lkmm {
	VEC(struct lkmm_pair) pairs;	/* sorted by the sites' position */
	VEC(struct lkmm_site) sites;	/* one per site of the program, in order */
};

/*
 * Classify every documented pair, and every undocumented barrier's best
 * inferred partner, and fill p->lkmm and each site->lkmm.  Idempotent.
 */
void lkmm_analyze(struct program *p);
void lkmm_free(struct lkmm *l);

/* Is @ls's finding certain enough to report (lint, map worklist)? */
bool lkmm_reportable(const struct lkmm_site *ls);
/* The side of @pair that @s is, or NULL. */
const struct lkmm_side *lkmm_side_of(const struct lkmm_pair *pair, const struct site *s);
const struct lkmm_side *lkmm_other_side(const struct lkmm_pair *pair, const struct site *s);

/*
 * The verdict table: does a cycle of @pattern with fences @f0 on P0 and @f1
 * on P1 have its unwanted outcome forbidden?  *cite is set to the litmus
 * test or document that says so.  The acquire's own load is P's first
 * access and the release's own store its second.
 */
bool lkmm_forbidden(enum lkmm_pattern pattern, enum lkmm_fence f0, enum lkmm_fence f1,
		    const char **cite);
/* What a fence gives between two accesses (own: the access is the barrier's). */
bool lkmm_fence_orders(enum lkmm_fence f, enum lkmm_order o, bool own_first,
		       bool own_second);
enum lkmm_fence lkmm_fence_of(const struct site *s);

const char *lkmm_pattern_name(enum lkmm_pattern p);	/* "MP", "2+2W" */
const char *lkmm_pattern_words(enum lkmm_pattern p);	/* "message passing" */
const char *lkmm_order_name(enum lkmm_order o);	/* "store->load" */
const char *lkmm_fence_name(enum lkmm_fence f);	/* "wmb", "release" */
const char *lkmm_verdict_name(enum lkmm_verdict v);	/* "sufficient" */
const char *lkmm_certainty_name(enum lkmm_certainty c);	/* "high" */
/* "store->store, load->store" for a set of ORDER bits; caller frees. */
char *lkmm_orders_words(unsigned bits);

/*
 * One sentence explaining @ls's verdict, for lint, show and the map:
 * "store buffering (SB) with smp_mb() in f() on x and y needs store->load
 * here (...); smp_wmb() gives only store->store; ...".  Caller frees.
 */
char *lkmm_site_sentence(const struct lkmm_site *ls);

/*
 * For check-patch: a sentence when @after (the same barrier after a patch,
 * or NULL when the patch removes it) no longer gives an ordering that the
 * classified pairs of @before (in the program before the patch, analysed)
 * need; NULL when it still does or nothing is known.  Of several such
 * pairs, the surest speaks, and *certainty says how sure it is.  Caller
 * frees.
 */
char *lkmm_weakened(const struct site *before, const struct site *after,
		    enum lkmm_certainty *certainty);

#endif
