# SPDX-License-Identifier: GPL-2.0
# map --kernel-docs writes Documentation/virt/kvm/barriers/ and adds one
# toctree entry to Documentation/virt/kvm/index.rst, once.
#
# check-name: --kernel-docs adds barriers/index to the toctree once, and says so
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && cp $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && $BM map --kernel $dir/tree --kernel-docs=$TMP/k && $BM map --kernel $dir/tree --kernel-docs=$TMP/k 2>&1 && diff $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst; ls $TMP/k/Documentation/virt/kvm/barriers
# check-exit-value: 0
# check-output-start
# 13a14
# >    barriers/index
# generic.rst
# graph.rst
# index.rst
# worklist.rst
# x86.rst
# check-output-end
# check-error-contains: barriermap: added 'barriers/index' to the toctree in
#
# check-name: --kernel-docs draws the graphs with the kernel's kernel-render, without links
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && cp $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && $BM map --kernel $dir/tree --kernel-docs=$TMP/k --svg-links ../ -q && cat $TMP/k/Documentation/virt/kvm/barriers/x86.rst
# check-exit-value: 0
# check-output-contains: .. kernel-render:: DOT
# check-output-excludes: .. graphviz::
# check-output-excludes: URL=
#
# check-name: --kernel-docs needs Documentation/virt/kvm/index.rst in the target tree
# check-command: $BM map --kernel $dir/tree --kernel-docs=$TMP
# check-exit-value: 2
# check-error-contains: no Documentation/virt/kvm/index.rst; is it a kernel tree?
