#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Comments of the real kernel tree, for the grammar tests.

kernel-comments.py FILE REGEX
    print the first comment in FILE whose text matches REGEX (exit 1 if none)
kernel-comments.py --sweep BM KERNEL
    run 'BM grammar -' on every comment of the KVM scope that mentions
    pairing and print how many parsed to each kind, and how many failed
"""
import collections
import glob
import os
import re
import subprocess
import sys

COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def comments(path):
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        yield from (m.group(0) for m in COMMENT.finditer(f.read()))


def scope(kernel):
    files = []
    for top in ['virt/kvm', 'include/kvm'] + [os.path.relpath(d, kernel)
                                              for d in glob.glob(kernel + '/arch/*/kvm')]:
        for d, _, fs in os.walk(os.path.join(kernel, top)):
            files += [os.path.join(d, f) for f in fs if f.endswith(('.c', '.h'))]
    files += glob.glob(kernel + '/include/linux/kvm*.h')
    files += glob.glob(kernel + '/arch/*/include/asm/kvm*.h')
    return sorted(files)


def sweep(bm, kernel):
    kinds = collections.Counter()
    failed = 0
    for path in scope(kernel):
        for c in comments(path):
            if not re.search(r'pair|conjunction', c, re.I):
                continue
            p = subprocess.run([bm, 'grammar', '-'], input=c.encode('utf-8', 'surrogateescape'),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            first = p.stdout.decode('utf-8', 'replace').split('\n', 1)[0]
            if p.returncode or not first.startswith('pairing: '):
                failed += 1
                print('failed: %s' % os.path.relpath(path, kernel), file=sys.stderr)
            else:
                kinds[first[len('pairing: '):]] += 1
    for kind in sorted(kinds):
        print('%s %d' % (kind, kinds[kind]))
    print('failed %d' % failed)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--sweep':
        return sweep(sys.argv[2], sys.argv[3])
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for c in comments(sys.argv[1]):
        if re.search(sys.argv[2], c):
            sys.stdout.write(c + '\n')
            return 0
    return 1


if __name__ == '__main__':
    sys.exit(main())
