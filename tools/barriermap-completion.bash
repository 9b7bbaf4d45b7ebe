# SPDX-License-Identifier: GPL-2.0
# bash completion for barriermap: commands, then each command's options as
# its own option table lists them (barriermap CMD --list-options), then
# files.  make install puts it in PREFIX/share/bash-completion/completions/.
_barriermap()
{
	local cur=${COMP_WORDS[COMP_CWORD]} words

	if [ "$COMP_CWORD" -eq 1 ]; then
		words="$(barriermap help --list-commands 2>/dev/null) help --help --version"
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	if [ "${COMP_WORDS[1]}" = help ]; then
		COMPREPLY=($(compgen -W "$(barriermap help --list-commands 2>/dev/null)" -- "$cur"))
		return
	fi
	case $cur in
	-*)
		words=$(barriermap "${COMP_WORDS[1]}" --list-options 2>/dev/null)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		# --format= waits for its value: no space after it
		[ "${#COMPREPLY[@]}" -eq 1 ] && [ "${COMPREPLY[0]%=}" != "${COMPREPLY[0]}" ] &&
			compopt -o nospace 2>/dev/null
		;;
	*)
		COMPREPLY=($(compgen -f -- "$cur"))
		;;
	esac
}
complete -F _barriermap barriermap
