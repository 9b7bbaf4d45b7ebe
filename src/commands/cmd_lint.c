// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap lint: one line per finding (a barrier whose pairing is not
 * proven, a pair too weak for its accesses, a claim the code no longer
 * backs), in the shape make coccicheck reports, or for gcc-style
 * quickfix parsers, JSON or SARIF.
 *
 * Exit 0 when no finding counts (--fail-on), 1 when one does, 2 when a
 * file could not be checked (too large, binary, unreadable): its findings
 * are missing, so the report is incomplete whatever else it holds.
 */
#include "commands.h"
#include "emit_json.h"
#include "emit_lint.h"
#include "findings.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const lint_usage[] = {
	"barriermap lint [options] [PATH...]",
	NULL,
};

enum lint_format { LINT_TEXT, LINT_GCC, LINT_JSON, LINT_SARIF };
static const char *const lint_formats[] = { "text", "gcc", "json", "sarif", NULL };

/* --status and --fail-on: a list of rules (findings.h), never an empty one. */
static void rules_cb(const struct option *opt, const char *arg)
{
	const char *bad = rule_set_parse(opt->value, arg);
	struct strbuf names = STRBUF_INIT;

	if (!bad)
		return;
	if (!*bad)
		die("--%s: an empty rule in '%s'", opt->long_name, arg);
	for (int r = 0; r < RULE__COUNT; r++)
		sb_addf(&names, "%s%s", r ? ", " : "", rule_info(r)->name);
	die("--%s: unknown rule '%s' (rules: %s; or all, errors, warnings)",
	    opt->long_name, bad, sb_str(&names));
}

/* Does @f's rule count for the exit status? */
static bool fails(const struct finding_list *l, const struct rule_set *fail_on)
{
	for (int r = 0; r < RULE__COUNT; r++)
		if (fail_on->has[r] && l->count[r])
			return true;
	return false;
}

/*
 * The sites and claims the JSON's "sites" and "claims" lists hold: those
 * with a finding, after the baseline.  Sorted pointers, searched once each.
 */
struct reported {
	const void **v;
	size_t n, cap;
};

static int ptr_cmp(const void *a, const void *b)
{
	const void *x = *(const void *const *)a, *y = *(const void *const *)b;

	return (x > y) - (x < y);
}

static bool is_reported(const void *subject, const struct reported *r)
{
	return r->n && bsearch(&subject, r->v, r->n, sizeof(*r->v), ptr_cmp);
}

static bool site_reported(const struct site *s, const void *r)
{
	return is_reported(s, r);
}

static bool claim_reported(const struct claim *c, const void *r)
{
	return is_reported(c, r);
}

static void print_json(const struct program *p, const struct finding_list *l)
{
	struct reported r = { 0 };
	struct json_filter filter = { site_reported, claim_reported, &r };
	json_t *doc;

	for (size_t i = 0; i < l->v.n; i++)
		vec_push(&r, l->v.v[i].site ? (const void *)l->v.v[i].site :
					      (const void *)l->v.v[i].claim);
	xqsort(r.v, r.n, sizeof(*r.v), ptr_cmp);
	doc = program_to_json(p, &filter);
	json_object_set_new(doc, "findings", findings_to_json(l));
	json_print(doc, stdout);
	json_decref(doc);
	free(r.v);
}

static void print_sarif(const struct program *p, const struct finding_list *l)
{
	json_t *doc = findings_to_sarif(p, l);

	json_print(doc, stdout);
	json_decref(doc);
}

/* Files the scan could not read: the warnings name each, we count them. */
static size_t count_skipped(const struct program *p)
{
	size_t n = 0;

	for (size_t i = 0; i < p->files.n; i++)
		n += p->files.v[i]->skipped != NULL;
	return n;
}

int cmd_lint(int argc, char **argv)
{
	struct options o;
	struct rule_set rules, fail_on;
	const char *baseline = NULL;
	int format = LINT_TEXT;
	bool fail_on_given;
	struct program *p;
	struct finding_list list;
	size_t skipped;

	options_init(&o);
	rule_set_default(&rules);
	memset(&fail_on, 0, sizeof(fail_on));
	{
		struct option opts[] = {
			OPT_GROUP("What to report"),
			OPT_CALLBACK(0, "status", &rules, "LIST",
				     "report findings of these rules, comma-separated, or all, "
				     "errors, warnings (default: every error and warning)", rules_cb),
			OPT_CALLBACK(0, "fail-on", &fail_on, "LIST",
				     "exit 1 only for findings of these rules "
				     "(default: every error and warning reported)", rules_cb),
			OPT_STRING(0, "baseline", &baseline, "FILE",
				   "report only findings that FILE, an earlier lint --format=json, "
				   "does not hold"),
			OPT_GROUP("Output"),
			OPT_CHOICE(0, "format", &format, lint_formats, "FORMAT",
				   "text (make coccicheck's lines), gcc (quickfix), json or sarif"),
			OPT_PIPELINE(&o),
			OPT_END(),
		};

		argc = options_parse_config(&o, argc, argv, "lint", opts, lint_usage);
	}
	options_finish(&o);
	fail_on_given = memchr(fail_on.has, true, sizeof(fail_on.has)) != NULL;
	if (!fail_on_given)
		for (int r = 0; r < RULE__COUNT; r++)
			fail_on.has[r] = rule_info(r)->severity != SEVERITY_INFO;
	for (int i = 0; i < argc; i++)
		vec_push(&o.paths, (const char *)argv[i]);

	options_find_kernel(&o);
	p = program_load(&o);
	findings_collect(p, &rules, &list);
	if (baseline)
		findings_subtract_baseline(&list, baseline);

	switch (format) {
	case LINT_TEXT:
		findings_print_text(&list, stdout);
		break;
	case LINT_GCC:
		findings_print_gcc(&list, stdout);
		break;
	case LINT_JSON:
		print_json(p, &list);
		break;
	case LINT_SARIF:
		print_sarif(p, &list);
		break;
	}
	/* a summary closes a report; a clean run says nothing, as a compiler */
	if ((format == LINT_TEXT || format == LINT_GCC) && !o.quiet && list.v.n)
		findings_print_summary(&list, stdout);
	skipped = count_skipped(p);
	if (skipped)
		fprintf(stderr, "barriermap: lint: %zu %s not checked (see the warnings); "
			"the report is incomplete\n", skipped, skipped == 1 ? "file" : "files");
	{
		int status = skipped ? EXIT_USAGE : fails(&list, &fail_on) ? EXIT_FINDINGS : EXIT_CLEAN;

		finding_list_release(&list);
		program_free(p);
		options_release(&o);
		return status;
	}
}
