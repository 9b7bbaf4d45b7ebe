# SPDX-License-Identifier: GPL-2.0
"""Counting barriermap's own work with callgrind, for the tests that prove
a cost grows linearly with its input (tests/scale/work.py,
tests/check-patch/linear.py): instructions, never seconds.

A run of N units and one of 4N: linear work grows about 4 times, a search
inside a loop over the same data 16 times.  report() prints "linear" when
no function of ours that does at least 1% of the work grows 6 times or
more, else each one that does.
"""
import re
import subprocess

LINE = re.compile(r'^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S+):(\S+)\s')
OURS = re.compile(r'(^|/)src/([^/]+/)?[^/]+$')	# relative or absolute, as the debug info says


def instructions(cmd, out, cwd, toggles=(), libclang=False):
    """Run CMD under callgrind (its output in OUT); instructions per function
    of ours, and of libclang's (by address: it has no symbols) if LIBCLANG.
    TOGGLES: count only inside these functions."""
    grind = ['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out]
    grind += ['--toggle-collect=' + t for t in toggles]
    subprocess.run(grind + cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ann = subprocess.run(['callgrind_annotate', '--threshold=100', out],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    per_fn = {}
    for line in ann.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        if OURS.search(m.group(2)):
            name = m.group(3)
        elif libclang and 'libclang' in line:
            name = 'libclang ' + m.group(3)
        else:
            continue
        per_fn[name] = per_fn.get(name, 0) + int(m.group(1).replace(',', ''))
    return per_fn


def report(bm, small, big, n, what):
    """Compare the counts of N and 4N WHAT; print the verdict; exit status."""
    if not small or not big:
        print('no instruction of ours was counted: is %s built with -g?' % bm)
        return 1
    # every function that does a visible share of the work
    floor = sum(big.values()) / 100
    grew = sorted((big[f] / max(small.get(f, 0), 1), f) for f in big if big[f] >= floor)
    bad = [(g, f) for g, f in grew if g >= 6]
    if not bad:
        print('linear')
    for g, f in reversed(bad):
        print('%s: %d -> %d instructions (%.1f times) from %d to %d %s' %
              (f, small.get(f, 0), big[f], g, n, 4 * n, what))
    return 0
