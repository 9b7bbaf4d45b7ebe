// SPDX-License-Identifier: GPL-2.0
/*
 * options.c: the options every command that scans the tree shares (see
 * options.h): their defaults, their callbacks, and the tree's
 * .barriermap.conf read before the command line.
 */
#include "options.h"
#include "kernel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_DEPTH 3

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
	struct stat st;

	if (access(json, R_OK) < 0)
		die("%s: no usable compile_commands.json", dir);
	/* libclang reads it itself: a FIFO or a device would never end */
	if (stat(json, &st) < 0 || !S_ISREG(st.st_mode))
		die("%s: no usable compile_commands.json (not a regular file)", dir);
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
	char *tree = o->kernel ? xstrdup(o->kernel) : kernel_tree_enclosing();

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
