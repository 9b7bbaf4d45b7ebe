/* SPDX-License-Identifier: GPL-2.0 */
/* The output formats of lint's findings: text (coccicheck), gcc, JSON, SARIF. */
#ifndef BARRIERMAP_EMIT_LINT_H
#define BARRIERMAP_EMIT_LINT_H

#include <jansson.h>
#include <stdio.h>

#include "findings.h"

/*
 * A location as make coccicheck prints it, "path:line:col-col": the start
 * column 0-based, the end exclusive (facts hold 1-based, inclusive ones).
 * The one place the convention is written: lint's text, show.
 *	printf(COCCI_LOC_FMT ": ...", COCCI_LOC_ARGS(path, s->at, s->end_col));
 */
#define COCCI_LOC_FMT "%s:%u:%u-%u"
#define COCCI_LOC_ARGS(path, at, end_col) (path), (at).line, (at).col - 1, (end_col)

/* "path:line:col-col: WARNING: rule: f() in g(): message", make coccicheck's columns. */
void findings_print_text(const struct finding_list *l, FILE *out);
/* "path:line:col: warning: f() in g(): message [rule]", gcc's columns. */
void findings_print_gcc(const struct finding_list *l, FILE *out);
/* "total: 2 errors, 140 warnings (1 dangling, ...)" */
void findings_print_summary(const struct finding_list *l, FILE *out);
/* The "findings" list of lint's JSON (what --baseline reads back). */
json_t *findings_to_json(const struct finding_list *l);

/* SARIF 2.1.0, one run, a rule per finding rule (emit_sarif.c). */
json_t *findings_to_sarif(const struct program *p, const struct finding_list *l);

#endif
