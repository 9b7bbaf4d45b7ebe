// SPDX-License-Identifier: GPL-2.0
/*
 * Reading patches for check-patch.
 *
 * Parsing here is only deep enough to split an mbox, name the files and
 * hunks, and reject malformed input with a message that points at the
 * hunk; applying is left to `git apply` (apply.c), the tool kernel
 * developers already trust to do it.
 *
 * A patch is a stranger's data: its size is bounded before it is read,
 * every file name is decoded as git writes it (C quoting) and then
 * checked, and whatever a failed parse allocated is freed before die(),
 * so that a leak checker finds nothing and the exit status stays 2.
 */
#include "patch.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* A line of the input: [s, s + len), without its newline. */
struct line {
	const char *s;
	size_t len;
};

typedef VEC(struct line) line_vec;

/* One input being read: everything a parse error must free. */
struct reading {
	char *text;
	size_t len;
	line_vec lines;
	VEC(size_t) starts;	/* first line of each mail of an mbox */
};

static void reading_release(struct reading *rd)
{
	free(rd->text);
	free(rd->lines.v);
	free(rd->starts.v);
	memset(rd, 0, sizeof(*rd));
}

static void split_lines(const char *text, size_t len, line_vec *out)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct line l = { p, n };

		vec_push(out, l);
		p += n + (nl ? 1 : 0);
	}
}

static bool line_starts(const struct line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l->len >= n && !memcmp(l->s, prefix, n);
}

/*
 * "From <sha1> Mon Sep 17 00:00:00 2001" from git format-patch, or any
 * mbox "From sender date" line.  Inside a patch body such a line cannot
 * occur unescaped: diff lines start with ' ', '+', '-' or '@'.
 */
static bool is_mbox_from(const struct line *l)
{
	const char *p, *end = l->s + l->len;

	if (!line_starts(l, "From "))
		return false;
	p = l->s + 5;
	if (p >= end || *p == ' ')
		return false;
	while (p < end && *p != ' ')
		p++;
	return p + 1 < end;	/* a sender followed by a date */
}

/* ---- the Subject: header ---------------------------------------------- */

static int base64_value(char c)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *d = c ? strchr(digits, c) : NULL;

	return d ? (int)(d - digits) : -1;
}

/* RFC 2047's "B" (base64) or "Q" (quoted-printable, "_" a space) text. */
static bool decode_word_text(char encoding, const char *s, size_t n, struct strbuf *out)
{
	unsigned acc = 0, bits = 0;

	for (size_t i = 0; i < n; i++) {
		if (encoding == 'Q' && s[i] == '=') {
			char hex[3] = { 0 };

			if (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
			    !isxdigit((unsigned char)s[i + 2]))
				return false;
			memcpy(hex, s + i + 1, 2);
			sb_addc(out, (char)strtoul(hex, NULL, 16));
			i += 2;
		} else if (encoding == 'Q') {
			sb_addc(out, s[i] == '_' ? ' ' : s[i]);
		} else if (s[i] != '=') {
			int v = base64_value(s[i]);

			if (v < 0)
				return false;
			acc = (acc << 6) | (unsigned)v;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				sb_addc(out, (char)((acc >> bits) & 0xff));
			}
		}
	}
	return true;
}

/*
 * The encoded-word "=?charset?B|Q?text?=" at @s (RFC 2047), decoded to
 * UTF-8 into @out; its length, or 0 when @s does not start one or its
 * charset is unknown to iconv (the word is then shown as it is).
 */
static size_t decode_word(const char *s, struct strbuf *out)
{
	const char *cs = s + 2, *q1, *text, *close;
	struct strbuf raw = STRBUF_INIT;
	char *charset;
	char enc;
	size_t used = 0;

	if (strncmp(s, "=?", 2) || !(q1 = strchr(cs, '?')) || q1 == cs || !q1[1] ||
	    q1[2] != '?')
		return 0;
	enc = (char)toupper((unsigned char)q1[1]);
	text = q1 + 3;
	close = strstr(text, "?=");
	if ((enc != 'B' && enc != 'Q') || !close || memchr(text, ' ', close - text) ||
	    !decode_word_text(enc, text, close - text, &raw)) {
		sb_release(&raw);
		return 0;
	}
	charset = xstrndup(cs, strcspn(cs, "?*"));	/* "*lang" is RFC 2231's */
	if (!strcasecmp(charset, "utf-8") || !strcasecmp(charset, "us-ascii")) {
		sb_add(out, raw.buf ? raw.buf : "", raw.len);
		used = close + 2 - s;
	} else {
		iconv_t cd = iconv_open("UTF-8", charset);

		if (cd != (iconv_t)-1) {
			size_t room = raw.len * 4 + 1, left = room, in_left = raw.len;
			char *buf = xmalloc(room), *in = raw.buf ? raw.buf : "", *o = buf;

			if (iconv(cd, &in, &in_left, &o, &left) != (size_t)-1) {
				sb_add(out, buf, room - left);
				used = close + 2 - s;
			}
			free(buf);
			iconv_close(cd);
		}
	}
	free(charset);
	sb_release(&raw);
	return used;
}

/*
 * A subject as git am shows it: encoded-words decoded (git format-patch
 * encodes every subject that is not ASCII), the blanks between two of
 * them dropped, then made safe to print: bytes that are not UTF-8 become
 * U+FFFD and control characters '?', so that no escape sequence from a
 * stranger's mail reaches a terminal.
 */
static char *clean_subject(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	bool after_word = false;
	char *u;

	while (*s) {
		size_t gap = strspn(s, " \t"), used;

		if (after_word && s[gap] && (used = decode_word(s + gap, &sb)) != 0) {
			s += gap + used;
			continue;
		}
		if ((used = decode_word(s, &sb)) != 0) {
			s += used;
			after_word = true;
			continue;
		}
		sb_addc(&sb, *s++);
		after_word = false;
	}
	u = utf8_sanitize(sb.buf ? sb.buf : "", sb.len);
	sb_reset(&sb);
	for (const char *c = u; *c; c++) {
		unsigned char b = (unsigned char)*c;
		bool c1 = b == 0xc2 && (unsigned char)c[1] >= 0x80 &&
			  (unsigned char)c[1] < 0xa0;	/* U+0080..U+009F */

		if (b < 0x20 || b == 0x7f || c1)
			sb_addc(&sb, '?');
		else
			sb_addc(&sb, *c);
		c += c1;
	}
	free(u);
	return sb_detach(&sb);
}

/* The Subject: header of a mail, continuation lines joined, decoded. */
static char *mail_subject(const line_vec *lines, size_t from, size_t to)
{
	struct strbuf sb = STRBUF_INIT;
	char *subject;

	for (size_t i = from; i < to && lines->v[i].len; i++) {
		if (!line_starts(&lines->v[i], "Subject: "))
			continue;
		sb_add(&sb, lines->v[i].s + 9, lines->v[i].len - 9);
		while (i + 1 < to && lines->v[i + 1].len &&
		       (lines->v[i + 1].s[0] == ' ' || lines->v[i + 1].s[0] == '\t')) {
			i++;
			sb_add(&sb, lines->v[i].s, lines->v[i].len);
		}
		break;
	}
	if (!sb.len) {
		sb_release(&sb);	/* "Subject: " alone still grew the buffer */
		return NULL;
	}
	subject = clean_subject(sb_str(&sb));
	sb_release(&sb);
	return subject;
}

const char *subject_without_tag(const char *subject)
{
	if (subject[0] == '[') {
		const char *close = strchr(subject, ']');

		if (close) {
			subject = close + 1;
			while (*subject == ' ')
				subject++;
		}
	}
	return subject;
}

struct parser {
	struct patch *patch;
	const line_vec *lines;
	size_t i, end;		/* current line, end of this patch */
	bool in_git_header;	/* after "diff --git", before "---" or "@@" */
	struct reading *rd;
	char *held[3];		/* names being parsed, not yet in the patch */
};

/*
 * Free what the parse holds and die with @msg, which must not point into
 * it: the message is formatted into a static buffer first.
 */
static noreturn void parser_die(struct parser *ps, const char *msg)
{
	for (size_t i = 0; i < sizeof(ps->held) / sizeof(ps->held[0]); i++)
		free(ps->held[i]);
	reading_release(ps->rd);
	die("%s", msg);
}

static noreturn void malformed(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static noreturn void malformed(struct parser *ps, const char *fmt, ...)
{
	static char msg[8192];
	va_list ap;
	int n;

	n = snprintf(msg, sizeof(msg), "%s: malformed patch: ", ps->patch->name);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < sizeof(msg))
		vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	va_end(ap);
	n = strlen(msg);
	snprintf(msg + n, sizeof(msg) - n, " (line %zu)", ps->i + 1);
	parser_die(ps, msg);
}

static struct file_patch *cur_file(struct parser *ps)
{
	return ps->patch->files.n ? vec_last(&ps->patch->files) : NULL;
}

static struct file_patch *new_file(struct parser *ps)
{
	struct file_patch fp = { 0 };

	vec_push(&ps->patch->files, fp);
	return vec_last(&ps->patch->files);
}

/*
 * The project's own check of a decoded name: relative, inside the tree,
 * no control characters (a name ending in '\r' is a CRLF patch).
 */
static void check_path(struct parser *ps, const char *path)
{
	size_t n = strlen(path);
	const char *p = path;

	if (n && path[n - 1] == '\r')
		malformed(ps, "file name '%.*s' ends with a carriage return, and not every line does: "
			  "convert the patch with dos2unix", (int)(n - 1), path);
	if (!n || path[0] == '/')
		malformed(ps, "unsupported file name '%s'", path);
	for (const char *c = path; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			malformed(ps, "file name '%.*s' holds a control character",
				  (int)(c - path), path);
	while ((p = strstr(p, "..")) != NULL) {
		if ((p == path || p[-1] == '/') && (p[2] == '/' || !p[2]))
			malformed(ps, "file name '%s' leaves the tree", path);
		p += 2;
	}
}

/*
 * A name git wrote in C quotes ("b/caf\303\251.c"), as git's
 * unquote_c_style() reads it.  *p points at the opening quote and is left
 * past the closing one.  The result is held in ps->held[slot].
 */
static char *unquote(struct parser *ps, const char **p, const char *end, int slot)
{
	static const char escapes[] = "a\ab\bf\fn\nr\rt\tv\v\\\\\"\"";
	struct strbuf sb = STRBUF_INIT;
	const char *s = *p + 1;

	sb_adds(&sb, "");
	ps->held[slot] = sb.buf;
	for (; s < end && *s != '"'; s++) {
		const char *e;
		unsigned v;

		if (*s != '\\') {
			sb_addc(&sb, *s);
		} else if (s + 1 < end && s[1] >= '0' && s[1] <= '3') {
			if (s + 3 >= end || s[2] < '0' || s[2] > '7' || s[3] < '0' || s[3] > '7')
				malformed(ps, "bad octal escape in a quoted file name");
			v = (unsigned)(s[1] - '0') * 64 + (unsigned)(s[2] - '0') * 8 + (unsigned)(s[3] - '0');
			if (!v)
				malformed(ps, "a quoted file name holds a NUL byte");
			sb_addc(&sb, (char)v);
			s += 3;
		} else if (s + 1 < end && s[1] && (e = strchr(escapes, s[1])) != NULL &&
			   (e - escapes) % 2 == 0) {
			sb_addc(&sb, e[1]);
			s++;
		} else {
			malformed(ps, "bad escape in a quoted file name");
		}
		ps->held[slot] = sb.buf;
	}
	if (s >= end)
		malformed(ps, "unterminated quoted file name");
	*p = s + 1;
	return sb.buf;
}

/* A name that runs to the end of the line, quoted or not; held in @slot. */
static char *name_to_end(struct parser *ps, const char *p, const char *end, int slot)
{
	if (p < end && *p == '"')
		return unquote(ps, &p, end, slot);
	return ps->held[slot] = xstrndup(p, end - p);
}

/* Take the name out of @slot: it is the caller's now. */
static char *take(struct parser *ps, int slot)
{
	char *s = ps->held[slot];

	ps->held[slot] = NULL;
	return s;
}

/*
 * A path from a "---"/"+++" line: drop diff's "\t<timestamp>" and the
 * first component (a/, b/, or the folder name for `diff -u` of trees),
 * as `git apply -p1` does.  NULL for /dev/null.
 */
static char *traditional_path(struct parser *ps, const struct line *l, int slot)
{
	const char *p = l->s + 4, *end = l->s + l->len;	/* after "--- " or "+++ " */
	char *s, *slash, *path;

	if (p < end && *p == '"') {
		s = unquote(ps, &p, end, slot);
	} else {
		const char *tab = memchr(p, '\t', end - p);

		if (tab)
			end = tab;
		while (end > p && end[-1] == ' ')
			end--;
		s = ps->held[slot] = xstrndup(p, end - p);
	}
	if (!strcmp(s, "/dev/null")) {
		free(take(ps, slot));
		return NULL;
	}
	slash = strchr(s, '/');
	path = xstrdup(slash ? slash + 1 : s);
	free(s);
	ps->held[slot] = path;
	check_path(ps, path);
	return path;
}

/*
 * The one-folder prefixes git writes before a name in "diff --git": a/
 * and b/, or with diff.mnemonicPrefix c/ (commit), i/ (index), w/ (work
 * tree), o/ (object), 1/ and 2/ (--no-index).  git apply -p1 takes any
 * prefix; a name without one (diff.noprefix) starts with a real folder,
 * which no kernel tree names with one character.
 */
static bool is_git_prefix(const char *s)
{
	return s[0] && strchr("abciow12", s[0]) && s[1] == '/';
}

/* Strip git's prefix from the name in @slot; false if it has none. */
static bool strip_prefix(struct parser *ps, int slot)
{
	char *s = ps->held[slot];

	if (!is_git_prefix(s))
		return false;
	memmove(s, s + 2, strlen(s + 2) + 1);
	return true;
}

/* "A/NAME B/NAME" with one name twice: NAME's length, or 0. */
static size_t same_name_twice(const char *p, size_t n)
{
	size_t len = (n - 5) / 2;

	if (n <= 5 || (n - 5) % 2 || !is_git_prefix(p) || p[2 + len] != ' ' ||
	    !is_git_prefix(p + 3 + len) || memcmp(p + 2, p + 5 + len, len))
		return 0;
	return len;
}

/* "diff --git a/X b/Y": X and Y are equal unless renamed or copied; either may be quoted. */
static void parse_diff_git(struct parser *ps, const struct line *l)
{
	const char *p = l->s + 11, *end = l->s + l->len;
	const char *q = memmem(p, end - p, " \"", 2);
	size_t n = end - p, len;
	struct file_patch *fp;

	if (n && *p == '"') {
		unquote(ps, &p, end, 0);
		if (p < end && *p == ' ')
			p++;
		name_to_end(ps, p, end, 1);
	} else if (q) {
		ps->held[0] = xstrndup(p, q - p);
		unquote(ps, &(const char *){ q + 1 }, end, 1);
	} else if ((len = same_name_twice(p, n)) != 0) {
		ps->held[0] = xstrndup(p, len + 2);
		ps->held[1] = xstrndup(p + 3 + len, len + 2);
	} else {
		/* a rename: its "rename from/to" lines say the names again */
		for (q = memchr(p, ' ', n); q && !is_git_prefix(q + 1); q = memchr(q + 1, ' ', end - q - 1))
			;
		if (q) {
			ps->held[0] = xstrndup(p, q - p);
			ps->held[1] = xstrndup(q + 1, end - q - 1);
		}
	}
	if (!ps->held[0] || !ps->held[1] || !strip_prefix(ps, 0) || !strip_prefix(ps, 1)) {
		const char *names = l->s + 11;	/* p may be past a quoted name */
		bool bare = n % 2 && names[n / 2] == ' ' && !memcmp(names, names + n / 2 + 1, n / 2);

		malformed(ps, "cannot read the file names in '%.*s'%s", (int)l->len, l->s,
			  bare ? ": a diff without a/ and b/ (diff.noprefix?); check-patch reads "
			  "names as git apply -p1 does" : "");
	}
	check_path(ps, ps->held[0]);
	check_path(ps, ps->held[1]);
	fp = new_file(ps);
	fp->old_path = take(ps, 0);
	fp->new_path = take(ps, 1);
	ps->in_git_header = true;
}

static void replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

/* The value of "rename from X" and the like: quoted or not, then checked. */
static char *header_path(struct parser *ps, const struct line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	name_to_end(ps, l->s + n, l->s + l->len, 0);
	check_path(ps, ps->held[0]);
	return take(ps, 0);
}

static bool is_blob_name(const char *s, size_t n)
{
	if (n < 4 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* "index 1a2b3c4..5d6e7f8 100644": the blobs before and after; zeros are none. */
static void parse_index(struct parser *ps, const struct line *l)
{
	struct file_patch *fp = cur_file(ps);
	const char *p = l->s + 6, *end = l->s + l->len;
	const char *dots = memmem(p, end - p, "..", 2), *sp;

	if (!dots)
		return;
	sp = memchr(dots, ' ', end - dots);
	if (!sp)
		sp = end;
	if (!is_blob_name(p, dots - p) || !is_blob_name(dots + 2, sp - dots - 2))
		return;	/* not ours to judge: git apply reads it again */
	if (strspn(p, "0") < (size_t)(dots - p))
		replace(&fp->old_blob, xstrndup(p, dots - p));
	if (strspn(dots + 2, "0") < (size_t)(sp - dots - 2))
		replace(&fp->new_blob, xstrndup(dots + 2, sp - dots - 2));
}

/* git's extended header lines; false when @l is not one. */
static bool parse_git_header(struct parser *ps, const struct line *l)
{
	struct file_patch *fp = cur_file(ps);

	if (line_starts(l, "new file mode ")) {
		replace(&fp->old_path, NULL);
	} else if (line_starts(l, "deleted file mode ")) {
		replace(&fp->new_path, NULL);
	} else if (line_starts(l, "rename from ") || line_starts(l, "copy from ")) {
		fp->rename = line_starts(l, "rename");
		fp->copy = !fp->rename;
		replace(&fp->old_path, header_path(ps, l, fp->rename ? "rename from " : "copy from "));
	} else if (line_starts(l, "rename to ") || line_starts(l, "copy to ")) {
		replace(&fp->new_path, header_path(ps, l, line_starts(l, "rename") ?
						   "rename to " : "copy to "));
	} else if (line_starts(l, "index ")) {
		parse_index(ps, l);
	} else if (!line_starts(l, "old mode ") && !line_starts(l, "new mode ") &&
		   !line_starts(l, "similarity index ") &&
		   !line_starts(l, "dissimilarity index ") &&
		   !line_starts(l, "Binary files ") && !line_starts(l, "GIT binary patch")) {
		return false;
	}
	return true;
}

/* "--- a/X" then "+++ b/Y": a traditional diff, or the names of a git one. */
static void parse_traditional(struct parser *ps)
{
	struct file_patch *fp = cur_file(ps);
	char *old_path, *new_path;

	old_path = traditional_path(ps, &ps->lines->v[ps->i], 2);
	ps->i++;
	new_path = traditional_path(ps, &ps->lines->v[ps->i], 1);
	take(ps, 1);
	take(ps, 2);
	if (!ps->in_git_header || !fp || fp->hunks.n) {
		fp = new_file(ps);
		fp->old_path = old_path;
		fp->new_path = new_path;
	} else {
		/* git's own header said it first; ---/+++ confirm new/deleted */
		if (!old_path)
			replace(&fp->old_path, NULL);
		else
			free(old_path);
		if (!new_path)
			replace(&fp->new_path, NULL);
		else
			free(new_path);
	}
	if (!fp->old_path && !fp->new_path)
		malformed(ps, "both sides of a file are /dev/null");
	ps->in_git_header = false;
}

static bool parse_range(const char **p, char sign, unsigned *start, unsigned *count)
{
	char *end;

	if (**p != sign)
		return false;
	(*p)++;
	*start = strtoul(*p, &end, 10);
	if (end == *p)
		return false;
	*count = 1;
	*p = end;
	if (**p == ',') {
		(*p)++;
		*count = strtoul(*p, &end, 10);
		if (end == *p)
			return false;
		*p = end;
	}
	return true;
}

static const char *file_name(const struct file_patch *fp)
{
	return fp->new_path ? fp->new_path : fp->old_path;
}

/*
 * A header line is read as C strings: a NUL byte in one would cut a file
 * name short without a word, so it is refused (no text patch holds one).
 */
static const struct line *header_line(struct parser *ps, size_t i)
{
	const struct line *l = &ps->lines->v[i];
	const char *nul = memchr(l->s, '\0', l->len);

	if (nul) {
		ps->i = i;
		malformed(ps, "a NUL byte in '%.*s'", (int)(nul - l->s), l->s);
	}
	return l;
}

/* "@@ -a,b +c,d @@" and exactly b old and d new lines after it. */
static void parse_hunk(struct parser *ps)
{
	const struct line *l = header_line(ps, ps->i);
	struct file_patch *fp = cur_file(ps);
	struct hunk h = { 0 };
	char *header = ps->held[0] = xstrndup(l->s, l->len);
	const char *p = header + 3;
	unsigned old_left, new_left;
	size_t nops = 0;
	char *ops;

	if (!fp)
		malformed(ps, "hunk '%s' before any file header", header);
	if (!parse_range(&p, '-', &h.old_start, &h.old_count) || *p++ != ' ' ||
	    !parse_range(&p, '+', &h.new_start, &h.new_count) || strncmp(p, " @@", 3))
		malformed(ps, "%s: bad hunk header '%s'", file_name(fp), header);
	if (h.old_count > 1000000 || h.new_count > 1000000)
		malformed(ps, "%s: hunk '%s' is larger than a million lines", file_name(fp), header);
	h.header = take(ps, 0);
	h.line = ps->i + 1;
	h.ops = xcalloc((size_t)h.old_count + h.new_count + 1, 1);
	vec_push(&fp->hunks, h);
	ops = vec_last(&fp->hunks)->ops;
	old_left = h.old_count;
	new_left = h.new_count;
	while (old_left || new_left) {
		const struct line *b;

		if (++ps->i >= ps->end)
			malformed(ps, "%s: hunk '%s' is truncated", file_name(fp), header);
		b = &ps->lines->v[ps->i];
		/* an empty line is a context line whose space was eaten by a mailer */
		char c = b->len ? b->s[0] : ' ';

		if (c == '\\')
			continue;
		if ((c == ' ' || c == '-') && !old_left)
			malformed(ps, "%s: hunk '%s' has more old lines than it says",
				  file_name(fp), header);
		if ((c == ' ' || c == '+') && !new_left)
			malformed(ps, "%s: hunk '%s' has more new lines than it says",
				  file_name(fp), header);
		if (c == ' ') {
			old_left--;
			new_left--;
		} else if (c == '-') {
			old_left--;
		} else if (c == '+') {
			new_left--;
		} else {
			malformed(ps, "%s: hunk '%s' is truncated", file_name(fp), header);
		}
		ops[nops++] = c;
	}
	ps->in_git_header = false;
}

static void parse_patch(struct patch *patch, struct reading *rd, size_t from, size_t to)
{
	struct parser ps = { patch, &rd->lines, from, to, false, rd, { NULL } };

	for (; ps.i < ps.end; ps.i++) {
		const struct line *l = &rd->lines.v[ps.i];

		if (line_starts(l, "diff --git "))
			parse_diff_git(&ps, header_line(&ps, ps.i));
		else if (ps.in_git_header && parse_git_header(&ps, header_line(&ps, ps.i)))
			continue;
		else if (line_starts(l, "--- ") && ps.i + 1 < ps.end &&
			 line_starts(&rd->lines.v[ps.i + 1], "+++ ") &&
			 header_line(&ps, ps.i) && header_line(&ps, ps.i + 1))
			parse_traditional(&ps);
		else if (line_starts(l, "@@ "))
			parse_hunk(&ps);
		else
			ps.in_git_header = false;	/* commit message, diffstat... */
	}
	if (!patch->files.n) {
		static char msg[4096];

		snprintf(msg, sizeof(msg), "%s: no diff found in the patch", patch->name);
		parser_die(&ps, msg);
	}
}

/* ---- input ------------------------------------------------------------ */

static noreturn void too_large(const char *display, struct strbuf *sb)
{
	sb_release(sb);
	die("%s: the patch is larger than " PATCH_MAX_TEXT, display);
}

/*
 * The whole input, at most PATCH_MAX_BYTES: a regular file's size is
 * checked before it is read, and anything else (a pipe, a device, a
 * terminal) is read only up to the bound.
 */
static char *read_input(const char *path, const char *display, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY) : 0;
	struct stat st;
	char buf[65536];

	if (fd < 0)
		die_errno("cannot read '%s'", path);
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && (size_t)st.st_size > PATCH_MAX_BYTES) {
		close(fd);
		too_large(display, &sb);
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			sb_release(&sb);
			errno = e;
			die_errno("cannot read %s", fd ? path : "the patch from (standard input)");
		}
		if (!n)
			break;
		if (sb.len + (size_t)n > PATCH_MAX_BYTES) {
			if (fd)
				close(fd);
			too_large(display, &sb);
		}
		sb_add(&sb, buf, (size_t)n);
	}
	if (fd)
		close(fd);
	*len = sb.len;
	return sb.len ? sb_detach(&sb) : xstrdup("");
}

/*
 * A patch whose every line ends in CRLF went through a Windows mailer:
 * read it as the LF patch it was.  One with CRLF only on some lines is a
 * patch to a CRLF file and is kept as it is.
 */
static size_t strip_crlf(char *text, size_t len)
{
	size_t nl = 0, out = 0;

	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		if (!i || text[i - 1] != '\r')
			return len;
		nl++;
	}
	if (!nl)
		return len;
	for (size_t i = 0; i < len; i++)
		if (!(text[i] == '\r' && (i + 1 == len || text[i + 1] == '\n')))
			text[out++] = text[i];
	text[out] = '\0';
	return out;
}

static void add_patch(struct patch_set *set, const char *display, struct reading *rd,
		      size_t from, size_t to, size_t count, size_t nth)
{
	const line_vec *lines = &rd->lines;
	const char *text = rd->text;
	struct patch p = { 0 };
	const char *start = from < lines->n ? lines->v[from].s : text;
	const char *end = to < lines->n ? lines->v[to].s :
		(lines->n ? lines->v[lines->n - 1].s + lines->v[lines->n - 1].len : text);
	char *subject = mail_subject(lines, from + 1, to);

	/* keep the final newline of the last line, if the input had one */
	if (to >= lines->n && *end == '\n')
		end++;
	if (count > 1)
		p.name = xasprintf("%s, patch %zu/%zu (%s)", display, nth, count,
				   subject ? subject_without_tag(subject) : "no subject");
	else
		p.name = xstrdup(display);
	p.source = xstrdup(display);
	p.subject = subject;
	p.text = xstrndup(start, end - start);
	p.len = end - start;
	p.first_line = from + 1;
	vec_push(&set->patches, p);
	parse_patch(vec_last(&set->patches), rd, from, to);
}

void patch_set_read_text(struct patch_set *set, const char *display, char *text, size_t len)
{
	struct reading rd = { text, 0, { 0 }, { 0 } };

	rd.len = strip_crlf(text, len);
	split_lines(rd.text, rd.len, &rd.lines);
	if (rd.lines.n && is_mbox_from(&rd.lines.v[0])) {
		for (size_t i = 0; i < rd.lines.n; i++)
			if (is_mbox_from(&rd.lines.v[i]))
				vec_push(&rd.starts, i);
	} else {
		vec_push(&rd.starts, (size_t)0);
	}
	for (size_t k = 0; k < rd.starts.n; k++)
		add_patch(set, display, &rd, rd.starts.v[k],
			  k + 1 < rd.starts.n ? rd.starts.v[k + 1] : rd.lines.n, rd.starts.n, k + 1);
	reading_release(&rd);
}

void patch_set_read(struct patch_set *set, const char *path)
{
	const char *display = strcmp(path, "-") ? path : "(standard input)";
	size_t len;
	char *text = read_input(path, display, &len);

	patch_set_read_text(set, display, text, len);
}

/* ---- what the patches do to paths ------------------------------------ */

const char *patch_set_new_path(const struct patch_set *set, const char *path)
{
	const char *cur = path;

	for (size_t k = 0; k < set->patches.n && cur; k++) {
		const struct patch *patch = &set->patches.v[k];

		for (size_t f = 0; f < patch->files.n; f++) {
			const struct file_patch *fp = &patch->files.v[f];

			if (!fp->old_path || strcmp(fp->old_path, cur) || fp->copy)
				continue;
			cur = fp->new_path;	/* renamed, or NULL if deleted */
			break;
		}
	}
	return cur;
}

/* @line through one file's hunks: its new number, or 0 if removed or changed. */
static unsigned map_through_hunks(const struct file_patch *fp, unsigned line)
{
	long delta = 0;

	for (size_t k = 0; k < fp->hunks.n; k++) {
		const struct hunk *h = &fp->hunks.v[k];
		/* a count of 0 names the line before the (empty) range */
		unsigned o = h->old_count ? h->old_start : h->old_start + 1;
		unsigned n = h->new_count ? h->new_start : h->new_start + 1;

		if (line < o)
			break;
		for (const char *op = h->ops; *op; op++) {
			if (*op == '+') {
				n++;
				continue;
			}
			if (o == line)
				return *op == ' ' ? n : 0;
			o++;
			n += *op == ' ';
		}
		delta = (long)n - (long)o;
	}
	return (unsigned)((long)line + delta);
}

unsigned patch_set_map_line(const struct patch_set *set, const char *path, unsigned line)
{
	const char *cur = path;

	for (size_t k = 0; k < set->patches.n && cur && line; k++) {
		const struct patch *patch = &set->patches.v[k];

		for (size_t f = 0; f < patch->files.n; f++) {
			const struct file_patch *fp = &patch->files.v[f];

			if (!fp->old_path || strcmp(fp->old_path, cur) || fp->copy)
				continue;
			line = map_through_hunks(fp, line);
			cur = fp->new_path;
			break;
		}
	}
	return cur ? line : 0;
}

bool patch_set_touches(const struct patch_set *set, const char *path)
{
	for (size_t k = 0; k < set->patches.n; k++)
		for (size_t f = 0; f < set->patches.v[k].files.n; f++) {
			const struct file_patch *fp = &set->patches.v[k].files.v[f];

			if ((fp->old_path && !strcmp(fp->old_path, path)) ||
			    (fp->new_path && !strcmp(fp->new_path, path)))
				return true;
		}
	return false;
}

void patch_set_release(struct patch_set *set)
{
	for (size_t k = 0; k < set->patches.n; k++) {
		struct patch *patch = &set->patches.v[k];

		for (size_t f = 0; f < patch->files.n; f++) {
			struct file_patch *fp = &patch->files.v[f];

			for (size_t h = 0; h < fp->hunks.n; h++) {
				free(fp->hunks.v[h].header);
				free(fp->hunks.v[h].ops);
			}
			free(fp->hunks.v);
			free(fp->old_path);
			free(fp->new_path);
			free(fp->old_blob);
			free(fp->new_blob);
		}
		free(patch->files.v);
		free(patch->name);
		free(patch->source);
		free(patch->subject);
		free(patch->text);
	}
	free(set->patches.v);
	set->patches.v = NULL;
	set->patches.n = set->patches.cap = 0;
}
