#!/bin/sh
# run.sh OUTDIR [SECONDS]: run each fuzz target for SECONDS (default 60)
# on a corpus seeded from forms/ and tests/parse/ (and, for expressions,
# the conditions found in them).  Prints each target's executions; exits
# non-zero if a target crashed (the crashing input is left in OUTDIR).
# FUZZ_FLAGS adds libFuzzer options (e.g. -jobs=4, -detect_leaks=0).
set -u
out=${1:?usage: run.sh OUTDIR [SECONDS]}
secs=${2:-60}
[ -n "$secs" ] || secs=60
cd "$(dirname "$0")/../.."
status=0
mkdir -p "$out/corpus-form" "$out/corpus-expr"
for f in forms/*.form tests/parse/*.form; do
	[ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ] &&
	    cp "$f" "$out/corpus-form/$(basename "$f")"
done
i=0
cat forms/*.form tests/parse/*.form 2>/dev/null |
    sed -n 's/.*\(show if\|validate\|[^a-z]if\) \(.*\)$/\2/p' | sort -u |
    while IFS= read -r line; do
	i=$((i + 1))
	printf '%s' "$line" >"$out/corpus-expr/seed-$i"
done
for t in form expr; do
	log="$out/fuzz_$t.log"
	"$out/fuzz_$t" -max_total_time="$secs" -dict="tests/fuzz/$t.dict" \
	    -artifact_prefix="$out/crash-$t-" -print_final_stats=1 \
	    ${FUZZ_FLAGS:-} "$out/corpus-$t" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	echo "fuzz_$t: ${execs:-?} executions in ${secs}s, exit $rc"
	if [ "$rc" -ne 0 ]; then
		status=1
		grep -A20 'ERROR\|SUMMARY' "$log" | head -40
	fi
done
exit $status
