#!/bin/sh
# tests/site/run.sh - Markdown to finished pages in one process:
# `dm-to-html [-s] -o DIR FILE.md...`.
#
#   sh tests/site/run.sh [BUILD_DIR]          (default: build)
#
# 1. The same pages as the three processes: for every samples/*.md,
#    tests/md/cases/*.md and tests/site/articles/*.md (articles where one
#    filter's output is the next one's input), the page dm-to-html -s -o
#    writes is byte for byte `dm-from-md F | dm html | dm-to-html -s`, and
#    so are the fragments (no -s) and one file to standard output; with
#    --lines, for samples/*.txt and tests/md/lines/*.txt, the pipe's with
#    dm-from-md --lines.
# 2. The chain is dm's: --filters as dm --filters.
# 3. One bad file among good ones: a message naming it, exit 1, no page for
#    it, the other pages written, no .tmp left behind; a file whose page
#    name an earlier file's page has (a/index.md, b/index.md) is one.
# 4. Bad command lines exit 2; a folder that cannot be written is an error.
# The last line is "N passed, N failed"; the exit status is 1 on failure.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" 2>/dev/null && pwd) || {
	echo "usage: sh tests/site/run.sh [BUILD_DIR]" >&2
	exit 2
}
FROM=$BUILD/dm-from-md
TOHTML=$BUILD/dm-to-html
DM=$BUILD/dm
DM_TEST=dmsite
. "$ROOT/tests/lib.sh"

FILES=$(ls "$ROOT"/samples/*.md "$ROOT"/tests/md/cases/*.md \
	"$ROOT"/tests/site/articles/*.md)

# same_pages FLAGS DIR [DM_ARGS]: every file's page in DIR is the pipe's.
same_pages() {
	for f in $FILES; do
		b=$(basename "$f" .md)
		# shellcheck disable=SC2086 # FLAGS and DM_ARGS are word lists
		if ! "$FROM" "$f" | "$DM" $3 html | "$TOHTML" $1 \
			>"$TMP/pipe.html" 2>"$TMP/err"; then
			fail "pipe $b $1" "$(cat "$TMP/err")"
		elif ! cmp -s "$TMP/pipe.html" "$2/$b.html"; then
			fail "page $b $1 $3" "differs from the pipe's:"
			diff "$TMP/pipe.html" "$2/$b.html" | head -10 |
				sed 's/^/    /'
		else
			pass
		fi
	done
}

# 1. the same pages -----------------------------------------------------------

# shellcheck disable=SC2086 # FILES is a list of paths without spaces
if "$TOHTML" -s -o "$TMP/site" $FILES 2>"$TMP/err"; then
	pass
	same_pages -s "$TMP/site"
else
	fail "dm-to-html -s -o site FILES" "exit $?: $(cat "$TMP/err")"
fi
# shellcheck disable=SC2086
if "$TOHTML" -o "$TMP/frag" $FILES 2>"$TMP/err"; then
	same_pages "" "$TMP/frag"
else
	fail "dm-to-html -o frag FILES" "exit $?: $(cat "$TMP/err")"
fi
SEED=$ROOT/samples/seed.md
"$TOHTML" -s "$SEED" >"$TMP/one.html" 2>"$TMP/err"
if cmp -s "$TMP/one.html" "$TMP/site/seed.html"; then
	pass
else
	fail "dm-to-html -s seed.md to standard output" "not the page -o writes"
fi
grep -q 'callout-direct-message' "$TMP/one.html" &&
	grep -q 'dm-credits' "$TMP/one.html" && pass ||
	fail "seed page" "lacks its callouts or its credit footer"

# text with one block per line: --lines, as dm-from-md --lines
LINES=$(ls "$ROOT"/samples/*.txt "$ROOT"/tests/md/lines/*.txt)
# shellcheck disable=SC2086 # LINES is a list of paths without spaces
if "$TOHTML" -s --lines -o "$TMP/lines" $LINES 2>"$TMP/err"; then
	for f in $LINES; do
		b=$(basename "$f" .txt)
		if "$FROM" --lines "$f" | "$DM" html | "$TOHTML" -s \
			>"$TMP/pipe.html" 2>"$TMP/err" &&
			cmp -s "$TMP/pipe.html" "$TMP/lines/$b.html"; then
			pass
		else
			fail "page $b --lines" "not the pipe's with dm-from-md --lines"
		fi
	done
else
	fail "dm-to-html -s --lines -o lines FILES" "exit $?: $(cat "$TMP/err")"
fi
grep -q 'class="callout-heading">The Direct Message:</h2>' \
	"$TMP/lines/village.html" && pass ||
	fail "village.txt --lines" "no Direct Message section heading"

# 2. --filters ----------------------------------------------------------------

# shellcheck disable=SC2086
if "$TOHTML" -s --filters callouts -o "$TMP/c" $FILES 2>"$TMP/err"; then
	same_pages -s "$TMP/c" "--filters=callouts"
else
	fail "dm-to-html --filters callouts" "exit $?: $(cat "$TMP/err")"
fi
"$TOHTML" --filters bogus "$SEED" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && grep -q "unknown filter 'bogus'" "$TMP/err" &&
	[ ! -s "$TMP/out" ] && pass ||
	fail "--filters bogus" "exit $rc: $(cat "$TMP/err")"

# 3. one bad file -------------------------------------------------------------

printf 'caf\351\n' >"$TMP/bad.md"
"$TOHTML" -s -o "$TMP/mixed" "$SEED" "$TMP/bad.md" \
	"$ROOT/tests/site/articles/alert-credit.md" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" != 1 ]; then
	fail "one bad file" "exit $rc, expected 1"
elif ! grep -q "not valid UTF-8.*$TMP/bad.md, line 1" "$TMP/err" ||
	[ "$(wc -l <"$TMP/err")" != 1 ]; then
	fail "one bad file" "not one message naming it:" "$(cat "$TMP/err")"
elif [ -e "$TMP/mixed/bad.html" ] || [ -s "$TMP/out" ] ||
	ls "$TMP/mixed" | grep -q '\.tmp$'; then
	fail "one bad file" "a page, a .tmp or output for it"
elif ! cmp -s "$TMP/mixed/seed.html" "$TMP/site/seed.html" ||
	! cmp -s "$TMP/mixed/alert-credit.html" "$TMP/site/alert-credit.html"
then
	fail "one bad file" "the good pages are not written as alone"
else
	pass
fi
# two files with one page name (the index.md of each folder): the first
# page stays, the second file is named with the page it would overwrite
mkdir -p "$TMP/b1" "$TMP/b2"
cp "$SEED" "$TMP/b1/index.md"
cp "$ROOT/tests/site/articles/alert-credit.md" "$TMP/b2/index.md"
"$TOHTML" -s -o "$TMP/bundles" "$TMP/b1/index.md" "$TMP/b2/index.md" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" = 1 ] && [ "$(wc -l <"$TMP/err")" = 1 ] &&
	grep -q "$TMP/b2/index.md: no page written: $TMP/bundles/index.html is the page of $TMP/b1/index.md already" "$TMP/err" &&
	cmp -s "$TMP/bundles/index.html" "$TMP/site/seed.html"; then
	pass
else
	fail "two index.md" "exit $rc, the first page overwritten or no message: $(cat "$TMP/err")"
fi
"$TOHTML" -s "$TMP/no-such.md" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && grep -q "cannot open.*no-such.md" "$TMP/err" &&
	[ "$(grep -o no-such.md "$TMP/err" | wc -l)" = 1 ] &&
	[ ! -s "$TMP/out" ] && pass ||
	fail "a missing file, named once" "exit $rc: $(cat "$TMP/err")"

# 4. command lines ------------------------------------------------------------

usage() { # WHAT MESSAGE ARGS...
	what=$1 msg=$2
	shift 2
	"$TOHTML" "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ "$rc" = 2 ] && grep -q -- "$msg" "$TMP/err" && [ ! -s "$TMP/out" ] &&
		pass || fail "$what" "exit $rc: $(cat "$TMP/err")"
}
usage "two files, no -o" "several files need -o" "$SEED" "$SEED"
usage "-o without a folder" "needs a folder" "$SEED" -o
usage "-o without files" "no Markdown files" -o "$TMP/x"
usage "--lines without files" "no Markdown files" --lines
: >"$TMP/file"
"$TOHTML" -s -o "$TMP/file" "$SEED" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && grep -q "cannot write" "$TMP/err" && pass ||
	fail "-o a file" "exit $rc: $(cat "$TMP/err")"
"$TOHTML" -s -o "$TMP/none/deeper" "$SEED" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && grep -q "cannot make .*none/deeper" "$TMP/err" &&
	[ "$(wc -l <"$TMP/err")" = 1 ] && [ ! -s "$TMP/out" ] && pass ||
	fail "-o in a missing folder: one message" "exit $rc: $(cat "$TMP/err")"

summary
