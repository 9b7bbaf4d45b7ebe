#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One file of many functions, and one of many megabytes: does lint's time
grow linearly with them?  (The hardening issue's quadratic phases: 7k,
14k and 27.5k functions in one file took 0.9 s, 3.3 s and 9.4 s, and a
15 MB file did not finish in 300 s.)  A bench figure, timed, never a test:
tests/scale/linear.test counts the same work with callgrind.

    bench/linear.py [BM]          (default ./barriermap)

Each row is one file of virt/kvm in a fixture tree of its own, made by
tests/scale/work.py's generator (each function takes a struct pointer,
writes a field of its own, and holds a barrier, a comment and a call to
the one before it), linted with -j1 --no-cache --status=all: wall and CPU
seconds, peak memory, and the CPU time against the row before (linear:
the input's own ratio, 2.0).
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location('work', os.path.join(ROOT, 'tests/scale/work.py'))
work = importlib.util.module_from_spec(spec)
spec.loader.exec_module(work)

# bytes of one generated function, about: for the rows given in megabytes
BYTES_PER_FUNCTION = 128


def lint(bm, root, tmp):
    timing = os.path.join(tmp, 'time')
    subprocess.run(['/usr/bin/time', '-f', '%e %U %S %M', '-o', timing,
                    bm, 'lint', '-j1', '--no-cache', '--status=all', '--kernel', root],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(timing) as f:
        wall, user, sys_, peak = f.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(peak) // 1024


def rows(bm, label, sizes, tmp):
    print('%-28s %10s %8s %8s %8s %8s' % (label, 'functions', 'MB', 'wall s', 'CPU s',
                                          'peak MB'), flush=True)
    last = None
    for n in sizes:
        root = os.path.join(tmp, 'tree')
        shutil.rmtree(root, ignore_errors=True)
        work.tree_functions(root, n)
        mb = os.path.getsize(os.path.join(root, 'virt/kvm/big.c')) / 1e6
        wall, cpu, peak = lint(bm, root, tmp)
        ratio = ' (x%.1f)' % (cpu / last) if last else ''
        print('%-28s %10d %8.1f %8.2f %8.2f %8d%s' % ('', n, mb, wall, cpu, peak, ratio),
              flush=True)
        last = cpu


def main():
    bm = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'barriermap'))
    with tempfile.TemporaryDirectory() as tmp:
        rows(bm, 'one file, by functions', [7500, 15000, 30000], tmp)
        rows(bm, 'one file, by megabytes',
             [int(mb * 1e6 / BYTES_PER_FUNCTION) for mb in (3.75, 7.5, 15)], tmp)
    return 0


if __name__ == '__main__':
    sys.exit(main())
