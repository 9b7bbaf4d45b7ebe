#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The barrier sites of the KVM scope, found without barriermap.

A small C lexer of its own (it shares no code with barriermap) drops
comments, string and character literals and #define bodies, follows the
braces to learn which function each token is in, and lists every call of a
barrier primitive as (file, function, barrier, ordinal, line): the ordinal
counts the calls of that barrier in that function, in source order, from 1.

    sites.py KERNEL                  list the barrier sites, tab-separated
    sites.py KERNEL --calls          list every call (any callee), for
                                     implicit sites
    sites.py KERNEL --show FILE:FUNCTION:BARRIER#N
                                     print the site with the lines above it

Used by labels.test (every labelled site still exists) and by whoever
extends the corpus (to enumerate the sites to read).
"""
import os
import re
import sys

# The barrier primitives: barriermap's vocabulary plus the rest of the
# family issue 10 asks for (acquire/release atomics and bitops).
BARRIERS = set('''mb smp_mb smp_mb__after_atomic smp_mb__after_spinlock
smp_mb__after_srcu_read_unlock smp_mb__after_unlock_lock smp_mb__before_atomic
smp_store_mb virt_mb __smp_mb dma_rmb rmb smp_rmb virt_rmb __smp_rmb dma_wmb
smp_wmb virt_wmb wmb __smp_wmb smp_acquire__after_ctrl_dep
smp_cond_load_acquire smp_load_acquire virt_load_acquire virt_store_release
smp_store_release barrier'''.split())
FAMILY = re.compile(r'^(?:atomic(?:64|_long)?_(?:read_acquire|set_release|'
                    r'[a-z_]+_(?:acquire|release))|test_and_set_bit_lock|'
                    r'clear_bit_unlock|__clear_bit_unlock|'
                    r'smp_cond_load_acquire)$')

LEX = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<directive>^[ \t]*\#(?:\\\n|[^\n])*)
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<other>->|\S)
''', re.S | re.M | re.X)

# Words after a parameter list that are not the function's name.
ANNOTATION = re.compile(r'^(?:__acquires|__releases|__must_hold|__attribute__|'
                        r'__printf|__no_\w+|__alloc_size|__cond_acquires|'
                        r'__cond_releases)$')


def is_barrier(name):
    return name in BARRIERS or bool(FAMILY.match(name))


def tokens(text):
    out = []
    for m in LEX.finditer(text):
        kind = m.lastgroup
        if kind in ('comment', 'string', 'directive'):
            continue
        out.append((kind, m.group(), m.start()))
    return out


def function_name(toks, brace):
    """The name of the function whose body opens at toks[brace], or None."""
    i = brace - 1
    while i >= 0:
        kind, val, _ = toks[i]
        if val == ')':
            # find the matching "("
            depth = 0
            j = i
            while j >= 0:
                if toks[j][1] == ')':
                    depth += 1
                elif toks[j][1] == '(':
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            if j <= 0:
                return None
            name = toks[j - 1]
            if name[0] != 'ident':
                return None
            if ANNOTATION.match(name[1]):
                i = j - 2
                continue
            if name[1] in ('if', 'for', 'while', 'switch', 'sizeof'):
                return None
            return name[1]
        if kind == 'ident' and (ANNOTATION.match(val) or val in ('const',)):
            i -= 1
            continue
        return None
    return None


def scan(text, want_calls=False):
    """Yield (function, callee, line) for each barrier call (or each call)."""
    toks = tokens(text)
    depth = 0
    func = None
    for i, (kind, val, off) in enumerate(toks):
        if val == '{':
            if depth == 0:
                func = function_name(toks, i)
            depth += 1
        elif val == '}':
            depth = max(depth - 1, 0)
            if depth == 0:
                func = None
        elif kind == 'ident' and func and i + 1 < len(toks) and toks[i + 1][1] == '(':
            if i and toks[i - 1][1] in ('->', '.'):
                continue
            if want_calls or is_barrier(val):
                yield func, val, text.count('\n', 0, off) + 1


def listdir(path):
    return os.listdir(path) if os.path.isdir(path) else []


def scope_files(kernel):
    """The files of the KVM scope, relative to the tree, sorted."""
    found = []
    for top in ['virt/kvm', 'include/kvm']:
        for d, _, fs in os.walk(os.path.join(kernel, top)):
            found += [os.path.relpath(os.path.join(d, f), kernel)
                      for f in fs if f.endswith(('.c', '.h'))]
    found += ['include/linux/' + f for f in listdir(os.path.join(kernel, 'include/linux'))
              if f.startswith('kvm') and f.endswith('.h')]
    for arch in listdir(os.path.join(kernel, 'arch')):
        for d, _, fs in os.walk(os.path.join(kernel, 'arch', arch, 'kvm')):
            found += [os.path.relpath(os.path.join(d, f), kernel)
                      for f in fs if f.endswith(('.c', '.h'))]
        inc = os.path.join(kernel, 'arch', arch, 'include/asm')
        if os.path.isdir(inc):
            found += ['arch/%s/include/asm/%s' % (arch, f) for f in os.listdir(inc)
                      if f.startswith('kvm') and f.endswith('.h')]
    return sorted(found)


def sites(kernel, want_calls=False):
    """[(file, function, barrier, ordinal, line)] over the scope."""
    out = []
    for path in scope_files(kernel):
        with open(os.path.join(kernel, path), encoding='utf-8', errors='replace') as f:
            text = f.read()
        seen = {}
        for func, name, line in scan(text, want_calls):
            key = (func, name)
            seen[key] = seen.get(key, 0) + 1
            out.append((path, func, name, seen[key], line))
    return out


def show(kernel, ident, before=30, after=6):
    m = re.match(r'^(.+?):(\w+):(\w+)#(\d+)$', ident)
    if not m:
        sys.exit('sites.py: bad site %r' % ident)
    path, func, name, n = m.group(1), m.group(2), m.group(3), int(m.group(4))
    for s in sites_in(kernel, path, want_calls=True):
        if s[1:4] == (func, name, n):
            with open(os.path.join(kernel, path), encoding='utf-8', errors='replace') as f:
                lines = f.readlines()
            lo = max(0, s[4] - 1 - before)
            for k in range(lo, min(len(lines), s[4] + after)):
                mark = '>' if k == s[4] - 1 else ' '
                print('%s%5d %s' % (mark, k + 1, lines[k].rstrip('\n')))
            return
    sys.exit('sites.py: no site %s' % ident)


def sites_in(kernel, path, want_calls=False):
    with open(os.path.join(kernel, path), encoding='utf-8', errors='replace') as f:
        text = f.read()
    seen = {}
    for func, name, line in scan(text, want_calls):
        key = (func, name)
        seen[key] = seen.get(key, 0) + 1
        yield (path, func, name, seen[key], line)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    kernel = args.pop(0)
    if args[:1] == ['--show']:
        for ident in args[1:]:
            print('==', ident)
            show(kernel, ident)
        return
    for s in sites(kernel, want_calls=args[:1] == ['--calls']):
        print('%s\t%s\t%s\t%d\t%d' % s)


if __name__ == '__main__':
    main()
