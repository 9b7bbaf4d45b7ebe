# SPDX-License-Identifier: GPL-2.0
# tools/kernel-tree.sh extracts Debian's linux-source-6.12 once per version,
# and is safe when two runs start at once or an earlier run left a broken
# tree: a lock, a check under the lock, an atomic rename, a validity check.
# These extract the real tarball (about 10 s each); they use their own
# BARRIERMAP_CACHE so the shared tree is never touched.
#
# check-name: kernel-tree.sh: two extractions at once leave one good tree
# check-group: slow
# check-command: export BARRIERMAP_CACHE=$TMP/c; (tools/kernel-tree.sh >$TMP/a 2>/dev/null & tools/kernel-tree.sh >$TMP/b 2>/dev/null; wait); cmp $TMP/a $TMP/b && d=$(cat $TMP/a) && test -d $d/virt/kvm && test -f $d/include/linux/kvm_host.h && test ! -e $d/linux-source-6.12 && ls -A $TMP/c | grep -vc '^\.lock'
# check-exit-value: 0
# check-output-start
# 1
# check-output-end
#
# check-name: kernel-tree.sh repairs a broken tree that carries the done-marker
# check-group: slow
# check-command: export BARRIERMAP_CACHE=$TMP/c; d=$(tools/kernel-tree.sh 2>/dev/null) && rm -rf $d/virt && mkdir -p $d/linux-source-6.12 && tools/kernel-tree.sh 2>&1 >/dev/null | sed "s|$d|TREE|; s| into .*||"; test -d $d/virt/kvm && test ! -e $d/linux-source-6.12 && echo repaired
# check-exit-value: 0
# check-output-start
# kernel-tree: TREE is incomplete (no virt/kvm); extracting it again
# kernel-tree: extracting /usr/src/linux-source-6.12.tar.xz
# repaired
# check-output-end
#
# check-name: kernel-tree.sh prints the tree without extracting when it is whole
# check-group: slow
# check-command: export BARRIERMAP_CACHE=$TMP/c; tools/kernel-tree.sh >/dev/null 2>&1 && tools/kernel-tree.sh 2>&1 >/dev/null | wc -l
# check-exit-value: 0
# check-output-start
# 0
# check-output-end
