#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The map as the kernel's own docs build shows it, photographed: on a
# hard-linked copy of the tree (never the tree itself, as in
# tools/kernel-htmldocs.sh), `barriermap map --kernel-docs`, then the
# kernel's `make htmldocs SPHINXDIRS=virt/kvm` (its conf.py and theme),
# then tools/screenshot.sh on Documentation/output/virt/kvm/barriers/.
#
# Usage: tools/kernel-docs-screenshots.sh [BARRIERMAP [KERNEL_TREE [OUT_DIR]]]
#        defaults: ./barriermap, tools/kernel-tree.sh's tree, bench/screenshots
# MAP_ARGS adds options to the map (default: links to the stable tree on
# git.kernel.org at the tree's version); KEEP=1 keeps the copy.
set -eu

BM=$(realpath "${1:-./barriermap}")
K=$(realpath "${2:-$(tools/kernel-tree.sh)}")
OUT=${3:-bench/screenshots}
JOBS=${JOBS:-2}

die() { echo "barriermap: $*" >&2; exit 2; }
say() { echo "kernel-docs-screenshots: $*" >&2; }

[ -x "$BM" ] || die "$BM is not executable; run make first"
[ -f "$K/Documentation/virt/kvm/index.rst" ] || die "$K is not a kernel tree"
command -v sphinx-build >/dev/null || die "sphinx-build missing: apt-get install python3-sphinx"

version=$(sed -n 's/^VERSION = //p; s/^PATCHLEVEL = /./p; s/^SUBLEVEL = /./p' "$K/Makefile" | tr -d '\n')
MAP_ARGS=${MAP_ARGS:---source-url=https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/%p?h=v$version#n%l}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kernel-docs-screenshots.XXXXXX")
[ -n "${KEEP:-}" ] && say "keeping $WORK" || trap 'rm -rf "$WORK"' EXIT INT TERM

cp -al "$K" "$WORK/k"
# shellcheck disable=SC2086 # MAP_ARGS is a list of options
"$BM" map --kernel "$K" --kernel-docs="$WORK/k" -q $MAP_ARGS
say "make htmldocs SPHINXDIRS=virt/kvm"
make -C "$WORK/k" -s htmldocs SPHINXDIRS=virt/kvm SPHINXOPTS="-j$JOBS" \
	>"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; die "make htmldocs failed"; }
tools/screenshot.sh "$WORK/k/Documentation/output/virt/kvm/barriers" "$OUT"
