// SPDX-License-Identifier: GPL-2.0
/*
 * The partner grammar: what a comment says a barrier pairs with.
 *
 * Three passes, each linear in the comment's length:
 *
 *  1. clean:    strip the comment markers ("/" "*", " * ", "//", "*" "/"),
 *               replace control bytes with blanks and invalid UTF-8 with
 *               U+FFFD, keep the line structure (blank lines and "- "
 *               list items mean something).
 *  2. tokenize: words (identifiers, "foo()", "smp_mb_*()", "a_begin/end",
 *               "f_<a|b>()", "vcpu->mode", "nVHE's"), punctuation, sentence
 *               ends, paragraph breaks and list items.
 *  3. parse:    in every sentence, find a pairing phrase and parse its
 *               object into references.  The phrases are those of the KVM
 *               tree (find_verb()):
 *                 strong  "pairs with", "paired with", "pairing with";
 *                         in a sentence that names a barrier: "matches",
 *                         "goes with", "interacts with", "in conjunction
 *                         with", "races with" (weak)
 *                 weak    "see [the comment in] F()" (imperative only),
 *                         "the comments in F() describe", "the other side
 *                         is ...", "synchronizes/serializes with", "order
 *                         accesses with", "order ... against"
 *               Weak phrases read as pairing on a barrier's own comment;
 *               a comment with only weak ones never makes a comment on a
 *               call a site (pairing->weak).  "See" references point to
 *               F's own pairing comment (ref->see).  Every word of a
 *               pairing comment that misspells a barrier is listed.
 *
 *      object  := ref { ("," | "and" | "or" | ", and") ref }
 *      ref     := det* [possessive] head tail
 *      head    := BARRIER        smp_rmb(), smb_wmb (typo), smp_mb_*()
 *               | "barrier"       memory barrier, read barrier, fence
 *               | FUNCTION        irqchip_in_kernel, kvm_guest_time_update()
 *               | noun            "the decrement": not a barrier
 *      tail    := qualifier* [("in" | "of" | "at" | ...) det* FUNCTION]
 *
 *     The subject of the verb describes this side ("The implied barrier in
 *     pi_test_and_set_on() pairs with ..."), so only the object is parsed.
 *     "The other side is ..." takes the first reference of its clause.
 *     A vague pairing sentence followed by a "- arch: ..." list takes its
 *     references from the list, each tagged with its architecture.
 *
 *     That is the "phrases" design.  The "candidates" design
 *     (BARRIERMAP_GRAMMAR=candidates) takes every function and barrier a
 *     sentence mentions after a pairing phrase, unless the words just
 *     before put it on this side; bench/grammar-designs.sh measures both
 *     against the labelled corpus, and the phrases read the tree better
 *     (the candidates take fields such as cpu_in_guest for functions).
 *
 * What counts as a function name (the rules that work on the 6.12 tree):
 *  - an identifier written with parentheses: "kvm_guest_time_update()",
 *    unless it is a C keyword or a barrier primitive;
 *  - an identifier containing '_' that starts with a lower-case letter or
 *    '_' and is not ALL_CAPS: "irqchip_in_kernel", "__activate_traps";
 *  - right after "in" following a barrier, a lower-case word that ends the
 *    clause and is not a common English word: "smp_rmb in schedule.".
 * Never a function: UPPER_CASE constants (KVM_CAP_HALT_POLL), struct fields
 * (vcpu->mode, PID.ON), hyphenated words (arch-specific), wildcards
 * (*hva_to_pfn*), English words.
 */
#include "grammar.h"
#include "util.h"
#include "vocab.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bounds that keep hostile input linear and outputs readable. */
#define MAX_WORD	128	/* longer words are never identifiers */
#define MAX_REFS	64
#define MAX_PHRASE	1024
#define MAX_HEAD_WORDS	4	/* "the general memory barrier" */
#define MAX_QUALIFIERS	12	/* "after setting vcpu->mode in F" */
#define NEGATION_REACH	8	/* "doesn't really have a barrier that pairs" */

/* ---- pass 1: clean ------------------------------------------------------ */

/*
 * Append @n bytes to @sb, turning control bytes into spaces and bytes that
 * are not UTF-8 into U+FFFD (not punctuation, so it never ends a
 * sentence), so every string we hand out prints and goes into JSON as it
 * is.
 */
static void add_printable(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t len = utf8_sequence_length(s + i, n - i);

		if (len == 0) {
			sb_adds(sb, UTF8_REPLACEMENT);
			i++;
		} else if (len == 1) {
			sb_addc(sb, (u[i] < 0x20 || u[i] == 0x7f) ? ' ' : (char)u[i]);
			i++;
		} else {
			sb_add(sb, s + i, len);
			i += len;
		}
	}
}

/* One line of a comment without its markers and surrounding blanks. */
static void clean_line(const char *p, const char *e, struct strbuf *out)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	if (e - p >= 2 && p[0] == '/' && p[1] == '*') {
		p += 2;
		while (p < e && *p == '*')
			p++;
	} else if (e - p >= 2 && p[0] == '/' && p[1] == '/') {
		while (p < e && *p == '/')
			p++;
	} else {
		/* " * text", and the rows of stars of a boxed comment */
		while (p < e && *p == '*' && !(e - p >= 2 && p[1] == '/'))
			p++;
	}
	if (e - p >= 2 && e[-2] == '*' && e[-1] == '/') {
		e -= 2;
		while (e > p && e[-1] == '*')
			e--;
	}
	while (p < e && isspace((unsigned char)*p))
		p++;
	while (e > p && isspace((unsigned char)e[-1]))
		e--;
	add_printable(out, p, (size_t)(e - p));
	sb_addc(out, '\n');
}

static void clean_comment(const char *comment, struct strbuf *out)
{
	const char *p = comment;

	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *e = nl ? nl : p + strlen(p);

		clean_line(p, e, out);
		p = nl ? nl + 1 : e;
	}
}

/* ---- pass 2: tokenize --------------------------------------------------- */

enum tok_type {
	T_WORD,
	T_PUNCT,	/* one character: , ; : ( ) and anything else */
	T_END,		/* end of a sentence: ". " "! " "? " */
	T_PARA,		/* a blank line */
	T_ITEM,		/* a list item: "- " or "1) " at the start of a line */
};

enum {
	W_PARENS = 1 << 0,	/* written "foo()" or "foo(args)" */
	W_POSSESSIVE = 1 << 1,	/* "nVHE's": the "'s" is not in the word */
	W_UPPER = 1 << 2,
	W_LOWER = 1 << 3,
	W_UNDERSCORE = 1 << 4,
	W_OTHER = 1 << 5,	/* '-', '.', "->", '\'': not an identifier */
	W_STAR = 1 << 6,	/* "smp_mb_*", "*hva_to_pfn*" */
	W_SLASH = 1 << 7,	/* "foo_begin/end" */
	W_ALT = 1 << 8,		/* "foo_<a|b>" */
	W_ARGS = 1 << 9,	/* "inc(pending)": parentheses that hold something */
};

struct comment_token {
	enum tok_type type;
	unsigned flags;
	size_t start, len;	/* the word itself, in the cleaned text */
	size_t end;		/* end of the token, "()" and "'s" included */
};

struct comment_tokens {
	const char *text;
	VEC(struct comment_token) v;
};


/*
 * "foo_<a|b>", "foo_(a|b)_bar" or, as the shell writes it, "foo_{a,b}_bar"
 * continues at @p with "<a|b>", "(a|b)" or "{a,b}": return its length, or
 * 0.  "(x)" with no '|' is a call's arguments, not an alternation.
 */
static size_t alternation_length(const char *p)
{
	char close = *p == '<' ? '>' : *p == '(' ? ')' : '}', sep = *p == '{' ? ',' : '|';
	size_t i = 1;
	bool bar = false;

	if (*p != '<' && *p != '{' && *p != '(')
		return 0;
	while (i < 64 && (is_ident_char(p[i]) || p[i] == sep)) {
		bar |= p[i] == sep;
		i++;
	}
	return (p[i] == close && bar) ? i + 1 : 0;
}

/* "(args)" right after a word, without blanks: its length, or 0. */
static size_t call_parens_length(const char *p)
{
	size_t i = 1;

	if (*p != '(')
		return 0;
	while (i < 64 && p[i] && p[i] != ')' && p[i] != '(' && !isspace((unsigned char)p[i]))
		i++;
	return p[i] == ')' ? i + 1 : 0;
}

/* Scan one word starting at @p (a word char, or '*' before one). */
static size_t scan_word(const char *text, size_t at, struct comment_token *t)
{
	const char *s = text + at, *p = s;
	unsigned f = 0;
	size_t n;

	for (;;) {
		if (is_ident_char(*p)) {
			f |= isupper((unsigned char)*p) ? W_UPPER :
			     islower((unsigned char)*p) ? W_LOWER :
			     *p == '_' ? W_UNDERSCORE : 0;
			p++;
		} else if (*p == '*' && (p == s || is_ident_char(p[-1]) || is_ident_char(p[1]))) {
			f |= W_STAR;
			p++;
		} else if (p > s && (n = alternation_length(p))) {
			f |= W_ALT;
			p += n;
		} else if (p > s && *p == '/' && is_ident_char(p[1])) {
			f |= W_SLASH;
			p++;
		} else if (p > s && *p == '-' && p[1] == '>' && is_ident_char(p[2])) {
			f |= W_OTHER;
			p += 2;
		} else if (p > s && (*p == '-' || *p == '.') && is_ident_char(p[-1]) &&
			   is_ident_char(p[1])) {
			f |= W_OTHER;
			p++;
		} else if (p > s && *p == '\'' && isalpha((unsigned char)p[1]) &&
			   !((p[1] == 's' || p[1] == 'S') && !is_ident_char(p[2]))) {
			f |= W_OTHER;	/* doesn't, we're */
			p++;
		} else {
			break;
		}
	}
	t->type = T_WORD;
	t->start = at;
	t->len = (size_t)(p - s);
	if (*p == '\'' && (p[1] == 's' || p[1] == 'S') && !is_ident_char(p[2])) {
		f |= W_POSSESSIVE;
		p += 2;
	} else if ((n = call_parens_length(p))) {
		f |= W_PARENS | (n > 2 ? W_ARGS : 0);
		p += n;
	}
	t->flags = f;
	t->end = at + (size_t)(p - s);
	return t->end;
}

static const char *const abbreviations[] = {
	"e.g", "i.e", "etc", "vs", "cf", "approx", NULL,
};

static bool word_is_one_of(const char *text, const struct comment_token *t,
			   const char *const *list);

/* Does the '.' (or '!' '?') at @at end a sentence? */
static bool ends_sentence(const struct comment_tokens *tk, size_t at)
{
	const char *p = tk->text + at;

	if (p[1] && !isspace((unsigned char)p[1]))
		return false;
	if (p[0] == '.' && tk->v.n) {
		const struct comment_token *prev = vec_last(&tk->v);

		if (prev->type == T_WORD && prev->end == at &&
		    word_is_one_of(tk->text, prev, abbreviations))
			return false;
		if (prev->type == T_PUNCT && tk->text[prev->start] == '.')
			return false;	/* "..." */
	}
	return true;
}

/* A list item at the start of a line: "- text" or "1) text", "2. text". */
static size_t list_item_length(const char *p)
{
	size_t i = 0;

	if (p[0] == '-' && p[1] == ' ')
		return 2;
	while (i < 3 && isdigit((unsigned char)p[i]))
		i++;
	if (i && (p[i] == ')' || p[i] == '.') && p[i + 1] == ' ')
		return i + 2;
	return 0;
}

static void push_token(struct comment_tokens *tk, enum tok_type type, size_t start, size_t end)
{
	struct comment_token t = { type, 0, start, end - start, end };

	vec_push(&tk->v, t);
}

static void tokenize(const char *text, struct comment_tokens *tk)
{
	size_t i = 0;
	bool line_start = true;

	tk->text = text;
	while (text[i]) {
		char c = text[i];
		size_t n;

		if (c == '\n') {
			if (line_start)
				push_token(tk, T_PARA, i, i + 1);
			line_start = true;
			i++;
			continue;
		}
		if (line_start && (n = list_item_length(text + i))) {
			push_token(tk, T_ITEM, i, i + n);
			line_start = false;
			i += n;
			continue;
		}
		line_start = false;
		if (isspace((unsigned char)c)) {
			i++;
		} else if (is_ident_char(c) || (c == '*' && is_ident_char(text[i + 1]))) {
			struct comment_token t;

			i = scan_word(text, i, &t);
			vec_push(&tk->v, t);
		} else if ((c == '.' || c == '!' || c == '?') && ends_sentence(tk, i)) {
			push_token(tk, T_END, i, i + 1);
			i++;
		} else {
			/* one byte, or one whole UTF-8 character */
			n = 1;
			while ((text[i + n] & 0xc0) == 0x80)
				n++;
			push_token(tk, T_PUNCT, i, i + n);
			i += n;
		}
	}
}

/* ---- words -------------------------------------------------------------- */

static bool word_is(const char *text, const struct comment_token *t, const char *w)
{
	return t->type == T_WORD && strlen(w) == t->len &&
	       !strncasecmp(text + t->start, w, t->len);
}

static bool word_is_one_of(const char *text, const struct comment_token *t, const char *const *list)
{
	for (; *list; list++)
		if (word_is(text, t, *list))
			return true;
	return false;
}

static bool punct_is(const char *text, const struct comment_token *t, char c)
{
	return t->type == T_PUNCT && text[t->start] == c;
}

/* The word as a string, or NULL when it is too long to be a name. */
static char *word_dup(const char *text, const struct comment_token *t)
{
	if (t->type != T_WORD || t->len > MAX_WORD)
		return NULL;
	return xstrndup(text + t->start, t->len);
}

static const char *const determiners[] = {
	"the", "a", "an", "its", "their", "any", "some", "each", "every",
	"this", "that", "these", "those", "one", "same", "corresponding",
	"matching", "other", "respective", NULL,
};

static const char *const pronouns[] = {
	"this", "that", "these", "those", "it", "them", "which", "one", NULL,
};

/* Words saying the barrier is part of another operation. */
static const char *const implicit_words[] = {
	"implicit", "implied", "implicitly", "effective", NULL,
};

/* Nouns naming a barrier without saying which primitive. */
static const char *const barrier_nouns[] = {
	"barrier", "barriers", "fence", "fences", NULL,
};

/* "the spin_lock() in F": a call named inside the function F. */
static const char *const inside_words[] = {
	"in", "inside", "within", NULL,
};

/* Words after which a function name may follow. */
static const char *const function_prepositions[] = {
	"in", "inside", "within", "of", "at", "from", "by", NULL,
};

/* Words that end a noun phrase before its head was found. */
static const char *const prepositions[] = {
	"in", "inside", "within", "of", "at", "from", "by", "to", "for", "on",
	"when", "after", "before", "following", "with", "during", "via",
	"under", "while", "between", NULL,
};

/* Words that start a new clause: the reference ends before them. */
static const char *const clause_words[] = {
	"which", "that", "so", "because", "but", "since", "thus", "hence",
	"where", "whereas", "while", "and", "or", "i.e", "e.g", "as", "if",
	"unless", "otherwise", NULL,
};

static const char *const negations[] = {
	"no", "not", "nothing", "never", "none", "without", "doesn't",
	"don't", "isn't", "aren't", "won't", "cannot", "can't", "nobody",
	"neither", "nor", NULL,
};

static const char *const c_keywords[] = {
	"if", "else", "for", "while", "do", "switch", "case", "return",
	"sizeof", "typeof", "struct", "union", "enum", "goto", "break",
	"continue", "static", "inline", "const", "volatile", "unsigned",
	"signed", "int", "long", "char", "void", "bool", "true", "false",
	"asm", "default", "extern", "register", "typedef", NULL,
};

/*
 * Lower-case words that end a sentence after "in" but name no function:
 * "the smp_wmb in userspace.", "in practice", "in turn".
 */
static const char *const not_function_words[] = {
	"userspace", "kernel", "guest", "host", "hardware", "firmware",
	"code", "general", "practice", "order", "case", "turn", "particular",
	"parallel", "time", "memory", "place", "there", "here", "theory",
	"use", "question", "addition", "progress", "flight", "between",
	"advance", "it", "them", "this", "that", "which", "the", "kvm",
	"mind", "common", "sequence", "total", "full", "part", "fact",
	NULL,
};

/* Identifier characters only, plus the "a/b" and "<a|b>" shorthands. */
static bool is_identifier_word(const struct comment_token *t)
{
	return t->type == T_WORD && t->len <= MAX_WORD &&
	       !(t->flags & (W_OTHER | W_STAR | W_POSSESSIVE)) &&
	       (t->flags & (W_UPPER | W_LOWER | W_UNDERSCORE));
}

/* UPPER_CASE: a constant or a macro, never a function without "()". */
static bool is_upper_case(const struct comment_token *t)
{
	return (t->flags & W_UPPER) && !(t->flags & W_LOWER);
}

static bool starts_lower(const char *text, const struct comment_token *t)
{
	const char *p = text + t->start, *e = p + t->len;

	while (p < e && *p == '_')
		p++;
	return p < e && islower((unsigned char)*p);
}

/* A vocabulary word spelled exactly, not the English noun "barrier". */
static const struct barrier_def *primitive_lookup(const char *text, const struct comment_token *t)
{
	const struct barrier_def *def;
	char *w;

	if (!is_identifier_word(t) || (t->flags & (W_SLASH | W_ALT)))
		return NULL;
	w = word_dup(text, t);
	def = barrier_lookup(w);
	free(w);
	if (def && def->kind == KIND_COMPILER && !(t->flags & W_PARENS))
		return NULL;
	return def;
}

/* Is the token after @t the end of a clause? */
static bool ends_clause(const struct comment_tokens *tk, size_t i, size_t end)
{
	const struct comment_token *t;

	if (i >= end)
		return true;
	t = &tk->v.v[i];
	return t->type != T_WORD ? !punct_is(tk->text, t, '-') :
	       word_is_one_of(tk->text, t, clause_words);
}

/*
 * Is token @i a function name?  @after_in: it directly follows "in" after
 * a barrier, where a plain lower-case word that ends the clause also counts.
 */
static bool is_function_word(const struct comment_tokens *tk, size_t i, size_t end, bool after_in)
{
	const struct comment_token *t = &tk->v.v[i];
	const char *text = tk->text;

	if (!is_identifier_word(t) || word_is_one_of(text, t, c_keywords) ||
	    primitive_lookup(text, t))
		return false;
	if (t->flags & W_PARENS)
		return true;
	if (is_upper_case(t))
		return false;
	if ((t->flags & W_UNDERSCORE) && starts_lower(text, t))
		return true;
	return after_in && !(t->flags & W_UPPER) && t->len >= 3 &&
	       !word_is_one_of(text, t, not_function_words) &&
	       !word_is_one_of(text, t, prepositions) && !word_is_one_of(text, t, clause_words) &&
	       ends_clause(tk, i + 1, end);
}

/* ---- references --------------------------------------------------------- */

/* A reference being parsed: token indices into the sentence. */
struct draft {
	const char *arch;
	char *barrier;
	char *misspelled;
	bool wildcard;
	bool implicit;
	size_t function;	/* token index, or SIZE_MAX */
	size_t ctx_first, ctx_last;	/* qualifier words, or SIZE_MAX */
	size_t possessive;	/* "nVHE's", or SIZE_MAX */
	size_t head;		/* a call named before "in F", or SIZE_MAX */
	bool bare_function;	/* just "F": "the smp_mb() in a() and b()" */
	bool see;		/* the object of "see": F's own comment */
};

enum outcome {
	OUT_REF,		/* a draft to keep */
	OUT_NOT_BARRIER,	/* "the decrement in range_end()" */
	OUT_NOTHING,		/* a pronoun, or nothing we understand */
};

/*
 * The vocabulary word that @w misspells, or NULL: one edit, or two that
 * keep the last part ("smb_wmb" for smp_wmb()).  Two edits that change the
 * last part make another word: smp_mb__after_srcu_read_lock() is a barrier
 * of its own, not a misspelled smp_mb__after_srcu_read_unlock().
 */
static const struct barrier_def *misspelled_primitive(const char *w)
{
	const struct barrier_def *def = barrier_lookup_misspelled(w);
	const char *a, *b;

	if (!def || def->kind == KIND_COMPILER)
		return NULL;
	if (edit_distance(w, def->name, 1) <= 1)
		return def;
	a = strrchr(w, '_');
	b = strrchr(def->name, '_');
	return a && b && !strcmp(a, b) ? def : NULL;
}

/* A word that may misspell a barrier: an identifier, lower case, with '_'. */
static bool may_misspell(const struct comment_token *t)
{
	return t->type == T_WORD && t->len <= MAX_WORD && (t->flags & W_UNDERSCORE) &&
	       !(t->flags & (W_OTHER | W_SLASH | W_ALT | W_STAR)) && !is_upper_case(t);
}

/*
 * A named barrier primitive: exact ("smp_rmb()"), wildcard ("smp_mb_*()",
 * a prefix of vocabulary words) or misspelled ("smb_wmb").
 */
static bool take_primitive(const struct comment_tokens *tk, size_t i, struct draft *d)
{
	const struct comment_token *t = &tk->v.v[i];
	const struct barrier_def *def;
	char *w;

	if ((def = primitive_lookup(tk->text, t))) {
		d->barrier = xstrdup(def->name);
		return true;
	}
	if (t->type != T_WORD || t->len > MAX_WORD || (t->flags & (W_OTHER | W_SLASH | W_ALT)))
		return false;
	w = word_dup(tk->text, t);
	if (t->flags & W_STAR) {
		size_t n = strlen(w);

		if (w[n - 1] == '*') {
			while (n && (w[n - 1] == '*' || w[n - 1] == '_'))
				w[--n] = '\0';
			if (!strchr(w, '*') && (def = barrier_lookup(w))) {
				d->barrier = xstrdup(def->name);
				d->wildcard = true;
			}
		}
	} else if (may_misspell(t) && (def = misspelled_primitive(w))) {
		d->barrier = xstrdup(def->name);
		d->misspelled = xstrdup(w);
	}
	free(w);
	return d->barrier != NULL;
}

/* Skip determiners and possessives ("the", "nVHE's") from @i. */
static size_t skip_determiners(const struct comment_tokens *tk, size_t i, size_t end,
			       struct draft *d)
{
	while (i < end) {
		const struct comment_token *t = &tk->v.v[i];

		if (t->type == T_WORD && (t->flags & W_POSSESSIVE)) {
			if (d && d->possessive == SIZE_MAX)
				d->possessive = i;
		} else if (!word_is_one_of(tk->text, t, determiners)) {
			break;
		}
		i++;
	}
	return i;
}

/* "in [the] F": the index of F, or SIZE_MAX. */
static size_t function_after_preposition(const struct comment_tokens *tk, size_t i, size_t end,
					 struct draft *d, bool weak_ok)
{
	size_t j;

	if (i >= end || !word_is_one_of(tk->text, &tk->v.v[i], function_prepositions))
		return SIZE_MAX;
	j = skip_determiners(tk, i + 1, end, d);
	if (j >= end)
		return SIZE_MAX;
	weak_ok = weak_ok && j == i + 1 && word_is(tk->text, &tk->v.v[i], "in");
	return is_function_word(tk, j, end, weak_ok) ? j : SIZE_MAX;
}

static bool is_quote(const char *text, const struct comment_token *t)
{
	return punct_is(text, t, '"') || punct_is(text, t, '\'') || punct_is(text, t, '`');
}

/* After a barrier head: qualifiers, then maybe "in F".  Returns the next index. */
static size_t parse_barrier_tail(const struct comment_tokens *tk, size_t i, size_t end,
				 struct draft *d)
{
	for (int n = 0; i < end && n < MAX_QUALIFIERS; n++) {
		const struct comment_token *t = &tk->v.v[i];
		size_t f;

		if (is_quote(tk->text, t)) {
			/* "when "enabling" X": quotes belong to the words */
		} else if (t->type != T_WORD) {
			break;
		} else if (word_is_one_of(tk->text, t, implicit_words)) {
			d->implicit = true;
			i++;
			continue;
		}
		/*
		 * A plain word ("smp_rmb in schedule.") only right after the
		 * barrier: after qualifiers it is prose ("barriers after
		 * rq->curr modification in scheduler.")
		 */
		f = function_after_preposition(tk, i, end, d, n == 0);
		if (f != SIZE_MAX) {
			d->function = f;
			return f + 1;
		}
		if (word_is_one_of(tk->text, t, clause_words))
			break;
		if (d->ctx_first == SIZE_MAX)
			d->ctx_first = i;
		d->ctx_last = i;
		i++;
	}
	return i;
}

static bool is_pronoun_object(const struct comment_tokens *tk, size_t i, size_t end)
{
	if (!word_is_one_of(tk->text, &tk->v.v[i], pronouns))
		return false;
	/* "this barrier" is a determiner and a noun, "this," a pronoun */
	return i + 1 >= end || tk->v.v[i + 1].type != T_WORD ||
	       word_is_one_of(tk->text, &tk->v.v[i + 1], prepositions) ||
	       word_is_one_of(tk->text, &tk->v.v[i + 1], clause_words);
}

/* An atomic that implies a full barrier (vocab.c): "cmpxchg", "xchg()". */
static bool implies_full_barrier_word(const struct comment_tokens *tk, size_t i)
{
	const struct comment_token *t = &tk->v.v[i];
	char *w;
	bool implied;

	if (!is_identifier_word(t) || (t->flags & (W_SLASH | W_ALT)))
		return false;
	w = word_dup(tk->text, t);
	implied = implies_full_barrier(w);
	free(w);
	return implied;
}

/* "(irq_ack, 0)" right after a head word: the index after it, else @i. */
static size_t skip_arguments(const struct comment_tokens *tk, size_t i, size_t end)
{
	int depth = 0;

	if (i >= end || !punct_is(tk->text, &tk->v.v[i], '('))
		return i;
	for (size_t k = i, n = 0; k < end && n < 2 * MAX_QUALIFIERS; k++, n++) {
		if (punct_is(tk->text, &tk->v.v[k], '('))
			depth++;
		else if (punct_is(tk->text, &tk->v.v[k], ')') && --depth == 0)
			return k + 1;
	}
	return i;
}

/*
 * "inc(pending)": an operation on an object, written with its argument,
 * not a function: a plain word, no '_', with something in its parentheses.
 */
static bool is_operation(const struct comment_token *t)
{
	return (t->flags & W_ARGS) && !(t->flags & (W_UNDERSCORE | W_UPPER));
}

/* READ_ONCE(), WRITE_ONCE(): marked accesses, never the functions named. */
static const char *const marked_accesses[] = { "READ_ONCE", "WRITE_ONCE", NULL };

static bool is_marked_access(const char *text, const struct comment_token *t)
{
	return word_is_one_of(text, t, marked_accesses);
}

bool grammar_is_marked_access(const char *call)
{
	for (size_t i = 0; call && marked_accesses[i]; i++) {
		size_t n = strlen(marked_accesses[i]);

		if (!strncmp(call, marked_accesses[i], n) && (!call[n] || call[n] == '('))
			return true;
	}
	return false;
}

/*
 * "in the callers", "in the other thread": "in", a determiner, and no
 * function.  ("in order to" has no determiner.)
 */
static bool in_unnamed_place(const struct comment_tokens *tk, size_t i, size_t end)
{
	size_t j;

	if (i >= end || !word_is_one_of(tk->text, &tk->v.v[i], inside_words))
		return false;
	j = skip_determiners(tk, i + 1, end, NULL);
	return j > i + 1 && j < end && tk->v.v[j].type == T_WORD &&
	       !is_function_word(tk, j, end, false);
}

/*
 * What is done to an object, or what it is: "the tlb_gen increment",
 * "the root rcu_node structure".
 */
static const char *const access_nouns[] = {
	"increment", "increments", "decrement", "decrements", "update", "updates",
	"write", "writes", "read", "reads", "store", "stores", "load", "loads",
	"modification", "change", "changes", "assignment", "structure", "struct",
	"field", "member", "variable", "counter", "flag", NULL,
};

/*
 * "stop_count increment in F()": a bare identifier, then a plain word,
 * then "in F" (or a word of access_nouns, and anything after it): the
 * identifier is an object, not a function.
 */
static bool names_object_in_function(const struct comment_tokens *tk, size_t i, size_t end)
{
	const struct comment_token *t = &tk->v.v[i], *n = t + 1;

	if ((t->flags & W_PARENS) || i + 1 >= end || n->type != T_WORD)
		return false;
	/* "the tlb_gen increment", "root rcu_node structure": whatever follows */
	if (word_is_one_of(tk->text, n, access_nouns))
		return true;
	if (i + 2 >= end ||
	    (n->flags & (W_PARENS | W_UNDERSCORE)) ||
	    word_is_one_of(tk->text, n, prepositions) || word_is_one_of(tk->text, n, clause_words) ||
	    word_is_one_of(tk->text, n, inside_words) || primitive_lookup(tk->text, n))
		return false;
	return function_after_preposition(tk, i + 2, end, NULL, false) != SIZE_MAX;
}

/* Parse one reference starting at @i into @d; *@next is where it ended. */
static enum outcome parse_ref(const struct comment_tokens *tk, size_t i, size_t end,
			      struct draft *d, size_t *next)
{
	const char *text = tk->text;
	int nouns = 0;

	*next = i;
	if (i < end && is_pronoun_object(tk, i, end)) {
		*next = i + 1;
		return OUT_NOTHING;
	}
	for (; i < end; i++) {
		const struct comment_token *t = &tk->v.v[i];
		size_t f;

		if (t->type != T_WORD)
			break;
		if (t->flags & W_POSSESSIVE) {
			if (d->possessive == SIZE_MAX)
				d->possessive = i;
			continue;
		}
		if (word_is_one_of(text, t, determiners))
			continue;
		if (word_is_one_of(text, t, implicit_words)) {
			d->implicit = true;
			continue;
		}
		if (take_primitive(tk, i, d) || word_is_one_of(text, t, barrier_nouns)) {
			*next = parse_barrier_tail(tk, i + 1, end, d);
			return OUT_REF;
		}
		if (implies_full_barrier_word(tk, i)) {
			/* "the cmpxchg in F", "xchg(irq_ack, 0) in F" */
			d->implicit = true;
			d->head = i;
			*next = parse_barrier_tail(tk, skip_arguments(tk, i + 1, end), end, d);
			return OUT_REF;
		}
		if (is_operation(t)) {
			/* "inc(pending) in pit_timer_fn": an access, not a barrier */
			nouns++;
			continue;
		}
		if (names_object_in_function(tk, i, end)) {
			/* "the stop_count increment in F()": an access in F */
			nouns++;
			continue;
		}
		if (is_function_word(tk, i, end, false)) {
			/* "the spin_lock() in F": a call inside F */
			f = function_after_preposition(tk, i + 1, end, d, false);
			if (f != SIZE_MAX && word_is_one_of(text, &tk->v.v[i + 1], inside_words)) {
				d->head = i;
				d->function = f;
			} else if (in_unnamed_place(tk, i + 1, end)) {
				/* "the unlock() in the callers": no function named */
				d->head = i;
				*next = i + 1;
				return OUT_REF;
			} else if (is_marked_access(text, t)) {
				/* "WRITE_ONCE() + smp_mb() in F": an access, not F */
				nouns++;
				continue;
			} else {
				d->function = i;
				d->bare_function = true;
				f = i;
			}
			*next = f + 1;
			return OUT_REF;
		}
		if (word_is_one_of(text, t, prepositions) || word_is_one_of(text, t, clause_words))
			break;
		if (++nouns > MAX_HEAD_WORDS) {
			*next = i;
			return OUT_NOTHING;
		}
	}
	*next = i;
	if (!nouns)
		return OUT_NOTHING;
	/* "the decrement in range_end()": step over F so a list can go on */
	size_t f = function_after_preposition(tk, i, end, NULL, false);

	if (f != SIZE_MAX)
		*next = f + 1;
	return OUT_NOT_BARRIER;
}

/*
 * After a reference, does another one follow ("and smp_mb in F",
 * ", and the spin_lock() in F", "and walk_shadow_page_lockless_begin/end")?
 * Returns the index where it starts, or SIZE_MAX.
 */
static size_t next_ref_start(const struct comment_tokens *tk, size_t i, size_t end)
{
	const char *text = tk->text;
	bool joined = false;
	size_t j;

	if (i < end && punct_is(text, &tk->v.v[i], ',')) {
		joined = true;
		i++;
	}
	if (i < end && (word_is(text, &tk->v.v[i], "and") || word_is(text, &tk->v.v[i], "or"))) {
		joined = true;
		i++;
	}
	if (!joined)
		return SIZE_MAX;
	j = skip_determiners(tk, i, end, NULL);
	if (j < end && word_is_one_of(text, &tk->v.v[j], implicit_words))
		j++;
	for (int n = 0; j < end && n < 3; n++, j++) {
		const struct comment_token *t = &tk->v.v[j];
		struct draft probe = { .barrier = NULL };

		if (t->type != T_WORD)
			break;
		if (take_primitive(tk, j, &probe)) {
			free(probe.barrier);
			free(probe.misspelled);
			return i;
		}
		if (word_is_one_of(text, t, barrier_nouns) ||
		    (n == 0 && (is_function_word(tk, j, end, false) ||
				implies_full_barrier_word(tk, j))))
			return i;
		if (word_is_one_of(text, t, prepositions) || word_is_one_of(text, t, clause_words))
			break;
	}
	return SIZE_MAX;
}

/*
 * A reference may be followed by a short subordinate phrase before the
 * next one: "the pte_unmap_unlock() after the PTE is zapped, and the
 * spin_lock() in F".  Look a few words ahead for ", and" + reference.
 */
static size_t next_ref_after_aside(const struct comment_tokens *tk, size_t i, size_t end)
{
	for (int n = 0; i < end && n < 8; n++, i++) {
		const struct comment_token *t = &tk->v.v[i];

		if (punct_is(tk->text, t, ',') && i + 1 < end &&
		    (word_is(tk->text, t + 1, "and") || word_is(tk->text, t + 1, "or")))
			return next_ref_start(tk, i, end);
		if (t->type != T_WORD || word_is_one_of(tk->text, t, clause_words))
			break;
	}
	return SIZE_MAX;
}

/* ---- building the result ------------------------------------------------ */

struct sentence_result {
	VEC(struct ref) refs;
	int vague;		/* pairing objects we could not name */
	int not_barrier;
	int no_partner;
	int strong;		/* statements made by a strong phrasing */
};

struct names {
	VEC(char *) list;
};

/* Text of tokens @first..@last, blanks collapsed. */
static char *span_text(const struct comment_tokens *tk, size_t first, size_t last)
{
	struct strbuf sb = STRBUF_INIT;
	size_t from = tk->v.v[first].start, to = tk->v.v[last].end;
	bool blank = false;

	if (to - from > MAX_PHRASE)
		to = from + MAX_PHRASE;
	for (size_t k = from; k < to; k++) {
		char c = tk->text[k];

		if (isspace((unsigned char)c)) {
			blank = true;
			continue;
		}
		if (blank && sb.len)
			sb_addc(&sb, ' ');
		blank = false;
		sb_addc(&sb, c);
	}
	return sb_detach(&sb);
}

/* Is @s a C identifier? */
static bool valid_identifier(const char *s)
{
	if (!*s || isdigit((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!is_ident_char(*s))
			return false;
	return true;
}

/* Number of '_'-separated parts of @s, leading underscores not counted. */
static int name_parts(const char *s)
{
	int n = 1;

	while (*s == '_')
		s++;
	for (; *s; s++)
		if (*s == '_' && s[1] && s[1] != '_' && s[-1] != '_')
			n++;
	return n;
}

static size_t first_part_length(const char *s)
{
	const char *p = s;

	while (*p == '_')
		p++;
	while (*p && *p != '_')
		p++;
	return (size_t)(p - s);
}

/*
 * "walk_shadow_page_lockless_begin/end" -> ..._begin, ..._end: an
 * alternative that starts like the first name is a whole name
 * ("vcpu_load/vcpu_put"); otherwise it replaces as many trailing parts.
 */
static void expand_slash(char *w, struct names *out)
{
	char *save = NULL, *first = strtok_r(w, "/", &save), *alt;

	vec_push(&out->list, xstrdup(first));
	while ((alt = strtok_r(NULL, "/", &save))) {
		size_t fl = first_part_length(first);
		int drop = name_parts(alt);
		char *cut;

		if (strchr(alt, '_') && first_part_length(alt) == fl && !strncmp(alt, first, fl)) {
			vec_push(&out->list, xstrdup(alt));
			continue;
		}
		cut = first + strlen(first);
		while (drop > 0 && cut > first) {
			cut--;
			if (*cut == '_' && cut > first && cut[-1] != '_')
				drop--;
		}
		if (cut > first && drop == 0)
			vec_push(&out->list, xasprintf("%.*s_%s", (int)(cut - first), first, alt));
		else
			vec_push(&out->list, xstrdup(alt));
	}
}

/*
 * "kvm_mmu_notifier_invalidate_<page|range_end>" -> two names, and so
 * "xfs_iformat_{data,attr}_fork" (one alternation: scan_word() takes one).
 */
static void expand_alternation(const char *w, struct names *out)
{
	const char *lt = strpbrk(w, "<{(");
	char sep = *lt == '{' ? ',' : '|';
	const char *gt = strchr(lt, *lt == '<' ? '>' : *lt == '(' ? ')' : '}');
	const char *p = lt + 1;

	while (p < gt) {
		const char *bar = memchr(p, sep, (size_t)(gt - p));
		const char *e = bar ? bar : gt;

		vec_push(&out->list, xasprintf("%.*s%.*s%s", (int)(lt - w), w,
					  (int)(e - p), p, gt + 1));
		p = e + 1;
	}
}

static void function_names(const struct comment_tokens *tk, size_t i, struct names *out)
{
	char *w = word_dup(tk->text, &tk->v.v[i]);
	size_t from = out->list.n;

	if (!w)
		return;
	if ((strchr(w, '<') && strchr(w, '>')) || (strchr(w, '{') && strchr(w, '}')) ||
	    (strchr(w, '(') && strchr(w, '|')))
		expand_alternation(w, out);
	else if (strchr(w, '/'))
		expand_slash(w, out);
	else
		vec_push(&out->list, xstrdup(w));
	free(w);
	/* drop whatever the shorthand made that is not a name */
	size_t keep = from;

	for (size_t k = from; k < out->list.n; k++) {
		if (valid_identifier(out->list.v[k]))
			out->list.v[keep++] = out->list.v[k];
		else
			free(out->list.v[k]);
	}
	out->list.n = keep;
}

static char *draft_context(const struct comment_tokens *tk, const struct draft *d)
{
	if (d->head != SIZE_MAX)
		return span_text(tk, d->head, d->head);
	if (d->ctx_first != SIZE_MAX)
		return span_text(tk, d->ctx_first, d->ctx_last);
	if (d->possessive != SIZE_MAX)
		return word_dup(tk->text, &tk->v.v[d->possessive]);
	return NULL;
}

static void ref_release(struct ref *ref)
{
	free(ref->arch);
	free(ref->barrier);
	free(ref->misspelled);
	free(ref->function);
	free(ref->context);
}

static void refs_release(struct ref *refs, size_t n)
{
	for (size_t k = 0; k < n; k++)
		ref_release(&refs[k]);
	free(refs);
}

static void push_ref(struct sentence_result *r, struct ref ref)
{
	if (r->refs.n >= MAX_REFS) {
		ref_release(&ref);
		return;
	}
	vec_push(&r->refs, ref);
}

/* Turn a draft into references, one per function name it expands to. */
static void emit_draft(const struct comment_tokens *tk, struct draft *d, struct sentence_result *r)
{
	struct names names = { { 0 } };
	char *context = draft_context(tk, d);

	if (d->function != SIZE_MAX)
		function_names(tk, d->function, &names);
	if (!names.list.n)
		vec_push(&names.list, NULL);
	for (size_t k = 0; k < names.list.n; k++) {
		struct ref ref = {
			.arch = d->arch ? xstrdup(d->arch) : NULL,
			.barrier = d->barrier ? xstrdup(d->barrier) : NULL,
			.misspelled = d->misspelled ? xstrdup(d->misspelled) : NULL,
			.wildcard = d->wildcard,
			.implicit = d->implicit,
			.function = names.list.v[k],
			.context = context ? xstrdup(context) : NULL,
			.see = d->see && !d->barrier && !d->implicit,
		};

		push_ref(r, ref);
	}
	free(names.list.v);
	free(context);
}

/*
 * "the smp_mb() in kvm_a() and kvm_b()": a bare function after a reference
 * that named a barrier and a function shares that barrier.
 */
static void inherit_barrier(struct draft *d, const struct draft *prev)
{
	if (!d->bare_function || !prev->barrier || prev->function == SIZE_MAX)
		return;
	d->barrier = xstrdup(prev->barrier);
	d->misspelled = prev->misspelled ? xstrdup(prev->misspelled) : NULL;
	d->wildcard = prev->wildcard;
	d->implicit = prev->implicit;
}

static void draft_release(struct draft *d)
{
	free(d->barrier);
	free(d->misspelled);
	d->barrier = d->misspelled = NULL;
}

/* The object of a pairing verb: one or more references.  Returns where it ended. */
static size_t parse_object(const struct comment_tokens *tk, size_t i, size_t end,
			   const char *arch, bool see, struct sentence_result *r)
{
	struct draft prev = { .function = SIZE_MAX };
	size_t last = i;

	while (i < end) {
		struct draft d = {
			.arch = arch, .function = SIZE_MAX, .ctx_first = SIZE_MAX,
			.ctx_last = SIZE_MAX, .possessive = SIZE_MAX, .head = SIZE_MAX,
			.see = see,
		};
		size_t next;

		switch (parse_ref(tk, i, end, &d, &next)) {
		case OUT_REF:
			inherit_barrier(&d, &prev);
			emit_draft(tk, &d, r);
			break;
		case OUT_NOT_BARRIER:
			r->not_barrier++;
			break;
		case OUT_NOTHING:
			r->vague++;
			break;
		}
		draft_release(&prev);
		prev = d;
		if (next <= i)
			break;
		last = next;
		i = next_ref_start(tk, next, end);
		if (i == SIZE_MAX)
			i = next_ref_after_aside(tk, next, end);
	}
	draft_release(&prev);
	return last;
}

/* ---- sentences ---------------------------------------------------------- */

enum verb {
	VERB_NONE,
	VERB_WITH,	/* its object follows: "pairs with", "matches", "goes with" */
	VERB_BARE,	/* "no paired reader", "unpaired" */
	VERB_SCAN,	/* "the other side is ...": the first reference of the clause */
	VERB_SEE,	/* "see the comment in F()": F's own pairing comment */
};

/* A pairing phrase found in a sentence. */
struct verb_match {
	enum verb verb;
	size_t object;		/* where its object starts */
	bool barriers;		/* counts only in a sentence about a barrier */
	bool weak;		/* pairing on a barrier's comment, not on a call's */
};

static const char *const pair_words[] = {
	"pair", "pairs", "paired", "pairing", NULL,
};

/*
 * "<word> with" phrasings other than "pairs with".  Those marked barriers
 * count only in a sentence that names a barrier ("This put matches the
 * get in vgic_add_lpi" is about references, "This goes with the spec" about
 * registers); the weak ones say what the barrier synchronizes with, not
 * that it pairs, so they never make a comment on a call a site.
 */
static const struct with_phrase {
	const char *word;
	bool barriers, weak;
} with_phrases[] = {
	{ "interacts", true, false },	/* mmu_invalidate_retry() */
	{ "interact", true, false },
	{ "goes", true, false },	/* "goes with smp_mb() in F" (book3s_xive.c) */
	{ "go", true, false },
	{ "races", true, true },		/* "races with the code at X" */
	{ "race", true, true },
	{ "racing", true, true },
	{ "synchronizes", false, true },
	{ "synchronises", false, true },
	{ "synchronize", false, true },
	{ "synchronise", false, true },
	{ "serializes", false, true },
	{ "serialises", false, true },
	{ "serialize", false, true },
	{ "serialise", false, true },
};

/* Nouns after "the comment(s)" and before F: "see the comment in F()". */
static const char *const comment_words[] = {
	"comment", "comments", NULL,
};

static const char *const comment_prepositions[] = {
	"in", "above", "at", "of", "for", "inside", "before", NULL,
};

static const char *const describe_words[] = {
	"describe", "describes", "explain", "explains", NULL,
};

/* Words that introduce an imperative "see": "Please see", ", see F". */
static const char *const see_openers[] = {
	"please", "also", "and", NULL,
};

static struct verb_match no_verb(void)
{
	return (struct verb_match){ .verb = VERB_NONE };
}

static struct verb_match verb_at(enum verb v, size_t object, bool barriers, bool weak)
{
	return (struct verb_match){ v, object, barriers, weak };
}

/* Is "see" at @i an imperative, not "can see us"? */
static bool imperative_at(const struct comment_tokens *tk, size_t start, size_t i)
{
	const struct comment_token *prev = i > start ? &tk->v.v[i - 1] : NULL;

	return !prev || (prev->type == T_PUNCT && strchr(",;:(", tk->text[prev->start])) ||
	       word_is_one_of(tk->text, prev, see_openers);
}

/* "[the] comment(s) in [the]" from @j: the index after it, else @j. */
static size_t skip_comment_words(const struct comment_tokens *tk, size_t j, size_t end)
{
	size_t k = skip_determiners(tk, j, end, NULL);

	if (k < end && word_is_one_of(tk->text, &tk->v.v[k], comment_words)) {
		k++;
		if (k < end && word_is_one_of(tk->text, &tk->v.v[k], comment_prepositions))
			return skip_determiners(tk, k + 1, end, NULL);
	}
	return j;
}

/*
 * "see [also] [the comment(s) in] [the] F()": F is the object.  Without a
 * function after it, "see" is not a pairing phrase at all.
 */
static struct verb_match see_verb(const struct comment_tokens *tk, size_t start, size_t i,
				  size_t end)
{
	size_t j = i + 1;

	if (!imperative_at(tk, start, i))
		return no_verb();
	if (j < end && word_is(tk->text, &tk->v.v[j], "also"))
		j++;
	j = skip_determiners(tk, skip_comment_words(tk, j, end), end, NULL);
	if (j < end && is_function_word(tk, j, end, false))
		return verb_at(VERB_SEE, j, false, true);
	return no_verb();
}

/* "the comments in F() describe ...": F's comment explains this one. */
static struct verb_match describe_verb(const struct comment_tokens *tk, size_t i, size_t end)
{
	size_t j = i + 1;

	if (j >= end || !word_is_one_of(tk->text, &tk->v.v[j], comment_prepositions))
		return no_verb();
	j = skip_determiners(tk, j + 1, end, NULL);
	if (j + 1 < end && is_function_word(tk, j, end, false) &&
	    word_is_one_of(tk->text, &tk->v.v[j + 1], describe_words))
		return verb_at(VERB_SEE, j, false, true);
	return no_verb();
}

/* Is there a pairing phrase at @i of the sentence [@start, @end)? */
static struct verb_match find_verb(const struct comment_tokens *tk, size_t start, size_t i,
				   size_t end)
{
	const char *text = tk->text;
	const struct comment_token *t = tk->v.v + i;

	if (t->type != T_WORD)
		return no_verb();
	if (word_is_one_of(text, t, pair_words)) {
		size_t j = i + 1;

		if (j < end && word_is(text, t + 1, "up"))
			j++;
		if (j < end && word_is(text, &tk->v.v[j], "with"))
			return verb_at(VERB_WITH, j + 1, false, false);
		return word_is(text, t, "paired") ? verb_at(VERB_BARE, i + 1, false, false) : no_verb();
	}
	if (word_is(text, t, "unpaired"))
		return verb_at(VERB_BARE, i + 1, false, false);
	if (i + 2 < end && word_is(text, t, "in") && word_is(text, t + 1, "conjunction") &&
	    word_is(text, t + 2, "with"))
		return verb_at(VERB_WITH, i + 3, true, false);
	/* "This barrier matches the smp_wmb() in F()", "Matches smp_wmb() when ..." */
	if (word_is(text, t, "matches") || word_is(text, t, "match"))
		return verb_at(VERB_WITH, i + 1, true, false);
	for (size_t k = 0; k < sizeof(with_phrases) / sizeof(with_phrases[0]); k++)
		if (i + 1 < end && word_is(text, t, with_phrases[k].word) &&
		    word_is(text, t + 1, "with"))
			return verb_at(VERB_WITH, i + 2, with_phrases[k].barriers,
				       with_phrases[k].weak);
	/* "Order accesses with inc(pending) in pit_timer_fn and ..." (i8254.c) */
	if (i + 2 < end && (word_is(text, t, "order") || word_is(text, t, "orders")) &&
	    word_is(text, t + 1, "accesses") && word_is(text, t + 2, "with"))
		return verb_at(VERB_WITH, i + 3, false, true);
	/* "Order these stores against the real mode KVM" */
	if (word_is(text, t, "order") || word_is(text, t, "orders"))
		for (size_t j = i + 1; j < end && j <= i + 4 && tk->v.v[j].type == T_WORD; j++)
			if (word_is(text, &tk->v.v[j], "against"))
				return verb_at(VERB_WITH, j + 1, false, true);
	/* "The other side is ...", "the matching barrier on the other side is ..." */
	if (i + 1 < end && word_is(text, t, "other") && word_is(text, t + 1, "side"))
		return verb_at(VERB_SCAN, i + 2, false, true);
	if (word_is(text, t, "see"))
		return see_verb(tk, start, i, end);
	if (word_is_one_of(text, t, comment_words))
		return describe_verb(tk, i, end);
	return no_verb();
}

/* "There's no paired reader", "doesn't have a barrier that pairs with". */
static bool negated(const struct comment_tokens *tk, size_t start, size_t verb)
{
	if (word_is(tk->text, &tk->v.v[verb], "unpaired"))
		return true;
	for (size_t k = verb, n = 0; k > start && n < NEGATION_REACH; n++) {
		const struct comment_token *t = &tk->v.v[--k];

		if (t->type != T_WORD)
			return false;	/* a comma starts another clause */
		if (word_is_one_of(tk->text, t, negations))
			return true;
	}
	return false;
}

/* "in conjunction with" is about barriers only if the sentence says so. */
static bool mentions_barrier(const struct comment_tokens *tk, size_t start, size_t end)
{
	for (size_t k = start; k < end; k++) {
		struct draft probe = { .barrier = NULL };

		if (word_is_one_of(tk->text, &tk->v.v[k], barrier_nouns))
			return true;
		if (take_primitive(tk, k, &probe)) {
			free(probe.barrier);
			free(probe.misspelled);
			return true;
		}
	}
	return false;
}

/* Can a reference start at @k: a barrier, a barrier noun, an atomic, a function? */
static bool starts_reference(const struct comment_tokens *tk, size_t k, size_t end)
{
	struct draft probe = { .barrier = NULL };
	bool barrier = take_primitive(tk, k, &probe);

	free(probe.barrier);
	free(probe.misspelled);
	return barrier || word_is_one_of(tk->text, &tk->v.v[k], barrier_nouns) ||
	       implies_full_barrier_word(tk, k) || is_function_word(tk, k, end, false);
}

/* Does @t end the clause an object is looked for in ("... mode, which happens")? */
static bool ends_scan(const struct comment_tokens *tk, const struct comment_token *t)
{
	return (t->type == T_PUNCT && strchr(",;:(", tk->text[t->start])) ||
	       word_is_one_of(tk->text, t, clause_words);
}

/*
 * The first reference from @i, within the clause when @clause: the index
 * of its first word (a few determiners and "implied" before it included,
 * never before @i), or SIZE_MAX.  *@stop is where the search ended.
 */
static size_t next_reference(const struct comment_tokens *tk, size_t i, size_t end, bool clause,
			     size_t *stop)
{
	for (size_t start = i; i < end; i++) {
		const struct comment_token *t = &tk->v.v[i];

		if (clause && ends_scan(tk, t))
			break;
		if (t->type != T_WORD || !starts_reference(tk, i, end))
			continue;
		for (int n = 0; i > start && n < MAX_HEAD_WORDS &&
		     (word_is_one_of(tk->text, &tk->v.v[i - 1], determiners) ||
		      word_is_one_of(tk->text, &tk->v.v[i - 1], implicit_words)); n++)
			i--;
		*stop = i;
		return i;
	}
	*stop = i;
	return SIZE_MAX;
}

/*
 * Words that put a mention on this side of the pairing, for the
 * candidates design: "the subsequent read of xc->mfrr inside F()".
 */
static const char *const this_side_words[] = {
	"subsequent", "above", "below", "caller", "callee", "inside", "here",
	"our", "later", "earlier", NULL,
};

static bool on_this_side(const struct comment_tokens *tk, size_t from, size_t k)
{
	for (size_t n = 0; k > from && n < 3; n++)
		if (word_is_one_of(tk->text, &tk->v.v[--k], this_side_words))
			return true;
	return false;
}

/*
 * The candidates design: every mention from @i to the end of the
 * sentence.  Returns @end: the sentence is read.
 */
static size_t parse_candidates(const struct comment_tokens *tk, size_t i, size_t end, bool see,
			       struct sentence_result *r)
{
	size_t from = i, before = r->refs.n + (size_t)r->not_barrier, stop;

	while ((i = next_reference(tk, i, end, false, &stop)) != SIZE_MAX) {
		struct draft d = {
			.function = SIZE_MAX, .ctx_first = SIZE_MAX, .ctx_last = SIZE_MAX,
			.possessive = SIZE_MAX, .head = SIZE_MAX, .see = see,
		};
		size_t next = i;

		if (!on_this_side(tk, from, i) && parse_ref(tk, i, end, &d, &next) == OUT_REF)
			emit_draft(tk, &d, r);
		draft_release(&d);
		i = next > i ? next : i + 1;
	}
	if (r->refs.n + (size_t)r->not_barrier == before)
		r->vague++;
	return end;
}

/* Read the object of one pairing phrase; returns where the reading ended. */
static size_t parse_verb_object(const struct comment_tokens *tk, const struct verb_match *v,
				size_t end, struct sentence_result *r)
{
	size_t i = v->object, stop;

	if (grammar_design() == GRAMMAR_CANDIDATES)
		return parse_candidates(tk, i, end, v->verb == VERB_SEE, r);
	if (v->verb == VERB_SCAN && (i = next_reference(tk, i, end, true, &stop)) == SIZE_MAX) {
		r->vague++;	/* "the other side is hwsync at guest entry" */
		return stop;
	}
	return parse_object(tk, i, end, NULL, v->verb == VERB_SEE, r);
}

/*
 * Read one pairing phrase's object.  What a weak phrasing names in words
 * ("serialize with the writer") describes the other side without naming
 * it: vague, not "something that is not a barrier".
 */
static size_t read_object(const struct comment_tokens *tk, const struct verb_match *v, size_t end,
			  struct sentence_result *r)
{
	int not_barrier = r->not_barrier;
	size_t stop = parse_verb_object(tk, v, end, r);

	if (v->weak) {
		r->vague += r->not_barrier - not_barrier;
		r->not_barrier = not_barrier;
	}
	r->strong += !v->weak;
	return stop;
}

/* Parse the pairing statements of one sentence; true if it made any. */
static bool parse_sentence(const struct comment_tokens *tk, size_t start, size_t end,
			   struct sentence_result *r)
{
	bool pairing = false;
	int about_barriers = -1;	/* computed once: keeps this linear */

	for (size_t k = start; k < end; k++) {
		struct verb_match v = find_verb(tk, start, k, end);

		if (v.verb == VERB_NONE)
			continue;
		if (v.barriers && about_barriers < 0)
			about_barriers = mentions_barrier(tk, start, end);
		if (v.barriers && !about_barriers)
			continue;
		if (negated(tk, start, k)) {
			/* "doesn't really have a barrier that pairs with this" */
			if (!v.weak) {
				r->no_partner++;
				r->strong++;
				pairing = true;
			}
		} else if (v.verb != VERB_BARE) {
			/* what the object read is not read again: linear */
			size_t stop = read_object(tk, &v, end, r);

			v.object = stop > v.object ? stop : v.object;
			pairing = true;
		}
		k = v.object > k ? v.object - 1 : k;
	}
	return pairing;
}

static bool is_boundary(const struct comment_token *t)
{
	return t->type == T_END || t->type == T_PARA || t->type == T_ITEM;
}

static size_t sentence_end(const struct comment_tokens *tk, size_t i)
{
	while (i < tk->v.n && !is_boundary(&tk->v.v[i]))
		i++;
	return i;
}

static bool has_function_ref(const struct sentence_result *r, size_t from)
{
	for (size_t k = from; k < r->refs.n; k++)
		if (r->refs.v[k].function)
			return true;
	return false;
}

/* "- x86: ..." -> "x86"; NULL when the item has no tag. */
static char *item_arch(const struct comment_tokens *tk, size_t i, size_t end)
{
	const struct comment_token *t = &tk->v.v[i];

	if (i + 1 < end && t->type == T_WORD && t->len <= 16 && is_identifier_word(t) &&
	    !(t->flags & (W_UPPER | W_PARENS | W_SLASH | W_ALT)) &&
	    punct_is(tk->text, t + 1, ':'))
		return word_dup(tk->text, t);
	return NULL;
}

/*
 * A vague pairing sentence right before "- arch: refs" items takes its
 * references from them.  Returns the index after the last item used, or
 * @i when there is no such list.
 */
static size_t parse_arch_list(const struct comment_tokens *tk, size_t i, struct sentence_result *r)
{
	struct sentence_result list = { 0 };
	size_t k = i;

	if (k < tk->v.n && tk->v.v[k].type == T_END)
		k++;
	/* "- " bullets only: a numbered list is prose, not a list of partners */
	while (k < tk->v.n && tk->v.v[k].type == T_ITEM && tk->text[tk->v.v[k].start] == '-') {
		size_t end = k + 1;
		char *arch;

		while (end < tk->v.n && tk->v.v[end].type != T_ITEM && tk->v.v[end].type != T_PARA)
			end++;
		arch = item_arch(tk, k + 1, end);
		parse_object(tk, k + 1 + (arch ? 2 : 0), end, arch, false, &list);
		free(arch);
		k = end;
	}
	if (!has_function_ref(&list, 0)) {
		refs_release(list.refs.v, list.refs.n);
		return i;
	}
	/* the list replaces the vague words that introduced it */
	refs_release(r->refs.v, r->refs.n);
	r->refs.v = list.refs.v;
	r->refs.n = list.refs.n;
	r->refs.cap = list.refs.cap;
	r->vague = 0;
	return k;
}

static void add_phrase(struct strbuf *phrase, const struct comment_tokens *tk, size_t first,
		       size_t last)
{
	char *s;

	if (phrase->len >= MAX_PHRASE)
		return;
	s = span_text(tk, first, last);
	if (phrase->len)
		sb_addc(phrase, ' ');
	sb_adds(phrase, s);
	free(s);
}

static void merge(struct sentence_result *all, struct sentence_result *one)
{
	for (size_t k = 0; k < one->refs.n; k++)
		push_ref(all, one->refs.v[k]);
	free(one->refs.v);
	all->vague += one->vague;
	all->not_barrier += one->not_barrier;
	all->no_partner += one->no_partner;
	all->strong += one->strong;
}

/*
 * Every word of the comment that misspells a barrier, wherever it sits
 * ("the smb_wmb() in kvm_make_request() only ensures ..."), each once.
 */
static void collect_misspellings(const struct comment_tokens *tk, struct pairing *out)
{
	VEC(struct misspelling) v = { 0 };

	for (size_t i = 0; i < tk->v.n && v.n < MAX_REFS; i++) {
		const struct comment_token *t = &tk->v.v[i];
		const struct barrier_def *def;
		bool seen = false;
		char *w;

		if (!may_misspell(t))
			continue;
		w = word_dup(tk->text, t);
		if (barrier_lookup(w) || !(def = misspelled_primitive(w))) {
			free(w);
			continue;
		}
		for (size_t k = 0; k < v.n && !seen; k++)
			seen = !strcmp(v.v[k].written, w);
		if (seen)
			free(w);
		else
			vec_push(&v, ((struct misspelling){ w, def->name }));
	}
	out->misspellings = v.v;
	out->nmisspellings = v.n;
}

static enum pairing_kind verdict(const struct sentence_result *r)
{
	if (has_function_ref(r, 0))
		return PAIRING_REFS;
	if (r->no_partner)
		return PAIRING_NO_PARTNER;
	if (r->refs.n || r->vague)
		return PAIRING_VAGUE;
	if (r->not_barrier)
		return PAIRING_NOT_BARRIER;
	return PAIRING_NONE;
}

void grammar_parse(const char *comment, struct pairing *out)
{
	struct strbuf clean = STRBUF_INIT, phrase = STRBUF_INIT;
	struct comment_tokens tk = { 0 };
	struct sentence_result all = { 0 };

	memset(out, 0, sizeof(*out));
	if (!comment || !grammar_mentions_pairing(comment))
		return;
	clean_comment(comment, &clean);
	tokenize(sb_str(&clean), &tk);
	for (size_t i = 0; i < tk.v.n;) {
		struct sentence_result one = { 0 };
		size_t end = sentence_end(&tk, i), last = end;

		if (end == i) {
			i++;
			continue;
		}
		if (parse_sentence(&tk, i, end, &one)) {
			if (!has_function_ref(&one, 0) && !one.no_partner)
				last = parse_arch_list(&tk, end, &one);
			if (last == end && end < tk.v.n && tk.v.v[end].type == T_END)
				last = end + 1;	/* the phrase keeps its full stop */
			add_phrase(&phrase, &tk, i, last - 1);
			merge(&all, &one);
		}
		i = last > end ? last : end + 1;
	}
	out->kind = verdict(&all);
	if (out->kind != PAIRING_NONE) {
		out->refs = all.refs.v;
		out->nrefs = all.refs.n;
		out->phrase = sb_detach(&phrase);
		out->weak = !all.strong;
		all.refs.v = NULL;
		collect_misspellings(&tk, out);
	}
	if (all.refs.v)
		refs_release(all.refs.v, all.refs.n);
	free(tk.v.v);
	sb_release(&phrase);
	sb_release(&clean);
}

/* Kept beside pairing_release(): a field that owns memory is copied here too. */
void pairing_copy(struct pairing *out, const struct pairing *in)
{
	*out = *in;
	out->refs = in->nrefs ? xmalloc(in->nrefs * sizeof(*out->refs)) : NULL;
	for (size_t i = 0; i < in->nrefs; i++) {
		struct ref *r = &out->refs[i];

		*r = in->refs[i];
		r->arch = xstrdup_or_null(r->arch);
		r->barrier = xstrdup_or_null(r->barrier);
		r->misspelled = xstrdup_or_null(r->misspelled);
		r->function = xstrdup_or_null(r->function);
		r->context = xstrdup_or_null(r->context);
	}
	out->misspellings = in->nmisspellings ?
			    xmalloc(in->nmisspellings * sizeof(*out->misspellings)) : NULL;
	for (size_t i = 0; i < in->nmisspellings; i++) {
		out->misspellings[i] = in->misspellings[i];
		out->misspellings[i].written = xstrdup(in->misspellings[i].written);
	}
	out->phrase = xstrdup_or_null(in->phrase);
}

void pairing_release(struct pairing *p)
{
	refs_release(p->refs, p->nrefs);
	for (size_t i = 0; i < p->nmisspellings; i++)
		free(p->misspellings[i].written);
	free(p->misspellings);
	free(p->phrase);
	memset(p, 0, sizeof(*p));
}

const char *pairing_kind_name(enum pairing_kind kind)
{
	switch (kind) {
	case PAIRING_NONE: return "none";
	case PAIRING_REFS: return "refs";
	case PAIRING_VAGUE: return "vague";
	case PAIRING_NO_PARTNER: return "no-partner";
	case PAIRING_NOT_BARRIER: return "not-barrier";
	}
	BUG("unknown pairing kind %d", (int)kind);
}

bool grammar_mentions_pairing(const char *comment)
{
	static const char *const cues[] = {
		/* "other", not "other side": the two words may be a line apart */
		"pair", "conjunction", "interact", "match", "with", "other", "see",
		"comment", "against", NULL,
	};

	return str_has_any_ci(comment, cues);
}


bool grammar_names_barrier(const char *comment)
{
	struct strbuf clean = STRBUF_INIT;
	struct comment_tokens tk = { 0 };
	bool named;

	if (!comment)
		return false;
	clean_comment(comment, &clean);
	tokenize(sb_str(&clean), &tk);
	named = mentions_barrier(&tk, 0, tk.v.n);
	free(tk.v.v);
	sb_release(&clean);
	return named;
}

enum grammar_design grammar_design(void)
{
	const char *v = getenv("BARRIERMAP_GRAMMAR");

	return v && !strcmp(v, "candidates") ? GRAMMAR_CANDIDATES : GRAMMAR_PHRASES;
}

/* ---- the tokenizer, for other readers of comments ----------------------- */

void grammar_words(const char *comment, struct comment_words *out)
{
	struct strbuf clean = STRBUF_INIT;
	struct comment_tokens tk = { 0 };
	unsigned sentence = 0;
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	clean_comment(comment ? comment : "", &clean);
	out->text = sb_detach(&clean);
	if (!out->text)
		out->text = xstrdup("");
	tokenize(out->text, &tk);
	out->v = xcalloc(tk.v.n ? tk.v.n : 1, sizeof(*out->v));
	for (size_t i = 0; i < tk.v.n; i++) {
		const struct comment_token *t = &tk.v.v[i];

		if (is_boundary(t)) {
			sentence += n && out->v[n - 1].sentence == sentence;
			continue;
		}
		out->v[n++] = (struct comment_word){
			.start = t->start, .len = t->len, .sentence = sentence,
			.word = t->type == T_WORD,
			.parens = t->flags & W_PARENS,
			.possessive = t->flags & W_POSSESSIVE,
			.identifier = is_identifier_word(t) && !(t->flags & (W_SLASH | W_ALT)),
			.field = (t->flags & W_OTHER) != 0,
		};
	}
	out->n = n;
	free(tk.v.v);
}

void comment_words_release(struct comment_words *w)
{
	free(w->text);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

void grammar_expand_names(const char *word, struct strvec *out)
{
	struct names names = { 0 };
	char *w = xstrdup(word);

	if (strchr(w, '<') && strchr(w, '>'))
		expand_alternation(w, &names);
	else if (strchr(w, '/'))
		expand_slash(w, &names);
	else
		vec_push(&names.list, xstrdup(w));
	free(w);
	for (size_t i = 0; i < names.list.n; i++) {
		if (valid_identifier(names.list.v[i]))
			vec_push(out, names.list.v[i]);
		else
			free(names.list.v[i]);
	}
	free(names.list.v);
}
