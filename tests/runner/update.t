# SPDX-License-Identifier: GPL-2.0
# tests/run.py itself: golden output is rewritten only with --update, and
# only in the block of the test that differs; the groups filter.
#
# check-name: run.py --update rewrites the differing check-output block and leaves the others
# check-command: printf '%s\n' '# check-name: one' '# check-command: echo new' '# check-output-start' '# old' '# check-output-end' '#' '# check-name: two' '# check-command: printf "a\nb\n"' '# check-output-start' '# a' '# b' '# check-output-end' > $TMP/g.t && tests/run.py -j2 $TMP/g.t | tail -1; tests/run.py --update $TMP/g.t >/dev/null; cat $TMP/g.t; tests/run.py $TMP/g.t
# check-exit-value: 0
# check-output-start
# 1 passed, 1 failed
# # check-name: one
# # check-command: echo new
# # check-output-start
# # new
# # check-output-end
# #
# # check-name: two
# # check-command: printf "a\nb\n"
# # check-output-start
# # a
# # b
# # check-output-end
# 2 passed, 0 failed
# check-output-end
#
# check-name: run.py --group picks the tests of one group
# check-command: printf '%s\n' '# check-name: quick' '# check-command: true' '#' '# check-name: long' '# check-group: slow' '# check-command: false' > $TMP/g.t && tests/run.py --group=fast $TMP/g.t; tests/run.py --group=slow $TMP/g.t | tail -1
# check-exit-value: 0
# check-output-start
# 1 passed, 0 failed
# 0 passed, 1 failed
# check-output-end
