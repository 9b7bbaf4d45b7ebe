/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The options every command that scans the tree shares, and what reads
 * them: the option table's entries (OPT_PIPELINE), the tree's
 * .barriermap.conf, finding the kernel tree (kernel.c).
 */
#ifndef BARRIERMAP_OPTIONS_H
#define BARRIERMAP_OPTIONS_H

#include "parse-options.h"
#include "util.h"

struct options {
	const char *kernel;	/* the kernel tree */
	char *kernel_found;	/* owned copy when options_find_kernel() found it */
	struct string_list paths;	/* paths given on the command line */
	struct string_list resolve_in;	/* extra folders for partners (--resolve-in) */
	struct string_list scope;	/* --scope values as given; none: the KVM scope */
	bool no_cache;		/* --no-cache: neither read nor write the fact cache */
	const char *compdb;	/* folder with compile_commands.json, or NULL */
	int jobs;
	unsigned max_depth;	/* call graph depth for partners */
	bool quiet;
	bool progress;		/* stderr is a terminal */
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

#endif
