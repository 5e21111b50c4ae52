#!/bin/sh
# run.sh OUTDIR [SECONDS [TARGET...]]: run each fuzz target (default: all
# six) for SECONDS (default 60) on a corpus in OUTDIR/corpus-NAME, seeded
# from the tree:
#   form     forms/ and tests/parse/
#   expr     the conditions found in them
#   answers  tests/answers/ and tests/profiles/ (paper intakes)
#   config   tests/fuzz/seeds/config/ (sample configuration files)
#   merge    small real databases (tests/fuzz/seed_db.py) and the corpus
#            of answers as not-a-database files
#   copy     COPY streams as a server sends them (made here)
# The corpus grows from run to run.  Prints each target's executions;
# exits non-zero if a target crashed (the crashing input is left in
# OUTDIR as crash-NAME-*).  FUZZ_FLAGS adds libFuzzer options (e.g.
# -jobs=4, -detect_leaks=0).
set -u
out=${1:?usage: run.sh OUTDIR [SECONDS [TARGET...]]}
secs=${2:-60}
[ -n "$secs" ] || secs=60
[ $# -ge 2 ] && shift 2 || shift $#
targets=${*:-form expr answers config merge copy}
cd "$(dirname "$0")/../.."
status=0

# seed NAME: fill OUTDIR/corpus-NAME from the tree.
seed() {
	c="$out/corpus-$1"
	mkdir -p "$c"
	case $1 in
	form)
		for f in forms/*.form tests/parse/*.form; do
			[ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ] &&
			    cp "$f" "$c/$(basename "$f")"
		done ;;
	expr)
		i=0
		cat forms/*.form tests/parse/*.form 2>/dev/null |
		    sed -n 's/.*\(show if\|validate\|[^a-z]if\) \(.*\)$/\2/p' |
		    sort -u | while IFS= read -r line; do
			i=$((i + 1))
			printf '%s' "$line" >"$c/seed-$i"
		done ;;
	answers)
		cp tests/answers/*.csv "$c/"
		for f in tests/profiles/*.csv; do
			cp "$f" "$c/profile-$(basename "$f")"
		done ;;
	config)
		cp tests/fuzz/seeds/config/* "$c/" ;;
	merge)
		python3 tests/fuzz/seed_db.py "$c" ||
		    echo "fuzz_merge: no seed databases (python3 sqlite3?)" >&2
		cp tests/answers/good.csv "$c/not-a-database" ;;
	copy)
		# Messages (16-bit length, bytes): the header with a row of
		# a text, a NULL and an int4, then two rows, then the trailer.
		python3 - "$c" <<'PY'
import struct, sys
def msg(b): return struct.pack(">H", len(b)) + b
def row(*fs):
    out = struct.pack(">h", len(fs))
    for f in fs:
        out += struct.pack(">i", -1) if f is None else struct.pack(">i", len(f)) + f
    return out
head = b"PGCOPY\n\377\r\n\0" + struct.pack(">ii", 0, 0)
one = msg(head + row(b"0000b5e0-bc26-49cb", None, struct.pack(">i", 7)))
two = msg(row(b"a\tb", b"") + row(b"\\N", b"x" * 40))
end = msg(struct.pack(">h", -1))
open(sys.argv[1] + "/stream", "wb").write(one + two + end)
open(sys.argv[1] + "/header-only", "wb").write(msg(head))
PY
		;;
	esac
}

for t in $targets; do
	seed "$t"
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
