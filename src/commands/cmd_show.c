// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap show FUNCTION | FILE:LINE: explain one barrier: its comment
 * and which rule attached it, the references parsed, where each was looked
 * for, what was found, and the nearest candidates when nothing matched.
 */
#include "claims.h"
#include "commands.h"
#include "emit_json.h"
#include "emit_lint.h"
#include "infer.h"
#include "lkmm.h"
#include "pipeline.h"
#include "primitives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const show_usage[] = {
	"barriermap show [options] FUNCTION | FILE:LINE...",
	"barriermap show --primitives [options] [NAME...]",
	"",
	"Barriers and the reliance claims of comments (\"Rely on F() for ...\") in",
	"FUNCTION or at FILE:LINE; --primitives prints what the core kernel",
	"primitives (or the NAMEs given) guarantee, with the kernel text each",
	"entry cites.  Locations are make coccicheck's: path:line:col-col, the",
	"columns 0-based with an exclusive end.",
	NULL,
};

enum show_format { SHOW_TEXT, SHOW_JSON };
static const char *const show_formats[] = { "text", "json", NULL };

static void show_comment(const struct site *s)
{
	const char *p = s->comment_text;

	if (!p) {
		printf("  comment:  none\n");
		return;
	}
	printf("  comment:  %s, line %u\n", comment_rule_name(s->rule),
	       s->file->comments.v[s->comment].start.line);
	while (*p) {
		size_t n = strcspn(p, "\n");

		printf("    | %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void show_ref(const struct site *s, size_t k)
{
	const struct ref *r = &s->pairing.refs[k];
	const struct ref_result *res = s->results ? &s->results[k] : NULL;

	printf("  reference %zu:", k + 1);
	if (r->arch)
		printf(" arch=%s", r->arch);
	if (r->barrier)
		printf(" barrier=%s%s", r->barrier, r->wildcard ? "*" : "");
	if (r->misspelled)
		printf(" (written %s)", r->misspelled);
	if (r->implicit)
		printf(" implicit");
	if (r->see)
		printf(" see");
	printf(" function=%s\n", r->function ? r->function : "(none)");
	if (!res || !r->function)
		return;
	if (!res->function_found) {
		printf("    looked for: %s() in every scanned file: not defined\n", r->function);
		for (size_t i = 0; i < res->candidates.n; i++)
			printf("    nearest:    %s()\n", res->candidates.v[i]);
		return;
	}
	for (size_t i = 0; i < res->searched.n; i++)
		printf("    looked in:  %s() at %s, %u call%s deep\n", r->function,
		       res->searched.v[i], res->depth, res->depth == 1 ? "" : "s");
	for (size_t i = 0; i < s->partners.n; i++) {
		const struct partner *pt = &s->partners.v[i];

		if (pt->ref != k)
			continue;
		printf("    found:      %s() in %s() at %s:%u", pt->barrier, pt->function,
		       pt->file->path, pt->at.line);
		for (size_t v = 0; pt->via.n > 1 && v < pt->via.n; v++)
			printf("%s%s()", v ? " -> " : " via ", pt->via.v[v]);
		printf("\n");
		/* a call through a function pointer is no call in the source */
		for (size_t v = 1; v < pt->through.n; v++)
			if (pt->through.v[v])
				printf("    through:    %s() calls %s() through the function pointer .%s\n",
				       pt->via.v[v - 1], pt->via.v[v], pt->through.v[v]);
	}
	if (!res->nfound)
		printf("    found:      nothing\n");
	if (res->note)
		printf("    note:       %s\n", res->note);
	if (res->kept_all)
		printf("    note:       none of these orders an object this barrier orders; all are kept\n");
}

/* For an undocumented barrier: the likely partners, with the evidence. */
static void show_candidates(const struct program *p, const struct site *s)
{
	struct candidate c[3];
	size_t n = infer_candidates(p, s, c, 3);

	for (size_t i = 0; i < n; i++) {
		char *name = infer_site_name(c[i].site);

		printf("  likely partner %zu: %s, confidence %.2f\n", i + 1, name, c[i].confidence);
		for (size_t k = 0; k < c[i].shared.n; k++)
			printf("%s%s", k ? ", " : "    shared:     ", c[i].shared.v[k]);
		if (c[i].shared.n)
			printf("\n");
		free(name);
	}
	if (!n)
		printf("  likely partner: none shares a memory object with it\n");
	candidates_release(c, n);
}

static void show_lkmm_access(const struct lkmm_access *a)
{
	if (a->seen)
		printf("%s %s at line %u", a->write ? "writes" : "reads", a->object,
		       a->seen->at.line);
	else
		printf("%s data not seen (assumed)", a->write ? "writes" : "reads");
}

/* lkmm.c's reading: the pattern of each pair, needed and provided orderings. */
static void show_ordering(const struct site *s)
{
	const struct lkmm_site *ls = s->lkmm;
	char *gives, *needs, *why;

	if (!ls)
		return;
	gives = lkmm_orders_words(ls->provided);
	needs = lkmm_orders_words(ls->needed);
	printf("  ordering: %s gives %s; its pairs need %s: %s\n", s->barrier, gives,
	       ls->needed ? needs : "nothing known", lkmm_verdict_name(ls->verdict));
	for (size_t i = 0; i < ls->pairs.n; i++) {
		const struct lkmm_pair *pr = ls->pairs.v[i];
		const struct lkmm_side *od = lkmm_other_side(pr, s);
		const char *fn = site_function_name(od->site);

		printf("  pair %zu:   with %s()%s%s%s (%s:%u), %s", i + 1, od->site->barrier,
		       fn ? " in " : "", fn ? fn : "", fn ? "()" : "", od->site->file->path,
		       od->site->at.line, pr->documented ? "documented" : "inferred");
		if (!pr->documented)
			printf(" (confidence %.2f)", pr->confidence);
		if (!pr->pattern) {
			printf(": not classified: %s\n", pr->note);
			continue;
		}
		printf(": %s (%s)%s, certainty %s\n", lkmm_pattern_words(pr->pattern),
		       lkmm_pattern_name(pr->pattern), pr->assumed ? ", assumed" : "",
		       lkmm_certainty_name(pr->certainty));
		for (int p = 0; p < 2; p++) {
			const struct lkmm_side *sd = &pr->p[p];

			printf("    P%d:     %s(): ", p, sd->site->barrier);
			show_lkmm_access(&sd->first);
			printf(", then ");
			show_lkmm_access(&sd->second);
			printf(": needs %s, %s\n", lkmm_order_name(sd->needed),
			       sd->provided ? "given" : "not given");
		}
		printf("    LKMM:   %s the outcome (%s)\n",
		       pr->verdict == VERDICT_SUFFICIENT ? "forbids" : "allows", pr->cite);
	}
	why = lkmm_site_sentence(ls);
	printf("  verdict:  %s\n", why);
	free(why);
	free(gives);
	free(needs);
}

static void show_site(const struct program *p, const struct site *s)
{
	const char *fn = site_function_name(s);

	printf(COCCI_LOC_FMT ": %s()%s%s%s\n", COCCI_LOC_ARGS(s->file->path, s->at, s->end_col),
	       s->barrier, fn ? " in " : "", fn ? fn : "", fn ? "()" : "");
	printf("  kind:     %s%s\n", kind_name(s->kind),
	       s->implicit ? " (a call: the comment sits on it, not on a barrier)" : "");
	printf("  status:   %s\n", status_name(s->status));
	show_comment(s);
	printf("  pairing:  %s\n", pairing_kind_name(s->pairing.kind));
	for (size_t k = 0; k < s->pairing.nrefs; k++)
		show_ref(s, k);
	for (size_t k = 0; k < s->pairing.nmisspellings; k++)
		printf("  misspelled: %s for %s()\n", s->pairing.misspellings[k].written,
		       s->pairing.misspellings[k].meant);
	if (s->status == STATUS_UNDOCUMENTED && !s->named_by)
		show_candidates(p, s);
	show_ordering(s);
	printf("  message:  %s\n\n", s->message ? s->message : "");
}

/* ---- reliance claims --------------------------------------------------- */

static void show_primitive(const char *label, const struct primitive *pr)
{
	printf("  %s%s: %s", label, pr->name, primitive_kind_name(pr));
	if (pr->condition)
		printf(" %s", pr->condition);
	if (pr->via)
		printf(", through %s", pr->via);
	printf("\n");
	for (int i = 0; i < 2 && pr->cite[i].file; i++)
		printf("    cites:    %s: %s: \"%s\"\n", pr->cite[i].file, pr->cite[i].section,
		       pr->cite[i].quote);
}

static void show_claim(const struct claim *c)
{
	const struct function *fn = c->function >= 0 ? &c->file->functions.v[c->function] : NULL;
	char *what = claim_describe(c);

	printf(COCCI_LOC_FMT ": claim%s%s%s\n", COCCI_LOC_ARGS(c->file->path, c->at, c->end_col),
	       fn ? " in " : "", fn ? fn->name : "", fn ? "()" : "");
	printf("  says:     %s\n", c->sentence);
	printf("  relies on: %s%s\n", what, c->misspelled ? " (misspelled)" : "");
	if (c->primitive)
		show_primitive("primitive: ", c->primitive);
	if (c->found) {
		printf("  there:    %s() in %s() at %s:%u, %u call%s deep", c->there.barrier,
		       c->there.function, c->there.file->path, c->there.at.line,
		       c->there_depth, c->there_depth == 1 ? "" : "s");
		for (size_t v = 0; c->there.via.n > 1 && v < c->there.via.n; v++)
			printf("%s%s()", v ? " -> " : " via ", c->there.via.v[v]);
		printf("\n");
	}
	printf("  verdict:  %s\n", claim_verdict_name(c->verdict));
	printf("  message:  %s\n\n", c->message);
	free(what);
}

/* The whole table, or what each of @names is (exit 2 when one is unknown). */
static int show_primitives(bool json, char **names, int n)
{
	size_t count;
	const struct primitive *t = primitive_table(&count);
	json_t *list = json ? json_array() : NULL;
	int missing = 0;

	for (size_t i = 0; !n && i < count; i++) {
		if (list)
			json_array_append_new(list, primitive_to_json(&t[i]));
		else
			show_primitive("", &t[i]);
	}
	for (int i = 0; i < n; i++) {
		const struct primitive *pr = primitive_lookup(names[i]);

		if (!pr) {
			fprintf(stderr, "barriermap: %s: not a primitive barriermap knows\n", names[i]);
			missing = 1;
		} else if (list) {
			json_array_append_new(list, primitive_to_json(pr));
		} else {
			printf("%s:\n", names[i]);
			show_primitive("", pr);
		}
	}
	if (list) {
		json_t *doc = json_object();

		json_object_set_new(doc, "version", json_integer(JSON_FORMAT_VERSION));
		json_object_set_new(doc, "primitives", list);
		json_print(doc, stdout);
		json_decref(doc);
	}
	return missing ? EXIT_USAGE : EXIT_CLEAN;
}

static bool claim_matches(const struct claim *c, const char *name, const char *path,
			  unsigned line)
{
	const struct comment *cm = &c->file->comments.v[c->comment];

	if (!path)
		return c->function >= 0 && !strcmp(c->file->functions.v[c->function].name, name);
	return (!strcmp(c->file->path, path) || str_ends_with(path, c->file->path)) &&
	       cm->start.line <= line && line <= cm->end.line;
}

static size_t show_matches(const struct program *p, const char *arg, json_t *out,
			   json_t *claims)
{
	char *path = NULL;
	unsigned line = 0;
	size_t n = 0;

	site_location_parse(arg, &path, &line);
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->sites.n; j++) {
			if (!site_matches_arg(&f->sites.v[j], arg, path, line))
				continue;
			if (out)
				json_array_append_new(out, site_to_json(&f->sites.v[j]));
			else
				show_site(p, &f->sites.v[j]);
			n++;
		}
		for (size_t j = 0; j < f->claims.n; j++) {
			if (!claim_matches(&f->claims.v[j], arg, path, line))
				continue;
			if (claims)
				json_array_append_new(claims, claim_to_json(&f->claims.v[j]));
			else
				show_claim(&f->claims.v[j]);
			n++;
		}
	}
	free(path);
	return n;
}

int cmd_show(int argc, char **argv)
{
	struct options o;
	struct program *p;
	json_t *sites = NULL, *claims = NULL;
	int missing = 0;
	bool primitives = false;
	int format = SHOW_TEXT;

	options_init(&o);
	{
		struct option opts[] = {
			OPT_BOOL_F(0, "primitives", &primitives, OPT_NONEG,
				   "what the core kernel's primitives guarantee, and the text they cite"),
			OPT_CHOICE(0, "format", &format, show_formats, "FORMAT", "text or json"),
			OPT_PIPELINE(&o),
			OPT_END(),
		};

		argc = options_parse_config(&o, argc, argv, "show", opts, show_usage);
		if (!primitives && !argc)
			usage_error("show", show_usage, "name a FUNCTION or FILE:LINE");
	}
	options_finish(&o);
	if (primitives) {
		int rc = show_primitives(format == SHOW_JSON, argv, argc);

		options_release(&o);
		return rc;
	}
	options_find_kernel(&o);
	p = program_load(&o);
	if (format == SHOW_JSON) {
		sites = json_array();
		claims = json_array();
	}
	for (int i = 0; i < argc; i++) {
		if (!show_matches(p, argv[i], sites, claims)) {
			fprintf(stderr, "barriermap: %s: no barrier there\n", argv[i]);
			missing = 1;
		}
	}
	if (sites) {
		json_t *doc = json_object();

		json_object_set_new(doc, "version", json_integer(JSON_FORMAT_VERSION));
		json_object_set_new(doc, "kernel", json_text(p->kernel));
		json_object_set_new(doc, "sites", sites);
		json_object_set_new(doc, "claims", claims);
		json_print(doc, stdout);
		json_decref(doc);
	}
	program_free(p);
	options_release(&o);
	return missing ? EXIT_USAGE : EXIT_CLEAN;
}
