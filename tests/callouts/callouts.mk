# tests/callouts/callouts.mk - the tests of dm-callouts, for the Makefile to
# include (after tests/tests.mk, which has the jsoneq rule).
#
#   make test-callouts         tests/callouts/run.sh (left alone, options,
#                              bad metadata, contrast, idempotence, corpus,
#                              LaTeX compiles) and the golden files
#   make test-callouts SAN=1   the same with the ASan+UBSan build

.PHONY: test-callouts

test-callouts: all $(BUILD)/jsoneq
	@sh tests/callouts/run.sh $(BUILD)
	@sh tests/golden.sh $(BUILD)
