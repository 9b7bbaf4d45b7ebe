/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small owned-buffer types and error reporting, in the manner of git's
 * strbuf and die(): one growable string, one growable array macro, and one
 * shape for every message the user sees ("barriermap: ...").
 */
#ifndef BARRIERMAP_UTIL_H
#define BARRIERMAP_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdnoreturn.h>

/* Exit codes, documented in README.md. */
enum {
	EXIT_CLEAN = 0,		/* nothing to report */
	EXIT_FINDINGS = 1,	/* findings were printed */
	EXIT_USAGE = 2,		/* usage or input error */
};

noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xstrdup_or_null(const char *s);	/* NULL stays NULL */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array: VEC(int) v = {0}; vec_push(&v, 3); free(v.v); */
#define VEC(T) struct { T *v; size_t n, cap; }
/* A named growable array of strings, for function parameters. */
struct strvec {
	char **v;
	size_t n, cap;
};

#define vec_grow(vec, want)						\
	do {								\
		if ((want) > (vec)->cap) {				\
			size_t c_ = (vec)->cap ? (vec)->cap * 2 : 8;	\
			while (c_ < (want))				\
				c_ *= 2;				\
			(vec)->v = xrealloc((vec)->v, c_ * sizeof(*(vec)->v)); \
			(vec)->cap = c_;				\
		}							\
	} while (0)
#define vec_push(vec, x)						\
	do {								\
		vec_grow((vec), (vec)->n + 1);				\
		(vec)->v[(vec)->n++] = (x);				\
	} while (0)
#define vec_last(vec) (&(vec)->v[(vec)->n - 1])

struct strbuf {
	char *buf;	/* always NUL-terminated once anything was added */
	size_t len, alloc;
};
#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
const char *sb_str(struct strbuf *sb);	/* "" for an empty buffer */
char *sb_detach(struct strbuf *sb);	/* caller frees; buffer is reset */
void sb_reset(struct strbuf *sb);
void sb_release(struct strbuf *sb);

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
int str_cmp_ptr(const void *a, const void *b);	/* qsort over char * */
/* qsort() that accepts an empty (NULL) array, which qsort() itself may not. */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* A copy of @s[0..n) with each invalid UTF-8 sequence replaced by U+FFFD. */
char *utf8_sanitize(const char *s, size_t n);

/* Levenshtein distance, capped: returns cap + 1 once it exceeds cap. */
int edit_distance(const char *a, const char *b, int cap);

/*
 * Write a file atomically (temp file in the same folder, then rename).
 * Returns 0, or -1 with errno set.
 */
int write_file_atomic(const char *path, const char *data, size_t len);
/* Read a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);

#endif
