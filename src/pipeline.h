/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pipeline every subcommand shares: find the files, scan them in
 * parallel, attach comments, resolve partners.
 */
#ifndef BARRIERMAP_PIPELINE_H
#define BARRIERMAP_PIPELINE_H

#include "facts.h"

/*
 * A file's content replacing (or adding, or deleting) what is on disk, for
 * check-patch: path is relative to the kernel tree; content NULL deletes.
 * Passed to libclang as unsaved files, so the user's tree is never touched.
 */
struct overlay {
	const char *path;
	const char *content;
	size_t len;
};

void options_init(struct options *o);

/* --kernel and --compdb: check the folder, then store it in the options. */
void options_kernel_cb(const struct option *opt, const char *arg);
void options_compdb_cb(const struct option *opt, const char *arg);

/*
 * The options of every command that scans the tree, for its option table
 * (parse-options.h); options_finish() after parse_options().
 */
#define OPT_PIPELINE(o) \
	OPT_GROUP("The tree and the scan"), \
	OPT_CALLBACK(0, "kernel", (o), "DIR", \
		     "the kernel tree (default: the tree holding the current folder, else $KDIR, " \
		     "else Debian's linux-source)", options_kernel_cb), \
	OPT_INT('j', "jobs", &(o)->jobs, 1, 256, "N", "scan with N threads (default: the CPUs)"), \
	OPT_STRING_LIST(0, "scope", &(o)->scope, "DIR[,DIR...]", \
			"scan and report on these folders of the tree instead of KVM's; " \
			"kvm for KVM's, all for the whole tree"), \
	OPT_STRING_LIST(0, "resolve-in", &(o)->resolve_in, "DIR", \
			"also scan DIR for partners, without reporting on it"), \
	OPT_CALLBACK(0, "compdb", (o), "DIR", \
		     "parse with the flags of DIR/compile_commands.json", options_compdb_cb), \
	OPT_UINT(0, "depth", &(o)->max_depth, 0, 16, "N", \
		 "follow calls N deep to find a partner (default: 3)"), \
	OPT_BOOL_F(0, "no-cache", &(o)->no_cache, OPT_NONEG, \
		   "neither read nor write the fact cache ($BARRIERMAP_CACHE/facts)"), \
	OPT_BOOL_F('q', "quiet", &(o)->quiet, OPT_NONEG, "print findings only: no summary, no progress"), \
	OPT_BOOL(0, "progress", &(o)->progress, \
		 "a progress line on stderr (default: when it is a terminal)")

/*
 * parse_options() with the defaults of the kernel tree's .barriermap.conf
 * (the tree --kernel, the current folder or $KDIR names) before the
 * command line's.  Returns the number of arguments, as parse_options().
 */
int options_parse_config(struct options *o, int argc, char **argv, const char *cmd,
			 const struct option *opts, const char *const *usage);

/* What the options imply for each other (-q: no progress line). */
void options_finish(struct options *o);
/* Resolve --kernel / cwd / $KDIR / default tree, dies if not a kernel tree. */
void options_find_kernel(struct options *o);

/* Is the scope KVM's (no --scope, or only --scope=kvm)? */
bool options_scope_is_kvm(const struct options *o);

/* Free what parsing the options and options_find_kernel() allocated. */
void options_release(struct options *o);

/* Scan, attach and resolve.  Dies with a clear message on bad input. */
struct program *program_load(const struct options *o);
struct program *program_load_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov);
/* The same without program_resolve(): a program to rescan from. */
struct program *program_scan_overlay(const struct options *o,
				     const struct overlay *ov, size_t nov);
/*
 * A new program from @t (scanned, not resolved): the files in @changed are
 * scanned again from @ov (or dropped when @ov deletes them), every other
 * file's facts are copied.  Not resolved either.  For check-patch, whose
 * programs before and after a patch differ only in the files it touches.
 */
struct program *program_rescan(const struct program *t, const struct overlay *ov, size_t nov,
			       const char *const *changed, size_t nchanged);
/* What program_load_overlay() does after the scan: resolve, then lkmm. */
void program_resolve(struct program *p);

struct fact_cache;

/* Per-stage entry points (pipeline.c calls them in this order). */
/* Scan p->files[first..], through the fact cache @cache unless NULL. */
void scan_files(struct program *p, size_t first, const struct overlay *ov, size_t nov,
		struct fact_cache *cache);
/* attach_comments(): see tokens.h; it needs the file's tokens. */
void resolve_program(struct program *p);

#endif
