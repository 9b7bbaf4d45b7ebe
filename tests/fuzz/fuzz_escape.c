// SPDX-License-Identifier: GPL-2.0
/*
 * The escaping every page relies on, checked on any text:
 *  - utf8_sanitize() gives valid UTF-8 (checked here independently);
 *  - rst_add_text() gives one line in which no inline markup can start:
 *    each of \ ` * | [ ] @ is escaped, no control character is left;
 *  - rst_add_literal_block() indents every line it writes, so nothing
 *    can end the literal block early.
 */
#include "fuzz.h"
#include "rst.h"

#include <string.h>

/* An independent UTF-8 check: RFC 3629's table, no overlongs, no surrogates. */
static bool valid_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t len;
		unsigned char lo = 0x80, hi = 0xbf;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4;
		else
			return false;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		else if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return false;
		i += len;
	}
	return true;
}

static void check_inline(const char *out)
{
	size_t backslashes = 0;

	for (const char *s = out; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			BUG("control character 0x%02x in inline text", c);
		if (strchr("`*|[]@", c) && backslashes % 2 == 0)
			BUG("unescaped '%c' in inline text '%s'", c, out);
		backslashes = c == '\\' ? backslashes + 1 : 0;
	}
	if (backslashes % 2)
		BUG("inline text ends in a lone backslash: '%s'", out);
}

static void check_literal(const char *out, int indent)
{
	for (const char *l = out; *l;) {
		size_t n = strcspn(l, "\n");

		if (n && strspn(l, " ") < (size_t)indent)
			BUG("a literal line not indented by %d: '%.*s'", indent, (int)n, l);
		l += n + (l[n] == '\n');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean = utf8_sanitize((const char *)data, size);
	struct strbuf sb = STRBUF_INIT;

	if (!valid_utf8((const unsigned char *)clean, strlen(clean)))
		BUG("utf8_sanitize() gave invalid UTF-8");
	rst_add_text(&sb, clean);
	check_inline(sb_str(&sb));
	sb_reset(&sb);
	rst_add_literal_block(&sb, clean, 4);
	check_literal(sb_str(&sb), 4);
	sb_release(&sb);
	free(clean);
	return 0;
}
