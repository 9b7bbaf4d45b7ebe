# SPDX-License-Identifier: GPL-2.0
# check-patch's JSON goes through the same emitter as lint's: a string that
# is not UTF-8 (a patch's file name, here) is printed with U+FFFD for each
# bad byte, never dropped (jansson's json_string() refuses it and returns
# NULL, which the array then silently left out).
#
# check-name: check-patch --format=json lists a patch whose name is not UTF-8, with U+FFFD
# check-command: cp tests/check-patch/added-undocumented.patch "$TMP/$(printf 'bad\xff').patch" && cd $TMP && $BM check-patch --kernel $ROOT/tests/check-patch/tree --format=json "$(printf 'bad\xff').patch" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(ascii(d["files"]), ascii(d["patches"]), len(d["items"]))'
# check-exit-value: 0
# check-output-start
# ['bad\ufffd.patch'] ['bad\ufffd.patch'] 1
# check-output-end
