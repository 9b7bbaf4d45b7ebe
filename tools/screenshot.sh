#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Screenshots of the built documentation site with Debian's headless
# chromium: the map's index, one architecture's page, that page scrolled to
# one function's barriers, and the pairing graph.
#
# Usage: tools/screenshot.sh [HTML_DIR [OUT_DIR [ARCH [FUNCTION]]]]
#        defaults: build/html  build/screenshots  x86  vcpu_enter_guest
# Build the site first with `make htmldocs`.
set -eu

HTML=${1:-build/html}
OUT=${2:-build/screenshots}
ARCH=${3:-x86}
FUNCTION=${4:-vcpu_enter_guest}
SIZE=${SCREENSHOT_SIZE:-1280,1600}

die() { echo "barriermap: $*" >&2; exit 2; }

command -v chromium >/dev/null 2>&1 ||
	die "chromium is not installed; run: apt-get install chromium"
[ -f "$HTML/map/index.html" ] ||
	die "$HTML/map/index.html is missing; run 'make htmldocs' first"
mkdir -p "$OUT"
HTML=$(cd "$HTML" && pwd)
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

anchor=$(echo "$FUNCTION" | tr 'A-Z_' 'a-z-')
shot index "file://$HTML/map/index.html"
shot "$ARCH" "file://$HTML/map/$ARCH.html"
shot "$ARCH-$FUNCTION" "$(framed "file://$HTML/map/$ARCH.html#$anchor")"
shot graph "file://$HTML/map/graph.html" "${GRAPH_SIZE:-1600,2400}"
