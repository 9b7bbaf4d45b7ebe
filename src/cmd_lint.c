// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap lint: one line per barrier whose pairing is not proven, in
 * the shape make coccicheck reports: path:line:col-col: WARNING: message.
 * Exit 0 when nothing is found, 1 when findings are printed.
 */
#include "commands.h"
#include "emit_json.h"
#include "infer.h"
#include "lkmm.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: barriermap lint [--kernel DIR] [--format=text|json] [--status=LIST]\n"
	"                       [-j N] [--depth N] [--resolve-in DIR] [--compdb DIR] [PATH...]\n"
	"\n"
	"  --status=LIST   report these statuses (comma separated, or 'all');\n"
	"                  default: dangling,insufficient,mismatch,vague,undocumented,one-way\n"
	"                  (insufficient: the pair's barriers are too weak for the\n"
	"                  pattern their accesses form, under the kernel's memory model)\n"
	"  PATH...         report only on files under these paths (the whole\n"
	"                  scope is still scanned to resolve partners)\n";

static bool reported[STATUS__COUNT] = {
	[STATUS_DANGLING] = true, [STATUS_MISMATCH] = true, [STATUS_VAGUE] = true,
	[STATUS_UNDOCUMENTED] = true, [STATUS_ONE_WAY] = true,
};

/* lkmm.c's finding: not a status, so a site may be paired and insufficient */
static bool report_insufficient = true;

static void parse_status_list(const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	memset(reported, 0, sizeof(reported));
	report_insufficient = false;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		bool insufficient = !strcmp(w, "insufficient") || !strcmp(w, "all");
		bool known = insufficient;

		for (int s = 0; s < STATUS__COUNT; s++) {
			if (!strcmp(w, "all") || !strcmp(w, status_name(s))) {
				reported[s] = true;
				known = true;
			}
		}
		report_insufficient |= insufficient;
		if (!known)
			die("--status: unknown status '%s'", w);
	}
	free(copy);
}

static bool misspelled(const struct site *s)
{
	for (size_t i = 0; i < s->pairing.nrefs; i++)
		if (s->pairing.refs[i].misspelled)
			return true;
	return false;
}

static bool status_finding(const struct site *s)
{
	return reported[s->status] || (misspelled(s) && reported[STATUS_MISMATCH]);
}

static bool lkmm_finding(const struct site *s)
{
	return report_insufficient && lkmm_reportable(s->lkmm);
}

static bool is_finding(const struct site *s)
{
	return status_finding(s) || lkmm_finding(s);
}

/* The pair's barriers are too weak for their pattern (lkmm.c). */
static void print_lkmm_finding(const struct site *s)
{
	const char *fn = site_function_name(s);
	char *why = lkmm_site_sentence(s->lkmm);

	printf("%s:%u:%u-%u: WARNING: insufficient: %s()%s%s%s: %s\n", s->file->path,
	       s->at.line, s->at.col, s->end_col + 1, s->barrier, fn ? " in " : "",
	       fn ? fn : "", fn ? "()" : "", why);
	free(why);
}

static void print_finding(const struct program *p, const struct site *s)
{
	const char *fn = site_function_name(s);
	/* an undocumented barrier: say which partner it most likely has */
	char *likely = s->status == STATUS_UNDOCUMENTED && !s->named_by ?
		       infer_best_summary(p, s) : NULL;

	printf("%s:%u:%u-%u: WARNING: %s: %s()%s%s%s: %s%s%s\n", s->file->path, s->at.line,
	       s->at.col, s->end_col + 1, status_name(s->status), s->barrier,
	       fn ? " in " : "", fn ? fn : "", fn ? "()" : "", s->message,
	       likely ? "; " : "", likely ? likely : "");
	free(likely);
}

int cmd_lint(int argc, char **argv)
{
	struct options o;
	struct program *p;
	size_t findings = 0;

	options_init(&o);
	options_parse(&o, &argc, argv, usage);
	for (int i = 1; i < argc; i++) {
		if (str_starts_with(argv[i], "--status="))
			parse_status_list(argv[i] + 9);
		else if (argv[i][0] == '-')
			die("lint: unknown option '%s'\n%s", argv[i], usage);
		else
			vec_push(&o.paths, argv[i]);
	}
	if (o.format == FORMAT_RST)
		die("lint: --format takes text or json");
	options_find_kernel(&o);
	p = program_load(&o);
	if (o.format == FORMAT_JSON) {
		json_t *doc = program_to_json(p, is_finding);

		findings = json_array_size(json_object_get(doc, "sites"));
		json_print(doc, stdout);
		json_decref(doc);
	} else {
		for (size_t i = 0; i < p->files.n; i++) {
			const struct file_facts *f = p->files.v[i];

			for (size_t j = 0; f->in_scope && j < f->sites.n; j++) {
				if (status_finding(&f->sites.v[j])) {
					print_finding(p, &f->sites.v[j]);
					findings++;
				}
				if (lkmm_finding(&f->sites.v[j])) {
					print_lkmm_finding(&f->sites.v[j]);
					findings++;
				}
			}
		}
	}
	if (fflush(stdout) == EOF)
		die("cannot write the report");
	program_free(p);
	options_release(&o);
	return findings ? EXIT_FINDINGS : EXIT_CLEAN;
}
