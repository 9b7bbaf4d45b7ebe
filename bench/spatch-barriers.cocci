// SPDX-License-Identifier: GPL-2.0
/// The minimal barrier finder the bench times against barriermap: every
/// call of a memory barrier primitive (src/model/vocab.c), one line each.
// Options: --no-includes --include-headers

@r@
identifier b =~ "^(__)?(smp_|virt_|dma_)?[rw]?mb$|^smp_mb__(before|after)_[a-z_]+$|^(smp|virt)_(store_release|load_acquire|store_mb|cond_load_acquire|acquire__after_ctrl_dep)$";
position p;
@@

b@p(...)

@script:python@
b << r.b;
p << r.p;
@@

print("%s:%s: %s" % (p[0].file, p[0].line, b))
