#!/bin/sh
# build.sh OUTDIR: build the libFuzzer targets (fuzz_form, fuzz_expr) with
# clang and ASan+UBSan.  Only the modules the parser needs are linked: no
# ncurses, no sqlite.
set -eu
out=${1:?usage: build.sh OUTDIR}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
CC=${FUZZ_CC:-clang}
CFLAGS="-std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -g -O1
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-fno-omit-frame-pointer"
SRCS="$(ls src/base/*.c src/form/*.c)"
for t in fuzz_form fuzz_expr; do
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$out/$t" "tests/fuzz/$t.c" $SRCS -lm
done
echo "fuzz: built $out/fuzz_form $out/fuzz_expr"
