/* SPDX-License-Identifier: GPL-2.0 */
/* emit_json.c: the JSON interface, documented in rst/json.rst. */
#ifndef BARRIERMAP_EMIT_JSON_H
#define BARRIERMAP_EMIT_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "facts.h"

#define JSON_FORMAT_VERSION 1

/* A string that is always valid UTF-8 (NULL -> JSON null). */
json_t *json_text(const char *s);
json_t *site_to_json(const struct site *s);
/* Which sites and claims a document holds (lint: those with a finding). */
struct json_filter {
	bool (*site)(const struct site *s, const void *arg);
	bool (*claim)(const struct claim *c, const void *arg);
	const void *arg;
};
/*
 * {"version": 1, "kernel": ..., "sites": [...], "claims": [...],
 * "skipped": [...]} for the sites and claims of the files in scope that
 * pass @filter (NULL: all of them), in file order.
 */
json_t *program_to_json(const struct program *p, const struct json_filter *filter);
/* One reliance claim with its verdict (claims.c). */
json_t *claim_to_json(const struct claim *c);
/* One entry of the primitives table, with its citations. */
struct primitive;
json_t *primitive_to_json(const struct primitive *pr);
/* The primitives table (primitives.c), with every citation. */
json_t *primitives_to_json(void);
/*
 * Every JSON document barriermap writes is in this one shape: two-space
 * indent, keys in the order they were added, a final newline.
 * json_format() returns it (the caller frees); json_print() writes it and
 * dies on a write error (standard output is checked at exit, util.h).  Strings from the facts go in through
 * json_text(), never json_string(), which refuses (NULL) what is not UTF-8.
 */
char *json_format(const json_t *doc);
void json_print(const json_t *doc, FILE *out);

#endif
