#!/bin/sh
# tests/credits/run.sh - the tests of dm-credits beyond its golden files
# (tests/golden/credits/, run by tests/golden.sh).
#
#   sh tests/credits/run.sh [BUILD] [SUITE...]
#
# BUILD is build (default), build-san or build-vg, holding dm and libdm.a.
# The suites, all by default:
#
#   parse    tests/credits/parse/NAME.md, a one-paragraph document (front
#            matter allowed, for options), read by the driver parse.c
#            (built here from filters/credits/ and BUILD/libdm.a): its
#            output, each credit's
#            fields or "no credit line", must equal NAME.expected
#   bad      tests/credits/bad/NAME.md: bad options or metadata, through
#            dm-credits, through dm-check (which reads the dm-credits
#            options and the metadata credits as dm-credits does), and
#            through dm with a dm-check option (the checker first in the
#            chain).  Line 1 of NAME.expect is the exit status, each
#            further line a fragment the one-line message must hold (the
#            metadata path, say); nothing on stdout, no sanitizer finding
#   corpus   every document of the pandoc corpus (DM_CORPUS, default
#            tests/corpus, pandoc's test documents in the repository) comes out
#            of `dm --filters credits FORMAT` byte for byte as out of the
#            identity `dm --filters '' FORMAT`: none holds a credit
#   html     the stylesheet: in header-includes once, also after a second
#            run; none with stylesheet: false; with stylesheet: inline
#            once at the top of the body; none without credits
#   articles tests/credits/articles/NAME/input.md, an article as a writer
#            wrote it (a news piece, a travel blog, a Chinese and a
#            Japanese one), through `dm FORMAT` read and written by pandoc
#            2.17 and pandoc 3: its footer in HTML (footer.html), LaTeX
#            (footer.latex) and docx (footer.docx: the text of each
#            paragraph from the first in the style DM Credits, the footer's
#            title, to the end) must equal the file
#            (footer.p3.FORMAT where pandoc 3 writes it otherwise); each
#            line of `absent` is text the HTML page must no longer hold
#            (the credit lines, an article's own Credits section), of
#            `present` text it must hold (a clean alt="..."); `descr`:
#            the picture descriptions of the docx (pandoc 2.17)
#   latex    the articles holding a file pdflatex, and the golden inputs
#            (through pandoc 2.17 and pandoc 3) with -s,
#            compile with pdflatex (skipped without pdflatex); the
#            credits title is never left alone at a page foot
#   rtl      the EPUB footer of a right-to-left article has dir="rtl"
#
# Needs pandoc (2.17), and node for pandoc 3 (tests/pandoc3.mjs).  Prints
# each failure, then "N passed, N failed"; exits 1 if anything failed.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build}
[ $# -gt 0 ] && shift
SUITES=${*:-parse bad corpus html articles latex links rtl}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
DM=$BUILD/dm
HERE=$ROOT/tests/credits
P3="node $ROOT/tests/pandoc3.mjs"

for f in "$DM" "$BUILD/dm-credits" "$BUILD/libdm.a"; do
	if [ ! -f "$f" ]; then
		echo "run.sh: $f is missing (run make)" >&2
		exit 2
	fi
done

DM_TEST=credits
. "$ROOT/tests/lib.sh"

# A make variable of the build, so the driver is built as dm is.
make_var() {
	case $BUILD in
	*-san) flags=SAN=1 ;;
	*-vg) flags=VALGRIND=1 ;;
	*) flags= ;;
	esac
	# a make of its own: not the jobserver or the directory messages of
	# a `make -j2 check` around it (they went into the compiler's flags)
	printf '_dm_var:\n\t@echo $(%s)\n' "$1" |
		MAKEFLAGS= MAKELEVEL= make -s --no-print-directory \
			-C "$ROOT" -f Makefile -f - $flags _dm_var
}

suite_parse() {
	if ! ${CC:-cc} $(make_var DM_CFLAGS) -I"$ROOT/src" -I"$ROOT/filters" \
		-g -o "$TMP/parse" "$HERE/parse.c" "$ROOT"/filters/credits/*.c \
		"$BUILD/libdm.a" $(make_var DM_LIBS) 2>"$TMP/cc"; then
		fail "parse: building the driver" "got:"
		show "$TMP/cc"
		return
	fi
	for md in "$HERE"/parse/*.md; do
		name=parse/$(basename "$md" .md)
		if ! pandoc -t json "$md" | "$TMP/parse" >"$TMP/got" \
			2>"$TMP/err"; then
			fail "$name" "expected: the driver to succeed" "got:"
			show "$TMP/err"
		elif ! diff -u "${md%.md}.expected" "$TMP/got" >"$TMP/diff"; then
			fail "$name" "expected ${md%.md}.expected, got (diff):"
			show "$TMP/diff"
		else
			pass
		fi
	done
}

# bad_run NAME PROG ARGS...: one bad case through one program; the
# document is $TMP/in.json, the expectation $want_rc and $TMP/want.
bad_run() {
	name=$1
	prog=$2
	shift 2
	"$@" <"$TMP/in.json" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	ok=true
	while IFS= read -r frag; do
		grep -qF -- "$frag" "$TMP/err" || ok=false
	done <"$TMP/want"
	if [ "$rc" != "$want_rc" ] || [ -s "$TMP/out" ] ||
		[ "$(wc -l <"$TMP/err")" -ne 1 ] ||
		! grep -q "^$prog: " "$TMP/err" || [ "$ok" != true ]; then
		fail "$name ($prog)" "expected: exit $want_rc, no output, one" \
			"line '$prog: ...' holding: $(tr '\n' '|' <"$TMP/want")" \
			"got: exit $rc, $(wc -c <"$TMP/out") bytes out, stderr:"
		show "$TMP/err"
	else
		pass
	fi
}

suite_bad() {
	for md in "$HERE"/bad/*.md; do
		name=bad/$(basename "$md" .md)
		{
			IFS= read -r want_rc
			cat >"$TMP/want"
		} <"${md%.md}.expect"
		pandoc -t json -M dm-check.strict=true "$md" >"$TMP/in.json" || {
			fail "$name" "expected: pandoc to read $md"
			continue
		}
		bad_run "$name" dm-credits "$BUILD/dm-credits" html
		bad_run "$name" dm-check "$BUILD/dm-check" html
		bad_run "$name" dm "$DM" html
	done
}

suite_corpus() {
	n=0
	for json in "$CORPUS"/api1.2[23]/*.json; do
		[ -f "$json" ] || continue
		n=$((n + 1))
		for fmt in html latex docx gfm markdown plain; do
			name="corpus/$(basename "$(dirname "$json")")/$(basename \
				"$json") $fmt"
			if ! "$DM" --filters '' "$fmt" <"$json" >"$TMP/id" ||
				! "$DM" --filters credits "$fmt" <"$json" \
					>"$TMP/cr" 2>"$TMP/err"; then
				fail "$name" "expected: both runs to succeed" \
					"got:"
				show "$TMP/err"
			elif ! cmp -s "$TMP/id" "$TMP/cr"; then
				fail "$name" "expected: the document unchanged" \
					"got: a different document"
			else
				pass
			fi
		done
	done
	[ "$n" -gt 0 ] ||
		fail "corpus" "expected: documents in $CORPUS" "got: none"
}

# count_styles JSON: how many header-includes entries hold our stylesheet.
count_styles() {
	pandoc -f json -t html -s --metadata title=t "$1" |
		grep -c '^[[:space:]]*\.dm-credits{'
}

suite_html() {
	md=$ROOT/tests/golden/credits/seed/input.md
	pandoc -t json "$md" >"$TMP/seed.json"
	"$DM" --filters credits html <"$TMP/seed.json" >"$TMP/1.json"
	"$DM" --filters credits html <"$TMP/1.json" >"$TMP/2.json"
	for f in 1 2; do
		got=$(count_styles "$TMP/$f.json")
		if [ "$got" = 1 ]; then
			pass
		else
			fail "html/stylesheet-once (run $f)" \
				"expected: the stylesheet once in a -s page" \
				"got: $got times"
		fi
	done
	# right to left too: the list's indent is taken off at its start,
	# whichever side that is (padding-left left the list indented from
	# the right on a dir="rtl" page)
	sheet=$(pandoc -f json -t html -s --metadata title=t "$TMP/1.json" |
	        sed -n '/\.dm-credits{/,/<\/style>/p')
	case $sheet in
	*padding-left* | *margin-left* | *-right*)
		fail "html/stylesheet-rtl" \
			"expected: logical properties only (padding-inline-start)" \
			"got: $(printf '%s' "$sheet" | grep -E 'left|right')" ;;
	*"ul{padding-inline-start:0;"*) pass ;;
	*) fail "html/stylesheet-rtl" "expected: ul{padding-inline-start:0" \
		"got: $sheet" ;;
	esac
	pandoc -t json -M dm-credits.stylesheet=false "$md" |
		"$DM" --filters credits html >"$TMP/3.json"
	got=$(count_styles "$TMP/3.json")
	if [ "$got" = 0 ] && grep -q 'dm-credits' "$TMP/3.json"; then
		pass
	else
		fail "html/stylesheet-false" \
			"expected: a footer and no stylesheet" "got: $got"
	fi
	# inline: the stylesheet opens the fragment's body, once however
	# often the filter runs, and not in the head
	pandoc -t json -M dm-credits.stylesheet=inline "$md" |
		"$DM" --filters credits html >"$TMP/6.json"
	"$DM" --filters credits html <"$TMP/6.json" >"$TMP/7.json"
	for f in 6 7; do
		body=$(pandoc -f json -t html "$TMP/$f.json" |
		       sed -n '1p;/^\.dm-credits{/p' | tr '\n' ' ')
		got=$(count_styles "$TMP/$f.json")
		case $body in
		"<style> .dm-credits{"*) ok=1 ;;
		*) ok= ;;
		esac
		if [ -n "$ok" ] && [ "$got" = 1 ] &&
		   ! pandoc -f json -t html -s --metadata title=t "$TMP/$f.json" |
		     sed '/<\/head>/q' | grep -q '\.dm-credits{'; then
			pass
		else
			fail "html/stylesheet-inline (run $f)" \
				"expected: the stylesheet once, opening the body" \
				"got: $got times; the fragment opens: $body"
		fi
	done
	md=$ROOT/tests/golden/credits/no-credits/input.md
	pandoc -t json "$md" >"$TMP/none.json"
	"$DM" --filters credits html <"$TMP/none.json" >"$TMP/4.json"
	"$DM" --filters '' html <"$TMP/none.json" >"$TMP/5.json"
	if cmp -s "$TMP/5.json" "$TMP/4.json"; then
		pass
	else
		fail "html/no-credits" "expected: the document unchanged" \
			"got: a different one"
	fi
}

# footer_of FORMAT OUT: the footer of an output file, as footer.FORMAT.
footer_of() {
	case $1 in
	html) sed -n '/<footer class="dm-credits"/,/<\/footer>/p' "$2" ;;
	latex) sed -n '/% dm-credits$/,/\\endgroup % dm-credits/p' "$2" ;;
	docx) unzip -p "$2" word/document.xml |
		sed 's/<w:p[ >]/\n&/g' | sed -n '/w:val="DMCredits"/,$p' |
		sed 's/<[^>]*>//g' | grep -v '^[[:space:]]*$' ;;
	esac
}

# article_run P DIR FORMAT OUT: the article of DIR through pandoc P (2 or
# 3) and `dm FORMAT` into OUT.
article_run() {
	case $1 in
	2) pandoc -t json "$2/input.md" | "$DM" "$3" >"$TMP/a.json" &&
		pandoc -f json --wrap=none -t "$3" -o "$4" "$TMP/a.json" ;;
	3) $P3 -t json -o "$TMP/a3.json" "$2/input.md" &&
		"$DM" "$3" <"$TMP/a3.json" >"$TMP/a.json" &&
		$P3 -f json --wrap=none -t "$3" -o "$4" "$TMP/a.json" ;;
	esac
}

suite_articles() {
	for dir in "$HERE"/articles/*/; do
		dir=${dir%/}
		for p in 2 3; do
			for fmt in html latex docx; do
				name="articles/$(basename "$dir") $fmt (pandoc $p)"
				out=$TMP/out.$fmt
				[ "$fmt" = html ] && out=$TMP/out.html5
				if ! article_run "$p" "$dir" "$fmt" "$out" \
					2>"$TMP/err"; then
					fail "$name" "expected: a document" "got:"
					show "$TMP/err"
					continue
				fi
				footer_of "$fmt" "$out" >"$TMP/footer"
				want=$dir/footer.$fmt
				[ -f "$dir/footer.p$p.$fmt" ] &&
					want=$dir/footer.p$p.$fmt
				if diff -u "$want" "$TMP/footer" \
					>"$TMP/diff"; then
					pass
				else
					fail "$name" "expected footer.$fmt, got (diff):"
					show "$TMP/diff"
				fi
			done
			article_text "$p" "$dir"
		done
		[ -f "$dir/descr" ] && article_descr "$dir"
	done
}

# article_descr DIR: with pandoc 2.17, the docx's picture descriptions
# (descr="...", the images' alternative text; not their file names) are
# the lines of DIR/descr: no credit in them.
article_descr() {
	rm -rf "$TMP/img"
	mkdir -p "$TMP/img"
	sed -n 's/.*](\([^)]*\)).*/\1/p' "$1/input.md" | while IFS= read -r f; do
		cp "$HERE/pixel.png" "$TMP/img/$f"
	done
	pandoc -t json "$1/input.md" | "$DM" docx >"$TMP/img/a.json"
	(cd "$TMP/img" && pandoc -f json -o a.docx a.json) &&
		unzip -p "$TMP/img/a.docx" word/document.xml |
		grep -o 'descr="[^"]*"' | grep -v 'descr="[^"]*\.png"' |
			sed 's/^descr="//; s/"$//' >"$TMP/descr"
	if diff -u "$1/descr" "$TMP/descr" >"$TMP/diff"; then
		pass
	else
		fail "articles/$(basename "$1") descr (pandoc 2)" \
			"expected descr, got (diff):"
		show "$TMP/diff"
	fi
}

# article_text P DIR: the HTML page outside its footer holds no line of
# DIR/absent, and every line of DIR/present.
article_text() {
	article_run "$1" "$2" html5 "$TMP/page.html" 2>/dev/null
	sed '/<footer class="dm-credits"/,/<\/footer>/d' "$TMP/page.html" \
		>"$TMP/body.html"
	for f in absent present; do
		[ -f "$2/$f" ] || continue
		while IFS= read -r text; do
			if grep -qF -- "$text" "$TMP/body.html"; then
				found=present
			else
				found=absent
			fi
			if [ "$found" = "$f" ]; then
				pass
			else
				fail "articles/$(basename "$2") $f (pandoc $1)" \
					"expected: '$text' $f in the page" \
					"got: $found"
			fi
		done <"$2/$f"
	done
}

# compile NAME TEX: pdflatex in a folder holding the images TEX includes.
compile() {
	dir=$TMP/tex
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$2" "$dir/doc.tex"
	sed -n 's/.*\\includegraphics\(\[[^]]*\]\)\{0,1\}{\([^}]*\)}.*/\2/p' \
		"$2" | while IFS= read -r img; do
		mkdir -p "$dir/$(dirname "$img")"
		cp "$HERE/pixel.png" "$dir/$img"
	done
	if (cd "$dir" && pdflatex -interaction=nonstopmode -halt-on-error \
		doc.tex >log.txt 2>&1) && [ -s "$dir/doc.pdf" ]; then
		pass
	else
		fail "$1" "expected: pdflatex to compile it" "got:"
		grep -A4 '^!' "$dir/log.txt" | head -20 | sed 's/^/    | /'
	fi
}

# The credits title stays on the page of its list: N lines of filler push
# the footer down the first page, past its foot (one of these N left the
# title alone at the foot of page 1 before the title was kept with it).
keep_with_list() {
	command -v pdfinfo >/dev/null 2>&1 || return 0
	for n in 26 27 28 29 30 31 32; do
		{
			printf -- '---\ncredits:\n'
			printf '  - Photo by %s on Unsplash\n' "Ana Ruiz" "Bo Chen" \
				"Lan Lin"
			printf -- '---\n\n'
			seq "$n" | sed 's/.*/Line & of the filler.\n/'
		} >"$TMP/keep.md"
		pandoc -t json "$TMP/keep.md" | "$DM" --filters credits latex |
			pandoc -f json -s -t latex -o "$TMP/keep.tex"
		compile "latex/keep-$n" "$TMP/keep.tex"
		t=$(pdf_page_of "$TMP/tex/doc.pdf" Credits)
		l=$(pdf_page_of "$TMP/tex/doc.pdf" "Ana Ruiz")
		if [ "$t" = "$l" ] && [ "$t" != none ]; then
			pass
		else
			fail "latex/keep-$n" "expected: the title on the page" \
				"of its list" "got: the title on page $t, the list on $l"
		fi
	done
}

suite_latex() {
	if ! command -v pdflatex >/dev/null 2>&1; then
		echo "SKIP latex: no pdflatex"
		return
	fi
	keep_with_list
	for c in "$HERE"/articles/*/; do
		[ -f "$c/pdflatex" ] || continue # CJK needs other engines
		name=latex/articles/$(basename "$c")
		if pandoc -t json "$c/input.md" | "$DM" latex >"$TMP/l.json" &&
			pandoc -f json -s -t latex -o "$TMP/a.tex" "$TMP/l.json"
		then
			compile "$name" "$TMP/a.tex"
		else
			fail "$name" "expected: a LaTeX file"
		fi
	done
	for c in "$ROOT"/tests/golden/credits/*/; do
		c=${c%/}
		name=latex/$(basename "$c")
		from=markdown
		[ -f "$c/from" ] && from=$(cat "$c/from")
		meta=
		[ -f "$c/meta" ] && meta=$(sed 's/^/-M /' "$c/meta")
		# shellcheck disable=SC2086
		if pandoc -f "$from" -t json $meta "$c/input.md" |
			"$DM" --filters credits latex >"$TMP/l.json" &&
			pandoc -f json -s -t latex -o "$TMP/p2.tex" \
				"$TMP/l.json"; then
			compile "$name (pandoc 2.17)" "$TMP/p2.tex"
		else
			fail "$name (pandoc 2.17)" "expected: a LaTeX file"
		fi
		# shellcheck disable=SC2086
		if $P3 -f "$from" -t json $meta -o "$TMP/in3.json" \
			"$c/input.md" &&
			"$DM" --filters credits latex <"$TMP/in3.json" \
				>"$TMP/l3.json" &&
			$P3 -f json -s -t latex -o "$TMP/p3.tex" \
				"$TMP/l3.json"; then
			compile "$name (pandoc 3)" "$TMP/p3.tex"
		else
			fail "$name (pandoc 3)" "expected: a LaTeX file"
		fi
	done
}

# links: a credit link whose target dm_url_is_safe() refuses is not
# written (the credit's text stays, unlinked) and dm-credits warns once on
# standard error; a safe one stays a link.  From each attribute and from
# the metadata.  LINK_CASES: want (unsafe/safe) and the URL as a JSON
# string, tab-separated.
LINK_CASES='unsafe	javascript:alert(1)
unsafe	JaVaScRiPt:alert(1)
unsafe	 javascript:alert(1)
unsafe	\tjavascript:alert(1)
unsafe	\u0001\u001fjavascript:alert(1)
unsafe	java\nscript:alert(1)
unsafe	data:text/html,<script>alert(1)</script>
unsafe	vbscript:msgbox(1)
safe	javascript&#58;alert(1)
safe	https://example.org/jane
safe	mailto:jane@example.org
safe	photos/jane.html'

# link_doc KEY URL: an image crediting Jane Doe with link KEY=URL (URL a
# JSON string's contents); KEY "meta" puts it in the metadata instead.
link_doc() {
	if [ "$1" = meta ]; then
		printf '{"pandoc-api-version":[1,23,1],"meta":{"credits":{"t":"MetaList","c":[{"t":"MetaMap","c":{"name":{"t":"MetaString","c":"Jane Doe"},"url":{"t":"MetaString","c":"%s"}}}]}},"blocks":[]}' "$2"
		return
	fi
	printf '{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Image","c":[["",[],[["credit","Jane Doe"],["source","Flickr"],["%s","%s"]]],[{"t":"Str","c":"alt"}],["a.png",""]]}]}]}' "$1" "$2"
}

suite_links() {
	while IFS='	' read -r want url; do
		for key in credit-url source-url meta; do
			name="links: $key=$url"
			link_doc "$key" "$url" > "$TMP/in.json"
			if ! "$BUILD/dm-credits" html < "$TMP/in.json" \
				> "$TMP/out.json" 2> "$TMP/err"; then
				fail "$name" "expected: exit 0" "got:"
				show "$TMP/err"
				continue
			fi
			# The footer's links, as dm-to-html writes them.
			"$BUILD/dm-to-html" < "$TMP/out.json" | tr -d '\n' |
				sed 's/.*<footer//' > "$TMP/footer"
			nwarn=$(grep -c 'dm-credits: warning: credit link ".*" not written' "$TMP/err")
			if [ "$want" = unsafe ]; then
				if grep -q '<a ' "$TMP/footer" ||
					! grep -q 'Jane Doe' "$TMP/footer"; then
					fail "$name" "expected: Jane Doe, not linked" "got:"
					show "$TMP/footer"
				elif [ "$nwarn" != 1 ] ||
					[ "$(wc -l < "$TMP/err")" != 1 ]; then
					fail "$name" "expected: one warning line" "got:"
					show "$TMP/err"
				else
					pass
				fi
			elif ! grep -q '<a href="[a-z]' "$TMP/footer" ||
				[ -s "$TMP/err" ]; then
				fail "$name" "expected: a link, no warning" "got:"
				show "$TMP/footer"
				show "$TMP/err"
			else
				pass
			fi
		done
	done <<EOF
$LINK_CASES
EOF
	# the entity-ish target is a relative link, its & escaped
	link_doc credit-url 'javascript&#58;alert(1)' |
		"$BUILD/dm-credits" html | "$BUILD/dm-to-html" > "$TMP/ent.html"
	if grep -q 'href="javascript&amp;#58;alert(1)' "$TMP/ent.html"; then
		pass
	else
		fail "links: javascript&#58; escaped" "got:"
		show "$TMP/ent.html"
	fi
}

# The EPUB footer of an article read right to left (lang: ar, or dir:
# rtl) carries dir="rtl", as its callouts do; a left-to-right one none.
suite_rtl() {
	for meta in 'lang: ar' 'lang: he-IL' 'dir: rtl' 'lang: en' \
		'lang: ar
dir: ltr'; do
		printf -- '---\n%s\n---\nText.\n\n![A](a.jpg)\n\nPhoto by Ana Ruiz on Unsplash\n' \
			"$meta" >"$TMP/rtl.md"
		pandoc -t json "$TMP/rtl.md" | "$BUILD/dm-credits" epub \
			>"$TMP/rtl.json" 2>"$TMP/err"
		open=$(grep -o '<footer class=\\"dm-credits\\"[^>]*>' \
			"$TMP/rtl.json")
		case $meta in
		*ltr* | *en) want=ltr ;;
		*) want=rtl ;;
		esac
		got=ltr
		case $open in *'dir=\"rtl\"'*) got=rtl ;; esac
		if [ -n "$open" ] && [ "$got" = "$want" ]; then
			pass
		else
			fail "rtl: epub footer of '$meta'" "expected: $want" \
				"got: $open"
			show "$TMP/err"
		fi
	done
}

for suite in $SUITES; do
	P0=$PASSED F0=$FAILED
	case $suite in
	parse | bad | corpus | html | articles | latex | links | rtl)
		"suite_$suite" ;;
	*) fail "run.sh" "expected a suite: parse bad corpus html articles latex links rtl" \
		"got: $suite" ;;
	esac
	printf '%s: %d passed, %d failed\n' "$suite" $((PASSED - P0)) \
		$((FAILED - F0))
done
summary
