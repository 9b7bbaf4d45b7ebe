# SPDX-License-Identifier: GPL-2.0
#
# barriermap: make            build ./barriermap
#             make check      build with ASan+UBSan and run the tests (in parallel)
#             make check-slow the slow group (valgrind, spatch, the kernel's own builds)
#             make check-all  both: every test (what .ci/run runs)
#             make map        map the default kernel tree (installing it if missing)
#             make htmldocs   build the documentation site with sphinx-build -W
#             make screenshots the map in the kernel's own docs build, photographed
#                             by headless chromium into bench/screenshots/
#             make coccicheck run the semantic patches over the kernel tree
#             make bench      time barriermap against spatch on the same tree
#             make fuzz       run the libFuzzer harnesses (FUZZ_SECONDS=60 each)
#             make man        the manual page, build/man/barriermap.1
#             make install PREFIX=/usr/local (DESTDIR= too)
#             make V=1 ...    show the commands
.SUFFIXES:
.DEFAULT_GOAL := all

LLVM_CONFIG ?= $(firstword $(wildcard /usr/bin/llvm-config /usr/bin/llvm-config-1[4-9] /usr/lib/llvm-1[4-9]/bin/llvm-config))
ifeq ($(LLVM_CONFIG),)
$(error libclang not found: install Debian's libclang-dev and llvm (apt-get install libclang-dev llvm), or set LLVM_CONFIG=/path/to/llvm-config)
endif
LLVM_INCDIR := $(shell $(LLVM_CONFIG) --includedir)
LLVM_LIBDIR := $(shell $(LLVM_CONFIG) --libdir)
ifeq ($(wildcard $(LLVM_INCDIR)/clang-c/Index.h),)
$(error $(LLVM_INCDIR)/clang-c/Index.h is missing: install Debian's libclang-dev)
endif
ifeq ($(wildcard /usr/include/jansson.h),)
$(error jansson.h is missing: install Debian's libjansson-dev)
endif
ifeq ($(wildcard /usr/include/openssl/evp.h),)
$(error openssl/evp.h is missing: install Debian's libssl-dev (SHA-256 for the fact cache))
endif

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS := -std=c11 -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# DEVELOPER=1 (the default; DEVELOPER=0 to turn it off): warnings are
# errors, as in git's developer builds.
DEVELOPER ?= 1
ifeq ($(DEVELOPER),1)
WARNINGS += -Werror
endif

# "0.3 (6d0497f)": the release, and the commit when built from a git checkout.
VERSION_BASE := 0.3
GIT_COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null)
GIT_DIRTY := $(if $(GIT_COMMIT),$(shell git diff --quiet HEAD -- 2>/dev/null || echo -dirty))
VERSION := $(VERSION_BASE)$(if $(GIT_COMMIT), ($(GIT_COMMIT)$(GIT_DIRTY)))
KERNEL_TREE_SCRIPT ?= $(CURDIR)/tools/kernel-tree.sh
CPPFLAGS += -D_GNU_SOURCE -I$(LLVM_INCDIR) $(addprefix -I,$(SRCDIRS)) -DKERNEL_TREE_SCRIPT='"$(KERNEL_TREE_SCRIPT)"' 
LDLIBS += -L$(LLVM_LIBDIR) -Wl,-rpath,$(LLVM_LIBDIR) -lclang -ljansson -lcrypto -lpthread -lm
PREFIX ?= /usr/local

ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

# src/ holds main.c and the command table; its folders say what each file is
# (README.md, "Layout").  Headers are included by name, from any folder.
SRCDIRS := src $(sort $(patsubst %/,%,$(dir $(wildcard src/*/*.c src/*/*.h))))
SRCS := $(sort $(wildcard src/*.c src/*/*.c))
HDRS := $(wildcard src/*.h src/*/*.h)
BUILD ?= build/release
OBJS := $(SRCS:src/%.c=$(BUILD)/%.o)

all: barriermap

# copy and rename: a running ./barriermap is replaced, not written into
barriermap: $(BUILD)/barriermap
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/barriermap: $(OBJS)
	$(quiet) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: src/%.c $(HDRS) Makefile
	@mkdir -p $(@D)
	$(quiet) CC $@
	$(Q)$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -c -o $@ $<

# Only version.o is rebuilt when the version changes: the stamp is rewritten
# only when its content would differ.
$(BUILD)/version.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@
$(BUILD)/version.o: CPPFLAGS += -DBARRIERMAP_VERSION='"$(VERSION)"'
$(BUILD)/version.o: $(BUILD)/version.stamp

# The test build: AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" DEVELOPER=1 build/asan/barriermap

# The same sources with clang, warnings as errors (CI builds both).
clang:
	$(Q)$(MAKE) --no-print-directory BUILD=build/clang CC=clang DEVELOPER=1 build/clang/barriermap

KERNEL_TREE = $(shell tools/kernel-tree.sh)

# TESTS= runs some files or folders; UPDATE=1 rewrites the golden output of
# the tests that differ (read the diff first).  The fuzz harnesses are
# built for the smoke run in tests/fuzz/smoke.t.
RUN_TESTS = tests/run.py --bin build/asan/barriermap $(if $(UPDATE),--update)
check: barriermap asan fuzz-build
	$(Q)tools/kernel-tree.sh >/dev/null
	$(Q)$(RUN_TESTS) --group=fast $(TESTS)

check-slow: barriermap asan
	$(Q)tools/kernel-tree.sh >/dev/null
	$(Q)$(RUN_TESTS) --group=slow $(TESTS)

check-all: barriermap asan clang fuzz-build
	$(Q)tools/kernel-tree.sh >/dev/null
	$(Q)$(RUN_TESTS) --group=all $(TESTS)

# The nightly job: the whole kernel tree under ASan and UBSan, every file
# through the scanner (minutes of CPU); the counts go to build/tree-asan.txt.
check-tree-asan: asan
	$(Q)tests/scale/tree-asan.sh build/asan/barriermap "$(or $(KDIR),$(KERNEL_TREE))"

map: barriermap
	$(Q)./barriermap map --kernel "$(or $(KDIR),$(KERNEL_TREE))" -o $(or $(O),map)

# chromium (and pngquant, to make the PNGs small) are not in install-deps.sh:
# no test needs them.
screenshots: barriermap
	$(Q)tools/kernel-docs-screenshots.sh ./barriermap "$(or $(KDIR),$(KERNEL_TREE))" bench/screenshots

-include cocci/cocci.mk
-include rst/rst.mk
-include bench/bench.mk
-include tests/fuzz/fuzz.mk

# The binary, the script that extracts the default tree (found beside the
# binary as ../share/barriermap/), the semantic patches, the manual page
# and the bash completion.
# The installed binary is built apart (build/install), with the installed
# kernel-tree.sh's path in it instead of the checkout's.
DATADIR = $(DESTDIR)$(PREFIX)/share
install: man
	$(Q)$(MAKE) --no-print-directory BUILD=build/install \
		KERNEL_TREE_SCRIPT=$(PREFIX)/share/barriermap/kernel-tree.sh build/install/barriermap
	install -D -m 755 build/install/barriermap $(DESTDIR)$(PREFIX)/bin/barriermap
	install -D -m 755 tools/kernel-tree.sh $(DATADIR)/barriermap/kernel-tree.sh
	install -d $(DATADIR)/barriermap/cocci
	install -m 644 cocci/*.cocci cocci/barrier_template.py $(DATADIR)/barriermap/cocci/
	install -m 755 cocci/coccicheck.sh $(DATADIR)/barriermap/cocci/
	install -D -m 644 build/man/barriermap.1 $(DATADIR)/man/man1/barriermap.1
	install -D -m 644 tools/barriermap-completion.bash \
		$(DATADIR)/bash-completion/completions/barriermap

clean:
	rm -rf build barriermap

FORCE:

.PHONY: all asan clang check check-slow check-all check-tree-asan map screenshots install clean FORCE
