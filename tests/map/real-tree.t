# SPDX-License-Identifier: GPL-2.0
# The map of the real 6.12 tree builds in both places: barriermap's own
# site with sphinx-build -W, and the kernel's `make htmldocs
# SPHINXDIRS=virt/kvm` with no warning that was not there before.
#
# check-name: the real tree's map builds with sphinx-build -W, and vcpu_enter_guest's barriers are linked
# check-command: $BM map --kernel $KERNEL -o $TMP/src/map --svg-links ../map/ && cp $ROOT/rst/*.rst $ROOT/rst/*.inc $TMP/src/ && sphinx-build -q -W -j2 -b html -c $ROOT $TMP/src $TMP/html && cd $TMP/html/map && grep -o 'href="x86.html"\|id="vcpu-enter-guest"\|href="#vcpu-enter-guest"\|id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-[a-z0-9-]*"' index.html x86.html | sort -u
# check-exit-value: 0
# check-output-start
# index.html:href="x86.html"
# x86.html:href="#vcpu-enter-guest"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-mb-after-srcu-read-unlock"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-store-release"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb"
# x86.html:id="kvm-barrier-arch-x86-kvm-x86-c-vcpu-enter-guest-smp-wmb-2"
# x86.html:id="vcpu-enter-guest"
# check-output-end
#
# check-name: the real tree's map drops into the kernel's make htmldocs SPHINXDIRS=virt/kvm with no new warning
# check-group: slow
# check-command: tools/kernel-htmldocs.sh $BM $KERNEL
# check-exit-value: 0
# check-output-contains: kernel-htmldocs: no new warning
