# SPDX-License-Identifier: GPL-2.0
# make install into a temporary prefix gives a barriermap that works from
# inside a kernel tree, with its helper script, the semantic patches, the
# manual page and the bash completion; and the SARIF a CI uploads passes
# Microsoft's SARIF validator (from the npm registry).
#
# check-name: make install PREFIX= installs the binary, kernel-tree.sh, cocci/, the man page and the completion
# check-group: slow
# check-command: mkdir -p build; flock build/.make.lock make -s install PREFIX=$TMP/usr >/dev/null && cd $TMP/usr && find . -type f | sort
# check-exit-value: 0
# check-output-start
# ./bin/barriermap
# ./share/barriermap/cocci/barrier_misspelled.cocci
# ./share/barriermap/cocci/barrier_partner_no_barrier.cocci
# ./share/barriermap/cocci/barrier_template.py
# ./share/barriermap/cocci/barrier_undocumented.cocci
# ./share/barriermap/cocci/coccicheck.sh
# ./share/barriermap/kernel-tree.sh
# ./share/bash-completion/completions/barriermap
# ./share/man/man1/barriermap.1
# check-output-end
#
# check-name: the installed barriermap, run from inside the kernel tree, finds the tree and reports paths from its root
# check-group: slow
# check-command: mkdir -p build; flock build/.make.lock make -s install PREFIX=$TMP/usr >/dev/null && cd $KERNEL/virt/kvm && $TMP/usr/bin/barriermap lint -q --status=dangling,stale-claim --fail-on=errors . | sed -E 's/^([^:]*):[0-9]+:[0-9]+-[0-9]+: ([A-Z]+): ([a-z-]+): ([^:]*):.*/\1: \2: \3: \4/'; echo "exit ${PIPESTATUS[0]}"
# check-exit-value: 0
# check-output-start
# virt/kvm/kvm_main.c: ERROR: stale-claim: kvm_make_all_cpus_request() in kvm_flush_remote_tlbs()
# virt/kvm/pfncache.c: ERROR: dangling: smp_rmb() in mmu_notifier_retry_cache()
# exit 1
# check-output-end
#
# check-name: the installed manual page renders, and man finds it under the prefix
# check-group: slow
# check-command: mkdir -p build; flock build/.make.lock make -s install PREFIX=$TMP/usr >/dev/null && MANPATH=$TMP/usr/share/man MANWIDTH=80 man barriermap 2>/dev/null | grep -cE '^ +barriermap (lint|map|show|check-patch|suggest|grammar|litmus)$'
# check-exit-value: 0
# check-output-start
# 7
# check-output-end
#
# check-name: the installed binary runs the installed kernel-tree.sh, not the checkout's
# check-group: slow
# check-command: mkdir -p build; flock build/.make.lock make -s install PREFIX=$TMP/usr >/dev/null; strings $TMP/usr/bin/barriermap | grep -c "^$TMP/usr/share/barriermap/kernel-tree.sh$"; strings $TMP/usr/bin/barriermap | grep -c "^$ROOT/tools/kernel-tree.sh$"; cd $TMP && BARRIERMAP_CACHE=$(dirname $KERNEL) $TMP/usr/bin/barriermap show kvm_get_vcpu | head -1 | sed -E 's/:[0-9]+:/:LINE:/'
# check-exit-value: 0
# check-output-start
# 0
# 0
# include/linux/kvm_host.h:LINE:1-8: smp_rmb() in kvm_get_vcpu()
# check-output-end
#
# check-name: lint's SARIF of the real tree passes the SARIF validator with no error
# check-group: slow
# check-command: $BM lint --format=sarif > $TMP/kvm.sarif; tools/sarif-validate.sh $TMP/kvm.sarif | sed "s|$TMP/||"
# check-exit-value: 0
# check-output-start
# kvm.sarif: warning: SARIF2005: runs[0].tool.driver barriermap
# check-output-end
