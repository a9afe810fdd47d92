#!/bin/sh
# alloc.sh BUILD - allocation-failure injection: each program is run on a
# realistic article once normally, counting its allocations, then again
# with one allocation failing (build/allocfail.so), for a dense sample of
# the allocation indices.  Each run must either write exactly the normal
# output with exit 0 (the failure was recovered from, or fell where it
# changes nothing), or write nothing on standard output, one line saying
# "out of memory" on standard error, and exit 1.  Never another output,
# another message, an exit 0 with a different document, a crash or an
# abort.
#
# Environment: DM_ALLOC_RUNS (runs per case, default 220: the first 40
# indices, then evenly over the rest; 0 for every index), KEEP=1.
set -u
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/alloc.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" && pwd)
SHIM=$BUILD/allocfail.so
RUNS=${DM_ALLOC_RUNS:-220}
LC_ALL=C
export LC_ALL
DM_TEST=alloc
. "$ROOT/tests/lib.sh"

# AddressSanitizer must be the first library loaded and owns malloc: the
# shim cannot go under it.  The plain build's sweep is what counts.
if ldd "$BUILD/dm" 2>/dev/null | grep -q libasan; then
	skip "alloc: the sanitizer build owns malloc; the plain build is swept"
	summary
	exit
fi
if [ ! -f "$SHIM" ]; then
	echo "alloc.sh: $SHIM is missing (make test-alloc builds it)" >&2
	exit 2
fi

# The inputs: the sample articles as pandoc JSON (with pandoc 2.17 when it
# is here, else dm-from-md), and the chain's HTML for dm-to-html.
# Also, for issue 11's sources: an article with a triad of paragraphs and
# Quarto cross-references, and a triad list with a misspelt label ("Noize")
# that dm-check names with a near label (its DM101 turned off: a report is
# written before the document, so a failure after it would leave two
# lines).
{
	printf -- '---\ndm-check:\n  rules: {DM101: off}\n---\n'
	cat "$ROOT/tests/check/rules/triad-misspelt/input.md"
} > "$TMP/misspelt.md"
# And credit lines in French, and under captions in their paragraph (the
# rules that would report on it turned off).
{
	printf -- '---\nlang: fr\ndm-check:\n  rules: {DM101: off, DM301: off}\n---\n\n'
	cat "$ROOT/tests/golden/credits/caption-lines/input.md"
	sed -n '6,$p' "$ROOT/tests/golden/credits/lang-fr/input.md"
} > "$TMP/lines-fr.md"
# And the credits of captions, of a list under "Image Credits:", and at
# the end of the last paragraph, with German footer words.
{
	printf -- '---\nlang: de\ndm-check:\n  rules: {DM101: off, DM301: off}\n---\n\n'
	cat "$ROOT/tests/golden/credits/caption-credit/input.md"
	printf '\n'
	cat "$ROOT/tests/golden/credits/list-under-label/input.md"
	printf '\n'
	cat "$ROOT/tests/golden/credits/sentence-tail/input.md"
} > "$TMP/credit-forms.md"
for md in "$ROOT"/samples/seed-divs.md "$ROOT"/samples/custom-zh.md \
          "$ROOT"/tests/golden/callouts/article-postmortem/input.md \
          "$TMP/misspelt.md" "$TMP/lines-fr.md" "$TMP/credit-forms.md"; do
	n=$(basename "$md" .md)
	[ "$n" = input ] && n=$(basename "$(dirname "$md")")
	if command -v "$PANDOC" >/dev/null 2>&1; then
		"$PANDOC" -t json "$md" > "$TMP/$n.json"
	else
		"$BUILD/dm-from-md" "$md" > "$TMP/$n.json"
	fi || { fail "input $n" "expected: $md as JSON" "got: a failure"; }
done
"$BUILD/dm" html < "$TMP/seed-divs.json" > "$TMP/seed-html.json"

# indices TOTAL: the allocation indices to fail, one a line.
indices() {
	awk -v total="$1" -v runs="$RUNS" 'BEGIN {
		if (runs == 0 || total <= runs) {
			for (i = 1; i <= total; i++) print i
			exit
		}
		for (i = 1; i <= 40; i++) print i
		step = (total - 40) / (runs - 40)
		for (x = 40 + step; x <= total; x += step) print int(x)
	}'
}

# sweep NAME INPUT PROG ARGS...: the sweep of one program on one input.
sweep() {
	name=$1 input=$2
	shift 2
	if ! DM_ALLOC_COUNT="$TMP/count" LD_PRELOAD="$SHIM" "$@" \
		< "$input" > "$TMP/normal" 2> "$TMP/err"; then
		fail "$name" "expected: a normal run to succeed" "got:"
		show "$TMP/err"
		return
	fi
	total=$(cat "$TMP/count")
	bad=0 runs=0
	for n in $(indices "$total"); do
		runs=$((runs + 1))
		DM_ALLOC_FAIL=$n LD_PRELOAD="$SHIM" "$@" < "$input" \
			> "$TMP/out" 2> "$TMP/err"
		rc=$?
		if [ "$rc" = 0 ] && cmp -s "$TMP/out" "$TMP/normal"; then
			continue
		fi
		if [ "$rc" = 1 ] && [ ! -s "$TMP/out" ] &&
		   [ "$(wc -l < "$TMP/err")" -eq 1 ] &&
		   grep -q 'out of memory' "$TMP/err"; then
			continue
		fi
		bad=$((bad + 1))
		[ "$bad" -gt 5 ] && continue
		fail "$name: allocation $n of $total fails" \
		     "expected: the normal output, or exit 1 with one" \
		     "'out of memory' line and nothing on stdout" \
		     "got: exit $rc, $(wc -c < "$TMP/out") bytes on stdout," \
		     "stderr:"
		show "$TMP/err"
	done
	if [ "$bad" -eq 0 ]; then
		pass
	elif [ "$bad" -gt 5 ]; then
		fail "$name: $((bad - 5)) more failing indices not shown"
	fi
	printf '%s: %d runs of %d allocations, %d wrong\n' "$name" "$runs" \
	       "$total" "$bad"
}

J=$TMP/seed-divs.json Z=$TMP/custom-zh.json
sweep "dm html" "$J" "$BUILD/dm" html
sweep "dm latex" "$J" "$BUILD/dm" latex
sweep "dm docx" "$J" "$BUILD/dm" docx
sweep "dm gfm" "$J" "$BUILD/dm" gfm
sweep "dm html (custom types, zh)" "$Z" "$BUILD/dm" html
sweep "dm latex (paragraphs, cross-references)" \
	"$TMP/article-postmortem.json" "$BUILD/dm" latex
sweep "dm-check (paragraphs)" "$TMP/article-postmortem.json" \
	"$BUILD/dm-check" html
sweep "dm-check (a misspelt label)" "$TMP/misspelt.json" \
	"$BUILD/dm-check" html
sweep "dm-callouts typst" "$J" "$BUILD/dm-callouts" typst
sweep "dm rst" "$J" "$BUILD/dm" rst
sweep "dm-callouts asciidoc" "$J" "$BUILD/dm-callouts" asciidoc
sweep "dm docbook5" "$J" "$BUILD/dm" docbook5
sweep "dm-callouts org" "$J" "$BUILD/dm-callouts" org
sweep "dm-callouts jira" "$J" "$BUILD/dm-callouts" jira
sweep "dm mediawiki" "$J" "$BUILD/dm" mediawiki
sweep "dm-credits html" "$J" "$BUILD/dm-credits" html
sweep "dm-check" "$J" "$BUILD/dm-check" html
sweep "dm-credits html (French, lines under captions)" "$TMP/lines-fr.json" \
	"$BUILD/dm-credits" html
sweep "dm-check (French, lines under captions)" "$TMP/lines-fr.json" \
	"$BUILD/dm-check" html
sweep "dm-credits html (captions, a list, a last sentence; de)" \
	"$TMP/credit-forms.json" "$BUILD/dm-credits" html
sweep "dm-check (captions, a list, a last sentence)" \
	"$TMP/credit-forms.json" "$BUILD/dm-check" html
sweep "dm-from-md" "$ROOT/samples/seed.md" "$BUILD/dm-from-md"
sweep "dm-from-md (front matter)" "$ROOT/samples/custom-zh.md" \
	"$BUILD/dm-from-md"
sweep "dm-from-md --lines" "$ROOT/samples/seed.txt" "$BUILD/dm-from-md" \
	--lines
# dm-check looking up lines in dm-check.file (no positions in the
# document): a valid article, whose triad statements it looks up, and no
# finding (a report is written before the document, so a failure after it
# would leave two lines)
{
	printf -- '---\ndm-check:\n  file: %s\n' "$TMP/lines.md"
	sed 1d "$ROOT/tests/check/formats/sourcepos-valid/input.md"
} > "$TMP/lines.md"
"$BUILD/dm-from-md" "$TMP/lines.md" > "$TMP/lines.json"
sweep "dm-check (lines from dm-check.file)" "$TMP/lines.json" \
	"$BUILD/dm-check" html
sweep "dm-to-html -s" "$TMP/seed-html.json" "$BUILD/dm-to-html" -s
# what the normal run only warns of (credit links not written) is not
# said when the run then fails: one line, "out of memory"
printf '%s' '{"pandoc-api-version":[1,23,1],"meta":{"credits":{"t":"MetaList","c":[{"t":"MetaMap","c":{"name":{"t":"MetaString","c":"Meta Person"},"url":{"t":"MetaString","c":"vbscript:x"}}}]}},"blocks":[{"t":"Para","c":[{"t":"Image","c":[["",[],[["credit","Jane Doe"],["credit-url","javascript:alert(1)"],["source","Flickr"],["source-url","https://flickr.com"]]],[{"t":"Str","c":"alt"}],["a.png",""]]}]}]}' \
	> "$TMP/unsafe.json"
sweep "dm-credits html (unsafe links, warned of)" "$TMP/unsafe.json" \
	"$BUILD/dm-credits" html
sweep "dm-to-html -s (NUL, integral reals)" \
	"$ROOT/tests/md/html/lossless.json" "$BUILD/dm-to-html" -s
sweep "dm-to-html -s FILE.md (the chain in one process)" \
	"$ROOT/samples/seed.md" "$BUILD/dm-to-html" -s -
summary
