#!/bin/sh
# tests/lib/run.sh BUILD - the library as a user gets it: `make install`
# into a scratch DESTDIR; what is installed (dm.h alone of the headers,
# libdm.a, libdm.so with its soname, dm.pc, dm(3)); the sample filter
# samples/todo/todo.c built with `pkg-config --cflags --libs dm` against the
# installed library, shared and static, and run through pandoc 2.17 and as
# a pipe; its output compared with samples/todo/expected.*.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$1
LC_ALL=C
export LC_ALL
DM_TEST=lib
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2

DEST=$TMP/dest
if ! ${MAKE:-make} -s install DESTDIR="$DEST" PREFIX=/usr BUILD="$BUILD" \
	> "$TMP/install.log" 2>&1; then
	fail "make install" "expected: success" "got:"
	show "$TMP/install.log"
	summary
	exit 1
fi

# What is installed.
for f in usr/include/dm.h usr/lib/libdm.a usr/lib/libdm.so.0.1.0 \
	usr/lib/pkgconfig/dm.pc usr/share/man/man3/dm.3 usr/bin/dm; do
	if [ -e "$DEST/$f" ]; then pass; else
		fail "installed $f" "expected: $DEST/$f" "got: nothing"; fi
done
for f in usr/lib/libdm.so usr/lib/libdm.so.0; do
	if [ -L "$DEST/$f" ]; then pass; else
		fail "installed $f" "expected: a link" "got: none"; fi
done
headers=$(ls "$DEST/usr/include" | tr '\n' ' ')
if [ "$headers" = "dm.h dm_escape.h " ]; then pass; else
	fail "public headers only" "expected: dm.h dm_escape.h" \
		"got: $headers"; fi
soname=$(readelf -d "$DEST/usr/lib/libdm.so.0.1.0" |
	sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
if [ "$soname" = libdm.so.0 ]; then pass; else
	fail "soname" "expected: libdm.so.0" "got: $soname"; fi
# only the dm_ API is exported
leaked=$(nm -D --defined-only "$DEST/usr/lib/libdm.so.0.1.0" |
	awk '$2 != "A" && $3 !~ /^dm_/ { print $3 }' | head -5)
if [ -z "$leaked" ]; then pass; else
	fail "exported symbols" "expected: dm_* only" "got: $leaked"; fi

# The sample filter, built as its comment says, against the install.
PKG_CONFIG_PATH=$DEST/usr/lib/pkgconfig
PKG_CONFIG_SYSROOT_DIR=$DEST
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
if ! flags=$(pkg-config --cflags --libs dm); then
	fail "pkg-config dm" "expected: flags" "got: an error"
fi
if cc -std=c11 -Wall -Wextra -Werror -o "$TMP/todo" samples/todo/todo.c \
	$flags 2> "$TMP/cc.log"; then pass; else
	fail "build todo.c (shared)" "expected: it compiles" "got:"
	show "$TMP/cc.log"
fi
if cc -std=c11 -Wall -Wextra -Werror -o "$TMP/todo-static" \
	samples/todo/todo.c -Wl,-Bstatic $(pkg-config --libs --static dm |
	sed 's/-ldm/-l:libdm.a/') -Wl,-Bdynamic $(pkg-config --cflags dm) \
	2> "$TMP/cc-static.log"; then pass; else
	fail "build todo.c (static)" "expected: it compiles" "got:"
	show "$TMP/cc-static.log"
fi
LD_LIBRARY_PATH=$DEST/usr/lib
export LD_LIBRARY_PATH
needed=$(ldd "$TMP/todo" | awk '/libdm/ { print $3 }')
case $needed in
"$DEST"/usr/lib/libdm.so.0) pass ;;
*) fail "todo uses the installed libdm.so" "expected: $DEST/usr/lib/libdm.so.0" \
	"got: $needed" ;;
esac

# expect NAME EXPECTED-FILE COMMAND...: the command's output is the file.
expect() {
	name=$1 want=$2
	shift 2
	if "$@" > "$TMP/out" 2> "$TMP/err" && cmp -s "$want" "$TMP/out"; then
		pass
	else
		fail "$name" "expected: the output of $want" "got (stderr):"
		show "$TMP/err"
		diff -u "$want" "$TMP/out" | head -30
	fi
}

if command -v "$PANDOC" > /dev/null 2>&1; then
	S=samples/todo/sample.md
	expect "todo through pandoc, html" samples/todo/expected.html \
		"$PANDOC" "$S" --filter "$TMP/todo" -t html
	expect "todo + dm-callouts through pandoc" \
		samples/todo/expected-callouts.html \
		"$PANDOC" "$S" --filter "$TMP/todo" \
		--filter "$DEST/usr/bin/dm-callouts" -t html \
		-M dm-callouts.stylesheet=false
	expect "todo drop, static build" samples/todo/expected-drop.md \
		"$PANDOC" "$S" --filter "$TMP/todo-static" -M todo.drop \
		-t markdown
	# strict: pandoc stops with the filter's message
	"$PANDOC" "$S" --filter "$TMP/todo" -M todo.strict -t html \
		> "$TMP/out" 2> "$TMP/err"
	rc=$?
	if [ "$rc" != 0 ] && grep -q '^todo: 2 to-do paragraphs left, the first: blocks\[2\]$' \
		"$TMP/err"; then pass; else
		fail "todo strict" "expected: pandoc fails with todo's message" \
		     "got: exit $rc, stderr:"
		show "$TMP/err"
	fi
	"$PANDOC" "$S" --filter "$TMP/todo" -M todo.strcit -t html \
		> /dev/null 2> "$TMP/err"
	if grep -q 'unknown option "strcit" (did you mean strict?)' \
		"$TMP/err"; then pass; else
		fail "todo option typo" "expected: did you mean strict?" "got:"
		show "$TMP/err"
	fi
else
	skip "pandoc: the sample filter is not run through it"
fi
# --help from the option table
"$TMP/todo" --help > "$TMP/help"
if grep -q '^  strict: BOOL  *fail while a to-do paragraph is left (default false)$' \
	"$TMP/help"; then pass; else
	fail "todo --help" "expected: the strict option" "got:"
	show "$TMP/help"
fi
summary
