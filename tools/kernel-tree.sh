#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Print the path of the default kernel tree, installing Debian's
# linux-source-6.12 package and extracting its tarball into a cache folder
# outside the repository when needed.
#
# The cache is shared by every process on the machine, so:
#  - a tree is whole when it has the done-marker .barriermap-extracted
#    naming the package version, and virt/kvm and include/linux;
#  - extraction happens under a lock (flock on CACHE/.lock-PKG), and the
#    check is made again under the lock, so two runs extract once;
#  - the tree is extracted into a temp folder and renamed into place
#    (rename(2) is atomic; a broken tree is renamed away first), so no
#    reader ever sees half a tree and no copy lands inside another;
#  - a broken tree (marker but no virt/kvm, say) is repaired.
#
# Usage: tools/kernel-tree.sh            print the tree's path
#        BARRIERMAP_CACHE=DIR tools/kernel-tree.sh
set -eu

PKG=linux-source-6.12
CACHE=${BARRIERMAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/barriermap}
LOCK_WAIT=900	# seconds to wait for another run's extraction

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

# Why $1 is not a whole tree of $VERSION, or nothing when it is.
broken() {
	if [ ! -e "$1" ]; then echo "missing"
	elif [ ! -d "$1/virt/kvm" ]; then echo "no virt/kvm"
	elif [ ! -d "$1/include/linux" ]; then echo "no include/linux"
	elif [ ! -f "$1/.barriermap-extracted" ]; then echo "no done-marker"
	elif [ "$(cat "$1/.barriermap-extracted")" != "$VERSION" ]; then echo "another version"
	elif [ -e "$1/$PKG" ]; then echo "a nested $PKG"
	fi
}

[ -n "$(tarball)" ] || install_package
TAR=$(tarball)
[ -n "$TAR" ] || die "$PKG installed but /usr/src/$PKG.tar.xz is missing"

VERSION=$(dpkg-query -W -f='${Version}' $PKG 2>/dev/null || echo unknown)
# "~" and ":" in Debian versions upset make and shells; keep the path plain.
DEST=$CACHE/$PKG-$(echo "$VERSION" | tr "~:" "__")

if [ -n "$(broken "$DEST")" ]; then
	mkdir -p "$CACHE" || die "cannot create $CACHE"
	exec 9>>"$CACHE/.lock-$PKG" || die "cannot open the lock $CACHE/.lock-$PKG"
	flock -w "$LOCK_WAIT" 9 || die "timed out waiting for another extraction ($CACHE/.lock-$PKG)"
	why=$(broken "$DEST")
	if [ -n "$why" ]; then
		TMP=$(mktemp -d "$CACHE/.extract.XXXXXX")
		trap 'rm -rf "$TMP"' EXIT
		trap 'exit 130' INT TERM HUP
		[ "$why" = missing ] || say "$DEST is incomplete ($why); extracting it again"
		say "extracting $TAR into $DEST"
		tar -xJf "$TAR" -C "$TMP" || die "could not extract $TAR"
		echo "$VERSION" > "$TMP/$PKG/.barriermap-extracted"
		[ -z "$(broken "$TMP/$PKG")" ] ||
			die "$TAR does not hold a kernel tree ($(broken "$TMP/$PKG"))"
		if [ -e "$DEST" ]; then
			mv -T "$DEST" "$TMP/broken" || die "cannot move the broken $DEST away"
		fi
		mv -T "$TMP/$PKG" "$DEST" || die "cannot rename the extracted tree to $DEST"
	fi
fi
echo "$DEST"
