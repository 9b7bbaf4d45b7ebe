// SPDX-License-Identifier: GPL-2.0
/*
 * emit_lint.c: findings as the lines editors, CI logs and make coccicheck
 * users read.
 *
 * Columns: the text format is make coccicheck's (a 0-based start column
 * and an exclusive end, "path:75:1-7:" for a barrier in column 2 that is
 * six letters long), so the two tools' lines match; the gcc format is
 * gcc's ("path:75:2:", 1-based), which vim's :cfile and Emacs' compile
 * mode parse.  The JSON keeps 1-based columns with an inclusive end
 * (rst/json.rst).
 */
#include "emit_lint.h"
#include "emit_json.h"

#include <stdlib.h>
#include <string.h>

void findings_print_text(const struct finding_list *l, FILE *out)
{
	for (size_t i = 0; i < l->v.n; i++) {
		const struct finding *f = &l->v.v[i];
		const struct rule_info *r = rule_info(f->rule);
		char *title = finding_title(f);

		fprintf(out, COCCI_LOC_FMT ": %s: %s: %s: %s\n",
			COCCI_LOC_ARGS(f->file->path, f->at, f->end_col),
			severity_name(r->severity), r->name, title, f->message);
		free(title);
	}
}

void findings_print_gcc(const struct finding_list *l, FILE *out)
{
	for (size_t i = 0; i < l->v.n; i++) {
		const struct finding *f = &l->v.v[i];
		const struct rule_info *r = rule_info(f->rule);
		char *title = finding_title(f);

		fprintf(out, "%s:%u:%u: %s: %s: %s [%s]\n", f->file->path, f->at.line, f->at.col,
			severity_level(r->severity), title, f->message, r->name);
		free(title);
	}
}

void findings_print_summary(const struct finding_list *l, FILE *out)
{
	size_t by_severity[3] = { 0 };
	bool first = true;

	for (int r = 0; r < RULE__COUNT; r++)
		by_severity[rule_info(r)->severity] += l->count[r];
	fprintf(out, "total: %zu error%s, %zu warning%s", by_severity[SEVERITY_ERROR],
		by_severity[SEVERITY_ERROR] == 1 ? "" : "s", by_severity[SEVERITY_WARNING],
		by_severity[SEVERITY_WARNING] == 1 ? "" : "s");
	if (by_severity[SEVERITY_INFO])
		fprintf(out, ", %zu info", by_severity[SEVERITY_INFO]);
	for (int r = 0; r < RULE__COUNT; r++) {
		if (!l->count[r])
			continue;
		fprintf(out, "%s%zu %s", first ? " (" : ", ", l->count[r], rule_info(r)->name);
		first = false;
	}
	fprintf(out, "%s\n", first ? "" : ")");
}

json_t *findings_to_json(const struct finding_list *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->v.n; i++) {
		const struct finding *f = &l->v.v[i];
		const struct rule_info *r = rule_info(f->rule);
		json_t *o = json_object(), *rel = json_array();

		json_object_set_new(o, "rule", json_string(r->name));
		json_object_set_new(o, "severity", json_string(severity_level(r->severity)));
		json_object_set_new(o, "file", json_text(f->file->path));
		json_object_set_new(o, "line", json_integer(f->at.line));
		json_object_set_new(o, "col", json_integer(f->at.col));
		json_object_set_new(o, "end_col", json_integer(f->end_col));
		json_object_set_new(o, "function", json_text(f->function));
		json_object_set_new(o, "subject", json_text(f->subject));
		json_object_set_new(o, "ordinal", json_integer(f->ordinal));
		json_object_set_new(o, "message", json_text(f->message));
		for (size_t k = 0; k < f->related.n; k++) {
			json_t *ro = json_object();

			json_object_set_new(ro, "file", json_text(f->related.v[k].file->path));
			json_object_set_new(ro, "line", json_integer(f->related.v[k].at.line));
			json_object_set_new(ro, "col", json_integer(f->related.v[k].at.col));
			json_object_set_new(ro, "message", json_text(f->related.v[k].message));
			json_array_append_new(rel, ro);
		}
		json_object_set_new(o, "related", rel);
		json_array_append_new(a, o);
	}
	return a;
}
