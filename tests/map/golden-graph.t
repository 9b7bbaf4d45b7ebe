# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: graph.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map graph page: the whole view, clustered by file, with ghosts for missing partners
# check-command: $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/graph.rst
# check-exit-value: 0
# check-output-start
# .. SPDX-License-Identifier: GPL-2.0
# .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
#
# =========================
# KVM barrier pairing graph
# =========================
#
# Every barrier that names a partner or is named by one, grouped by file.  Barriers that pair with nothing are left out; they are in the :doc:`worklist`.  Each architecture's page draws its own part: :ref:`generic <kvm-barrier-graph-generic>`, :ref:`x86 <kvm-barrier-graph-x86>`.
#
# .. graphviz::
#    :alt: Barrier pairs in KVM
#    :caption: Barrier pairs in KVM
#
#    digraph "kvm" {
#      graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.15, ranksep=0.6];
#      node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.08,0.03"];
#      edge [arrowsize=0.6];
#      subgraph cluster_0 {
#        label="arch/x86/kvm/x86.c"; style="rounded"; color="#999999";
#        n0 [label="vcpu_enter_guest\nsmp_mb", fillcolor="#bfe6b8", tooltip="paired: arch/x86/kvm/x86.c:12"];
#        n1 [label="vcpu_enter_guest\nsmp_wmb", fillcolor="#f4a6a6", tooltip="dangling: arch/x86/kvm/x86.c:17"];
#        n2 [label="kvm_arch_last_vcpu\nsmp_rmb", fillcolor="#fff1a8", tooltip="one-way: arch/x86/kvm/x86.c:31"];
#      }
#      subgraph cluster_1 {
#        label="include/linux/kvm_host.h"; style="rounded"; color="#999999";
#        n3 [label="kvm_get_vcpu\nsmp_rmb", fillcolor="#bfe6b8", tooltip="paired: include/linux/kvm_host.h:23"];
#      }
#      subgraph cluster_2 {
#        label="virt/kvm/kvm_main.c"; style="rounded"; color="#999999";
#        n4 [label="kvm_vm_ioctl_create_vcpu\nsmp_wmb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9"];
#        n5 [label="kvm_vcpu_kick\nsmp_mb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:18"];
#      }
#      n0 -> n5 [color="#2e7d32", dir=both];
#      n2 -> n4 [color="#e69500"];
#      n3 -> n4 [color="#2e7d32", dir=both];
#      g0 [label="kvm_arch_no_such_reader()\nnot found", style="rounded,dashed", color="#c0392b"];
#      n1 -> g0 [color="#c0392b", style=dashed];
#    }
#
# Boxes are barriers, grouped by file and filled by status. A green double arrow joins two barriers whose comments name each other; an orange arrow is a claim the partner does not return; a red arrow joins barriers of kinds that cannot pair; a dashed box is a named partner that does not exist; a dotted box is the full barrier implied by an atomic read-modify-write.
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
# check-output-end
