# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: graph.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map graph page: the legend, then each file's graph by page, clustered by file, with ghosts for missing partners
# check-command: PATH=$dir/fakebin:$PATH $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/graph.rst
# check-exit-value: 0
# check-output-start
# .. SPDX-License-Identifier: GPL-2.0
# .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
#
# ==========================
# KVM barrier pairing graphs
# ==========================
#
# The pairing graph of each file whose barriers name a partner or are named by one: the file's barriers and their partners elsewhere.  Barriers that pair with nothing are left out; they are in the :doc:`worklist`.  Each architecture's page shows the same graphs at the top of each file.
#
# .. _kvm-barrier-graph-legend:
#
# Boxes are barriers, grouped by file and filled by status; the file's own barriers are in the box with the darker border, their partners elsewhere.  A green double arrow joins two barriers whose comments name each other; an orange arrow is a claim the partner does not return; a red arrow joins barriers of kinds that cannot pair; a dashed box is a named partner that does not exist; a dotted box is the full barrier implied by an atomic read-modify-write.  Each box links to its barrier's entry.
#
# ====== ============ ==========================================================
# Colour Status       Meaning
# ====== ============ ==========================================================
# red    dangling     the named partner does not exist, or holds no such barrier
# orange mismatch     the partner exists but cannot pair with this barrier
# violet vague        the comment speaks of pairing but names no function
# grey   undocumented no comment says what the barrier pairs with
# yellow one-way      the partner exists but its comment does not point back
# blue   no-partner   the comment says there is no partner
# green  paired       the partner exists and points back
# white  not-required a compiler barrier, never paired
# ====== ============ ==========================================================
#
# 1. generic
# ----------
#
# The graphs of :doc:`generic`.
#
# include/linux/kvm_host.h
# ~~~~~~~~~~~~~~~~~~~~~~~~
#
# .. raw:: html
#
#    <div class="barriermap-graph" style="margin: 0.5em 0 1.5em 0">
#    <svg style="max-width:100%;height:auto" width="100pt" height="50pt"
#     viewBox="0.00 0.00 100.00 50.00">
#    <desc>digraph "Barrier pairs of include/linux/kvm_host.h" {</desc>
#    <desc>  graph [id="kvm-barrier-graph-3", rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.12, ranksep=0.35];</desc>
#    <desc>  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.08,0.03"];</desc>
#    <desc>  edge [arrowsize=0.6];</desc>
#    <desc>  subgraph cluster_0 {</desc>
#    <desc>    id="kvm-barrier-graph-3-file0"; label="include/linux/kvm_host.h"; style="rounded"; color="#555555";</desc>
#    <desc>    n0 [label="kvm_get_vcpu()\nsmp_rmb()", fillcolor="#bfe6b8", tooltip="paired: include/linux/kvm_host.h:23", URL="generic.html#kvm-barrier-include-linux-kvm-host-h-kvm-get-vcpu-smp-rmb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  subgraph cluster_1 {</desc>
#    <desc>    id="kvm-barrier-graph-3-file1"; label="virt/kvm/kvm_main.c"; style="rounded"; color="#bbbbbb";</desc>
#    <desc>    n1 [label="kvm_vm_ioctl_create_vcpu()\nsmp_wmb()", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9", URL="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  n0 -&gt; n1 [color="#2e7d32", dir=both];</desc>
#    <desc>}</desc>
#    </svg>
#    </div>
#
# virt/kvm/kvm_main.c
# ~~~~~~~~~~~~~~~~~~~
#
# .. raw:: html
#
#    <div class="barriermap-graph" style="margin: 0.5em 0 1.5em 0">
#    <svg style="max-width:100%;height:auto" width="100pt" height="50pt"
#     viewBox="0.00 0.00 100.00 50.00">
#    <desc>digraph "Barrier pairs of virt/kvm/kvm_main.c" {</desc>
#    <desc>  graph [id="kvm-barrier-graph-4", rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.12, ranksep=0.35];</desc>
#    <desc>  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.08,0.03"];</desc>
#    <desc>  edge [arrowsize=0.6];</desc>
#    <desc>  subgraph cluster_0 {</desc>
#    <desc>    id="kvm-barrier-graph-4-file0"; label="virt/kvm/kvm_main.c"; style="rounded"; color="#555555";</desc>
#    <desc>    n0 [label="kvm_vm_ioctl_create_vcpu()\nsmp_wmb()", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9", URL="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb", target="_top"];</desc>
#    <desc>    n1 [label="kvm_vcpu_kick()\nsmp_mb()", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:18", URL="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vcpu-kick-smp-mb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  subgraph cluster_1 {</desc>
#    <desc>    id="kvm-barrier-graph-4-file1"; label="arch/x86/kvm/x86.c"; style="rounded"; color="#bbbbbb";</desc>
#    <desc>    n2 [label="vcpu_enter_guest()\nsmp_mb()", fillcolor="#bfe6b8", tooltip="paired: arch/x86/kvm/x86.c:12", URL="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb", target="_top"];</desc>
#    <desc>    n3 [label="kvm_arch_last_vcpu()\nsmp_rmb()", fillcolor="#fff1a8", tooltip="one-way: arch/x86/kvm/x86.c:31", URL="x86.html#kvm-barrier-arch-x86-kvm-x86-c-kvm-arch-last-vcpu-smp-rmb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  subgraph cluster_2 {</desc>
#    <desc>    id="kvm-barrier-graph-4-file2"; label="include/linux/kvm_host.h"; style="rounded"; color="#bbbbbb";</desc>
#    <desc>    n4 [label="kvm_get_vcpu()\nsmp_rmb()", fillcolor="#bfe6b8", tooltip="paired: include/linux/kvm_host.h:23", URL="generic.html#kvm-barrier-include-linux-kvm-host-h-kvm-get-vcpu-smp-rmb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  n0 -&gt; n4 [color="#2e7d32", dir=both];</desc>
#    <desc>  n1 -&gt; n2 [color="#2e7d32", dir=both];</desc>
#    <desc>  n0 -&gt; n3 [color="#e69500", dir=back];</desc>
#    <desc>}</desc>
#    </svg>
#    </div>
#
# 2. x86
# ------
#
# The graphs of :doc:`x86`.
#
# arch/x86/kvm/x86.c
# ~~~~~~~~~~~~~~~~~~
#
# .. raw:: html
#
#    <div class="barriermap-graph" style="margin: 0.5em 0 1.5em 0">
#    <svg style="max-width:100%;height:auto" width="100pt" height="50pt"
#     viewBox="0.00 0.00 100.00 50.00">
#    <desc>digraph "Barrier pairs of arch/x86/kvm/x86.c" {</desc>
#    <desc>  graph [id="kvm-barrier-graph-0", rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.12, ranksep=0.35];</desc>
#    <desc>  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.08,0.03"];</desc>
#    <desc>  edge [arrowsize=0.6];</desc>
#    <desc>  subgraph cluster_0 {</desc>
#    <desc>    id="kvm-barrier-graph-0-file0"; label="arch/x86/kvm/x86.c"; style="rounded"; color="#555555";</desc>
#    <desc>    n0 [label="vcpu_enter_guest()\nsmp_mb()", fillcolor="#bfe6b8", tooltip="paired: arch/x86/kvm/x86.c:12", URL="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb", target="_top"];</desc>
#    <desc>    n1 [label="vcpu_enter_guest()\nsmp_wmb()", fillcolor="#f4a6a6", tooltip="dangling: arch/x86/kvm/x86.c:17", URL="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb", target="_top"];</desc>
#    <desc>    n2 [label="kvm_arch_last_vcpu()\nsmp_rmb()", fillcolor="#fff1a8", tooltip="one-way: arch/x86/kvm/x86.c:31", URL="x86.html#kvm-barrier-arch-x86-kvm-x86-c-kvm-arch-last-vcpu-smp-rmb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  subgraph cluster_1 {</desc>
#    <desc>    id="kvm-barrier-graph-0-file1"; label="virt/kvm/kvm_main.c"; style="rounded"; color="#bbbbbb";</desc>
#    <desc>    n3 [label="kvm_vm_ioctl_create_vcpu()\nsmp_wmb()", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9", URL="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb", target="_top"];</desc>
#    <desc>    n4 [label="kvm_vcpu_kick()\nsmp_mb()", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:18", URL="generic.html#kvm-barrier-virt-kvm-kvm-main-c-kvm-vcpu-kick-smp-mb", target="_top"];</desc>
#    <desc>  }</desc>
#    <desc>  n0 -&gt; n4 [color="#2e7d32", dir=both];</desc>
#    <desc>  n2 -&gt; n3 [color="#e69500"];</desc>
#    <desc>  g0 [label="kvm_arch_no_such_reader()\nnot found", style="rounded,dashed", color="#c0392b"];</desc>
#    <desc>  n1 -&gt; g0 [color="#c0392b", style=dashed];</desc>
#    <desc>}</desc>
#    </svg>
#    </div>
#
# check-output-end
