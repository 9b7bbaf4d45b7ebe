// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap show FUNCTION | FILE:LINE: explain one barrier: its comment
 * and which rule attached it, the references parsed, where each was looked
 * for, what was found, and the nearest candidates when nothing matched.
 */
#include "commands.h"
#include "emit_json.h"
#include "infer.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: barriermap show [--kernel DIR] [--format=text|json] FUNCTION | FILE:LINE...\n";

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
		printf("    found:      %s() in %s() at %s:%u:%u", pt->barrier, pt->function,
		       pt->file->path, pt->at.line, pt->at.col);
		for (size_t v = 0; pt->via.n > 1 && v < pt->via.n; v++)
			printf("%s%s()", v ? " -> " : " via ", pt->via.v[v]);
		printf("\n");
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

static void show_site(const struct program *p, const struct site *s)
{
	const char *fn = site_function_name(s);

	printf("%s:%u:%u: %s()%s%s%s\n", s->file->path, s->at.line, s->at.col, s->barrier,
	       fn ? " in " : "", fn ? fn : "", fn ? "()" : "");
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
	printf("  message:  %s\n\n", s->message ? s->message : "");
}

/* "path:line" -> path and line, when the part after the last ':' is a number. */
static bool split_location(const char *arg, char **path, unsigned *line)
{
	const char *colon = strrchr(arg, ':');
	char *end;
	unsigned long n;

	if (!colon || !colon[1])
		return false;
	n = strtoul(colon + 1, &end, 10);
	if (*end || !n)
		return false;
	*path = xstrndup(arg, (size_t)(colon - arg));
	*line = (unsigned)n;
	return true;
}

static bool site_matches(const struct site *s, const char *name, const char *path,
			 unsigned line)
{
	const char *fn = site_function_name(s);

	if (!path)
		return fn && !strcmp(fn, name);
	if (strcmp(s->file->path, path) && !str_ends_with(path, s->file->path))
		return false;
	if (s->at.line == line || s->stmt.line == line)
		return true;
	/* a line inside the comment that belongs to the barrier */
	return s->comment >= 0 && s->file->comments.v[s->comment].start.line <= line &&
	       line <= s->file->comments.v[s->comment_last].end.line;
}

static size_t show_matches(const struct program *p, const char *arg, json_t *out)
{
	char *path = NULL;
	unsigned line = 0;
	size_t n = 0;

	split_location(arg, &path, &line);
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; j < f->sites.n; j++) {
			if (!site_matches(&f->sites.v[j], arg, path, line))
				continue;
			if (out)
				json_array_append_new(out, site_to_json(&f->sites.v[j]));
			else
				show_site(p, &f->sites.v[j]);
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
	json_t *sites = NULL;
	int missing = 0;

	options_init(&o);
	options_parse(&o, &argc, argv, usage);
	if (argc < 2)
		die("show: name a FUNCTION or FILE:LINE\n%s", usage);
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-')
			die("show: unknown option '%s'\n%s", argv[i], usage);
	if (o.format == FORMAT_RST)
		die("show: --format takes text or json");
	options_find_kernel(&o);
	p = program_load(&o);
	if (o.format == FORMAT_JSON)
		sites = json_array();
	for (int i = 1; i < argc; i++) {
		if (!show_matches(p, argv[i], sites)) {
			fprintf(stderr, "barriermap: %s: no barrier there\n", argv[i]);
			missing = 1;
		}
	}
	if (sites) {
		json_t *doc = json_object();

		json_object_set_new(doc, "version", json_integer(JSON_FORMAT_VERSION));
		json_object_set_new(doc, "kernel", json_text(p->kernel));
		json_object_set_new(doc, "sites", sites);
		json_print(doc, stdout);
		json_decref(doc);
	}
	program_free(p);
	options_release(&o);
	return missing ? EXIT_USAGE : EXIT_CLEAN;
}
