#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Partner inference recall on the documented pairs of a kernel tree: for
# every barrier whose pairing comment is proven (paired or one-way), is
# its partner ranked first (recall@1) or in the top three (recall@3) by
# the object-based inference, which never reads comments?
#
# usage: bench/recall.sh [KERNEL_DIR]     (default: tools/kernel-tree.sh)
set -e
cd "$(dirname "$0")/.."
BM=${BM:-./barriermap}
KERNEL=${1:-$(tools/kernel-tree.sh)}
[ -x "$BM" ] || make -s barriermap
echo "tree: $KERNEL"
exec "$BM" suggest --recall -q --kernel "$KERNEL"
