# tests/render/rtl.sh - the rtl part of tests/render/run.sh (sourced): an
# article read right to left (tests/render/rtl.md, lang: ar) draws its
# boxes from the right, and the same article with lang: en from the left.
# shellcheck shell=sh disable=SC2154 # have_p2, have_p3: set by run.sh (pandocs)

RTL_ARTICLE=$HERE/rtl.md
# The words in rtl.md's boxes whose type has a colour (not Noise's grey).
RTL_BOXED="Tensionmark Triadmark Notemark Sectionmark"

# rtl_docs: in $TMP/rtl/, SRC-FMT-SIDE.FMT for SRC p2 or p3, FMT docx, odt
# (p2 only), typ (p3 only) and epub; SIDE right (rtl.md as it is: lang ar,
# no dir) or left (with lang: en; Typst takes the direction from the
# language alone).  $TMP/epub/rtl-none.epub: the book
# without the filter.
rtl_docs() {
	for want in right left; do
		set --
		[ $want = left ] && set -- -M lang=en
		if [ "$have_p2" = yes ]; then
			for fmt in docx odt epub; do
				"$PANDOC" "$RTL_ARTICLE" "$@" --filter "$DM" \
					-o "$TMP/rtl/p2-$fmt-$want.$fmt" ||
					fail "pandoc 2.17 --filter dm -o $fmt ($want)"
			done
		fi
		[ "$have_p3" = yes ] || continue
		p3 -f markdown -t json "$@" -o "$TMP/rtl/$want.p3.json" \
			"$RTL_ARTICLE"
	done
	mkdir -p "$TMP/epub"
	if [ "$have_p2" = yes ]; then
		"$PANDOC" "$RTL_ARTICLE" -o "$TMP/epub/rtl-none.epub"
	else
		p3 -f markdown -t epub3 -o "$TMP/epub/rtl-none.epub" \
			"$RTL_ARTICLE"
	fi
	[ "$have_p3" = yes ] || return 0
	p3_run || return
	for want in right left; do
		for fmt in docx typst epub3; do
			filtered "$TMP/rtl/$want.p3.json" \
				"$TMP/rtl/$want.p3.$fmt.json" "$fmt" || continue
			case $fmt in
			docx) p3 -f json -o "$TMP/rtl/p3-docx-$want.docx" \
				"$TMP/rtl/$want.p3.$fmt.json" ;;
			typst) p3 -f json -t typst -s \
				-o "$TMP/rtl/p3-typ-$want.typ" \
				"$TMP/rtl/$want.p3.$fmt.json" ;;
			*) p3 -f json -t epub3 -o "$TMP/rtl/p3-epub-$want.epub" \
				"$TMP/rtl/$want.p3.$fmt.json" ;;
			esac
		done
	done
	p3_run
}

# rtl_sides PDF WANT: in the page pictures of PDF, the coloured rule of
# each box of RTL_BOXED stands on side WANT of the page.
rtl_sides() {
	_rs_p=${1%.pdf}
	_rs_name=${_rs_p##*/}
	if [ ! -s "$1" ]; then
		fail "rtl $_rs_name: no PDF"
		return
	fi
	if ! pdftotext -bbox "$1" "$_rs_p.bbox.html" ||
	   ! pdftoppm -r 96 -png "$1" "$_rs_p"; then
		fail "rtl $_rs_name: poppler cannot read it"
		return
	fi
	# shellcheck disable=SC2086 # words
	"$NODE" "$HERE/tint.mjs" "$_rs_p.bbox.html" "$_rs_p" 96 $RTL_BOXED \
		> "$_rs_p.tint" 2> "$TMP/err" ||
		{ fail "rtl $_rs_name: tint.mjs failed"; show "$TMP/err"; return; }
	while read -r _rs_w _rs_page _rs_tint _rs_rule _rs_side; do
		if [ "$_rs_side" = "$2" ]; then
			pass
		else
			fail "rtl $_rs_name: the rule of the box around $_rs_w" \
			     "expected: on the $2; got: $_rs_side (page $_rs_page," \
			     "$_rs_tint tinted pixels, $_rs_rule ruled columns)"
		fi
	done < "$_rs_p.tint"
}

# rtl_bidi DOCX WANT: Word's paragraphs are read right to left (w:bidi)
# in the right-to-left article, and in no paragraph of the other.
rtl_bidi() {
	_rb_n=$(unzip -p "$1" word/document.xml | grep -o '<w:bidi */>' | wc -l)
	if [ "$2" = right ] && [ "$_rb_n" -eq 0 ]; then
		fail "rtl ${1##*/}: no paragraph is read right to left (w:bidi)"
	elif [ "$2" = left ] && [ "$_rb_n" -ne 0 ]; then
		fail "rtl ${1##*/}: $_rb_n paragraph(s) read right to left"
	else
		pass
	fi
}

# rtl_epub BOOK WANT: epubcheck finds no error, and Chromium draws every
# callout of the book's chapters from side WANT.
rtl_epub() {
	_re_name=${1##*/}
	_re_name=${_re_name%.epub}
	cp "$1" "$TMP/epub/$_re_name.epub"
	epub_check "$_re_name" rtl-none
	mkdir -p "$TMP/rtl/$_re_name"
	unzip -q -o "$1" -d "$TMP/rtl/$_re_name"
	grep -l 'class="callout ' "$TMP/rtl/$_re_name"/EPUB/text/*.xhtml |
		while read -r _re_ch; do
			echo "side $_re_ch $2 ${_re_ch%.xhtml}.png"
		done >> "$TMP/rtl.jobs"
}

part_rtl() {
	have "rtl" soffice pdftoppm pdftotext unzip || return
	if [ "$have_p2" = no ] && [ "$have_p3" = no ]; then
		skip "rtl: no pandoc"
		return
	fi
	mkdir -p "$TMP/rtl"
	rtl_docs
	set -- "$TMP"/rtl/*.docx "$TMP"/rtl/*.odt
	[ -e "$1" ] || { fail "rtl: no document was written"; return; }
	soffice_pdf rtl "$TMP/rtl" "$@"
	for doc in "$@"; do
		want=${doc%.*}
		want=${want##*-}
		case $doc in *.docx) rtl_bidi "$doc" "$want" ;; esac
		rtl_sides "${doc%.*}.pdf" "$want"
	done
	if [ -e "$TMP/rtl/p3-typ-right.typ" ]; then
		"$NODE" "$HERE/typst.mjs" "$TMP"/rtl/p3-typ-*.typ \
			> "$TMP/rtl-typst.out" 2>&1
		for want in right left; do
			rtl_sides "$TMP/rtl/p3-typ-$want.pdf" "$want"
		done
	fi
	have "rtl epub" epubcheck java chromium playwright-core || return
	: > "$TMP/rtl.jobs"
	for book in "$TMP"/rtl/*.epub; do
		want=${book%.epub}
		rtl_epub "$book" "${want##*-}"
	done
	"$NODE" "$HERE/browser.mjs" "$TMP/rtl.jobs" > "$TMP/rtl.out" \
		2> "$TMP/rtl.err"
	checked rtl
}
