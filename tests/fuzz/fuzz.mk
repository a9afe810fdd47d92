# tests/fuzz/fuzz.mk - the fuzz targets and their replay, for the Makefile.
#
#   make fuzz-replay      every committed corpus (tests/fuzz/corpus/*/),
#                         the samples, the Markdown cases, the bad inputs
#                         and pandoc's corpus through every target (part of
#                         make check; SAN=1 and SAN=clang: sanitized)
#   make fuzz             libFuzzer (clang) over each target for FUZZ_TIME
#                         seconds (default 60), with its dictionary; new
#                         inputs go to build-fuzz/corpus/TARGET, findings
#                         to build-fuzz/ (crash-*, leak-*)
#   make fuzz FUZZ_TARGETS=from-md   one target

FUZZ_TARGETS ?= filters from-md to-html
FUZZ_TIME ?= 60
FUZZ_OBJ  = $(filter-out $(BUILD)/obj/filters/dm.o,$(FLT_OBJ))
FUZZ_DEPS = tests/fuzz/check.c tests/fuzz/fuzz.h $(FUZZ_OBJ) \
            $(BUILD)/libdm.a

# fuzz-TARGET: the target with replay.c's main, any compiler.
$(BUILD)/fuzz-%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_DEPS)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -o $@ tests/fuzz/$*.c \
	    tests/fuzz/check.c tests/fuzz/replay.c $(FUZZ_OBJ) \
	    $(BUILD)/libdm.a $(DM_LIBS)

# fuzzer-TARGET: the target with libFuzzer's main (SAN=fuzz only).
$(BUILD)/fuzzer-%: tests/fuzz/%.c $(FUZZ_DEPS)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ \
	    tests/fuzz/$*.c tests/fuzz/check.c $(FUZZ_OBJ) \
	    $(BUILD)/libdm.a $(DM_LIBS)

fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz-%)
	@sh tests/fuzz/replay.sh $(BUILD) $(FUZZ_TARGETS)

fuzz:
	$(MAKE) SAN=fuzz CFLAGS='$(CFLAGS)' fuzz-run

# Each target in turn; the filters' reports on standard error silenced
# (-close_fd_mask=2; a broken invariant still says which).
fuzz-run: $(FUZZ_TARGETS:%=$(BUILD)/fuzzer-%)
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(BUILD)/corpus/$$t || exit 1; \
	    echo "fuzz: $$t for $(FUZZ_TIME)s"; \
	    $(BUILD)/fuzzer-$$t -max_total_time=$(FUZZ_TIME) \
	        -max_len=65536 -timeout=60 -rss_limit_mb=2048 \
	        -close_fd_mask=2 -dict=tests/fuzz/$$t.dict \
	        -artifact_prefix=$(BUILD)/$$t- \
	        $(BUILD)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

.PHONY: fuzz fuzz-run fuzz-replay
