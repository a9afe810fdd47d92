# tests/fuzz/fuzz.mk - the fuzz target and its replay, for the Makefile.
#
#   make fuzz-replay      replay tests/fuzz/corpus, the samples, the bad
#                         inputs and pandoc's corpus (part of make check)
#   make fuzz             libFuzzer with clang for FUZZ_TIME seconds
#                         (default 60); new inputs go to tests/fuzz/corpus

FUZZ_TIME ?= 60
FUZZ_OBJ  = $(filter-out $(BUILD)/obj/filters/dm.o,$(FLT_OBJ))

$(BUILD)/fuzz-replay: tests/fuzz/fuzz.c tests/fuzz/replay.c $(FUZZ_OBJ) \
                      $(BUILD)/libdm.a
	$(CC) $(DM_CFLAGS) $(CFLAGS) -o $@ tests/fuzz/fuzz.c \
	    tests/fuzz/replay.c $(FUZZ_OBJ) $(BUILD)/libdm.a $(DM_LIBS)

fuzz-replay: $(BUILD)/fuzz-replay
	@sh tests/fuzz/replay.sh $(BUILD)

fuzz:
	@mkdir -p build-fuzz tests/fuzz/corpus
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Ifilters -g -O1 -DDM_FREE_AT_EXIT=1 \
	    -fsanitize=fuzzer,address,undefined \
	    $$($(PKG_CONFIG) --cflags $(LIBS_PC)) -o build-fuzz/fuzz \
	    tests/fuzz/fuzz.c $(LIB_SRC) $(filter-out filters/dm.c \
	    filters/from-md.c filters/to-html.c,$(FLT_SRC)) $(DM_LIBS)
	build-fuzz/fuzz -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -close_fd_mask=2 tests/fuzz/corpus tests/fuzz/seeds

.PHONY: fuzz fuzz-replay
