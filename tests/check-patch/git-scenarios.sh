#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# git-scenarios.sh BM KERNEL TMP: check one patch (removing smp_rmb() in
# kvm_get_vcpu()) in every place a developer has it (issue 11): at its base,
# as `git diff` of uncommitted work, as `git diff --cached`, at the branch
# tip after `git commit` (with and without index lines, and as an mbox), via
# --git, via --base, and outside git.  Prints one line per scenario: its
# exit status and whether its checklist is the one at the base.
set -u
bm=$1 kernel=$2 tmp=$3
here=$(dirname "$0")
repo=$tmp/repo
export GIT_AUTHOR_NAME='A U Thor' GIT_AUTHOR_EMAIL=author@example.com
export GIT_COMMITTER_NAME='A U Thor' GIT_COMMITTER_EMAIL=author@example.com
export GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z
g() { git -C "$repo" -c commit.gpgsign=false "$@"; }

"$here/gitrepo.sh" "$kernel" "$repo" || exit 1
op=(drop include/linux/kvm_host.h kvm_get_vcpu 'smp_rmb();')
"$here/kpatch.py" -s git "$repo" "$tmp/w1" "${op[@]}" > "$tmp/git.patch" || exit 1
"$here/kpatch.py" "$repo" "$tmp/w2" "${op[@]}" > "$tmp/diff.patch" || exit 1
"$here/kpatch.py" -s mbox "$repo" "$tmp/w3" "${op[@]}" commit 'KVM: drop smp_rmb() in kvm_get_vcpu()' > "$tmp/mbox" || exit 1
grep -q '^index ' "$tmp/git.patch" && ! grep -q '^index ' "$tmp/diff.patch" || exit 1

# the checklist without its title and patch list: from the first blank line
# on; of a series, what the series as a whole does (its net effect)
body() {
	local f; f=$(mktemp)
	cat > "$f"
	if grep -q '^The series as a whole:$' "$f"; then
		sed '1,/^The series as a whole:$/d' "$f"
	else
		sed -n '/^$/,$p' "$f"
	fi
	rm -f "$f"
}
"$bm" check-patch --kernel "$repo" "$tmp/git.patch" | body > "$tmp/base.out"
echo "base: exit ${PIPESTATUS[0]}"
cp "$tmp/base.out" "$tmp/checklist"
check() {
	local name=$1; shift
	"$@" 2> "$tmp/err" | body > "$tmp/out"
	local st=${PIPESTATUS[0]}
	if cmp -s "$tmp/out" "$tmp/base.out"; then
		echo "$name: exit $st, same"
	else
		echo "$name: exit $st, differs:"; diff "$tmp/base.out" "$tmp/out" | head -20; head -5 "$tmp/err"
	fi
}
check "base, diff -u" "$bm" check-patch --kernel "$repo" "$tmp/diff.patch"
check "base, mbox" "$bm" check-patch --kernel "$repo" "$tmp/mbox"

g apply "$tmp/git.patch"
g diff > "$tmp/worktree.patch"
check "git diff" "$bm" check-patch --kernel "$repo" "$tmp/worktree.patch"
g add -A
g diff --cached > "$tmp/cached.patch"
check "git diff --cached" sh -c "cd '$repo' && '$bm' check-patch - < '$tmp/cached.patch'"
g commit -q -m 'KVM: drop smp_rmb() in kvm_get_vcpu()'
check "tip, git diff" "$bm" check-patch --kernel "$repo" "$tmp/git.patch"
check "tip, diff -u" "$bm" check-patch --kernel "$repo" "$tmp/diff.patch"
check "tip, mbox" "$bm" check-patch --kernel "$repo" "$tmp/mbox"
check "--git HEAD" "$bm" check-patch --kernel "$repo" --git HEAD

# a second commit that touches no barrier: the range's net effect is the same
sed -i 's|^#include <linux/kvm_host.h>$|&\n/* A comment that names no barrier. */|' "$repo/virt/kvm/dirty_ring.c"
g commit -q -a -m 'KVM: a comment'
check "--git HEAD~2..HEAD" "$bm" check-patch --kernel "$repo" --git HEAD~2..HEAD
check "--base=HEAD~2, diff -u" "$bm" check-patch --kernel "$repo" --base=HEAD~2 "$tmp/diff.patch"

# outside git the tree is the base
mkdir "$tmp/plain" && g archive HEAD~2 | tar -x -C "$tmp/plain"
check "outside git, at the base" "$bm" check-patch --kernel "$tmp/plain" "$tmp/git.patch"
rm -rf "$tmp/plain" && mkdir "$tmp/plain" && g archive HEAD | tar -x -C "$tmp/plain"
"$bm" check-patch --kernel "$tmp/plain" "$tmp/diff.patch" > /dev/null 2> "$tmp/err"
st=$?
echo "outside git, at the tip: exit $st: $(sed -e 's|^barriermap: .*/diff.patch: |barriermap: diff.patch: |' -e "s|'@@ [^']*'|'@@ ... @@'|" "$tmp/err")"
