# SPDX-License-Identifier: GPL-2.0
# Delete barriers of the real tree's scope, one patch per barrier
# (sweep.py): no crash, exit 1, the barrier reported removed at its own
# line, and every comment whose barrier found it as a partner listed.  A
# sample here (every 20th barrier, in file order); bench/check-patch-sweep.sh
# runs every barrier of the scope.
#
# check-name: a sample of the real-tree sweep: each deleted barrier and the comments that named it are reported
# check-command: tests/check-patch/sweep.py --every 20 --sites $REAL_JSON $BM $KERNEL | tail -n 1
# check-exit-value: 0
# check-output-start
# 10 barriers: 10 ok, 0 failed
# check-output-end
