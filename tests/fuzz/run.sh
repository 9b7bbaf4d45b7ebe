#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the libFuzzer harnesses built by `make fuzz-build`.
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]          (make fuzz)
#   tests/fuzz/run.sh --smoke SECONDS OUTDIR        (make check)
#
# Each harness runs SECONDS on one core, starting from seeds that
# seeds.py draws from the kernel tree (tools/kernel-tree.sh) into
# build/fuzz/seeds/; what it learns stays in build/fuzz/corpus/HARNESS/.
# At the end, a table: harness, CPU seconds, executions, crashes.  Exit 1
# if any harness crashed (its input is in build/fuzz/artifacts/).
# --smoke keeps everything in OUTDIR and prints one stable line per
# harness ("grammar: no crash"), for the test suite.
set -u
cd "$(dirname "$0")/../.."
out=build/fuzz
smoke=
if [ "${1:-}" = --smoke ]; then
	smoke=1
	seconds=$2
	work=$3
	shift 3
else
	seconds=${1:-60}
	shift
	work=$out
fi
harnesses=${*:-grammar patch escape tree maintainers}
kernel=$(tools/kernel-tree.sh) || exit 2
seeds=$work/seeds
[ -d "$seeds/maintainers" ] || tests/fuzz/seeds.py "$kernel" "$seeds" || exit 2
mkdir -p "$work/artifacts"

status=0
summary=
for h in $harnesses; do
	bin=$out/fuzz_$h
	[ -x "$bin" ] || { echo "run.sh: $bin is missing: make fuzz-build" >&2; exit 2; }
	corpus=$work/corpus/$h
	mkdir -p "$corpus"
	log=$work/$h.log
	: >"$log"
	start=$(awk '{print $16 + $17}' /proc/$$/stat)
	# slices of at most a minute, each starting from the corpus the last
	# one grew, so that no process lives long enough to run out of memory
	runs=0
	left=$seconds
	rc=0
	while [ "$left" -gt 0 ] && [ $rc = 0 ]; do
		slice=$((left < 60 ? left : 60))
		left=$((left - slice))
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
			"$bin" -max_total_time="$slice" -timeout=25 -rss_limit_mb=4096 \
			-max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/$h-" \
			"$corpus" "$seeds/$h" >"$log.slice" 2>&1
		rc=$?
		n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log.slice")
		runs=$((runs + ${n:-0}))
		cat "$log.slice" >>"$log"
		rm -f "$log.slice"
	done
	cpu=$(awk '{print $16 + $17}' /proc/$$/stat)
	crashes=0
	if [ $rc != 0 ]; then
		crashes=1
		status=1
		echo "run.sh: $h crashed (exit $rc); see $log and $work/artifacts/" >&2
		grep -m5 -e 'ERROR:' -e 'runtime error' -e 'BUG at' "$log" >&2
	fi
	if [ -n "$smoke" ]; then
		[ $rc = 0 ] && echo "$h: no crash" || echo "$h: CRASH"
		echo "$h: ${runs:-0} executions" >&2
	fi
	secs=$(awk -v a="$start" -v b="$cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }')
	summary+=$(printf '%-8s %8s %10s %7d' "$h" "$secs" "${runs:-0}" "$crashes")$'\n'
done
if [ -z "$smoke" ]; then
	printf '%-8s %8s %10s %7s\n' harness cpu-s executions crashes
	printf '%s' "$summary"
fi
exit $status
