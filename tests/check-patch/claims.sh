# SPDX-License-Identifier: GPL-2.0
# Reliance claims (claims.c): a comment that says the ordering comes from
# a barrier somewhere else ("The smp_wmb() in kvm_make_request() orders
# ...").  A patch that turns a claim that held into a stale or weak one,
# by removing or weakening the barrier anywhere on the claimed function's
# call path, or by removing the function, gets an ERROR: BROKEN_CLAIM
# naming the comment, what it relies on and what is there now; so does a
# claim the patch writes that does not hold.  claims-tree/ is a fixture
# where post_event() relies on the smp_wmb() that kvm_make_request() gets
# from its callee __kvm_make_request().
#
# check-name: removing the smp_wmb() in __kvm_make_request() breaks the claim about kvm_make_request(), a call above it
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# include/linux/kvm_host.h:18: WARNING: REMOVED_BARRIER: (before the patch) smp_wmb() in __kvm_make_request() is removed by the patch
# include/linux/kvm_host.h:30: ERROR: STALE_COMMENT: the comment on smp_mb__after_atomic() in kvm_check_request() names smp_wmb() in __kvm_make_request(), which the patch removes; the patch does not change this comment
# virt/kvm/events.c:9: ERROR: BROKEN_CLAIM: the comment in post_event() relies on smp_wmb() in kvm_make_request(), but there is no barrier on its path (searched 3 calls deep)
# check-output-end
#
# check-name: the broken claim in the checklist quotes the sentence and says what held before the patch
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree $TMP/p.patch | sed -n '/^Reliance/,/^$/p'
# check-exit-value: 0
# check-output-start
# Reliance claims that do not hold after the patch:
# [ ] virt/kvm/events.c:9: the comment in post_event() relies on smp_wmb() in kvm_make_request(), but there is no barrier on its path (searched 3 calls deep)
#       "The smp_wmb() in kvm_make_request() orders the event before the request."
#       - before the patch: smp_wmb() in __kvm_make_request() (include/linux/kvm_host.h:18), 1 call deep, via kvm_make_request() -> __kvm_make_request(), a write barrier
#
# check-output-end
#
# check-name: weakening that smp_wmb() to smp_rmb() makes the claim weak: what is there now is named
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w sub include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' 'smp_rmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: include/linux/kvm_host.h:18: WARNING: KIND_CHANGE: smp_wmb() in __kvm_make_request() becomes smp_rmb() (write to read): re-check its partners
# check-output-contains: virt/kvm/events.c:9: ERROR: BROKEN_CLAIM: the comment in post_event() relies on smp_wmb() in kvm_make_request(), which is not on its path (searched 3 calls deep); there is smp_rmb() in __kvm_make_request() (include/linux/kvm_host.h:18), 1 call deep, via kvm_make_request() -> __kvm_make_request(), a read barrier
#
# check-name: renaming the function a claim relies on breaks the claim
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w sub include/linux/kvm_host.h kvm_make_request 'void kvm_make_request(' 'void kvm_request(' sub virt/kvm/events.c post_event 'kvm_make_request(1' 'kvm_request(1' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/events.c:9: ERROR: BROKEN_CLAIM: the comment in post_event() relies on kvm_make_request(), which is neither in the scanned tree nor a primitive barriermap knows
# check-output-end
#
# check-name: a patch that removes the barrier and rewrites the claim has no broken claim
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' sub virt/kvm/events.c post_event 'The smp_wmb() in kvm_make_request() orders' 'Nothing orders' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: REMOVED_BARRIER
# check-output-excludes: BROKEN_CLAIM
#
# check-name: a claim the patch writes that does not hold is an error too
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w sub virt/kvm/events.c post_event 'The smp_wmb() in kvm_make_request() orders' 'The smp_mb() in kvm_make_request() orders' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 1
# check-output-start
# virt/kvm/events.c:9: ERROR: BROKEN_CLAIM: the comment in post_event(), written by the patch, relies on smp_mb() in kvm_make_request(), which is not on its path (searched 3 calls deep); there is smp_wmb() in __kvm_make_request() (include/linux/kvm_host.h:18), 1 call deep, via kvm_make_request() -> __kvm_make_request(), a write barrier
# check-output-end
#
# check-name: a claim the patch writes that holds needs nothing
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w insert virt/kvm/events.c take_event 'return 0;' '\t/* kvm_check_request() contains a full barrier. */' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 0
# check-output-start
# check-output-end
#
# check-name: a claim the patch leaves alone, on a path the patch does not change, is not listed
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w insert virt/kvm/events.c take_event 'return 0;' '\tvcpu->mode = 0;' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --terse $TMP/p.patch
# check-exit-value: 0
# check-output-start
# check-output-end
#
# check-name: JSON names the type, the severity and the claim's function
# check-command: tests/check-patch/kpatch.py $dir/claims-tree $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $dir/claims-tree --format=json $TMP/p.patch | python3 -c 'import json,sys; [print(i["section"], i["kind"], i["type"], i["severity"], i["function"], i["barrier"]) for i in json.load(sys.stdin)["items"] if i["type"] == "BROKEN_CLAIM"]'
# check-exit-value: 0
# check-output-start
# reliance reliance-broken BROKEN_CLAIM ERROR post_event smp_wmb
# check-output-end
#
# check-name: in a series, a claim one patch breaks and the next rewrites is ticked, taken care of by the next
# check-command: tests/check-patch/kpatch.py -s mbox $dir/claims-tree $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' commit 'KVM: drop the smp_wmb() in __kvm_make_request()' sub virt/kvm/events.c post_event 'The smp_wmb() in kvm_make_request() orders' 'Nothing orders' commit 'KVM: post_event() needs no order' > $TMP/s.mbox && $BM check-patch --kernel $dir/claims-tree $TMP/s.mbox | sed -n '/^Reliance/,/^$/p'
# check-exit-value: 0
# check-output-start
# Reliance claims that do not hold after the patch:
# [x] virt/kvm/events.c:9: the comment in post_event() relies on smp_wmb() in kvm_make_request(), but there is no barrier on its path (searched 3 calls deep)
#       "The smp_wmb() in kvm_make_request() orders the event before the request."
#       - before the patch: smp_wmb() in __kvm_make_request() (include/linux/kvm_host.h:18), 1 call deep, via kvm_make_request() -> __kvm_make_request(), a write barrier
#       - taken care of by patch 2/2 (KVM: post_event() needs no order)
#
# check-output-end
#
# On the real tree (lines masked: the tree moves with stable releases).
#
# check-name: removing the smp_wmb() in __kvm_make_request() breaks vmx.c's claim about kvm_make_request() and mmu.c's about the barrier in kvm_flush_remote_tlbs() (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h __kvm_make_request 'smp_wmb();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch | grep BROKEN_CLAIM | sed 's/:[0-9][0-9]*\([:),]\)/:N\1/g'
# check-exit-value: 0
# check-output-start
# arch/x86/kvm/mmu/mmu.c:N: ERROR: BROKEN_CLAIM: the comment in kvm_mmu_commit_zap_page() relies on a barrier in kvm_flush_remote_tlbs(), but there is no barrier on its path (searched 3 calls deep)
# arch/x86/kvm/vmx/vmx.c:N: ERROR: BROKEN_CLAIM: the comment in vmx_deliver_nested_posted_interrupt() relies on smp_wmb() in kvm_make_request(), but there is no barrier on its path (searched 3 calls deep); the comment misspells smp_wmb() as smb_wmb
# check-output-end
#
# check-name: the claim in kvm_flush_remote_tlbs(), stale before the patch (it names the wrong barrier), is not the patch's doing when the barrier on its path goes (real tree)
# check-command: tests/check-patch/kpatch.py $KERNEL $TMP/w drop include/linux/kvm_host.h kvm_vcpu_exiting_guest_mode 'smp_mb__before_atomic();' > $TMP/p.patch && $BM check-patch --kernel $KERNEL --terse $TMP/p.patch
# check-exit-value: 1
# check-output-contains: REMOVED_BARRIER: (before the patch) smp_mb__before_atomic() in kvm_vcpu_exiting_guest_mode() is removed by the patch
# check-output-excludes: BROKEN_CLAIM
