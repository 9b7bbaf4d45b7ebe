// SPDX-License-Identifier: GPL-2.0
/*
 * checklist_format.c: the checklist as text for a human, RST for a cover
 * letter, JSON for tools, and one line per item (--terse) for b4 and git
 * hooks; and the "Memory barriers" item of KVM's review-checklist.rst.
 * Formatters only read struct checklist: the comparison is checklist.c's.
 */
#include "checklist.h"
#include "emit_json.h"
#include "rst.h"

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

/*
 * Text and RST share one document, in this order: a title naming the
 * patches, the list of a series' patches, a section per patch, the series
 * as a whole, a count.  A markup says how each part looks.
 */
enum heading { HEADING_DOC, HEADING_PATCH, HEADING_SERIES, HEADING_SECTION };

struct markup {
	/* @nested: a section inside a patch's or the series' section */
	void (*heading)(struct strbuf *sb, enum heading h, const char *title, bool nested);
	const char *preamble;
	const char *list_start;
	void (*list_entry)(struct strbuf *sb, const char *patch);
	void (*item)(struct strbuf *sb, const struct checklist_item *it);
};

static void add_items(struct strbuf *sb, const struct markup *m,
		      const struct checklist *cl, bool nested)
{
	for (int s = 0; s < SECTION__COUNT; s++) {
		bool any = false;

		for (size_t i = 0; i < cl->items.n; i++) {
			const struct checklist_item *it = &cl->items.v[i];

			if ((int)it->section != s)
				continue;
			if (!any)
				m->heading(sb, HEADING_SECTION, section_titles[s], nested);
			any = true;
			m->item(sb, it);
		}
	}
}

static void format_document(struct strbuf *sb, const struct markup *m,
			    const struct checklist *cl)
{
	struct strbuf title = STRBUF_INIT;

	sb_adds(&title, "Memory barrier checklist for ");
	patch_names(&title, cl);
	sb_adds(sb, m->preamble);
	m->heading(sb, HEADING_DOC, sb_str(&title), false);
	if (cl->patches.n > 1)
		sb_adds(sb, m->list_start);
	for (size_t i = 0; cl->patches.n > 1 && i < cl->patches.n; i++)
		m->list_entry(sb, cl->patches.v[i]);
	for (size_t k = 0; k < cl->npatches; k++) {
		char *h = patch_heading(cl, k);

		m->heading(sb, HEADING_PATCH, h, false);
		free(h);
		if (!cl->per_patch[k].items.n)
			sb_adds(sb, "\nNothing to check in this patch.\n");
		add_items(sb, m, &cl->per_patch[k], true);
	}
	if (cl->npatches) {
		m->heading(sb, HEADING_SERIES, "The series as a whole", false);
		if (!cl->items.n)
			sb_adds(sb, "\nNothing to check.\n");
	}
	add_items(sb, m, cl, cl->npatches > 0);
	sb_addc(sb, '\n');
	summary(sb, cl);
	sb_release(&title);
}

/* ---- text ------------------------------------------------------------ */

static void text_heading(struct strbuf *sb, enum heading h, const char *title,
			 bool nested)
{
	(void)nested;
	switch (h) {
	case HEADING_DOC:
		sb_addf(sb, "%s\n", title);
		break;
	case HEADING_PATCH:	/* "Patch 1/2: subject" has its colon */
		sb_addf(sb, "\n%s\n", title);
		break;
	case HEADING_SERIES:
	case HEADING_SECTION:
		sb_addf(sb, "\n%s:\n", title);
		break;
	}
}

static void text_list_entry(struct strbuf *sb, const char *patch)
{
	sb_addf(sb, "  %s\n", patch);
}

static void text_item(struct strbuf *sb, const struct checklist_item *it)
{
	sb_addf(sb, "[%c] %s:%u: %s%s\n", it->done ? 'x' : ' ', it->path,
		it->line, it->before ? "(before the patch) " : "", it->text);
	if (it->quote)
		sb_addf(sb, "      \"%s\"\n", it->quote);
	for (size_t d = 0; d < it->details.n; d++)
		sb_addf(sb, "      - %s\n", it->details.v[d]);
	if (it->fixed_by)
		sb_addf(sb, "      - taken care of by %s\n", it->fixed_by);
}

static const struct markup text_markup = {
	.heading = text_heading,
	.preamble = "",
	.list_start = "",
	.list_entry = text_list_entry,
	.item = text_item,
};

/* ---- RST ------------------------------------------------------------- */

/*
 * @title, text from the patch, as a section title: escaped, and with no
 * < > & for Sphinx's search index (rst.h).
 */
static void rst_heading(struct strbuf *sb, enum heading h, const char *title,
			bool nested)
{
	static const char under[] = {
		[HEADING_DOC] = '=', [HEADING_PATCH] = '-', [HEADING_SERIES] = '-',
		[HEADING_SECTION] = '-',
	};
	char c = h == HEADING_SECTION && nested ? '~' : under[h];
	struct strbuf q = STRBUF_INIT;
	size_t n;

	rst_add_text(&q, title);
	sb_addc(sb, '\n');
	n = rst_add_title_text(sb, sb_str(&q));
	sb_addc(sb, '\n');
	while (n--)
		sb_addc(sb, c);
	sb_addc(sb, '\n');
	if (h == HEADING_SECTION)
		sb_addc(sb, '\n');
	sb_release(&q);
}

static void rst_list_entry(struct strbuf *sb, const char *patch)
{
	sb_adds(sb, "#. ");
	rst_add_text(sb, patch);
	sb_addc(sb, '\n');
}

/* ``path:line``, the path being the patch's. */
static void add_location_code(struct strbuf *sb, const char *path, unsigned line)
{
	char *loc = xasprintf("%s:%u", path, line);

	rst_add_code(sb, loc);
	free(loc);
}

static void rst_item(struct strbuf *sb, const struct checklist_item *it)
{
	sb_addf(sb, "- [%c] ", it->done ? 'x' : ' ');
	add_location_code(sb, it->path, it->line);
	sb_adds(sb, ": ");
	if (it->before)
		sb_adds(sb, "(before the patch) ");
	rst_add_text(sb, it->text);
	sb_addc(sb, '\n');
	if (it->quote) {
		sb_adds(sb, "\n  \"");
		rst_add_text(sb, it->quote);
		sb_adds(sb, "\"\n");
	}
	if (it->details.n || it->fixed_by)
		sb_addc(sb, '\n');
	for (size_t d = 0; d < it->details.n; d++) {
		sb_adds(sb, "  - ");
		rst_add_text(sb, it->details.v[d]);
		sb_addc(sb, '\n');
	}
	if (it->fixed_by) {
		sb_adds(sb, "  - taken care of by ");
		rst_add_text(sb, it->fixed_by);
		sb_addc(sb, '\n');
	}
	if (it->quote || it->details.n || it->fixed_by)
		sb_addc(sb, '\n');
}

static const struct markup rst_markup = {
	.heading = rst_heading,
	.preamble = ".. SPDX-License-Identifier: GPL-2.0\n",
	.list_start = "\n",
	.list_entry = rst_list_entry,
	.item = rst_item,
};

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
		format_document(&sb, &rst_markup, cl);
	else
		format_document(&sb, &text_markup, cl);
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
