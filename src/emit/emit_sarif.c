// SPDX-License-Identifier: GPL-2.0
/*
 * emit_sarif.c: findings as SARIF 2.1.0 (OASIS), the format CI
 * code-scanning services read: one run, one rule per finding rule with its
 * default level, each result with its location relative to the kernel
 * tree (uriBaseId SRCROOT), the function as a logical location, the
 * partners as related locations, and a fingerprint made of the finding's
 * identity (rule, file, function, subject, ordinal) so that a service can
 * follow a finding across commits without line numbers.
 */
#include "emit_json.h"
#include "emit_lint.h"
#include "version.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* A path as a URI reference: RFC 3986's unreserved characters and '/' stay. */
static char *uri_path(const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			sb_addc(&sb, (char)*p);
		else
			sb_addf(&sb, "%%%02X", *p);
	}
	return sb_detach(&sb);
}

static json_t *text_message(const char *s)
{
	json_t *m = json_object();

	json_object_set_new(m, "text", json_text(s));
	return m;
}

static json_t *physical_location(const char *path, struct pos at, unsigned end_col)
{
	json_t *loc = json_object(), *art = json_object(), *region = json_object();
	char *uri = uri_path(path);

	json_object_set_new(art, "uri", json_string(uri));
	json_object_set_new(art, "uriBaseId", json_string("SRCROOT"));
	free(uri);
	json_object_set_new(region, "startLine", json_integer(at.line));
	json_object_set_new(region, "startColumn", json_integer(at.col));
	if (end_col >= at.col)	/* SARIF's end column is exclusive */
		json_object_set_new(region, "endColumn", json_integer(end_col + 1));
	json_object_set_new(loc, "artifactLocation", art);
	json_object_set_new(loc, "region", region);
	return loc;
}

static json_t *rules_to_sarif(void)
{
	json_t *rules = json_array();

	for (int r = 0; r < RULE__COUNT; r++) {
		const struct rule_info *ri = rule_info(r);
		json_t *o = json_object(), *conf = json_object();

		json_object_set_new(o, "id", json_string(ri->name));
		json_object_set_new(o, "shortDescription", text_message(ri->summary));
		json_object_set_new(o, "fullDescription", text_message(ri->summary));
		json_object_set_new(conf, "level", json_string(severity_level(ri->severity)));
		json_object_set_new(o, "defaultConfiguration", conf);
		json_array_append_new(rules, o);
	}
	return rules;
}

static json_t *result_to_sarif(const struct finding *f)
{
	const struct rule_info *ri = rule_info(f->rule);
	json_t *res = json_object(), *locs = json_array(), *loc, *related = json_array();
	json_t *fingerprints = json_object();
	char *title = finding_title(f), *text = xasprintf("%s: %s", title, f->message);
	char *id = xasprintf("%s/%s/%s/%s/%u", ri->name, f->file->path,
			     f->function ? f->function : "", f->subject, f->ordinal);

	json_object_set_new(res, "ruleId", json_string(ri->name));
	json_object_set_new(res, "ruleIndex", json_integer(f->rule));
	json_object_set_new(res, "level", json_string(severity_level(ri->severity)));
	json_object_set_new(res, "message", text_message(text));
	loc = json_object();
	json_object_set_new(loc, "physicalLocation", physical_location(f->file->path, f->at,
									 f->end_col));
	if (f->function) {
		json_t *logical = json_array(), *l = json_object();

		json_object_set_new(l, "name", json_text(f->function));
		json_object_set_new(l, "kind", json_string("function"));
		json_array_append_new(logical, l);
		json_object_set_new(loc, "logicalLocations", logical);
	}
	json_array_append_new(locs, loc);
	json_object_set_new(res, "locations", locs);
	for (size_t k = 0; k < f->related.n; k++) {
		json_t *r = json_object();

		json_object_set_new(r, "id", json_integer((json_int_t)k + 1));
		json_object_set_new(r, "physicalLocation",
				    physical_location(f->related.v[k].file->path, f->related.v[k].at, 0));
		json_object_set_new(r, "message", text_message(f->related.v[k].message));
		json_array_append_new(related, r);
	}
	if (f->related.n)
		json_object_set_new(res, "relatedLocations", related);
	else
		json_decref(related);
	json_object_set_new(fingerprints, "barriermap/v1", json_text(id));
	json_object_set_new(res, "partialFingerprints", fingerprints);
	free(id);
	free(text);
	free(title);
	return res;
}

json_t *findings_to_sarif(const struct program *p, const struct finding_list *l)
{
	json_t *doc = json_object(), *runs = json_array(), *run = json_object();
	json_t *tool = json_object(), *driver = json_object(), *results = json_array();
	json_t *bases = json_object(), *root = json_object();
	char *kernel_uri = xasprintf("file://%s/", p->kernel), *escaped = uri_path(kernel_uri + 7);

	json_object_set_new(doc, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(doc, "version", json_string("2.1.0"));
	json_object_set_new(driver, "name", json_string("barriermap"));
	json_object_set_new(driver, "version", json_string(barriermap_version));
	json_object_set_new(driver, "rules", rules_to_sarif());
	json_object_set_new(tool, "driver", driver);
	json_object_set_new(run, "tool", tool);
	free(kernel_uri);
	kernel_uri = xasprintf("file://%s", escaped);
	json_object_set_new(root, "uri", json_string(kernel_uri));
	json_object_set_new(bases, "SRCROOT", root);
	json_object_set_new(run, "originalUriBaseIds", bases);
	for (size_t i = 0; i < l->v.n; i++)
		json_array_append_new(results, result_to_sarif(&l->v.v[i]));
	json_object_set_new(run, "results", results);
	json_array_append_new(runs, run);
	json_object_set_new(doc, "runs", runs);
	free(kernel_uri);
	free(escaped);
	return doc;
}
