// SPDX-License-Identifier: GPL-2.0
/*
 * scan.c: libclang -> facts, one file at a time, in parallel threads.
 *
 * Each file is parsed on its own (CXTranslationUnit_SingleFileParse), so a
 * tree that was never configured or built can be scanned, and every #if
 * branch whose condition cannot be evaluated is taken.  The AST gives the
 * function definitions, their extents and their calls; clang_tokenize()
 * gives every identifier and comment even where the parse failed, so no
 * barrier is lost to an unknown macro or inline asm.
 *
 * libclang is thread-safe per translation unit: one CXIndex per worker, no
 * shared mutable state but the next-file counter.
 */
#include "objects.h"
#include "pipeline.h"
#include "tokens.h"

#include <errno.h>
#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Files larger than this are not C a human wrote; skip them with a warning. */
#define MAX_FILE_SIZE (16u << 20)

/*
 * No stand-ins for the kernel's types and attributes: defining u64, bool,
 * __always_inline... made the parse 40% slower (full semantic analysis of
 * bodies that otherwise fail fast) and changed no finding on the real tree,
 * because barriers, comments, calls and lost functions come from the tokens.
 */
static const char *const parse_args[] = {
	"-x", "c", "-std=gnu11", "-ferror-limit=0", "-w", "-D__KERNEL__",
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

/* ---- tokens ---------------------------------------------------------- */

static struct pos pos_of(CXSourceLocation loc, unsigned *offset)
{
	unsigned line, col, off;

	clang_getFileLocation(loc, NULL, &line, &col, &off);
	if (offset)
		*offset = off;
	return (struct pos){ line, col };
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
static void mark_skipped(CXTranslationUnit tu, CXFile file, struct token_view *tv)
{
	CXSourceRangeList *l = clang_getSkippedRanges(tu, file);

	for (unsigned r = 0; l && r < l->count; r++) {
		unsigned from, to;
		size_t i;

		clang_getFileLocation(clang_getRangeStart(l->ranges[r]), NULL, NULL, NULL, &from);
		clang_getFileLocation(clang_getRangeEnd(l->ranges[r]), NULL, NULL, NULL, &to);
		for (i = 0; i < tv->n && tv->t[i].off < from; i++)
			;
		for (; i < tv->n && tv->t[i].off < to; i++)
			tv->t[i].skipped = true;
	}
	if (l)
		clang_disposeSourceRangeList(l);
}

/* Offsets to lines and columns without asking libclang for each token. */
struct line_table {
	const char *buf;
	size_t len, off;	/* the last position looked up, to walk forward from */
	struct pos at;
};

static struct pos line_table_pos(struct line_table *lt, size_t off)
{
	if (off < lt->off) {	/* tokens come in order; restart only if not */
		lt->off = 0;
		lt->at = (struct pos){ 1, 1 };
	}
	for (; lt->off < off && lt->off < lt->len; lt->off++) {
		if (lt->buf[lt->off] == '\n')
			lt->at = (struct pos){ lt->at.line + 1, 1 };
		else
			lt->at.col++;
	}
	return lt->at;
}

static unsigned offset_of(CXSourceLocation loc)
{
	unsigned off;

	clang_getFileLocation(loc, NULL, NULL, NULL, &off);
	return off;
}

static void tokenize_file(CXTranslationUnit tu, CXFile file, const char *buf, size_t len,
			  struct token_view *tv)
{
	CXSourceRange all = clang_getRange(clang_getLocationForOffset(tu, file, 0),
					   clang_getLocationForOffset(tu, file, (unsigned)len));
	struct line_table lt = { buf, len, 0, { 1, 1 } };
	CXToken *toks;
	unsigned n;

	clang_tokenize(tu, all, &toks, &n);
	tv->t = xcalloc(n, sizeof(*tv->t));
	tv->n = n;
	for (unsigned i = 0; i < n; i++) {
		CXSourceRange r = clang_getTokenExtent(tu, toks[i]);
		struct token *t = &tv->t[i];
		unsigned end = offset_of(clang_getRangeEnd(r));

		t->kind = tok_kind_of(clang_getTokenKind(toks[i]));
		t->off = offset_of(clang_getRangeStart(r));
		t->len = end > t->off ? end - t->off : 0;
		t->start = line_table_pos(&lt, t->off);
		/* the last character, not one past it */
		t->end = line_table_pos(&lt, t->len ? end - 1 : t->off);
	}
	clang_disposeTokens(tu, toks, n);
	mark_directives(tv);
	mark_skipped(tu, file, tv);
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
	CXFile file;
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
		if (s && *s && f && clang_File_isEqual(f, ctx->file))
			vec_push(&ctx->fn->calls, ((struct call){ xstrdup(s), { line, col } }));
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
	fn.start = pos_of(clang_getRangeStart(r), NULL);
	fn.end = pos_of(clang_getRangeEnd(r), NULL);
	vec_push(&ctx->f->functions, fn);
	ctx->fn = vec_last(&ctx->f->functions);
	clang_visitChildren(c, visit_body, ctx);
	ctx->fn = NULL;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct ast_ctx *ctx = data;

	if (!in_main_file(c, ctx->file))
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


/*
 * Index of the token matching the bracket at @i: forward from "(" or "{",
 * backward from ")" or "}".  Brackets in directives only match their like,
 * so "#define X (" never closes a parenthesis of the code.  tv->n if none.
 */
static size_t match_bracket(const struct token_view *tv, size_t i)
{
	static const char pairs[][3] = { "()", "{}", ")(", "}{" };
	const char *open = tv->buf + tv->t[i].off;
	int dir = (*open == '(' || *open == '{') ? 1 : -1;
	char close = 0;
	int depth = 0;

	for (size_t k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++)
		if (pairs[k][0] == *open)
			close = pairs[k][1];
	if (!close || tv->t[i].len != 1)
		BUG("match_bracket() on a token that is no bracket");
	for (size_t j = i; j < tv->n; j += (size_t)dir) {
		const struct token *t = &tv->t[j];

		if (t->kind == TOK_PUNCT && t->len == 1 && t->directive == tv->t[i].directive) {
			if (tv->buf[t->off] == *open)
				depth++;
			else if (tv->buf[t->off] == close && --depth == 0)
				return j;
		}
		if (dir < 0 && j == 0)
			break;
	}
	return tv->n;
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

/*
 * "name ( ... ) {" at brace depth zero is a function definition; a
 * function-like macro whose body holds statements is one too, as far as
 * partners go ("the smp_wmb in kvm_make_request" works for either).
 */
static void add_token_functions(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		size_t close, body_end, name;
		struct function fn = { 0 };

		if (!tok_is(tv, i, "{") || tv->t[i].directive || tv->t[i].skipped)
			goto skip_block;
		if (i < 2 || !tok_is(tv, i - 1, ")"))
			goto skip_block;
		close = i - 1;
		name = match_bracket(tv, close);
		if (name == tv->n || name == 0 || tv->t[name - 1].kind != TOK_IDENT)
			goto skip_block;
		name--;
		body_end = match_bracket(tv, i);
		if (body_end == tv->n)
			break;
		if (file_function_at(f, tv->t[i].start) < 0) {
			fn.name = tok_dup(tv, name);
			fn.start = tv->t[name].start;
			fn.end = tv->t[body_end].end;
			fn.from_tokens = true;
			vec_push(&f->functions, fn);
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
}

static bool has_call_at(const struct function *fn, struct pos at)
{
	for (size_t i = 0; i < fn->calls.n; i++)
		if (pos_eq(fn->calls.v[i].at, at))
			return true;
	return false;
}

/*
 * Where the parse failed ("kvm_for_each_vcpu(i, vcpu, kvm) foo();" with
 * the macro unknown), the AST lacks calls the tokens still show: add them,
 * so that the call graph does not lose an edge to a bad parse.
 */
static void add_calls_from_tokens(struct file_facts *f, const struct token_view *tv)
{
	for (size_t k = 0; k < f->functions.n; k++) {
		struct function *fn = &f->functions.v[k];
		size_t from = tok_find(tv, fn->start), to = tok_find(tv, fn->end);
		struct function tok = { 0 };

		add_token_calls(&tok, tv, from, to);
		for (size_t i = 0; i < tok.calls.n; i++) {
			struct call *c = &tok.calls.v[i];

			/* the function's own name, for one from the tokens */
			if (has_call_at(fn, c->at) || pos_eq(c->at, fn->start))
				free(c->callee);
			else
				vec_push(&fn->calls, *c);
		}
		free(tok.calls.v);
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
	char name[64];

	if (tv->t[i].kind != TOK_IDENT || tv->t[i].len >= sizeof(name) || tv->t[i].skipped)
		return false;
	if (!tok_is_call(tv, i) || is_defined_macro_name(tv, i))
		return false;
	/* ops->smp_mb(), or the name of a function being defined */
	if (i && (tok_is(tv, i - 1, "->") || tok_is(tv, i - 1, ".")))
		return false;
	memcpy(name, tv->buf + tv->t[i].off, tv->t[i].len);
	name[tv->t[i].len] = '\0';
	*def = barrier_lookup(name);
	return *def != NULL;
}

static void find_sites(struct file_facts *f, const struct token_view *tv)
{
	for (size_t i = 0; i < tv->n; i++) {
		const struct barrier_def *def;
		struct site s = { 0 };
		int fn;

		if (!is_barrier_call(tv, i, &def))
			continue;
		fn = file_function_at(f, tv->t[i].start);
		/* "void smp_mb(void) {": a definition, not a use */
		if (fn >= 0 && pos_eq(f->functions.v[fn].start, tv->t[i].start))
			continue;
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

static const char *skip_reason(const char *buf, size_t len)
{
	if (len > MAX_FILE_SIZE)
		return "larger than 16 MiB";
	if (memchr(buf, '\0', len))
		return "binary file (NUL byte)";
	return NULL;
}

struct worker {
	struct program *p;
	size_t first;
	const struct overlay *ov;
	size_t nov;
	CXCompilationDatabase compdb;
	atomic_size_t *next;
	atomic_size_t *done;
};

static const struct overlay *find_overlay(const struct worker *w, const char *path)
{
	for (size_t i = 0; i < w->nov; i++)
		if (!strcmp(w->ov[i].path, path))
			return &w->ov[i];
	return NULL;
}

static char *load_source(const struct worker *w, struct file_facts *f,
			 const char *abs, size_t *len)
{
	const struct overlay *o = find_overlay(w, f->path);
	char *buf;

	if (o) {
		*len = o->len;
		return xstrndup(o->content, o->len);
	}
	buf = read_file(abs, len);
	if (!buf)
		f->skipped = xasprintf("cannot read: %s", read_error(errno));
	return buf;
}

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

static void scan_one(CXIndex idx, const struct worker *w, struct file_facts *f)
{
	char *abs = xasprintf("%s/%s", w->p->kernel, f->path);
	struct token_view tv = { 0 };
	struct CXUnsavedFile u;
	CXTranslationUnit tu = NULL;
	struct ast_ctx ctx = { f, NULL, NULL };
	size_t len;
	char *buf = load_source(w, f, abs, &len);
	const char *why;

	if (!buf)
		goto out;
	why = skip_reason(buf, len);
	if (why) {
		f->skipped = xstrdup(why);
		goto out;
	}
	u = (struct CXUnsavedFile){ abs, buf, (unsigned long)len };
	if (w->compdb)
		tu = parse_exact(idx, w->compdb, abs, &u);
	if (!tu)
		tu = clang_parseTranslationUnit(idx, abs, parse_args,
						sizeof(parse_args) / sizeof(parse_args[0]),
						&u, 1, parse_flags);
	if (!tu) {
		f->skipped = xstrdup("libclang could not parse it");
		goto out;
	}
	ctx.file = clang_getFile(tu, abs);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &ctx);
	tv = (struct token_view){ buf, len, NULL, 0 };
	tokenize_file(tu, ctx.file, buf, len, &tv);
	add_token_functions(f, &tv);
	add_macro_functions(f, &tv);
	xqsort(f->functions.v, f->functions.n, sizeof(*f->functions.v), function_cmp);
	add_calls_from_tokens(f, &tv);
	collect_comments(f, &tv);
	collect_includes(f, &tv);
	find_sites(f, &tv);
	attach_comments(f, &tv);
	objects_collect(&tv, f);
out:
	if (tu)
		clang_disposeTranslationUnit(tu);
	free(tv.t);
	free(buf);
	free(abs);
}

static void progress(const struct worker *w, size_t done)
{
	size_t total = w->p->files.n - w->first;

	if (!w->p->opts->progress)
		return;
	fprintf(stderr, "\rbarriermap: scanning %zu/%zu files", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	CXIndex idx = clang_createIndex(0, 0);
	size_t i;

	while ((i = w->first + atomic_fetch_add(w->next, 1)) < w->p->files.n) {
		scan_one(idx, w, w->p->files.v[i]);
		progress(w, atomic_fetch_add(w->done, 1) + 1);
	}
	clang_disposeIndex(idx);
	return NULL;
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

void scan_files(struct program *p, size_t first, const struct overlay *ov, size_t nov)
{
	atomic_size_t next = 0, done = 0;
	struct worker w = { p, first, ov, nov, open_compdb(p->opts->compdb), &next, &done };
	int jobs = p->opts->jobs > 0 ? p->opts->jobs : 1;
	pthread_t *threads;

	if ((size_t)jobs > p->files.n - first)
		jobs = p->files.n > first ? (int)(p->files.n - first) : 1;
	threads = xcalloc((size_t)jobs, sizeof(*threads));
	for (int i = 1; i < jobs; i++)
		if (pthread_create(&threads[i], NULL, worker_main, &w))
			die("cannot start a scanning thread");
	worker_main(&w);
	for (int i = 1; i < jobs; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	if (w.compdb)
		clang_CompilationDatabase_dispose(w.compdb);
}
