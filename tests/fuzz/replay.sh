#!/bin/sh
# replay.sh BUILD - the fuzz target over every input we have: the fuzz
# corpus, the samples as pandoc JSON, the bad inputs and pandoc's corpus.
set -eu
BUILD=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${DM_CORPUS:-$ROOT/tests/corpus}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/replay.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
if command -v pandoc >/dev/null 2>&1; then
	for md in "$ROOT"/samples/*.md "$ROOT"/tests/golden/*/*/input.md; do
		n=$(echo "$md" | tr '/' '_')
		pandoc -t json "$md" >"$TMP/$n.json" 2>/dev/null || true
	done
fi
# shellcheck disable=SC2046
"$ROOT/$BUILD/fuzz-replay" $(ls "$ROOT"/tests/fuzz/corpus/* \
	"$ROOT"/tests/fuzz/seeds/* "$TMP"/*.json "$ROOT"/tests/bad/*.json \
	"$CORPUS"/*/*.json 2>/dev/null) 2>/dev/null
