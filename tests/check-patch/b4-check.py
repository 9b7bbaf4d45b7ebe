#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run a repository's b4.prep-perpatch-check-cmd as `b4 prep --check` does.

    b4-check.py REPO PATCH...

For each patch, each configured command runs at the top of REPO with the
patch on stdin as b4 writes it there (LoreMessage.get_msg_as_bytes():
the headers and body, without the mbox "From <sha>" line), split with
shlex, no shell; a line on stdout is a failure
when it holds "ERROR:" and a warning otherwise, a line on stderr a
failure, and no output at all a success (or a failure, with an exit
status).  Prints "FLAG: command: line" per result, as b4 reports them.
"""
import os
import shlex
import subprocess
import sys


def main():
    repo, patches = sys.argv[1], sys.argv[2:]
    top = subprocess.run(['git', '-C', repo, 'rev-parse', '--show-toplevel'],
                         stdout=subprocess.PIPE, check=True, text=True).stdout.strip()
    cmds = subprocess.run(['git', '-C', repo, 'config', '--get-all', 'b4.prep-perpatch-check-cmd'],
                          stdout=subprocess.PIPE, check=True, text=True).stdout.splitlines()
    for patch in patches:
        with open(patch, 'rb') as f:
            data = f.read()
        if data.startswith(b'From '):
            data = data.split(b'\n', 1)[1]
        for cmd in cmds:
            args = shlex.split(cmd)
            name = os.path.basename(args[0])
            p = subprocess.run(args, input=data, cwd=top, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            out = p.stdout.decode(errors='replace').strip()
            err = p.stderr.decode(errors='replace').strip()
            for line in out.split('\n') if out else []:
                print('%s: %s: %s' % ('fail' if 'ERROR:' in line else 'warning', name, line))
            for line in err.split('\n') if err else []:
                print('fail: %s: %s' % (name, line))
            if not out and not err:
                print('%s: %s: %s' % ('fail' if p.returncode else 'success', name,
                                      'exited with %d' % p.returncode if p.returncode
                                      else 'passed all checks'))


if __name__ == '__main__':
    main()
