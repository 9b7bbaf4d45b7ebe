# SPDX-License-Identifier: GPL-2.0
# map's output folder is the user's: hostile things found there (an empty
# name, a file where the folder should be, FIFOs and links named like
# pages) give a clear error or are left alone; they never hang map, make
# it read or write past a buffer, or replace what is not a regular file.
# Every command is under timeout: a hang fails the test instead of the run.
#
# check-name: map -o '' is a usage error, not a heap overflow in mkdir -p
# check-command: cd $TMP && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o ''; echo "exit $?"; ls -A $TMP
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: barriermap: map: -o needs a value, not an empty one
#
# check-name: map -o onto a regular file says it is not a folder, and leaves it
# check-command: echo mine > $TMP/f && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/f; echo "exit $?"; cat $TMP/f
# check-exit-value: 0
# check-output-start
# exit 2
# mine
# check-output-end
# check-error-contains: barriermap: cannot create the folder
# check-error-contains: /f: Not a directory
#
# check-name: map -o under a regular file says so (mkdir -p stops at the file)
# check-command: echo mine > $TMP/f && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/f/sub/m; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: /f/sub/m: Not a directory
#
# check-name: map -o creates every missing parent, and "a//b/" is the folder a/b
# check-command: cd $TMP && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o a//b/ && ls a/b
# check-exit-value: 0
# check-output-start
# generic.rst
# graph.rst
# index.rst
# worklist.rst
# x86.rst
# check-output-end
#
# check-name: a FIFO named like a page does not hang map: it is refused, and stays a FIFO
# check-command: mkdir $TMP/m && mkfifo $TMP/m/x86.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m; echo "exit $?"; test -p $TMP/m/x86.rst && echo still a fifo; ls $TMP/m
# check-exit-value: 0
# check-output-start
# exit 2
# still a fifo
# x86.rst
# check-output-end
# check-error-contains: barriermap: 
# check-error-contains: /m/x86.rst is a FIFO, socket or device, not a regular file; not replacing it
#
# check-name: a FIFO named like a stale page does not hang map either, and is left alone
# check-command: mkdir $TMP/m && mkfifo $TMP/m/mips.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m; echo "exit $?"; test -p $TMP/m/mips.rst && echo still a fifo
# check-exit-value: 0
# check-output-start
# exit 0
# still a fifo
# check-output-end
#
# check-name: a symbolic link named like a page is not followed nor replaced
# check-command: mkdir $TMP/m && echo 'secret' > $TMP/target && ln -s $TMP/target $TMP/m/x86.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m; echo "exit $?"; test -L $TMP/m/x86.rst && echo still a link; cat $TMP/target
# check-exit-value: 0
# check-output-start
# exit 2
# still a link
# secret
# check-output-end
# check-error-contains: /m/x86.rst is a symbolic link, not a regular file; not replacing it
#
# check-name: a link to one of barriermap's own pages is not followed either
# check-command: timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/a && mkdir $TMP/m && ln -s $TMP/a/x86.rst $TMP/m/x86.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m; echo "exit $?"; test -L $TMP/m/x86.rst && echo still a link
# check-exit-value: 0
# check-output-start
# exit 2
# still a link
# check-output-end
#
# check-name: a folder named like a page is refused
# check-command: mkdir -p $TMP/m/x86.rst && timeout 60 $BM map --kernel $ROOT/tests/map/tree -o $TMP/m; echo "exit $?"
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: /m/x86.rst is a folder, not a regular file; not replacing it
