#!/bin/sh
# replay.sh BUILD TARGET... - every input we have through every fuzz
# target: the committed corpora (tests/fuzz/corpus/*/), the samples and
# the Markdown cases as Markdown and, through pandoc when it is there, as
# pandoc JSON, the bad inputs and pandoc's corpus.  A target that crashes,
# reports or finds an invariant broken fails (one check per target and
# input set); the last lines of its standard error name the input and say
# what happened.
#
# Environment: FUZZ_WRAP, a command the targets run under (make valgrind).
set -u
BUILD=$1
shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DM_TEST=fuzz-replay
. "$ROOT/tests/lib.sh"
if command -v "$PANDOC" >/dev/null 2>&1; then
	for md in "$ROOT"/samples/*.md "$ROOT"/tests/golden/*/*/input.md; do
		n=$(echo "${md#"$ROOT"/}" | tr '/' '_')
		"$PANDOC" -t json "$md" >"$TMP/$n.json" 2>/dev/null || true
	done
else
	skip "pandoc: the samples as pandoc JSON"
fi
for gen in "$ROOT"/tests/bad/*.gen; do
	n=${gen##*/}
	[ "$n" = ok-big-str.gen ] && continue # 20 MB: a test of size, not shape
	sh "$gen" >"$TMP/${n%.gen}.json" 2>/dev/null || true
done
ls "$ROOT"/tests/fuzz/corpus/*/* "$ROOT"/samples/*.md "$ROOT"/samples/*.txt \
	"$ROOT"/tests/md/*/*.md "$ROOT"/tests/md/*/*.txt \
	"$ROOT"/tests/md/html/*.json "$TMP"/*.json "$ROOT"/tests/bad/*.json \
	"$CORPUS"/*/*.json 2>/dev/null >"$TMP/inputs"
n=$(wc -l <"$TMP/inputs")
for t in "$@"; do
	# shellcheck disable=SC2046,SC2086 # words: file names, FUZZ_WRAP
	${FUZZ_WRAP:-} "$ROOT/$BUILD/fuzz-$t" $(cat "$TMP/inputs") \
		>/dev/null 2>"$TMP/err"
	rc=$?
	if [ "$rc" = 0 ]; then
		pass
		echo "fuzz-$t: $n inputs, no crash, no broken invariant"
	else
		fail "fuzz-$t" "expected: $n inputs replayed, no finding" \
		     "got: exit $rc at $(grep '^fuzz-replay: ' "$TMP/err" |
		                         tail -n 1 | cut -d' ' -f2-)"
		grep -v '^fuzz-replay: ' "$TMP/err" | tail -n 30 |
			sed 's/^/    | /'
	fi
done
summary
