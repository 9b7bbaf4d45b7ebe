// SPDX-License-Identifier: GPL-2.0
/*
 * reStructuredText from untrusted text (see rst.h): the one escaper that
 * the map, check-patch's checklist and the manual page all use.
 */
#include "rst.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Could @s, at the start of a line, open a block: a bullet, an enumerator
 * ("1." "a)" "(i)"), a field, a directive, a title adornment?  Only a word
 * followed by a space or its end cannot.
 */
static bool starts_block(const char *s)
{
	size_t n = 0;

	if (!isalnum((unsigned char)*s))
		return true;
	while (isalnum((unsigned char)s[n]))
		n++;
	return (s[n] == '.' || s[n] == ')') &&
	       (!s[n + 1] || s[n + 1] == ' ' || s[n + 1] == '\t' || s[n + 1] == '\n');
}

/*
 * Inline text from the tree, a patch or option help.  Newlines become
 * spaces so no block structure (lists, titles, directives, tables) can
 * start; the first character is always escaped so that no enumerator or
 * field marker can either; and every character that opens inline markup
 * is escaped: \ ` * | [ ] @, "_" that could end a reference name, ":"
 * that could make "::" or a URI.
 */
void rst_add_text(struct strbuf *sb, const char *s)
{
	bool first = true;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool esc;

		if (c == '\n' || c == '\r' || c == '\t') {
			if (s[1] && sb->len && sb->buf[sb->len - 1] != ' ')
				sb_addc(sb, ' ');
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			sb_addc(sb, '?');
			first = false;
			continue;
		}
		esc = first && starts_block(s);
		esc |= strchr("\\`*|[]@", c) != NULL;
		esc |= c == '_' && !(isalnum((unsigned char)s[1]));
		esc |= c == ':' && (s[1] == ':' || s[1] == '/' || !s[1]);
		if (esc)
			sb_addc(sb, '\\');
		sb_addc(sb, (char)c);
		first = false;
	}
}

void rst_add_code(struct strbuf *sb, const char *s)
{
	bool ok = *s && !strchr(s, '`') && !strchr(s, '\n') && s[0] != ' ' &&
		  s[strlen(s) - 1] != ' ' && s[strlen(s) - 1] != '\\';

	for (const char *c = s; ok && *c; c++)
		ok = (unsigned char)*c >= 0x20 && *c != 0x7f;
	if (!ok) {
		rst_add_text(sb, s);
		return;
	}
	sb_addf(sb, "``%s``", s);
}

/*
 * A title's text, for the search index as much as for the page: Sphinx
 * indexes the plain text of every section title (searchindex.js's
 * "alltitles"), and Sphinx 5.3's search page inserts it as HTML.  So a
 * title never holds the characters that open a tag or an entity there,
 * "<" ">" "&" (a file may be named "<img src=x onerror=...>.c"): each
 * shows as U+FFFD, and the entry's Location field keeps the exact name.
 * Returns its length in bytes, which is at least its width in columns.
 */
size_t rst_add_title_text(struct strbuf *sb, const char *title)
{
	size_t start = sb->len;

	for (const char *s = title; *s; s++) {
		if (strchr("<>&", *s))
			sb_adds(sb, UTF8_REPLACEMENT);
		else
			sb_addc(sb, *s);
	}
	return sb->len - start;
}

void rst_add_literal_line(struct strbuf *sb, int indent, const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n) {
		sb_addf(sb, "%*s", indent, "");
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			sb_addc(sb, c < 0x20 || c == 0x7f ? '?' : (char)c);
		}
	}
	sb_addc(sb, '\n');
}

char *expand_tabs(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t') {
			do
				sb_addc(&sb, ' ');
			while (++col % 8);
		} else {
			sb_addc(&sb, s[i]);
			col++;
		}
	}
	return sb_detach(&sb);
}

static size_t leading_spaces(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ')
		n++;
	return n;
}

/*
 * The comment as it reads in the source: the first line starts at "/" "*",
 * the others keep their place relative to it (" * text"), whatever the
 * indentation of the code around it.
 */
void rst_add_literal_block(struct strbuf *sb, const char *text, int indent)
{
	VEC(char *) lines = { 0 };
	size_t cut = (size_t)-1;

	for (const char *s = text;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		vec_push(&lines, expand_tabs(s, n));
		if (!nl)
			break;
		s = nl + 1;
	}
	for (size_t i = 1; i < lines.n; i++) {
		size_t sp = leading_spaces(lines.v[i]);

		if (lines.v[i][sp] && sp < cut)
			cut = sp;
	}
	/* " * text" under "/" "*": keep the one space that aligns the stars */
	if (cut != (size_t)-1 && cut > 0) {
		bool stars = true;

		for (size_t i = 1; i < lines.n; i++) {
			const char *l = lines.v[i] + leading_spaces(lines.v[i]);

			if (*l && *l != '*')
				stars = false;
		}
		if (stars)
			cut--;
	}
	for (size_t i = 0; i < lines.n; i++) {
		const char *l = lines.v[i];

		if (i == 0)
			l += leading_spaces(l);
		else
			l += cut != (size_t)-1 && strlen(l) >= cut ? cut : leading_spaces(l);
		rst_add_literal_line(sb, indent, l, strlen(l));
		free(lines.v[i]);
	}
	free(lines.v);
}
