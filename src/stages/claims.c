// SPDX-License-Identifier: GPL-2.0
/*
 * claims.c: find the reliance claims in comments and check them (see
 * claims.h).
 *
 * Reading.  Each sentence of a comment (the grammar's own tokenizer,
 * grammar_words()) is tried against five shapes, which are the ones the
 * KVM tree uses:
 *
 *   rely     "Rely on F() for an implicit smp_rmb()", "relies on the
 *            smp_mb() in F()"                       (not "can't rely on")
 *   there    "There is already an X() before F() ...; we reuse that
 *            barrier", "We currently issue an smp_mb() at the beginning
 *            of F()", "we will do a smp_wmb() later in F"
 *   using    "F() writes the PTE using smp_store_release()"
 *   subject  "The barrier in F() achieves this", "the smb_wmb() in F()
 *            only ensures", "The memory barrier implicit in F orders"
 *   verb     "F() implies a full barrier", "..., which also implies a full
 *            memory barrier", "F contains smp_mb()", "xchg acts as a
 *            barrier", "F() provides a full barrier, and G() the matching
 *            acquire barrier"
 *
 * A sentence is a claim only when it names a barrier: a primitive
 * (smp_rmb(), even misspelled), or a barrier noun with or without a kind
 * ("a full memory barrier", "the matching acquire barrier", "the
 * barrier").  A pairing sentence ("Pairs with the smp_wmb() in F()") is
 * not a claim: resolve.c reads it.
 *
 * Checking.  A core primitive is checked against the table
 * (primitives.c); a scanned function against the barriers on its path
 * (path_barriers()): the barrier named must be there, or, when the claim
 * names only a kind, one at least as strong.  When it is not, the best
 * other barrier is reported: one at least as strong, then one that orders
 * an object the sentence names (vcpu->mode), then an explicit barrier
 * before an implied one, then the strongest and the shallowest.
 */
#include "claims.h"
#include "infer.h"
#include "options.h"
#include "primitives.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bounds that keep a hostile comment linear. */
#define MAX_CLAIMS_PER_COMMENT	16
#define PHRASE_WORDS		6	/* "the matching full memory barrier" */
#define SUBJECT_REACH		8	/* words from "rely on" to the function */
#define WHICH_REACH		8	/* "synchronize_srcu(), which also implies" */

/* ---- words -------------------------------------------------------------- */

/* What each word of a comment is, worked out once (edit distances cost). */
struct word_info {
	const struct barrier_def *barrier;	/* a barrier primitive, or NULL */
	bool misspelled;	/* @barrier was corrected */
	bool function;		/* a function or primitive name */
};

struct sentence {
	const struct comment_words *w;
	const struct word_info *info;	/* one per word of the comment */
	size_t start, end;	/* word indices */
};

static const struct comment_word *word(const struct sentence *s, size_t i)
{
	return &s->w->v[i];
}

static bool is(const struct sentence *s, size_t i, const char *text)
{
	const struct comment_word *t;

	if (i >= s->end)
		return false;
	t = word(s, i);
	/* the first letter first: most words are none of the list's */
	return t->word && (s->w->text[t->start] | 0x20) == (text[0] | 0x20) &&
	       strlen(text) == t->len && !strncasecmp(s->w->text + t->start, text, t->len);
}

static bool in(const struct sentence *s, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (is(s, i, *list))
			return true;
	return false;
}

static bool punct(const struct sentence *s, size_t i, char c)
{
	return i < s->end && !word(s, i)->word && s->w->text[word(s, i)->start] == c;
}

static char *dup_word(const struct sentence *s, size_t i)
{
	return xstrndup(s->w->text + word(s, i)->start, word(s, i)->len);
}

static const char *const determiners[] = {
	"the", "a", "an", "its", "their", "this", "that", "any", "some", "one", "same",
	"matching", "corresponding", "necessary", "required", "needed", "other", "extra",
	"additional", "own", "actual", "real", "also", "implicit", "implied", "effective",
	"existing", "previous", "paired", "pairing", NULL,
};

static const char *const negations[] = {
	"no", "not", "never", "cannot", "can't", "don't", "doesn't", "didn't", "isn't",
	"aren't", "won't", "shouldn't", "mustn't", "without", "nor", "neither", NULL,
};

static const char *const adverbs[] = {
	"only", "also", "already", "here", "then", "just", "both", "still", "alone",
	"itself", "always", "thus", "therefore", "effectively", "implicitly", "now", NULL,
};

static const char *const modals[] = {
	"will", "would", "should", "must", "can", "may", "does", "do", "did", NULL,
};

static const char *const c_keywords[] = {
	"if", "else", "for", "while", "do", "switch", "case", "return", "sizeof", "typeof",
	"struct", "union", "enum", "goto", "break", "continue", "static", "inline", "const",
	"volatile", NULL,
};

static bool all_caps(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 'a' && p[i] <= 'z')
			return false;
	return true;
}


/* A barrier primitive, spelled right or within two edits of one. */
static const struct barrier_def *lookup_barrier_word(const struct sentence *s, size_t i,
						     bool *misspelled)
{
	const struct comment_word *t = word(s, i);
	const struct barrier_def *def;
	char *w;

	*misspelled = false;
	if (!t->identifier || t->field)
		return NULL;
	w = dup_word(s, i);
	def = barrier_lookup(w);
	if (!def && strchr(w, '_') && !all_caps(w, t->len) && (def = barrier_lookup_misspelled(w)))
		*misspelled = true;
	/* "barrier" is the English noun unless written "barrier()" */
	if (def && def->kind == KIND_COMPILER && (!t->parens || *misspelled)) {
		*misspelled = false;
		def = NULL;
	}
	free(w);
	return def;
}

/*
 * A function (or primitive) name: written with "()", or a lower-case
 * identifier with '_' (set_current_state), or xchg and its kin.  Never a
 * barrier primitive, a field or a keyword.
 */
static bool lookup_function_word(const struct sentence *s, size_t i, bool barrier)
{
	const struct comment_word *t = word(s, i);
	const char *p = s->w->text + t->start;
	char *w;
	bool yes;

	if (!t->word || !t->identifier || t->field || barrier || in(s, i, c_keywords))
		return false;
	if (t->parens)
		return true;
	if (all_caps(p, t->len))
		return false;
	for (const char *q = p, *e = p + t->len; q < e; q++) {
		if (*q == '_')
			continue;
		/* after the leading '_'s: lower case, with a '_' further on */
		if (*q >= 'a' && *q <= 'z' && memchr(q, '_', (size_t)(e - q)))
			return true;
		break;
	}
	/* a bare word: "xchg", not the English "down", "up" or "complete" */
	w = dup_word(s, i);
	yes = strstr(w, "xchg") && primitive_lookup(w);
	free(w);
	return yes;
}

static struct word_info *word_infos(const struct comment_words *w)
{
	struct word_info *info = xcalloc(w->n ? w->n : 1, sizeof(*info));
	struct sentence all = { w, info, 0, w->n };

	for (size_t i = 0; i < w->n; i++) {
		info[i].barrier = lookup_barrier_word(&all, i, &info[i].misspelled);
		info[i].function = lookup_function_word(&all, i, info[i].barrier != NULL);
	}
	return info;
}

static const struct barrier_def *barrier_word(const struct sentence *s, size_t i,
					      char **misspelled)
{
	*misspelled = NULL;
	if (i >= s->end || !s->info[i].barrier)
		return NULL;
	if (s->info[i].misspelled)
		*misspelled = dup_word(s, i);
	return s->info[i].barrier;
}

static bool function_word(const struct sentence *s, size_t i)
{
	return i < s->end && s->info[i].function;
}

static size_t skip_list(const struct sentence *s, size_t i, const char *const *list)
{
	while (i < s->end && in(s, i, list))
		i++;
	return i;
}

/* Is word @i negated by one of the few words before it? */
static bool negated_before(const struct sentence *s, size_t i, size_t reach)
{
	for (size_t k = i; k > s->start && reach--;) {
		k--;
		if (!word(s, k)->word)
			return false;
		if (in(s, k, negations))
			return true;
	}
	return false;
}

/* ---- barrier phrases ---------------------------------------------------- */

struct claimed {
	char *barrier;		/* a named primitive, or NULL */
	char *misspelled;
	enum kind kind;
	bool any_kind;
};

static void claimed_release(struct claimed *c)
{
	free(c->barrier);
	free(c->misspelled);
	memset(c, 0, sizeof(*c));
}

static const struct {
	const char *word;
	enum kind kind;
} kind_words[] = {
	{ "full", KIND_FULL }, { "general", KIND_FULL }, { "read", KIND_READ },
	{ "load", KIND_READ }, { "write", KIND_WRITE }, { "store", KIND_WRITE },
	{ "acquire", KIND_ACQUIRE }, { "release", KIND_RELEASE },
};

static const char *const barrier_nouns[] = {
	"barrier", "barriers", "fence", "fences", "ordering", NULL,
};

/*
 * "an implicit smp_rmb()", "a full memory barrier", "the matching acquire
 * barrier", "the barrier": returns the index after it, or 0 (no phrase
 * starts at @i).
 */
static size_t barrier_phrase(const struct sentence *s, size_t i, struct claimed *c)
{
	const struct barrier_def *def;
	bool kind_said = false;

	memset(c, 0, sizeof(*c));
	c->any_kind = true;
	for (int n = 0; i < s->end && n < PHRASE_WORDS; n++, i++) {
		size_t k;

		if ((def = barrier_word(s, i, &c->misspelled))) {
			c->barrier = xstrdup(def->name);
			c->kind = def->kind;
			c->any_kind = false;
			return i + 1;
		}
		if (in(s, i, barrier_nouns)) {
			if (is(s, i, "ordering") && !kind_said)
				break;	/* "the ordering" alone is not a barrier */
			return i + 1;
		}
		for (k = 0; k < sizeof(kind_words) / sizeof(kind_words[0]); k++)
			if (is(s, i, kind_words[k].word))
				break;
		if (k < sizeof(kind_words) / sizeof(kind_words[0])) {
			c->kind = kind_words[k].kind;
			c->any_kind = false;
			kind_said = true;
			continue;
		}
		if (!in(s, i, determiners) && !is(s, i, "memory") && !is(s, i, "smp"))
			break;
	}
	claimed_release(c);
	return 0;
}

/* ---- the four shapes ---------------------------------------------------- */

struct found {
	size_t subject;		/* word index of the function */
	struct claimed what;
};

struct finds {
	VEC(struct found) v;
};

static void add_find(struct finds *out, size_t subject, struct claimed *what)
{
	if (out->v.n >= MAX_CLAIMS_PER_COMMENT) {
		claimed_release(what);
		return;
	}
	vec_push(&out->v, ((struct found){ subject, *what }));
	memset(what, 0, sizeof(*what));
}

static const char *const prepositions[] = {
	"in", "inside", "within", "of", "by", "from", NULL,
};

/* "in [the] F": the index of F, or SIZE_MAX. */
static size_t function_after(const struct sentence *s, size_t i, const char *const *preps)
{
	if (!in(s, i, preps))
		return SIZE_MAX;
	i = skip_list(s, i + 1, determiners);
	return function_word(s, i) ? i : SIZE_MAX;
}

/* The first barrier phrase in [@i, the end of the clause): its index after, or 0. */
static size_t phrase_in_clause(const struct sentence *s, size_t i, struct claimed *c)
{
	static const char *const clause_end[] = {
		"which", "pairs", "paired", "pair", "pairing", "because", "but", NULL,
	};

	for (; i < s->end && !in(s, i, clause_end) && !punct(s, i, ';'); i++) {
		size_t e = barrier_phrase(s, i, c);

		if (e)
			return e;
	}
	return 0;
}

/*
 * The function and barrier after "rely on" (or "reuse"), from @i: "the
 * smp_mb() in F()", "F() for an implicit smp_rmb()".
 */
static void rely_object(const struct sentence *s, size_t i, struct finds *out)
{
	struct claimed c;
	size_t f = SIZE_MAX, e;

	for (size_t j = i; j < s->end && j < i + SUBJECT_REACH; j++) {
		if ((e = barrier_phrase(s, j, &c))) {
			f = function_after(s, skip_list(s, e, determiners), prepositions);
			if (f != SIZE_MAX) {
				add_find(out, f, &c);
				return;
			}
			claimed_release(&c);
			j = e - 1;
		} else if (function_word(s, j)) {
			f = j;
			break;
		} else if (!word(s, j)->word) {
			return;
		}
	}
	if (f != SIZE_MAX && phrase_in_clause(s, f + 1, &c))
		add_find(out, f, &c);
}

/* "Rely on F() for an implicit smp_rmb()", "reuses the barrier in F()". */
static void shape_rely(const struct sentence *s, struct finds *out)
{
	static const char *const rely[] = { "rely", "relies", "relying", "relied", NULL };
	static const char *const reuse[] = { "reuse", "reuses", "reusing", "reused", NULL };

	for (size_t k = s->start; k + 1 < s->end; k++) {
		if (negated_before(s, k, 4))
			continue;
		if (in(s, k, rely) && (is(s, k + 1, "on") || is(s, k + 1, "upon")))
			rely_object(s, k + 2, out);
		else if (in(s, k, reuse))
			rely_object(s, k + 1, out);
	}
}

/*
 * "There is already an X() before F()", "We currently issue an smp_mb() at
 * the beginning of F()", "we will do a smp_wmb() later in F".
 */
static void shape_there(const struct sentence *s, struct finds *out)
{
	static const char *const triggers[] = {
		"already", "issue", "issues", "issued", "execute", "executes", "executed",
		"do", "does", "did", NULL,
	};
	static const char *const verbs[] = { "is", "are", "has", "have", NULL };
	static const char *const places[] = {
		"before", "in", "inside", "within", "at", "after", "from", "by", NULL,
	};
	static const char *const parts[] = {
		"beginning", "start", "end", "top", "bottom", "entry", "exit", NULL,
	};
	static const char *const when[] = { "later", "earlier", "first", "then", NULL };

	for (size_t k = s->start; k < s->end; k++) {
		struct claimed c;
		size_t j, e, f;

		if (!in(s, k, triggers) || negated_before(s, k, 3))
			continue;
		j = skip_list(s, k + 1, verbs);
		if (!(e = barrier_phrase(s, j, &c)))
			continue;
		e = skip_list(s, e, when);
		j = skip_list(s, e + 1, determiners);
		if (in(s, e, places) && in(s, j, parts) && is(s, j + 1, "of")) {
			/* "at the beginning of F()" */
			j = skip_list(s, j + 2, determiners);
			f = function_word(s, j) ? j : SIZE_MAX;
		} else {
			f = function_after(s, e, places);
		}
		if (f != SIZE_MAX)
			add_find(out, f, &c);
		else
			claimed_release(&c);
	}
}

/* "because stage2_make_pte() writes the PTE using smp_store_release()". */
static void shape_using(const struct sentence *s, struct finds *out)
{
	static const char *const stops[] = {
		"which", "that", "and", "or", "but", "pairs", "paired", "pair", "if", "when", NULL,
	};

	for (size_t f = s->start; f < s->end; f++) {
		if (!function_word(s, f))
			continue;
		for (size_t k = f + 1; k < s->end && k <= f + 6; k++) {
			struct claimed c;

			if (!word(s, k)->word || in(s, k, stops) || function_word(s, k))
				break;
			if (!(is(s, k, "using") || is(s, k, "via")))
				continue;
			if (barrier_phrase(s, k + 1, &c))
				add_find(out, f, &c);
			break;
		}
	}
}

static const char *const claim_verbs[] = {
	"achieves", "achieve", "ensures", "ensure", "orders", "order", "provides", "provide",
	"guarantees", "guarantee", "makes", "make", "prevents", "prevent", "serializes",
	"serialize", "is", "are", "takes", "take", "pairs", "pair", "handles", "covers",
	"suffices", "suffice", "synchronizes", "keeps", "protects", "acts", "serves",
	"enforces", "enforce", "separates", NULL,
};

/* "The barrier in F() achieves this", "the smb_wmb() in F() only ensures". */
static void shape_subject(const struct sentence *s, struct finds *out)
{
	static const char *const implicit[] = {
		"implicit", "implied", "provided", "issued", "executed", NULL,
	};

	for (size_t k = s->start; k < s->end; k++) {
		struct claimed c;
		size_t e, f, v;

		/* a phrase starts at a determiner or at its head, not inside */
		if (k > s->start && in(s, k - 1, determiners))
			continue;
		if (!(e = barrier_phrase(s, k, &c)))
			continue;
		f = function_after(s, skip_list(s, e, implicit), prepositions);
		if (f == SIZE_MAX) {
			claimed_release(&c);
			k = e - 1;
			continue;
		}
		v = skip_list(s, skip_list(s, f + 1, adverbs), modals);
		v = skip_list(s, v, adverbs);
		if (in(s, v, claim_verbs))
			add_find(out, f, &c);
		else
			claimed_release(&c);
		k = f;
	}
}

/* The function a "which" refers back to: the last one a few words before. */
static size_t which_antecedent(const struct sentence *s, size_t which)
{
	for (size_t k = which, n = 0; k > s->start && n < WHICH_REACH; n++) {
		k--;
		if (function_word(s, k))
			return k;
	}
	return SIZE_MAX;
}

/* "F() implies a full barrier", "..., which also implies a full memory barrier". */
static void shape_verb(const struct sentence *s, struct finds *out)
{
	static const char *const verbs[] = {
		"implies", "imply", "provides", "provide", "contains", "contain", "has", "have",
		"includes", "include", "issues", "issue", "executes", "performs", "is", "acts",
		"serves", NULL,
	};

	for (size_t k = s->start + 1; k < s->end; k++) {
		struct claimed c;
		size_t subj, b = k, o, e;

		if (!in(s, k, verbs))
			continue;
		while (b > s->start && in(s, b - 1, adverbs))
			b--;
		if (b == s->start)
			continue;
		subj = is(s, b - 1, "which") ? which_antecedent(s, b - 1) :
		       function_word(s, b - 1) ? b - 1 : SIZE_MAX;
		if (subj == SIZE_MAX || negated_before(s, k, k - b + 1))
			continue;
		o = k + 1;
		if (is(s, k, "acts") || is(s, k, "serves")) {
			if (!is(s, o, "as"))
				continue;
			o++;
		}
		if (in(s, o, negations) || !(e = barrier_phrase(s, o, &c)))
			continue;
		add_find(out, subj, &c);
		/* "F() provides a full barrier, and G() the matching acquire barrier" */
		o = e + punct(s, e, ',');
		if (is(s, o, "and") && function_word(s, o + 1) && (e = barrier_phrase(s, o + 2, &c)))
			add_find(out, o + 1, &c);
		k = e ? e - 1 : k;
	}
}

/* ---- building the claims ------------------------------------------------ */

/* Does the comment speak of barriers at all (cheap pre-filter)? */
static bool mentions_barrier(const char *text)
{
	static const char *const words[] = {
		"barrier", "fence", "ordering", "mb(", "mb ", "mb_", "mb.", "mb,", "smp_",
		"smb_", "acquire", "release", NULL,
	};

	return str_has_any_ci(text, words);
}

static char *sentence_text(const struct sentence *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = s->w->text + word(s, s->start)->start;
	const char *e = s->w->text + word(s, s->end - 1)->start + word(s, s->end - 1)->len;
	bool blank = false;

	/* the last word's "()" */
	while (*e == '(' || *e == ')' || *e == '.')
		e++;
	for (; p < e && sb.len < 1024; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n') {
			blank = true;
			continue;
		}
		if (blank && sb.len)
			sb_addc(&sb, ' ');
		blank = false;
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}

/* The @nth whole-word occurrence of @w in @text (0 for the first), or NULL. */
static const char *nth_word(const char *text, const char *w, size_t nth)
{
	const char *p = find_word(text, text, w);

	for (; p && nth; nth--)
		p = find_word(text, p + 1, w);
	return p;
}

/* Where the subject is written in the file: its line and columns (1-based). */
static void locate(struct claim *c, const struct comment *cm, const struct sentence *s,
		   size_t subject)
{
	const char *clean = s->w->text, *at = clean + word(s, subject)->start;
	size_t nth = 0, n = strlen(c->subject);
	const char *raw;

	for (const char *p = find_word(clean, clean, c->subject); p && p < at;
	     p = find_word(clean, p + 1, c->subject))
		nth++;
	raw = nth_word(cm->text, c->subject, nth);
	c->at = cm->start;
	if (!raw)
		return;
	for (const char *p = cm->text; p < raw; p++) {
		if (*p == '\n') {
			/* the text drops a continuation line's indentation up to the comment's column */
			c->at.line++;
			c->at.col = cm->start.col;
		} else {
			c->at.col++;
		}
	}
	c->end_col = c->at.col + (unsigned)n - 1;
}

static bool duplicate(const struct file_facts *f, size_t first, const struct claim *c)
{
	for (size_t i = first; i < f->claims.n; i++) {
		const struct claim *o = &f->claims.v[i];

		if (!strcmp(o->subject, c->subject) && o->any_kind == c->any_kind &&
		    o->kind == c->kind && !strcmp(o->barrier ? o->barrier : "",
						  c->barrier ? c->barrier : ""))
			return true;
	}
	return false;
}

static void read_comment(struct file_facts *f, int index)
{
	const struct comment *cm = &f->comments.v[index];
	struct comment_words w;
	struct word_info *info;
	size_t first = f->claims.n;

	if (!cm->text || !mentions_barrier(cm->text))
		return;
	grammar_words(cm->text, &w);
	info = word_infos(&w);
	for (size_t i = 0; i < w.n;) {
		struct sentence s = { &w, info, i, i };
		struct finds finds = { 0 };

		while (s.end < w.n && w.v[s.end].sentence == w.v[i].sentence)
			s.end++;
		i = s.end;
		shape_rely(&s, &finds);
		shape_there(&s, &finds);
		shape_using(&s, &finds);
		shape_subject(&s, &finds);
		shape_verb(&s, &finds);
		for (size_t k = 0; k < finds.v.n; k++) {
			struct found *fd = &finds.v.v[k];
			struct claim c = {
				.file = f, .comment = index, .function = file_function_at(f, cm->start),
				.subject = dup_word(&s, fd->subject), .barrier = fd->what.barrier,
				.misspelled = fd->what.misspelled, .kind = fd->what.kind,
				.any_kind = fd->what.any_kind,
			};

			if (duplicate(f, first, &c)) {
				claim_release(&c);
				continue;
			}
			c.sentence = sentence_text(&s);
			locate(&c, cm, &s, fd->subject);
			vec_push(&f->claims, c);
		}
		free(finds.v.v);
	}
	free(info);
	comment_words_release(&w);
}

/* ---- checking ----------------------------------------------------------- */

static bool strong_enough(enum kind have, const struct claim *c)
{
	return c->any_kind || kind_at_least(have, c->kind);
}

/* "a full barrier", "a release", "a call" for a kind. */
static const char *kind_phrase(enum kind k)
{
	switch (k) {
	case KIND_FULL:
	case KIND_IMPLIED: return "a full barrier";
	case KIND_READ: return "a read barrier";
	case KIND_WRITE: return "a write barrier";
	case KIND_ACQUIRE: return "an acquire";
	case KIND_RELEASE: return "a release";
	case KIND_COMPILER: return "a compiler barrier";
	case KIND_CALL: return "a call";
	}
	BUG("unknown kind %d", (int)k);
}

/* What the comment says is there: "smp_rmb()", "a full barrier", "a barrier". */
static const char *claimed_text(const struct claim *c, struct strbuf *sb)
{
	sb_reset(sb);
	if (c->barrier)
		sb_addf(sb, "%s()", c->barrier);
	else
		sb_adds(sb, c->any_kind ? "a barrier" : kind_phrase(c->kind));
	return sb_str(sb);
}

static void add_citation(struct strbuf *sb, const struct primitive *pr)
{
	for (int i = 0; i < 2 && pr->cite[i].file; i++) {
		/* two quotes of one section are cited once */
		if (i && !strcmp(pr->cite[i].file, pr->cite[0].file) &&
		    !strcmp(pr->cite[i].section, pr->cite[0].section))
			continue;
		sb_addf(sb, "%s%s: %s", i ? "; " : " (", pr->cite[i].file, pr->cite[i].section);
	}
	sb_adds(sb, ")");
}

static void add_misspelling(struct strbuf *sb, const struct claim *c)
{
	if (c->misspelled)
		sb_addf(sb, "; the comment misspells %s() as %s", c->barrier, c->misspelled);
}

static void take_there(struct claim *c, const struct path_barrier *b);
static void describe_there(struct strbuf *sb, const struct claim *c);

/* Is @a better evidence than @b that the code keeps the promise of @pr? */
static bool keeps_promise_better(const struct primitive *pr, const struct path_barrier *a,
				 const struct path_barrier *b)
{
	bool ea = pr->ordered && kind_at_least(a->kind, pr->kind);
	bool eb = pr->ordered && kind_at_least(b->kind, pr->kind);

	if (ea != eb)
		return ea;
	if (!ea && a->kind != b->kind && kind_at_least(a->kind, b->kind) !=
					     kind_at_least(b->kind, a->kind))
		return kind_at_least(a->kind, b->kind);	/* the strongest, when none is enough */
	if (a->depth != b->depth)
		return a->depth < b->depth;
	return a->site && !b->site;	/* an explicit barrier before an implied one */
}

/*
 * What the tree's code says of a primitive the table knows, when the
 * facts define it (--resolve-in=core, --scope=all): mmap_read_unlock() ->
 * up_read() -> __up_read()'s atomic_long_add_return_release().  The
 * shallowest code barrier on its path at least as strong as the table
 * says, else the strongest there; none when the code is the
 * architecture's assembly, or deeper than the call depth.  The verdict
 * stays the table's: it is what the primitive promises, where the code
 * is one configuration's way of keeping it (and a barrier on the path
 * may sit behind a condition).
 */
static void add_tree_evidence(const struct program *p, struct claim *c, struct strbuf *sb)
{
	const struct primitive *pr = c->primitive;
	const struct path_barrier *best = NULL;
	struct path_barrier *v;
	bool defined;
	size_t n = path_barriers_in_tree(p, c->subject, c->file->arch, &defined, &v);

	for (size_t i = 0; i < n; i++)
		if (!v[i].primitive && (!best || keeps_promise_better(pr, &v[i], best)))
			best = &v[i];	/* a table entry again is no evidence from the code */
	if (best) {
		bool kept = pr->ordered && kind_at_least(best->kind, pr->kind);

		take_there(c, best);
		sb_adds(sb, kept ? "; in the tree, on its path: " :
			"; in the tree, the strongest on its path is ");
		describe_there(sb, c);
	}
	path_barriers_release(v, n);
}

static void check_primitive(const struct program *p, struct claim *c)
{
	const struct primitive *pr = c->primitive;
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;
	const char *is = pr->ordered ? kind_phrase(pr->kind) : "unordered";

	c->verdict = pr->ordered && strong_enough(pr->kind, c) ? CLAIM_HOLDS : CLAIM_WEAK;
	sb_addf(&sb, "relies on %s() for %s: %s() is %s", c->subject, claimed_text(c, &what),
		c->subject, is);
	if (pr->condition)
		sb_addf(&sb, " %s", pr->condition);
	if (pr->via)
		sb_addf(&sb, ", through %s", pr->via);
	add_citation(&sb, pr);
	if (c->verdict == CLAIM_WEAK)
		sb_addf(&sb, "; %s is not %s", pr->ordered ? is : "an unordered operation",
			sb_str(&what));
	add_tree_evidence(p, c, &sb);
	add_misspelling(&sb, c);
	c->message = sb_detach(&sb);
	sb_release(&what);
}

/* Does @text (the claim's comment) name an object @t orders: "vcpu->mode"? */
static bool text_names_object_of(const char *text, const struct site *t)
{
	if (!t)
		return false;
	for (const char *p = strstr(text, "->"); p; p = strstr(p + 2, "->")) {
		const char *b = p, *e = p + 2;
		char *obj;
		bool hit = false;

		while (b > text && is_ident_char(b[-1]))
			b--;
		while (is_ident_char(*e))
			e++;
		obj = xstrndup(b, (size_t)(e - b));
		for (int side = 0; side < 2 && !hit; side++) {
			const struct access *v = side ? t->after.v : t->before.v;
			size_t n = side ? t->after.n : t->before.n;

			for (size_t i = 0; i < n && !hit; i++)
				hit = infer_objects_match(v[i].object, obj);
		}
		free(obj);
		if (hit)
			return true;
	}
	return false;
}

/* Is @a a better "what is there" than @b for @c? */
static bool better(const struct claim *c, const struct path_barrier *a,
		   const struct path_barrier *b)
{
	bool sa = strong_enough(a->kind, c), sb = strong_enough(b->kind, c);
	const char *text = c->file->comments.v[c->comment].text;
	bool oa = text_names_object_of(text, a->site), ob = text_names_object_of(text, b->site);
	int ea = a->site ? 2 : a->primitive ? 0 : 1, eb = b->site ? 2 : b->primitive ? 0 : 1;
	bool fa = kind_at_least(a->kind, KIND_FULL), fb = kind_at_least(b->kind, KIND_FULL);

	if (sa != sb)
		return sa;
	if (oa != ob)
		return oa;
	if (ea != eb)
		return ea > eb;
	if (fa != fb)
		return fa;
	return a->depth < b->depth;
}

static void take_there(struct claim *c, const struct path_barrier *b)
{
	c->found = true;
	c->there = (struct partner){ .site = (struct site *)b->site, .file = b->file, .at = b->at,
				     .function = b->function, .barrier = b->barrier,
				     .kind = b->kind };
	for (size_t i = 0; i < b->via.n; i++)
		vec_push(&c->there.via, b->via.v[i]);
	c->there_depth = b->depth;
	c->there_primitive = b->primitive;
	c->as_strong = strong_enough(b->kind, c);
}

static void describe_there(struct strbuf *sb, const struct claim *c)
{
	const struct partner *t = &c->there;

	sb_add_barrier_at(sb, t->barrier, t->function, t->file->path, t->at.line);
	sb_addf(sb, "), %u call%s deep", c->there_depth, c->there_depth == 1 ? "" : "s");
	if (t->via.n > 1) {
		sb_adds(sb, ", via ");
		for (size_t i = 0; i < t->via.n; i++)
			sb_addf(sb, "%s%s()", i ? " -> " : "", t->via.v[i]);
	}
	sb_addf(sb, ", %s", c->there_primitive ? kind_phrase(c->there_primitive->kind) :
		kind_phrase(t->kind));
	if (c->there_primitive && c->there_primitive->condition)
		sb_addf(sb, " %s", c->there_primitive->condition);
}

static void check_path(const struct program *p, struct claim *c, struct path_barrier *v,
		       size_t n)
{
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;
	const struct path_barrier *best = NULL;
	unsigned depth = p->opts->max_depth;

	for (size_t i = 0; i < n && c->barrier; i++)
		if (!strcmp(v[i].barrier, c->barrier) && (!best || v[i].depth < best->depth))
			best = &v[i];
	if (best) {
		take_there(c, best);
		c->verdict = CLAIM_HOLDS;
		sb_addf(&sb, "relies on %s in %s(): ", claimed_text(c, &what), c->subject);
		describe_there(&sb, c);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!best || better(c, &v[i], best))
			best = &v[i];
	sb_addf(&sb, "relies on %s in %s()", claimed_text(c, &what), c->subject);
	if (!best) {
		c->verdict = CLAIM_STALE;
		sb_addf(&sb, ", but there is no barrier on its path (searched %u call%s deep)",
			depth, depth == 1 ? "" : "s");
		goto out;
	}
	take_there(c, best);
	if (!c->as_strong)
		c->verdict = CLAIM_WEAK;
	else
		c->verdict = c->barrier ? CLAIM_STALE : CLAIM_HOLDS;
	if (c->barrier)
		sb_addf(&sb, ", which is not on its path (searched %u call%s deep); there is ",
			depth, depth == 1 ? "" : "s");
	else
		sb_adds(&sb, c->as_strong ? ": " : ", but the strongest there is ");
	describe_there(&sb, c);
	if (c->barrier && c->as_strong)
		sb_adds(&sb, ": the ordering holds, the comment names the wrong barrier");
out:
	add_misspelling(&sb, c);
	c->message = sb_detach(&sb);
	sb_release(&what);
}

static void check_claim(const struct program *p, struct claim *c)
{
	struct path_barrier *v;
	bool defined;
	size_t n;

	if ((c->primitive = primitive_lookup(c->subject))) {
		check_primitive(p, c);
		return;
	}
	n = path_barriers(p, c->subject, c->file->arch, &defined, &v);
	if (defined) {
		check_path(p, c, v, n);
	} else {
		c->verdict = CLAIM_UNCHECKED;
		c->message = xasprintf("relies on %s(), which is neither in the scanned tree nor "
				       "a primitive barriermap knows", c->subject);
	}
	path_barriers_release(v, n);
}

void check_claims(struct program *p)
{
	for (size_t i = 0; i < p->files.n; i++) {
		struct file_facts *f = p->files.v[i];

		if (!f->in_scope || f->skipped)
			continue;
		for (size_t j = 0; j < f->comments.n; j++)
			read_comment(f, (int)j);
		for (size_t j = 0; j < f->claims.n; j++)
			check_claim(p, &f->claims.v[j]);
	}
}

/* ---- names -------------------------------------------------------------- */

const char *claim_verdict_name(enum claim_verdict v)
{
	switch (v) {
	case CLAIM_STALE: return "stale";
	case CLAIM_WEAK: return "weak";
	case CLAIM_UNCHECKED: return "unchecked";
	case CLAIM_HOLDS: return "holds";
	case CLAIM__COUNT: break;
	}
	BUG("unknown claim verdict %d", (int)v);
}

const char *claim_status_name(enum claim_verdict v)
{
	switch (v) {
	case CLAIM_STALE: return "stale-claim";
	case CLAIM_WEAK: return "weak-claim";
	case CLAIM_UNCHECKED: return "unchecked-claim";
	case CLAIM_HOLDS: return "sound-claim";
	case CLAIM__COUNT: break;
	}
	BUG("unknown claim verdict %d", (int)v);
}

char *claim_describe(const struct claim *c)
{
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;

	sb_addf(&sb, "%s from %s()", claimed_text(c, &what), c->subject);
	sb_release(&what);
	return sb_detach(&sb);
}

char *claim_there(const struct claim *c)
{
	struct strbuf sb = STRBUF_INIT;

	if (c->found)
		describe_there(&sb, c);
	return sb_detach(&sb);
}

