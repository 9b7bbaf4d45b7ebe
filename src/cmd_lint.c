// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap lint: one line per barrier whose pairing is not proven, in
 * the shape make coccicheck reports: path:line:col-col: WARNING: message.
 * Exit 0 when nothing is found, 1 when findings are printed, 2 when a file
 * could not be checked (too large, binary, unreadable): its findings are
 * missing, so the report is incomplete whatever else it holds.
 */
#include "claims.h"
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
	"                       [--scope=DIR[,DIR...]|kvm|all] [--no-cache]\n"
	"\n"
	"  --status=LIST   report these statuses (comma separated, or 'all');\n"
	"                  default: dangling,insufficient,mismatch,vague,undocumented,one-way,\n"
	"                  stale-claim,weak-claim (insufficient: the pair's barriers are\n"
	"                  too weak for the pattern their accesses form, under the kernel's\n"
	"                  memory model; claims: also unchecked-claim, sound-claim)\n"
	"  PATH...         report only on files under these paths (the whole\n"
	"                  scope is still scanned to resolve partners)\n"
	"\n"
	"Exit status: 0 nothing found, 1 findings printed, 2 an error, or a file\n"
	"skipped (named in a warning), which leaves the report incomplete.\n";

static bool reported[STATUS__COUNT] = {
	[STATUS_DANGLING] = true, [STATUS_MISMATCH] = true, [STATUS_VAGUE] = true,
	[STATUS_UNDOCUMENTED] = true, [STATUS_ONE_WAY] = true,
};

/* lkmm.c's finding: not a status, so a site may be paired and insufficient */
static bool report_insufficient = true;

/* Reliance claims (claims.c): stale and weak ones are findings, like dangling. */
static bool reported_claims[CLAIM__COUNT] = {
	[CLAIM_STALE] = true, [CLAIM_WEAK] = true,
};

/* "dangling,vague" or "all"; an empty list or item is an error, not "none". */
static void parse_status_list(const char *list)
{
	char *copy = xstrdup(option_text("--status", list, "a list of statuses"));
	char *next = copy;

	memset(reported, 0, sizeof(reported));
	memset(reported_claims, 0, sizeof(reported_claims));
	report_insufficient = false;
	while (next) {
		char *w = next;
		bool insufficient, known;

		next = strchr(w, ',');
		if (next)
			*next++ = '\0';
		if (!*w)
			die("--status: an empty status in '%s'", list);
		insufficient = !strcmp(w, "insufficient") || !strcmp(w, "all");
		known = insufficient;
		for (int s = 0; s < STATUS__COUNT; s++) {
			if (!strcmp(w, "all") || !strcmp(w, status_name(s))) {
				reported[s] = true;
				known = true;
			}
		}
		for (int v = 0; v < CLAIM__COUNT; v++) {
			if (!strcmp(w, "all") || !strcmp(w, claim_status_name(v))) {
				reported_claims[v] = true;
				known = true;
			}
		}
		report_insufficient |= insufficient;
		if (!known)
			die("--status: unknown status '%s'", w);
	}
	free(copy);
}

/* A pairing comment that misspells a barrier name, wherever in it. */
static bool misspelled(const struct site *s)
{
	return s->pairing.nmisspellings > 0;
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

static bool is_claim_finding(const struct claim *c)
{
	return reported_claims[c->verdict];
}

/* Claims read like findings on barriers: "stale-claim: F() in function(): ..." */
static void print_claim(const struct claim *c)
{
	const struct function *fn = c->function >= 0 ? &c->file->functions.v[c->function] : NULL;

	printf("%s:%u:%u-%u: WARNING: %s: %s()%s%s%s: %s\n", c->file->path, c->at.line,
	       c->at.col, c->end_col + 1, claim_status_name(c->verdict), c->subject,
	       fn ? " in " : "", fn ? fn->name : "", fn ? "()" : "", c->message);
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
	struct program *p;
	size_t findings = 0, skipped;

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

		json_object_set_new(doc, "claims", claims_to_json(p, is_claim_finding));
		findings = json_array_size(json_object_get(doc, "sites")) +
			   json_array_size(json_object_get(doc, "claims"));
		json_print(doc, stdout);
		json_decref(doc);
	} else {
		for (size_t i = 0; i < p->files.n; i++) {
			const struct file_facts *f = p->files.v[i];
			size_t k = 0;

			for (size_t j = 0; f->in_scope && j <= f->sites.n; j++) {
				/* the claims above this site first: one report in line order */
				for (; k < f->claims.n && (j == f->sites.n ||
				     f->claims.v[k].at.line <= f->sites.v[j].at.line); k++) {
					if (!is_claim_finding(&f->claims.v[k]))
						continue;
					print_claim(&f->claims.v[k]);
					findings++;
				}
				if (j == f->sites.n)
					continue;
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
	skipped = count_skipped(p);
	if (skipped)
		fprintf(stderr, "barriermap: lint: %zu %s not checked (see the warnings); "
			"the report is incomplete\n", skipped, skipped == 1 ? "file" : "files");
	program_free(p);
	options_release(&o);
	return skipped ? EXIT_USAGE : findings ? EXIT_FINDINGS : EXIT_CLEAN;
}
