// SPDX-License-Identifier: GPL-2.0
/*
 * pipeline.c: the options every subcommand shares, finding the kernel tree
 * and the files in scope, and running scan -> attach -> resolve.
 */
#include "cache.h"
#include "pipeline.h"
#include "claims.h"
#include "lkmm.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_DEPTH 3

/* Set by the Makefile to the repo's (or the installed) tools/kernel-tree.sh. */
#ifndef KERNEL_TREE_SCRIPT
#define KERNEL_TREE_SCRIPT "/usr/local/share/barriermap/kernel-tree.sh"
#endif

void options_init(struct options *o)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	memset(o, 0, sizeof(*o));
	o->jobs = n > 0 ? (int)n : 1;
	o->max_depth = DEFAULT_DEPTH;
	o->progress = isatty(STDERR_FILENO);
}

static void config_release(void);

void options_release(struct options *o)
{
	string_list_clear(&o->paths);
	string_list_clear(&o->resolve_in);
	string_list_clear(&o->scope);
	config_release();
	free(o->kernel_found);
	memset(o, 0, sizeof(*o));
}


/* libclang only says "LIBCLANG TOOLING ERROR" about a folder without one. */
static const char *compdb_folder(const char *dir)
{
	char *json = xasprintf("%s/compile_commands.json", dir);

	if (access(json, R_OK) < 0)
		die("%s: no usable compile_commands.json", dir);
	free(json);
	return dir;
}

void options_kernel_cb(const struct option *opt, const char *arg)
{
	/* parse_options() refused an empty value: "" would be the current folder */
	((struct options *)opt->value)->kernel = arg;
}

void options_compdb_cb(const struct option *opt, const char *arg)
{
	((struct options *)opt->value)->compdb = compdb_folder(arg);
}

void options_finish(struct options *o)
{
	if (o->quiet)
		o->progress = false;
}


static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_kernel_tree(const char *dir)
{
	char *a = xasprintf("%s/virt/kvm", dir), *b = xasprintf("%s/include/linux", dir);
	bool ok = is_dir(a) && is_dir(b);

	free(a);
	free(b);
	return ok;
}

/*
 * tools/kernel-tree.sh of the checkout barriermap was built in, else the
 * copy `make install` puts beside the binary (PREFIX/share/barriermap/).
 */
static char *kernel_tree_script(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (access(KERNEL_TREE_SCRIPT, X_OK) == 0 || n <= 0)
		return xstrdup(KERNEL_TREE_SCRIPT);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	return xasprintf("%s/../share/barriermap/kernel-tree.sh", exe);
}

/* The tree the tools/ script extracts from Debian's linux-source-6.12. */
static char *default_tree(void)
{
	const char *env = getenv("BARRIERMAP_KERNEL_TREE_SCRIPT");
	char *script = env ? xstrdup(env) : kernel_tree_script();
	char line[PATH_MAX];
	char *cmd = xasprintf("'%s'", script);
	FILE *f = popen(cmd, "r");
	bool ok = f && fgets(line, sizeof(line), f);

	if (f)
		pclose(f);
	free(cmd);
	free(script);
	if (!ok)
		return NULL;
	line[strcspn(line, "\n")] = '\0';
	return xstrdup(line);
}

/* The kernel tree holding the current folder, as git finds its repository. */
static char *enclosing_kernel_tree(void)
{
	char dir[PATH_MAX];

	if (!getcwd(dir, sizeof(dir)))
		return NULL;
	for (;;) {
		char *slash;

		if (is_kernel_tree(dir))
			return xstrdup(dir);
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return NULL;
		*slash = '\0';
	}
}

/*
 * --kernel, else the kernel tree the current folder is in, else $KDIR,
 * else the default tree.
 */
void options_find_kernel(struct options *o)
{
	const char *kdir = getenv("KDIR");

	if (o->kernel) {
		if (!is_dir(o->kernel))
			die("%s: no such folder", o->kernel);
		if (!is_kernel_tree(o->kernel))
			die("%s: not a kernel tree (no virt/kvm and include/linux)", o->kernel);
		return;
	}
	if ((o->kernel_found = enclosing_kernel_tree()))
		o->kernel = o->kernel_found;
	else if (kdir && *kdir)
		o->kernel = kdir;
	else
		o->kernel = o->kernel_found = default_tree();
	if (!o->kernel)
		die("no kernel tree: run from a kernel tree, pass --kernel DIR or set KDIR "
		    "(tools/kernel-tree.sh extracts Debian's linux-source-6.12)");
	if (!is_kernel_tree(o->kernel))
		die("%s: not a kernel tree (no virt/kvm and include/linux)", o->kernel);
}

/* ---- the tree's configuration file ----------------------------------- */

/*
 * .barriermap.conf at the kernel tree's root carries the tree's default
 * options, as .checkpatch.conf does for checkpatch.pl: options separated
 * by white space, '#' to the end of the line a comment.  A line starting
 * "COMMAND:" applies to that command only; the other lines to every
 * command, so they may hold only the options every command takes.  The
 * command line comes after the file, so it wins.
 */
#define CONFIG_FILE ".barriermap.conf"
#define CONFIG_MAX_BYTES (64 << 10)
#define CONFIG_MAX_WORDS 256

/* Words the configuration gave, kept for as long as options point into them. */
static struct {
	char *text;
	const char **argv;
} config;

/* The tree --kernel, the current folder or $KDIR names; never the default tree. */
static char *config_tree(const struct options *o)
{
	const char *kdir = getenv("KDIR");
	char *tree = o->kernel ? xstrdup(o->kernel) : enclosing_kernel_tree();

	if (!tree && kdir && *kdir)
		tree = xstrdup(kdir);
	return tree;
}

/* A word of @path's line @line; die on anything that is not an option. */
static void config_word(const char *path, unsigned line, char *w, size_t *n)
{
	if (*n >= CONFIG_MAX_WORDS)
		die("%s: more than %d words", path, CONFIG_MAX_WORDS);
	if (!strcmp(w, "--kernel") || str_starts_with(w, "--kernel="))
		die("%s:%u: --kernel has no meaning in the tree's own configuration", path, line);
	config.argv[++*n] = w;
}

/* Split @path's text into the words that apply to @cmd, after argv[0]. */
static size_t config_words(const char *path, const char *cmd)
{
	size_t n = 0;
	unsigned line = 0;
	char *next = config.text;

	config.argv = xcalloc(CONFIG_MAX_WORDS + 2, sizeof(*config.argv));
	while (next) {
		char *l = next, *hash, *save = NULL, *w;
		bool ours = true;

		next = strchr(l, '\n');
		if (next)
			*next++ = '\0';
		line++;
		if ((hash = strchr(l, '#')))
			*hash = '\0';
		w = strtok_r(l, " \t\r", &save);
		if (w && w[0] != '-') {
			size_t len = strlen(w);

			if (len < 2 || w[len - 1] != ':')
				die("%s:%u: '%s' is neither an option nor COMMAND:", path, line, w);
			ours = len - 1 == strlen(cmd) && !strncmp(w, cmd, len - 1);
			w = strtok_r(NULL, " \t\r", &save);
		}
		for (; w; w = strtok_r(NULL, " \t\r", &save))
			if (ours)
				config_word(path, line, w, &n);
	}
	return n;
}

int options_parse_config(struct options *o, int argc, char **argv, const char *cmd,
			 const struct option *opts, const char *const *usage)
{
	char **cmdline = xmalloc(((size_t)argc + 1) * sizeof(*cmdline));
	char *tree, *path;
	size_t nconf, len;
	int nargs, nargs_conf;

	memcpy(cmdline, argv, ((size_t)argc + 1) * sizeof(*cmdline));
	nargs = parse_options(argc, argv, cmd, opts, usage);
	tree = config_tree(o);
	path = tree ? xasprintf("%s/" CONFIG_FILE, tree) : NULL;
	free(tree);
	if (!path || access(path, F_OK) < 0) {
		free(path);
		free(cmdline);
		return nargs;
	}
	config.text = read_file_bounded(path, CONFIG_MAX_BYTES, READ_NOFOLLOW, &len);
	if (!config.text)
		die("%s: %s", path, read_error(errno));
	if (memchr(config.text, '\0', len))
		die("%s: a NUL byte: not a text file", path);
	nconf = config_words(path, cmd);
	/* the file's options, then the command line's again, which win */
	for (const struct option *op = opts; op->type != OPTION_END; op++)
		if (op->type == OPTION_STRING_LIST)
			string_list_clear(op->value);
	config.argv[0] = cmd;
	{
		char **all = xcalloc(nconf + (size_t)argc + 1, sizeof(*all));

		for (size_t i = 0; i <= nconf; i++)
			all[i] = (char *)config.argv[i];
		for (int i = 1; i < argc; i++)
			all[nconf + (size_t)i] = cmdline[i];
		parse_options_source(path);
		nargs_conf = parse_options((int)nconf + argc, all, cmd, opts, usage);
		parse_options_source(NULL);
		if (nargs_conf != nargs)
			die("%s: '%s' is not an option", path, all[0]);
		memcpy(argv, all, ((size_t)nargs + 1) * sizeof(*argv));
		free(all);
	}
	free(path);
	free(cmdline);
	return nargs;
}

static void config_release(void)
{
	free(config.text);
	free(config.argv);
	memset(&config, 0, sizeof(config));
}

/* ---- which files ----------------------------------------------------- */

/*
 * The most files one run scans.  The whole 6.12 tree has 59,932 .c and .h
 * files; a folder of generated files beyond this ends in a clear message,
 * not in a scan that never finishes.
 */
#define MAX_FILES 250000

static bool is_source(const char *name)
{
	return str_ends_with(name, ".c") || str_ends_with(name, ".h");
}

static void add_file(struct program *p, const char *rel, bool in_scope)
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
			if (is_source(e->d_name) && (!prefix || str_starts_with(e->d_name, prefix)))
				add_file(p, sub, in_scope);
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

/* Index of @path in p->files[0..n), sorted by path, or -1. */
static ssize_t find_file(const struct program *p, size_t n, const char *path)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(p->files.v[mid]->path, path);

		if (!c)
			return (ssize_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
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
			die("%s: %s", path, strerror(errno));
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

		if (stat(abs, &st) == 0 && !S_ISDIR(st.st_mode) && is_source(r) &&
		    find_file(p, known, r) < 0)
			add_file(p, r, true);
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
		if (ov[i].content && is_source(ov[i].path) && find_file(p, known, ov[i].path) < 0)
			add_file(p, ov[i].path, true);
	dedupe_files(p);
	/* a deleted file is no longer there to scan */
	gone = xcalloc(p->files.n, sizeof(*gone));
	for (size_t i = 0; i < nov; i++) {
		ssize_t j = ov[i].content ? -1 : find_file(p, p->files.n, ov[i].path);

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

static void find_files(struct program *p, const struct overlay *ov, size_t nov)
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
		if (!found && rel && is_source(rel) &&
		    ((*known = find_file(p, nknown, rel) >= 0) || is_tree_file(p, rel)))
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
 * that mention such a name: a text search first, a parse only on a hit.
 */
static void add_named_headers(struct program *p, const struct overlay *ov, size_t nov,
			      struct fact_cache *cache)
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
			add_file(p, headers.v[i], false);
	for (size_t i = 0; i < headers.n; i++)
		free(headers.v[i]);
	free(headers.v);
	free(names.v);
	if (p->files.n > first) {
		scan_files(p, first, ov, nov, cache);
		xqsort(p->files.v, p->files.n, sizeof(*p->files.v), file_cmp);
	}
}

static void warn_skipped(const struct program *p)
{
	for (size_t i = 0; i < p->files.n; i++)
		if (p->files.v[i]->skipped)
			warning("%s: skipped: %s", p->files.v[i]->path, p->files.v[i]->skipped);
}

struct program *program_scan_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov)
{
	struct program *p = xcalloc(1, sizeof(*p));
	struct fact_cache *cache;
	char real[PATH_MAX];

	p->opts = o;
	if (!realpath(o->kernel, real))
		die("%s: %s", o->kernel, strerror(errno));
	p->kernel = xstrdup(real);
	find_files(p, ov, nov);
	if (!p->files.n)
		die("%s: no KVM source files found", o->kernel);
	cache = cache_open(o);
	scan_files(p, 0, ov, nov, cache);
	add_named_headers(p, ov, nov, cache);
	cache_close(cache);
	warn_skipped(p);
	return p;
}

void program_resolve(struct program *p)
{
	resolve_program(p);
	lkmm_analyze(p);
	check_claims(p);
}

struct program *program_load_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov)
{
	struct program *p = program_scan_overlay(o, ov, nov);

	program_resolve(p);
	return p;
}

struct program *program_rescan(const struct program *t, const struct overlay *ov, size_t nov,
			       const char *const *changed, size_t nchanged)
{
	struct program *p = xcalloc(1, sizeof(*p));
	bool *touched = xcalloc(t->files.n + 1, sizeof(*touched));
	struct fact_cache *cache;
	size_t first;

	p->opts = t->opts;
	p->kernel = xstrdup(t->kernel);
	/* t->files is sorted by path: each changed file found once, not per file */
	for (size_t j = 0; j < nchanged; j++) {
		ssize_t i = find_file(t, t->files.n, changed[j]);

		if (i >= 0)
			touched[i] = true;
	}
	for (size_t i = 0; i < t->files.n; i++)
		if (!touched[i])
			vec_push(&p->files, file_facts_clone(t->files.v[i]));
	first = p->files.n;
	for (size_t j = 0; j < nchanged; j++) {
		const struct overlay *o = NULL;
		ssize_t i = find_file(t, t->files.n, changed[j]);
		bool in_scope = i >= 0 ? t->files.v[i]->in_scope : true;

		for (size_t k = 0; k < nov && !o; k++)
			if (!strcmp(ov[k].path, changed[j]))
				o = &ov[k];
		/* as find_files() would: an overlay source file is in scope */
		if (o && o->content && is_source(o->path))
			add_file(p, o->path, in_scope);
	}
	free(touched);
	/* the patched files' facts are stored too: the next run of this patch reads them */
	cache = cache_open(p->opts);
	if (p->files.n > first) {
		scan_files(p, first, ov, nov, cache);
		for (size_t i = first; i < p->files.n; i++)
			if (p->files.v[i]->skipped)
				warning("%s: skipped: %s", p->files.v[i]->path, p->files.v[i]->skipped);
	}
	xqsort(p->files.v, p->files.n, sizeof(*p->files.v), file_cmp);
	add_named_headers(p, ov, nov, cache);
	cache_close(cache);
	return p;
}

struct program *program_load(const struct options *o)
{
	return program_load_overlay(o, NULL, 0);
}
