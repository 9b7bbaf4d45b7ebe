// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap grammar [FILE | -e TEXT | -]: show how a comment parses.
 *
 * For people writing or reviewing pairing comments, and for the tests of
 * the partner grammar: the output is stable, one fact per line.
 */
#include "commands.h"
#include "grammar.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: barriermap grammar [FILE | -e TEXT | -]\n"
	"\n"
	"Parse one comment (with its /* */ or // markers) as the partner\n"
	"grammar does and print what it says the barrier pairs with.\n"
	"Reads standard input when no FILE is given or FILE is -.\n"
	"\n"
	"  -e TEXT     parse TEXT instead of a file\n"
	"  -h, --help  show this help\n"
	"\n"
	"Output: 'pairing: KIND' (none, refs, vague, no-partner, not-barrier),\n"
	"'weak' when only weak phrasings (\"see F()\", \"synchronizes with\")\n"
	"made it, 'phrase: ...', one 'ref: ...' line per reference with the\n"
	"fields arch=, barrier=, misspelled=, wildcard, implicit, see,\n"
	"function=, context=\"...\", and one 'misspelled: WORD -> BARRIER' line\n"
	"per misspelled barrier name anywhere in the comment.\n";

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
	char *text;

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage_text, stdout);
		return EXIT_CLEAN;
	}
	if (argc == 3 && !strcmp(argv[1], "-e")) {
		text = xstrdup(argv[2]);
	} else if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-"))) {
		text = read_stdin();
	} else if (argc == 2 && argv[1][0] != '-') {
		text = read_file_bounded(argv[1], READ_FILE_MAX, READ_STREAM, NULL);
		if (!text)
			die("cannot read '%s': %s", argv[1], read_error(errno));
	} else {
		fputs(usage_text, stderr);
		die("bad usage of 'grammar'; see 'barriermap grammar --help'");
	}
	grammar_parse(text, &parsed);
	print_pairing(&parsed);
	pairing_release(&parsed);
	free(text);
	if (fflush(stdout) || ferror(stdout))
		die("cannot write to standard output");
	return EXIT_CLEAN;
}
