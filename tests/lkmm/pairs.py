#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print each pair lkmm.c classified, once, from barriermap's JSON on stdin:

    PATTERN P0-function(fence) P1-function(fence) VERDICT certainty=C [inferred] [assumed]

so tests name pairs by function and barrier, never by line number.

usage: pairs.py [--documented] [--function NAME]... [--counts]   (JSON on stdin)
  --documented  only pairs a comment names
  --function    only pairs with a side in one of these functions
  --counts      print how many pairs there are, classified or not, by pattern
"""
import collections
import json
import sys


def side(s):
    return '%s(%s)' % (s['function'] or '-', s['fence'] or s['barrier'])


def main():
    args = sys.argv[1:]
    documented = '--documented' in args
    counts = '--counts' in args
    functions = [args[i + 1] for i, a in enumerate(args) if a == '--function']
    pairs = {}
    for s in json.load(sys.stdin)['sites']:
        for p in (s['ordering'] or {}).get('pairs', []):
            key = (p['P0']['file'], p['P0']['line'], p['P1']['file'], p['P1']['line'])
            pairs[key] = p
    chosen = [p for _, p in sorted(pairs.items())
              if (not documented or p['documented']) and
              (not functions or p['P0']['function'] in functions or
               p['P1']['function'] in functions)]
    if counts:
        c = collections.Counter((p['pattern'] or 'unclassified',
                                 'assumed' if p['assumed'] else 'seen') for p in chosen)
        print('pairs %d, classified %d' % (len(chosen), sum(1 for p in chosen if p['pattern'])))
        for (pat, how), n in sorted(c.items()):
            print('  %s %s %d' % (pat, how, n))
        return
    for p in chosen:
        words = [p['pattern'] or 'none', side(p['P0']), side(p['P1']), p['verdict']]
        if p['pattern']:
            words.append('certainty=' + p['certainty'])
        if not p['documented']:
            words.append('inferred')
        if p['assumed']:
            words.append('assumed')
        print(' '.join(words))


if __name__ == '__main__':
    main()
