// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap grammar [FILE | -e TEXT | -]: show how a comment parses.
 *
 * For people writing or reviewing pairing comments, and for the tests of
 * the partner grammar: the output is stable, one fact per line.
 */
#include "commands.h"
#include "parse-options.h"
#include "grammar.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const grammar_usage[] = {
	"barriermap grammar [FILE | -e TEXT | -]",
	"",
	"Parse one comment (with its /* */ or // markers) as the partner",
	"grammar does and print what it says the barrier pairs with.",
	"Reads standard input when no FILE is given or FILE is -.",
	"",
	"Output: 'pairing: KIND' (none, refs, vague, no-partner, not-barrier),",
	"'weak' when only weak phrasings (\"see F()\", \"synchronizes with\")",
	"made it, 'phrase: ...', one 'ref: ...' line per reference with the",
	"fields arch=, barrier=, misspelled=, wildcard, implicit, see,",
	"function=, context=\"...\", and one 'misspelled: WORD -> BARRIER' line",
	"per misspelled barrier name anywhere in the comment.",
	NULL,
};

static char *read_stdin(void)
{
	char *text = read_fd(STDIN_FILENO, READ_FILE_MAX, NULL);

	if (!text)
		die("cannot read standard input: %s", read_error(errno));
	return text;
}

static void print_quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void print_ref(const struct ref *r)
{
	fputs("ref:", stdout);
	if (r->arch)
		printf(" arch=%s", r->arch);
	if (r->barrier)
		printf(" barrier=%s", r->barrier);
	if (r->misspelled)
		printf(" misspelled=%s", r->misspelled);
	if (r->wildcard)
		fputs(" wildcard", stdout);
	if (r->implicit)
		fputs(" implicit", stdout);
	if (r->see)
		fputs(" see", stdout);
	if (r->function)
		printf(" function=%s", r->function);
	if (r->context) {
		fputs(" context=", stdout);
		print_quoted(r->context);
	}
	putchar('\n');
}

static void print_pairing(const struct pairing *p)
{
	printf("pairing: %s\n", pairing_kind_name(p->kind));
	if (p->kind != PAIRING_NONE && p->weak)
		printf("weak\n");
	if (p->phrase)
		printf("phrase: %s\n", p->phrase);
	for (size_t i = 0; i < p->nrefs; i++)
		print_ref(&p->refs[i]);
	for (size_t i = 0; i < p->nmisspellings; i++)
		printf("misspelled: %s -> %s\n", p->misspellings[i].written,
		       p->misspellings[i].meant);
}

int cmd_grammar(int argc, char **argv)
{
	struct pairing parsed;
	const char *expr = NULL;
	char *text;

	{
		struct option opts[] = {
			{ .type = OPTION_STRING, .short_name = 'e', .value = &expr, .argh = "TEXT",
			  .help = "parse TEXT instead of a file", .flags = OPT_EMPTY_OK },
			OPT_END(),
		};

		argc = parse_options(argc, argv, "grammar", opts, grammar_usage);
		if (argc > 1 || (expr && argc))
			usage_error("grammar", grammar_usage, "one comment at a time: "
				    "a FILE, -e TEXT or standard input");
	}
	if (expr) {
		text = xstrdup(expr);
	} else if (!argc || !strcmp(argv[0], "-")) {
		text = read_stdin();
	} else {
		text = read_file_bounded(argv[0], READ_FILE_MAX, READ_STREAM, NULL);
		if (!text)
			die("cannot read '%s': %s", argv[0], read_error(errno));
	}
	grammar_parse(text, &parsed);
	print_pairing(&parsed);
	pairing_release(&parsed);
	free(text);
	return EXIT_CLEAN;
}
