// SPDX-License-Identifier: GPL-2.0
/// A comment that names the function holding a barrier's partner should
/// name a function that holds a barrier.  This finds pairing comments that
/// name a function defined in the same file when neither that function nor
/// the functions of this file it calls hold a memory barrier or a
/// value-returning atomic (which implies a full barrier).  The partner may
/// have moved, or the comment may name the wrong function.
///
// Confidence: Moderate
// Copyright: (C) 2026 The barriermap authors.
// Comments: Calls into other files are not followed: a partner reached
//  through another file's function is reported here; barriermap lint
//  follows the whole call graph.  Context mode marks the barrier the
//  comment belongs to.  Patch mode makes no change: which function the
//  comment should name is a judgement (barriermap suggest --fix proposes
//  one when the partner is clear).
// Options: --no-includes --include-headers
// Keywords: smp_mb, smp_rmb, smp_wmb, memory barrier, comment, partner
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

IMPLIED = frozenset([
	"cmpxchg", "cmpxchg64", "try_cmpxchg", "try_cmpxchg64", "xchg",
	"test_and_set_bit", "test_and_clear_bit", "test_and_change_bit",
	"atomic_inc_not_zero", "atomic_add_unless", "atomic_dec_if_positive",
	"refcount_dec_and_test",
])
# The partner's function follows "in": "smp_rmb() in kvm_get_vcpu()",
# "the smp_wmb in the foo() path".
IN_FUNCTION = re.compile(r"\bin\s+(?:the\s+)?([A-Za-z_]\w*)")

def implies_barrier(name):
	"""As src/model/vocab.c: value-returning atomics are full barriers."""
	if name in BARRIERS or name in IMPLIED:
		return True
	if not re.match(r"(arch_)?atomic", name):
		return False
	if re.search(r"_relaxed|_acquire|_release", name):
		return False
	return bool(re.search(r"(_return|_and_test|cmpxchg|xchg)$", name))

# Per file: function name -> (first line, last line) of its definition.
# Keyed by file: spatch may report positions in --include'd headers too.
defined = {}

def callees(path, name):
	"""What the function calls: identifiers followed by "(" in its lines."""
	first, last = defined[path][name]
	toks = [t for t in tokens(path) if first <= t.line <= last and t.kind != "comment"]
	return set(a.text for a, b in zip(toks, toks[1:])
		   if a.kind == "ident" and b.text == "(")

def holds_barrier(path, name, seen):
	if name in seen:
		return False
	seen.add(name)
	return any(implies_barrier(c) or
		   (c in defined[path] and holds_barrier(path, c, seen))
		   for c in callees(path, name))

def word_position(path, t, m, group=0):
	"""A coccilib-like position for a match inside comment token t."""
	before = t.text[:m.start(group)]
	line = t.line + before.count("\n")
	col = len(before) - before.rfind("\n") - 1 if "\n" in before else t.col + len(before)
	return types.SimpleNamespace(file=path, line=line, column=col,
				     column_end=col + len(m.group(group)), line_end=line)

_named = {}

def names_a_function(path):
	"""Does any pairing comment of the file say "in <name>"?"""
	if path not in _named:
		_named[path] = any(t.kind == "comment" and PAIRING.search(t.text) and
				   IN_FUNCTION.search(t.text) for t in tokens(path))
	return _named[path]

def partners_without_barrier(path, fn, first, last):
	"""(position, name) for each function named by a pairing comment in fn."""
	for t in tokens(path):
		if t.kind != "comment" or not first <= t.line <= last:
			continue
		if not PAIRING.search(t.text):
			continue
		for m in IN_FUNCTION.finditer(t.text):
			name = m.group(1)
			if name in defined[path] and name != fn and \
			   not holds_barrier(path, name, set()):
				yield word_position(path, t, m, 1), name

def near_partner_finding(p, b):
	"""Is the barrier call at p the one a comment naming a function without
	barrier belongs to: the comment trails it or ends at most two lines
	above it, in the same function?"""
	path, line = p[0].file, int(p[0].line)
	if b not in BARRIERS:
		return False
	for f, (first, last) in list(defined.get(path, {}).items()):
		if not first <= line <= last:
			continue
		for pos, _ in partners_without_barrier(path, f, first, last):
			for t in tokens(path):
				if t.kind == "comment" and t.line <= pos.line <= t.end_line and \
				   t.line <= line <= t.end_line + 2:
					return True
	return False

@fn@
identifier f;
position p;
@@

f@p(...) { ... }

@script:python@
f << fn.f;
p << fn.p;
@@

defined.setdefault(p[0].file, {})[f] = (int(p[0].current_element_line),
					 int(p[0].current_element_line_end))
# Collecting every call is slow: skip files with no comment to check.
if not names_a_function(p[0].file):
	cocci.include_match(False)

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
f << fn.f;
p << fn.p;
@@

path = p[0].file
for pos, name in partners_without_barrier(path, f, int(p[0].current_element_line),
					  int(p[0].current_element_line_end)):
	coccilib.org.print_todo(pos, "pairing comment names %s(), which holds no barrier (line %d)" %
				(name, defined[path][name][0]))

@ctx depends on context@
identifier b;
position p : script:python(b) { near_partner_finding(p, b) };
@@

* b@p(...)

@script:python depends on report@
f << fn.f;
p << fn.p;
@@

path = p[0].file
for pos, name in partners_without_barrier(path, f, int(p[0].current_element_line),
					  int(p[0].current_element_line_end)):
	coccilib.report.print_report(pos,
		"WARNING: pairing comment names %s(), which holds no barrier (line %d)" %
		(name, defined[path][name][0]))
