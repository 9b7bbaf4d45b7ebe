// SPDX-License-Identifier: GPL-2.0
/*
 * files.c: which files a run scans.  The scope (KVM's: virt/kvm,
 * arch/(star)/kvm and the KVM headers; or --scope), the barrier headers,
 * the --resolve-in folders and check-patch's overlays, restricted to the
 * PATHs given; and, once the comments are read, the included headers that
 * define a function a comment names.
 */
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- which files ----------------------------------------------------- */

/*
 * The most files one run scans.  The whole 6.12 tree has 59,932 .c and .h
 * files; a folder of generated files beyond this ends in a clear message,
 * not in a scan that never finishes.
 */
#define MAX_FILES 250000

bool files_is_source(const char *name)
{
	return str_ends_with(name, ".c") || str_ends_with(name, ".h");
}

void files_add(struct program *p, const char *rel, bool in_scope)
{
	struct file_facts *f;

	if (p->files.n >= MAX_FILES)
		die("more than %d source files to scan: choose a narrower --scope", MAX_FILES);
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(rel);
	if (str_starts_with(rel, "arch/")) {
		const char *s = rel + 5, *e = strchr(s, '/');

		f->arch = e ? xstrndup(s, (size_t)(e - s)) : xstrdup(s);
	} else {
		f->arch = xstrdup("generic");
	}
	f->in_scope = in_scope;
	vec_push(&p->files, f);
}

enum entry_type { ENTRY_OTHER, ENTRY_DIR, ENTRY_FILE };

/*
 * A folder or a file, never a symbolic link: the tree's links point at
 * files scanned under their own name (or out of the tree, or back up it).
 * A FIFO or a device is a file here, for the scan to skip with a warning
 * (read_file_bounded() refuses it without opening it for reading, so it
 * cannot hang the scan): its barriers are missing from the report.
 */
static enum entry_type entry_type(const char *abs, unsigned char d_type)
{
	struct stat st;

	if (d_type == DT_DIR)
		return ENTRY_DIR;
	if (d_type == DT_LNK)
		return ENTRY_OTHER;
	if (d_type != DT_UNKNOWN)
		return ENTRY_FILE;
	if (lstat(abs, &st) < 0 || S_ISLNK(st.st_mode))
		return ENTRY_OTHER;
	return S_ISDIR(st.st_mode) ? ENTRY_DIR : ENTRY_FILE;
}

/*
 * Every .c/.h under kernel/rel ("" for the whole tree), recursively, or
 * only those whose name starts with @prefix.
 */
static void add_tree(struct program *p, const char *rel, const char *prefix,
		     bool recurse, bool in_scope)
{
	char *abs = xasprintf("%s%s%s", p->kernel, *rel ? "/" : "", rel);
	DIR *d = opendir(abs);
	struct dirent *e;

	free(abs);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char *sub;

		if (e->d_name[0] == '.')
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		abs = xasprintf("%s/%s", p->kernel, sub);
		switch (entry_type(abs, e->d_type)) {
		case ENTRY_DIR:
			if (recurse)
				add_tree(p, sub, prefix, true, in_scope);
			break;
		case ENTRY_FILE:
			if (files_is_source(e->d_name) && (!prefix || str_starts_with(e->d_name, prefix)))
				files_add(p, sub, in_scope);
			break;
		case ENTRY_OTHER:
			break;
		}
		free(abs);
		free(sub);
	}
	closedir(d);
}

/* virt/kvm, arch/(star)/kvm, and the headers KVM is built from. */
static void add_kvm_scope(struct program *p)
{
	char *archdir = xasprintf("%s/arch", p->kernel);
	DIR *d = opendir(archdir);
	struct dirent *e;

	free(archdir);
	add_tree(p, "virt/kvm", NULL, true, true);
	add_tree(p, "include/linux", "kvm", false, true);
	add_tree(p, "include/kvm", NULL, true, true);
	while (d && (e = readdir(d))) {
		char *kvm, *inc;

		if (e->d_name[0] == '.')
			continue;
		kvm = xasprintf("arch/%s/kvm", e->d_name);
		inc = xasprintf("arch/%s/include/asm", e->d_name);
		add_tree(p, kvm, NULL, true, true);
		add_tree(p, inc, "kvm", false, true);
		free(kvm);
		free(inc);
	}
	if (d)
		closedir(d);
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp((*(struct file_facts *const *)a)->path,
		      (*(struct file_facts *const *)b)->path);
}

/* Drop repeated paths (a --resolve-in folder inside the scope). */
static void dedupe_files(struct program *p)
{
	size_t out = 0;

	xqsort(p->files.v, p->files.n, sizeof(*p->files.v), file_cmp);
	for (size_t i = 0; i < p->files.n; i++) {
		if (out && !strcmp(p->files.v[out - 1]->path, p->files.v[i]->path)) {
			p->files.v[out - 1]->in_scope |= p->files.v[i]->in_scope;
			file_facts_free(p->files.v[i]);
			continue;
		}
		p->files.v[out++] = p->files.v[i];
	}
	p->files.n = out;
}

/* bsearch() comparators: a path against an overlay, against a file's facts */
static int overlay_path_cmp(const void *path, const void *ov)
{
	return strcmp(path, ((const struct overlay *)ov)->path);
}

static int facts_path_cmp(const void *path, const void *f)
{
	return strcmp(path, (*(struct file_facts *const *)f)->path);
}

const struct overlay *overlay_find(const struct overlay *ov, size_t nov, const char *path)
{
	return nov ? bsearch(path, ov, nov, sizeof(*ov), overlay_path_cmp) : NULL;
}

ssize_t files_find_path(const struct program *p, size_t n, const char *path)
{
	struct file_facts **hit = n ? bsearch(path, p->files.v, n, sizeof(*p->files.v),
					       facts_path_cmp) : NULL;

	return hit ? hit - p->files.v : -1;
}

/* @path made relative to the kernel tree; NULL if it is not inside it. */
static char *inside_kernel(const struct program *p, const char *path)
{
	char real[PATH_MAX];
	size_t n = strlen(p->kernel);

	if (!realpath(path, real))
		return NULL;
	if (strncmp(real, p->kernel, n) || (real[n] && real[n] != '/'))
		return NULL;
	return xstrdup(real[n] ? real + n + 1 : "");
}

/* A path given on the command line, relative to the kernel tree. */
static char *relative_to_kernel(const struct program *p, const char *path)
{
	char real[PATH_MAX];
	char *r;

	/* realpath() would take it for the kernel tree itself */
	if (!*path)
		die("an empty PATH: name a file or folder of the kernel tree");
	if (!realpath(path, real)) {
		char *in_tree = xasprintf("%s/%s", p->kernel, path);

		if (!realpath(in_tree, real))
			die_errno("%s", path);
		free(in_tree);
	}
	r = inside_kernel(p, real);
	if (!r)
		die("%s: not inside the kernel tree %s", path, p->kernel);
	return r;
}

/*
 * A --scope folder: of the kernel tree first ("--scope=mm" means the
 * tree's mm/ wherever barriermap runs), else a path to one inside it.
 */
static char *scope_folder(const struct program *p, const char *dir)
{
	char *in_tree = xasprintf("%s/%s", p->kernel, dir);
	char *r = inside_kernel(p, in_tree);
	struct stat st;

	free(in_tree);
	if (!r)
		r = inside_kernel(p, dir);
	if (!r)
		die("--scope: %s: no such folder in the kernel tree %s", dir, p->kernel);
	in_tree = xasprintf("%s/%s", p->kernel, r);
	if (stat(in_tree, &st) < 0 || !S_ISDIR(st.st_mode))
		die("--scope: %s: not a folder", dir);
	free(in_tree);
	return r;
}

/* --scope=kvm (the default), all (the whole tree), or folders of the tree. */
static void add_scope(struct program *p)
{
	const struct options *o = p->opts;

	if (!o->scope.n)
		add_kvm_scope(p);
	for (size_t i = 0; i < o->scope.n; i++) {
		char *list = xstrdup(o->scope.v[i]), *save = NULL;

		for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			char *r;

			if (!strcmp(w, "kvm")) {
				add_kvm_scope(p);
				continue;
			}
			r = strcmp(w, "all") ? scope_folder(p, w) : xstrdup("");
			add_tree(p, r, NULL, true, true);
			free(r);
		}
		free(list);
	}
}

bool options_scope_is_kvm(const struct options *o)
{
	for (size_t i = 0; i < o->scope.n; i++)
		if (strcmp(o->scope.v[i], "kvm"))
			return false;
	return true;
}

/* The index in the sorted @rel of @path or of a folder it is in ("" is the tree), or -1. */
static long rel_index(const char *path, char **rel, size_t n)
{
	char *dir = xstrdup(path);
	const char *key = "";
	char **hit = bsearch(&key, rel, n, sizeof(*rel), str_cmp_ptr);

	while (!hit) {
		char *slash;

		key = dir;
		hit = bsearch(&key, rel, n, sizeof(*rel), str_cmp_ptr);
		slash = strrchr(dir, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	free(dir);
	return hit ? (long)(hit - rel) : -1;
}

/*
 * With PATH arguments, only files under them are reported on.  A PATH
 * with no file of the scope under it is an error: "lint fs/" would
 * otherwise report nothing and pass.
 */
static void restrict_scope(struct program *p)
{
	const struct options *o = p->opts;
	VEC(char *) rel = { 0 };
	size_t known = p->files.n;	/* sorted by path */
	bool *used;

	if (!o->paths.n)
		return;
	for (size_t i = 0; i < o->paths.n; i++) {
		char *r = relative_to_kernel(p, o->paths.v[i]);
		char *abs = xasprintf("%s/%s", p->kernel, r);
		struct stat st;

		if (stat(abs, &st) == 0 && !S_ISDIR(st.st_mode) && files_is_source(r) &&
		    files_find_path(p, known, r) < 0)
			files_add(p, r, true);
		free(abs);
		vec_push(&rel, r);
	}
	dedupe_files(p);
	xqsort(rel.v, rel.n, sizeof(*rel.v), str_cmp_ptr);
	used = xcalloc(rel.n, sizeof(*used));
	for (size_t j = 0; j < p->files.n; j++) {
		long k = p->files.v[j]->in_scope ? rel_index(p->files.v[j]->path, rel.v, rel.n) : -1;

		p->files.v[j]->in_scope = k >= 0;
		if (k >= 0)
			used[k] = true;
	}
	for (size_t i = 0; i < rel.n; i++)
		if (!used[i])
			die("%s: no file of the scope is under it (the scope is %s; --scope=DIR "
			    "scans another folder)", *rel.v[i] ? rel.v[i] : ".",
			    options_scope_is_kvm(o) ? "KVM's: virt/kvm, arch/*/kvm and the KVM headers" :
			    "the --scope folders");
	free(used);
	for (size_t i = 0; i < rel.n; i++)
		free(rel.v[i]);
	free(rel.v);
}

static void add_overlay_files(struct program *p, const struct overlay *ov, size_t nov)
{
	size_t known = p->files.n, out = 0;
	bool *gone;

	for (size_t i = 0; i < nov; i++)
		if (ov[i].content && files_is_source(ov[i].path) && files_find_path(p, known, ov[i].path) < 0)
			files_add(p, ov[i].path, true);
	dedupe_files(p);
	/* a deleted file is no longer there to scan */
	gone = xcalloc(p->files.n, sizeof(*gone));
	for (size_t i = 0; i < nov; i++) {
		ssize_t j = ov[i].content ? -1 : files_find_path(p, p->files.n, ov[i].path);

		if (j >= 0)
			gone[j] = true;
	}
	for (size_t j = 0; j < p->files.n; j++) {
		if (gone[j])
			file_facts_free(p->files.v[j]);
		else
			p->files.v[out++] = p->files.v[j];
	}
	p->files.n = out;
	free(gone);
}

/*
 * --resolve-in=core: where the core primitives a claim may rely on are
 * defined (locks, rwsems, the scheduler's wakeups, bitops and atomics),
 * resolve-only: include/, kernel/, lib/, mm/ and arch/(star)/include/.
 */
static void add_core(struct program *p)
{
	static const char *const core[] = { "include", "kernel", "lib", "mm" };
	char *archdir = xasprintf("%s/arch", p->kernel);
	DIR *d = opendir(archdir);
	struct dirent *e;

	free(archdir);
	for (size_t i = 0; i < sizeof(core) / sizeof(core[0]); i++)
		add_tree(p, core[i], NULL, true, false);
	while (d && (e = readdir(d))) {
		char *inc;

		if (e->d_name[0] == '.')
			continue;
		inc = xasprintf("arch/%s/include", e->d_name);
		add_tree(p, inc, NULL, true, false);
		free(inc);
	}
	if (d)
		closedir(d);
}

void files_find(struct program *p, const struct overlay *ov, size_t nov)
{
	const struct options *o = p->opts;

	add_scope(p);
	add_tree(p, "include/asm-generic", "barrier", false, false);
	for (size_t i = 0; i < o->resolve_in.n; i++) {
		char *r;

		if (!strcmp(o->resolve_in.v[i], "core")) {
			add_core(p);
			continue;
		}
		r = relative_to_kernel(p, o->resolve_in.v[i]);
		add_tree(p, r, NULL, true, false);
		free(r);
	}
	dedupe_files(p);
	add_overlay_files(p, ov, nov);
	restrict_scope(p);
}

/* ---- headers outside the scope that a comment points into ------------ */

static void push_if_missing(const struct program *p, struct strvec *out, const char *name)
{
	size_t n;

	if (name && !program_find_function(p, name, &n))
		vec_push(out, (char *)name);
}

/* Function names the comments point at that no scanned file defines. */
static void missing_names(struct program *p, struct strvec *out)
{
	program_index_functions(p);
	for (size_t i = 0; i < p->files.n; i++) {
		struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->sites.n; j++) {
			struct site *s = &f->sites.v[j];

			for (size_t k = 0; k < s->pairing.nrefs; k++)
				push_if_missing(p, out, s->pairing.refs[k].function);
			/* the calls an implicit site's comment names */
			for (size_t k = 0; k < s->stmt_calls.n; k++)
				if (s->comment_text && strstr(s->comment_text, s->stmt_calls.v[k].callee))
					push_if_missing(p, out, s->stmt_calls.v[k].callee);
		}
	}
	xqsort(out->v, out->n, sizeof(*out->v), str_cmp_ptr);
}

/*
 * @path with its "." and ".." resolved, relative to the tree; NULL when it
 * climbs out of it ("../../../etc/x.h" in an #include of a hostile tree).
 */
static char *normalize_path(const char *path)
{
	char *copy = xstrdup(path), *save = NULL;
	VEC(const char *) parts = { 0 };
	struct strbuf sb = STRBUF_INIT;
	bool out = false;

	for (char *w = strtok_r(copy, "/", &save); w && !out; w = strtok_r(NULL, "/", &save)) {
		if (!strcmp(w, "."))
			continue;
		if (strcmp(w, ".."))
			vec_push(&parts, w);
		else if (parts.n)
			parts.n--;
		else
			out = true;
	}
	for (size_t i = 0; i < parts.n && !out; i++)
		sb_addf(&sb, "%s%s", i ? "/" : "", parts.v[i]);
	free(parts.v);
	free(copy);
	if (out || !sb.len) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/* A regular file of the tree (not a link, not a FIFO)? */
static bool is_tree_file(const struct program *p, const char *rel)
{
	char *abs = xasprintf("%s/%s", p->kernel, rel);
	struct stat st;
	bool ok = lstat(abs, &st) == 0 && S_ISREG(st.st_mode);

	free(abs);
	return ok;
}

/*
 * The header an #include of @f names, relative to the tree, if it exists;
 * *known tells whether it is one of p->files[0..nknown), sorted by path.
 */
static char *include_path(const struct program *p, size_t nknown, const struct file_facts *f,
			  const char *inc, bool *known)
{
	size_t n = strlen(inc);
	char *name = xstrndup(inc + 1, n >= 2 ? n - 2 : 0), *dir = xstrdup(f->path);
	char *slash = strrchr(dir, '/');
	char *try[4] = { 0 }, *found = NULL;

	if (slash)
		*slash = '\0';
	if (inc[0] == '"')
		try[0] = xasprintf("%s/%s", dir, name);
	try[1] = xasprintf("include/%s", name);
	if (strcmp(f->arch, "generic"))
		try[2] = xasprintf("arch/%s/include/%s", f->arch, name);
	if (str_starts_with(name, "asm/"))
		try[3] = xasprintf("include/asm-generic/%s", name + 4);
	*known = false;
	for (size_t i = 0; i < 4; i++) {
		char *rel = try[i] ? normalize_path(try[i]) : NULL;

		/* a file already listed exists: no need to ask the file system */
		if (!found && rel && files_is_source(rel) &&
		    ((*known = files_find_path(p, nknown, rel) >= 0) || is_tree_file(p, rel)))
			found = xstrdup(rel);
		free(rel);
		free(try[i]);
	}
	free(name);
	free(dir);
	return found;
}

static bool mentions_any(const struct program *p, const char *rel, char **names, size_t n)
{
	char *abs = xasprintf("%s/%s", p->kernel, rel);
	size_t len;
	char *buf = read_file_bounded(abs, READ_FILE_MAX, READ_NOFOLLOW, &len);
	bool hit = false;

	for (size_t i = 0; buf && i < n && !hit; i++)
		hit = memmem(buf, len, names[i], strlen(names[i])) != NULL;
	free(buf);
	free(abs);
	return hit;
}

/*
 * A comment may name a function defined outside the scope, in a header
 * that a scope file includes (pi_test_and_set_on() lives in
 * arch/x86/include/asm/posted_intr.h).  Scan just the included headers
 * that mention such a name: a text search first, a parse only on a hit
 * (the driver's).
 */
void files_add_named_headers(struct program *p)
{
	struct strvec names = { 0 }, headers = { 0 };
	size_t first = p->files.n;

	missing_names(p, &names);
	for (size_t i = 0; names.n && i < first; i++) {
		struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->includes.n; j++) {
			bool known;
			char *h = include_path(p, first, f, f->includes.v[j], &known);

			if (h && !known)
				vec_push(&headers, h);
			else
				free(h);
		}
	}
	xqsort(headers.v, headers.n, sizeof(*headers.v), str_cmp_ptr);
	for (size_t i = 0; i < headers.n; i++)
		if ((!i || strcmp(headers.v[i - 1], headers.v[i])) &&
		    mentions_any(p, headers.v[i], names.v, names.n))
			files_add(p, headers.v[i], false);
	for (size_t i = 0; i < headers.n; i++)
		free(headers.v[i]);
	free(headers.v);
	free(names.v);
}

void files_sort(struct program *p)
{
	xqsort(p->files.v, p->files.n, sizeof(*p->files.v), file_cmp);
}
