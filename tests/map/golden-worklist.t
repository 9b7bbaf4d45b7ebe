# SPDX-License-Identifier: GPL-2.0
# Golden map of the fixture tree in tests/map/tree: worklist.rst.
# Regenerate by hand only after reading the diff: it is the documentation.
#
# check-name: map worklist: dangling and undocumented barriers with links
# check-command: $BM map --kernel $dir/tree -o $TMP/map && cat $TMP/map/worklist.rst
# check-exit-value: 0
# check-output-start
# .. SPDX-License-Identifier: GPL-2.0
# .. barriermap: generated file, do not edit; regenerate with 'barriermap map'
#
# ====================
# KVM barrier worklist
# ====================
#
# Barriers whose pairing comment is wrong or missing, worst first.  A dangling or mismatched comment names a partner that is not there; an undocumented barrier needs a comment saying which barrier it pairs with (``barriermap suggest`` proposes one).
#
# 1. Dangling
# -----------
#
# 1 barrier: the named partner does not exist, or holds no such barrier.
#
# .. list-table::
#    :header-rows: 1
#    :widths: 35 25 40
#
#    * - Barrier
#      - Location
#      - Finding
#    * - :ref:`smp_wmb() in vcpu_enter_guest() <kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb>`
#      - ``arch/x86/kvm/x86.c:17``
#      - partner smp_rmb() in kvm_arch_no_such_reader() not found: no function kvm_arch_no_such_reader() in the scanned tree
#
# 2. Mismatch
# -----------
#
# None.
#
# 3. Vague
# --------
#
# None.
#
# 4. Undocumented
# ---------------
#
# 1 barrier: no comment says what the barrier pairs with.
#
# .. list-table::
#    :header-rows: 1
#    :widths: 35 25 40
#
#    * - Barrier
#      - Location
#      - Finding
#    * - :ref:`smp_wmb() in kvm_stat_reset() <kvm-barrier-virt-kvm-kvm-main-c-kvm-stat-reset-smp-wmb>`
#      - ``virt/kvm/kvm_main.c:26``
#      - no comment names its pairing partner; likely partner: :ref:`smp_rmb() in kvm_get_vcpu() <kvm-barrier-include-linux-kvm-host-h-kvm-get-vcpu-smp-rmb>` (shares ``kvm->online_vcpus``; confidence 0.27)
#
# check-output-end
