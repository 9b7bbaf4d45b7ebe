#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print chosen facts of the sites in a barriermap JSON document, one line
per site, so integration tests can name a site by file, function and
barrier instead of by line number.

usage: site.py [--barrier NAME] FIELD...   (JSON on stdin)
fields: status, partner, via, refs, implicit, candidates
"""
import json
import sys


def field(s, name):
    if name == 'partner':
        return '-> ' + ', '.join('%s in %s' % (p['barrier'], p['function'])
                                 for p in s['partners'])
    if name == 'via':
        return 'via ' + ' '.join(','.join(p['via']) for p in s['partners'])
    if name == 'refs':
        out = []
        for r in s['refs']:
            b = r['barrier'] or ''
            if r['misspelled']:
                b += '(%s)' % r['misspelled']
            out.append('%s%s@%s' % (r['arch'] + ':' if r['arch'] else '', b, r['function']))
        return 'refs=' + ','.join(out)
    if name == 'candidates':
        return 'candidates=' + ','.join(c for r in s['refs'] for c in r['candidates'])
    if name == 'implicit':
        return 'implicit=%s' % s['implicit']
    return str(s[name])


def main():
    args = sys.argv[1:]
    barrier = None
    if args[:1] == ['--barrier']:
        barrier, args = args[1], args[2:]
    for s in json.load(sys.stdin)['sites']:
        if barrier and s['barrier'] != barrier:
            continue
        print(' '.join([s['file'], s['function'] or '-', s['barrier']] +
                       [field(s, a) for a in args]))


if __name__ == '__main__':
    main()
