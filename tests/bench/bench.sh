#!/bin/sh
# bench.sh - times the filters against jansson's own load and dump of the
# same document (`make bench`).
#
#   sh tests/bench/bench.sh [BUILD]
#
# Generates pandoc documents of 1, 10 and 50 MiB into BUILD/bench/ (kept
# between runs), then for each size times, side by side:
#   the floor        json_loadf + json_dumpf (tests/bench/naive.c)
#   naive -b         json_loadb + json_dumps, the input read into memory
#   the identity     dm --filters=   (read, validate, write back)
#   each filter      dm --filters=NAME html, for every name in dm --list
#   the chain        dm html         (the default chain, one process)
#   a pipe           dm-A html | dm-B html | ...  (the chain's filters)
# and prints the targets of the issue next to the numbers.
#
# Environment: BENCH_SIZES (MiB, default "1 10 50"), BENCH_ROUNDS (7),
# BENCH_API (23 or 22), DM_CORPUS (pandoc's test documents as JSON, default
# tests/corpus in the repository), BENCH_STRICT=1 to exit
# non-zero when a target is missed.  Given no BUILD, it builds build/ first.
set -eu

cd "$(dirname "$0")/../.."
root=$(pwd)
if [ $# -ge 1 ]; then
	B=$1
else
	B=build
	${MAKE:-make} -s all "$B/bench/gen" "$B/bench/naive" "$B/bench/harness"
fi
corpus=${DM_CORPUS:-$root/tests/corpus}
sizes=${BENCH_SIZES:-1 10 50}
rounds=${BENCH_ROUNDS:-7}
api=${BENCH_API:-23}
dir=$B/bench
T_TIME=0.65
T_MEM=1.1

# The filters, and the default chain as `dm --help` states it.
names=$("$B/dm" --list | sed 's/ .*//')
chain=$("$B/dm" --help | sed -n 's/.*dm-filters, else \([a-z,]*\)$/\1/p')
[ "$chain" = none ] && chain=
pipe=
nchain=0
for f in $(echo "$chain" | tr ',' ' '); do
	if [ ! -x "$B/dm-$f" ]; then
		pipe=
		nchain=0
		echo "bench: no $B/dm-$f link: the pipe is left out" >&2
		break
	fi
	pipe="${pipe:+$pipe | }$B/dm-$f html"
	nchain=$((nchain + 1))
done

missed=0
for mb in $sizes; do
	# Without the corpus the document is only articles: another file.
	if [ -f "$corpus/api1.$api/testsuite.json" ]; then
		doc=$dir/doc-1.$api-${mb}mib.json
	else
		doc=$dir/articles-1.$api-${mb}mib.json
	fi
	if [ ! -s "$doc" ] || [ "$dir/gen" -nt "$doc" ]; then
		echo "bench: generating $doc" >&2
		"$dir/gen" -a "$api" -c "$corpus" "$mb" > "$doc.tmp"
		mv "$doc.tmp" "$doc"
	fi

	# The numbers mean nothing if the identity is not one: it must give
	# back exactly what jansson's own dump of the document gives.
	"$dir/naive" -b < "$doc" > "$dir/floor.out"
	"$B/dm" --filters= < "$doc" > "$dir/identity.out"
	if ! cmp -s "$dir/floor.out" "$dir/identity.out"; then
		echo "bench: dm --filters= changed $doc" >&2
		exit 1
	fi
	rm -f "$dir/floor.out" "$dir/identity.out"

	set -- "$dir/naive" "$dir/naive -b" \
		-t "$T_TIME" "$T_MEM" "$B/dm --filters="
	for f in $names; do
		set -- "$@" "$B/dm --filters=$f html"
	done
	[ -n "$chain" ] && set -- "$@" "$B/dm html"
	[ "$nchain" -ge 2 ] && set -- "$@" "$pipe"

	echo
	echo "== $mb MiB (pandoc-api-version 1.$api) =="
	rc=0
	"$dir/harness" -r "$rounds" "$doc" "$@" || rc=$?
	case $rc in
	0) ;;
	3) missed=1 ;;
	*) exit "$rc" ;;
	esac
done

echo
echo "Floor: $dir/naive, json_loadf(stdin) + json_dumpf(stdout) + json_decref."
echo "Targets (issue): the identity chain (dm --filters=) in at most" \
	"${T_TIME}x the floor's time and ${T_MEM}x its peak memory."
echo "Peak memory of a pipe is the sum of its stages' peaks."
if [ "$missed" -ne 0 ]; then
	echo "bench: a target was missed (MISS above)" >&2
	[ "${BENCH_STRICT:-0}" = 1 ] && exit 1
fi
exit 0
