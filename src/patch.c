// SPDX-License-Identifier: GPL-2.0
/*
 * Reading and applying patches for check-patch.
 *
 * Parsing here is only deep enough to split an mbox, name the files and
 * hunks, and reject malformed input with a message that points at the
 * hunk; applying is left to `git apply`, the tool kernel developers already
 * trust to do it (exact context, offset search without fuzz, renames,
 * copies, mode changes, "\ No newline at end of file").  It runs once per
 * patch, in order, inside a private temporary copy of the touched files.
 */
#include "patch.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

/* A line of the input: [s, s + len), without its newline. */
struct line {
	const char *s;
	size_t len;
};

typedef VEC(struct line) line_vec;
typedef VEC(char *) str_vec;

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

static char *line_rest(const struct line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return xstrndup(l->s + n, l->len - n);
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

/* The Subject: header of an mail, continuation lines joined. */
static char *mail_subject(const line_vec *lines, size_t from, size_t to)
{
	struct strbuf sb = STRBUF_INIT;

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
	return sb.len ? sb_detach(&sb) : NULL;
}

/* "[PATCH v2 2/3] KVM: x86: foo" -> "KVM: x86: foo" */
static const char *subject_without_tag(const char *subject)
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
};

static noreturn void malformed(const struct parser *ps, const char *what, ...)
	__attribute__((format(printf, 2, 3)));

static noreturn void malformed(const struct parser *ps, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	die("%s: malformed patch: %s (line %zu)", ps->patch->name, sb_str(&sb),
	    ps->i + 1);
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

static void check_path(struct parser *ps, const char *path)
{
	const char *p = path;

	if (!*path || path[0] == '/' || path[0] == '"')
		malformed(ps, "unsupported file name '%s'", path);
	while ((p = strstr(p, "..")) != NULL) {
		if ((p == path || p[-1] == '/') && (p[2] == '/' || !p[2]))
			malformed(ps, "file name '%s' leaves the tree", path);
		p += 2;
	}
}

/*
 * A path from a "---"/"+++" line: drop diff's "\t<timestamp>" and the
 * first component (a/, b/, or the folder name for `diff -u` of trees),
 * as `git apply -p1` does.  NULL for /dev/null.
 */
static char *traditional_path(struct parser *ps, const struct line *l)
{
	char *s = xstrndup(l->s + 4, l->len - 4);	/* after "--- " or "+++ " */
	char *tab = strchr(s, '\t'), *slash, *path;

	if (tab)
		*tab = '\0';
	while (*s && s[strlen(s) - 1] == ' ')
		s[strlen(s) - 1] = '\0';
	if (!strcmp(s, "/dev/null")) {
		free(s);
		return NULL;
	}
	slash = strchr(s, '/');
	path = xstrdup(slash ? slash + 1 : s);
	free(s);
	check_path(ps, path);
	return path;
}

/* "diff --git a/X b/Y": X and Y are equal unless renamed or copied. */
static void parse_diff_git(struct parser *ps, const struct line *l)
{
	char *rest = line_rest(l, "diff --git "), *b;
	struct file_patch *fp = new_file(ps);
	size_t n = strlen(rest);

	if (n > 5 && (n - 5) % 2 == 0 && !strncmp(rest, "a/", 2) &&
	    !strncmp(rest + 2 + (n - 5) / 2, " b/", 3) &&
	    !strncmp(rest + 2, rest + 5 + (n - 5) / 2, (n - 5) / 2)) {
		fp->old_path = xstrndup(rest + 2, (n - 5) / 2);
	} else if (!strncmp(rest, "a/", 2) && (b = strstr(rest, " b/"))) {
		fp->old_path = xstrndup(rest + 2, b - rest - 2);
		fp->new_path = xstrdup(b + 3);
	} else {
		malformed(ps, "cannot read the file names in '%.*s'", (int)l->len, l->s);
	}
	if (!fp->new_path)
		fp->new_path = xstrdup(fp->old_path);
	check_path(ps, fp->old_path);
	check_path(ps, fp->new_path);
	free(rest);
	ps->in_git_header = true;
}

static void replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
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
		replace(&fp->old_path, line_rest(l, fp->rename ? "rename from " : "copy from "));
		check_path(ps, fp->old_path);
	} else if (line_starts(l, "rename to ") || line_starts(l, "copy to ")) {
		replace(&fp->new_path, line_rest(l, line_starts(l, "rename") ?
						 "rename to " : "copy to "));
		check_path(ps, fp->new_path);
	} else if (!line_starts(l, "old mode ") && !line_starts(l, "new mode ") &&
		   !line_starts(l, "index ") && !line_starts(l, "similarity index ") &&
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
	char *old_path = traditional_path(ps, &ps->lines->v[ps->i]);
	char *new_path = traditional_path(ps, &ps->lines->v[ps->i + 1]);

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
	ps->i++;
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

/* "@@ -a,b +c,d @@" and exactly b old and d new lines after it. */
static void parse_hunk(struct parser *ps)
{
	const struct line *l = &ps->lines->v[ps->i];
	struct file_patch *fp = cur_file(ps);
	struct hunk h = { 0 };
	char *header = xstrndup(l->s, l->len);
	const char *p = header + 3;
	unsigned old_left, new_left;

	if (!fp)
		malformed(ps, "hunk '%s' before any file header", header);
	if (!parse_range(&p, '-', &h.old_start, &h.old_count) || *p++ != ' ' ||
	    !parse_range(&p, '+', &h.new_start, &h.new_count) || strncmp(p, " @@", 3))
		malformed(ps, "%s: bad hunk header '%s'", file_name(fp), header);
	h.header = header;
	h.line = ps->i + 1;
	vec_push(&fp->hunks, h);
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
	}
	ps->in_git_header = false;
}

static void parse_patch(struct patch *patch, const line_vec *lines, size_t from, size_t to)
{
	struct parser ps = { patch, lines, from, to, false };

	for (; ps.i < ps.end; ps.i++) {
		const struct line *l = &lines->v[ps.i];

		if (line_starts(l, "diff --git "))
			parse_diff_git(&ps, l);
		else if (ps.in_git_header && parse_git_header(&ps, l))
			continue;
		else if (line_starts(l, "--- ") && ps.i + 1 < ps.end &&
			 line_starts(&lines->v[ps.i + 1], "+++ "))
			parse_traditional(&ps);
		else if (line_starts(l, "@@ "))
			parse_hunk(&ps);
		else
			ps.in_git_header = false;	/* commit message, diffstat... */
	}
	if (!patch->files.n)
		die("%s: no diff found in the patch", patch->name);
}

static char *read_input(const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;
	char *text;

	if (strcmp(path, "-")) {
		/* the user's own argument: check-patch <(git diff) reads a pipe */
		text = read_file_bounded(path, READ_FILE_MAX, READ_STREAM, len);
		if (!text)
			die("cannot read '%s': %s", path, strerror(errno));
		return text;
	}
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		sb_add(&sb, buf, n);
	if (ferror(stdin))
		die("cannot read the patch from stdin: %s", strerror(errno));
	*len = sb.len;
	return sb.len ? sb_detach(&sb) : xstrdup("");
}

static void add_patch(struct patch_set *set, const char *display, const char *text,
		      const line_vec *lines, size_t from, size_t to, size_t count, size_t nth)
{
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
	parse_patch(vec_last(&set->patches), lines, from, to);
}

void patch_set_read(struct patch_set *set, const char *path)
{
	const char *display = strcmp(path, "-") ? path : "<stdin>";
	line_vec lines = { 0 };
	VEC(size_t) starts = { 0 };
	size_t len;
	char *text = read_input(path, &len);

	split_lines(text, len, &lines);
	if (lines.n && is_mbox_from(&lines.v[0])) {
		for (size_t i = 0; i < lines.n; i++)
			if (is_mbox_from(&lines.v[i]))
				vec_push(&starts, i);
	} else {
		vec_push(&starts, (size_t)0);
	}
	for (size_t k = 0; k < starts.n; k++)
		add_patch(set, display, text, &lines, starts.v[k],
			  k + 1 < starts.n ? starts.v[k + 1] : lines.n, starts.n, k + 1);
	free(starts.v);
	free(lines.v);
	free(text);
}

/* ---- applying ---- */

static void mkdir_parents(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = xstrndup(path, slash ? (size_t)(slash - path) : 0);

	if (*dir && mkdir_p(dir, 0700) < 0)
		die("cannot create '%s': %s", dir, strerror(errno));
	free(dir);
}

static void write_whole(const char *path, const char *data, size_t len, mode_t mode)
{
	int fd;

	mkdir_parents(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		die("cannot create '%s': %s", path, strerror(errno));
	while (len) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			die("cannot write '%s': %s", path, strerror(errno));
		data += w;
		len -= w;
	}
	if (close(fd))
		die("cannot write '%s': %s", path, strerror(errno));
}

/* Copy @rel from the kernel tree into @tree, if it exists there. */
static bool copy_from_kernel(const char *kernel, const char *tree, const char *rel)
{
	char *src = xasprintf("%s/%s", kernel, rel), *dst;
	struct stat st;
	size_t len;
	char *data;

	if (stat(src, &st) || !S_ISREG(st.st_mode)) {
		free(src);
		return false;
	}
	data = read_file(src, &len);
	if (!data)
		die("cannot read '%s': %s", src, strerror(errno));
	dst = xasprintf("%s/%s", tree, rel);
	write_whole(dst, data, len, st.st_mode & 0777);
	free(dst);
	free(data);
	free(src);
	return true;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

static void remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Run `git apply` on @patch_file inside @tree; its stderr goes to @err_file. */
static int run_git_apply(const char *base, const char *tree, const char *patch_file,
			 const char *err_file)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		die("cannot run git apply: %s", strerror(errno));
	if (pid == 0) {
		int in = open(patch_file, O_RDONLY), err = open(err_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_WRONLY);

		if (in < 0 || err < 0 || null < 0 || chdir(tree))
			_exit(126);
		dup2(in, 0);
		dup2(null, 1);
		dup2(err, 2);
		/* the copy is not a repository: keep git from finding one above it */
		setenv("GIT_CEILING_DIRECTORIES", base, 1);
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		unsetenv("GIT_INDEX_FILE");
		execlp("git", "git", "apply", "-p1", "--whitespace=nowarn", (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die("cannot wait for git apply: %s", strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		die("cannot run 'git apply': install git");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static const struct hunk *find_hunk(const struct patch *patch, const char *path,
				    unsigned old_start)
{
	for (size_t f = 0; f < patch->files.n; f++) {
		const struct file_patch *fp = &patch->files.v[f];

		if ((!fp->old_path || strcmp(fp->old_path, path)) &&
		    (!fp->new_path || strcmp(fp->new_path, path)))
			continue;
		for (size_t h = 0; h < fp->hunks.n; h++)
			if (fp->hunks.v[h].old_start == old_start)
				return &fp->hunks.v[h];
	}
	return NULL;
}

/*
 * Turn git apply's complaint into ours.  It says "error: patch failed:
 * PATH:OLDSTART" for a hunk that does not apply: name the hunk by its
 * header, which is what the user can find in the patch.  The message goes
 * to a static buffer so every allocation can be freed before die().
 */
static const char *explain_failure(const struct patch *patch, const char *err)
{
	static char msg[4096];
	const char *p = strstr(err, "error: patch failed: ");

	if (p) {
		char *loc = xstrndup(p + 21, strcspn(p + 21, "\n"));
		char *colon = strrchr(loc, ':');
		const struct hunk *h = NULL;

		if (colon) {
			*colon = '\0';
			h = find_hunk(patch, loc, strtoul(colon + 1, NULL, 10));
		}
		if (h)
			snprintf(msg, sizeof(msg), "%s: %s: hunk '%s' does not apply",
				 patch->name, loc, h->header);
		else
			snprintf(msg, sizeof(msg), "%s: %s: a hunk does not apply",
				 patch->name, loc);
		free(loc);
		return msg;
	}
	p = strstr(err, "error: ");
	p = p ? p + 7 : err;
	snprintf(msg, sizeof(msg), "%s: does not apply: %.*s", patch->name,
		 (int)strcspn(p, "\n"), *p ? p : "git apply failed");
	return msg;
}

static int path_cmp(const void *a, const void *b)
{
	const struct overlay *x = a, *y = b;

	return strcmp(x->path, y->path);
}

/* Every path any patch names, before or after, once each. */
static void touched_paths(const struct patch_set *set, str_vec *out)
{
	for (size_t k = 0; k < set->patches.n; k++) {
		const struct patch *patch = &set->patches.v[k];

		for (size_t f = 0; f < patch->files.n; f++) {
			const char *names[2] = { patch->files.v[f].old_path,
						 patch->files.v[f].new_path };

			for (int j = 0; j < 2; j++) {
				bool seen = false;

				if (!names[j])
					continue;
				for (size_t i = 0; i < out->n && !seen; i++)
					seen = !strcmp(out->v[i], names[j]);
				if (!seen)
					vec_push(out, xstrdup(names[j]));
			}
		}
	}
}

static char *make_temp_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/barriermap-patch.XXXXXX", tmp && *tmp ? tmp : "/tmp");

	if (!mkdtemp(dir))
		die("cannot create a temporary folder in '%s': %s",
		    tmp && *tmp ? tmp : "/tmp", strerror(errno));
	return dir;
}

struct overlay *patch_set_apply(const struct patch_set *set, const char *kernel, size_t *n)
{
	str_vec paths = { 0 };
	VEC(bool) existed = { 0 };
	VEC(struct overlay) ov = { 0 };
	char *base = make_temp_dir();
	char *tree = xasprintf("%s/tree", base);
	char *patch_file = xasprintf("%s/patch", base);
	char *err_file = xasprintf("%s/stderr", base);

	if (mkdir(tree, 0700))
		die("cannot create '%s': %s", tree, strerror(errno));
	touched_paths(set, &paths);
	for (size_t i = 0; i < paths.n; i++)
		vec_push(&existed, copy_from_kernel(kernel, tree, paths.v[i]));

	for (size_t k = 0; k < set->patches.n; k++) {
		const struct patch *patch = &set->patches.v[k];

		write_whole(patch_file, patch->text, patch->len, 0600);
		if (run_git_apply(base, tree, patch_file, err_file)) {
			size_t len;
			char *err = read_file(err_file, &len);
			const char *msg = explain_failure(patch, err ? err : "");

			remove_tree(base);
			free(err);
			free(base);
			free(tree);
			free(patch_file);
			free(err_file);
			for (size_t i = 0; i < paths.n; i++)
				free(paths.v[i]);
			free(paths.v);
			free(existed.v);
			die("%s", msg);
		}
	}

	for (size_t i = 0; i < paths.n; i++) {
		char *path = xasprintf("%s/%s", tree, paths.v[i]);
		struct overlay o = { paths.v[i], NULL, 0 };
		size_t len = 0;
		char *data = read_file(path, &len);

		if (!data && errno != ENOENT)
			die("cannot read '%s': %s", path, strerror(errno));
		free(path);
		if (!data && !existed.v[i]) {
			free(paths.v[i]);	/* created, then deleted again */
			continue;
		}
		o.content = data;
		o.len = len;
		vec_push(&ov, o);
	}
	remove_tree(base);
	free(base);
	free(tree);
	free(patch_file);
	free(err_file);
	free(paths.v);
	free(existed.v);
	qsort(ov.v, ov.n, sizeof(*ov.v), path_cmp);
	*n = ov.n;
	return ov.v;
}

void overlays_free(struct overlay *ov, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)ov[i].path);
		free((char *)ov[i].content);
	}
	free(ov);
}

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

			for (size_t h = 0; h < fp->hunks.n; h++)
				free(fp->hunks.v[h].header);
			free(fp->hunks.v);
			free(fp->old_path);
			free(fp->new_path);
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
