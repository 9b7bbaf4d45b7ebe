#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# barriermap at scale, side by side in one run (issue 13):
#   KVM scope   lint with an empty fact cache (cold), with the cache warm
#               and nothing changed, and warm after one file changed
#               (arch/x86/kvm/x86.c, a line added each run)
#   whole tree  lint --scope=all, cold and warm
#   floor       bench/floor.c: libclang's parse and tokenize of the same
#               files, with as many threads, and nothing else
#   spatch      bench/spatch-barriers.cocci, a minimal barrier finder, on
#               the KVM scope and on a sample of the whole tree (every
#               SAMPLE-th file: the whole tree takes it hours), the sample
#               scaled up to the tree as an estimate, said as such
# Each row: wall seconds, CPU seconds (user + system) and peak memory
# (maximum resident set size, /usr/bin/time), the median of RUNS runs for
# the KVM rows (default 3), one run for the whole tree.  The fact cache is
# a temp folder of its own; the kernel tree is a hard-linked copy, so that
# the changed file is the copy's alone.
#
#   bench/scale.sh [KERNEL_TREE]          (make bench-scale)
set -eu
cd "$(dirname "$0")/.."

K0=${1:-$(tools/kernel-tree.sh)}
RUNS=${RUNS:-3}
SAMPLE=${SAMPLE:-20}
JOBS=$(nproc)
BM=$PWD/barriermap
FLOOR=$PWD/build/release/floor
[ -x "$BM" ] && [ -x "$FLOOR" ] || make -s barriermap build/release/floor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
K=$TMP/linux
cp -al "$K0" "$K"
export BARRIERMAP_CACHE="$TMP/cache"

# KVM's files as the scope takes them (src/driver/pipeline.c), and the tree's
kvm_files() {
	(cd "$K" && { find virt/kvm arch/*/kvm include/kvm -type f -name '*.[ch]' 2>/dev/null
		      find include/linux arch/*/include/asm -maxdepth 1 -type f -name 'kvm*.h'
		      find include/asm-generic -maxdepth 1 -type f -name 'barrier*.h'; } | sort)
}
tree_files() {
	(cd "$K" && find . -type f -name '*.[ch]' | sed 's|^\./||' | sort)
}

# "wall cpu peak-MB" of one run of "$@"
one() {
	/usr/bin/time -f '%e %U %S %M' -o "$TMP/t" "$@" >/dev/null 2>&1 || true
	tail -n 1 "$TMP/t" | awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024 }'
}

# the row of "$@": medians of wall and CPU over RUNS runs, the largest peak;
# $PREP runs before each
row() {
	label=$1
	shift
	for i in $(seq "$RUNS"); do
		[ -z "${PREP:-}" ] || $PREP
		one "$@"
	done > "$TMP/runs"
	med() { cut -d' ' -f"$1" "$TMP/runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
	printf '%-34s %8.2f %8.2f %8d\n' "$label" "$(med 1)" "$(med 2)" \
		"$(cut -d' ' -f3 "$TMP/runs" | sort -n | tail -n 1)"
}

empty_cache() { rm -rf "$BARRIERMAP_CACHE"; }
touch_one() {
	n=$((${n:-0} + 1))
	f=arch/x86/kvm/x86.c
	# a new file in the copy: the original, hard-linked, is never written
	{ cat "$K0/$f"; echo "/* changed for the bench, $n */"; } > "$TMP/changed"
	mv "$TMP/changed" "$K/$f"
}

kvm_files | sed "s|^|$K/|" > "$TMP/kvm"
tree_files | sed "s|^|$K/|" > "$TMP/tree"
awk -v s="$SAMPLE" 'NR % s == 1' "$TMP/tree" > "$TMP/sample"
# spatch --file-groups: one group per file, groups separated by blank lines
groups() { awk '{ print; print "" }' "$1" > "$1.groups"; }
groups "$TMP/kvm"
groups "$TMP/sample"
# a command, not a function: /usr/bin/time runs it
# (its -j keeps per-process output under --tmp-dir, by default in the current folder)
SPATCH="spatch --very-quiet --no-includes --include-headers -j $JOBS --tmp-dir $TMP/spatch --sp-file bench/spatch-barriers.cocci --file-groups"

sites() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sites"]))'; }
SITES_KVM=$($BM lint --no-cache --kernel "$K" --status=all --format=json 2>/dev/null | sites)

echo "tree: $K0 ($(wc -l < "$TMP/tree") .c/.h files; KVM scope $(wc -l < "$TMP/kvm"), $SITES_KVM barrier sites)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $JOBS CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), barriermap $(git describe --always --dirty 2>/dev/null || echo '?')"
echo "KVM rows: median of $RUNS runs; whole-tree rows: one run"
echo
printf '%-34s %8s %8s %8s\n' "" "wall s" "CPU s" "peak MB"
PREP=empty_cache row "KVM lint, cold (no fact cache)" $BM lint --kernel "$K"
row "KVM lint, warm (no change)" $BM lint --kernel "$K"
PREP=touch_one row "KVM lint, warm, one file changed" $BM lint --kernel "$K"
row "KVM libclang floor (-j $JOBS)" sh -c "$FLOOR -j $JOBS < '$TMP/kvm'"
row "KVM spatch (barriers only)" $SPATCH "$TMP/kvm.groups"
RUNS=1
PREP=empty_cache row "whole tree lint, cold" $BM lint --scope=all --kernel "$K"
row "whole tree lint, warm" $BM lint --scope=all --kernel "$K"
row "whole tree libclang floor (-j $JOBS)" sh -c "$FLOOR -j $JOBS < '$TMP/tree'"
row "spatch, 1 file in $SAMPLE ($(wc -l < "$TMP/sample") files)" $SPATCH "$TMP/sample.groups"
SITES_ALL=$($BM lint --scope=all --kernel "$K" --status=all --format=json 2>/dev/null | sites)
echo
echo "whole tree: $SITES_ALL barrier sites; spatch's sample times $SAMPLE estimates spatch on the"
echo "whole tree (an estimate, not a run)"
