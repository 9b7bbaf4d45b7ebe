/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the libFuzzer harnesses: die() must not end the fuzzer, so a
 * harness runs each input under FUZZ_TRY(), which die() jumps out of
 * (silently: a refusal per input would flood the log).
 * Input that makes the tool die is refused input, not a crash.  The code
 * frees what it holds before it dies (patch.c's parser_die()), so leak
 * detection stays on: a leak is a finding, as it turns the ASan build's
 * exit status into 1.
 */
#ifndef BARRIERMAP_FUZZ_H
#define BARRIERMAP_FUZZ_H

#include "util.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer's entry points */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jmp_buf fuzz_jump;

static inline void fuzz_die(const char *fmt, va_list ap)
{
	longjmp(fuzz_jump, 1);
}

/* Warnings (a skipped file...) are expected output, not findings. */
static inline void fuzz_warn(const char *fmt, va_list ap)
{
}

/* Run @body; a die() inside it comes back here instead of exiting. */
#define FUZZ_TRY(body)						\
	do {							\
		set_die_routine(fuzz_die);			\
		set_warn_routine(fuzz_warn);			\
		if (!setjmp(fuzz_jump)) {			\
			body;					\
		}						\
		set_die_routine(NULL);				\
		set_warn_routine(NULL);				\
	} while (0)

/* A NUL-terminated copy of the input (which may hold NULs of its own). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}

#endif
