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
# poll SECS CMD...: until CMD succeeds, or SECS pass (1 then): the one
# way a suite waits for something, never a fixed sleep.
now_ms() { date +%s%3N; }
poll() {
	local secs=$1 end; shift
	end=$(( $(now_ms) + secs * 1000 ))
	while ! "$@"; do
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.05
	done
}
# expect_eq NAME EXPECTED ACTUAL
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2
actual:   $3"; fi; }
