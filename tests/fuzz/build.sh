#!/bin/sh
# build.sh OUTDIR: build the libFuzzer targets with clang and ASan+UBSan:
#   fuzz_form, fuzz_expr   the form parser and the expression compiler
#                          (base and form only: no ncurses, no sqlite)
#   fuzz_answers           the answers CSV of paper intakes, given to an
#                          engine and scored (base, form, engine; libcsv)
#   fuzz_config            the kiosk's INI file and set-pin's rewrite of it
#                          (base and cmd/config.c; libinih)
#   fuzz_merge             merge of a database file from anywhere into a
#                          fresh database (every layer up to store; sqlite)
#   fuzz_copy              the server's rows in COPY's binary format, as a
#                          server (or something in its place) sends them
set -eu
out=${1:?usage: build.sh OUTDIR}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
CC=${FUZZ_CC:-clang}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
CFLAGS="-std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -g -O1
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-fno-omit-frame-pointer -pthread"
BASE="$(ls src/base/*.c)"
FORM="$BASE $(ls src/form/*.c)"
ENGINE="$FORM $(ls src/engine/*.c)"
STORE="$ENGINE $(ls src/store/*.c)"
# shellcheck disable=SC2086
build() {
	t=$1; shift
	$CC $CFLAGS -Isrc/store -o "$out/$t" "tests/fuzz/$t.c" "$@" -lm
}
# shellcheck disable=SC2086
{
build fuzz_form $FORM
build fuzz_expr $FORM
build fuzz_answers $ENGINE -lcsv
build fuzz_config $BASE src/cmd/config.c \
    $($PKG_CONFIG --cflags --libs inih)
build fuzz_merge $STORE \
    $($PKG_CONFIG --cflags --libs sqlite3 libsodium uuid libpq) \
    -lcsv
build fuzz_copy $STORE \
    $($PKG_CONFIG --cflags --libs sqlite3 libsodium uuid libpq) \
    -lcsv
}
echo "fuzz: built fuzz_form fuzz_expr fuzz_answers fuzz_config fuzz_merge fuzz_copy in $out"
