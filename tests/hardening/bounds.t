# SPDX-License-Identifier: GPL-2.0
# What the map's pages hold is bounded, and each bound is stated on the
# page where it applies (the numbers are in src/emit/emit_rst.c): a comment is
# quoted up to 200 lines or 16 KiB, a list in an entry up to 32 items, a
# graph drawn up to 6000 lines of DOT, the code around a barrier up to its
# comment 40 lines away and 3 lines below, a line of code up to 160
# columns, and the code of at most 3 partners.  A hostile tree (bounds.py writes
# its files) cannot make a page, or Sphinx and Graphviz after it, grow
# without end; the real tree is far below every bound.
#
# check-name: a 200,000-line comment is quoted up to 200 lines (199 and its first; the code around the barrier leaves out a comment that long), and the page says where the rest is
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py comment-lines 200000 > $TMP/t/virt/kvm/long.c && timeout 300 $BM map -q --kernel $TMP/t -o $TMP/m && grep -c 'as this line says again' $TMP/m/generic.rst; grep -o 'The comment goes on.*' $TMP/m/generic.rst; test $(stat -c %s $TMP/m/generic.rst) -lt 200000 && echo small page
# check-exit-value: 0
# check-output-start
# 199
# The comment goes on: 199802 more lines, 13386670 more bytes; a page quotes at most 200 lines or 16 KiB of one.  Read it at* ``virt/kvm/long.c:3``
# small page
# check-output-end
#
# check-name: a 1 MB one-line comment is quoted up to 16 KiB, cut between two characters, and cut after 160 columns in the code
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py comment-line 1000000 > $TMP/t/virt/kvm/long.c && timeout 300 $BM map -q --kernel $TMP/t -o $TMP/m && iconv -f UTF-8 -t UTF-8 $TMP/m/generic.rst >/dev/null && echo valid UTF-8; grep -o 'The comment goes on: [0-9]* more line[s]*' $TMP/m/generic.rst; grep -c 'ééééééééé' $TMP/m/generic.rst; grep -a 'é …$' $TMP/m/generic.rst | python3 -c 'import sys; print(len(sys.stdin.read().rstrip("\n")), "characters: 3 of indent, 160 of code, and a space and an ellipsis")'
# check-exit-value: 0
# check-output-start
# valid UTF-8
# The comment goes on: 1 more line
# 2
# 165 characters: 3 of indent, 160 of code, and a space and an ellipsis
# check-output-end
#
# check-name: the pages of cut comments build with sphinx-build -W
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py comment-lines 300 > $TMP/t/virt/kvm/long.c && tests/hardening/bounds.py comment-line 40000 > $TMP/t/virt/kvm/line.c && $BM map -q --kernel $TMP/t -o $TMP/m && timeout 300 sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h; echo "exit $?"; grep -c 'The comment goes on' $TMP/h/generic.html
# check-exit-value: 0
# check-output-start
# exit 0
# 2
# check-output-end
#
# check-name: 3000 pairs are not drawn (their DOT would pass 6000 lines), and the pages say so
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py pairs 3000 > $TMP/t/virt/kvm/pairs.c && timeout 600 $BM map -q --kernel $TMP/t -o $TMP/m && grep -c 'raw:: html' $TMP/m/generic.rst $TMP/m/graph.rst $TMP/m/x86.rst | sed "s|.*/m/||"; grep -h -o '^\*Not drawn: this graph would pass the 6000 lines' $TMP/m/*.rst
# check-exit-value: 0
# check-output-start
# generic.rst:2
# graph.rst:3
# x86.rst:1
# *Not drawn: this graph would pass the 6000 lines
# *Not drawn: this graph would pass the 6000 lines
# check-output-end
#
# check-name: 1000 pairs are still drawn
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py pairs 1000 > $TMP/t/virt/kvm/pairs.c && timeout 600 $BM map -q --kernel $TMP/t -o $TMP/m && grep -c 'raw:: html' $TMP/m/generic.rst $TMP/m/graph.rst | sed 's|.*/m/||'; grep -c 'Not drawn' $TMP/m/generic.rst || :
# check-exit-value: 0
# check-output-start
# generic.rst:3
# graph.rst:4
# 0
# check-output-end
#
# check-name: an entry lists at most 32 partners and 32 barriers naming it, then says how many more, and shows the code of 3 partners
# check-command: cp -r tests/map/tree $TMP/t && tests/hardening/bounds.py partners 40 > $TMP/t/virt/kvm/p.c && $BM map -q --kernel $TMP/t -o $TMP/m && grep 'more.*a list shows\|the code of its first' $TMP/m/generic.rst; grep -c ':caption: partner smp_rmb() in many_readers()' $TMP/m/generic.rst
# check-exit-value: 0
# check-output-start
#    - and 8 more partners (a list shows at most 32)
# *An entry shows the code of its first 3 partners; the other 37 are listed above.*
#    - and 8 more barriers (a list shows at most 32)
# 3
# check-output-end
