#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Litmus tests in the shape of the kernel's tools/memory-model/litmus-tests/.

usage:
  litmus.py check FILE...            parse each; print "ok NAME" or why not
  litmus.py compare A B [--ignore-fences]
                                     do A and B have the same shape: the same
                                     accesses per thread, with variables named
                                     by first use, and the same exists clause?
  litmus.py verdicts KERNEL          read `barriermap litmus --table` on stdin
                                     and check each entry that a shipped
                                     two-thread test covers against its
                                     "Result:" line

The shape of a test (as the shipped ones are written): "C NAME", a (* *)
comment holding "Result: Never|Sometimes|Always", an initial-state block
"{...}", threads "P<n>(int *x, ...)" each followed by a braced body, and an
"exists (...)" clause, possibly followed by a (* *) comment.
"""
import os
import re
import sys

FENCES = {'smp_mb', 'smp_rmb', 'smp_wmb', 'smp_mb__before_atomic',
          'smp_mb__after_atomic', 'smp_mb__after_spinlock',
          'smp_mb__after_unlock_lock', 'smp_mb__after_srcu_read_unlock'}


class Test:
    def __init__(self, name, result, threads, exists):
        self.name = name
        self.result = result
        self.threads = threads      # [(name, [params], [statements])]
        self.exists = exists


def strip_line_comment(line):
    return line.split('//', 1)[0].rstrip()


def parse(text, path):
    lines = text.split('\n')
    i = 0

    def fail(why):
        raise ValueError('%s:%d: %s' % (path, i + 1, why))

    m = re.match(r'^C (\S+)\s*$', lines[0]) if lines else None
    if not m:
        fail('the first line is not "C NAME"')
    name = m.group(1)
    i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    result = None
    if i < len(lines) and lines[i].strip().startswith('(*'):
        while i < len(lines):
            r = re.search(r'Result: (Never|Sometimes|Always)\b', lines[i])
            if r:
                result = r.group(1)
            if '*)' in lines[i]:
                break
            i += 1
        i += 1
    if result is None:
        fail('no "Result:" in a (* *) comment after the name')
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not lines[i].strip().startswith('{'):
        fail('no initial-state block "{...}"')
    while '}' not in lines[i]:
        i += 1
    i += 1
    threads = []
    exists = None
    while i < len(lines):
        line = strip_line_comment(lines[i]).strip()
        if not line:
            i += 1
            continue
        t = re.match(r'^(P\d+)\((.*)\)$', line)
        if t:
            params = [p.strip() for p in t.group(2).split(',') if p.strip()]
            i += 1
            while i < len(lines) and not strip_line_comment(lines[i]).strip():
                i += 1
            if i >= len(lines) or strip_line_comment(lines[i]).strip() != '{':
                fail('thread %s has no "{"' % t.group(1))
            i += 1
            body = []
            while i < len(lines) and strip_line_comment(lines[i]).strip() != '}':
                s = strip_line_comment(lines[i]).strip()
                if s:
                    body.append(s)
                i += 1
            if i >= len(lines):
                fail('thread %s has no "}"' % t.group(1))
            if t.group(1) != 'P%d' % len(threads):
                fail('thread %s out of order' % t.group(1))
            threads.append((t.group(1), params, body))
            i += 1
            continue
        if line.startswith('exists'):
            exists = re.sub(r'\(\*.*?\*\)', '', line).strip()
            i += 1
            break
        if line.startswith('locations'):
            i += 1
            continue
        fail('unexpected line: %s' % line)
    if not threads:
        fail('no thread')
    if not exists or not re.match(r'^exists\s*\(.*\)$', exists):
        fail('no "exists (...)" clause')
    for rest in lines[i:]:
        if rest.strip() and not rest.strip().startswith(('(*', '*')):
            fail('text after the exists clause')
    return Test(name, result, threads, exists)


def load(path):
    with open(path) as f:
        return parse(f.read(), path)


# ---- shape -------------------------------------------------------------------

def is_fence(stmt):
    m = re.match(r'^(\w+)\(\);$', stmt)
    return bool(m and m.group(1) in FENCES) or stmt.startswith('atomic_inc(rmw)')


def shape(test, ignore_fences):
    """Each thread's statements with variables renamed v0, v1 by first use,
    declarations dropped; and the exists clause renamed alike."""
    names = {}
    params = set()
    for _, ps, _ in test.threads:
        for p in ps:
            params.add(p.split('*')[-1].strip())

    def rename(s):
        def sub(m):
            w = m.group(0)
            if w not in params:
                return w
            if w not in names:
                names[w] = 'v%d' % len(names)
            return names[w]
        return re.sub(r'\b[A-Za-z_]\w*\b', sub, s)

    threads = []
    for _, _, body in test.threads:
        out = []
        for s in body:
            if re.match(r'^(int|atomic_t|spinlock_t)\s', s):
                continue
            if ignore_fences and is_fence(s):
                continue
            out.append(rename(s))
        threads.append(out)
    inner = re.match(r'^exists\s*\((.*)\)$', rename(test.exists)).group(1)
    terms = sorted(t.strip() for t in inner.split('/\\'))
    return threads, 'exists (%s)' % ' /\\ '.join(terms)


def swapped(test):
    """A two-thread test with P0 and P1 exchanged: the same test for LB,
    SB and 2+2W, whose shipped versions may start from the other side."""
    threads = [(n, ps, body) for n, ps, body in reversed(test.threads)]
    exists = re.sub(r'\b([01]):', lambda m: '%d:' % (1 - int(m.group(1))), test.exists)
    return Test(test.name, test.result, threads, exists)


def compare(a, b, ignore_fences):
    sa, sb = shape(a, ignore_fences), shape(b, ignore_fences)
    if sa == sb or (len(b.threads) == 2 and sa == shape(swapped(b), ignore_fences)):
        return 'same shape'
    lines = ['different shape:']
    for label, s in (('A', sa), ('B', sb)):
        for n, body in enumerate(s[0]):
            lines.append('  %s P%d: %s' % (label, n, ' '.join(body)))
        lines.append('  %s %s' % (label, s[1]))
    return '\n'.join(lines)


# ---- the verdict table against the shipped tests ----------------------------

ACCESS = [
    (re.compile(r'^WRITE_ONCE\(\*(\w+), \d+\);$'), 'W', None),
    (re.compile(r'^smp_store_release\((\w+), \d+\);$'), 'W', 'release'),
    (re.compile(r'^\w+ = READ_ONCE\(\*(\w+)\);$'), 'R', None),
    (re.compile(r'^\w+ = smp_load_acquire\((\w+)\);$'), 'R', 'acquire'),
]
FENCE_OF = {'smp_mb();': 'mb', 'smp_wmb();': 'wmb', 'smp_rmb();': 'rmb'}
LINKS = {('W', 'R'): 'rf', ('R', 'W'): 'fr', ('W', 'W'): 'co'}
PATTERNS = {('fr', 'rf'): 'MP', ('fr', 'fr'): 'SB', ('rf', 'rf'): 'LB',
            ('co', 'fr'): 'R', ('co', 'rf'): 'S', ('co', 'co'): '2+2W'}


def thread_of(body):
    """(accesses [(type, var)], fence) of a two-access thread, or None."""
    accesses, fence = [], None
    for s in body:
        if re.match(r'^int\s', s):
            continue
        if s in FENCE_OF and len(accesses) == 1 and fence is None:
            fence = FENCE_OF[s]
            continue
        for rx, kind, marked in ACCESS:
            m = rx.match(s)
            if m:
                accesses.append((kind, m.group(1), marked))
                break
        else:
            return None
    if len(accesses) != 2 or accesses[0][1] == accesses[1][1]:
        return None
    marks = [a[2] for a in accesses]
    if fence is None:
        if marks == [None, 'release']:
            fence = 'release'
        elif marks == ['acquire', None]:
            fence = 'acquire'
        elif marks == [None, None]:
            fence = 'none'
        else:
            return None
    elif marks != [None, None]:
        return None
    return [(a[0], a[1]) for a in accesses], fence


def classify(test):
    """(pattern, P0 fence, P1 fence) in barriermap's orientation, or None."""
    if len(test.threads) != 2:
        return None
    sides = [thread_of(body) for _, _, body in test.threads]
    if None in sides:
        return None
    (a, f0), (b, f1) = sides
    if a[0][1] != b[1][1] or a[1][1] != b[0][1]:
        return None
    e1 = LINKS.get((a[1][0], b[0][0]))
    e2 = LINKS.get((b[1][0], a[0][0]))
    if not e1 or not e2:
        return None
    pattern = PATTERNS[tuple(sorted((e1, e2)))]
    # P0 is the writer of MP and S (its link to P1 is rf), and of R (co)
    want = {'MP': 'rf', 'S': 'rf', 'R': 'co'}.get(pattern)
    if want and e1 != want:
        f0, f1 = f1, f0
    return pattern, f0, f1


def verdicts(kernel):
    table = {}
    for line in sys.stdin:
        w = line.split(None, 4)
        table[(w[0], w[1], w[2])] = (w[3], w[4].strip())
    folder = os.path.join(kernel, 'tools/memory-model/litmus-tests')
    checked = disagree = 0
    for f in sorted(os.listdir(folder)):
        if not f.endswith('.litmus'):
            continue
        test = load(os.path.join(folder, f))
        key = classify(test)
        if not key:
            continue
        want = 'Never' if test.result == 'Never' else 'Sometimes'
        got, cite = table[key]
        checked += 1
        disagree += got != want
        print('%s %s %s: %s says %s, the table %s%s' % (
            key[0], key[1], key[2], f, want, got,
            '' if got == want else '  <-- DISAGREE'))
        if cite != f:
            print('  the table cites %s instead' % cite)
    print('%d table entries checked against the shipped tests, %d disagree' % (checked, disagree))
    return 1 if disagree else 0


def main():
    args = sys.argv[1:]
    if args[:1] == ['check']:
        rc = 0
        for path in args[1:]:
            try:
                print('ok %s' % load(path).name)
            except ValueError as e:
                print('bad %s' % e)
                rc = 1
        return rc
    if args[:1] == ['compare'] and len(args) >= 3:
        print(compare(load(args[1]), load(args[2]), '--ignore-fences' in args))
        return 0
    if args[:1] == ['verdicts'] and len(args) == 2:
        return verdicts(args[1])
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main())
