# SPDX-License-Identifier: GPL-2.0
# The map of the real 6.12 tree builds in both places: barriermap's own
# site with sphinx-build -W, and the kernel's `make htmldocs
# SPHINXDIRS=virt/kvm` with no warning that was not there before.
#
# check-name: the real tree's map builds with sphinx-build -W, and vcpu_enter_guest's barriers are linked, from the graph too
# check-command: $BM map --kernel $KERNEL -o $TMP/src/map --source-url 'https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/%p?h=v6.12.117#n%l' && cp $ROOT/rst/*.rst $ROOT/rst/*.inc $TMP/src/ && sphinx-build -q -W -j2 -b html -c $ROOT $TMP/src $TMP/html && cd $TMP/html/map && grep -o 'href="x86.html"\|id="vcpu-enter-guest"\|href="#vcpu-enter-guest"\|id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-[a-z0-9-]*"\|xlink:href="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb-after-srcu-read-unlock"\|href="https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/arch/x86/kvm/x86.c?h=v6.12.117#n[0-9]*"' index.html x86.html | sed 's/#n[0-9]*"/#nLINE"/' | sort -u
# check-exit-value: 0
# check-output-start
# index.html:href="x86.html"
# x86.html:href="#vcpu-enter-guest"
# x86.html:href="https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/arch/x86/kvm/x86.c?h=v6.12.117#nLINE"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb-after-srcu-read-unlock"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-store-release"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb-2"
# x86.html:id="vcpu-enter-guest"
# x86.html:xlink:href="x86.html#kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb-after-srcu-read-unlock"
# check-output-end
#
# check-name: every link of the real tree's graphs reaches an id on its page, and every code-block shows the file's own lines under their numbers
# check-command: $BM map -q --kernel $KERNEL -o $TMP/src && sphinx-build -q -W -j2 -b html -c $ROOT $TMP/src $TMP/html && python3 $dir/check-pages.py $KERNEL $TMP/src $TMP/html
# check-exit-value: 0
# check-output-contains: every graph link reaches its target
# check-output-contains: every code line matches the file
# check-output-excludes: MISMATCH
# check-output-excludes: DEAD LINK
#
# check-name: the real tree's map drops into the kernel's make htmldocs SPHINXDIRS=virt/kvm with no new warning
# check-group: slow
# check-command: MAP_ARGS='--source-url=https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/%p?h=v6.12.117#n%l' tools/kernel-htmldocs.sh $BM $KERNEL
# check-exit-value: 0
# check-output-contains: kernel-htmldocs: no new warning
