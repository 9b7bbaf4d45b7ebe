# SPDX-License-Identifier: GPL-2.0
#
# check-name: cocci-crosscheck: spatch and barriermap find the same barrier sites over the whole KVM scope, every difference explained
# check-group: slow
# check-command: tools/cocci-crosscheck --barriermap $BM --kernel "$KERNEL" -v
# check-exit-value: 0
# check-output-contains: only spatch: 0
# check-output-contains: smp_mb in kvmppc_ipi_thread(): spatch cannot parse kvmppc_ipi_thread()
# check-output-contains: verdicts differ: 0
# check-output-contains: unexplained: 0
# check-output-excludes: UNEXPLAINED
# check-output-excludes: stale expectation
#
# check-name: cocci-crosscheck: a site only barriermap reports, in a function spatch parsed, fails unless explained (fixture JSON)
# check-group: slow
# check-command: printf '{"version":1,"sites":[{"file":"virt/kvm/kvm_main.c","line":4332,"barrier":"smp_rmb","function":"kvm_vm_ioctl_create_vcpu","kind":"full","implicit":false,"status":"undocumented"}]}' > $TMP/j && tools/cocci-crosscheck --json $TMP/j --kernel "$KERNEL"
# check-exit-value: 1
# check-output-contains: smp_rmb in kvm_vm_ioctl_create_vcpu(): UNEXPLAINED: add "barriermap virt/kvm/kvm_main.c kvm_vm_ioctl_create_vcpu smp_rmb
# check-output-contains: smp_wmb in kvm_vm_ioctl_create_vcpu(): UNEXPLAINED
