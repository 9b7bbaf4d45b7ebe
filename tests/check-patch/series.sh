# SPDX-License-Identifier: GPL-2.0
# A series (an mbox, or several files) gives one checklist per patch and
# what the series does as a whole; what a later patch takes care of is
# shown as such, and is not counted.
#
# check-name: a later patch that updates the comment an earlier one left stale is shown as taking care of it
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop the smp_rmb() in lookup_vcpus()' sub virt/kvm/kvm_main.c publish_vcpus 'Pairs with smp_rmb() in lookup_vcpus.' 'Readers check kvm->online first.' commit 'KVM: say what orders the vcpus now' > $TMP/s.mbox && $BM check-patch --kernel $dir/tree $TMP/s.mbox | tail -n +2
# check-exit-value: 0
# check-output-start
#   [PATCH 1/2] KVM: drop the smp_rmb() in lookup_vcpus()
#   [PATCH 2/2] KVM: say what orders the vcpus now
#
# Patch 1/2: KVM: drop the smp_rmb() in lookup_vcpus()
#
# Barriers removed or moved, and the comments that name them:
# [ ] virt/kvm/kvm_main.c:18: (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
#       - it paired with smp_wmb() in publish_vcpus() (virt/kvm/kvm_main.c:9)
#       - its own pairing comment stays, at virt/kvm/kvm_main.c:17: remove or update it
# [x] virt/kvm/kvm_main.c:8: the comment on smp_wmb() in publish_vcpus() names smp_rmb() in lookup_vcpus(), which the patch removes; the patch does not change this comment
#       "Pairs with smp_rmb() in lookup_vcpus."
#       - taken care of by patch 2/2 (KVM: say what orders the vcpus now)
#
# Patch 2/2: KVM: say what orders the vcpus now
#
# Nothing to check in this patch.
#
# The series as a whole:
#
# Barriers removed or moved, and the comments that name them:
# [ ] virt/kvm/kvm_main.c:18: (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
#       - it paired with smp_wmb() in publish_vcpus() (virt/kvm/kvm_main.c:9)
#       - its own pairing comment stays, at virt/kvm/kvm_main.c:17: remove or update it
# [x] virt/kvm/kvm_main.c:8: (before the patch) the comment on smp_wmb() in publish_vcpus() named smp_rmb() in lookup_vcpus(), which the patch removes; the patch changes this comment
#       "Pairs with smp_rmb() in lookup_vcpus."
#
# 1 item to check.
# check-output-end
#
# check-name: a series whose second patch undoes the first needs no attention, and says why
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop it' insert virt/kvm/kvm_main.c lookup_vcpus 'Pairs with smp_wmb' '	smp_rmb();' commit 'KVM: put it back' > $TMP/s.mbox && $BM check-patch --kernel $dir/tree $TMP/s.mbox
# check-exit-value: 0
# check-output-contains: [x] virt/kvm/kvm_main.c:18: (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
# check-output-contains:       - taken care of by patch 2/2 (KVM: put it back)
# check-output-contains: [x] virt/kvm/kvm_main.c:18: smp_rmb() in lookup_vcpus() is added: pairs with smp_wmb() in publish_vcpus()
# check-output-contains: The series as a whole:
# check-output-contains: Nothing needs attention.
#
# check-name: several patch files apply in the order given, as a series
# check-command: tests/check-patch/kpatch.py $dir/tree $TMP/w1 drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' > $TMP/1.patch && mkdir -p $TMP/k && cp -r $dir/tree/. $TMP/k/ && patch -s -d $TMP/k -p1 < $TMP/1.patch && tests/check-patch/kpatch.py $TMP/k $TMP/w2 drop virt/kvm/kvm_main.c publish_vcpus 'smp_wmb();' > $TMP/2.patch && $BM check-patch --kernel $dir/tree --terse $TMP/1.patch $TMP/2.patch | sed "s|$TMP/||g"
# check-exit-value: 0
# check-output-start
# virt/kvm/kvm_main.c:18: WARNING: REMOVED_BARRIER: [patch 1/2] (before the patch) smp_rmb() in lookup_vcpus() is removed by the patch
# virt/kvm/kvm_main.c:8: ERROR: STALE_COMMENT: [patch 1/2] the comment on smp_wmb() in publish_vcpus() names smp_rmb() in lookup_vcpus(), which the patch removes; the patch does not change this comment
# virt/kvm/kvm_main.c:9: WARNING: REMOVED_BARRIER: [patch 2/2] (before the patch) smp_wmb() in publish_vcpus() is removed by the patch
# virt/kvm/kvm_main.c:16: ERROR: STALE_COMMENT: [patch 2/2] the comment in lookup_vcpus() names smp_wmb() in publish_vcpus(), which the patch removes; the patch does not change this comment
# check-output-end
#
# check-name: a series as JSON: each patch's own items, then the whole series' in "items"
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop it' insert virt/kvm/kvm_main.c lookup_vcpus 'Pairs with smp_wmb' '	smp_rmb();' commit 'KVM: put it back' > $TMP/s.mbox && $BM check-patch --kernel $dir/tree --format=json $TMP/s.mbox | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["attention"], [s["patch"] for s in d["series"]], [[(i["type"], i["done"], i["fixed_by"]) for i in s["items"]] for s in d["series"]], d["items"])'
# check-exit-value: 0
# check-output-start
# 0 ['[PATCH 1/2] KVM: drop it', '[PATCH 2/2] KVM: put it back'] [[('REMOVED_BARRIER', True, 'patch 2/2 (KVM: put it back)'), ('STALE_COMMENT', True, 'patch 2/2 (KVM: put it back)')], [('NEW_BARRIER', True, None)]] []
# check-output-end
#
# check-name: a series as RST keeps one section per patch
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: drop it' insert virt/kvm/kvm_main.c lookup_vcpus 'Pairs with smp_wmb' '	smp_rmb();' commit 'KVM: put it back' > $TMP/s.mbox && $BM check-patch --kernel $dir/tree --format=rst $TMP/s.mbox | grep -A1 -E '^(Patch|The series)'
# check-exit-value: 0
# check-output-start
# Patch 1/2: KVM: drop it
# -----------------------
# --
# Patch 2/2: KVM: put it back
# ---------------------------
# --
# The series as a whole
# ---------------------
# check-output-end
#
# check-name: a series as RST is valid RST whatever its subjects hold, and no title carries < > & into Sphinx's search index
# check-command: tests/check-patch/kpatch.py -s mbox $dir/tree $TMP/w drop virt/kvm/kvm_main.c lookup_vcpus 'smp_rmb();' commit 'KVM: `x *y* <img src=x onerror=alert(1)> |s| [1]_ name_ __init &amp;' insert virt/kvm/kvm_main.c lookup_vcpus 'Pairs with smp_wmb' '	smp_rmb();' commit 'KVM: put it back' > $TMP/s.mbox && $BM check-patch --kernel $dir/tree --format=rst $TMP/s.mbox > $TMP/c.rst; python3 -c 'import docutils.core, sys; d = docutils.core.publish_doctree(open(sys.argv[1]).read(), settings_overrides={"report_level": 2, "halt_level": 2}); print([t.astext() for t in d.traverse() if t.tagname == "title"][1])' $TMP/c.rst
# check-exit-value: 0
# check-output-start
# Patch 1/2: KVM: `x *y* �img src=x onerror=alert(1)� |s| [1]_ name_ __init �amp;
# check-output-end
