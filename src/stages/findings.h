/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings: what lint reports, whatever it came from (a barrier's status,
 * the memory-model check, a reliance claim), in one shape that every
 * output format prints (coccicheck text, gcc, JSON, SARIF) and that a
 * baseline can be matched against.
 *
 * A finding is identified across releases by its rule, file, function,
 * subject (the barrier, or the function a claim relies on) and ordinal
 * (the nth such subject in the function), never by line.
 */
#ifndef BARRIERMAP_FINDINGS_H
#define BARRIERMAP_FINDINGS_H

#include <stdbool.h>
#include <stdio.h>

#include "facts.h"

enum severity {
	SEVERITY_ERROR,		/* the comment says something false */
	SEVERITY_WARNING,	/* something is missing or too weak */
	SEVERITY_INFO,		/* fine: shown only when asked for */
};

/* One rule per kind of finding, in the order reports sort them. */
enum rule {
	RULE_DANGLING,
	RULE_MISMATCH,
	RULE_MISSPELLED,
	RULE_STALE_CLAIM,
	RULE_WEAK_CLAIM,
	RULE_INSUFFICIENT,
	RULE_VAGUE,
	RULE_UNDOCUMENTED,
	RULE_ONE_WAY,
	RULE_UNCHECKED_CLAIM,
	RULE_NO_PARTNER,
	RULE_PAIRED,
	RULE_NOT_REQUIRED,
	RULE_SOUND_CLAIM,
	RULE__COUNT
};

struct rule_info {
	const char *name;	/* "dangling": the word --status and --fail-on take */
	enum severity severity;
	bool by_default;	/* reported without --status */
	const char *summary;	/* one line, for SARIF and the docs */
};

const struct rule_info *rule_info(enum rule r);
/* The rule named @name, or -1. */
int rule_by_name(const char *name);
const char *severity_name(enum severity s);	/* "ERROR", "WARNING", "INFO" */
/* "error", "warning", "note": gcc's words, which SARIF's levels and the JSON share */
const char *severity_level(enum severity s);

/* A set of rules, from a comma-separated list ("all", "errors" allowed). */
struct rule_set {
	bool has[RULE__COUNT];
};
/* Parse @list into @set; on a bad word, returns it (set unchanged), else NULL. */
const char *rule_set_parse(struct rule_set *set, const char *list);
void rule_set_default(struct rule_set *set);

/* A place a finding points to besides its own: a partner, the barrier a claim found. */
struct related {
	const struct file_facts *file;
	struct pos at;
	char *message;
};

struct finding {
	enum rule rule;
	const struct file_facts *file;
	struct pos at;		/* 1-based line and column */
	unsigned end_col;	/* 1-based, the subject's last column */
	const char *function;	/* or NULL */
	const char *subject;	/* barrier, or callee for a call or a claim */
	unsigned ordinal;	/* 1 for the first such subject in the function */
	char *message;		/* the whole sentence after "subject() in function(): " */
	VEC(struct related) related;
	const struct site *site;	/* what it came from: a site, */
	const struct claim *claim;	/* or a claim */
};

struct finding_list {
	VEC(struct finding) v;
	size_t count[RULE__COUNT];
};

/*
 * The findings of @p's files in scope whose rule is in @rules, in file
 * and line order.  A stage of its own: it reads the resolved program and
 * never prints.
 */
void findings_collect(const struct program *p, const struct rule_set *rules,
		      struct finding_list *out);
/* Drop the findings a baseline (an earlier lint --format=json) already has. */
void findings_subtract_baseline(struct finding_list *list, const char *baseline_path);
void finding_list_release(struct finding_list *list);

/* "smp_rmb() in kvm_get_vcpu()", or "smp_rmb()" outside any function. */
char *finding_title(const struct finding *f);

#endif
