# tests/fidelity.sh - the identity leaves a document as it was, and pandoc
# reads it back; sourced by tests/run.sh.
#
# Documents: pandoc's corpus ($DM_CORPUS/api1.22/*.json, api1.23/*.json),
# and tests/fidelity/*.md converted now by pandoc 2.17 and by pandoc 3.
# For each, `dm --filters ''` must exit 0 with an empty stderr, write JSON
# equal to its input (object key order included), and give the same bytes
# when run over its own output.  Then the pandoc of the document's API
# version (2.17 for 1.22, 3 for 1.23) reads both the input and our output
# with `-t native`: the two must be identical.

corpus=$CORPUS # tests/lib.sh
FID=$TMP/fidelity
mkdir -p "$FID"
: > "$FID/readback.22"
: > "$FID/readback.23"

# Which pandocs can run.  pandoc 2.17 is $PANDOC when it speaks API 1.22;
# pandoc 3 is tests/pandoc3.mjs on node with the pandoc-wasm package.
have22=no
have23=no
if [ "${DM_PANDOC:-}" = no ]; then
	skip "fidelity: DM_PANDOC=no, so no pandoc read-back and no" \
	     "Markdown corpus"
else
	PANDOC=${PANDOC:-pandoc}
	NODE=${NODE:-node}
	if command -v "$PANDOC" > /dev/null 2>&1; then
		api=$(printf '' | "$PANDOC" -f markdown -t json 2> /dev/null |
		      sed -n 's/^{"pandoc-api-version":\[1,\([0-9]*\).*/\1/p')
		if [ "$api" = 22 ]; then
			have22=yes
		else
			skip "fidelity: $PANDOC speaks API 1.${api:-?}, not" \
			     "1.22: no pandoc 2.17 read-back"
		fi
	else
		skip "fidelity: pandoc 2.17 ($PANDOC) is not installed"
	fi
	if command -v "$NODE" > /dev/null 2>&1 &&
	   [ -d "$ROOT/node_modules/pandoc-wasm" ]; then
		have23=yes
	else
		skip "fidelity: pandoc 3 ($NODE tests/pandoc3.mjs with" \
		     "node_modules/pandoc-wasm) is not installed"
	fi
fi

# pandoc3 JOBS ERR: runs a batch of pandoc 3 conversions.  A failed job
# leaves no output file; ERR says why ("FAILED [args]: message").
pandoc3() {
	"$NODE" "$ROOT/tests/pandoc3.mjs" --batch "$1" 2> "$2"
}

# job3 ARGS...: one batch job, a JSON array of strings (paths are ours and
# hold no quotes or backslashes).
job3() {
	sep='['
	for a in "$@"; do
		printf '%s"%s"' "$sep" "$a"
		sep=,
	done
	printf ']\n'
}

# identity ID NAME INPUT API: the identity over INPUT; queues the read-back.
identity() {
	out=$FID/$1.out.json
	dm --filters '' html < "$3" > "$out" 2> "$TMP/err"
	rc=$?
	check_clean "$2" "$TMP/err" || return
	if [ "$rc" != 0 ] || [ -s "$TMP/err" ]; then
		fail "$2" "expected: exit status 0 and an empty stderr" \
		     "got: $rc, stderr:"
		show "$TMP/err"
		return
	fi
	if ! "$JSONEQ" "$3" "$out" 2> "$TMP/eq"; then
		fail "$2" "expected: output JSON-equal to the input" \
		     "got: $(cat "$TMP/eq")"
		return
	fi
	# Over its own output: the same bytes (skipped under valgrind, where
	# it would only double the time).
	if [ -z "${DM_WRAP:-}" ]; then
		dm --filters '' html < "$out" > "$FID/$1.again.json" \
			2> "$TMP/err"
		rc=$?
		check_clean "$2" "$TMP/err" || return
		if [ "$rc" != 0 ] || ! cmp -s "$out" "$FID/$1.again.json"; then
			fail "$2" \
			     "expected: the same bytes when run over its output" \
			     "got: exit $rc, $(cmp "$out" "$FID/$1.again.json" 2>&1)"
			return
		fi
	fi
	pass
	echo "$1 $2 $3" >> "$FID/readback.$4"
}

# The corpus.
for api in 22 23; do
	n=0
	for f in "$corpus/api1.$api"/*.json; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		base=${f##*/}
		base=${base%.json}
		identity "c$api-$base" "corpus/api1.$api/$base" "$f" "$api"
	done
	if [ "$n" -eq 0 ]; then
		fail "corpus/api1.$api" \
		     "expected: pandoc JSON documents in $corpus/api1.$api" \
		     "got: none (set DM_CORPUS to the folder holding api1.22/)"
	fi
done

# The Markdown corpus, converted by each pandoc.
if [ "$have22" = yes ]; then
	for md in "$ROOT"/tests/fidelity/*.md; do
		base=${md##*/}
		base=${base%.md}
		if ! "$PANDOC" -f markdown -t json "$md" > "$FID/m22-$base.json" \
		     2> "$TMP/err"; then
			fail "md/pandoc2/$base" \
			     "expected: pandoc 2.17 to convert $md" "got:"
			show "$TMP/err"
			continue
		fi
		identity "m22-$base" "md/pandoc2/$base" "$FID/m22-$base.json" 22
	done
fi
if [ "$have23" = yes ]; then
	: > "$FID/md.jobs"
	for md in "$ROOT"/tests/fidelity/*.md; do
		base=${md##*/}
		base=${base%.md}
		job3 -f markdown -t json -o "$FID/m23-$base.json" "$md" \
			>> "$FID/md.jobs"
	done
	pandoc3 "$FID/md.jobs" "$FID/md.err"
	for md in "$ROOT"/tests/fidelity/*.md; do
		base=${md##*/}
		base=${base%.md}
		if [ ! -s "$FID/m23-$base.json" ]; then
			fail "md/pandoc3/$base" \
			     "expected: pandoc 3 to convert $md" "got:"
			grep -F "$md" "$FID/md.err" > "$TMP/err"
			show "$TMP/err"
			continue
		fi
		identity "m23-$base" "md/pandoc3/$base" "$FID/m23-$base.json" 23
	done
fi

# compare_native ID NAME WHO ERR: the two native renderings must be there
# and identical.
compare_native() {
	if [ ! -s "$FID/$1.in.native" ]; then
		fail "$2/readback" "expected: $3 to read the input" "got:"
		show "$4"
	elif [ ! -s "$FID/$1.out.native" ]; then
		fail "$2/readback" "expected: $3 to read our output" "got:"
		show "$4"
	elif ! cmp -s "$FID/$1.in.native" "$FID/$1.out.native"; then
		fail "$2/readback" \
		     "expected: $3 -t native the same for input and output" \
		     "got (diff input output):"
		diff "$FID/$1.in.native" "$FID/$1.out.native" | head -n 20 \
			> "$TMP/diff"
		show "$TMP/diff"
	else
		pass
	fi
}

# Read-back by pandoc 2.17, one run per document.
if [ "$have22" = yes ]; then
	while read -r id name input; do
		"$PANDOC" -f json -t native "$input" < /dev/null \
			> "$FID/$id.in.native" 2> "$FID/$id.err"
		"$PANDOC" -f json -t native "$FID/$id.out.json" < /dev/null \
			> "$FID/$id.out.native" 2>> "$FID/$id.err"
		compare_native "$id" "$name" "pandoc 2.17" "$FID/$id.err"
	done < "$FID/readback.22"
fi

# Read-back by pandoc 3, all in one batch.
if [ "$have23" = yes ]; then
	: > "$FID/readback.jobs"
	while read -r id name input; do
		job3 -f json -t native -o "$FID/$id.in.native" "$input"
		job3 -f json -t native -o "$FID/$id.out.native" \
			"$FID/$id.out.json"
	done < "$FID/readback.23" > "$FID/readback.jobs"
	pandoc3 "$FID/readback.jobs" "$FID/readback.err"
	while read -r id name input; do
		grep -F "$id" "$FID/readback.err" > "$FID/$id.err"
		compare_native "$id" "$name" "pandoc 3" "$FID/$id.err"
	done < "$FID/readback.23"
fi
