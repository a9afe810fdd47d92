# tests/bad.sh - bad and odd input, as data cases; sourced by tests/run.sh.
#
# A case is tests/bad/NAME.expect plus its input: tests/bad/NAME.json, or
# tests/bad/NAME.gen, a sh script that writes the input on standard output
# (for inputs too large, too deep or too binary to keep as a file).
# NAME.expect holds
#
#   line 1  the exit status `dm --filters '' html` must give
#   line 2  a fragment its message on stderr must contain (status 1 and 2)
#
# A non-zero status also requires: nothing on stdout, exactly one line on
# stderr starting "dm: ", and no sanitizer or valgrind report.  Status 0
# requires an empty stderr and output JSON-equal to the input, object key
# order included.

for expect in "$ROOT"/tests/bad/*.expect; do
	name=${expect##*/}
	name=bad/${name%.expect}
	base=${expect%.expect}
	if [ -f "$base.json" ]; then
		input=$base.json
	elif [ -f "$base.gen" ]; then
		input=$TMP/gen.json
		if ! sh "$base.gen" > "$input"; then
			fail "$name" "expected: $base.gen to write the input" \
			     "got: it failed"
			continue
		fi
	else
		fail "$name" "expected: $base.json or $base.gen" \
		     "got: neither"
		continue
	fi
	want_rc= want_msg=
	{
		IFS= read -r want_rc
		IFS= read -r want_msg
	} < "$expect"
	case $want_rc in
	0 | 1 | 2) ;;
	*)
		fail "$name" "expected: an exit status (0, 1 or 2) on line 1" \
		     "of $expect" "got: '$want_rc'"
		continue
		;;
	esac
	if [ "$want_rc" != 0 ] && [ -z "$want_msg" ]; then
		fail "$name" "expected: a message fragment on line 2 of $expect" \
		     "got: none"
		continue
	fi

	# NAME.args: the arguments of dm, if not the identity's
	args="--filters= html"
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086 # the arguments are words
	dm $args < "$input" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	check_clean "$name" "$TMP/err" || continue
	if [ "$rc" != "$want_rc" ]; then
		fail "$name" "expected: exit status $want_rc" \
		     "got: $rc, stderr:"
		show "$TMP/err"
		continue
	fi
	if [ "$want_rc" = 0 ]; then
		if [ -s "$TMP/err" ]; then
			fail "$name" "expected: nothing on stderr" "got:"
			show "$TMP/err"
		# the output is the input less a byte order mark
		elif ! sed '1s/^\xef\xbb\xbf//' "$input" > "$TMP/in" ||
		     ! "$JSONEQ" "$TMP/in" "$TMP/out" 2> "$TMP/eq"; then
			fail "$name" "expected: output JSON-equal to the input" \
			     "got: $(cat "$TMP/eq")"
		else
			pass
		fi
		continue
	fi
	if [ -s "$TMP/out" ]; then
		fail "$name" "expected: nothing on stdout" \
		     "got: $(wc -c < "$TMP/out") bytes:"
		show "$TMP/out"
	elif ! grep -F -q -e "$want_msg" "$TMP/err"; then
		fail "$name" "expected on stderr: ...$want_msg..." "got:"
		show "$TMP/err"
	elif [ "$(wc -l < "$TMP/err")" -ne 1 ] ||
	     [ "$(head -c 4 "$TMP/err")" != "dm: " ]; then
		fail "$name" "expected: one line on stderr, 'dm: WHAT: WHERE'" \
		     "got:"
		show "$TMP/err"
	else
		pass
	fi
done
