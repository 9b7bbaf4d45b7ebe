#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the path of the default kernel tree, installing Debian's
# linux-source-6.12 package and extracting its tarball into a cache folder
# outside the repository when needed.  The tree is extracted once per
# package version; a finished extraction is marked with .barriermap-extracted
# so that an interrupted one is never taken for a whole tree.
#
# Usage: tools/kernel-tree.sh            print the tree's path
#        BARRIERMAP_CACHE=DIR tools/kernel-tree.sh
set -eu

PKG=linux-source-6.12
CACHE=${BARRIERMAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/barriermap}

say() { echo "kernel-tree: $*" >&2; }
die() { echo "barriermap: $*" >&2; exit 2; }

tarball() { ls /usr/src/$PKG.tar.xz 2>/dev/null || true; }

install_package() {
	[ "$(id -u)" = 0 ] || die "$PKG is not installed; run: sudo apt-get install $PKG"
	say "installing $PKG"
	apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PKG >&2 ||
		die "could not install $PKG"
}

[ -n "$(tarball)" ] || install_package
TAR=$(tarball)
[ -n "$TAR" ] || die "$PKG installed but /usr/src/$PKG.tar.xz is missing"

VERSION=$(dpkg-query -W -f='${Version}' $PKG 2>/dev/null || echo unknown)
# "~" and ":" in Debian versions upset make and shells; keep the path plain.
DEST=$CACHE/$PKG-$(echo "$VERSION" | tr "~:" "__")
if [ ! -f "$DEST/.barriermap-extracted" ]; then
	mkdir -p "$CACHE"
	TMP=$(mktemp -d "$CACHE/.extract.XXXXXX")
	trap 'rm -rf "$TMP"' EXIT
	say "extracting $TAR into $DEST"
	tar -xJf "$TAR" -C "$TMP" || die "could not extract $TAR"
	echo "$VERSION" > "$TMP/$PKG/.barriermap-extracted"
	rm -rf "$DEST"
	mv "$TMP/$PKG" "$DEST"
fi
echo "$DEST"
