#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Does the barrier map drop into a kernel tree?  Builds the kernel's own
# `make htmldocs SPHINXDIRS=virt/kvm` twice, on two hard-linked copies of
# the tree (the tree itself is never written): once as it is, once with
# `barriermap map --kernel-docs`, and fails if the second build has any
# warning or error the first did not, or did not build the map's pages.
#
# Usage: tools/kernel-htmldocs.sh [BARRIERMAP [KERNEL_TREE]]
#        defaults: ./barriermap and tools/kernel-tree.sh's tree
# KEEP=1 keeps the copies (their path is printed); MAP_ARGS adds options
# to the map (MAP_ARGS=--source-url=...).
set -eu

BM=$(realpath "${1:-./barriermap}")
K=$(realpath "${2:-$(tools/kernel-tree.sh)}")
JOBS=${JOBS:-2}

die() { echo "barriermap: $*" >&2; exit 2; }
say() { echo "kernel-htmldocs: $*" >&2; }

[ -x "$BM" ] || die "$BM is not executable; run make first"
[ -f "$K/Documentation/virt/kvm/index.rst" ] || die "$K is not a kernel tree"
command -v sphinx-build >/dev/null || die "sphinx-build missing: apt-get install python3-sphinx"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kernel-htmldocs.XXXXXX")
[ -n "${KEEP:-}" ] && say "keeping $WORK" || trap 'rm -rf "$WORK"' EXIT INT TERM

# Sphinx writes new files and barriermap replaces files by rename, so a
# hard-linked copy never writes through to the original tree.
copy() { cp -al "$K" "$WORK/$1"; }

# htmldocs NAME: build, and keep the warnings with the copy's path taken out
htmldocs() {
	say "make htmldocs SPHINXDIRS=virt/kvm in the $1 copy"
	make -C "$WORK/$1" -s htmldocs SPHINXDIRS=virt/kvm SPHINXOPTS="-j$JOBS" \
		>"$WORK/$1.out" 2>"$WORK/$1.err" ||
		{ cat "$WORK/$1.err" >&2; die "make htmldocs failed in the $1 copy"; }
	grep -E 'WARNING|ERROR|CRITICAL|SEVERE|[Ww]arning:|[Ee]rror:' "$WORK/$1.err" |
		sed "s|$WORK/$1/||g" | sort >"$WORK/$1.warnings" || true
}

copy before
htmldocs before
copy after
# shellcheck disable=SC2086 # MAP_ARGS is a list of options
"$BM" map --kernel "$K" --kernel-docs="$WORK/after" -q ${MAP_ARGS:-}
htmldocs after

for page in index generic worklist graph; do
	[ -f "$WORK/after/Documentation/output/virt/kvm/barriers/$page.html" ] ||
		die "the kernel's build has no virt/kvm/barriers/$page.html"
done
new=$(comm -13 "$WORK/before.warnings" "$WORK/after.warnings")
if [ -n "$new" ]; then
	echo "kernel-htmldocs: warnings the barrier map added:" >&2
	echo "$new" >&2
	exit 1
fi
echo "kernel-htmldocs: no new warning ($(wc -l <"$WORK/before.warnings") before and after);" \
	"$(ls "$WORK/after/Documentation/output/virt/kvm/barriers/" | grep -c '\.html$') pages built"
