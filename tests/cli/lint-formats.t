# SPDX-License-Identifier: GPL-2.0
# lint for CI and editors: severities (what makes a comment false is an
# error, what is missing a warning), make coccicheck's columns (0-based,
# the end exclusive: "x86.c:17:1-8" for smp_wmb() in columns 2 to 8),
# gcc's for quickfix lists, a summary unless -q, --fail-on, a baseline
# matched by rule, file, function, barrier and ordinal (never by line),
# SARIF, and the tree's .barriermap.conf.
#
# check-name: text: coccicheck's columns, a severity per rule, then the summary
# check-command: $BM lint --kernel tests/map/tree
# check-exit-value: 1
# check-output-start
# arch/x86/kvm/x86.c:17:1-8: ERROR: dangling: smp_wmb() in vcpu_enter_guest(): partner smp_rmb() in kvm_arch_no_such_reader() not found: no function kvm_arch_no_such_reader() in the scanned tree
# arch/x86/kvm/x86.c:31:1-8: WARNING: one-way: smp_rmb() in kvm_arch_last_vcpu(): pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9), which does not name this barrier back
# virt/kvm/kvm_main.c:26:1-8: WARNING: undocumented: smp_wmb() in kvm_stat_reset(): no comment names its pairing partner; likely partner: smp_rmb() in kvm_get_vcpu() (shared: kvm->online_vcpus; confidence 0.27)
# total: 1 error, 2 warnings (1 dangling, 1 undocumented, 1 one-way)
# check-output-end
#
# check-name: the columns are the ones the kernel's make coccicheck prints for the same barrier
# check-command: awk 'NR==17' tests/map/tree/arch/x86/kvm/x86.c | cut -c2-8; $BM lint --kernel tests/map/tree -q | head -1 | cut -d: -f3
# check-exit-value: 0
# check-output-start
# smp_wmb
# 1-8
# check-output-end
#
# check-name: gcc: 1-based columns and the rule at the end, as vim's :cfile and Emacs read them
# check-command: $BM lint --kernel tests/map/tree --format=gcc -q
# check-exit-value: 1
# check-output-start
# arch/x86/kvm/x86.c:17:2: error: smp_wmb() in vcpu_enter_guest(): partner smp_rmb() in kvm_arch_no_such_reader() not found: no function kvm_arch_no_such_reader() in the scanned tree [dangling]
# arch/x86/kvm/x86.c:31:2: warning: smp_rmb() in kvm_arch_last_vcpu(): pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9), which does not name this barrier back [one-way]
# virt/kvm/kvm_main.c:26:2: warning: smp_wmb() in kvm_stat_reset(): no comment names its pairing partner; likely partner: smp_rmb() in kvm_get_vcpu() (shared: kvm->online_vcpus; confidence 0.27) [undocumented]
# check-output-end
#
# check-name: vim's default errorformat reads file, line and column of the gcc lines
# check-command: command -v vim.tiny >/dev/null || { echo "x86.c 17 2"; exit 0; }; $BM lint --kernel tests/map/tree --format=gcc -q > $TMP/qf; vim.tiny -u NONE -es -c "cfile $TMP/qf" -c 'let e = getqflist()[0]' -c 'call writefile([fnamemodify(bufname(e.bufnr), ":t") . " " . e.lnum . " " . e.col], "/dev/stdout")' -c 'qa!'
# check-exit-value: 0
# check-output-start
# x86.c 17 2
# check-output-end
#
# check-name: --fail-on chooses what makes the exit status 1: one warning is not an error
# check-command: $BM lint --kernel tests/map/tree -q --fail-on=errors arch/x86/kvm/x86.c >/dev/null; echo "errors: $?"; $BM lint --kernel tests/map/tree -q --fail-on=errors virt/kvm >/dev/null; echo "errors, only an undocumented barrier: $?"; $BM lint --kernel tests/map/tree -q --fail-on=undocumented virt/kvm >/dev/null; echo "undocumented: $?"
# check-exit-value: 0
# check-output-start
# errors: 1
# errors, only an undocumented barrier: 0
# undocumented: 1
# check-output-end
#
# check-name: --status=all shows the fine ones as INFO, which do not fail the run by default
# check-command: $BM lint --kernel tests/map/tree --status=paired,not-required
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/x86.c:12:1-7: INFO: paired: smp_mb() in vcpu_enter_guest(): pairs with smp_mb() in kvm_vcpu_kick() (virt/kvm/kvm_main.c:18)
# include/linux/kvm_host.h:23:1-8: INFO: paired: smp_rmb() in kvm_get_vcpu(): pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9)
# virt/kvm/kvm_main.c:9:1-8: INFO: paired: smp_wmb() in kvm_vm_ioctl_create_vcpu(): pairs with smp_rmb() in kvm_get_vcpu() (include/linux/kvm_host.h:23)
# virt/kvm/kvm_main.c:18:1-7: INFO: paired: smp_mb() in kvm_vcpu_kick(): pairs with smp_mb() in vcpu_enter_guest() (arch/x86/kvm/x86.c:12)
# virt/kvm/kvm_main.c:31:1-8: INFO: not-required: barrier() in kvm_compiler_only(): a compiler barrier; it does not pair
# total: 0 errors, 0 warnings, 5 info (4 paired, 1 not-required)
# check-output-end
#
# check-name: --status and --fail-on refuse an unknown or empty rule
# check-command: for a in --status=dangle --fail-on= --fail-on=errors,; do $BM lint --kernel tests/map/tree $a 2>&1 | sed -n 1p | cut -c1-60; done
# check-exit-value: 0
# check-output-start
# barriermap: --status: unknown rule 'dangle' (rules: dangling
# barriermap: lint: --fail-on needs a value, not an empty one
# barriermap: --fail-on: an empty rule in 'errors,'
# check-output-end
#
# check-name: a baseline of today's findings leaves nothing new, even after the lines move
# check-command: cp -r tests/map/tree $TMP/t; $BM lint --kernel $TMP/t --format=json > $TMP/base.json; sed -i '1i /* three */\n/* new */\n/* lines */' $TMP/t/arch/x86/kvm/x86.c $TMP/t/virt/kvm/kvm_main.c; $BM lint --kernel $TMP/t --baseline=$TMP/base.json; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 0
# check-output-end
#
# check-name: with a baseline, only a new finding is reported: a second smp_wmb() in the same function is ordinal 2
# check-command: cp -r tests/map/tree $TMP/t; $BM lint --kernel $TMP/t --format=json > $TMP/base.json; sed -i '26s/^\(\tsmp_wmb();\)$/\1\n\tsmp_wmb();/' $TMP/t/virt/kvm/kvm_main.c; $BM lint --kernel $TMP/t --baseline=$TMP/base.json --format=json | python3 -c 'import json,sys; [print(f["rule"], f["file"], f["function"], f["subject"], f["ordinal"]) for f in json.load(sys.stdin)["findings"]]'
# check-exit-value: 0
# check-output-start
# undocumented virt/kvm/kvm_main.c kvm_stat_reset smp_wmb 2
# check-output-end
#
# check-name: a baseline that is not lint's JSON is an error, not an empty baseline
# check-command: echo '{}' > $TMP/b.json; $BM lint --kernel tests/map/tree --baseline=$TMP/b.json; $BM lint --kernel tests/map/tree --baseline=$TMP/none.json
# check-exit-value: 2
# check-error-contains: --baseline
#
# check-name: the JSON's findings carry 1-based columns with an inclusive end, and the identity a baseline matches
# check-command: $BM lint --kernel tests/map/tree --format=json | python3 -c 'import json,sys; f=json.load(sys.stdin)["findings"][0]; print(sorted(f)); print(f["line"], f["col"], f["end_col"], f["severity"])'
# check-exit-value: 0
# check-output-start
# ['col', 'end_col', 'file', 'function', 'line', 'message', 'ordinal', 'related', 'rule', 'severity', 'subject']
# 17 2 8 error
# check-output-end
#
# check-name: SARIF: one run, a rule per kind of finding, the partner as a related location
# check-command: $BM lint --kernel tests/map/tree --format=sarif | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["runs"][0]; print(d["version"], len(r["tool"]["driver"]["rules"])); [print(x["ruleId"], x["level"], x["locations"][0]["physicalLocation"]["region"], [l["physicalLocation"]["artifactLocation"]["uri"] for l in x.get("relatedLocations", [])]) for x in r["results"]]'
# check-exit-value: 0
# check-output-start
# 2.1.0 14
# dangling error {'startLine': 17, 'startColumn': 2, 'endColumn': 9} []
# one-way warning {'startLine': 31, 'startColumn': 2, 'endColumn': 9} ['virt/kvm/kvm_main.c']
# undocumented warning {'startLine': 26, 'startColumn': 2, 'endColumn': 9} []
# check-output-end
#
# check-name: .barriermap.conf at the tree's root gives defaults; the command line wins
# check-command: cp -r tests/map/tree $TMP/t; printf '# the tree'"'"'s defaults\n--depth=2\nlint: --status=dangling  # only what is false\nshow: --format=json\n' > $TMP/t/.barriermap.conf; $BM lint --kernel $TMP/t; $BM lint --kernel $TMP/t -q --status=one-way
# check-exit-value: 1
# check-output-start
# arch/x86/kvm/x86.c:17:1-8: ERROR: dangling: smp_wmb() in vcpu_enter_guest(): partner smp_rmb() in kvm_arch_no_such_reader() not found: no function kvm_arch_no_such_reader() in the scanned tree
# total: 1 error, 0 warnings (1 dangling)
# arch/x86/kvm/x86.c:31:1-8: WARNING: one-way: smp_rmb() in kvm_arch_last_vcpu(): pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9), which does not name this barrier back
# check-output-end
#
# check-name: .barriermap.conf is found from a folder inside the tree, as the tree is
# check-command: cp -r tests/map/tree $TMP/t; echo 'lint: --status=one-way -q' > $TMP/t/.barriermap.conf; cd $TMP/t/virt/kvm && $BM lint
# check-exit-value: 1
# check-output-start
# arch/x86/kvm/x86.c:31:1-8: WARNING: one-way: smp_rmb() in kvm_arch_last_vcpu(): pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9), which does not name this barrier back
# check-output-end
#
# check-name: a bad .barriermap.conf is an error naming the file, never ignored
# check-command: cp -r tests/map/tree $TMP/t; for c in 'frob' 'show: --frob' '--status=all' '--kernel=/' ; do printf '%s\n' "$c" > $TMP/t/.barriermap.conf; $BM show --kernel $TMP/t x 2>&1 | head -1 | sed "s|$TMP|TMP|"; done; ln -sf /etc/passwd $TMP/t/.barriermap.conf; $BM lint --kernel $TMP/t 2>&1 | sed "s|$TMP|TMP|"
# check-exit-value: 0
# check-output-start
# barriermap: TMP/t/.barriermap.conf:1: 'frob' is neither an option nor COMMAND:
# barriermap: show: TMP/t/.barriermap.conf: unknown option '--frob'
# barriermap: show: TMP/t/.barriermap.conf: unknown option '--status'
# barriermap: TMP/t/.barriermap.conf:1: --kernel has no meaning in the tree's own configuration
# barriermap: TMP/t/.barriermap.conf: a symbolic link, not followed
# check-output-end
#
# check-name: a PATH with no file of the scope under it is an error, not a clean report
# check-command: mkdir -p $TMP/t && cp -r tests/map/tree/. $TMP/t && mkdir -p $TMP/t/fs && printf 'void f(void)\n{\n\tsmp_mb();\n}\n' > $TMP/t/fs/inode.c && $BM lint --kernel $TMP/t fs/
# check-exit-value: 2
# check-error-contains: barriermap: fs: no file of the scope is under it (the scope is KVM's: virt/kvm, arch/*/kvm and the KVM headers; --scope=DIR scans another folder)
#
# check-name: ... while a source file outside the scope named by itself is scanned, and --scope takes its folder
# check-command: mkdir -p $TMP/t && cp -r tests/map/tree/. $TMP/t && mkdir -p $TMP/t/fs && printf 'void f(void)\n{\n\tsmp_mb();\n}\n' > $TMP/t/fs/inode.c && $BM lint -q --kernel $TMP/t fs/inode.c; $BM lint -q --kernel $TMP/t --scope=fs fs/
# check-exit-value: 1
# check-output-start
# fs/inode.c:3:1-7: WARNING: undocumented: smp_mb() in f(): no comment names its pairing partner
# fs/inode.c:3:1-7: WARNING: undocumented: smp_mb() in f(): no comment names its pairing partner
# check-output-end
