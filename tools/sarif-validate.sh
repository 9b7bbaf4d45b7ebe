#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Validate SARIF files with Microsoft's SARIF multitool (the SARIF 2.1.0
# schema and its rules), installed from the npm registry on first use into
# the cache folder, under a lock so that runs at once share one install.
#
# Usage: tools/sarif-validate.sh FILE.sarif...
# Environment: BARRIERMAP_CACHE (default ~/.cache/barriermap)
set -eu

CACHE=${BARRIERMAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/barriermap}
NPM_DIR=$CACHE/sarif-multitool
VERSION=5.7.0
TOOL=$NPM_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

command -v npm >/dev/null ||
	{ echo "barriermap: npm not found: apt-get install npm (tools/install-deps.sh)" >&2; exit 2; }
mkdir -p "$NPM_DIR"
exec 9>"$NPM_DIR/.lock"
flock 9
if [ ! -x "$TOOL" ]; then
	npm install --silent --no-audit --no-fund --prefix "$NPM_DIR" \
		"@microsoft/sarif-multitool@$VERSION" >&2
	# the package ships the binary without its execute bit
	chmod u+x "$TOOL"
fi
flock -u 9
# The validator writes its findings as SARIF, printed here as "FILE: LEVEL:
# RULE: message".  An error (the schema, or a SARIF rule) fails the run; a
# warning is a guideline (SARIF2005 asks for a web page about the tool,
# which barriermap does not have) and is only printed.
for f in "$@"; do
	out=$f.validation.sarif
	rm -f "$out"
	log=$("$TOOL" validate --output "$out" "$f" 2>&1) || [ -s "$out" ] ||
		{ echo "$log" >&2; exit 2; }
	python3 - "$f" "$out" <<'PY' || status=1
import json, sys
results = json.load(open(sys.argv[2]))["runs"][0].get("results", [])
bad = [r for r in results if r.get("level", "warning") == "error"]
for r in results:
    msg = r["message"].get("text") or " ".join(r["message"].get("arguments", []))
    print(f"{sys.argv[1]}: {r.get('level', 'warning')}: {r['ruleId']}: {msg}")
sys.exit(1 if bad else 0)
PY
done
exit ${status:-0}
