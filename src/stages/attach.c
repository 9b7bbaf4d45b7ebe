// SPDX-License-Identifier: GPL-2.0
/*
 * attach.c: which comment belongs to a barrier (rst/design.rst, section 4).
 *
 * In order of preference, the first that speaks of pairing wins:
 *   above     the comment block that ends just above the barrier's statement
 *   trailing  a comment after the statement, on the line where it ends
 *   inside    a comment within the statement
 *   nearby    the block above one of the two statements before, when it
 *             names the barrier ("This smp_rmb() pairs with ...") or only
 *             plain statements (no call, but the one an smp_mb__after_X()
 *             completes) stand between it and the barrier
 *   below     the block on the line after the statement, when it names the
 *             barrier ("ensured by the smp_wmb above in conjunction with")
 * When none speaks of pairing, the above/trailing/inside comment is kept
 * for display and the barrier is undocumented.
 *
 * A pairing comment inside a function that belongs to no barrier, but sits
 * on a call ("kvm_flush_remote_tlbs() reuses the barrier in
 * kvm_make_all_cpus_request()"), becomes an implicit site at that call, or
 * at a call it names one or two statements below.
 *
 * Every other comment that speaks of pairing is read once more, on its
 * own, into comment->pairing: later stages never parse a comment again.
 */
#include "attach.h"

#include <stdlib.h>
#include <string.h>

/* A run of comment tokens [first, last], on touching lines. */
struct group {
	size_t first, last;
};

static bool is_stop(const struct token_view *tv, size_t i)
{
	return tok_is(tv, i, ";") || tok_is(tv, i, "{") || tok_is(tv, i, "}");
}

/*
 * Start of the statement holding token @i: the token after the nearest
 * ";", "{" or "}" outside parentheses, skipping comments.  Directives
 * ("#ifdef" lines) end a statement too.
 */
static size_t stmt_start(const struct token_view *tv, size_t i)
{
	int depth = 0;
	size_t j = i;

	while (j > 0) {
		size_t k = j - 1;

		if (tv->t[k].kind == TOK_COMMENT) {
			j = k;
			continue;
		}
		if (tv->t[k].directive && !tv->t[i].directive)
			break;
		/* a barrier inside "if (...)" or "f(...)" belongs to the whole */
		if (tok_is(tv, k, ")") || tok_is(tv, k, "]"))
			depth++;
		else if (tok_is(tv, k, "(") || tok_is(tv, k, "["))
			depth -= depth > 0;
		else if (depth == 0 && is_stop(tv, k))
			break;
		j = k;
	}
	while (j < i && tv->t[j].kind == TOK_COMMENT)
		j++;
	return j;
}

/* The ";" or "{" that ends the statement holding token @i. */
static size_t stmt_end(const struct token_view *tv, size_t i)
{
	int depth = 0;

	for (size_t j = i; j < tv->n; j++) {
		if (tv->t[j].kind == TOK_COMMENT)
			continue;
		if (tv->t[j].directive != tv->t[i].directive)
			return j ? j - 1 : 0;
		if (tok_is(tv, j, "(") || tok_is(tv, j, "["))
			depth++;
		else if (tok_is(tv, j, ")") || tok_is(tv, j, "]")) {
			if (--depth < 0)
				return j;
		} else if (depth == 0 && is_stop(tv, j))
			return j;
	}
	return tv->n - 1;
}

/* The group of comments on touching lines that starts at comment token @k. */
static struct group group_from(const struct token_view *tv, size_t k)
{
	struct group g = { k, k };

	while (g.last + 1 < tv->n && tv->t[g.last + 1].kind == TOK_COMMENT &&
	       tv->t[g.last + 1].start.line <= tv->t[g.last].end.line + 1)
		g.last++;
	return g;
}

/* The comment group ending right before token @i, on the line above or the same line. */
static bool group_above(const struct token_view *tv, size_t i, struct group *g)
{
	size_t k;

	if (i == 0 || tv->t[i - 1].kind != TOK_COMMENT)
		return false;
	k = i - 1;
	if (tv->t[k].end.line + 1 < tv->t[i].start.line)
		return false;
	g->last = k;
	while (k > 0 && tv->t[k - 1].kind == TOK_COMMENT &&
	       tv->t[k - 1].end.line + 1 >= tv->t[k].start.line)
		k--;
	/* "f->a = 1;	/" "* about f->a *" "/" trails the statement before: not ours */
	while (k <= g->last && k > 0 && tv->t[k - 1].kind != TOK_COMMENT &&
	       tv->t[k - 1].end.line == tv->t[k].start.line)
		k++;
	if (k > g->last)
		return false;
	g->first = k;
	return true;
}

/* Comments after the statement's end, on its last line. */
static bool group_trailing(const struct token_view *tv, size_t end, struct group *g)
{
	size_t k = end + 1;

	if (k >= tv->n || tv->t[k].kind != TOK_COMMENT ||
	    tv->t[k].start.line != tv->t[end].end.line)
		return false;
	g->first = g->last = k;
	while (g->last + 1 < tv->n && tv->t[g->last + 1].kind == TOK_COMMENT &&
	       tv->t[g->last + 1].start.line <= tv->t[g->last].end.line + 1 &&
	       tv->t[g->last + 1].start.col >= tv->t[k].start.col)
		g->last++;
	return true;
}

static bool group_inside(const struct token_view *tv, size_t from, size_t to, struct group *g)
{
	for (size_t k = from; k < to; k++) {
		if (tv->t[k].kind != TOK_COMMENT)
			continue;
		g->first = g->last = k;
		while (g->last + 1 < to && tv->t[g->last + 1].kind == TOK_COMMENT)
			g->last++;
		return true;
	}
	return false;
}

static int comment_index(const struct file_facts *f, const struct token *t)
{
	size_t i = file_first_comment_from(f, t->start);

	if (i < f->comments.n && pos_eq(f->comments.v[i].start, t->start))
		return (int)i;
	BUG("comment token without a comment at %u:%u", t->start.line, t->start.col);
}

static char *group_text(const struct file_facts *f, const struct token_view *tv,
			const struct group *g)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t k = g->first; k <= g->last; k++) {
		if (k > g->first)
			sb_addc(&sb, '\n');
		sb_adds(&sb, f->comments.v[comment_index(f, &tv->t[k])].text);
	}
	return sb_detach(&sb);
}

static void give_comment(struct site *s, const struct file_facts *f,
			 const struct token_view *tv, const struct group *g,
			 enum comment_rule rule, char *text, struct pairing *parsed)
{
	free(s->comment_text);
	pairing_release(&s->pairing);
	s->comment = comment_index(f, &tv->t[g->first]);
	s->comment_last = comment_index(f, &tv->t[g->last]);
	s->rule = rule;
	s->comment_text = text;
	s->pairing = *parsed;
}

/*
 * Offer a candidate comment to the site: taken if it speaks of pairing,
 * or if nothing was taken yet and @keep says it may stand for display.
 */
static bool offer(struct site *s, const struct file_facts *f, const struct token_view *tv,
		  const struct group *g, enum comment_rule rule, bool keep)
{
	char *text = group_text(f, tv, g);
	struct pairing parsed;

	grammar_parse(text, &parsed);
	if (parsed.kind != PAIRING_NONE) {
		give_comment(s, f, tv, g, rule, text, &parsed);
		return true;
	}
	if (keep && s->rule == RULE_NONE) {
		give_comment(s, f, tv, g, rule, text, &parsed);
		return false;
	}
	pairing_release(&parsed);
	free(text);
	return false;
}

static bool is_keyword_call(const struct token_view *tv, size_t i)
{
	static const char *const not_calls[] = {
		"if", "while", "for", "switch", "return", "sizeof", "typeof",
		"__typeof__", "defined", "BUILD_BUG_ON", "WARN_ON", "WARN_ON_ONCE",
		"lockdep_assert_held", "KVM_BUG_ON",
	};

	for (size_t k = 0; k < sizeof(not_calls) / sizeof(not_calls[0]); k++)
		if (tok_is(tv, i, not_calls[k]))
			return true;
	return false;
}

/*
 * The operation an smp_mb__after_X() or smp_mb__before_X() barrier
 * completes: "srcu_read_unlock", "atomic"; NULL for other barriers.
 */
static const char *completed_operation(const char *barrier)
{
	if (str_starts_with(barrier, "smp_mb__after_"))
		return barrier + strlen("smp_mb__after_");
	if (str_starts_with(barrier, "smp_mb__before_"))
		return barrier + strlen("smp_mb__before_");
	return NULL;
}

/* Is call token @k the operation @op ("kvm_vcpu_srcu_read_unlock" for "srcu_read_unlock")? */
static bool calls_operation(const struct token_view *tv, size_t k, const char *op)
{
	size_t n = op ? strlen(op) : 0;
	const char *name = tv->buf + tv->t[k].off;

	for (size_t i = 0; n && i + n <= tv->t[k].len; i++)
		if (!memcmp(name + i, op, n))
			return true;
	return false;
}

/*
 * No call, hence no barrier and no callee's, in tokens [from, to); but the
 * call that an smp_mb__after_X() barrier completes belongs with it
 * ("vcpu->mode = IN_GUEST_MODE; kvm_vcpu_srcu_read_unlock(vcpu);
 * smp_mb__after_srcu_read_unlock();" in the riscv run loop).
 */
static bool no_call_between(const struct token_view *tv, size_t from, size_t to,
			    const char *barrier)
{
	const char *op = completed_operation(barrier);

	for (size_t k = from; k < to; k++)
		if (tok_is_call(tv, k) && !is_keyword_call(tv, k) && !calls_operation(tv, k, op))
			return false;
	return true;
}

/*
 * Up to two statements above: a block that names the barrier ("This
 * smp_rmb() pairs with..."), or a pairing comment with nothing but plain
 * statements between it and the barrier ("Pairs with the smp_wmb() in
 * kvm_mmu_invalidate_end()" above "mmu_seq = kvm->mmu_invalidate_seq;").
 */
static void offer_nearby(struct site *s, const struct file_facts *f,
			 const struct token_view *tv, size_t start)
{
	size_t j = start;

	for (int back = 0; back < 2 && j > 1; back++) {
		struct group g;
		char *text;
		bool ok;

		j = stmt_start(tv, j - 1);
		if (!group_above(tv, j, &g))
			continue;
		text = group_text(f, tv, &g);
		ok = has_word(text, s->barrier) || no_call_between(tv, j, start, s->barrier);
		free(text);
		if (ok && offer(s, f, tv, &g, RULE_NEARBY, false))
			return;
	}
}

/*
 * The block below the statement (on the next line, or after one blank line
 * or a trailing comment), when it names the barrier ("the smp_wmb above")
 * or points up at it ("The memory barrier above pairs with ..." under
 * the smp_mb() of ww_mutex.h whose trailing comment says "See comments
 * above and below.").
 */
static void offer_below(struct site *s, const struct file_facts *f,
			const struct token_view *tv, size_t end)
{
	static const char *const up[] = { "barrier above", NULL };
	unsigned line = tv->t[end].end.line;
	size_t k = end + 1;
	struct group g;
	char *text;
	bool named;

	if (k < tv->n && tv->t[k].kind == TOK_COMMENT && tv->t[k].start.line == line) {
		line = tv->t[k].end.line;	/* the statement's trailing comment */
		k++;
	}
	if (k >= tv->n || tv->t[k].kind != TOK_COMMENT || tv->t[k].start.line <= line ||
	    tv->t[k].start.line > line + 2)
		return;
	g = group_from(tv, k);
	text = group_text(f, tv, &g);
	named = has_word(text, s->barrier) || str_has_any_ci(text, up);
	free(text);
	if (named)
		offer(s, f, tv, &g, RULE_BELOW, false);
}

static void attach_site(struct site *s, struct file_facts *f, const struct token_view *tv)
{
	size_t i = tok_find(tv, s->at);
	size_t start = stmt_start(tv, i), end = stmt_end(tv, i);
	struct group g;

	s->stmt = tv->t[start].start;
	if (group_above(tv, start, &g) && offer(s, f, tv, &g, RULE_ABOVE, true))
		return;
	if (group_trailing(tv, end, &g) && offer(s, f, tv, &g, RULE_TRAILING, true))
		return;
	if (group_inside(tv, start, end, &g) && offer(s, f, tv, &g, RULE_INSIDE, true))
		return;
	offer_nearby(s, f, tv, start);
	if (s->pairing.kind == PAIRING_NONE)
		offer_below(s, f, tv, end);
}

/* ---- implicit sites: pairing comments on calls ----------------------- */

/* Which of f->comments belong to a site already: one pass over the sites. */
static bool *comments_taken(const struct file_facts *f)
{
	bool *taken = xcalloc(f->comments.n, sizeof(*taken));

	for (size_t i = 0; i < f->sites.n; i++)
		for (int k = f->sites.v[i].comment; k >= 0 && k <= f->sites.v[i].comment_last; k++)
			taken[k] = true;
	return taken;
}

/* A call an implicit site can stand on: not a keyword, not a barrier (that is a site already). */
static bool is_plain_call(const struct token_view *tv, size_t k)
{
	char name[64];

	if (!tok_is_call(tv, k) || is_keyword_call(tv, k) || tv->t[k].directive)
		return false;
	if (tv->t[k].len >= sizeof(name))
		return true;
	memcpy(name, tv->buf + tv->t[k].off, tv->t[k].len);
	name[tv->t[k].len] = '\0';
	return !barrier_lookup(name);
}

/* The first call in the statement starting at token @i, or tv->n. */
static size_t first_call(const struct token_view *tv, size_t i)
{
	size_t end = stmt_end(tv, i);

	for (size_t k = i; k <= end && k < tv->n; k++)
		if (is_plain_call(tv, k))
			return k;
	return tv->n;
}

/* Does the comment at token @i follow code on its own line? */
static bool trails_statement(const struct token_view *tv, size_t i)
{
	return i > 0 && tv->t[i - 1].kind != TOK_COMMENT &&
	       tv->t[i - 1].end.line == tv->t[i].start.line;
}

static void add_calls(struct site *s, const struct token_view *tv, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < tv->n; k++)
		if (is_plain_call(tv, k))
			vec_push(&s->stmt_calls, ((struct call){ tok_dup(tv, k), tv->t[k].start }));
}

/* The first token of the @count statements before token @i. */
static size_t statements_above(const struct token_view *tv, size_t i, int count)
{
	size_t j = i;

	for (int back = 0; back < count && j > 1; back++) {
		if (tok_is(tv, j - 1, "{"))
			break;	/* the start of the block: nothing above */
		j = stmt_start(tv, j - 1);
	}
	return j;
}

static void add_implicit_site(struct file_facts *f, const struct token_view *tv,
			      size_t call, const struct group *g)
{
	struct site s = { 0 };
	char *name = tok_dup(tv, call);

	s.file = f;
	s.at = tv->t[call].start;
	s.end_col = tv->t[call].end.col;
	s.function = file_function_at(f, s.at);
	s.barrier = name;
	s.kind = implies_full_barrier(name) ? KIND_IMPLIED : KIND_CALL;
	s.implicit = true;
	s.comment = s.comment_last = -1;
	s.stmt = tv->t[stmt_start(tv, call)].start;
	/*
	 * The resolver picks the call that supplies the barrier: one of the
	 * statement below, or of the two above when the comment speaks of
	 * them ("The implied barrier in pi_test_and_set_on() pairs with...").
	 */
	add_calls(&s, tv, call, stmt_end(tv, call) + 1);
	add_calls(&s, tv, statements_above(tv, g->first, 2), g->first);
	if (!offer(&s, f, tv, g, RULE_ABOVE, false))
		BUG("pairing comment lost its pairing");
	vec_push(&f->sites, s);
}

/*
 * "Pairs with READ_ONCE() in __dev_queue_xmit()" above a WRITE_ONCE():
 * every reference names a marked access, so the comment pairs accesses
 * for the data race, not barriers.
 */
static bool pairs_marked_accesses(const struct pairing *parsed)
{
	for (size_t k = 0; k < parsed->nrefs; k++) {
		const struct ref *r = &parsed->refs[k];

		if (r->barrier || r->implicit || !grammar_is_marked_access(r->context))
			return false;
	}
	return parsed->nrefs > 0;
}

/*
 * Does a comment that belongs to no barrier make the call it sits on a
 * site?  When it names a partner ("pairs with"), says there is none, or
 * speaks of pairing and of a barrier without naming a function ("The
 * other side is the barrier in vcpu run" on rcuwait_wake_up()).  "See F()"
 * alone on a call points elsewhere, and a comment that pairs marked
 * accesses pairs no barrier: no site.
 */
static bool speaks_for_a_call(const struct pairing *parsed, const char *text)
{
	switch (parsed->kind) {
	case PAIRING_REFS:
		return !parsed->weak && !pairs_marked_accesses(parsed);
	case PAIRING_NO_PARTNER:
		return true;
	case PAIRING_VAGUE:
		return grammar_names_barrier(text);
	default:
		return false;
	}
}

/* A call in the two statements from token @i that @text names, or tv->n. */
static size_t named_call_below(const struct token_view *tv, size_t i, const char *text)
{
	for (int n = 0; n < 2 && i < tv->n; n++) {
		size_t end = stmt_end(tv, i);

		if (tv->t[i].kind == TOK_COMMENT || tok_is(tv, i, "}"))
			break;
		for (size_t k = i; k <= end && k < tv->n; k++) {
			char *name;
			bool named;

			if (!is_plain_call(tv, k))
				continue;
			name = tok_dup(tv, k);
			named = has_word(text, name);
			free(name);
			if (named)
				return k;
		}
		i = end + 1;
	}
	return tv->n;
}

/*
 * The call a comment above code sits on: the first of the statement just
 * below, else one the comment names in the two statements below, across
 * a blank line ("Rely on mmap_read_unlock() for an implicit smp_rmb()"
 * above "mmu_seq = ...; mmap_read_unlock(current->mm);").  tv->n if none.
 */
static size_t call_below(const struct token_view *tv, const struct group *g, const char *text)
{
	size_t i = g->last + 1;
	size_t call = tv->t[g->last].end.line + 1 >= tv->t[i].start.line ? first_call(tv, i) : tv->n;

	return call < tv->n ? call : named_call_below(tv, i, text);
}

static void find_implicit_sites(struct file_facts *f, const struct token_view *tv)
{
	bool *taken = comments_taken(f);

	for (size_t k = 0; k < tv->n; k++) {
		struct group g;
		struct pairing parsed;
		char *text;
		size_t call;
		bool pairs;

		if (tv->t[k].kind != TOK_COMMENT || tv->t[k].directive)
			continue;
		g = group_from(tv, k);
		k = g.last;
		if (g.last + 1 >= tv->n || file_function_at(f, tv->t[g.first].start) < 0)
			continue;
		if (taken[comment_index(f, &tv->t[g.first])])
			continue;
		text = group_text(f, tv, &g);
		if (!grammar_mentions_pairing(text)) {
			free(text);
			continue;
		}
		grammar_parse(text, &parsed);
		pairs = speaks_for_a_call(&parsed, text);
		pairing_release(&parsed);
		if (!pairs) {
			free(text);
			continue;
		}
		if (trails_statement(tv, g.first))	/* "foo();	/" "* pairs with ... *" "/" */
			call = first_call(tv, stmt_start(tv, g.first - 1));
		else
			call = call_below(tv, &g, text);
		free(text);
		if (call < tv->n)
			add_implicit_site(f, tv, call, &g);
	}
	free(taken);
}

static int site_cmp(const void *a, const void *b)
{
	return pos_cmp(((const struct site *)a)->at, ((const struct site *)b)->at);
}

/*
 * Does a comment that belongs to no site speak of pairing?  Weak phrasings
 * alone ("see F()", "synchronizes with") do only when it names a barrier:
 * "Check for rejects ... (see comments in icp_rm_deliver_irq)" points at
 * F for something else than its barriers, as on a call (speaks_for_a_call()).
 */
static bool loose_speaks_of_pairing(const struct pairing *parsed, const char *text)
{
	if (parsed->kind == PAIRING_NONE)
		return false;
	return parsed->kind != PAIRING_REFS || !parsed->weak || grammar_names_barrier(text);
}

/*
 * The comments no site took that speak of pairing, read once here for
 * the stages that read every pairing comment (check-patch lists those
 * that name a barrier it removes): "Pairs with ..." above a struct field,
 * "the smp_wmb() of the writer: see F()" above a plain read.
 */
static void read_loose_comments(struct file_facts *f)
{
	bool *taken = xcalloc(f->comments.n + 1, sizeof(*taken));

	for (size_t i = 0; i < f->sites.n; i++) {
		const struct site *s = &f->sites.v[i];
		int last = s->comment_last < 0 ? s->comment : s->comment_last;

		for (int k = s->comment; k >= 0 && k <= last; k++)
			taken[k] = true;
	}
	for (size_t k = 0; k < f->comments.n; k++) {
		struct comment *cm = &f->comments.v[k];
		struct pairing parsed;

		if (taken[k] || !grammar_mentions_pairing(cm->text))
			continue;
		grammar_parse(cm->text, &parsed);
		if (!loose_speaks_of_pairing(&parsed, cm->text)) {
			pairing_release(&parsed);
			continue;
		}
		cm->pairing = xmalloc(sizeof(*cm->pairing));
		*cm->pairing = parsed;
	}
	free(taken);
}

void attach_comments(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < f->sites.n; i++)
		attach_site(&f->sites.v[i], f, tv);
	find_implicit_sites(f, tv);
	xqsort(f->sites.v, f->sites.n, sizeof(*f->sites.v), site_cmp);
	read_loose_comments(f);
}
