/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inferring the partner of a barrier from the objects it orders.
 *
 * Documentation/memory-barriers.txt, "SMP BARRIER PAIRING": a write
 * barrier orders writes to objects that its partner's read barrier orders
 * reads of, on the other side: the writer stores data then flag, the reader
 * loads flag then data.  So a candidate scores for each object one side
 * writes and the other reads, before one barrier and after the other,
 * weighted by how near to the barriers the accesses are and by how rare
 * the object is in the tree (kvm->lock orders nothing in particular).
 * Kind compatibility (kinds_can_pair) filters; the same file, the same
 * architecture (or generic code) make a candidate likelier.
 *
 * Comments are never read here, so measuring recall against documented
 * pairs needs no hiding: the ranking does not see them.
 */
#ifndef BARRIERMAP_INFER_H
#define BARRIERMAP_INFER_H

#include "facts.h"

/*
 * Below this confidence a guess is not worth a reader's time in lint or
 * the map (about a third of the real tree's guesses); show lists them all.
 */
#define INFER_MENTION_CONFIDENCE 0.2

struct candidate {
	struct site *site;
	double score;
	double confidence;	/* 0..1: how clearly it beats the others */
	VEC(char *) shared;	/* objects both order, best evidence first */
};

/*
 * The best @max partner candidates for @s, best first; returns how many
 * were written to @out.  Free with candidates_release().
 */
size_t infer_candidates(const struct program *p, const struct site *s,
			struct candidate *out, size_t max);
void candidates_release(struct candidate *c, size_t n);

/*
 * The stage after the statuses: rank the candidates of every undocumented
 * barrier once and keep the best as s->likely, for lkmm.c, lint's
 * findings, the map and suggest.
 */
void infer_likely_partners(struct program *p);

/*
 * Is s->likely worth a reader's time: it shares an object with @s and its
 * confidence reaches INFER_MENTION_CONFIDENCE?
 */
bool infer_likely_worth_mentioning(const struct site *s);

/*
 * "likely partner: smp_rmb() in kvm_get_vcpu() (shared: kvm->online_vcpus;
 * confidence 0.80)" from s->likely, or NULL when it is not worth
 * mentioning.  The caller frees it.
 */
char *infer_best_summary(const struct site *s);

/*
 * How strongly the objects @s and @c order say they pair, as the ranking
 * weighs it without the proximity prior: 0 when they share no object.
 * The resolver uses it to narrow a reference that names only a function.
 */
double infer_pair_score(const struct program *p, const struct site *s, const struct site *c);

/* "smp_rmb() in kvm_get_vcpu() (include/linux/kvm_host.h:996)"; caller frees. */
char *infer_site_name(const struct site *s);

/*
 * Recall over the documented pairs: for each site whose pairing is proven
 * (paired or one-way), is one of its resolved partners ranked first (r1),
 * or in the top three (r3)?  *n is the number of sites measured.
 */
void infer_recall(const struct program *p, double *r1, double *r3, size_t *n,
		  struct strbuf *misses);

/*
 * Is @s a candidate for removal: an explicit barrier that has no pairing
 * comment, no candidate sharing an object, and no access to a shared
 * (non-local) object in its window at all?  Hedged: the scan sees only
 * the scanned tree.
 */
bool infer_looks_redundant(const struct program *p, const struct site *s);

/*
 * "Did you mean" for reference @ref of @s, which found nothing: fills
 * res->candidates with at most three functions, best first.  First the
 * functions holding a barrier of the kind the reference names (or any
 * that can pair with @s) that writes a field @s reads or reads one it
 * writes, those on a field @s's comment names first ("the read of
 * mmu_invalidate_seq"), each tier ranked as infer_candidates() ranks
 * them; then functions named within three edits of the reference that
 * hold such a barrier on their path.  Never a function without one.
 * res->candidate_clear is set when the first is a clear repair: the
 * reference names its barrier, and exactly one function of the first
 * tier holds it.  Unlike the ranking, this reads the comment.
 */
void infer_did_you_mean(const struct program *p, const struct site *s, size_t ref,
			struct ref_result *res);

/*
 * Are @a and @b the same memory object, or the same fields from another
 * base ("kvm_vcpu->mode" and "vcpu->mode")?
 */
bool infer_objects_match(const char *a, const char *b);

/*
 * The stage: index the objects of every site of @p (how rare each is, and
 * which sites hold it), for every function above.  After the sites are
 * final (resolve_comments_on_calls()), before anything asks for a
 * partner; program_free() has infer_index_free() free it.
 */
void infer_index_build(struct program *p);
void infer_index_free(struct infer_index *ix);

#endif
