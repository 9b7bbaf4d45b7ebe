#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print chosen facts of the sites in a barriermap JSON document, one line
per site, so integration tests can name a site by file, function and
barrier (and ordinal) instead of by line number.

usage: site.py [--barrier NAME] [--site FILE:FUNCTION:BARRIER#N]... FIELD...
       (JSON on stdin, or --json FILE)
--site picks the N-th site (1-based, in line order) with that file,
function and barrier; the sites print in the order given.
fields: status, partner, via, refs, implicit, candidates, rule, message,
        misspellings
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
            if r.get('see'):
                b = 'see:' + b
            out.append('%s%s@%s' % (r['arch'] + ':' if r['arch'] else '', b, r['function']))
        return 'refs=' + ','.join(out)
    if name == 'candidates':
        return 'candidates=' + ','.join(c for r in s['refs'] for c in r['candidates'])
    if name == 'implicit':
        return 'implicit=%s' % s['implicit']
    if name == 'misspellings':
        return 'misspellings=' + ','.join('%s->%s' % (m['written'], m['meant'])
                                          for m in s.get('misspellings', []))
    if name == 'message':
        return '| ' + (s['message'] or '')
    return str(s[name])


def ordinal_sites(sites):
    """{(file, function, barrier, n): site}, n counted in line order."""
    out, seen = {}, {}
    for s in sorted(sites, key=lambda s: (s['file'], s['line'], s['col'])):
        k = (s['file'], s['function'] or '-', s['barrier'])
        seen[k] = seen.get(k, 0) + 1
        out[k + (seen[k],)] = s
    return out


def main():
    args = sys.argv[1:]
    barrier, picks, src = None, [], sys.stdin
    while args and args[0] in ('--barrier', '--site', '--json'):
        if args[0] == '--barrier':
            barrier = args[1]
        elif args[0] == '--json':
            src = open(args[1], encoding='utf-8')
        else:
            picks.append(args[1])
        args = args[2:]
    sites = json.load(src)['sites']
    if picks:
        table = ordinal_sites(sites)
        chosen = []
        for pick in picks:
            where, _, n = pick.rpartition('#')
            f, fn, b = where.split(':')
            s = table.get((f, fn, b, int(n)))
            if s is None:
                print('no site %s' % pick)
                continue
            chosen.append(s)
        sites = chosen
    for s in sites:
        if barrier and s['barrier'] != barrier:
            continue
        print(' '.join([s['file'], s['function'] or '-', s['barrier']] +
                       [field(s, a) for a in args]))


if __name__ == '__main__':
    main()
