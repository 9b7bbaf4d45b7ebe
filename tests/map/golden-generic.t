# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: generic.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map page of virt/kvm and headers: entries, labels, cross-references, comments
# check-command: PATH=$dir/fakebin:$PATH $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/generic.rst
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
# :Graphs: one per file, and all of them in :doc:`graph`
#
# Every barrier of these files, by file and function: its kind, the comment that says what it pairs with, the code around it and around its partners, and the partners barriermap found, each linked to its own entry.  Each file starts with the graph of its pairs.
#
# .. contents::
#    :local:
#    :depth: 2
#
# 1. include/linux/kvm_host.h
# ---------------------------
#
# How the barriers of this file pair; each box links to its entry, and the colours are explained in the :ref:`legend <kvm-barrier-graph-legend>`.
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``include/linux/kvm_host.h``, lines 20–25
#    :lineno-start: 20
#    :emphasize-lines: 4
#    :force:
#
#            if (i >= num_vcpus)
#                    return NULL;
#            /* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
#            smp_rmb();
#            return kvm->vcpus[i];
#    }
#
# .. code-block:: c
#    :caption: partner smp_wmb() in kvm_vm_ioctl_create_vcpu(), ``virt/kvm/kvm_main.c``, lines 6–12
#    :lineno-start: 6
#    :emphasize-lines: 4
#    :force:
#
#    {
#            kvm->vcpus[kvm->online_vcpus] = vcpu;
#            /* Pairs with smp_rmb() in kvm_get_vcpu(). */
#            smp_wmb();
#            kvm->online_vcpus++;
#            return 0;
#    }
#
# 2. virt/kvm/kvm_main.c
# ----------------------
#
# How the barriers of this file pair; each box links to its entry, and the colours are explained in the :ref:`legend <kvm-barrier-graph-legend>`.
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``virt/kvm/kvm_main.c``, lines 6–12
#    :lineno-start: 6
#    :emphasize-lines: 4
#    :force:
#
#    {
#            kvm->vcpus[kvm->online_vcpus] = vcpu;
#            /* Pairs with smp_rmb() in kvm_get_vcpu(). */
#            smp_wmb();
#            kvm->online_vcpus++;
#            return 0;
#    }
#
# .. code-block:: c
#    :caption: partner smp_rmb() in kvm_get_vcpu(), ``include/linux/kvm_host.h``, lines 20–25
#    :lineno-start: 20
#    :emphasize-lines: 4
#    :force:
#
#            if (i >= num_vcpus)
#                    return NULL;
#            /* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
#            smp_rmb();
#            return kvm->vcpus[i];
#    }
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``virt/kvm/kvm_main.c``, lines 15–21
#    :lineno-start: 15
#    :emphasize-lines: 4
#    :force:
#
#    {
#            vcpu->requests = 1;
#            /* Pairs with the smp_mb() in vcpu_enter_guest(). */
#            smp_mb();
#            if (READ_ONCE(vcpu->mode))
#                    vcpu->requests = 2;
#    }
#
# .. code-block:: c
#    :caption: partner smp_mb() in vcpu_enter_guest(), ``arch/x86/kvm/x86.c``, lines 6–14
#    :lineno-start: 6
#    :emphasize-lines: 7
#    :force:
#
#    {
#            WRITE_ONCE(vcpu->mode, 1);
#            /*
#             * Pairs with smp_mb() in kvm_vcpu_kick(): set ->mode before
#             * checking ->requests.
#             */
#            smp_mb();
#            if (READ_ONCE(vcpu->requests))
#                    return 1;
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
# .. code-block:: c
#    :caption: the barrier, ``virt/kvm/kvm_main.c``, lines 23–27
#    :lineno-start: 23
#    :emphasize-lines: 4
#    :force:
#
#    void kvm_stat_reset(struct kvm *kvm)
#    {
#            kvm->online_vcpus = 0;
#            smp_wmb();
#    }
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
# .. code-block:: c
#    :caption: the barrier, ``virt/kvm/kvm_main.c``, lines 29–32
#    :lineno-start: 29
#    :emphasize-lines: 3
#    :force:
#
#    void kvm_compiler_only(struct kvm *kvm)
#    {
#            barrier();
#    }
#
# check-output-end
