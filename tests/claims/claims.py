#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the reliance claims of a barriermap JSON document, one line each,
so tests name a claim by file, function and the function it relies on,
never by line number.

usage: claims.py [--verdict V] [--function F]... < lint-or-show.json
line:  file function subject barrier kind verdict [-> barrier in function, N deep]
"""
import json
import sys


def main():
    want, functions, args = None, [], sys.argv[1:]
    while len(args) >= 2:
        if args[0] == '--verdict':
            want = args[1]
        elif args[0] == '--function':
            functions.append(args[1])
        args = args[2:]
    for c in json.load(sys.stdin)['claims']:
        if want and c['verdict'] != want:
            continue
        if functions and c['function'] not in functions:
            continue
        line = [c['file'], c['function'] or '-', c['subject'], c['barrier'] or '-', c['kind'],
                c['verdict']]
        t = c['there']
        if t:
            line.append('-> %s in %s, %d deep' % (t['barrier'], t['function'], t['depth']))
        if c['primitive']:
            line.append('[%s: %s]' % (c['primitive']['name'], c['primitive']['kind']))
        print(' '.join(line))


if __name__ == '__main__':
    main()
