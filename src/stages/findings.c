// SPDX-License-Identifier: GPL-2.0
/*
 * findings.c: the resolved program's statuses, memory-model verdicts and
 * claims as one list of findings (see findings.h), and the baseline that
 * subtracts the ones a tree already had.
 */
#include "findings.h"
#include "claims.h"
#include "infer.h"
#include "lkmm.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/*
 * Severities follow what the comment does: one that says something false
 * (a partner that is not there, a kind that cannot pair, a claim the code
 * no longer backs) is an error; one that is missing or too weak a warning.
 */
static const struct rule_info rules[RULE__COUNT] = {
	[RULE_DANGLING] = { "dangling", SEVERITY_ERROR, true,
		"The pairing comment names a partner that does not exist, or holds no barrier." },
	[RULE_MISMATCH] = { "mismatch", SEVERITY_ERROR, true,
		"The partner cannot pair with this barrier, or is weaker than the comment says." },
	[RULE_MISSPELLED] = { "misspelled", SEVERITY_WARNING, true,
		"A pairing comment misspells a barrier's name." },
	[RULE_STALE_CLAIM] = { "stale-claim", SEVERITY_ERROR, true,
		"A comment relies on a barrier that is no longer where it says." },
	[RULE_WEAK_CLAIM] = { "weak-claim", SEVERITY_ERROR, true,
		"A comment relies on a barrier weaker than it says." },
	[RULE_INSUFFICIENT] = { "insufficient", SEVERITY_WARNING, true,
		"The pair's barriers are too weak for the pattern their accesses form (LKMM)." },
	[RULE_VAGUE] = { "vague", SEVERITY_WARNING, true,
		"The comment speaks of pairing but names no function." },
	[RULE_UNDOCUMENTED] = { "undocumented", SEVERITY_WARNING, true,
		"No comment says what the barrier pairs with." },
	[RULE_ONE_WAY] = { "one-way", SEVERITY_WARNING, true,
		"The partner exists but its comment does not name this barrier back." },
	[RULE_UNCHECKED_CLAIM] = { "unchecked-claim", SEVERITY_INFO, false,
		"A comment relies on a function barriermap cannot see." },
	[RULE_NO_PARTNER] = { "no-partner", SEVERITY_INFO, false,
		"The comment says the barrier has no partner." },
	[RULE_PAIRED] = { "paired", SEVERITY_INFO, false,
		"The partner exists and names this barrier back." },
	[RULE_NOT_REQUIRED] = { "not-required", SEVERITY_INFO, false,
		"A compiler barrier: it never pairs." },
	[RULE_SOUND_CLAIM] = { "sound-claim", SEVERITY_INFO, false,
		"A comment relies on a barrier that is there." },
};

const struct rule_info *rule_info(enum rule r)
{
	if ((unsigned)r >= RULE__COUNT)
		BUG("unknown rule %d", (int)r);
	return &rules[r];
}

int rule_by_name(const char *name)
{
	for (int r = 0; r < RULE__COUNT; r++)
		if (!strcmp(rules[r].name, name))
			return r;
	return -1;
}

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEVERITY_ERROR: return "ERROR";
	case SEVERITY_WARNING: return "WARNING";
	case SEVERITY_INFO: return "INFO";
	}
	BUG("unknown severity %d", (int)s);
}

const char *severity_level(enum severity s)
{
	switch (s) {
	case SEVERITY_ERROR: return "error";
	case SEVERITY_WARNING: return "warning";
	case SEVERITY_INFO: return "note";
	}
	BUG("unknown severity %d", (int)s);
}

void rule_set_default(struct rule_set *set)
{
	for (int r = 0; r < RULE__COUNT; r++)
		set->has[r] = rules[r].by_default;
}

const char *rule_set_parse(struct rule_set *set, const char *list)
{
	struct rule_set out = { { false } };
	static char bad[64];
	const char *p = list;

	if (!*list)
		return "";
	while (*p) {
		size_t n = strcspn(p, ",");
		char word[64];
		int r;

		if (!n || n >= sizeof(word)) {
			snprintf(bad, sizeof(bad), "%.*s", (int)(n < sizeof(bad) ? n : sizeof(bad) - 1), p);
			return bad;
		}
		memcpy(word, p, n);
		word[n] = '\0';
		if (!strcmp(word, "all") || !strcmp(word, "errors") || !strcmp(word, "warnings")) {
			for (r = 0; r < RULE__COUNT; r++)
				out.has[r] |= word[0] == 'a' ||
					      (word[0] == 'e' && rules[r].severity == SEVERITY_ERROR) ||
					      (word[0] == 'w' && rules[r].severity <= SEVERITY_WARNING);
		} else if ((r = rule_by_name(word)) >= 0) {
			out.has[r] = true;
		} else {
			memcpy(bad, word, n + 1);
			return bad;
		}
		p += n;
		if (*p == ',' && !*++p)
			return "";	/* a trailing comma names an empty rule */
	}
	*set = out;
	return NULL;
}

/* ---- collecting --------------------------------------------------------- */

static enum rule status_rule(enum status s)
{
	switch (s) {
	case STATUS_DANGLING: return RULE_DANGLING;
	case STATUS_MISMATCH: return RULE_MISMATCH;
	case STATUS_VAGUE: return RULE_VAGUE;
	case STATUS_UNDOCUMENTED: return RULE_UNDOCUMENTED;
	case STATUS_ONE_WAY: return RULE_ONE_WAY;
	case STATUS_NO_PARTNER: return RULE_NO_PARTNER;
	case STATUS_PAIRED: return RULE_PAIRED;
	case STATUS_NOT_REQUIRED: return RULE_NOT_REQUIRED;
	case STATUS__COUNT: break;
	}
	BUG("unknown status %d", (int)s);
}

static enum rule claim_rule(enum claim_verdict v)
{
	switch (v) {
	case CLAIM_HOLDS: return RULE_SOUND_CLAIM;
	case CLAIM_STALE: return RULE_STALE_CLAIM;
	case CLAIM_WEAK: return RULE_WEAK_CLAIM;
	case CLAIM_UNCHECKED: return RULE_UNCHECKED_CLAIM;
	case CLAIM__COUNT: break;
	}
	BUG("unknown claim verdict %d", (int)v);
}

struct ordinal_key {
	const char *function, *subject;
	size_t index;		/* into the file's list of candidates */
	struct pos at;
};

static int ordinal_key_cmp(const void *a, const void *b)
{
	const struct ordinal_key *x = a, *y = b;
	int c = strcmp(x->function ? x->function : "", y->function ? y->function : "");

	if (!c)
		c = strcmp(x->subject, y->subject);
	if (!c)
		c = pos_cmp(x->at, y->at);
	return c;
}

/*
 * The ordinal of each of @n (function, subject, position) keys among
 * those of the same function and subject: sorted once, counted in order.
 */
static void assign_ordinals(struct ordinal_key *keys, size_t n, unsigned *ordinal)
{
	xqsort(keys, n, sizeof(*keys), ordinal_key_cmp);
	for (size_t i = 0; i < n; i++) {
		bool same = i && !strcmp(keys[i].subject, keys[i - 1].subject) &&
			    !strcmp(keys[i].function ? keys[i].function : "",
				    keys[i - 1].function ? keys[i - 1].function : "");

		ordinal[keys[i].index] = same ? ordinal[keys[i - 1].index] + 1 : 1;
	}
}

static void add_related(struct finding *f, const struct file_facts *file, struct pos at,
			char *message)
{
	struct related r = { file, at, message };

	vec_push(&f->related, r);
}

static void partners_related(struct finding *f, const struct site *s)
{
	for (size_t i = 0; i < s->partners.n; i++) {
		const struct partner *pt = &s->partners.v[i];

		if (pt->file)
			add_related(f, pt->file, pt->at,
				    xasprintf("%s() in %s()", pt->barrier, pt->function));
	}
}

static char *site_message(const struct site *s)
{
	/* an undocumented barrier: say which partner it most likely has */
	char *likely = s->status == STATUS_UNDOCUMENTED && !s->named_by ?
		       infer_best_summary(s) : NULL;
	char *m = xasprintf("%s%s%s", s->message, likely ? "; " : "", likely ? likely : "");

	free(likely);
	return m;
}

static char *misspellings(const struct site *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < s->pairing.nmisspellings; i++)
		sb_addf(&sb, "%sthe comment misspells %s() as %s", i ? "; " : "",
			s->pairing.misspellings[i].meant, s->pairing.misspellings[i].written);
	return sb_detach(&sb);
}

static struct finding site_finding(const struct site *s, enum rule rule, unsigned ordinal,
				   char *message)
{
	struct finding f = {
		.rule = rule, .file = s->file, .at = s->at, .end_col = s->end_col,
		.function = site_function_name(s), .subject = s->barrier,
		.ordinal = ordinal, .message = message, .site = s,
	};

	return f;
}

static void push(struct finding_list *out, struct finding f)
{
	out->count[f.rule]++;
	vec_push(&out->v, f);
}

static void collect_sites(const struct program *p, const struct file_facts *file,
			  const struct rule_set *rules_wanted, struct finding_list *out)
{
	size_t n = file->sites.n;
	struct ordinal_key *keys = xcalloc(n, sizeof(*keys));
	unsigned *ordinal = xcalloc(n, sizeof(*ordinal));

	for (size_t i = 0; i < n; i++)
		keys[i] = (struct ordinal_key){ site_function_name(&file->sites.v[i]),
						file->sites.v[i].barrier, i, file->sites.v[i].at };
	assign_ordinals(keys, n, ordinal);
	for (size_t i = 0; i < n; i++) {
		const struct site *s = &file->sites.v[i];
		enum rule r = status_rule(s->status);

		if (rules_wanted->has[r]) {
			struct finding f = site_finding(s, r, ordinal[i], site_message(s));

			partners_related(&f, s);
			push(out, f);
		}
		if (rules_wanted->has[RULE_MISSPELLED] && s->pairing.nmisspellings)
			push(out, site_finding(s, RULE_MISSPELLED, ordinal[i], misspellings(s)));
		if (rules_wanted->has[RULE_INSUFFICIENT] && lkmm_reportable(s->lkmm))
			push(out, site_finding(s, RULE_INSUFFICIENT, ordinal[i],
					       lkmm_site_sentence(s->lkmm)));
	}
	free(ordinal);
	free(keys);
}

static void collect_claims(const struct file_facts *file, const struct rule_set *rules_wanted,
			   struct finding_list *out)
{
	size_t n = file->claims.n;
	struct ordinal_key *keys = xcalloc(n, sizeof(*keys));
	unsigned *ordinal = xcalloc(n, sizeof(*ordinal));

	for (size_t i = 0; i < n; i++) {
		const struct claim *c = &file->claims.v[i];

		keys[i] = (struct ordinal_key){
			c->function >= 0 ? file->functions.v[c->function].name : NULL,
			c->subject, i, c->at };
	}
	assign_ordinals(keys, n, ordinal);
	for (size_t i = 0; i < n; i++) {
		const struct claim *c = &file->claims.v[i];
		enum rule r = claim_rule(c->verdict);
		struct finding f;

		if (!rules_wanted->has[r])
			continue;
		f = (struct finding){
			.rule = r, .file = file, .at = c->at, .end_col = c->end_col,
			.subject = c->subject,
			.ordinal = ordinal[i], .message = xstrdup(c->message), .claim = c,
		};
		f.function = c->function >= 0 ? file->functions.v[c->function].name : NULL;
		if (c->found && c->there.file)
			add_related(&f, c->there.file, c->there.at,
				    xasprintf("%s() in %s()", c->there.barrier, c->there.function));
		push(out, f);
	}
	free(ordinal);
	free(keys);
}

static int finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file->path, y->file->path);

	if (c)
		return c;
	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	/* a claim above a barrier on its line comes first, as it reads */
	if ((x->claim != NULL) != (y->claim != NULL))
		return x->claim ? -1 : 1;
	if (x->at.col != y->at.col)
		return x->at.col < y->at.col ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

void findings_collect(const struct program *p, const struct rule_set *rules_wanted,
		      struct finding_list *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < p->files.n; i++) {
		const struct file_facts *f = p->files.v[i];

		if (!f->in_scope)
			continue;
		collect_claims(f, rules_wanted, out);
		collect_sites(p, f, rules_wanted, out);
	}
	xqsort(out->v.v, out->v.n, sizeof(*out->v.v), finding_cmp);
}

static void finding_release(struct finding *f)
{
	for (size_t i = 0; i < f->related.n; i++)
		free(f->related.v[i].message);
	free(f->related.v);
	free(f->message);
}

void finding_list_release(struct finding_list *list)
{
	for (size_t i = 0; i < list->v.n; i++)
		finding_release(&list->v.v[i]);
	free(list->v.v);
	memset(list, 0, sizeof(*list));
}

char *finding_title(const struct finding *f)
{
	if (f->function)
		return xasprintf("%s() in %s()", f->subject, f->function);
	return xasprintf("%s()", f->subject);
}

/* ---- baseline ----------------------------------------------------------- */

/* "rule\tfile\tfunction\tsubject\tordinal": what a finding is, across releases. */
static char *identity(const char *rule, const char *file, const char *function,
		      const char *subject, long long ordinal)
{
	return xasprintf("%s\t%s\t%s\t%s\t%lld", rule, file, function ? function : "",
			 subject, ordinal);
}

static const char *json_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* The identities of the baseline's findings, sorted for bsearch. */
static void baseline_identities(const char *path, struct strvec *out)
{
	json_error_t err;
	size_t len, i;
	char *text = read_file_bounded(path, READ_FILE_MAX * 4, 0, &len);
	json_t *doc, *list, *f;

	if (!text)
		die("--baseline %s: %s", path, read_error(errno));
	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	free(text);
	if (!doc)
		die("--baseline %s: not a lint --format=json report: %s (line %d)", path,
		    err.text, err.line);
	list = json_object_get(doc, "findings");
	if (!json_is_array(list)) {
		json_decref(doc);
		die("--baseline %s: no \"findings\" list; make it with barriermap lint --format=json",
		    path);
	}
	json_array_foreach(list, i, f) {
		json_t *ord = json_object_get(f, "ordinal");

		if (!json_is_object(f) || !json_is_integer(ord)) {
			json_decref(doc);
			die("--baseline %s: finding %zu has no ordinal", path, i + 1);
		}
		vec_push(out, identity(json_str(f, "rule"), json_str(f, "file"),
				       json_string_value(json_object_get(f, "function")),
				       json_str(f, "subject"), json_integer_value(ord)));
	}
	json_decref(doc);
	xqsort(out->v, out->n, sizeof(*out->v), str_cmp_ptr);
}

void findings_subtract_baseline(struct finding_list *list, const char *baseline_path)
{
	struct strvec known = { 0 };
	size_t out = 0;

	baseline_identities(baseline_path, &known);
	memset(list->count, 0, sizeof(list->count));
	for (size_t i = 0; i < list->v.n; i++) {
		struct finding *f = &list->v.v[i];
		char *id = identity(rule_info(f->rule)->name, f->file->path, f->function,
				    f->subject, f->ordinal);
		bool old = known.n && bsearch(&id, known.v, known.n, sizeof(*known.v), str_cmp_ptr);

		free(id);
		if (old) {
			finding_release(f);
			continue;
		}
		list->count[f->rule]++;
		list->v.v[out++] = *f;
	}
	list->v.n = out;
	for (size_t i = 0; i < known.n; i++)
		free(known.v[i]);
	free(known.v);
}
