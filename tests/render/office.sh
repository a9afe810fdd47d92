# tests/render/office.sh - the office part of tests/render/run.sh (sourced):
# docx and odt through LibreOffice, the boxes seen in the page pictures.
# shellcheck shell=sh disable=SC2154 # have_p2, have_p3: set by run.sh (pandocs)

# office_docs: the documents in $TMP/office: SRC-FMT-LOOK.FMT, SRC p2 or p3,
# FMT docx or odt, LOOK a look or "none" (no filter).
office_docs() {
	if [ "$have_p2" = yes ]; then
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
	p3_run || return
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
