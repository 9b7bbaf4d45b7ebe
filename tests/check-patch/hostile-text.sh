# SPDX-License-Identifier: GPL-2.0
# Text from a stranger's patch in check-patch's output: a file name whose
# bytes are not UTF-8 gives valid RST, which docutils reads.
#
# check-name: a file name the patch C-quotes as non-UTF-8 gives valid RST, with U+FFFD for the bad byte
# check-command: printf 'diff --git "a/virt/kvm/\\377x.c" "b/virt/kvm/\\377x.c"\nnew file mode 100644\n--- /dev/null\n+++ "b/virt/kvm/\\377x.c"\n@@ -0,0 +1,4 @@\n+void f(int *a)\n+{\n+\tsmp_mb();\n+}\n' > $TMP/n.patch && $BM check-patch --kernel $dir/tree --format=rst $TMP/n.patch > $TMP/c.rst; echo "exit $?"; python3 -c 'import docutils.core, sys; d = docutils.core.publish_doctree(open(sys.argv[1], encoding="utf-8").read(), settings_overrides={"report_level": 2, "halt_level": 2}); print(ascii([t.astext() for t in d.traverse() if t.tagname == "literal"]))' $TMP/c.rst
# check-exit-value: 0
# check-output-start
# exit 1
# ['virt/kvm/\ufffdx.c:3']
# check-output-end
