#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check lint's columns against the source: for every text line
"path:line:start-end: SEVERITY: rule: NAME() in ..." on stdin, the kernel
tree's line holds NAME at [start, end), 0-based with the end exclusive
(make coccicheck's convention).  Prints each line that does not, then
"N findings, N columns wrong".

usage: columns.py KERNEL < lint-output
"""
import re
import sys

LINE = re.compile(r'^(\S+?):(\d+):(\d+)-(\d+): [A-Z]+: [a-z-]+: (\S+?)\(\)')


def main():
    tree = sys.argv[1]
    cache = {}
    n = bad = 0
    for out in sys.stdin:
        m = LINE.match(out)
        if not m:
            continue
        path, line, start, end, name = m.group(1), int(m.group(2)), int(m.group(3)), \
            int(m.group(4)), m.group(5)
        if path not in cache:
            with open('%s/%s' % (tree, path), encoding='utf-8', errors='replace') as f:
                cache[path] = f.read().split('\n')
        text = cache[path][line - 1]
        n += 1
        if text[start:end] != name:
            bad += 1
            print('%s:%d:%d-%d: %r there, not %s' % (path, line, start, end,
                                                    text[start:end], name))
    print('%d findings, %d columns wrong' % (n, bad))


if __name__ == '__main__':
    main()
