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
/* {"version": 1, "kernel": ..., "sites": [...]} for sites passing @want. */
json_t *program_to_json(const struct program *p, bool (*want)(const struct site *));
/* Print with two-space indent and a final newline; dies on write errors. */
void json_print(json_t *doc, FILE *out);

#endif
