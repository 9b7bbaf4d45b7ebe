#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Does barriermap's own work grow linearly with its input?  Counted, not timed.

    work.py [--whole] BM KIND [N]

Builds two fixture trees in $TMP, one N units big and one 4N, runs BM
(the release build: valgrind cannot run the ASan one) under callgrind,
and counts the instructions executed in barriermap's own code (src/) while
the program is loaded: finding the files and scanning them, not resolving
(which is per barrier) and not libclang (which is not ours).  Linear work
grows about 4 times; a search inside a loop over the same data grows 16
times.  Prints "linear" when no function of ours that does at least 1% of
the work grows 6 times or more, else each one that does.

With --whole, the whole run is counted (lint's ranking of every barrier
included), and libclang's functions too (by address: it has no symbols),
for its parse of the same file.

KIND is one of:
  functions  one file of N functions, each taking a struct pointer and
             writing a field of its own, with a barrier, a comment and
             a call to the one before it (local_function(),
             file_function_at(), comment_taken(); with --whole, the
             ranking of every barrier against all others, and libclang's
             parse of the prototypes)
  files      N files, all named on the command line (restrict_scope()),
             each including 8 headers and naming a function no file
             defines (known_file())
"""
import os
import sys

import callgrind

# Collected while the program is loaded, except while it is resolved:
# callgrind toggles collection at each entry and exit of these.
TOGGLES = ['program_load_overlay', 'resolve_program']


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def kernel_skeleton(root):
    write(root + '/include/linux/kvm_host.h', '/* empty */\n')


def tree_functions(root, n):
    kernel_skeleton(root)
    out = ['// SPDX-License-Identifier: GPL-2.0\n']
    for k in range(n):
        out.append('/* f%d */\nstatic void f%d(struct kvm_vcpu *v)\n{\n\tv->a%d = %d;\n'
                   '\tsmp_wmb();\n\t/* then the one before */\n\tf%d(v);\n}\n' %
                   (k, k, k, k, max(k - 1, 0)))
    write(root + '/virt/kvm/big.c', ''.join(out))
    return []


def tree_files(root, n):
    kernel_skeleton(root)
    incs = ''.join('#include <linux/h%d.h>\n' % i for i in range(8))
    paths = []
    for k in range(n):
        rel = 'virt/kvm/f%d.c' % k
        write(root + '/' + rel, incs + 'void g%d(void)\n{\n\t/* Pairs with smp_rmb() in '
              'missing%d(). */\n\tsmp_wmb();\n}\n' % (k, k))
        paths.append(rel)
    return paths


def work(bm, kind, n, tmp, whole):
    root = os.path.join(tmp, '%s-%d' % (kind, n))
    paths = {'functions': tree_functions, 'files': tree_files}[kind](root, n)
    out = os.path.join(tmp, 'callgrind.%s.%d' % (kind, n))
    cmd = [bm, 'lint', '-j1', '--no-cache', '--kernel', root] + paths
    return callgrind.instructions(cmd, out, root, () if whole else TOGGLES, libclang=whole)


def main():
    args = sys.argv[1:]
    whole = args[0] == '--whole'
    if whole:
        args = args[1:]
    bm, kind = args[0], args[1]
    n = int(args[2]) if len(args) > 2 else 1000
    tmp = os.environ.get('TMP', '/tmp')
    small, big = work(bm, kind, n, tmp, whole), work(bm, kind, 4 * n, tmp, whole)
    return callgrind.report(bm, small, big, n, kind)


if __name__ == '__main__':
    sys.exit(main())
