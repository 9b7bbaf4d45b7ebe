#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# File names are untrusted text.  `names.sh DIR` builds a fixture tree in
# DIR with hostile names: HTML (Sphinx 5.3's search page inserts section
# titles from searchindex.js with innerHTML), HTML entities, bytes that
# are not UTF-8 (Sphinx reads pages as UTF-8 and stops), a newline, quotes.
# The map of that tree must build with sphinx-build -W, and no name may
# reach the HTML or the search index as markup.
#
# check-name: the map of a tree with hostile file names builds with sphinx-build -W
# check-command: bash $file $TMP/t && timeout 120 $BM map -q --kernel $TMP/t -o $TMP/m && timeout 300 sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 0
# check-output-end
#
# check-name: no hostile name reaches the built HTML or searchindex.js as markup (it shows escaped in a Location field, a reference and a code caption)
# check-command: bash $file $TMP/t && $BM map -q --kernel $TMP/t -o $TMP/m && timeout 300 sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && cat $TMP/h/*.html $TMP/h/searchindex.js | grep -c -e '<img src=x' -e '<b>entity' -e '&lt;b&gt;entity'; grep -c 'img src=x onerror' $TMP/h/searchindex.js; grep -c '<span class="pre">virt/kvm/&lt;img</span>' $TMP/h/generic.html
# check-exit-value: 0
# check-output-start
# 0
# 1
# 3
# check-output-end
#
# check-name: section titles (the search index's text) show HTML's characters and bytes that are not UTF-8 as U+FFFD
# check-command: bash $file $TMP/t && $BM map -q --kernel $TMP/t -o $TMP/m && grep -a '^[0-9]*\. virt/kvm/' $TMP/m/generic.rst | grep -v -e hostile -e odd
# check-exit-value: 0
# check-output-start
# 2. virt/kvm/�lt;b�gt;entity.c
# 3. virt/kvm/�img src=x onerror=alert(1)�.c
# 5. virt/kvm/latin1-caf�.c
# 6. virt/kvm/new line.c
# 8. virt/kvm/quote"'.c
# check-output-end
#
# check-name: the entries' Location fields keep the names exactly, where UTF-8 allows
# check-command: bash $file $TMP/t && $BM map -q --kernel $TMP/t -o $TMP/m && grep -a ':Location:' $TMP/m/generic.rst | grep -v -e hostile -e odd -e kvm_host
# check-exit-value: 0
# check-output-start
# :Location: ``virt/kvm/&lt;b&gt;entity.c:5``
# :Location: ``virt/kvm/<img src=x onerror=alert(1)>.c:5``
# :Location: ``virt/kvm/latin1-caf�.c:5``
# :Location: virt/kvm/new line.c:5
# :Location: ``virt/kvm/quote"'.c:5``
# check-output-end
#
# check-name: every page is valid UTF-8
# check-command: bash $file $TMP/t && $BM map -q --kernel $TMP/t -o $TMP/m && for f in $TMP/m/*.rst; do iconv -f UTF-8 -t UTF-8 $f >/dev/null || echo "$f: not UTF-8"; done; echo checked
# check-exit-value: 0
# check-output-start
# checked
# check-output-end
#
# check-name: lint --format=json of hostile names is valid JSON, with U+FFFD for bytes that are not UTF-8
# check-command: bash $file $TMP/t && $BM lint --kernel $TMP/t --format=json --status=all | python3 -c 'import json,sys; print(sorted(set(s["file"] for s in json.load(sys.stdin)["sites"] if "kvm/" in s["file"] and "hostile" not in s["file"])))'
# check-exit-value: 0
# check-output-start
# ['virt/kvm/&lt;b&gt;entity.c', 'virt/kvm/<img src=x onerror=alert(1)>.c', 'virt/kvm/latin1-caf�.c', 'virt/kvm/new\nline.c', 'virt/kvm/odd`name`_*x*.c', 'virt/kvm/quote"\'.c']
# check-output-end
set -e
[ $# = 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
cp -r "$(dirname "$0")/../map/hostile/tree" "$1"
n=0
for name in '<img src=x onerror=alert(1)>' '&lt;b&gt;entity' \
	    $'latin1-caf\xe9' $'new\nline' "quote\"'"; do
	n=$((n + 1))
	printf '// SPDX-License-Identifier: GPL-2.0-only\nvoid hostile_name_%d(int *flag)\n{\n\t/* Pairs with smp_rmb() in hostile_reader(). */\n\tsmp_wmb();\n\tWRITE_ONCE(*flag, %d);\n}\n' \
		"$n" "$n" > "$1/virt/kvm/$name.c"
done
