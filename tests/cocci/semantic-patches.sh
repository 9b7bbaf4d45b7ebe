# SPDX-License-Identifier: GPL-2.0
# The semantic patches on the fixtures in tree/, run with spatch directly.

# check-name: undocumented.cocci report: barriers with no pairing comment by any of the four rules, not in #define, not barrier()
# check-command: cd $dir/tree && spatch --very-quiet -D report --no-show-diff --sp-file $ROOT/cocci/barrier_undocumented.cocci undocumented.c | sort -t: -k2n
# check-exit-value: 0
# check-output-start
# undocumented.c:20:1-7: WARNING: smp_mb() has no comment saying what it pairs with
# undocumented.c:21:5-21: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:32:2-22: WARNING: smp_mb__after_atomic() has no comment saying what it pairs with
# undocumented.c:43:8-24: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:48:18-34: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:50:5-21: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:52:9-25: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:54:18-34: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:55:8-24: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:56:8-24: WARNING: smp_load_acquire() has no comment saying what it pairs with
# undocumented.c:64:1-8: WARNING: smp_wmb() has no comment saying what it pairs with
# undocumented.c:68:1-8: WARNING: smp_wmb() has no comment saying what it pairs with
# undocumented.c:70:1-7: WARNING: smp_mb() has no comment saying what it pairs with
# check-output-end

# check-name: undocumented.cocci org: one TODO per undocumented barrier
# check-command: cd $dir/tree && spatch --very-quiet -D org --no-show-diff --sp-file $ROOT/cocci/barrier_undocumented.cocci undocumented.c | sort -t= -k4n
# check-exit-value: 0
# check-output-start
# * TODO [[view:undocumented.c::face=ovl-face1::linb=20::colb=1::cole=7][smp_mb() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=64::colb=1::cole=8][smp_wmb() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=68::colb=1::cole=8][smp_wmb() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=70::colb=1::cole=7][smp_mb() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=32::colb=2::cole=22][smp_mb__after_atomic() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=21::colb=5::cole=21][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=50::colb=5::cole=21][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=43::colb=8::cole=24][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=55::colb=8::cole=24][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=56::colb=8::cole=24][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=52::colb=9::cole=25][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=48::colb=18::cole=34][smp_load_acquire() has no comment saying what it pairs with]]
# * TODO [[view:undocumented.c::face=ovl-face1::linb=54::colb=18::cole=34][smp_load_acquire() has no comment saying what it pairs with]]
# check-output-end

# check-name: undocumented.cocci sites: every barrier with the rule that found its comment (above, trailing, inside, nearby, below)
# check-command: cd $dir/tree && spatch --very-quiet -D sites --sp-file $ROOT/cocci/barrier_undocumented.cocci undocumented.c | grep ^site | sort -k3n
# check-exit-value: 0
# check-output-start
# site undocumented.c 5 1 smp_wmb writer above
# site undocumented.c 13 1 smp_rmb reader trailing
# site undocumented.c 20 1 smp_mb nocomment undocumented
# site undocumented.c 21 5 smp_load_acquire nocomment undocumented
# site undocumented.c 26 12 smp_load_acquire nocomment above
# site undocumented.c 32 2 smp_mb__after_atomic more undocumented
# site undocumented.c 36 1 smp_wmb more nearby
# site undocumented.c 42 1 smp_rmb more above
# site undocumented.c 43 8 smp_load_acquire more undocumented
# site undocumented.c 48 18 smp_load_acquire exprs undocumented
# site undocumented.c 50 5 smp_load_acquire exprs undocumented
# site undocumented.c 52 9 smp_load_acquire exprs undocumented
# site undocumented.c 54 18 smp_load_acquire exprs undocumented
# site undocumented.c 55 8 smp_load_acquire exprs undocumented
# site undocumented.c 56 8 smp_load_acquire exprs undocumented
# site undocumented.c 64 1 smp_wmb not_pairing undocumented
# site undocumented.c 68 1 smp_wmb not_pairing undocumented
# site undocumented.c 70 1 smp_mb not_pairing undocumented
# site undocumented.c 79 1 smp_wmb plain_and_below nearby
# site undocumented.c 81 1 smp_wmb plain_and_below below
# check-output-end

# check-name: undocumented.cocci patch: a placeholder template above each undocumented barrier, whatever statement holds it
# check-command: cd $dir/tree && spatch --very-quiet -D patch --sp-file $ROOT/cocci/barrier_undocumented.cocci undocumented.c | grep -A1 "^+[[:space:]]" | grep -v "^--"
# check-exit-value: 0
# check-output-start
# +	/* Pairs with ... in ...(): say what it orders. */
#  	smp_mb();
# +	/* Pairs with ... in ...(): say what it orders. */
#  	x = smp_load_acquire(&f->b);
# +		/* Pairs with ... in ...(): say what it orders. */
#  		smp_mb__after_atomic();
# +	/* Pairs with ... in ...(): say what it orders. */
#  	return smp_load_acquire(&f->x);
# +	/* Pairs with ... in ...(): say what it orders. */
#  	bool in_guest = (smp_load_acquire(&f->mode) == 1);
# +	/* Pairs with ... in ...(): say what it orders. */
#  	if (smp_load_acquire(&f->y))
# +	/* Pairs with ... in ...(): say what it orders. */
#  	while (!smp_load_acquire(&f->w))
# +	/* Pairs with ... in ...(): say what it orders. */
#  	WRITE_ONCE(f->q, smp_load_acquire(&f->r));
# +	/* Pairs with ... in ...(): say what it orders. */
#  	f->s = smp_load_acquire(&f->t) + 1;
# +	/* Pairs with ... in ...(): say what it orders. */
#  	return smp_load_acquire(&f->u) & 1;
# +	/* Pairs with ... in ...(): say what it orders. */
#  	smp_wmb();
# +	/* Pairs with ... in ...(): say what it orders. */
#  	smp_wmb();
# +	/* Pairs with ... in ...(): say what it orders. */
#  	smp_mb();
# check-output-end

# check-name: barrier_template.py: the template names the partner barriermap knows, the placeholder stays for the others
# check-command: cd $dir/tree && $ROOT/cocci/barrier_template.py template.json > $TMP/t.cocci && spatch --very-quiet -D patch --sp-file $TMP/t.cocci undocumented.c | grep -A1 "^+[[:space:]]" | grep -v "^--" | head -6
# check-exit-value: 0
# check-output-start
# +	/* Pairs with smp_mb() in other_side(). */
#  	smp_mb();
# +	/* Pairs with ... in ...(): say what it orders. */
#  	x = smp_load_acquire(&f->b);
# +		/* Pairs with ... in ...(): say what it orders. */
#  		smp_mb__after_atomic();
# check-output-end

# check-name: misspelled.cocci report: smb_wmb and smp_store_relase in pairing comments, not in other comments
# check-command: cd $dir/tree && spatch --very-quiet -D report --no-show-diff --sp-file $ROOT/cocci/barrier_misspelled.cocci misspelled.c | sort -t: -k2n
# check-exit-value: 0
# check-output-start
# misspelled.c:4:27-34: WARNING: pairing comment names smb_wmb, which is not a barrier: did you mean smp_wmb?
# misspelled.c:5:59-75: WARNING: pairing comment names smp_store_relase, which is not a barrier: did you mean smp_store_release?
# check-output-end

# check-name: misspelled.cocci org
# check-command: cd $dir/tree && spatch --very-quiet -D org --no-show-diff --sp-file $ROOT/cocci/barrier_misspelled.cocci misspelled.c | sort
# check-exit-value: 0
# check-output-start
# * TODO [[view:misspelled.c::face=ovl-face1::linb=4::colb=27::cole=34][smb_wmb is not a barrier: did you mean smp_wmb?]]
# * TODO [[view:misspelled.c::face=ovl-face1::linb=5::colb=59::cole=75][smp_store_relase is not a barrier: did you mean smp_store_release?]]
# check-output-end

# check-name: partner_no_barrier.cocci report: only helper(), not a function with a barrier directly, through a same-file callee, or an atomic, nor another file's function
# check-command: cd $dir/tree && spatch --very-quiet -D report --no-show-diff --sp-file $ROOT/cocci/barrier_partner_no_barrier.cocci partner.c
# check-exit-value: 0
# check-output-start
# partner.c:25:28-34: WARNING: pairing comment names helper(), which holds no barrier (line 1)
# check-output-end
