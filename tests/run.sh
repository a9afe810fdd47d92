#!/bin/sh
# tests/run.sh - the shell-level tests of dmfilters.
#
#   sh tests/run.sh BUILD_DIR [SUITE...]
#
# BUILD_DIR is build, build-san or build-vg (it must hold dm and jsoneq:
# `make test-shell` builds both).  The suites, all by default:
#
#   bad       tests/bad/: bad input is refused with a message and exit 1,
#             odd but valid input passes through JSON-equal  (tests/bad.sh)
#   io        failed reads and writes, the command line     (tests/io.sh)
#   fidelity  the identity over pandoc's corpus and tests/fidelity/*.md,
#             read back by pandoc 2.17 and pandoc 3          (tests/fidelity.sh)
#
# Environment:
#   DM_CORPUS  the folder holding api1.22/ and api1.23/ (default: the
#              shared/corpus/pandoc folder next to the repository)
#   DM_WRAP    a command to run dm under, e.g. valgrind (make valgrind)
#   DM_PANDOC  "no": skip everything that needs pandoc
#   PANDOC     pandoc 2.17 (default: pandoc)
#   NODE       node, for pandoc 3 through tests/pandoc3.mjs (default: node)
#   KEEP       "1": keep the scratch folder and say where it is
#
# Each failure prints what was expected and what happened; the last line is
# "N passed, N failed", and the exit status is 1 if anything failed.

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/run.sh BUILD_DIR [bad|io|fidelity]..." >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" && pwd)
shift
SUITES=${*:-bad io fidelity}
DM=$BUILD/dm
JSONEQ=$BUILD/jsoneq
for prog in "$DM" "$JSONEQ"; do
	if [ ! -x "$prog" ]; then
		echo "run.sh: $prog is missing (make test-shell builds it)" >&2
		exit 2
	fi
done

# A sanitizer finding exits 99, so it is told apart from our exit 1.
ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0
UBSAN_OPTIONS=halt_on_error=1:exitcode=99:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS
LC_ALL=C
export LC_ALL

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dmtest.XXXXXX") || exit 2
cleanup() {
	if [ "${KEEP:-}" = 1 ]; then
		echo "run.sh: scratch files kept in $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0

pass() {
	PASSED=$((PASSED + 1))
}

# fail NAME LINE...: one failure, with what was expected and what happened.
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

# show FILE: the start of a file, indented, for a failure report.
show() {
	if [ -s "$1" ]; then
		head -c 2000 "$1" | sed 's/^/    | /'
		echo
	else
		echo "    (empty)"
	fi
}

# dm ARGS...: runs dm (under $DM_WRAP, if set).
dm() {
	${DM_WRAP:+$DM_WRAP} "$DM" "$@"
}

# sanitized FILE: true when FILE holds a report from ASan, UBSan or
# valgrind (valgrind -q prints only errors, as "==PID== ...").
sanitized() {
	grep -E -q 'Sanitizer|runtime error|^==[0-9]+==' "$1"
}

# check_clean NAME STDERR: fails when a sanitizer or valgrind spoke.
check_clean() {
	if sanitized "$2"; then
		fail "$1" "expected: no sanitizer or valgrind report" \
		     "got on stderr:"
		show "$2"
		return 1
	fi
	return 0
}

T0=$(date +%s)
for suite in $SUITES; do
	case $suite in
	bad | io | fidelity)
		S0=$(date +%s)
		P0=$PASSED F0=$FAILED
		. "$ROOT/tests/$suite.sh"
		printf '%s: %d passed, %d failed (%ds)\n' "$suite" \
		       $((PASSED - P0)) $((FAILED - F0)) $(($(date +%s) - S0))
		;;
	*)
		fail "run.sh" "expected a suite: bad, io or fidelity" \
		     "got: $suite"
		;;
	esac
done
echo "total time: $(($(date +%s) - T0))s"
echo "$PASSED passed, $FAILED failed"
if [ "$FAILED" -ne 0 ]; then
	exit 1
fi
exit 0
