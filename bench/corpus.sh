#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Score barriermap against the labelled corpus (tests/corpus/labels.tsv):
# precision and recall per status, partner agreement, and every
# disagreement, on the real kernel tree.  The labels were judged by reading
# the kernel code, never from the tool's output; see tests/corpus/README.
#
# usage: bench/corpus.sh [KERNEL_DIR]     (default: tools/kernel-tree.sh)
#        BM=path/to/barriermap bench/corpus.sh
set -eu
cd "$(dirname "$0")/.."
BM=${BM:-./barriermap}
KERNEL=${1:-$(tools/kernel-tree.sh)}
[ -x "$BM" ] || make -s barriermap
JSON=$(mktemp)
trap 'rm -f "$JSON"' EXIT INT TERM
rc=0
"$BM" lint -q --kernel "$KERNEL" --status=all --format=json >"$JSON" || rc=$?
# lint exits 1 when it reports findings; anything else is an error
[ "$rc" -le 1 ] || { echo "corpus: barriermap lint failed ($rc)" >&2; exit 2; }
echo "tree: $KERNEL"
python3 bench/corpus.py "$KERNEL" "$JSON"
