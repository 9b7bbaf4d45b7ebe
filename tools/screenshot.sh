#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Screenshots of the map's pages with Debian's headless chromium: the
# index, one architecture's page scrolled to one function's barriers, the
# same page at one file's pairing graph, and the page of graphs.
#
# Usage: tools/screenshot.sh [PAGES [OUT_DIR [ARCH [FUNCTION [FILE]]]]]
#        defaults: build/html/map  build/screenshots  x86  vcpu_enter_guest
#                  arch/x86/kvm/x86.c
# PAGES is the folder of the built pages: build/html/map after
# `make htmldocs`, or Documentation/output/virt/kvm/barriers in a kernel
# tree after its `make htmldocs` (tools/kernel-docs-screenshots.sh does
# that).  With pngquant installed the PNGs are made smaller.
set -eu

PAGES=${1:-build/html/map}
OUT=${2:-build/screenshots}
ARCH=${3:-x86}
FUNCTION=${4:-vcpu_enter_guest}
FILE=${5:-arch/x86/kvm/x86.c}
SIZE=${SCREENSHOT_SIZE:-1280,1500}

die() { echo "barriermap: $*" >&2; exit 2; }

command -v chromium >/dev/null 2>&1 ||
	die "chromium is not installed; run: apt-get install chromium"
[ -f "$PAGES/index.html" ] ||
	die "$PAGES/index.html is missing; run 'make htmldocs' first"
mkdir -p "$OUT"
PAGES=$(cd "$PAGES" && pwd)
OUT=$(cd "$OUT" && pwd)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

# shot NAME URL [WIDTH,HEIGHT]: a fresh profile each time, nothing online
shot() {
	profile=$(mktemp -d "$WORK/profile.XXXXXX")
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --hide-scrollbars \
		--window-size="${3:-$SIZE}" --screenshot="$OUT/$1.png" \
		"$2" >/dev/null 2>&1 || die "chromium failed on $2"
	[ -s "$OUT/$1.png" ] || die "chromium wrote no $OUT/$1.png"
	if command -v pngquant >/dev/null 2>&1; then
		pngquant --force --skip-if-larger --output "$OUT/$1.png" 64 "$OUT/$1.png" || :
	fi
	echo "$OUT/$1.png"
}

# The URL of a page showing @1 scrolled to its anchor: headless chromium
# captures a scrolled top-level page blank, so frame it in a page of ours.
framed() {
	frame=$WORK/frame-$(echo "$1" | tr -c 'a-zA-Z0-9\n' _).html
	printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s" %s></iframe></body></html>\n' \
		"$1" 'style="border:0;width:100vw;height:100vh"' >"$frame"
	echo "file://$frame"
}

# Sphinx's ids: lowercase, runs of other characters as "-"
anchor() { echo "$1" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9]\{1,\}/-/g; s/^-//; s/-$//'; }

shot index "file://$PAGES/index.html"
shot "$ARCH-$FUNCTION" "$(framed "file://$PAGES/$ARCH.html#$(anchor "$FUNCTION")")"
shot "$ARCH-graph" "$(framed "file://$PAGES/$ARCH.html#$(anchor "$FILE")")"
shot graph "$(framed "file://$PAGES/graph.html#$(anchor "$FILE")")"
