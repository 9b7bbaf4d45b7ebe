# SPDX-License-Identifier: GPL-2.0
# `git diff` as developers configure it: with diff.mnemonicPrefix, git
# writes i/ and w/ (or c/ and i/ for --cached) where a/ and b/ would be,
# and git apply -p1 takes any one-folder prefix; so does check-patch.  A
# diff without prefixes (diff.noprefix) is refused with a message that
# says so.
#
# check-name: git diff with diff.mnemonicPrefix (i/ w/, and c/ i/ for --cached), a rename included, gives the checklist of the same diff with a/ b/
# check-command: cp -r $dir/tree $TMP/r && cd $TMP/r && git init -q && git add -A && git -c user.name=A -c user.email=a@example.com -c commit.gpgsign=false commit -qm base && sed -i '/smp_rmb();/d' virt/kvm/kvm_main.c && git mv include/linux/kvm_host.h include/linux/kvm_host2.h && sed -i 's/int online/int  online/' include/linux/kvm_host2.h && git diff -M HEAD > $TMP/ab.patch && $BM check-patch --terse $TMP/ab.patch > $TMP/ab.out; echo "a/ b/: exit $?"; git -c diff.mnemonicPrefix=true diff -M HEAD > $TMP/cw.patch; grep '^diff --git' $TMP/cw.patch; $BM check-patch --terse $TMP/cw.patch > $TMP/cw.out; echo "c/ w/: exit $?"; cmp $TMP/ab.out $TMP/cw.out && echo same; git add -A && git -c diff.mnemonicPrefix=true diff -M --cached > $TMP/ci.patch && grep -c '^diff --git c/.* i/' $TMP/ci.patch && $BM check-patch --terse - < $TMP/ci.patch | cmp - $TMP/ab.out && echo "c/ i/: same"
# check-exit-value: 0
# check-output-start
# a/ b/: exit 1
# diff --git c/include/linux/kvm_host.h w/include/linux/kvm_host2.h
# diff --git c/virt/kvm/kvm_main.c w/virt/kvm/kvm_main.c
# c/ w/: exit 1
# same
# 2
# c/ i/: same
# check-output-end
#
# check-name: a diff without prefixes (diff.noprefix) is refused with a message that says what it is
# check-command: cp -r $dir/tree $TMP/r && cd $TMP/r && git init -q && git add -A && git -c user.name=A -c user.email=a@example.com -c commit.gpgsign=false commit -qm base && sed -i '/smp_rmb();/d' virt/kvm/kvm_main.c && git -c diff.noprefix=true diff | $BM check-patch -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): malformed patch: cannot read the file names in 'diff --git virt/kvm/kvm_main.c virt/kvm/kvm_main.c': a diff without a/ and b/ (diff.noprefix?); check-patch reads names as git apply -p1 does (line 1)
