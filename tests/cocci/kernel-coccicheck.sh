#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The semantic patches under the kernel's own `make coccicheck`, on the real
# tree, for M=virt/kvm and M=arch/x86/kvm.  Each run must exit 0, every
# report line must parse as path:line:col-col: message, the patch-mode diff
# must apply with `git apply --check`, and nothing in the tree may change
# (coccicheck needs no .config; spatch's --jobs scratch folders go to $TMP).
#
# check-name: make coccicheck MODE=report: each patch exits 0 on virt/kvm and arch/x86/kvm, every line parses
# check-group: slow
# check-command: bash $file report "$KERNEL"
# check-exit-value: 0
# check-output-contains: barrier_undocumented.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_undocumented.cocci M=arch/x86/kvm: exit 0
# check-output-contains: barrier_misspelled.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_misspelled.cocci M=arch/x86/kvm: exit 0
# check-output-contains: barrier_partner_no_barrier.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_partner_no_barrier.cocci M=arch/x86/kvm: exit 0
# check-output-contains: arch/x86/kvm/vmx/vmx.c: pairing comment names smb_wmb
# check-output-contains: virt/kvm/coalesced_mmio.c: smp_wmb() has no comment
# check-output-excludes: unparsed
# check-output-contains: tree unchanged
#
# check-name: make coccicheck MODE=org: each patch exits 0 on virt/kvm and arch/x86/kvm, every line is an org TODO
# check-group: slow
# check-command: bash $file org "$KERNEL"
# check-exit-value: 0
# check-output-contains: barrier_undocumented.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_misspelled.cocci M=arch/x86/kvm: exit 0
# check-output-contains: barrier_partner_no_barrier.cocci M=arch/x86/kvm: exit 0
# check-output-contains: * TODO [[view:arch/x86/kvm/vmx/vmx.c::face=ovl-face1::
# check-output-excludes: unparsed
# check-output-contains: tree unchanged
#
# check-name: make coccicheck MODE=context: each patch exits 0 on virt/kvm and arch/x86/kvm, the output is a diff that marks the barriers
# check-group: slow
# check-command: bash $file context "$KERNEL"
# check-exit-value: 0
# check-output-contains: barrier_undocumented.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_misspelled.cocci M=arch/x86/kvm: exit 0
# check-output-contains: barrier_partner_no_barrier.cocci M=arch/x86/kvm: exit 0
# check-output-contains: barrier_misspelled.cocci: -		smp_rmb();
# check-output-excludes: unparsed
# check-output-contains: tree unchanged
#
# check-name: the project's make coccicheck prints the kernel's banner once over the whole scope
# check-group: slow
# check-command: make -s coccicheck MODE=org KDIR="$KERNEL" COCCI=cocci/barrier_misspelled.cocci > $TMP/o 2>&1; echo "exit $?"; grep -c '^Please check for false positives' $TMP/o; grep -c 'spatch -D' $TMP/o; grep -c '^\* TODO' $TMP/o
# check-exit-value: 0
# check-output-start
# exit 0
# 1
# 0
# 3
# check-output-end
#
# check-name: make coccicheck MODE=patch: the template diff applies to the tree with git apply --check
# check-group: slow
# check-command: bash $file patch "$KERNEL"
# check-exit-value: 0
# check-output-contains: barrier_undocumented.cocci M=virt/kvm: exit 0
# check-output-contains: barrier_undocumented.cocci M=arch/x86/kvm: exit 0
# check-output-contains: Checking patch virt/kvm/coalesced_mmio.c...
# check-output-contains: Checking patch arch/x86/kvm/x86.c...
# check-output-contains: git apply --check: exit 0
# check-output-contains: tree unchanged
set -u
MODE=$1 KERNEL=$2
REPORT_LINE='^[^: ]+:[0-9]+:[0-9]+-[0-9]+: .+$'
touch "$TMP/stamp"

coccicheck() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$KERNEL" coccicheck \
		MODE="$MODE" COCCI="$1" M="$2" SPFLAGS="--tmp-dir $TMP/parmap"
}

# Keep what spatch printed, without coccicheck's banner and command line.
findings() {
	grep -v -e '^$' -e '^Please check' -e '^When using' -e '^/usr/bin/spatch'
}

ORG_LINE='^\* TODO \[\[view:[^:]+::face=ovl-face1::linb=[0-9]+::colb=[0-9]+::cole=[0-9]+\]\[.+\]\]$'
DIFF_LINE='^(diff -u -p |--- |\+\+\+ |@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@|[ +-])'

if [ "$MODE" != patch ]; then
	case $MODE in
	report) LINE=$REPORT_LINE ;;
	org) LINE=$ORG_LINE ;;
	context) LINE=$DIFF_LINE ;;
	esac
	for c in "$ROOT"/cocci/*.cocci; do
		for m in virt/kvm arch/x86/kvm; do
			coccicheck "$c" "$m" >"$TMP/out" 2>&1
			echo "$(basename "$c") M=$m: exit $?"
			findings <"$TMP/out" >"$TMP/lines"
			grep -Ev "$LINE" "$TMP/lines" | sed 's/^/unparsed: /'
			case $MODE in
			# Keep file and message; line numbers move between releases.
			report) sed -E 's/^([^:]+):[0-9]+:[0-9]+-[0-9]+:( WARNING:)?/\1:/' "$TMP/lines" | sort -u ;;
			context) grep '^-' "$TMP/lines" | grep -v '^---' | sed "s/^/$(basename "$c"): /" ;;
			*) cat "$TMP/lines" ;;
			esac
		done
	done
else
	for m in virt/kvm arch/x86/kvm; do
		coccicheck "$ROOT/cocci/barrier_undocumented.cocci" "$m" >"$TMP/out" 2>&1
		echo "barrier_undocumented.cocci M=$m: exit $?"
		findings <"$TMP/out" >>"$TMP/diff"
	done
	(cd "$KERNEL" && git apply --check --verbose "$TMP/diff" 2>&1)
	echo "git apply --check: exit $?"
fi
changed=$(find "$KERNEL" -newer "$TMP/stamp" | head -5)
[ -z "$changed" ] && echo "tree unchanged" || echo "tree changed: $changed"
