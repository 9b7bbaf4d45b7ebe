#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Does check-patch's own work grow linearly with the files a patch names?
Counted with callgrind, never timed (the manner of tests/scale/work.py).

    linear.py BM TREE [N]

Makes a git repository of TREE in $TMP, then two patches adding N and 4N
small text files (with git's index lines, so that the files before the
patch come from git), and runs `BM check-patch` on each under callgrind
(the release build: valgrind cannot run the ASan one; git's children are
not counted).  Linear work grows about 4 times; a search inside a loop
over the same files grows 16 times.  Prints "linear" when no function of
ours that does at least 1% of the work grows 6 times or more, else each
one that does.
"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'scale'))
import callgrind  # noqa: E402



def repo(tree, root):
    shutil.copytree(tree, root)
    env = dict(os.environ, GIT_AUTHOR_NAME='A', GIT_AUTHOR_EMAIL='a@example.com',
               GIT_COMMITTER_NAME='A', GIT_COMMITTER_EMAIL='a@example.com')
    for args in (['init', '-q'], ['add', '-A'], ['-c', 'commit.gpgsign=false', 'commit', '-qm', 'base']):
        subprocess.run(['git', '-C', root] + args, env=env, check=True)


def patch(path, n):
    with open(path, 'w') as f:
        for k in range(n):
            f.write('diff --git a/virt/kvm/f%d.txt b/virt/kvm/f%d.txt\nnew file mode 100644\n'
                    'index 0000000..587be6b\n--- /dev/null\n+++ b/virt/kvm/f%d.txt\n'
                    '@@ -0,0 +1 @@\n+x\n' % (k, k, k))


def work(bm, root, n, tmp):
    p = os.path.join(tmp, 'files-%d.patch' % n)
    patch(p, n)
    cmd = [bm, 'check-patch', '-j1', '--no-cache', '--kernel', root, p]
    return callgrind.instructions(cmd, os.path.join(tmp, 'callgrind.%d' % n), root)


def main():
    bm, tree = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    tmp = os.environ.get('TMP', '/tmp')
    root = os.path.join(tmp, 'repo')
    repo(tree, root)
    small, big = work(bm, root, n, tmp), work(bm, root, 4 * n, tmp)
    return callgrind.report(bm, small, big, n, 'files')


if __name__ == '__main__':
    sys.exit(main())
