#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# How long check-patch takes on a one-file patch over the KVM scope (the
# removal of smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), made
# from the tree by tests/check-patch/kpatch.py), with a fact cache of its
# own (BARRIERMAP_CACHE in a temp folder):
#   cold, rescan all   --no-cache --rescan-all: every file scanned before and
#                      after the patch
#   cold               --no-cache: every file scanned once, the touched file
#                      again, the facts of the rest copied to the program
#                      after the patch
#   warm, new patch    the tree's facts in the cache (a lint ran before), not
#                      the patched file's: it alone is parsed
#   warm, same patch   the patched file's facts cached too (b4 shazam, then
#                      check-patch again): nothing is parsed
#   lint, warm         `lint` over the same scope, for scale
# Each figure is the median of RUNS runs (default 5): wall seconds and CPU
# seconds (user + system).  Usage: bench/check-patch.sh [KERNEL_TREE]
set -eu
cd "$(dirname "$0")/.."

K=${1:-$(tools/kernel-tree.sh)}
RUNS=${RUNS:-5}
BM=./barriermap
[ -x $BM ] || make -s barriermap
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
export BARRIERMAP_CACHE="$TMP/cache"

tests/check-patch/kpatch.py "$K" "$TMP/w" drop arch/x86/kvm/x86.c vcpu_enter_guest \
	'smp_mb__after_srcu_read_unlock();' > "$TMP/p.patch"

# "wall cpu" medians of "$@" over RUNS runs; $PREP runs before each
measure() {
	for i in $(seq "$RUNS"); do
		[ -z "${PREP:-}" ] || $PREP
		/usr/bin/time -f '%e %U %S' -o "$TMP/t" "$@" >/dev/null 2>&1 || true
		tail -n 1 "$TMP/t" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
	done > "$TMP/runs"
	w=$(cut -d' ' -f1 "$TMP/runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	c=$(cut -d' ' -f2 "$TMP/runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	printf '%5.2f s wall  %5.2f s cpu' "$w" "$c"
}

# the cache as a lint of the tree left it, without the patched file's facts
tree_facts_only() {
	rm -rf "$BARRIERMAP_CACHE"
	cp -a "$TMP/tree-cache" "$BARRIERMAP_CACHE"
}

$BM lint --kernel "$K" >/dev/null 2>&1 || true
cp -a "$BARRIERMAP_CACHE" "$TMP/tree-cache"

echo "check-patch, one-file patch (arch/x86/kvm/x86.c), $K, median of $RUNS:"
printf '  %-18s %s\n' "cold, rescan all" \
	"$(measure $BM check-patch --no-cache --rescan-all --kernel "$K" "$TMP/p.patch")"
printf '  %-18s %s\n' "cold" "$(measure $BM check-patch --no-cache --kernel "$K" "$TMP/p.patch")"
printf '  %-18s %s\n' "warm, new patch" \
	"$(PREP=tree_facts_only measure $BM check-patch --kernel "$K" "$TMP/p.patch")"
printf '  %-18s %s\n' "warm, same patch" "$(measure $BM check-patch --kernel "$K" "$TMP/p.patch")"
printf '  %-18s %s\n' "lint, warm" "$(measure $BM lint --kernel "$K")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
