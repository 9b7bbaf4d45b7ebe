/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The partner grammar: what a comment says a barrier pairs with.
 *
 * Input is the raw text of one comment token ("/" "* ... *" "/" or "// ..."),
 * possibly several adjacent comments joined by newlines.  Output is a list
 * of references, each {arch tag?, barrier name or wildcard?, function?},
 * and a verdict on what kind of pairing statement the comment makes.
 * grammar.c lists the phrasings it reads (those of the real tree).
 */
#ifndef BARRIERMAP_GRAMMAR_H
#define BARRIERMAP_GRAMMAR_H

#include <stdbool.h>
#include <stddef.h>

enum pairing_kind {
	PAIRING_NONE,		/* the comment does not speak of pairing */
	PAIRING_REFS,		/* at least one reference names a function */
	PAIRING_VAGUE,		/* speaks of pairing, names no function */
	PAIRING_NO_PARTNER,	/* "there's no paired ... reader" */
	PAIRING_NOT_BARRIER,	/* "pairs with the decrement in range_end()" */
};

struct ref {
	char *arch;		/* "x86", "powerpc", or NULL */
	char *barrier;		/* vocabulary word, as corrected; NULL if none named */
	char *misspelled;	/* the word as written when it was corrected, else NULL */
	bool wildcard;		/* "smp_mb_*()": any barrier with that prefix */
	bool implicit;		/* "the barrier implicit in F", "implied barrier in F" */
	char *function;		/* NULL when no function is named */
	char *context;		/* "when enabling KVM_CAP_HALT_POLL", else NULL */
	/*
	 * "See the comment in F()", "see F()", "the comments in F()
	 * describe": a pointer to F's own pairing comment, not to a barrier.
	 */
	bool see;
};

/* A barrier name a pairing comment misspells, wherever it sits. */
struct misspelling {
	char *written;		/* "smb_wmb" */
	const char *meant;	/* "smp_wmb": a vocabulary word, static */
};

struct pairing {
	enum pairing_kind kind;
	struct ref *refs;
	size_t nrefs;
	char *phrase;		/* the sentence that matched, for messages */
	/*
	 * Only weak phrasings ("see F()", "synchronizes with", "the other
	 * side is"): they read as pairing on a barrier's own comment, but do
	 * not make a comment on a call an implicit site.
	 */
	bool weak;
	struct misspelling *misspellings;
	size_t nmisspellings;
};

/* Parse @comment; @out is overwritten.  Never fails. */
void grammar_parse(const char *comment, struct pairing *out);
void pairing_release(struct pairing *p);
/* A deep copy of @in into @out (check-patch reuses a file's facts). */
void pairing_copy(struct pairing *out, const struct pairing *in);
const char *pairing_kind_name(enum pairing_kind kind);

/* Does @comment name a barrier: a primitive, or the noun "barrier"? */
bool grammar_names_barrier(const char *comment);
/* Is @call ("READ_ONCE()", a ref's context) a marked access, not a barrier? */
bool grammar_is_marked_access(const char *call);

/* Does @comment speak of pairing at all (cheap pre-filter)? */
bool grammar_mentions_pairing(const char *comment);

/*
 * How sentences are read, for bench/grammar-designs.sh, which measures
 * both on the real tree.  "phrases" (the default): a pairing phrase is
 * followed by its object, the references right after it.  "candidates"
 * (BARRIERMAP_GRAMMAR=candidates in the environment): every function and
 * barrier a sentence mentions after a pairing phrase is a reference.
 */
enum grammar_design { GRAMMAR_PHRASES, GRAMMAR_CANDIDATES };
enum grammar_design grammar_design(void);

/*
 * The grammar's own cleaning and tokenizer, for other readers of comments
 * (claims.c reads what a comment says it relies on).  @comment is raw, as
 * for grammar_parse(); out->text is it without markers, and out->v its
 * words and punctuation in order, each with the sentence it belongs to
 * (a full stop, a blank line or a list item starts the next one).
 */
struct comment_word {
	size_t start, len;	/* the word in out->text, "()" and "'s" not included */
	unsigned sentence;
	bool word;		/* false: one punctuation character */
	bool parens;		/* written "foo()" or "foo(args)" */
	bool possessive;	/* "nVHE's" */
	bool identifier;	/* letters, digits and '_' only: a possible C name */
	bool field;		/* "vcpu->mode", "a.b": a path, never a function */
};

struct comment_words {
	char *text;
	struct comment_word *v;
	size_t n;
};

void grammar_words(const char *comment, struct comment_words *out);
void comment_words_release(struct comment_words *w);

/*
 * The function names a written word stands for, as the grammar reads
 * them: "f_<a|b>" -> f_a, f_b; "walk_begin/end" -> walk_begin, walk_end;
 * "f" -> f.  Appended to @out (strings owned by it).
 */
struct strvec;
void grammar_expand_names(const char *word, struct strvec *out);

#endif
