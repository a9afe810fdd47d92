#!/bin/sh
# tests/md/run.sh - the path without pandoc: dm-from-md and dm-to-html.
#
#   sh tests/md/run.sh [BUILD_DIR]          (default: build)
#
# 1. pandoc 3: dm-from-md writes, for every tests/md/cases/*.md and
#    samples/*.md, the JSON that pandoc 3 writes with `-f
#    gfm+yaml_metadata_block -t json` (tests/pandoc3.mjs, one batch run):
#    equal, object key order included (jsoneq).
# 2. pandoc 2.17: `dm-from-md --api 1.22` against Debian's `pandoc -f gfm
#    -t json`, when that pandoc is 2.17.
# 3. dm-to-html: every case, and tests/md/html/*.json (every node type,
#    made once by pandoc from nodes.md), as a fragment and as a page (-s):
#    well-formed (xmllint as XML, and xmllint --html), and the page holds
#    each line of NAME.expect (a line starting with `!` must be absent).
# 4. the seed article: dm-from-md | dm html | dm-to-html -s is a page with
#    the three callouts, the credit footer and their stylesheets in <head>.
# 5. --lines: each tests/md/lines/NAME.txt (or samples/NAME.txt) reads as
#    NAME.md, the Markdown its writer meant, reads; the seed as given
#    (samples/seed.txt) renders with its boxes, headings, Direct Message
#    section and credit footer; dm-check finds nothing wrong with it, and
#    flags it (DM106) when it is read as plain Markdown; a valid article
#    read by dm-from-md (API 1.23 and 1.22) has no finding either.
# 7. YAML keys holding a NUL (tests/md/nul/): dm-from-md writes the bytes
#    pandoc 3 writes (yaml-keys.json, made by it; jansson cannot load such
#    a key, so jsoneq cannot compare them).
# 6. bad input and bad command lines: a message, exit 1 (2 for usage),
#    nothing on standard output; a failed write is an error.
# 8. -M KEY[=VALUE]: the metadata pandoc -M sets (pandoc 2.17 too), read
#    by dm-check and by dm-to-html's chain.
#
# Environment: DM_PANDOC=no skips 1 and 2; PANDOC (default pandoc) and
# NODE (default node) as in tests/run.sh; KEEP=1 keeps the scratch folder.
# The last line is "N passed, N failed"; the exit status is 1 on failure.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" 2>/dev/null && pwd) || {
	echo "usage: sh tests/md/run.sh [BUILD_DIR]" >&2
	exit 2
}
FROM=$BUILD/dm-from-md
TOHTML=$BUILD/dm-to-html
DM=$BUILD/dm
JSONEQ=$BUILD/jsoneq
for prog in "$FROM" "$TOHTML" "$DM" "$JSONEQ"; do
	if [ ! -x "$prog" ]; then
		echo "md/run.sh: $prog is missing (make all $BUILD/jsoneq)" >&2
		exit 2
	fi
done
DM_TEST=dmmd
. "$ROOT/tests/lib.sh"

CASES=$(ls "$ROOT"/tests/md/cases/*.md "$ROOT"/samples/*.md 2>/dev/null)

# 1. pandoc 3 ---------------------------------------------------------------

name() { # a unique scratch name for a case: cases/x.md -> cases-x
	echo "$1" | sed "s|^$ROOT/||; s|/|-|g; s|\.md\$||"
}

if [ "${DM_PANDOC:-}" = no ]; then
	skip "pandoc 3 comparison (DM_PANDOC=no)"
elif ! "$NODE" -e 'require.resolve("pandoc-wasm")' >/dev/null 2>&1 &&
	[ ! -d "$ROOT/node_modules/pandoc-wasm" ]; then
	skip "pandoc 3 comparison (no node or pandoc-wasm; make deps)"
else
	: >"$TMP/jobs"
	for f in $CASES; do
		n=$(name "$f")
		printf '["-f","gfm+yaml_metadata_block","-t","json","%s","-o","%s"]\n' \
			"$f" "$TMP/$n.p3.json" >>"$TMP/jobs"
	done
	(cd "$ROOT" && "$NODE" tests/pandoc3.mjs --batch "$TMP/jobs") \
		2>"$TMP/batch.err" || cat "$TMP/batch.err"
	for f in $CASES; do
		n=$(name "$f")
		if [ ! -s "$TMP/$n.p3.json" ]; then
			fail "pandoc 3 made nothing for $n"
		elif ! "$FROM" "$f" >"$TMP/$n.json" 2>"$TMP/err"; then
			fail "dm-from-md $n: exit $? $(cat "$TMP/err")"
		elif "$JSONEQ" "$TMP/$n.json" "$TMP/$n.p3.json" 2>"$TMP/err"
		then
			pass
		else
			fail "dm-from-md $n differs from pandoc 3: $(cat "$TMP/err")"
		fi
	done
fi

# 2. pandoc 2.17 ------------------------------------------------------------

if [ "${DM_PANDOC:-}" = no ]; then
	skip "pandoc 2.17 comparison (DM_PANDOC=no)"
elif ! "$PANDOC" --version 2>/dev/null | head -n 1 | grep -q ' 2\.17'; then
	skip "pandoc 2.17 comparison ($PANDOC is not pandoc 2.17)"
else
	for f in $CASES; do
		n=$(name "$f")
		if ! "$PANDOC" -f gfm -t json "$f" >"$TMP/$n.p2.json"; then
			fail "pandoc 2.17 failed on $n"
		elif ! "$FROM" --api 1.22 "$f" >"$TMP/$n.22.json" 2>"$TMP/err"
		then
			fail "dm-from-md --api 1.22 $n: $(cat "$TMP/err")"
		elif "$JSONEQ" "$TMP/$n.22.json" "$TMP/$n.p2.json" 2>"$TMP/err"
		then
			pass
		else
			fail "dm-from-md --api 1.22 $n differs from pandoc 2.17:" \
				"$(cat "$TMP/err")"
		fi
	done
fi

# 3. dm-to-html -------------------------------------------------------------

# well_formed FILE WHAT: XML well-formedness, then the HTML parser with its
# complaints about HTML5 elements (which it does not know) left out.
well_formed() {
	if ! xmllint --noout "$1" 2>"$TMP/xml.err"; then
		fail "$2: not well-formed: $(head -n 3 "$TMP/xml.err")"
		return 1
	fi
	xmllint --html --noout "$1" 2>&1 | grep 'error' |
		grep -v 'Tag [a-z]* invalid' >"$TMP/html.err"
	if [ -s "$TMP/html.err" ]; then
		fail "$2: xmllint --html: $(head -n 3 "$TMP/html.err")"
		return 1
	fi
	pass
}

# expect PAGE EXPECT_FILE WHAT
expect() {
	[ -f "$2" ] || return 0
	ok=1
	while IFS= read -r line; do
		case $line in
		'!'*)
			if grep -qF -- "${line#!}" "$1"; then
				fail "$3: has ${line#!}"
				ok=0
			fi ;;
		*)
			if ! grep -qF -- "$line" "$1"; then
				fail "$3: lacks $line"
				ok=0
			fi ;;
		esac
	done <"$2"
	[ $ok = 1 ] && pass
}

# html JSON_FILE EXPECT_FILE WHAT
html() {
	if ! "$TOHTML" <"$1" >"$TMP/frag.html" 2>"$TMP/err"; then
		fail "dm-to-html $3: $(cat "$TMP/err")"
		return
	fi
	{ echo '<div>'; cat "$TMP/frag.html"; echo '</div>'; } >"$TMP/frag.xml"
	well_formed "$TMP/frag.xml" "dm-to-html $3"
	if ! "$TOHTML" -s <"$1" >"$TMP/page.html" 2>"$TMP/err"; then
		fail "dm-to-html -s $3: $(cat "$TMP/err")"
		return
	fi
	well_formed "$TMP/page.html" "dm-to-html -s $3" &&
		expect "$TMP/page.html" "$2" "dm-to-html -s $3"
}

if ! command -v xmllint >/dev/null 2>&1; then
	fail "xmllint is missing (libxml2-utils; make deps)"
else
	for f in $CASES; do
		n=$(name "$f")
		if "$FROM" "$f" >"$TMP/$n.html.json" 2>"$TMP/err"; then
			html "$TMP/$n.html.json" "${f%.md}.expect" "$n"
		else
			fail "dm-from-md $n: $(cat "$TMP/err")"
		fi
	done
	for f in "$ROOT"/tests/md/html/*.json; do
		html "$f" "${f%.json}.expect" "$(basename "$f")"
	done
fi

# 4. the seed article -------------------------------------------------------

SEED=$ROOT/samples/seed.md
if [ ! -f "$SEED" ]; then
	fail "samples/seed.md is missing"
elif ! "$DM" --list 2>/dev/null | grep -q '^callouts' ||
	! "$DM" --list 2>/dev/null | grep -q '^credits'; then
	"$FROM" "$SEED" | "$DM" --filters '' html | "$TOHTML" -s \
		>"$TMP/seed.html" && well_formed "$TMP/seed.html" "seed page"
	skip "seed callouts and credits (dm has no callouts, credits yet)"
else
	if "$FROM" "$SEED" | "$DM" html | "$TOHTML" -s >"$TMP/seed.html" &&
		well_formed "$TMP/seed.html" "seed page"; then
		sed -n '1,/<\/head>/p' "$TMP/seed.html" >"$TMP/seed.head"
		sed -n '/<body>/,$p' "$TMP/seed.html" >"$TMP/seed.body"
		ok=1
		for c in callout-tension callout-noise callout-direct-message \
			dm-credits Lan\ Lin Unsplash; do
			grep -q "$c" "$TMP/seed.body" || {
				fail "seed page: no $c in the body"
				ok=0
			}
		done
		for c in '\.callout' '\.dm-credits' '<title>Hangzhou'; do
			grep -q "$c" "$TMP/seed.head" || {
				fail "seed page: no $c in <head>"
				ok=0
			}
		done
		[ $ok = 1 ] && pass
	else
		fail "seed pipeline failed"
	fi
fi

# 5. --lines ---------------------------------------------------------------

for want in "$ROOT"/tests/md/lines/*.md; do
	n=$(basename "$want" .md)
	txt=$ROOT/tests/md/lines/$n.txt
	[ -f "$txt" ] || txt=$ROOT/samples/$n.txt
	if ! "$FROM" --lines "$txt" >"$TMP/lines.json" 2>"$TMP/err"; then
		fail "dm-from-md --lines $n: $(cat "$TMP/err")"
	elif "$FROM" "$want" >"$TMP/want.json" &&
		"$JSONEQ" "$TMP/lines.json" "$TMP/want.json" 2>"$TMP/err"; then
		pass
	else
		fail "dm-from-md --lines $n.txt does not read as $n.md: $(cat "$TMP/err")"
	fi
done

SEEDTXT=$ROOT/samples/seed.txt
if "$FROM" --lines "$SEEDTXT" | "$DM" html | "$TOHTML" -s >"$TMP/st.html" &&
	well_formed "$TMP/st.html" "seed.txt page"; then
	ok=1
	for c in 'class="callout callout-tension"' 'class="callout callout-noise"' \
		'<div class="callout callout-direct-message"' \
		'<h2 id="the-direct-message" class="callout-heading">The Direct Message</h2>' \
		'<div class="callout callout-direct-message" role="note" aria-label="The Direct Message">' \
		'<h2 id="what-makes-hangzhou-a-tech-innovation-hub">' \
		'<h2 id="the-deeper-tension-innovation-beyond-the-spotlight">' \
		'<h2 id="what-gets-in-the-way-familiarity-bias-and-the-bat-trap">' \
		'<h2 id="integrating-this-insight-what-it-means-for-tech-leaders-investors-and-policymakers">' \
		'<p>To learn more about our editorial approach, explore The Direct Message methodology.</p>' \
		'class="dm-credits"' 'Lan Lin' 'Unsplash'; do
		grep -qF "$c" "$TMP/st.html" || {
			fail "seed.txt page: no $c"
			ok=0
		}
	done
	if grep -qF 'Image Credits:' "$TMP/st.html"; then
		fail "seed.txt page: the credit line is still a paragraph"
		ok=0
	fi
	[ $ok = 1 ] && pass
else
	fail "seed.txt pipeline failed"
fi
# check_quiet WHAT COMMAND...: the JSON the command writes has no finding.
check_quiet() {
	what=$1
	shift
	if "$@" | "$DM" --check html >/dev/null 2>"$TMP/err" &&
		[ ! -s "$TMP/err" ]; then
		pass
	else
		fail "dm-check $what: $(head -n 3 "$TMP/err")"
	fi
}
check_quiet "seed.txt --lines" "$FROM" --lines "$SEEDTXT"
VALID=$ROOT/tests/check/formats/sourcepos-valid/input.md
check_quiet "valid article, dm-from-md" "$FROM" "$VALID"
check_quiet "valid article, dm-from-md --api 1.22" "$FROM" --api 1.22 "$VALID"
"$FROM" "$SEEDTXT" | "$DM" --check html >/dev/null 2>"$TMP/err"
if grep -q 'error DM106: the direct-message statement runs on for 33 lines: is a blank line missing after the list?' "$TMP/err"
then pass; else fail "seed.txt as Markdown: no DM106: $(cat "$TMP/err")"; fi

# 6. errors -----------------------------------------------------------------

# refused WHAT STATUS MESSAGE_PART COMMAND...  (standard input from $IN)
refused() {
	what=$1 status=$2 msg=$3
	shift 3
	"$@" <"$IN" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc != "$status" ]; then
		fail "$what: exit $rc, expected $status ($(cat "$TMP/err"))"
	elif [ -s "$TMP/out" ]; then
		fail "$what: wrote to standard output"
	elif ! grep -q -- "$msg" "$TMP/err"; then
		fail "$what: message lacks '$msg': $(cat "$TMP/err")"
	else
		pass
	fi
}

IN=$TMP/in
printf 'caf\351\n' >"$IN"
refused "invalid UTF-8" 1 "not valid UTF-8.*: line 1, column 4" "$FROM"
printf -- '---\ntitle: [unclosed\n---\nbody\n' >"$IN"
refused "bad YAML" 1 "invalid YAML front matter.*line 3" "$FROM"
printf -- '---\nkey: value\n  bad: indent\n---\n' >"$IN"
refused "bad YAML in a file" 1 "$IN, line" "$FROM" "$IN"
{
	printf -- '---\na: &a [x, x, x, x, x, x, x, x, x, x]\n'
	for l in b c d e f g; do
		printf '%s: &%s [' "$l" "$l"
		p=$(printf 'abcdefg' | sed "s/$l.*//; s/.*\(.\)\$/\1/")
		printf '*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' \
			"$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p" "$p"
	done
	printf -- '---\n'
} >"$IN"
refused "YAML alias bomb" 1 "too many values" "$FROM"
awk 'BEGIN { for (i = 0; i < 600; i++) printf ">"; print " deep" }' >"$IN"
refused "deep nesting" 1 "nested too deeply" "$FROM"
: >"$IN"
refused "missing file" 1 "cannot open" "$FROM" "$TMP/no-such-file.md"
refused "a folder" 1 "cannot read input: .*: $TMP\$" "$FROM" "$TMP"
refused "two files" 2 "one input file" "$FROM" a.md b.md
refused "bad --api" 2 "unsupported API version 1.21" "$FROM" --api 1.21
refused "unknown option" 2 "unknown option" "$FROM" --bogus
refused "dm-to-html empty input" 1 "empty input" "$TOHTML"
printf '{"blocks":[' >"$IN"
refused "dm-to-html bad JSON" 1 "invalid JSON" "$TOHTML" -s
printf '{"pandoc-api-version":[1,23],"meta":{},"blocks":[{"t":"Para","c":"x"}]}' >"$IN"
refused "dm-to-html bad node" 1 "blocks\[0\]" "$TOHTML"
refused "dm-to-html unknown argument" 2 "unknown argument" "$TOHTML" -x

# an empty document is fine, and a write to a full disk is an error
: >"$IN"
if "$FROM" <"$IN" >"$TMP/out" && "$JSONEQ" "$TMP/out" /dev/stdin <<'JSON'
{"pandoc-api-version":[1,23,1,2],"meta":{},"blocks":[]}
JSON
then pass; else fail "empty Markdown is not an empty document"; fi
if [ -w /dev/full ]; then
	printf '# x\n' >"$IN"
	refused "dm-from-md to a full disk" 1 "cannot write output" \
		sh -c '"$1" >/dev/full' sh "$FROM"
	"$FROM" <"$IN" >"$TMP/doc.json"
	IN=$TMP/doc.json
	refused "dm-to-html to a full disk" 1 "cannot write output" \
		sh -c '"$1" -s >/dev/full' sh "$TOHTML"
fi

# 8. -M KEY[=VALUE] -----------------------------------------------------------
# Metadata from the command line, as pandoc -M sets it: a string, true
# and false booleans, a bare KEY true, over the front matter, a KEY
# given again a list, in pandoc's key order; what the filters read
# (dm-check.strict fails a pipe without pandoc; a filter option reaches
# the chain in dm-to-html's one process and from JSON).

printf -- '---\ntitle: A\ntags: [x]\n---\n\n- Tension: a.\n- Noize: b.\n' >"$TMP/m.md"
set -- -M dm-check.strict -M tags=y -M tags=z -Mtitle=B --metadata=x=false \
	-M e= --metadata zz=1 -M 'a.b=é'
if ! "$FROM" "$@" "$TMP/m.md" >"$TMP/m.json" 2>"$TMP/err"; then
	fail "dm-from-md -M: $(cat "$TMP/err")"
elif "$JSONEQ" "$TMP/m.json" /dev/stdin <<'JSON'
{"pandoc-api-version":[1,23,1,2],"meta":{"a.b":{"t":"MetaString","c":"é"},
"dm-check.strict":{"t":"MetaBool","c":true},"e":{"t":"MetaString","c":""},
"tags":{"t":"MetaList","c":[{"t":"MetaString","c":"y"},{"t":"MetaString","c":"z"}]},
"title":{"t":"MetaString","c":"B"},"x":{"t":"MetaBool","c":false},
"zz":{"t":"MetaString","c":"1"}},"blocks":[{"t":"BulletList","c":[
[{"t":"Plain","c":[{"t":"Str","c":"Tension:"},{"t":"Space"},{"t":"Str","c":"a."}]}],
[{"t":"Plain","c":[{"t":"Str","c":"Noize:"},{"t":"Space"},{"t":"Str","c":"b."}]}]]}]}
JSON
then pass; else fail "dm-from-md -M: not the metadata pandoc -M makes"; fi
if [ "${DM_PANDOC:-}" != no ] &&
	"$PANDOC" --version 2>/dev/null | head -n 1 | grep -q ' 2\.17'; then
	"$PANDOC" -f gfm+yaml_metadata_block -t json "$@" "$TMP/m.md" >"$TMP/m.p2.json"
	if "$FROM" --api 1.22 "$@" "$TMP/m.md" | "$JSONEQ" /dev/stdin "$TMP/m.p2.json" 2>"$TMP/err"
	then pass; else fail "dm-from-md -M differs from pandoc 2.17 -M: $(cat "$TMP/err")"; fi
fi
"$FROM" -M dm-check.strict "$TMP/m.md" | "$BUILD/dm-check" html >"$TMP/out" 2>"$TMP/err"
if [ $? = 1 ] && [ ! -s "$TMP/out" ] && grep -q 'DM101' "$TMP/err"
then pass; else fail "dm-from-md -M dm-check.strict | dm-check: not a failed build"; fi
printf -- '- Tension: a.\n- Noise: b.\n- Direct Message: c.\n' >"$TMP/c.md"
"$TOHTML" -s -M dm-callouts.collapse=true -M title=Folded "$TMP/c.md" >"$TMP/c.html"
"$FROM" -M dm-callouts.collapse=true "$TMP/c.md" | "$DM" html |
	"$TOHTML" -s -M title=Folded >"$TMP/c2.html"
if grep -q '<details' "$TMP/c.html" && grep -q '<title>Folded</title>' "$TMP/c.html" &&
	cmp -s "$TMP/c.html" "$TMP/c2.html"
then pass; else fail "dm-to-html -M: the option does not reach the chain and the page"; fi
IN=$TMP/c.md
refused "dm-from-md -M without KEY" 2 "needs KEY" "$FROM" -M
refused "dm-from-md -M =x" 2 "expected KEY or KEY=VALUE" "$FROM" -M =x
refused "dm-to-html -M without KEY" 2 "needs KEY" "$TOHTML" "$TMP/c.md" -M

# 7. NUL in YAML keys --------------------------------------------------------

for f in "$ROOT"/tests/md/nul/*.md; do
	if "$FROM" "$f" >"$TMP/nul.json" 2>"$TMP/err" &&
		cmp -s "$TMP/nul.json" "${f%.md}.json"; then
		pass
	else
		fail "dm-from-md nul/$(basename "$f"): not the bytes of ${f%.md}.json: $(cat "$TMP/err")"
	fi
done

summary
