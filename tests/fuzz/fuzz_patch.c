// SPDX-License-Identifier: GPL-2.0
/*
 * The patch parser (src/patch.c) on any input, as check-patch reads a
 * patch file: split an mbox, parse each patch.  Malformed input must end
 * in die() (a clear "barriermap: ..." refusal), never a crash.  The
 * parser reads a path, so each input is written to one temp file first.
 */
#include "fuzz.h"
#include "patch.h"

#include <unistd.h>

static char *input_path;

static void write_input(const uint8_t *data, size_t size)
{
	if (!input_path) {
		const char *tmp = getenv("TMPDIR");
		int fd;

		input_path = xasprintf("%s/barriermap-fuzz-patch.XXXXXX",
				       tmp && *tmp ? tmp : "/tmp");
		fd = mkstemp(input_path);
		if (fd < 0)
			BUG("cannot create %s", input_path);
		close(fd);
	}
	if (write_file_atomic(input_path, (const char *)data, size) < 0)
		BUG("cannot write %s", input_path);
}

static void remove_input(void)
{
	if (input_path)
		unlink(input_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	atexit(remove_input);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct patch_set set = { 0 };

	write_input(data, size);
	FUZZ_TRY(patch_set_read(&set, input_path));
	patch_set_release(&set);
	return 0;
}
