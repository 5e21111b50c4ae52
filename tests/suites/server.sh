#!/usr/bin/env bash
# The PostgreSQL store and sending, against a real server: a throw-away
# cluster that this suite starts itself (pg_virtualenv, from Debian's
# postgresql-common; scripts/deps.sh installs it).  If no cluster can be
# started, every check is reported as a SKIP with the reason, never a pass.
#
#  server-1  schema, versions, a newer server schema refused
#  server-2  the same intakes in SQLite and PostgreSQL: list, show, stats,
#            wide and long CSV byte for byte
#  server-3  erase is final: tombstones against merge and late resends
#  server-4  sync and keep_local
#  server-5  least privilege: the kiosk role reads nothing; a kiosk's
#            role sends only as the kiosk id it is bound to
#  server-6  faults: server stopped mid-send, sender SIGKILLed, wrong
#            password, server away for a while, concurrent senders, three
#            writers of 1,000 intakes each, the kiosk SIGKILLed (its sender
#            goes with it), a merge SIGKILLed mid-way
#  server-7  the kiosk in tmux sends in the background; the staff menu
#            says how many wait and when the last send succeeded
source tests/lib.sh
set -u

if [ -z "${SMP_PG_INSIDE:-}" ]; then
	if ! command -v pg_virtualenv >/dev/null 2>&1; then
		skip "server-0 a throw-away PostgreSQL" "pg_virtualenv not installed (scripts/deps.sh installs postgresql)"
		exit 0
	fi
	export SMP_PG_INSIDE=1 SMP_PG_MARK="$TESTTMP/started"
	pg_virtualenv -t bash "$0" 2>"$TESTTMP/pg.err"
	if [ ! -e "$SMP_PG_MARK" ]; then
		skip "server-0 a throw-away PostgreSQL" "cannot start a cluster: $(grep -v '^Creating\|^Dropping' "$TESTTMP/pg.err" | tail -1)"
		exit 0
	fi
	grep -v '^Creating new PostgreSQL cluster\|^Dropping cluster' "$TESTTMP/pg.err" >&2
	exit 0
fi
: >"$SMP_PG_MARK"

T=$TESTTMP
cp "$BIN" "$T/smp-intake" && BIN=$T/smp-intake
export SMP_STAFF=tester
unset SMP_INTAKE_DB SMP_INTAKE_CONFIG
read -r PGV PGC _ < <(pg_lsclusters -h | awk '$4 == "online"' | head -1)

run() { "$@" >"$T/out" 2>"$T/err"; rc=$?; }
local_left() { sqlite3 "$1" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'"; }
sql() { psql -X -q -At -d "$1" -c "$2" 2>&1; }

# The roles of docs/server.md, before the schema exists (it grants to them).
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE ROLE smp_owner LOGIN PASSWORD 'owner-pw'" \
	-c "CREATE ROLE smp_kiosk LOGIN PASSWORD 'kiosk-pw'" \
	-c "CREATE ROLE smp_staff LOGIN PASSWORD 'staff-pw'" \
	-c "CREATE ROLE kiosk_east LOGIN PASSWORD 'east-pw' IN ROLE smp_kiosk" \
	-c "CREATE ROLE kiosk_none LOGIN PASSWORD 'none-pw' IN ROLE smp_kiosk" \
	-c "CREATE DATABASE smp OWNER smp_owner" -c "CREATE DATABASE smp2 OWNER smp_owner" \
	-c "REVOKE ALL ON DATABASE smp FROM PUBLIC" \
	-c "GRANT CONNECT ON DATABASE smp TO smp_kiosk, smp_staff" >"$T/roles.out" 2>&1 ||
	not_ok "server-0 roles and databases" "$(cat "$T/roles.out")"
export PGPASSFILE=$T/pgpass
for u in smp_owner:owner-pw smp_kiosk:kiosk-pw smp_staff:staff-pw kiosk_east:east-pw kiosk_none:none-pw; do
	printf '%s:%s:*:%s\n' "$PGHOST" "$PGPORT" "$u"
done >"$PGPASSFILE"
chmod 600 "$PGPASSFILE"
OWNER="postgresql://smp_owner@$PGHOST:$PGPORT/smp"
STAFF="postgresql://smp_staff@$PGHOST:$PGPORT/smp"
KIOSK="postgresql://smp_kiosk@$PGHOST:$PGPORT/smp"
SUPER_PW=${PGPASSWORD:-}	# the cluster's superuser, for what no role of ours may do
unset PGPASSWORD

# --- 1: schema -----------------------------------------------------------
run "$BIN" audit --db "$OWNER"
run "$BIN" list --db "$OWNER"
expect_eq "server-1.1 the owner's first open creates schema 2" "0 2" \
	"$rc $(sql "$OWNER" 'SELECT version FROM smp_schema')"
sql "$OWNER" 'UPDATE smp_schema SET version = 99' >/dev/null
run "$BIN" list --db "$STAFF"
if [ "$rc" -eq 65 ] && grep -q "newer smp-intake (server schema 99, this one knows 2)" "$T/err"; then
	ok "server-1.2 a newer server schema is refused (65, says so)"
else
	not_ok "server-1.2 a newer server schema is refused (65, says so)" "rc=$rc $(cat "$T/err")"
fi
sql "$OWNER" 'UPDATE smp_schema SET version = 2' >/dev/null
sql "postgresql://smp_owner@$PGHOST:$PGPORT/smp2" 'CREATE TABLE intakes(x int)' >/dev/null
run "$BIN" list --db "postgresql://smp_owner@$PGHOST:$PGPORT/smp2"
expect_eq "server-1.3 another program's tables: 65" 65 "$rc"
run "$BIN" list --db "postgresql://smp_staff@$PGHOST:$PGPORT/smp?password=bad-secret"
if [ "$rc" -eq 73 ] && ! grep -q "bad-secret" "$T/err"; then
	ok "server-1.4 a wrong password: 73, the password not in the message"
else
	not_ok "server-1.4 a wrong password: 73, the password not in the message" "rc=$rc $(cat "$T/err")"
fi

# A schema 1 server (no kiosk_roles): the staff role may not upgrade it,
# the owner's next open does.
sql "$OWNER" 'DROP TABLE kiosk_roles; DROP TRIGGER intakes_kiosk_bound ON intakes; DROP FUNCTION smp_kiosk_bound; UPDATE smp_schema SET version = 1' >/dev/null
run "$BIN" list --db "$STAFF"
r1=$rc
run "$BIN" list --db "$OWNER"
expect_eq "server-1.5 schema 1 is upgraded to 2 by the owner (not by staff)" "1 0 2 0" \
	"$r1 $rc $(sql "$OWNER" 'SELECT version FROM smp_schema') $(sql "$OWNER" 'SELECT count(*) FROM kiosk_roles')"
# The shared kiosk role of the tests is bound to every kiosk id the
# generated intakes carry (docs/server.md: one binding per kiosk id).
sql "$OWNER" "INSERT INTO kiosk_roles(role, kiosk_id) VALUES ('smp_kiosk', 'lobby-1'), ('smp_kiosk', 'lobby-2'), ('smp_kiosk', 'upstairs'), ('smp_kiosk', 'paper'), ('smp_kiosk', 'test-1')" >/dev/null

# --- 2: the same intakes, the same output --------------------------------
WRITER=$T/gen
if ! cc -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DHAVE_SCORE -Iinclude -O1 \
	-o "$WRITER" bench/gen.c "$BUILD/libsmp.a" \
	$(pkg-config --libs ncursesw sqlite3 inih libsodium uuid libpq) -lcsv -lm -pthread \
	$( [ "$BUILD" = build-asan ] && echo -fsanitize=address,undefined ) 2>"$T/cc.err"; then
	not_ok "server-2.0 the generator builds" "$(cat "$T/cc.err")"
	exit 0
fi
"$WRITER" -f forms/smp-consultation.form -o "$T/a.db" -n 300 -s 7 2>/dev/null
printf 'question,value\nwelcome,agreed\nname,Zyxwvut Ñandú\nbirth_date,1990-04-02\npattern,male\nstage,5\nkeloid,yes\ngoals,density;hairline\nnotes,"=1+2 Line one\nline, two ""quoted"" \\ back"\n' >"$T/p.csv"
"$BIN" record --form forms/minimal.form --db "$T/a.db" "$T/p.csv" >/dev/null
# Bytes a text protocol would have to escape (COPY's text format does):
# each must come back from the server as kept.  A tab, a CR, backslashes
# before N, x and digits, control bytes, a trailing backslash; and a
# value that is just \N, which is not NULL.
sqlite3 "$T/a.db" "UPDATE answers SET value = value || 'a' || char(9) || 'b' || char(13) || 'c\\N\\x41\\101' || char(1) || char(127) || 'é\\' WHERE question = 'notes' AND value LIKE '=1+2%'"
sqlite3 "$T/a.db" "UPDATE answers SET value = '\\N' WHERE question = 'keloid' AND intake_id = (SELECT intake_id FROM answers WHERE question = 'notes' AND value LIKE '=1+2%')"
run "$BIN" merge --db "$STAFF" "$T/a.db"
expect_eq "server-2.1 merge into the server" "0 merged 301 intakes (0 already present), 3 forms" \
	"$rc $(cat "$T/out")"
run "$BIN" merge --db "$STAFF" "$T/a.db"
expect_eq "server-2.2 merging again adds nothing" "merged 0 intakes (301 already present), 0 forms" \
	"$(cat "$T/out")"
same() {	# NAME ARGS...: the command's stdout from both stores, compared
	local name=$1; shift
	"$BIN" "$@" --db "$T/a.db" >"$T/sq.out" 2>"$T/sq.err"; local r1=$?
	"$BIN" "$@" --db "$STAFF" >"$T/pg.out" 2>"$T/pg.err"; local r2=$?
	if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ -s "$T/sq.out" ] && cmp -s "$T/sq.out" "$T/pg.out"; then
		ok "$name"
	else
		not_ok "$name" "rc $r1 $r2 $(cat "$T/pg.err") $(diff "$T/sq.out" "$T/pg.out" | head -5)"
	fi
}
same "server-2.3 wide CSV byte for byte" export
same "server-2.4 long CSV byte for byte" export --format long
same "server-2.5 labels and a BOM, byte for byte" export --labels --bom --lang es
same "server-2.6 de-identified, completed only, byte for byte" export --deidentify --status completed
same "server-2.7 a date range, byte for byte" export --format long --since 2026-01-01 --until 2026-03-31
same "server-2.8 list" list
same "server-2.9 stats" stats
id=$(sqlite3 "$T/a.db" "SELECT intake_id FROM answers WHERE value = 'Zyxwvut Ñandú'")
same "server-2.10 show of the paper intake (quotes, newlines, UTF-8)" show "$id"
same "server-2.11 show by an 8-character prefix" show "${id:0:8}"

printf '[kiosk]\ndatabase = %s\n' "$STAFF" >"$T/staff.ini"
"$BIN" list --db "$STAFF" >"$T/l1" 2>&1
SMP_INTAKE_DB=$STAFF "$BIN" list >"$T/l2" 2>&1
"$BIN" list --config "$T/staff.ini" >"$T/l3" 2>&1
if [ -s "$T/l1" ] && cmp -s "$T/l1" "$T/l2" && cmp -s "$T/l1" "$T/l3" && grep -q completed "$T/l1"; then
	ok "server-2.15 the server from --db, \$SMP_INTAKE_DB or the config: the same list"
else
	not_ok "server-2.15 the server from --db, \$SMP_INTAKE_DB or the config" "$(head -3 "$T/l2" "$T/l3")"
fi
kid=$(sqlite3 "$T/a.db" "SELECT kiosk_id FROM intakes ORDER BY id LIMIT 1")
same "server-2.12 --kiosk: the same rows from both" export --format long --kiosk "$kid"
same "server-2.13 --kiosk in list and stats" list --kiosk "$kid" --status completed

# Streaming from the server: the peak memory of an export of 10,000
# intakes within a small constant of that of 1,000 (each in a database of
# its own, loaded by the owner).
peak() {	# the peak resident KiB of one command
	python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
case $BUILD in *asan*)
	# AddressSanitizer's quarantine holds freed memory on purpose.
	skip "server-2.16 export from the server: memory flat" "under AddressSanitizer" ;;
*)
	for n in 1000 10000; do
		"$WRITER" -f forms/smp-consultation.form -o "$T/m$n.db" -n $n -s 3 2>/dev/null
		PGPASSWORD=$SUPER_PW psql -X -q -c "CREATE DATABASE m$n OWNER smp_owner" >/dev/null
		"$BIN" merge --db "postgresql://smp_owner@$PGHOST:$PGPORT/m$n" "$T/m$n.db" >/dev/null 2>&1
	done
	for f in wide long; do
		a=$(peak "$BIN" export --format $f --db "postgresql://smp_owner@$PGHOST:$PGPORT/m1000")
		b=$(peak "$BIN" export --format $f --db "postgresql://smp_owner@$PGHOST:$PGPORT/m10000")
		[ -n "$a" ] && [ -n "$b" ] && [ "$b" -lt $((a + 4096)) ]
		expect_eq "server-2.16 $f export from the server: memory flat: 1k ${a} KiB, 10k ${b} KiB" 0 $?
	done
	rows=$("$BIN" export --format long --db "postgresql://smp_owner@$PGHOST:$PGPORT/m10000" |
		python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(sys.stdin)))')
	expect_eq "server-2.17 all 10,000 intakes' answers came (long rows and header)" \
		"$(( $(sqlite3 "$T/m10000.db" "SELECT count(*) FROM answers") + 1 ))" "$rows" ;;
esac

want=$(sqlite3 "$T/a.db" "SELECT coalesce(outcome, '-') || ' ' || coalesce(recheck, '-') || ' ' || coalesce(score_internal, -1), count(*) FROM intakes GROUP BY 1 ORDER BY 1" | tr '|' ' ')
got=$(sql "$STAFF" "SELECT coalesce(outcome, '-') || ' ' || coalesce(recheck, '-') || ' ' || coalesce(score_internal, -1), count(*) FROM intakes GROUP BY 1 ORDER BY 1" | tr '|' ' ')
if [ "$want" = "$got" ] && grep -q "^review " <<<"$got"; then
	ok "server-2.14 outcomes, re-check dates and internal scores arrive as kept"
else
	not_ok "server-2.14 outcomes, re-check dates and internal scores arrive as kept" "$want / $got"
fi

# --- 3: erase is final ----------------------------------------------------
run "$BIN" erase --yes --db "$STAFF" "$id"
n=$(sql "$OWNER" "SELECT (SELECT count(*) FROM intakes WHERE id = '$id') || ' ' || (SELECT count(*) FROM answers WHERE intake_id = '$id') || ' ' || (SELECT count(*) FROM erased WHERE id = '$id')")
expect_eq "server-3.1 erase on the server: rows gone, a tombstone" "0 0 0 1" "$rc $n"
run "$BIN" merge --db "$STAFF" "$T/a.db"
if grep -q "not brought back: 1 intake erased here" "$T/out" &&
	[ "$(sql "$OWNER" "SELECT count(*) FROM intakes WHERE id = '$id'")" = 0 ]; then
	ok "server-3.2 merge does not bring it back"
else
	not_ok "server-3.2 merge does not bring it back" "$(cat "$T/out" "$T/err")"
fi
cp "$T/a.db" "$T/late.db"
run "$BIN" sync --db "$T/late.db" --server "$KIOSK"
if [ "$(sql "$OWNER" "SELECT count(*) FROM intakes WHERE id = '$id'")" = 0 ] &&
	grep -q "1 erased on the server; 0 waiting" "$T/out" &&
	[ "$(sqlite3 "$T/late.db" "SELECT count(*) FROM intakes")" = 0 ]; then
	ok "server-3.3 a late resend does not bring it back (and leaves the kiosk)"
else
	not_ok "server-3.3 a late resend does not bring it back (and leaves the kiosk)" "rc=$rc $(cat "$T/out" "$T/err")"
fi
# The kiosk's role shadows the tombstones with a temporary table of its
# own, then puts the erased intake again by hand (docs/server.md revokes
# TEMP; a server set up without that must hold too).
sql "$OWNER" "GRANT TEMPORARY ON DATABASE smp TO smp_kiosk" >/dev/null
out=$(psql -X -q -At -d "$KIOSK" -c "CREATE TEMP TABLE erased(id text)" \
	-c "CREATE TEMP TABLE intakes(id text)" \
	-c "SELECT smp_put_intake('$id', 'h', 'f', 1, 's', NULL, 'lobby-1', 'c', 'en', 'kiosk', 'completed', 'x', 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', '{}', '{}', '{}', '{}', '{}', '{}')" 2>&1)
if [ "$(tail -1 <<<"$out")" = 2 ] && [ "$(sql "$OWNER" "SELECT count(*) FROM intakes WHERE id = '$id'")" = 0 ]; then
	ok "server-3.3a a temporary table cannot hide a tombstone from the put"
else
	not_ok "server-3.3a a temporary table cannot hide a tombstone from the put" "$out"
fi
sql "$OWNER" "REVOKE TEMPORARY ON DATABASE smp FROM smp_kiosk" >/dev/null
run "$BIN" audit --db "$STAFF"
if grep -q "erase.*$id" "$T/out" && grep -q "merge" "$T/out"; then
	ok "server-3.4 the server's audit log has the erase and the merges"
else
	not_ok "server-3.4 the server's audit log has the erase and the merges" "$(cat "$T/out" "$T/err")"
fi

# --- 4: sync and keep_local ----------------------------------------------
"$WRITER" -f forms/smp-consultation.form -o "$T/k.db" -n 40 -s 11 2>/dev/null
printf 'question,value\nwelcome,agreed\nname,Qwertzuiop\nbirth_date,1990-04-02\npattern,none\nkeloid,no\n' >"$T/q.csv"
"$BIN" record --form forms/minimal.form --db "$T/k.db" "$T/q.csv" >/dev/null
printf '[kiosk]\ndatabase = %s\nkiosk_id = lobby-1\nclinic = North\n[server]\nurl = %s\n' \
	"$T/k.db" "$KIOSK" >"$T/k.ini"
chmod 600 "$T/k.ini"
fin=$(sqlite3 "$T/k.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
run "$BIN" sync --config "$T/k.ini"
expect_eq "server-4.1 sync sends every finished intake and says so" \
	"0 sent $fin intakes (0 already on the server), 0 erased on the server; 0 waiting" \
	"$rc $(cat "$T/out")"
expect_eq "server-4.2 keep_local = sent (default): the kiosk's file keeps none" 0 \
	"$(sqlite3 "$T/k.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")"
if grep -qa Qwertzuiop "$T/k.db" "$T/k.db-wal" 2>/dev/null; then
	not_ok "server-4.3 no answer left in the kiosk's files (secure delete, WAL truncated)"
else
	ok "server-4.3 no answer left in the kiosk's files (secure delete, WAL truncated)"
fi
expect_eq "server-4.4 the server has them with the clinic's name" "$fin North" \
	"$(sql "$OWNER" "SELECT count(*), min(clinic) FROM intakes WHERE clinic = 'North'" | tr '|' ' ')"
run "$BIN" export --db "$STAFF" --clinic North --out "$T/north.csv"
r2=$(cat "$T/err")
run "$BIN" stats --db "$STAFF" --clinic Nowhere
if [ "$r2" = "smp-intake: exported $fin rows to $T/north.csv" ] && [ "$(grep -c "(none)" "$T/out")" -eq 7 ]; then
	ok "server-4.5a --clinic selects one clinic's intakes"
else
	not_ok "server-4.5a --clinic selects one clinic's intakes" "$r2 / $(cat "$T/out" "$T/err" | head -3)"
fi
"$WRITER" -f forms/smp-consultation.form -o "$T/f.db" -n 20 -s 12 2>/dev/null
printf '[kiosk]\ndatabase = %s\n[server]\nurl = %s\nkeep_local = forever\n' "$T/f.db" "$KIOSK" >"$T/f.ini"
"$BIN" sync --config "$T/f.ini" >/dev/null 2>&1
run "$BIN" sync --config "$T/f.ini"
expect_eq "server-4.5 keep_local = forever keeps them and a second sync sends none" \
	"20 sent 0 intakes (0 already on the server), 0 erased on the server; 0 waiting" \
	"$(sqlite3 "$T/f.db" "SELECT count(*) FROM intakes") $(cat "$T/out")"
sqlite3 "$T/f.db" "DELETE FROM audit WHERE action = 'sent'"
run "$BIN" sync --config "$T/f.ini"
expect_eq "server-4.6 a resend of everything changes nothing on the server" \
	"sent 20 intakes (20 already on the server), 0 erased on the server; 0 waiting" "$(cat "$T/out")"

"$WRITER" -f forms/smp-consultation.form -o "$T/d.db" -n 10 -s 13 2>/dev/null
printf '[kiosk]\ndatabase = %s\n[server]\nurl = %s\nkeep_local = 2\n' "$T/d.db" "$KIOSK" >"$T/d.ini"
"$BIN" sync --config "$T/d.ini" >/dev/null 2>&1
kept=$(sqlite3 "$T/d.db" "SELECT count(*) FROM intakes")
sqlite3 "$T/d.db" "UPDATE audit SET at = '2000-01-01T00:00:00.000Z' WHERE action = 'sent' AND rowid % 2 = 0"
old=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit WHERE action = 'sent' AND at < '2001'")
"$BIN" sync --config "$T/d.ini" >/dev/null 2>&1
expect_eq "server-4.7 keep_local = 2 (days): kept when sent, erased once sent 2 days ago" \
	"10 $((10 - old))" "$kept $(sqlite3 "$T/d.db" "SELECT count(*) FROM intakes")"

# --- 5: least privilege --------------------------------------------------
out=$(sql "$KIOSK" "SELECT count(*) FROM answers")
case $out in *"permission denied"*) ok "server-5.1 the kiosk role cannot SELECT answers" ;;
*) not_ok "server-5.1 the kiosk role cannot SELECT answers" "$out" ;; esac
out=$(sql "$KIOSK" "SELECT count(*) FROM intakes")$(sql "$KIOSK" "UPDATE intakes SET band = 'x'")$(sql "$KIOSK" "DELETE FROM erased")
n=$(grep -o "permission denied" <<<"$out" | wc -l)
expect_eq "server-5.2 nor read intakes, change them, or lift a tombstone" 3 "$n"
run "$BIN" list --db "$KIOSK"
expect_eq "server-5.3 staff commands with the kiosk's role fail" 1 "$rc"
run "$BIN" list --db "$STAFF"
expect_eq "server-5.4 the staff role lists" 0 "$rc"
# A staff command reads the server over up to four connections at once
# (docs/server.md): a role held to fewer is told so, and nothing is kept.
PGPASSWORD=$SUPER_PW psql -X -q -c "ALTER ROLE smp_staff CONNECTION LIMIT 2" >/dev/null
run "$BIN" export --db "$STAFF" --out "$T/limited.csv"
PGPASSWORD=$SUPER_PW psql -X -q -c "ALTER ROLE smp_staff CONNECTION LIMIT -1" >/dev/null
if [ "$rc" -eq 75 ] && grep -q "too many connections" "$T/err" && [ ! -e "$T/limited.csv" ] &&
	! ls "$T"/.limited.csv.* >/dev/null 2>&1; then
	ok "server-5.4a a staff role limited to 2 connections: 75, says why, no file left"
else
	not_ok "server-5.4a a staff role limited to 2 connections" "rc $rc $(cat "$T/err")"
fi

# A kiosk's own login role, bound to its kiosk id and clinic (docs/server.md).
sql "$OWNER" "INSERT INTO kiosk_roles VALUES ('kiosk_east', 'lobby-2', 'East')" >/dev/null
EAST="postgresql://kiosk_east@$PGHOST:$PGPORT/smp"
before=$(sql "$OWNER" "SELECT count(*) FROM intakes")
put="SELECT smp_put_intake('5e5e5e5e-0000-4000-8000-000000000001', 'h', 'f', 1, 's', NULL, 'lobby-1', 'East', 'en', 'kiosk', 'completed', 'x', 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', '{}', '{}', '{}', '{}', '{}', '{}')"
o1=$(sql "$EAST" "$put")
o2=$(sql "postgresql://kiosk_none@$PGHOST:$PGPORT/smp" "$put")
o3=$(sql "$EAST" "$(sed "s/'lobby-1', 'East'/'lobby-2', 'West'/" <<<"$put")")
if grep -q "permission denied\|role kiosk_east may not send intakes of kiosk lobby-1" <<<"$o1" &&
	grep -q "role kiosk_none may not send intakes of kiosk lobby-1" <<<"$o2" &&
	grep -q "only for clinic East, not West" <<<"$o3" &&
	[ "$(sql "$OWNER" "SELECT count(*) FROM intakes")" = "$before" ]; then
	ok "server-5.5 a kiosk's role cannot put an intake of another kiosk id, nor an unbound one, nor another clinic"
else
	not_ok "server-5.5 a kiosk's role cannot put an intake of another kiosk id, nor an unbound one, nor another clinic" "$o1 / $o2 / $o3"
fi
# sync with the wrong kiosk's role: a clear refusal (not "the server is
# away"), every intake kept in the kiosk's file and still waiting.
"$WRITER" -f forms/smp-consultation.form -o "$T/e.db" -n 30 -s 51 2>/dev/null
sqlite3 "$T/e.db" "UPDATE intakes SET kiosk_id = 'lobby-1'"
printf '[kiosk]\ndatabase = %s\nclinic = East\n[server]\nurl = %s\nkeep_local = sent\n' "$T/e.db" "$EAST" >"$T/e.ini"
chmod 600 "$T/e.ini"
want=$(local_left "$T/e.db")
run "$BIN" sync --config "$T/e.ini"
if [ "$rc" -eq 1 ] && grep -q "role kiosk_east may not send intakes of kiosk lobby-1" "$T/err" &&
	grep -q "; $want waiting" "$T/out" && [ "$(local_left "$T/e.db")" = "$want" ] &&
	[ "$(sql "$OWNER" "SELECT count(*) FROM intakes WHERE clinic = 'East'")" = 0 ]; then
	ok "server-5.6 sync as another kiosk's role: refused (1, says why), all $want kept and waiting"
else
	not_ok "server-5.6 sync as another kiosk's role: refused, all kept" "rc=$rc $(cat "$T/out" "$T/err")"
fi
# The background sender reports a refusal once in the kiosk's audit log
# and does not hammer the server (the longest pause, not the backoff).
SMP_SEND_POLL_MS=50 SMP_SEND_BACKOFF_MAX_MS=600000 "$BIN" sync --loop --config "$T/e.ini" >/dev/null 2>&1 &
lpid=$!
poll 30 eval '[ "$(sqlite3 "$T/e.db" "SELECT count(*) FROM audit WHERE action = '"'send refused'"'")" -ge 1 ]'
got=$(sqlite3 "$T/e.db" "SELECT count(*) FROM audit WHERE action = 'send refused'")
kill "$lpid"; wait "$lpid" 2>/dev/null
if [ "$got" = 1 ] && [ "$(local_left "$T/e.db")" = "$want" ]; then
	ok "server-5.7 the background sender writes the refusal once in the kiosk's audit log, keeps all"
else
	not_ok "server-5.7 the background sender reports a refusal once" "$got rows, $(local_left "$T/e.db")/$want left"
fi
# Its own kiosk id and clinic: sent, and erased here as keep_local says.
sqlite3 "$T/e.db" "UPDATE intakes SET kiosk_id = 'lobby-2'"
run "$BIN" sync --config "$T/e.ini"
expect_eq "server-5.8 the bound role sends its own kiosk's intakes" "0 $want 0" \
	"$rc $(sql "$OWNER" "SELECT count(*) FROM intakes WHERE clinic = 'East' AND kiosk_id = 'lobby-2'") $(local_left "$T/e.db")"

# --- 6: faults ------------------------------------------------------------
count() { sql "$OWNER" "SELECT count(*) FROM intakes WHERE kiosk_id <> 'none' AND clinic = '$1'"; }
answers_of() { sql "$OWNER" "SELECT count(*) FROM answers a JOIN intakes i ON i.id = a.intake_id WHERE i.clinic = '$1'"; }
local_answers() { sqlite3 "$1" "SELECT count(*) FROM answers a JOIN intakes i ON i.id = a.intake_id WHERE i.status <> 'in_progress'"; }
mkini() {	# NAME CLINIC [KEEP]: a kiosk database of N intakes and its config
	"$WRITER" -f forms/smp-consultation.form -o "$T/$1.db" -n "$3" -s "$4" 2>/dev/null
	printf '[kiosk]\ndatabase = %s\nclinic = %s\n[server]\nurl = %s\nkeep_local = %s\n' \
		"$T/$1.db" "$2" "$KIOSK" "${5:-forever}" >"$T/$1.ini"
}

# 6.1 the server stopped during a send, then started again
mkini s1 stop1 1000 21
want=$(sqlite3 "$T/s1.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
"$BIN" sync --config "$T/s1.ini" >"$T/s1.out" 2>&1 &
spid=$!
poll 30 eval '[ "$(count stop1)" -gt 5 ]'
pg_ctlcluster "$PGV" "$PGC" stop -m fast
wait "$spid"; src=$?
got=$(grep -o "[0-9]* waiting" "$T/s1.out")
pg_ctlcluster "$PGV" "$PGC" start
run "$BIN" sync --config "$T/s1.ini"
if [ "$src" -eq 75 ] && [ "$got" != "0 waiting" ] && [ "$rc" -eq 0 ] &&
	[ "$(count stop1)" = "$want" ] && [ "$(answers_of stop1)" = "$(local_answers "$T/s1.db")" ]; then
	ok "server-6.1 server stopped mid-send (75, $got), restarted: all $want there once"
else
	not_ok "server-6.1 server stopped mid-send, restarted: all there once" "src=$src $got rc=$rc $(count stop1)/$want $(cat "$T/s1.out" "$T/err")"
fi

# 6.2 the sender SIGKILLed during a send
mkini s2 kill2 1000 22
want=$(sqlite3 "$T/s2.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
"$BIN" sync --config "$T/s2.ini" >/dev/null 2>&1 &
spid=$!
poll 30 eval '[ "$(count kill2)" -gt 5 ]'
kill -9 "$spid"; wait "$spid" 2>/dev/null
mid=$(count kill2)
run "$BIN" sync --config "$T/s2.ini"
if [ "$mid" -lt "$want" ] && [ "$rc" -eq 0 ] && [ "$(count kill2)" = "$want" ] &&
	[ "$(answers_of kill2)" = "$(local_answers "$T/s2.db")" ]; then
	ok "server-6.2 sender SIGKILLed at $mid of $want: the next sync sends the rest, once"
else
	not_ok "server-6.2 sender SIGKILLed mid-send" "mid=$mid rc=$rc $(count kill2)/$want $(cat "$T/err")"
fi

# 6.3 a wrong password: refused, nothing lost, all waiting
mkini s3 pw3 30 23 sent
sed -i "s|^url = .*|url = postgresql://smp_kiosk@$PGHOST:$PGPORT/smp?password=wrong|" "$T/s3.ini"
want=$(sqlite3 "$T/s3.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
run "$BIN" sync --config "$T/s3.ini"
if [ "$rc" -eq 73 ] && grep -q "0 intakes.*; $want waiting" "$T/out" && ! grep -q wrong "$T/err" &&
	[ "$(sqlite3 "$T/s3.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")" = "$want" ]; then
	ok "server-6.3 wrong password: 73, nothing sent, nothing erased, $want waiting"
else
	not_ok "server-6.3 wrong password" "rc=$rc $(cat "$T/out" "$T/err")"
fi

# 6.4 the server refusing connections for a while: the loop backs off, then sends
mkini s4 away4 60 24 sent
want=$(sqlite3 "$T/s4.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
pg_ctlcluster "$PGV" "$PGC" stop -m fast
run "$BIN" sync --config "$T/s4.ini"
r1=$rc
SMP_SEND_POLL_MS=100 SMP_SEND_BACKOFF_MAX_MS=400 "$BIN" sync --loop --config "$T/s4.ini" >/dev/null 2>"$T/loop.err" &
lpid=$!
# The loop meets a closed door three times, backing off, before it opens.
poll 30 eval '[ "$(grep -c "cannot reach the server" "$T/loop.err")" -ge 3 ]'
pg_ctlcluster "$PGV" "$PGC" start
poll 60 eval '[ "$(count away4)" = "$want" ]'
poll 30 eval '[ "$(local_left "$T/s4.db")" = 0 ]'
left=$(sqlite3 "$T/s4.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
kill "$lpid"; wait "$lpid" 2>/dev/null
if [ "$r1" -eq 75 ] && [ "$(count away4)" = "$want" ] && [ "$left" = 0 ] &&
	[ "$(answers_of away4)" -gt 0 ]; then
	ok "server-6.4 server away: 75, then the loop sends all $want once it is back"
else
	not_ok "server-6.4 server away for a while" "r1=$r1 $(count away4)/$want left=$left"
fi

# 6.5 two kiosks and a sync sending the same intakes at once
mkini s5 same5 300 25
want=$(sqlite3 "$T/s5.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'")
wantans=$(local_answers "$T/s5.db")
cp "$T/s5.db" "$T/s5b.db"
sed "s|$T/s5.db|$T/s5b.db|" "$T/s5.ini" >"$T/s5b.ini"
"$BIN" sync --config "$T/s5.ini" >"$T/o1" 2>&1 & p1=$!
"$BIN" sync --config "$T/s5b.ini" >"$T/o2" 2>&1 & p2=$!
"$BIN" sync --config "$T/s5.ini" >"$T/o3" 2>&1 & p3=$!
wait $p1; r1=$?; wait $p2; r2=$?; wait $p3; r3=$?
if [ "$r1$r2$r3" = 000 ] && [ "$(count same5)" = "$want" ] && [ "$(answers_of same5)" = "$wantans" ]; then
	ok "server-6.5 three senders of the same $want intakes at once: each once"
else
	not_ok "server-6.5 three senders of the same intakes" "$r1$r2$r3 $(count same5)/$want $(answers_of same5)/$wantans $(cat "$T/o1" "$T/o2" "$T/o3")"
fi

# 6.6 three writers sending 1,000 intakes each, at once
for w in 1 2 3; do mkini "w$w" "three" 1000 "3$w"; done
want=0
for w in 1 2 3; do want=$((want + $(sqlite3 "$T/w$w.db" "SELECT count(*) FROM intakes WHERE status <> 'in_progress'"))); done
for w in 1 2 3; do "$BIN" sync --config "$T/w$w.ini" >"$T/ow$w" 2>&1 & eval "q$w=\$!"; done
wait "$q1"; r1=$?; wait "$q2"; r2=$?; wait "$q3"; r3=$?
wantans=$(( $(local_answers "$T/w1.db") + $(local_answers "$T/w2.db") + $(local_answers "$T/w3.db") ))
if [ "$r1$r2$r3" = 000 ] && [ "$(count three)" = "$want" ] && [ "$(answers_of three)" = "$wantans" ]; then
	ok "server-6.6 three writers, $want intakes at once: the counts match exactly"
else
	not_ok "server-6.6 three writers" "$r1$r2$r3 $(count three)/$want $(answers_of three)/$wantans"
fi

# 6.7 the kiosk killed (SIGKILL): its background sender goes with it, and
# what it was sending is sent by the next one, once
mkini s7 kiosk7 300 27
want=$(local_left "$T/s7.db")
bash -c '"$1" sync --loop --config "$2" >/dev/null 2>&1 & echo $! >"$3"; wait' kiosk \
	"$BIN" "$T/s7.ini" "$T/s7.pid" &
kpid=$!
poll 30 eval '[ -s "$T/s7.pid" ] && [ "$(count kiosk7)" -gt 5 ]'
kill -9 "$kpid"; wait "$kpid" 2>/dev/null
child=$(cat "$T/s7.pid")
poll 10 eval '! kill -0 "$child" 2>/dev/null'
gone=$?
run "$BIN" sync --config "$T/s7.ini"
if [ "$gone" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$(count kiosk7)" = "$want" ] &&
	[ "$(answers_of kiosk7)" = "$(local_answers "$T/s7.db")" ]; then
	ok "server-6.7 kiosk SIGKILLed mid-send: its sender stops too; all $want there once"
else
	not_ok "server-6.7 kiosk SIGKILLed mid-send" "gone=$gone rc=$rc $(count kiosk7)/$want"
fi

# 6.8 a merge SIGKILLed mid-way keeps whole batches of 1,000; run again,
# it adds the rest, each once (idempotent by id)
"$WRITER" -f forms/smp-consultation.form -o "$T/m8.db" -n 5000 -s 28 2>/dev/null
sqlite3 "$T/m8.db" "UPDATE intakes SET kiosk_id = 'merge8'"
want=$(sqlite3 "$T/m8.db" "SELECT count(*) FROM intakes")
wantans=$(sqlite3 "$T/m8.db" "SELECT count(*) FROM answers")
m8() { sql "$OWNER" "SELECT count(*) FROM intakes WHERE kiosk_id = 'merge8'"; }
"$BIN" merge --db "$STAFF" "$T/m8.db" >/dev/null 2>&1 &
mpid=$!
poll 60 eval '[ "$(m8)" -ge 1000 ]'
kill -9 "$mpid"; wait "$mpid" 2>/dev/null
mid=$(m8)
run "$BIN" merge --db "$STAFF" "$T/m8.db"
ans=$(sql "$OWNER" "SELECT count(*) FROM answers a JOIN intakes i ON i.id = a.intake_id WHERE i.kiosk_id = 'merge8'")
if [ "$mid" -ge 1000 ] && [ "$mid" -lt "$want" ] && [ $((mid % 1000)) -eq 0 ] && [ "$rc" -eq 0 ] &&
	[ "$(m8)" = "$want" ] && [ "$ans" = "$wantans" ] &&
	grep -q "^merged $((want - mid)) intakes ($mid already present)" "$T/out"; then
	ok "server-6.8 merge SIGKILLed at $mid of $want (whole batches): run again, all there once"
else
	not_ok "server-6.8 merge SIGKILLed mid-way" "mid=$mid rc=$rc $(m8)/$want answers $ans/$wantans $(cat "$T/out" "$T/err")"
fi

# --- 7: the kiosk sends in the background; its staff menu says so --------
pg() { psql -X -q -At -d "$OWNER" -c "$1" 2>&1; }	# lib.sh's sql is SQLite's
source tests/e2e/lib.sh
E2E_FORM=tests/e2e/forms/kiosk-test.form
kiosk_config srv
"$WRITER" -f forms/smp-consultation.form -o "$E2E_DB" -n 50 -s 41 2>/dev/null
want=$(local_left "$E2E_DB")
printf '[server]\nurl = %s\nkeep_local = sent\n' "$KIOSK" >>"$E2E_CONF"
sed -i "s/^clinic = .*/clinic = Lobby7/" "$E2E_CONF"
chmod 600 "$E2E_CONF"
SMP_SEND_POLL_MS=100 kiosk_start "$E2E_CONF" 100 30
poll 30 eval '[ "$(pg "SELECT count(*) FROM intakes WHERE clinic = '"'Lobby7'"'")" = "$want" ]'
sent=$(pg "SELECT count(*) FROM intakes WHERE clinic = 'Lobby7'")
expect_eq "server-7.1 the kiosk sends what waits in the background, while its screen is up" \
	"$want" "$sent"
keys F10
wait_for "Staff PIN" >/dev/null
type_text "$E2E_PIN"; keys Enter
if wait_for "0 intakes waiting to be sent; last sent 20" 10; then
	ok "server-7.2 the staff menu says how many wait and when the last send succeeded"
else
	not_ok "server-7.2 the staff menu says how many wait and when the last send succeeded" "$(screen)"
fi
keys 4
wait_for "KIOSK-EXITED-0" 10 >/dev/null
poll 10 eval '! pgrep -f "sync --loop --config $E2E_CONF" >/dev/null'
if pgrep -f "sync --loop --config $E2E_CONF" >/dev/null; then
	not_ok "server-7.3 the kiosk's sender stops with the kiosk"
else
	ok "server-7.3 the kiosk's sender stops with the kiosk"
fi
kiosk_stop 2>/dev/null
