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
#   DM_CORPUS  the folder holding api1.22/ and api1.23/ (default: tests/corpus, the
#              copy of pandoc's test documents in the repository)
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
LC_ALL=C
export LC_ALL
DM_TEST=dmtest
. "$ROOT/tests/lib.sh"

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
summary
