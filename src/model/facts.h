/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The facts barriermap works on.  Data flows one way, through the stages
 * the driver (pipeline.c) runs in this order:
 *
 *   per file, while its tokens exist (fact-cached):
 *   scan.c     (libclang)                  -> struct file_facts: functions,
 *                                             calls, comments, sites
 *   attach.c   (comment -> barrier)        -> site->comment, ->pairing;
 *                                             implicit sites; comment->pairing
 *   objects.c  (tokens around barriers)    -> site->before, site->after
 *   whole program:
 *   resolve.c  (comments on calls)         -> implicit sites' own barriers
 *   infer.c    (index of the objects)      -> program->infer
 *   resolve.c  (references)                -> site->status, ->partners, ...
 *   lkmm.c     (memory model)              -> program->lkmm, site->lkmm
 *   claims.c   (reliance claims)           -> file->claims and their verdicts
 *   emit_*.c   (lint, json, rst, ...)      -> output; emitters never re-scan
 *
 * The facts are plain data, freed by facts.c; a stage's own tables
 * (program->infer, program->lkmm) are freed by the stage; program_free()
 * (pipeline.c) has both done.
 */
#ifndef BARRIERMAP_FACTS_H
#define BARRIERMAP_FACTS_H

#include "grammar.h"
#include "util.h"
#include "vocab.h"

struct pos {
	unsigned line, col;	/* 1-based, col in bytes */
};

/* Positions in a file, in reading order: <0, 0 or >0, as strcmp(). */
static inline int pos_cmp(struct pos a, struct pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return (a.col > b.col) - (a.col < b.col);
}

static inline bool pos_eq(struct pos a, struct pos b)
{
	return a.line == b.line && a.col == b.col;
}

static inline bool pos_lt(struct pos a, struct pos b)
{
	return pos_cmp(a, b) < 0;
}

static inline bool pos_le(struct pos a, struct pos b)
{
	return pos_cmp(a, b) <= 0;
}

struct comment {
	struct pos start, end;	/* end is the last character */
	char *text;		/* raw, with its comment markers */
	/*
	 * What a comment no site took says of pairing (attach.c), when it
	 * says anything: "see kvm_vcpu_reset()" on a plain statement, "Pairs
	 * with ..." at file scope.  NULL otherwise: a site's comment is read
	 * in site->pairing.
	 */
	struct pairing *pairing;
};

struct call {
	char *callee;
	struct pos at;
};
VEC_TYPE(call_vec, struct call);

struct function {
	char *name;
	struct pos start, end;	/* extent of the definition */
	struct pos body;	/* the opening brace */
	struct call_vec calls;	/* in source order */
	/*
	 * Calls through a function pointer: the callee is the pointer's
	 * field ("on_lock" for range->on_lock(kvm)); what it may hold is in
	 * the files' pointers.
	 */
	struct call_vec indirect;
	bool from_tokens;	/* found by the token fallback, not the AST */
};

/*
 * A function a pointer may hold: ".on_lock = kvm_mmu_invalidate_end" in an
 * initializer, "ops->run = vmx_run;" in code.  The target is a name;
 * whether a function of that name exists is the resolver's to find.
 */
struct pointer_assign {
	char *field;
	char *target;
	struct pos at;
};

enum comment_rule {
	RULE_NONE,
	RULE_ABOVE,		/* block ending just above the statement */
	RULE_TRAILING,		/* on the same line, after the barrier */
	RULE_INSIDE,		/* inside the barrier's statement */
	RULE_NEARBY,		/* a statement or two above, names the barrier */
	RULE_BELOW,		/* on the line after the statement, names the barrier */
};

enum status {
	/* in order of severity, worst first: emitters sort by this */
	STATUS_DANGLING,
	STATUS_MISMATCH,
	STATUS_VAGUE,
	STATUS_UNDOCUMENTED,
	STATUS_ONE_WAY,
	STATUS_NO_PARTNER,
	STATUS_PAIRED,
	STATUS_NOT_REQUIRED,	/* barrier(): a compiler barrier never pairs */
	STATUS__COUNT
};

struct site;
struct lkmm;
struct lkmm_site;
struct candidate;	/* infer.h */

/*
 * A barrier a reference resolved to, found in the named function or
 * through its callees.  Strings are borrowed from the facts.
 */
struct partner {
	struct site *site;	/* NULL for an implied barrier (a call to an atomic RMW) */
	struct file_facts *file;
	struct pos at;
	const char *function;	/* the function holding the barrier */
	const char *barrier;
	enum kind kind;
	VEC(const char *) via;	/* from the named function down to function */
	/*
	 * Per step of via: the field of the function pointer the call went
	 * through ("on_lock"), NULL for a direct call (and for via[0]).
	 */
	VEC(const char *) through;
	size_t ref;		/* index of the reference that found it */
};

/* What the resolver did with one reference, for `show` and messages. */
struct ref_result {
	bool function_found;	/* some definition of ref->function exists */
	size_t nfound;		/* partners found for this reference */
	unsigned depth;		/* how deep the call graph was searched */
	bool mismatch;		/* found, but of a kind that cannot pair */
	bool weaker;		/* found, but weaker than the comment claims */
	/* "see F()" where F holds no barrier and no pairing comment: not counted */
	bool pointer_only;
	/*
	 * "see F()" where F's commented barriers cannot pair with this one:
	 * F's comment explains a barrier doing the same job; not counted
	 */
	bool same_role;
	/* a function-only reference, none of whose barriers orders an object
	 * this one orders: all were kept */
	bool kept_all;
	char *note;		/* explanation, or NULL */
	VEC(char *) candidates;	/* "did you mean": infer_did_you_mean() */
	bool candidate_clear;	/* the first candidate is a clear repair (suggest --fix) */
	VEC(char *) searched;	/* "path:line" of each definition looked in */
};

/* A memory access near a barrier, for partner inference (objects.c). */
struct access {
	char *object;		/* normalised path: "vcpu->mode", "kvm->online_vcpus" */
	bool write;
	struct pos at;
	bool rmw;		/* a write that reads too: set_bit(), atomic_inc(), x += v */
};
VEC_TYPE(access_vec, struct access);

/*
 * A barrier, or an implicit site (a pairing comment on a call), and what
 * each stage found of it, in the order the stages run.
 */
struct site {
	/* scan.c; for an implicit site attach.c, then resolve_comments_on_calls() */
	struct file_facts *file;
	struct pos at;		/* the barrier (or callee) identifier */
	unsigned end_col;	/* last column of the identifier */
	int function;		/* index into file->functions, or -1 */
	char *barrier;		/* primitive, or callee for an implicit site */
	enum kind kind;
	bool implicit;		/* a pairing comment on a call, not a barrier */
	/*
	 * An implicit site no call around supplies a barrier to, kept because
	 * its comment claims one (resolve_comments_on_calls())
	 */
	bool no_barrier_found;

	/* attach.c */
	struct pos stmt;	/* start of the enclosing statement */
	int comment;		/* index into file->comments, or -1 */
	int comment_last;	/* last of the comments joined for it, or -1 */
	struct call_vec stmt_calls;	/* implicit site: every call in its statement */
	enum comment_rule rule;
	char *comment_text;	/* joined raw comment text, or NULL */
	struct pairing pairing;

	/* objects.c */
	struct access_vec before;	/* accesses before the barrier, nearest first */
	struct access_vec after;	/* accesses after the barrier, nearest first */

	/* resolve_program() */
	enum status status;
	VEC(struct partner) partners;
	struct ref_result *results;	/* one per pairing.refs[] */
	unsigned named_by;	/* how many other sites' comments resolve to this one */
	char *message;

	/* lkmm.c: its pairs' patterns and verdicts, or NULL */
	struct lkmm_site *lkmm;

	/*
	 * infer_likely_partners(): an undocumented barrier's best partner
	 * candidate, or NULL (the infer index owns it)
	 */
	struct candidate *likely;
};

/* ---- reliance claims (claims.c) ---------------------------------------- */

struct primitive;	/* primitives.h */

enum claim_verdict {
	/* in order of severity, worst first, like enum status */
	CLAIM_STALE,		/* the barrier named is not on the path (what is, is said) */
	CLAIM_WEAK,		/* what is there is weaker than the comment claims */
	CLAIM_UNCHECKED,	/* the function is neither scanned nor a known primitive */
	CLAIM_HOLDS,
	CLAIM__COUNT
};

/*
 * A comment's claim that a barrier somewhere else provides the ordering:
 * "Rely on mmap_read_unlock() for an implicit smp_rmb()", "The barrier in
 * kvm_flush_remote_tlbs() achieves this", "synchronize_srcu(), which also
 * implies a full memory barrier".  The claim is checked against the
 * barriers on the function's path, or against what a core primitive
 * guarantees (primitives.c).  Strings are owned, pointers into the facts
 * borrowed.
 */
struct claim {
	struct file_facts *file;
	int comment;		/* index into file->comments */
	int function;		/* the function the comment is in, or -1 */
	struct pos at;		/* the function relied on, as written in the comment */
	unsigned end_col;	/* its last column */
	char *sentence;		/* the sentence that makes the claim, blanks collapsed */
	char *subject;		/* the function or primitive relied on */
	char *barrier;		/* the barrier named ("smp_rmb"), corrected, or NULL */
	char *misspelled;	/* the barrier as written when it was corrected, or NULL */
	enum kind kind;		/* the kind claimed, unless any_kind */
	bool any_kind;		/* "a barrier", "the memory barrier": any will do */

	/* the check */
	enum claim_verdict verdict;
	const struct primitive *primitive;	/* @subject is a core primitive */
	bool found;		/* something is there: @there */
	struct partner there;	/* the barrier that is there (named, or the best other) */
	unsigned there_depth;	/* calls from @subject down to it */
	const struct primitive *there_primitive;	/* @there is a call to a primitive */
	bool as_strong;		/* @there is at least as strong as claimed */
	char *message;
};

struct file_facts {
	char *path;		/* relative to the kernel tree */
	char *arch;		/* "x86", "arm64"...; "generic" for virt/kvm and include/ */
	bool in_scope;		/* reported on, not only used to resolve partners */
	char *skipped;		/* why the file was skipped, or NULL */
	VEC(struct function) functions;	/* sorted by start */
	VEC(struct comment) comments;	/* sorted by start */
	VEC(struct site) sites;		/* sorted by position */
	VEC(char *) includes;		/* "<linux/mm.h>", "\"mmu.h\"" as written */
	VEC(struct claim) claims;	/* claims.c: in comment order */
	VEC(struct pointer_assign) pointers;	/* in source order */
	/*
	 * For file_function_at(): outer[i] is the last function before i
	 * (by start) that ends after function i does, or -1.  Built by
	 * file_index_functions() for the first outer_n functions.
	 */
	int *outer;
	size_t outer_n;
};


struct function_ref {
	struct file_facts *file;
	size_t index;
};

/* One pointer assignment of the program, for the resolver. */
struct pointer_ref {
	const char *field, *target;	/* borrowed from the facts */
	const struct file_facts *file;
};

struct name_len {
	const char *name;	/* borrowed from the facts */
	size_t len;
	unsigned char bag[16];	/* name_bag(): a cheap bound on edit distances */
};

/*
 * How many characters of @name fall in each of 16 classes (byte & 15).
 * Each edit changes one count by one, in each direction at most, so two
 * names whose bags differ by more than N are more than N edits apart.
 */
void name_bag(const char *name, unsigned char bag[16]);
/* That bound: the larger of what @a has more of and what @b has more of. */
int bag_distance(const unsigned char a[16], const unsigned char b[16]);

struct options;

struct program {
	const struct options *opts;
	char *kernel;		/* absolute path of the kernel tree */
	VEC(struct file_facts *) files;	/* sorted by path */
	/* every definition by name, sorted by name then path */
	VEC(struct function_ref) by_name;
	size_t by_name_files;	/* how many files by_name indexes */
	/* each name of by_name once, by length then name: for "did you mean" */
	VEC(struct name_len) names;
	/* every pointer assignment, sorted by field, then file, then target */
	VEC(struct pointer_ref) pointers;
	struct infer_index *infer;	/* infer.c's tables (infer_index_build()) */
	struct lkmm *lkmm;	/* lkmm.c's pairs and verdicts (lkmm_analyze()) */
};

/*
 * The innermost function of @f whose extent holds @p, or -1: of those
 * that hold it, the one that starts last.  In O(log n) once
 * file_index_functions() has indexed f->functions (sorted by start).
 */
int file_function_at(const struct file_facts *f, struct pos p);
void file_index_functions(struct file_facts *f);
/* The index of @f's first comment starting at or after @p (comments.n if none). */
size_t file_first_comment_from(const struct file_facts *f, struct pos p);

/* site accessors */
const char *site_function_name(const struct site *s);
/* Did a reference of @s resolve to the site @t? */
bool site_has_partner(const struct site *s, const struct site *t);
/*
 * "smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:4332", as
 * every message names a barrier and where it is.  The parenthesis is left
 * open for the caller to add to (", via f() -> g()") and close.
 */
void sb_add_barrier_at(struct strbuf *sb, const char *barrier, const char *function,
		       const char *path, unsigned line);

/* What a status means, for every output that shows it: one table, in facts.c. */
struct status_info {
	const char *name;		/* "dangling": lint, JSON, --status */
	const char *meaning;		/* one line: the map's legend and worklist */
	const char *colour_name;	/* the graph's fill, as the legend names it */
	const char *colour;		/* the fill, light enough for black text */
};
const struct status_info *status_info(enum status status);
const char *status_name(enum status status);	/* status_info(status)->name */
const char *comment_rule_name(enum comment_rule rule);
/*
 * A command-line barrier: "FILE:LINE" sets *path (caller frees) and *line
 * and returns true; anything else is a FUNCTION.  site_matches_arg() says
 * whether @s is named by it (a line of its statement or of its comment).
 */
bool site_location_parse(const char *arg, char **path, unsigned *line);
bool site_matches_arg(const struct site *s, const char *name, const char *path,
		      unsigned line);

/*
 * The facts are plain data, and these free them whichever stage filled
 * them: a stage's own tables (infer.c's index, lkmm.c's pairs) are the
 * stage's to free (pipeline.c's program_free() has them do it).
 */
void site_release(struct site *s);
void claim_release(struct claim *c);
void file_facts_free(struct file_facts *f);
/*
 * A deep copy of a file's facts as the scan left them (before resolve):
 * check-patch's programs before and after a patch share the facts of the
 * files it does not touch.  A new field of struct file_facts, function,
 * comment or site that owns memory must be copied here too.
 */
struct file_facts *file_facts_clone(const struct file_facts *f);
/* The files, their facts and the indexes of them, and @p itself. */
void program_free_facts(struct program *p);

/* Definitions named @name: *n set to their count, NULL if none. */
const struct function_ref *program_find_function(const struct program *p,
						 const char *name, size_t *n);
struct function *function_of(const struct function_ref *r);

/*
 * A call through a pointer's @field may reach more functions than this;
 * a field assigned more (.release, .open in every driver) is too common
 * to say which, and is not followed.
 */
#define POINTER_TARGETS 8

/*
 * The functions a call through @field in @file may reach: the targets
 * @file assigns to that field, else those of the whole program when
 * there are at most POINTER_TARGETS.  Names into @out (POINTER_TARGETS
 * of them at most), sorted; returns how many.
 */
size_t program_pointer_targets(const struct program *p, const char *field,
			       const struct file_facts *file, const char **out);
/*
 * Index every definition by name in program->by_name; again only when
 * files were added since (files are added, never taken away).
 */
void program_index_functions(struct program *p);

#endif
