/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One table-driven option parser, in the manner of git's parse-options:
 * each command declares its options once, as an array of struct option
 * ending with OPT_END(), and the same table gives the parsing, the --help
 * text, the man page's synopsis and options (help --rst) and the shell
 * completion (the hidden --list-options).
 *
 *	static const char *const lint_usage[] = {
 *		"barriermap lint [options] [PATH...]",
 *		NULL,
 *	};
 *	struct option opts[] = {
 *		OPT_STRING(0, "baseline", &baseline, "FILE", "report only findings not in FILE"),
 *		OPT_INT('j', "jobs", &jobs, 1, 256, "threads (default: the CPUs)"),
 *		OPT_END(),
 *	};
 *	argc = parse_options(argc, argv, "lint", opts, lint_usage);
 *
 * Options and arguments may be mixed; "--" ends the options.  Values are
 * checked strictly (a number is all digits, within its range; a choice is
 * one of its words); every error is "barriermap: CMD: ..." and exit 2.
 * What is left in argv[0..argc) are the arguments, in order.
 */
#ifndef BARRIERMAP_PARSE_OPTIONS_H
#define BARRIERMAP_PARSE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum opt_type {
	OPTION_END,
	OPTION_GROUP,		/* a heading in --help */
	OPTION_BOOL,		/* bool; --no-NAME clears it */
	OPTION_INT,		/* int within [min, max] */
	OPTION_UINT,		/* unsigned within [min, max] */
	OPTION_DOUBLE,		/* double within [min, max], never nan */
	OPTION_STRING,		/* const char *, the argument itself */
	OPTION_STRING_LIST,	/* struct string_list: every use adds one */
	OPTION_CHOICE,		/* int: the index of the word in choices[] */
	OPTION_CALLBACK,	/* cb(opt, arg) checks and stores the value */
};

enum {
	OPT_OPTARG = 1 << 0,	/* --name or --name=VALUE; no separate argument */
	OPT_HIDDEN = 1 << 1,	/* not in --help, the man page or completion */
	OPT_NONEG = 1 << 2,	/* a bool with no --no-NAME */
	OPT_EMPTY_OK = 1 << 3,	/* a string that may be empty ("-e ''") */
};

struct option;
/* Checks and stores @arg, or dies with a clear message (usage_error()). */
typedef void (*option_cb)(const struct option *opt, const char *arg);

struct option {
	enum opt_type type;
	int short_name;
	const char *long_name;
	void *value;
	const char *argh;	/* the argument's name in --help: "N", "DIR" */
	const char *help;
	int flags;
	double min, max;	/* OPTION_INT, OPTION_DOUBLE */
	const char *const *choices;	/* OPTION_CHOICE, NULL-terminated */
	const char *optarg_default;	/* OPT_OPTARG: the value of a bare --name */
	option_cb callback;
};

/* What OPTION_STRING_LIST fills: a struct string_list (util.h). */
void string_list_clear(struct string_list *l);

#define OPT_END() { .type = OPTION_END }
#define OPT_GROUP(h) { .type = OPTION_GROUP, .help = (h) }
#define OPT_BOOL(s, l, v, h) \
	{ .type = OPTION_BOOL, .short_name = (s), .long_name = (l), .value = (v), .help = (h) }
#define OPT_BOOL_F(s, l, v, f, h) \
	{ .type = OPTION_BOOL, .short_name = (s), .long_name = (l), .value = (v), .help = (h), \
	  .flags = (f) }
#define OPT_INT(s, l, v, lo, hi, a, h) \
	{ .type = OPTION_INT, .short_name = (s), .long_name = (l), .value = (v), \
	  .min = (lo), .max = (hi), .argh = (a), .help = (h) }
#define OPT_UINT(s, l, v, lo, hi, a, h) \
	{ .type = OPTION_UINT, .short_name = (s), .long_name = (l), .value = (v), \
	  .min = (lo), .max = (hi), .argh = (a), .help = (h) }
#define OPT_DOUBLE(s, l, v, lo, hi, a, h) \
	{ .type = OPTION_DOUBLE, .short_name = (s), .long_name = (l), .value = (v), \
	  .min = (lo), .max = (hi), .argh = (a), .help = (h) }
#define OPT_STRING(s, l, v, a, h) \
	{ .type = OPTION_STRING, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h) }
#define OPT_STRING_OPTARG(s, l, v, a, def, h) \
	{ .type = OPTION_STRING, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h), .flags = OPT_OPTARG, .optarg_default = (def) }
#define OPT_STRING_LIST(s, l, v, a, h) \
	{ .type = OPTION_STRING_LIST, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h) }
#define OPT_CHOICE(s, l, v, words, a, h) \
	{ .type = OPTION_CHOICE, .short_name = (s), .long_name = (l), .value = (v), \
	  .choices = (words), .argh = (a), .help = (h) }
#define OPT_CALLBACK(s, l, v, a, h, cb) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), .value = (v), \
	  .argh = (a), .help = (h), .callback = (cb) }

/*
 * Parse @argv[1..@argc) (argv[0] is the command's name) against @opts;
 * -h/--help prints the usage and options and exits 0; --list-options
 * prints the option names for shell completion, --help-rst the man page's
 * section, and both exit 0.  Returns the
 * number of arguments left, moved to argv[0..), argv[return] = NULL.
 */
int parse_options(int argc, char **argv, const char *cmd,
		  const struct option *opts, const char *const *usage);

/*
 * Where the options come from, for usage errors ("barriermap: CMD: SOURCE:
 * message"): a configuration file's name, or NULL for the command line.
 */
void parse_options_source(const char *source);
/* Die with "barriermap: CMD: message" and the usage, exit 2. */
_Noreturn void usage_error(const char *cmd, const char *const *usage, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
