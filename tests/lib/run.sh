#!/bin/sh
# tests/lib/run.sh BUILD - the library as a user gets it: `make install`
# into a scratch DESTDIR; what is installed (dm.h alone of the headers,
# libdm.a, libdm.so with its soname, dm.pc, dm(3)); the sample filter
# samples/todo/todo.c built with `pkg-config --cflags --libs dm` against the
# installed library, shared and static, and run through pandoc 2.17 and as
# a pipe; its output compared with samples/todo/expected.*; exported
# symbols against the headers; the headers as C99, C11 and C++; the
# sample under valgrind.
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
# Exported: exactly the functions the installed headers declare (src/
# dm.map lists them): none missing, nothing of the uninstalled headers.
nm -D --defined-only "$DEST/usr/lib/libdm.so.0.1.0" |
	awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort > "$TMP/exported"
grep -hE '^[a-z_][a-z0-9_ ]*[ *]dm_[a-z0-9_]+\(' "$DEST"/usr/include/dm*.h |
	grep -v '^typedef' | sed -E 's/.*[ *](dm_[a-z0-9_]+)\(.*/\1/' |
	sort -u > "$TMP/declared"
if [ "$(wc -l < "$TMP/declared")" -gt 100 ] &&
	cmp -s "$TMP/declared" "$TMP/exported"; then pass; else
	fail "exported symbols" "expected: the installed headers' functions" \
		"got (< declared, not exported; > exported, not declared):"
	diff "$TMP/declared" "$TMP/exported" | grep '^[<>]' | head -10
fi

# dm.pc names its directories under ${prefix}: the tree can be moved
# (pkg-config --define-prefix finds it where it is).
moved=$(PKG_CONFIG_PATH=$DEST/usr/lib/pkgconfig pkg-config --define-prefix \
	--cflags --libs dm 2>&1)
case $moved in
"-I$DEST/usr/include "*"-L$DEST/usr/lib -ldm"*) pass ;;
*) fail "dm.pc relocatable" "expected: -I$DEST/usr/include ... -L$DEST/usr/lib" \
	"got: $moved" ;;
esac

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

# The installed headers compile cleanly as C99, C11 and C++ (extern "C":
# a C++ program links), and clang's -Wdocumentation reads their comments.
printf '#include <dm.h>\nint main(void) { return dm_type_of(NULL) ==' \
	> "$TMP/h.c"
printf ' DM_T_UNKNOWN && dm_is(NULL, "Para") == 0 ? 0 : 3; }\n' >> "$TMP/h.c"
for std in c99 c11; do
	if cc -std=$std -Wall -Wextra -Werror -pedantic -Wshadow \
		-Wstrict-prototypes -Wredundant-decls -c -o "$TMP/h.o" \
		"$TMP/h.c" $(pkg-config --cflags dm) 2> "$TMP/h.log"; then pass
	else fail "dm.h as $std -pedantic" "expected: no warning" "got:"
		show "$TMP/h.log"; fi
done
# The examples of the installed docs compile as they stand: dm.h's option
# table, and dm(3)'s whole filter (which then runs).
{ printf '#include <stddef.h>\n#include <dm.h>\n'
  printf 'typedef struct state { bool collapse; int look; } state;\n'
  printf 'static const char *const looks[] = {"default", NULL};\n'
  printf 'static int read_labels(dm_ctx *c, const json_t *v, const char *w,'
  printf ' void *s) { (void)c; (void)v; (void)w; (void)s; return 0; }\n'
  sed -n '/static const dm_option_spec options\[\] = {/,/^ \*   };/p' \
	"$DEST/usr/include/dm.h" | sed 's/^ \*//'
  printf 'int main(void) { return options[3].name != NULL; }\n'
} > "$TMP/opt.c"
sed -n '/^\.SH EXAMPLE/,/^\.SH/p' "$DEST/usr/share/man/man3/dm.3" |
	sed -n '/^\.EX/,/^\.EE/p' | sed -n '1,/^\.EE/p' | sed '/^\.E[XE]/d' |
	sed 's/\\-/-/g; s/\\e/\\/g' > "$TMP/man.c"
for ex in opt man; do
	if [ "$(wc -l < "$TMP/$ex.c")" -gt 8 ] &&
		cc -std=c11 -Wall -Wextra -Werror -pedantic -o "$TMP/$ex" \
		"$TMP/$ex.c" $flags 2> "$TMP/h.log" && "$TMP/$ex" --help \
		> /dev/null 2>&1; then pass
	else fail "the example of the docs ($ex)" "expected: builds, runs" \
		"got:"; show "$TMP/h.log"; fi
done
cp "$TMP/h.c" "$TMP/h.cpp"
if ! command -v g++ > /dev/null 2>&1; then skip "g++: dm.h not compiled as C++"
elif g++ -std=c++17 -Wall -Wextra -Werror -pedantic -o "$TMP/hpp" \
	"$TMP/h.cpp" $flags 2> "$TMP/h.log" && "$TMP/hpp"; then pass
else fail "dm.h from C++ (g++ -std=c++17)" "expected: builds, links, runs" \
	"got:"; show "$TMP/h.log"; fi
if ! command -v clang > /dev/null 2>&1; then skip "clang: -Wdocumentation"
elif clang -std=c11 -Wdocumentation -Wdocumentation-unknown-command \
	-Werror -c -o "$TMP/h.o" "$TMP/h.c" $(pkg-config --cflags dm) \
	2> "$TMP/h.log"; then pass
else fail "dm.h under clang -Wdocumentation" "expected: no warning" "got:"
	show "$TMP/h.log"; fi
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
# valgrind on a filter of one's own, as a developer checks it: nothing
# lost (the runner keeps its document reachable), good input and bad.
if command -v valgrind > /dev/null 2>&1; then
	for input in samples/todo/sample.md bad; do
		if [ "$input" = bad ]; then printf '{"blocks":[' > "$TMP/in.json"
		elif command -v "$PANDOC" > /dev/null 2>&1; then
			"$PANDOC" -t json "$input" > "$TMP/in.json"
		else continue; fi
		valgrind -q --leak-check=full --error-exitcode=9 "$TMP/todo" \
			html < "$TMP/in.json" > "$TMP/out" 2> "$TMP/vg"
		rc=$?
		if { [ "$input" = bad ] && [ $rc = 1 ] && [ ! -s "$TMP/out" ]; } ||
			{ [ "$input" != bad ] && [ $rc = 0 ]; }; then pass; else
			fail "todo under valgrind ($input)" \
				"expected: clean, exit 0 (1 for bad input)" \
				"got: exit $rc"; show "$TMP/vg"; fi
	done
else
	skip "valgrind: the sample filter is not run under it"
fi
# --help from the option table
"$TMP/todo" --help > "$TMP/help"
if grep -q '^  strict: BOOL  *fail while a to-do paragraph is left (default false)$' \
	"$TMP/help"; then pass; else
	fail "todo --help" "expected: the strict option" "got:"
	show "$TMP/help"
fi
summary
