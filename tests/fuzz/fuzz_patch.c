// SPDX-License-Identifier: GPL-2.0
/*
 * The patch parser (src/check-patch/patch.c) on any input, through its entry point for
 * text already read, patch_set_read_text(): split an mbox, parse each
 * patch.  Malformed input must end in die() (a clear "barriermap: ..."
 * refusal, after the parser frees what it holds), never a crash or leak.
 */
#include "fuzz.h"
#include "patch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct patch_set set = { 0 };
	char *text = fuzz_text(data, size);	/* the parser owns it from here */

	FUZZ_TRY(patch_set_read_text(&set, "fuzz.patch", text, size));
	patch_set_release(&set);
	return 0;
}
