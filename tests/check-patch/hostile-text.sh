# SPDX-License-Identifier: GPL-2.0
# Text from a stranger's patch in check-patch's output: a subject or a file
# name whose bytes are not UTF-8, or that holds terminal control
# sequences, gives valid UTF-8 in every format (RST that docutils reads,
# JSON) and no escape sequence on a terminal; a subject git format-patch
# encoded (RFC 2047, as it does for any non-ASCII subject) is shown
# decoded, as git am and b4 show it.  $dir/utf8.py checks its input.
#
# check-name: a file name the patch C-quotes as non-UTF-8 gives valid RST, with U+FFFD for the bad byte
# check-command: printf 'diff --git "a/virt/kvm/\\377x.c" "b/virt/kvm/\\377x.c"\nnew file mode 100644\n--- /dev/null\n+++ "b/virt/kvm/\\377x.c"\n@@ -0,0 +1,4 @@\n+void f(int *a)\n+{\n+\tsmp_mb();\n+}\n' > $TMP/n.patch && $BM check-patch --kernel $dir/tree --format=rst $TMP/n.patch > $TMP/c.rst; echo "exit $?"; python3 -c 'import docutils.core, sys; d = docutils.core.publish_doctree(open(sys.argv[1], encoding="utf-8").read(), settings_overrides={"report_level": 2, "halt_level": 2}); print(ascii([t.astext() for t in d.traverse() if t.tagname == "literal"]))' $TMP/c.rst
# check-exit-value: 0
# check-output-start
# exit 1
# ['virt/kvm/\ufffdx.c:3']
# check-output-end
#
# check-name: subjects that are not UTF-8 or hold control characters give valid RST and no escape sequence in any format
# check-command: for s in $'KVM: \xff\xfe bad \xc3( bytes' $'KVM: \x1b]52;c;cHduZWQ=\x07 \x1b[2J red'; do rm -rf $TMP/w; tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: placeholder' drop virt/kvm/kvm_main.c publish_vcpus 'smp_wmb();' commit 'KVM: two' | LC_ALL=C sed "/^Subject: /s/KVM: placeholder/$s/" > $TMP/s.mbox; LC_ALL=C grep -c $'^Subject: .*[\x1b\xff]' $TMP/s.mbox; for f in text rst json; do $BM check-patch --kernel $dir/tree --format=$f $TMP/s.mbox > $TMP/out.$f; echo "$f: exit $?"; python3 $dir/utf8.py < $TMP/out.$f; done; $BM check-patch --kernel $dir/tree --terse $TMP/s.mbox | python3 $dir/utf8.py; python3 -c 'import docutils.core, sys; docutils.core.publish_doctree(open(sys.argv[1], encoding="utf-8").read(), settings_overrides={"report_level": 2, "halt_level": 2}); print("rst: valid")' $TMP/out.rst; done
# check-exit-value: 0
# check-output-start
# 1
# text: exit 1
# UTF-8, no control characters
# rst: exit 1
# UTF-8, no control characters
# json: exit 1
# UTF-8, no control characters
# UTF-8, no control characters
# rst: valid
# 1
# text: exit 1
# UTF-8, no control characters
# rst: exit 1
# UTF-8, no control characters
# json: exit 1
# UTF-8, no control characters
# UTF-8, no control characters
# rst: valid
# check-output-end
#
# check-name: a subject git format-patch encoded (RFC 2047) is shown decoded in every format
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop it <b>&"é, Müller'"'"'s' drop virt/kvm/kvm_main.c publish_vcpus 'smp_wmb();' commit 'KVM: ceci n’est pas une barrière, a subject long enough that git folds its header over more than one line' > $TMP/s.mbox; grep -c '^Subject: \[PATCH [12]/2\] =?UTF-8?q?' $TMP/s.mbox; $BM check-patch --kernel $dir/tree $TMP/s.mbox | grep -A2 '^Memory' | sed "s|$TMP/||"; $BM check-patch --kernel $dir/tree --format=json $TMP/s.mbox | python3 -c 'import json, sys; print(json.load(sys.stdin)["patches"])'; $BM check-patch --kernel $dir/tree --format=rst $TMP/s.mbox | grep '^Patch 1/2'
# check-exit-value: 0
# check-output-start
# 2
# Memory barrier checklist for s.mbox
#   [PATCH 1/2] KVM: drop it <b>&"é, Müller's
#   [PATCH 2/2] KVM: ceci n’est pas une barrière, a subject long enough that git folds its header over more than one line
# ['[PATCH 1/2] KVM: drop it <b>&"é, Müller\'s', '[PATCH 2/2] KVM: ceci n’est pas une barrière, a subject long enough that git folds its header over more than one line']
# Patch 1/2: KVM: drop it �b��"é, Müller's
# check-output-end
