#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The whole real-tree sweep of check-patch (issue 11): every explicit
# barrier of the KVM scope deleted, one patch per barrier, each checked by
# tests/check-patch/sweep.py (no crash, exit 1, the barrier reported at its
# own line, every comment that named it listed), in parallel on every CPU.
# `make check` runs every 20th (tests/check-patch/sweep.sh).  Prints the
# failures, the summary line and the time.  Usage:
#   bench/check-patch-sweep.sh [KERNEL_TREE]
set -eu
cd "$(dirname "$0")/.."

K=${1:-$(tools/kernel-tree.sh)}
BM=./barriermap
[ -x $BM ] || make -s barriermap
start=$(date +%s)
status=0
tests/check-patch/sweep.py -j "$(nproc)" $BM "$K" || status=$?
echo "$(($(date +%s) - start)) s on $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
