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
