#!/bin/sh
# golden.sh - run the filters through real pandoc and diff the output
# against the expected files next to each sample (as pandoc/lua-filters does).
#
#   sh tests/golden.sh BUILD            check every case
#   sh tests/golden.sh BUILD --update   rewrite the expected files (then
#                                       read `git diff` before committing)
#
# A case is a folder tests/golden/FILTER/CASE/ holding
#   input.md            the source
#   from                (optional) the pandoc reader, default markdown
#   chain               (optional) the `dm --filters` list, default FILTER
#   meta                (optional) pandoc -M arguments, one KEY=VALUE a line
#   expected.P.FORMAT   P: p2 (pandoc 2.17) or p3 (pandoc 3 via pandoc-wasm);
#                       FORMAT: a pandoc writer, or docx.xml (the docx's
#                       word/document.xml, indented)
# Every case is also run twice through its chain for each format, and the
# two results must be the same document (idempotence).
set -u

BUILD=${1:?usage: golden.sh BUILD [--update]}
UPDATE=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DM="$ROOT/$BUILD/dm"
P3="node $ROOT/tests/pandoc3.mjs"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

p2_json() { # CASE FROM: the case's input as JSON, by pandoc 2.17
	dir=$1
	set -- -f "$2" -t json
	if [ -f "$dir/meta" ]; then
		while IFS= read -r line; do
			[ -n "$line" ] && set -- "$@" -M "$line"
		done <"$dir/meta"
	fi
	pandoc "$@" "$dir/input.md"
}

json_str() { # a JSON string of $1
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

writer() { # the pandoc writer of an expected file's FORMAT
	case $1 in docx.xml) echo docx ;; *) echo "$1" ;; esac
}

have_p2=false
have_p3=false
command -v pandoc >/dev/null 2>&1 && have_p2=true
[ -f "$ROOT/node_modules/pandoc-wasm/package.json" ] && have_p3=true
$have_p2 || echo "SKIP: pandoc 2.17 not installed"
$have_p3 || echo "SKIP: pandoc 3 (pandoc-wasm) not installed"

cases=$(find "$ROOT/tests/golden" -mindepth 2 -maxdepth 2 -type d | sort)

# 1. Source to JSON: pandoc 2.17 case by case, pandoc 3 in one batch.
: >"$TMP/batch1"
n=0
for c in $cases; do
	n=$((n + 1))
	from=markdown
	[ -f "$c/from" ] && from=$(cat "$c/from")
	echo "$c" >"$TMP/case$n"
	if $have_p2 && ls "$c"/expected.p2.* >/dev/null 2>&1; then
		p2_json "$c" "$from" >"$TMP/in$n.p2.json" 2>"$TMP/err" ||
			bad "$c: pandoc 2.17 cannot read input.md: $(cat "$TMP/err")"
	fi
	if $have_p3 && ls "$c"/expected.p3.* >/dev/null 2>&1; then
		printf '["-f","%s","-t","json"' "$from" >>"$TMP/batch1"
		if [ -f "$c/meta" ]; then
			while IFS= read -r line; do
				[ -n "$line" ] &&
					printf ',"-M",%s' "$(json_str "$line")" \
						>>"$TMP/batch1"
			done <"$c/meta"
		fi
		printf ',"-o","%s","%s"]\n' "$TMP/in$n.p3.json" "$c/input.md" \
			>>"$TMP/batch1"
	fi
done
if $have_p3 && [ -s "$TMP/batch1" ]; then
	$P3 --batch "$TMP/batch1" || bad "pandoc 3 could not read some inputs"
fi

# 2. Through the filters, twice; 3. back through the same pandoc.
: >"$TMP/batch2"
n=0
for c in $cases; do
	n=$((n + 1))
	filter=$(basename "$(dirname "$c")")
	chain=$filter
	[ -f "$c/chain" ] && chain=$(cat "$c/chain")
	for exp in "$c"/expected.*; do
		[ -f "$exp" ] || continue
		rest=${exp##*/expected.}
		p=${rest%%.*}
		fmt=${rest#*.}
		w=$(writer "$fmt")
		in="$TMP/in$n.$p.json"
		case $p in
		p2) $have_p2 || continue ;;
		p3) $have_p3 || continue ;;
		*) bad "$exp: unknown pandoc '$p'"; continue ;;
		esac
		[ -f "$in" ] || { bad "$exp: no input JSON"; continue; }
		out="$TMP/out$n.$p.$fmt.json"
		if ! "$DM" --filters "$chain" "$w" <"$in" >"$out" 2>"$TMP/err"; then
			bad "$exp: dm --filters $chain $w failed: $(cat "$TMP/err")"
			continue
		fi
		if "$DM" --filters "$chain" "$w" <"$out" | cmp -s - "$out"; then
			ok
		else
			bad "$c: not idempotent: a second run of $chain $w changes the document"
		fi
		got="$TMP/got$n.$p.$fmt"
		if [ "$p" = p2 ]; then
			if [ "$w" = docx ]; then
				pandoc -f json -t docx -o "$got.docx" "$out" &&
					unzip -p "$got.docx" word/document.xml |
					xmllint --format - >"$got"
			else
				pandoc -f json -t "$w" --wrap=none "$out" >"$got"
			fi
		else
			if [ "$w" = docx ]; then
				printf '["-f","json","-t","docx","-o","%s","%s"]\n' \
					"$got.docx" "$out" >>"$TMP/batch2"
			else
				printf '["-f","json","-t","%s","--wrap=none","-o","%s","%s"]\n' \
					"$w" "$got" "$out" >>"$TMP/batch2"
			fi
		fi
	done
done
if $have_p3 && [ -s "$TMP/batch2" ]; then
	$P3 --batch "$TMP/batch2" || bad "pandoc 3 could not write some outputs"
	for d in "$TMP"/got*.p3.docx.xml.docx; do
		[ -f "$d" ] || continue
		unzip -p "$d" word/document.xml | xmllint --format - >"${d%.docx}"
	done
fi

# 4. Compare.
n=0
for c in $cases; do
	n=$((n + 1))
	for exp in "$c"/expected.*; do
		[ -f "$exp" ] || continue
		rest=${exp##*/expected.}
		p=${rest%%.*}
		fmt=${rest#*.}
		got="$TMP/got$n.$p.$fmt"
		[ -f "$got" ] || continue
		if [ "$UPDATE" = --update ]; then
			cp "$got" "$exp"
		fi
		if diff -u "$exp" "$got" >"$TMP/diff"; then
			ok
		else
			bad "$exp differs:"
			head -40 "$TMP/diff"
		fi
	done
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
