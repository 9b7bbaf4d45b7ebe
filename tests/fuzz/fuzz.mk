# SPDX-License-Identifier: GPL-2.0
#
# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang and
# -fsanitize=fuzzer,address,undefined over every source file but main.c.
#
#   make fuzz-build              build build/fuzz/fuzz_*
#   make fuzz FUZZ_SECONDS=600   run each harness that long (default 60),
#                                on seeds drawn from the kernel tree; the
#                                corpora grow in build/fuzz/corpus/, crashes
#                                land in build/fuzz/artifacts/
#   make fuzz FUZZERS=grammar    only these harnesses
#
# make check runs each for a few seconds (tests/fuzz/smoke.t).

FUZZ_CC ?= clang
FUZZ_SAN := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OUT := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_OBJS := $(patsubst src/%.c,$(FUZZ_OUT)/%.o,$(filter-out src/main.c,$(SRCS)))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(FUZZ_OUT)/%,$(wildcard tests/fuzz/fuzz_*.c))

$(FUZZ_OUT)/%.o: src/%.c $(HDRS) Makefile tests/fuzz/fuzz.mk
	@mkdir -p $(@D)
	$(quiet) FUZZCC $@
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(WARNINGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_OUT)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(quiet) FUZZLD $@
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(WARNINGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

# objects made by a pattern rule for another: keep them between builds
.SECONDARY: $(FUZZ_OBJS)

fuzz: fuzz-build
	$(Q)tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

.PHONY: fuzz fuzz-build
