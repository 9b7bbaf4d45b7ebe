// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap map: write the barrier map as reStructuredText, either into a
 * folder of the user's choosing (-o DIR, for a Sphinx site of its own) or
 * into a kernel tree's Documentation/virt/kvm/barriers/ with the toctree
 * entry that makes `make htmldocs SPHINXDIRS=virt/kvm` build it.
 *
 * Every page carries RST_MARKER; a file without it is the user's, and is
 * never overwritten.
 */
#include "commands.h"
#include "emit_dot.h"
#include "emit_rst.h"
#include "pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const map_usage[] = {
	"barriermap map [options] -o DIR",
	"barriermap map [options] --kernel-docs[=TREE]",
	"",
	"Write the barrier map as reStructuredText: an index, a page per",
	"architecture (per subsystem folder with a wider --scope), a worklist and",
	"the pairing graphs.  A page it did not write is never overwritten.",
	NULL,
};

#define KVM_DOCS "Documentation/virt/kvm"
#define TOCTREE_ENTRY "barriers/index"

struct map_args {
	const char *out;
	const char *kernel_docs;	/* tree, "" for the --kernel tree, NULL */
	const char *source_url;
};

/* Did barriermap write this file?  The marker sits after the SPDX line. */
static bool has_marker(const char *text)
{
	const char *s = text;

	for (int line = 0; line < 3 && s; line++) {
		if (str_starts_with(s, RST_MARKER_PREFIX))
			return true;
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	return false;
}

/*
 * A file in a folder we write into: only a regular file is read (or later
 * replaced), never through a link, so that a FIFO cannot hang the run and
 * a link cannot redirect it.  NULL with errno set (see read_file_bounded).
 */
static char *read_output(const char *path, size_t *len)
{
	return read_file_bounded(path, READ_FILE_MAX, READ_NOFOLLOW, len);
}

/*
 * Refuse before writing anything, so that a refusal leaves no half map:
 * @dir must be a folder or missing, each page missing or ours.
 */
static void check_pages(const char *dir, const struct rst_pages *pages)
{
	struct stat st;

	if (stat(dir, &st) == 0 ? !S_ISDIR(st.st_mode) : errno == ENOTDIR)
		die("cannot create the folder %s: %s", dir, strerror(ENOTDIR));
	for (size_t i = 0; i < pages->pages.n; i++) {
		char *path = xasprintf("%s/%s", dir, pages->pages.v[i].name);

		refuse_unless_ours(path, has_marker, "barriermap");
		free(path);
	}
}

/* A page's name: one an earlier run wrote and this one may not (an arch is gone). */
static bool page_name(const char *name)
{
	return str_ends_with(name, ".rst");
}

/*
 * Which temp files are barriermap's: @target is the file a temp file is
 * named after, @text what it holds.
 */
typedef bool temp_is_ours_fn(const char *target, const char *text, size_t len,
			     const void *arg);

/* Does @text start like @expected, or stop (a write cut short) inside it? */
static bool starts_like(const char *text, size_t len, const char *expected, size_t n)
{
	return !memcmp(text, expected, len < n ? len : n);
}

/* A page's temp file holds a page, or the first bytes of one. */
static bool page_temp(const char *target, const char *text, size_t len, const void *arg)
{
	return page_name(target) &&
	       starts_like(text, len, RST_PAGE_HEAD, strlen(RST_PAGE_HEAD));
}

/*
 * Remove the temp files a run killed by SIGKILL left in @dir (every other
 * way to stop a run removes its own): regular files named as
 * write_file_atomic() names them, holding what @ours recognises.
 */
static void remove_dead_temps(const char *dir, temp_is_ours_fn *ours, const void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d) {
		if (errno == ENOENT)
			return;
		die_errno("cannot read %s", dir);
	}
	while ((de = readdir(d))) {
		size_t n = atomic_temp_target(de->d_name), len;
		char *target, *path, *text;

		if (!n)
			continue;
		target = xstrndup(de->d_name, n);
		path = xasprintf("%s/%s", dir, de->d_name);
		text = read_output(path, &len);
		if (text && ours(target, text, len, arg) && unlink(path) < 0)
			die_errno("cannot remove %s", path);
		free(text);
		free(path);
		free(target);
	}
	closedir(d);
}

static void write_pages(const char *dir, const struct rst_pages *pages, bool progress)
{
	if (mkdir_p(dir, 0755) < 0)
		die_errno("cannot create the folder %s", dir);
	remove_dead_temps(dir, page_temp, NULL);
	for (size_t i = 0; i < pages->pages.n; i++) {
		const struct named_text *pg = &pages->pages.v[i];
		char *path = xasprintf("%s/%s", dir, pg->name);

		if (progress)
			fprintf(stderr, "barriermap: map: [%zu/%zu] %s\n",
				i + 1, pages->pages.n, path);
		if (write_file_atomic(path, pg->text, strlen(pg->text)) < 0)
			die_errno("cannot write %s", path);
		free(path);
	}
	remove_stale_outputs(dir, &pages->pages, page_name, has_marker);
}

/* "6.12.117" from the tree's top Makefile, or NULL. */
static char *kernel_version(const char *tree)
{
	static const char *const keys[] = { "VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION" };
	char *path = xasprintf("%s/Makefile", tree), *text = read_file(path, NULL);
	struct strbuf sb = STRBUF_INIT;

	if (!text && errno != ENOENT)
		die("cannot read %s: %s", path, read_error(errno));
	free(path);
	if (!text)
		return NULL;
	for (size_t k = 0; k < 4; k++) {
		char *key = xasprintf("\n%s = ", keys[k]);
		const char *v = strstr(text, key);
		size_t n = 0;

		if (v) {
			v += strlen(key);
			n = strcspn(v, "\n");
		}
		if (k && k < 3 && n)
			sb_addc(&sb, '.');
		sb_add(&sb, v ? v : "", n);
		free(key);
	}
	free(text);
	if (!sb.len || !strchr(sb_str(&sb), '.')) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/*
 * @text (Documentation/virt/kvm/index.rst) with "barriers/index" added as
 * the last entry of its first toctree, or NULL when it is there already.
 * Dies when there is no toctree to add it to.
 */
static char *index_with_entry(const char *index, const char *text)
{
	const char *toc = strstr(text, ".. toctree::"), *s, *after = NULL;
	struct strbuf sb = STRBUF_INIT;
	int indent = 3;

	if (!toc)
		die("%s has no toctree to add %s to", index, TOCTREE_ENTRY);
	/* the toctree's body: the indented lines after the directive */
	for (s = strchr(toc, '\n'); s && s[1]; s = strchr(s + 1, '\n')) {
		const char *l = s + 1;
		size_t sp = strspn(l, " \t"), n = strcspn(l, "\n");

		if (l[sp] == '\n' || !l[sp])
			continue;
		if (!sp)
			break;
		if (l[sp] != ':')
			indent = (int)sp;
		if (n - sp == strlen(TOCTREE_ENTRY) && !strncmp(l + sp, TOCTREE_ENTRY, n - sp))
			return NULL;
		after = l + n;
	}
	if (!after)
		die("%s: cannot find the toctree's entries", index);
	sb_add(&sb, text, (size_t)(after - text));
	sb_addf(&sb, "\n%*s%s", indent, "", TOCTREE_ENTRY);
	sb_adds(&sb, after);
	return sb_detach(&sb);
}

/* The index.rst texts a killed run could have been writing. */
struct index_texts {
	const char *now, *edited;	/* edited is NULL when no edit is needed */
};

/* index.rst's temp file holds the start of the edited (or current) index. */
static bool index_temp(const char *target, const char *text, size_t len, const void *arg)
{
	const struct index_texts *t = arg;

	if (strcmp(target, "index.rst"))
		return false;
	return (len <= strlen(t->now) && starts_like(text, len, t->now, len)) ||
	       (t->edited && len <= strlen(t->edited) && starts_like(text, len, t->edited, len));
}

/*
 * TREE/Documentation/virt/kvm/barriers/ and its toctree entry.  Everything
 * is checked (the index's toctree, each page) before anything is written.
 */
static void write_kernel_docs(const char *tree, const struct rst_pages *pages,
			      const struct options *opts)
{
	char *docs = xasprintf("%s/" KVM_DOCS, tree);
	char *dir = xasprintf("%s/barriers", docs);
	char *index = xasprintf("%s/index.rst", docs);
	char *text = read_output(index, NULL);
	struct index_texts t = { text, NULL };
	char *edited;

	if (!text && errno == ENOENT)
		die("%s: no %s/index.rst; is it a kernel tree?", tree, KVM_DOCS);
	if (!text)
		die("cannot read %s: %s", index, read_error(errno));
	t.edited = edited = index_with_entry(index, text);
	check_pages(dir, pages);
	remove_dead_temps(docs, index_temp, &t);
	write_pages(dir, pages, opts->progress);
	if (edited) {
		if (write_file_atomic(index, edited, strlen(edited)) < 0)
			die_errno("cannot write %s", index);
		if (!opts->quiet)
			fprintf(stderr, "barriermap: added '%s' to the toctree in %s\n",
				TOCTREE_ENTRY, index);
	}
	free(edited);
	free(text);
	free(index);
	free(dir);
	free(docs);
}

/* Graphviz's dot for the graphs; *missing set when it is not installed. */
static char *render_svg(const char *dot, void *missing)
{
	char *svg = dot_render_svg(dot);

	if (!svg)
		*(bool *)missing = true;
	return svg;
}

int cmd_map(int argc, char **argv)
{
	struct map_args a = { 0 };
	struct rst_options ro = { 0 };
	struct rst_pages pages = { { 0 } };
	struct options opts;
	struct program *p;
	char *version, *why;
	bool no_dot = false;

	options_init(&opts);
	{
		struct option table[] = {
			OPT_GROUP("Where the pages go"),
			OPT_STRING('o', "output", &a.out, "DIR",
				   "write the pages into DIR (created if missing)"),
			OPT_STRING_OPTARG(0, "kernel-docs", &a.kernel_docs, "TREE", "",
					  "write TREE/Documentation/virt/kvm/barriers/ and its toctree "
					  "entry (TREE: the --kernel tree)"),
			OPT_STRING(0, "source-url", &a.source_url, "TEMPLATE",
				   "link each location to the source: %p the file's path "
				   "(percent-encoded), %l the line, %% a percent sign"),
			OPT_PIPELINE(&opts),
			OPT_END(),
		};

		argc = options_parse_config(&opts, argc, argv, "map", table, map_usage);
		if (argc)
			usage_error("map", map_usage, "unexpected argument '%s'", argv[0]);
		if (!a.out == !a.kernel_docs)
			usage_error("map", map_usage,
				    "give exactly one of -o DIR and --kernel-docs");
	}
	options_finish(&opts);
	if (a.source_url && (why = rst_source_url_error(a.source_url)))
		die("map: --source-url '%s' %s", a.source_url, why);
	options_find_kernel(&opts);

	p = program_load(&opts);
	version = kernel_version(p->kernel);
	ro.kernel_version = version;
	ro.source_url = a.source_url;
	ro.render_svg = render_svg;
	ro.render_arg = &no_dot;
	ro.by_subsystem = !options_scope_is_kvm(&opts);
	rst_emit_map(p, &ro, &pages);
	if (no_dot && !opts.quiet)
		warning("dot (Graphviz) is not installed: the pages show the pairing graphs "
			"as DOT text; install graphviz and run map again to draw them");

	if (a.kernel_docs) {
		write_kernel_docs(*a.kernel_docs ? a.kernel_docs : p->kernel, &pages, &opts);
	} else {
		check_pages(a.out, &pages);
		write_pages(a.out, &pages, opts.progress);
	}
	free(version);
	named_texts_release(&pages.pages);
	program_free(p);
	options_release(&opts);
	return EXIT_CLEAN;
}
