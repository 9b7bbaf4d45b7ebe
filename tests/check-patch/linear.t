# SPDX-License-Identifier: GPL-2.0
# check-patch's cost grows linearly with the files a patch names: counted
# with callgrind over the release build ($dir/linear.py), never timed.  A
# stranger's patch may name tens of thousands of files within the 64 MiB
# bound; a search over every file for each file (the first patch naming a
# path, the overlay of a changed file) made 80,000 new files take 48 s.
#
# check-name: a patch of N and of 4N new files (git's index lines, so the base comes from git) is checked in linear work
# check-command: python3 $dir/linear.py $ROOT/barriermap $dir/tree 500
# check-output-start
# linear
# check-output-end
