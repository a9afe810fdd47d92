# tests/check/check.mk - the tests of dm-check and of the dm chain, for the
# Makefile to include (after tests/tests.mk, which has the jsoneq rule).
#
#   make test-check            tests/check/run.sh: the cases of rules/,
#                              options/, formats/ and bad/ (a folder each:
#                              input, exit status, standard error), the
#                              samples pass, strict and lenient exits
#                              through pandoc --filter, the document
#                              unchanged, dm = the filters in a pipe over
#                              the samples and the corpus (chain.sh)
#   make test-check SAN=1      the same with the ASan+UBSan build

.PHONY: test-check

test-check: all $(BUILD)/jsoneq
	@sh tests/check/run.sh $(BUILD)
