#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Time barriermap and its peers on the same tree, side by side:
#   barriermap cold   page cache dropped first (when we may), default -j
#   barriermap -j1    one thread
#   barriermap warm   default -j, files cached
#   spatch            bench/spatch-barriers.cocci, a minimal barrier finder
#   checkpatch        only with --checkpatch (about 150 s): scripts/checkpatch.pl -f
# Each figure is the median of RUNS runs (default 3).  Usage:
#   bench/bench.sh [--checkpatch] [KERNEL_TREE]
set -eu
cd "$(dirname "$0")/.."

CHECKPATCH=
[ "${1:-}" = --checkpatch ] && { CHECKPATCH=1; shift; }
K=${1:-$(tools/kernel-tree.sh)}
RUNS=${RUNS:-3}
BM=./barriermap
[ -x $BM ] || make -s barriermap

scope() {
	(cd "$K" && find virt/kvm arch/*/kvm include/kvm -name '*.[ch]' 2>/dev/null
	 ls include/linux/kvm*.h arch/*/include/asm/kvm*.h) | sort
}

drop_caches() {
	sync
	echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || COLD="(warm: cannot drop caches)"
}

# median wall time in seconds of "$@", over RUNS runs; $PREP runs before each
median() {
	for i in $(seq "$RUNS"); do
		[ -z "${PREP:-}" ] || $PREP
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}

FILES=$(scope | wc -l)
COLD=
SITES=$($BM lint --kernel "$K" --status=all --format=json | grep -c '"status"')
T_COLD=$(PREP=drop_caches median $BM lint --kernel "$K")
T_J1=$(median $BM lint -j1 --kernel "$K")
T_WARM=$(median $BM lint --kernel "$K")
LIST=$(mktemp)
trap 'rm -f "$LIST"' EXIT
# spatch --file-groups: one group per file, groups separated by blank lines
scope | sed "s|^|$K/|" | awk '{ print; print "" }' > "$LIST"
# --tmp-dir: -j's per-process output, by default in the current folder
T_SPATCH=$(median spatch --very-quiet --no-includes --include-headers -j "$(nproc)" \
	--tmp-dir "$LIST.spatch" --sp-file bench/spatch-barriers.cocci --file-groups "$LIST")
T_CHECKPATCH=skipped
if [ -n "$CHECKPATCH" ]; then
	T_CHECKPATCH=$(RUNS=1 median sh -c "cd '$K' && scope_files=\$(grep . '$LIST'); perl scripts/checkpatch.pl --no-tree -q -f \$scope_files")
fi

printf 'tree: %s\nscope: %s files, %s barrier sites, %s cores\n\n' "$K" "$FILES" "$SITES" "$(nproc)"
printf '%-28s %10s\n' tool "seconds"
printf '%-28s %10s %s\n' "barriermap lint (cold)" "$T_COLD" "$COLD"
printf '%-28s %10s\n' "barriermap lint -j1" "$T_J1"
printf '%-28s %10s\n' "barriermap lint (warm)" "$T_WARM"
printf '%-28s %10s\n' "spatch (barriers only)" "$T_SPATCH"
printf '%-28s %10s\n' "checkpatch.pl -f" "$T_CHECKPATCH"
