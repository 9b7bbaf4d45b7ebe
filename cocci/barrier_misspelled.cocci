// SPDX-License-Identifier: GPL-2.0
/// A comment that says a barrier pairs with another should name a barrier
/// that exists.  This finds pairing comments that name a word one or two
/// letters away from a barrier primitive, such as smb_wmb for smp_wmb:
/// grep and barriermap cannot follow such a comment to its partner.
///
// Confidence: High
// Copyright: (C) 2026 The barriermap authors.
// Comments: Only comments inside function definitions are read, and only
//  those that speak of pairing.  Words shorter than six letters (mb, rmb)
//  are too close to everything to be corrected.  Context mode marks the
//  barrier the comment belongs to (a comment on no barrier is reported in
//  report and org modes only).  Patch mode makes no change: SmPL cannot
//  rewrite the text of a comment; barriermap suggest --fix writes that patch.
// Options: --no-includes --include-headers
// Keywords: smp_mb, smp_rmb, smp_wmb, memory barrier, comment, typo
// Requires: 1.0.7

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re
import types

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
# not "the get/release pair".
PAIRING = re.compile(r"\bpair(?:s|ed|ing)?[\s*]+with\b|\bpaired\b|\bpairing\b"
		     r"|\bin conjunction with\b", re.I)
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

WORD = re.compile(r"\b[A-Za-z_]\w*\b(?!\s*\*)")

def edit_distance(a, b):
	row = list(range(len(b) + 1))
	for i, ca in enumerate(a, 1):
		prev, row[0] = row[0], i
		for j, cb in enumerate(b, 1):
			prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1,
						   prev + (ca != cb))
	return row[-1]

def correction(word):
	"""The barrier @word misspells, or None (as barriermap's vocab.c)."""
	if len(word) < 6 or word in BARRIERS or word == "barrier":
		return None
	best, best_d = None, 3
	for name in sorted(BARRIERS):
		if len(name) < 6 or abs(len(name) - len(word)) >= best_d:
			continue
		d = edit_distance(word, name)
		if 0 < d < best_d:
			best, best_d = name, d
	return best

def misspelled_barriers(path, first, last):
	"""(position, word, barrier) for each misspelling in lines first..last."""
	for t in tokens(path):
		if t.kind != "comment" or not first <= t.line <= last:
			continue
		if not PAIRING.search(t.text):
			continue
		for m in WORD.finditer(t.text):
			fix = correction(m.group())
			if fix:
				yield word_position(path, t, m), m.group(), fix

def near_misspelling(p, b):
	"""Is the barrier call at p the one a misspelled comment belongs to:
	the comment trails it or ends at most two lines above it?"""
	if b not in BARRIERS:
		return False
	path, line = p[0].file, int(p[0].line)
	return any(t.line <= line <= t.end_line + 2
		   for t in tokens(path) if t.kind == "comment" and PAIRING.search(t.text)
		   and any(correction(m.group()) for m in WORD.finditer(t.text)))

def word_position(path, t, m):
	"""A coccilib-like position for a match inside comment token t."""
	before = t.text[:m.start()]
	line = t.line + before.count("\n")
	col = len(before) - before.rfind("\n") - 1 if "\n" in before else t.col + len(before)
	return types.SimpleNamespace(file=path, line=line, column=col,
				     column_end=col + len(m.group()), line_end=line)

@fn@
identifier f;
position p;
@@

f@p(...) { ... }

@ctx depends on context@
identifier b;
position p : script:python(b) { near_misspelling(p, b) };
@@

* b@p(...)

// Patch mode makes no change (see Comments above).  spatch refuses a file
// with no transformation rule for -D patch, so this one matches nothing:
// make coccicheck MODE=patch and MODE=chain then run the file cleanly.
@depends on patch@
identifier b;
position p : script:python() { False };
expression list es;
@@

- b@p(es);
+ b(es);

@script:python depends on org@
p << fn.p;
@@

for pos, word, fix in misspelled_barriers(p[0].file,
		int(p[0].current_element_line), int(p[0].current_element_line_end)):
	coccilib.org.print_todo(pos, "%s is not a barrier: did you mean %s?" % (word, fix))

@script:python depends on report@
p << fn.p;
@@

for pos, word, fix in misspelled_barriers(p[0].file,
		int(p[0].current_element_line), int(p[0].current_element_line_end)):
	coccilib.report.print_report(pos,
		"WARNING: pairing comment names %s, which is not a barrier: did you mean %s?" % (word, fix))
