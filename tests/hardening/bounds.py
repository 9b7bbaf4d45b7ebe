#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write a fixture file with what a hostile tree can grow without bound.

    bounds.py KIND N > virt/kvm/FILE.c

comment-lines  one barrier under a comment of N lines
comment-line   one barrier under a one-line comment of N bytes ("é" each 2)
pairs          N writer/reader pairs that name each other
partners       a function with N smp_rmb(), named by one smp_wmb() comment,
               and N functions whose comments all name one smp_mb()
"""
import sys


def main():
    kind, n = sys.argv[1], int(sys.argv[2])
    out = []
    if kind == 'comment-lines':
        out.append('void long_comment(int *f)\n{\n\t/*\n')
        out.append('\t * Pairs with smp_rmb() in long_reader(), as this line says again.\n' * n)
        out.append('\t */\n\tsmp_wmb();\n\tWRITE_ONCE(*f, 1);\n}\n')
    elif kind == 'comment-line':
        out.append('void long_line(int *f)\n{\n\t/* Pairs with smp_rmb() in long_reader(). ')
        out.append('\u00e9' * (n // 2))
        out.append(' */\n\tsmp_wmb();\n\tWRITE_ONCE(*f, 1);\n}\n')
    elif kind == 'pairs':
        for i in range(n):
            out.append('void w%d(int *f)\n{\n\t/* Pairs with smp_rmb() in r%d(). */\n'
                       '\tsmp_wmb();\n\tWRITE_ONCE(*f, 1);\n}\n' % (i, i))
            out.append('void r%d(int *f)\n{\n\tREAD_ONCE(*f);\n'
                       '\t/* Pairs with smp_wmb() in w%d(). */\n\tsmp_rmb();\n}\n' % (i, i))
    elif kind == 'partners':
        out.append('void many_readers(int *f)\n{\n')
        out.append('\tREAD_ONCE(*f);\n\tsmp_rmb();\n' * n)
        out.append('}\nvoid one_writer(int *f)\n{\n\t/* Pairs with smp_rmb() in many_readers(). */\n'
                   '\tsmp_wmb();\n\tWRITE_ONCE(*f, 1);\n}\n')
        out.append('void one_full(int *f)\n{\n\tsmp_mb();\n}\n')
        for i in range(n):
            out.append('void namer%d(int *f)\n{\n\t/* Pairs with smp_mb() in one_full(). */\n'
                       '\tsmp_mb();\n}\n' % i)
    else:
        sys.exit(__doc__)
    sys.stdout.write(''.join(out))


if __name__ == '__main__':
    main()
