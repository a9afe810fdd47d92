# tests/io.sh - failed reads and writes, and the command line; sourced by
# tests/run.sh.  A failed write must be an error (exit 1 and a message),
# never a silent success; usage errors exit 2 and write nothing on stdout.

small=$TMP/small.json
printf '%s%s' '{"pandoc-api-version":[1,23,1,2],"meta":{},' \
	'"blocks":[{"t":"Para","c":[{"t":"Str","c":"small"}]}]}' > "$small"

# expect NAME RC FRAGMENT STDOUT: checks the run whose exit status is $rc
# and whose output is in $TMP/out and $TMP/err.  FRAGMENT must be on stderr
# ("" for an empty stderr); STDOUT is "empty" or "nonempty".
expect() {
	check_clean "$1" "$TMP/err" || return
	if [ "$rc" != "$2" ]; then
		fail "$1" "expected: exit status $2" "got: $rc, stderr:"
		show "$TMP/err"
	elif [ -z "$3" ] && [ -s "$TMP/err" ]; then
		fail "$1" "expected: nothing on stderr" "got:"
		show "$TMP/err"
	elif [ -n "$3" ] && ! grep -F -q -e "$3" "$TMP/err"; then
		fail "$1" "expected on stderr: ...$3..." "got:"
		show "$TMP/err"
	elif [ "$4" = empty ] && [ -s "$TMP/out" ]; then
		fail "$1" "expected: nothing on stdout" "got:"
		show "$TMP/out"
	elif [ "$4" = nonempty ] && [ ! -s "$TMP/out" ]; then
		fail "$1" "expected: output on stdout" "got: none"
	else
		pass
	fi
}

# The identity works at all (so the failures below mean something).
dm --filters '' html < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/identity 0 "" nonempty
if ! cmp -s "$small" "$TMP/out"; then
	fail io/identity-bytes "expected: compact input written back as is" \
	     "got:"
	show "$TMP/out"
fi

# Writing to a full disk.
if [ -w /dev/full ]; then
	dm --filters '' html < "$small" > /dev/full 2> "$TMP/err"
	rc=$?
	: > "$TMP/out"
	expect io/dev-full 1 "dm: cannot write output" empty
	dm --help > /dev/full 2> "$TMP/err"
	rc=$?
	expect io/help-dev-full 1 "cannot write output" empty
	dm --version > /dev/full 2> "$TMP/err"
	rc=$?
	expect io/version-dev-full 1 "cannot write output" empty
else
	skip "io/dev-full: no /dev/full on this system"
fi

# Writing to a closed pipe: the reader takes one byte and leaves, long
# before dm has written a few MB.  dm's status comes back through a file.
awk 'BEGIN {
	printf "{\"pandoc-api-version\":[1,23,1,2],\"meta\":{},\"blocks\":["
	for (i = 0; i < 25000; i++)
		printf "%s{\"t\":\"Para\",\"c\":[{\"t\":\"Str\"," \
		       "\"c\":\"para\"},{\"t\":\"Space\"},{\"t\":\"Str\"," \
		       "\"c\":\"%d\"}]}", i ? "," : "", i
	printf "]}"
}' > "$TMP/big.json"
(
	dm --filters '' html < "$TMP/big.json" 2> "$TMP/err"
	echo $? > "$TMP/rc"
) | head -c 1 > /dev/null
rc=$(cat "$TMP/rc")
: > "$TMP/out"
expect io/closed-pipe 1 "dm: cannot write output: Broken pipe" empty

# Fault injection (tests/tools/faults.c, preloaded): short reads and
# writes and EINTR must not change the output; EIO, a write that writes
# nothing and a failing close are errors.
shim=$BUILD/faults.so
# faulty MODE ARGS...: runs dm with the shim in MODE.
faulty() {
	mode=$1
	shift
	DM_FAULT=$mode LD_PRELOAD=$shim \
	ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0 "$DM" "$@"
}
rm -f "$TMP/loaded"
if [ -n "${DM_WRAP:-}" ]; then
	skip "io/faults: not under DM_WRAP"
elif [ ! -f "$shim" ]; then
	fail io/faults "expected: $shim (make test-shell builds it)" \
	     "got: no such file"
elif ! DM_FAULT_LOADED=$TMP/loaded faulty none --version > /dev/null ||
     [ ! -f "$TMP/loaded" ]; then
	skip "io/faults: LD_PRELOAD of $shim has no effect here"
else
	dm --filters '' html < "$TMP/big.json" > "$TMP/want" 2> "$TMP/err"
	for mode in read-short read-eintr write-short write-eintr; do
		faulty $mode --filters '' html < "$TMP/big.json" \
			> "$TMP/out" 2> "$TMP/err"
		rc=$?
		expect "io/fault-$mode" 0 "" nonempty
		if ! cmp -s "$TMP/want" "$TMP/out"; then
			fail "io/fault-$mode-bytes" \
			     "expected: the output of a run without faults" \
			     "got: $(cmp "$TMP/want" "$TMP/out" 2>&1)"
		fi
	done
	faulty read-eio --filters '' html < "$TMP/big.json" > "$TMP/out" \
		2> "$TMP/err"
	rc=$?
	expect io/fault-read-eio 1 \
	       "dm: cannot read input: Input/output error" empty
	for mode in write-eio write-zero close-eio; do
		faulty $mode --filters '' html < "$TMP/big.json" \
			> /dev/null 2> "$TMP/err"
		rc=$?
		: > "$TMP/out"
		expect "io/fault-$mode" 1 "dm: cannot write output" empty
	done
fi

# dm-from-md and dm-to-html write as dm does: a closed pipe, a full disk
# and every fault of the shim are reported (exit 1, "cannot write output",
# "Broken pipe" for the pipe), never a silent death by SIGPIPE (141); short
# writes and EINTR do not change the output.
awk 'BEGIN { for (i = 0; i < 25000; i++) printf "para %d\n\n", i }' \
	> "$TMP/big.md"
# prog_io PROG INPUT: those checks for $BUILD/PROG reading INPUT.
prog_io() {
	p=$1 in=$2
	run="${DM_WRAP:+$DM_WRAP} $BUILD/$p"
	(
		$run < "$in" 2> "$TMP/err"
		echo $? > "$TMP/rc"
	) | head -c 1 > /dev/null
	rc=$(cat "$TMP/rc")
	: > "$TMP/out"
	expect "io/$p-closed-pipe" 1 "$p: cannot write output: Broken pipe" \
	       empty
	if [ -w /dev/full ]; then
		$run < "$in" > /dev/full 2> "$TMP/err"
		rc=$?
		expect "io/$p-dev-full" 1 "$p: cannot write output" empty
		$run --help > /dev/full 2> "$TMP/err"
		rc=$?
		expect "io/$p-help-dev-full" 1 "$p: cannot write output" empty
	fi
	if [ -n "${DM_WRAP:-}" ] || [ ! -f "$TMP/loaded" ]; then
		return # the shim is not in effect (see above)
	fi
	$run < "$in" > "$TMP/want" 2> "$TMP/err"
	for mode in read-short read-eintr write-short write-eintr; do
		DM_FAULT=$mode LD_PRELOAD=$shim \
		ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0 \
			"$BUILD/$p" < "$in" > "$TMP/out" 2> "$TMP/err"
		rc=$?
		expect "io/$p-fault-$mode" 0 "" nonempty
		if ! cmp -s "$TMP/want" "$TMP/out"; then
			fail "io/$p-fault-$mode-bytes" \
			     "expected: the output of a run without faults" \
			     "got: $(cmp "$TMP/want" "$TMP/out" 2>&1)"
		fi
	done
	for mode in write-eio write-zero close-eio; do
		DM_FAULT=$mode LD_PRELOAD=$shim \
		ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0 \
			"$BUILD/$p" < "$in" > /dev/null 2> "$TMP/err"
		rc=$?
		: > "$TMP/out"
		expect "io/$p-fault-$mode" 1 "$p: cannot write output" empty
	done
}
prog_io dm-from-md "$TMP/big.md"
prog_io dm-to-html "$TMP/big.json"
prog_io dm-callouts "$TMP/big.json"

# Writing to a closed standard output.
dm --filters '' html < "$small" >&- 2> "$TMP/err"
rc=$?
expect io/stdout-closed 1 "dm: cannot write output" empty

# Reading fails: standard input is a directory, or closed.
dm --filters '' html < "$TMP" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/stdin-directory 1 "dm: cannot read input" empty
dm --filters '' html <&- > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/stdin-closed 1 "dm: cannot read input" empty

# The command line.
version=$(sed -n 's/^#define DM_VERSION "\(.*\)"$/\1/p' "$ROOT/src/dm.h")
dm --help < /dev/null > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/help 0 "" nonempty
if ! grep -q '^Usage: dm ' "$TMP/out"; then
	fail io/help-text "expected: 'Usage: dm ...' on stdout" "got:"
	show "$TMP/out"
fi
dm -h < /dev/null > "$TMP/out2" 2> "$TMP/err"
rc=$?
expect io/h 0 "" nonempty
if ! cmp -s "$TMP/out" "$TMP/out2"; then
	fail io/h-text "expected: -h to print what --help prints" "got:"
	show "$TMP/out2"
fi
dm --version < /dev/null > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/version 0 "" nonempty
if [ "$(head -n 1 "$TMP/out")" != "dm (dmfilters) $version" ]; then
	fail io/version-text "expected: 'dm (dmfilters) $version'" "got:"
	show "$TMP/out"
fi

dm --bogus html < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/unknown-option 2 "dm: unknown option '--bogus'" empty
dm --filters '' html latex < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/two-formats 2 "dm: unexpected argument 'latex'" empty
dm --filters nosuch html < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/unknown-filter 2 "dm: unknown filter 'nosuch'" empty
dm --filters < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/filters-no-value 2 "dm: --filters needs a value" empty
dm --filters= -- -odd-format < "$small" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect io/double-dash 0 "" nonempty
ln -s "$DM" "$TMP/dm-nosuch"
${DM_WRAP:+$DM_WRAP} "$TMP/dm-nosuch" html < "$small" > "$TMP/out" \
	2> "$TMP/err"
rc=$?
expect io/unknown-link 2 "dm-nosuch: no filter of this name" empty

# dm --list, and every filter it lists runs (alone and as dm-NAME) on a
# small document and answers --help.
dm --list < /dev/null > "$TMP/list" 2> "$TMP/err"
rc=$?
cp "$TMP/list" "$TMP/out"
expect io/list 0 "" any
for f in $(awk '{ print $1 }' "$TMP/list"); do
	dm --filters "$f" html < "$small" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	check_clean "io/filter-$f" "$TMP/err" || continue
	if [ "$rc" != 0 ] || [ ! -s "$TMP/out" ]; then
		fail "io/filter-$f" "expected: dm --filters $f to pass a small" \
		     "document (exit 0, output)" "got: exit $rc, stderr:"
		show "$TMP/err"
	else
		pass
	fi
	if [ -e "$BUILD/dm-$f" ]; then
		${DM_WRAP:+$DM_WRAP} "$BUILD/dm-$f" --help > "$TMP/out" \
			2> "$TMP/err"
		rc=$?
		expect "io/dm-$f-help" 0 "" nonempty
		# its second line, the filter's summary, is a sentence
		case $(sed -n 2p "$TMP/out") in
		[A-Z]*.) pass ;;
		*) fail "io/dm-$f-help-summary" \
			"expected: line 2 of --help a sentence (a capital" \
			"first, a full stop last)" \
			"got: $(sed -n 2p "$TMP/out")" ;;
		esac
	else
		fail "io/dm-$f-link" "expected: $BUILD/dm-$f (make all)" \
		     "got: no such file"
	fi
done
