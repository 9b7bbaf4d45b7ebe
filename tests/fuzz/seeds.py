#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the fuzzers' seed corpora, drawn from a real kernel tree.

    seeds.py KERNEL OUTDIR

OUTDIR/grammar and OUTDIR/escape get the comments of the KVM sources,
OUTDIR/tree the functions that hold a barrier, OUTDIR/maintainers pieces of
the tree's MAINTAINERS, OUTDIR/patch patches made
from those sources (a barrier dropped, a comment reworded, a file renamed,
as `diff -u`, `git diff` and a two-patch mbox) plus the check-patch
fixtures.  Nothing of the kernel is committed: the corpora are made at run
time in the build folder.  Deterministic: the same tree gives the same
files.
"""
import difflib
import glob
import hashlib
import os
import re
import sys

BARRIER = re.compile(r'\b(smp_[a-z_]*mb[a-z_]*|[rw]?mb|smp_(load_acquire|store_release)|'
                     r'dma_[rw]?mb|virt_[a-z]*mb)\s*\(')
COMMENT = re.compile(r'/\*.*?\*/|(?://[^\n]*\n[ \t]*)+', re.S)
MAX_SEEDS = 400
MAX_SIZE = 16384


def kvm_sources(kernel):
    pats = ['virt/kvm/**/*.[ch]', 'arch/*/kvm/**/*.[ch]', 'include/linux/kvm*.h',
            'include/kvm/**/*.h']
    files = set()
    for p in pats:
        files.update(glob.glob(os.path.join(kernel, p), recursive=True))
    return sorted(files)


def read(path):
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        return f.read()


def write_seeds(outdir, name, texts):
    d = os.path.join(outdir, name)
    os.makedirs(d, exist_ok=True)
    seen = set()
    for t in texts:
        data = t.encode('utf-8', 'surrogateescape')[:MAX_SIZE]
        h = hashlib.sha1(data).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        with open(os.path.join(d, h), 'wb') as f:
            f.write(data)
        if len(seen) >= MAX_SEEDS:
            break
    return len(seen)


def comments(sources):
    """Comments that speak of ordering, first those near a barrier."""
    near, other = [], []
    for path in sources:
        text = read(path)
        for m in COMMENT.finditer(text):
            c = m.group(0)
            after = text[m.end():m.end() + 200]
            if BARRIER.search(after) or 'pair' in c.lower():
                near.append(c)
            elif re.search(r'barrier|order|visible', c, re.I):
                other.append(c)
    return near + other


def functions(sources):
    """Function definitions (to their closing brace) that hold a barrier."""
    out = []
    for path in sources:
        text = read(path)
        for m in re.finditer(r'^[a-z][^\n;#]*\([^;{]*\)\s*\n\{', text, re.M):
            end = text.find('\n}\n', m.end())
            if end < 0:
                continue
            body = text[m.start():end + 3]
            if BARRIER.search(body):
                out.append('#include <linux/kvm_host.h>\n\n' + body)
    return out


def diff(rel, old, new, style):
    a = old.splitlines(True)
    b = new.splitlines(True)
    hunks = ''.join(difflib.unified_diff(a, b, 'a/' + rel, 'b/' + rel, n=3))
    if style == 'git':
        return 'diff --git a/%s b/%s\nindex 0123456..89abcde 100644\n%s' % (rel, rel, hunks)
    return hunks


def patches(kernel, sources, fixtures):
    out = []
    for path in sources:
        rel = os.path.relpath(path, kernel)
        text = read(path)
        lines = text.splitlines(True)
        idx = [i for i, l in enumerate(lines) if BARRIER.search(l)]
        if not idx:
            continue
        dropped = ''.join(lines[:idx[0]] + lines[idx[0] + 1:])
        out.append(diff(rel, text, dropped, 'diff'))
        reworded = text.replace('Pairs with', 'Orders against', 1).replace(
            'pairs with', 'orders against', 1)
        if reworded != text:
            out.append(diff(rel, text, reworded, 'git'))
        one = diff(rel, text, dropped, 'git')
        mbox = ('From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n'
                'From: A Developer <dev@example.org>\nSubject: [PATCH 1/2] KVM: drop a barrier\n\n'
                '---\n' + one + '-- \n2.39.2\n\n'
                'From 89abcdef0123456789abcdef0123456789abcdef Mon Sep 17 00:00:00 2001\n'
                'From: A Developer <dev@example.org>\nSubject: [PATCH 2/2] KVM: rename\n\n'
                '---\ndiff --git a/%s b/%s.new\nsimilarity index 100%%\nrename from %s\n'
                'rename to %s.new\n-- \n2.39.2\n' % (rel, rel, rel, rel))
        out.append(mbox)
    for f in fixtures:
        out.append(read(f))
    return out


def maintainers(kernel, here):
    """The tree's MAINTAINERS in pieces of a few dozen sections, and the fixture's."""
    text = read(os.path.join(kernel, 'MAINTAINERS'))
    sections = text.split('\n\n')
    out = ['\n\n'.join(sections[i:i + 40]) + '\n' for i in range(0, len(sections), 40)]
    out.append(read(os.path.join(here, '..', 'suggest', 'tree', 'MAINTAINERS')))
    return [o[:MAX_SIZE] for o in out]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kernel, outdir = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    sources = kvm_sources(kernel)
    if not sources:
        sys.exit('seeds.py: no KVM sources under %s' % kernel)
    fixtures = sorted(glob.glob(os.path.join(here, '..', 'check-patch', '*.patch')))
    cs = comments(sources)
    counts = {
        'grammar': write_seeds(outdir, 'grammar', cs),
        'escape': write_seeds(outdir, 'escape', cs + [os.path.relpath(s, kernel) for s in sources]),
        'tree': write_seeds(outdir, 'tree', functions(sources)),
        'patch': write_seeds(outdir, 'patch', patches(kernel, sources, fixtures)),
        'maintainers': write_seeds(outdir, 'maintainers', maintainers(kernel, here)),
    }
    for name, n in sorted(counts.items()):
        print('seeds.py: %s: %d seeds' % (name, n), file=sys.stderr)


if __name__ == '__main__':
    main()
