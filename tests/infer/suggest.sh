# SPDX-License-Identifier: GPL-2.0
#
# Partner inference on a fixture tree whose pairs are known by
# construction (tests/infer/tree/virt/kvm/demo.c says which).
#
# check-name: suggest pairs a write barrier with the read barrier that reads what it writes
# check-command: GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $dir/tree | sed -n '/^- /,/^---$/p;/^+/p'
# check-exit-value: 0
# check-output-start
# - smp_rmb() in demo_read_ready() pairs with smp_wmb() in demo_publish():
#   both order kvm->demo_payload and kvm->demo_ready.
# - smp_wmb() in demo_publish() pairs with smp_rmb() in demo_read_ready():
#   both order kvm->demo_payload and kvm->demo_ready.
# ---
# +++ b/include/linux/kvm_host.h
# +	/*
# +	 * Pairs with smp_wmb() in demo_publish(): orders kvm->demo_payload and
# +	 * kvm->demo_ready.
# +	 */
# +++ b/virt/kvm/demo.c
# +	/*
# +	 * Pairs with smp_rmb() in demo_read_ready(): orders kvm->demo_payload
# +	 * and kvm->demo_ready.
# +	 */
# check-output-end
#
# check-name: the suggestion patch applies to the fixture tree and only adds comments
# check-command: cp -r $dir/tree $TMP/t && GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $TMP/t -o $TMP/s > /dev/null && cd $TMP/t && git apply --check $TMP/s/*.patch && git apply --numstat $TMP/s/*.patch
# check-exit-value: 0
# check-output-start
# 4	0	include/linux/kvm_host.h
# 4	0	virt/kvm/demo.c
# check-output-end
#
# check-name: a high --min-confidence proposes nothing
# check-command: $BM suggest -q --kernel $dir/tree --min-confidence 0.99
# check-exit-value: 0
# check-output-start
# check-output-end
#
# check-name: suggest -o refuses a file where its folder should be
# check-command: echo precious > $TMP/notes && GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $dir/tree -o $TMP/notes; s=$?; cat $TMP/notes; exit $s
# check-exit-value: 2
# check-output-start
# precious
# check-output-end
# check-error-contains: cannot write patches into
#
# check-name: --min-confidence outside 0..1 is a usage error
# check-command: $BM suggest -q --kernel $dir/tree --min-confidence 2
# check-exit-value: 2
# check-error-contains: --min-confidence takes a number from 0 to 1
#
# check-name: --redundant lists only barriers that share no object, hedged
# check-command: $BM suggest --redundant -q --kernel $dir/tree
# check-exit-value: 0
# check-output-contains: Possibly redundant barriers: 2.
# check-output-contains: Hedged:
# check-output-contains: virt/kvm/demo.c:22:1-8: smp_wmb() in demo_stats(): pairs with nothing found; orders no object another barrier touches
# check-output-contains: virt/kvm/demo.c:30:1-7: smp_mb() in demo_flush(): pairs with nothing found; orders no memory access seen
# check-output-excludes: demo_publish
# check-output-excludes: demo_read_ready
#
# check-name: recall on the fixture's documented release/acquire pair is 100%
# check-command: $BM suggest --recall -q --kernel $dir/tree
# check-exit-value: 0
# check-output-start
# documented pairs: 2
# recall@1: 100.0%
# recall@3: 100.0%
# check-output-end
#
# check-name: the suggestion patches for the real tree apply with git apply --check
# check-command: GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $KERNEL -o $TMP/s > /dev/null && mkdir $TMP/t && (cd $KERNEL && grep -h '^+++ b/' $TMP/s/*.patch | sed 's|^+++ b/||' | xargs cp --parents -t $TMP/t) && cd $TMP/t && git apply --check $TMP/s/*.patch && git apply --numstat $TMP/s/*.patch | awk '$2 != 0 { bad = 1 } END { print (NR ? "ok" : "empty"), (bad ? "removes lines" : "adds only") }'
# check-exit-value: 0
# check-output-start
# ok adds only
# check-output-end
#
# check-name: recall@3 on the documented pairs of the real tree is at least 80%
# check-command: $BM suggest --recall -q --kernel $KERNEL | awk '/^recall@3:/ { sub("%", "", $2); print ($2 >= 80 ? "recall@3 >= 80%" : "recall@3 below 80%: " $2) }'
# check-exit-value: 0
# check-output-start
# recall@3 >= 80%
# check-output-end
