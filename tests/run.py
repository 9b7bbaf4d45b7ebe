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

The command runs under bash from the repository root with these variables:
$BM (the barriermap binary under test), $file (this test file), $dir (its
folder), $ROOT (the repository), $KERNEL (the real kernel tree from
tools/kernel-tree.sh, extracted on first use), $TMP (a fresh empty folder).
A file may hold several blocks; each is one test.  The run ends with the
line "N passed, N failed".
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = re.compile(r'^\s*(?:/\*+|\*+/?|#+|//+)? ?')


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
    for raw in lines:
        line = strip(raw)
        if mode:
            if line.strip() == 'check-' + mode + '-end':
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
                   'error-contains': [], 'exit': 0, 'command': None}
        elif cur is None:
            continue
        elif key in ('output-start', 'error-start'):
            mode = key[:-len('-start')]
            cur[mode] = []
        elif key == 'command':
            cur['command'] = val
        elif key == 'exit-value':
            cur['exit'] = int(val)
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


def run_one(path, t, env):
    tmp = tempfile.mkdtemp(prefix='bmtest.')
    env = dict(env, file=path, dir=os.path.dirname(path), TMP=tmp)
    try:
        p = subprocess.run(['bash', '-c', t['command']], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=600)
    except subprocess.TimeoutExpired:
        return ['timed out after 600 s']
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = p.stdout.decode('utf-8', 'replace')
    err = p.stderr.decode('utf-8', 'replace')
    why = []
    if p.returncode != t['exit']:
        why.append('exit %d, expected %d' % (p.returncode, t['exit']))
    if 'output' in t:
        want = '\n'.join(t['output']) + ('\n' if t['output'] else '')
        if out != want:
            import difflib
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
    return why


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=os.path.join(ROOT, 'barriermap'))
    ap.add_argument('-v', action='store_true', help='name every test')
    ap.add_argument('only', nargs='*', help='test files or folders')
    args = ap.parse_args()
    roots = args.only or [os.path.join(ROOT, 'tests')]
    files = []
    for r in roots:
        if os.path.isdir(r):
            for d, dirs, fs in os.walk(r):
                dirs[:] = sorted(x for x in dirs if x != 'tree' and not x.startswith('.'))
                files += [os.path.join(d, f) for f in sorted(fs)]
        else:
            files.append(r)
    env = dict(os.environ, BM=os.path.abspath(args.bin), ROOT=ROOT)
    tests = [(f, t) for f in files if os.path.abspath(f) != os.path.abspath(__file__)
             for t in blocks(f) if t['command']]
    if any('$KERNEL' in t['command'] for _, t in tests):
        env['KERNEL'] = kernel_tree()
    passed = failed = 0
    for f, t in tests:
        why = run_one(os.path.relpath(f, ROOT), t, env)
        if why:
            failed += 1
            print('FAIL %s: %s' % (os.path.relpath(f, ROOT), t['name']))
            for w in why:
                print('    ' + w.replace('\n', '\n    '))
        else:
            passed += 1
            if args.v:
                print('ok   %s: %s' % (os.path.relpath(f, ROOT), t['name']))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == '__main__':
    sys.exit(main())
