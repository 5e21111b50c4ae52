# Shared helpers for shell suites (source it).  TAP output, one line a check.
# Every suite runs from the repository root with $BIN and $BUILD set.
: "${BIN:?BIN not set}"
TESTTMP=$(mktemp -d)
trap 'rm -rf "$TESTTMP"' EXIT

ok() { printf 'ok - %s\n' "$1"; }
# skip NAME REASON: a check that cannot run here; tests/run counts it apart.
skip() { printf 'ok - %s # SKIP %s\n' "$1" "$2"; }
not_ok() { printf 'not ok - %s\n' "$1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/# /' >&2; return 0; }
# check NAME CMD...: ok if CMD succeeds.
check() { local n=$1; shift; if "$@" >"$TESTTMP/out" 2>&1; then ok "$n"; else not_ok "$n" "$(cat "$TESTTMP/out")"; fi; }
# expect_eq NAME EXPECTED ACTUAL
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2
actual:   $3"; fi; }
