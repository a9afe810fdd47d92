#!/bin/sh
# article.sh - `make bench`, second part: article-sized documents through
# pandoc, our filters and the one-process path (after bench.sh).
#
#   sh tests/bench/article.sh [BUILD]
#
# 1. Markdown to a standalone HTML page, side by side, for the seed article
#    (samples/seed.md) and a 1 MiB Markdown document made of it: pandoc
#    with no filter (the first row, the ratios' base), with the Lua filter
#    tests/bench/triad.lua (the same triad callouts), with a `--filter`
#    that copies its input (pandoc's own JSON round trip), with `--filter
#    dm`;
#    then without pandoc: the three processes `dm-from-md | dm html |
#    dm-to-html -s`, and the one process `dm-to-html -s FILE.md`.
# 2. Throughput: 1,000 articles (copies of the seed under other names)
#    through `dm-to-html -s -o DIR` in one call, against the same through
#    the three-process pipe one article at a time.
#
# Environment: BENCH_ROUNDS (default 7), PANDOC (default pandoc),
# BENCH_ARTICLES (default 1000).  Without pandoc, part 1 keeps the rows
# that need none.
set -eu

cd "$(dirname "$0")/../.."
B=${1:-build}
dir=$B/bench
rounds=${BENCH_ROUNDS:-7}
narticles=${BENCH_ARTICLES:-1000}
PANDOC=${PANDOC:-pandoc}
root=$(pwd)
mkdir -p "$dir"

# The 1 MiB document: the seed's body (no front matter) again and again.
big=$dir/articles-1mib.md
if [ ! -s "$big" ]; then
	awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next }
	     !fm' samples/seed.md >"$dir/seed-body.md"
	: >"$big"
	while [ "$(wc -c <"$big")" -lt 1048576 ]; do
		cat "$dir/seed-body.md" >>"$big"
		echo >>"$big"
	done
fi

# The pipe without pandoc, as one command for the harness.
cat >"$dir/pipe.sh" <<EOS
#!/bin/sh
"$root/$B/dm-from-md" | "$root/$B/dm" html | "$root/$B/dm-to-html" -s
EOS

# An external filter that changes nothing: its row is what pandoc spends
# writing the document as JSON, starting a process and reading it back,
# the part of `--filter dm`'s overhead that any JSON filter pays.
cat >"$dir/json-copy" <<EOS
#!/bin/sh
exec cat
EOS
chmod +x "$dir/json-copy"

have_pandoc=no
command -v "$PANDOC" >/dev/null 2>&1 && have_pandoc=yes
for doc in samples/seed.md "$big"; do
	set --
	if [ "$have_pandoc" = yes ]; then
		set -- "$PANDOC -f markdown -t html -s" \
			"$PANDOC -f markdown -t html -s --lua-filter tests/bench/triad.lua" \
			"$PANDOC -f markdown -t html -s --filter $dir/json-copy" \
			"$PANDOC -f markdown -t html -s --filter $B/dm"
	fi
	set -- "$@" "sh $dir/pipe.sh" "$B/dm-to-html -s -"
	echo
	echo "== $doc ($(wc -c <"$doc") bytes): Markdown to a standalone HTML page =="
	"$dir/harness" -r "$rounds" "$doc" "$@"
done

# 2. throughput: many articles in one call
arts=$dir/articles
if [ "$(ls "$arts" 2>/dev/null | wc -l)" != "$narticles" ]; then
	rm -rf "$arts"
	mkdir -p "$arts"
	i=0
	while [ $i -lt "$narticles" ]; do
		cp samples/seed.md "$arts/article-$i.md"
		i=$((i + 1))
	done
fi
cat >"$dir/site.sh" <<EOS
#!/bin/sh
exec "$root/$B/dm-to-html" -s -o "$root/$dir/site" "$root/$arts"/*.md
EOS
cat >"$dir/site-pipe.sh" <<EOS
#!/bin/sh
mkdir -p "$root/$dir/site-pipe"
for f in "$root/$arts"/*.md; do
	"$root/$B/dm-from-md" "\$f" | "$root/$B/dm" html |
		"$root/$B/dm-to-html" -s >"$root/$dir/site-pipe/\${f##*/}.html"
done
EOS
echo
echo "== $narticles articles (samples/seed.md, $(wc -c <samples/seed.md) bytes each) =="
"$dir/harness" -r 1 /dev/null "sh $dir/site-pipe.sh" "sh $dir/site.sh"
echo "Articles per second: $narticles divided by the time of each row."
