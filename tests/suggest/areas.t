# SPDX-License-Identifier: GPL-2.0
# src/lib/maintainers.c reads MAINTAINERS as scripts/get_maintainer.pl does,
# on the fixture tree/MAINTAINERS; suggest --areas names the section (and
# the subject prefix) each path's patch goes to.  The same answers as
# get_maintainer.pl's first section for all 180 files of the real tree's
# scope are checked in real-tree.t.
#
# check-name: the most specific section wins: a folder's F: beats a shallower one and THE REST, a file's beats its folder's
# check-command: $BM suggest --areas --kernel $dir/tree arch/x86/kvm/x86.c arch/x86/kvm/xen.c arch/x86/kernel/kvm.c virt/kvm/kvm_main.c include/linux/kvm_host.h arch/powerpc/kvm/book3s_hv.c README
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/x86.c: "KVM: x86:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/xen.c: "KVM: x86/xen:" from KVM X86 Xen (KVM/Xen)
# arch/x86/kernel/kvm.c: "x86:" from X86 ARCHITECTURE (32-BIT AND 64-BIT)
# virt/kvm/kvm_main.c: "KVM:" from KERNEL VIRTUAL MACHINE (KVM)
# include/linux/kvm_host.h: "KVM:" from KERNEL VIRTUAL MACHINE (KVM)
# arch/powerpc/kvm/book3s_hv.c: "KVM: PPC:" from KERNEL VIRTUAL MACHINE FOR POWERPC (KVM/powerpc)
# README: "KVM:" from THE REST
# check-output-end
#
# check-name: a pattern not ending in "/" does not reach below its folder; X: takes a file out of its section
# check-command: $BM suggest --areas --kernel $dir/tree virt/kvm/sub/deeper.c arch/x86/kernel/excluded.c
# check-exit-value: 0
# check-output-start
# virt/kvm/sub/deeper.c: "KVM:" from THE REST
# arch/x86/kernel/excluded.c: "x86:" from THE REST
# check-output-end
#
# check-name: "?" "*" and "[ch]" as get_maintainer.pl's regular expressions have them; a folder named without "/" is a folder
# check-command: $BM suggest --areas --kernel $dir/tree drivers/demo/ab.c drivers/demo/ab.h drivers/demo/ab.o virt/lib/x.c virt/libfoo.c
# check-exit-value: 0
# check-output-start
# drivers/demo/ab.c: "KVM: brackets:" from BRACKETS (KVM/brackets)
# drivers/demo/ab.h: "KVM: brackets:" from BRACKETS (KVM/brackets)
# drivers/demo/ab.o: "demo:" from THE REST
# virt/lib/x.c: "KVM: folder:" from FOLDER NAMED WITHOUT A SLASH (KVM/folder)
# virt/libfoo.c: "virt:" from THE REST
# check-output-end
#
# check-name: an N: regular expression counts, below any F: match
# check-command: $BM suggest --areas --kernel $dir/tree tools/demo42/x.c virt/kvm/demo42.c
# check-exit-value: 0
# check-output-start
# tools/demo42/x.c: "KVM: regex:" from NAMES BY REGULAR EXPRESSION (KVM/regex)
# virt/kvm/demo42.c: "KVM:" from KERNEL VIRTUAL MACHINE (KVM)
# check-output-end
#
# check-name: on a tie of depth (which get_maintainer.pl leaves to Perl's hash order) a file's own pattern beats a wildcard
# check-command: $BM suggest --areas --kernel $dir/tree include/linux/kvm_para.h
# check-exit-value: 0
# check-output-start
# include/linux/kvm_para.h: "KVM:" from KVM PARAVIRT (KVM/paravirt)
# check-output-end
#
# check-name: the x86 prefixes follow Documentation/process/maintainer-kvm-x86.rst's topics
# check-command: $BM suggest --areas --kernel $dir/tree arch/x86/kvm/vmx/vmx.c arch/x86/kvm/vmx/nested.c arch/x86/kvm/svm/svm.c arch/x86/kvm/svm/nested.c arch/x86/kvm/mmu/mmu.c arch/x86/kvm/mmu.h arch/x86/kvm/pmu.c arch/x86/kvm/vmx/pmu_intel.c
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/vmx/vmx.c: "KVM: VMX:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/vmx/nested.c: "KVM: nVMX:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/svm/svm.c: "KVM: SVM:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/svm/nested.c: "KVM: nSVM:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/mmu/mmu.c: "KVM: x86/mmu:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/mmu.h: "KVM: x86/mmu:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/pmu.c: "KVM: x86/pmu:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/vmx/pmu_intel.c: "KVM: x86/pmu:" from KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# check-output-end
#
# check-name: outside KVM's sections the prefix is KVM's for KVM code, else the subsystem's folder
# check-command: $BM suggest --areas --kernel $dir/tree arch/s390/kvm/pci.c mm/vmscan.c kernel/sched/core.c drivers/net/tun.c include/linux/sched.h include/net/sock.h
# check-exit-value: 0
# check-output-start
# arch/s390/kvm/pci.c: "KVM: s390:" from THE REST
# mm/vmscan.c: "mm:" from THE REST
# kernel/sched/core.c: "sched:" from THE REST
# drivers/net/tun.c: "net:" from THE REST
# include/linux/sched.h: "sched:" from THE REST
# include/net/sock.h: "net:" from THE REST
# check-output-end
#
# check-name: a tree without MAINTAINERS has one area per architecture, and one for the rest
# check-command: $BM suggest --areas --kernel $ROOT/tests/infer/tree arch/arm64/kvm/arm.c virt/kvm/demo.c
# check-exit-value: 0
# check-output-start
# arch/arm64/kvm/arm.c: "KVM: arm64:" from arch/arm64 (the tree has no MAINTAINERS)
# virt/kvm/demo.c: "KVM:" from KVM (the tree has no MAINTAINERS)
# check-output-end
#
# check-name: --areas needs a path
# check-command: $BM suggest --areas --kernel $dir/tree
# check-exit-value: 2
# check-error-contains: barriermap: --areas needs a PATH
#
# check-name: a MAINTAINERS that is a folder is an error, not an empty file
# check-command: mkdir -p $TMP/t/virt/kvm $TMP/t/include/linux $TMP/t/MAINTAINERS && $BM suggest --areas --kernel $TMP/t virt/kvm/a.c
# check-exit-value: 2
# check-error-contains: /MAINTAINERS: 
