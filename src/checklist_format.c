// SPDX-License-Identifier: GPL-2.0
/*
 * checklist_format.c: the checklist as text for a human, RST for a cover
 * letter, JSON for tools, and one line per item (--terse) for b4 and git
 * hooks; and the "Memory barriers" item of KVM's review-checklist.rst.
 * Formatters only read struct checklist: the comparison is checklist.c's.
 */
#include "checklist.h"
#include "emit_json.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output ---------------------------------------------------------- */

static const char *const section_titles[SECTION__COUNT] = {
	[SECTION_ADDED] = "Barriers added",
	[SECTION_REMOVED] = "Barriers removed or moved, and the comments that name them",
	[SECTION_KIND] = "Barriers whose kind changes",
	[SECTION_CLAIMS] = "Pairing claims broken through the call graph",
	[SECTION_RELIANCE] = "Reliance claims that do not hold after the patch",
	[SECTION_NAMES] = "Comments naming functions the patch removes or renames",
};

static const char *const section_keys[SECTION__COUNT] = {
	[SECTION_ADDED] = "added",
	[SECTION_REMOVED] = "removed",
	[SECTION_KIND] = "kind",
	[SECTION_CLAIMS] = "claims",
	[SECTION_RELIANCE] = "reliance",
	[SECTION_NAMES] = "names",
};

static void underline(struct strbuf *sb, const char *title, char c)
{
	sb_addf(sb, "%s\n", title);
	for (size_t i = strlen(title); i; i--)
		sb_addc(sb, c);
	sb_addc(sb, '\n');
}

static void patch_names(struct strbuf *sb, const struct checklist *cl)
{
	for (size_t i = 0; i < cl->sources.n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", cl->sources.v[i]);
}

static void summary(struct strbuf *sb, const struct checklist *cl)
{
	size_t n = checklist_attention(cl);

	if (n)
		sb_addf(sb, "%zu item%s to check.\n", n, n == 1 ? "" : "s");
	else
		sb_adds(sb, "Nothing needs attention.\n");
}

/* "Patch 2/3: [PATCH 2/3] KVM: foo" */
static char *patch_heading(const struct checklist *cl, size_t k)
{
	const struct checklist *p = &cl->per_patch[k];

	return xasprintf("Patch %zu/%zu: %s", k + 1, cl->npatches,
			 p->patches.n ? subject_without_tag(p->patches.v[0]) : "?");
}

/* ---- text ------------------------------------------------------------ */

static void text_items(struct strbuf *sb, const struct checklist *cl)
{
	for (int s = 0; s < SECTION__COUNT; s++) {
		bool any = false;

		for (size_t i = 0; i < cl->items.n; i++) {
			const struct checklist_item *it = &cl->items.v[i];

			if ((int)it->section != s)
				continue;
			if (!any)
				sb_addf(sb, "\n%s:\n", section_titles[s]);
			any = true;
			sb_addf(sb, "[%c] %s:%u: %s%s\n", it->done ? 'x' : ' ', it->path,
				it->line, it->before ? "(before the patch) " : "", it->text);
			if (it->quote)
				sb_addf(sb, "      \"%s\"\n", it->quote);
			for (size_t d = 0; d < it->details.n; d++)
				sb_addf(sb, "      - %s\n", it->details.v[d]);
			if (it->fixed_by)
				sb_addf(sb, "      - taken care of by %s\n", it->fixed_by);
		}
	}
}

static void format_text(struct strbuf *sb, const struct checklist *cl)
{
	struct strbuf title = STRBUF_INIT;

	sb_adds(&title, "Memory barrier checklist for ");
	patch_names(&title, cl);
	sb_addf(sb, "%s\n", sb_str(&title));
	for (size_t i = 0; cl->patches.n > 1 && i < cl->patches.n; i++)
		sb_addf(sb, "  %s\n", cl->patches.v[i]);
	for (size_t k = 0; k < cl->npatches; k++) {
		char *h = patch_heading(cl, k);

		sb_addf(sb, "\n%s\n", h);
		free(h);
		if (!cl->per_patch[k].items.n)
			sb_adds(sb, "\nNothing to check in this patch.\n");
		text_items(sb, &cl->per_patch[k]);
	}
	if (cl->npatches) {
		sb_adds(sb, "\nThe series as a whole:\n");
		if (!cl->items.n)
			sb_adds(sb, "\nNothing to check.\n");
	}
	text_items(sb, cl);
	sb_addc(sb, '\n');
	summary(sb, cl);
	sb_release(&title);
}

/* ---- RST ------------------------------------------------------------- */

/* Escape what RST would read as markup: emphasis, literals, references. */
static void rst_quote(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		bool ref_end = *s == '_' && !(isalnum((unsigned char)s[1]) || s[1] == '_');

		if (*s == '\\' || *s == '*' || *s == '`' || *s == '|' || ref_end)
			sb_addc(sb, '\\');
		sb_addc(sb, *s == '\n' ? ' ' : *s);
	}
}

static void rst_heading(struct strbuf *sb, const char *title, char c)
{
	struct strbuf q = STRBUF_INIT;

	rst_quote(&q, title);
	sb_addc(sb, '\n');
	underline(sb, sb_str(&q), c);
	sb_release(&q);
}

static void rst_items(struct strbuf *sb, const struct checklist *cl, char level)
{
	for (int s = 0; s < SECTION__COUNT; s++) {
		bool any = false;

		for (size_t i = 0; i < cl->items.n; i++) {
			const struct checklist_item *it = &cl->items.v[i];

			if ((int)it->section != s)
				continue;
			if (!any) {
				rst_heading(sb, section_titles[s], level);
				sb_addc(sb, '\n');
			}
			any = true;
			sb_addf(sb, "- [%c] ``%s:%u``: ", it->done ? 'x' : ' ', it->path, it->line);
			if (it->before)
				sb_adds(sb, "(before the patch) ");
			rst_quote(sb, it->text);
			sb_addc(sb, '\n');
			if (it->quote) {
				sb_adds(sb, "\n  \"");
				rst_quote(sb, it->quote);
				sb_adds(sb, "\"\n");
			}
			if (it->details.n || it->fixed_by)
				sb_addc(sb, '\n');
			for (size_t d = 0; d < it->details.n; d++) {
				sb_adds(sb, "  - ");
				rst_quote(sb, it->details.v[d]);
				sb_addc(sb, '\n');
			}
			if (it->fixed_by) {
				sb_adds(sb, "  - taken care of by ");
				rst_quote(sb, it->fixed_by);
				sb_addc(sb, '\n');
			}
			if (it->quote || it->details.n || it->fixed_by)
				sb_addc(sb, '\n');
		}
	}
}

static void format_rst(struct strbuf *sb, const struct checklist *cl)
{
	struct strbuf title = STRBUF_INIT;

	sb_adds(&title, "Memory barrier checklist for ");
	patch_names(&title, cl);
	sb_adds(sb, ".. SPDX-License-Identifier: GPL-2.0\n\n");
	underline(sb, sb_str(&title), '=');
	if (cl->patches.n > 1)
		sb_addc(sb, '\n');
	for (size_t i = 0; cl->patches.n > 1 && i < cl->patches.n; i++) {
		sb_adds(sb, "#. ");
		rst_quote(sb, cl->patches.v[i]);
		sb_addc(sb, '\n');
	}
	for (size_t k = 0; k < cl->npatches; k++) {
		char *h = patch_heading(cl, k);

		rst_heading(sb, h, '-');
		free(h);
		if (!cl->per_patch[k].items.n)
			sb_adds(sb, "\nNothing to check in this patch.\n");
		rst_items(sb, &cl->per_patch[k], '~');
	}
	if (cl->npatches) {
		rst_heading(sb, "The series as a whole", '-');
		if (!cl->items.n)
			sb_adds(sb, "\nNothing to check.\n");
	}
	rst_items(sb, cl, cl->npatches ? '~' : '-');
	sb_addc(sb, '\n');
	summary(sb, cl);
	sb_release(&title);
}

/* ---- JSON ------------------------------------------------------------ */


static json_t *json_items(const struct checklist *cl)
{
	json_t *items = json_array();

	for (size_t i = 0; i < cl->items.n; i++) {
		const struct checklist_item *it = &cl->items.v[i];
		json_t *o = json_object(), *details = json_array();

		for (size_t d = 0; d < it->details.n; d++)
			json_array_append_new(details, json_text(it->details.v[d]));
		json_object_set_new(o, "section", json_string(section_keys[it->section]));
		json_object_set_new(o, "kind", json_string(it->kind));
		json_object_set_new(o, "type", json_string(checklist_type(it)));
		json_object_set_new(o, "severity",
				    json_string(checklist_severity_name(checklist_severity(it))));
		json_object_set_new(o, "file", json_text(it->path));
		json_object_set_new(o, "line", json_integer(it->line));
		json_object_set_new(o, "tree", json_string(it->before ? "before" : "after"));
		json_object_set_new(o, "function", json_text(it->function));
		json_object_set_new(o, "barrier", json_text(it->barrier));
		json_object_set_new(o, "text", json_text(it->text));
		json_object_set_new(o, "comment", json_text(it->quote));
		json_object_set_new(o, "details", details);
		json_object_set_new(o, "done", json_boolean(it->done));
		json_object_set_new(o, "fixed_by", json_text(it->fixed_by));
		json_array_append_new(items, o);
	}
	return items;
}

static void format_json(struct strbuf *sb, const struct checklist *cl)
{
	json_t *root = json_object(), *patches = json_array(), *series = json_array();
	json_t *sources = json_array();
	char *text;

	for (size_t i = 0; i < cl->sources.n; i++)
		json_array_append_new(sources, json_text(cl->sources.v[i]));
	for (size_t i = 0; i < cl->patches.n; i++)
		json_array_append_new(patches, json_text(cl->patches.v[i]));
	for (size_t k = 0; k < cl->npatches; k++) {
		json_t *o = json_object();

		json_object_set_new(o, "patch", json_text(cl->per_patch[k].patches.n ?
								  cl->per_patch[k].patches.v[0] : NULL));
		json_object_set_new(o, "items", json_items(&cl->per_patch[k]));
		json_array_append_new(series, o);
	}
	json_object_set_new(root, "version", json_integer(1));
	json_object_set_new(root, "kernel", json_text(cl->kernel));
	json_object_set_new(root, "base", json_text(cl->base_from));
	json_object_set_new(root, "files", sources);
	json_object_set_new(root, "patches", patches);
	json_object_set_new(root, "attention", json_integer((json_int_t)checklist_attention(cl)));
	/* a series: each patch's own checklist; "items" is the whole series' */
	json_object_set_new(root, "series", series);
	json_object_set_new(root, "items", json_items(cl));
	text = json_format(root);
	sb_adds(sb, text);
	free(text);
	json_decref(root);
}

char *checklist_format(const struct checklist *cl, enum checklist_format format)
{
	struct strbuf sb = STRBUF_INIT;

	if (format == CHECKLIST_JSON)
		format_json(&sb, cl);
	else if (format == CHECKLIST_RST)
		format_rst(&sb, cl);
	else
		format_text(&sb, cl);
	return sb_detach(&sb);
}

/* ---- --terse ---------------------------------------------------------- */

/* One line: newlines in a quoted comment would split it. */
static void add_one_line(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_addc(sb, *s == '\n' || *s == '\r' ? ' ' : *s);
}

/*
 * FILE:LINE: SEVERITY: TYPE: message, one per item that needs attention,
 * as checkpatch.pl --terse --show-types; in a series the message starts
 * with the patch whose checklist has it.
 */
char *checklist_format_terse(const struct checklist *cl)
{
	struct attention_vec v = { 0 };
	struct strbuf sb = STRBUF_INIT;

	checklist_attention_items(cl, &v);
	for (size_t i = 0; i < v.n; i++) {
		const struct checklist_item *it = v.v[i].it;

		sb_addf(&sb, "%s:%u: %s: %s: ", it->path, it->line,
			checklist_severity_name(checklist_severity(it)), checklist_type(it));
		if (v.v[i].patch >= 0)
			sb_addf(&sb, "[patch %ld/%zu] ", v.v[i].patch + 1, cl->npatches);
		else if (cl->npatches)
			sb_adds(&sb, "[series] ");
		if (it->before)
			sb_adds(&sb, "(before the patch) ");
		add_one_line(&sb, it->text);
		sb_addc(&sb, '\n');
	}
	free(v.v);
	return sb_detach(&sb);
}

/* ---- the review-checklist.rst item ----------------------------------- */

static const char checklist_doc_body[] =
	"Memory barriers: a patch that adds, removes, moves or changes a memory\n"
	"barrier (smp_mb(), smp_rmb(), smp_wmb(), smp_load_acquire(),\n"
	"smp_store_release(), smp_mb__after_atomic(), ...), or that renames or\n"
	"removes a function a \"Pairs with\" comment names, must keep every\n"
	"pairing comment true.  Run ``barriermap check-patch`` on the patch, or\n"
	"on the whole series as an mbox, before sending it, and resolve or\n"
	"explain in the changelog each item it lists:\n"
	"\n"
	"- Barriers added: a new barrier needs a comment naming the barrier it\n"
	"  pairs with (\"Pairs with smp_rmb() in kvm_get_vcpu().\"), and that\n"
	"  partner must exist after the patch.\n"
	"- Barriers removed or moved: every comment that names the barrier, by\n"
	"  its function, by the barrier, or through a function that calls it,\n"
	"  must change in the same patch; the check says whether it already does.\n"
	"- Barriers whose kind changes (for example smp_mb() to\n"
	"  smp_mb__after_atomic()): re-check each partner it lists, the ordering\n"
	"  they rely on may no longer hold; the check says when the new kind is\n"
	"  weaker than the pair's pattern needs (smp_wmb() on one side of a\n"
	"  store buffering).\n"
	"- Pairing claims broken through the call graph: a comment whose partner\n"
	"  was supplied by a callee that no longer supplies it.\n"
	"- Reliance claims: a comment that says the ordering comes from a\n"
	"  barrier elsewhere (\"the smp_wmb() in kvm_make_request() orders\n"
	"  ...\") must still find it, or one as strong, on that function's path.\n"
	"- Comments naming functions the patch removes or renames: update the\n"
	"  name.\n"
	"\n"
	"The check exits with 0 when nothing needs attention and 1 otherwise;\n"
	"``--format=rst`` prints the list for a cover letter or a review.\n";

char *checklist_doc(unsigned number)
{
	struct strbuf sb = STRBUF_INIT;
	char *label = xasprintf("%u.", number);
	const char *p = checklist_doc_body;
	bool first = true;

	/* the file's style: "N.  text", continuation lines indented by 4 */
	while (*p) {
		size_t n = strcspn(p, "\n");

		if (first)
			sb_addf(&sb, "%-4s%.*s\n", label, (int)n, p);
		else if (n)
			sb_addf(&sb, "    %.*s\n", (int)n, p);
		else
			sb_addc(&sb, '\n');
		first = false;
		p += n + (p[n] == '\n');
	}
	free(label);
	return sb_detach(&sb);
}
