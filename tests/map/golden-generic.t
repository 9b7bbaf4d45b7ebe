# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: generic.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map page of virt/kvm and headers: entries, labels, cross-references, comments
# check-command: $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/generic.rst
# check-exit-value: 0
# check-output-start
# .. SPDX-License-Identifier: GPL-2.0
# .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
#
# ====================
# Generic KVM barriers
# ====================
#
# :Scope: ``include/linux``, ``virt/kvm``
# :Barriers: 5: 1 undocumented, 3 paired, 1 not-required
# :Graph: :ref:`pairing graph <kvm-barrier-graph-generic>`
#
# Every barrier of these files, by file and function: its kind, the comment that says what it pairs with (quoted as written), and the partners barriermap found, each linked to its own entry.
#
# .. contents::
#    :local:
#    :depth: 2
#
# 1. include/linux/kvm_host.h
# ---------------------------
#
# kvm_get_vcpu()
# ~~~~~~~~~~~~~~
#
# .. _kvm-barrier-include-linux-kvm-host-h-kvm-get-vcpu-smp-rmb:
#
# .. rubric:: smp_rmb()
#
# :Kind: read
# :Function: :c:func:`kvm_get_vcpu`
# :Location: ``include/linux/kvm_host.h:23``
# :Status: **paired**
# :Pairs with:
#    - :ref:`smp_wmb() in kvm_vm_ioctl_create_vcpu() <kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb>` at ``virt/kvm/kvm_main.c:9``
# :Ordering: **sufficient**: message passing (MP) with smp_wmb() in kvm_vm_ioctl_create_vcpu() on kvm->online_vcpus and kvm->vcpus\[\] needs load->load here (reads kvm->online_vcpus at line 18, then reads kvm->vcpus\[\] at line 24), which smp_rmb() gives; LKMM forbids the outcome (MP+fencewmbonceonce+fencermbonceonce.litmus); certainty high: a documented pair, the accesses nearest the barriers; objects are read from tokens
# :Finding: pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:9)
#
# Comment, above the barrier::
#
#     /* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
#
# 2. virt/kvm/kvm_main.c
# ----------------------
#
# kvm_vm_ioctl_create_vcpu()
# ~~~~~~~~~~~~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-virt-kvm-kvm-main-c-kvm-vm-ioctl-create-vcpu-smp-wmb:
#
# .. rubric:: smp_wmb()
#
# :Kind: write
# :Function: :c:func:`kvm_vm_ioctl_create_vcpu`
# :Location: ``virt/kvm/kvm_main.c:9``
# :Status: **paired**
# :Pairs with:
#    - :ref:`smp_rmb() in kvm_get_vcpu() <kvm-barrier-include-linux-kvm-host-h-kvm-get-vcpu-smp-rmb>` at ``include/linux/kvm_host.h:23``
# :Named by:
#    - :ref:`smp_rmb() in kvm_arch_last_vcpu() <kvm-barrier-arch-x86-kvm-x86-c-kvm-arch-last-vcpu-smp-rmb>` at ``arch/x86/kvm/x86.c:31``
# :Ordering: **sufficient**: message passing (MP) with smp_rmb() in kvm_arch_last_vcpu() on kvm->vcpus\[\] and kvm->online_vcpus needs store->store here (writes kvm->vcpus\[\] at line 7, then writes kvm->online_vcpus at line 10), which smp_wmb() gives; LKMM forbids the outcome (MP+fencewmbonceonce+fencermbonceonce.litmus); certainty high: a documented pair, the accesses nearest the barriers; objects are read from tokens
# :Finding: pairs with smp_rmb() in kvm_get_vcpu() (include/linux/kvm_host.h:23)
#
# Comment, above the barrier::
#
#     /* Pairs with smp_rmb() in kvm_get_vcpu(). */
#
# kvm_vcpu_kick()
# ~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-virt-kvm-kvm-main-c-kvm-vcpu-kick-smp-mb:
#
# .. rubric:: smp_mb()
#
# :Kind: full
# :Function: :c:func:`kvm_vcpu_kick`
# :Location: ``virt/kvm/kvm_main.c:18``
# :Status: **paired**
# :Pairs with:
#    - :ref:`smp_mb() in vcpu_enter_guest() <kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb>` at ``arch/x86/kvm/x86.c:12``
# :Ordering: **sufficient**: store buffering (SB) with smp_mb() in vcpu_enter_guest() on kvm_vcpu->requests and kvm_vcpu->mode needs store->load from a full barrier here (writes kvm_vcpu->requests at line 16, then reads kvm_vcpu->mode at line 19), which smp_mb() gives; LKMM forbids the outcome (SB+fencembonceonces.litmus); certainty high: a documented pair, the accesses nearest the barriers; objects are read from tokens
# :Finding: pairs with smp_mb() in vcpu_enter_guest() (arch/x86/kvm/x86.c:12)
#
# Comment, above the barrier::
#
#     /* Pairs with the smp_mb() in vcpu_enter_guest(). */
#
# kvm_stat_reset()
# ~~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-virt-kvm-kvm-main-c-kvm-stat-reset-smp-wmb:
#
# .. rubric:: smp_wmb()
#
# :Kind: write
# :Function: :c:func:`kvm_stat_reset`
# :Location: ``virt/kvm/kvm_main.c:26``
# :Status: **undocumented**
# :Finding: no comment names its pairing partner
#
# No comment.
#
# kvm_compiler_only()
# ~~~~~~~~~~~~~~~~~~~
#
# .. _kvm-barrier-virt-kvm-kvm-main-c-kvm-compiler-only-barrier:
#
# .. rubric:: barrier()
#
# :Kind: compiler
# :Function: :c:func:`kvm_compiler_only`
# :Location: ``virt/kvm/kvm_main.c:31``
# :Status: **not-required**
# :Finding: a compiler barrier; it does not pair
#
# No comment.
#
# .. _kvm-barrier-graph-generic:
#
# 3. Pairing graph
# ----------------
#
# .. graphviz::
#    :alt: Barrier pairs of Generic KVM barriers
#    :caption: Barrier pairs of Generic KVM barriers
#
#    digraph "generic" {
#      graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.15, ranksep=0.6];
#      node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.08,0.03"];
#      edge [arrowsize=0.6];
#      subgraph cluster_0 {
#        label="arch/x86/kvm/x86.c"; style="rounded"; color="#999999";
#        n0 [label="vcpu_enter_guest\nsmp_mb", fillcolor="#bfe6b8", tooltip="paired: arch/x86/kvm/x86.c:12"];
#        n1 [label="kvm_arch_last_vcpu\nsmp_rmb", fillcolor="#fff1a8", tooltip="one-way: arch/x86/kvm/x86.c:31"];
#      }
#      subgraph cluster_1 {
#        label="include/linux/kvm_host.h"; style="rounded"; color="#999999";
#        n2 [label="kvm_get_vcpu\nsmp_rmb", fillcolor="#bfe6b8", tooltip="paired: include/linux/kvm_host.h:23"];
#      }
#      subgraph cluster_2 {
#        label="virt/kvm/kvm_main.c"; style="rounded"; color="#999999";
#        n3 [label="kvm_vm_ioctl_create_vcpu\nsmp_wmb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:9"];
#        n4 [label="kvm_vcpu_kick\nsmp_mb", fillcolor="#bfe6b8", tooltip="paired: virt/kvm/kvm_main.c:18"];
#      }
#      n0 -> n4 [color="#2e7d32", dir=both];
#      n1 -> n3 [color="#e69500"];
#      n2 -> n3 [color="#2e7d32", dir=both];
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
