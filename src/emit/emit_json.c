// SPDX-License-Identifier: GPL-2.0
/*
 * emit_json.c: the JSON interface other tools and CI dashboards build on.
 * Keys keep the order they are added in (jansson keeps insertion order), so
 * the output is byte-identical from run to run.
 */
#include "emit_json.h"
#include "claims.h"
#include "lkmm.h"
#include "primitives.h"

#include <stdlib.h>
#include <string.h>

json_t *json_text(const char *s)
{
	json_t *j;
	char *clean;

	if (!s)
		return json_null();
	j = json_string(s);
	if (j)
		return j;
	clean = utf8_sanitize(s, strlen(s));
	j = json_string(clean);
	free(clean);
	return j;
}

static json_t *ref_to_json(const struct ref *r, const struct ref_result *res)
{
	json_t *o = json_object(), *cands = json_array();

	json_object_set_new(o, "arch", json_text(r->arch));
	json_object_set_new(o, "barrier", json_text(r->barrier));
	json_object_set_new(o, "misspelled", json_text(r->misspelled));
	json_object_set_new(o, "wildcard", json_boolean(r->wildcard));
	json_object_set_new(o, "implicit", json_boolean(r->implicit));
	json_object_set_new(o, "function", json_text(r->function));
	json_object_set_new(o, "context", json_text(r->context));
	json_object_set_new(o, "see", json_boolean(r->see));
	json_object_set_new(o, "found", json_boolean(res && res->nfound));
	json_object_set_new(o, "depth", json_integer(res ? res->depth : 0));
	json_object_set_new(o, "note", json_text(res ? res->note : NULL));
	for (size_t i = 0; res && i < res->candidates.n; i++)
		json_array_append_new(cands, json_text(res->candidates.v[i]));
	json_object_set_new(o, "candidates", cands);
	return o;
}

/* Every barrier name the pairing comment misspells, wherever it sits. */
static json_t *misspellings_to_json(const struct pairing *p)
{
	json_t *a = json_array();

	for (size_t i = 0; i < p->nmisspellings; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "written", json_text(p->misspellings[i].written));
		json_object_set_new(o, "meant", json_text(p->misspellings[i].meant));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *partner_to_json(const struct partner *pt)
{
	json_t *o = json_object(), *via = json_array();

	json_object_set_new(o, "file", json_text(pt->file->path));
	json_object_set_new(o, "line", json_integer(pt->at.line));
	json_object_set_new(o, "col", json_integer(pt->at.col));
	json_object_set_new(o, "function", json_text(pt->function));
	json_object_set_new(o, "barrier", json_text(pt->barrier));
	json_object_set_new(o, "kind", json_text(kind_name(pt->kind)));
	for (size_t i = 0; i < pt->via.n; i++)
		json_array_append_new(via, json_text(pt->via.v[i]));
	json_object_set_new(o, "via", via);
	return o;
}

/* The memory objects objects.c saw on one side of the barrier, nearest first. */
static json_t *accesses_to_json(const struct access *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "object", json_text(v[i].object));
		json_object_set_new(o, "access", json_text(v[i].write ? "write" : "read"));
		json_object_set_new(o, "line", json_integer(v[i].at.line));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *lkmm_access_to_json(const struct lkmm_access *a)
{
	json_t *o = json_object();

	json_object_set_new(o, "object", a->seen ? json_text(a->object) : json_null());
	json_object_set_new(o, "access", json_text(a->write ? "write" : "read"));
	json_object_set_new(o, "line", a->seen ? json_integer(a->seen->at.line) : json_null());
	return o;
}

static json_t *lkmm_side_to_json(const struct lkmm_side *sd)
{
	json_t *o = json_object();

	json_object_set_new(o, "file", json_text(sd->site->file->path));
	json_object_set_new(o, "line", json_integer(sd->site->at.line));
	json_object_set_new(o, "function", json_text(site_function_name(sd->site)));
	json_object_set_new(o, "barrier", json_text(sd->site->barrier));
	json_object_set_new(o, "fence", json_text(sd->fence < FENCE__COUNT ?
						  lkmm_fence_name(sd->fence) : NULL));
	json_object_set_new(o, "first", lkmm_access_to_json(&sd->first));
	json_object_set_new(o, "second", lkmm_access_to_json(&sd->second));
	json_object_set_new(o, "needed", json_text(lkmm_order_name(sd->needed)));
	json_object_set_new(o, "provided", json_boolean(sd->provided));
	return o;
}

/* lkmm.c's verdict on the barrier and each pair it is in (rst/json.rst). */
static json_t *ordering_to_json(const struct lkmm_site *ls)
{
	json_t *o = json_object(), *pairs = json_array(), *v;
	char *words;

	if (!ls)
		return json_null();
	json_object_set_new(o, "fence", json_text(ls->fence < FENCE__COUNT ?
						  lkmm_fence_name(ls->fence) : NULL));
	v = json_array();
	for (int k = 0; k < ORDER__COUNT; k++)
		if (ls->provided & (1u << k))
			json_array_append_new(v, json_text(lkmm_order_name(k)));
	json_object_set_new(o, "provided", v);
	v = json_array();
	for (int k = 0; k < ORDER__COUNT; k++)
		if (ls->needed & (1u << k))
			json_array_append_new(v, json_text(lkmm_order_name(k)));
	json_object_set_new(o, "needed", v);
	json_object_set_new(o, "verdict", json_text(lkmm_verdict_name(ls->verdict)));
	json_object_set_new(o, "reported", json_boolean(lkmm_reportable(ls)));
	words = lkmm_site_sentence(ls);
	json_object_set_new(o, "message", json_text(words));
	free(words);
	for (size_t i = 0; i < ls->pairs.n; i++) {
		const struct lkmm_pair *pr = ls->pairs.v[i];
		json_t *j = json_object();

		json_object_set_new(j, "pattern", pr->pattern ?
				    json_text(lkmm_pattern_name(pr->pattern)) : json_null());
		json_object_set_new(j, "verdict", json_text(lkmm_verdict_name(pr->verdict)));
		json_object_set_new(j, "certainty", pr->pattern ?
				    json_text(lkmm_certainty_name(pr->certainty)) : json_null());
		json_object_set_new(j, "documented", json_boolean(pr->documented));
		json_object_set_new(j, "confidence", json_real(pr->confidence));
		json_object_set_new(j, "assumed", json_boolean(pr->assumed));
		json_object_set_new(j, "cite", json_text(pr->cite));
		json_object_set_new(j, "note", json_text(pr->note));
		json_object_set_new(j, "P0", lkmm_side_to_json(&pr->p[0]));
		json_object_set_new(j, "P1", lkmm_side_to_json(&pr->p[1]));
		json_array_append_new(pairs, j);
	}
	json_object_set_new(o, "pairs", pairs);
	return o;
}

json_t *site_to_json(const struct site *s)
{
	json_t *o = json_object(), *refs = json_array(), *partners = json_array();
	const struct comment *c = s->comment >= 0 ? &s->file->comments.v[s->comment] : NULL;

	json_object_set_new(o, "file", json_text(s->file->path));
	json_object_set_new(o, "line", json_integer(s->at.line));
	json_object_set_new(o, "col", json_integer(s->at.col));
	json_object_set_new(o, "end_col", json_integer(s->end_col));
	json_object_set_new(o, "arch", json_text(s->file->arch));
	json_object_set_new(o, "function", json_text(site_function_name(s)));
	json_object_set_new(o, "barrier", json_text(s->barrier));
	json_object_set_new(o, "kind", json_text(kind_name(s->kind)));
	json_object_set_new(o, "implicit", json_boolean(s->implicit));
	json_object_set_new(o, "status", json_text(status_name(s->status)));
	json_object_set_new(o, "comment", json_text(s->comment_text));
	json_object_set_new(o, "comment_line", c ? json_integer(c->start.line) : json_null());
	json_object_set_new(o, "rule", json_text(comment_rule_name(s->rule)));
	json_object_set_new(o, "pairing", json_text(pairing_kind_name(s->pairing.kind)));
	for (size_t i = 0; i < s->pairing.nrefs; i++)
		json_array_append_new(refs, ref_to_json(&s->pairing.refs[i],
							s->results ? &s->results[i] : NULL));
	json_object_set_new(o, "refs", refs);
	json_object_set_new(o, "misspellings", misspellings_to_json(&s->pairing));
	for (size_t i = 0; i < s->partners.n; i++)
		json_array_append_new(partners, partner_to_json(&s->partners.v[i]));
	json_object_set_new(o, "partners", partners);
	json_object_set_new(o, "message", json_text(s->message));
	json_object_set_new(o, "before", accesses_to_json(s->before.v, s->before.n));
	json_object_set_new(o, "after", accesses_to_json(s->after.v, s->after.n));
	json_object_set_new(o, "ordering", ordering_to_json(s->lkmm));
	return o;
}

json_t *primitive_to_json(const struct primitive *pr)
{
	json_t *o = json_object(), *cites = json_array();

	json_object_set_new(o, "name", json_text(pr->name));
	json_object_set_new(o, "kind", json_text(primitive_kind_name(pr)));
	json_object_set_new(o, "condition", json_text(pr->condition));
	json_object_set_new(o, "via", json_text(pr->via));
	for (int i = 0; i < 2 && pr->cite[i].file; i++) {
		json_t *c = json_object();

		json_object_set_new(c, "file", json_text(pr->cite[i].file));
		json_object_set_new(c, "section", json_text(pr->cite[i].section));
		json_object_set_new(c, "anchor", json_text(pr->cite[i].anchor));
		json_object_set_new(c, "quote", json_text(pr->cite[i].quote));
		json_array_append_new(cites, c);
	}
	json_object_set_new(o, "cites", cites);
	return o;
}

json_t *primitives_to_json(void)
{
	size_t n;
	const struct primitive *t = primitive_table(&n);
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, primitive_to_json(&t[i]));
	return a;
}

json_t *claim_to_json(const struct claim *c)
{
	json_t *o = json_object();
	const struct function *fn = c->function >= 0 ? &c->file->functions.v[c->function] : NULL;

	json_object_set_new(o, "file", json_text(c->file->path));
	json_object_set_new(o, "line", json_integer(c->at.line));
	json_object_set_new(o, "col", json_integer(c->at.col));
	json_object_set_new(o, "end_col", json_integer(c->end_col));
	json_object_set_new(o, "function", json_text(fn ? fn->name : NULL));
	json_object_set_new(o, "comment_line",
			    json_integer(c->file->comments.v[c->comment].start.line));
	json_object_set_new(o, "sentence", json_text(c->sentence));
	json_object_set_new(o, "subject", json_text(c->subject));
	json_object_set_new(o, "barrier", json_text(c->barrier));
	json_object_set_new(o, "misspelled", json_text(c->misspelled));
	json_object_set_new(o, "kind", json_text(c->any_kind ? "any" : kind_name(c->kind)));
	json_object_set_new(o, "verdict", json_text(claim_verdict_name(c->verdict)));
	json_object_set_new(o, "status", json_text(claim_status_name(c->verdict)));
	json_object_set_new(o, "primitive", c->primitive ? primitive_to_json(c->primitive) :
			    json_null());
	if (c->found) {
		json_t *t = partner_to_json(&c->there);

		json_object_set_new(t, "depth", json_integer(c->there_depth));
		json_object_set_new(t, "as_strong", json_boolean(c->as_strong));
		json_object_set_new(t, "primitive", c->there_primitive ?
				    primitive_to_json(c->there_primitive) : json_null());
		json_object_set_new(o, "there", t);
	} else {
		json_object_set_new(o, "there", json_null());
	}
	json_object_set_new(o, "message", json_text(c->message));
	return o;
}

static json_t *claims_to_json(const struct program *p, const struct json_filter *filter)
{
	json_t *a = json_array();

	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		for (size_t j = 0; f->in_scope && j < f->claims.n; j++)
			if (!filter || filter->claim(&f->claims.v[j], filter->arg))
				json_array_append_new(a, claim_to_json(&f->claims.v[j]));
	}
	return a;
}

/* The files not checked: their barriers are missing from "sites". */
static json_t *skipped_to_json(const struct program *p)
{
	json_t *a = json_array();

	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];
		json_t *o;

		if (!f->skipped)
			continue;
		o = json_object();
		json_object_set_new(o, "file", json_text(f->path));
		json_object_set_new(o, "why", json_text(f->skipped));
		json_array_append_new(a, o);
	}
	return a;
}

json_t *program_to_json(const struct program *p, const struct json_filter *filter)
{
	json_t *doc = json_object(), *sites = json_array();

	json_object_set_new(doc, "version", json_integer(JSON_FORMAT_VERSION));
	json_object_set_new(doc, "kernel", json_text(p->kernel));
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		if (!f->in_scope)
			continue;
		for (size_t j = 0; j < f->sites.n; j++)
			if (!filter || filter->site(&f->sites.v[j], filter->arg))
				json_array_append_new(sites, site_to_json(&f->sites.v[j]));
	}
	json_object_set_new(doc, "sites", sites);
	json_object_set_new(doc, "claims", claims_to_json(p, filter));
	json_object_set_new(doc, "skipped", skipped_to_json(p));
	return doc;
}

char *json_format(const json_t *doc)
{
	char *text = json_dumps(doc, JSON_INDENT(2));
	char *out;

	if (!text)
		die("cannot format the JSON output");
	out = xasprintf("%s\n", text);
	free(text);
	return out;
}

void json_print(const json_t *doc, FILE *out)
{
	char *text = json_format(doc);
	size_t n = strlen(text);

	if (fwrite(text, 1, n, out) != n)
		die_errno("cannot write the JSON output");
	free(text);
}
