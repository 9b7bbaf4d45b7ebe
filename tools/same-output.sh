#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Refactoring changes no behaviour: this script proves it on the real kernel
# tree.  It runs ./barriermap over the tree (lint in every format, map,
# suggest and its --fix and --redundant modes, show of a few functions,
# litmus of one pair, check-patch of a patch that drops a barrier) into a
# folder, and compares that folder byte for byte with a baseline taken
# before the change.
#
# Usage: tools/same-output.sh save      take the baseline (at the commit
#                                       a refactoring starts from)
#        tools/same-output.sh save REV  take it with REV (main, after a merge)
#                                       built from `git archive` on the side
#        tools/same-output.sh check     compare with it; a diff and exit 1
#                                       when anything differs
#        tools/same-output.sh run DIR   write the outputs into DIR only
#
# KDIR=... picks another tree; BARRIERMAP=... another binary; the baseline
# lives in build/same-output/baseline (SAME_OUTPUT_DIR moves it).
set -eu

cd "$(dirname "$0")/.."
BIN=${BARRIERMAP:-./barriermap}
KDIR=${KDIR:-$(tools/kernel-tree.sh)}
TOP=${SAME_OUTPUT_DIR:-build/same-output}

# Functions whose barriers are shown: paired, vague, a weak claim, a
# misspelling, an implicit site on a call, a list of partners, dangling.
SHOW="kvm_get_vcpu kvm_vcpu_max_halt_poll_ns user_mem_abort xive_esc_irq
kvm_mmu_commit_zap_page vcpu_enter_guest kvm_map_page"

die() { echo "same-output: $*" >&2; exit 2; }

# run CMD... > FILE, recording the exit status beside the output: a change
# of exit status is a change of behaviour too.
record() {
	rec_file=$1; shift
	set +e
	"$@" >"$rec_file" 2>"$rec_file.stderr"
	echo $? >"$rec_file.rc"
	set -e
}

# A patch that deletes the smp_wmb() under "Pairs with smp_rmb() in
# kvm_get_vcpu" in virt/kvm/kvm_main.c: check-patch must list its partner.
make_patch() {
	tmp=$1
	mkdir -p "$tmp/a/virt/kvm" "$tmp/b/virt/kvm"
	cp "$KDIR/virt/kvm/kvm_main.c" "$tmp/a/virt/kvm/kvm_main.c"
	awk '/Pairs with smp_rmb\(\) in kvm_get_vcpu/ { armed = 1 }
	     armed && /^\tsmp_wmb\(\);$/ { armed = 0; next }
	     { print }' "$KDIR/virt/kvm/kvm_main.c" >"$tmp/b/virt/kvm/kvm_main.c"
	(cd "$tmp" && diff -u a/virt/kvm/kvm_main.c b/virt/kvm/kvm_main.c) \
		>"$tmp/drop-wmb.patch" || true
	test -s "$tmp/drop-wmb.patch" || die "the smp_wmb() to drop was not found"
}

run() {
	out=$1
	rm -rf "$out"
	mkdir -p "$out"
	test -x "$BIN" || die "$BIN is missing: run make first"
	k="--kernel $KDIR -j2"
	record "$out/lint.txt" "$BIN" lint $k
	record "$out/lint.json" "$BIN" lint $k --format=json
	record "$out/lint-all.json" "$BIN" lint $k --format=json --status=all
	record "$out/lint.gcc" "$BIN" lint $k --format=gcc
	record "$out/lint.sarif" "$BIN" lint $k --format=sarif
	record "$out/map.log" "$BIN" map $k -o "$out/map"
	record "$out/suggest.patch" "$BIN" suggest $k
	record "$out/suggest-fix.patch" "$BIN" suggest $k --fix
	record "$out/suggest-redundant.txt" "$BIN" suggest $k --redundant
	for f in $SHOW; do
		record "$out/show-$f.txt" "$BIN" show $k "$f"
		record "$out/show-$f.json" "$BIN" show $k --format=json "$f"
	done
	record "$out/show-primitives.txt" "$BIN" show --primitives
	record "$out/litmus-kvm_get_vcpu.litmus" "$BIN" litmus $k kvm_get_vcpu
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT INT TERM
	make_patch "$tmp"
	record "$out/check-patch.txt" "$BIN" check-patch $k "$tmp/drop-wmb.patch"
	record "$out/check-patch.json" "$BIN" check-patch $k --format=json "$tmp/drop-wmb.patch"
	record "$out/check-patch.terse" "$BIN" check-patch $k --terse "$tmp/drop-wmb.patch"
	rm -rf "$tmp"
	trap - EXIT INT TERM
	# the temp folder's name may appear in messages: make it stable
	for f in "$out"/check-patch.*; do
		sed -i "s|$tmp|TMP|g" "$f"
	done
	# SARIF names the tool's version, which holds the commit (or not, out of git)
	sed -i 's|^\(          "version": \)"[^"]*"|\1"VERSION"|' "$out/lint.sarif"
}

# Build @1 from `git archive` in $TOP/rev and point BIN at it.
build_rev() {
	rev=$(git rev-parse --short "$1^{commit}") || die "$1: no such revision"
	rm -rf "$TOP/rev"
	mkdir -p "$TOP/rev"
	git archive "$rev" | tar -x -C "$TOP/rev"
	make -C "$TOP/rev" -j2 barriermap >/dev/null || die "$rev does not build"
	BIN=$TOP/rev/barriermap
}

case ${1:-check} in
save)
	if [ $# -ge 2 ]; then
		build_rev "$2"
		run "$TOP/baseline"
		echo "$rev $(git log -1 --format=%s "$rev")" >"$TOP/baseline.commit"
	else
		run "$TOP/baseline"
		(git log -1 --format='%h %s' 2>/dev/null || true) >"$TOP/baseline.commit"
	fi
	echo "same-output: baseline saved in $TOP/baseline ($(cat "$TOP/baseline.commit"))"
	;;
check)
	test -d "$TOP/baseline" || die "no baseline: run tools/same-output.sh save first"
	run "$TOP/now"
	if diff -ru "$TOP/baseline" "$TOP/now"; then
		echo "same-output: byte-identical to the baseline ($(cat "$TOP/baseline.commit"))"
	else
		echo "same-output: DIFFERS from the baseline ($(cat "$TOP/baseline.commit"))" >&2
		exit 1
	fi
	;;
run)
	test $# -eq 2 || die "usage: tools/same-output.sh run DIR"
	run "$2"
	;;
*)
	die "usage: tools/same-output.sh save | check | run DIR"
	;;
esac
