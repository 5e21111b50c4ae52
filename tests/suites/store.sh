#!/usr/bin/env bash
# The store through the staff commands record, erase, audit and merge, and
# its failure modes: file modes, a corrupt or newer database, a locked
# database (exit 75), a full disk (exit 74, nothing saved lost) and a
# read-only place (exit 73), each with a clear message.
source tests/lib.sh
set -u

FORM=forms/minimal.form
T=$TESTTMP
# Private copies, so a concurrent rebuild of the tree cannot break a run.
cp "$BIN" "$T/smp-intake" && BIN=$T/smp-intake
cp "$BUILD/libsmp.a" "$T/libsmp.a"
export SMP_STAFF=tester
unset SMP_INTAKE_DB SMP_INTAKE_CONFIG

printf 'question,value\nwelcome,agreed\nname,Zyxwvut\nbirth_date,1990-04-02\npattern,male\nstage,5\nkeloid,yes\ngoals,density;hairline\nnotes,"Line one\nline, two ""quoted"""\n' >"$T/a.csv"
printf 'question,value\nwelcome,agreed\nname,Anna\nbirth_date,1990-04-02\npattern,none\nkeloid,no\n' >"$T/b.csv"

# A file's mode in octal, or "none".
mode() { stat -c %a "$1" 2>/dev/null || echo none; }
# run NAME CMD...: run, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() { "$@" >"$T/out" 2>"$T/err"; rc=$?; }

# --- record -------------------------------------------------------------
run "$BIN" record --form "$FORM" --db "$T/db/intake.db" "$T/a.csv"
id=$(cat "$T/out")
if [ "$rc" -eq 0 ] && [[ $id =~ ^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$ ]]; then
	ok "store-1.1 record prints a UUID v4"
else
	not_ok "store-1.1 record prints a UUID v4" "rc=$rc out=$id $(cat "$T/err")"
fi
expect_eq "store-1.2 folder 0700, file 0600" "700 600" \
	"$(mode "$T/db") $(mode "$T/db/intake.db")"
got=$(sqlite3 "$T/db/intake.db" "SELECT source || ' ' || status || ' ' || score || ' ' || band || ' ' || (SELECT count(*) FROM answers) || ' ' || (SELECT count(*) FROM result_lines) FROM intakes")
expect_eq "store-1.3 a completed paper intake with answers and results" \
	"paper completed 25 review 8 5" "$got"
got=$(sqlite3 "$T/db/intake.db" "SELECT value FROM answers WHERE question = 'notes'")
expect_eq "store-1.4 a value with a newline, comma and quotes is kept" \
	'Line one
line, two "quoted"' "$got"
expect_eq "store-1.5 the ack is stored as an answer" "agreed" \
	"$(sqlite3 "$T/db/intake.db" "SELECT value FROM answers WHERE question = 'welcome'")"
got=$(sqlite3 "$T/db/intake.db" "SELECT count(*) FROM forms WHERE source = CAST(readfile('$FORM') AS TEXT)")
expect_eq "store-1.6 the form's exact text is stored" "1" "$got"

printf 'question,value\nname,Anna1\nbirth_date,1990-02-31\npattern,martian\nbogus,1\n' >"$T/bad.csv"
run "$BIN" record --form "$FORM" --db "$T/db/intake.db" "$T/bad.csv"
n=$(sqlite3 "$T/db/intake.db" "SELECT count(*) FROM intakes")
if [ "$rc" -eq 65 ] && [ "$n" -eq 1 ] && grep -q "bad.csv:5: unknown question 'bogus'" "$T/err" &&
	grep -q "bad.csv:2: name:" "$T/err" && grep -q "bad.csv:3: birth_date:" "$T/err" &&
	grep -q "missing required answer: 'keloid'" "$T/err" &&
	grep -q "6 problems; nothing stored" "$T/err"; then
	ok "store-1.7 invalid answers: exit 65, every problem, nothing stored"
else
	not_ok "store-1.7 invalid answers: exit 65, every problem, nothing stored" "rc=$rc n=$n $(cat "$T/err")"
fi
run "$BIN" record --form "$FORM" --db "$T/db/intake.db" "$T/none.csv"
expect_eq "store-1.8 missing answers file: 66" 66 "$rc"
run "$BIN" record --db "$T/db/intake.db" "$T/a.csv"
expect_eq "store-1.9 no --form: usage 64" 64 "$rc"
run env SMP_INTAKE_DB="$T/db/intake.db" "$BIN" record --form "$FORM" --lang es --kiosk desk-2 "$T/b.csv"
got=$(sqlite3 "$T/db/intake.db" "SELECT lang || ' ' || kiosk_id FROM intakes WHERE id = '$(cat "$T/out")'")
expect_eq "store-1.10 SMP_INTAKE_DB, --lang and --kiosk" "es desk-2" "$got"
run "$BIN" record --help
if [ "$rc" -eq 0 ] && grep -q "usage: smp-intake record" "$T/out"; then
	ok "store-1.11 record --help"; else not_ok "store-1.11 record --help" "$(cat "$T/out" "$T/err")"; fi

# --- erase --------------------------------------------------------------
db=$T/db/intake.db
if grep -qa Zyxwvut "$db"*; then ok "store-2.1 the name is in the files before erase"
else not_ok "store-2.1 the name is in the files before erase"; fi
run "$BIN" erase --db "$db" "$id" </dev/null
n=$(sqlite3 "$db" "SELECT count(*) FROM intakes WHERE id = '$id'")
if [ "$rc" -ne 0 ] && [ "$n" -eq 1 ]; then ok "store-2.2 erase without a terminal or --yes erases nothing"
else not_ok "store-2.2 erase without a terminal or --yes erases nothing" "rc=$rc n=$n"; fi
run "$BIN" erase --db "$db" --yes "${id:0:8}"
if [ "$rc" -eq 0 ] && ! grep -qa -e Zyxwvut -e quoted "$db"* &&
	[ "$(sqlite3 "$db" "SELECT count(*) FROM answers WHERE intake_id = '$id'")" -eq 0 ]; then
	ok "store-2.3 erase --yes by id prefix leaves no byte of the answers"
else
	not_ok "store-2.3 erase --yes by id prefix leaves no byte of the answers" "rc=$rc $(cat "$T/err"); $(grep -ca Zyxwvut "$db"*)"
fi
n=$(sqlite3 "$db" "SELECT count(*) FROM intakes")
expect_eq "store-2.4 the other intake stays" 1 "$n"
run "$BIN" erase --db "$db" --yes "$id"
if [ "$rc" -eq 0 ] && grep -q "already erased" "$T/out"; then ok "store-2.5 erasing again: 0, already erased"
else not_ok "store-2.5 erasing again: 0, already erased" "rc=$rc $(cat "$T/out" "$T/err")"; fi
run "$BIN" erase --db "$db" --yes ffffffff-0000-4000-8000-000000000000
if [ "$rc" -eq 66 ] && grep -q "no intake" "$T/err"; then ok "store-2.6 erase of a missing intake: 66"
else not_ok "store-2.6 erase of a missing intake: 66" "rc=$rc $(cat "$T/err")"; fi
run "$BIN" erase --db "$T/nothing.db" --yes "$id"
if [ "$rc" -eq 66 ] && [ ! -e "$T/nothing.db" ]; then ok "store-2.6 erase never creates a database"
else not_ok "store-2.6 erase never creates a database" "rc=$rc"; fi

# --- audit --------------------------------------------------------------
run "$BIN" audit --db "$db"
if [ "$rc" -eq 0 ] && [ "$(grep -c ' tester ' "$T/out")" -eq 3 ] &&
	grep -q "tester *erase *$id" "$T/out" && grep -q "tester *record *$id" "$T/out" &&
	! grep -q Zyxwvut "$T/out"; then
	ok "store-3.1 audit lists record, record, erase by tester"
else
	not_ok "store-3.1 audit lists record, record, erase by tester" "$(cat "$T/out" "$T/err")"
fi
run "$BIN" audit --db "$db" --since 2001-01-01 --until 2001-12-31
expect_eq "store-3.2 audit --since/--until filters" 1 "$(wc -l <"$T/out")"
run "$BIN" audit --db "$db" --since 2001-02-30
expect_eq "store-3.3 audit: a bad date is a usage error" 64 "$rc"
SMP_STAFF=$'evil\e[2J' "$BIN" record --form "$FORM" --db "$db" "$T/b.csv" >/dev/null 2>&1
run "$BIN" audit --db "$db"
if grep -q 'evil^\[\[2J' "$T/out" && ! grep -q $'\e' "$T/out"; then
	ok "store-3.4 audit shows control characters, never sends them"
else
	not_ok "store-3.4 audit shows control characters, never sends them" "$(cat -v "$T/out")"
fi

# --- merge --------------------------------------------------------------
sed 's/^  version 2$/  version 3/' "$FORM" >"$T/v3.form"
"$BIN" record --form "$T/v3.form" --db "$T/k2.db" --kiosk k2 "$T/b.csv" >/dev/null 2>&1
"$BIN" record --form "$T/v3.form" --db "$T/k2.db" --kiosk k2 "$T/b.csv" >/dev/null 2>&1
run "$BIN" merge --db "$db" "$T/k2.db"
expect_eq "store-4.1 merge reports its counts" "merged 2 intakes (0 already present), 1 form" "$(cat "$T/out" "$T/err")"
run "$BIN" merge --db "$db" "$T/k2.db"
expect_eq "store-4.2 merging twice adds nothing" "merged 0 intakes (2 already present), 0 forms" "$(cat "$T/out" "$T/err")"
got=$(sqlite3 "$db" "SELECT count(*) FROM intakes i JOIN forms f ON f.hash = i.form_hash WHERE f.version = 3 AND i.kiosk_id = 'k2' AND (SELECT count(*) FROM answers a WHERE a.intake_id = i.id) = 5")
expect_eq "store-4.3 merged intakes come with answers and their form version" 2 "$got"
run "$BIN" merge --db "$db" "$T/missing.db"
expect_eq "store-4.4 merge of a missing file: 66" 66 "$rc"
gone=$(sqlite3 "$db" "SELECT id FROM intakes WHERE kiosk_id = 'k2' LIMIT 1")
"$BIN" erase --db "$db" --yes "$gone" >/dev/null 2>&1
run "$BIN" merge --db "$db" "$T/k2.db"
expect_eq "store-4.5 a merge never brings back an erased intake" \
    "merged 0 intakes (1 already present), 0 forms
not brought back: 1 intake erased here
0" \
    "$(cat "$T/out" "$T/err"; sqlite3 "$db" "SELECT count(*) FROM intakes WHERE id = '$gone'")"
if grep -q "tester *merge *2 intakes" <("$BIN" audit --db "$db"); then ok "store-4.5 merge is audited"
else not_ok "store-4.5 merge is audited"; fi

# --- merge of a damaged file: the file at fault is named (issue 13) ----
# A kiosk's file with enough intakes to fill several pages, then damaged
# for real: the answers table's root page overwritten, or the file cut.
for i in $(seq 20); do
	"$BIN" record --form "$FORM" --db "$T/k3.db" --kiosk k3 "$T/b.csv" >/dev/null 2>&1
done
sqlite3 "$T/k3.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
"$BIN" record --form "$FORM" --db "$T/good.db" "$T/b.csv" >/dev/null 2>&1
cp "$T/k3.db" "$T/holds-k3.db"
"$BIN" merge --db "$T/holds-k3.db" "$T/k3.db" >/dev/null 2>&1
pgsz=$(sqlite3 "$T/k3.db" "PRAGMA page_size")
root=$(sqlite3 "$T/k3.db" "SELECT rootpage FROM sqlite_master WHERE name = 'answers'")
cp "$T/k3.db" "$T/damaged.db"
head -c "$pgsz" /dev/zero | tr '\0' Z |
    dd of="$T/damaged.db" bs="$pgsz" seek=$((root - 1)) conv=notrunc 2>/dev/null
sum_good=$(sqlite3 "$T/good.db" "SELECT count(*) FROM intakes; SELECT count(*) FROM answers" | tr '\n' ' ')
run "$BIN" merge --db "$T/good.db" "$T/damaged.db"
if [ "$rc" -eq 65 ] && grep -q "damaged.db: the database to merge is damaged" "$T/err" &&
	! grep -q "good.db" "$T/err" && grep -q "nothing was merged" "$T/err" &&
	[ "$(sqlite3 "$T/good.db" "SELECT count(*) FROM intakes; SELECT count(*) FROM answers" | tr '\n' ' ')" = "$sum_good" ] &&
	[ "$(sqlite3 "$T/good.db" "PRAGMA integrity_check")" = ok ]; then
	ok "store-4.6 merge of a damaged file names it, not the good database, and changes nothing"
else
	not_ok "store-4.6 merge of a damaged file names it, not the good database, and changes nothing" "rc=$rc $(cat "$T/out" "$T/err")"
fi
run "$BIN" merge --db "$T/holds-k3.db" "$T/damaged.db"
if [ "$rc" -eq 65 ] && grep -q "damaged.db: the database to merge is damaged" "$T/err"; then
	ok "store-4.7 a damaged file is refused even when its intakes are all here already"
else
	not_ok "store-4.7 a damaged file is refused even when its intakes are all here already" "rc=$rc $(cat "$T/out" "$T/err")"
fi
cp "$T/k3.db" "$T/cut.db"
truncate -s $(( $(stat -c %s "$T/k3.db") / 2 )) "$T/cut.db"
run "$BIN" merge --db "$T/good.db" "$T/cut.db"
if [ "$rc" -eq 65 ] && grep -q "cut.db: the database to merge is damaged" "$T/err" &&
	! grep -q "good.db" "$T/err"; then
	ok "store-4.8 a file cut short is named as damaged"
else
	not_ok "store-4.8 a file cut short is named as damaged" "rc=$rc $(cat "$T/out" "$T/err")"
fi
run "$BIN" merge --db "$T/good.db" "$T/b.csv"
if [ "$rc" -eq 65 ] && grep -q "b.csv: not a database (not SQLite)" "$T/err" &&
	! grep -q "good.db" "$T/err"; then
	ok "store-4.9 a file that is not SQLite is named"
else
	not_ok "store-4.9 a file that is not SQLite is named" "rc=$rc $(cat "$T/out" "$T/err")"
fi
# A file shaped like ours but with a view where merge reads a table: the
# view (code from the file) is never run.
cp "$T/k3.db" "$T/view.db"
sqlite3 "$T/view.db" "ALTER TABLE answers RENAME TO real_answers;
    CREATE VIEW answers AS SELECT intake_id, question, value, answered_at FROM real_answers"
run "$BIN" merge --db "$T/good.db" "$T/view.db"
if [ "$rc" -eq 65 ] && grep -q "view.db: not a smp-intake database (no table answers" "$T/err"; then
	ok "store-4.10 a view in place of a table is refused, naming the file"
else
	not_ok "store-4.10 a view in place of a table is refused, naming the file" "rc=$rc $(cat "$T/out" "$T/err")"
fi

# --- damaged and newer databases ---------------------------------------
printf 'name,age\nAnna,31\n' >"$T/text.db"
run "$BIN" record --form "$FORM" --db "$T/text.db" "$T/b.csv"
if [ "$rc" -eq 65 ] && grep -q "text.db.*not a smp-intake database or damaged" "$T/err" && ! grep -q Anna "$T/err"; then
	ok "store-5.1 not a database: 65, clear message"
else
	not_ok "store-5.1 not a database: 65, clear message" "rc=$rc $(cat "$T/err")"
fi
sqlite3 "$T/other.db" "PRAGMA user_version = 2; CREATE TABLE t(x)"
run "$BIN" list --db "$T/other.db"
if [ "$rc" -eq 65 ] && grep -q "another program's database" "$T/err"; then
	ok "store-5.1b another program's file with a user_version: 65"
else
	not_ok "store-5.1b another program's file with a user_version: 65" "rc=$rc $(cat "$T/err")"
fi
run "$BIN" erase --db "$db" --yes abc
expect_eq "store-5.1c erase with a too-short id is a usage error" 64 "$rc"
cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 9"
run "$BIN" record --form "$FORM" --db "$T/newer.db" "$T/b.csv"
if [ "$rc" -eq 65 ] && grep -q "written by a newer smp-intake (schema 9, this one knows 3)" "$T/err"; then
	ok "store-5.2 newer schema: 65, both versions named"
else
	not_ok "store-5.2 newer schema: 65, both versions named" "rc=$rc $(cat "$T/err")"
fi

# --- a locked database --------------------------------------------------
mkfifo "$T/ctl"
sqlite3 "$db" <"$T/ctl" >"$T/lock.out" 2>&1 &
lockpid=$!
exec {ctl}>"$T/ctl"
printf 'BEGIN EXCLUSIVE;\nSELECT count(*) FROM intakes;\nSELECT %s;\n' "'holding'" >&"$ctl"
poll 10 grep -q holding "$T/lock.out"
before=$(date +%s%N)
run env SMP_BUSY_TIMEOUT_MS=300 "$BIN" record --form "$FORM" --db "$db" "$T/b.csv"
ms=$((($(date +%s%N) - before) / 1000000))
if [ "$rc" -eq 75 ] && grep -q "locked by another process" "$T/err" && grep -q "$db" "$T/err" && ((ms >= 300)); then
	ok "store-6.1 locked database: 75 after the busy timeout, clear message"
else
	not_ok "store-6.1 locked database: 75 after the busy timeout, clear message" "rc=$rc ${ms}ms $(cat "$T/err" "$T/lock.out")"
fi
printf 'ROLLBACK;\n' >&"$ctl"
exec {ctl}>&-
wait "$lockpid"
run "$BIN" record --form "$FORM" --db "$db" "$T/b.csv"
expect_eq "store-6.2 once released, record works" 0 "$rc"

# --- full disk and read-only places -------------------------------------
WRITER="$T/torture_writer"
cc -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -O1 -g \
	$( [ "$BUILD" = build-asan ] && echo -fsanitize=address,undefined ) \
	-o "$WRITER" tests/tools/torture_writer.c "$T/libsmp.a" \
	$(pkg-config --libs ncursesw sqlite3 inih libsodium uuid libpq) -lcsv -lm 2>"$T/cc.err" ||
	not_ok "store-7.0 writer builds" "$(cat "$T/cc.err")"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# check_kept LOG DB: every answer LOG says was saved is in DB.
check_kept() {
	local want have
	want=$(awk '$1 == "P" { v[$2 "|" $3] = $4 } $1 == "D" { delete v[$2 "|" $3] }
		END { for (k in v) print k "|" v[k] }' "$1" | sort)
	have=$(sqlite3 "$2" "SELECT intake_id || '|' || question || '|' || value FROM answers" | sort)
	[ -n "$want" ] && [ -z "$(comm -23 <(echo "$want") <(echo "$have"))" ]
}

# audited_readonly DB HOW: show and export of a database they cannot
# write their audit row to refuse (73), say why and how, and let no data
# out; the way the message gives (merge into a writable database) works
# and is audited there (issue 13).
audited_readonly() {
	local ro=$1 how=$2 id why out
	id=$(sqlite3 "file:$ro?immutable=1" "SELECT id FROM intakes LIMIT 1")
	run "$BIN" show --db "$ro" "$id"
	why=$(grep -c "recorded in the database's audit log first.*merge --db WRITABLE.db $ro" "$T/err")
	out=$(wc -c <"$T/out")
	run "$BIN" export --db "$ro"
	if [ "$rc" -eq 73 ] && [ "$why" -eq 1 ] && [ "$out" -eq 0 ] && [ ! -s "$T/out" ] &&
		grep -q "run export there" "$T/err"; then
		ok "store-7.6 $how: show and export refuse (73), say why and how, show nothing"
	else
		not_ok "store-7.6 $how: show and export refuse (73), say why and how, show nothing" "rc=$rc why=$why out=$out $(cat "$T/err")"
	fi
	rm -f "$T/rodest.db"*
	"$BIN" merge --db "$T/rodest.db" "$ro" >/dev/null 2>&1
	run "$BIN" show --db "$T/rodest.db" "$id"
	if [ "$rc" -eq 0 ] && [ -s "$T/out" ] &&
		[ "$(sqlite3 "$T/rodest.db" "SELECT count(*) FROM audit WHERE action = 'show' AND detail = '$id'")" -eq 1 ]; then
		ok "store-7.6 $how: merged into a writable database, show works and is audited"
	else
		not_ok "store-7.6 $how: merged into a writable database, show works and is audited" "rc=$rc $(cat "$T/err")"
	fi
}

full=$T/full
mkdir -p "$full"
if mount -t tmpfs -o size=400k,mode=0755 tmpfs "$full" 2>/dev/null; then
	how="a 400 KB tmpfs"
	trap 'umount "$full" 2>/dev/null; rm -rf "$TESTTMP"' EXIT
	fill() { "$WRITER" "$full/intake.db" 0 3000; }
else
	how="ulimit -f 400"
	fill() { (ulimit -f 400; exec "$WRITER" "$full/intake.db" 0 3000); }
fi
fill >"$T/fill.log" 2>"$T/fill.err"; frc=$?
if [ "$frc" -eq 74 ] && grep -q "disk full or file size limit reached" "$T/fill.err" &&
	check_kept "$T/fill.log" "$full/intake.db" &&
	[ "$(sqlite3 "$full/intake.db" "PRAGMA integrity_check")" = ok ]; then
	ok "store-7.1 full disk ($how): exit 74, clear error, $(grep -c '^P' "$T/fill.log") saved answers kept"
else
	not_ok "store-7.1 full disk ($how): exit 74, clear error, saved answers kept" "rc=$frc $(cat "$T/fill.err")"
fi
if [ "$how" = "ulimit -f 400" ]; then
	run bash -c "ulimit -f 400; exec \"$BIN\" record --form \"$FORM\" --db \"$full/intake.db\" \"$T/a.csv\""
else
	run "$BIN" record --form "$FORM" --db "$full/intake.db" "$T/a.csv"
fi
if [ "$rc" -eq 74 ] && grep -q "disk full" "$T/err" && ! grep -q Zyxwvut "$T/err"; then
	ok "store-7.2 record on a full disk: 74, clear error"
else
	not_ok "store-7.2 record on a full disk: 74, clear error" "rc=$rc $(cat "$T/err")"
fi
# One line for the failure, not one per remaining answer; a half-saved
# intake that could not be removed is named, with how to erase it.
left=$(sqlite3 "$full/intake.db" "SELECT id FROM intakes WHERE status = 'in_progress' AND source = 'paper'" 2>/dev/null)
if [ "$(grep -c 'disk full' "$T/err")" -eq 1 ] &&
    { [ -z "$left" ] || grep -q "half-saved intake $left .*smp-intake erase $left" "$T/err"; }; then
	ok "store-7.2 record on a full disk: one error line${left:+, leftover named}"
else
	not_ok "store-7.2 record on a full disk: one error line, leftover named" "left=$left $(cat "$T/err")"
fi

if [ "$how" = "a 400 KB tmpfs" ]; then
	rm -rf "${full:?}"/*
	"$BIN" record --form "$FORM" --db "$full/intake.db" "$T/b.csv" >/dev/null 2>&1
	if mount -o remount,ro "$full" 2>/dev/null; then
		run "$BIN" record --form "$FORM" --db "$full/intake.db" "$T/b.csv"
		if [ "$rc" -eq 73 ] && grep -q "$full/intake.db.*read-only" "$T/err"; then
			ok "store-7.3 read-only file system: 73, clear error"
		else
			not_ok "store-7.3 read-only file system: 73, clear error" "rc=$rc $(cat "$T/err")"
		fi
		run "$BIN" record --form "$FORM" --db "$full/new/intake.db" "$T/b.csv"
		if [ "$rc" -eq 73 ] && grep -q "cannot create its folder" "$T/err"; then
			ok "store-7.4 no folder on a read-only file system: 73"
		else
			not_ok "store-7.4 no folder on a read-only file system: 73" "rc=$rc $(cat "$T/err")"
		fi
		# A kiosk's file on a read-only stick: listed and merged.
		run "$BIN" list --db "$full/intake.db"
		n=$(grep -c paper "$T/out")
		run "$BIN" merge --db "$T/fromro.db" "$full/intake.db"
		expect_eq "store-7.5 read-only disk: list and merge read it" \
		    "1 0 merged 1 intake (0 already present), 1 form" \
		    "$n $rc $(cat "$T/out" "$T/err")"
		audited_readonly "$full/intake.db" "read-only disk"
	else
		skip "store-7.3" "cannot remount read-only"
		skip "store-7.4" "cannot remount read-only"
		skip "store-7.5" "cannot remount read-only"
		skip "store-7.6" "cannot remount read-only"
	fi
	umount "$full"
elif [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$T/ro" && chmod 0500 "$T/ro"
	run "$BIN" record --form "$FORM" --db "$T/ro/intake.db" "$T/b.csv"
	if [ "$rc" -eq 73 ] && grep -q "$T/ro/intake.db" "$T/err"; then
		ok "store-7.3 unwritable folder: 73, clear error"
	else
		not_ok "store-7.3 unwritable folder: 73, clear error" "rc=$rc $(cat "$T/err")"
	fi
	chmod 0700 "$T/ro"
	skip "store-7.4" "no read-only file system without mount"
	mkdir -p "$T/rofile"
	"$BIN" record --form "$FORM" --db "$T/rofile/intake.db" "$T/b.csv" >/dev/null 2>&1
	sqlite3 "$T/rofile/intake.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	chmod 0444 "$T/rofile/intake.db"
	audited_readonly "$T/rofile/intake.db" "read-only file"
	chmod 0600 "$T/rofile/intake.db"
else
	skip "store-7.3" "root ignores permissions and cannot mount here"
	skip "store-7.4" "root ignores permissions and cannot mount here"
	skip "store-7.6" "root ignores permissions and cannot mount here"
fi

run "$BIN" record --form "$FORM" --db "$T/no/such/place/intake.db" "$T/b.csv"
if [ "$rc" -eq 73 ] && grep -q "cannot create its folder" "$T/err"; then
	ok "store-7.5 a missing parent folder: 73, clear error"
else
	not_ok "store-7.5 a missing parent folder: 73, clear error" "rc=$rc $(cat "$T/err")"
fi
