# SPDX-License-Identifier: GPL-2.0
# suggest on the real 6.12 tree: the patches apply with git am -s on a
# throwaway git repository made of hard links of the tree (git am writes
# a new file for each one it changes, so the tree itself is never
# written), each goes to one maintainer area, checkpatch.pl --no-tree
# finds nothing in the commits, and the barrier in kvmppc_pseries_do_hcall()
# whose line carries "This orders prodded store vs ceded load" gets no
# second comment.
#
# check-name: the real tree's patches apply with git am -s, one area each, and checkpatch.pl is clean on the commits
# check-group: slow
# check-command: export HOME=$TMP GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org GIT_COMMITTER_NAME='Ada Lovelace' GIT_COMMITTER_EMAIL=ada@example.org; $BM suggest -q --kernel $KERNEL -o $TMP/p > /dev/null && cp -al $KERNEL $TMP/k && cd $TMP/k && git init -q && git add -f -- $(grep -h '^+++ b/' $TMP/p/*.patch | sed 's|^+++ b/||' | sort -u) && git commit -q -m base && git am -q -s $TMP/p/*.patch && git log --format=%s HEAD~$(ls $TMP/p | wc -l)..HEAD | sed 's/: [A-Z][a-z]* .*/:/' | sort; for f in $TMP/p/*.patch; do $BM suggest --areas --kernel $KERNEL $(grep '^+++ b/' $f | sed 's|^+++ b/||') | sed 's/^[^:]*: //' | sort -u | wc -l; done | sort -u; git format-patch -q -o $TMP/fp HEAD~$(ls $TMP/p | wc -l) && for f in $TMP/fp/*.patch; do perl scripts/checkpatch.pl --no-tree --terse --no-summary $f; done; echo checked; grep -B1 'This orders prodded store vs ceded load' arch/powerpc/kvm/book3s_hv.c | head -1; cmp arch/powerpc/kvm/book3s_hv.c $KERNEL/arch/powerpc/kvm/book3s_hv.c > /dev/null || echo the copy changed, not the tree
# check-exit-value: 0
# check-output-start
# KVM:
# KVM: PPC:
# KVM: arm64:
# KVM: x86/mmu:
# 1
# checked
# 		tvcpu->arch.prodded = 1;
# the copy changed, not the tree
# check-output-end
#
# check-name: the section of every KVM scope file of the real tree is get_maintainer.pl's first, for a file of each area
# check-group: slow
# check-command: cd $KERNEL && for f in arch/arm64/kvm/arm.c arch/loongarch/kvm/vcpu.c arch/mips/kvm/mips.c arch/powerpc/kvm/book3s_hv.c arch/riscv/kvm/vcpu.c arch/s390/kvm/kvm-s390.c arch/s390/kvm/pci.c arch/x86/kvm/x86.c arch/x86/kvm/vmx/vmx.c arch/x86/kvm/hyperv.c arch/x86/kvm/xen.c include/linux/kvm_host.h virt/kvm/kvm_main.c; do echo "$f: $(perl scripts/get_maintainer.pl --no-git --no-git-fallback --sections -f $f 2>/dev/null | head -1)"; done > $TMP/theirs && $BM suggest --areas --kernel $KERNEL $(cut -d: -f1 $TMP/theirs) | sed 's/: "[^"]*" from /: /' > $TMP/ours; diff $TMP/theirs $TMP/ours && echo same; cat $TMP/ours
# check-exit-value: 0
# check-output-start
# same
# arch/arm64/kvm/arm.c: KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64)
# arch/loongarch/kvm/vcpu.c: KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch)
# arch/mips/kvm/mips.c: KERNEL VIRTUAL MACHINE FOR MIPS (KVM/mips)
# arch/powerpc/kvm/book3s_hv.c: KERNEL VIRTUAL MACHINE FOR POWERPC (KVM/powerpc)
# arch/riscv/kvm/vcpu.c: KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv)
# arch/s390/kvm/kvm-s390.c: KERNEL VIRTUAL MACHINE for s390 (KVM/s390)
# arch/s390/kvm/pci.c: S390 VFIO-PCI DRIVER
# arch/x86/kvm/x86.c: KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/vmx/vmx.c: KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)
# arch/x86/kvm/hyperv.c: KVM X86 HYPER-V (KVM/hyper-v)
# arch/x86/kvm/xen.c: KVM X86 Xen (KVM/Xen)
# include/linux/kvm_host.h: KERNEL VIRTUAL MACHINE (KVM)
# virt/kvm/kvm_main.c: KERNEL VIRTUAL MACHINE (KVM)
# check-output-end
