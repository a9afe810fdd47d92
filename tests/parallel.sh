#!/bin/sh
# parallel.sh BUILD - a large document read and written on threads
# (src/parallel.c, src/out.c) gives exactly what the serial path gives:
#
#   - pandoc's corpus (both API versions), read on threads even though
#     small (DM_THREADS_MIN=0), and generated documents of a few MiB
#     (tests/bench/gen.c) above the threshold: the output with threads,
#     with DM_THREADS=1 and jansson's own dump (bench/naive -b) are the
#     same bytes, and the chain's output is the same with and without;
#   - malformed large documents, broken in the second half (where another
#     thread reads): the same standard output, standard error and exit
#     status with and without DM_THREADS=1, each an error;
#   - documents the scan must leave to the serial reader (an escaped key,
#     "blocks" twice) or must get right (a byte order mark, spaces between
#     the tokens, the keys in another order) read the same.
# DM_THREADS_TRACE=1 tells whether the threads read a document, so that
# no check passes because the threads were never used.
#
# Environment: DM_WRAP (a command to run the programs under, e.g.
# valgrind), DM_PAR_MIB (the generated documents' size, default 3).
set -u
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: sh tests/parallel.sh BUILD_DIR" >&2
	exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=$(cd "$1" && pwd)
DM_TEST=parallel
. "$ROOT/tests/lib.sh"
W=${DM_WRAP:-}
MIB=${DM_PAR_MIB:-3}
unset DM_THREADS DM_THREADS_MIN DM_THREADS_TRACE

for p in "$B/bench/gen" "$B/bench/naive"; do
	if [ ! -x "$p" ]; then
		echo "parallel.sh: $p is missing (make test-parallel)" >&2
		exit 2
	fi
done

# run NAME THREADS INPUT ARGS...: dm ARGS < INPUT with DM_THREADS=THREADS
# (and DM_THREADS_MIN, DM_THREADS_TRACE as set), into $TMP/NAME.out, .err,
# .rc.
run() {
	r_name=$1 r_threads=$2 r_input=$3
	shift 3
	# shellcheck disable=SC2086 # $W is a command and its arguments
	DM_THREADS=$r_threads $W "$B/dm" "$@" < "$r_input" \
		> "$TMP/$r_name.out" 2> "$TMP/$r_name.err"
	echo $? > "$TMP/$r_name.rc"
}

# same NAME A B: A and B's output, messages and status are the same.
same() {
	for x in out err rc; do
		if ! cmp -s "$TMP/$2.$x" "$TMP/$3.$x"; then
			fail "$1: the $x differs with threads and without" \
				"serial:" "$(show "$TMP/$2.$x")" \
				"threads:" "$(show "$TMP/$3.$x")"
			return
		fi
	done
	pass
}

# traced NAME INPUT WANT: with DM_THREADS_TRACE=1, the trace says WANT
# ("read in" or "read serially").
traced() {
	DM_THREADS_TRACE=1 run "$1-trace" 2 "$2" --filters=
	if grep -q "^dm: $3" "$TMP/$1-trace.err"; then
		pass
	else
		fail "$1: expected the trace to say \"$3\"" \
			"$(show "$TMP/$1-trace.err")"
	fi
}

# identity NAME INPUT: dm --filters= with threads, without, and jansson's
# own dump are the same bytes.
identity() {
	"$B/bench/naive" -b < "$2" > "$TMP/$1-naive.out"
	run "$1-serial" 1 "$2" --filters=
	run "$1-threads" 2 "$2" --filters=
	same "$1" "$1-serial" "$1-threads"
	if cmp -s "$TMP/$1-naive.out" "$TMP/$1-threads.out" &&
		[ "$(cat "$TMP/$1-threads.rc")" = 0 ]; then
		pass
	else
		fail "$1: dm --filters= is not jansson's dump of the document" \
			"$(show "$TMP/$1-threads.err")"
	fi
}

# --- the corpus, read on threads although small --------------------------
n=0
for f in "$CORPUS"/api1.22/*.json "$CORPUS"/api1.23/*.json; do
	[ -f "$f" ] || continue
	name=corpus-$(basename "$(dirname "$f")")-$(basename "$f" .json)
	DM_THREADS_MIN=0 identity "$name" "$f"
	if DM_THREADS_MIN=0 DM_THREADS_TRACE=1 run "$name-trace" 2 "$f" \
		--filters= && grep -q '^dm: read in' "$TMP/$name-trace.err"; then
		n=$((n + 1))
	fi
done
# A document of one block is not cut; every larger one is.
if [ "$n" -ge 30 ]; then
	pass
else
	fail "corpus: only $n documents were read on threads"
fi

# --- generated documents above the threshold ------------------------------
for api in 22 23; do
	g=$TMP/gen-$api.json
	"$B/bench/gen" -a "$api" -c "$CORPUS" "$MIB" > "$g" 2> /dev/null
	identity "gen-1.$api" "$g"
	traced "gen-1.$api" "$g" "read in"
	run "gen-1.$api-chain-serial" 1 "$g" html
	run "gen-1.$api-chain-threads" 2 "$g" html
	same "gen-1.$api-chain" "gen-1.$api-chain-serial" \
		"gen-1.$api-chain-threads"
	run "gen-1.$api-four" 4 "$g" --filters=
	same "gen-1.$api-four-threads" "gen-1.$api-serial" "gen-1.$api-four"
done
g=$TMP/gen-23.json
size=$(wc -c < "$g")

# --- documents broken in the second half ----------------------------------
# (read on threads whatever their size: a truncated one may be below the
# threshold)
DM_THREADS_MIN=0
export DM_THREADS_MIN
# at: the offset of the first Str node after three quarters of the file.
at=$(grep -bo '{"t":"Str","c":"' "$g" |
	awk -F: -v m=$((size * 3 / 4)) '$1 > m { print $1; exit }')
# edit NAME TEXT: the document with the Str's first 16 bytes replaced by
# TEXT.
edit() {
	{
		head -c "$at" "$g"
		printf '%s' "$2"
		tail -c +$((at + 17)) "$g"
	} > "$TMP/$1.json"
}
deep=$(awk 'BEGIN { for (i = 0; i < 2100; i++) printf "["
	for (i = 0; i < 2100; i++) printf "]" }')
head -c $((size * 3 / 4)) "$g" > "$TMP/truncated.json"
edit bad-escape '{"t":"Str","c":"\q'
edit bad-node '{"t":"Str","c":["x"],"d":"'
edit deep-nesting '{"t":"Str","z":'"$deep"',"c":"'
edit unknown-tag '{"t":"Strz","c":"'
for name in truncated bad-escape bad-node deep-nesting unknown-tag; do
	run "$name-serial" 1 "$TMP/$name.json" --filters=
	run "$name-threads" 2 "$TMP/$name.json" --filters=
	same "$name" "$name-serial" "$name-threads"
	rc=$(cat "$TMP/$name-threads.rc")
	if [ "$name" = unknown-tag ]; then
		# a newer pandoc's node passes through, on threads
		[ "$rc" = 0 ] && pass || fail "$name: exit $rc"
		traced "$name" "$TMP/$name.json" "read in"
	elif [ "$rc" = 1 ] && [ -s "$TMP/$name-threads.err" ] &&
		[ ! -s "$TMP/$name-threads.out" ]; then
		pass
		traced "$name" "$TMP/$name.json" "read serially"
	else
		fail "$name: expected one message and exit 1, got exit $rc" \
			"$(show "$TMP/$name-threads.err")"
	fi
done

# --- what the scan leaves to the serial reader ----------------------------
sed 's/"blocks":\[/"bl\\u006fcks":[/' "$g" > "$TMP/escaped-key.json"
sed 's/},{/} , {/g; s/\[{/[ {/g; s/}\]/} ]/g; s/:/ : /g' "$g" > "$TMP/spaced.json"
sed 's/}$/,"blocks":[]}/' "$g" > "$TMP/blocks-twice.json"
{ printf '\357\273\277'; cat "$g"; } > "$TMP/bom.json"
# the keys in another order, and one more (gen writes the version first)
{
	printf '{'
	tail -c +34 "$g" | sed 's/}$//'
	printf ',"pandoc-api-version":[1,23,1,2],"x":[1,2.5,"a"]}'
} > "$TMP/reordered.json"
for name in escaped-key blocks-twice bom spaced reordered; do
	run "$name-serial" 1 "$TMP/$name.json" --filters=
	run "$name-threads" 2 "$TMP/$name.json" --filters=
	same "$name" "$name-serial" "$name-threads"
	rc=$(cat "$TMP/$name-threads.rc")
	[ "$rc" = 0 ] && pass || fail "$name: exit $rc" \
		"$(show "$TMP/$name-threads.err")"
done
traced escaped-key "$TMP/escaped-key.json" "read serially"
traced blocks-twice "$TMP/blocks-twice.json" "read serially"
traced bom "$TMP/bom.json" "read in"
traced spaced "$TMP/spaced.json" "read in"
traced reordered "$TMP/reordered.json" "read in"
"$B/bench/naive" -b < "$TMP/reordered.json" > "$TMP/reordered-naive.out"
if cmp -s "$TMP/reordered-naive.out" "$TMP/reordered-threads.out"; then
	pass
else
	fail "reordered: dm --filters= is not jansson's dump of the document"
fi

summary
