#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""An independent count of the explicit barrier calls in the KVM scope.

It shares no code with barriermap: a small C lexer of its own drops
comments, string and character literals and #define bodies, then counts
each barrier name followed by "(" that is not a member ("ops->smp_mb(").
It compares (file, line, barrier) with `barriermap lint --format=json
--status=all` read from stdin, lists every difference, and exits 1 if any.
"""
import json
import os
import re
import sys

BARRIERS = set('''mb smp_mb smp_mb__after_atomic smp_mb__after_spinlock
smp_mb__after_srcu_read_unlock smp_mb__after_unlock_lock smp_mb__before_atomic
smp_store_mb virt_mb __smp_mb dma_rmb rmb smp_rmb virt_rmb __smp_rmb dma_wmb
smp_wmb virt_wmb wmb __smp_wmb smp_acquire__after_ctrl_dep
smp_cond_load_acquire smp_load_acquire virt_load_acquire virt_store_release
smp_store_release barrier'''.split())
# The ordered atomics (Documentation/atomic_t.txt, atomic_bitops.txt): the
# _acquire and _release forms of atomic_t's API and of the swaps.
for t in ('atomic', 'atomic64', 'atomic_long'):
    for op in ('add_negative add_return sub_return inc_return dec_return fetch_add fetch_sub '
               'fetch_inc fetch_dec fetch_and fetch_or fetch_xor fetch_andnot xchg cmpxchg '
               'try_cmpxchg').split():
        BARRIERS |= {'%s_%s_acquire' % (t, op), '%s_%s_release' % (t, op)}
    BARRIERS |= {t + '_read_acquire', t + '_set_release', t + '_cond_read_acquire'}
for op in 'xchg cmpxchg cmpxchg64 cmpxchg128 try_cmpxchg try_cmpxchg64 try_cmpxchg128'.split():
    BARRIERS |= {op + '_acquire', op + '_release'}
BARRIERS |= set('''test_and_set_bit_lock test_bit_acquire clear_bit_unlock __clear_bit_unlock
xor_unlock_is_negative_byte'''.split())

LEX = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<directive>^[ \t]*\#[ \t]*define(?:\\\n|[^\n])*)
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<other>->|\S)
''', re.S | re.M | re.X)


def barrier_calls(text):
    """Yield (line, name) for each barrier call in C source text."""
    toks = []
    for m in LEX.finditer(text):
        kind = m.lastgroup
        if kind in ('comment', 'string', 'directive'):
            continue
        toks.append((kind, m.group(), m.start()))
    for i, (kind, val, off) in enumerate(toks):
        if kind != 'ident' or val not in BARRIERS:
            continue
        if i + 1 >= len(toks) or toks[i + 1][1] != '(':
            continue
        if i and toks[i - 1][1] in ('->', '.'):
            continue
        # "void smp_mb(void) {": a definition
        if i and toks[i - 1][0] == 'ident' and toks[i - 1][1] in ('void', 'int', 'inline'):
            continue
        yield text.count('\n', 0, off) + 1, val


def scope_files(kernel):
    for top in ['virt/kvm', 'include/kvm']:
        for d, _, fs in os.walk(os.path.join(kernel, top)):
            for f in fs:
                if f.endswith(('.c', '.h')):
                    yield os.path.relpath(os.path.join(d, f), kernel)
    for f in os.listdir(os.path.join(kernel, 'include/linux')):
        if f.startswith('kvm') and f.endswith('.h'):
            yield 'include/linux/' + f
    for arch in os.listdir(os.path.join(kernel, 'arch')):
        for d, _, fs in os.walk(os.path.join(kernel, 'arch', arch, 'kvm')):
            for f in fs:
                if f.endswith(('.c', '.h')):
                    yield os.path.relpath(os.path.join(d, f), kernel)
        inc = os.path.join(kernel, 'arch', arch, 'include/asm')
        if os.path.isdir(inc):
            for f in os.listdir(inc):
                if f.startswith('kvm') and f.endswith(('.c', '.h')):
                    yield 'arch/%s/include/asm/%s' % (arch, f)


def main():
    kernel = sys.argv[1]
    ours = set()
    for path in scope_files(kernel):
        with open(os.path.join(kernel, path), encoding='utf-8', errors='replace') as f:
            for line, name in barrier_calls(f.read()):
                ours.add((path, line, name))
    doc = json.load(sys.stdin)
    theirs = {(s['file'], s['line'], s['barrier']) for s in doc['sites'] if not s['implicit']}
    no_function = [s for s in doc['sites'] if not s['implicit'] and not s['function']]
    only_ours = sorted(ours - theirs)
    only_theirs = sorted(theirs - ours)
    for s in only_ours:
        print('missed by barriermap: %s:%d: %s()' % s)
    for s in only_theirs:
        print('not a barrier call:   %s:%d: %s()' % s)
    for s in no_function:
        print('no enclosing function: %s:%d: %s()' % (s['file'], s['line'], s['barrier']))
    print('independent count %d, barriermap %d, differences %d, without function %d'
          % (len(ours), len(theirs), len(only_ours) + len(only_theirs), len(no_function)))
    return 1 if only_ours or only_theirs or no_function else 0


if __name__ == '__main__':
    sys.exit(main())
