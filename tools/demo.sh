#!/bin/sh
# demo.sh - render every article in samples/ with the filters, into
# build/demo/: standalone HTML, PDF, docx and GitHub Markdown; and the
# README's pictures of the seed article as HTML (light and dark), as Word
# (through LibreOffice) and as an EPUB chapter (through Chromium) into
# docs/.
#
#   sh tools/demo.sh BUILD [PANDOC]
#
# With pandoc (the default when it is installed) the filters run as
# `pandoc --filter`; with PANDOC empty, or no pandoc, the pandoc-free path
# renders HTML only: dm-from-md | dm html | dm-to-html -s.
set -eu

BUILD=${1:?usage: demo.sh BUILD [PANDOC]}
PANDOC=${2-pandoc}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/build/demo"
DM="$ROOT/$BUILD/dm"
mkdir -p "$OUT"

if [ -n "$PANDOC" ] && ! command -v "$PANDOC" >/dev/null 2>&1; then
	echo "demo: $PANDOC is not installed; using the pandoc-free path"
	PANDOC=
fi

# Text with one block per line (samples/*.txt, as a CMS exports an
# article) is read by dm-from-md --lines, for the API of this pandoc.
api=1.23
if [ -n "$PANDOC" ] &&
	"$PANDOC" --version | head -n 1 | grep -q ' [12]\.'; then
	api=1.22
fi

for md in "$ROOT"/samples/*.md "$ROOT"/samples/*.txt; do
	[ -f "$md" ] || continue
	name=$(basename "$md")
	name=${name%.*}
	case $md in *.txt) name=$name-lines ;; esac
	from=markdown
	case $name in *-alerts) from=gfm+yaml_metadata_block ;; esac
	if [ -z "$PANDOC" ]; then
		if [ ! -x "$ROOT/$BUILD/dm-from-md" ]; then
			echo "demo: no pandoc and no dm-from-md: nothing to do" >&2
			exit 1
		fi
		lines=
		case $md in *.txt) lines=--lines ;; esac
		"$ROOT/$BUILD/dm-from-md" $lines "$md" | "$DM" html |
			"$ROOT/$BUILD/dm-to-html" -s >"$OUT/$name.html"
		echo "demo: $OUT/$name.html (without pandoc)"
		continue
	fi
	page=
	case $md in *.txt)
		"$ROOT/$BUILD/dm-from-md" --api $api --lines "$md" \
			>"$OUT/$name.json"
		md=$OUT/$name.json
		from=json
		# a CMS export has no title: the page's <title> is its name
		page="--metadata=pagetitle:$name" ;;
	esac
	"$PANDOC" -f "$from" "$md" --filter "$DM" -s $page -o "$OUT/$name.html"
	"$PANDOC" -f "$from" "$md" --filter "$DM" -o "$OUT/$name.docx"
	"$PANDOC" -f "$from" "$md" --filter "$DM" -t gfm -o "$OUT/$name.gfm.md"
	engine=pdflatex
	# CJK text (UTF-8 lead bytes E4 to E9) needs xelatex and a CJK font.
	LC_ALL=C grep -q "$(printf '[\344-\351]')" "$md" && engine=xelatex
	if command -v $engine >/dev/null 2>&1; then
		if [ $engine = xelatex ]; then
			"$PANDOC" -f "$from" "$md" --filter "$DM" \
				--pdf-engine=xelatex -V CJKmainfont="Noto Serif CJK SC" \
				-V lang= \
				-o "$OUT/$name.pdf"
		else
			"$PANDOC" -f "$from" "$md" --filter "$DM" -o "$OUT/$name.pdf"
		fi
	fi
	echo "demo: $OUT/$name.{html,docx,gfm.md,pdf} (pandoc $("$PANDOC" --version | head -1 | cut -d' ' -f2))"
done

# Pictures of the seed article for the README: the page in a browser
# (Chromium through playwright-core, tools/shots.mjs), a page that follows
# the reader's colour scheme (samples/color-scheme.css), in the light and
# in the dark; and printed, into build/demo/.
if [ -n "$PANDOC" ] && command -v chromium >/dev/null 2>&1 &&
   [ -d "$ROOT/node_modules/playwright-core" ]; then
	cp "$ROOT/samples/color-scheme.css" "$OUT/color-scheme.css"
	"$PANDOC" "$ROOT/samples/seed.md" --filter "$DM" -s \
		--css color-scheme.css -o "$OUT/seed-scheme.html" &&
		NODE_PATH="$ROOT/node_modules" node "$ROOT/tools/shots.mjs" \
			"$OUT/seed-scheme.html" "$OUT/seed-html" 900 1000 &&
		mv "$OUT/seed-html-light.png" "$ROOT/docs/seed-html.png" &&
		mv "$OUT/seed-html-dark.png" "$ROOT/docs/seed-html-dark.png" &&
		echo "demo: $ROOT/docs/seed-html.png, seed-html-dark.png," \
		     "$OUT/seed-html-print.pdf"
fi
if [ -f "$OUT/seed.pdf" ] && command -v pdftoppm >/dev/null 2>&1; then
	pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$OUT/seed.pdf" \
		"$OUT/seed-pdf" && echo "demo: $OUT/seed-pdf.png"
fi

# The seed article in Word, as LibreOffice draws it: page 1.
if [ -f "$OUT/seed.docx" ] && command -v soffice >/dev/null 2>&1 &&
   command -v pdftoppm >/dev/null 2>&1; then
	mkdir -p "$OUT/office"
	soffice "-env:UserInstallation=file://$OUT/office/profile" --headless \
		--convert-to pdf --outdir "$OUT/office" "$OUT/seed.docx" \
		>/dev/null 2>&1 &&
		pdftoppm -r 70 -png -f 1 -l 1 -singlefile \
			"$OUT/office/seed.pdf" "$ROOT/docs/seed-docx" &&
		echo "demo: $ROOT/docs/seed-docx.png"
fi
# The seed article as an EPUB 3, its first chapter as a reader's browser
# shows it (pandoc's stylesheet, the callouts' styles in place).
if [ -n "$PANDOC" ] && command -v chromium >/dev/null 2>&1 &&
   command -v unzip >/dev/null 2>&1; then
	rm -rf "$OUT/seed-epub"
	"$PANDOC" "$ROOT/samples/seed.md" --filter "$DM" -t epub3 \
		-o "$OUT/seed.epub" &&
		unzip -q -o "$OUT/seed.epub" -d "$OUT/seed-epub" &&
		chromium --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking \
			--disable-component-update --disable-sync \
			--user-data-dir="$OUT/chromium" --hide-scrollbars \
			--window-size=600,900 \
			--screenshot="$ROOT/docs/seed-epub.png" \
			"file://$OUT/seed-epub/EPUB/text/ch001.xhtml" \
			>/dev/null 2>&1 &&
		echo "demo: $ROOT/docs/seed-epub.png"
fi
