# tests/bench/bench.mk - `make bench`: the filters timed against jansson's
# own load and dump of the same documents (see tests/bench/bench.sh).
# Included by the Makefile, which declares `bench` phony.

BENCH_PROGS = $(BUILD)/bench/gen $(BUILD)/bench/naive $(BUILD)/bench/harness
BENCH_LIBS  = $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null)

$(BENCH_PROGS): $(BUILD)/bench/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -o $@ $< $(BENCH_LIBS)

bench: all $(BENCH_PROGS)
	@sh tests/bench/bench.sh $(BUILD)
	@sh tests/bench/article.sh $(BUILD)
