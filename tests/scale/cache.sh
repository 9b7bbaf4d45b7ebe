#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The fact cache's promises, one scenario per call (tests/scale/cache.test):
#   cache.sh BM TMP SCENARIO
# Each copies the fixture tree of tests/lint into TMP/t and keeps its
# cache in TMP/cache; the entries are the files of TMP/cache/facts.
set -u
BM=$1 TMP=$2
T=$TMP/t
export BARRIERMAP_CACHE=$TMP/cache
cp -r "$(dirname "$0")/../lint/tree" "$T"

entries() {	# "inode path" of every entry, sorted
	find "$BARRIERMAP_CACHE/facts" -type f ! -name '*.tmp*' -printf '%i %p\n' 2>/dev/null | sort
}
lint() {
	"$BM" lint --kernel "$T" --status=all --format=json "$@"
}

case $3 in
changed)	# a changed file is scanned again, an unchanged one is not
	lint >/dev/null
	entries >"$TMP/before"
	printf 'void fixture_added(void)\n{\n\tsmp_rmb();\n}\n' >>"$T/virt/kvm/kvm_main.c"
	lint | grep -c fixture_added	# its site and its finding
	entries >"$TMP/after"
	echo "entries: $(wc -l <"$TMP/before") then $(wc -l <"$TMP/after")"
	echo "unchanged and not rewritten: $(comm -12 "$TMP/before" "$TMP/after" | wc -l)"
	;;
corrupt)	# a corrupt or foreign entry is ignored, and written again
	lint >"$TMP/cold"
	entries >"$TMP/good"
	mkdir -p "$TMP/saved"
	while read -r inode path; do cp "$path" "$TMP/saved/${path##*/}"; done <"$TMP/good"
	n=0
	while read -r inode path; do
		case $((n++ % 4)) in
		0) cp "$(head -1 "$TMP/good" | cut -d' ' -f2)" "$path" ;;	# another file's entry
		1) truncate -s -1 "$path" ;;				# torn
		2) printf '\377' | dd of="$path" bs=1 seek=120 conv=notrunc 2>/dev/null ;;	# a flipped byte
		3) printf 'garbage' >"$path" ;;				# not an entry
		esac
	done < <(tail -n +2 "$TMP/good")
	lint >"$TMP/warm"
	cmp "$TMP/cold" "$TMP/warm" && echo "same output"
	bad=0
	while read -r inode path; do
		cmp -s "$path" "$TMP/saved/${path##*/}" || bad=$((bad + 1))
	done < <(entries)
	echo "entries not as first written: $bad"
	;;
concurrent)	# two runs at once, on an empty cache, both succeed alike
	lint >"$TMP/a" 2>"$TMP/a.err" & a=$!
	lint >"$TMP/b" 2>"$TMP/b.err" & b=$!
	wait $a; ea=$?; wait $b; eb=$?
	echo "exits $ea $eb"
	cmp "$TMP/a" "$TMP/b" && echo "same output"
	cat "$TMP/a.err" "$TMP/b.err"
	lint --no-cache | cmp - "$TMP/a" && echo "same as without the cache"
	;;
check-patch)	# check-patch keeps the patched file's facts too: the same patch again reads them
	lint >/dev/null
	cp "$T/virt/kvm/kvm_main.c" "$TMP/new.c"
	printf 'void fixture_added(void)\n{\n\tsmp_rmb();\n}\n' >>"$TMP/new.c"
	diff -u --label a/virt/kvm/kvm_main.c --label b/virt/kvm/kvm_main.c \
		"$T/virt/kvm/kvm_main.c" "$TMP/new.c" >"$TMP/add.patch"
	entries >"$TMP/before"
	"$BM" check-patch --kernel "$T" "$TMP/add.patch" >"$TMP/first"
	entries >"$TMP/after"
	"$BM" check-patch --kernel "$T" "$TMP/add.patch" >"$TMP/second"
	entries >"$TMP/again"
	echo "entries: $(wc -l <"$TMP/before"), then $(wc -l <"$TMP/after"), then $(wc -l <"$TMP/again")"
	cmp "$TMP/after" "$TMP/again" && echo "the second run rewrote nothing"
	"$BM" check-patch --no-cache --kernel "$T" "$TMP/add.patch" | cmp - "$TMP/second" &&
		cmp "$TMP/first" "$TMP/second" && echo "same output, and as without the cache"
	grep -c 'fixture_added' "$TMP/second"
	;;
no-cache)	# --no-cache neither reads nor writes
	lint --no-cache >/dev/null
	echo "entries: $(entries | wc -l)"
	;;
bound)	# the size bound: BARRIERMAP_CACHE_SIZE
	BARRIERMAP_CACHE_SIZE=4K lint >/dev/null
	echo "bytes within 4K: $(( $(du -cb $(entries | cut -d' ' -f2) /dev/null | tail -1 | cut -f1) <= 4096 ))"
	;;
unusable)	# a cache that cannot be made: a warning, and the same findings
	printf 'not a folder' >"$TMP/cache"
	lint 2>"$TMP/err" | cmp - <(lint --no-cache) && echo "same output"
	sed "s|$TMP|TMP|" "$TMP/err"
	;;
esac
