# dmfilters - pandoc filters in C.  POSIX-style; GNU make.
#
#   make            build build/dm and its links (dm-callouts, ...)
#   make check      install what is missing, build, run every test
#   make check SAN=1  the same under AddressSanitizer + UBSan
#   make demo       render the sample articles into build/demo/
#   make bench      time the filters against jansson's own load + dump
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
MANDIR    ?= $(MANPREFIX)/man1

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

LIBS_PC   = jansson
DM_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) \
            $(shell $(PKG_CONFIG) --cflags $(LIBS_PC) 2>/dev/null)
DM_LIBS   = $(shell $(PKG_CONFIG) --libs $(LIBS_PC) 2>/dev/null) -lm

ifeq ($(SAN),1)
BUILD     = build-san
DM_CFLAGS += -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all -DDM_FREE_AT_EXIT=1
DM_LIBS   += -fsanitize=address,undefined
else ifeq ($(VALGRIND),1)
BUILD     = build-vg
DM_CFLAGS += -O1 -g -DDM_FREE_AT_EXIT=1
else
BUILD     = build
endif

FILTERS   =
LIB_SRC   = $(wildcard src/*.c)
LIB_OBJ   = $(LIB_SRC:src/%.c=$(BUILD)/obj/src/%.o)
FLT_SRC   = $(wildcard filters/*.c)
FLT_OBJ   = $(FLT_SRC:filters/%.c=$(BUILD)/obj/filters/%.o)
HDRS      = $(wildcard src/*.h)
LINKS     = $(FILTERS:%=$(BUILD)/dm-%)
UNIT_SRC  = $(wildcard tests/unit/*.c)

.PHONY: all check deps unit test-shell demo bench install uninstall clean \
        valgrind

all: $(BUILD)/dm $(LINKS)

$(BUILD)/obj/src/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/filters/%.o: filters/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(DM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libdm.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/dm: $(FLT_OBJ) $(BUILD)/libdm.a
	$(CC) $(CFLAGS) -o $@ $(FLT_OBJ) $(BUILD)/libdm.a $(DM_LIBS)

$(BUILD)/dm-%: $(BUILD)/dm
	ln -sf dm $@

# ---- tests ---------------------------------------------------------------

deps:
	@sh tools/deps.sh

$(BUILD)/unit: $(UNIT_SRC) $(BUILD)/libdm.a $(HDRS)
	$(CC) $(DM_CFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags check) \
	    -Isrc -o $@ $(UNIT_SRC) $(BUILD)/libdm.a \
	    $(shell $(PKG_CONFIG) --libs check) $(DM_LIBS)

unit: $(BUILD)/unit
	CK_FORK=yes $(BUILD)/unit

test-shell: all
	@sh tests/run.sh $(BUILD)

check: deps
	$(MAKE) all unit test-shell

clean:
	rm -rf build build-san build-vg
