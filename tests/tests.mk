# tests/tests.mk - rules for the shell-level tests (tests/run.sh), included
# by the Makefile.
#
#   make test-shell            bad input, I/O failures, fidelity (build/)
#   make test-shell SAN=1      the same with the ASan+UBSan build
#   make valgrind              bad input, corpus identity and the threaded
#                              read (tests/parallel.sh) under valgrind
#   make valgrind-fuzz         the fuzz replays under valgrind (slow)

# jsoneq: are two JSON files equal, object key order included?
$(BUILD)/jsoneq: tests/tools/jsoneq.c
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -o $@ tests/tools/jsoneq.c $(DM_LIBS)

# faults.so: an LD_PRELOAD shim making reads and writes fail (tests/io.sh).
# Built without sanitizers: it is preloaded ahead of their runtime.
$(BUILD)/faults.so: tests/tools/faults.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) -fPIC -shared -o $@ \
	    tests/tools/faults.c -ldl

test-shell: $(BUILD)/jsoneq $(BUILD)/faults.so

VALGRIND_CMD = valgrind --error-exitcode=99 --leak-check=full \
               --errors-for-leak-kinds=definite,indirect -q

valgrind:
	$(MAKE) VALGRIND=1 all build-vg/jsoneq build-vg/bench/gen \
	    build-vg/bench/naive
	@DM_WRAP='$(VALGRIND_CMD)' DM_PANDOC=no DM_BIG_STR_BYTES=1000000 \
	    sh tests/run.sh build-vg bad fidelity
	@DM_WRAP='$(VALGRIND_CMD)' DM_PAR_MIB=1 sh tests/parallel.sh build-vg

# The fuzz replays under valgrind (not in make valgrind, nor CI: to-html
# takes 11 s, from-md and filters over 8 min on a busy 2-core machine).
valgrind-fuzz:
	$(MAKE) VALGRIND=1 $(FUZZ_TARGETS:%=build-vg/fuzz-%)
	@FUZZ_WRAP='$(VALGRIND_CMD)' sh tests/fuzz/replay.sh build-vg \
	    $(FUZZ_TARGETS)

# allocfail.so: an LD_PRELOAD shim making the Nth allocation fail
# (tests/alloc.sh).  Built without sanitizers, as faults.so.
$(BUILD)/allocfail.so: tests/tools/allocfail.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) -fPIC -shared -o $@ \
	    tests/tools/allocfail.c
