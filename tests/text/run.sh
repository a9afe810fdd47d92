#!/bin/sh
# tests/text/run.sh - the callouts of the text writers, read back by the
# tools their readers use.
#
#   sh tests/text/run.sh BUILD_DIR
#
# tests/text/article.md (a triad, a note, a warning titled with markup
# characters, a type of the user's own with an id, three boxes nested, The
# Direct Message section, a credit line) goes through pandoc 2.17 and
# pandoc 3 (pandoc-wasm), `dm` (callouts, credits) and each text writer:
#   rst        docutils (rst2html5) converts it with no error or warning
#              (--halt=2) into HTML with admonitions
#   asciidoc   Asciidoctor converts it with no warning into HTML with
#              admonition blocks
#   docbook5   valid DocBook 5.0 (xmllint and the docbook5-xml schema), no
#              admonition inside an admonition nor sidebar in a sidebar
#              (the schema's Schematron rules, which xmllint skips)
#   docbook4   well-formed
#   org, jira  pandoc's reader of the format reads the boxes back
#   mediawiki  pandoc's reader passes the styled divs on to HTML
# and for each, the boxes the tool found (tests/text/boxes.py: the type and
# title of each, nested as they are) are those of expected.FORMAT.
#
# Needs python3, and python3-docutils, asciidoctor, docbook5-xml and
# libxml2-utils (tools/deps.sh installs them); a tool that is missing skips
# its part, saying so.  The last line is "N passed, N failed".

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/text/run.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
HERE=$ROOT/tests/text
DM=$BUILD/dm
DM_TEST=text  # read by tests/lib.sh
# shellcheck source=tests/lib.sh
. "$ROOT/tests/lib.sh"
pandocs
FORMATS="rst asciidoc docbook5 docbook4 org jira mediawiki"
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
P3="$NODE $ROOT/tests/pandoc3.mjs"

have() { command -v "$1" >/dev/null 2>&1; }
have python3 || { skip "python3 is not installed"; summary; exit; }
have rst2html5 || skip "rst: rst2html5 (python3-docutils) is not installed"
have asciidoctor || skip "asciidoc: asciidoctor is not installed"
[ -f "$RNG" ] || skip "docbook5: no DocBook 5 schema (docbook5-xml)"

# boxes KIND FILE NAME FORMAT: the boxes in FILE are those of
# expected.FORMAT.
boxes() {
	if python3 "$HERE/boxes.py" "$1" "$2" > "$TMP/$3.boxes" 2>&1 &&
		diff -u "$HERE/expected.$4" "$TMP/$3.boxes" > "$TMP/diff"; then
		pass
	else
		fail "$3: the boxes $1 reads differ from expected.$4" \
			"$(cat "$TMP/diff")"
	fi
}

# ran NAME STATUS ERRFILE: the tool exited 0 and said nothing.
ran() {
	if [ "$2" -eq 0 ] && [ ! -s "$3" ]; then
		pass
	else
		fail "$1: exit $2" "$(cat "$3")"
	fi
}

# 1. The article as JSON, filtered for each writer, written: pandoc 2.17
# one by one, pandoc 3 in one batch.
: > "$TMP/p3.jobs"
pp=
if [ "$have_p2" = yes ]; then
	pp=p2
	"$PANDOC" -f markdown -t json -o "$TMP/p2.json" "$HERE/article.md"
fi
if [ "$have_p3" = yes ]; then
	pp="$pp p3"
	$P3 -f markdown -t json -o "$TMP/p3.json" "$HERE/article.md"
fi
for p in $pp; do
	for f in $FORMATS; do
		if ! "$DM" "$f" < "$TMP/$p.json" > "$TMP/$p.$f.json" \
			2> "$TMP/err"; then
			fail "$p.$f: dm $f failed" "$(cat "$TMP/err")"
			continue
		fi
		if [ "$p" = p2 ]; then
			"$PANDOC" -f json -s -t "$f" -o "$TMP/$p.$f" "$TMP/$p.$f.json"
		else
			printf '["-f","json","-s","-t","%s","-o","%s","%s"]\n' \
				"$f" "$TMP/$p.$f" "$TMP/$p.$f.json" >> "$TMP/p3.jobs"
		fi
	done
done
if [ -s "$TMP/p3.jobs" ]; then
	$P3 --batch "$TMP/p3.jobs" || fail "pandoc 3 could not write some"
fi

# reader P FORMAT FILE OUT ARGS: pandoc P's reader of FORMAT on FILE.
reader() {
	_p=$1 _f=$2 _in=$3 _out=$4
	shift 4
	if [ "$_p" = p2 ]; then
		"$PANDOC" -f "$_f" "$@" -o "$_out" "$_in"
	else
		$P3 -f "$_f" "$@" -o "$_out" "$_in"
	fi
}

# 2. Each output in its tools.
for p in $pp; do
	o=$TMP/$p
	if have rst2html5 && [ -f "$o.rst" ]; then
		rst2html5 --halt=2 --report=2 "$o.rst" "$o.rst.html" 2> "$TMP/err"
		ran "$p.rst: rst2html5" $? "$TMP/err"
		n=$(grep -c '<aside class="admonition' "$o.rst.html")
		if [ "$n" -eq 9 ]; then pass; else
			fail "$p.rst: 9 admonitions in docutils' HTML, found $n"
		fi
		rst2xml --halt=2 "$o.rst" "$o.rst.xml" 2> "$TMP/err"
		ran "$p.rst: rst2xml" $? "$TMP/err"
		boxes docutils "$o.rst.xml" "$p.rst" rst
	fi
	if have asciidoctor && [ -f "$o.asciidoc" ]; then
		asciidoctor --failure-level=WARN -o "$o.adoc.html" "$o.asciidoc" \
			2> "$TMP/err"
		ran "$p.asciidoc: asciidoctor" $? "$TMP/err"
		n=$(grep -c '<div class="admonitionblock\|<div id="[^"]*" class="admonitionblock' "$o.adoc.html")
		if [ "$n" -eq 10 ]; then pass; else
			fail "$p.asciidoc: 10 admonition blocks in Asciidoctor's" \
				"HTML, found $n"
		fi
		asciidoctor -b docbook5 --failure-level=WARN -o "$o.adoc.xml" \
			"$o.asciidoc" 2> "$TMP/err"
		ran "$p.asciidoc: asciidoctor -b docbook5" $? "$TMP/err"
		boxes docbook "$o.adoc.xml" "$p.asciidoc" asciidoc
	fi
	if [ -f "$o.docbook5" ] && [ -f "$RNG" ]; then
		xmllint --noout --relaxng "$RNG" "$o.docbook5" 2> "$TMP/err"
		if [ $? -eq 0 ]; then pass; else
			fail "$p.docbook5: not valid DocBook 5.0" "$(cat "$TMP/err")"
		fi
		adm="self::*[local-name()='note' or local-name()='tip' or"
		adm="$adm local-name()='warning' or local-name()='important' or"
		adm="$adm local-name()='caution']"
		n=$(xmllint --xpath "count(//*[$adm]//*[$adm]) +
			count(//*[local-name()='sidebar']//*[local-name()='sidebar'])" \
			"$o.docbook5")
		if [ "$n" = 0 ]; then pass; else
			fail "$p.docbook5: $n admonitions or sidebars in their kind"
		fi
	fi
	if [ -f "$o.docbook5" ]; then
		boxes docbook "$o.docbook5" "$p.docbook5" docbook
	fi
	if [ -f "$o.docbook4" ]; then
		xmllint --noout "$o.docbook4" 2> "$TMP/err"
		ran "$p.docbook4: well-formed" $? "$TMP/err"
		boxes docbook "$o.docbook4" "$p.docbook4" docbook
	fi
	for f in org jira; do
		[ -f "$o.$f" ] || continue
		reader "$p" "$f" "$o.$f" "$o.$f.back.json" -t json
		boxes pandoc "$o.$f.back.json" "$p.$f" "$f"
	done
	if [ -f "$o.mediawiki" ]; then
		reader "$p" mediawiki "$o.mediawiki" "$o.wiki.html" -t html
		boxes html "$o.wiki.html" "$p.mediawiki" mediawiki
	fi
done
summary
