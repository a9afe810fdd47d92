#!/bin/sh
# pathological.sh BUILD - inputs shaped to make a careless parser or filter
# take time that grows with the square of their size, or memory that grows
# exponentially (after cmark's test/pathological_tests.py).  Each is
# generated at about a megabyte, where quadratic work takes minutes, and
# must finish within LIMIT seconds (default 10; linear work takes well under
# one) and within MEM_MB of address space (default 2048), with the exit
# status its case names: 0, or 1 with one message (a limit that refuses the
# input must say so).
#
# Environment: LIMIT, MEM_MB, KEEP=1, ONLY=NAME (one case).
set -u
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/pathological.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" && pwd)
LIMIT=${LIMIT:-10}
MEM_MB=${MEM_MB:-2048}
LC_ALL=C
export LC_ALL
DM_TEST=pathological
. "$ROOT/tests/lib.sh"

# rep N TEXT: TEXT N times.
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# A pandoc JSON document around BLOCKS (read from standard input).
doc() {
	printf '{"pandoc-api-version":[1,23,1,2],"meta":{%s},"blocks":[' "${1:-}"
	cat
	printf ']}'
}

# case NAME WANT_RC PROG ARGS... < INPUT: one case, timed and bounded.
run_case() {
	name=$1 want=$2
	shift 2
	if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then
		return
	fi
	t0=$(date +%s%N)
	(
		ulimit -v $((MEM_MB * 1024))
		exec timeout "$LIMIT" "$@"
	) < "$TMP/in" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	size=$(wc -c < "$TMP/in")
	if [ "$rc" = 124 ]; then
		fail "$name" "expected: done within ${LIMIT}s ($size bytes)" \
		     "got: still running; killed"
	elif [ "$rc" != "$want" ]; then
		fail "$name" "expected: exit $want" \
		     "got: exit $rc after ${ms}ms, stderr:"
		show "$TMP/err"
	elif [ "$want" != 0 ] && [ "$(wc -l < "$TMP/err")" -ne 1 ]; then
		fail "$name" "expected: one message" "got:"
		show "$TMP/err"
	else
		pass
	fi
	printf '%-28s %8d bytes %6d ms  exit %s\n' "$name" "$size" "$ms" "$rc"
}

FROM_MD=$BUILD/dm-from-md
TO_HTML=$BUILD/dm-to-html
DM=$BUILD/dm

# ---- Markdown (dm-from-md) ------------------------------------------------
rep 300000 '${' > "$TMP/in"
run_case "md: \${ repeated" 0 "$FROM_MD"
rep 150000 '$``x ' > "$TMP/in"
run_case "md: \$\`\`x repeated" 0 "$FROM_MD"
{ printf '> [!NOTE]\n'; rep 50000 'lazy line\n'; } > "$TMP/in"
run_case "md: alert, 50k lazy lines" 0 "$FROM_MD"
{ awk 'BEGIN { for (i = 0; i < 20000; i++) printf "[^%d]\n\n", i
               for (i = 0; i < 20000; i++) printf "[^%d]: note %d\n", i, i
               printf "```\n" }'; } > "$TMP/in"
run_case "md: 20k footnotes, fence" 0 "$FROM_MD"
# notes that cite each other twice: 2^30 copies if each citation copies
awk 'BEGIN { print "[^0]"; print ""
             for (i = 0; i < 30; i++) printf "[^%d]: [^%d] [^%d]\n\n", i, i + 1, i + 1
             print "[^30]: end" }' > "$TMP/in"
run_case "md: footnotes cite twice" 0 "$FROM_MD"
# pandoc 2.17 copies a note inside a note: past the budget of note copies
n="md: footnotes cite twice, 1.22"
run_case "$n" 1 "$FROM_MD" --api 1.22
if [ "${ONLY:-$n}" = "$n" ] &&
   ! grep -q 'footnotes expand too much.*: line [0-9]*$' "$TMP/err"; then
	fail "$n: the message says so" "got:"
	show "$TMP/err"
fi
rep 200000 '*a **b ' > "$TMP/in"
run_case "md: open emphasis" 0 "$FROM_MD"
# past the nesting limit: refused, with the line where it happens
rep 10000 '> ' > "$TMP/in"
echo text >> "$TMP/in"
n="md: 10k nested quotes"
run_case "$n" 1 "$FROM_MD"
if [ "${ONLY:-$n}" = "$n" ] && ! grep -q 'nested too deeply (more than [0-9]* levels): line 1$' \
	"$TMP/err"; then
	fail "md: 10k nested quotes: the message names the line" "got:"
	show "$TMP/err"
fi

# ---- YAML front matter (dm-from-md) ----------------------------------------
awk 'BEGIN { print "---"
             for (i = 0; i < 90000; i++) printf "k%d: &a%d v%d\n", i, i, i
             printf "refs: ["
             for (i = 0; i < 90000; i++) printf "%s*a%d", i ? "," : "", i
             print "]"; print "---"; print "text" }' > "$TMP/in"
run_case "yaml: 90k anchors + aliases" 0 "$FROM_MD"
{ printf -- '---\na: 1\n---\n---\n'; rep 100000 '['; printf '\n---\n'; } \
	> "$TMP/in"
run_case "yaml: 2nd document, 100k [" 0 "$FROM_MD"
awk 'BEGIN { printf "---\nbig: &b \""
             for (i = 0; i < 100000; i++) printf "x"
             printf "\"\nrefs: ["
             for (i = 0; i < 150000; i++) printf "%s*b", i ? "," : ""
             print "]"; print "---"; print "text" }' > "$TMP/in"
run_case "yaml: 100KB alias x150k" 1 "$FROM_MD"

# ---- dm-to-html ------------------------------------------------------------
{ printf '{"t":"Div","c":[["",[],['
  awk 'BEGIN { for (i = 0; i < 80000; i++) printf "%s[\"k%d\",\"v\"]", i ? "," : "", i }'
  printf ']],[]]}'; } | doc > "$TMP/in"
run_case "to-html: 80k attributes" 0 "$TO_HTML"
{ printf '{"t":"Para","c":['
  awk 'BEGIN { for (i = 0; i < 200000; i++) printf "%s{\"t\":\"Str\",\"c\":\"w\"}", i ? ",{\"t\":\"Space\"}," : "" }'
  printf ']}'; } | doc > "$TMP/in"
run_case "to-html: 200k words" 0 "$TO_HTML"

# ---- the filters -----------------------------------------------------------
{ printf '{"t":"Header","c":[2,["",[],[]],[{"t":"Str","c":"The"},{"t":"Space"},{"t":"Str","c":"Direct"},{"t":"Space"},{"t":"Str","c":"Message"}]]}'
  awk 'BEGIN { for (i = 0; i < 200000; i++) printf ",{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"p%d\"}]}", i }'
} | doc > "$TMP/in"
run_case "dm: DM section, 200k paras" 0 "$DM" html
# the text of +sourcepos: every inline in a wrapper Span
{ printf '{"t":"Div","c":[["",[],[["wrapper","1"],["data-pos","1:1-1:2"]]],[{"t":"Para","c":['
  awk 'BEGIN { for (i = 0; i < 80000; i++) printf "%s{\"t\":\"Span\",\"c\":[[\"\",[],[[\"wrapper\",\"1\"],[\"data-pos\",\"1:%d-1:%d\"]]],[{\"t\":\"Str\",\"c\":\"w\"}]]}", i ? "," : "", i, i + 1 }'
  printf ']}]]}'; } | doc > "$TMP/in"
run_case "dm: sourcepos, 80k spans" 0 "$DM" html
rep 100000 '${' | awk '{ printf "{\"dm-callouts.labels.tension\":{\"t\":\"MetaString\",\"c\":\"%s\"}}", $0 }' \
	> "$TMP/meta"
printf '' | doc "$(sed 's/^{//; s/}$//' "$TMP/meta")" > "$TMP/in"
run_case "dm: -M label of \${ x100k" 0 "$DM" html
{ printf '{"t":"BulletList","c":['
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%s[{\"t\":\"Plain\",\"c\":[{\"t\":\"Str\",\"c\":\"Tension:\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"x\"}]}]", i ? "," : "" }'
  printf ']}'; } | doc > "$TMP/in"
run_case "dm: 100k labelled items" 0 "$DM" html
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%s{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"Photo:\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Jane%d/Unsplash\"}]}", i ? "," : "", i }' \
	| doc > "$TMP/in"
run_case "dm: 100k credit lines" 0 "$DM" html
summary
