# SPDX-License-Identifier: GPL-2.0
# tools/install-deps.sh, the first step of the README's test command and of
# .ci/run, asks apt only for what is really missing.  A machine whose
# Node.js comes from NodeSource has npm without Debian's npm package, and
# Debian's npm conflicts with that nodejs: asking apt for it fails the whole
# install ("held broken packages").  npm counts as present when the command
# is there.  dpkg-query is stubbed: every package installed but npm.
#
# check-name: install-deps: an npm command on the PATH is npm enough
# check-command: mkdir -p $TMP/bin && printf '#!/bin/sh\ncase "$*" in *" npm") echo "unknown ok not-installed";; *) echo "install ok installed";; esac\n' >$TMP/bin/dpkg-query && printf '#!/bin/sh\necho 11.0.0\n' >$TMP/bin/npm && chmod +x $TMP/bin/* && PATH=$TMP/bin:$PATH tools/install-deps.sh --missing; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 0
# check-output-end
#
# check-name: install-deps: with no npm command, Debian's npm is asked for
# check-command: mkdir -p $TMP/bin && printf '#!/bin/sh\ncase "$*" in *" npm") echo "unknown ok not-installed";; *) echo "install ok installed";; esac\n' >$TMP/bin/dpkg-query && chmod +x $TMP/bin/dpkg-query && for c in sh cat grep env id; do ln -s $(command -v $c) $TMP/bin/$c; done; PATH=$TMP/bin tools/install-deps.sh --missing; echo "exit $?"
# check-exit-value: 0
# check-output-start
# npm
# exit 0
# check-output-end
