#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Delete each barrier of the scope, one patch per barrier, and check
what check-patch says (issue 11).

    sweep.py [--every N] [-j JOBS] [--sites JSON] [--save DIR] BARRIERMAP KERNEL

The barriers, and which other barriers' comments name each, come from
`barriermap lint --status=all --format=json` on KERNEL (the resolver's
partners), or from JSON, that command's output.  For each explicit barrier (every N-th one with --every) a
patch is made from the tree: the line is deleted when the barrier is a
statement of its own, else its name is replaced (an acquire by
READ_ONCE, a release by WRITE_ONCE).  check-patch must then exit 1 without
crashing, report that barrier removed (its file, line, function), and
list every comment whose barrier found it as a partner.  Prints one line
per failure and a summary "N barriers: N ok, N failed".  --save DIR
keeps each patch's check-patch JSON in DIR, named by the barrier's file
and line, to compare two builds (a refactoring must change none).
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile


def load_sites(bm, kernel, path):
    if path:
        with open(path, encoding='utf-8') as f:
            return json.load(f)['sites']
    p = subprocess.run([bm, 'lint', '--kernel', kernel, '--status=all', '--format=json', '-q'],
                       stdout=subprocess.PIPE, check=False)
    return json.loads(p.stdout)['sites']


def make_patch(kernel, site):
    """The patch deleting @site, or None with a reason."""
    path = os.path.join(kernel, site['file'])
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        old = f.read().split('\n')
    i, col, name = site['line'] - 1, site['col'] - 1, site['barrier']
    text = old[i]
    if text[col:col + len(name)] != name:
        return None, 'no %s at %s:%d:%d' % (name, site['file'], site['line'], site['col'])
    new = list(old)
    if re.fullmatch(r'\s*' + re.escape(name) + r'\s*\(.*\)\s*;\s*(/\*.*\*/)?\s*\\?\s*', text):
        del new[i]
    else:
        repl = {'acquire': 'READ_ONCE', 'release': 'WRITE_ONCE'}.get(site['kind'], 'no_barrier')
        new[i] = text[:col] + repl + text[col + len(name):]
    diff = difflib.unified_diff([l + '\n' for l in old], [l + '\n' for l in new],
                                'a/' + site['file'], 'b/' + site['file'])
    return ''.join(diff), len(new) < len(old)


def expected_comments(sites, site):
    """(file, comment line) of each other site whose partners include @site."""
    out = set()
    for s in sites:
        if s is site or s.get('comment_line') is None:
            continue
        for p in s['partners']:
            if p.get('file') == site['file'] and p.get('line') == site['line']:
                out.add((s['file'], s['comment_line'], s['function'], s['barrier']))
    return sorted(out)


def check_one(bm, kernel, sites, site, tmp, save=None):
    where = '%s() in %s() (%s:%d)' % (site['barrier'], site['function'], site['file'], site['line'])
    patch, deleted = make_patch(kernel, site)
    if not patch:
        return where, [deleted]
    pfile = os.path.join(tmp, '%s-%d.patch' % (site['file'].replace('/', '_'), site['line']))
    with open(pfile, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write(patch)
    p = subprocess.run([bm, 'check-patch', '--kernel', kernel, '--format=json', '-q', pfile],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if save:
        name = os.path.basename(pfile)[:-len('.patch')] + '.json'
        with open(os.path.join(save, name), 'wb') as f:
            f.write(p.stdout)
    fails = []
    if p.returncode != 1:
        fails.append('exit %d: %s' % (p.returncode, p.stderr.decode(errors='replace').strip()[-300:]))
        return where, fails
    items = json.loads(p.stdout)['items']
    removed = [it for it in items if it['kind'] in ('removed', 'moved') and it['tree'] == 'before'
               and it['file'] == site['file'] and it['line'] == site['line']
               and it['barrier'] == site['barrier'] and it['function'] == site['function']]
    if not removed and not any(it['kind'] == 'kind-changed' for it in items):
        fails.append('not reported removed at its own line')
    for f, line, fn, barrier in expected_comments(sites, site):
        # in the file the patch changes, lines after a deleted one move up
        after = line - 1 if deleted and f == site['file'] and line > site['line'] else line
        hit = [it for it in items if it['kind'] in ('stale-comment', 'updated-comment') and
               it['file'] == f and it['line'] in (line, after)]
        if not hit:
            fails.append('comment at %s:%d (on %s() in %s()) not listed' % (f, line, barrier, fn))
    return where, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--every', type=int, default=1)
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--sites')
    ap.add_argument('--save')
    ap.add_argument('bm')
    ap.add_argument('kernel')
    args = ap.parse_args()
    sites = load_sites(args.bm, args.kernel, args.sites)
    todo = [s for s in sites if not s['implicit'] and s['kind'] != 'compiler']
    todo.sort(key=lambda s: (s['file'], s['line'], s['col']))
    todo = todo[::args.every]
    ok = failed = 0
    with tempfile.TemporaryDirectory(prefix='bmsweep.') as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        for where, fails in ex.map(lambda s: check_one(args.bm, args.kernel, sites, s, tmp, args.save), todo):
            if fails:
                failed += 1
                for f in fails:
                    print('FAIL %s: %s' % (where, f))
            else:
                ok += 1
    print('%d barriers: %d ok, %d failed' % (ok + failed, ok, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
