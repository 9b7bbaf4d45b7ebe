// SPDX-License-Identifier: GPL-2.0
/*
 * MAINTAINERS is the tree's text: any text must parse, and finding the
 * section of any path must end with a section of that file (or none),
 * through F:, X: and N: patterns of any shape (unclosed "[", "*" runs,
 * regular expressions regcomp() refuses).  The paths asked about are the
 * scope's kinds of file and each F: value of the input itself.
 */
#include "fuzz.h"
#include "emit_series.h"
#include "maintainers.h"

#include <string.h>

static const char *const paths[] = {
	"virt/kvm/kvm_main.c", "arch/x86/kvm/vmx/nested.c", "include/linux/kvm_host.h",
	"arch/powerpc/kvm/book3s_hv.c", "README", "", "a/b/c/d/e/f/g/h.c",
};

static void ask(const struct maintainers *m, const char *path)
{
	const struct maint_section *s = maintainers_section(m, path);
	char *line = series_area_line(m, path);

	if (s && !s->title)
		BUG("a section without a title for %s", path);
	free(line);
}

static void check(const char *text, struct maintainers **m)
{
	*m = maintainers_parse(text, strlen(text), NULL);
	for (size_t i = 0; i < sizeof(paths) / sizeof(*paths); i++)
		ask(*m, paths[i]);
	for (const char *l = text; (l = strstr(l, "\nF:")); l++) {
		char *value = xstrndup(l + 3, strcspn(l + 3, "\n"));

		ask(*m, value + strspn(value, " \t"));
		free(value);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct maintainers *m = NULL;

	FUZZ_TRY(check(text, &m));
	maintainers_free(m);
	free(text);
	return 0;
}
