// SPDX-License-Identifier: GPL-2.0
/*
 * parse-options.c: the one option parser (see parse-options.h).  Every
 * command's table goes through here, so every command accepts the same
 * forms (-jN, -j N, --jobs=N, --jobs N, --no-NAME, "--") and refuses bad
 * values the same way.
 */
#include "parse-options.h"
#include "rst.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void string_list_clear(struct string_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void string_list_append(struct string_list *l, const char *s)
{
	vec_push(l, s);
}

/* ---- help --------------------------------------------------------------- */

/* "-j, --jobs=N" as --help shows it. */
static void option_label(const struct option *o, struct strbuf *sb)
{
	if (o->short_name)
		sb_addf(sb, "-%c", o->short_name);
	if (o->short_name && o->long_name)
		sb_adds(sb, ", ");
	if (o->long_name)
		sb_addf(sb, "--%s%s", o->type == OPTION_BOOL && !(o->flags & OPT_NONEG) ?
			"[no-]" : "", o->long_name);
	if (!o->argh)
		return;
	if (o->flags & OPT_OPTARG)
		sb_addf(sb, "[=%s]", o->argh);
	else if (o->long_name)
		sb_addf(sb, "=%s", o->argh);
	else
		sb_addf(sb, " %s", o->argh);
}

#define HELP_COLUMN 26
#define HELP_WIDTH 79

/* @text from column @col on, wrapped at HELP_WIDTH, continued at HELP_COLUMN + 4. */
static void print_wrapped(FILE *out, const char *text, size_t col)
{
	const size_t indent = HELP_COLUMN + 4;

	while (*text) {
		size_t room = HELP_WIDTH > col ? HELP_WIDTH - col : 1, n = strlen(text), cut = n;

		if (n > room) {
			for (cut = room; cut > 0 && text[cut] != ' '; cut--)
				;
			if (!cut)
				cut = strcspn(text, " ");
		}
		fprintf(out, "%.*s\n", (int)cut, text);
		text += cut;
		while (*text == ' ')
			text++;
		if (*text)
			fprintf(out, "%*s", (int)indent, "");
		col = indent;
	}
}

/*
 * The synopsis lines of @usage, then (with @description) the paragraph
 * after its empty string, as git's usage strings are laid out.
 */
static void print_synopsis(FILE *out, const char *const *usage, bool description)
{
	size_t i;

	for (i = 0; usage[i] && *usage[i]; i++)
		fprintf(out, "%s%s\n", i ? "   or: " : "usage: ", usage[i]);
	if (!description || !usage[i])
		return;
	fputc('\n', out);
	while (usage[++i])
		fprintf(out, "%s%s\n", *usage[i] ? "    " : "", usage[i]);
}

static void print_option_help(FILE *out, const struct option *o)
{
	struct strbuf sb = STRBUF_INIT;

	option_label(o, &sb);
	if (sb.len + 2 >= HELP_COLUMN) {
		fprintf(out, "    %s\n%*s", sb_str(&sb), HELP_COLUMN + 4, "");
	} else {
		fprintf(out, "    %-*s  ", HELP_COLUMN - 2, sb_str(&sb));
	}
	print_wrapped(out, o->help, HELP_COLUMN + 4);
	sb_release(&sb);
}

/* Usage and options, for --help. */
static void print_usage(const struct option *opts, const char *const *usage)
{
	FILE *out = stdout;

	print_synopsis(out, usage, true);
	for (const struct option *o = opts; o->type != OPTION_END; o++) {
		if (o->flags & OPT_HIDDEN)
			continue;
		if (o->type == OPTION_GROUP) {
			fprintf(out, "\n%s\n", o->help);
			continue;
		}
		if (o == opts)
			fputc('\n', out);
		print_option_help(out, o);
	}
	fputc('\n', out);
}

/* Help text as inline RST (rst.h): no markup can start in it. */
static void rst_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	rst_add_text(&sb, s);
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}

/*
 * The command's section of the man page: its synopsis as a literal block,
 * its description, its options as a definition list.  The heading and the
 * one-line summary are the caller's (barriermap help --rst).
 */
static void print_usage_rst(const struct option *opts, const char *const *usage)
{
	size_t i;

	printf("::\n\n");
	for (i = 0; usage[i] && *usage[i]; i++)
		printf("    %s\n", usage[i]);
	printf("\n");
	if (usage[i]) {
		while (usage[++i]) {
			rst_text(usage[i]);
			printf("\n");
		}
		printf("\n");
	}
	for (const struct option *o = opts; o->type != OPTION_END; o++) {
		struct strbuf sb = STRBUF_INIT;

		if (o->flags & OPT_HIDDEN)
			continue;
		if (o->type == OPTION_GROUP) {
			printf("*");
			rst_text(o->help);
			printf("*\n\n");
			continue;
		}
		option_label(o, &sb);
		printf("``%s``\n    ", sb_str(&sb));
		rst_text(o->help);
		printf("\n\n");
		sb_release(&sb);
	}
}

/* --list-options: one word per line, for the shell completion. */
static void list_options(const struct option *opts)
{
	for (const struct option *o = opts; o->type != OPTION_END; o++) {
		if (o->type == OPTION_GROUP || (o->flags & OPT_HIDDEN) || !o->long_name)
			continue;
		printf("--%s%s\n", o->long_name, o->argh && !(o->flags & OPT_OPTARG) ? "=" : "");
		if (o->type == OPTION_BOOL && !(o->flags & OPT_NONEG))
			printf("--no-%s\n", o->long_name);
	}
	printf("--help\n");
}

/*
 * A usage error: the message, then the synopsis and where the options are
 * described, as git does for a bad value (the whole option list is for
 * --help, where the user asked for it).
 */
static const char *options_source;

void parse_options_source(const char *source)
{
	options_source = source;
}

void usage_error(const char *cmd, const char *const *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "barriermap: %s: ", cmd);
	if (options_source)
		fprintf(stderr, "%s: ", options_source);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	print_synopsis(stderr, usage, false);
	fprintf(stderr, "See 'barriermap %s --help' for the options.\n", cmd);
	exit(EXIT_USAGE);
}

/* ---- values ------------------------------------------------------------- */

struct parse_state {
	const char *cmd;
	const struct option *opts;
	const char *const *usage;
};

#define bad_usage(st, ...) usage_error((st)->cmd, (st)->usage, __VA_ARGS__)

/* "--jobs" or "-j", as the user wrote it, for messages. */
static void option_name(const struct option *o, bool as_short, char *buf, size_t n)
{
	if (as_short || !o->long_name)
		snprintf(buf, n, "-%c", o->short_name);
	else
		snprintf(buf, n, "--%s", o->long_name);
}

static void set_int(const struct parse_state *st, const struct option *o,
		    const char *name, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	/* digits only, a sign only where the range has negative numbers */
	if (!*arg || strspn(arg + (*arg == '-' && o->min < 0), "0123456789") !=
		     strlen(arg + (*arg == '-' && o->min < 0)) || *end || errno ||
	    v < o->min || v > o->max)
		bad_usage(st, "%s takes a whole number from %.0f to %.0f, not '%s'",
			  name, o->min, o->max, arg);
	if (o->type == OPTION_UINT)
		*(unsigned *)o->value = (unsigned)v;
	else
		*(int *)o->value = (int)v;
}

/*
 * A plain decimal: digits with at most one '.', a '-' only where the range
 * has negative numbers.  strtod() alone would also take " 1", "+1", "1e0",
 * "0x1", "nan" and "inf".
 */
static void set_double(const struct parse_state *st, const struct option *o,
		       const char *name, const char *arg)
{
	const char *digits = arg + (*arg == '-' && o->min < 0);
	size_t whole = strspn(digits, "0123456789"), frac = 0;
	double v = NAN;

	if (digits[whole] == '.')
		frac = strspn(digits + whole + 1, "0123456789");
	if ((whole || frac) && !digits[whole + (digits[whole] == '.') + frac])
		v = strtod(arg, NULL);
	if (!(v >= o->min && v <= o->max))
		bad_usage(st, "%s takes a number from %g to %g, not '%s'", name, o->min, o->max, arg);
	*(double *)o->value = v;
}

static void set_choice(const struct parse_state *st, const struct option *o,
		       const char *name, const char *arg)
{
	struct strbuf words = STRBUF_INIT;

	for (int i = 0; o->choices[i]; i++) {
		if (!strcmp(arg, o->choices[i])) {
			*(int *)o->value = i;
			return;
		}
	}
	for (int i = 0; o->choices[i]; i++)
		sb_addf(&words, "%s%s", i ? ", " : "", o->choices[i]);
	bad_usage(st, "%s takes one of %s, not '%s'", name, sb_str(&words), arg);
}

/* Store @arg (NULL: a bool, or a bare OPT_OPTARG) into @o. */
static void take_value(const struct parse_state *st, const struct option *o,
		       const char *name, const char *arg, bool negated)
{
	switch (o->type) {
	case OPTION_BOOL:
		*(bool *)o->value = !negated;
		break;
	case OPTION_INT:
	case OPTION_UINT:
		set_int(st, o, name, arg);
		break;
	case OPTION_DOUBLE:
		set_double(st, o, name, arg);
		break;
	case OPTION_STRING:
		if (!arg)
			arg = o->optarg_default;
		else if (!*arg && !(o->flags & OPT_EMPTY_OK))
			bad_usage(st, "%s needs a value, not an empty one", name);
		*(const char **)o->value = arg;
		break;
	case OPTION_STRING_LIST:
		if (!*arg && !(o->flags & OPT_EMPTY_OK))
			bad_usage(st, "%s needs a value, not an empty one", name);
		string_list_append(o->value, arg);
		break;
	case OPTION_CHOICE:
		set_choice(st, o, name, arg);
		break;
	case OPTION_CALLBACK:
		if (arg && !*arg && !(o->flags & OPT_EMPTY_OK))
			bad_usage(st, "%s needs a value, not an empty one", name);
		o->callback(o, arg);
		break;
	case OPTION_END:
	case OPTION_GROUP:
		BUG("option type %d takes no value", (int)o->type);
	}
}

static bool takes_argument(const struct option *o)
{
	return o->type != OPTION_BOOL && !(o->flags & OPT_OPTARG);
}

/* ---- parsing ------------------------------------------------------------ */

static const struct option *find_long(const struct option *opts, const char *name,
				      size_t len, bool *negated)
{
	*negated = false;
	for (const struct option *o = opts; o->type != OPTION_END; o++)
		if (o->long_name && strlen(o->long_name) == len &&
		    !strncmp(o->long_name, name, len))
			return o;
	if (len > 3 && !strncmp(name, "no-", 3)) {
		for (const struct option *o = opts; o->type != OPTION_END; o++)
			if (o->type == OPTION_BOOL && !(o->flags & OPT_NONEG) && o->long_name &&
			    strlen(o->long_name) == len - 3 && !strncmp(o->long_name, name + 3, len - 3)) {
				*negated = true;
				return o;
			}
	}
	return NULL;
}

static const struct option *find_short(const struct option *opts, int c)
{
	for (const struct option *o = opts; o->type != OPTION_END; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

/* "--name[=value]" at argv[*i]; may take argv[*i + 1]. */
static void parse_long(const struct parse_state *st, int argc, char **argv, int *i)
{
	const char *a = argv[*i] + 2, *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	bool negated;
	const struct option *o = find_long(st->opts, a, len, &negated);
	char name[128];

	if (!o)
		bad_usage(st, "unknown option '--%.*s'", (int)(len > 64 ? 64 : len), a);
	option_name(o, false, name, sizeof(name));
	if (o->type == OPTION_BOOL) {
		if (eq)
			bad_usage(st, "%s takes no value", name);
		take_value(st, o, name, NULL, negated);
	} else if (eq) {
		take_value(st, o, name, eq + 1, false);
	} else if (o->flags & OPT_OPTARG) {
		take_value(st, o, name, NULL, false);
	} else {
		if (*i + 1 >= argc)
			bad_usage(st, "%s needs a value", name);
		take_value(st, o, name, argv[++*i], false);
	}
}

/* "-q", "-j4", "-j 4", "-qj4" at argv[*i]; may take argv[*i + 1]. */
static void parse_short(const struct parse_state *st, int argc, char **argv, int *i)
{
	for (const char *p = argv[*i] + 1; *p; p++) {
		const struct option *o = find_short(st->opts, (unsigned char)*p);
		char name[8];

		if (!o)
			bad_usage(st, "unknown option '-%c'", isprint((unsigned char)*p) ? *p : '?');
		option_name(o, true, name, sizeof(name));
		if (!takes_argument(o)) {
			take_value(st, o, name, NULL, false);
			continue;
		}
		if (p[1]) {
			take_value(st, o, name, p + 1, false);
		} else {
			if (*i + 1 >= argc)
				bad_usage(st, "%s needs a value", name);
			take_value(st, o, name, argv[++*i], false);
		}
		return;
	}
}

int parse_options(int argc, char **argv, const char *cmd,
		  const struct option *opts, const char *const *usage)
{
	struct parse_state st = { cmd, opts, usage };
	int out = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			while (++i < argc)
				argv[out++] = argv[i];
			break;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			print_usage(opts, usage);
			exit(EXIT_CLEAN);
		}
		if (!strcmp(a, "--help-rst")) {
			print_usage_rst(opts, usage);
			exit(EXIT_CLEAN);
		}
		if (!strcmp(a, "--list-options")) {
			list_options(opts);
			exit(EXIT_CLEAN);
		}
		if (a[0] == '-' && a[1] == '-')
			parse_long(&st, argc, argv, &i);
		else if (a[0] == '-' && a[1])
			parse_short(&st, argc, argv, &i);
		else
			argv[out++] = argv[i];	/* "-" is an argument: stdin */
	}
	argv[out] = NULL;
	return out;
}
