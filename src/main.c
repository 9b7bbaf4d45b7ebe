// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap: find every memory barrier in KVM, check its "pairs with"
 * comment, prove the partner exists, and emit the barrier map.
 *
 * main.c is the command line only: a table of subcommands.
 */
#include "commands.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "lint", cmd_lint, "report barriers whose pairing is not proven" },
	{ "map", cmd_map, "write the barrier map as reStructuredText" },
	{ "show", cmd_show, "explain one barrier: FUNCTION or FILE:LINE" },
	{ "check-patch", cmd_check_patch, "review checklist for a patch" },
	{ "suggest", cmd_suggest, "propose pairing comments as a patch" },
	{ "grammar", cmd_grammar, "show how a comment parses" },
	{ "litmus", cmd_litmus, "write a barrier's pair as a litmus test for herd7" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: barriermap <command> [options] [args]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'barriermap <command> --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_CLEAN;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	die("'%s' is not a barriermap command; see 'barriermap --help'", argv[1]);
}
