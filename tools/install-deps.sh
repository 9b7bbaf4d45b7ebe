#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian 12 packages barriermap builds and tests with, when
# any is missing.  Needs root (or sudo) only when something is missing.
#
#   libclang-dev llvm  the libclang C API and llvm-config
#   libjansson-dev     the JSON output
#   libssl-dev         SHA-256 (libcrypto) for the fact cache
#   coccinelle         spatch, for cocci/ and the cross-check
#   python3-sphinx     make htmldocs, and the kernel's own
#   graphviz           the pairing graphs (dot)
#   linux-source-6.12  the real kernel tree (tools/kernel-tree.sh extracts it)
#   git-email          git send-email, for the sendemail-validate hook test
#   b4                 b4 prep, for the b4 recipe's test
#   gcc clang make git python3 xz-utils perl: the build, tests and tools
#   strace             tests/hardening: signals injected at a given system call
#   libclang-rt-14-dev libFuzzer, for tests/fuzz/ (make fuzz, make check)
#   npm                Microsoft's SARIF validator from the npm registry
#                      (tools/sarif-validate.sh, tests/cli/install.t)
#   man-db             man -l, for the manual page's test
#
# npm counts as present when an npm command is on the PATH: a machine whose
# Node.js comes from NodeSource has one without Debian's npm package, and
# Debian's npm conflicts with that nodejs, so asking apt for it would fail
# the whole install.
#
#   tools/install-deps.sh            install what is missing
#   tools/install-deps.sh --missing  print what is missing, install nothing
set -eu

PACKAGES="gcc clang libclang-rt-14-dev make git python3 perl xz-utils libclang-dev llvm libjansson-dev libssl-dev
coccinelle python3-sphinx python3-yaml graphviz strace linux-source-6.12 git-email b4 npm man-db ${EXTRA_PACKAGES:-}"

# A package is present when dpkg has it, or, for one that only brings a
# command others may also provide, when the command is there.
present() {
	case $1 in
	npm) command -v npm >/dev/null 2>&1 && return 0 ;;
	esac
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=
for p in $PACKAGES; do
	present "$p" || missing="$missing $p"
done
if [ "${1:-}" = --missing ]; then
	for p in $missing; do echo "$p"; done
	exit 0
fi
[ -n "$missing" ] || exit 0

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "install-deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
