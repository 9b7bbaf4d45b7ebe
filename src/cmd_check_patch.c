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
#include "patch.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: barriermap check-patch [--kernel DIR] [--format=text|rst|json] PATCH...\n"
	"       barriermap check-patch [--kernel DIR] --checklist-doc\n"
	"\n"
	"PATCH is a git format-patch file, a git diff, an mbox holding a series,\n"
	"or - for stdin; several apply in the order given.  The tree is not changed.\n"
	"\n"
	"  --checklist-doc   print the \"Memory barriers\" item for\n"
	"                    Documentation/virt/kvm/review-checklist.rst\n"
	"\n"
	"Exit status: 0 nothing needs attention, 1 items to check,\n"
	"2 malformed patch, patch that does not apply, or bad usage.\n";

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

/* The touched files as they are on disk, so both scans see the same files. */
static struct overlay *original_files(const char *kernel, const struct overlay *ov,
				      size_t n, size_t *out_n)
{
	VEC(struct overlay) orig = { 0 };

	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", kernel, ov[i].path);
		struct overlay o = { xstrdup(ov[i].path), NULL, 0 };

		o.content = read_file(path, &o.len);
		free(path);
		if (!o.content) {
			if (errno != ENOENT)
				die("cannot read '%s/%s': %s", kernel, ov[i].path, strerror(errno));
			free((char *)o.path);	/* a file the patch creates */
			continue;
		}
		vec_push(&orig, o);
	}
	*out_n = orig.n;
	return orig.v;
}

int cmd_check_patch(int argc, char **argv)
{
	struct options o;
	struct patch_set set = { 0 };
	struct checklist cl = { 0 };
	struct overlay *ov, *orig;
	struct program *before, *after;
	bool doc = false;
	size_t nov, norig;
	int npatches = 0;
	char *out;
	int ret;

	options_init(&o);
	options_parse(&o, &argc, argv, usage);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--checklist-doc"))
			doc = true;
		else if (argv[i][0] == '-' && argv[i][1])
			die("check-patch: unknown option '%s'\n%s", argv[i], usage);
	}
	if (doc) {
		if (o.kernel)
			options_find_kernel(&o);
		out = checklist_doc(next_item_number(o.kernel));
		fputs(out, stdout);
		free(out);
		return EXIT_CLEAN;
	}
	options_find_kernel(&o);
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		patch_set_read(&set, argv[i]);
		npatches++;
	}
	if (!npatches)
		die("check-patch: no patch given\n%s", usage);

	ov = patch_set_apply(&set, o.kernel, &nov);
	orig = original_files(o.kernel, ov, nov, &norig);
	before = program_load_overlay(&o, orig, norig);
	after = program_load_overlay(&o, ov, nov);

	checklist_compare(&cl, before, after, &set);
	out = checklist_format(&cl, o.format);
	fputs(out, stdout);
	if (fflush(stdout))
		die("cannot write the checklist: %s", strerror(errno));
	ret = checklist_attention(&cl) ? EXIT_FINDINGS : EXIT_CLEAN;

	free(out);
	checklist_release(&cl);
	program_free(before);
	program_free(after);
	overlays_free(orig, norig);
	overlays_free(ov, nov);
	patch_set_release(&set);
	options_release(&o);
	return ret;
}
