#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run barriermap's semantic patches through the kernel's own coccicheck, one
# KVM folder at a time (coccicheck takes one M=), then over the KVM headers
# outside those folders with the same spatch options.  Nothing is written to
# the kernel tree: coccicheck needs no .config, and spatch's temporary
# folders for --jobs go to a private directory instead of the tree.
#
# Usage: cocci/coccicheck.sh KDIR MODE COCCI...
# Environment: M=folder (only that folder, relative to KDIR), J=jobs,
#              BARRIERMAP=binary (MODE=patch: name known partners), V=1
set -eu -o pipefail

K=$1 MODE=$2
shift 2
[ -d "$K/virt/kvm" ] || { echo "barriermap: $K is not a kernel tree (no virt/kvm)" >&2; exit 2; }
command -v spatch >/dev/null || { echo "barriermap: spatch not found: apt-get install coccinelle" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/barriermap-cocci.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# MODE=patch: name the partner barriermap knows in the template comments.
named_partners() {
	local json=$TMP/sites.json rc=0
	"$BARRIERMAP" lint --format=json --kernel "$K" >"$json" || rc=$?
	[ $rc -le 1 ] || { echo "barriermap: lint failed (exit $rc)" >&2; exit 2; }
	"$(dirname "$0")/barrier_template.py" "$json" >"$TMP/$(basename "$1")"
	echo "$TMP/$(basename "$1")"
}

# The kernel's coccicheck prints its banner and the spatch command at every
# run, and we run it once per folder and patch: print the banner once, and
# the commands only with V=1.
BANNER1='Please check for false positives in the output before submitting a patch.'
BANNER2='When using "patch" mode, carefully review the patch before submitting it.'
quiet_banner() {
	if [ -n "${V:-}" ]; then
		cat
	else
		sed -e "/^$BANNER1\$/d" -e "/^$BANNER2\$/d" -e '/^$/d' -e '\|^/[^ ]*spatch -D |d'
	fi
}

kernel_coccicheck() {
	# Our make's command-line variables must not leak into the kernel's make.
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
		make -s -C "$K" coccicheck MODE="$MODE" COCCI="$1" M="$2" \
		${J:+J=$J} ${V:+V=$V} SPFLAGS="--tmp-dir $TMP/parmap" | quiet_banner
}

headers() {
	local c=$1 opt flags=--very-quiet
	opt=$(grep "Options:" "$c" | cut -d: -f2)
	case $MODE in report|org) flags="--no-show-diff $flags" ;; esac
	(cd "$K" && ls include/linux/kvm*.h arch/*/include/asm/kvm*.h) |
		sed 's/$/\n/' >"$TMP/headers"
	# shellcheck disable=SC2086
	(cd "$K" && spatch -D "$MODE" $flags --cocci-file "$c" $opt --patch . \
		--file-groups "$TMP/headers" --tmp-dir "$TMP/parmap")
}

[ -n "${V:-}" ] || printf '\n%s\n%s\n\n' "$BANNER1" "$BANNER2"
for c in "$@"; do
	if [ "$MODE" = patch ] && [ "$(basename "$c")" = barrier_undocumented.cocci ] &&
	   [ -x "${BARRIERMAP:-}" ]; then
		c=$(named_partners "$c")
	fi
	if [ -n "${M:-}" ]; then
		kernel_coccicheck "$c" "$M"
		continue
	fi
	for d in virt/kvm $(cd "$K" && ls -d arch/*/kvm include/kvm 2>/dev/null); do
		kernel_coccicheck "$c" "$d"
	done
	headers "$c"
done
