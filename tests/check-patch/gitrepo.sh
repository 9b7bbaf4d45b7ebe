#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gitrepo.sh KERNEL DIR: a throwaway git repository holding the generic KVM
# scope of KERNEL (virt/kvm, include/linux/kvm*.h, include/kvm), committed
# once as "base", for the real-git check-patch tests.  The files are copied,
# never linked: the tests edit and commit them.
set -e
kernel=$1 dir=$2
mkdir -p "$dir/virt" "$dir/include/linux"
cp -r "$kernel/virt/kvm" "$dir/virt/"
cp -r "$kernel/include/kvm" "$dir/include/"
cp "$kernel"/include/linux/kvm*.h "$dir/include/linux/"
export GIT_AUTHOR_NAME='A U Thor' GIT_AUTHOR_EMAIL=author@example.com
export GIT_COMMITTER_NAME='A U Thor' GIT_COMMITTER_EMAIL=author@example.com
export GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z
git -C "$dir" init -q
git -C "$dir" add -A
git -C "$dir" -c commit.gpgsign=false commit -q -m base
