#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check a built map against its tree: check-pages.py TREE RST_DIR HTML_DIR

- every link of a graph's SVG (xlink:href="page.html#id") names a page of
  the site that has an element with that id;
- no id is on two elements of a page (the graphs' SVG elements included);
- every code-block of the pages shows the lines of its file that its
  caption and :lineno-start: say, in order (indentation aside: docutils
  takes the common indentation off a block), and highlights a line that
  is in it.

Prints a line per problem (DEAD LINK, DUPLICATE ID, MISMATCH), then a
summary.
"""
import os
import re
import sys

BLOCK = re.compile(r'\.\. code-block:: c\n   :caption: (.*)\n   :lineno-start: (\d+)\n'
                   r'   :emphasize-lines: (\d+)\n   :force:\n\n((?:   .*\n|\n)*)')
CAPTION = re.compile(r'``([^`]+)``, lines? (\d+)(?:\u2013(\d+))?')
ELLIPSIS = ' \u2026'


def check_links(html_dir):
    ids = {}
    dead = links = 0
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith('.html'):
            continue
        with open(os.path.join(html_dir, name), encoding='utf-8') as f:
            text = f.read()
        seen = set()
        for i in re.findall(r'\bid="([^"]+)"', text):
            if i in seen:
                print('DUPLICATE ID in %s: %s' % (name, i))
                dead += 1
            seen.add(i)
        for target in re.findall(r'xlink:href="([^"]+)"', text):
            links += 1
            page, _, anchor = target.partition('#')
            if page not in ids:
                path = os.path.join(html_dir, page)
                ids[page] = set(re.findall(r'\bid="([^"]+)"', open(path, encoding='utf-8').read())) \
                    if os.path.isfile(path) else set()
            if anchor not in ids[page]:
                print('DEAD LINK in %s: %s' % (name, target))
                dead += 1
    if not dead:
        print('%d graph links: every graph link reaches its target' % links)


def file_lines(tree, path, cache={}):
    if path not in cache:
        with open(os.path.join(tree, path), encoding='utf-8', errors='replace') as f:
            cache[path] = [l.rstrip('\n').expandtabs(8) for l in f]
    return cache[path]


def check_code(tree, rst_dir):
    bad = blocks = 0
    for name in sorted(os.listdir(rst_dir)):
        if not name.endswith('.rst'):
            continue
        with open(os.path.join(rst_dir, name), encoding='utf-8') as f:
            text = f.read()
        for m in BLOCK.finditer(text):
            blocks += 1
            cap = CAPTION.search(m.group(1))
            start, mark = int(m.group(2)), int(m.group(3))
            body = m.group(4).rstrip('\n').split('\n')
            where = '%s: %s' % (name, m.group(1))
            if not cap or int(cap.group(2)) != start:
                print('MISMATCH %s: the caption does not say line %d' % (where, start))
                bad += 1
                continue
            last = int(cap.group(3) or start)
            if last - start + 1 != len(body) or not 1 <= mark <= len(body):
                print('MISMATCH %s: %d lines shown, highlight %d' % (where, len(body), mark))
                bad += 1
                continue
            lines = file_lines(tree, cap.group(1))
            for n, shown in enumerate(body, start):
                shown = shown[3:].strip()
                real = lines[n - 1].strip()
                if shown.endswith(ELLIPSIS):
                    ok = real.startswith(shown[:-len(ELLIPSIS)].rstrip())
                else:
                    ok = shown == real.replace('\t', ' ')
                if not ok:
                    print('MISMATCH %s, line %d: %r is not %r' % (where, n, shown, real))
                    bad += 1
                    break
    if not bad:
        print('%d code-blocks: every code line matches the file' % blocks)


def main():
    tree, rst_dir, html_dir = sys.argv[1:4]
    check_links(html_dir)
    check_code(tree, rst_dir)


if __name__ == '__main__':
    main()
