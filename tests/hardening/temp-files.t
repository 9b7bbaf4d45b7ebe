# SPDX-License-Identifier: GPL-2.0
# map writes each page to PAGE.tmpXXXXXX and renames it.  A temp file is
# removed on error and on the usual signals; only SIGKILL can leave one,
# and the next run removes it, if it is barriermap's: named after a file
# the run writes, and holding the start of a generated page (or nothing,
# when the kill came before the first write).  Anything else stays.
#
# check-name: a page's temp file left by kill -9 is removed by the next run
# check-command: mkdir $TMP/m && printf '.. SPDX-License-Identifier: GPL-2.0\n.. barriermap: generated file, do not edit; regenerate with' > $TMP/m/x86.rst.tmpAb3xYz && : > $TMP/m/index.rst.tmp0a9ZzQ && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m && ls $TMP/m
# check-exit-value: 0
# check-output-start
# generic.rst
# graph.rst
# index.rst
# worklist.rst
# x86.rst
# check-output-end
#
# check-name: a stale page's temp file (an architecture gone since) is removed too
# check-command: mkdir $TMP/m && printf '.. SPDX-License-Identifier: GPL-2.0\n.. barriermap: generated file, do not edit; regenerate with '"'barriermap map'"'\n\n=====\nMIPS\n' > $TMP/m/mips.rst.tmpQ1w2E3 && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m && ls $TMP/m | grep -c tmp
# check-exit-value: 1
# check-output-start
# 0
# check-output-end
#
# check-name: files that only look like temp files stay: the user's text, other shapes, links, FIFOs
# check-command: mkdir $TMP/m && echo 'my notes' > $TMP/m/x86.rst.tmpAb3xYz && : > $TMP/m/x86.rst.tmp12345 && : > $TMP/m/x86.rst.tmpAb-xYz && : > $TMP/m/notes.txt.tmpAb3xYz && ln -s /dev/null $TMP/m/graph.rst.tmpAAAAAA && mkfifo $TMP/m/index.rst.tmpBBBBBB && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m && ls $TMP/m | grep tmp; cat $TMP/m/x86.rst.tmpAb3xYz
# check-exit-value: 0
# check-output-start
# graph.rst.tmpAAAAAA
# index.rst.tmpBBBBBB
# notes.txt.tmpAb3xYz
# x86.rst.tmp12345
# x86.rst.tmpAb-xYz
# x86.rst.tmpAb3xYz
# my notes
# check-output-end
#
# check-name: a temp file of the kernel's index.rst left by kill -9 is removed by the next --kernel-docs run
# check-command: mkdir -p $TMP/k/Documentation/virt/kvm && cp $ROOT/tests/map/kvm-index.rst $TMP/k/Documentation/virt/kvm/index.rst && head -c 100 $ROOT/tests/map/kvm-index.rst > $TMP/k/Documentation/virt/kvm/index.rst.tmpZZ9z9Z && echo 'not mine' > $TMP/k/Documentation/virt/kvm/locking.rst.tmpZZ9z9Z && timeout 60 $BM map -q --kernel $ROOT/tests/map/tree --kernel-docs=$TMP/k && ls $TMP/k/Documentation/virt/kvm
# check-exit-value: 0
# check-output-start
# barriers
# index.rst
# locking.rst.tmpZZ9z9Z
# check-output-end
#
# check-name: a write that fails (file size limit, SIGXFSZ ignored) leaves no temp file and says why
# check-command: mkdir $TMP/m && (trap '' XFSZ; ulimit -f 4; timeout 60 $BM map --kernel $ROOT/tests/map/hostile/tree -o $TMP/m); echo "exit $?"; ls -A $TMP/m | grep -c tmp
# check-exit-value: 1
# check-output-start
# exit 2
# 0
# check-output-end
# check-error-contains: File too large
#
# check-name: a signal during a write (SIGXFSZ from the file size limit) kills map and leaves no temp file
# check-command: mkdir $TMP/m && (ulimit -f 4; timeout 60 $BM map --kernel $ROOT/tests/map/hostile/tree -o $TMP/m 2>/dev/null); echo "exit $?"; ls -A $TMP/m | grep -c tmp
# check-exit-value: 1
# check-output-start
# exit 153
# 0
# check-output-end
#
# check-name: kill -9 while map renames a page leaves its temp file; the next run removes it
# check-command: strace -f -qq -o /dev/null -e trace=rename -e inject=rename:signal=KILL:when=1 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m 2>/dev/null; echo "exit $?"; ls $TMP/m | sed 's/tmp[A-Za-z0-9]*$/tmpXXXXXX/'; timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m && ls $TMP/m
# check-exit-value: 0
# check-output-start
# exit 137
# generic.rst.tmpXXXXXX
# generic.rst
# graph.rst
# index.rst
# worklist.rst
# x86.rst
# check-output-end
#
# check-name: SIGTERM, SIGINT, SIGHUP or SIGQUIT while map writes a page leave no temp file
# (env --default-signal: a shell started in the background ignores INT and
# QUIT, and barriermap rightly leaves an ignored signal ignored.)
# check-command: for sig in TERM INT HUP QUIT; do rm -rf $TMP/m; env --default-signal=INT,QUIT strace -f -qq -o /dev/null -e trace=write -e inject=write:signal=$sig:when=1 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m 2>/dev/null; echo "$sig: exit $?: $(ls -A $TMP/m | wc -l) files"; done
# check-exit-value: 0
# check-output-start
# TERM: exit 143: 0 files
# INT: exit 130: 0 files
# HUP: exit 129: 0 files
# QUIT: exit 131: 0 files
# check-output-end
