#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The nightly run (make check-tree-asan): the whole kernel tree, every
# .c and .h file, linted by the ASan and UBSan build with no fact cache
# (every file goes through the scanner), then the kernel-wide counts:
# barrier sites, each status, each claim verdict.  Too slow for the test
# suite (minutes of CPU); its last result is quoted in bench/RESULTS.
#
#   tests/scale/tree-asan.sh BM [KERNEL_TREE] [OUT]
#
# Writes OUT (default build/tree-asan.txt) and prints it.  Exits 0 when
# the run ended normally (findings or none) with no sanitizer report, 1
# otherwise.
set -u
cd "$(dirname "$0")/../.."
BM=$1
K=${2:-$(tools/kernel-tree.sh)}
OUT=${3:-build/tree-asan.txt}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# a sanitizer report must not pass for findings (lint's exit 1)
export ASAN_OPTIONS=exitcode=99:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:exitcode=98

start=$(date +%s)
/usr/bin/time -f '%e %U %S %M' -o "$TMP/time" \
	"$BM" lint --scope=all --no-cache --kernel "$K" --status=all --format=json \
	>"$TMP/out.json" 2>"$TMP/err"
rc=$?
end=$(date +%s)

reports=$(grep -c -E 'ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' \
	"$TMP/err")
{
	echo "whole-tree lint under ASan and UBSan, $(date -u -d "@$start" '+%Y-%m-%d %H:%M UTC')"
	echo "barriermap $(git describe --always --dirty 2>/dev/null || echo '?'), $BM"
	echo "tree: $K"
	tail -n 1 "$TMP/time" |	# after time's "Command exited with non-zero status"
		awk '{ printf "time: %s s wall, %.0f s CPU, peak %d MB\n", $1, $2 + $3, $4 / 1024 }'
	echo "exit status: $rc (0 nothing found, 1 findings, 2 an error or a skipped file)"
	echo "sanitizer reports: $reports"
	echo "warnings: $(grep -c '^barriermap: warning:' "$TMP/err")"
	python3 - "$TMP/out.json" <<'EOF'
import collections, json, sys
try:
    d = json.load(open(sys.argv[1]))
except ValueError as e:
    print("no JSON output: %s" % e)
    sys.exit(0)
sites = d["sites"]
print("files with barriers: %d" % len({s["file"] for s in sites}))
print("barrier sites: %d" % len(sites))
for k, n in sorted(collections.Counter(s["status"] for s in sites).items()):
    print("  %-14s %6d" % (k, n))
claims = d.get("claims", [])
print("claims: %d" % len(claims))
for k, n in sorted(collections.Counter(c["verdict"] for c in claims).items()):
    print("  %-14s %6d" % (k, n))
print("skipped files: %d" % len(d.get("skipped", [])))
EOF
	if [ "$reports" -gt 0 ]; then
		echo "first report:"
		grep -m1 -A30 -E 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$TMP/err"
	fi
} > "$TMP/result"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/result" "$OUT"
cat "$OUT"
[ "$reports" -eq 0 ] && [ "$rc" -le 2 ]
