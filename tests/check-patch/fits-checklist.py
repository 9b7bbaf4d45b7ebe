#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Does an item fit Documentation/virt/kvm/review-checklist.rst?

    fits-checklist.py CHECKLIST.rst ITEM.rst

Appends ITEM to CHECKLIST (after one blank line, as a maintainer would)
and checks what the file's readers need: docutils parses it without a
warning, the numbered list stays one list whose last item is ITEM's
number, continuation lines keep the file's 4-space indent, and no line
is longer than 80 columns.  Prints "fits" or the problems.
"""
import io
import re
import sys

import docutils.core
import docutils.nodes


def main():
    base = open(sys.argv[1]).read().rstrip('\n') + '\n\n'
    item = open(sys.argv[2]).read()
    problems = []
    numbers = [int(m) for m in re.findall(r'^(\d+)\.\s', base, re.M)]
    first = re.match(r'^(\d+)\.( +)\S', item)
    if not first:
        problems.append('item does not start with "N. "')
    elif int(first.group(1)) != numbers[-1] + 1:
        problems.append('item is numbered %s, the file ends at %d' % (first.group(1), numbers[-1]))
    elif len(first.group(1)) + 1 + len(first.group(2)) != 4:
        problems.append('item text does not start at column 5 as in the file')
    for n, line in enumerate(item.splitlines()[1:], 2):
        if line and not line.startswith('    '):
            problems.append('line %d is not indented by 4' % n)
        if len(line) > 80:
            problems.append('line %d is longer than 80 columns' % n)
    err = io.StringIO()
    doc = docutils.core.publish_doctree(base + item, settings_overrides={
        'halt_level': 5, 'report_level': 2, 'warning_stream': err})
    if err.getvalue():
        problems.append('docutils: ' + err.getvalue().strip())
    lists = list(doc.findall(docutils.nodes.enumerated_list))
    top = [l for l in lists if not any(isinstance(p, docutils.nodes.list_item)
                                       for p in _parents(l))]
    if len(top) != 1 or len(top[0].children) != numbers[-1] + 1:
        problems.append('the numbered list is not one list of %d items' % (numbers[-1] + 1))
    print('\n'.join(problems) if problems else 'fits')


def _parents(node):
    while node.parent is not None:
        node = node.parent
        yield node


if __name__ == '__main__':
    main()
