#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Which way of reading pairing comments reads the real tree better?  Runs
# bench/corpus.sh once per grammar design (src/model/grammar.h):
#   phrases     a pairing phrase ("pairs with", "matches", "see the comment
#               in", "the other side is", ...) is followed by its object,
#               the references right after it (the default)
#   candidates  every function and barrier a sentence mentions after a
#               pairing phrase is a reference, unless the words just before
#               it put it on this side ("the subsequent read ... inside F()")
# and prints, per status, precision and recall against the labelled corpus
# (tests/corpus/labels.tsv) side by side, then the disagreements of each.
#
# usage: bench/grammar-designs.sh [KERNEL_DIR]   (default: tools/kernel-tree.sh)
#        BM=path/to/barriermap bench/grammar-designs.sh
set -eu
cd "$(dirname "$0")/.."
BM=${BM:-./barriermap}
KERNEL=${1:-$(tools/kernel-tree.sh)}
[ -x "$BM" ] || make -s barriermap
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT INT TERM
for design in phrases candidates; do
	BARRIERMAP_GRAMMAR=$design BM=$BM bench/corpus.sh "$KERNEL" >"$OUT/$design"
done
python3 - "$OUT/phrases" "$OUT/candidates" <<'EOF'
import re
import sys

def table(path):
    rows, dis = {}, []
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for m in re.finditer(r'^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)$', text, re.M):
        rows[m.group(1)] = (m.group(5), m.group(6))
    part = text.split('status disagreements (label <- tool):')
    if len(part) > 1:
        dis = re.findall(r'^  (\S+): (\S+ <- \S+)$', part[1].split('\n\n')[0], re.M)
    return rows, dis

a, da = table(sys.argv[1])
b, db = table(sys.argv[2])
print('%-13s %21s %21s' % ('', 'phrases', 'candidates'))
print('%-13s %10s %10s %10s %10s' % ('status', 'precision', 'recall', 'precision', 'recall'))
for st in a:
    pa, ra = a[st]
    pb, rb = b.get(st, ('-', '-'))
    print('%-13s %10s %10s %10s %10s' % (st, pa, ra, pb, rb))
for name, dis in (('phrases', da), ('candidates', db)):
    print('\n%s: %d status disagreements with the labels' % (name, len(dis)))
    for site, what in dis:
        print('  %s: %s' % (site, what))
EOF
