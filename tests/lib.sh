# tests/lib.sh - what the test scripts share.  A script sets ROOT and
# DM_TEST (its name, for the scratch folder) and sources this file:
#
#   DM_TEST=callouts
#   . "$ROOT/tests/lib.sh"
#
# It then has:
#   TMP                   a scratch folder, removed at exit (KEEP=1 keeps it)
#   PANDOC, NODE, CORPUS  pandoc 2.17, node, pandoc's test corpus (DM_CORPUS)
#   pass                  one check passed
#   fail NAME LINE...     one check failed: its name, then what was expected
#                         and what happened, a line each
#   skip WHY...           a part that cannot run here, said visibly
#   show FILE             a file's first 2000 bytes, indented (or "(empty)")
#   summary               "N passed, N failed"; false when anything failed
#   pandocs               have_p2 and have_p3: is pandoc 2.17, pandoc 3 here?
#   cases, case_*, p3_*, run_prog, expect_*
#                         case folders (data cases): see below
# and the sanitizers of a SAN=1 build exit 99, so that a finding of theirs
# is told apart from a program's own exit 1.

# shellcheck disable=SC2034 # used by the scripts that source this
PANDOC=${PANDOC:-pandoc}
NODE=${NODE:-node}
CORPUS=${DM_CORPUS:-$ROOT/tests/corpus}
ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0
UBSAN_OPTIONS=halt_on_error=1:exitcode=99:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

TMP=$(mktemp -d "${TMPDIR:-/tmp}/$DM_TEST.XXXXXX") || exit 2
dm_test_cleanup() {
	if [ "${KEEP:-}" = 1 ]; then
		echo "$DM_TEST: scratch files kept in $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap dm_test_cleanup EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0

pass() {
	PASSED=$((PASSED + 1))
}

fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s\n' "$1"
	shift
	for line in "$@"; do
		printf '  %s\n' "$line"
	done
}

skip() {
	printf 'SKIP %s\n' "$*"
}

show() {
	if [ -s "$1" ]; then
		head -c 2000 "$1" | sed 's/^/    | /'
		echo
	else
		echo "    (empty)"
	fi
}

summary() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}

# pandocs: which pandocs there are: have_p2 (pandoc 2.17, $PANDOC) and
# have_p3 (pandoc 3: $NODE with pandoc-wasm), yes or no, each said when
# missing; none with DM_PANDOC=no.
pandocs() {
	have_p2=no
	have_p3=no
	if [ "${DM_PANDOC:-}" = no ]; then
		skip "DM_PANDOC=no: everything that needs pandoc"
		return
	fi
	if command -v "$PANDOC" > /dev/null 2>&1; then
		have_p2=yes
	else
		skip "pandoc 2.17 ($PANDOC) is not installed"
	fi
	if command -v "$NODE" > /dev/null 2>&1 &&
	   [ -d "$ROOT/node_modules/pandoc-wasm" ]; then
		have_p3=yes
	else
		skip "pandoc 3 ($NODE tests/pandoc3.mjs) is not installed"
	fi
}

# ---- data cases ------------------------------------------------------------
#
# A suite of cases is a folder of case folders (as jansson's
# test/suites/SUITE/CASE/): adding a case is adding a folder.  What a case
# holds is its suite's affair (its run.sh says); these read the parts the
# suites share:
#   input.md      the document, read by pandoc (2.17: case_json, 3:
#                 case_p3); or input.json, the document as it is
#   from          the pandoc reader of input.md (default markdown)
#   meta          pandoc -M arguments, one KEY=VALUE a line
#   status        the expected exit status (default 0)
#   count         lines "N REGEX" or "all REGEX" (see expect_counts)
# A folder inside a case folder is a variant of the case: it reads its
# parent's input.md (or input.json) and from, with meta and expected files
# of its own.
# The functions that only read run in subshells: their variables stay
# theirs.

# cases SUITE_DIR: the case folders of a suite, variants after their case.
cases() (
	for d in "$1"/*/ "$1"/*/*/; do
		[ -d "$d" ] && printf '%s\n' "${d%/}"
	done | LC_ALL=C sort
)

# case_file DIR NAME: the case's file NAME, or (input.md, input.json, from)
# its parent's for a variant; nothing when neither has it.
case_file() (
	if [ -f "$1/$2" ]; then
		printf '%s\n' "$1/$2"
	elif [ -f "$1/../$2" ]; then
		printf '%s\n' "$(dirname "$1")/$2"
	fi
)

# case_from DIR: the reader of the case's input.md.
case_from() (
	f=$(case_file "$1" from)
	if [ -n "$f" ]; then cat "$f"; else echo markdown; fi
)

# case_status DIR: the case's expected exit status.
case_status() (
	if [ -f "$1/status" ]; then cat "$1/status"; else echo 0; fi
)

# case_meta DIR: the case's -M arguments, as "-M LINE" lines.
case_meta() (
	[ -f "$1/meta" ] || exit 0
	while IFS= read -r l; do
		[ -n "$l" ] && printf -- '-M\n%s\n' "$l"
	done < "$1/meta"
)

# case_json DIR OUT [PANDOC ARGS...]: the case's input.json, or its
# input.md as pandoc 2.17 reads it (with the case's -M, then ARGS), in OUT.
case_json() (
	dir=$1
	out=$2
	shift 2
	json=$(case_file "$dir" input.json)
	if [ -n "$json" ]; then
		cp "$json" "$out"
		exit
	fi
	# The -M lines as arguments (a value may hold spaces and wildcards,
	# not newlines).
	set -f
	IFS='
'
	# shellcheck disable=SC2046 # split at newlines on purpose
	set -- -f "$(case_from "$dir")" -t json $(case_meta "$dir") "$@"
	"$PANDOC" "$@" "$(case_file "$dir" input.md)" > "$out"
)

# json_str TEXT: TEXT as a JSON string.
json_str() (
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
)

# p3_job OUT FILE READER [PANDOC ARGS...]: a line of the pandoc 3 batch
# that p3_batch runs: FILE, read with READER, as JSON in OUT.
p3_job() (
	out=$1
	file=$2
	printf '["-f",%s,"-t","json"' "$(json_str "$3")"
	shift 3
	for arg in "$@"; do
		printf ',%s' "$(json_str "$arg")"
	done
	printf ',"-o",%s,%s]\n' "$(json_str "$out")" "$(json_str "$file")"
) >> "$TMP/p3.jobs"

# case_p3 DIR OUT: the case's input.md as pandoc 3 reads it (with the
# case's -M), in OUT once p3_batch has run.
case_p3() (
	set -f
	IFS='
'
	# shellcheck disable=SC2046 # split at newlines on purpose
	p3_job "$2" "$(case_file "$1" input.md)" "$(case_from "$1")" \
		$(case_meta "$1")
)

# p3_batch: runs the jobs p3_job wrote, in one pandoc 3 process; false,
# with a failure counted, when one failed.
p3_batch() {
	[ -s "$TMP/p3.jobs" ] || return 0
	if "$NODE" "$ROOT/tests/pandoc3.mjs" --batch "$TMP/p3.jobs" \
	   2> "$TMP/p3.err"; then
		: > "$TMP/p3.jobs"
		return 0
	fi
	: > "$TMP/p3.jobs"
	fail "pandoc 3 cannot read the inputs" "$(head -5 "$TMP/p3.err")"
	return 1
}

# run_prog IN PROG ARGS...: PROG (a program in $BUILD) over the file IN:
# its output in $TMP/out, its messages in $TMP/err, its exit status in $rc.
run_prog() {
	_rp_in=$1
	_rp_prog=$2
	shift 2
	"$BUILD/$_rp_prog" "$@" < "$_rp_in" > "$TMP/out" 2> "$TMP/err"
	rc=$?
}

# expect_run LABEL STATUS ERROR: the last run_prog ended as wanted: exit
# status STATUS, nothing on standard output unless that is 0, and on
# standard error the file ERROR to the byte (no such file: nothing).
# When not, a failure saying what differs, and false; counts no pass.
expect_run() {
	if [ "$rc" -ne "$2" ]; then
		fail "$1" "expected: exit status $2" "got: $rc; stderr:"
		show "$TMP/err"
		return 1
	fi
	if [ "$2" -ne 0 ] && [ -s "$TMP/out" ]; then
		fail "$1" "expected: nothing on stdout" \
		     "got: $(wc -c < "$TMP/out") bytes"
		return 1
	fi
	if [ -f "$3" ]; then
		cmp -s "$3" "$TMP/err" && return 0
		fail "$1: standard error differs from ${3#"$ROOT"/}"
		diff "$3" "$TMP/err" | head -20 | sed 's/^/    /'
		return 1
	fi
	[ -s "$TMP/err" ] || return 0
	fail "$1" "expected: nothing on standard error; got:"
	show "$TMP/err"
	return 1
}

# expect_counts LABEL COUNTS FILE...: a check per line of the file COUNTS,
# over every FILE: "N REGEX", REGEX (grep -E) occurs N times (grep -o);
# "all REGEX", every line matches REGEX (and there is a line).
expect_counts() {
	_ec_label=$1
	_ec_counts=$2
	shift 2
	while IFS= read -r _ec_line; do
		_ec_n=${_ec_line%% *}
		_ec_re=${_ec_line#* }
		[ -n "$_ec_n" ] || continue
		_ec_bad=
		for _ec_f in "$@"; do
			if [ "$_ec_n" = all ]; then
				[ -s "$_ec_f" ] &&
					! grep -Evq -e "$_ec_re" "$_ec_f" ||
					_ec_bad="$_ec_bad ${_ec_f##*/}"
				continue
			fi
			_ec_got=$(grep -Eo -e "$_ec_re" "$_ec_f" | wc -l |
			          tr -d ' ')
			[ "$_ec_got" = "$_ec_n" ] ||
				_ec_bad="$_ec_bad ${_ec_f##*/}: $_ec_got"
		done
		if [ -z "$_ec_bad" ]; then
			pass
		else
			fail "$_ec_label: '$_ec_re' $_ec_n time(s)" \
			     "got, in:$_ec_bad"
		fi
	done < "$_ec_counts"
}

# pdf_page_of PDF TEXT: the first page of PDF whose text holds TEXT, or
# "none" (pdfinfo and pdftotext, poppler-utils).
pdf_page_of() {
	_pp_n=$(pdfinfo "$1" 2> /dev/null | awk '/^Pages:/ { print $2 }')
	_pp_p=1
	while [ "$_pp_p" -le "${_pp_n:-0}" ]; do
		if pdftotext -f "$_pp_p" -l "$_pp_p" "$1" - | grep -qF "$2"; then
			echo "$_pp_p"
			return
		fi
		_pp_p=$((_pp_p + 1))
	done
	echo none
}
