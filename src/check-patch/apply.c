// SPDX-License-Identifier: GPL-2.0
/*
 * Applying patches for check-patch, in a private temporary folder.
 *
 * The files the series touches are copied (or, in git, taken from the
 * blobs the patch names) into the folder; `git apply` runs there once per
 * patch, and the touched files are read back after each one.  The user's
 * tree is never written.
 *
 * A patch may create symbolic links: nothing here follows one.  Files are
 * read and written beneath a folder descriptor one component at a time
 * with O_NOFOLLOW, only regular files are read, and each is size-checked
 * first.  The folder is removed on every way out: return, die() (atexit)
 * and fatal signals (with async-signal-safe calls only, after killing a
 * running git).
 */
#include "git.h"
#include "patch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the temporary folder and its removal ----------------------------- */

static char *volatile temp_dir;

/* Remove @name in @dirfd and all it holds; async-signal-safe. */
static void remove_at(int dirfd, const char *name, unsigned depth)
{
	char buf[4096];
	bool again = true;
	int fd;

	if (!unlinkat(dirfd, name, 0) || errno == ENOENT || depth > 64)
		return;
	fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	/* entries go as they are read: read from the start until none is left */
	while (again) {
		ssize_t n;

		again = false;
		lseek(fd, 0, SEEK_SET);
		while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
			for (ssize_t off = 0; off < n;) {
				struct dirent64 *d = (struct dirent64 *)(buf + off);

				off += d->d_reclen;
				if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
					continue;
				remove_at(fd, d->d_name, depth + 1);
				again = true;
			}
		}
		if (n < 0)
			break;
	}
	close(fd);
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

static void remove_temp_dir(void)
{
	char *dir = temp_dir;
	pid_t pid = git_child();

	if (!dir)
		return;
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	remove_at(AT_FDCWD, dir, 0);
	temp_dir = NULL;
}

static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE };

static void on_fatal_signal(int sig)
{
	remove_temp_dir();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Once: remove the folder at exit (die() included) and on fatal signals. */
static void install_cleanup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	atexit(remove_temp_dir);
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
		struct sigaction sa = { 0 }, old;

		/* a signal the caller ignores (nohup) stays ignored */
		if (sigaction(fatal_signals[i], NULL, &old) || old.sa_handler == SIG_IGN)
			continue;
		sa.sa_handler = on_fatal_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(fatal_signals[i], &sa, NULL);
	}
}

static char *make_temp_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/barriermap-patch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	sigset_t all, old;

	install_cleanup();
	/* no signal between mkdtemp() and knowing what to remove */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	if (!mkdtemp(dir)) {
		int e = errno;

		sigprocmask(SIG_SETMASK, &old, NULL);
		free(dir);
		errno = e;
		die_errno("cannot create a temporary folder in '%s'", tmp && *tmp ? tmp : "/tmp");
	}
	temp_dir = dir;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return dir;
}

static void drop_temp_dir(void)
{
	char *dir = temp_dir;

	remove_temp_dir();
	free(dir);
}

/* ---- files beneath a folder, never through a link ---------------------- */

/*
 * Open the folder holding @rel under @dirfd, walking each component with
 * O_NOFOLLOW (and creating it when @create); *base is set to @rel's last
 * component.  -1 with errno set (ELOOP: a link on the way).
 */
static int open_parent(int dirfd, const char *rel, bool create, const char **base)
{
	char *path = xstrdup(rel), *name = path, *slash;
	int fd = dup(dirfd);

	while (fd >= 0 && (slash = strchr(name, '/')) != NULL) {
		int next;

		*slash = '\0';
		if (create && mkdirat(fd, name, 0700) && errno != EEXIST)
			next = -1;
		else
			next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0 && errno == ENOTDIR) {
			struct stat st;

			if (!fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode))
				errno = ELOOP;
		}
		close(fd);
		fd = next;
		name = slash + 1;
	}
	*base = rel + (name - path);
	free(path);
	return fd;
}

/*
 * Read @rel beneath @dirfd: a regular file of at most @max bytes.  NULL
 * with errno ENOENT (none), ELOOP (a symbolic link on the way), EINVAL (not
 * a regular file) or EFBIG (larger than @max).
 */
static char *read_beneath(int dirfd, const char *rel, size_t max, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	const char *base;
	int dir = open_parent(dirfd, rel, false, &base), fd, e;
	struct stat st;
	char buf[65536];

	if (dir < 0)
		return NULL;
	fd = openat(dir, base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	e = errno;
	close(dir);
	if (fd < 0) {
		errno = e;
		return NULL;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
		e = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		close(fd);
		errno = e;
		return NULL;
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || sb.len + (size_t)n > max) {
			e = n < 0 ? errno : EFBIG;
			close(fd);
			if (n) {
				sb_release(&sb);
				errno = e;
				return NULL;
			}
			break;
		}
		sb_add(&sb, buf, (size_t)n);
	}
	*len = sb.len;
	return sb_detach(&sb);
}

/* Write @rel beneath @dirfd, creating its folders; never through a link. */
static void write_beneath(int dirfd, const char *rel, const char *data, size_t len,
			  mode_t mode)
{
	const char *base;
	int dir = open_parent(dirfd, rel, true, &base), fd;

	if (dir < 0)
		die_errno("cannot create '%s' in the temporary folder", rel);
	fd = openat(dir, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	close(dir);
	if (fd < 0)
		die_errno("cannot create '%s' in the temporary folder", rel);
	if (write_all(fd, data, len) < 0)
		die_errno("cannot write '%s' in the temporary folder", rel);
	if (close(fd))
		die_errno("cannot write '%s' in the temporary folder", rel);
}

/* ---- one run --------------------------------------------------------- */

struct applier {
	const struct patch_set *set;
	const struct patch_base *base;
	struct strvec paths;	/* every path any patch names, sorted */
	char *dir;		/* the temporary folder */
	char *tree;		/* dir/tree: the copy git apply works in */
	char *patch_file;	/* dir/patch: the patch being applied */
	int tree_fd;
	VEC(bool) warned;	/* per path: its link was reported */
};

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every path any patch names, before or after, once each, sorted. */
static void touched_paths(const struct patch_set *set, struct strvec *out)
{
	size_t n = 0;

	for (size_t k = 0; k < set->patches.n; k++) {
		const struct patch *patch = &set->patches.v[k];

		for (size_t f = 0; f < patch->files.n; f++) {
			if (patch->files.v[f].old_path)
				vec_push(out, xstrdup(patch->files.v[f].old_path));
			if (patch->files.v[f].new_path)
				vec_push(out, xstrdup(patch->files.v[f].new_path));
		}
	}
	xqsort(out->v, out->n, sizeof(*out->v), str_cmp);
	for (size_t i = 0; i < out->n; i++) {
		if (n && !strcmp(out->v[n - 1], out->v[i]))
			free(out->v[i]);
		else
			out->v[n++] = out->v[i];
	}
	out->n = n;
}

/* Empty the copy, keeping the folder. */
static void clear_tree(struct applier *a)
{
	remove_at(AT_FDCWD, a->tree, 0);
	if (a->tree_fd >= 0)
		close(a->tree_fd);
	if (mkdir(a->tree, 0700))
		die_errno("cannot create '%s'", a->tree);
	a->tree_fd = open(a->tree, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (a->tree_fd < 0)
		die_errno("cannot open '%s'", a->tree);
}

/* Copy @rel from the kernel tree, as a link if it is one there; false if absent. */
static bool copy_from_tree(struct applier *a, int kernel_fd, const char *rel)
{
	size_t len;
	char *data = read_beneath(kernel_fd, rel, PATCH_MAX_BYTES, &len);
	struct stat st;

	if (data) {
		int mode = !fstatat(kernel_fd, rel, &st, AT_SYMLINK_NOFOLLOW) ? st.st_mode & 0777 : 0644;

		write_beneath(a->tree_fd, rel, data, len, (mode_t)mode);
		free(data);
		return true;
	}
	if (errno == ENOENT || errno == ENOTDIR)
		return false;
	if (errno == EFBIG)
		die("%s/%s: larger than " PATCH_MAX_TEXT, a->base->kernel, rel);
	if (errno == ELOOP && !fstatat(kernel_fd, rel, &st, AT_SYMLINK_NOFOLLOW) &&
	    S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlinkat(kernel_fd, rel, target, sizeof(target) - 1);
		const char *base;
		int dir;

		if (n < 0)
			die_errno("cannot read the link '%s/%s'", a->base->kernel, rel);
		target[n] = '\0';
		dir = open_parent(a->tree_fd, rel, true, &base);
		if (dir < 0 || symlinkat(target, dir, base))
			die_errno("cannot copy the link '%s' into the temporary folder", rel);
		close(dir);
		return true;
	}
	die("%s/%s: not a regular file%s", a->base->kernel, rel,
	    errno == ELOOP ? " (a folder on the way is a symbolic link)" : "");
}

/* The first file patch that names a path, and whether as its old side. */
struct mention {
	const struct file_patch *fp;
	bool as_old;
};

static ssize_t path_index(const struct strvec *paths, const char *path)
{
	char **hit = paths->n ? bsearch(&path, paths->v, paths->n, sizeof(*paths->v),
					str_cmp_ptr) : NULL;

	return hit ? hit - paths->v : -1;
}

/* Each of a->paths' first mention, found in one pass over the series. */
static struct mention *first_mentions(const struct applier *a)
{
	struct mention *m = xcalloc(a->paths.n + 1, sizeof(*m));

	for (size_t k = 0; k < a->set->patches.n; k++)
		for (size_t f = 0; f < a->set->patches.v[k].files.n; f++) {
			const struct file_patch *fp = &a->set->patches.v[k].files.v[f];
			const char *names[] = { fp->old_path, fp->new_path };

			for (int side = 0; side < 2; side++) {
				ssize_t i = names[side] ? path_index(&a->paths, names[side]) : -1;

				if (i >= 0 && !m[i].fp)
					m[i] = (struct mention){ fp, side == 0 };
			}
		}
	return m;
}

/* Did every file of the series say which blob it starts from? */
static bool every_file_indexed(const struct patch_set *set)
{
	for (size_t k = 0; k < set->patches.n; k++)
		for (size_t f = 0; f < set->patches.v[k].files.n; f++) {
			const struct file_patch *fp = &set->patches.v[k].files.v[f];

			if (!fp->old_blob && !fp->new_blob)
				return false;
		}
	return set->patches.n > 0;
}

/*
 * The files as they were before the first patch, from git: REV's, or the
 * blobs the index lines name.  False (and the copy left as it was) when
 * git does not have one of them.
 */
static bool seed_from_git(struct applier *a)
{
	VEC(struct overlay) got = { 0 };
	struct mention *first = first_mentions(a);
	bool ok = true;

	for (size_t i = 0; i < a->paths.n && ok; i++) {
		const char *path = a->paths.v[i];
		struct overlay o = { path, NULL, 0 };
		bool as_old = first[i].as_old;
		const struct file_patch *fp = first[i].fp;

		if (a->base->rev) {
			/* the caller checked REV: a path it does not have is absent */
			char *spec = xasprintf("%s:./%s", a->base->rev, path);

			o.content = git_blob(a->base->kernel, spec, PATCH_MAX_BYTES, &o.len);
			free(spec);
		} else if (as_old && fp->old_blob) {
			o.content = git_blob(a->base->kernel, fp->old_blob, PATCH_MAX_BYTES, &o.len);
			ok = o.content != NULL;
		} else if (as_old) {
			ok = false;	/* a rename without changes names no blob */
		}
		vec_push(&got, o);
	}
	for (size_t i = 0; i < got.n; i++) {
		if (ok && got.v[i].content)
			write_beneath(a->tree_fd, got.v[i].path, got.v[i].content, got.v[i].len, 0644);
		free((char *)got.v[i].content);
	}
	free(got.v);
	free(first);
	return ok;
}

static void seed_from_tree(struct applier *a)
{
	int kernel_fd = open(a->base->kernel, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (kernel_fd < 0)
		die_errno("cannot open '%s'", a->base->kernel);
	for (size_t i = 0; i < a->paths.n; i++)
		copy_from_tree(a, kernel_fd, a->paths.v[i]);
	close(kernel_fd);
}

/* Run git apply [-R] for @patch in the copy; git's complaint into @err. */
static int git_apply(struct applier *a, const struct patch *patch, bool reverse,
		     struct strbuf *err)
{
	const char *fwd[] = { "apply", "-p1", "--whitespace=nowarn", NULL };
	const char *rev[] = { "apply", "-R", "-p1", "--whitespace=nowarn", NULL };
	struct git_cmd cmd = { a->tree, reverse ? rev : fwd, -1, 0, a->dir };
	int fd, r;

	unlink(a->patch_file);
	fd = open(a->patch_file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		die_errno("cannot create '%s'", a->patch_file);
	if (write_all(fd, patch->text, patch->len) < 0)
		die_errno("cannot write '%s'", a->patch_file);
	close(fd);
	cmd.in_fd = open(a->patch_file, O_RDONLY | O_CLOEXEC);
	if (cmd.in_fd < 0)
		die_errno("cannot read '%s'", a->patch_file);
	r = git_run(&cmd, NULL, err);
	close(cmd.in_fd);
	if (r == GIT_MISSING)
		die("cannot run 'git apply': install git");
	return r;
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

static int overlay_cmp(const void *a, const void *b)
{
	return strcmp(((const struct overlay *)a)->path, ((const struct overlay *)b)->path);
}

/* Read every touched path back from the copy, after patch @k (-1: the base). */
static void snapshot(struct applier *a, long k, struct overlay_set *out)
{
	out->v = xcalloc(a->paths.n, sizeof(*out->v));
	out->n = a->paths.n;
	for (size_t i = 0; i < a->paths.n; i++) {
		struct overlay *o = &out->v[i];
		char *data;

		o->path = xstrdup(a->paths.v[i]);
		data = read_beneath(a->tree_fd, a->paths.v[i], PATCH_MAX_BYTES, &o->len);
		o->content = data;
		if (data || errno == ENOENT || errno == ENOTDIR)
			continue;
		if (errno != EFBIG && errno != ELOOP && errno != EINVAL)
			die_errno("cannot read '%s' in the temporary folder", a->paths.v[i]);
		if (errno == EFBIG)
			die("%s: %s: larger than " PATCH_MAX_TEXT "%s", k >= 0 ?
			    a->set->patches.v[k].name : a->base->kernel, a->paths.v[i],
			    k >= 0 ? " after the patch" : "");
		/* a link or a special file: never followed, never read */
		if (!a->warned.v[i])
			warning("%s: %s: %s; not followed", k >= 0 ? a->set->patches.v[k].name :
				a->base->kernel, a->paths.v[i], errno == ELOOP ?
				(k >= 0 ? "the patch makes it a symbolic link" : "a symbolic link") :
				"not a regular file");
		a->warned.v[i] = true;
		o->len = 0;
	}
	xqsort(out->v, out->n, sizeof(*out->v), overlay_cmp);
}

/* Forward, from the base in the copy; false (message in @why) at the first failure. */
static bool apply_forward(struct applier *a, struct patch_states *st, const char **why)
{
	struct strbuf err = STRBUF_INIT;

	snapshot(a, -1, &st->state[0]);
	for (size_t k = 0; k < a->set->patches.n; k++) {
		sb_reset(&err);
		if (git_apply(a, &a->set->patches.v[k], false, &err)) {
			*why = explain_failure(&a->set->patches.v[k], sb_str(&err));
			sb_release(&err);
			for (size_t j = 0; j <= k; j++) {
				overlays_free(st->state[j].v, st->state[j].n);
				st->state[j] = (struct overlay_set){ NULL, 0 };
			}
			return false;
		}
		snapshot(a, (long)k, &st->state[k + 1]);
	}
	sb_release(&err);
	return true;
}

/* Is the series already in the tree?  Then reversing it out gives the base. */
static bool reverse_out(struct applier *a)
{
	struct strbuf err = STRBUF_INIT;
	bool ok = true;

	seed_from_tree(a);
	for (size_t k = a->set->patches.n; k-- > 0 && ok;)
		ok = git_apply(a, &a->set->patches.v[k], true, &err) == 0;
	sb_release(&err);
	return ok;
}

enum base_from { FROM_REV, FROM_INDEX, FROM_TREE, FROM_TREE_REVERSED };

static const char *const base_names[] = {
	[FROM_REV] = "revision", [FROM_INDEX] = "index", [FROM_TREE] = "tree",
	[FROM_TREE_REVERSED] = "tree, reversed",
};

/* Put the base @how names into the copy; false when it cannot be had that way. */
static bool seed(struct applier *a, enum base_from how)
{
	clear_tree(a);
	switch (how) {
	case FROM_REV:
	case FROM_INDEX:
		return seed_from_git(a);
	case FROM_TREE:
		seed_from_tree(a);
		return true;
	case FROM_TREE_REVERSED:
		return reverse_out(a);
	}
	return false;
}

void patch_set_apply(const struct patch_set *set, const struct patch_base *base,
		     struct patch_states *st)
{
	struct applier a = { set, base, { 0 }, NULL, NULL, NULL, -1, { 0 } };
	VEC(enum base_from) tries = { 0 };
	static char failed[4096];
	bool done = false;

	st->n = set->patches.n + 1;
	st->state = xcalloc(st->n, sizeof(*st->state));
	touched_paths(set, &a.paths);
	for (size_t i = 0; i < a.paths.n; i++)
		vec_push(&a.warned, false);
	a.dir = make_temp_dir();
	a.tree = xasprintf("%s/tree", a.dir);
	a.patch_file = xasprintf("%s/patch", a.dir);

	/*
	 * The base: REV alone when given; in git the index lines' blobs, the
	 * tree, or the tree with the series reversed out of it (already
	 * committed); outside git the tree.
	 */
	if (base->rev) {
		vec_push(&tries, FROM_REV);
	} else {
		if (base->git && every_file_indexed(set))
			vec_push(&tries, FROM_INDEX);
		vec_push(&tries, FROM_TREE);
		if (base->git)
			vec_push(&tries, FROM_TREE_REVERSED);
	}
	failed[0] = '\0';
	for (size_t t = 0; t < tries.n && !done; t++) {
		const char *why = NULL;

		if (!seed(&a, tries.v[t]))
			continue;
		done = apply_forward(&a, st, &why);
		/* the complaint against the tree is the one the user can check */
		if (!done && (!failed[0] || tries.v[t] == FROM_TREE))
			snprintf(failed, sizeof(failed), "%s", why);
		if (done)
			st->base_from = base_names[tries.v[t]];
	}
	free(tries.v);
	close(a.tree_fd);
	drop_temp_dir();
	if (!done)
		die("%s", failed);
	for (size_t i = 0; i < a.paths.n; i++)
		free(a.paths.v[i]);
	free(a.paths.v);
	free(a.warned.v);
	free(a.tree);
	free(a.patch_file);
}

void overlays_free(struct overlay *ov, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)ov[i].path);
		free((char *)ov[i].content);
	}
	free(ov);
}

void patch_states_release(struct patch_states *st)
{
	for (size_t k = 0; k < st->n; k++)
		overlays_free(st->state[k].v, st->state[k].n);
	free(st->state);
	memset(st, 0, sizeof(*st));
}
