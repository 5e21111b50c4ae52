# smp-intake: plain GNU make, no configure step.
#
#   make            build build/smp-intake
#   make run        install missing packages, build, start the kiosk (demo)
#   make test       install missing packages, build, run every test suite
#   make asan       the whole test suite under AddressSanitizer + UBSan
#   make fuzz       libFuzzer targets (form parser, expressions, answers CSV,
#                   config file, merge of a database file, a server's COPY
#                   stream), FUZZ_SECONDS
#                   each (default 60)
#   make bench      benchmarks (docs/performance.md)
#   make install    PREFIX=/usr/local DESTDIR=
#
# V=1 shows full command lines.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/smp-intake
MANDIR	?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC	?= cc
BUILD	?= build

VERSION	:= 0.1.0

PKGS	:= ncursesw sqlite3 inih libsodium uuid libpq espeak-ng
# ncursesw's form library ships its own .pc (formw); we only need the core.
# ncursesw's .pc defines _XOPEN_SOURCE=600; we define 700 ourselves.
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,\
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv -pthread
# libchafa (optional): real images of the stage pictures (src/ui/pixels.c,
# the only file that sees it).  Without it the kiosk shows the text art.
CHAFA_CFLAGS := $(patsubst -I%,-isystem %,\
	$(shell $(PKG_CONFIG) --cflags chafa 2>/dev/null))
CHAFA_LIBS := $(shell $(PKG_CONFIG) --libs chafa 2>/dev/null)
ifneq ($(CHAFA_LIBS),)
PKG_LIBS += $(CHAFA_LIBS)
endif
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# Our flags come first so a user's CFLAGS add to them and never remove the
# warnings.  -Wconversion is on: the code passes it, and it catches the
# size_t/int truncations that matter in a parser.
SMP_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-pthread -DSMP_VERSION='"$(VERSION)"' -DSMP_DATADIR='"$(DATADIR)"' \
	-Iinclude -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
	-Wformat=2 -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings \
	-Wpointer-arith -Wundef -Wvla -MMD -MP
CFLAGS	?= -O2 -g
ifeq ($(SANITIZE),1)
BUILD	:= build-asan
SMP_CFLAGS += -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(WERROR),1)
SMP_CFLAGS += -Werror
endif
ALL_CFLAGS = $(SMP_CFLAGS) $(PKG_CFLAGS) $(CFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRCS	:= $(wildcard src/*/*.c)
LIBSRCS	:= $(filter-out src/cmd/main.c,$(SRCS))
OBJS	:= $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIBOBJS	:= $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o)
TESTSRCS := $(wildcard tests/unit/test_*.c)
TESTBINS := $(TESTSRCS:tests/unit/%.c=$(BUILD)/tests/%)
BIN	:= $(BUILD)/smp-intake

.PHONY: all run test check-tests tests asan fuzz bench bench-large screens \
	install uninstall clean deps test-spreadsheet

all: $(BIN) $(BUILD)/art/.stamp

# The stage pictures as images at two sizes, drawn by forms/art/raster.py
# from gen.py's densities (pixels.c shows them where the terminal can).
$(BUILD)/art/.stamp: forms/art/gen.py forms/art/raster.py
	@$(if $(Q),echo "  ART     $(@D)")
	$(Q)python3 forms/art/raster.py $(@D) && touch $@

ifneq ($(CHAFA_LIBS),)
$(BUILD)/obj/ui/pixels.o: ALL_CFLAGS += -DSMP_CHAFA $(CHAFA_CFLAGS)
endif

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libsmp.a: $(LIBOBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/cmd/main.o $(BUILD)/libsmp.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

# Every test binary also gets the kiosk fixture (tests/unit/kfix.c).
$(BUILD)/tests/%: tests/unit/%.c tests/unit/kfix.c tests/unit/kfix.h \
    $(BUILD)/libsmp.a
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -Isrc -o $@ $< \
		tests/unit/kfix.c $(BUILD)/libsmp.a $(LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS) -lm

tests: $(BIN) $(BUILD)/art/.stamp $(TESTBINS)

deps:
	@sh scripts/deps.sh

# The two set-up commands of the README.
run: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(BIN)

test: deps
	@$(MAKE) --no-print-directory tests
	@BUILD=$(BUILD) tests/run

asan:
	@sh scripts/deps.sh asan
	@$(MAKE) --no-print-directory SANITIZE=1 tests
	@BUILD=build-asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 tests/run

fuzz:
	@sh scripts/deps.sh fuzz
	@sh tests/fuzz/build.sh $(BUILD)/fuzz
	@sh tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

bench: deps
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@sh bench/run.sh $(BIN)

bench-large: deps
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@BENCH_LARGE=1 sh bench/run.sh $(BIN)

screens: deps
	@$(MAKE) --no-print-directory all
	@sh tests/e2e/screens.sh $(BIN) docs/screens.md

test-spreadsheet: deps
	@sh scripts/deps.sh spreadsheet
	@$(MAKE) --no-print-directory all
	@sh tests/spreadsheet/run.sh $(BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/forms/art \
		$(DESTDIR)$(MANDIR)/man1
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/smp-intake
	install -m 0644 forms/*.form $(DESTDIR)$(DATADIR)/forms/
	install -m 0644 forms/art/* $(DESTDIR)$(DATADIR)/forms/art/
	install -d $(DESTDIR)$(DATADIR)/forms/art/images
	install -m 0644 $(BUILD)/art/*.pam $(DESTDIR)$(DATADIR)/forms/art/images/
	install -m 0644 docs/smp-intake.1 $(DESTDIR)$(MANDIR)/man1/smp-intake.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smp-intake $(DESTDIR)$(MANDIR)/man1/smp-intake.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan

-include $(OBJS:.o=.d)
