# SPDX-License-Identifier: GPL-2.0
# check-patch on patches made from the real 6.12 tree by kpatch.py, which
# finds code by file, function and text, never by line number.
#
# check-name: removing smp_rmb() in kvm_get_vcpu() names the comment in kvm_vm_ioctl_create_vcpu() that pairs with it
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: (before the patch) smp_rmb() in kvm_get_vcpu() is removed by the patch
# check-output-contains: - it paired with smp_wmb() in kvm_vm_ioctl_create_vcpu() (virt/kvm/kvm_main.c:
# check-output-contains: its own pairing comment stays, at include/linux/kvm_host.h:
# check-output-contains: [ ] virt/kvm/kvm_main.c:
# check-output-contains: the comment on smp_wmb() in kvm_vm_ioctl_create_vcpu() names smp_rmb() in kvm_get_vcpu(), which the patch removes; the patch does not change this comment
# check-output-contains: "Pairs with smp_rmb() in kvm_get_vcpu."
# check-output-contains: 2 items to check.
#
# check-name: a patch that removes the barrier and updates its partner's comment marks that comment done
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' drop include/linux/kvm_host.h kvm_get_vcpu 'Pairs with smp_wmb' sub virt/kvm/kvm_main.c kvm_vm_ioctl_create_vcpu 'Pairs with smp_rmb() in kvm_get_vcpu.' 'Readers use xa_load().' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: [x] virt/kvm/kvm_main.c:
# check-output-contains: named smp_rmb() in kvm_get_vcpu(), which the patch removes; the patch changes this comment
# check-output-excludes: its own pairing comment stays
# check-output-contains: 1 item to check.
#
# check-name: moving smp_rmb() from kvm_get_vcpu() to kvm_get_vcpu_by_id() names the comments that still point at kvm_get_vcpu()
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' insert include/linux/kvm_host.h kvm_get_vcpu_by_id 'return NULL;' '\tsmp_rmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: smp_rmb() in kvm_get_vcpu() moves to kvm_get_vcpu_by_id() (was include/linux/kvm_host.h:
# check-output-contains: names smp_rmb() in kvm_get_vcpu(), which the patch moves to kvm_get_vcpu_by_id(); the patch does not change this comment
# check-output-excludes: is removed by the patch
#
# check-name: renaming kvm_check_request() leaves the comment in __kvm_make_request() naming a function that no longer exists
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h - 'bool kvm_check_request(' 'bool kvm_test_and_clear_request(' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: Comments naming functions the patch removes or renames:
# check-output-contains: the comment on smp_wmb() in __kvm_make_request() names kvm_check_request(), which the patch renames to kvm_test_and_clear_request()
# check-output-contains: "Paired with the smp_mb__after_atomic in kvm_check_request."
#
# check-name: removing the smp_wmb() in __kvm_make_request() names kvm_check_request(), which reaches it through kvm_make_request()
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: smp_wmb() in __kvm_make_request() is removed by the patch
# check-output-contains: the comment on smp_mb__after_atomic() in kvm_check_request() relies, through the call graph, on smp_wmb() in __kvm_make_request(), which the patch removes
# check-output-contains: the pairing comment on kvm_flush_remote_tlbs() in kvm_mmu_commit_zap_page() no longer holds
#
# check-name: kvm_make_request() no longer calling __kvm_make_request() breaks the claim in kvm_check_request()
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w sub include/linux/kvm_host.h kvm_make_request '__kvm_make_request(req, vcpu);' 'set_bit(req & KVM_REQUEST_MASK, (void *)&vcpu->requests);' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --format=json $TMP/p.patch
# check-exit-value: 1
# check-output-contains: "kind": "claim-broken",
# check-output-contains: "function": "kvm_check_request",
# check-output-contains: "text": "the pairing comment on smp_mb__after_atomic() in kvm_check_request() no longer holds: partner smp_wmb() in kvm_make_request() not found
# check-output-contains: "before the patch it paired with smp_wmb() in __kvm_make_request() (include/linux/kvm_host.h:
# check-output-contains: "text": "the comment in vmx_deliver_nested_posted_interrupt() relies on smp_wmb() in kvm_make_request(), but there is no barrier on its path
# check-output-contains: "attention": 2,
#
# check-name: a two-patch mbox series applies in order: a function rename, then a file rename with a git -M header
# check-command: tests/check-patch/kpatch.py -s mbox $KERNEL $TMP/w sub include/linux/kvm_host.h - 'bool kvm_check_request(' 'bool kvm_test_and_clear_request(' commit 'KVM: rename kvm_check_request()' mv virt/kvm/dirty_ring.c virt/kvm/ring.c insert virt/kvm/ring.c - '#include' '/* was dirty_ring.c */' commit 'KVM: rename dirty_ring.c' > $TMP/s.mbox && grep -q '^rename from virt/kvm/dirty_ring.c' $TMP/s.mbox && $BM check-patch --kernel $KERNEL --format=rst - < $TMP/s.mbox
# check-exit-value: 1
# check-output-contains: #. \[PATCH 1/2\] KVM: rename kvm_check_request()
# check-output-contains: #. \[PATCH 2/2\] KVM: rename dirty_ring.c
# check-output-contains: - [ ] ``include/linux/kvm_host.h:
# check-output-contains: names kvm_check_request(), which the patch renames to kvm_test_and_clear_request()
# check-output-excludes: ring.c:
# check-output-excludes: is removed
#
# check-name: a renamed file (git diff -M) keeps its barriers: nothing needs attention
# check-command: tests/check-patch/kpatch.py -s git $KERNEL $TMP/w mv virt/kvm/dirty_ring.c virt/kvm/ring.c insert virt/kvm/ring.c - '#include' '/* was dirty_ring.c */' > $TMP/p.patch && grep -q '^rename to virt/kvm/ring.c' $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 0
# check-output-contains: Nothing needs attention.
# check-output-excludes: [ ]
#
# check-name: the user's tree is not modified by check-patch
# check-command: cp -r $KERNEL/virt $KERNEL/include $TMP/ 2>/dev/null; mkdir -p $TMP/k && cp -r $KERNEL/virt $TMP/k/ && mkdir -p $TMP/k/include && cp -r $KERNEL/include/linux $TMP/k/include/ && tests/check-patch/kpatch.py $TMP/k $TMP/w drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();' > $TMP/p.patch; $BM check-patch --kernel $TMP/k $TMP/p.patch > /dev/null; echo $?; cmp $TMP/k/include/linux/kvm_host.h $KERNEL/include/linux/kvm_host.h && echo unchanged
# check-exit-value: 0
# check-output-start
# 1
# unchanged
# check-output-end
#
# check-name: removing smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), whose partner is an implied barrier, lists every comment that names it and does not crash
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/x86/kvm/x86.c vcpu_enter_guest 'smp_mb__after_srcu_read_unlock();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL $TMP/p.patch
# check-exit-value: 1
# check-output-contains: (before the patch) smp_mb__after_srcu_read_unlock() in vcpu_enter_guest() is removed by the patch
# check-output-contains: - it paired with the barrier implicit in test_and_set_bit() in pi_test_and_set_on() (arch/x86/include/asm/posted_intr.h:
# check-output-contains: the comment in kvm_flush_remote_tlbs() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest(), which the patch removes
# check-output-contains: the comment in kvm_mmu_commit_zap_page() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest()
# check-output-contains: the comment on smp_mb__after_atomic() in svm_deliver_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest()
# check-output-contains: the comment on smp_mb__after_atomic() in vmx_deliver_nested_posted_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest()
# check-output-contains: the comment in vmx_deliver_posted_interrupt() names smp_mb__after_srcu_read_unlock() in vcpu_enter_guest()
# check-output-excludes: Pairs with smp_store_release in vcpu_enter_guest
# check-output-contains: 6 items to check.
#
# check-name: the same removal as JSON names the implied partner by its call, not by a site
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/x86/kvm/x86.c vcpu_enter_guest 'smp_mb__after_srcu_read_unlock();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --format=json $TMP/p.patch
# check-exit-value: 1
# check-output-contains: "it paired with the barrier implicit in test_and_set_bit() in pi_test_and_set_on()
# check-output-contains: "attention": 6,
#
# check-name: deleting the first of two smp_wmb() in kvm_xen_shared_info_init() reports the first, not the second
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop arch/x86/kvm/xen.c kvm_xen_shared_info_init 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --format=json $TMP/p.patch | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(i["kind"], i["line"]) for i in d["items"]])' > $TMP/items && start=$(sed -n 's/^@@ -\([0-9]*\),.*/\1/p' $TMP/p.patch) && off=$(awk '/^@@/{n=0; next} /^[ -]/{n++} /^-.*smp_wmb/{print n; exit}' $TMP/p.patch) && echo "[('removed', $((start + off - 1)))]" | cmp - $TMP/items && echo ok
# check-exit-value: 0
# check-output-start
# ok
# check-output-end
