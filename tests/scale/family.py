#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Is every ordered atomic the kernel tree defines a barrier site, of its kind?

    family.py BM KERNEL TMP

Reads the names from the tree itself, not from barriermap: the
_acquire and _release functions of include/linux/atomic/atomic-instrumented.h
and atomic-long.h (atomic_t, atomic64_t, atomic_long_t and the swaps,
Documentation/atomic_t.txt), the conditional reads of include/linux/atomic.h
and the lock bitops of include/asm-generic/bitops/lock.h and
instrumented-lock.h (Documentation/atomic_bitops.txt).  Writes one fixture
file calling each, runs `BM lint --format=json --status=all` on it, and
prints how many were found with the kind their name gives, then each one
that was not.
"""
import json
import os
import re
import subprocess
import sys

DEFINED = re.compile(r'^(?:static __always_inline\s+\w[\w\s*]*?\s+|#define\s+)'
                     r'((?:atomic|atomic64|atomic_long|xchg|cmpxchg|try_cmpxchg)\w*_(?:acquire|release))\b',
                     re.M)
BITOPS = re.compile(r'\b(test_and_set_bit_lock|test_bit_acquire|clear_bit_unlock|'
                    r'__clear_bit_unlock|xor_unlock_is_negative_byte)\s*\(')


def names(kernel):
    found = {}
    for rel in ('include/linux/atomic/atomic-instrumented.h', 'include/linux/atomic/atomic-long.h',
                'include/linux/atomic.h'):
        with open(os.path.join(kernel, rel)) as f:
            text = f.read()
        for m in DEFINED.finditer(text):
            name = m.group(1)
            if not name.startswith(('raw_', 'arch_')) and '_relaxed' not in name:
                found[name] = 'acquire' if name.endswith('_acquire') else 'release'
    for rel in ('include/asm-generic/bitops/instrumented-lock.h', 'include/asm-generic/bitops/lock.h',
                'include/linux/bitops.h'):
        path = os.path.join(kernel, rel)
        with open(path) as f:
            for m in BITOPS.finditer(f.read()):
                n = m.group(1)
                found[n] = 'acquire' if n in ('test_and_set_bit_lock', 'test_bit_acquire') else 'release'
    return found


def main():
    bm, kernel, tmp = sys.argv[1:4]
    want = names(kernel)
    tree = os.path.join(tmp, 'family')
    os.makedirs(tree + '/virt/kvm', exist_ok=True)
    os.makedirs(tree + '/include/linux', exist_ok=True)
    with open(tree + '/virt/kvm/family.c', 'w') as f:
        f.write('void family(atomic_t *v)\n{\n')
        for n in sorted(want):
            f.write('\t%s(v);\n' % n)
        f.write('}\n')
    out = subprocess.run([bm, 'lint', '--kernel', tree, '--format=json', '--status=all'],
                         stdout=subprocess.PIPE, check=False).stdout
    got = {s['barrier']: s['kind'] for s in json.loads(out)['sites']}
    wrong = [n for n in sorted(want) if got.get(n) != want[n]]
    print('%d ordered atomics defined, %d sites of their kind' % (len(want), len(want) - len(wrong)))
    for n in wrong:
        print('  %s: %s, not %s' % (n, got.get(n, 'no site'), want[n]))


if __name__ == '__main__':
    main()
