#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Make a patch against a kernel tree, for the check-patch tests.

    kpatch.py [-s diff|git|mbox] KERNEL WORKDIR OP... > x.patch

Copies the files the operations touch from KERNEL into WORKDIR, edits
them, and prints the patch: `diff -ruN a b` (-s diff, the default), `git
diff -M` (-s git, renames as git writes them), or `git format-patch
--stdout` (-s mbox: one mail per `commit`).  Code is located by file,
function and text, never by line number.  Operations:

    drop FILE FUNC TEXT        delete the first line of FUNC containing TEXT
    sub FILE FUNC OLD NEW      replace the first OLD in FUNC by NEW
    insert FILE FUNC TEXT NEW  insert line NEW after the first line of FUNC
                               containing TEXT
    mv FILE NEWFILE            rename a file
    commit SUBJECT             end one patch of an mbox series

FUNC "-" means the whole file.  Any failure to find the text is an error,
so a test cannot silently test nothing.
"""
import os
import re
import shutil
import subprocess
import sys

ARITY = {'drop': 3, 'sub': 4, 'insert': 4, 'mv': 2, 'commit': 1}


def fail(msg):
    sys.exit('kpatch.py: ' + msg)


def body_span(text, func):
    """Start and end offsets of FUNC's definition (its line to its '}')."""
    if func == '-':
        return 0, len(text)
    # a definition: not in a comment, its parameters one level of parentheses deep
    m = re.search(r'^(?![ \t]*(?:\*|/\*|//))[^\n;#]*\b' + re.escape(func) +
                  r'\((?:[^;{}()]|\([^;{}()]*\))*\)\s*\{', text, re.M)
    if not m:
        fail('no definition of %s()' % func)
    depth, i = 0, m.end() - 1
    while i < len(text):
        if text[i] == '{':
            depth += 1
        elif text[i] == '}':
            depth -= 1
            if depth == 0:
                return m.start(), i + 1
        i += 1
    fail('unbalanced braces in %s()' % func)


def line_with(text, func, needle):
    start, end = body_span(text, func)
    i = text.find(needle, start, end)
    if i < 0:
        fail('%r not found in %s' % (needle, func))
    ls = text.rfind('\n', 0, i) + 1
    le = text.find('\n', i)
    return ls, (le + 1 if le >= 0 else len(text))


def git(work, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME='A U Thor', GIT_AUTHOR_EMAIL='author@example.com',
               GIT_COMMITTER_NAME='A U Thor', GIT_COMMITTER_EMAIL='author@example.com',
               GIT_AUTHOR_DATE='2024-01-01T00:00:00Z',
               GIT_COMMITTER_DATE='2024-01-01T00:00:00Z',
               GIT_CEILING_DIRECTORIES=os.path.dirname(os.path.abspath(work)))
    return subprocess.run(['git', '-C', work, '-c', 'core.autocrlf=false', *args],
                          env=env, check=True, stdout=subprocess.PIPE, text=True).stdout


def main():
    args = sys.argv[1:]
    style = 'diff'
    if args[:1] == ['-s']:
        style, args = args[1], args[2:]
    if len(args) < 2:
        fail('usage: kpatch.py [-s diff|git|mbox] KERNEL WORKDIR OP...')
    kernel, work, ops = args[0], args[1], args[2:]
    old, new = os.path.join(work, 'a'), os.path.join(work, 'b')
    for d in (old, new):
        os.makedirs(d, exist_ok=True)
    if style != 'diff':
        git(new, 'init', '-q')

    def touch(rel):
        path = os.path.join(new, rel)
        if not os.path.exists(path):
            src = os.path.join(kernel, rel)
            if not os.path.exists(src):
                fail('no file %s in %s' % (rel, kernel))
            for root in (old, new):
                os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
                shutil.copyfile(src, os.path.join(root, rel))
        return path

    # copy every file first, so a series has one base commit
    i = 0
    while i < len(ops):
        if ops[i] in ARITY and ops[i] != 'commit' and \
                os.path.exists(os.path.join(kernel, ops[i + 1])):
            touch(ops[i + 1])
        i += 1 + ARITY.get(ops[i], 0)
    if style != 'diff':
        git(new, 'add', '-A')
        git(new, 'commit', '-q', '-m', 'base')
        base = git(new, 'rev-parse', 'HEAD').strip()
    i = 0
    while i < len(ops):
        op = ops[i]
        if op not in ARITY:
            fail('unknown operation %r' % op)
        a = ops[i + 1:i + 1 + ARITY[op]]
        if len(a) != ARITY[op]:
            fail('%s takes %d arguments' % (op, ARITY[op]))
        i += 1 + ARITY[op]
        if op == 'commit':
            git(new, 'add', '-A')
            git(new, 'commit', '-q', '-m', a[0])
            continue
        path = touch(a[0])
        if op == 'mv':
            os.makedirs(os.path.dirname(os.path.join(new, a[1])), exist_ok=True)
            if style == 'diff':
                os.rename(path, os.path.join(new, a[1]))
            else:
                git(new, 'mv', a[0], a[1])
            continue
        with open(path) as f:
            text = f.read()
        if op == 'drop':
            ls, le = line_with(text, a[1], a[2])
            text = text[:ls] + text[le:]
        elif op == 'sub':
            start, end = body_span(text, a[1])
            j = text.find(a[2], start, end)
            if j < 0:
                fail('%r not found in %s' % (a[2], a[1]))
            text = text[:j] + a[3] + text[j + len(a[2]):]
        elif op == 'insert':
            ls, le = line_with(text, a[1], a[2])
            text = text[:le] + a[3].replace('\\n', '\n').replace('\\t', '\t') + '\n' + text[le:]
        with open(path, 'w') as f:
            f.write(text)

    if style == 'diff':
        p = subprocess.run(['diff', '-ruN', 'a', 'b'], cwd=work, stdout=subprocess.PIPE, text=True)
        out = re.sub(r'^diff -ruN .*\n', '', p.stdout, flags=re.M)
    elif style == 'git':
        git(new, 'add', '-A')
        out = git(new, 'diff', '-M', '--cached')
    else:
        out = git(new, 'format-patch', '-M', '--stdout', base + '..HEAD')
    if not out:
        fail('the operations changed nothing')
    sys.stdout.write(out)


if __name__ == '__main__':
    main()
