# SPDX-License-Identifier: GPL-2.0
# map --source-url=TEMPLATE links each location (the Location field, the
# captions of the code, the worklist, implied partners) to the source: %p
# the file's path, percent-encoded but for [A-Za-z0-9-._~/]; %l the line;
# %% a percent sign.  A template must start with https://, http:// or
# file://, hold %p, and hold only characters a URL may hold as they are.
#
# check-name: %p, %l and %% expand in the Location field and the code captions
# check-command: $BM map -q --kernel $dir/tree -o $TMP/m --source-url 'https://git.example.org/tree/%p?h=v6.12%%2B1#n%l' && grep -h -e ':Location:' -e ':caption: the barrier' $TMP/m/x86.rst
# check-exit-value: 0
# check-output-start
# :Location: ``arch/x86/kvm/x86.c:12`` (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n12>`__)
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 6–14 (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n12>`__)
# :Location: ``arch/x86/kvm/x86.c:17`` (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n17>`__)
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 14–19 (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n17>`__)
# :Location: ``arch/x86/kvm/x86.c:31`` (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n31>`__)
#    :caption: the barrier, ``arch/x86/kvm/x86.c``, lines 28–33 (`source <https://git.example.org/tree/arch/x86/kvm/x86.c?h=v6.12%2B1#n31>`__)
# check-output-end
#
# check-name: the worklist links its locations too
# check-command: $BM map -q --kernel $dir/tree -o $TMP/m --source-url=file:///src/linux/%p && grep -h -A1 '^   \* - :ref:' $TMP/m/worklist.rst | grep -o '  - .*'
# check-exit-value: 0
# check-output-start
#   - ``arch/x86/kvm/x86.c:17`` (`source <file:///src/linux/arch/x86/kvm/x86.c>`__)
#   - ``virt/kvm/kvm_main.c:26`` (`source <file:///src/linux/virt/kvm/kvm_main.c>`__)
# check-output-end
#
# check-name: hostile file names are percent-encoded byte by byte, and the site builds with sphinx-build -W
# check-command: bash $ROOT/tests/hardening/names.sh $TMP/t && $BM map -q --kernel $TMP/t -o $TMP/m --source-url 'https://example.org/%p#L%l' && sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && grep -o 'href="https://example.org/[^"]*"' $TMP/h/generic.html | sort -u
# check-exit-value: 0
# check-output-start
# href="https://example.org/include/linux/kvm_host.h#L8"
# href="https://example.org/virt/kvm/%26lt%3Bb%26gt%3Bentity.c#L5"
# href="https://example.org/virt/kvm/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.c#L5"
# href="https://example.org/virt/kvm/hostile.c#L30"
# href="https://example.org/virt/kvm/hostile.c#L36"
# href="https://example.org/virt/kvm/hostile.c#L43"
# href="https://example.org/virt/kvm/latin1-caf%E9.c#L5"
# href="https://example.org/virt/kvm/new%0Aline.c#L5"
# href="https://example.org/virt/kvm/odd%60name%60_%2Ax%2A.c#L6"
# href="https://example.org/virt/kvm/quote%22%27.c#L5"
# check-output-end
#
# check-name: a URL that would end in "_" ends in %5F (the same URL), so that RST does not read "<..._>" as a reference
# check-command: $BM map -q --kernel $dir/tree -o $TMP/m --source-url 'https://example.org/%p?tag=v1_' && grep -h -m1 ':Location:' $TMP/m/x86.rst && sphinx-build -q -W -b html -c $ROOT $TMP/m $TMP/h && grep -o -m1 'href="https://example.org/[^"]*"' $TMP/h/x86.html
# check-exit-value: 0
# check-output-start
# :Location: ``arch/x86/kvm/x86.c:12`` (`source <https://example.org/arch/x86/kvm/x86.c?tag=v1%5F>`__)
# href="https://example.org/arch/x86/kvm/x86.c?tag=v1%5F"
# check-output-end
#
# check-name: a template without %p is refused before anything is scanned or written
# check-command: $BM map --kernel $dir/tree -o $TMP/m --source-url 'https://example.org/blob/%l'; echo "exit $?"; ls -A $TMP
# check-exit-value: 0
# check-output-start
# exit 2
# check-output-end
# check-error-contains: barriermap: map: --source-url 'https://example.org/blob/%l' has no %p (the file's path)
#
# check-name: unknown placeholders, a lone %, characters a URL must encode and other schemes are refused
# check-command: for t in 'https://x/%p#%n' 'https://x/%p%' 'https://x/%p a' 'https://x/%p<b>' 'https://x/`%p`' 'javascript:alert(1)//%p' 'x/%p'; do $BM map --kernel $dir/tree -o $TMP/m --source-url "$t" 2>&1; echo "exit $?"; done
# check-exit-value: 0
# check-output-start
# barriermap: map: --source-url 'https://x/%p#%n' has an unknown placeholder %n (known: %p the file's path, %l the line, %% a percent sign)
# exit 2
# barriermap: map: --source-url 'https://x/%p%' ends in a lone % (write %% for a percent sign)
# exit 2
# barriermap: map: --source-url 'https://x/%p a' holds ' ' (byte 0x20), which a URL must percent-encode (write %%20)
# exit 2
# barriermap: map: --source-url 'https://x/%p<b>' holds '<' (byte 0x3c), which a URL must percent-encode (write %%3C)
# exit 2
# barriermap: map: --source-url 'https://x/`%p`' holds '`' (byte 0x60), which a URL must percent-encode (write %%60)
# exit 2
# barriermap: map: --source-url 'javascript:alert(1)//%p' must start with https://, http:// or file://
# exit 2
# barriermap: map: --source-url 'x/%p' must start with https://, http:// or file://
# exit 2
# check-output-end
