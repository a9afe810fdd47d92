# tests/check/chain.sh - the tests of the `dm` chain, for tests/check/run.sh
# to source (after tests/lib.sh): functions over its documents and cases.
#
#   chain_doc DOC   `dm FORMAT` is `dm-callouts | dm-credits`, `dm --check`
#                   is `dm-check | dm-callouts | dm-credits`, byte for byte
#   chain_order     the checker runs first, and once; the default chain
#                   holds no check
#   chain_options   dm-check options add the check to the chain
#   chain_meta      the chain from dm-filters in the metadata
#
# They use run.sh's DM, CHECK, CALLOUTS, CREDITS, BROKEN (the readme-broken
# case), name_of, identity and verdict.

FORMATS="html latex docx gfm markdown json"

# chain_plain DOC F LABEL: dm F is dm-callouts F | dm-credits F, byte for
# byte.
chain_plain() {
	"$DM" "$2" < "$1" > "$TMP/dm.json" 2> "$TMP/dm.err"
	rc=$?
	"$CALLOUTS" "$2" < "$1" > "$TMP/p1.json" 2> "$TMP/p.err" &&
		"$CREDITS" "$2" < "$TMP/p1.json" > "$TMP/pipe.json" \
			2>> "$TMP/p.err"
	prc=$?
	if [ "$rc" -ne 0 ] || [ "$prc" -ne 0 ]; then
		fail "chain $3 $2" "dm exit $rc, pipe exit $prc:"
		show "$TMP/dm.err"
		show "$TMP/p.err"
	elif ! cmp -s "$TMP/dm.json" "$TMP/pipe.json"; then
		fail "chain $3 $2" \
		     "dm $2 differs from dm-callouts $2 | dm-credits $2"
	else
		pass
	fi
}

# chain_check DOC F LABEL: dm --check F is dm-check F | dm-callouts F |
# dm-credits F, byte for byte, with the same report (its program name
# aside).
chain_check() {
	"$DM" --check "$2" < "$1" > "$TMP/dm.json" 2> "$TMP/dm.err"
	rc=$?
	"$CHECK" "$2" < "$1" > "$TMP/p0.json" 2> "$TMP/c.err" &&
		"$CALLOUTS" "$2" < "$TMP/p0.json" > "$TMP/p1.json" &&
		"$CREDITS" "$2" < "$TMP/p1.json" > "$TMP/pipe.json"
	prc=$?
	sed 's/^dm: /dm-check: /' "$TMP/dm.err" > "$TMP/dm.err2"
	if [ "$rc" -ne 0 ] || [ "$prc" -ne 0 ]; then
		fail "chain $3 --check $2" "dm exit $rc, pipe exit $prc"
	elif ! cmp -s "$TMP/dm.json" "$TMP/pipe.json"; then
		fail "chain $3 --check $2" \
		     "dm --check $2 differs from the three in a pipe"
	elif ! cmp -s "$TMP/dm.err2" "$TMP/c.err"; then
		fail "chain $3 --check $2" \
		     "dm --check reports otherwise than dm-check:"
		diff "$TMP/c.err" "$TMP/dm.err2" | head -10 | sed 's/^/    /'
	else
		pass
	fi
}

# chain_doc DOC: for each format, chain_plain and chain_check.
chain_doc() {
	for f in $FORMATS; do
		chain_plain "$1" "$f" "$(name_of "$1")"
		chain_check "$1" "$f" "$(name_of "$1")"
	done
}

# dm_like LABEL IN WANT ERR ARGS...: dm ARGS over IN exits 0 with the bytes
# of the file WANT on stdout and the file ERR on stderr (/dev/null: none).
dm_like() {
	label=$1
	in=$2
	want=$3
	err=$4
	shift 4
	"$DM" "$@" < "$in" > "$TMP/dm.json" 2> "$TMP/dm.err"
	rc=$?
	if [ "$rc" -eq 0 ] && cmp -s "$want" "$TMP/dm.json" &&
	   cmp -s "$err" "$TMP/dm.err"; then
		pass
	else
		fail "chain: $label" "exit $rc, stderr:"
		show "$TMP/dm.err"
	fi
}

# broken_with YAML: readme-broken's article under YAML front matter, as
# pandoc 2.17 reads it, in $TMP/in.json.
broken_with() {
	{ printf -- '---\n%s\n---\n\n' "$1"; cat "$BROKEN/input.md"; } |
		"$PANDOC" -f markdown -t json > "$TMP/in.json"
}

# The checker runs first even when named last: after callouts the seed's
# triad list is gone, and a later check would miss it.
chain_order() {
	seed=$TMP/sample.seed.p2.json
	"$CALLOUTS" html < "$seed" | "$CHECK" html > /dev/null 2> "$TMP/err"
	if grep -q ' DM101: ' "$TMP/err"; then
		pass
	else
		fail "chain: dm-callouts | dm-check should report DM101" \
		     "(else the order test below proves nothing)"
	fi
	"$CHECK" html < "$seed" | "$CALLOUTS" html > "$TMP/want.json"
	dm_like "--filters callouts,check runs check first" "$seed" \
		"$TMP/want.json" /dev/null --filters callouts,check html
	# --filters check,callouts,check: a filter runs once.
	case_json "$BROKEN" "$TMP/broken.json"
	"$DM" --filters check,callouts,check html < "$TMP/broken.json" \
		> /dev/null 2> "$TMP/err"
	rc=$?
	[ "$rc" -eq 0 ] && [ "$(grep -c ' DM102: ' "$TMP/err")" -eq 1 ]
	verdict "chain: check named twice reports once" $?
	# The default chain holds no check.
	"$CALLOUTS" html < "$TMP/broken.json" | "$CREDITS" html \
		> "$TMP/want.json"
	dm_like "dm html runs no check by default" "$TMP/broken.json" \
		"$TMP/want.json" /dev/null html
}

# dm-check options add the check to the chain.
chain_options() {
	# -M dm-check.strict: exit 1, nothing written.
	case_json "$BROKEN" "$TMP/in.json" -M dm-check.strict
	"$DM" html < "$TMP/in.json" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	[ "$rc" -eq 1 ] && [ ! -s "$TMP/out" ] &&
		[ "$(tail -n 1 "$TMP/err")" = \
		  'dm: 3 errors in strict mode: nothing written' ] &&
		grep -q '^dm: error DM102: ' "$TMP/err"
	verdict "chain: -M dm-check.strict adds the check: exit 1, no output" $?
	# Any dm-check option adds it (here the output format).
	case_json "$BROKEN" "$TMP/in.json" -M dm-check.format=json
	"$DM" html < "$TMP/in.json" > /dev/null 2> "$TMP/err"
	rc=$?
	[ "$rc" -eq 0 ] && [ "$(grep -c '^{"rule":"DM' "$TMP/err")" -eq \
	                     "$(($(wc -l < "$BROKEN/error") - 1))" ]
	verdict "chain: -M dm-check.format=json adds the check" $?
}

# dm-filters in the metadata: a list, or a comma string in any order;
# --filters overrides it.
chain_meta() {
	sed 's/^dm-check: /dm: /' "$BROKEN/error" > "$TMP/want.err"
	broken_with 'dm-filters: [check]'
	identity "$TMP/in.json" "$TMP/id.json"
	dm_like "dm-filters: [check] runs the check alone" "$TMP/in.json" \
		"$TMP/id.json" "$TMP/want.err" html
	broken_with 'dm-filters: "callouts, check"'
	"$CHECK" html < "$TMP/in.json" 2> /dev/null |
		"$CALLOUTS" html > "$TMP/want.json"
	"$CREDITS" html < "$TMP/want.json" > "$TMP/want3.json"
	if cmp -s "$TMP/want.json" "$TMP/want3.json"; then
		fail "chain: dm-credits changes nothing in the comma test" \
		     "(so it cannot tell whether credits ran)"
	fi
	dm_like "dm-filters: \"callouts, check\"" "$TMP/in.json" \
		"$TMP/want.json" "$TMP/want.err" html
	"$CREDITS" html < "$TMP/in.json" > "$TMP/want.json"
	dm_like "--filters overrides dm-filters" "$TMP/in.json" \
		"$TMP/want.json" /dev/null --filters credits html
}
