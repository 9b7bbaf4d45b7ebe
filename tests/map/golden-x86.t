# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: x86.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map page of x86: paired, dangling and one-way entries and the pairing graph
# check-command: $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/x86.rst
# check-exit-value: 0
# check-output-start
# .. SPDX-License-Identifier: GPL-2.0
# .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
#
# ================
# x86 KVM barriers
# ================
#
# :Scope: ``arch/x86/kvm``
# :Barriers: 3: 1 dangling, 1 one-way, 1 paired
# :Graph: :ref:`pairing graph <kvm-barrier-graph-x86>`
#
# Every barrier of these files, by file and function: its kind, the comment that says what it pairs with (quoted as written), and the partners barriermap found, each linked to its own entry.
#
# .. contents::
#    :local:
#    :depth: 2
#
# 1. arch/x86/kvm/x86.c
# ---------------------
#
# vcpu_enter_guest()
# ~~~~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb:
#
# .. rubric:: smp_mb()
#
# :Kind: full
# :Function: :c:func:`vcpu_enter_guest`
# :Location: ``arch/x86/kvm/x86.c:12``
# :Status: **paired**
# :Pairs with:
#    - :ref:`smp_mb() in kvm_vcpu_kick() <kvm-barrier-virt-kvm-kvm-main-c-kvm-vcpu-kick-smp-mb>` at ``virt/kvm/kvm_main.c:18``
# :Ordering: **sufficient**: store buffering (SB) with smp_mb() in kvm_vcpu_kick() on kvm_vcpu->mode and kvm_vcpu->requests needs store->load from a full barrier here (writes kvm_vcpu->mode at line 7, then reads kvm_vcpu->requests at line 13), which smp_mb() gives; LKMM forbids the outcome (SB+fencembonceonces.litmus); certainty high: a documented pair, the accesses nearest the barriers; objects are read from tokens
# :Finding: pairs with smp_mb() in kvm_vcpu_kick() (virt/kvm/kvm_main.c:18)
#
# Comment, above the barrier::
#
#     /*
#      * Pairs with smp_mb() in kvm_vcpu_kick(): set ->mode before
#      * checking ->requests.
#      */
#
# .. _kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb:
#
# .. rubric:: smp_wmb()
#
# :Kind: write
# :Function: :c:func:`vcpu_enter_guest`
# :Location: ``arch/x86/kvm/x86.c:17``
# :Status: **dangling**
# :Claims:
#    - smp_rmb() in kvm_arch_no_such_reader(): no such function
# :Finding: partner smp_rmb() in kvm_arch_no_such_reader() not found: no function kvm_arch_no_such_reader() in the scanned tree
#
# Comment, above the barrier::
#
#     /* Pairs with smp_rmb() in kvm_arch_no_such_reader(). */
#
# kvm_arch_last_vcpu()
# ~~~~~~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-arch-x86-kvm-x86-c-kvm-arch-last-vcpu-smp-rmb:
#
# .. rubric:: smp_rmb()
#
# :Kind: read
# :Function: :c:func:`kvm_arch_last_vcpu`
# :Location: ``arch/x86/kvm/x86.c:31``
# :Status: **one-way**
# :Pairs with:
#    - :ref:`smp_wmb() in kvm_vm_ioctl_create_vcpu() <kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb>` at ``virt/kvm/kvm_main.c:9``
# :Claims:
#    - smp_wmb() in kvm_vm_ioctl_create_vcpu(): found
# :Ordering: **sufficient**: message passing (MP) with smp_wmb() in kvm_vm_ioctl_create_vcpu() on kvm->online_vcpus and kvm->vcpus\[\] needs load->load here (reads kvm->online_vcpus at line 28, then reads kvm->vcpus\[\] at line 32), which smp_rmb() gives; LKMM forbids the outcome (MP+fencewmbonceonce+fencermbonceonce.litmus); certainty high: a documented pair, the accesses nearest the barriers; objects are read from tokens
# :Finding: pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9), which does not name this barrier back
#
# Comment, above the barrier::
#
#     /* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
#
# .. _kvm-barrier-graph-x86:
#
# 2. Pairing graph
# ----------------
#
# .. graphviz::
#    :alt: Barrier pairs of x86 KVM barriers
#    :caption: Barrier pairs of x86 KVM barriers
#
#    digraph "x86" {
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
#        label="virt/kvm/kvm_main.c"; style="rounded"; color="#999999";
#        n3 [label="kvm_vm_ioctl_create_vcpu\nsmp_wmb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9"];
#        n4 [label="kvm_vcpu_kick\nsmp_mb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:18"];
#      }
#      n0 -> n4 [color="#2e7d32", dir=both];
#      n2 -> n3 [color="#e69500"];
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
