# export suite: byte-exact CSV (wide, long, labels, deidentify, BOM), read
# back with Python's csv module and with libcsv, neutralised formula cells,
# --out atomic and 0600, errors, filters, audit, a consistent snapshot
# while another process writes, and memory that does not grow with the
# number of intakes.
. tests/lib.sh
export TZ=UTC
E=tests/export
DB=$TESTTMP/t.db
python3 $E/fixture.py "$DB" tricky || exit 1
cc -std=c11 -O2 -o "$TESTTMP/csvread" $E/csvread.c -lcsv || exit 1

# golden NAME ARGS...: export with ARGS must equal tests/export/NAME.
golden() {
	local name=$1; shift
	if "$BIN" export --db "$DB" "$@" >"$TESTTMP/$name" 2>"$TESTTMP/err" &&
	    cmp -s "$TESTTMP/$name" "$E/$name"; then
		ok "export-1 $name byte-exact"
	else
		not_ok "export-1 $name byte-exact" "$(cat "$TESTTMP/err"; \
		    diff "$E/$name" "$TESTTMP/$name" | head -20)"
	fi
}
golden wide.csv
golden long.csv --format long
golden wide-labels-es.csv --labels --lang es
golden long-labels.csv --format long --labels
golden wide-deidentify.csv --deidentify
golden long-deidentify.csv --format long --deidentify
golden bom-completed.csv --bom --status completed

# Read back: Python's csv and libcsv give the stored values (formulas
# neutralised exactly as documented).
for f in wide long; do
	"$TESTTMP/csvread" <"$E/$f.csv" >"$TESTTMP/$f.dump"
	check "export-2 $f read back by python csv and libcsv" \
	    python3 $E/roundtrip.py "$DB" "$E/$f.csv" $f "$TESTTMP/$f.dump"
done
"$TESTTMP/csvread" <"$E/bom-completed.csv" >"$TESTTMP/bom.dump"
check "export-2 bom read back" python3 $E/roundtrip.py "$DB" \
    "$E/bom-completed.csv" wide "$TESTTMP/bom.dump"

# Specific cells, independent of the golden files.
expect_eq "export-3 CRLF line ends" "$(head -1 $E/wide.csv | tail -c 2 | \
    od -An -tx1)" " 0d 0a"
grep -q "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")" $E/wide.csv
expect_eq "export-3 leading = neutralised and quoted" 0 $?
grep -q ",-3,yes," $E/wide.csv
expect_eq "export-3 plain negative number kept" 0 $?
grep -q ",'+1 @SUM(A1) -x	tab" $E/wide.csv
expect_eq "export-3 leading + neutralised" 0 $?
expect_eq "export-3 BOM" "$(head -c 3 $E/bom-completed.csv | od -An -tx1)" \
    " ef bb bf"
grep -q "goals___density,goals___hairline,goals___unsure,weight,comfort,notes,colour" $E/wide.csv
expect_eq "export-3 union of versions: newest order, older-only appended" 0 $?
if grep -q "name\|birth_date\|José\|Zoë" $E/wide-deidentify.csv; then
	not_ok "export-3 deidentify drops identifier columns"
else ok "export-3 deidentify drops identifier columns"; fi
grep -q "Entradas o coronilla despoblada" $E/wide-labels-es.csv
expect_eq "export-3 labels in --lang" 0 $?

# --out: atomic, 0600, same bytes; errors leave nothing behind.
"$BIN" export --db "$DB" --out "$TESTTMP/out.csv" 2>/dev/null
expect_eq "export-4 --out same bytes" "$(cmp "$TESTTMP/out.csv" $E/wide.csv \
    && echo same)" same
expect_eq "export-4 --out mode 0600" "$(stat -c %a "$TESTTMP/out.csv")" 600
"$BIN" export --db "$DB" --out "$TESTTMP/nodir/x.csv" 2>"$TESTTMP/err"
expect_eq "export-4 missing folder exits 73" $? 73
grep -q "cannot create" "$TESTTMP/err"
expect_eq "export-4 missing folder message" 0 $?
echo "old contents" >"$TESTTMP/old.csv"
(ulimit -f 4; "$BIN" export --db "$DB" --out "$TESTTMP/old.csv" --force) \
    2>"$TESTTMP/err"
expect_eq "export-4 file too big exits 74" $? 74
expect_eq "export-4 old file untouched" "$(cat "$TESTTMP/old.csv")" \
    "old contents"
expect_eq "export-4 no temporary file left" \
    "$(ls -A "$TESTTMP" | grep -c '^\.old\.csv\.')" 0
"$BIN" export --db "$DB" >/dev/full 2>"$TESTTMP/err"
expect_eq "export-4 stdout full exits 74" $? 74
# A mistyped --out never replaces the database, a device or a symlink.
cp "$DB" "$TESTTMP/keep.db"
"$BIN" export --db "$TESTTMP/keep.db" --out "$TESTTMP/keep.db" \
    2>"$TESTTMP/err"
expect_eq "export-4 --out the database itself: 73, database intact" \
    "73 ok" "$? $(sqlite3 "$TESTTMP/keep.db" 'PRAGMA quick_check')"
ln -s "$TESTTMP/old.csv" "$TESTTMP/link.csv"
"$BIN" export --db "$DB" --out "$TESTTMP/link.csv" 2>"$TESTTMP/err"
expect_eq "export-4 --out a symlink: 73, link kept" "73 link" \
    "$? $([ -L "$TESTTMP/link.csv" ] && echo link)"
mkfifo "$TESTTMP/fifo"
"$BIN" export --db "$DB" --out "$TESTTMP/fifo" 2>"$TESTTMP/err"
expect_eq "export-4 --out a FIFO: 73, not a regular file" "73 0" \
    "$? $(grep -q 'not a regular file' "$TESTTMP/err"; echo $?)"
# An existing file is replaced only with --force, and a database never
# (issue 13: --out silently replaced another intake database).
echo "keep me" >"$TESTTMP/exists.csv"
"$BIN" export --db "$DB" --out "$TESTTMP/exists.csv" 2>"$TESTTMP/err"
expect_eq "export-4b --out an existing file: 73, kept, --force named" \
    "73 keep me 0" \
    "$? $(cat "$TESTTMP/exists.csv") $(grep -q 'exists; refusing to replace it (--force' "$TESTTMP/err"; echo $?)"
"$BIN" export --db "$DB" --out "$TESTTMP/exists.csv" --force 2>/dev/null
expect_eq "export-4b --force replaces a plain file" "0 same 600" \
    "$? $(cmp -s "$TESTTMP/exists.csv" $E/wide.csv && echo same) $(stat -c %a "$TESTTMP/exists.csv")"
cp "$DB" "$TESTTMP/other-kiosk.db"
before=$(md5sum <"$TESTTMP/other-kiosk.db")
"$BIN" export --db "$DB" --out "$TESTTMP/other-kiosk.db" --force 2>"$TESTTMP/err"
expect_eq "export-4b --force never replaces another intake database" \
    "73 same 0" \
    "$? $([ "$(md5sum <"$TESTTMP/other-kiosk.db")" = "$before" ] && echo same) $(grep -q 'is an SQLite database.*even with --force' "$TESTTMP/err"; echo $?)"
sqlite3 "$TESTTMP/any.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
"$BIN" export --db "$DB" --out "$TESTTMP/any.sqlite" --force 2>/dev/null
expect_eq "export-4b --force never replaces any SQLite file" "73 1" \
    "$? $(sqlite3 "$TESTTMP/any.sqlite" 'SELECT x FROM t')"
# A WAL file of another database (a kiosk's database being written).
sqlite3 "$TESTTMP/w.db" "PRAGMA journal_mode=WAL; CREATE TABLE t(x)" >/dev/null
mkfifo "$TESTTMP/wctl"
sqlite3 "$TESTTMP/w.db" <"$TESTTMP/wctl" >/dev/null 2>&1 &
wpid=$!
exec {wctl}>"$TESTTMP/wctl"
printf 'INSERT INTO t VALUES (1);\n' >&"$wctl"
poll 10 test -s "$TESTTMP/w.db-wal"
"$BIN" export --db "$DB" --out "$TESTTMP/w.db-wal" --force 2>/dev/null
r1=$?
"$BIN" export --db "$DB" --out "$TESTTMP/w.db-shm" --force 2>/dev/null
r2=$?
exec {wctl}>&-
wait $wpid
expect_eq "export-4b --force never replaces a database's -wal or -shm" "73 73" "$r1 $r2"
"$BIN" export --db "$DB" --force >/dev/null 2>&1
expect_eq "export-4b --force without --out is a usage error" 64 $?

# Usage errors and filters.
"$BIN" export --db "$DB" --since 2026-02-30 >/dev/null 2>&1
expect_eq "export-5 bad date exits 64" $? 64
"$BIN" export --db "$DB" --format tall >/dev/null 2>&1
expect_eq "export-5 bad format exits 64" $? 64
"$BIN" export --db "$TESTTMP/none.db" >/dev/null 2>&1
expect_eq "export-5 missing database exits 66" $? 66
[ ! -e "$TESTTMP/none.db" ]
expect_eq "export-5 missing database not created" $? 0
# ids: the first column of CSV on stdin, as parsed by Python.
ids() {
	python3 -c 'import csv, sys
print(" ".join(r[0][:8] for r in csv.reader(sys.stdin)))'
}
expect_eq "export-5 --since/--until inclusive" "$("$BIN" export --db "$DB" \
    --since 2026-06-10 --until 2026-06-12 | ids)" "intake_i b0000000 c0000000"
expect_eq "export-5 --status" "$("$BIN" export --db "$DB" --status \
    abandoned --format long | ids)" "intake_i c0000000 c0000000 c0000000 c0000000"

# Audit: one entry per export, no personal data.
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'export'")
[ "$n" -ge 10 ]
expect_eq "export-6 every export audited" $? 0
sqlite3 "$DB" "SELECT detail FROM audit" | grep -q "José\|Zoë\|clear"
expect_eq "export-6 audit holds no personal data" $? 1
sqlite3 "$DB" "SELECT detail FROM audit WHERE action = 'export'" | \
    grep -q "format=long rows=stream labels"
expect_eq "export-6 audit says format, rows, options" $? 0
"$BIN" export --db "$DB" --format long --labels --out "$TESTTMP/a.csv" \
    2>/dev/null
sqlite3 "$DB" "SELECT detail FROM audit WHERE action = 'export'" | \
    grep -q "format=long rows=25 labels"
expect_eq "export-6 audit of --out counts its rows" $? 0
# No audit entry, no data: with the audit log locked, an export to
# stdout writes nothing at all.
cp "$DB" "$TESTTMP/lk.db"
mkfifo "$TESTTMP/lkctl"
sqlite3 "$TESTTMP/lk.db" <"$TESTTMP/lkctl" >/dev/null 2>&1 &
lkpid=$!
exec {lk}>"$TESTTMP/lkctl"
echo "BEGIN IMMEDIATE; INSERT INTO audit(at, actor, action, detail) VALUES ('x', 'x', 'x', 'x'); SELECT 'held';" >&$lk
# Until the other process holds the lock.
poll 20 eval '[ -n "$(sqlite3 "$TESTTMP/lk.db" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" 2>&1)" ]'
SMP_BUSY_TIMEOUT_MS=100 "$BIN" export --db "$TESTTMP/lk.db" \
    >"$TESTTMP/lk.csv" 2>/dev/null
expect_eq "export-6 locked audit log: 75 and no data out" "75 0" \
    "$? $(wc -c <"$TESTTMP/lk.csv")"
echo "ROLLBACK;" >&$lk
exec {lk}>&-
wait $lkpid

# Concurrency: exports while another process keeps saving answers, one
# transaction each, every one also setting the intake's score to its
# number of answers: no error, and in every export each writer intake's
# score equals its answers (one snapshot, not a mix of moments).
CDB=$TESTTMP/c.db
python3 $E/fixture.py "$CDB" many 3000 || exit 1
python3 $E/writer.py "$CDB" "$TESTTMP/stop" 60 >"$TESTTMP/written" &
wpid=$!
# Wait (deadline 20 s) until the writer has committed something.
writer_started() {
	[ "$(sqlite3 -cmd '.timeout 5000' "$CDB" "SELECT count(*) FROM \
	    intakes WHERE kiosk_id = 'writer'")" -gt 0 ]
}
poll 20 writer_started
cfail=0 counts=""
for i in 1 2 3 4; do
	if ! "$BIN" export --db "$CDB" --format wide >"$TESTTMP/c$i.csv" \
	    2>"$TESTTMP/cerr"; then
		cfail=1
		cat "$TESTTMP/cerr" >&2
	fi
	counts="$counts $(python3 - "$TESTTMP/c$i.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
col = {h: i for i, h in enumerate(rows[0])}
qs = ("name", "pattern", "stage", "notes")
bad = [r[0] for r in rows[1:] if r[col["kiosk_id"]] == "writer" and
       int(r[col["score"]]) != sum(1 for q in qs if r[col[q]])]
print(len(rows) - 1 if not bad else "incomplete:" + bad[0])
PY
)"
done
touch "$TESTTMP/stop"
wait $wpid
expect_eq "export-7 exports while writing: no error" $cfail 0
case "$counts" in
*incomplete*) not_ok "export-7 each intake consistent (snapshot)" "$counts" ;;
*) ok "export-7 each intake consistent (snapshot)" ;;
esac
first=${counts# }; first=${first%% *}; last=${counts##* }
[ "$last" -gt "$first" ]
expect_eq "export-7 the writer really wrote during the exports ($counts)" \
    $? 0
sqlite3 "$CDB" "PRAGMA integrity_check" >"$TESTTMP/ic"
expect_eq "export-7 database intact" "$(cat "$TESTTMP/ic")" ok

# Streaming: peak memory for 20,000 intakes within a small constant of
# that for 2,000.
# rss DB FORMAT: peak resident KiB of one export.
rss() {
	python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
	    "$BIN" export --db "$1" --format "$2"
}
python3 $E/fixture.py "$TESTTMP/m2.db" many 2000 || exit 1
python3 $E/fixture.py "$TESTTMP/m20.db" many 20000 || exit 1
for f in wide long; do
	case $BUILD in *asan*)
		# AddressSanitizer's quarantine holds freed memory on purpose.
		skip "export-8 $f memory flat" "under AddressSanitizer"
		continue ;;
	esac
	a=$(rss "$TESTTMP/m2.db" $f) b=$(rss "$TESTTMP/m20.db" $f)
	[ -n "$a" ] && [ -n "$b" ] && [ "$b" -lt $((a + 4096)) ]
	expect_eq "export-8 $f memory flat: 2k ${a} KiB, 20k ${b} KiB" $? 0
done

# Ctrl-C during --out: the export stops, dies of the signal (130), and
# leaves neither the target nor its temporary file (a partial copy of
# health data).  The export is frozen (SIGSTOP) as soon as its temporary
# file appears, so the interrupt lands mid-way whatever the machine speed.
mkdir -p "$TESTTMP/int"
"$BIN" export --db "$TESTTMP/m20.db" --format long --labels \
    --out "$TESTTMP/int/x.csv" 2>"$TESTTMP/int.err" &
xpid=$!
deadline=$((SECONDS + 20))
until ls "$TESTTMP"/int/.x.csv.* >/dev/null 2>&1 || [ $SECONDS -ge $deadline ]; do
	:
done
kill -STOP $xpid; kill -INT $xpid; kill -CONT $xpid
wait $xpid
expect_eq "export-10 Ctrl-C stops --out: status 130, nothing left" \
    "130 " "$? $(ls -A "$TESTTMP/int")"

# Round trip through the real write path: a paper intake stored by
# "smp-intake record" with tricky values comes back unchanged.
RDB=$TESTTMP/r.db
printf 'question,value\r\nwelcome,agreed\r\nname,"Zoë ""Z"" O'"'"'Neil, Jr. \360\237\221\251\342\200\215\360\237\221\247\342\200\213"\r\nbirth_date,1980-02-29\r\npattern,male\r\nstage,3\r\nkeloid,no\r\ngoals,density;hairline\r\nnotes,"=1+1\r\nline 2, ""q"" \360\237\230\200 \345\261\261\347\224\260 \327\251\327\234\327\225\327\235 @x"\r\n' \
    >"$TESTTMP/answers.csv"
if "$BIN" record --form forms/minimal.form --db "$RDB" \
    "$TESTTMP/answers.csv" >"$TESTTMP/rid" 2>"$TESTTMP/err"; then
	for f in wide long; do
		"$BIN" export --db "$RDB" --format $f >"$TESTTMP/r.$f.csv"
		"$TESTTMP/csvread" <"$TESTTMP/r.$f.csv" >"$TESTTMP/r.$f.dump"
		check "export-9 recorded intake: $f read back unchanged" \
		    python3 $E/roundtrip.py "$RDB" "$TESTTMP/r.$f.csv" $f \
		    "$TESTTMP/r.$f.dump"
	done
	grep -q "\"'=1+1" "$TESTTMP/r.long.csv"
	expect_eq "export-9 recorded formula neutralised" $? 0
	expect_eq "export-9 invisible U+200B dropped, the emoji's joiner kept" \
	    "Zoë \"Z\" O'Neil, Jr. 👩‍👧" \
	    "$(sqlite3 "$RDB" "SELECT value FROM answers WHERE question = 'name'")"
else
	not_ok "export-9 record a paper intake" "$(cat "$TESTTMP/err")"
fi
