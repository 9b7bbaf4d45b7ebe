# SPDX-License-Identifier: GPL-2.0
# suggest writes one git am-able patch per maintainer area of the tree's
# MAINTAINERS (tests/suggest/tree: powerpc, x86 and generic KVM), as git
# format-patch writes them: a subject with the area's prefix, a commit
# message wrapped at 72 columns, a note for the sender below "---", a
# diffstat, the diffs.  The Signed-off-by is left to git am -s.  Barriers
# that carry a comment (before or after them on their line) are left
# alone.
#
# check-name: one patch per area, to stdout as an mbox, in the order of the areas' first files
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; $BM suggest -q --kernel $dir/tree
# check-exit-value: 0
# check-output-start
# From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
# From: Ada Lovelace <ada@example.org>
# Subject: [PATCH] KVM: PPC: Document 2 barrier pairings
# X-Barriermap: suggest
#
# Add a comment to each of these memory barriers that names the barrier it
# pairs with, as Documentation/memory-barriers.txt asks of every SMP
# barrier ("SMP BARRIER PAIRING"), so that a reader of either side finds
# the other:
#
# - smp_mb() in kvmppc_demo_prod() pairs with smp_mb() in
#   kvmppc_demo_cede(): both order kvm_vcpu->arch.demo_ceded and
#   kvm_vcpu->arch.demo_prodded.
# - smp_mb() in kvmppc_demo_cede() pairs with smp_mb() in
#   kvmppc_demo_prod(): both order kvm_vcpu->arch.demo_ceded and
#   kvm_vcpu->arch.demo_prodded.
# ---
# barriermap suggest inferred each partner from the objects both barriers
# order (confidence at least 0.50); it did not prove the pairing. Check
# each comment against the code before sending, and sign off with
# git am -s.
#
#  arch/powerpc/kvm/book3s_hv.c | 8 ++++++++
#  1 file changed, 8 insertions(+)
#
# diff --git a/arch/powerpc/kvm/book3s_hv.c b/arch/powerpc/kvm/book3s_hv.c
# --- a/arch/powerpc/kvm/book3s_hv.c
# +++ b/arch/powerpc/kvm/book3s_hv.c
# @@ -5,6 +5,10 @@
#  void kvmppc_demo_prod(struct kvm_vcpu *vcpu)
#  {
#  	vcpu->arch.demo_prodded = 1;
# +	/*
# +	 * Pairs with smp_mb() in kvmppc_demo_cede(): orders
# +	 * kvm_vcpu->arch.demo_ceded and kvm_vcpu->arch.demo_prodded.
# +	 */
#  	smp_mb();
#  	if (READ_ONCE(vcpu->arch.demo_ceded))
#  		vcpu->arch.demo_kicks++;
# @@ -13,6 +17,10 @@
#  void kvmppc_demo_cede(struct kvm_vcpu *vcpu)
#  {
#  	vcpu->arch.demo_ceded = 1;
# +	/*
# +	 * Pairs with smp_mb() in kvmppc_demo_prod(): orders
# +	 * kvm_vcpu->arch.demo_ceded and kvm_vcpu->arch.demo_prodded.
# +	 */
#  	smp_mb();
#  	if (READ_ONCE(vcpu->arch.demo_prodded))
#  		vcpu->arch.demo_prodded = 0;
#
# From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
# From: Ada Lovelace <ada@example.org>
# Subject: [PATCH] KVM: x86: Document 2 barrier pairings
# X-Barriermap: suggest
#
# Add a comment to each of these memory barriers that names the barrier it
# pairs with, as Documentation/memory-barriers.txt asks of every SMP
# barrier ("SMP BARRIER PAIRING"), so that a reader of either side finds
# the other:
#
# - smp_wmb() in vmx_post_demo() pairs with smp_rmb() in
#   vcpu_enter_guest(): both order kvm_vcpu->arch.demo_pending and
#   kvm_vcpu->arch.demo_vector.
# - smp_rmb() in vcpu_enter_guest() pairs with smp_wmb() in
#   vmx_post_demo(): both order kvm_vcpu->arch.demo_pending and
#   kvm_vcpu->arch.demo_vector.
# ---
# barriermap suggest inferred each partner from the objects both barriers
# order (confidence at least 0.50); it did not prove the pairing. Check
# each comment against the code before sending, and sign off with
# git am -s.
#
#  arch/x86/kvm/vmx/vmx.c | 4 ++++
#  arch/x86/kvm/x86.c     | 4 ++++
#  2 files changed, 8 insertions(+)
#
# diff --git a/arch/x86/kvm/vmx/vmx.c b/arch/x86/kvm/vmx/vmx.c
# --- a/arch/x86/kvm/vmx/vmx.c
# +++ b/arch/x86/kvm/vmx/vmx.c
# @@ -5,6 +5,10 @@
#  void vmx_post_demo(struct kvm_vcpu *vcpu, int v)
#  {
#  	vcpu->arch.demo_vector = v;
# +	/*
# +	 * Pairs with smp_rmb() in vcpu_enter_guest(): orders
# +	 * kvm_vcpu->arch.demo_pending and kvm_vcpu->arch.demo_vector.
# +	 */
#  	smp_wmb();
#  	WRITE_ONCE(vcpu->arch.demo_pending, 1);
#  }
# diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c
# --- a/arch/x86/kvm/x86.c
# +++ b/arch/x86/kvm/x86.c
# @@ -6,6 +6,10 @@
#  {
#  	if (!READ_ONCE(vcpu->arch.demo_pending))
#  		return 0;
# +	/*
# +	 * Pairs with smp_wmb() in vmx_post_demo(): orders
# +	 * kvm_vcpu->arch.demo_pending and kvm_vcpu->arch.demo_vector.
# +	 */
#  	smp_rmb();
#  	return vcpu->arch.demo_vector;
#  }
#
# From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
# From: Ada Lovelace <ada@example.org>
# Subject: [PATCH] KVM: Document barrier pairings in demo_read_ready() and demo_publish()
# X-Barriermap: suggest
#
# Add a comment to each of these memory barriers that names the barrier it
# pairs with, as Documentation/memory-barriers.txt asks of every SMP
# barrier ("SMP BARRIER PAIRING"), so that a reader of either side finds
# the other:
#
# - smp_rmb() in demo_read_ready() pairs with smp_wmb() in demo_publish():
#   both order kvm->demo_payload and kvm->demo_ready.
# - smp_wmb() in demo_publish() pairs with smp_rmb() in demo_read_ready():
#   both order kvm->demo_payload and kvm->demo_ready.
# ---
# barriermap suggest inferred each partner from the objects both barriers
# order (confidence at least 0.50); it did not prove the pairing. Check
# each comment against the code before sending, and sign off with
# git am -s.
#
#  include/linux/kvm_host.h | 4 ++++
#  virt/kvm/demo.c          | 4 ++++
#  2 files changed, 8 insertions(+)
#
# diff --git a/include/linux/kvm_host.h b/include/linux/kvm_host.h
# --- a/include/linux/kvm_host.h
# +++ b/include/linux/kvm_host.h
# @@ -6,6 +6,10 @@
#  {
#  	if (!READ_ONCE(kvm->demo_ready))
#  		return 0;
# +	/*
# +	 * Pairs with smp_wmb() in demo_publish(): orders kvm->demo_payload and
# +	 * kvm->demo_ready.
# +	 */
#  	smp_rmb();
#  	return kvm->demo_payload;
#  }
# diff --git a/virt/kvm/demo.c b/virt/kvm/demo.c
# --- a/virt/kvm/demo.c
# +++ b/virt/kvm/demo.c
# @@ -11,6 +11,10 @@
#  void demo_publish(struct kvm *kvm, int v)
#  {
#  	kvm->demo_payload = v;
# +	/*
# +	 * Pairs with smp_rmb() in demo_read_ready(): orders kvm->demo_payload
# +	 * and kvm->demo_ready.
# +	 */
#  	smp_wmb();
#  	WRITE_ONCE(kvm->demo_ready, 1);
#  }
#
# check-output-end
#
# check-name: -o DIR writes numbered patches named as git format-patch names them, and prints their paths
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; cd $TMP && $BM suggest -q --kernel $ROOT/$dir/tree -o out && ls out
# check-exit-value: 0
# check-output-start
# out/0001-KVM-PPC-Document-2-barrier-pairings.patch
# out/0002-KVM-x86-Document-2-barrier-pairings.patch
# out/0003-KVM-Document-barrier-pairings-in-demo_read_ready-and.patch
# 0001-KVM-PPC-Document-2-barrier-pairings.patch
# 0002-KVM-x86-Document-2-barrier-pairings.patch
# 0003-KVM-Document-barrier-pairings-in-demo_read_ready-and.patch
# check-output-end
#
# check-name: the patches apply with git am -s, one commit each, and git adds the Signed-off-by
# check-command: export HOME=$TMP GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org GIT_COMMITTER_NAME='Ada Lovelace' GIT_COMMITTER_EMAIL=ada@example.org; cp -r $dir/tree $TMP/k && $BM suggest -q --kernel $TMP/k -o $TMP/p > /dev/null && cd $TMP/k && git init -q && git add -A && git commit -q -m base && git am -q -s $TMP/p/*.patch && git log --format='%s | %an' && git log -1 --format=%b | grep '^Signed-off-by' && git diff --shortstat HEAD~3
# check-exit-value: 0
# check-output-start
# KVM: Document barrier pairings in demo_read_ready() and demo_publish() | Ada Lovelace
# KVM: x86: Document 2 barrier pairings | Ada Lovelace
# KVM: PPC: Document 2 barrier pairings | Ada Lovelace
# base | Ada Lovelace
# Signed-off-by: Ada Lovelace <ada@example.org>
#  5 files changed, 24 insertions(+)
# check-output-end
#
# check-name: checkpatch.pl --no-tree finds nothing in the commits git am made; in the patches themselves, only the Signed-off-by git am -s adds
# check-command: export HOME=$TMP GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org GIT_COMMITTER_NAME='Ada Lovelace' GIT_COMMITTER_EMAIL=ada@example.org; cp -r $dir/tree $TMP/k && $BM suggest -q --kernel $TMP/k -o $TMP/p > /dev/null && cd $TMP/k && git init -q && git add -A && git commit -q -m base && git am -q -s $TMP/p/*.patch && git format-patch -q -o $TMP/fp HEAD~3 && for f in $TMP/fp/*.patch; do perl $KERNEL/scripts/checkpatch.pl --no-tree --terse --no-summary $f; done; for f in $TMP/p/*.patch; do perl $KERNEL/scripts/checkpatch.pl --no-tree --terse --no-summary $f; done | sed "s|$TMP/p/||"
# check-exit-value: 0
# check-output-start
# 0001-KVM-PPC-Document-2-barrier-pairings.patch:51: ERROR: Missing Signed-off-by: line(s)
# 0002-KVM-x86-Document-2-barrier-pairings.patch:55: ERROR: Missing Signed-off-by: line(s)
# 0003-KVM-Document-barrier-pairings-in-demo_read_ready-and.patch:53: ERROR: Missing Signed-off-by: line(s)
# check-output-end
#
# check-name: a barrier with a comment on its line, after it or before it, is left alone; without its comment it gets one
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; cp -r $dir/tree $TMP/k && $BM suggest -q --kernel $TMP/k | grep -c 'demo_tell\|demo_whisper'; sed -i 's|smp_wmb(); /\* note before noted \*/|smp_wmb();|' $TMP/k/virt/kvm/demo.c && $BM suggest -q --kernel $TMP/k | grep '^- smp_wmb() in demo_tell()'
# check-exit-value: 0
# check-output-start
# 0
# - smp_wmb() in demo_tell() pairs with smp_rmb() in demo_hear(): both
# check-output-end
#
# check-name: a second run replaces its own patches and removes those it no longer writes; other files stay
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; cp -r $dir/tree $TMP/k && mkdir $TMP/p && echo mine > $TMP/p/notes.txt && $BM suggest -q --kernel $TMP/k -o $TMP/p > /dev/null && (cd $TMP/k && git apply $TMP/p/0002-*.patch) && $BM suggest -q --kernel $TMP/k -o $TMP/p | sed "s|$TMP/||" && ls $TMP/p && grep -h '^Subject' $TMP/p/*.patch
# check-exit-value: 0
# check-output-start
# p/0001-KVM-PPC-Document-2-barrier-pairings.patch
# p/0002-KVM-Document-barrier-pairings-in-demo_read_ready-and.patch
# 0001-KVM-PPC-Document-2-barrier-pairings.patch
# 0002-KVM-Document-barrier-pairings-in-demo_read_ready-and.patch
# notes.txt
# Subject: [PATCH] KVM: PPC: Document 2 barrier pairings
# Subject: [PATCH] KVM: Document barrier pairings in demo_read_ready() and demo_publish()
# check-output-end
#
# check-name: a file of the same name that suggest did not write is never overwritten, and nothing is written at all
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; mkdir $TMP/p && echo precious > $TMP/p/0002-KVM-x86-Document-2-barrier-pairings.patch && $BM suggest -q --kernel $dir/tree -o $TMP/p; echo "exit $?"; ls $TMP/p; cat $TMP/p/*
# check-exit-value: 0
# check-output-start
# exit 2
# 0002-KVM-x86-Document-2-barrier-pairings.patch
# precious
# check-output-end
# check-error-contains: 0002-KVM-x86-Document-2-barrier-pairings.patch was not written by barriermap suggest; not overwriting it
#
# check-name: nor a symbolic link of that name, nor through one
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; mkdir $TMP/p && echo precious > $TMP/target && ln -s $TMP/target $TMP/p/0001-KVM-PPC-Document-2-barrier-pairings.patch && $BM suggest -q --kernel $dir/tree -o $TMP/p; echo "exit $?"; cat $TMP/target; ls $TMP/p
# check-exit-value: 0
# check-output-start
# exit 2
# precious
# 0001-KVM-PPC-Document-2-barrier-pairings.patch
# check-output-end
# check-error-contains: is a symbolic link, not a regular file; not replacing it
#
# check-name: -o names a folder; a file there is refused
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; echo precious > $TMP/f && $BM suggest -q --kernel $dir/tree -o $TMP/f; echo "exit $?"; cat $TMP/f
# check-exit-value: 0
# check-output-start
# exit 2
# precious
# check-output-end
# check-error-contains: cannot write patches into
#
# check-name: nothing to suggest: no output, and no patch left from an earlier run
# check-command: export GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org; $BM suggest -q --kernel $dir/tree -o $TMP/p > /dev/null && $BM suggest -q --kernel $dir/tree --min-confidence 0.99 -o $TMP/p && $BM suggest -q --kernel $dir/tree --min-confidence 0.99 && ls -A $TMP/p && echo done
# check-exit-value: 0
# check-output-start
# done
# check-output-end
#
# check-name: an author name that is not ASCII is encoded as RFC 2047 asks, and git am reads it back
# check-command: export HOME=$TMP GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME='Zoë Ørsted' GIT_AUTHOR_EMAIL=zoe@example.org GIT_COMMITTER_NAME='Zoë Ørsted' GIT_COMMITTER_EMAIL=zoe@example.org; cp -r $dir/tree $TMP/k && $BM suggest -q --kernel $TMP/k -o $TMP/p > /dev/null && grep -h '^From:' $TMP/p/0001-*.patch && cd $TMP/k && git init -q && git add -A && git commit -q -m base && git am -q -s $TMP/p/0001-*.patch && git log -1 --format='%an <%ae>'
# check-exit-value: 0
# check-output-start
# From: =?UTF-8?q?Zo=C3=AB_=C3=98rsted?= <zoe@example.org>
# Zoë Ørsted <zoe@example.org>
# check-output-end
#
# check-name: without an author git knows, suggest says how to set one
# check-command: GIT_AUTHOR_NAME= GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $dir/tree
# check-exit-value: 2
# check-error-contains: barriermap: suggest: cannot tell who the patches are from: git var GIT_AUTHOR_IDENT failed; set user.name and user.email
#
# check-name: -o is for patches: --redundant, --recall and --areas write to stdout
# check-command: $BM suggest -q --redundant --kernel $dir/tree -o $TMP/p
# check-exit-value: 2
# check-error-contains: -o DIR is for patches
#
# check-name: a file name with a newline, quotes or bytes past ASCII is quoted as git quotes it, and git apply finds the file
# check-command: mkdir -p $TMP/k/virt/kvm $TMP/k/include/linux && cp $ROOT/tests/infer/tree/include/linux/kvm_host.h $TMP/k/include/linux/ && cp $ROOT/tests/infer/tree/virt/kvm/demo.c "$TMP/k/virt/kvm/new"$'\n'"line \"é\".c" && GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.org $BM suggest -q --kernel $TMP/k -o $TMP/p > /dev/null && grep -a '^diff --git "' $TMP/p/*.patch && cd $TMP/k && git apply --numstat $TMP/p/*.patch && git apply $TMP/p/*.patch && grep -c 'Pairs with' virt/kvm/new*
# check-exit-value: 0
# check-output-start
# diff --git "a/virt/kvm/new\nline \"\303\251\".c" "b/virt/kvm/new\nline \"\303\251\".c"
# 4	0	include/linux/kvm_host.h
# 4	0	"virt/kvm/new\nline \"\303\251\".c"
# 3
# check-output-end
