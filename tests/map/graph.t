# SPDX-License-Identifier: GPL-2.0
# Each file's pairing graph is laid out by Graphviz's dot at map time and
# placed in the page as inline SVG (a raw HTML block), so that its boxes
# link to the entries in a plain Sphinx site and in the kernel's own
# build alike.  Without dot the page shows the DOT as text, and map says
# so once.
#
# check-name: the fixture's graphs: every link reaches its entry, no id twice on a page, the code matches the files
# check-command: $BM map -q --kernel $dir/tree -o $TMP/m && sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && python3 $dir/check-pages.py $dir/tree $TMP/m $TMP/h
# check-exit-value: 0
# check-output-start
# 24 graph links: every graph link reaches its target
# 13 code-blocks: every code line matches the file
# check-output-end
#
# check-name: two columns: the file's barriers, then their partners; a partner's claim is laid out from the home end, its arrow turned back
# check-command: PATH=$dir/fakebin:$PATH $BM map -q --kernel $dir/tree -o $TMP/m && grep -o '<desc>  n[0-9]* -&gt; n[0-9]* .*</desc>' $TMP/m/generic.rst | sort -u
# check-exit-value: 0
# check-output-start
# <desc>  n0 -&gt; n1 [color="#2e7d32", dir=both];</desc>
# <desc>  n0 -&gt; n3 [color="#e69500", dir=back];</desc>
# <desc>  n0 -&gt; n4 [color="#2e7d32", dir=both];</desc>
# <desc>  n1 -&gt; n2 [color="#2e7d32", dir=both];</desc>
# check-output-end
#
# check-name: the SVG has no XML prolog or comments, scales down to its column, and its links are not underlined
# check-command: $BM map -q --kernel $dir/tree -o $TMP/m && grep -c '<?xml\|<!--\|<!DOCTYPE' $TMP/m/x86.rst; grep -o '<svg style="[^"]*"' $TMP/m/x86.rst; grep -c '<a xlink:href' $TMP/m/x86.rst; grep -c '<a style="text-decoration:none" xlink:href=' $TMP/m/x86.rst
# check-exit-value: 0
# check-output-start
# 0
# <svg style="max-width:100%;height:auto"
# 0
# 5
# check-output-end
#
# check-name: without dot the graphs are DOT text, map warns once, and the site still builds with sphinx-build -W
# check-command: PATH=/nonexistent $BM map --kernel $dir/tree -o $TMP/m && grep -c 'raw:: html' $TMP/m/x86.rst; grep -A4 "Graphviz's dot was not installed" $TMP/m/x86.rst; sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && echo built
# check-exit-value: 0
# check-output-start
# 0
# *Graphviz's dot was not installed when this page was made, so the graph is shown as its DOT source (install graphviz and run barriermap map again to draw it):*
#
# ::
#
#     digraph "Barrier pairs of arch/x86/kvm/x86.c" {
# built
# check-output-end
# check-error-start
# barriermap: warning: dot (Graphviz) is not installed: the pages show the pairing graphs as DOT text; install graphviz and run map again to draw them
# check-error-end
#
# check-name: without dot, -q keeps map quiet
# check-command: PATH=/nonexistent $BM map -q --kernel $dir/tree -o $TMP/m
# check-exit-value: 0
# check-error-start
# check-error-end
#
# check-name: a dot that fails stops map with its message, before any page is written
# check-command: mkdir $TMP/bin && printf '#!/bin/sh\necho "Error: syntax error in line 1" >&2\nexit 1\n' > $TMP/bin/dot && chmod +x $TMP/bin/dot && PATH=$TMP/bin:$PATH $BM map --kernel $dir/tree -o $TMP/m; echo "exit $?"; test -e $TMP/m || echo nothing written
# check-exit-value: 0
# check-output-start
# exit 2
# nothing written
# check-output-end
# check-error-contains: barriermap: dot failed (exit 1): Error: syntax error in line 1
