#!/bin/sh
# tests/check/run.sh - the tests of dm-check and of the `dm` chain.
#
#   sh tests/check/run.sh BUILD_DIR [SUITE...]
#
# BUILD_DIR holds dm, dm-check, dm-callouts, dm-credits and jsoneq (`make
# test-check` builds them).  The suites, all by default:
#
#   rules     tests/check/rules/CASE/: each rule triggered and not
#   options   tests/check/options/CASE/: bad options and arguments
#   formats   tests/check/formats/CASE/: text, github and json output,
#             source positions (commonmark_x+sourcepos, pandoc 2.17 and
#             3), lines found in dm-check.file without positions
#   bad       tests/check/bad/CASE/: bad input
#   samples   samples/*.md through pandoc 2.17 and 3: no finding, also in
#             strict mode through `pandoc --filter`
#   strict    exit codes through `pandoc --filter BUILD/dm-check`, lenient
#             and strict
#   identity  dm-check leaves every sample and corpus document as it was:
#             JSON-equal to the input, byte-identical to `dm --filters ''`
#   chain     `dm FORMAT` is `dm-callouts | dm-credits`, `dm --check` is
#             `dm-check | dm-callouts | dm-credits`, byte for byte, over
#             the samples and the corpus; the checker runs first; the
#             chain from dm-filters and from dm-check options
#
# A case is a folder (tests/lib.sh says what the shared files mean):
#   input.md, from, meta  the article, read by pandoc; or input.json, the
#                 document as it is
#   args          the command, a program of BUILD_DIR and its arguments on
#                 one line (default: dm-check html)
#   status        its exit status (default 0).  0: it leaves the document
#                 as it was (the identity's bytes); else nothing on stdout
#   error         its standard error, to the byte, with pandoc 2.17 and 3
#                 (or with input.json); error.p2, error.p3: with that one
#   count         lines "N REGEX" or "all REGEX" about the standard error
#   json-lines    every line of the standard error is JSON
# and the cases of rules/ run in strict mode too (pandoc 2.17): exit 1
# exactly when `error` counts an error, then nothing on stdout and the
# report with a last line saying so.
#
# Environment: DM_CORPUS (default: tests/corpus, pandoc test documents in the
# repository), PANDOC (default pandoc, 2.17), NODE (default node, for
# pandoc 3 through tests/pandoc3.mjs), DM_PANDOC=no to skip what needs
# pandoc, KEEP=1 to keep the scratch folder.
# The last line is "N passed, N failed"; the exit status is 1 on a failure.

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/check/run.sh BUILD_DIR [SUITE...]" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
cd "$ROOT" || exit 2 # dm-check.file names in the cases are from here
shift
SUITES=${*:-rules options formats bad samples strict identity chain}
HERE=$ROOT/tests/check
DM=$BUILD/dm
CHECK=$BUILD/dm-check
CALLOUTS=$BUILD/dm-callouts
CREDITS=$BUILD/dm-credits
JSONEQ=$BUILD/jsoneq
for prog in "$DM" "$CHECK" "$CALLOUTS" "$CREDITS" "$JSONEQ"; do
	if [ ! -x "$prog" ]; then
		echo "check/run.sh: $prog is missing (make test-check builds it)" >&2
		exit 2
	fi
done
DM_TEST=check
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"
# shellcheck source=tests/check/chain.sh
. "$HERE/chain.sh"
want() { # SUITE: is it to run?
	case " $SUITES " in *" $1 "*) return 0 ;; esac
	return 1
}
pandocs
CASE_SUITES=
for s in rules options formats bad; do
	want "$s" && CASE_SUITES="$CASE_SUITES $s"
done
SAMPLES=$(ls "$ROOT"/samples/*.md 2> /dev/null)
BROKEN=$HERE/rules/readme-broken

# identity IN OUT: what `dm --filters ''` makes of IN.
identity() {
	"$DM" --filters '' html < "$1" > "$2"
}

# scratch DIR P: the scratch name of case DIR's document from pandoc P.
scratch() {
	printf '%s/%s.%s.json\n' "$TMP" "$(echo "${1#"$HERE"/}" | tr / .)" "$2"
}

# ---- inputs: everything pandoc 3 reads, in one batch ----------------------

if [ "$have_p3" = yes ]; then
	for s in $CASE_SUITES; do
		for dir in $(cases "$HERE/$s"); do
			[ -f "$dir/error" ] || [ -f "$dir/error.p3" ] || continue
			[ -n "$(case_file "$dir" input.md)" ] &&
				case_p3 "$dir" "$(scratch "$dir" p3)"
		done
	done
	for s in $SAMPLES; do
		p3_job "$TMP/sample.$(basename "$s" .md).p3.json" "$s" markdown
	done
	# +sourcepos splits text into a Span per word: still no finding
	for n in seed seed-divs; do
		p3_job "$TMP/sample.$n.sp.json" "$ROOT/samples/$n.md" \
			commonmark_x+sourcepos
	done
	p3_batch
fi
if [ "$have_p2" = yes ]; then
	for s in $SAMPLES; do
		n=$(basename "$s" .md)
		"$PANDOC" -f markdown -t json "$s" > "$TMP/sample.$n.p2.json" ||
			fail "pandoc 2.17 cannot read $s"
	done
fi

# ---- the cases ------------------------------------------------------------

# json_lines LABEL FILE: every line of FILE is JSON (jsoneq reads it).
json_lines() {
	i=0
	bad=
	cp "$2" "$TMP/lines"
	while IFS= read -r l; do
		i=$((i + 1))
		printf '%s\n' "$l" > "$TMP/line.json"
		"$JSONEQ" "$TMP/line.json" "$TMP/line.json" 2> /dev/null ||
			bad="$bad $i"
	done < "$TMP/lines"
	if [ -z "$bad" ] && [ "$i" -gt 0 ]; then
		pass
	else
		fail "$1: lines that are no JSON:$bad ($i lines)"
	fi
}

# run_case LABEL DIR IN ERROR: the case's command over IN ends as the case
# wants, leaving the document as it was when it succeeds; then its counts.
run_case() {
	cmd="dm-check html"
	[ -f "$2/args" ] && cmd=$(cat "$2/args")
	set -f
	# shellcheck disable=SC2086 # the command's words
	run_prog "$3" $cmd
	set +f
	status=$(case_status "$2")
	expect_run "$1" "$status" "$4" || return
	if [ "$status" -eq 0 ]; then
		identity "$3" "$TMP/id.json"
		if ! cmp -s "$TMP/id.json" "$TMP/out"; then
			fail "$1" "the document changed (not the identity's bytes)"
			return
		fi
	fi
	pass
	cp "$TMP/err" "$TMP/report"
	[ -f "$2/count" ] && expect_counts "$1" "$2/count" "$TMP/report"
	[ -f "$2/json-lines" ] && json_lines "$1" "$TMP/report"
}

# errors_in REPORT: the error count of a text report (0 when none).
errors_in() {
	tail -n 1 "$1" | sed -n 's/^dm-check: \([0-9]*\) errors\{0,1\}, .*/\1/p' |
		grep . || echo 0
}

# strict_case LABEL DIR: the case in strict mode (pandoc 2.17): exit 1
# exactly when its report counts an error, with nothing on stdout and the
# report then the count; else exit 0 and the report.
strict_case() {
	if ! case_json "$2" "$TMP/strict.json" -M dm-check.strict \
	     2> "$TMP/err"; then
		fail "$1: pandoc 2.17 cannot read it" "$(cat "$TMP/err")"
		return
	fi
	run_prog "$TMP/strict.json" dm-check html
	e=$2/error # pandoc 2.17's report: error.p2 where the readers differ
	[ -f "$2/error.p2" ] && e=$2/error.p2
	errors=$(errors_in "$e")
	cp "$e" "$TMP/strict.err"
	if [ "$errors" -gt 0 ]; then
		plural=s
		[ "$errors" -eq 1 ] && plural=
		echo "dm-check: $errors error$plural in strict mode: nothing" \
		     "written" >> "$TMP/strict.err"
	fi
	expect_run "$1" "$((errors > 0))" "$TMP/strict.err" && pass
}

# check_case SUITE DIR: every run of case DIR of SUITE.
check_case() {
	name=${2#"$HERE"/}
	json=$(case_file "$2" input.json)
	if [ -n "$json" ]; then
		run_case "$name" "$2" "$json" "$2/error"
		return
	fi
	for p in p2 p3; do
		err=$2/error.$p
		[ -f "$err" ] || err=$2/error
		[ -f "$err" ] || continue
		[ "$p" = p2 ] && [ "$have_p2" = no ] && continue
		[ "$p" = p3 ] && [ "$have_p3" = no ] && continue
		in=$(scratch "$2" "$p")
		if [ "$p" = p2 ] && ! case_json "$2" "$in" 2> "$TMP/err"; then
			fail "$name: pandoc 2.17 cannot read it" "$(cat "$TMP/err")"
			continue
		fi
		if [ -s "$in" ]; then
			run_case "$name ($p)" "$2" "$in" "$err"
		else
			fail "$name: no JSON from pandoc ($p)"
		fi
		[ "$1.$p" = rules.p2 ] && strict_case "$name (strict)" "$2"
	done
}

# every_rule: a floor of cases, so that a lost folder cannot pass as
# nothing to test, and a case for each rule.
every_rule() {
	nrules=$(cases "$HERE/rules" | wc -l)
	[ "$nrules" -ge 25 ] ||
		fail "rules" "expected 25 or more cases, found $nrules"
	for r in DM101 DM102 DM103 DM104 DM105 DM106 DM201 DM202 DM203 \
	         DM301 DM302; do
		if grep -q " $r: " "$HERE"/rules/*/error; then
			pass
		else
			fail "rules: no case triggers $r"
		fi
	done
}

for suite in $CASE_SUITES; do
	ncases=0
	for dir in $(cases "$HERE/$suite"); do
		ncases=$((ncases + 1))
		check_case "$suite" "$dir"
	done
	[ "$suite" = rules ] && every_rule
	echo "$suite: done ($ncases cases)"
done

# ---- samples: the articles pass ------------------------------------------

# sample_clean NAME IN: dm-check finds nothing in IN.
sample_clean() {
	run_prog "$2" dm-check html
	expect_run "samples $1" 0 "" && pass
}

# sample_strict MD: no finding through pandoc --filter in strict mode.
sample_strict() {
	"$PANDOC" -f markdown "$1" --filter "$CHECK" -M dm-check.strict \
		-t html -o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$TMP/err" ] ||
	   [ ! -s "$TMP/out.html" ]; then
		fail "samples $(basename "$1") (pandoc --filter, strict)" \
		     "expected exit 0, HTML and no message; got exit $rc:"
		show "$TMP/err"
	else
		pass
	fi
}

if want samples; then
	for s in $SAMPLES; do
		n=$(basename "$s" .md)
		for in in "$TMP/sample.$n".*.json; do
			p=${in#"$TMP/sample.$n."}
			[ -f "$in" ] && sample_clean "$n (${p%.json})" "$in"
		done
		[ "$have_p2" = yes ] && sample_strict "$s"
	done
	nsamples=$(echo "$SAMPLES" | wc -w)
	if [ "$nsamples" -lt 5 ] ||
	   ! echo "$SAMPLES" | grep -q '/samples/seed\.md$'; then
		fail "samples" "expected samples/seed.md and 4 more, found:" \
		     "$SAMPLES"
	fi
	echo "samples: done ($nsamples samples)"
fi

# ---- strict: exit codes through pandoc --filter --------------------------

# via_pandoc CASE ARGS...: pandoc reads rules/CASE's article with dm-check
# as its filter and ARGS, writing HTML: its status in $rc, stderr in
# $TMP/err.
via_pandoc() {
	md=$HERE/rules/$1/input.md
	shift
	"$PANDOC" -f markdown "$md" --filter "$CHECK" "$@" -t html \
		-o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
}

# verdict LABEL STATUS: a check that passed when STATUS (of the test
# before) is 0, after a run with its exit status in $rc, stderr in $TMP/err.
verdict() {
	if [ "$2" = 0 ]; then
		pass
	else
		fail "$1" "got exit $rc:"
		show "$TMP/err"
	fi
}

# has_report CASE: stderr has a line of rules/CASE/error (grep -xF -f).
has_report() {
	grep -qxF -f "$HERE/rules/$1/error" "$TMP/err"
}

strict_exits() {
	T=triad-missing
	# An error (DM101), lenient: pandoc succeeds, the report on stderr.
	via_pandoc $T
	[ "$rc" -eq 0 ] && [ -s "$TMP/out.html" ] && has_report $T &&
		[ "$(grep -c '^dm-check: ' "$TMP/err")" -eq 2 ]
	verdict "strict: lenient, an error: pandoc exit 0, HTML, the report" $?
	# The same, strict: pandoc fails (83: a filter failed).
	via_pandoc $T -M dm-check.strict
	[ "$rc" -eq 83 ] && has_report $T && grep -qxF \
		'dm-check: 1 error in strict mode: nothing written' "$TMP/err"
	verdict "strict: strict, an error: pandoc exit 83 and the report" $?
	# Three errors: the count in the plural.
	via_pandoc readme-broken -M dm-check.strict=true
	[ "$rc" -eq 83 ] && grep -qxF \
		'dm-check: 3 errors in strict mode: nothing written' "$TMP/err"
	verdict "strict: three errors: exit 83" $?
	# Strict with warnings only: the build goes on.
	via_pandoc section-missing -M dm-check.strict
	[ "$rc" -eq 0 ] && [ -s "$TMP/out.html" ] &&
		cmp -s "$HERE/rules/section-missing/error" "$TMP/err"
	verdict "strict: strict, warnings only: exit 0, the warnings" $?
	# An error made a warning: strict passes.
	via_pandoc $T -M dm-check.strict -M dm-check.rules.DM101=warning
	[ "$rc" -eq 0 ] && grep -q '^dm-check: warning DM101: ' "$TMP/err"
	verdict "strict: DM101 made a warning: exit 0" $?
}

# strict: false in the front matter, true from -M: -M wins.
strict_override() {
	printf -- '---\ndm-check: {strict: false}\n---\n\n' > "$TMP/s.md"
	cat "$HERE/rules/triad-missing/input.md" >> "$TMP/s.md"
	"$PANDOC" -f markdown "$TMP/s.md" --filter "$CHECK" \
		-M dm-check.strict -t html -o "$TMP/out.html" 2> /dev/null
	rc=$?
	"$PANDOC" -f markdown "$TMP/s.md" --filter "$CHECK" \
		-t html -o "$TMP/out.html" 2> /dev/null
	rc2=$?
	if [ "$rc" -eq 83 ] && [ "$rc2" -eq 0 ]; then
		pass
	else
		fail "strict: -M over strict: false" \
		     "expected 83 and 0, got $rc and $rc2"
	fi
}

# Directly, for another format: exit 1 and nothing at all on stdout.
strict_direct() {
	case_json "$HERE/rules/triad-missing" "$TMP/strict.json" \
		-M dm-check.strict
	run_prog "$TMP/strict.json" dm-check latex
	[ "$rc" -eq 1 ] && [ ! -s "$TMP/out" ] &&
		[ "$(tail -n 1 "$TMP/err")" = \
		  'dm-check: 1 error in strict mode: nothing written' ]
	verdict "strict: directly: exit 1, nothing on stdout" $?
}

if want strict && [ "$have_p2" = yes ]; then
	strict_exits
	strict_override
	strict_direct
	echo "strict: done"
fi

# ---- identity: the document passes unchanged ------------------------------

# The documents: every sample through each pandoc, every corpus document.
DOCS=
for f in "$TMP"/sample.*.json; do
	[ -s "$f" ] && DOCS="$DOCS $f"
done
ncorpus=0
for f in "$CORPUS"/*/*.json; do
	[ -f "$f" ] || continue
	DOCS="$DOCS $f"
	ncorpus=$((ncorpus + 1))
done
if [ "$ncorpus" -eq 0 ] && { want identity || want chain; }; then
	skip "no corpus in $CORPUS (set DM_CORPUS)"
fi
name_of() { # a short name for a document
	case $1 in
	"$TMP"/*) basename "$1" .json ;;
	*) echo "corpus/$(basename "$(dirname "$1")")/$(basename "$1")" ;;
	esac
}

# unchanged DOC: dm-check's output is DOC, JSON-equal and the identity's
# bytes.
unchanged() {
	label="identity $(name_of "$1")"
	run_prog "$1" dm-check html
	if [ "$rc" -ne 0 ]; then
		fail "$label" "exit status $rc:"
		show "$TMP/err"
		return
	fi
	identity "$1" "$TMP/id.json"
	if ! "$JSONEQ" "$1" "$TMP/out" 2> "$TMP/eq"; then
		fail "$label" "not JSON-equal to the input: $(cat "$TMP/eq")"
	elif ! cmp -s "$TMP/id.json" "$TMP/out"; then
		fail "$label" "not the bytes of dm --filters ''"
	else
		pass
	fi
}

if want identity; then
	ndocs=0
	for d in $DOCS; do
		ndocs=$((ndocs + 1))
		unchanged "$d"
	done
	echo "identity: done ($ndocs documents, $ncorpus from the corpus)"
fi

# ---- chain: dm against the filters in a pipe (chain.sh) ------------------

if want chain; then
	ndocs=0
	# and documents where one filter's output is the next one's input
	for d in $DOCS "$ROOT"/tests/check/chain/*.json; do
		ndocs=$((ndocs + 1))
		chain_doc "$d"
	done
	echo "chain: pipes done ($ndocs documents)"
fi
if want chain && [ "$have_p2" = yes ]; then
	chain_order
	chain_options
	chain_meta
	echo "chain: done"
fi

summary
