// SPDX-License-Identifier: GPL-2.0
/*
 * The whole pipeline on a hostile source file: the input is the text of
 * virt/kvm/fuzz.c added (as check-patch adds files, an overlay) to the
 * fixture tree tests/map/tree; it is scanned with libclang, its comments
 * attached and parsed, partners resolved, and the map pages and the JSON
 * rendered.  The pages must be valid UTF-8 and the JSON must serialise.
 * Slow (a libclang parse per input), so it sees fewer inputs than the
 * text harnesses; run from the repository root, or set FUZZ_TREE.
 */
#include "fuzz.h"
#include "emit_json.h"
#include "emit_rst.h"
#include "pipeline.h"

#include <string.h>

static struct options opts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tree = getenv("FUZZ_TREE");

	options_init(&opts);
	opts.kernel = tree && *tree ? tree : "tests/map/tree";
	opts.jobs = 1;
	opts.quiet = true;
	opts.progress = false;
	return 0;
}

static const struct overlay *current;

/* The fuzzed file's text, so that its code reaches the pages. */
static const char *overlay_source(const struct file_facts *f, size_t *len, void *arg)
{
	if (!current || strcmp(f->path, current->path))
		return NULL;
	*len = current->len;
	return current->content;
}

static void render(const struct program *p)
{
	struct rst_options ro = { "6.12.0", "https://example.org/%p#n%l", NULL, NULL,
				  overlay_source, NULL, false };
	struct rst_pages pages = { { 0 } };
	json_t *doc = program_to_json(p, NULL);
	char *json = json_dumps(doc, 0);

	if (!json)
		BUG("the JSON document does not serialise");
	free(json);
	json_decref(doc);
	rst_emit_map(p, &ro, &pages);
	for (size_t i = 0; i < pages.pages.n; i++) {
		const char *t = pages.pages.v[i].text;
		char *clean = utf8_sanitize(t, strlen(t));

		if (strcmp(clean, t))
			BUG("page %s is not valid UTF-8", pages.pages.v[i].name);
		free(clean);
	}
	named_texts_release(&pages.pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct overlay ov = { "virt/kvm/fuzz.c", (const char *)data, size };
	struct program *volatile p = NULL;

	current = &ov;
	FUZZ_TRY(p = program_load_overlay(&opts, &ov, 1); render(p));
	if (p)
		program_free(p);
	return 0;
}
