// SPDX-License-Identifier: GPL-2.0
/*
 * barriermap check-patch: the pre-submission review checklist.
 *
 * The patches are applied to a private copy of the files they touch (the
 * user's tree is never written), both versions are scanned, and the two
 * barrier maps are compared (checklist.c).
 *
 * Exit status: 0 nothing needs attention, 1 items to check, 2 a malformed
 * patch, a patch that does not apply, or bad usage.
 */
#include "checklist.h"
#include "commands.h"
#include "git.h"
#include "patch.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const check_patch_usage[] = {
	"barriermap check-patch [options] PATCH...",
	"barriermap check-patch [options] --git REV-RANGE",
	"barriermap check-patch [--kernel=DIR] --checklist-doc",
	"",
	"PATCH is a git format-patch file, a git diff, an mbox holding a series,",
	"or - for stdin; several apply in the order given.  The tree is not changed.",
	"Exit status: 0 nothing needs attention, 1 items to check, 2 a malformed",
	"patch, a patch that does not apply, or bad usage.",
	NULL,
};

/* in enum checklist_format's order */
static const char *const check_patch_formats[] = { "text", "rst", "json", NULL };

#define REVIEW_CHECKLIST "Documentation/virt/kvm/review-checklist.rst"

/*
 * The number the new item takes in the tree's review-checklist.rst: one
 * after the last "N." item that is not ours, 13 for 6.12.
 */
static unsigned next_item_number(const char *kernel)
{
	char *path = kernel ? xasprintf("%s/" REVIEW_CHECKLIST, kernel) : NULL;
	char *text = path ? read_file(path, NULL) : NULL;
	unsigned last = 12;

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "") {
		char *end;
		unsigned long n = strtoul(p, &end, 10);

		if (end != p && *end == '.' && end[1] == ' ' &&
		    !str_starts_with(end + 1 + strspn(end + 1, " "), "Memory barriers:"))
			last = (unsigned)n;
	}
	free(text);
	free(path);
	return last + 1;
}

/* --ignore=TYPE[,TYPE...], as checkpatch.pl's: every TYPE must be one. */
static void add_ignored(struct strvec *out, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (!checklist_is_type(t)) {
			static char msg[1024];
			char *names = checklist_type_names();

			snprintf(msg, sizeof(msg), "--ignore: unknown type '%s'; the types are %s",
				 t, names);
			free(names);
			free(copy);
			die("%s", msg);
		}
		vec_push(out, xstrdup(t));
	}
	free(copy);
}

static void ignore_cb(const struct option *opt, const char *arg)
{
	add_ignored(opt->value, arg);
}

/* The paths whose content differs between two states (same paths, sorted). */
static void changed_paths(const struct overlay_set *a, const struct overlay_set *b,
			  struct string_list *out)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct overlay *x = &a->v[i], *y = &b->v[i];

		if (strcmp(x->path, y->path))
			BUG("states list different paths: %s, %s", x->path, y->path);
		if (!x->content != !y->content ||
		    (x->content && (x->len != y->len || memcmp(x->content, y->content, x->len))))
			vec_push(out, y->path);
	}
}

/*
 * The programs of the states a series goes through, one at a time.  Each
 * is scanned from the one before, rescanning only the files the patch
 * changes and copying the facts of the rest (program_rescan()), unless
 * @rescan_all: then every file of every state is scanned.
 */
struct states {
	const struct options *o;
	const struct patch_states *st;
	bool rescan_all;
	size_t next;			/* the state the template holds */
	struct program *template;	/* scanned, not resolved */
};

static struct program *next_program(struct states *s)
{
	const struct overlay_set *cur = &s->st->state[s->next];
	struct program *p;

	if (s->rescan_all) {
		s->next++;
		return program_load_overlay(s->o, cur->v, cur->n);
	}
	if (!s->template)
		s->template = program_scan_overlay(s->o, cur->v, cur->n);
	p = s->template;
	s->template = NULL;
	if (s->next + 1 < s->st->n) {
		const struct overlay_set *nxt = &s->st->state[s->next + 1];
		struct string_list changed = { 0 };

		changed_paths(cur, nxt, &changed);
		s->template = program_rescan(p, nxt->v, nxt->n, changed.v, changed.n);
		free(changed.v);
	}
	s->next++;
	program_resolve(p);
	return p;
}

/* Patches [from, to) of @set, as a patch set of their own. */
static struct patch_set patch_view(const struct patch_set *set, size_t from, size_t to)
{
	struct patch_set v = { 0 };

	v.patches.v = set->patches.v + from;
	v.patches.n = v.patches.cap = to - from;
	return v;
}

/*
 * The checklist of the states a series goes through: one patch compares
 * its base with the tree after it; a series compares each patch with the
 * state before it, and the base with the state after each patch, to tell
 * what a later patch takes care of (checklist_series()).
 */
static void compare_states(struct checklist *cl, const struct options *o,
			   const struct patch_set *set, const struct patch_states *st,
			   bool rescan_all)
{
	struct states s = { o, st, rescan_all, 0, NULL };
	size_t n = set->patches.n;
	struct program *first = next_program(&s), *prev = first;
	struct checklist *per = NULL, *upto = NULL;

	if (n > 1) {
		per = xcalloc(n, sizeof(*per));
		upto = xcalloc(n, sizeof(*upto));
	}
	for (size_t k = 0; k < n; k++) {
		struct program *cur = next_program(&s);
		struct patch_set one = patch_view(set, k, k + 1), so_far = patch_view(set, 0, k + 1);

		if (n == 1) {
			checklist_compare(cl, first, cur, set);
		} else {
			checklist_compare(&per[k], prev, cur, &one);
			checklist_compare(&upto[k], first, cur, &so_far);
		}
		if (prev != first)
			program_free(prev);
		prev = cur;
	}
	if (n > 1)
		checklist_series(cl, per, upto, n);
	cl->base_from = st->base_from;
	free(upto);
	if (prev != first)
		program_free(prev);
	program_free(first);
}

int cmd_check_patch(int argc, char **argv)
{
	struct options o;
	struct patch_set set = { 0 };
	struct patch_base base = { 0 };
	struct patch_states st = { 0 };
	struct checklist cl = { 0 };
	struct string_list ranges = { 0 };
	struct strvec ignore = { 0 };
	bool doc = false, terse = false, rescan_all = false;
	int format = -1;	/* CHECKLIST_TEXT unless --format says */
	int npatches = 0;
	char *out;
	int ret;

	options_init(&o);
	{
		struct option opts[] = {
			OPT_GROUP("What to check"),
			OPT_STRING(0, "base", &base.rev, "REV",
				   "in git, the files before the patch are REV's (default: the blobs "
				   "its index lines name, else the tree; a patch the tree already "
				   "holds is reversed out of it)"),
			OPT_STRING_LIST(0, "git", &ranges, "REV-RANGE",
					"check the commits of REV-RANGE (A..B, or one commit REV) of "
					"the kernel tree's repository, each against its parent"),
			OPT_CALLBACK(0, "ignore", &ignore, "TYPE,...",
				     "leave out the items of these TYPEs", ignore_cb),
			OPT_BOOL_F(0, "rescan-all", &rescan_all, OPT_NONEG,
				   "scan every file before and after each patch (the default scans "
				   "only the files a patch touches, and copies the rest)"),
			OPT_GROUP("Output"),
			OPT_CHOICE(0, "format", &format, check_patch_formats, "FORMAT",
				   "text, rst (for a cover letter or a review) or json"),
			OPT_BOOL_F(0, "terse", &terse, OPT_NONEG,
				   "one line per item to check: FILE:LINE: SEVERITY: TYPE: message"),
			OPT_BOOL_F(0, "checklist-doc", &doc, OPT_NONEG,
				   "print the \"Memory barriers\" item for "
				   "Documentation/virt/kvm/review-checklist.rst"),
			OPT_PIPELINE(&o),
			OPT_END(),
		};

		argc = options_parse_config(&o, argc, argv, "check-patch", opts, check_patch_usage);
		if (!doc && !argc && !ranges.n)
			usage_error("check-patch", check_patch_usage, "no patch given");
		if (terse && format >= 0)
			usage_error("check-patch", check_patch_usage,
				    "--terse and --format go one at a time");
		if (format < 0)
			format = CHECKLIST_TEXT;
	}
	options_finish(&o);
	if (doc) {
		if (o.kernel)
			options_find_kernel(&o);
		out = checklist_doc(next_item_number(o.kernel));
		fputs(out, stdout);
		free(out);
		return EXIT_CLEAN;
	}
	options_find_kernel(&o);
	base.kernel = o.kernel;
	base.git = git_is_work_tree(o.kernel);
	if (base.rev && (!*base.rev || !base.git))
		die("--base=%s: %s", base.rev, *base.rev ? "the kernel tree is not a git work tree" :
		    "names no revision");
	if (base.rev && !git_is_commit(o.kernel, base.rev))
		die("--base=%s: not a commit of the kernel tree's repository", base.rev);
	if (ranges.n && !base.git)
		die("--git %s: the kernel tree is not a git work tree", ranges.v[0]);
	for (size_t i = 0; i < ranges.n; i++) {
		size_t len;
		char *text = git_format_patch(o.kernel, ranges.v[i], PATCH_MAX_BYTES, &len);
		char *display = xasprintf("git %s", ranges.v[i]);

		patch_set_read_text(&set, display, text, len);
		free(display);
		npatches++;
	}
	string_list_clear(&ranges);
	for (int i = 0; i < argc; i++) {
		patch_set_read(&set, argv[i]);
		npatches++;
	}

	patch_set_apply(&set, &base, &st);
	compare_states(&cl, &o, &set, &st, rescan_all);
	checklist_ignore(&cl, (const char *const *)ignore.v, ignore.n);
	out = terse ? checklist_format_terse(&cl) : checklist_format(&cl, (enum checklist_format)format);
	fputs(out, stdout);
	ret = checklist_attention(&cl) ? EXIT_FINDINGS : EXIT_CLEAN;

	free(out);
	for (size_t i = 0; i < ignore.n; i++)
		free(ignore.v[i]);
	free(ignore.v);
	checklist_release(&cl);
	patch_states_release(&st);
	patch_set_release(&set);
	options_release(&o);
	return ret;
}
