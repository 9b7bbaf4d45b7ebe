#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read and check tests/corpus/labels.tsv, the labelled barrier sites.

    labels.py check KERNEL [LABELS]   the file is well formed, every labelled
                                      site and partner exists in KERNEL (by
                                      file, function, barrier, ordinal), and
                                      every barrier site of the scope has a
                                      label.  Exit 1 with one line per fault.
    labels.py count [LABELS]          sites per status

It never runs barriermap: the labels are checked against the tree only, not
against the tool's statuses (bench/corpus.sh does that).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sites  # noqa: E402

DEFAULT = os.path.join(HERE, 'labels.tsv')
COLUMNS = ['file', 'function', 'barrier', 'ordinal', 'site', 'status',
           'partners', 'reason']
STATUSES = ['paired', 'one-way', 'dangling', 'mismatch', 'vague',
            'undocumented', 'no-partner', 'not-required']
# Statuses whose label names the barriers the comment resolves to.
WITH_PARTNERS = {'paired', 'one-way', 'mismatch'}
PARTNER = re.compile(r'^([\w./-]+\.[ch]):(\w+):(\w+)#([1-9]\d*)( implied)?$')
IDENT = re.compile(r'^\w+$')


class Label:
    def __init__(self, line, fields):
        self.line = line
        (self.file, self.function, self.barrier, ordinal, self.site,
         self.status, partners, self.reason) = fields
        self.ordinal = int(ordinal)
        self.partners = [] if partners == '-' else partners.split(',')

    def key(self):
        return (self.file, self.function, self.barrier, self.ordinal)

    def name(self):
        return '%s:%s:%s#%d' % self.key()


def parse_partner(text):
    """(file, function, callee, ordinal, implied) or None."""
    m = PARTNER.match(text)
    if not m:
        return None
    return (m.group(1), m.group(2), m.group(3), int(m.group(4)), bool(m.group(5)))


def read(path=DEFAULT):
    """Return (labels, faults): the rows, and one message per malformed row."""
    labels, faults, seen = [], [], {}
    header = False
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            where = '%s:%d' % (os.path.basename(path), n)
            if not header:
                if fields != COLUMNS:
                    faults.append('%s: the header must be %s' % (where, '\\t'.join(COLUMNS)))
                header = True
                continue
            if len(fields) != len(COLUMNS):
                faults.append('%s: %d columns, not %d' % (where, len(fields), len(COLUMNS)))
                continue
            fault = row_fault(fields)
            if fault:
                faults.append('%s: %s' % (where, fault))
                continue
            label = Label(n, fields)
            if label.key() in seen:
                faults.append('%s: %s is labelled twice (line %d)'
                              % (where, label.name(), seen[label.key()]))
                continue
            seen[label.key()] = n
            labels.append(label)
    if not header:
        faults.append('%s: no header line' % path)
    return labels, faults


def row_fault(fields):
    path, function, barrier, ordinal, site, status, partners, reason = fields
    if path.startswith('/') or '..' in path.split('/') or not path.endswith(('.c', '.h')):
        return 'bad file %r' % path
    if not IDENT.match(function) or not IDENT.match(barrier):
        return 'bad function or barrier name'
    if not re.match(r'^[1-9]\d*$', ordinal):
        return 'bad ordinal %r' % ordinal
    if site not in ('barrier', 'implicit'):
        return 'site must be barrier or implicit, not %r' % site
    if status not in STATUSES:
        return 'unknown status %r' % status
    if (barrier == 'barrier') != (status == 'not-required'):
        return 'not-required is for barrier() and only for it'
    if partners != '-':
        for p in partners.split(','):
            if not parse_partner(p):
                return 'bad partner %r (file:function:barrier#N [implied])' % p
    if (partners != '-') != (status in WITH_PARTNERS):
        return '%s takes %s partners' % (status, 'its' if status in WITH_PARTNERS else 'no')
    if not reason.strip():
        return 'no reason'
    return None


def calls_in(kernel, path, cache):
    """{(function, callee, ordinal)} of every call in one file of the tree."""
    if path not in cache:
        full = os.path.join(kernel, path)
        if not os.path.isfile(full):
            cache[path] = None
        else:
            cache[path] = {s[1:4] for s in sites.sites_in(kernel, path, want_calls=True)}
    return cache[path]


def check(kernel, path=DEFAULT):
    labels, faults = read(path)
    barrier_sites = {s[:4] for s in sites.sites(kernel)}
    cache = {}
    for label in labels:
        where = '%s:%d: %s' % (os.path.basename(path), label.line, label.name())
        if label.site == 'barrier':
            if label.key() not in barrier_sites:
                faults.append('%s: no such barrier site in the tree' % where)
        else:
            calls = calls_in(kernel, label.file, cache)
            if calls is None or label.key()[1:] not in calls:
                faults.append('%s: no such call in the tree' % where)
        for p in label.partners:
            f, fn, callee, n, _ = parse_partner(p)
            calls = calls_in(kernel, f, cache)
            if calls is None or (fn, callee, n) not in calls:
                faults.append('%s: partner %s not in the tree' % (where, p))
    labelled = {label.key() for label in labels}
    for s in sorted(barrier_sites - labelled):
        faults.append('unlabelled barrier site %s:%s:%s#%d' % s)
    return labels, faults


def main():
    args = sys.argv[1:]
    if args[:1] == ['check'] and len(args) in (2, 3):
        labels, faults = check(args[1], *args[2:])
        for f in faults:
            print(f)
        print('%d labels, %d faults' % (len(labels), len(faults)))
        return 1 if faults else 0
    if args[:1] == ['count'] and len(args) in (1, 2):
        labels, faults = read(*args[1:])
        for f in faults:
            print(f)
        for status in STATUSES:
            print('%-13s %d' % (status, sum(1 for lb in labels if lb.status == status)))
        print('%-13s %d' % ('total', len(labels)))
        return 1 if faults else 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main())
