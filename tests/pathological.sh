#!/bin/sh
# pathological.sh BUILD - inputs shaped to make a careless parser or filter
# take time that grows with the square of their size, or memory that grows
# exponentially (after cmark's test/pathological_tests.py).
#
# Each shape is generated twice, at size N and at 4N (the 4N input is
# about a megabyte, where quadratic work takes tens of seconds), and run
# under /usr/bin/time.  What is compared is CPU time (user + system), not
# the clock, so a loaded machine slows a case without failing it.  A shape
# fails when
#   - the 4N run's CPU time is more than RATIO (8) times the N run's AND
#     more than ABS (1.5) seconds: linear work grows about 4 times,
#     quadratic 16 times, and below ABS the times are too small to tell;
#   - a run is still going after HARD (60) seconds of the clock;
#   - a run's peak memory (maximum RSS) is over MEM_X (40) times what it
#     reads and writes plus MEM_BASE (64) MB: the budget the README states
#     (a Markdown byte may become a node, so its output is what counts;
#     what is not written may not be held either: a copy per citation,
#     per alias);
#   - a run does not exit as its case says: 0, or 1 with one message on
#     standard error (a limit that refuses the input must say so).
# Each run also has an address-space cap (ulimit -v, CAP_MB, 4096), so a
# runaway cannot take the machine down.
#
# Environment: RATIO, ABS, HARD, MEM_X, MEM_BASE, CAP_MB, KEEP=1, ONLY=NAME
# (one shape).  Prints one line per run: size, CPU ms, peak RSS, exit.
set -u
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/pathological.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" && pwd)
RATIO=${RATIO:-8}
ABS=${ABS:-1.5}
HARD=${HARD:-60}
MEM_X=${MEM_X:-40}
MEM_BASE=${MEM_BASE:-64}
CAP_MB=${CAP_MB:-4096}
LC_ALL=C
export LC_ALL
DM_TEST=pathological
. "$ROOT/tests/lib.sh"

# A sanitizer's shadow memory and checks are no measure of ours.
if ldd "$BUILD/dm" 2>/dev/null | grep -q libasan; then
	skip "pathological: the plain build's time and memory count"
	summary
	exit
fi
if [ ! -x /usr/bin/time ]; then
	echo "pathological.sh: /usr/bin/time is missing (make deps)" >&2
	exit 2
fi

FROM_MD=$BUILD/dm-from-md
TO_HTML=$BUILD/dm-to-html
DM=$BUILD/dm

# rep N TEXT: TEXT N times (printf escapes in TEXT are expanded).
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# doc [META]: a pandoc JSON document around the blocks on standard input.
doc() {
	printf '{"pandoc-api-version":[1,23,1,2],"meta":{%s},"blocks":[' "${1:-}"
	cat
	printf ']}'
}

# ---- the shapes: gen_NAME N writes the input of size N ---------------------

# Markdown (dm-from-md)
gen_dollar_brace() { rep "$1" '${'; }
gen_dollar_code() { rep "$1" '$``x '; }
gen_lazy_alert() { printf '> [!NOTE]\n'; rep "$1" 'lazy line\n'; }
gen_notes_fence() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "[^%d]\n\n", i
	                       for (i = 0; i < n; i++) printf "[^%d]: note %d\n", i, i
	                       printf "```\n" }'
}
# notes that cite the next one twice: 2^N copies if each citation copies
gen_notes_cite() {
	awk -v n="$1" 'BEGIN { print "[^0]"; print ""
	    for (i = 0; i < n; i++) printf "[^%d]: [^%d] [^%d]\n\n", i, i + 1, i + 1
	    printf "[^%d]: end\n", n }'
}
gen_open_emphasis() { rep "$1" '*a **b '; }
gen_nested_quotes() { rep "$1" '> '; echo text; }

# YAML front matter (dm-from-md)
gen_yaml_anchors() {
	awk -v n="$1" 'BEGIN { print "---"
	    for (i = 0; i < n; i++) printf "k%d: &a%d v%d\n", i, i, i
	    printf "refs: ["
	    for (i = 0; i < n; i++) printf "%s*a%d", i ? "," : "", i
	    print "]"; print "---"; print "text" }'
}
gen_yaml_second_doc() { printf -- '---\na: 1\n---\n---\n'; rep "$1" '['; printf '\n---\n'; }
# a 100 KB string aliased N times: refused by the alias budget
gen_yaml_big_alias() {
	awk -v n="$1" 'BEGIN { printf "---\nbig: &b \""
	    for (i = 0; i < 100000; i++) printf "x"
	    printf "\"\nrefs: ["
	    for (i = 0; i < n; i++) printf "%s*b", i ? "," : ""
	    print "]"; print "---"; print "text" }'
}

# dm-to-html
gen_div_attrs() {
	{ printf '{"t":"Div","c":[["",[],['
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s[\"k%d\",\"v\"]", i ? "," : "", i }'
	  printf ']],[]]}'; } | doc
}
gen_words() {
	{ printf '{"t":"Para","c":['
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s{\"t\":\"Str\",\"c\":\"w\"}", i ? ",{\"t\":\"Space\"}," : "" }'
	  printf ']}'; } | doc
}

# the filters (dm)
gen_dm_section() {
	{ printf '{"t":"Header","c":[2,["",[],[]],[{"t":"Str","c":"The"},{"t":"Space"},{"t":"Str","c":"Direct"},{"t":"Space"},{"t":"Str","c":"Message"}]]}'
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf ",{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"p%d\"}]}", i }'
	} | doc
}
# many Direct Message sections, each a heading and a paragraph (one section
# moved every later block up once: quadratic)
gen_dm_sections() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s{\"t\":\"Header\",\"c\":[2,[\"\",[],[]],[{\"t\":\"Str\",\"c\":\"The\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Direct\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Message\"}]]},{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"p%d\"}]}", i ? "," : "", i }' |
		doc
}
# the text of +sourcepos: every inline in a wrapper Span
gen_sourcepos() {
	{ printf '{"t":"Div","c":[["",[],[["wrapper","1"],["data-pos","1:1-1:2"]]],[{"t":"Para","c":['
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s{\"t\":\"Span\",\"c\":[[\"\",[],[[\"wrapper\",\"1\"],[\"data-pos\",\"1:%d-1:%d\"]]],[{\"t\":\"Str\",\"c\":\"w\"}]]}", i ? "," : "", i, i + 1 }'
	  printf ']}]]}'; } | doc
}
# -M dm-callouts.labels.tension='${${${...' (a label read as Markdown)
gen_label() {
	printf '' | doc "$(printf '"dm-callouts.labels.tension":{"t":"MetaString","c":"%s"}' "$(rep "$1" '${')")"
}
gen_labelled_items() {
	{ printf '{"t":"BulletList","c":['
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s[{\"t\":\"Plain\",\"c\":[{\"t\":\"Str\",\"c\":\"Tension:\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"x\"}]}]", i ? "," : "" }'
	  printf ']}'; } | doc
}
# the triad as headings at the opening, its Direct Message over N
# paragraphs, then N more Tension headings (none at the opening)
gen_heading_triad() {
	awk -v n="$1" 'function h(w) { printf "{\"t\":\"Header\",\"c\":[2,[\"\",[],[]],[{\"t\":\"Str\",\"c\":\"%s\"}]]},", w }
	    function p(i) { printf "{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"p%d\"}]}", i }
	    BEGIN { h("Tension"); p(0); printf ","; h("Noise"); p(0); printf ","
	        printf "{\"t\":\"Header\",\"c\":[2,[\"\",[],[]],[{\"t\":\"Str\",\"c\":\"Direct\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Message\"}]]}"
	        for (i = 0; i < n; i++) { printf ","; p(i) }
	        for (i = 0; i < n; i++) { printf ","; h("Tension"); p(i) } }' |
		doc
}
# N triad alerts in a row: > [!tension] x
gen_triad_alerts() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s{\"t\":\"BlockQuote\",\"c\":[{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"[!tension]\"},{\"t\":\"SoftBreak\"},{\"t\":\"Str\",\"c\":\"x\"}]}]}", i ? "," : "" }' |
		doc
}
gen_credit_lines() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":\"Photo:\"},{\"t\":\"Space\"},{\"t\":\"Str\",\"c\":\"Jane%d/Unsplash\"}]}", i ? "," : "", i }' |
		doc
}

# ---- running them ----------------------------------------------------------

# run SIZE GEN WANT PROG...: one run of the input GEN makes at SIZE; sets
# cpu_ms, rss_kb, bytes, rc; fails on a wrong exit, message or memory.
run() {
	size=$1 gen=$2 want=$3
	shift 3
	"gen_$gen" "$size" > "$TMP/in"
	bytes=$(wc -c < "$TMP/in")
	(
		ulimit -v $((CAP_MB * 1024))
		exec timeout "$HARD" /usr/bin/time -f '%U %S %M' -o "$TMP/time" \
			"$@"
	) < "$TMP/in" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	set -- $(tail -n 1 "$TMP/time" 2>/dev/null) 0 0 0
	cpu_ms=$(awk -v u="$1" -v s="$2" 'BEGIN { printf "%d", (u + s) * 1000 }')
	rss_kb=$3
	out_bytes=$(wc -c < "$TMP/out")
	budget_kb=$((MEM_X * (bytes + out_bytes) / 1024 + MEM_BASE * 1024))
	printf '  %-22s %8d in %9d out %6d ms CPU %7d KB  exit %s\n' \
	       "$gen@$size" "$bytes" "$out_bytes" "$cpu_ms" "$rss_kb" "$rc"
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		fail "$name" "expected: done within ${HARD}s ($bytes bytes)" \
		     "got: still running; killed"
		return 1
	elif [ "$rc" != "$want" ]; then
		fail "$name" "expected: exit $want ($bytes bytes)" \
		     "got: exit $rc, stderr:"
		show "$TMP/err"
		return 1
	elif [ "$want" != 0 ] && [ "$(grep -cv '^Command exited' "$TMP/err")" -ne 1 ]; then
		fail "$name" "expected: one message" "got:"
		show "$TMP/err"
		return 1
	elif [ "$rss_kb" -gt "$budget_kb" ]; then
		fail "$name" "expected: at most $budget_kb KB ($MEM_X x ($bytes + $out_bytes) bytes in and out + $MEM_BASE MB)" \
		     "got: $rss_kb KB"
		return 1
	fi
	return 0
}

# shape NAME N GEN WANT PROG...: runs GEN at N and 4N; fails on
# super-linear growth of the CPU time (see the top).
shape() {
	name=$1 n=$2 gen=$3 want=$4
	shift 4
	if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$gen" ] && [ "$ONLY" != "$name" ]; then
		return
	fi
	echo "$name"
	run "$n" "$gen" "$want" "$@" || return
	small=$cpu_ms
	run $((4 * n)) "$gen" "$want" "$@" || return
	big=$cpu_ms
	if awk -v s="$small" -v b="$big" -v r="$RATIO" -v a="$ABS" \
		'BEGIN { exit !(b > a * 1000 && b > r * (s > 10 ? s : 10)) }'; then
		fail "$name" "expected: 4 times the input in at most $RATIO times the CPU time, or under ${ABS}s" \
		     "got: ${small} ms, then ${big} ms"
	else
		pass
	fi
}

# ---- Markdown (dm-from-md) ---------------------------------------------------
shape 'md: ${ repeated' 75000 dollar_brace 0 "$FROM_MD"
shape 'md: $``x repeated' 37500 dollar_code 0 "$FROM_MD"
shape 'md: alert, 50k lazy lines' 12500 lazy_alert 0 "$FROM_MD"
shape 'md: 20k footnotes, fence' 5000 notes_fence 0 "$FROM_MD"
shape 'md: footnotes cite twice' 30 notes_cite 0 "$FROM_MD"
# as pandoc 2.17, each citation a copy: refused past the budget
shape 'md: footnotes cite twice, 1.22' 30 notes_cite 1 "$FROM_MD" --api 1.22
if [ -z "${ONLY:-}" ] &&
	! grep -q 'footnotes cite each other too often: their copies exceed [0-9]* JSON values: line [0-9]*$' \
	"$TMP/err"; then
	fail "md: footnotes cite twice, 1.22: the message" "got:"
	show "$TMP/err"
fi
shape 'md: open emphasis' 50000 open_emphasis 0 "$FROM_MD"
# past the nesting limit: refused, with the line where it happens
shape 'md: 10k nested quotes' 2500 nested_quotes 1 "$FROM_MD"
if [ -z "${ONLY:-}" ] &&
	! grep -q 'nested too deeply (more than [0-9]* levels): line 1$' \
	"$TMP/err"; then
	fail "md: 10k nested quotes: the message names the line" "got:"
	show "$TMP/err"
fi

# ---- YAML front matter (dm-from-md) --------------------------------------------
shape 'yaml: 90k anchors + aliases' 22500 yaml_anchors 0 "$FROM_MD"
shape 'yaml: 2nd document, 100k [' 25000 yaml_second_doc 0 "$FROM_MD"
shape 'yaml: 100KB alias x150k' 37500 yaml_big_alias 1 "$FROM_MD"

# ---- dm-to-html ----------------------------------------------------------------
shape 'to-html: 80k attributes' 20000 div_attrs 0 "$TO_HTML"
shape 'to-html: 200k words' 50000 words 0 "$TO_HTML"

# ---- the filters ---------------------------------------------------------------
shape 'dm: DM section, 200k paras' 50000 dm_section 0 "$DM" html
shape 'dm: 10k DM sections' 2500 dm_sections 0 "$DM" html
shape 'dm: sourcepos, 80k spans' 20000 sourcepos 0 "$DM" html
shape 'dm: -M label of ${ x100k' 25000 label 0 "$DM" html
shape 'dm: 100k labelled items' 25000 labelled_items 0 "$DM" html
shape 'dm: 100k credit lines' 25000 credit_lines 0 "$DM" html
shape 'dm: heading triad, 200k blocks' 25000 heading_triad 0 "$DM" --check html
shape 'dm: 100k triad alerts' 25000 triad_alerts 0 "$DM" --check html
summary
