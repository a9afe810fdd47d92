#!/bin/sh
# tests/callouts/run.sh - what dm-callouts must do beyond the golden files
# (tests/golden/callouts/ holds those: each source form, each format).
#
#   sh tests/callouts/run.sh BUILD_DIR
#
# BUILD_DIR holds dm and jsoneq (`make test-callouts` builds both).
#
#   alone      tests/callouts/alone/CASE/: sources that are not callouts
#              stay as they were
#   sheet      tests/callouts/sheet/CASE/: the stylesheet and the LaTeX
#              definitions: once, and only when something was rendered;
#              options reach them
#   badmeta    tests/callouts/badmeta/CASE/: bad options: exit 1, nothing
#              on stdout, the message naming the metadata path
#   contrast   the HTML stylesheet's title and text colours, light and
#              dark, the Typst and LaTeX titles: WCAG AA (4.5) or better
#              (tests/callouts/contrast/: the article and the computations)
#   samples    idempotence over samples/ in every family, the markdown
#              round trip losing nothing, and gfm, org and rst text read
#              back drawing the same boxes
#   corpus     over pandoc's corpus only callout sources change
#   latex      the output compiles with pdflatex, xelatex, lualatex, and
#              beamer with pdflatex
#
# A case is a folder (tests/lib.sh says what the shared files mean):
#   input.md, from, meta  the article, read by pandoc 2.17; or input.json,
#                 the document as it is
#   unchanged     the formats (on one line) for which `dm --filters
#                 callouts FORMAT` gives the input back: JSON-equal to it
#                 and the bytes `dm --filters ''` writes
#   count.FORMAT  lines "N REGEX" or "all REGEX" about the output for
#                 FORMAT, and about a second run over that output
#   status, error `dm-callouts html` refuses the document: this exit
#                 status, nothing on stdout, this standard error
#
# Environment: DM_CORPUS (default: tests/corpus, pandoc test documents in the
# repository), PANDOC (default pandoc, 2.17), NODE (default node, for
# pandoc 3 and the corpus check), DM_PANDOC=no to skip what needs pandoc,
# DM_LATEX=no to skip the LaTeX runs, KEEP=1 to keep the scratch folder.
# The last line is "N passed, N failed"; the exit status is 1 on a failure.

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/callouts/run.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
HERE=$ROOT/tests/callouts
DM=$BUILD/dm
JSONEQ=$BUILD/jsoneq
for prog in "$DM" "$JSONEQ"; do
	if [ ! -x "$prog" ]; then
		echo "callouts/run.sh: $prog is missing" \
		     "(make test-callouts builds it)" >&2
		exit 2
	fi
done
DM_TEST=callouts
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"
pandocs

# ---- the cases ------------------------------------------------------------

# unchanged_in NAME JSON FORMATS...: for each format, the filter gives JSON
# back: JSON-equal (key order kept) and the very bytes the identity writes.
unchanged_in() {
	name=$1
	in=$2
	shift 2
	"$DM" --filters '' html < "$in" > "$TMP/id.json"
	for f in "$@"; do
		if ! "$DM" --filters callouts "$f" < "$in" > "$TMP/o.json" \
		     2> "$TMP/err"; then
			fail "$name $f" "expected: exit 0; stderr:"
			show "$TMP/err"
		elif ! "$JSONEQ" "$in" "$TMP/o.json" 2> "$TMP/eq" ||
		     ! cmp -s "$TMP/id.json" "$TMP/o.json"; then
			fail "$name $f" "expected: the input unchanged" \
			     "got: $(cat "$TMP/eq")"
		else
			pass
		fi
	done
}

# counts_in NAME JSON COUNTS: the counts of the file COUNTS (count.FORMAT)
# hold in the filter's output for FORMAT, and after a second run.
counts_in() {
	f=${3##*/count.}
	if ! "$DM" --filters callouts "$f" < "$2" > "$TMP/run1.json" \
	     2> "$TMP/err" ||
	   ! "$DM" --filters callouts "$f" < "$TMP/run1.json" \
	     > "$TMP/run2.json" 2> "$TMP/err"; then
		fail "$1 $f" "expected: exit 0; stderr:"
		show "$TMP/err"
		return
	fi
	expect_counts "$1 $f" "$3" "$TMP/run1.json" "$TMP/run2.json"
}

# callouts_case DIR: every check of case DIR.
callouts_case() {
	name=${1#"$HERE"/}
	json=$TMP/case.json
	if [ -z "$(case_file "$1" input.json)" ] && [ "$have_p2" = no ]; then
		skip "$name: needs pandoc 2.17"
		return
	fi
	if ! case_json "$1" "$json" 2> "$TMP/err"; then
		fail "$name" "pandoc cannot read it: $(cat "$TMP/err")"
		return
	fi
	if [ -f "$1/status" ]; then
		run_prog "$json" dm-callouts html
		expect_run "$name" "$(case_status "$1")" "$1/error" && pass
	fi
	# shellcheck disable=SC2046 # the formats, a word each
	[ -f "$1/unchanged" ] && unchanged_in "$name" "$json" $(cat "$1/unchanged")
	for counts in "$1"/count.*; do
		[ -f "$counts" ] && counts_in "$name" "$json" "$counts"
	done
}

for suite in alone sheet badmeta; do
	ncases=0
	for dir in $(cases "$HERE/$suite"); do
		ncases=$((ncases + 1))
		callouts_case "$dir"
	done
	echo "$suite: done ($ncases cases)"
done

# ---- contrast: WCAG AA ---------------------------------------------------

C=$HERE/contrast

# contrast NAME MIN < PAIRS: fails each pair under 4.5:1 (wcag.awk), and
# fewer than MIN pairs.  (Stdin not a pipe: the counts stay in this shell.)
contrast() {
	awk -v name="$1" -f "$C/wcag.awk" > "$TMP/contrast.out"
	n=$(sed -n 's/^pairs //p' "$TMP/contrast.out")
	if grep -q '^FAIL' "$TMP/contrast.out"; then
		FAILED=$((FAILED + 1))
		grep '^FAIL' "$TMP/contrast.out"
	elif [ "${n:-0}" -lt "$2" ]; then
		fail "$1" "expected: at least $2 colour pairs" "got: ${n:-0}"
	else
		pass
	fi
}

# Every built-in type, and custom ones at the extremes: pale, dark, and
# one near the dark background (colours.md).
contrast_html() {
	"$PANDOC" -f markdown -t json "$C/colours.md" > "$TMP/colours.json"
	"$DM" --filters callouts html < "$TMP/colours.json" |
		sed 's/\\n/\
/g' | awk -f "$C/css-pairs.awk" > "$TMP/pairs"
	# .callout (the base) + 8 built-in + 5 custom, light and dark, and
	# the code panel in both
	contrast "contrast html" 58 < "$TMP/pairs"
}

# Typst: the title on the box's fill, every appearance.
contrast_typst() {
	for look in default simple minimal; do
		cat "$C/colours.md" "$C/typst.md" |
			sed "s/^dm-callouts:/dm-callouts:\\
  appearance: $look/" |
			"$PANDOC" -f markdown -t json |
			"$DM" --filters callouts typst |
			grep -o 'fill: rgb(\\"#[0-9a-f]*' | sed 's/.*#/#/' |
			paste - - | awk '{ print $2, $1, "typst" NR }' \
			> "$TMP/pairs"
		contrast "contrast typst $look" 13 < "$TMP/pairs"
	done
}

# LaTeX: \color{#1!80!black} on colback #1!7!white (default) or white, for
# the built-in types.  KNOWN BUG, not asserted: the LaTeX title colour is
# not made readable as the HTML and Typst ones are, so a pale custom
# colour (#fde047) gives 2.05:1.
contrast_latex() {
	"$DM" --filters callouts latex < "$TMP/colours.json" |
		grep -o 'definecolor{dm-[a-z-]*}{HTML}{[0-9A-F]*}' |
		sed 's/.*{//; s/}//' | awk -f "$C/latex-pairs.awk" \
		> "$TMP/pairs"
	contrast "contrast latex" 16 < "$TMP/pairs"
}

if [ "$have_p2" = yes ]; then
	contrast_html
	contrast_typst
	contrast_latex
	echo "contrast: done"
else
	skip "contrast: needs pandoc 2.17"
fi

# ---- samples: idempotence and the markdown round trip -------------------

SAMPLE_FORMATS="html latex beamer docx odt epub3 epub2 gfm markdown json typst"

# idempotent NAME JSON: for each format, a second run changes nothing.
idempotent() {
	for f in $SAMPLE_FORMATS; do
		if ! "$DM" --filters callouts "$f" < "$2" > "$TMP/i1.json" \
		     2> "$TMP/err"; then
			fail "idempotent $1 $f" "expected: exit 0; stderr:"
			show "$TMP/err"
			continue
		fi
		"$DM" --filters callouts "$f" < "$TMP/i1.json" > "$TMP/i2.json"
		if cmp -s "$TMP/i1.json" "$TMP/i2.json"; then
			pass
		else
			fail "idempotent $1 $f" \
			     "expected: a second run changes nothing" \
			     "got: $("$JSONEQ" "$TMP/i1.json" "$TMP/i2.json" \
			             2>&1)"
		fi
	done
}

# round_trip MD: markdown out and back gives the same document (read as
# markdown, the reader it goes back through).
round_trip() {
	"$PANDOC" -f markdown -t json "$1" |
		"$DM" --filters callouts markdown > "$TMP/m1.json"
	"$PANDOC" -f json -t markdown -s --wrap=preserve "$TMP/m1.json" |
		"$PANDOC" -f markdown -t json |
		"$DM" --filters callouts markdown > "$TMP/m2.json"
	if "$JSONEQ" "$TMP/m1.json" "$TMP/m2.json" 2> "$TMP/eq"; then
		pass
	else
		fail "markdown round trip $(basename "$1" .md)" \
		     "expected: the same document back" "got: $(cat "$TMP/eq")"
	fi
}

# text_round_trip MD READER: the boxes written as text in a format with a
# reader (gfm, org, rst), read back and run again, are drawn the same, not
# a box in a box or a title twice: the third text equals the second (the
# first read-back may still change what pandoc's own reader and writer
# normalise: rst's heading adornments, org's links), and for gfm the
# second equals the first.
text_round_trip() {
	for f in gfm org rst; do
		"$PANDOC" -f "$2" -t json "$1" | "$DM" "$f" |
			"$PANDOC" -f json -t "$f" > "$TMP/t1.txt"
		"$PANDOC" -f "$f" -t json "$TMP/t1.txt" | "$DM" "$f" |
			"$PANDOC" -f json -t "$f" > "$TMP/t2.txt"
		"$PANDOC" -f "$f" -t json "$TMP/t2.txt" | "$DM" "$f" |
			"$PANDOC" -f json -t "$f" > "$TMP/t3.txt"
		if ! cmp -s "$TMP/t2.txt" "$TMP/t3.txt" ||
		   { [ "$f" = gfm ] && ! cmp -s "$TMP/t1.txt" "$TMP/t2.txt"; }
		then
			fail "text round trip $(basename "$1" .md) $f" \
			     "expected: the same text from a second run" \
			     "got: $(diff "$TMP/t1.txt" "$TMP/t3.txt" | head -8)"
		else
			pass
		fi
	done
}

# reader MD: the pandoc reader of a sample.
reader() {
	case $1 in *alerts*) echo gfm ;; *) echo markdown ;; esac
}

nsamples=0
if [ "$have_p2" = yes ]; then
	for s in "$ROOT"/samples/*.md; do
		n=$(basename "$s" .md)
		nsamples=$((nsamples + 1))
		"$PANDOC" -f "$(reader "$n")" -t json "$s" > "$TMP/$n.p2.json"
		idempotent "$n (pandoc 2.17)" "$TMP/$n.p2.json"
		round_trip "$s"
		text_round_trip "$s" "$(reader "$n")"
	done
	[ "$nsamples" -ge 5 ] || fail "samples" "expected: 5 or more" \
	                              "got: $nsamples"
fi
if [ "$have_p3" = yes ]; then
	for s in "$ROOT"/samples/*.md; do
		p3_job "$TMP/$(basename "$s" .md).p3.json" "$s" \
			"$(reader "$(basename "$s")")"
	done
	if p3_batch; then
		for s in "$ROOT"/samples/*.md; do
			n=$(basename "$s" .md)
			idempotent "$n (pandoc 3)" "$TMP/$n.p3.json"
		done
	fi
fi
echo "samples: done ($nsamples samples)"

# ---- corpus: only callout sources change ---------------------------------

FORMATS="html latex beamer docx odt epub3 epub2 gfm markdown typst json plain"

# The corpus documents that hold callout sources, and how many:
#   api1.23/asciidoc-reader.json: three AsciiDoc admonitions, which
#     pandoc 3 reads as its alert structure, a Div of class warning /
#     important / tip whose first block is a Div of class title (the
#     important one titled "Title of the admonition", the tip nested in
#     a list item), and two example blocks, a Div of class example
#     (Obsidian's example type: an example callout).
# Every other document must come out as the identity writes it, in every
# format.
CHANGED="api1.23/asciidoc-reader.json:5"

# with_callouts DOC REL N: the html output holds exactly N callouts, and
# the semantic form differs from the input only there.
with_callouts() {
	"$DM" --filters callouts html < "$1" > "$TMP/o.json"
	got=$(grep -o 'class=\\"callout callout-' "$TMP/o.json" | wc -l |
	      tr -d ' ')
	if [ "$got" = "$3" ]; then
		pass
	else
		fail "corpus $2 html" "expected: $3 callouts" "got: $got"
	fi
	if ! command -v "$NODE" > /dev/null 2>&1; then
		skip "corpus $2: node is not installed"
		return
	fi
	"$DM" --filters callouts json < "$1" > "$TMP/o.json"
	got=$("$NODE" "$HERE/only-callouts.mjs" "$1" "$TMP/o.json" \
	      2> "$TMP/err")
	if [ "$got" = "$3" ]; then
		pass
	else
		fail "corpus $2 json" "expected: only $3 callout sources" \
		     "changed" "got: ${got:-}$(cat "$TMP/err")"
	fi
}

# corpus_doc DOC: unchanged in every format, or with_callouts.
corpus_doc() {
	rel=${1#"$CORPUS"/}
	want=
	for c in $CHANGED; do
		[ "${c%:*}" = "$rel" ] && want=${c##*:}
	done
	if [ -n "$want" ]; then
		with_callouts "$1" "$rel" "$want"
		return
	fi
	"$DM" --filters '' html < "$1" > "$TMP/id.json"
	for f in $FORMATS; do
		"$DM" --filters callouts "$f" < "$1" > "$TMP/o.json" 2> "$TMP/err"
		if cmp -s "$TMP/id.json" "$TMP/o.json"; then
			pass
		else
			fail "corpus $rel $f" "expected: unchanged" \
			     "got: $("$JSONEQ" "$1" "$TMP/o.json" 2>&1)"
		fi
	done
}

if [ -d "$CORPUS/api1.22" ] && [ -d "$CORPUS/api1.23" ]; then
	ndocs=0
	for doc in "$CORPUS"/api1.22/*.json "$CORPUS"/api1.23/*.json; do
		ndocs=$((ndocs + 1))
		corpus_doc "$doc"
	done
	[ "$ndocs" -ge 30 ] || fail "corpus" "expected: 30 or more documents" \
	                            "got: $ndocs"
	echo "corpus: done ($ndocs documents)"
else
	skip "corpus: $CORPUS has no api1.22/ and api1.23/"
fi

# ---- heading: the Direct Message stays a heading ---------------------------

# has LABEL FILE PATTERN: a line of FILE matches the fixed PATTERN.
has() {
	if grep -qF -- "$3" "$2"; then
		pass
	else
		fail "heading $1" "expected: a line with '$3'" "got:"
		grep -i 'direct' "$2" | head -5 | sed 's/^/    | /'
	fi
}

# The section golden case through --toc: the heading in the HTML table of
# contents and as an h2 with its id, a GitHub heading (an anchor) with the
# gfm table of contents linking to it, and a LaTeX \subsection in the
# .toc that pdflatex writes (what the PDF bookmarks are made from).
heading_kept() {
	in=$ROOT/tests/golden/callouts/section/input.md
	mkdir -p "$TMP/heading"
	for w in html latex gfm; do
		"$PANDOC" -t json "$in" | "$DM" --filters callouts "$w" |
			"$PANDOC" -f json -s --toc -t "$w" -M title=T \
				-o "$TMP/heading/out.$w" || fail "heading $w"
	done
	has html "$TMP/heading/out.html" \
		'<li><a href="#the-direct-message">The Direct Message</a>'
	has html "$TMP/heading/out.html" \
		'<h2 class="callout-heading" id="the-direct-message">'
	has gfm "$TMP/heading/out.gfm" \
		'[The Direct Message](#the-direct-message)'
	has gfm "$TMP/heading/out.gfm" '## The Direct Message'
	command -v pdflatex > /dev/null 2>&1 || return 0
	if (cd "$TMP/heading" && pdflatex -interaction=nonstopmode \
	    -halt-on-error out.latex < /dev/null > /dev/null 2>&1); then
		has latex "$TMP/heading/out.toc" \
			'\contentsline {subsection}{The Direct Message}'
	else
		fail "heading latex" "expected: pdflatex to compile it"
	fi
}

if [ "$have_p2" = yes ]; then
	heading_kept
	echo "heading: done"
fi

# ---- latex: the output compiles ------------------------------------------

# compile NAME ENGINE: $TMP/tex/NAME.tex compiles with ENGINE.
compile() {
	if (cd "$TMP/tex" &&
	    "$2" -interaction=nonstopmode -halt-on-error -jobname="$1-$2" \
	         "$1.tex" < /dev/null > "$1-$2.out" 2>&1) &&
	   [ -s "$TMP/tex/$1-$2.pdf" ]; then
		pass
		return 0
	fi
	fail "latex $1 $2" "expected: a PDF; the log says:"
	grep -A3 '^!' "$TMP/tex/$1-$2.log" 2> /dev/null | head -8 |
	sed 's/^/    | /'
	return 1
}

# in_pdf NAME ENGINE TEXT: TEXT is in the PDF's text.
in_pdf() {
	command -v pdftotext > /dev/null 2>&1 || return 0
	if pdftotext "$TMP/tex/$1-$2.pdf" - 2> /dev/null | grep -q "$3"; then
		pass
	else
		fail "latex $1 $2" "expected: '$3' in the PDF"
	fi
}

# to_tex CASE WRITER OUT: a golden case's input through dm-callouts to a
# standalone LaTeX or beamer file.
to_tex() {
	"$PANDOC" -t json "$ROOT/tests/golden/callouts/$1/input.md" |
		"$DM" --filters callouts "$2" |
		"$PANDOC" -f json -s -t "$2" -o "$TMP/tex/$3.tex"
}

# compile_all ENGINE: the seed and the nested footnotes compile, their
# text in the PDF.
compile_all() {
	compile seed "$1" && in_pdf seed "$1" 'not a monologue'
	if compile nested-footnote "$1"; then
		in_pdf nested-footnote "$1" 'The outer footnote'
		in_pdf nested-footnote "$1" 'The inner footnote'
		in_pdf nested-footnote "$1" 'Noise inside a note'
	fi
	compile obsidian "$1" && in_pdf obsidian "$1" 'What worked'
	compile triad-paragraphs "$1" && in_pdf triad-paragraphs "$1" 'Message direct'
	compile quarto-xref "$1" && in_pdf quarto-xref "$1" 'Warning 2: API quota'
	compile article-postmortem "$1" &&
		in_pdf article-postmortem "$1" 'Warning 1: Stale outputs win'
	compile article-wohnen-de "$1" &&
		in_pdf article-wohnen-de "$1" 'Hinweis 1: Woher die Zahl stammt'
}

# A figure, a table, code and a footnote inside a callout and inside the
# Direct Message section (tests/callouts/floats/input.md): floats cannot
# go in a box, nor can a longtable, and a box's footnotes are lettered at
# its foot unless the dmcallout environment says otherwise.

# floats_tex WRITER-LABEL: $TMP/tex/floats-LABEL.tex, from the JSON
# $TMP/tex/floats-LABEL.json (pandoc 2.17: made here).
floats_tex() {
	"$DM" --filters callouts latex < "$TMP/tex/floats-$1.json" \
		> "$TMP/tex/floats-$1.out.json" || return 1
	if [ "$1" = p2 ]; then
		"$PANDOC" -f json -s -t latex -o "$TMP/tex/floats-$1.tex" \
			"$TMP/tex/floats-$1.out.json"
	else
		"$NODE" "$ROOT/tests/pandoc3.mjs" -f json -s -t latex \
			-o "$TMP/tex/floats-$1.tex" "$TMP/tex/floats-$1.out.json"
	fi
}

# footnote_at_foot NAME ENGINE: the first footnote is numbered 1 (not
# lettered), set below the last line of both boxes (echo hello) and in the
# lowest 30% of page 1.
footnote_at_foot() {
	pdf=$TMP/tex/$1-$2.pdf
	command -v pdftotext > /dev/null 2>&1 || return 0
	if pdftotext -layout -f 1 -l 1 "$pdf" - |
	   grep -q '^ *1 *The first footnote\.'; then
		pass
	else
		fail "latex $1 $2" "expected: '1 The first footnote.' on page 1"
	fi
	y=$(pdftotext -bbox -f 1 -l 1 "$pdf" - | awk '
		/<page / { sub(/.*height="/, ""); sub(/".*/, ""); h = $0 }
		/>hello</ { sub(/.*yMin="/, ""); sub(/".*/, ""); hello = $0 }
		/>first</ { sub(/.*yMin="/, ""); sub(/".*/, ""); first = $0 }
		END { print (hello != "" && first > hello && first / h > 0.7) \
		            ? "foot" : first / h }')
	if [ "$y" = foot ]; then
		pass
	else
		fail "latex $1 $2" "expected: the footnote at the page foot" \
		     "got: at $y of the page height"
	fi
}

# compile_floats LABEL: floats-LABEL.tex compiles on the three engines.
compile_floats() {
	for e in pdflatex xelatex lualatex; do
		command -v "$e" > /dev/null 2>&1 || continue
		compile "floats-$1" "$e" || continue
		in_pdf "floats-$1" "$e" 'Figure 2: A picture in the Direct'
		in_pdf "floats-$1" "$e" 'Table 1: A table inside a callout'
		in_pdf "floats-$1" "$e" 'echo hello'
		footnote_at_foot "floats-$1" "$e"
	done
}

floats() {
	cp "$ROOT/tests/credits/pixel.png" "$TMP/tex/pixel.png"
	(cd "$HERE/floats" && "$PANDOC" -t json input.md) \
		> "$TMP/tex/floats-p2.json" && floats_tex p2 &&
		compile_floats p2
	[ "$have_p3" = yes ] || return 0
	if (cd "$HERE/floats" &&
	    "$NODE" "$ROOT/tests/pandoc3.mjs" -f markdown -t json input.md) \
		> "$TMP/tex/floats-p3.json" && floats_tex p3; then
		compile_floats p3
	else
		fail "latex floats p3" "expected: pandoc 3 to write LaTeX"
	fi
}

if [ "${DM_LATEX:-}" = no ]; then
	skip "latex: DM_LATEX=no"
elif [ "$have_p2" = no ]; then
	skip "latex: needs pandoc 2.17"
else
	mkdir -p "$TMP/tex"
	command -v pdftotext > /dev/null 2>&1 ||
		skip "latex: pdftotext is not installed: the PDFs' text" \
		     "is not checked"
	for c in seed nested-footnote; do
		to_tex "$c" latex "$c"
		to_tex "$c" beamer "$c-slides"
	done
	# the newer sources: Obsidian's types, a triad of paragraphs,
	# Quarto's cross-references and per-callout appearance; two articles
	# with them and the Direct Message section
	for c in obsidian triad-paragraphs quarto-xref article-postmortem \
	         article-wohnen-de; do
		to_tex "$c" latex "$c"
	done
	for e in pdflatex xelatex lualatex; do
		if command -v "$e" > /dev/null 2>&1; then
			compile_all "$e"
		else
			skip "latex: $e is not installed"
		fi
	done
	floats
	if command -v pdflatex > /dev/null 2>&1; then
		compile seed-slides pdflatex
		compile nested-footnote-slides pdflatex &&
			in_pdf nested-footnote-slides pdflatex \
			       'The inner footnote'
	fi
	echo "latex: done"
fi

summary
