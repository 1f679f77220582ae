# colloquy -- interview transcripts into chaptered podcast episodes.
#
#   make            build ./colloquy (installs missing Debian packages as root)
#   make run        render every transcript in transcripts/ into out/
#   make test       build and run every test; ends with "N passed, N failed"
#   make bench      benchmarks in bench/ (not part of make test)
#   make SANITIZE=address,undefined test

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config

VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1)

# Libraries that have a pkg-config file; LAME has none upstream.
PKGS := espeak-ng sndfile libebur128 soxr jansson libutf8proc libxml-2.0 libxxhash yaml-0.1 uchardet md4c

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wvla -Wformat-security -fno-common
BASE_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -O2 -g $(WARN) -MMD -MP
ifdef SANITIZE
BASE_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
BASE_LDFLAGS += -fsanitize=$(SANITIZE)
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) \
	$(shell $(PKG_CONFIG) --libs lame 2>/dev/null || echo -lmp3lame) -lm

ALL_CFLAGS = $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(BASE_LDFLAGS) $(LDFLAGS)

# Every stage but main.c goes into a static library that the unit tests
# link against too.
LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=build/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)

.DELETE_ON_ERROR:
.PHONY: all deps test-deps run test bench install clean splitter-report fuzz fuzz-long FORCE

all: deps colloquy

# Debian packages each target needs.  deps.sh installs what is missing when
# run as root, else prints the sudo apt-get line and fails.
BUILD_DEBS := build-essential pkg-config libespeak-ng-dev libsndfile1-dev \
	libmp3lame-dev libebur128-dev libsoxr-dev libjansson-dev \
	libutf8proc-dev libxml2-dev libxxhash-dev libyaml-dev libuchardet-dev libmd4c-dev espeak-ng-data
TEST_DEBS := ffmpeg mpg123 mp3val python3 python3-mutagen python3-numpy python3-feedparser \
	eyed3 libxml2-utils valgrind parallel sox lame time procps aubio-tools

deps:
	@sh tests/deps.sh $(BUILD_DEBS)

test-deps: deps
	@sh tests/deps.sh $(TEST_DEBS)
	@command -v npm >/dev/null 2>&1 || sh tests/deps.sh nodejs npm
	@# the Podcasting 2.0 parser t080 reads the feed with, from the npm registry
	@test -d build/node/node_modules/podcast-partytime || \
		npm install --silent --no-audit --no-fund --prefix build/node podcast-partytime@5

colloquy: build/main.o build/libcolloquy.a
	$(CC) $(ALL_CFLAGS) -o $@ build/main.o build/libcolloquy.a $(ALL_LDFLAGS) $(PKG_LIBS)

build/libcolloquy.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# Objects depend on the flags they were built with (as git's GIT-CFLAGS),
# so `make SANITIZE=...` after a plain build rebuilds everything.
build/flags: FORCE | build
	@echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' >$@

build/version: FORCE | build
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' >$@

build/%.o: src/%.c build/flags | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Only main.c knows the version, so a new commit rebuilds only it.
build/main.o: src/main.c build/flags build/version | build
	$(CC) $(ALL_CFLAGS) -DCOLLOQUY_VERSION='"$(VERSION)"' -c -o $@ $<

build/tests/%: tests/unit/%.c build/libcolloquy.a build/flags | build/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< build/libcolloquy.a $(ALL_LDFLAGS) $(PKG_LIBS)

build build/tests:
	mkdir -p $@

run: all
	./colloquy batch transcripts -o out

test: test-deps colloquy $(UNIT_BIN)
	@sh tests/run.sh

splitter-report: all
	@sh tests/splitter-report.sh

# the judge of bench/intelligibility.sh, and espeak-ng as it comes, its baseline
BENCH_DEBS := pocketsphinx pocketsphinx-en-us espeak-ng

bench: all test-deps
	@sh tests/deps.sh $(BENCH_DEBS)
	@sh bench/run.sh

# Fuzzing with libFuzzer (clang): each target for FUZZ_SECONDS from its
# seeds; the corpora grow in build/fuzz/.  Prints each target's executions.
FUZZ_TARGETS := split script ini lexicon id3 charset readers
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -O1 -g $(FUZZ_SAN) $(PKG_CFLAGS)
FUZZ_OBJ := $(LIB_SRC:src/%.c=build/fuzz/%.o)

build/fuzz build/fuzz/corpus:
	mkdir -p $@

.SECONDARY: $(FUZZ_OBJ)

build/fuzz/%.o: src/%.c | build/fuzz
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ) | build/fuzz
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS)

fuzz: deps
	@command -v clang >/dev/null 2>&1 || sh tests/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# What `make fuzz` found nothing in, in the closing figures: five minutes a
# target, two at a time.
fuzz-long:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=300

install: all
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 colloquy $(DESTDIR)$(BINDIR)/colloquy

clean:
	rm -rf build colloquy

-include $(wildcard build/*.d build/tests/*.d build/fuzz/*.d)
