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
# check-name: --kernel-docs draws each file's graph as inline SVG (kfigure's kernel-render would make a dead <img>), its boxes linked to the entries
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && cp $dir/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && $BM map --kernel $dir/tree --kernel-docs=$TMP/k -q && cat $TMP/k/Documentation/virt/kvm/barriers/x86.rst
# check-exit-value: 0
# check-output-contains: .. raw:: html
# check-output-contains: <svg style="max-width:100%;height:auto" width="
# check-output-contains: <a style="text-decoration:none" xlink:href="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb" xlink:title="paired: arch/x86/kvm/x86.c:12" target="_top">
# check-output-contains: <a style="text-decoration:none" xlink:href="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vcpu-kick-smp-mb"
# check-output-excludes: kernel-render
# check-output-excludes: .. graphviz::
# check-output-excludes: <?xml
# check-output-excludes: <!--
#
# check-name: --kernel-docs needs Documentation/virt/kvm/index.rst in the target tree
# check-command: $BM map --kernel $dir/tree --kernel-docs=$TMP
# check-exit-value: 2
# check-error-contains: no Documentation/virt/kvm/index.rst; is it a kernel tree?
