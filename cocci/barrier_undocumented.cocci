// SPDX-License-Identifier: GPL-2.0
/// A memory barrier needs a comment that says which barrier it pairs with
/// and where (Documentation/memory-barriers.txt, "SMP barrier pairing";
/// checkpatch asks for one too).  This finds barriers with no such comment:
/// none of the block comment just above the barrier's statement, a comment
/// on the same line, a comment inside the statement, or a comment one or two
/// statements above that names the barrier speaks of pairing.  barrier() is
/// a compiler barrier and never needs a partner.
///
/// Patch mode inserts a template comment to fill in.  barriermap's
/// cocci/barrier_template.py writes a variant of this patch whose templates
/// name the partner when barriermap knows it.
///
// Confidence: High
// Copyright: (C) 2026 The barriermap authors.
// Comments: Mirrors the comment rules of barriermap (rst/design.rst).  A barrier
//  in a function that spatch cannot parse is not seen: run
//  tools/cocci-crosscheck to list them.
// Options: --no-includes --include-headers
// Keywords: smp_mb, smp_rmb, smp_wmb, smp_store_release, smp_load_acquire
// Requires: 1.0.7

virtual patch
virtual context
virtual org
virtual report
virtual sites

@initialize:python@
@@
import os
import re

# src/model/vocab.c, without barrier(): a compiler barrier never pairs.
BARRIERS = frozenset([
	"mb", "rmb", "wmb", "smp_mb", "smp_rmb", "smp_wmb",
	"__smp_mb", "__smp_rmb", "__smp_wmb",
	"smp_mb__before_atomic", "smp_mb__after_atomic",
	"smp_mb__after_spinlock", "smp_mb__after_srcu_read_unlock",
	"smp_mb__after_unlock_lock", "smp_store_mb", "smp_store_release",
	"smp_load_acquire", "smp_cond_load_acquire",
	"smp_acquire__after_ctrl_dep", "virt_mb", "virt_rmb", "virt_wmb",
	"virt_store_release", "virt_load_acquire", "dma_rmb", "dma_wmb",
])

# "Pairs with", "paired with", "Pairs\n * with", "... in conjunction with";
# not "the get/release pair".  Then the other phrasings of barriermap's
# grammar (rst/statuses.rst): "matches", "goes with", "races with" (in
# a sentence about a barrier: approximated by the comment), "synchronizes
# with", "serializes with", "the other side", "order accesses with",
# "order ... against", an imperative "see [the comment in] F()" and "the
# comments in F() describe".
PAIRING = re.compile(r"\bpair(?:s|ed|ing)?[\s*]+with\b|\bpaired\b|\bpairing\b"
		     r"|\bin conjunction with\b|\binteracts?[\s*]+with\b"
		     r"|\bgo(?:es)?[\s*]+with[\s*]+\w*mb\b|\brac(?:es|e|ing)[\s*]+with\b"
		     r"|\bsynchroni[sz]e[sd]?[\s*]+with\b|\bseriali[sz]e[sd]?[\s*]+with\b"
		     r"|\bother[\s*]+side\b|\borders?[\s*]+accesses[\s*]+with\b"
		     r"|\border[\s*]+(?:\w+[\s*]+){0,3}against\b"
		     r"|(?:[,;:(]|^|/\*|please|also|and)[\s*]*see[\s*]+(?:also[\s*]+)?(?:the[\s*]+)?"
		     r"(?:comments?[\s*]+(?:in|above|at|of|for|inside|before)[\s*]+(?:the[\s*]+)?)?"
		     r"_*[a-z]\w*(?:\(\)|_\w*)"
		     r"|\bcomments?[\s*]+(?:in|above|at|of)[\s*]+(?:the[\s*]+)?\w+(?:\(\))?[\s*]+"
		     r"(?:describe|explain)s?\b"
		     r"|\bmatch(?:es)?[\s*]+(?:the[\s*]+)?\w*mb\(\)", re.I | re.M)
KEYWORDS = frozenset(["if", "while", "for", "switch", "return", "sizeof", "typeof",
		      "__typeof__", "defined"])
# Quotes are spelled \x22 and \x27: spatch's lexer reads this block too.
TOKEN = re.compile(
	r"(?P<comment>/\*.*?\*/|//[^\n]*)"
	r"|(?P<directive>^[ \t]*\#(?:\\\n|[^\n])*)"
	r"|(?P<literal>\x22(?:\\.|[^\x22\\\n])*\x22|\x27(?:\\.|[^\x27\\\n])*\x27|\d\w*)"
	r"|(?P<ident>[A-Za-z_]\w*)"
	r"|(?P<punct>\S)", re.S | re.M)

class Tok:
	__slots__ = ("kind", "text", "line", "col", "end_line")

	def __init__(self, kind, text, line, col, end_line):
		self.kind, self.text = kind, text
		self.line, self.col, self.end_line = line, col, end_line

_tokens = {}

def tokens(path):
	"""The file's tokens, comments included, directives dropped."""
	if path in _tokens:
		return _tokens[path]
	with open(path, encoding="utf-8", errors="replace") as f:
		src = f.read()
	starts = [0] + [m.end() for m in re.finditer("\n", src)]
	toks, line = [], 0
	for m in TOKEN.finditer(src):
		if m.lastgroup == "directive":
			continue
		while line + 1 < len(starts) and starts[line + 1] <= m.start():
			line += 1
		end_line = line + m.group().count("\n")
		toks.append(Tok(m.lastgroup, m.group(), line + 1,
				m.start() - starts[line], end_line + 1))
	_tokens.clear()		# one file at a time: keep memory flat
	_tokens[path] = toks
	return toks

def find_token(toks, line, col):
	for i, t in enumerate(toks):
		if t.line == line and t.col == col:
			return i
	return -1

def statement_start(toks, i):
	"""Index of the ';', '{' or '}' before the statement holding toks[i]."""
	depth = 0
	for j in range(i - 1, -1, -1):
		t = toks[j].text
		if toks[j].kind == "comment":
			continue
		if t in ")]":
			depth += 1
		elif t in "([":
			depth = max(depth - 1, 0)
		elif t in ";{}" and depth == 0:
			return j
	return -1

def statement_end(toks, i):
	depth = 0
	for j in range(i + 1, len(toks)):
		t = toks[j].text
		if toks[j].kind == "comment":
			continue
		if t in "([":
			depth += 1
		elif t in ")]":
			depth -= 1
		elif t in ";{}" and depth <= 0:
			return j
	return len(toks) - 1

def comments_above(toks, stop, first):
	"""The comments that end just above toks[first], joined."""
	found, line = [], toks[first].line
	for j in range(first - 1, stop, -1):
		t = toks[j]
		if t.kind != "comment" or t.end_line < line - 1:
			break
		if stop >= 0 and t.line == toks[stop].line and toks[stop].text == ";":
			break		# the trailing comment of the statement before
		found.insert(0, t)
		line = t.line
	return found

def completed_operation(name):
	"""What smp_mb__after_X() or smp_mb__before_X() completes: X, else None."""
	m = re.match(r"smp_mb__(?:after|before)_(\w+)$", name)
	return m.group(1) if m else None

def has_call(toks, lo, hi, op=None):
	"""A call (identifier then '(') among toks[lo:hi], keywords aside, and
	the call an smp_mb__after_X() completes (one whose name holds X)."""
	for j in range(lo, min(hi, len(toks) - 1)):
		if toks[j].kind == "ident" and toks[j + 1].text == "(" and \
		   toks[j].text not in KEYWORDS and not (op and op in toks[j].text):
			return True
	return False

def nearby_comments(toks, stop, barrier, name):
	"""Blocks a statement or two above: naming the barrier, or with no call between."""
	found = []
	for _ in range(2):
		if stop < 0:
			break
		prev = statement_start(toks, stop)
		block = [t for t in toks[prev + 1:stop] if t.kind == "comment"]
		plain = not has_call(toks, prev + 1, barrier, completed_operation(name))
		found += [t for t in block
			  if plain or re.search(r"\b%s\b" % re.escape(name), t.text)]
		stop = prev
	return found


def below_comments(toks, end, name):
	"""The block on the line after the statement, when it names the barrier."""
	if end + 1 >= len(toks) or toks[end + 1].kind != "comment" or \
	   toks[end + 1].line != toks[end].line + 1:
		return []
	t = toks[end + 1]
	return [t] if re.search(r"\b%s\b" % re.escape(name), t.text) else []

def barrier_comments(path, line, col, name):
	"""(rule, comments) for each rule of barriermap that finds a comment."""
	toks = tokens(path)
	i = find_token(toks, line, col)
	if i < 0:
		return []
	stop = statement_start(toks, i)
	first = next(j for j in range(stop + 1, len(toks)) if toks[j].kind != "comment")
	end = statement_end(toks, i)
	inside = [t for t in toks[first:end + 1] if t.kind == "comment"]
	trailing = [t for t in toks[end + 1:end + 2]
		    if t.kind == "comment" and t.line == toks[end].line]
	nearby = nearby_comments(toks, stop, i, name)
	rules = [("above", comments_above(toks, stop, first)),
		 ("trailing", trailing), ("inside", inside), ("nearby", nearby),
		 ("below", below_comments(toks, end, name))]
	return [(rule, c) for rule, c in rules if c]

def pairing_rule(path, line, col, name):
	"""The first rule whose comment speaks of pairing, or None."""
	for rule, found in barrier_comments(path, line, col, name):
		if any(PAIRING.search(t.text) for t in found):
			return rule
	return None

# Filled in by cocci/barrier_template.py: (file, line) -> index of the
# template that names the partner barriermap found.
TEMPLATES = {}

def template(p):
	return TEMPLATES.get((os.path.normpath(p[0].file), int(p[0].line)), -1)

def is_site(p, b):
	"""A barrier call in code: not in a #define body, as barriermap."""
	return b in BARRIERS and find_token(tokens(p[0].file), int(p[0].line),
					    int(p[0].column)) >= 0

def undocumented(p, b):
	return is_site(p, b) and pairing_rule(p[0].file, int(p[0].line),
					      int(p[0].column), b) is None

// The sites mode is for tools/cocci-crosscheck: every barrier spatch sees,
// with its verdict, and every function it parsed.

@site depends on sites@
identifier b;
position p;
@@

b@p(...)

@script:python depends on sites@
b << site.b;
p << site.p;
@@

if is_site(p, b):
	rule = pairing_rule(p[0].file, int(p[0].line), int(p[0].column), b)
	print("site %s %s %s %s %s %s" % (p[0].file, p[0].line, p[0].column, b,
					  p[0].current_element, rule or "undocumented"))

@parsed depends on sites@
identifier f;
position p;
@@

f@p(...) { ... }

@script:python depends on sites@
f << parsed.f;
p << parsed.p;
@@

print("function %s %s %s %s" % (p[0].file, p[0].current_element_line,
				p[0].current_element_line_end, f))

@r depends on context || org || report@
identifier b;
position p : script:python(b) { undocumented(p, b) };
@@

* b@p(...)

@script:python depends on org@
b << r.b;
p << r.p;
@@

coccilib.org.print_todo(p[0], "%s() has no comment saying what it pairs with" % b)

@script:python depends on report@
b << r.b;
p << r.p;
@@

coccilib.report.print_report(p[0],
	"WARNING: %s() has no comment saying what it pairs with" % b)

// barrier_template.py inserts its rules here.

@depends on patch@
identifier b;
position p : script:python(b) { undocumented(p, b) and template(p) < 0 };
expression list es;
expression E;
identifier g, x;
type T;
statement S1, S2;
@@

(
+ /* Pairs with ... in ...(): say what it orders. */
  b@p(es);
|
+ /* Pairs with ... in ...(): say what it orders. */
  E = <+... b@p(es) ...+>;
|
+ /* Pairs with ... in ...(): say what it orders. */
  g(..., <+... b@p(es) ...+>, ...);
|
+ /* Pairs with ... in ...(): say what it orders. */
  return <+... b@p(es) ...+>;
|
+ /* Pairs with ... in ...(): say what it orders. */
  T x = <+... b@p(es) ...+>;
|
+ /* Pairs with ... in ...(): say what it orders. */
  if (<+... b@p(es) ...+>) S1 else S2
|
+ /* Pairs with ... in ...(): say what it orders. */
  if (<+... b@p(es) ...+>) S1
|
+ /* Pairs with ... in ...(): say what it orders. */
  while (<+... b@p(es) ...+>) S1
)
