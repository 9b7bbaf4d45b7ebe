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
#include <sys/types.h>

/* Exit codes, documented in README.md. */
enum {
	EXIT_CLEAN = 0,		/* nothing to report */
	EXIT_FINDINGS = 1,	/* findings were printed */
	EXIT_USAGE = 2,		/* usage or input error */
};

noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* die() with ": " and strerror(errno) after the message, as git's die_errno(). */
noreturn void die_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * What die() and warning() do instead of printing (and die() of exiting),
 * as git's set_die_routine(): the fuzz harnesses jump back to their loop
 * without flooding their log.  A die routine must not return.
 */
typedef void report_routine(const char *fmt, va_list ap);
void set_die_routine(report_routine *routine);
void set_warn_routine(report_routine *routine);
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * For atexit(), registered first in main() so that it runs last: standard
 * output that could not be written or closed (a full disk) is an error,
 * "barriermap: cannot write to standard output" and exit 2, whatever the
 * command returned.
 */
void check_stdout_at_exit(void);
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

/*
 * A growable array: VEC(int) v = {0}; vec_push(&v, 3); free(v.v);
 * VEC(T) is an anonymous struct, so no two VEC(int) have the same type:
 * one that crosses a function boundary gets a name, VEC_TYPE(int_vec, int)
 * declaring struct int_vec with the same fields.
 */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_TYPE(name, T) struct name { T *v; size_t n, cap; }
VEC_TYPE(strvec, char *);		/* strings it owns */
VEC_TYPE(string_list, const char *);	/* strings it borrows */

/* A file to generate: the map's pages, suggest's patches. */
struct named_text {
	char *name;	/* file name: "x86.rst", "0001-KVM-x86-....patch" */
	char *text;
};
VEC_TYPE(named_text_vec, struct named_text);
bool named_texts_have(const struct named_text_vec *v, const char *name);
void named_texts_release(struct named_text_vec *v);

/*
 * The capacity to grow an array of @cap elements of @size bytes to, to
 * hold @want: 8, then doubling.  Dies when @want elements would not fit
 * in memory (their size overflows size_t).
 */
size_t vec_capacity(size_t cap, size_t want, size_t size);
#define vec_grow(vec, want)						\
	do {								\
		if ((want) > (vec)->cap) {				\
			size_t c_ = vec_capacity((vec)->cap, (want), sizeof(*(vec)->v)); \
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

/* A character of a C identifier: ASCII letters and digits, '_'. */
static inline bool is_ident_char(char c)
{
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}
/*
 * The first whole-word occurrence of @word in @text at or after @from: no
 * identifier character just before or after it ("smp_wmb" is in "the
 * smp_wmb above", not in "smp_wmb__x").  NULL if none, or if @text is NULL
 * or @word empty.
 */
const char *find_word(const char *text, const char *from, const char *word);
static inline bool has_word(const char *text, const char *word)
{
	return find_word(text, text, word) != NULL;
}
bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
/*
 * Does @text hold one of @words (NULL-terminated, written in lower case),
 * its ASCII letters in any case?  strcasestr() for each word, in one pass
 * over @text: the comment pre-filters run on every comment of the tree.
 */
bool str_has_any_ci(const char *text, const char *const *words);
int str_cmp_ptr(const void *a, const void *b);	/* qsort over char * */
/* qsort() that accepts an empty (NULL) array, which qsort() itself may not. */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* U+FFFD, what stands for a byte that is not UTF-8 */
#define UTF8_REPLACEMENT "\xef\xbf\xbd"
/*
 * Length of the valid UTF-8 sequence at @s (at most @n bytes, n >= 1), or
 * 0: overlong forms, surrogates and code points past U+10FFFF are invalid.
 */
size_t utf8_sequence_length(const char *s, size_t n);
/* A copy of @s[0..n) with each invalid UTF-8 sequence (and NUL) replaced by U+FFFD. */
char *utf8_sanitize(const char *s, size_t n);

/* Levenshtein distance, capped: returns cap + 1 once it exceeds cap. */
int edit_distance(const char *a, const char *b, int cap);
/* The same, of @a[0..n) and @b[0..m): for callers that know the lengths. */
int edit_distance_n(const char *a, size_t n, const char *b, size_t m, int cap);

/*
 * Write a file atomically: a temp file "PATH.tmpXXXXXX" in the same folder
 * (mkstemp's six characters), then rename() over PATH.  Returns 0, or -1
 * with errno set and the temp file removed.  The temp file is also removed
 * when the process dies (die(), exit()) or is killed by SIGHUP, SIGINT,
 * SIGQUIT, SIGTERM, SIGPIPE or SIGXFSZ before the rename; only SIGKILL can
 * leave one, which atomic_temp_target() lets the next run recognise.  Not
 * thread-safe: call it from the main thread.
 */
/* Write all @len bytes of @data to @fd, again after EINTR: 0, or -1 with errno. */
int write_all(int fd, const char *data, size_t len);
int write_file_atomic(const char *path, const char *data, size_t len);
/*
 * The end of every atomic write: @data into @fd (open on the temp file
 * @tmp), @mode, close, rename to @path; on failure @tmp is removed.
 * 0, or -1 with errno.
 */
int write_temp_and_rename(int fd, const char *tmp, const char *path,
			  const char *data, size_t len, mode_t mode);
/*
 * If @name has the shape of write_file_atomic()'s temp files
 * ("TARGET.tmpXXXXXX", X in [A-Za-z0-9]), the length of TARGET, else 0.
 */
size_t atomic_temp_target(const char *name);

/*
 * Create folder @dir and its missing parents (mkdir -p).  Returns 0 when
 * @dir is a folder at the end (a link to one counts), else -1 with errno
 * set: ENOENT for "", ENOTDIR when it or a parent is not a folder.
 */
int mkdir_p(const char *dir, mode_t mode);

/*
 * Reading files.  read_file() reads what the tool finds for itself (a
 * source file, a page it wrote): a regular file only, of at most
 * READ_FILE_MAX bytes, links followed.  read_file_bounded() takes the
 * bound and these flags:
 *   READ_NOFOLLOW  the last component must not be a symbolic link (for
 *                  names that a patch or another user could have planted);
 *   READ_STREAM    also a FIFO or character device that the user named
 *                  (check-patch <(git diff)): it is read to its end,
 *                  waiting for the writer as any filter does, and fails
 *                  with EFBIG once it passes @max.
 * Both return a NUL-terminated buffer (the NUL not counted in *len; the
 * content may hold NULs of its own), or NULL with errno set:
 *   EINVAL  not a regular file (a FIFO or device is never opened for
 *           reading without READ_STREAM, so it cannot block);
 *   EISDIR  a folder;
 *   ELOOP   a symbolic link under READ_NOFOLLOW;
 *   EFBIG   more than @max bytes (checked before reading a regular file);
 *   or what open() and read() set.
 * read_error() says it in words: "not a regular file", "larger than 16 MiB"
 * (the bound of the last EFBIG of this thread), ...
 */
/* 16 MiB: the largest KVM source file is 0.4 MB, the largest patch series a few MB */
#define READ_FILE_MAX ((size_t)16 << 20)
enum {
	READ_NOFOLLOW = 1 << 0,
	READ_STREAM = 1 << 1,
};
char *read_file(const char *path, size_t *len);
char *read_file_bounded(const char *path, size_t max, unsigned flags, size_t *len);
/*
 * A file barriermap is about to replace with one it generates: its text,
 * for the caller to look for its own marker, or NULL when there is none
 * yet.  Dies when @path is a link, a folder, a FIFO or unreadable, so that
 * nothing but a regular file is ever replaced.
 */
char *read_replaceable(const char *path);
/*
 * Dies unless @path is missing or a file @writer ("barriermap", "barriermap
 * suggest") generated, as @ours() recognises its text: nothing else is
 * ever overwritten.
 */
void refuse_unless_ours(const char *path, bool (*ours)(const char *text), const char *writer);
/*
 * Remove the files of @dir that an earlier run generated and this one no
 * longer writes: those whose name @generated() takes, that are not in
 * @written, and whose text @ours() recognises.  Anything else is left alone.
 */
void remove_stale_outputs(const char *dir, const struct named_text_vec *written,
			  bool (*generated)(const char *name), bool (*ours)(const char *text));
/* Read @fd (stdin, a pipe) to its end, as read_file_bounded() reads a stream. */
char *read_fd(int fd, size_t max, size_t *len);
const char *read_error(int err);

/* @s as a number from 0 to @max, decimal digits only: false otherwise. */
bool parse_uint(const char *s, unsigned long max, unsigned long *out);

#endif
