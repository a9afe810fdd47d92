#!/bin/sh
# layout.sh - the house rules of the source tree, checked (make check runs
# it as test-layout):
#   - no source file over 800 lines; the Markdown converter (src/md/) up to
#     1,100; a file in a filter's folder (filters/NAME/) up to 500;
#   - no function over 60 lines (from its opening brace in column 0 to its
#     closing brace in column 0);
#   - no include circle among the library's and the filters' headers and
#     sources (a .c file counts as the header of the same name).
# Prints each breach and "N passed, N failed"; exits 1 on a breach.
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0

breach() {
	failed=$((failed + 1))
	echo "FAIL $*"
}

files=$(ls src/*.c src/*.h src/*/*.c src/*/*.h filters/*.c filters/*.h \
	filters/*/*.c filters/*/*.h 2>/dev/null)

for f in $files; do
	case $f in
	src/md/*) max=1100 ;;
	filters/*/*) max=500 ;;
	*) max=800 ;;
	esac
	n=$(wc -l < "$f")
	if [ "$n" -gt "$max" ]; then
		breach "$f: $n lines (at most $max)"
	else
		passed=$((passed + 1))
	fi
done

# Functions: a line in column 0 that opens a body "{" after a line that
# names the function; the body ends at "}" in column 0.
for f in $files; do
	case $f in *.c) ;; *) continue ;; esac
	out=$(awk -v file="$f" '
		/^[A-Za-z_].*\(/ && !/;[ \t]*$/ { name = $0 }
		/^\{/ { start = NR; fn = name; next }
		/^\}/ && start {
			len = NR - start - 1
			if (len > 60) {
				sub(/\(.*/, "", fn); sub(/.*[ *]/, "", fn)
				printf "%s: %s is %d lines (at most 60)\n", file, fn, len
			}
			start = 0
		}' "$f")
	if [ -n "$out" ]; then
		echo "$out" | while IFS= read -r line; do echo "FAIL $line"; done
		failed=$((failed + $(echo "$out" | wc -l)))
	else
		passed=$((passed + 1))
	fi
done

# Include circles: edges "a -> b" from #include "b" in a (headers and the
# sources of the same stem as one node), then a depth-first search.
edges=$(for f in $files; do
	from=${f%.*}
	sed -n 's/^#include "\(.*\)".*/\1/p' "$f" | while IFS= read -r inc; do
		for dir in "$(dirname "$f")" src filters; do
			if [ -f "$dir/$inc" ]; then
				to=$dir/$inc
				to=$(cd "$(dirname "$to")" && pwd)/$(basename "$to")
				to=${to#"$(pwd)"/}
				echo "$from ${to%.*}"
				break
			fi
		done
	done
done | awk '$1 != $2' | sort -u)
cycle=$(echo "$edges" | awk '
	{ adj[$1] = adj[$1] " " $2; nodes[$1]; nodes[$2] }
	function visit(n,   i, k, parts) {
		if (state[n] == 1) { found = found n " "; return 1 }
		if (state[n] == 2) return 0
		state[n] = 1
		k = split(adj[n], parts, " ")
		for (i = 1; i <= k; i++)
			if (visit(parts[i])) { found = found n " "; return 1 }
		state[n] = 2
		return 0
	}
	END { for (n in nodes) if (visit(n)) { print found; exit } }')
if [ -n "$cycle" ]; then
	breach "include circle through: $cycle"
else
	passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
