# tests/render/web.sh - the epub, html and typst parts of
# tests/render/run.sh (sourced).
# shellcheck shell=sh disable=SC2154 # have_p2, have_p3: set by run.sh (pandocs)

VNU_JAR=$ROOT/node_modules/vnu-jar/build/dist/vnu.jar
# A short-lived JVM starts three times faster without the optimising JIT
# (whose absence costs vnu more stack than the default).
JAVA="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss8m"

# p3_filtered NAME FORMAT: pandoc 3's JSON of article.md (made by p3_json
# NAME and p3_run) through dm FORMAT, in $TMP/NAME.p3.FORMAT.json.
p3_filtered() {
	filtered "$TMP/$1.p3.json" "$TMP/$1.p3.$2.json" "$2"
}

# epubcheck_errors EPUB OUT: epubcheck's errors about EPUB, one a line,
# without their line and column and the book's name, in OUT; false when
# epubcheck did not run to its end.
epubcheck_errors() {
	$JAVA -jar /usr/bin/epubcheck "$1" > "$2.log" 2>&1
	grep -q '^Messages:' "$2.log" || return 1
	grep -E '^(ERROR|FATAL)' "$2.log" |
		sed -e 's/([0-9-]*,[0-9-]*)//' -e "s|$1/||" |
		LC_ALL=C sort -u > "$2"
}

# epub_check NAME NONE: epubcheck finds no error in $TMP/epub/NAME.epub that
# it does not find in the book without the filter, $TMP/epub/NONE.epub
# (made only when needed).
epub_check() {
	if ! epubcheck_errors "$TMP/epub/$1.epub" "$TMP/epub/$1.errors"; then
		fail "epubcheck $1: did not finish"
		show "$TMP/epub/$1.errors.log"
		return
	fi
	if [ -s "$TMP/epub/$1.errors" ]; then
		epubcheck_errors "$TMP/epub/$2.epub" "$TMP/epub/$2.errors"
		LC_ALL=C comm -23 "$TMP/epub/$1.errors" "$TMP/epub/$2.errors" \
			> "$TMP/epub/$1.ours"
	else
		: > "$TMP/epub/$1.ours"
	fi
	if [ -s "$TMP/epub/$1.ours" ]; then
		fail "epubcheck $1: $(wc -l < "$TMP/epub/$1.ours") error(s)" \
		     "that the book without the filter does not have:"
		show "$TMP/epub/$1.ours"
	else
		pass
	fi
}

# epub_books: $TMP/epub/SRC-VERSION.epub, filtered, and SRC-VERSION-none.epub
# without the filter.
epub_books() {
	if [ "$have_p2" = yes ]; then
		for v in epub2 epub3; do
			"$PANDOC" "$ARTICLE" --filter "$DM" -t "$v" \
				-o "$TMP/epub/p2-$v.epub" ||
				fail "pandoc 2.17 --filter dm -t $v"
			"$PANDOC" "$ARTICLE" -t "$v" -o "$TMP/epub/p2-$v-none.epub"
		done
	fi
	[ "$have_p3" = yes ] || return 0
	[ -s "$TMP/plain.p3.json" ] || { p3_json plain; p3_run || return; }
	p3_filtered plain epub3 || return
	p3 -f json -t epub3 -o "$TMP/epub/p3-epub3.epub" "$TMP/plain.p3.epub3.json"
	p3 -f markdown -t epub3 -o "$TMP/epub/p3-epub3-none.epub" "$ARTICLE"
	p3_run
}

part_epub() {
	have "epub" epubcheck java unzip chromium playwright-core || return
	mkdir -p "$TMP/epub"
	epub_books
	: > "$TMP/epub.jobs"
	for book in "$TMP"/epub/p?-epub?.epub; do
		[ -e "$book" ] || { fail "epub: no book was written"; return; }
		name=${book##*/}
		name=${name%.epub}
		epub_check "$name" "$name-none" &
		mkdir -p "$TMP/epub/$name"
		unzip -q -o "$book" -d "$TMP/epub/$name"
		# every chapter holding a callout, as a reader opens it
		grep -l 'class="callout ' "$TMP/epub/$name"/EPUB/text/*.xhtml |
			sed 's/^/styled /' >> "$TMP/epub.jobs"
	done
	wait
	if [ ! -s "$TMP/epub.jobs" ]; then
		fail "epub: no chapter holds a callout"
		return
	fi
	"$NODE" "$HERE/browser.mjs" "$TMP/epub.jobs" > "$TMP/epub.out" \
		2> "$TMP/epub.err"
	checked epub
}

# cms_page FRAGMENT PAGE: the HTML fragment FRAGMENT in a page of its own,
# as a CMS sets an article into its template.
cms_page() {
	{
		printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
		printf '<meta charset="utf-8">\n<title>A CMS page</title>\n'
		printf '</head>\n<body>\n<main>\n'
		cat "$1"
		printf '</main>\n</body>\n</html>\n'
	} > "$2"
}

# html_pages: in $TMP/html/, filtered: p2.html and p3.html, standalone;
# p2-scheme.html, a page following the reader's colour scheme
# (samples/color-scheme.css); cms.html, a fragment made with
# stylesheet: inline set in a CMS's page.  The same in $TMP/html-none/
# without the filter; $TMP/html-bare.html, the fragment without inline.
html_pages() {
	if [ "$have_p2" = yes ]; then
		"$PANDOC" "$ARTICLE" --filter "$DM" -s -t html5 \
			-o "$TMP/html/p2.html" || fail "pandoc 2.17 --filter dm -s"
		"$PANDOC" "$ARTICLE" -s -t html5 -o "$TMP/html-none/p2.html"
		set -- -s -t html5 --css "$ROOT/samples/color-scheme.css"
		"$PANDOC" "$ARTICLE" --filter "$DM" "$@" \
			-o "$TMP/html/p2-scheme.html"
		"$PANDOC" "$ARTICLE" "$@" -o "$TMP/html-none/p2-scheme.html"
		"$PANDOC" "$ARTICLE" --filter "$DM" -t html5 \
			-M dm-callouts.stylesheet=inline -M dm-credits.stylesheet=inline \
			-o "$TMP/frag.html"
		cms_page "$TMP/frag.html" "$TMP/html/cms.html"
		"$PANDOC" "$ARTICLE" -t html5 -o "$TMP/frag.html"
		cms_page "$TMP/frag.html" "$TMP/html-none/cms.html"
		"$PANDOC" "$ARTICLE" --filter "$DM" -t html5 -o "$TMP/frag.html"
		cms_page "$TMP/frag.html" "$TMP/html-bare.html"
	fi
	[ "$have_p3" = yes ] || return 0
	[ -s "$TMP/plain.p3.json" ] || { p3_json plain; p3_run || return; }
	p3_filtered plain html5 || return
	p3 -f json -t html5 -s -o "$TMP/html/p3.html" "$TMP/plain.p3.html5.json"
	p3 -f markdown -t html5 -s -o "$TMP/html-none/p3.html" "$ARTICLE"
	p3_run
}

# html_print: printed, the folded warning's text is on the page (and on
# screen it is folded: a closed <details> holds it), in every page: the
# fragment's stylesheet (stylesheet: inline) unfolds it too.
html_print() {
	for page in "$TMP"/html/*.html; do
		name=${page##*/}
		if ! grep -q '<details>' "$page"; then
			fail "html $name: the folded callout is not a closed <details>"
		elif ! pdftotext "${page%.html}.print.pdf" - 2> /dev/null |
		     grep -q Foldmark; then
			fail "html $name: printed, the folded callout's text is missing"
		else
			pass
		fi
	done
}

# html_vnu PAGE...: vnu (one run for every page) finds no error in a page.
html_vnu() {
	$JAVA -jar "$VNU_JAR" --errors-only --format gnu "$@" \
		> "$TMP/vnu.out" 2>&1
	_hv_rc=$?
	_hv_bad=0
	for page in "$@"; do
		# GNU format: "file:/PATH":LINE.COL-LINE.COL: error: MESSAGE
		if grep -F "${page##*/}\":" "$TMP/vnu.out" > "$TMP/vnu.page"
		then
			fail "vnu ${page##*/}: errors"
			show "$TMP/vnu.page"
			_hv_bad=1
		else
			pass
		fi
	done
	if [ "$_hv_rc" -ne 0 ] && [ "$_hv_bad" -eq 0 ]; then
		fail "vnu: exit status $_hv_rc, no error about a page"
		show "$TMP/vnu.out"
	fi
}

part_html() {
	have "html" java chromium pdftotext playwright-core axe-core \
		vnu-jar || return
	mkdir -p "$TMP/html" "$TMP/html-none"
	html_pages
	set -- "$TMP"/html/*.html
	[ -e "$1" ] || { fail "html: no page was written"; return; }
	: > "$TMP/html.jobs"
	for page in "$@"; do
		# the scheme page's code measured against pandoc's colours
		# on the light page they were made for
		base=
		case $page in *-scheme.html) base=" light" ;; esac
		printf 'contrast %s %s%s\nprint %s %s\nicons %s\n' "$page" \
			"$TMP/html-none/${page##*/}" "$base" "$page" \
			"${page%.html}.print.pdf" "$page" >> "$TMP/html.jobs"
	done
	if [ -e "$TMP/html/cms.html" ]; then
		printf 'styled %s\nstyled %s none\n' "$TMP/html/cms.html" \
			"$TMP/html-bare.html" >> "$TMP/html.jobs"
	fi
	html_vnu "$@"
	"$NODE" "$HERE/browser.mjs" "$TMP/html.jobs" > "$TMP/html.out" \
		2> "$TMP/html.err"
	checked html
	html_print
}

part_typst() {
	have "typst" @myriaddreamin/typst-ts-node-compiler pdftoppm || return
	[ "$have_p3" = yes ] || { skip "typst: no pandoc 3"; return; }
	mkdir -p "$TMP/typst"
	for look in $LOOKS; do
		[ -s "$TMP/$look.p3.json" ] ||
			p3_json "$look" -M "dm-callouts.appearance=$look"
	done
	p3_run || return
	for look in $LOOKS; do
		p3_filtered "$look" typst &&
			p3 -f json -t typst -s -o "$TMP/typst/$look.typ" \
				"$TMP/$look.p3.typst.json"
	done
	p3 -f markdown -t typst -s -o "$TMP/typst/none.typ" "$ARTICLE"
	p3_run || return
	"$NODE" "$HERE/typst.mjs" "$TMP"/typst/*.typ > "$TMP/typst.out" \
		2> "$TMP/typst.err"
	checked typst
	# shellcheck disable=SC2086 # words
	tint_check "typst (no filter)" "$TMP/typst/none.pdf" none $BOXED $PLAIN
	for look in $LOOKS; do
		# shellcheck disable=SC2086 # words
		tint_check "typst $look" "$TMP/typst/$look.pdf" box $BOXED
		tint_check "typst $look" "$TMP/typst/$look.pdf" none "$PLAIN"
	done
}
