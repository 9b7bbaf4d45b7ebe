/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reStructuredText from untrusted text: comment text, file names, patch
 * subjects and option help reach the map, check-patch's checklist and the
 * manual page through these, and nowhere else, so that one set of rules
 * decides what can start markup.
 */
#ifndef BARRIERMAP_RST_H
#define BARRIERMAP_RST_H

#include "util.h"

/*
 * @s as inline text in which no markup can start: newlines become spaces,
 * control characters '?', bytes that are not UTF-8 U+FFFD (docutils reads
 * UTF-8 only), and every character that could open a block or inline
 * markup is backslashed.
 */
void rst_add_text(struct strbuf *sb, const char *s);
/* ``s`` when an inline literal can hold it, else rst_add_text(). */
void rst_add_code(struct strbuf *sb, const char *s);
/*
 * A section title's text (@title already RST) with "<" ">" "&" shown as
 * U+FFFD, because Sphinx's search page inserts titles as HTML.  Returns
 * the bytes added, at least the title's width, for its underline.
 */
size_t rst_add_title_text(struct strbuf *sb, const char *title);
/*
 * One line of a literal block: @indent spaces, then the first @n bytes of
 * @s with control characters shown as '?', bytes that are not UTF-8 as
 * U+FFFD, and trailing blanks dropped.
 */
void rst_add_literal_line(struct strbuf *sb, int indent, const char *s, size_t n);
/* @text as a literal block indented by @indent spaces (after a "::"). */
void rst_add_literal_block(struct strbuf *sb, const char *text, int indent);
/* The first @n bytes of @s with tabs expanded to the kernel's 8 columns. */
char *expand_tabs(const char *s, size_t n);

#endif
