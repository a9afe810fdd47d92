# tests/render/office.sh - the office part of tests/render/run.sh (sourced):
# docx and odt through LibreOffice, the boxes seen in the page pictures.
# shellcheck shell=sh disable=SC2154 # have_p2, have_p3: set by run.sh (pandocs)

# office_docs: the documents in $TMP/office: SRC-FMT-LOOK.FMT, SRC p2 or p3,
# FMT docx or odt, LOOK a look or "none" (no filter); and places-SRC.docx,
# tests/render/places.md filtered.
office_docs() {
	if [ "$have_p2" = yes ]; then
		"$PANDOC" "$PLACES" --filter "$DM" \
			-o "$TMP/office/places-p2.docx" ||
			fail "pandoc 2.17 --filter dm -o docx (places.md)"
		for fmt in docx odt; do
			"$PANDOC" "$ARTICLE" -o "$TMP/office/p2-$fmt-none.$fmt"
			for look in $LOOKS; do
				"$PANDOC" "$ARTICLE" --filter "$DM" \
					-M "dm-callouts.appearance=$look" \
					-o "$TMP/office/p2-$fmt-$look.$fmt" ||
					fail "pandoc 2.17 --filter dm -o $fmt ($look)"
			done
		done
	fi
	[ "$have_p3" = yes ] || return 0
	for look in $LOOKS; do
		p3_json "$look" -M "dm-callouts.appearance=$look"
	done
	p3 -f markdown -o "$TMP/office/p3-docx-none.docx" "$ARTICLE"
	p3 -f markdown -t json -o "$TMP/places.p3.json" "$PLACES"
	p3_run || return
	filtered "$TMP/places.p3.json" "$TMP/places.p3.docx.json" docx &&
		p3 -f json -o "$TMP/office/places-p3.docx" \
			"$TMP/places.p3.docx.json"
	for look in $LOOKS; do
		for fmt in docx odt; do
			filtered "$TMP/$look.p3.json" "$TMP/$look.p3.$fmt.json" \
				"$fmt" &&
				p3 -f json -o "$TMP/office/p3-$fmt-$look.$fmt" \
					"$TMP/$look.p3.$fmt.json"
		done
	done
	p3_run
}

# office_xml DOC: the filtered document's XML is well-formed, and (docx) no
# table follows a table directly (Word would join them into one).
office_xml() {
	case $1 in
	*.docx) part=word/document.xml ;;
	*) part=content.xml ;;
	esac
	unzip -p "$1" "$part" > "$TMP/part.xml" 2> /dev/null
	if ! xmllint --noout "$TMP/part.xml" 2> "$TMP/err"; then
		fail "${1##*/}: $part is not well-formed"
		show "$TMP/err"
		return
	fi
	pass
	case $1 in *.docx) ;; *) return ;; esac
	n=$(grep -Eo '</w:tbl>[[:space:]]*<w:tbl>' "$TMP/part.xml" | wc -l)
	if [ "$n" -ne 0 ]; then
		fail "${1##*/}: $n table(s) directly after a table" \
		     "expected: a paragraph between adjacent boxes"
	else
		pass
	fi
}

# office_places PDF: places.md as LibreOffice set it.  Each box in a list
# item starts at its item's text: its rule within 12 points left of the
# text (a box at the margin stood 45 and more to the left); the box ending
# the footnote shows its title, on the page of its body.
office_places() {
	_op_p=${1%.pdf}
	_op_name=${_op_p##*/}
	[ -s "$1" ] || { fail "office $_op_name: no PDF"; return; }
	{ pdftotext -bbox "$1" "$_op_p.bbox.html" &&
	  pdftoppm -r 96 -png "$1" "$_op_p"; } ||
		{ fail "office $_op_name: poppler cannot read it"; return; }
	"$NODE" "$HERE/tint.mjs" --edges "$_op_p.bbox.html" "$_op_p" 96 \
		Listmark Boxlistmark Nestmark Boxnestmark Ordermark \
		Boxordermark Footboxmark Foottitlemark > "$_op_p.edges" \
		2> "$TMP/err" ||
		{ fail "office $_op_name: tint.mjs failed"; show "$TMP/err"; \
		  return; }
	while read -r _op_w _op_page _op_x _op_rule &&
	      read -r _op_bw _op_bpage _op_bx _op_brule; do
		office_place "$_op_name" "$_op_w" "$_op_page" "$_op_x" \
			"$_op_bw" "$_op_bpage" "$_op_brule"
	done < "$_op_p.edges"
}

# office_place DOC WORD PAGE X BOXWORD BOXPAGE RULE: one pair of lines of
# office_places: BOXWORD's box against WORD's list text (X, in points),
# or the footnote's box (WORD its body) and its title BOXWORD.
office_place() {
	if [ "$2" = Footboxmark ]; then
		if [ "$6" = "$3" ] && [ "$3" != - ]; then
			pass
		else
			fail "office $1: the title of the box in the footnote" \
			     "is not on the page" "expected: $5 on page $3;" \
			     "got: page $6 (the body on page $3)"
		fi
	elif [ "$7" != - ] && [ "$4" != - ] && [ "$7" -le "$4" ] &&
	     [ "$7" -ge $(($4 - 12)) ]; then
		pass
	else
		fail "office $1: the box around $5 is not at the list's text" \
		     "expected: its rule within 12pt left of $2's text at" \
		     "x=$4pt; got: x=$7pt"
	fi
}

part_office() {
	have "office" soffice pdftoppm pdftotext xmllint unzip || return
	if [ "$have_p2" = no ] && [ "$have_p3" = no ]; then
		skip "office: no pandoc"
		return
	fi
	mkdir -p "$TMP/office"
	office_docs
	set -- "$TMP"/office/*.docx "$TMP"/office/*.odt
	[ -e "$1" ] || { fail "office: no document was written"; return; }
	soffice_pdf office "$TMP/office" "$@"
	for doc in "$@"; do
		name=${doc##*/}
		name=${name%.*}
		pdf=$TMP/office/$name.pdf
		case $name in
		places-*)
			office_xml "$doc"
			office_places "$pdf"
			;;
		*-none)
			# shellcheck disable=SC2086 # words
			tint_check "office $name (no filter)" "$pdf" none \
				$BOXED $PLAIN
			;;
		*)
			office_xml "$doc"
			# shellcheck disable=SC2086 # words
			tint_check "office $name" "$pdf" box $BOXED
			[ -s "$pdf" ] &&
				tint_check "office $name" "$pdf" none "$PLAIN"
			;;
		esac
	done
}
