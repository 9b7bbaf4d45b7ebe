// SPDX-License-Identifier: GPL-2.0
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static report_routine *die_routine, *warn_routine;
static bool dying;	/* die() said why already: check_stdout_at_exit() says no more */

void set_die_routine(report_routine *routine)
{
	die_routine = routine;
}

void set_warn_routine(report_routine *routine)
{
	warn_routine = routine;
}

/* "barriermap: PREFIX message[: SUFFIX]" on stderr */
static void vreport(const char *prefix, const char *suffix, const char *fmt, va_list ap)
{
	fprintf(stderr, "barriermap: %s", prefix);
	vfprintf(stderr, fmt, ap);
	if (suffix)
		fprintf(stderr, ": %s", suffix);
	fputc('\n', stderr);
}

/* Allocates nothing: a die routine may jump away (the fuzz harnesses). */
static noreturn void vdie(const char *suffix, const char *fmt, va_list ap)
{
	if (die_routine)
		die_routine(fmt, ap);
	vreport("", suffix, fmt, ap);
	dying = true;
	exit(EXIT_USAGE);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(NULL, fmt, ap);
}

void die_errno(const char *fmt, ...)
{
	const char *err = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	vdie(err, fmt, ap);
}

void check_stdout_at_exit(void)
{
	bool failed = ferror(stdout);
	int err = 0;

	if (fflush(stdout) == EOF || fclose(stdout) == EOF) {
		failed = true;
		err = errno;
	}
	if (!failed || dying)
		return;
	if (err)
		fprintf(stderr, "barriermap: cannot write to standard output: %s\n", strerror(err));
	else
		fprintf(stderr, "barriermap: cannot write to standard output\n");
	/* _exit(): exit() must not be called again from an atexit() handler */
	_exit(EXIT_USAGE);
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (warn_routine)
		warn_routine(fmt, ap);
	else
		vreport("warning: ", NULL, fmt, ap);
	va_end(ap);
}

void bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "barriermap: BUG at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return sb_detach(&sb);
}

/* @cap doubled from @first until it holds @want, or @want itself near SIZE_MAX */
static size_t doubled(size_t cap, size_t first, size_t want)
{
	size_t c = cap ? cap : first;

	while (c < want)
		c = c > SIZE_MAX / 2 ? want : c * 2;
	return c;
}

size_t vec_capacity(size_t cap, size_t want, size_t size)
{
	size_t c;

	if (size && want > SIZE_MAX / size)
		die("out of memory: an array of %zu elements of %zu bytes", want, size);
	c = doubled(cap, 8, want);
	return size && c > SIZE_MAX / size ? want : c;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t want;

	if (extra > SIZE_MAX - 1 - sb->len)
		die("out of memory: a string of more than %zu bytes", SIZE_MAX);
	want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return;
	sb->alloc = doubled(sb->alloc, 64, want);
	sb->buf = xrealloc(sb->buf, sb->alloc);
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

const char *sb_str(struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return s;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

bool str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

const char *find_word(const char *text, const char *from, const char *word)
{
	size_t n = strlen(word);

	if (!text || !n)
		return NULL;
	for (const char *p = strstr(from, word); p; p = strstr(p + 1, word))
		if (!(p > text && is_ident_char(p[-1])) && !is_ident_char(p[n]))
			return p;
	return NULL;
}

static inline unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 'a' - 'A') : c;
}

bool str_has_any_ci(const char *text, const char *const *words)
{
	bool starts[256] = { false };

	for (const char *const *w = words; *w; w++)
		starts[(unsigned char)**w] = true;
	for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
		if (!starts[ascii_lower(*p)])
			continue;
		for (const char *const *w = words; *w; w++) {
			const unsigned char *k = (const unsigned char *)*w;
			size_t n = 0;

			while (k[n] && ascii_lower(p[n]) == k[n])
				n++;
			if (!k[n])
				return true;
		}
	}
	return false;
}

int str_cmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t utf8_sequence_length(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

char *utf8_sanitize(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	sb_add(&sb, "", 0);
	while (i < n) {
		size_t len = utf8_sequence_length(s + i, n - i);

		if (len && u[i]) {
			sb_add(&sb, s + i, len);
			i += len;
		} else {
			sb_adds(&sb, UTF8_REPLACEMENT);
			i++;
		}
	}
	return sb_detach(&sb);
}

void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

int edit_distance_n(const char *a, size_t n, const char *b, size_t m, int cap)
{
	int stack_row[128], *row, best, result;

	if ((n > m ? n - m : m - n) > (size_t)cap)
		return cap + 1;
	/* the short names this is asked about need no allocation */
	row = m + 1 <= sizeof(stack_row) / sizeof(*stack_row) ? stack_row :
	      xmalloc((m + 1) * sizeof(*row));
	for (size_t j = 0; j <= m; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int diag = row[0];

		row[0] = (int)i;
		best = row[0];
		for (size_t j = 1; j <= m; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap) {
			result = cap + 1;
			goto out;
		}
	}
	result = row[m] > cap ? cap + 1 : row[m];
out:
	if (row != stack_row)
		free(row);
	return result;
}

int edit_distance(const char *a, const char *b, int cap)
{
	return edit_distance_n(a, strlen(a), b, strlen(b), cap);
}

/* ---- temp files: removed on exit and on the usual signals ---------- */

/*
 * The temp files write_file_atomic() has created and not yet renamed.  The
 * signal handler reads this table, so an entry is filled before it is
 * marked live, and only async-signal-safe calls (unlink) touch it there.
 */
#define MAX_TEMPS 4
static struct {
	char *path;
	volatile sig_atomic_t live;
} temps[MAX_TEMPS];
static const int temp_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGXFSZ };

static void remove_temps(void)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (temps[i].live)
			unlink(temps[i].path);
}

static void remove_temps_on_signal(int sig)
{
	remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Once: atexit() for die() and exit(), handlers for signals not ignored. */
static void install_temp_cleanup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	atexit(remove_temps);
	for (size_t i = 0; i < sizeof(temp_signals) / sizeof(*temp_signals); i++) {
		struct sigaction old, sa = { 0 };

		if (sigaction(temp_signals[i], NULL, &old) < 0 || old.sa_handler != SIG_DFL)
			continue;	/* ignored (nohup) or someone else's */
		sa.sa_handler = remove_temps_on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(temp_signals[i], &sa, NULL);
	}
}

static void block_temp_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(temp_signals) / sizeof(*temp_signals); i++)
		sigaddset(&set, temp_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* mkstemp() and record the file, with no signal in between; slot or -1. */
static int create_temp(char *tmp, int *slot)
{
	sigset_t old;
	int fd;

	install_temp_cleanup();
	*slot = -1;
	for (int i = 0; i < MAX_TEMPS && *slot < 0; i++)
		if (!temps[i].live)
			*slot = i;
	if (*slot < 0)
		BUG("more than %d temp files at once", MAX_TEMPS);
	block_temp_signals(&old);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		temps[*slot].path = tmp;
		temps[*slot].live = 1;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return fd;
}

static void forget_temp(int slot)
{
	temps[slot].live = 0;
	temps[slot].path = NULL;
}

int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

int write_temp_and_rename(int fd, const char *tmp, const char *path,
			  const char *data, size_t len, mode_t mode)
{
	int saved;

	if (write_all(fd, data, len) < 0 || fchmod(fd, mode) < 0) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		goto fail;
	}
	return 0;
fail:
	unlink(tmp);
	errno = saved;
	return -1;
}

int write_file_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmpXXXXXX", path);
	int slot, fd = create_temp(tmp, &slot), rc = -1, saved;

	if (fd >= 0) {
		rc = write_temp_and_rename(fd, tmp, path, data, len, 0644);
		forget_temp(slot);
	}
	saved = errno;
	free(tmp);
	errno = saved;
	return rc;
}

size_t atomic_temp_target(const char *name)
{
	size_t n = strlen(name);

	if (n <= strlen(".tmpXXXXXX") || strncmp(name + n - 10, ".tmp", 4))
		return 0;
	for (size_t i = n - 6; i < n; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return n - 10;
}

/* ---- folders ----------------------------------------------------------- */

static int make_dir(const char *path, mode_t mode)
{
	struct stat st;

	if (mkdir(path, mode) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	if (stat(path, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int mkdir_p(const char *dir, mode_t mode)
{
	char *path = xstrdup(dir);
	size_t n = strlen(path);
	int ret = 0;

	if (!n) {
		free(path);
		errno = ENOENT;
		return -1;
	}
	/* each parent ("a", "a/b" of "a/b/c"; never "" of "/a"), then @dir */
	for (size_t i = 1; i < n && !ret; i++) {
		if (path[i] != '/' || path[i - 1] == '/')
			continue;
		path[i] = '\0';
		ret = make_dir(path, mode);
		path[i] = '/';
	}
	if (!ret)
		ret = make_dir(path, mode);
	free(path);
	return ret;
}

/* ---- reading files ----------------------------------------------------- */

static bool streamable(mode_t mode, unsigned flags)
{
	return (flags & READ_STREAM) && (S_ISFIFO(mode) || S_ISCHR(mode));
}

/*
 * Open @path for reading without blocking on a FIFO or device that is not
 * allowed, and check its type.  Returns the fd, or -1 with errno set.
 */
static int open_for_reading(const char *path, unsigned flags, struct stat *st)
{
	int oflags = O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK, fd, err;

	if (flags & READ_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	/* a FIFO's open() waits for its writer: only when one may be read */
	if ((flags & READ_STREAM) && stat(path, st) == 0 && S_ISFIFO(st->st_mode))
		oflags &= ~O_NONBLOCK;
	fd = open(path, oflags);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0)
		goto fail;
	if (S_ISDIR(st->st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st->st_mode) && !streamable(st->st_mode, flags)) {
		errno = EINVAL;
		goto fail;
	}
	/* a stream is read as a filter reads: waiting for its data */
	if ((oflags & O_NONBLOCK) && !S_ISREG(st->st_mode) &&
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)
		goto fail;
	return fd;
fail:
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

/* The bound of the last read that failed with EFBIG, for read_error(). */
static _Thread_local size_t efbig_bound;

static void set_efbig(size_t max)
{
	efbig_bound = max;
	errno = EFBIG;
}

/*
 * Read @fd to its end, failing with EFBIG past @max.  @hint is the size
 * expected (a regular file's), so that a small file costs a small buffer.
 */
static char *read_all(int fd, size_t max, size_t hint, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t want = (hint < max ? hint : max) + 1;
	int err;

	for (;;) {
		ssize_t n;

		/* room for one byte more than expected, to see the end */
		if (sb.len + 1 >= sb.alloc) {
			sb_grow(&sb, want);
			want = 65536;
		}
		n = read(fd, sb.buf + sb.len, sb.alloc - sb.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (!n)
			break;
		sb.len += (size_t)n;
		sb.buf[sb.len] = '\0';
		if (sb.len > max) {
			set_efbig(max);
			goto fail;
		}
	}
	if (len)
		*len = sb.len;
	return sb_detach(&sb);
fail:
	err = errno;
	sb_release(&sb);
	errno = err;
	return NULL;
}

char *read_fd(int fd, size_t max, size_t *len)
{
	return read_all(fd, max, 65536, len);
}

char *read_file_bounded(const char *path, size_t max, unsigned flags, size_t *len)
{
	struct stat st;
	int fd = open_for_reading(path, flags, &st), err;
	char *text;

	if (fd < 0)
		return NULL;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		set_efbig(max);
		return NULL;
	}
	/* the size may change under us (or be 0, in /proc): read_all bounds it too */
	text = read_all(fd, max, S_ISREG(st.st_mode) ? (size_t)st.st_size : 65536, len);
	err = errno;
	close(fd);
	errno = err;
	return text;
}

char *read_replaceable(const char *path)
{
	char *text = read_file_bounded(path, READ_FILE_MAX, READ_NOFOLLOW, NULL);

	if (text || errno == ENOENT)
		return text;
	if (errno == EINVAL || errno == ELOOP || errno == EISDIR)
		die("%s is %s, not a regular file; not replacing it", path,
		    errno == ELOOP ? "a symbolic link" :
		    errno == EISDIR ? "a folder" : "a FIFO, socket or device");
	die("cannot read %s: %s", path, read_error(errno));
}

bool named_texts_have(const struct named_text_vec *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].name, name))
			return true;
	return false;
}

void named_texts_release(struct named_text_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].name);
		free(v->v[i].text);
	}
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

void refuse_unless_ours(const char *path, bool (*ours)(const char *text), const char *writer)
{
	char *text = read_replaceable(path);

	if (text && !ours(text))
		die("%s was not written by %s; not overwriting it "
		    "(move it away, or choose another folder)", path, writer);
	free(text);
}

void remove_stale_outputs(const char *dir, const struct named_text_vec *written,
			  bool (*generated)(const char *name), bool (*ours)(const char *text))
{
	DIR *d = opendir(dir);
	struct strvec stale = { 0 };
	struct dirent *de;

	if (!d)
		die_errno("cannot read %s", dir);
	while ((de = readdir(d))) {
		char *path, *text;

		if (!generated(de->d_name) || named_texts_have(written, de->d_name))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		text = read_file_bounded(path, READ_FILE_MAX, READ_NOFOLLOW, NULL);
		if (text && ours(text))
			vec_push(&stale, path);
		else
			free(path);
		free(text);
	}
	closedir(d);
	/* readdir()'s order is the file system's: remove in one order */
	xqsort(stale.v, stale.n, sizeof(*stale.v), str_cmp_ptr);
	for (size_t i = 0; i < stale.n; i++) {
		if (unlink(stale.v[i]) < 0)
			die_errno("cannot remove %s", stale.v[i]);
		free(stale.v[i]);
	}
	free(stale.v);
}

char *read_file(const char *path, size_t *len)
{
	return read_file_bounded(path, READ_FILE_MAX, 0, len);
}

const char *read_error(int err)
{
	static _Thread_local char bound[64];

	switch (err) {
	case EINVAL:
		return "not a regular file";
	case ELOOP:
		return "a symbolic link, not followed";
	case EFBIG:
		if (efbig_bound % (1 << 20) == 0)
			snprintf(bound, sizeof(bound), "larger than %zu MiB", efbig_bound >> 20);
		else
			snprintf(bound, sizeof(bound), "larger than %zu bytes", efbig_bound);
		return bound;
	default:
		return strerror(err);
	}
}

/* ---- option values ----------------------------------------------------- */

bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	size_t n = strspn(s, "0123456789");
	unsigned long v;

	/* at most 19 digits: no overflow in an unsigned long */
	if (!n || s[n] || n > 19)
		return false;
	v = strtoul(s, NULL, 10);
	if (v > max)
		return false;
	*out = v;
	return true;
}

