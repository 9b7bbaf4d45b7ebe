# SPDX-License-Identifier: GPL-2.0
# A file lint cannot check (too large, binary, unreadable) is named in a
# warning, and lint exits 2 (an input error) even when it prints findings:
# the barriers of that file are missing, so a clean or short report would
# be a lie.  The findings it has are still printed, and --format=json
# lists the skipped files.
#
# check-name: a file over the 16 MiB bound makes lint exit 2, after its findings
# check-command: cp -r tests/map/tree $TMP/t && { printf '/* big */\nint big[] = {\n'; head -c 17000000 /dev/zero | tr '\0' ' '; printf '};\n'; } > $TMP/t/virt/kvm/big.c && $BM lint --kernel $TMP/t --status=all
# check-exit-value: 2
# check-error-contains: barriermap: warning: virt/kvm/big.c: skipped: cannot read: larger than 16 MiB
# check-error-contains: barriermap: lint: 1 file not checked (see the warnings); the report is incomplete
# check-output-contains: virt/kvm/kvm_main.c:
#
# check-name: a binary file makes lint exit 2 even with nothing else to report
# check-command: cp -r tests/map/tree $TMP/t && printf 'int a;\0int b;\n' > $TMP/t/virt/kvm/nul.c && $BM lint --kernel $TMP/t --status=no-partner
# check-exit-value: 2
# check-error-contains: barriermap: warning: virt/kvm/nul.c: skipped: binary file (NUL byte)
# check-error-contains: barriermap: lint: 1 file not checked
#
# check-name: a FIFO among the sources does not make lint report a clean tree
# check-command: cp -r tests/map/tree $TMP/t && mkfifo $TMP/t/virt/kvm/fifo.c && timeout 120 $BM lint --kernel $TMP/t --status=no-partner
# check-exit-value: 2
# check-error-contains: barriermap: warning: virt/kvm/fifo.c: skipped:
# check-error-contains: barriermap: lint: 1 file not checked
#
# check-name: --format=json lists the skipped files and why
# check-command: cp -r tests/map/tree $TMP/t && printf 'int a;\0int b;\n' > $TMP/t/virt/kvm/nul.c && $BM lint --kernel $TMP/t --format=json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["skipped"])'
# check-output-start
# [{'file': 'virt/kvm/nul.c', 'why': 'binary file (NUL byte)'}]
# check-output-end
#
# check-name: without a skipped file, json says so with an empty list
# check-command: $BM lint --kernel tests/map/tree --format=json | python3 -c 'import json,sys; print(json.load(sys.stdin)["skipped"])'
# check-exit-value: 0
# check-output-start
# []
# check-output-end
