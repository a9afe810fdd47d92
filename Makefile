# dmfilters - pandoc filters in C.  POSIX-style; GNU make.
#
#   make            build build/dm and its links (dm-callouts, ...)
#   make check      install what is missing, build, run every test
#   make check SAN=1  the same under AddressSanitizer + UBSan
#   make check SAN=clang  the C-level suites under clang's ASan + UBSan
#   make valgrind   bad input and the corpus under valgrind (valgrind-fuzz:
#                   the fuzz replays too, slow)
#   make fuzz-replay  every fuzz corpus through every fuzz target
#   make fuzz       libFuzzer over each fuzz target for FUZZ_TIME seconds
#                   (FUZZ_TARGETS: filters from-md to-html)
#   make demo       render the sample articles into build/demo/
#   make bench      time the filters against jansson's own load + dump
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANPREFIX ?= $(PREFIX)/share/man
MANDIR    ?= $(MANPREFIX)/man1
MAN3DIR   ?= $(MANPREFIX)/man3

# The shared library's version; its soname carries the major number.
LIB_VERSION = 0.1.0
LIB_SONAME  = libdm.so.0

CC        ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS    ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wpointer-arith -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WERROR    ?= 1
endif
ifeq ($(WERROR),1)
WARN      += -Werror
endif

# cmark-gfm's extensions library has no .pc file in Debian: named by hand.
# -pthread: a large document is read and written on threads (src/
# parallel.c); glibc's libpthread is part of libc, no package of its own.
LIBS_PC   = jansson libcmark-gfm yaml-0.1
DM_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ifilters \
            -pthread $(shell $(PKG_CONFIG) --cflags $(LIBS_PC) 2>/dev/null)
DM_LIBS   = -lcmark-gfm-extensions \
            $(shell $(PKG_CONFIG) --libs $(LIBS_PC) 2>/dev/null) -lm -pthread

# The sanitizers: SAN=1 with the compiler given (gcc: its -fsanitize=
# undefined leaves float-cast-overflow out, so it is named); SAN=clang
# with clang, whose UBSan checks more (make check SAN=clang runs the C
# level suites only); SAN=fuzz, clang's libFuzzer build (make fuzz).
SAN_FLAGS = -fsanitize=address,undefined,float-cast-overflow
# (clang's -Wextra counts a table row that leaves its last fields to be
# zero, as C does, as a missing initializer: the idiom is ours.)
ifeq ($(SAN),clang)
CC        = clang
BUILD     = build-clang
SAN_FLAGS += -fsanitize=float-divide-by-zero
WARN      += -Wno-missing-field-initializers
else ifeq ($(SAN),fuzz)
CC        = clang
BUILD     = build-fuzz
DM_CFLAGS += -fsanitize=fuzzer-no-link
WARN      += -Wno-missing-field-initializers
else ifeq ($(SAN),1)
BUILD     = build-san
endif
ifneq ($(SAN),)
DM_CFLAGS += -O1 -g $(SAN_FLAGS) -fno-omit-frame-pointer \
             -fno-sanitize-recover=all -DDM_FREE_AT_EXIT=1
DM_LIBS   += $(SAN_FLAGS)
else ifeq ($(VALGRIND),1)
BUILD     = build-vg
DM_CFLAGS += -O1 -g -DDM_FREE_AT_EXIT=1
else
BUILD     = build
endif

# The programs (plain builds) link jansson, cmark-gfm and libyaml from
# their static archives when the -dev packages installed them: a program
# started per article then maps only the C library, and the dynamic
# loader's work for the others at every start is gone (seed article:
# 8.9 M -> 8.2 M instructions, 115 page faults instead of 138, 0.15 ms).
# STATIC_DEPS=0 links them shared; libdm.so, the tests and the sanitized
# builds always do.
STATIC_DEPS ?= 1
PROG_LIBS = $(DM_LIBS)
ifeq ($(SAN)$(VALGRIND)$(STATIC_DEPS),1)
DEP_ARCHIVES := $(foreach l,jansson cmark-gfm cmark-gfm-extensions yaml,\
                  $(wildcard $(shell $(CC) -print-file-name=lib$(l).a)))
ifeq ($(words $(DEP_ARCHIVES)),4)
PROG_LIBS = -Wl,-Bstatic $(filter-out -lm,$(DM_LIBS)) -Wl,-Bdynamic -lm
endif
endif

FILTERS   = callouts credits check
LIB_SRC   = $(wildcard src/*.c src/*/*.c)
LIB_OBJ   = $(LIB_SRC:src/%.c=$(BUILD)/obj/src/%.o)
# dm-from-md and dm-to-html are programs of their own, not filters of dm.
PROG_SRC  = filters/from-md.c filters/to-html.c
FLT_SRC   = $(filter-out $(PROG_SRC),$(wildcard filters/*.c filters/*/*.c))
FLT_OBJ   = $(FLT_SRC:filters/%.c=$(BUILD)/obj/filters/%.o)
HDRS      = $(wildcard src/*.h src/*/*.h filters/*.h filters/*/*.h)
LINKS     = $(FILTERS:%=$(BUILD)/dm-%)
PROGRAMS  = dm-from-md dm-to-html
UNIT_SRC  = $(wildcard tests/unit/*.c)

.PHONY: all check deps unit test-shell test-bad test-credits test-alloc \
        test-pathological test-site test-text test-lib test-layout lib \
        test-parallel \
        golden golden-update demo bench \
        install uninstall clean valgrind valgrind-fuzz

all: $(BUILD)/dm $(LINKS) $(PROGRAMS:%=$(BUILD)/%)

$(BUILD)/obj/src/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/filters/%.o: filters/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libdm.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

# The shared library: the same sources built position-independent, only
# the dm_ API exported (src/dm.map).
PIC_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/pic/src/%.o)

$(BUILD)/pic/src/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/libdm.so.$(LIB_VERSION): $(PIC_OBJ) src/dm.map
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(LIB_SONAME) \
	    -Wl,--version-script=src/dm.map -o $@ $(PIC_OBJ) $(DM_LIBS)

lib: $(BUILD)/libdm.a $(BUILD)/libdm.so.$(LIB_VERSION)

$(BUILD)/dm: $(FLT_OBJ) $(BUILD)/libdm.a
	$(CC) $(CFLAGS) -o $@ $(FLT_OBJ) $(BUILD)/libdm.a $(PROG_LIBS)

$(BUILD)/dm-%: $(BUILD)/dm
	ln -sf dm $@

$(BUILD)/dm-from-md: $(BUILD)/obj/filters/from-md.o $(BUILD)/libdm.a
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdm.a $(PROG_LIBS)

# dm-to-html runs the chain over Markdown files: the filters, not dm's main.
TOHTML_OBJ = $(BUILD)/obj/filters/to-html.o \
             $(filter-out $(BUILD)/obj/filters/dm.o,$(FLT_OBJ))

$(BUILD)/dm-to-html: $(TOHTML_OBJ) $(BUILD)/libdm.a
	$(CC) $(CFLAGS) -o $@ $(TOHTML_OBJ) $(BUILD)/libdm.a $(PROG_LIBS)

# ---- tests ---------------------------------------------------------------

deps:
	@sh tools/deps.sh

$(BUILD)/unit: $(UNIT_SRC) $(wildcard tests/unit/*.h) $(BUILD)/libdm.a \
               $(HDRS)
	$(CC) $(DM_CFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags check) \
	    -Isrc -o $@ $(UNIT_SRC) $(BUILD)/libdm.a \
	    $(shell $(PKG_CONFIG) --libs check) $(DM_LIBS)

# (sanitized, a test may take four times Check's 4 s on a busy machine)
unit: $(BUILD)/unit
	CK_FORK=yes CK_TIMEOUT_MULTIPLIER=$(if $(SAN),4,1) $(BUILD)/unit

test-shell: all
	@sh tests/run.sh $(BUILD)

include tests/tests.mk
include tests/callouts/callouts.mk
include tests/check/check.mk
include tests/render/render.mk
include tests/bench/bench.mk
include tests/fuzz/fuzz.mk

# Every test: the library's unit tests, bad input and fidelity, each
# filter's cases and golden files (tests/golden.sh runs them all), the
# output in the real renderers (tests/render/).
# (SAN=clang: the suites of C-level checks only, the library's units, bad
# input and fidelity, the Markdown path and the fuzz replays; the rest is
# the same code through the same programs, which SAN=1 covers.)
ifeq ($(SAN),clang)
CHECK_SUITES = all unit test-bad test-md test-parallel fuzz-replay
else
CHECK_SUITES = test-layout all unit test-shell test-callouts test-credits \
               test-check test-md test-site test-text test-alloc \
               test-pathological test-lib test-parallel fuzz-replay \
               test-render
endif
check: deps
	$(MAKE) $(CHECK_SUITES)

# bad input and the identity over pandoc's corpus (part of test-shell)
test-bad: all $(BUILD)/jsoneq
	@sh tests/run.sh $(BUILD) bad fidelity

test-credits: all
	@sh tests/credits/run.sh $(BUILD)

# a large document read and written on threads: the serial path's bytes,
# messages and exit statuses (src/parallel.c)
test-parallel: all $(BUILD)/bench/gen $(BUILD)/bench/naive
	@sh tests/parallel.sh $(BUILD)

# the text writers' callouts in docutils, Asciidoctor, the DocBook 5
# schema and pandoc's own readers
test-text: all
	@sh tests/text/run.sh $(BUILD)

# dm-from-md against pandoc 3 and 2.17, dm-to-html well-formed, the seed
test-md: all $(BUILD)/jsoneq
	@sh tests/md/run.sh $(BUILD)

# dm-to-html -o DIR FILE.md...: the pages of the three-process pipe
test-site: all
	@sh tests/site/run.sh $(BUILD)

# the house rules: file and function sizes, no include circles
test-layout:
	@sh tools/layout.sh

# inputs shaped to take quadratic time or exponential memory, each bounded
# (CPU time and peak memory: the plain build's, not a sanitizer's)
test-pathological: all
ifeq ($(SAN)$(VALGRIND),)
	@sh tests/pathological.sh $(BUILD)
else
	@echo "SKIP test-pathological: the plain build's time and memory count"
endif

# every program with one allocation failing, for a dense sample of them
test-alloc: all $(BUILD)/allocfail.so
	@sh tests/alloc.sh $(BUILD)

golden: all
	@sh tests/golden.sh $(BUILD)

golden-update: all
	@sh tests/golden.sh $(BUILD) --update

PANDOC ?= pandoc
demo:
	@sh tools/deps.sh demo
	$(MAKE) all
	@sh tools/demo.sh $(BUILD) "$(PANDOC)"

MANS = $(wildcard man/*.1)
MANS3 = $(wildcard man/*.3)

# dm.pc names its directories under ${prefix} when they are under PREFIX,
# so that pkg-config --define-prefix can move the tree.
PC_DIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

install: all lib
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(MAN3DIR) \
	    $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	cp -f $(BUILD)/dm $(DESTDIR)$(BINDIR)/dm
	for f in $(FILTERS); do ln -sf dm $(DESTDIR)$(BINDIR)/dm-$$f; done
	for p in $(PROGRAMS); do cp -f $(BUILD)/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do cp -f $$m $(DESTDIR)$(MANDIR)/; done
	for m in $(MANS3); do cp -f $$m $(DESTDIR)$(MAN3DIR)/; done
	cp -f $(BUILD)/libdm.a $(DESTDIR)$(LIBDIR)/libdm.a
	cp -f $(BUILD)/libdm.so.$(LIB_VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libdm.so.$(LIB_VERSION) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libdm.so
	cp -f src/dm.h src/dm_escape.h $(DESTDIR)$(INCLUDEDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call PC_DIR,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(call PC_DIR,$(INCLUDEDIR))|' \
	    -e 's|@VERSION@|$(LIB_VERSION)|' \
	    src/dm.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/dm.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dm
	for f in $(FILTERS); do rm -f $(DESTDIR)$(BINDIR)/dm-$$f; done
	for p in $(PROGRAMS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do rm -f $(DESTDIR)$(MANDIR)/$${m#man/}; done
	for m in $(MANS3); do rm -f $(DESTDIR)$(MAN3DIR)/$${m#man/}; done
	rm -f $(DESTDIR)$(LIBDIR)/libdm.a $(DESTDIR)$(LIBDIR)/libdm.so \
	    $(DESTDIR)$(LIBDIR)/$(LIB_SONAME) \
	    $(DESTDIR)$(LIBDIR)/libdm.so.$(LIB_VERSION) \
	    $(DESTDIR)$(INCLUDEDIR)/dm.h $(DESTDIR)$(INCLUDEDIR)/dm_escape.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/dm.pc

# The library as a user gets it: installed into a scratch DESTDIR, the
# sample filter built with pkg-config against it, and run through pandoc.
# (The plain build only: a sanitized libdm.so cannot be loaded by a
# program built without the sanitizers.)
test-lib: all
ifeq ($(SAN)$(VALGRIND),)
	@sh tests/lib/run.sh $(BUILD)
else
	@echo "SKIP test-lib: the plain build's library is the one installed"
endif

clean:
	rm -rf build build-san build-vg build-clang build-fuzz
