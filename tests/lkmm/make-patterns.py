#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write tree/virt/kvm/patterns.c: one documented pair per pattern and pair
of barrier kinds, each preceded by the outcome LKMM gives its unwanted
result and where the kernel's tools/memory-model/ says so.  The expected
verdicts are repeated, with their sources, in patterns.test.

Run from tests/lkmm after changing PAIRS; the file is committed."""

PAIRS = [
    # name, pattern, P0 kind, P1 kind, LKMM's result, where it is written down
    ("mp1", "MP", "wmb", "rmb", "Never", "MP+fencewmbonceonce+fencermbonceonce.litmus"),
    ("mp2", "MP", "release", "acquire", "Never", "MP+pooncerelease+poacquireonce.litmus"),
    ("mp3", "MP", "mb", "mb", "Never", "recipes.txt: smp_mb() is strictly stronger than smp_wmb() or smp_rmb()"),
    ("mp4", "MP", "wmb", "wmb", "Sometimes", "recipes.txt: smp_wmb() orders stores only; the loads are as in MP+poonceonces.litmus"),
    ("mp5", "MP", "rmb", "rmb", "Sometimes", "recipes.txt: smp_rmb() orders loads only; the stores are as in MP+poonceonces.litmus"),
    ("sb1", "SB", "mb", "mb", "Never", "SB+fencembonceonces.litmus"),
    ("sb2", "SB", "wmb", "mb", "Sometimes", "recipes.txt, Store buffering: omitting either smp_mb() allows the outcome"),
    ("sb3", "SB", "release", "acquire", "Sometimes", "recipes.txt, Store buffering: nothing less than full barriers"),
    ("sb4", "SB", "mb", "rmb", "Sometimes", "recipes.txt, Store buffering: omitting either smp_mb() allows the outcome"),
    ("lb1", "LB", "acquire", "release", "Never", "LB+poacquireonce+pooncerelease.litmus"),
    ("lb2", "LB", "mb", "mb", "Never", "recipes.txt, Load buffering: LB+fencembonceonce+ctrlonceonce.litmus needs less"),
    ("lb3", "LB", "rmb", "wmb", "Sometimes", "LB+poonceonces.litmus: smp_rmb() and smp_wmb() give no load->store order"),
    ("r1", "R", "mb", "mb", "Never", "R+fencembonceonces.litmus"),
    ("r2", "R", "wmb", "mb", "Sometimes", "R+fencembonceonces.litmus: weakening either barrier allows the outcome"),
    ("r3", "R", "release", "mb", "Sometimes", "R+fencembonceonces.litmus: weakening either barrier allows the outcome"),
    ("s1", "S", "wmb", "acquire", "Never", "S+fencewmbonceonce+poacquireonce.litmus"),
    ("s2", "S", "release", "release", "Never", "recipes.txt, Rules of thumb: one non-write-to-read link, release-acquire suffices"),
    ("s3", "S", "mb", "mb", "Never", "recipes.txt, Rules of thumb: smp_mb() is stronger than either"),
    ("s4", "S", "wmb", "rmb", "Sometimes", "S+poonceonces.litmus: smp_rmb() gives no load->store order"),
    ("w1", "2+2W", "mb", "mb", "Never", "recipes.txt, Rules of thumb: two non-write-to-read links need full barriers"),
    ("w2", "2+2W", "wmb", "wmb", "Sometimes", "recipes.txt, Rules of thumb: two non-write-to-read links need full barriers"),
    ("w3", "2+2W", "release", "release", "Sometimes", "recipes.txt, Rules of thumb: two non-write-to-read links need full barriers"),
]
# the accesses of P0 (x then y) and P1 (y then x)
SHAPES = {
    "MP": (("W", "W"), ("R", "R")), "SB": (("W", "R"), ("W", "R")),
    "LB": (("R", "W"), ("R", "W")), "R": (("W", "W"), ("W", "R")),
    "S": (("W", "W"), ("R", "W")), "2+2W": (("W", "W"), ("W", "W")),
}
PRIMITIVE = {"wmb": "smp_wmb", "rmb": "smp_rmb", "mb": "smp_mb",
             "release": "smp_store_release", "acquire": "smp_load_acquire"}


def access(kind, var, reg, marked):
    """One access; marked: it is the release's store or the acquire's load."""
    if kind == "W":
        if marked:
            return "\tsmp_store_release(&kvm->%s, 1);" % var
        return "\tWRITE_ONCE(kvm->%s, 1);" % var
    if marked:
        return "\tr%d = smp_load_acquire(&kvm->%s);" % (reg, var)
    return "\tr%d = READ_ONCE(kvm->%s);" % (reg, var)


def thread(fn, kind, first, second, partner):
    """A release stores its second access if it is a store, else its first;
    an acquire loads its first access if it is a load, else its second."""
    (k1, v1), (k2, v2) = first, second
    rel_second = kind == "release" and k2 == "W"
    rel_first = kind == "release" and not rel_second
    acq_first = kind == "acquire" and k1 == "R"
    acq_second = kind == "acquire" and not acq_first
    lines = ["void %s(struct kvm *kvm)" % fn, "{", "\tint r0, r1;", ""]
    comment = "\t/* Pairs with %s() in %s() */" % partner
    if rel_first or acq_first:
        lines.append(comment)
    lines.append(access(k1, v1, 0, rel_first or acq_first))
    if kind not in ("release", "acquire"):
        lines.append(comment)
        lines.append("\t%s();" % PRIMITIVE[kind])
    if rel_second or acq_second:
        lines.append(comment)
    lines.append(access(k2, v2, 1, rel_second or acq_second))
    return lines + ["}", ""]


def main():
    out = ["// SPDX-License-Identifier: GPL-2.0",
           "/*",
           " * Fixture: one documented pair per pattern and barrier kinds, for",
           " * tests/lkmm/patterns.test (written by make-patterns.py).  Above each",
           " * pair: the outcome LKMM gives its unwanted result, and where the",
           " * kernel's tools/memory-model/ says so.",
           " */",
           "struct kvm;", ""]
    for name, pat, k0, k1, result, source in PAIRS:
        (a0, a1), (b0, b1) = SHAPES[pat]
        p0, p1 = name + "_p0", name + "_p1"
        out.append("/* %s (%s, %s): %s.  %s */" % (pat, k0, k1, result, source))
        out += thread(p0, k0, (a0, name + "_x"), (a1, name + "_y"), (PRIMITIVE[k1], p1))
        out += thread(p1, k1, (b0, name + "_y"), (b1, name + "_x"), (PRIMITIVE[k0], p0))
    with open("tree/virt/kvm/patterns.c", "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
