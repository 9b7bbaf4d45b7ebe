// SPDX-License-Identifier: GPL-2.0
/*
 * MAINTAINERS, read as scripts/get_maintainer.pl reads it (see
 * maintainers.h).  The F: and X: patterns are indexed once by their first
 * path component, so that finding a file's section looks only at the
 * patterns that can match it (and at those starting with a wildcard).
 */
#include "maintainers.h"

#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * A pattern longer than this is not a file pattern (the real file's
 * longest is 70 bytes) and is left out: matching one costs its length
 * times the path's, for every path asked about.
 */
#define PATTERN_MAX 512

struct pattern {
	char *glob;
	char *key;		/* its first path component, or "" when that has a wildcard */
	size_t section;
	size_t order;		/* in the file, to keep the index stable */
	int depth;		/* get_maintainer.pl's $value_pd */
	bool exclude;		/* X: */
};

struct name_regex {
	regex_t re;
	size_t section;
};

struct maintainers {
	VEC(struct maint_section) sections;
	VEC(struct pattern) patterns;	/* sorted by key, then order */
	size_t wild;			/* patterns [0, wild) have key "" */
	VEC(struct name_regex) regexes;	/* N: */
};

/* ---- matching --------------------------------------------------------- */

/*
 * Does the bracket expression at @p ("[ch]", "[^a-z]") hold @c?  *end is
 * where it ends, or NULL when it does not ("[" alone is itself).
 */
static bool in_class(const char *p, char c, const char **end)
{
	const char *q = p + 1, *start;
	bool neg = false, hit = false;

	if (*q == '^' || *q == '!') {
		neg = true;
		q++;
	}
	start = q;
	/* a "]" first is a member, as in a regular expression */
	while (*q && (q == start || *q != ']')) {
		if (q[1] == '-' && q[2] && q[2] != ']') {
			hit |= (unsigned char)c >= (unsigned char)q[0] &&
			       (unsigned char)c <= (unsigned char)q[2];
			q += 3;
		} else {
			hit |= *q == c;
			q++;
		}
	}
	*end = *q ? q + 1 : NULL;
	return hit != neg;
}

/*
 * Does @p match the start of @s?  "*" any run, "?" any one character,
 * "[...]" one of a set (get_maintainer.pl leaves those to Perl's regular
 * expressions), everything else itself.
 */
static bool glob_prefix(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		const char *after = NULL;
		bool member = false;

		if (!*p)
			return true;
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*s && *p == '[')
			member = in_class(p, *s, &after);
		if (after && member) {
			p = after;
			s++;
			continue;
		}
		if (!after && *s && (*p == '?' || *p == *s)) {
			p++;
			s++;
			continue;
		}
		if (star_p && *star_s) {
			p = star_p;
			s = ++star_s;
			continue;
		}
		return false;
	}
}

static size_t count_slashes(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* get_maintainer.pl's file_match_pattern() */
static bool pattern_matches(const struct pattern *pt, const char *path)
{
	if (!glob_prefix(pt->glob, path))
		return false;
	return str_ends_with(pt->glob, "/") || count_slashes(pt->glob) == count_slashes(path);
}

/* ---- reading ---------------------------------------------------------- */

static char *first_component(const char *glob)
{
	size_t n = strcspn(glob, "/");

	if (strcspn(glob, "*?[") < n)
		return xstrdup("");
	return xstrndup(glob, n);
}

static bool is_folder(const char *tree, const char *rel)
{
	char *path;
	struct stat st;
	bool yes;

	if (!tree || strpbrk(rel, ".*?["))
		return false;
	path = xasprintf("%s/%s", tree, rel);
	yes = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	return yes;
}

static void add_pattern(struct maintainers *m, const char *value, bool exclude,
			const char *tree)
{
	struct pattern pt = { 0 };

	pt.glob = xasprintf("%s%s", value,
			    !str_ends_with(value, "/") && is_folder(tree, value) ? "/" : "");
	pt.key = first_component(pt.glob);
	pt.section = m->sections.n - 1;
	pt.order = m->patterns.n;
	pt.exclude = exclude;
	pt.depth = (int)count_slashes(pt.glob) + !str_ends_with(pt.glob, "/");
	if (pt.glob[0] == '*')
		pt.depth = -1;
	vec_push(&m->patterns, pt);
}

static void add_regex(struct maintainers *m, const char *value)
{
	struct name_regex nr = { .section = m->sections.n - 1 };

	/* Perl's syntax is wider than POSIX's: what regcomp() refuses is left out */
	if (regcomp(&nr.re, value, REG_EXTENDED | REG_NOSUB))
		return;
	vec_push(&m->regexes, nr);
}

/* One line: a title starts a section, "T:<blank>value" adds to it. */
static void parse_line(struct maintainers *m, char *line, bool *in_section, const char *tree,
		       unsigned lineno)
{
	char *value;

	if (!*line || *line == '#' || *line == ' ' || *line == '\t') {
		*in_section = *in_section && *line;
		return;
	}
	if (!(line[0] >= 'A' && line[0] <= 'Z' && line[1] == ':') || !*in_section) {
		struct maint_section s = { xstrdup(line), lineno };

		vec_push(&m->sections, s);
		*in_section = true;
		return;
	}
	value = line + 2;
	value += strspn(value, " \t");
	if (!*value || strlen(value) > PATTERN_MAX)
		return;
	if (line[0] == 'F' || line[0] == 'X')
		add_pattern(m, value, line[0] == 'X', tree);
	else if (line[0] == 'N')
		add_regex(m, value);
}

static int cmp_pattern(const void *a, const void *b)
{
	const struct pattern *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

struct maintainers *maintainers_parse(const char *text, size_t len, const char *tree)
{
	struct maintainers *m = xcalloc(1, sizeof(*m));
	bool in_section = false;
	unsigned lineno = 0;

	for (size_t i = 0; i < len;) {
		size_t n = 0;
		char *line;

		while (i + n < len && text[i + n] != '\n')
			n++;
		line = xstrndup(text + i, n);
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		parse_line(m, line, &in_section, tree, ++lineno);
		free(line);
		i += n + 1;
	}
	xqsort(m->patterns.v, m->patterns.n, sizeof(*m->patterns.v), cmp_pattern);
	while (m->wild < m->patterns.n && !*m->patterns.v[m->wild].key)
		m->wild++;
	return m;
}

struct maintainers *maintainers_read(const char *tree)
{
	char *path = xasprintf("%s/MAINTAINERS", tree);
	size_t len;
	char *text = read_file(path, &len);
	struct maintainers *m;

	if (!text) {
		if (errno != ENOENT)
			die("cannot read %s: %s", path, read_error(errno));
		free(path);
		return NULL;
	}
	m = maintainers_parse(text, len, tree);
	free(text);
	free(path);
	return m;
}

void maintainers_free(struct maintainers *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->sections.n; i++)
		free(m->sections.v[i].title);
	free(m->sections.v);
	for (size_t i = 0; i < m->patterns.n; i++) {
		free(m->patterns.v[i].glob);
		free(m->patterns.v[i].key);
	}
	free(m->patterns.v);
	for (size_t i = 0; i < m->regexes.n; i++)
		regfree(&m->regexes.v[i].re);
	free(m->regexes.v);
	free(m);
}

/* ---- a file's section --------------------------------------------------- */

struct candidate_section {
	size_t section;
	int depth;
	bool literal;		/* its deepest match is a pattern with no wildcard */
	bool excluded;
};

struct candidates {
	VEC(struct candidate_section) v;
};

static struct candidate_section *candidate(struct candidates *c, size_t section)
{
	struct candidate_section fresh = { section, -2, false, false };

	for (size_t i = 0; i < c->v.n; i++)
		if (c->v.v[i].section == section)
			return &c->v.v[i];
	vec_push(&c->v, fresh);
	return vec_last(&c->v);
}

static void try_patterns(struct candidates *c, const struct pattern *p, size_t n,
			 const char *path)
{
	for (size_t i = 0; i < n; i++) {
		struct candidate_section *cs;

		if (!pattern_matches(&p[i], path))
			continue;
		cs = candidate(c, p[i].section);
		if (p[i].exclude) {
			cs->excluded = true;
		} else if (p[i].depth > cs->depth ||
			   (p[i].depth == cs->depth && !strpbrk(p[i].glob, "*?["))) {
			cs->depth = p[i].depth;
			cs->literal = !strpbrk(p[i].glob, "*?[");
		}
	}
}

/* The patterns whose key is @key: [*first, *first + return). */
static size_t key_range(const struct maintainers *m, const char *key, size_t *first)
{
	size_t lo = m->wild, hi = m->patterns.n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(m->patterns.v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < m->patterns.n && !strcmp(m->patterns.v[end].key, key); end++)
		;
	*first = lo;
	return end - lo;
}

const struct maint_section *maintainers_section(const struct maintainers *m, const char *path)
{
	struct candidates c = { { 0 } };
	char *key = xstrndup(path, strcspn(path, "/"));
	size_t first, n = key_range(m, key, &first);
	const struct candidate_section *best = NULL;

	if (m->patterns.n) {	/* no pointer arithmetic on an empty (NULL) array */
		try_patterns(&c, m->patterns.v, m->wild, path);
		try_patterns(&c, m->patterns.v + first, n, path);
	}
	for (size_t i = 0; i < m->regexes.n; i++)
		if (!regexec(&m->regexes.v[i].re, path, 0, NULL, 0)) {
			struct candidate_section *cs = candidate(&c, m->regexes.v[i].section);

			if (cs->depth < 0)
				cs->depth = 0;
		}
	for (size_t i = 0; i < c.v.n; i++) {
		const struct candidate_section *cs = &c.v.v[i];

		if (cs->excluded || cs->depth < -1)
			continue;
		if (!best || cs->depth > best->depth ||
		    (cs->depth == best->depth && cs->literal > best->literal) ||
		    (cs->depth == best->depth && cs->literal == best->literal &&
		     cs->section < best->section))
			best = cs;
	}
	free(key);
	n = best ? best->section : 0;
	free(c.v.v);
	return best ? &m->sections.v[n] : NULL;
}

char *maint_section_tag(const struct maint_section *s)
{
	const char *open = strrchr(s->title, '('), *close;

	if (!open || !(close = strchr(open, ')')) || close == open + 1)
		return NULL;
	return xstrndup(open + 1, (size_t)(close - open - 1));
}
