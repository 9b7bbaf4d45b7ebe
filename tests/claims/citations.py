#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check every citation of the primitives table against a kernel tree.

usage: barriermap show --primitives --format=json | citations.py KERNEL

A citation is {file, section, anchor, quote}.  In a Documentation text the
section is a heading (a line underlined with ---- or ====) and the quote
must lie between it and the next heading.  In a source file the anchor is
a line of the file and the quote must lie within the 80 lines after it.
Whitespace is collapsed on both sides.  Prints one line per failure, then
"N citations, N wrong".
"""
import json
import os
import re
import sys

SOURCE_REACH = 80


def collapse(s):
    return ' '.join(s.split())


def is_underline(line):
    # headings start at column 0; "\tCPU 1\n\t=====" in a diagram is none
    s = line.rstrip()
    return len(s) >= 3 and (set(s) == {'-'} or set(s) == {'='})


def is_heading(lines, i):
    return (i + 1 < len(lines) and lines[i].strip() and not lines[i][0].isspace()
            and is_underline(lines[i + 1]) and not is_underline(lines[i]))


def doc_section(lines, heading):
    """The text of the section under @heading, or None."""
    want = collapse(heading)
    for i in range(len(lines)):
        if collapse(lines[i]) == want and is_heading(lines, i):
            end = len(lines)
            for j in range(i + 2, len(lines)):
                if is_heading(lines, j):
                    end = j
                    break
            return '\n'.join(lines[i + 2:end])
    return None


COMMENT_MARK = re.compile(r'^\s*\*(?!/)\s?')


def source_section(lines, anchor):
    """The lines after @anchor, without the " * " of comment lines."""
    for i, line in enumerate(lines):
        if anchor in line:
            return '\n'.join(COMMENT_MARK.sub('', l) for l in lines[i:i + SOURCE_REACH])
    return None


def check(kernel, cite):
    path = os.path.join(kernel, cite['file'])
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.read().split('\n')
    except OSError as e:
        return 'cannot read: %s' % e.strerror
    if cite['anchor']:
        text = source_section(lines, cite['anchor'])
        where = 'anchor %r' % cite['anchor']
    else:
        text = doc_section(lines, cite['section'])
        where = 'heading %r' % cite['section']
    if text is None:
        return 'no %s' % where
    if collapse(cite['quote']) not in collapse(text):
        return 'quote %r not under %s' % (cite['quote'], where)
    return None


def main():
    kernel = sys.argv[1]
    doc = json.load(sys.stdin)
    total = wrong = 0
    for prim in doc['primitives']:
        if not prim['cites']:
            print('%s: no citation' % prim['name'])
            wrong += 1
        for cite in prim['cites']:
            total += 1
            err = check(kernel, cite)
            if err:
                wrong += 1
                print('%s: %s: %s' % (prim['name'], cite['file'], err))
    print('%d citations, %d wrong' % (total, wrong))


if __name__ == '__main__':
    main()
