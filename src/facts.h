/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The facts barriermap works on.  Data flows one way:
 *
 *   scan.c     (libclang, per file)        -> struct file_facts
 *   attach.c   (comment -> barrier)        -> site->comment, site->pairing
 *   resolve.c  (whole program)             -> site->status, site->partners
 *   emit_*.c   (lint, json, rst, ...)      -> output; emitters never re-scan
 *
 * Everything is owned by the struct program and freed by program_free().
 */
#ifndef BARRIERMAP_FACTS_H
#define BARRIERMAP_FACTS_H

#include "grammar.h"
#include "util.h"
#include "vocab.h"

struct pos {
	unsigned line, col;	/* 1-based, col in bytes */
};

struct comment {
	struct pos start, end;	/* end is the last character */
	char *text;		/* raw, with its comment markers */
};

struct call {
	char *callee;
	struct pos at;
};

struct function {
	char *name;
	struct pos start, end;	/* extent of the definition */
	struct pos body;	/* the opening brace */
	VEC(struct call) calls;	/* in source order */
	/*
	 * Calls through a function pointer: the callee is the pointer's
	 * field ("on_lock" for range->on_lock(kvm)); what it may hold is in
	 * the files' pointers.
	 */
	VEC(struct call) indirect;
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
	char *note;		/* explanation, or NULL */
	VEC(char *) candidates;	/* nearest names when nothing matched */
	VEC(char *) searched;	/* "path:line" of each definition looked in */
};

/* A memory access near a barrier, for partner inference (objects.c). */
struct access {
	char *object;		/* normalised path: "vcpu->mode", "kvm->online_vcpus" */
	bool write;
	struct pos at;
};

struct site {
	struct file_facts *file;
	struct pos at;		/* the barrier (or callee) identifier */
	unsigned end_col;	/* last column of the identifier */
	int function;		/* index into file->functions, or -1 */
	char *barrier;		/* primitive, or callee for an implicit site */
	enum kind kind;
	bool implicit;		/* a pairing comment on a call, not a barrier */
	struct pos stmt;	/* start of the enclosing statement */

	int comment;		/* index into file->comments, or -1 */
	int comment_last;	/* last of the comments joined for it, or -1 */
	VEC(struct call) stmt_calls;	/* implicit site: every call in its statement */
	enum comment_rule rule;
	char *comment_text;	/* joined raw comment text, or NULL */
	struct pairing pairing;

	enum status status;
	VEC(struct partner) partners;
	struct ref_result *results;	/* one per pairing.refs[] */
	unsigned named_by;	/* how many other sites' comments resolve to this one */
	char *message;

	/* filled by objects.c during the scan, used by infer.c */
	VEC(struct access) before;	/* accesses before the barrier, nearest first */
	VEC(struct access) after;	/* accesses after the barrier, nearest first */
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
	VEC(struct pointer_assign) pointers;	/* in source order */
	/*
	 * For file_function_at(): outer[i] is the last function before i
	 * (by start) that ends after function i does, or -1.  Built by
	 * file_index_functions() for the first outer_n functions.
	 */
	int *outer;
	size_t outer_n;
};

struct options {
	const char *kernel;	/* the kernel tree */
	char *kernel_found;	/* owned copy when options_find_kernel() found it */
	VEC(const char *) paths;	/* paths given on the command line */
	VEC(const char *) resolve_in;	/* extra folders for partners */
	VEC(const char *) scope;	/* --scope values as given; none: the KVM scope */
	bool no_cache;		/* --no-cache: neither read nor write the fact cache */
	const char *compdb;	/* folder with compile_commands.json, or NULL */
	int jobs;
	unsigned max_depth;	/* call graph depth for partners */
	bool quiet;
	bool progress;		/* stderr is a terminal */
	enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_RST } format;
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

struct program {
	const struct options *opts;
	char *kernel;		/* absolute path of the kernel tree */
	VEC(struct file_facts *) files;	/* sorted by path */
	/* every definition by name, sorted by name then path */
	VEC(struct function_ref) by_name;
	size_t by_name_files;	/* how many files by_name indexes */
	/* each name of by_name once, in its order: for "did you mean" */
	VEC(struct name_len) names;
	/* every pointer assignment, sorted by field, then file, then target */
	VEC(struct pointer_ref) pointers;
	struct infer_index *infer;	/* infer.c's tables, built on first use */
};

bool pos_le(struct pos a, struct pos b);
/*
 * The innermost function of @f whose extent holds @p, or -1: of those
 * that hold it, the one that starts last.  In O(log n) once
 * file_index_functions() has indexed f->functions (sorted by start).
 */
int file_function_at(const struct file_facts *f, struct pos p);
void file_index_functions(struct file_facts *f);

/* site accessors */
const char *site_function_name(const struct site *s);
const char *status_name(enum status status);
const char *comment_rule_name(enum comment_rule rule);

void site_release(struct site *s);
void file_facts_free(struct file_facts *f);
void program_free(struct program *p);

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
