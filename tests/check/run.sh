#!/bin/sh
# tests/check/run.sh - the tests of dm-check and of the `dm` chain.
#
#   sh tests/check/run.sh BUILD_DIR [SUITE...]
#
# BUILD_DIR holds dm, dm-check, dm-callouts, dm-credits and jsoneq (`make
# test-check` builds them).  The suites, all by default:
#
#   rules     tests/check/cases/NAME.md, read by pandoc 2.17 and by pandoc
#             3 (`markdown`, with the -M arguments of NAME.meta, one a line,
#             when present): dm-check's standard error must be NAME.expect
#             to the byte (an empty file: no finding, no count line), its
#             exit status 0, its output the very bytes of the identity.  In
#             strict mode (pandoc 2.17 only) the exit status is 1 exactly
#             when NAME.expect counts an error, with nothing on stdout.
#             Adding a case is adding NAME.md and NAME.expect.
#   options   tests/check/options/NAME.md (+ NAME.meta): bad options.
#             Line 1 of NAME.expect is the exit status, the other lines
#             fragments of the one-line message; nothing on stdout
#   samples   samples/*.md through pandoc 2.17 and 3: no finding, also in
#             strict mode through `pandoc --filter`
#   formats   tests/check/formats/: text, github and json output of doc.md
#             (pandoc 2.17), and source positions from pandoc 3's
#             commonmark_x+sourcepos (pos.md)
#   strict    exit codes through `pandoc --filter BUILD/dm-check`, lenient
#             and strict, and strict mode run directly
#   identity  dm-check leaves every sample and corpus document as it was:
#             JSON-equal to the input, byte-identical to `dm --filters ''`
#   chain     `dm FORMAT` is `dm-callouts | dm-credits`, `dm --check` is
#             `dm-check | dm-callouts | dm-credits`, byte for byte, over
#             the samples and the corpus; the checker runs first; the
#             chain from dm-filters and from dm-check options; errors
#   bad       bad input: a message, exit 1, nothing on stdout
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
shift
SUITES=${*:-rules options samples formats strict identity chain bad}
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
. "$ROOT/tests/lib.sh"
want() { # SUITE: is it to run?
	case " $SUITES " in *" $1 "*) return 0 ;; esac
	return 1
}

have_p2=no
have_p3=no
if [ "${DM_PANDOC:-}" = no ]; then
	skip "DM_PANDOC=no: everything that needs pandoc"
else
	if command -v "$PANDOC" > /dev/null 2>&1; then
		have_p2=yes
	else
		skip "pandoc 2.17 ($PANDOC) is not installed"
	fi
	if command -v "$NODE" > /dev/null 2>&1 &&
	   [ -d "$ROOT/node_modules/pandoc-wasm" ]; then
		have_p3=yes
	else
		skip "pandoc 3 ($NODE tests/pandoc3.mjs) is not installed"
	fi
fi

json_str() { # a JSON string of $1
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# p2_json FILE OUT [PANDOC ARGS...]: FILE (markdown, or the reader of an
# -f in the arguments) through pandoc 2.17, with FILE's .meta lines as -M.
p2_json() {
	src=$1
	out=$2
	shift 2
	if [ -f "${src%.md}.meta" ]; then
		while IFS= read -r line; do
			[ -n "$line" ] && set -- "$@" -M "$line"
		done < "${src%.md}.meta"
	fi
	"$PANDOC" -f markdown -t json "$@" "$src" > "$out"
}

# p3_job FILE OUT [READER]: a line of the pandoc 3 batch, FILE's .meta
# lines as -M.
P3JOBS=$TMP/p3.jobs
: > "$P3JOBS"
p3_job() {
	printf '["-f","%s","-t","json"' "${3:-markdown}" >> "$P3JOBS"
	if [ -f "${1%.md}.meta" ]; then
		while IFS= read -r line; do
			[ -n "$line" ] &&
				printf ',"-M",%s' "$(json_str "$line")" >> "$P3JOBS"
		done < "${1%.md}.meta"
	fi
	printf ',"-o",%s,%s]\n' "$(json_str "$2")" "$(json_str "$1")" \
		>> "$P3JOBS"
}

# identity IN OUT: what `dm --filters ''` makes of IN.
identity() {
	"$DM" --filters '' html < "$1" > "$2"
}

# ---- inputs: everything pandoc 3 reads, in one batch ----------------------

SAMPLES=$(ls "$ROOT"/samples/*.md 2> /dev/null)
CASES=$(ls "$HERE"/cases/*.md 2> /dev/null)
if [ "$have_p3" = yes ]; then
	for c in $CASES; do
		n=$(basename "$c" .md)
		p3_job "$c" "$TMP/case.$n.p3.json"
	done
	for s in $SAMPLES; do
		n=$(basename "$s" .md)
		p3_job "$s" "$TMP/sample.$n.p3.json"
	done
	p3_job "$HERE/formats/pos.md" "$TMP/pos.json" commonmark_x+sourcepos
	# +sourcepos splits text into a Span per word: still no finding
	for n in seed seed-divs; do
		p3_job "$ROOT/samples/$n.md" "$TMP/sample.$n.sp.json" \
			commonmark_x+sourcepos
	done
	printf '["-f","commonmark_x+sourcepos","-t","json","-M",%s,"-M",%s,"-o",%s,%s]\n' \
		'"dm-check.format=github"' '"dm-check.file=pos.md"' \
		"$(json_str "$TMP/pos.github.json")" \
		"$(json_str "$HERE/formats/pos.md")" >> "$P3JOBS"
	if ! "$NODE" "$ROOT/tests/pandoc3.mjs" --batch "$P3JOBS" \
	     2> "$TMP/p3.err"; then
		fail "pandoc 3 cannot read the inputs" "$(head -5 "$TMP/p3.err")"
	fi
fi
if [ "$have_p2" = yes ]; then
	for s in $SAMPLES; do
		n=$(basename "$s" .md)
		"$PANDOC" -f markdown -t json "$s" > "$TMP/sample.$n.p2.json" ||
			fail "pandoc 2.17 cannot read $s"
	done
fi

# ---- rules: each rule, triggered and not ---------------------------------

# errors_in EXPECT: the error count of a text report (0 when none).
errors_in() {
	tail -n 1 "$1" | sed -n 's/^dm-check: \([0-9]*\) errors\{0,1\}, .*/\1/p' |
		grep . || echo 0
}

# rule_case NAME IN (a pandoc JSON of cases/NAME.md) LABEL
rule_case() {
	n=$1
	in=$2
	label="rules $n ($3)"
	exp=$HERE/cases/$n.expect
	if [ ! -f "$exp" ]; then
		fail "$label" "cases/$n.expect is missing"
		return
	fi
	"$CHECK" html < "$in" > "$TMP/out.json" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "$label" "exit status $rc, expected 0"
		show "$TMP/err"
		return
	fi
	if ! cmp -s "$exp" "$TMP/err"; then
		fail "$label: the report differs from cases/$n.expect"
		diff "$exp" "$TMP/err" | head -20 | sed 's/^/    /'
		return
	fi
	identity "$in" "$TMP/id.json"
	if ! cmp -s "$TMP/id.json" "$TMP/out.json"; then
		fail "$label" "the document changed (not the identity's bytes)"
		return
	fi
	pass
}

if want rules; then
	ncases=0
	for c in $CASES; do
		n=$(basename "$c" .md)
		ncases=$((ncases + 1))
		if [ "$have_p2" = yes ]; then
			if p2_json "$c" "$TMP/case.$n.p2.json" 2> "$TMP/err"; then
				rule_case "$n" "$TMP/case.$n.p2.json" "pandoc 2.17"
			else
				fail "rules $n: pandoc 2.17 cannot read it" \
				     "$(cat "$TMP/err")"
			fi
			# Strict: exit 1 exactly when there is an error.
			exp=$HERE/cases/$n.expect
			[ -f "$exp" ] || continue
			want_errors=$(errors_in "$exp")
			p2_json "$c" "$TMP/strict.json" -M dm-check.strict
			"$CHECK" html < "$TMP/strict.json" > "$TMP/out.json" \
				2> "$TMP/err"
			rc=$?
			if [ "$want_errors" -gt 0 ]; then
				s=s
				[ "$want_errors" -eq 1 ] && s=
				last="dm-check: $want_errors error$s in strict mode: nothing written"
				if [ "$rc" -ne 1 ] || [ -s "$TMP/out.json" ] ||
				   [ "$(tail -n 1 "$TMP/err")" != "$last" ] ||
				   ! head -n "$(wc -l < "$exp")" "$TMP/err" |
				     cmp -s - "$exp"; then
					fail "rules $n (strict)" \
					     "expected exit 1, nothing on stdout," \
					     "the report, then: $last" \
					     "got exit $rc, $(wc -c < "$TMP/out.json") bytes:"
					show "$TMP/err"
				else
					pass
				fi
			elif [ "$rc" -ne 0 ] || ! cmp -s "$exp" "$TMP/err"; then
				fail "rules $n (strict)" \
				     "no errors: expected exit 0 and the report;" \
				     "got exit $rc:"
				show "$TMP/err"
			else
				pass
			fi
		fi
		if [ "$have_p3" = yes ]; then
			if [ -f "$TMP/case.$n.p3.json" ]; then
				rule_case "$n" "$TMP/case.$n.p3.json" "pandoc 3"
			else
				fail "rules $n: pandoc 3 cannot read it"
			fi
		fi
	done
	# A floor, so that a lost folder cannot pass as nothing to test.
	if [ "$ncases" -lt 25 ]; then
		fail "rules" "expected 25 or more cases, found $ncases"
	fi
	for r in DM101 DM102 DM103 DM104 DM105 DM201 DM202 DM203 DM301 \
	         DM302; do
		if grep -q " $r: " "$HERE"/cases/*.expect; then
			pass
		else
			fail "rules: no case triggers $r"
		fi
	done
	echo "rules: done ($ncases cases)"
fi

# ---- options: bad options -------------------------------------------------

if want options && [ "$have_p2" = yes ]; then
	for c in "$HERE"/options/*.md; do
		n=$(basename "$c" .md)
		exp=$HERE/options/$n.expect
		label="options $n"
		if ! p2_json "$c" "$TMP/opt.json" 2> "$TMP/err"; then
			fail "$label: pandoc cannot read it" "$(cat "$TMP/err")"
			continue
		fi
		"$CHECK" html < "$TMP/opt.json" > "$TMP/out.json" 2> "$TMP/err"
		rc=$?
		want_rc=$(head -n 1 "$exp")
		problem=
		[ "$rc" -eq "$want_rc" ] ||
			problem="exit status $rc, expected $want_rc"
		[ -s "$TMP/out.json" ] &&
			problem="$problem; $(wc -c < "$TMP/out.json") bytes on stdout"
		[ "$(wc -l < "$TMP/err")" -eq 1 ] ||
			problem="$problem; not one line on stderr"
		grep -q '^dm-check: ' "$TMP/err" ||
			problem="$problem; the message does not start with dm-check:"
		tail -n +2 "$exp" > "$TMP/frags"
		while IFS= read -r frag; do
			[ -n "$frag" ] || continue
			grep -qF -- "$frag" "$TMP/err" ||
				problem="$problem; no \"$frag\" in the message"
		done < "$TMP/frags"
		if [ -n "$problem" ]; then
			fail "$label" "$problem"
			show "$TMP/err"
		else
			pass
		fi
	done
	echo "options: done"
fi

# ---- samples: the articles pass ------------------------------------------

if want samples; then
	nsamples=0
	for s in $SAMPLES; do
		n=$(basename "$s" .md)
		nsamples=$((nsamples + 1))
		for p in p2 p3 sp; do
			in=$TMP/sample.$n.$p.json
			[ "$p" = p2 ] && [ "$have_p2" = no ] && continue
			[ "$p" = p3 ] && [ "$have_p3" = no ] && continue
			case $p.$n in
			sp.seed | sp.seed-divs) [ "$have_p3" = yes ] || continue ;;
			sp.*) continue ;;
			esac
			if [ ! -s "$in" ]; then
				fail "samples $n ($p): no JSON from pandoc"
				continue
			fi
			"$CHECK" html < "$in" > /dev/null 2> "$TMP/err"
			rc=$?
			if [ "$rc" -ne 0 ] || [ -s "$TMP/err" ]; then
				fail "samples $n ($p)" \
				     "expected no finding and exit 0, got exit $rc:"
				show "$TMP/err"
			else
				pass
			fi
		done
		# Strict, as CI runs it.
		[ "$have_p2" = yes ] || continue
		"$PANDOC" -f markdown "$s" --filter "$CHECK" -M dm-check.strict \
			-t html -o "$TMP/out.html" 2> "$TMP/err"
		rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$TMP/err" ] ||
		   [ ! -s "$TMP/out.html" ]; then
			fail "samples $n (pandoc --filter, strict)" \
			     "expected exit 0, HTML and no message; got exit $rc:"
			show "$TMP/err"
		else
			pass
		fi
	done
	if [ "$nsamples" -lt 5 ] ||
	   ! echo "$SAMPLES" | grep -q '/samples/seed\.md$'; then
		fail "samples" "expected samples/seed.md and 4 more, found:" \
		     "$SAMPLES"
	fi
	echo "samples: done ($nsamples samples)"
fi

# ---- formats: text, github, json, positions ------------------------------

# report NAME IN ARGS...: dm-check's report of IN in $TMP/NAME, checking
# exit 0 and the identity on stdout; 1 when that failed.
report() {
	name=$1
	in=$2
	shift 2
	"$CHECK" "$@" < "$in" > "$TMP/out.json" 2> "$TMP/$name"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "formats $name" "exit status $rc:"
		show "$TMP/$name"
		return 1
	fi
	identity "$in" "$TMP/id.json"
	if ! cmp -s "$TMP/id.json" "$TMP/out.json"; then
		fail "formats $name" "the document changed"
		return 1
	fi
	return 0
}

# same NAME EXPECTED: $TMP/NAME must be the file EXPECTED.
same() {
	if cmp -s "$2" "$TMP/$1"; then
		pass
	else
		fail "formats $1: differs from ${2#"$ROOT"/}"
		diff "$2" "$TMP/$1" | head -20 | sed 's/^/    /'
	fi
}

# gh_commands NAME: every line of $TMP/NAME is a workflow command GitHub
# reads.
gh_commands() {
	if [ -s "$TMP/$1" ] &&
	   ! grep -Eqv '^::(error|warning) (file=[^,:]*,)?(line=[0-9]+,col=[0-9]+,)?title=DM[0-9]{3}::.' \
	     "$TMP/$1"; then
		pass
	else
		fail "formats $1: a line is no workflow command"
		show "$TMP/$1"
	fi
}

if want formats && [ "$have_p2" = yes ]; then
	F=$HERE/formats
	"$PANDOC" -f markdown -t json "$F/doc.md" > "$TMP/doc.json"
	for fm in text github json; do
		"$PANDOC" -f markdown -t json -M dm-check.format=$fm \
			-M dm-check.file=articles/doc.md "$F/doc.md" \
			> "$TMP/doc.$fm.json"
		report "$fm" "$TMP/doc.$fm.json" html && same "$fm" "$F/$fm.expect"
	done
	# text is the default; its last line counts, in the singular too.
	report text-default "$TMP/doc.json" && same text-default "$F/text.expect"
	if [ "$(tail -n 1 "$F/text.expect")" = \
	     "dm-check: 3 errors, 4 warnings" ]; then
		pass
	else
		fail "formats: text.expect does not end with its count"
	fi
	# github without file=: the same lines without it.
	"$PANDOC" -f markdown -t json -M dm-check.format=github "$F/doc.md" \
		> "$TMP/doc.gh.json"
	sed 's/ file=articles\/doc\.md,/ /' "$F/github.expect" > "$TMP/gh.expect"
	if grep -q 'file=' "$TMP/gh.expect"; then
		fail "formats: github.expect has a file= the test cannot remove"
	else
		report github-nofile "$TMP/doc.gh.json" &&
			same github-nofile "$TMP/gh.expect"
	fi
	# A file name with a comma or colon is escaped as GitHub wants.
	"$PANDOC" -f markdown -t json -M dm-check.format=github \
		-M 'dm-check.file=a,b:c%.md' "$F/doc.md" > "$TMP/doc.esc.json"
	if report github-escaped "$TMP/doc.esc.json" &&
	   [ "$(grep -c '^::[a-z]* file=a%2Cb%3Ac%25\.md,title=DM' \
	         "$TMP/github-escaped")" -eq 7 ]; then
		pass
	else
		fail "formats github-escaped: file= not escaped"
		show "$TMP/github-escaped"
	fi
	gh_commands github
	# json: one JSON object per line, each with the keys the man page
	# names, in order.
	if [ -s "$TMP/json" ]; then
		i=0
		bad=
		while IFS= read -r line; do
			i=$((i + 1))
			printf '%s\n' "$line" > "$TMP/line.json"
			"$JSONEQ" "$TMP/line.json" "$TMP/line.json" \
				2> /dev/null || bad="$bad $i(invalid)"
			case $line in
			'{"rule":"DM'*'","name":"'*'","severity":"'*'","message":"'*) ;;
			*) bad="$bad $i(keys)" ;;
			esac
		done < "$TMP/json"
		# as many as text has lines, less its count
		lines=$(($(wc -l < "$F/text.expect") - 1))
		if [ -n "$bad" ] || [ "$i" -ne "$lines" ]; then
			fail "formats json: bad lines:$bad ($i lines)"
		else
			pass
		fi
	fi
	echo "formats: done"
fi

if want formats && [ "$have_p3" = yes ]; then
	F=$HERE/formats
	# pos.md: the image on line 5, the link at line 7, column 12, the
	# div on line 9.
	if report pos-text "$TMP/pos.json"; then
		same pos-text "$F/pos.text.expect"
		if grep -q '^dm-check: warning DM201: .*: line 5, column 1, ' \
		     "$TMP/pos-text" &&
		   grep -q '^dm-check: warning DM302: .*: line 7, column 12, ' \
		     "$TMP/pos-text"; then
			pass
		else
			fail "formats pos-text: no line 5 / line 7 positions"
		fi
	fi
	report pos-github "$TMP/pos.github.json" &&
		same pos-github "$F/pos.github.expect"
	gh_commands pos-github
	if grep -q '^::warning file=pos\.md,line=9,col=1,title=DM105::' \
	     "$TMP/pos-github"; then
		pass
	else
		fail "formats pos-github: no file=pos.md,line=9,col=1 for DM105"
	fi
	echo "formats: positions done"
fi

# ---- strict: exit codes through pandoc --filter --------------------------

if want strict && [ "$have_p2" = yes ]; then
	C=$HERE/cases
	# An error (DM101), lenient: pandoc succeeds, the report on stderr.
	"$PANDOC" -f markdown "$C/triad-missing.md" --filter "$CHECK" \
		-t html -o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ -s "$TMP/out.html" ] &&
	   grep -qxF -f "$C/triad-missing.expect" "$TMP/err" &&
	   [ "$(grep -c '^dm-check: ' "$TMP/err")" -eq 2 ]; then
		pass
	else
		fail "strict: lenient, an error" \
		     "expected pandoc exit 0, HTML, the report; got $rc:"
		show "$TMP/err"
	fi
	# The same, strict: pandoc fails (83: a filter failed).
	"$PANDOC" -f markdown "$C/triad-missing.md" --filter "$CHECK" \
		-M dm-check.strict -t html -o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 83 ] &&
	   grep -qxF 'dm-check: 1 error in strict mode: nothing written' \
	     "$TMP/err" &&
	   grep -qxF -f "$C/triad-missing.expect" "$TMP/err"; then
		pass
	else
		fail "strict: strict, an error" \
		     "expected pandoc exit 83 and the report; got $rc:"
		show "$TMP/err"
	fi
	# Three errors: the count in the plural.
	"$PANDOC" -f markdown "$C/triad-missing-all.md" --filter "$CHECK" \
		-M dm-check.strict=true -t html -o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 83 ] &&
	   grep -qxF 'dm-check: 3 errors in strict mode: nothing written' \
	     "$TMP/err"; then
		pass
	else
		fail "strict: three errors" "expected exit 83, got $rc:"
		show "$TMP/err"
	fi
	# Strict with warnings only: the build goes on.
	"$PANDOC" -f markdown "$C/section-missing.md" --filter "$CHECK" \
		-M dm-check.strict -t html -o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ -s "$TMP/out.html" ] &&
	   cmp -s "$C/section-missing.expect" "$TMP/err"; then
		pass
	else
		fail "strict: strict, warnings only" \
		     "expected exit 0 and the two warning lines; got $rc:"
		show "$TMP/err"
	fi
	# An error made a warning: strict passes.
	"$PANDOC" -f markdown "$C/triad-missing.md" --filter "$CHECK" \
		-M dm-check.strict -M dm-check.rules.DM101=warning -t html \
		-o "$TMP/out.html" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q '^dm-check: warning DM101: ' "$TMP/err"
	then
		pass
	else
		fail "strict: DM101 made a warning" "expected exit 0; got $rc:"
		show "$TMP/err"
	fi
	# strict: false in the front matter, true from -M: -M wins.
	printf -- '---\ndm-check: {strict: false}\n---\n\n' > "$TMP/s.md"
	cat "$C/triad-missing.md" >> "$TMP/s.md"
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
	# Directly: exit 1 and nothing at all on stdout.
	"$PANDOC" -f markdown -t json -M dm-check.strict "$C/triad-missing.md" \
		> "$TMP/strict.json"
	"$CHECK" latex < "$TMP/strict.json" > "$TMP/out.json" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/out.json" ] &&
	   [ "$(tail -n 1 "$TMP/err")" = \
	     'dm-check: 1 error in strict mode: nothing written' ]; then
		pass
	else
		fail "strict: directly" "expected exit 1, nothing on stdout;" \
		     "got exit $rc, $(wc -c < "$TMP/out.json") bytes:"
		show "$TMP/err"
	fi
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

if want identity; then
	ndocs=0
	for d in $DOCS; do
		ndocs=$((ndocs + 1))
		label="identity $(name_of "$d")"
		"$CHECK" html < "$d" > "$TMP/out.json" 2> "$TMP/err"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			fail "$label" "exit status $rc:"
			show "$TMP/err"
			continue
		fi
		identity "$d" "$TMP/id.json"
		if ! "$JSONEQ" "$d" "$TMP/out.json" 2> "$TMP/eq"; then
			fail "$label" "not JSON-equal to the input: $(cat "$TMP/eq")"
		elif ! cmp -s "$TMP/id.json" "$TMP/out.json"; then
			fail "$label" "not the bytes of dm --filters ''"
		else
			pass
		fi
	done
	echo "identity: done ($ndocs documents, $ncorpus from the corpus)"
fi

# ---- chain: dm against the filters in a pipe -----------------------------

FORMATS="html latex docx gfm markdown json"

# chain_doc DOC: for each format, dm = callouts | credits and
# dm --check = check | callouts | credits, byte for byte, and the same
# report from the check (its program name aside).
chain_doc() {
	d=$1
	label=$(name_of "$d")
	for f in $FORMATS; do
		"$DM" "$f" < "$d" > "$TMP/dm.json" 2> "$TMP/dm.err"
		rc=$?
		"$CALLOUTS" "$f" < "$d" > "$TMP/p1.json" 2> "$TMP/p.err" &&
			"$CREDITS" "$f" < "$TMP/p1.json" > "$TMP/pipe.json" \
				2>> "$TMP/p.err"
		prc=$?
		if [ "$rc" -ne 0 ] || [ "$prc" -ne 0 ]; then
			fail "chain $label $f" "dm exit $rc, pipe exit $prc:"
			show "$TMP/dm.err"
			show "$TMP/p.err"
		elif ! cmp -s "$TMP/dm.json" "$TMP/pipe.json"; then
			fail "chain $label $f" \
			     "dm $f differs from dm-callouts $f | dm-credits $f"
		else
			pass
		fi
		"$DM" --check "$f" < "$d" > "$TMP/dm.json" 2> "$TMP/dm.err"
		rc=$?
		"$CHECK" "$f" < "$d" > "$TMP/p0.json" 2> "$TMP/c.err" &&
			"$CALLOUTS" "$f" < "$TMP/p0.json" > "$TMP/p1.json" &&
			"$CREDITS" "$f" < "$TMP/p1.json" > "$TMP/pipe.json"
		prc=$?
		sed 's/^dm: /dm-check: /' "$TMP/dm.err" > "$TMP/dm.err2"
		if [ "$rc" -ne 0 ] || [ "$prc" -ne 0 ]; then
			fail "chain $label --check $f" \
			     "dm exit $rc, pipe exit $prc"
		elif ! cmp -s "$TMP/dm.json" "$TMP/pipe.json"; then
			fail "chain $label --check $f" \
			     "dm --check $f differs from the three in a pipe"
		elif ! cmp -s "$TMP/dm.err2" "$TMP/c.err"; then
			fail "chain $label --check $f" \
			     "dm --check reports otherwise than dm-check:"
			diff "$TMP/c.err" "$TMP/dm.err2" | head -10 |
				sed 's/^/    /'
		else
			pass
		fi
	done
}

# dm_run NAME ARGS... < IN: dm's output in $TMP/NAME.json, its messages in
# $TMP/NAME.err, its status in $rc.
dm_run() {
	name=$1
	shift
	"$DM" "$@" > "$TMP/$name.json" 2> "$TMP/$name.err"
	rc=$?
}

if want chain; then
	ndocs=0
	for d in $DOCS; do
		ndocs=$((ndocs + 1))
		chain_doc "$d"
	done
	echo "chain: pipes done ($ndocs documents)"
fi

if want chain && [ "$have_p2" = yes ]; then
	seed=$TMP/sample.seed.p2.json
	broken=$HERE/cases/readme-broken.md
	"$PANDOC" -f markdown -t json "$broken" > "$TMP/broken.json"
	# The checker runs first even when named last: after callouts the
	# seed's triad list is gone, and a later check would miss it.
	"$CALLOUTS" html < "$seed" | "$CHECK" html > /dev/null 2> "$TMP/err"
	if grep -q ' DM101: ' "$TMP/err"; then
		pass
	else
		fail "chain: dm-callouts | dm-check should report DM101" \
		     "(else the order test below proves nothing)"
	fi
	dm_run order --filters callouts,check html < "$seed"
	"$CHECK" html < "$seed" | "$CALLOUTS" html > "$TMP/want.json"
	if [ "$rc" -eq 0 ] && [ ! -s "$TMP/order.err" ] &&
	   cmp -s "$TMP/want.json" "$TMP/order.json"; then
		pass
	else
		fail "chain: --filters callouts,check runs check first" \
		     "exit $rc, report:"
		show "$TMP/order.err"
	fi
	# --filters check,check,callouts: a filter runs once.
	dm_run twice --filters check,callouts,check html < "$TMP/broken.json"
	if [ "$rc" -eq 0 ] &&
	   [ "$(grep -c ' DM102: ' "$TMP/twice.err")" -eq 1 ]; then
		pass
	else
		fail "chain: check named twice reports once" "exit $rc:"
		show "$TMP/twice.err"
	fi
	# The default chain holds no check ...
	dm_run plain html < "$TMP/broken.json"
	"$CALLOUTS" html < "$TMP/broken.json" | "$CREDITS" html \
		> "$TMP/want.json"
	if [ "$rc" -eq 0 ] && [ ! -s "$TMP/plain.err" ] &&
	   cmp -s "$TMP/want.json" "$TMP/plain.json"; then
		pass
	else
		fail "chain: dm html runs no check by default" "exit $rc:"
		show "$TMP/plain.err"
	fi
	# ... but -M dm-check.strict adds it: exit 1, nothing written.
	"$PANDOC" -f markdown -t json -M dm-check.strict "$broken" \
		> "$TMP/in.json"
	dm_run strict html < "$TMP/in.json"
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/strict.json" ] &&
	   [ "$(tail -n 1 "$TMP/strict.err")" = \
	     'dm: 3 errors in strict mode: nothing written' ] &&
	   grep -q '^dm: error DM102: ' "$TMP/strict.err"; then
		pass
	else
		fail "chain: -M dm-check.strict adds the check" \
		     "expected exit 1, nothing on stdout; got $rc:"
		show "$TMP/strict.err"
	fi
	# Any dm-check option adds it (here the output format).
	"$PANDOC" -f markdown -t json -M dm-check.format=json "$broken" \
		> "$TMP/in.json"
	dm_run fmt html < "$TMP/in.json"
	if [ "$rc" -eq 0 ] && [ "$(grep -c '^{"rule":"DM' "$TMP/fmt.err")" \
	     -eq "$(($(wc -l < "$HERE/cases/readme-broken.expect") - 1))" ]
	then
		pass
	else
		fail "chain: -M dm-check.format=json adds the check" "exit $rc:"
		show "$TMP/fmt.err"
	fi
	# A bad dm-check option fails the chain, as dm-check alone.
	printf -- '---\ndm-check: {strcit: true}\n---\n\nText.\n' |
		"$PANDOC" -f markdown -t json > "$TMP/in.json"
	dm_run typo html < "$TMP/in.json"
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/typo.json" ] &&
	   grep -q '^dm: unknown option "strcit" (did you mean strict?)' \
	     "$TMP/typo.err"; then
		pass
	else
		fail "chain: a dm-check typo fails dm" "exit $rc:"
		show "$TMP/typo.err"
	fi
	# dm-filters: a list ...
	{ printf -- '---\ndm-filters: [check]\n---\n\n'; cat "$broken"; } |
		"$PANDOC" -f markdown -t json > "$TMP/in.json"
	dm_run list html < "$TMP/in.json"
	identity "$TMP/in.json" "$TMP/id.json"
	sed 's/^dm-check: /dm: /' "$HERE/cases/readme-broken.expect" \
		> "$TMP/want.err"
	if [ "$rc" -eq 0 ] && cmp -s "$TMP/id.json" "$TMP/list.json" &&
	   cmp -s "$TMP/want.err" "$TMP/list.err"; then
		pass
	else
		fail "chain: dm-filters: [check] runs the check alone" "exit $rc:"
		show "$TMP/list.err"
	fi
	# ... or a comma string, in any order; --filters overrides it.
	{ printf -- '---\ndm-filters: "callouts, check"\n---\n\n'
	  cat "$broken"; } | "$PANDOC" -f markdown -t json > "$TMP/in.json"
	dm_run comma html < "$TMP/in.json"
	"$CHECK" html < "$TMP/in.json" 2> /dev/null |
		"$CALLOUTS" html > "$TMP/want.json"
	"$CREDITS" html < "$TMP/want.json" > "$TMP/want3.json"
	if [ "$rc" -eq 0 ] && cmp -s "$TMP/want.json" "$TMP/comma.json" &&
	   ! cmp -s "$TMP/want3.json" "$TMP/comma.json" &&
	   cmp -s "$TMP/want.err" "$TMP/comma.err"; then
		pass
	else
		fail "chain: dm-filters: \"callouts, check\"" "exit $rc:"
		show "$TMP/comma.err"
	fi
	dm_run over --filters credits html < "$TMP/in.json"
	"$CREDITS" html < "$TMP/in.json" > "$TMP/want.json"
	if [ "$rc" -eq 0 ] && [ ! -s "$TMP/over.err" ] &&
	   cmp -s "$TMP/want.json" "$TMP/over.json"; then
		pass
	else
		fail "chain: --filters overrides dm-filters" "exit $rc:"
		show "$TMP/over.err"
	fi
	# Unknown names: on the command line a usage error (2), in the
	# metadata a bad document (1) naming where.
	dm_run nosuch --filters nosuch html < "$seed"
	if [ "$rc" -eq 2 ] && [ ! -s "$TMP/nosuch.json" ] &&
	   grep -q "unknown filter 'nosuch'" "$TMP/nosuch.err"; then
		pass
	else
		fail "chain: --filters nosuch" "expected exit 2; got $rc:"
		show "$TMP/nosuch.err"
	fi
	{ printf -- '---\ndm-filters: [callouts, bogus]\n---\n\n'
	  cat "$broken"; } | "$PANDOC" -f markdown -t json > "$TMP/in.json"
	dm_run metabad html < "$TMP/in.json"
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/metabad.json" ] &&
	   grep -qF "unknown filter 'bogus' (see dm --list): meta.dm-filters[1]" \
	     "$TMP/metabad.err"; then
		pass
	else
		fail "chain: dm-filters: [callouts, bogus]" \
		     "expected exit 1 naming meta.dm-filters[1]; got $rc:"
		show "$TMP/metabad.err"
	fi
	"$PANDOC" -f markdown -t json -M dm-filters=nosuch "$broken" \
		> "$TMP/in.json"
	dm_run metabad2 html < "$TMP/in.json"
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/metabad2.json" ] &&
	   grep -q "unknown filter 'nosuch'.*: meta\.dm-filters$" \
	     "$TMP/metabad2.err"; then
		pass
	else
		fail "chain: -M dm-filters=nosuch" \
		     "expected exit 1 naming meta.dm-filters; got $rc:"
		show "$TMP/metabad2.err"
	fi
	echo "chain: done"
fi

# ---- bad: bad input -------------------------------------------------------

# bad_input NAME FRAGMENT < INPUT
bad_input() {
	"$CHECK" html > "$TMP/out.json" 2> "$TMP/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ ! -s "$TMP/out.json" ] &&
	   [ "$(wc -l < "$TMP/err")" -eq 1 ] &&
	   grep -q "^dm-check: .*$2" "$TMP/err"; then
		pass
	else
		fail "bad $1" "expected exit 1, one message with \"$2\"," \
		     "nothing on stdout; got exit $rc:"
		show "$TMP/err"
	fi
}

if want bad; then
	printf 'not json\n' | bad_input not-json 'invalid JSON'
	printf '{"pandoc-api-version":[1,17,0],"meta":{},"blocks":[]}\n' |
		bad_input old-api 'pandoc-api-version 1.17'
	printf '{"pandoc-api-version":[1,23],"meta":{},"blocks":[{"t":"Header","c":[1,["",[],[]]]}]}\n' |
		bad_input short-header 'blocks\[0\]'
	# Strict and bad input: the input error, not a report.
	printf '{"pandoc-api-version":[1,23],"meta":{"dm-check.strict":{"t":"MetaBool","c":true}},"blocks":[' |
		bad_input truncated 'invalid JSON'
	echo "bad: done"
fi

summary
