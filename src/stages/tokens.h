/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A compact copy of one file's clang_tokenize() output, kept only while the
 * file is scanned.  Spellings are slices of the file buffer, so no string
 * is allocated per token.  Tokens inside preprocessor directives are marked,
 * so that "#define smp_mb() ..." is never taken for a barrier call.
 */
#ifndef BARRIERMAP_TOKENS_H
#define BARRIERMAP_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

enum tok_kind { TOK_PUNCT, TOK_KEYWORD, TOK_IDENT, TOK_LITERAL, TOK_COMMENT };

struct token {
	unsigned char kind;	/* enum tok_kind */
	bool directive;		/* part of a #-directive line */
	bool skipped;		/* in a conditional block the preprocessor skipped */
	unsigned off, len;	/* slice of the file buffer */
	unsigned match;		/* a bracket's partner ("(" ")" "{" "}"), else the count of tokens */
	struct pos start, end;	/* end: last character */
};

struct token_view {
	const char *buf;
	size_t buflen;
	struct token *t;
	size_t n;
};

static inline bool tok_is(const struct token_view *tv, size_t i, const char *s)
{
	const struct token *t = &tv->t[i];

	return t->len == strlen(s) && !memcmp(tv->buf + t->off, s, t->len);
}

static inline char *tok_dup(const struct token_view *tv, size_t i)
{
	return xstrndup(tv->buf + tv->t[i].off, tv->t[i].len);
}

static inline void token_view_release(struct token_view *tv)
{
	free(tv->t);
	tv->t = NULL;
	tv->n = 0;
}

/* Is token i an identifier followed by "(" (a call or macro invocation)? */
bool tok_is_call(const struct token_view *tv, size_t i);
/* Index of the first token at or after @at, or tv->n. */
size_t tok_find(const struct token_view *tv, struct pos at);

#endif
