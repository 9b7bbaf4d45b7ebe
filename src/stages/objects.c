// SPDX-License-Identifier: GPL-2.0
/*
 * The memory objects around each barrier.
 *
 * Why tokens and not the AST's expressions: the scanner parses each file
 * alone (CXTranslationUnit_SingleFileParse), so kernel structs are
 * incomplete and macros such as READ_ONCE are unknown.  libclang 14 then
 * keeps `&kvm->online_vcpus` as a RecoveryExpr around the DeclRefExpr of
 * `kvm` with the member name gone, and drops whole statements that use an
 * undeclared identifier (`if (i >= num_vcpus) return NULL;` vanishes from
 * kvm_get_vcpu()).  The member names are exactly what pairs barriers, so we
 * read the function's tokens (the scanner's clang_tokenize() of the file,
 * over the function's extent) with a small access-path recogniser, and
 * take local declarations from the same tokens to normalise the paths'
 * bases.
 */
#include "objects.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A token of one function's extent, its spelling copied (objects.c's own view). */
struct fn_token {
	enum tok_kind kind;
	char *s;
	struct pos at;
};

struct local {
	const char *name;	/* points into a token */
	const char *tag;	/* struct tag, or NULL */
	bool pointer;
};

struct fn_tokens {
	struct fn_token *t;
	size_t n;
	VEC(struct local) locals;
	struct access_vec all;	/* every access in the function, in order */
};

static bool is_ident(const struct fn_tokens *ft, size_t i)
{
	return i < ft->n && ft->t[i].kind == TOK_IDENT;
}

static bool is_punct(const struct fn_tokens *ft, size_t i, const char *p)
{
	return i < ft->n && ft->t[i].kind == TOK_PUNCT &&
	       !strcmp(ft->t[i].s, p);
}

static bool is_keyword(const struct fn_tokens *ft, size_t i, const char *k)
{
	return i < ft->n && ft->t[i].kind == TOK_KEYWORD &&
	       (!k || !strcmp(ft->t[i].s, k));
}

/*
 * The tokens of one function, from the scanner's tokens of the file,
 * without comments and without preprocessor directives (an "#endif" inside
 * a body is not an access to "endif").
 */
static void function_tokens(const struct token_view *tv, const struct function *fn,
			    struct fn_tokens *ft)
{
	size_t from = tok_find(tv, fn->start), to = from;

	while (to < tv->n && pos_cmp(tv->t[to].start, fn->end) <= 0)
		to++;
	ft->t = xcalloc(to > from ? to - from : 1, sizeof(*ft->t));
	for (size_t i = from; i < to; i++) {
		const struct token *t = &tv->t[i];

		if (t->kind == TOK_COMMENT || t->directive)
			continue;
		ft->t[ft->n].kind = t->kind;
		ft->t[ft->n].s = tok_dup(tv, i);
		ft->t[ft->n].at = t->start;
		ft->n++;
	}
}

/* ---- local declarations ------------------------------------------------ */

static const struct local *find_local(const struct fn_tokens *ft, const char *name)
{
	for (size_t i = ft->locals.n; i-- > 0;)
		if (!strcmp(ft->locals.v[i].name, name))
			return &ft->locals.v[i];
	return NULL;
}

static bool ends_declarator(const struct fn_tokens *ft, size_t i)
{
	return is_punct(ft, i, ";") || is_punct(ft, i, "=") || is_punct(ft, i, ",") ||
	       is_punct(ft, i, "[") || is_punct(ft, i, ")");
}

static bool comma_declaration(const struct fn_tokens *ft, size_t comma, const char **tag);

/*
 * "struct kvm_vcpu *vcpu," / "u64 val;" / "int i = 0": a name that ends a
 * declarator, preceded by optional stars and a type word, or by a comma
 * of a declaration ("int r0, r1;").
 */
static void note_declaration(struct fn_tokens *ft, size_t i)
{
	struct local l = { ft->t[i].s, NULL, false };
	size_t j = i;

	if (!ends_declarator(ft, i + 1) || j == 0)
		return;
	while (j > 0 && is_punct(ft, j - 1, "*")) {
		l.pointer = true;
		j--;
	}
	/* annotations between type and stars: "struct x __user *p" */
	while (j > 1 && ((is_ident(ft, j - 1) && str_starts_with(ft->t[j - 1].s, "__") &&
			  is_ident(ft, j - 2)) || is_keyword(ft, j - 1, "const") ||
			 is_keyword(ft, j - 1, "volatile"))) {
		j--;
		while (j > 0 && is_punct(ft, j - 1, "*"))
			j--;
	}
	if (j == 0)
		return;
	j--;
	if (is_punct(ft, j, ",")) {
		if (comma_declaration(ft, j, &l.tag))
			goto declared;
		return;
	}
	if (is_keyword(ft, j, NULL) && strcmp(ft->t[j].s, "return") &&
	    strcmp(ft->t[j].s, "sizeof") && strcmp(ft->t[j].s, "case"))
		goto declared;
	if (!is_ident(ft, j))
		return;
	/* "a * b;" is a product, not a declaration: need a type before it. */
	if (l.pointer && j > 0 && !is_keyword(ft, j - 1, NULL) &&
	    !is_punct(ft, j - 1, "(") && !is_punct(ft, j - 1, ",") &&
	    !is_punct(ft, j - 1, ";") && !is_punct(ft, j - 1, "{") &&
	    !is_punct(ft, j - 1, "}"))
		return;
	if (j > 0 && (is_keyword(ft, j - 1, "struct") || is_keyword(ft, j - 1, "union")))
		l.tag = ft->t[j].s;
declared:
	vec_push(&ft->locals, l);
}

/* ---- access paths ------------------------------------------------------ */

/* Calls whose arguments are accessed in a known way. */
enum effect { EFFECT_NONE, EFFECT_READ, EFFECT_WRITE, EFFECT_LOCK };

/* Is one of the "_"-separated parts of @name one of @words ("set" in "atomic_set")? */
static bool name_has_part(const char *name, const char *const *words)
{
	char buf[128];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", name);
	for (char *w = strtok_r(buf, "_", &save); w; w = strtok_r(NULL, "_", &save))
		for (size_t i = 0; words[i]; i++)
			if (!strcmp(w, words[i]))
				return true;
	return false;
}

/*
 * What a call does to an argument whose address (or lvalue, for the
 * kernel's macros) it is given.  The names cover READ_ONCE/WRITE_ONCE,
 * atomic_*, bitops, xa_*, per-cpu accessors; other callees go by the verb in
 * their name, which is how kernel helpers are named (kvm_set_*, *_store).
 */
static enum effect call_effect(const char *callee)
{
	static const char *const reads[] = {
		"read", "READ", "test", "load", "get", "is", "check", "peek",
		"acquire", "pending", NULL,
	};
	static const char *const writes[] = {
		"write", "WRITE", "set", "store", "clear", "inc", "dec", "add",
		"sub", "or", "and", "xor", "andnot", "change", "xchg", "cmpxchg",
		"insert", "erase", "push", "pop", "mark", "update", "reset",
		"release", "assign", "mb", "del", "make", NULL,
	};

	static const char *const locks[] = {
		"lock", "unlock", "trylock", "irqsave", "irqrestore", NULL,
	};

	/* a lock is not data: its ordering is the lock's, not a barrier's */
	if (name_has_part(callee, locks))
		return EFFECT_LOCK;
	if (!strcmp(callee, "test_bit") || str_starts_with(callee, "atomic_read") ||
	    str_starts_with(callee, "atomic64_read") ||
	    str_starts_with(callee, "atomic_long_read"))
		return EFFECT_READ;
	if (name_has_part(callee, writes))
		return EFFECT_WRITE;
	if (name_has_part(callee, reads))
		return EFFECT_READ;
	return EFFECT_NONE;
}

/*
 * A write that reads too: atomic_inc(), set_bit(), test_and_clear_bit(),
 * xchg().  WRITE_ONCE(), atomic_set() and smp_store_release() only store.
 */
static bool is_update(const char *callee)
{
	static const char *const updates[] = {
		"inc", "dec", "add", "sub", "or", "and", "xor", "andnot", "change",
		"xchg", "cmpxchg", "bit", "test", NULL,
	};

	return name_has_part(callee, updates);
}

/* set_bit(nr, addr), test_and_clear_bit(), clear_bit_unlock(): the bitmap is the second argument. */
static bool is_bitop(const char *callee)
{
	return str_ends_with(callee, "_bit") || strstr(callee, "_bit_");
}

/* Which argument (0 for the first) of the call opening at @open token @i is in. */
static unsigned argument_index(const struct fn_tokens *ft, size_t open, size_t i)
{
	unsigned arg = 0;
	int depth = 0;

	for (size_t k = open + 1; k < i; k++) {
		if (is_punct(ft, k, "(") || is_punct(ft, k, "[") || is_punct(ft, k, "{"))
			depth++;
		else if (is_punct(ft, k, ")") || is_punct(ft, k, "]") || is_punct(ft, k, "}"))
			depth--;
		else if (depth == 0 && is_punct(ft, k, ","))
			arg++;
	}
	return arg;
}

static bool is_type_name(const char *s)
{
	static const char *const types[] = {
		"u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "bool",
		"__u8", "__u16", "__u32", "__u64", "gfn_t", "gpa_t", "hva_t",
		"true", "false", "NULL", "current", "this_cpu", "fallthrough",
		"likely", "unlikely", NULL,
	};

	for (size_t i = 0; types[i]; i++)
		if (!strcmp(s, types[i]))
			return true;
	return str_ends_with(s, "_t");
}

/*
 * Is the comma at @comma one of a declaration's ("int r0, r1;",
 * "struct kvm_vcpu *v, *w;")?  Its statement must start with a type: a
 * type keyword, a known type name, or a name followed by a name.  Commas
 * of calls, initialisers and comma expressions are not.  *tag is set to
 * the struct tag when there is one.
 */
static bool comma_declaration(const struct fn_tokens *ft, size_t comma, const char **tag)
{
	static const char *const type_words[] = {
		"int", "char", "short", "long", "unsigned", "signed", "float", "double",
		"void", "const", "volatile", "static", "register", "_Bool", "struct",
		"union", "enum", NULL,
	};
	int depth = 0;
	size_t k = comma, start = 0;

	while (k-- > 0) {
		if (is_punct(ft, k, ")") || is_punct(ft, k, "]") || is_punct(ft, k, "}")) {
			depth++;
		} else if (is_punct(ft, k, "(") || is_punct(ft, k, "[")) {
			if (depth-- == 0)
				return false;	/* an argument or a subscript */
		} else if (is_punct(ft, k, "{")) {
			if (depth-- == 0) {
				start = k + 1;
				break;
			}
		} else if (depth == 0 && is_punct(ft, k, ";")) {
			start = k + 1;
			break;
		}
	}
	if (start >= comma)
		return false;
	if (ft->t[start].kind == TOK_KEYWORD) {
		for (size_t w = 0; type_words[w]; w++) {
			if (strcmp(ft->t[start].s, type_words[w]))
				continue;
			if ((!strcmp(type_words[w], "struct") || !strcmp(type_words[w], "union")) &&
			    is_ident(ft, start + 1))
				*tag = ft->t[start + 1].s;
			return true;
		}
		return false;
	}
	return is_ident(ft, start) && (is_type_name(ft->t[start].s) || is_ident(ft, start + 1));
}

static bool all_upper(const char *s)
{
	for (; *s; s++)
		if (islower((unsigned char)*s))
			return false;
	return true;
}

/* Index just past the bracket group opening at @i, or ft->n. */
static size_t skip_group(const struct fn_tokens *ft, size_t i)
{
	const char *open = ft->t[i].s;
	const char *close = !strcmp(open, "(") ? ")" : !strcmp(open, "[") ? "]" : "}";
	int depth = 0;

	for (; i < ft->n; i++) {
		if (is_punct(ft, i, open))
			depth++;
		else if (is_punct(ft, i, close) && --depth == 0)
			return i + 1;
	}
	return ft->n;
}

/* The open call around token @i: callee name or NULL, and where it starts. */
static const char *enclosing_call(const struct fn_tokens *ft, size_t i, size_t *open)
{
	int depth = 0;

	for (size_t j = i; j-- > 0;) {
		if (is_punct(ft, j, ")") || is_punct(ft, j, "]"))
			depth++;
		else if (is_punct(ft, j, "(") || is_punct(ft, j, "[")) {
			if (depth-- > 0)
				continue;
			if (!is_punct(ft, j, "(") || !is_ident(ft, j - 1) || j == 0)
				return NULL;
			*open = j;
			return ft->t[j - 1].s;
		} else if (depth == 0 && (is_punct(ft, j, ";") || is_punct(ft, j, "{") ||
					  is_punct(ft, j, "}"))) {
			return NULL;
		}
	}
	return NULL;
}

static bool is_assignment(const struct fn_tokens *ft, size_t i)
{
	static const char *const ops[] = {
		"=", "+=", "-=", "|=", "&=", "^=", "<<=", ">>=", "*=", "/=",
		"++", "--", NULL,
	};

	for (size_t k = 0; ops[k]; k++)
		if (is_punct(ft, i, ops[k]))
			return true;
	return false;
}

/*
 * Read the path starting at @i (an identifier, or a call whose result is
 * dereferenced); returns the index after it, and the spelled path in @sb
 * with its base normalised.  @fields is set to the number of -> and .
 */
static size_t read_path(const struct fn_tokens *ft, size_t i, struct strbuf *sb,
			int *fields, bool *local_value)
{
	const struct local *l = NULL;
	size_t j = i + 1;

	*fields = 0;
	*local_value = false;
	if (is_punct(ft, j, "(")) {
		/* to_vmx(vcpu)->pi_desc: keep the helper, drop its arguments */
		j = skip_group(ft, j);
		sb_addf(sb, "%s()", ft->t[i].s);
	} else {
		l = find_local(ft, ft->t[i].s);
		if (l && l->tag && l->pointer)
			sb_adds(sb, l->tag);
		else
			sb_adds(sb, ft->t[i].s);
		if (l && !l->pointer && is_punct(ft, j, "."))
			*local_value = true;
	}
	while (j < ft->n) {
		/* vcpu->kvm->x is kvm->x: the back-pointer every vcpu has */
		if (!strcmp(sb_str(sb), "kvm_vcpu") && is_punct(ft, j, "->") &&
		    is_ident(ft, j + 1) && !strcmp(ft->t[j + 1].s, "kvm") &&
		    is_punct(ft, j + 2, "->")) {
			sb_reset(sb);
			sb_adds(sb, "kvm");
			j += 2;
			continue;
		}
		if ((is_punct(ft, j, "->") || is_punct(ft, j, ".")) && is_ident(ft, j + 1)) {
			sb_addf(sb, "%s%s", ft->t[j].s, ft->t[j + 1].s);
			(*fields)++;
			j += 2;
		} else if (is_punct(ft, j, "[")) {
			sb_adds(sb, "[]");
			j = skip_group(ft, j);
		} else {
			break;
		}
	}
	return j;
}

static void add_access(struct fn_tokens *ft, char *object, bool write, struct pos at)
{
	struct access a = { object, write, at, false };

	vec_push(&ft->all, a);
}

/* kvm_make_request(req, vcpu) writes vcpu->requests, and friends. */
static bool note_request(struct fn_tokens *ft, size_t i)
{
	const char *c = ft->t[i].s;
	bool write;
	size_t end, arg;
	const struct local *l;

	if (!strcmp(c, "kvm_make_request") || !strcmp(c, "__kvm_make_request") ||
	    !strcmp(c, "kvm_clear_request") || !strcmp(c, "kvm_check_request"))
		write = true;
	else if (!strcmp(c, "kvm_test_request") || !strcmp(c, "kvm_request_pending"))
		write = false;
	else if (!strcmp(c, "kvm_make_all_cpus_request")) {
		add_access(ft, xstrdup("kvm_vcpu->requests"), true, ft->t[i].at);
		vec_last(&ft->all)->rmw = true;
		return true;
	} else
		return false;
	if (!is_punct(ft, i + 1, "("))
		return false;
	end = skip_group(ft, i + 1);
	/* the vcpu is the last argument */
	arg = end - 2;
	if (!is_ident(ft, arg))
		return false;
	l = find_local(ft, ft->t[arg].s);
	add_access(ft, xasprintf("%s->requests", l && l->tag ? l->tag : ft->t[arg].s),
		   write, ft->t[i].at);
	vec_last(&ft->all)->rmw = write;	/* set_bit(), test_and_clear_bit() */
	return true;
}

/*
 * Is the identifier at @i a use of a global (or per-cpu) variable?  Locals,
 * calls, types, constants and labels are not.
 */
static bool is_global_use(const struct fn_tokens *ft, size_t i)
{
	const char *s = ft->t[i].s;

	if (find_local(ft, s) || is_type_name(s) || all_upper(s) ||
	    str_starts_with(s, "__"))
		return false;
	/* kvm_x86_call(run)(vcpu), static_call(f)(...): a function name */
	if (is_punct(ft, i + 1, ")") && is_punct(ft, i + 2, "("))
		return false;
	if (is_punct(ft, i + 1, "(") || is_ident(ft, i + 1) || is_punct(ft, i + 1, ":") ||
	    (is_punct(ft, i + 1, "*") && is_ident(ft, i + 2) && is_punct(ft, i + 3, ";")))
		return false;
	if (i > 0 && (is_keyword(ft, i - 1, "struct") || is_keyword(ft, i - 1, "union") ||
		      is_keyword(ft, i - 1, "enum") || is_keyword(ft, i - 1, "goto")))
		return false;
	return true;
}

static void scan_accesses(struct fn_tokens *ft)
{
	size_t body = 0;

	/* Parameters are declarations too; the body starts at the first "{". */
	while (body < ft->n && !is_punct(ft, body, "{"))
		body++;
	for (size_t i = 0; i < ft->n; i++) {
		struct strbuf sb = STRBUF_INIT;
		int fields;
		bool local_value, write = false, rmw = false;
		size_t next, open;
		const char *callee;
		enum effect e = EFFECT_NONE;

		if (!is_ident(ft, i))
			continue;
		note_declaration(ft, i);
		if (i < body)
			continue;
		if (i > 0 && (is_punct(ft, i - 1, "->") || is_punct(ft, i - 1, ".")))
			continue;
		if (is_punct(ft, i + 1, "(") && note_request(ft, i))
			continue;
		if (is_punct(ft, i + 1, "(")) {
			size_t after = skip_group(ft, i + 1);

			/* only a call whose result is dereferenced starts a path */
			if (!is_punct(ft, after, "->"))
				continue;
		} else if (!is_punct(ft, i + 1, "->") && !is_punct(ft, i + 1, ".") &&
			   !is_punct(ft, i + 1, "[") && !is_global_use(ft, i)) {
			continue;
		}
		if (ends_declarator(ft, i + 1) && find_local(ft, ft->t[i].s) &&
		    i > 0 && (is_ident(ft, i - 1) || is_punct(ft, i - 1, "*")))
			continue;	/* the declaration itself */
		next = read_path(ft, i, &sb, &fields, &local_value);
		if (local_value || (!fields && find_local(ft, ft->t[i].s))) {
			sb_release(&sb);
			i = next - 1;
			continue;
		}
		if (is_assignment(ft, next) && !is_punct(ft, next, "==")) {
			write = true;
			rmw = !is_punct(ft, next, "=");	/* +=, |=, ++ read too */
		} else if (i > 0 && (is_punct(ft, i - 1, "++") || is_punct(ft, i - 1, "--"))) {
			write = rmw = true;
		}
		callee = enclosing_call(ft, i, &open);
		if (!write && callee)
			e = call_effect(callee);
		if (e == EFFECT_LOCK) {
			sb_release(&sb);
			i = next - 1;
			continue;
		}
		if (e == EFFECT_WRITE && is_bitop(callee)) {
			/* the bit number is read; the bitmap, however it is spelled, written */
			bool direct = argument_index(ft, open, i) == 1;

			write = direct;
			rmw = direct && is_update(callee);
		} else if (e == EFFECT_WRITE) {
			/* only the object handed to the call, not e.g. the value */
			bool direct = (is_punct(ft, i - 1, "&") && i - 1 == open + 1) ||
				      i == open + 1 ||
				      (is_punct(ft, i - 1, "&") &&
				       (is_punct(ft, i - 2, ",") || is_punct(ft, i - 2, ")")));
			write = direct;
			rmw = direct && is_update(callee);
		}
		add_access(ft, sb_detach(&sb), write, ft->t[i].at);
		vec_last(&ft->all)->rmw = rmw;
		i = next - 1;
	}
}

/* ---- windows around each barrier --------------------------------------- */

static bool has_access(const struct access_vec *side, const struct access *a)
{
	for (size_t i = 0; i < side->n; i++)
		if (side->v[i].write == a->write && !strcmp(side->v[i].object, a->object))
			return true;
	return false;
}

/* Add a copy of @a to a side of a barrier, unless it is full or has it already. */
static void add_to_side(struct access_vec *side, const struct access *a)
{
	if (side->n < OBJECTS_PER_SIDE && !has_access(side, a))
		vec_push(side, ((struct access){ xstrdup(a->object), a->write, a->at, a->rmw }));
}

/*
 * The first token after the barrier's statement-level call, so that
 * smp_store_release(&x, v)'s own arguments are neither before nor after.
 */
static struct pos barrier_end(const struct fn_tokens *ft, const struct site *s)
{
	size_t lo = 0, hi = ft->n, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (pos_cmp(ft->t[mid].at, s->at) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lo;
	if (i >= ft->n || pos_cmp(ft->t[i].at, s->at))
		return s->at;
	i = is_punct(ft, i + 1, "(") ? skip_group(ft, i + 1) : i + 1;
	if (i >= ft->n)
		return (struct pos){ ~0u, ~0u };
	return ft->t[i].at;
}

/* Index of the first access at or after @at. */
static size_t access_at(const struct access_vec *all, struct pos at)
{
	size_t lo = 0, hi = all->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (pos_cmp(all->v[mid].at, at) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * How far from the barrier accesses are looked at, on each side, to find
 * OBJECTS_PER_SIDE distinct ones: a bound, so that a function of
 * thousands of barriers around the same few objects is read in linear
 * time.  Far beyond what any real function needs.
 */
#define ACCESS_WINDOW (32 * OBJECTS_PER_SIDE)

static void fill_site(const struct fn_tokens *ft, const struct access_vec *all,
		      struct site *s)
{
	size_t at = access_at(all, s->at), end = access_at(all, barrier_end(ft, s));

	/*
	 * The barrier's own argument is an ordered access: a release's store
	 * comes after what it orders, an acquire's load (or smp_store_mb's
	 * store, or an atomic's RMW) before.
	 */
	for (size_t k = at; k < end && k - at < ACCESS_WINDOW; k++) {
		if (s->kind == KIND_RELEASE)
			add_to_side(&s->after, &all->v[k]);
		else
			add_to_side(&s->before, &all->v[k]);
	}
	for (size_t k = at; k-- > 0 && at - k <= ACCESS_WINDOW && s->before.n < OBJECTS_PER_SIDE;)
		add_to_side(&s->before, &all->v[k]);
	for (size_t k = end; k < all->n && k - end < ACCESS_WINDOW && s->after.n < OBJECTS_PER_SIDE; k++)
		add_to_side(&s->after, &all->v[k]);
}

static void fn_tokens_release(struct fn_tokens *ft)
{
	for (size_t i = 0; i < ft->n; i++)
		free(ft->t[i].s);
	free(ft->t);
	for (size_t i = 0; i < ft->all.n; i++)
		free(ft->all.v[i].object);
	free(ft->all.v);
	free(ft->locals.v);
}

/* Functions of @f, read and scanned for accesses on first use. */
struct fn_cache {
	const struct token_view *tv;
	struct file_facts *f;
	struct fn_tokens **ft;	/* one per f->functions, NULL until used */
	size_t *by_name;	/* indices of f->functions, sorted by name */
};

static struct fn_tokens *cached(struct fn_cache *c, size_t fn)
{
	if (!c->ft[fn]) {
		c->ft[fn] = xcalloc(1, sizeof(**c->ft));
		function_tokens(c->tv, &c->f->functions.v[fn], c->ft[fn]);
		scan_accesses(c->ft[fn]);
	}
	return c->ft[fn];
}

static int name_cmp(const void *a, const void *b, void *file)
{
	const struct file_facts *f = file;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int d = strcmp(f->functions.v[x].name, f->functions.v[y].name);

	return d ? d : (x > y) - (x < y);
}

static void index_names(struct fn_cache *c)
{
	size_t n = c->f->functions.n;

	c->by_name = xcalloc(n, sizeof(*c->by_name));
	for (size_t i = 0; i < n; i++)
		c->by_name[i] = i;
	if (n > 1)
		qsort_r(c->by_name, n, sizeof(*c->by_name), name_cmp, c->f);
}

/* The one definition of @name in this file that is not @self, or -1. */
static int local_function(const struct fn_cache *c, const char *name, size_t self)
{
	const struct file_facts *f = c->f;
	size_t lo = 0, hi = f->functions.n;
	int found = -1;

	while (lo < hi) {	/* the first definition of @name */
		size_t mid = (lo + hi) / 2;

		if (strcmp(f->functions.v[c->by_name[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < f->functions.n && !strcmp(f->functions.v[c->by_name[lo]].name, name); lo++) {
		if (c->by_name[lo] == self)
			continue;
		if (found >= 0)
			return -1;	/* two definitions (#ifdef): which one is unknown */
		found = (int)c->by_name[lo];
	}
	return found;
}

static int access_pos_cmp(const void *a, const void *b)
{
	return pos_cmp(((const struct access *)a)->at, ((const struct access *)b)->at);
}

/*
 * The barrier's data is often touched by a helper of the same file
 * (svm_deliver_interrupt() -> svm_complete_interrupt_delivery() reads
 * vcpu->mode): a call to a function defined in this file stands for the
 * first accesses of its body, placed at the call.  One level deep.  The
 * list borrows its strings from the cache.
 */
#define CALLEE_ACCESSES 4

static void accesses_with_callees(struct fn_cache *c, size_t fn, struct access_vec *out)
{
	const struct function *self = &c->f->functions.v[fn];
	const struct fn_tokens *own = cached(c, fn);

	for (size_t k = 0; k < own->all.n; k++)
		vec_push(out, own->all.v[k]);
	for (size_t i = 0; i < self->calls.n; i++) {
		int g = local_function(c, self->calls.v[i].callee, fn);
		const struct fn_tokens *callee;

		if (g < 0)
			continue;
		callee = cached(c, (size_t)g);
		for (size_t k = 0; k < callee->all.n && k < CALLEE_ACCESSES; k++)
			vec_push(out, ((struct access){ callee->all.v[k].object,
						       callee->all.v[k].write,
						       self->calls.v[i].at,
						       callee->all.v[k].rmw }));
	}
	if (out->n > own->all.n)
		xqsort(out->v, out->n, sizeof(*out->v), access_pos_cmp);
}

void objects_collect(const struct token_view *tv, struct file_facts *f)
{
	struct fn_cache c = { tv, f, NULL, NULL };
	size_t nfn = f->functions.n;
	/* the sites of each function, in f->sites' order: a counting sort */
	size_t *first = xcalloc(nfn + 2, sizeof(*first));
	size_t *order = xcalloc(f->sites.n, sizeof(*order));

	for (size_t i = 0; i < f->sites.n; i++)
		if (f->sites.v[i].function >= 0)
			first[f->sites.v[i].function + 2]++;
	for (size_t fn = 1; fn <= nfn; fn++)
		first[fn + 1] += first[fn];
	/* first[fn + 1] is where fn's sites start; filling moves it to where they end */
	for (size_t i = 0; i < f->sites.n; i++)
		if (f->sites.v[i].function >= 0)
			order[first[f->sites.v[i].function + 1]++] = i;
	c.ft = xcalloc(nfn, sizeof(*c.ft));
	index_names(&c);
	for (size_t fn = 0; fn < nfn; fn++) {
		struct access_vec all = { 0 };

		if (first[fn] == first[fn + 1])
			continue;
		accesses_with_callees(&c, fn, &all);
		for (size_t k = first[fn]; k < first[fn + 1]; k++)
			fill_site(c.ft[fn], &all, &f->sites.v[order[k]]);
		free(all.v);
	}
	for (size_t fn = 0; fn < nfn; fn++) {
		if (c.ft[fn])
			fn_tokens_release(c.ft[fn]);
		free(c.ft[fn]);
	}
	free(c.ft);
	free(c.by_name);
	free(first);
	free(order);
}

