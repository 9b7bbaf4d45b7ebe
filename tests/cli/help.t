# SPDX-License-Identifier: GPL-2.0
# The command line as git's users expect it: --version, "help CMD" that
# says what "CMD --help" says (both come from the command's one option
# table), the option list the bash completion reads, and usage errors
# that name the command, the option and the value.
#
# check-name: --version names the release and the commit built
# check-command: $BM --version | sed -E 's/\(([0-9a-f]{7,})(-dirty)?\)/(COMMIT)/'
# check-exit-value: 0
# check-output-start
# barriermap 0.3 (COMMIT)
# check-output-end
#
# check-name: help CMD prints what CMD --help prints, for every command
# check-command: for c in $($BM help --list-commands); do cmp <($BM help $c) <($BM $c --help) >/dev/null && echo "$c same" || echo "$c DIFFERS"; done
# check-exit-value: 0
# check-output-start
# lint same
# map same
# show same
# check-patch same
# suggest same
# grammar same
# litmus same
# check-output-end
#
# check-name: help of a command that does not exist is an error
# check-command: $BM help frobnicate
# check-exit-value: 2
# check-error-contains: barriermap: help: 'frobnicate' is not a barriermap command
#
# check-name: lint --help lists its options in groups, wrapped at 80 columns
# check-command: $BM lint --help | awk 'length > 79 { print "long: " $0 } /^[A-Z]/ { print }'
# check-exit-value: 0
# check-output-start
# What to report
# Output
# The tree and the scan
# check-output-end
#
# check-name: --list-options gives the completion the options, "=" on those that take a value
# check-command: $BM lint --list-options | grep -E '^--(format|quiet|progress|no-progress|baseline)=?$'
# check-exit-value: 0
# check-output-start
# --baseline=
# --format=
# --quiet
# --progress
# --no-progress
# check-output-end
#
# check-name: an unknown option names the command and the option, then the synopsis
# check-command: $BM show --frobnicate x
# check-exit-value: 2
# check-error-start
# barriermap: show: unknown option '--frobnicate'
# usage: barriermap show [options] FUNCTION | FILE:LINE...
#    or: barriermap show --primitives [options] [NAME...]
# See 'barriermap show --help' for the options.
# check-error-end
#
# check-name: a value out of range names the option and the value
# check-command: $BM lint --kernel tests/map/tree --depth=17
# check-exit-value: 2
# check-error-contains: barriermap: lint: --depth takes a whole number from 0 to 16, not '17'
#
# check-name: a format a command does not write is refused with the ones it does
# check-command: $BM lint --kernel tests/map/tree --format=rst
# check-exit-value: 2
# check-error-contains: barriermap: lint: --format takes one of text, gcc, json, sarif, not 'rst'
#
# check-name: options and arguments mix, and -- ends the options
# check-command: $BM grammar -- -e
# check-exit-value: 2
# check-error-contains: cannot read '-e'
#
# check-name: the man page's command reference is what the commands say (make commands-rst updates it)
# check-command: $BM help --rst | diff -u rst/commands.inc - && echo up to date
# check-exit-value: 0
# check-output-start
# up to date
# check-output-end
#
# check-name: the man page builds with Sphinx's man builder and renders with man
# check-command: mkdir -p build; flock build/.make.lock make -s man >/dev/null && MANWIDTH=80 man -l build/man/barriermap.1 2>/dev/null | grep -E '^(NAME|SYNOPSIS|COMMANDS|CONFIGURATION|EXIT STATUS)$|^   barriermap (lint|check-patch)$|--fail-on=LIST'
# check-exit-value: 0
# check-output-start
# NAME
# SYNOPSIS
# COMMANDS
#    barriermap lint
#        --fail-on=LIST
#    barriermap check-patch
# CONFIGURATION
# EXIT STATUS
# check-output-end
#
# check-name: bash completion offers the commands, then a command's options
# check-command: PATH=$(dirname $BM):$PATH; ln -sf $(realpath $BM) $TMP/barriermap; PATH=$TMP:$PATH; source tools/barriermap-completion.bash; COMP_WORDS=(barriermap li); COMP_CWORD=1; _barriermap; echo "${COMPREPLY[@]}"; COMP_WORDS=(barriermap lint --fa); COMP_CWORD=2; _barriermap; echo "${COMPREPLY[@]}"; COMP_WORDS=(barriermap help ch); COMP_CWORD=2; _barriermap; echo "${COMPREPLY[@]}"
# check-exit-value: 0
# check-output-start
# lint litmus
# --fail-on=
# check-patch
# check-output-end
