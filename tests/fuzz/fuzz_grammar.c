// SPDX-License-Identifier: GPL-2.0
/*
 * The comment grammar on any text: it never fails, never crashes, and
 * keeps its bounds (at most 64 references; every string it returns is
 * NUL-terminated and inside no buffer it does not own).
 */
#include "fuzz.h"
#include "grammar.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct pairing p;

	(void)grammar_mentions_pairing(text);
	grammar_parse(text, &p);
	if (p.nrefs > 64)
		BUG("%zu references, over the bound of 64", p.nrefs);
	for (size_t i = 0; i < p.nrefs; i++) {
		const struct ref *r = &p.refs[i];

		/* touch every string, so ASan checks it */
		if (r->function)
			(void)strlen(r->function);
		if (r->barrier)
			(void)strlen(r->barrier);
		if (r->arch)
			(void)strlen(r->arch);
		if (r->context)
			(void)strlen(r->context);
	}
	if (p.phrase)
		(void)strlen(p.phrase);
	(void)pairing_kind_name(p.kind);
	pairing_release(&p);
	free(text);
	return 0;
}
