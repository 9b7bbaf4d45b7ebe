#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Golden test runner, in the manner of sparse's validation/test-suite.

Every test is one file under tests/ carrying a block like this (in a C
comment, or behind '#' in a shell script or text file):

    check-name: lint reports an undocumented smp_mb
    check-command: $BM lint --kernel $dir/tree
    check-exit-value: 1
    check-output-start
    virt/kvm/a.c:3:2-8: ...
    check-output-end
    check-output-contains: some text
    check-output-excludes: other text
    check-error-contains: text expected on stderr
    check-error-start / check-error-end: exact stderr
    check-group: slow     in the slow group (`make check-slow`), which
                          `make check` leaves out

The command runs under bash from the repository root with these variables:
$BM (the barriermap binary under test), $file (this test file), $dir (its
folder), $ROOT (the repository), $KERNEL (the real kernel tree from
tools/kernel-tree.sh, extracted on first use), $REAL_JSON (the real tree's
`lint --status=all --format=json`, made once per run for the tests that
only read it), $TMP (a fresh empty folder).

A file may hold several blocks; each is one test.  Tests run in parallel
(-j, default: the CPUs) and report in file order.  The run ends with the
line "N passed, N failed".  --update rewrites the check-output block of
every test whose output differs: read the diff first, then update.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = re.compile(r'^\s*(?:/\*+|\*+/?|#+|//+)? ?')
TIMEOUT = 900


def strip(line):
    return PREFIX.sub('', line, count=1).rstrip('\n')


def blocks(path):
    """Yield one dict per check-name block in the file."""
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            lines = f.readlines()
    except OSError:
        return
    cur = None
    mode = None
    for n, raw in enumerate(lines):
        line = strip(raw)
        if mode:
            if line.strip() == 'check-' + mode + '-end':
                cur[mode + '-lines'] = (cur[mode + '-lines'], n)
                mode = None
            else:
                cur[mode].append(line)
            continue
        m = re.match(r'check-([a-z-]+)(?::\s?(.*))?$', line.strip())
        if not m:
            continue
        key, val = m.group(1), (m.group(2) or '').strip()
        if key == 'name':
            if cur:
                yield cur
            cur = {'name': val, 'contains': [], 'excludes': [],
                   'error-contains': [], 'exit': 0, 'command': None,
                   'group': 'fast'}
        elif cur is None:
            continue
        elif key in ('output-start', 'error-start'):
            mode = key[:-len('-start')]
            cur[mode] = []
            cur[mode + '-lines'] = n
            cur[mode + '-prefix'] = raw[:len(raw) - len(raw.lstrip())] + \
                PREFIX.match(raw.lstrip()).group(0)
        elif key == 'command':
            cur['command'] = val
        elif key == 'exit-value':
            cur['exit'] = int(val)
        elif key == 'group':
            cur['group'] = val
        elif key == 'output-contains':
            cur['contains'].append(val)
        elif key == 'output-excludes':
            cur['excludes'].append(val)
        elif key == 'error-contains':
            cur['error-contains'].append(val)
    if cur:
        yield cur


def kernel_tree():
    if os.environ.get('KERNEL'):
        return os.environ['KERNEL']
    out = subprocess.run([os.path.join(ROOT, 'tools/kernel-tree.sh')],
                         stdout=subprocess.PIPE, check=True, text=True)
    return out.stdout.strip()


def real_json(env, shared):
    """The real tree's JSON, scanned once for every test that reads it."""
    path = os.path.join(shared, 'real.json')
    with open(path, 'wb') as out:
        p = subprocess.run([env['BM'], 'lint', '--kernel', env['KERNEL'],
                            '--status=all', '--format=json', '-q'],
                           stdout=out, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit('run.py: lint of the real tree failed (exit %d):\n%s'
                 % (p.returncode, p.stderr.decode('utf-8', 'replace')))
    return path


def run_one(path, t, env):
    tmp = tempfile.mkdtemp(prefix='bmtest.')
    env = dict(env, file=path, dir=os.path.dirname(path), TMP=tmp)
    start = time.monotonic()
    try:
        p = subprocess.run(['bash', '-c', t['command']], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ['timed out after %d s' % TIMEOUT], None, TIMEOUT
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    took = time.monotonic() - start
    out = p.stdout.decode('utf-8', 'surrogateescape')
    err = p.stderr.decode('utf-8', 'replace')
    why = []
    if p.returncode != t['exit']:
        why.append('exit %d, expected %d' % (p.returncode, t['exit']))
    if 'output' in t:
        want = '\n'.join(t['output']) + ('\n' if t['output'] else '')
        if out != want:
            why.append('output differs:\n' + ''.join(difflib.unified_diff(
                want.splitlines(True), out.splitlines(True), 'expected', 'actual')))
    if 'error' in t:
        want = '\n'.join(t['error']) + ('\n' if t['error'] else '')
        if err != want:
            why.append('stderr differs:\n' + want + '---\n' + err)
    for s in t['contains']:
        if s not in out:
            why.append('output lacks: ' + s)
    for s in t['excludes']:
        if s in out:
            why.append('output has: ' + s)
    for s in t['error-contains']:
        if s not in err:
            why.append('stderr lacks: ' + s)
    if why:
        if 'error' not in t and err and not t['error-contains']:
            why.append('stderr:\n' + err[-3000:])
        if 'output' not in t:
            why.append('stdout (tail):\n' + out[-3000:])
    return why, out, took


def update_golden(path, updates):
    """Replace the check-output blocks of @updates [(test, output)] in @path."""
    with open(path, encoding='utf-8', errors='surrogateescape') as f:
        lines = f.readlines()
    # bottom up, so that the line numbers of the blocks above still hold
    for t, out in sorted(updates, key=lambda u: -u[0]['output-lines'][0]):
        first, last = t['output-lines']
        body = [(t['output-prefix'] + l).rstrip() + '\n' for l in out.splitlines()]
        lines[first + 1:last] = body
    with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.writelines(lines)


def collect(roots):
    files = []
    for r in roots:
        if os.path.isdir(r):
            for d, dirs, fs in os.walk(r):
                dirs[:] = sorted(x for x in dirs if x != 'tree' and not x.startswith('.'))
                files += [os.path.join(d, f) for f in sorted(fs)]
        else:
            files.append(r)
    return [(f, t) for f in files if os.path.abspath(f) != os.path.abspath(__file__)
            for t in blocks(f) if t['command']]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(ROOT, 'barriermap'))
    ap.add_argument('-v', action='store_true', help='name every test, with its time')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1, help='tests at once')
    ap.add_argument('--group', choices=('fast', 'slow', 'all'), default='all',
                    help='which group to run (default: all)')
    ap.add_argument('--update', action='store_true',
                    help='rewrite the check-output block of tests whose output differs')
    ap.add_argument('only', nargs='*', help='test files or folders')
    args = ap.parse_args()
    tests = [(f, t) for f, t in collect(args.only or [os.path.join(ROOT, 'tests')])
             if args.group == 'all' or t['group'] == args.group]
    env = dict(os.environ, BM=os.path.abspath(args.bin), ROOT=ROOT)
    shared = tempfile.mkdtemp(prefix='bmshared.')
    try:
        if any('$KERNEL' in t['command'] or '$REAL_JSON' in t['command'] for _, t in tests):
            env['KERNEL'] = kernel_tree()
        if any('$REAL_JSON' in t['command'] for _, t in tests):
            env['REAL_JSON'] = real_json(env, shared)
        with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as pool:
            results = [pool.submit(run_one, os.path.relpath(f, ROOT), t, env) for f, t in tests]
            passed = failed = 0
            updates = {}
            for (f, t), r in zip(tests, results):
                why, out, took = r.result()
                rel = os.path.relpath(f, ROOT)
                if why and args.update and out is not None and 'output' in t:
                    updates.setdefault(f, []).append((t, out))
                    print('UPDATED %s: %s' % (rel, t['name']))
                if why:
                    failed += 1
                    print('FAIL %s: %s' % (rel, t['name']))
                    for w in why:
                        print('    ' + w.replace('\n', '\n    '))
                else:
                    passed += 1
                    if args.v:
                        print('ok   %5.1fs %s: %s' % (took, rel, t['name']))
                sys.stdout.flush()
        for f, u in updates.items():
            update_golden(f, u)
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == '__main__':
    sys.exit(main())
