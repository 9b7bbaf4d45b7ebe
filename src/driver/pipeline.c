// SPDX-License-Identifier: GPL-2.0
/*
 * pipeline.c: the driver that runs the stages over the files files.c finds
 * in the tree kernel.c finds, with the options options.c parsed.
 */
#include "pipeline.h"
#include "attach.h"
#include "cache.h"
#include "claims.h"
#include "infer.h"
#include "lkmm.h"
#include "objects.h"
#include "resolve.h"
#include "scan.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the per-file stages, in parallel --------------------------------- */

static const char *skip_reason(const char *buf, size_t len)
{
	if (len > READ_FILE_MAX)
		return "larger than 16 MiB";
	if (memchr(buf, '\0', len))
		return "binary file (NUL byte)";
	return NULL;
}

/* What the threads running the per-file stages share. */
struct worker {
	struct program *p;
	size_t first;
	const struct overlay *ov;
	size_t nov;
	const struct scan_context *scan;
	struct fact_cache *cache;
	atomic_size_t next, done;
	pthread_mutex_t lock;	/* for the progress line */
	double started, shown;
};

static char *load_source(const struct worker *w, struct file_facts *f,
			 const char *abs, size_t *len)
{
	const struct overlay *o = overlay_find(w->ov, w->nov, f->path);
	char *buf;

	if (o) {
		*len = o->len;
		return xstrndup(o->content, o->len);
	}
	/* never through a link, never from a FIFO or device, never past the bound */
	buf = read_file_bounded(abs, READ_FILE_MAX, READ_NOFOLLOW, len);
	if (!buf)
		f->skipped = xasprintf("cannot read: %s", read_error(errno));
	return buf;
}

/*
 * The stages that read a file's tokens, run on it while they exist:
 * scan (libclang -> facts and tokens), attach (comments -> barriers),
 * objects (the accesses around each barrier).  The fact cache holds what
 * the three make of a file's content.
 */
static void file_stages(struct scanner *sc, const struct worker *w, struct file_facts *f)
{
	char *abs = xasprintf("%s/%s", w->p->kernel, f->path);
	size_t len;
	char *buf = load_source(w, f, abs, &len);
	const char *why = buf ? skip_reason(buf, len) : NULL;
	struct token_view tv;

	if (why) {
		f->skipped = xstrdup(why);
	} else if (buf && !cache_load(w->cache, buf, len, f)) {
		if (scan_file(sc, f, abs, buf, len, &tv)) {
			attach_comments(f, &tv);
			objects_collect(&tv, f);
			token_view_release(&tv);
		}
		cache_store(w->cache, buf, len, f);
	}
	free(buf);
	free(abs);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * "barriermap: scanning 1200/59932 files, 2400 files/s", on a terminal
 * only, at most ten times a second; wiped when the scan ends.
 */
static void progress(struct worker *w, size_t done)
{
	size_t total = w->p->files.n - w->first;
	double t;

	if (!w->p->opts->progress)
		return;
	t = now();
	pthread_mutex_lock(&w->lock);
	if (done == total) {
		fputs("\r\033[K", stderr);
	} else if (t - w->shown >= 0.1 || done == 1) {
		double rate = t > w->started ? (double)done / (t - w->started) : 0;

		fprintf(stderr, "\rbarriermap: scanning %zu/%zu files, %.0f files/s\033[K",
			done, total, rate);
		w->shown = t;
	}
	pthread_mutex_unlock(&w->lock);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct scanner *sc = scanner_new(w->scan);
	size_t i;

	while ((i = w->first + atomic_fetch_add(&w->next, 1)) < w->p->files.n) {
		file_stages(sc, w, w->p->files.v[i]);
		progress(w, atomic_fetch_add(&w->done, 1) + 1);
	}
	scanner_free(sc);
	return NULL;
}

/* The per-file stages over p->files[first..], in -j threads. */
static void run_file_stages(struct program *p, size_t first, const struct overlay *ov,
			    size_t nov, struct fact_cache *cache)
{
	struct worker w = { .p = p, .first = first, .ov = ov, .nov = nov,
			    .scan = scan_context_open(p->opts->compdb), .cache = cache };
	int jobs = p->opts->jobs > 0 ? p->opts->jobs : 1;
	pthread_attr_t attr;
	pthread_t *threads;

	if (first >= p->files.n)
		goto out;
	if ((size_t)jobs > p->files.n - first)
		jobs = (int)(p->files.n - first);
	pthread_mutex_init(&w.lock, NULL);
	w.started = now();
	threads = xcalloc((size_t)jobs, sizeof(*threads));
	if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, WORKER_STACK))
		die("cannot set up the scanning threads");
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&threads[i], &attr, worker_main, &w))
			die("cannot start a scanning thread");
	for (int i = 0; i < jobs; i++)
		pthread_join(threads[i], NULL);
	pthread_attr_destroy(&attr);
	pthread_mutex_destroy(&w.lock);
	free(threads);
out:
	scan_context_close((struct scan_context *)w.scan);
}

/* ---- the driver ---------------------------------------------------------- */

/* The headers a comment points into (files.c), scanned. */
static void add_named_headers(struct program *p, const struct overlay *ov, size_t nov,
			      struct fact_cache *cache)
{
	size_t first = p->files.n;

	files_add_named_headers(p);
	if (p->files.n > first) {
		run_file_stages(p, first, ov, nov, cache);
		files_sort(p);
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
		die_errno("%s", o->kernel);
	p->kernel = xstrdup(real);
	files_find(p, ov, nov);
	if (!p->files.n)
		die("%s: no KVM source files found", o->kernel);
	cache = cache_open(o);
	run_file_stages(p, 0, ov, nov, cache);
	add_named_headers(p, ov, nov, cache);
	cache_close(cache);
	warn_skipped(p);
	return p;
}

/*
 * The stages of the whole program, each a function of what the ones
 * before it made of the facts the per-file stages left.
 */
void program_resolve(struct program *p)
{
	resolve_comments_on_calls(p);	/* the sites are final */
	infer_index_build(p);		/* the objects of every site, indexed */
	resolve_program(p);		/* partners and statuses */
	infer_likely_partners(p);	/* each undocumented barrier's best guess */
	lkmm_analyze(p);		/* each pair under the memory model */
	check_claims(p);		/* comments that rely on a barrier elsewhere */
}

void program_free(struct program *p)
{
	if (!p)
		return;
	lkmm_free(p->lkmm);
	p->lkmm = NULL;
	infer_index_free(p->infer);
	p->infer = NULL;
	program_free_facts(p);
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
		ssize_t i = files_find_path(t, t->files.n, changed[j]);

		if (i >= 0)
			touched[i] = true;
	}
	for (size_t i = 0; i < t->files.n; i++)
		if (!touched[i])
			vec_push(&p->files, file_facts_clone(t->files.v[i]));
	first = p->files.n;
	for (size_t j = 0; j < nchanged; j++) {
		const struct overlay *o = overlay_find(ov, nov, changed[j]);
		ssize_t i = files_find_path(t, t->files.n, changed[j]);
		bool in_scope = i >= 0 ? t->files.v[i]->in_scope : true;

		/* as find_files() would: an overlay source file is in scope */
		if (o && o->content && files_is_source(o->path))
			files_add(p, o->path, in_scope);
	}
	free(touched);
	/* the patched files' facts are stored too: the next run of this patch reads them */
	cache = cache_open(p->opts);
	if (p->files.n > first) {
		run_file_stages(p, first, ov, nov, cache);
		for (size_t i = first; i < p->files.n; i++)
			if (p->files.v[i]->skipped)
				warning("%s: skipped: %s", p->files.v[i]->path, p->files.v[i]->skipped);
	}
	files_sort(p);
	add_named_headers(p, ov, nov, cache);
	cache_close(cache);
	return p;
}

struct program *program_load(const struct options *o)
{
	return program_load_overlay(o, NULL, 0);
}
