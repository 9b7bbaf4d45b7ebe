// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap: find every memory barrier in KVM, check its "pairs with"
 * comment, prove the partner exists, and emit the barrier map.
 *
 * main.c is the command line only: a table of subcommands, and what is
 * said about all of them (--version, help, the man page's command list).
 * Each command's options are its own table (parse-options.h), so
 * "barriermap help CMD" runs "CMD --help" rather than keeping a copy.
 */
#include "commands.h"
#include "util.h"
#include "version.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "lint", cmd_lint, "report barriers whose pairing is not proven" },
	{ "map", cmd_map, "write the barrier map as reStructuredText" },
	{ "show", cmd_show, "explain one barrier: FUNCTION or FILE:LINE" },
	{ "check-patch", cmd_check_patch, "review checklist for a patch" },
	{ "suggest", cmd_suggest, "propose pairing comments as patches" },
	{ "grammar", cmd_grammar, "show how a comment parses" },
	{ "litmus", cmd_litmus, "write a barrier's pair as a litmus test for herd7" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

static void usage(FILE *out)
{
	fprintf(out, "usage: barriermap [--version] [--help] <command> [options] [args]\n\n"
		"commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'barriermap help <command>' or 'barriermap <command> --help' "
		"for a command's options.\n");
}

/* Run @c with the single option @opt ("--help", "--help-rst"). */
static int run_with(const struct command *c, const char *opt)
{
	char *argv[] = { (char *)c->name, (char *)opt, NULL };

	return c->fn(2, argv);
}

/*
 * Every command's section of the man page (rst/commands.rst is made from
 * it): each command prints its own in a child, since --help-rst exits.
 */
static int print_commands_rst(void)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const struct command *c = &commands[i];
		char title[64];
		int len = snprintf(title, sizeof(title), "barriermap %s", c->name);
		pid_t pid;
		int status;

		printf("%s\n%.*s\n\n%c%s.\n\n", title, len,
		       "--------------------------------------------------------------",
		       c->summary[0] - 'a' + 'A', c->summary + 1);
		if (fflush(stdout) == EOF)
			die_errno("cannot write");
		pid = fork();
		if (pid < 0)
			die_errno("cannot fork");
		if (!pid)
			exit(run_with(c, "--help-rst"));
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			die("%s --help-rst failed", c->name);
	}
	return EXIT_CLEAN;
}

static int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	if (argc == 2 && !strcmp(argv[1], "--rst"))
		return print_commands_rst();
	if (argc == 2 && !strcmp(argv[1], "--list-commands")) {
		for (size_t i = 0; i < NCOMMANDS; i++)
			printf("%s\n", commands[i].name);
		return EXIT_CLEAN;
	}
	if (argc > 2 || !(c = find_command(argv[1])))
		die("help: '%s' is not a barriermap command; see 'barriermap help'", argv[1]);
	return run_with(c, "--help");
}

int main(int argc, char **argv)
{
	const struct command *c;

	atexit(check_stdout_at_exit);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("barriermap %s\n", barriermap_version);
		return EXIT_CLEAN;
	}
	c = find_command(argv[1]);
	if (!c)
		die("'%s' is not a barriermap command; see 'barriermap --help'", argv[1]);
	return c->fn(argc - 1, argv + 1);
}
