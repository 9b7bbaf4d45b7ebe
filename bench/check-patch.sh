#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# How long check-patch takes on a one-file patch over the KVM scope (the
# removal of smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), made
# from the tree by tests/check-patch/kpatch.py):
#   cold           --rescan-all: every file scanned before and after the patch
#   facts reused   the default: every file scanned once, the touched file again,
#                  the facts of the rest copied to the program after the patch
#   one scan       `lint` over the same scope, for scale: what reuse cannot save
#                  in one process (an on-disk fact cache would)
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

tests/check-patch/kpatch.py "$K" "$TMP/w" drop arch/x86/kvm/x86.c vcpu_enter_guest \
	'smp_mb__after_srcu_read_unlock();' > "$TMP/p.patch"

# "wall cpu" medians of "$@" over RUNS runs
measure() {
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %U %S' -o "$TMP/t" "$@" >/dev/null 2>&1 || true
		tail -n 1 "$TMP/t" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
	done > "$TMP/runs"
	w=$(cut -d' ' -f1 "$TMP/runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	c=$(cut -d' ' -f2 "$TMP/runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	printf '%5.2f s wall  %5.2f s cpu' "$w" "$c"
}

echo "check-patch, one-file patch (arch/x86/kvm/x86.c), $K, median of $RUNS:"
printf '  %-14s %s\n' "cold" "$(measure $BM check-patch --rescan-all --kernel "$K" "$TMP/p.patch")"
printf '  %-14s %s\n' "facts reused" "$(measure $BM check-patch --kernel "$K" "$TMP/p.patch")"
printf '  %-14s %s\n' "one scan" "$(measure $BM lint --kernel "$K")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
