# SPDX-License-Identifier: GPL-2.0
# The "Memory barriers" item for Documentation/virt/kvm/review-checklist.rst.
#
# check-name: --checklist-doc fits the real review-checklist.rst as its next numbered item
# check-command: $BM check-patch --kernel $KERNEL --checklist-doc > $TMP/item.rst && tests/check-patch/fits-checklist.py $KERNEL/Documentation/virt/kvm/review-checklist.rst $TMP/item.rst
# check-exit-value: 0
# check-output-start
# fits
# check-output-end
#
# check-name: --checklist-doc numbers the item after the last one of the tree's checklist
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux $TMP/k/Documentation/virt/kvm && printf '1.  One.\n\n2.  Two.\n' > $TMP/k/Documentation/virt/kvm/review-checklist.rst && $BM check-patch --kernel $TMP/k --checklist-doc | head -n 1
# check-exit-value: 0
# check-output-start
# 3.  Memory barriers: a patch that adds, removes, moves or changes a memory
# check-output-end
#
# check-name: --checklist-doc prints the item a contributor reads
# check-command: $BM check-patch --checklist-doc
# check-exit-value: 0
# check-output-start
# 13. Memory barriers: a patch that adds, removes, moves or changes a memory
#     barrier (smp_mb(), smp_rmb(), smp_wmb(), smp_load_acquire(),
#     smp_store_release(), smp_mb__after_atomic(), ...), or that renames or
#     removes a function a "Pairs with" comment names, must keep every
#     pairing comment true.  Run ``barriermap check-patch`` on the patch, or
#     on the whole series as an mbox, before sending it, and resolve or
#     explain in the changelog each item it lists:
#
#     - Barriers added: a new barrier needs a comment naming the barrier it
#       pairs with ("Pairs with smp_rmb() in kvm_get_vcpu()."), and that
#       partner must exist after the patch.
#     - Barriers removed or moved: every comment that names the barrier, by
#       its function, by the barrier, or through a function that calls it,
#       must change in the same patch; the check says whether it already does.
#     - Barriers whose kind changes (for example smp_mb() to
#       smp_mb__after_atomic()): re-check each partner it lists, the ordering
#       they rely on may no longer hold; the check says when the new kind is
#       weaker than the pair's pattern needs (smp_wmb() on one side of a
#       store buffering).
#     - Pairing claims broken through the call graph: a comment whose partner
#       was supplied by a callee that no longer supplies it.
#     - Reliance claims: a comment that says the ordering comes from a
#       barrier elsewhere ("the smp_wmb() in kvm_make_request() orders
#       ...") must still find it, or one as strong, on that function's path.
#     - Comments naming functions the patch removes or renames: update the
#       name.
#
#     The check exits with 0 when nothing needs attention and 1 otherwise;
#     ``--format=rst`` prints the list for a cover letter or a review.
# check-output-end
