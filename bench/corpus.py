#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Score barriermap's statuses and partners against the labelled corpus.

    corpus.py KERNEL JSON [LABELS]

JSON is the output of `barriermap lint --status=all --format=json` on KERNEL;
LABELS defaults to tests/corpus/labels.tsv.  Sites are matched by file,
function, barrier and ordinal (the callee and its call ordinal for an
implicit site).  Prints precision and recall per status, partner agreement,
and every disagreement.  See tests/corpus/README.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'corpus'))
import labels as corpus  # noqa: E402
import sites as lexer  # noqa: E402


class Calls:
    """(file, line, callee) -> (function, ordinal), from our own lexer."""

    def __init__(self, kernel):
        self.kernel = kernel
        self.files = {}

    def lookup(self, path, line, callee):
        if path not in self.files:
            table = {}
            if os.path.isfile(os.path.join(self.kernel, path)):
                for _, func, name, n, ln in lexer.sites_in(self.kernel, path, want_calls=True):
                    table.setdefault((ln, name), (func, n))
            self.files[path] = table
        return self.files[path].get((line, callee))


def tool_sites(doc, calls):
    """{key: site} for the tool's sites; key = (file, function, barrier, ordinal)."""
    out = {}
    rank = {}
    for s in sorted(doc['sites'], key=lambda s: (s['file'], s['line'], s['col'])):
        func = s['function'] or '-'
        found = calls.lookup(s['file'], s['line'], s['barrier'])
        if found and found[0] == func:
            n = found[1]
        else:
            # The tool places it in another function than our lexer does:
            # number it among the tool's own sites.
            k = (s['file'], func, s['barrier'])
            rank[k] = rank.get(k, 0) + 1
            n = rank[k]
        out[(s['file'], func, s['barrier'], n)] = s
    return out


def partner_keys(site, calls):
    keys = set()
    for p in site.get('partners') or []:
        found = calls.lookup(p['file'], p['line'], p['barrier'])
        n = found[1] if found else 0
        func = found[0] if found else (p.get('function') or '-')
        keys.add('%s:%s:%s#%d' % (p['file'], func, p['barrier'], n))
    return keys


def label_partner_keys(label):
    return {p.split(' ')[0] for p in label.partners}


def pct(num, den):
    return '%.1f%%' % (100.0 * num / den) if den else '-'


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    kernel, json_path = sys.argv[1], sys.argv[2]
    labels, faults = corpus.read(*sys.argv[3:])
    if faults:
        for f in faults:
            sys.stderr.write('corpus: %s\n' % f)
        return 2
    try:
        with open(json_path, encoding='utf-8') as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write('corpus: cannot read %s: %s\n' % (json_path, e))
        return 2
    calls = Calls(kernel)
    tool = tool_sites(doc, calls)
    by_key = {lb.key(): lb for lb in labels}

    statuses = corpus.STATUSES
    tp = dict.fromkeys(statuses, 0)
    n_label = dict.fromkeys(statuses, 0)
    n_tool = {}
    status_dis, missing, unlabelled, partner_dis = [], [], [], []
    p_total = p_agree = 0
    for lb in labels:
        n_label[lb.status] += 1
        s = tool.get(lb.key())
        if s is None:
            missing.append(lb)
            continue
        n_tool[s['status']] = n_tool.get(s['status'], 0) + 1
        if s['status'] == lb.status:
            tp[lb.status] += 1
        else:
            status_dis.append((lb, s))
        if lb.status in corpus.WITH_PARTNERS:
            p_total += 1
            want, got = label_partner_keys(lb), partner_keys(s, calls)
            if want == got:
                p_agree += 1
            else:
                partner_dis.append((lb, s, want, got))
    for key, s in sorted(tool.items()):
        if key not in by_key:
            unlabelled.append((key, s))
            n_tool[s['status']] = n_tool.get(s['status'], 0) + 1

    matched = len(labels) - len(missing)
    print('corpus: %d labelled sites; barriermap: %d sites, %d of them labelled; '
          '%d labelled sites it does not list, %d it lists that are not labelled'
          % (len(labels), len(tool), matched, len(missing), len(unlabelled)))
    print()
    print('%-13s %7s %6s %6s %10s %8s' % ('status', 'labels', 'tool', 'agree', 'precision', 'recall'))
    for st in statuses + sorted(set(n_tool) - set(statuses)):
        print('%-13s %7d %6d %6d %10s %8s' % (st, n_label.get(st, 0), n_tool.get(st, 0),
                                           tp.get(st, 0), pct(tp.get(st, 0), n_tool.get(st, 0)),
                                           pct(tp.get(st, 0), n_label.get(st, 0))))
    agree = sum(tp.values())
    print('%-13s %7d %6d %6d %10s %8s' % ('all', len(labels), len(tool), agree,
                                       pct(agree, len(tool)), pct(agree, len(labels))))
    print()
    print('partners: %d of %d labelled partner lists (paired, one-way, mismatch) agree exactly (%s)'
          % (p_agree, p_total, pct(p_agree, p_total)))

    if status_dis:
        print('\nstatus disagreements (label <- tool):')
        for lb, s in sorted(status_dis, key=lambda x: (x[0].status, x[0].key())):
            print('  %s: %s <- %s' % (lb.name(), lb.status, s['status']))
            print('      label: %s' % lb.reason)
            print('      tool:  %s' % (s.get('message') or '').strip())
    if missing:
        print('\nlabelled sites barriermap does not list:')
        for lb in missing:
            print('  %s (%s, %s)' % (lb.name(), lb.site, lb.status))
    if unlabelled:
        print('\nsites barriermap lists that are not labelled:')
        for key, s in unlabelled:
            print('  %s:%s:%s#%d (%s, %s:%d)' % (key + (s['status'], s['file'], s['line'])))
    if partner_dis:
        print('\npartner disagreements:')
        for lb, s, want, got in partner_dis:
            print('  %s (%s <- %s)' % (lb.name(), lb.status, s['status']))
            for p in sorted(want - got):
                print('      only in label: %s' % p)
            for p in sorted(got - want):
                print('      only in tool:  %s' % p)
    return 0


if __name__ == '__main__':
    sys.exit(main())
