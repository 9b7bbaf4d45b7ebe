#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write a per-run variant of barrier_undocumented.cocci whose patch mode
names the partner when barriermap knows it.

    barriermap lint --format=json --kernel K > sites.json
    cocci/barrier_template.py sites.json > build/cocci/barrier_pairs.cocci
    make -C K coccicheck MODE=patch COCCI=$PWD/build/cocci/barrier_pairs.cocci M=virt/kvm

For every undocumented barrier whose "partners" barriermap filled in, the
template comment reads "Pairs with smp_rmb() in kvm_get_vcpu()."; every
other undocumented barrier gets the placeholder of barrier_undocumented.cocci.
Reads the JSON from stdin when the file is "-".
"""
import json
import os
import sys

BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'barrier_undocumented.cocci')
MARK = '// barrier_template.py inserts its rules here.\n'
RULE = '''@depends on patch@
identifier b;
position p : script:python(b) {{ undocumented(p, b) and template(p) == {index} }};
expression list es;
expression E;
identifier g, x;
type T;
statement S1, S2;
@@

(
+ {comment}
  b@p(es);
|
+ {comment}
  E = <+... b@p(es) ...+>;
|
+ {comment}
  g(..., <+... b@p(es) ...+>, ...);
|
+ {comment}
  return <+... b@p(es) ...+>;
|
+ {comment}
  T x = <+... b@p(es) ...+>;
|
+ {comment}
  if (<+... b@p(es) ...+>) S1 else S2
|
+ {comment}
  if (<+... b@p(es) ...+>) S1
|
+ {comment}
  while (<+... b@p(es) ...+>) S1
)

'''


def partner_phrase(partner):
    where = partner.get('function')
    where = '%s()' % where if where else os.path.basename(partner['file'])
    return '%s() in %s' % (partner['barrier'], where)


def template_comment(site):
    """The comment for an undocumented site, or None when no partner is known."""
    partners = site.get('partners') or []
    if site.get('status') != 'undocumented' or site.get('implicit') or not partners:
        return None
    phrases = []
    for partner in partners:
        phrase = partner_phrase(partner)
        if phrase not in phrases:
            phrases.append(phrase)
    text = 'Pairs with %s.' % ' and '.join(phrases)
    # A comment in SmPL's added code must not close early.
    return '/* %s */' % text.replace('*/', '* /')


def generate(doc, base):
    comments, templates = [], {}
    for site in doc.get('sites', []):
        comment = template_comment(site)
        if comment is None:
            continue
        if comment not in comments:
            comments.append(comment)
        templates[(site['file'], site['line'])] = comments.index(comment)
    if MARK not in base or 'TEMPLATES = {}\n' not in base:
        sys.exit('barrier_template.py: %s lacks its markers' % BASE)
    table = ''.join('\t(%s, %d): %d,\n' % (json.dumps(f), line, i)
                    for (f, line), i in sorted(templates.items()))
    rules = ''.join(RULE.format(index=i, comment=c) for i, c in enumerate(comments))
    out = base.replace('TEMPLATES = {}\n', 'TEMPLATES = {\n%s}\n' % table, 1)
    return out.replace(MARK, MARK + '\n' + rules, 1)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with (sys.stdin if sys.argv[1] == '-' else open(sys.argv[1])) as f:
        doc = json.load(f)
    with open(BASE) as f:
        sys.stdout.write(generate(doc, f.read()))


if __name__ == '__main__':
    main()
