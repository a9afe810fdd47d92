#!/bin/sh
# tests/render/run.sh - the filters' output in the programs readers and
# toolchains use: does each format show a box, and is it valid?
#
#   sh tests/render/run.sh BUILD_DIR [PART...]
#
# Parts (all by default), each over tests/render/article.md (a triad, a
# note holding code, a folded warning, a box in a box, a tip, The Direct
# Message section, a credit line):
#   office   docx (pandoc 2.17 and 3) and odt, each look (default, simple,
#            minimal), through LibreOffice to PDF (one soffice call) and
#            pdftoppm to PNG: in the band of the page where each callout's
#            words stand there are tinted pixels (a coloured rule or fill),
#            none in the same band without the filter, none around the plain
#            paragraph; adjacent boxes are separate tables; and
#            tests/render/places.md (docx): a box in a list item starts at
#            the item's text (pdftotext -bbox against the picture), a box
#            ending a footnote keeps its title row
#   epub     epub2 and epub3 (pandoc 2.17) and epub3 (pandoc 3): epubcheck
#            finds no error that the same book without the filter lacks;
#            every chapter holding a callout draws it as a box in Chromium
#   html     the standalone page (pandoc 2.17 and 3), a page following the
#            reader's colour scheme (samples/color-scheme.css: dark boxes
#            in the dark), and a fragment made with stylesheet: inline set
#            in a CMS's page: vnu finds no error; axe-core finds no
#            contrast violation in the light and in the dark colour
#            scheme; printed (Chromium), a folded callout's text is on the
#            page; every icon is drawn without an emoji font; the
#            fragment's callouts are drawn as boxes (and without inline,
#            not)
#   typst    pandoc 3's typst of the filtered document compiles with the
#            Typst compiler, each look, and its pages show the boxes
#   rtl      tests/render/rtl.md, an article in Arabic (lang: ar): docx
#            (pandoc 2.17 and 3) and odt through LibreOffice, typst
#            (pandoc 3) through its compiler, each box's coloured rule on
#            the right of the page picture, Word's paragraphs w:bidi; EPUB
#            (2.17 and 3): epubcheck, and in Chromium every callout rtl,
#            its rule and title on the right; the same article with lang:
#            en: everything on the left, no w:bidi
#   latex    an article whose credits footer meets the foot of the page
#            at each of its lines (pushed down by a few points at a
#            time), with pdflatex, xelatex and lualatex: the footer's
#            title on the page of its first credit, and the article's
#            last line on the page of the title (the footer never alone
#            at the top of a page)
#
# Needs pandoc 2.17, node with node_modules (npm ci: pandoc-wasm,
# playwright-core, axe-core, vnu-jar, @myriaddreamin/typst-ts-node-compiler),
# and the Debian packages libreoffice-writer-nogui, epubcheck,
# default-jre-headless, chromium, poppler-utils (tools/deps.sh installs
# them all); a part whose tools are missing is skipped, saying so.
# KEEP=1 keeps the scratch folder (the PDFs and PNGs to look at).
# The last line is "N passed, N failed"; the exit status is 1 on a failure.

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/render/run.sh BUILD_DIR [PART...]" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
shift
HERE=$ROOT/tests/render
DM=$BUILD/dm
ARTICLE=$HERE/article.md
PLACES=$HERE/places.md
DM_TEST=render  # read by tests/lib.sh
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"
# shellcheck source=tests/render/office.sh
. "$HERE/office.sh"
# shellcheck source=tests/render/web.sh
. "$HERE/web.sh"
# shellcheck source=tests/render/rtl.sh
. "$HERE/rtl.sh"
# shellcheck source=tests/render/latex.sh
. "$HERE/latex.sh"
pandocs
[ $# -gt 0 ] || set -- office epub html typst rtl latex
export NODE_PATH="$ROOT/node_modules"

# The words that stand in each callout of article.md, and in none.
BOXED="Tensionmark Noisemark Triadmark Notemark Foldmark Outermark Nestmark
Tipmark Sectionmark"
PLAIN=Plainmark
GREY=Noisemark  # the type whose colour is a grey
LOOKS="default simple minimal"

# soffice_pdf PART DIR FILE...: the documents as PDFs in DIR, through one
# LibreOffice (starting it is the slow part); a failure is PART's.
soffice_pdf() {
	_sp_part=$1
	_sp_dir=$2
	shift 2
	timeout 300 soffice "-env:UserInstallation=file://$TMP/lo" --headless \
		--convert-to pdf --outdir "$_sp_dir" "$@" \
		> "$TMP/soffice.out" 2>&1 ||
		{ fail "$_sp_part: soffice --convert-to pdf failed"; \
		  show "$TMP/soffice.out"; }
}

# have WHAT CMD...: true when every CMD is there, else a skip naming WHAT.
have() {
	_hv_what=$1
	shift
	for _hv_c in "$@"; do
		if ! command -v "$_hv_c" > /dev/null 2>&1 &&
		   [ ! -e "$ROOT/node_modules/$_hv_c" ]; then
			skip "$_hv_what: $_hv_c is not installed (make deps)"
			return 1
		fi
	done
}

# p3 ARGS...: a pandoc 3 conversion for the batch p3_run runs.
p3() {
	_p3_sep='['
	for _p3_a in "$@"; do
		printf '%s%s' "$_p3_sep" "$(json_str "$_p3_a")"
		_p3_sep=,
	done >> "$TMP/p3.jobs"
	echo ']' >> "$TMP/p3.jobs"
}

# p3_run: the batch of pandoc 3 conversions p3 wrote, in one process.
p3_run() {
	p3_batch
}

# p3_json NAME [-M KEY=VALUE...]: article.md read by pandoc 3, as JSON in
# $TMP/NAME.p3.json once p3_run has run.
p3_json() {
	_pj_name=$1
	shift
	p3 -f markdown -t json "$@" -o "$TMP/$_pj_name.p3.json" "$ARTICLE"
}

# filtered IN OUT FORMAT: the dm chain over the JSON IN, for FORMAT, in OUT.
filtered() {
	if ! "$DM" "$3" < "$1" > "$2" 2> "$TMP/err"; then
		fail "dm $3 over ${1##*/}" "expected: exit 0; stderr:"
		show "$TMP/err"
		return 1
	fi
}

# tint_check LABEL PDF WANT WORDS...: in the page pictures of PDF
# (pdftoppm), the band where each WORD stands shows a box (WANT=box: a rule
# or fill from its top to its bottom, and tinted pixels unless the word's
# type is grey) or nothing (WANT=none: neither).
tint_check() {
	_tc_label=$1
	_tc_pdf=$2
	_tc_want=$3
	shift 3
	if [ ! -s "$_tc_pdf" ]; then
		fail "$_tc_label: no PDF (${_tc_pdf##*/})"
		return
	fi
	_tc_p=${_tc_pdf%.pdf}
	[ -s "$_tc_p.bbox.html" ] ||
		{ pdftotext -bbox "$_tc_pdf" "$_tc_p.bbox.html" &&
		  pdftoppm -r 96 -png "$_tc_pdf" "$_tc_p"; } ||
		{ fail "$_tc_label: poppler cannot read ${_tc_pdf##*/}"; return; }
	"$NODE" "$HERE/tint.mjs" "$_tc_p.bbox.html" "$_tc_p" 96 "$@" \
		> "$_tc_p.tint" 2> "$TMP/err" ||
		{ fail "$_tc_label: tint.mjs failed"; show "$TMP/err"; return; }
	while read -r _tc_w _tc_page _tc_tint _tc_rule _tc_side; do
		tint_judge "$_tc_label" "$_tc_want" "$_tc_w" "$_tc_page" \
			"$_tc_tint" "$_tc_rule" "${_tc_p##*/}"
	done < "$_tc_p.tint"
}

# tint_judge LABEL WANT WORD PAGE TINTED RULED PICTURE: one line of tint.mjs.
tint_judge() {
	_tj_got="got: $5 tinted pixels, $6 ruled columns (page $4, $7-N.png)"
	if [ "$4" = - ]; then
		fail "$1: $3 is not on the page"
	elif [ "$2" = none ] && [ $(($5 + $6)) -gt 0 ]; then
		fail "$1: something drawn around $3" \
		     "expected: no tint, no rule or fill" "$_tj_got"
	elif [ "$2" = box ] && [ "$6" -lt 1 ]; then
		fail "$1: no box around $3" \
		     "expected: a rule or fill in its band" "$_tj_got"
	elif [ "$2" = box ] && [ "$5" -lt 10 ] && [ "$3" != "$GREY" ]; then
		fail "$1: the box around $3 is not in colour" \
		     "expected: tinted pixels in its band" "$_tj_got"
	else
		pass
	fi
}

# checked PART: the lines "PASS …"/"FAIL …" of a node checker (in
# $TMP/PART.out) counted; its standard error shown when it failed to run.
checked() {
	_ck_n=0
	while IFS= read -r _ck_line; do
		case $_ck_line in
		PASS*) pass; _ck_n=$((_ck_n + 1)) ;;
		FAIL*) fail "$1: ${_ck_line#FAIL }"; _ck_n=$((_ck_n + 1)) ;;
		esac
	done < "$TMP/$1.out"
	if [ "$_ck_n" -eq 0 ]; then
		fail "$1: the checker ran no check"
		show "$TMP/$1.err"
	fi
}

for part in "$@"; do
	case $part in
	office) part_office ;;
	epub) part_epub ;;
	html) part_html ;;
	typst) part_typst ;;
	rtl) part_rtl ;;
	latex) part_latex ;;
	*) echo "render/run.sh: no part $part" >&2; exit 2 ;;
	esac
done
summary
