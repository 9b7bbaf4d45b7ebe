# SPDX-License-Identifier: GPL-2.0
# check-patch on patches written by a stranger (issue 16): nothing a patch
# holds or creates makes the tool read outside the tree, grow without bound,
# hang, leave its temporary folder behind, or exit with anything but 2 and
# a "barriermap: ..." line when it refuses.  $TMP/t is the TMPDIR the tool
# must leave empty.
#
# check-name: a symlink the patch creates to a file outside the tree is not followed
# check-command: printf '/* SECRET smp_mb(); */\n' > $TMP/secret.c && printf 'diff --git a/virt/kvm/leak.c b/virt/kvm/leak.c\nnew file mode 120000\nindex 0000000..1111111\n--- /dev/null\n+++ b/virt/kvm/leak.c\n@@ -0,0 +1 @@\n+%s\n\\ No newline at end of file\n' $TMP/secret.c > $TMP/l.patch && mkdir $TMP/t && TMPDIR=$TMP/t $BM check-patch --kernel $dir/tree $TMP/l.patch; echo "exit $?"; ls -A $TMP/t
# check-exit-value: 0
# check-output-contains: Nothing needs attention.
# check-output-contains: exit 0
# check-output-excludes: SECRET
# check-output-excludes: barriermap-patch
# check-error-contains: /l.patch: virt/kvm/leak.c: the patch makes it a symbolic link; not followed
#
# check-name: a symlink the patch creates to /dev/zero is not read: no memory growth, and the temporary folder goes
# check-command: printf 'diff --git a/virt/kvm/z.c b/virt/kvm/z.c\nnew file mode 120000\n--- /dev/null\n+++ b/virt/kvm/z.c\n@@ -0,0 +1 @@\n+/dev/zero\n\\ No newline at end of file\n' > $TMP/z.patch && mkdir $TMP/t && TMPDIR=$TMP/t timeout 120 $BM check-patch --kernel $dir/tree $TMP/z.patch | tail -n +2; echo "exit ${PIPESTATUS[0]}"; ls -A $TMP/t
# check-exit-value: 0
# check-output-start
#
# Nothing needs attention.
# exit 0
# check-output-end
#
# check-name: a symlink the patch creates to /proc/self/fd/0 does not wait on stdin
# check-command: printf 'diff --git a/virt/kvm/in.c b/virt/kvm/in.c\nnew file mode 120000\n--- /dev/null\n+++ b/virt/kvm/in.c\n@@ -0,0 +1 @@\n+/proc/self/fd/0\n\\ No newline at end of file\n' > $TMP/in.patch && mkfifo $TMP/fifo && exec 3<>$TMP/fifo && mkdir $TMP/t && TMPDIR=$TMP/t timeout 120 $BM check-patch --kernel $dir/tree $TMP/in.patch <&3 | tail -n 1; echo "exit ${PIPESTATUS[0]}"; ls -A $TMP/t
# check-exit-value: 0
# check-output-start
# Nothing needs attention.
# exit 0
# check-output-end
#
# check-name: a symlinked folder the patch creates cannot carry a later file outside the tree
# check-command: mkdir -p $TMP/out && printf '/* SECRET */\n' > $TMP/out/x.c && printf 'diff --git a/virt/kvm/d b/virt/kvm/d\nnew file mode 120000\n--- /dev/null\n+++ b/virt/kvm/d\n@@ -0,0 +1 @@\n+%s\n\\ No newline at end of file\ndiff --git a/virt/kvm/d/x.c b/virt/kvm/d/x.c\n--- a/virt/kvm/d/x.c\n+++ b/virt/kvm/d/x.c\n@@ -1 +1 @@\n-/* SECRET */\n+/* SECRET smp_mb(); */\n' $TMP/out > $TMP/d.patch && mkdir $TMP/t && TMPDIR=$TMP/t $BM check-patch --kernel $dir/tree $TMP/d.patch; echo "exit $?"; ls -A $TMP/t; cat $TMP/out/x.c
# check-exit-value: 0
# check-output-start
# exit 2
# /* SECRET */
# check-output-end
# check-error-contains: barriermap: 
#
# check-name: the temporary folder goes when a hunk does not apply
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ b/virt/kvm/kvm_main.c\n@@ -1 +1 @@\n-no such line\n+b\n' > $TMP/n.patch && mkdir $TMP/t && TMPDIR=$TMP/t $BM check-patch --kernel $dir/tree $TMP/n.patch; echo "exit $?"; ls -A $TMP/t
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: does not apply
#
# check-name: the temporary folder goes when die() stops the run (no git to apply with)
# check-command: mkdir $TMP/t $TMP/nobin && TMPDIR=$TMP/t PATH=$TMP/nobin $BM check-patch --kernel $dir/tree $dir/remove-pair.patch; echo "exit $?"; /bin/ls -A $TMP/t
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: barriermap: cannot run 'git apply': install git
#
# check-name: the temporary folder goes when the run is stopped by SIGTERM while git apply runs
# check-command: mkdir $TMP/t $TMP/bin && printf '#!/bin/sh\ntouch %s/started\nexec sleep 60\n' $TMP > $TMP/bin/git && chmod +x $TMP/bin/git && { TMPDIR=$TMP/t PATH=$TMP/bin:$PATH $BM check-patch --kernel $dir/tree $dir/remove-pair.patch & pid=$!; for i in $(seq 600); do [ -e $TMP/started ] && break; sleep 0.1; done; kill -TERM $pid; wait $pid; echo "exit $?"; }; ls -A $TMP/t
# check-exit-value: 0
# check-output-start
# exit 143
# check-output-end
#
# check-name: endless stdin stops at the patch size bound with a clear error
# check-command: yes | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): the patch is larger than 64 MiB
#
# check-name: a patch file over the size bound is refused before it is read
# check-command: truncate -s 65M $TMP/big.patch && $BM check-patch --kernel $dir/tree $TMP/big.patch
# check-exit-value: 2
# check-error-contains: big.patch: the patch is larger than 64 MiB
#
# check-name: a device as the patch file stops at the size bound
# check-command: $BM check-patch --kernel $dir/tree /dev/zero
# check-exit-value: 2
# check-error-contains: barriermap: /dev/zero: the patch is larger than 64 MiB
#
# check-name: a malformed diff --git line exits 2 under ASan too (nothing leaks before die)
# check-command: printf 'diff --git a/x\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): malformed patch: cannot read the file names in 'diff --git a/x' (line 1)
#
# check-name: a hunk before any file header exits 2 (nothing leaks before die)
# check-command: printf '@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: malformed patch: hunk '@@ -1 +1 @@' before any file header (line 1)
#
# check-name: a traditional header whose new name leaves the tree exits 2 (nothing leaks before die)
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ b/../x.c\n@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: file name '../x.c' leaves the tree
#
# check-name: a C-quoted octal name is decoded and checked: "b/\056\056/..." leaves the tree
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ "b/\\056\\056/etc/passwd"\n@@ -1 +1 @@\n-a\n+b\n' > $TMP/q.patch && $BM check-patch --kernel $dir/tree $TMP/q.patch
# check-exit-value: 2
# check-error-contains: q.patch: malformed patch: file name '../etc/passwd' leaves the tree (line 2)
#
# check-name: C-quoted names on a diff --git line are decoded and checked
# check-command: printf -- 'diff --git "a/\\056\\056/x.c" "b/\\056\\056/x.c"\n--- "a/\\056\\056/x.c"\n+++ "b/\\056\\056/x.c"\n@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: file name '../x.c' leaves the tree (line 1)
#
# check-name: a quoted rename target is decoded and checked
# check-command: printf -- 'diff --git a/virt/kvm/kvm_main.c "b/\\056\\056/x.c"\nsimilarity index 100%%\nrename from virt/kvm/kvm_main.c\nrename to "\\056\\056/x.c"\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: file name '../x.c' leaves the tree
#
# check-name: a C-quoted name with a NUL byte is refused
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ "b/virt/kvm/a\\000b.c"\n@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: malformed patch: a quoted file name holds a NUL byte (line 2)
#
# check-name: a C-quoted name that is not closed is malformed
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\n+++ "b/virt/kvm/a.c\n@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: malformed patch: unterminated quoted file name
#
# check-name: a quoted non-ASCII name as git writes it is decoded and the new file checked
# check-command: printf -- 'diff --git "a/virt/kvm/caf\\303\\251.c" "b/virt/kvm/caf\\303\\251.c"\nnew file mode 100644\n--- /dev/null\n+++ "b/virt/kvm/caf\\303\\251.c"\n@@ -0,0 +1,4 @@\n+void f(void)\n+{\n+\tsmp_mb();\n+}\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 1
# check-output-contains: smp_mb() in f() is added without a comment naming the barrier it pairs with
# check-output-contains: virt/kvm/café.c:3:
#
# check-name: a patch with CRLF line ends (a Windows mailer) gives the same checklist as the LF patch
# check-command: sed 's/$/\r/' $dir/remove-pair.patch > $TMP/crlf.patch && $BM check-patch --kernel $dir/tree $TMP/crlf.patch | tail -n +2 > $TMP/crlf.out; echo "exit ${PIPESTATUS[0]}"; $BM check-patch --kernel $dir/tree $dir/remove-pair.patch | tail -n +2 | diff - $TMP/crlf.out && echo same
# check-exit-value: 0
# check-output-start
# exit 1
# same
# check-output-end
#
# check-name: a file name ending in a carriage return, in a patch whose other lines do not, is refused clearly
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\r\n+++ b/virt/kvm/kvm_main.c\r\n@@ -1 +1 @@\n-a\n+b\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: malformed patch: file name 'virt/kvm/kvm_main.c' ends with a carriage return, and not every line does: convert the patch with dos2unix (line 1)
#
# check-name: a NUL byte in a file name is refused, not cut off (the name was read as 'virt/kvm/k', and git apply's complaint blamed that)
# check-command: printf 'diff --git a/virt/kvm/k\0.c b/virt/kvm/k\0.c\n--- a/virt/kvm/k\0.c\n+++ b/virt/kvm/k\0.c\n@@ -1 +1 @@\n-a\n+c\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): malformed patch: a NUL byte in 'diff --git a/virt/kvm/k' (line 1)
#
# check-name: a NUL byte in a traditional header's name is refused too
# check-command: printf -- '--- a/virt/kvm/kvm_main.c\0../../x\n+++ b/virt/kvm/kvm_main.c\n@@ -1 +1 @@\n-a\n+c\n' | $BM check-patch --kernel $dir/tree -
# check-exit-value: 2
# check-error-contains: barriermap: (standard input): malformed patch: a NUL byte in '--- a/virt/kvm/kvm_main.c' (line 1)
