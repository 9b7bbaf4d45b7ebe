// SPDX-License-Identifier: GPL-2.0
/*
 * scan.c: libclang -> facts and tokens, one file at a time (the driver,
 * pipeline.c, runs it in parallel threads).
 *
 * Each file is parsed on its own (CXTranslationUnit_SingleFileParse), so a
 * tree that was never configured or built can be scanned, and every #if
 * branch whose condition cannot be evaluated is taken.  The AST gives the
 * function definitions, their extents and their calls; clang_tokenize()
 * gives every identifier and comment even where the parse failed, so no
 * barrier is lost to an unknown macro or inline asm.
 *
 * libclang is thread-safe per translation unit: one CXIndex per scanner
 * (per thread), no shared mutable state.
 */
#include "scan.h"

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * No stand-ins for the kernel's types and attributes: defining u64, bool,
 * __always_inline... made the parse 40% slower (full semantic analysis of
 * bodies that otherwise fail fast) and changed no finding on the real tree,
 * because barriers, comments, calls and lost functions come from the tokens.
 */
static const char *const parse_args[] = {
	"-x", "c", "-std=gnu11", "-ferror-limit=0", "-w", "-D__KERNEL__",
	/*
	 * A single-file parse enters no #include, but still looks each one
	 * up in every system folder: 20 failed stat()s an #include, a tenth
	 * of the whole tree's scan.  The kernel's headers are none of them.
	 */
	"-nostdinc", "-nobuiltininc",
};

/*
 * The detailed record gives the skipped #if blocks: "#if 0", or another
 * configuration's code in exact mode.  Function bodies are skipped when a
 * file is parsed alone: without its headers every call in a body is to an
 * implicitly declared function, so the AST knows no more about calls than
 * the tokens do, and skipping them halves the parse (0.77 s against 1.29 s
 * for the KVM scope on one core) with not one finding changed on the real
 * tree.  The AST still gives each definition and its extent.  Exact mode,
 * with the real headers, parses the bodies.
 */
static const unsigned parse_flags =
	CXTranslationUnit_SingleFileParse | CXTranslationUnit_KeepGoing |
	CXTranslationUnit_Incomplete | CXTranslationUnit_DetailedPreprocessingRecord |
	CXTranslationUnit_SkipFunctionBodies;

/*
 * A file as libclang parsed it: its unit, the file in it, and where the
 * file's own text starts in what was parsed (after the tag declarations
 * of parse_alone(), a line of its own, when there are any).
 */
struct parsed {
	CXTranslationUnit tu;
	CXFile file;
	unsigned skip;		/* bytes before the file's text */
	unsigned skip_lines;	/* lines before it: 0 or 1 */
};

/* ---- tokens ---------------------------------------------------------- */

static struct pos pos_of(const struct parsed *u, CXSourceLocation loc)
{
	unsigned line, col;

	clang_getFileLocation(loc, NULL, &line, &col, NULL);
	return (struct pos){ line > u->skip_lines ? line - u->skip_lines : 1, col };
}

static enum tok_kind tok_kind_of(CXTokenKind k)
{
	switch (k) {
	case CXToken_Punctuation: return TOK_PUNCT;
	case CXToken_Keyword: return TOK_KEYWORD;
	case CXToken_Identifier: return TOK_IDENT;
	case CXToken_Literal: return TOK_LITERAL;
	case CXToken_Comment: return TOK_COMMENT;
	}
	return TOK_PUNCT;
}

/* Does the line holding buffer offset @off end with a backslash? */
static bool line_continues(const char *buf, size_t len, unsigned off)
{
	const char *nl = memchr(buf + off, '\n', len - off);
	size_t end = nl ? (size_t)(nl - buf) : len;

	while (end > off && (buf[end - 1] == '\r' || buf[end - 1] == ' ' ||
			     buf[end - 1] == '\t'))
		end--;
	return end > off && buf[end - 1] == '\\';
}

/* Mark the tokens of "#..." lines, following backslash continuations. */
static void mark_directives(struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		unsigned line;

		if (!tok_is(tv, i, "#") || (i && tv->t[i - 1].end.line == tv->t[i].start.line &&
					    !tv->t[i - 1].directive))
			continue;
		line = tv->t[i].start.line;
		for (; i < tv->n; i++) {
			struct token *t = &tv->t[i];

			if (t->start.line != line) {
				/* a comment or token on a continued line */
				if (t->start.line > line + 1 ||
				    !line_continues(tv->buf, tv->buflen, tv->t[i - 1].off))
					break;
				line = t->start.line;
			}
			t->directive = true;
			if (t->end.line > line)
				line = t->end.line;
		}
		i--;
	}
}

/*
 * Tokens in blocks the preprocessor skipped.  Parsing a file alone takes
 * every branch whose condition it cannot evaluate, so this is "#if 0" and
 * the like; in exact mode it is the code another configuration builds.
 */
static void mark_skipped(const struct parsed *u, struct token_view *tv)
{
	CXSourceRangeList *l = clang_getSkippedRanges(u->tu, u->file);

	for (unsigned r = 0; l && r < l->count; r++) {
		unsigned from, to;
		size_t lo = 0, hi = tv->n;

		clang_getFileLocation(clang_getRangeStart(l->ranges[r]), NULL, NULL, NULL, &from);
		clang_getFileLocation(clang_getRangeEnd(l->ranges[r]), NULL, NULL, NULL, &to);
		from = from > u->skip ? from - u->skip : 0;
		to = to > u->skip ? to - u->skip : 0;
		while (lo < hi) {	/* the first token at or after @from */
			size_t mid = (lo + hi) / 2;

			if (tv->t[mid].off < from)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < tv->n && tv->t[lo].off < to; lo++)
			tv->t[lo].skipped = true;
	}
	if (l)
		clang_disposeSourceRangeList(l);
}

/*
 * Pair every "(" with its ")" and every "{" with its "}", once for the
 * file, so that finding a bracket's partner costs nothing however often
 * it is asked.  Brackets in directives pair only among themselves, so
 * "#define X (" never closes a parenthesis of the code.  A stack per
 * bracket and per kind of line gives the partner a depth count would.
 */
static void match_brackets(struct token_view *tv)
{
	VEC(unsigned) open[2][2] = { { { 0 } } };

	for (size_t i = 0; i < tv->n; i++) {
		struct token *t = &tv->t[i];
		char c = t->len == 1 && t->kind == TOK_PUNCT ? tv->buf[t->off] : 0;
		int type = c == '(' || c == ')' ? 0 : 1;

		t->match = (unsigned)tv->n;
		if (c == '(' || c == '{') {
			vec_push(&open[type][t->directive], (unsigned)i);
		} else if ((c == ')' || c == '}') && open[type][t->directive].n) {
			unsigned o = open[type][t->directive].v[--open[type][t->directive].n];

			t->match = o;
			tv->t[o].match = (unsigned)i;
		}
	}
	for (int a = 0; a < 2; a++)
		for (int b = 0; b < 2; b++)
			free(open[a][b].v);
}

/*
 * Offsets to lines and columns without asking libclang for each token:
 * tokens come in order, so the table walks forward from the last one,
 * newline to newline (memchr), and a column is the distance from the
 * line's start, in bytes.
 */
struct line_table {
	const char *buf;
	size_t len;
	size_t off;		/* where the walk has reached: a line's start, or the last lookup */
	size_t line_start;
	unsigned line;
};

static struct pos line_table_pos(struct line_table *lt, size_t off)
{
	const char *nl;

	if (off < lt->off) {	/* out of order: start again */
		lt->off = lt->line_start = 0;
		lt->line = 1;
	}
	if (off > lt->len)
		off = lt->len;
	while ((nl = memchr(lt->buf + lt->off, '\n', off - lt->off))) {
		lt->line++;
		lt->off = lt->line_start = (size_t)(nl - lt->buf) + 1;
	}
	lt->off = off;
	return (struct pos){ lt->line, (unsigned)(off - lt->line_start) + 1 };
}

static unsigned offset_of(CXSourceLocation loc)
{
	unsigned off;

	clang_getFileLocation(loc, NULL, NULL, NULL, &off);
	return off;
}

/*
 * ---- token lengths --------------------------------------------------------
 *
 * clang_getTokenExtent() lexes each token a second time to find where it
 * ends: 12% of the scan.  Its start is known (clang_getTokenLocation()),
 * its kind too, and C's lexical rules give its length from there.  Only
 * the plain forms are measured here; a token that holds a backslash (a
 * line splice, an escape at a line's end), an unterminated literal or
 * comment, or a character these rules do not know returns 0, and is left
 * to clang_getTokenExtent().  On the 6.12 tree the two agree on every one
 * of its 156 million tokens.
 */

/* What the C lexer takes into an identifier: GNU C's '$' and any byte of a UTF-8 name too. */
static bool lexer_ident_char(unsigned char c)
{
	return c == '_' || c == '$' || c >= 0x80 || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/*
 * C11's punctuators, digraphs included; the longest that matches is the
 * token.  By the first character, as a lexer does: this runs for half the
 * tokens of the tree.
 */
static size_t punctuator_length(const char *s, size_t room)
{
	char b = room > 1 ? s[1] : 0, c = room > 2 ? s[2] : 0;

	switch (s[0]) {
	case '[': case ']': case '(': case ')': case '{': case '}': case '~':
	case '?': case ';': case ',':
		return 1;
	case '.':
		return b == '.' && c == '.' ? 3 : 1;
	case '-':
		return b == '>' || b == '-' || b == '=' ? 2 : 1;
	case '+':
		return b == '+' || b == '=' ? 2 : 1;
	case '&':
		return b == '&' || b == '=' ? 2 : 1;
	case '|':
		return b == '|' || b == '=' ? 2 : 1;
	case '*': case '/': case '!': case '=': case '^':
		return b == '=' ? 2 : 1;
	case '<':
		if (b == '<')
			return c == '=' ? 3 : 2;
		return b == '=' || b == ':' || b == '%' ? 2 : 1;
	case '>':
		if (b == '>')
			return c == '=' ? 3 : 2;
		return b == '=' ? 2 : 1;
	case '%':
		if (b == ':')
			return c == '%' && room > 3 && s[3] == ':' ? 4 : 2;
		return b == '=' || b == '>' ? 2 : 1;
	case ':':
		return b == '>' ? 2 : 1;
	case '#':
		return b == '#' ? 2 : 1;
	}
	return 0;
}

/* "..." or '...' from its opening quote at @i; 0 unless plain. */
static size_t quoted_length(const char *buf, size_t len, size_t i)
{
	char quote = buf[i];

	for (size_t j = i + 1; j < len; j++) {
		if (buf[j] == '\n' || buf[j] == '\r')
			return 0;	/* unterminated */
		if (buf[j] == '\\') {
			if (j + 1 >= len || buf[j + 1] == '\n' || buf[j + 1] == '\r')
				return 0;	/* a line splice */
			j++;
		} else if (buf[j] == quote) {
			return j + 1 - i;
		}
	}
	return 0;
}

static size_t literal_length(const char *buf, size_t len, size_t off)
{
	size_t i = off;

	if (buf[i] >= '0' && buf[i] <= '9') {	/* a pp-number */
		for (i++; i < len; i++) {
			char c = buf[i];

			if ((c == '+' || c == '-') && strchr("eEpP", buf[i - 1]))
				continue;
			if (c != '.' && !lexer_ident_char((unsigned char)c))
				break;
		}
		return i < len && buf[i] == '\\' ? 0 : i - off;
	}
	if (buf[i] == 'u' && i + 1 < len && buf[i + 1] == '8')
		i += 2;
	else if (buf[i] == 'L' || buf[i] == 'u' || buf[i] == 'U')
		i++;
	if (i >= len || (buf[i] != '"' && buf[i] != '\''))
		return 0;
	i += quoted_length(buf, len, i);
	return i > off && (buf[i - 1] == '"' || buf[i - 1] == '\'') ? i - off : 0;
}

static size_t comment_length(const char *buf, size_t len, size_t off)
{
	if (buf[off + 1] == '*') {
		const char *end = off + 4 <= len ? memmem(buf + off + 2, len - off - 2, "*/", 2) : NULL;

		return end ? (size_t)(end - buf) + 2 - off : 0;
	}
	for (size_t i = off + 2; i <= len; i++) {
		if (i == len || buf[i] == '\n' || buf[i] == '\r')
			return buf[i - 1] == '\\' ? 0 : i - off;
	}
	return 0;
}

static size_t token_length(const char *buf, size_t len, size_t off, enum tok_kind kind)
{
	size_t i = off;

	if (off >= len)
		return 0;
	switch (kind) {
	case TOK_IDENT:
	case TOK_KEYWORD:
		while (i < len && lexer_ident_char((unsigned char)buf[i]))
			i++;
		return i < len && buf[i] == '\\' ? 0 : i - off;
	case TOK_PUNCT:
		return punctuator_length(buf + off, len - off);
	case TOK_LITERAL:
		return literal_length(buf, len, off);
	case TOK_COMMENT:
		return off + 1 < len && buf[off] == '/' ? comment_length(buf, len, off) : 0;
	}
	return 0;
}

static void tokenize_file(const struct parsed *u, const char *buf, size_t len,
			  struct token_view *tv)
{
	CXTranslationUnit tu = u->tu;
	CXSourceRange all = clang_getRange(clang_getLocationForOffset(tu, u->file, u->skip),
					   clang_getLocationForOffset(tu, u->file,
								      u->skip + (unsigned)len));
	struct line_table lt = { buf, len, 0, 0, 1 };
	CXToken *toks;
	unsigned n;

	clang_tokenize(tu, all, &toks, &n);
	tv->t = xcalloc(n, sizeof(*tv->t));
	tv->n = n;
	for (unsigned i = 0; i < n; i++) {
		struct token *t = &tv->t[i];
		size_t end;

		t->kind = tok_kind_of(clang_getTokenKind(toks[i]));
		t->off = offset_of(clang_getTokenLocation(tu, toks[i])) - u->skip;
		end = t->off + token_length(buf, len, t->off, t->kind);
		if (end == t->off)
			end = offset_of(clang_getRangeEnd(clang_getTokenExtent(tu, toks[i]))) - u->skip;
		t->len = end > t->off ? (unsigned)(end - t->off) : 0;
		t->start = line_table_pos(&lt, t->off);
		/* the last character, not one past it */
		t->end = line_table_pos(&lt, t->len ? end - 1 : t->off);
	}
	clang_disposeTokens(tu, toks, n);
	mark_directives(tv);
	mark_skipped(u, tv);
	match_brackets(tv);
}

bool tok_is_call(const struct token_view *tv, size_t i)
{
	return tv->t[i].kind == TOK_IDENT && i + 1 < tv->n &&
	       tok_is(tv, i + 1, "(");
}

size_t tok_find(const struct token_view *tv, struct pos at)
{
	size_t lo = 0, hi = tv->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct pos *p = &tv->t[mid].start;

		if (pos_lt(*p, at))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- functions from the AST ------------------------------------------ */

struct ast_ctx {
	struct file_facts *f;
	const struct parsed *u;
	struct function *fn;	/* while visiting a body */
};

static bool in_main_file(CXCursor c, CXFile file)
{
	CXFile f;

	clang_getFileLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	return f && clang_File_isEqual(f, file);
}

static enum CXChildVisitResult visit_body(CXCursor c, CXCursor parent, CXClientData data)
{
	struct ast_ctx *ctx = data;

	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		CXString name = clang_getCursorSpelling(c);
		const char *s = clang_getCString(name);
		CXSourceLocation loc = clang_getCursorLocation(c);
		CXFile f;
		unsigned line, col;

		clang_getExpansionLocation(loc, &f, &line, &col, NULL);
		if (s && *s && f && clang_File_isEqual(f, ctx->u->file) && line > ctx->u->skip_lines)
			vec_push(&ctx->fn->calls, ((struct call){ xstrdup(s),
						  { line - ctx->u->skip_lines, col } }));
		clang_disposeString(name);
	}
	return CXChildVisit_Recurse;
}

static void add_ast_function(struct ast_ctx *ctx, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXString name = clang_getCursorSpelling(c);
	struct function fn = { 0 };

	fn.name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	fn.start = pos_of(ctx->u, clang_getRangeStart(r));
	fn.end = pos_of(ctx->u, clang_getRangeEnd(r));
	vec_push(&ctx->f->functions, fn);
	ctx->fn = vec_last(&ctx->f->functions);
	clang_visitChildren(c, visit_body, ctx);
	ctx->fn = NULL;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct ast_ctx *ctx = data;

	if (!in_main_file(c, ctx->u->file))
		return CXChildVisit_Continue;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
		add_ast_function(ctx, c);
	return CXChildVisit_Continue;
}

/* ---- functions the AST lost: the token fallback ---------------------- */


static int function_cmp(const void *a, const void *b)
{
	return pos_cmp(((const struct function *)a)->start, ((const struct function *)b)->start);
}

/* Sorted by start, for file_function_at(). */
static void index_functions(struct file_facts *f)
{
	xqsort(f->functions.v, f->functions.n, sizeof(*f->functions.v), function_cmp);
	file_index_functions(f);
}


/*
 * Index of the token matching the bracket at @i: forward from "(" or "{",
 * backward from ")" or "}".  tv->n if none.
 */
static size_t match_bracket(const struct token_view *tv, size_t i)
{
	const struct token *t = &tv->t[i];

	if (t->len != 1 || !strchr("(){}", tv->buf[t->off]))
		BUG("match_bracket() on a token that is no bracket");
	return t->match;
}

/* Calls found by token: identifier followed by "(", not a keyword. */
static void add_token_calls(struct function *fn, const struct token_view *tv,
			    size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (!tok_is_call(tv, i))
			continue;
		if (i && (tok_is(tv, i - 1, "->") || tok_is(tv, i - 1, ".")))
			continue;
		vec_push(&fn->calls, ((struct call){ tok_dup(tv, i), tv->t[i].start }));
	}
}

/* "__acquires", "__must_hold", "__attribute__": words a function's name never is. */
static bool is_annotation(const struct token_view *tv, size_t i)
{
	const struct token *t = &tv->t[i];

	return (t->kind == TOK_IDENT || t->kind == TOK_KEYWORD) && t->len > 2 &&
	       !memcmp(tv->buf + t->off, "__", 2);
}

/*
 * The name of the function whose parameter list (or last annotation) ends
 * at the ")" @close: the identifier before its "(".  Sparse's annotations
 * and attributes may stand between the list and the body (do_vsie_run(...)
 * __releases(vcpu->kvm->srcu) __acquires(vcpu->kvm->srcu) {): a "__name(...)"
 * right after a ")" is stepped over, so that it never becomes the name.
 * tv->n if there is no name.
 */
static size_t function_name(const struct token_view *tv, size_t close)
{
	for (;;) {
		size_t open = match_bracket(tv, close), name;

		if (open == tv->n || open == 0)
			return tv->n;
		name = open - 1;
		if (name == 0 || !is_annotation(tv, name) || !tok_is(tv, name - 1, ")"))
			return tv->t[name].kind == TOK_IDENT ? name : tv->n;
		close = name - 1;
	}
}

/*
 * "name ( ... ) {" at brace depth zero is a function definition; a
 * function-like macro whose body holds statements is one too, as far as
 * partners go ("the smp_wmb in kvm_make_request" works for either).
 * Only the AST's functions are in f->functions (and indexed) while we
 * look: a body found here is skipped whole, so it holds no later "{".
 */
static void add_token_functions(struct file_facts *f, const struct token_view *tv)
{
	VEC(struct function) found = { 0 };

	for (size_t i = 0; i < tv->n; i++) {
		size_t body_end, name;
		struct function fn = { 0 };

		if (!tok_is(tv, i, "{") || tv->t[i].directive || tv->t[i].skipped)
			goto skip_block;
		if (i < 2 || !tok_is(tv, i - 1, ")"))
			goto skip_block;
		name = function_name(tv, i - 1);
		if (name == tv->n)
			goto skip_block;
		body_end = match_bracket(tv, i);
		if (body_end == tv->n)
			break;
		if (file_function_at(f, tv->t[i].start) < 0) {
			fn.name = tok_dup(tv, name);
			fn.start = tv->t[name].start;
			fn.end = tv->t[body_end].end;
			fn.body = tv->t[i].start;
			fn.from_tokens = true;
			vec_push(&found, fn);
		}
		i = body_end;
		continue;
skip_block:
		if (tok_is(tv, i, "{") && !tv->t[i].directive) {
			size_t e = match_bracket(tv, i);

			if (e != tv->n)
				i = e;	/* a struct or initializer at file scope */
		}
	}
	for (size_t k = 0; k < found.n; k++)
		vec_push(&f->functions, found.v[k]);
	free(found.v);
}

static int pos_qcmp(const void *a, const void *b)
{
	return pos_cmp(*(const struct pos *)a, *(const struct pos *)b);
}

/*
 * Where the parse failed ("kvm_for_each_vcpu(i, vcpu, kvm) foo();" with
 * the macro unknown), the AST lacks calls the tokens still show: add them,
 * so that the call graph does not lose an edge to a bad parse.  The AST's
 * calls are looked up by position in a sorted copy.
 */
static void add_calls_from_tokens(struct file_facts *f, const struct token_view *tv)
{
	for (size_t k = 0; k < f->functions.n; k++) {
		struct function *fn = &f->functions.v[k];
		size_t from = tok_find(tv, fn->start), to = tok_find(tv, fn->end);

		/* the body's: an annotation after the parameters is no call */
		for (size_t i = from; i < to; i++) {
			if (tok_is(tv, i, "{") && !tv->t[i].directive) {
				fn->body = tv->t[i].start;
				from = i;
				break;
			}
		}
		size_t nast = fn->calls.n;
		struct pos *ast = xcalloc(nast, sizeof(*ast));
		struct function tok = { 0 };

		for (size_t i = 0; i < nast; i++)
			ast[i] = fn->calls.v[i].at;
		xqsort(ast, nast, sizeof(*ast), pos_qcmp);
		add_token_calls(&tok, tv, from, to);
		for (size_t i = 0; i < tok.calls.n; i++) {
			struct call *c = &tok.calls.v[i];

			/* the function's own name, for one from the tokens */
			if ((nast && bsearch(&c->at, ast, nast, sizeof(*ast), pos_qcmp)) ||
			    pos_eq(c->at, fn->start))
				free(c->callee);
			else
				vec_push(&fn->calls, *c);
		}
		free(tok.calls.v);
		free(ast);
	}
}

/* ---- calls through function pointers ---------------------------------- */

/*
 * KVM's own dispatch through its ops tables: kvm_x86_call(vcpu_run)(vcpu)
 * calls what the .vcpu_run of struct kvm_x86_ops holds.
 */
static const char *const ops_call_macros[] = { "kvm_x86_call", "kvm_pmu_call" };

/* Token @i as the field of an indirect call, or tv->n: "->f(", ".f(", "kvm_x86_call(f)(". */
static size_t indirect_field(const struct token_view *tv, size_t i)
{
	if (tok_is_call(tv, i) && i && (tok_is(tv, i - 1, "->") || tok_is(tv, i - 1, ".")))
		return i;
	for (size_t k = 0; k < sizeof(ops_call_macros) / sizeof(*ops_call_macros); k++)
		if (tok_is(tv, i, ops_call_macros[k]) && i + 4 < tv->n && tok_is(tv, i + 1, "(") &&
		    tv->t[i + 2].kind == TOK_IDENT && tok_is(tv, i + 3, ")") &&
		    tok_is(tv, i + 4, "("))
			return i + 2;
	return tv->n;
}

static void add_indirect_calls(struct file_facts *f, const struct token_view *tv)
{
	for (size_t k = 0; k < f->functions.n; k++) {
		struct function *fn = &f->functions.v[k];
		size_t from = tok_find(tv, fn->body.line ? fn->body : fn->start);
		size_t to = tok_find(tv, fn->end);

		for (size_t i = from; i < to; i++) {
			size_t field = indirect_field(tv, i);

			if (field < tv->n)
				vec_push(&fn->indirect, ((struct call){ tok_dup(tv, field),
									tv->t[field].start }));
		}
	}
}

static bool is_all_upper(const struct token_view *tv, size_t i)
{
	for (unsigned k = 0; k < tv->t[i].len; k++)
		if (tv->buf[tv->t[i].off + k] >= 'a' && tv->buf[tv->t[i].off + k] <= 'z')
			return false;
	return true;
}

/*
 * ".field = target," in an initializer, "x->field = target;" in code, the
 * target maybe cast or with its address taken: what a pointer may hold.
 * A constant (all upper case, NULL) is not a function.
 */
static void collect_pointers(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 2; i + 2 < tv->n; i++) {
		size_t t = i + 1;

		if (!tok_is(tv, i, "=") || tv->t[i].directive || tv->t[i - 1].kind != TOK_IDENT ||
		    !(tok_is(tv, i - 2, ".") || tok_is(tv, i - 2, "->")))
			continue;
		if (tok_is(tv, t, "(") && tv->t[t].match < tv->n)	/* a cast */
			t = tv->t[t].match + 1;
		if (t < tv->n && tok_is(tv, t, "&"))
			t++;
		if (t + 1 >= tv->n || tv->t[t].kind != TOK_IDENT || is_all_upper(tv, t) ||
		    !(tok_is(tv, t + 1, ",") || tok_is(tv, t + 1, "}") || tok_is(tv, t + 1, ";")))
			continue;
		vec_push(&f->pointers, ((struct pointer_assign){ tok_dup(tv, i - 1), tok_dup(tv, t),
								 tv->t[i - 1].start }));
	}
}

static bool is_defined_macro_name(const struct token_view *tv, size_t i)
{
	return i >= 2 && tv->t[i].directive && tok_is(tv, i - 1, "define");
}

/* "#define name(args) body": a function for partner purposes. */
static void add_macro_functions(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		size_t close, last;
		struct function fn = { 0 };

		if (!is_defined_macro_name(tv, i) || !tok_is_call(tv, i) ||
		    tv->t[i + 1].start.col != tv->t[i].end.col + 1)
			continue;
		close = match_bracket(tv, i + 1);
		if (close == tv->n)
			continue;
		for (last = close; last + 1 < tv->n && tv->t[last + 1].directive &&
		     !tok_is(tv, last + 1, "#"); last++)
			;
		if (last == close)
			continue;
		fn.name = tok_dup(tv, i);
		fn.start = tv->t[i].start;
		fn.end = tv->t[last].end;
		fn.from_tokens = true;
		vec_push(&f->functions, fn);
		i = last;
	}
}

/* ---- barrier sites --------------------------------------------------- */


static bool is_barrier_call(const struct token_view *tv, size_t i,
			    const struct barrier_def **def)
{
	if (tv->t[i].kind != TOK_IDENT || tv->t[i].skipped)
		return false;
	if (!tok_is_call(tv, i) || is_defined_macro_name(tv, i))
		return false;
	/* ops->smp_mb(), or the name of a function being defined */
	if (i && (tok_is(tv, i - 1, "->") || tok_is(tv, i - 1, ".")))
		return false;
	*def = barrier_lookup_n(tv->buf + tv->t[i].off, tv->t[i].len);
	return *def != NULL;
}

static void find_sites(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		const struct barrier_def *def;
		struct site s;
		int fn;

		if (!is_barrier_call(tv, i, &def))
			continue;
		fn = file_function_at(f, tv->t[i].start);
		/* "void smp_mb(void) {": a definition, not a use */
		if (fn >= 0 && pos_eq(f->functions.v[fn].start, tv->t[i].start))
			continue;
		/* cleared here, not for every token: a site is 264 bytes */
		s = (struct site){ 0 };
		s.file = f;
		s.at = tv->t[i].start;
		s.end_col = tv->t[i].end.col;
		s.function = fn;
		s.barrier = xstrdup(def->name);
		s.kind = def->kind;
		s.comment = s.comment_last = -1;
		vec_push(&f->sites, s);
	}
}

/*
 * The comment as written, less the indentation of the code around it:
 * continuation lines lose the leading white space up to the column the
 * comment starts in, so that quoting it elsewhere keeps its shape.
 */
static char *comment_text(const char *src, size_t len, unsigned col)
{
	struct strbuf sb = STRBUF_INIT;
	char *clean = utf8_sanitize(src, len), *p = clean;

	while (*p) {
		size_t n = strcspn(p, "\n");

		sb_add(&sb, p, n);
		p += n;
		if (*p != '\n')
			break;
		sb_addc(&sb, '\n');
		p++;
		for (unsigned skip = 1; skip < col && (*p == '\t' || *p == ' '); skip++)
			p++;
	}
	free(clean);
	return sb_detach(&sb);
}

static void collect_comments(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		struct comment c = { 0 };

		if (tv->t[i].kind != TOK_COMMENT)
			continue;
		c.start = tv->t[i].start;
		c.end = tv->t[i].end;
		c.text = comment_text(tv->buf + tv->t[i].off, tv->t[i].len, c.start.col);
		vec_push(&f->comments, c);
	}
}

/* "#include <a/b.h>" or "#include "c.h"": kept as written, with its brackets. */
static void collect_includes(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i + 2 < tv->n; i++) {
		size_t j;

		if (!tok_is(tv, i, "#") || !tv->t[i].directive || !tok_is(tv, i + 1, "include"))
			continue;
		j = i + 2;
		if (tv->t[j].kind == TOK_LITERAL) {
			vec_push(&f->includes, tok_dup(tv, j));
			continue;
		}
		if (!tok_is(tv, j, "<"))
			continue;
		while (j < tv->n && tv->t[j].directive && !tok_is(tv, j, ">"))
			j++;
		if (j < tv->n && tok_is(tv, j, ">"))
			vec_push(&f->includes, xstrndup(tv->buf + tv->t[i + 2].off,
							tv->t[j].off + 1 - tv->t[i + 2].off));
	}
}

/* ---- one file -------------------------------------------------------- */

/* The flags of one configured build, for the exact mode. */
static CXTranslationUnit parse_exact(CXIndex idx, CXCompilationDatabase db,
				     const char *abs, struct CXUnsavedFile *u)
{
	CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, abs);
	CXTranslationUnit tu = NULL;
	VEC(char *) args = { 0 };
	CXCompileCommand cmd;
	CXString dir;
	unsigned n;

	if (!cmds || clang_CompileCommands_getSize(cmds) == 0)
		goto out;
	cmd = clang_CompileCommands_getCommand(cmds, 0);
	n = clang_CompileCommand_getNumArgs(cmd);
	dir = clang_CompileCommand_getDirectory(cmd);
	/* never chdir: other threads parse too; clang takes the folder as a flag */
	vec_push(&args, xasprintf("-working-directory=%s", clang_getCString(dir)));
	clang_disposeString(dir);
	/* drop the compiler, "-c", "-o FILE" and the source file itself */
	for (unsigned i = 1; i < n; i++) {
		CXString s = clang_CompileCommand_getArg(cmd, i);
		const char *a = clang_getCString(s);
		bool skip_next = !strcmp(a, "-o");

		if (!skip_next && strcmp(a, "-c") && !str_ends_with(a, ".c"))
			vec_push(&args, xstrdup(a));
		clang_disposeString(s);
		i += skip_next;
	}
	vec_push(&args, xstrdup("-w"));
	tu = clang_parseTranslationUnit(idx, abs, (const char *const *)args.v,
					(int)args.n, u, 1, CXTranslationUnit_KeepGoing |
					CXTranslationUnit_DetailedPreprocessingRecord);
	for (size_t i = 0; i < args.n; i++)
		free(args.v[i]);
	free(args.v);
out:
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	return tu;
}

/*
 * One worker's parser.  A file parsed alone is parsed under one name for
 * all, as new content of the same translation unit
 * (clang_reparseTranslationUnit): that spares building a compiler
 * invocation for each file, most of the cost of a small file (2,000
 * empty files: 1.6 s of CPU parsed anew, 0.7 s reparsed), a third of the
 * whole tree's parse.  The name is never opened: the content is the
 * unsaved file's, and a single-file parse follows no #include.
 */
#define ALONE_NAME "/barriermap/scanned-file.c"

struct parser {
	CXIndex idx;
	CXTranslationUnit alone;	/* reused for every file, or NULL */
	struct strbuf text;	/* what was parsed: declarations, then the file */
};

struct tag {
	const char *name;	/* into the file's text */
	size_t len;
	bool is_union;
};

static int tag_cmp(const void *a, const void *b)
{
	const struct tag *x = a, *y = b;
	int c = memcmp(x->name, y->name, x->len < y->len ? x->len : y->len);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return (int)x->is_union - (int)y->is_union;
}

static bool is_word_at(const char *buf, size_t len, size_t i, const char *w, size_t n)
{
	return i + n < len && !memcmp(buf + i, w, n) && !lexer_ident_char((unsigned char)buf[i + n]) &&
	       (i == 0 || !lexer_ident_char((unsigned char)buf[i - 1]));
}

VEC_TYPE(tag_list, struct tag);

/*
 * C's keywords, sorted: "a struct for each" in a comment must not become
 * "struct for;", which libclang would have to recover from.
 */
static const char *const c_keywords[] = {
	"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
	"_Noreturn", "_Static_assert", "_Thread_local", "auto", "break", "case", "char",
	"const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
	"for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
	"short", "signed", "sizeof", "static", "struct", "switch", "typedef", "typeof",
	"union", "unsigned", "void", "volatile", "while",
};

static int keyword_cmp(const void *key, const void *elem)
{
	const struct tag *t = key;
	const char *k = *(const char *const *)elem;
	int c = strncmp(t->name, k, t->len);

	return c ? c : -(k[t->len] != '\0');
}

static bool is_c_keyword(const struct tag *t)
{
	return bsearch(t, c_keywords, sizeof(c_keywords) / sizeof(c_keywords[0]),
		       sizeof(c_keywords[0]), keyword_cmp) != NULL;
}

/* Each "KEYWORD name" of @buf, the keyword a word of its own, the name not a keyword. */
static void find_tags(const char *buf, size_t len, const char *keyword, bool is_union,
		      struct tag_list *tags)
{
	size_t n = strlen(keyword);

	for (const char *p = buf; (p = memmem(p, (size_t)(buf + len - p), keyword, n)); p += n) {
		size_t at = (size_t)(p - buf) + n, end;
		struct tag t;

		if (!is_word_at(buf, len, (size_t)(p - buf), keyword, n))
			continue;
		while (at < len && (buf[at] == ' ' || buf[at] == '\t' || buf[at] == '\n'))
			at++;
		for (end = at; end < len && lexer_ident_char((unsigned char)buf[end]) &&
		     (unsigned char)buf[end] < 0x80; end++)
			;
		if (end == at || end - at > 64 || (buf[at] >= '0' && buf[at] <= '9') ||
		    (end - at >= 13 && !memcmp(buf + at, "__attribute__", 13)))
			continue;
		t = (struct tag){ buf + at, end - at, is_union };
		if (!is_c_keyword(&t))
			vec_push(tags, t);
	}
}

/*
 * "struct kvm_vcpu; union u; " for each tag @buf names, on one line.
 *
 * Parsed alone, a file declares the structs its functions take only in
 * their parameter lists, where each such tag is new to that prototype;
 * libclang then spends time quadratic in their number (30,000 functions
 * of "struct kvm_vcpu *v": 11 s, against 0.1 s with the tag declared
 * once).  Declared first, each is one type, as the file's headers would
 * have it.  A name used for both a struct and a union is left alone.
 */
static void tag_declarations(const char *buf, size_t len, struct strbuf *out)
{
	struct tag_list tags = { 0 };

	find_tags(buf, len, "struct", false, &tags);
	find_tags(buf, len, "union", true, &tags);
	xqsort(tags.v, tags.n, sizeof(*tags.v), tag_cmp);
	for (size_t i = 0; i < tags.n; i++) {
		const struct tag *t = &tags.v[i];
		bool same_name_before = i && tags.v[i - 1].len == t->len &&
					!memcmp(tags.v[i - 1].name, t->name, t->len);
		bool same_name_after = i + 1 < tags.n && tags.v[i + 1].len == t->len &&
				       !memcmp(tags.v[i + 1].name, t->name, t->len);

		if (same_name_before)
			continue;
		if (same_name_after && tags.v[i + 1].is_union != t->is_union)
			continue;	/* struct x and union x: which one is unknown */
		sb_addf(out, "%s %.*s; ", t->is_union ? "union" : "struct", (int)t->len, t->name);
	}
	free(tags.v);
	if (out->len)
		sb_addc(out, '\n');
}

static bool parse_alone(struct parser *ps, const char *buf, size_t len, struct parsed *u)
{
	struct CXUnsavedFile uf;

	sb_reset(&ps->text);
	tag_declarations(buf, len, &ps->text);
	u->skip = (unsigned)ps->text.len;
	u->skip_lines = ps->text.len ? 1 : 0;
	sb_add(&ps->text, buf, len);
	uf = (struct CXUnsavedFile){ ALONE_NAME, ps->text.buf, (unsigned long)ps->text.len };
	if (ps->alone) {
		if (!clang_reparseTranslationUnit(ps->alone, 1, &uf,
						  clang_defaultReparseOptions(ps->alone)))
			goto parsed;
		/* a failed reparse leaves the unit unusable: start afresh */
		clang_disposeTranslationUnit(ps->alone);
	}
	ps->alone = clang_parseTranslationUnit(ps->idx, ALONE_NAME, parse_args,
					       sizeof(parse_args) / sizeof(parse_args[0]),
					       &uf, 1, parse_flags);
	if (!ps->alone)
		return false;
parsed:
	u->tu = ps->alone;
	u->file = clang_getFile(ps->alone, ALONE_NAME);
	return true;
}

struct scan_floor {
	struct parser ps;
};

struct scan_floor *scan_floor_new(void)
{
	struct scan_floor *sf = xcalloc(1, sizeof(*sf));

	setenv("LIBCLANG_NOTHREADS", "1", 1);
	sf->ps.idx = clang_createIndex(0, 0);
	return sf;
}

size_t scan_floor_file(struct scan_floor *sf, const char *buf, size_t len)
{
	struct parsed u;
	CXToken *toks;
	unsigned n;

	if (!parse_alone(&sf->ps, buf, len, &u))
		return 0;
	clang_tokenize(u.tu, clang_getRange(clang_getLocationForOffset(u.tu, u.file, u.skip),
					    clang_getLocationForOffset(u.tu, u.file,
								       u.skip + (unsigned)len)),
		       &toks, &n);
	clang_disposeTokens(u.tu, toks, n);
	return n;
}

static void parser_release(struct parser *ps)
{
	if (ps->alone)
		clang_disposeTranslationUnit(ps->alone);
	clang_disposeIndex(ps->idx);
	sb_release(&ps->text);
}

void scan_floor_free(struct scan_floor *sf)
{
	parser_release(&sf->ps);
	free(sf);
}

static CXCompilationDatabase open_compdb(const char *dir)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;

	if (!dir)
		return NULL;
	db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError)
		die("%s: no usable compile_commands.json", dir);
	return db;
}

struct scan_context {
	CXCompilationDatabase compdb;	/* exact mode, or NULL */
};

struct scan_context *scan_context_open(const char *compdb)
{
	struct scan_context *ctx = xcalloc(1, sizeof(*ctx));

	ctx->compdb = open_compdb(compdb);
	/*
	 * libclang runs each parse on a thread of its own, made for it; our
	 * workers are threads already, and a thread per file costs 10% of a
	 * small file's parse.  Set before any worker exists.
	 */
	setenv("LIBCLANG_NOTHREADS", "1", 1);
	return ctx;
}

void scan_context_close(struct scan_context *ctx)
{
	if (ctx && ctx->compdb)
		clang_CompilationDatabase_dispose(ctx->compdb);
	free(ctx);
}

struct scanner {
	const struct scan_context *ctx;
	struct parser ps;
};

struct scanner *scanner_new(const struct scan_context *ctx)
{
	struct scanner *sc = xcalloc(1, sizeof(*sc));

	sc->ctx = ctx;
	sc->ps = (struct parser){ clang_createIndex(0, 0), NULL, STRBUF_INIT };
	return sc;
}

void scanner_free(struct scanner *sc)
{
	parser_release(&sc->ps);
	free(sc);
}

bool scan_file(struct scanner *sc, struct file_facts *f, const char *abs, const char *buf,
	       size_t len, struct token_view *tv)
{
	struct parsed u = { 0 };
	struct ast_ctx ctx = { f, &u, NULL };
	CXTranslationUnit exact = NULL;

	*tv = (struct token_view){ buf, len, NULL, 0 };
	if (sc->ctx->compdb) {
		struct CXUnsavedFile uf = { abs, buf, (unsigned long)len };

		exact = parse_exact(sc->ps.idx, sc->ctx->compdb, abs, &uf);
		u = (struct parsed){ exact, exact ? clang_getFile(exact, abs) : NULL, 0, 0 };
	}
	if (!exact && !parse_alone(&sc->ps, buf, len, &u)) {
		f->skipped = xstrdup("libclang could not parse it");
		return false;
	}
	clang_visitChildren(clang_getTranslationUnitCursor(u.tu), visit_top, &ctx);
	tokenize_file(&u, buf, len, tv);
	index_functions(f);
	add_token_functions(f, tv);
	add_macro_functions(f, tv);
	index_functions(f);
	add_calls_from_tokens(f, tv);
	add_indirect_calls(f, tv);
	collect_pointers(f, tv);
	collect_comments(f, tv);
	collect_includes(f, tv);
	find_sites(f, tv);
	if (exact)
		clang_disposeTranslationUnit(exact);
	return true;
}
