# SPDX-License-Identifier: GPL-2.0
# check-patch scans only the files a patch touches and copies the facts of
# the rest from the program before it (program_rescan()); --rescan-all
# scans everything for every state.  Both must print the same checklist.
#
# check-name: a removal on the real tree: the same checklist with facts reused and with every file rescanned
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/x86/kvm/x86.c vcpu_enter_guest 'smp_mb__after_srcu_read_unlock();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --format=json $TMP/p.patch > $TMP/a; $BM check-patch --kernel $KERNEL --format=json --rescan-all $TMP/p.patch > $TMP/b; cmp $TMP/a $TMP/b && grep -c '"kind"' $TMP/a
# check-exit-value: 0
# check-output-start
# 6
# check-output-end
#
# check-name: a series with a function rename and a file rename: the same with facts reused
# check-command: tests/check-patch/kpatch.py -s mbox $KERNEL $TMP/w sub include/linux/kvm_host.h - 'bool kvm_check_request(' 'bool kvm_test_and_clear_request(' commit 'KVM: rename kvm_check_request()' mv virt/kvm/dirty_ring.c virt/kvm/ring.c insert virt/kvm/ring.c - '#include' '/* was dirty_ring.c */' commit 'KVM: rename dirty_ring.c' > $TMP/s.mbox && $BM check-patch --kernel $KERNEL --format=json $TMP/s.mbox > $TMP/a; $BM check-patch --kernel $KERNEL --format=json --rescan-all $TMP/s.mbox > $TMP/b; cmp $TMP/a $TMP/b && echo same
# check-exit-value: 0
# check-output-start
# same
# check-output-end
#
# check-name: a patch that deletes a file and adds one with a new barrier: the same with facts reused
# check-command: mkdir -p $TMP/k && cp -r $dir/tree/. $TMP/k/ && printf '// SPDX-License-Identifier: GPL-2.0\n#include <linux/kvm_host.h>\n\nvoid lookup_again(struct kvm *kvm)\n{\n\t/* Pairs with smp_wmb() in publish_vcpus. */\n\tsmp_rmb();\n}\n' > $TMP/new.c && { printf 'diff --git a/virt/kvm/again.c b/virt/kvm/again.c\nnew file mode 100644\n--- /dev/null\n+++ b/virt/kvm/again.c\n@@ -0,0 +1,8 @@\n'; sed 's/^/+/' $TMP/new.c; diff -u $dir/tree/include/linux/kvm_host.h /dev/null | sed -e '1s|.*|--- a/include/linux/kvm_host.h|' -e '2s|.*|+++ /dev/null|'; } > $TMP/p.patch && $BM check-patch --kernel $TMP/k $TMP/p.patch > $TMP/a; echo "exit $?"; $BM check-patch --kernel $TMP/k --rescan-all $TMP/p.patch > $TMP/b; cmp $TMP/a $TMP/b && echo same; grep -c 'again' $TMP/a
# check-exit-value: 0
# check-output-start
# exit 0
# same
# 1
# check-output-end
