# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: x86.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map page of x86: paired, dangling and one-way entries, their code, and the file's pairing graph
# check-command: PATH=$dir/fakebin:$PATH $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/x86.rst
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
# :Graphs: one per file, and all of them in :doc:`graph`
#
# Every barrier of these files, by file and function: its kind, the comment that says what it pairs with, the code around it and around its partners, and the partners barriermap found, each linked to its own entry.  Each file starts with the graph of its pairs.
#
# .. contents::
#    :local:
#    :depth: 2
#
# 1. arch/x86/kvm/x86.c
# ---------------------
#
# How the barriers of this file pair; each box links to its entry, and the colours are explained in the :ref:`legend <kvm-barrier-graph-legend>`.
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 6–14
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
# .. code-block:: c
#    :caption: partner smp_mb() in kvm_vcpu_kick(), ``virt/kvm/kvm_main.c``, lines 15–21
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 14–19
#    :lineno-start: 14
#    :emphasize-lines: 4
#    :force:
#
#                    return 1;
#
#            /* Pairs with smp_rmb() in kvm_arch_no_such_reader(). */
#            smp_wmb();
#            return 0;
#    }
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
# Comment, above the barrier, in the code:
#
# .. code-block:: c
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 28–33
#    :lineno-start: 28
#    :emphasize-lines: 4
#    :force:
#
#            int n = READ_ONCE(kvm->online_vcpus);
#
#            /* Pairs with smp_wmb() in kvm_vm_ioctl_create_vcpu(). */
#            smp_rmb();
#            return n ? kvm->vcpus[n - 1] : NULL;
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
# check-output-end
