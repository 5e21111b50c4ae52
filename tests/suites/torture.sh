#!/usr/bin/env bash
# Crash torture: a writer (tests/tools/torture_writer.c) saves answers in a
# loop and prints each one only after store_answer_put returned; we read a
# random number of its lines from a pipe and SIGKILL it at once, so it dies
# at a random point of its work.  It is paced (one stdin byte per
# operation) and allowed up to 8 operations beyond what we wait for, so it
# cannot race far ahead and the run stays short.  After every kill: PRAGMA integrity_check
# is ok and every printed answer (and deletion, and completion) is in the
# database.  TORTURE_RUNS (default 200) kills, one database for all.
source tests/lib.sh
set -u

RUNS=${TORTURE_RUNS:-200}
# Built here, against (a private copy of) the library, so the Makefile
# needs no rule for it and a concurrent rebuild cannot break a run.
WRITER="$TESTTMP/torture_writer"
cp "$BIN" "$TESTTMP/smp-intake" && BIN=$TESTTMP/smp-intake
cp "$BUILD/libsmp.a" "$TESTTMP/libsmp.a"
if ! cc -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -O1 -g \
	$( [ "$BUILD" = build-asan ] && echo -fsanitize=address,undefined ) \
	-o "$WRITER" tests/tools/torture_writer.c "$TESTTMP/libsmp.a" \
	$(pkg-config --libs ncursesw sqlite3 inih libsodium uuid libpq) -lcsv -lm \
	2>"$TESTTMP/cc.err"; then
	not_ok "torture-0 writer builds" "$(cat "$TESTTMP/cc.err")"
	exit 0
fi
ok "torture-0 writer builds"

# SIGKILL kills the process, not the kernel: what write() handed over
# survives without fsync, so the database may live on tmpfs (/dev/shm),
# which makes 200 runs fit in seconds.  (Power-cut durability is
# synchronous=FULL, checked in test_store.)  TORTURE_DIR overrides.
TDIR=${TORTURE_DIR:-}
if [ -z "$TDIR" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	TDIR=$(mktemp -d /dev/shm/smp-torture.XXXXXX)
	trap 'rm -rf "$TESTTMP" "$TDIR"' EXIT
fi
DB="${TDIR:-$TESTTMP}/torture.db"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# check_run LOG: the database keeps every promise LOG holds.  Prints the
# problems (nothing if all is well).
check_run() {
	sqlite3 -batch "$DB" "PRAGMA integrity_check;" \
		"SELECT 'A|' || intake_id || '|' || question || '|' || value FROM answers;" \
		"SELECT 'S|' || id || '|' || status FROM intakes;" \
		>"$TESTTMP/dump" 2>&1 || { echo "sqlite3 failed: $(cat "$TESTTMP/dump")"; return; }
	[ "$(head -n 1 "$TESTTMP/dump")" = ok ] ||
		echo "integrity_check: $(head -n 3 "$TESTTMP/dump")"
	awk -v OPS=20 '
	FNR == NR {	# the writer log
		if ($1 == "I") { cur = $2; k = 0; mine[$2] = 1 }
		else if ($1 == "P") { want[$2 SUBSEP $3] = $4; k++ }
		else if ($1 == "D") { delete want[$2 SUBSEP $3]; gone[$2 SUBSEP $3] = 1; k++ }
		else if ($1 == "C") { done[$2] = 1; cur = "" }
		next
	}
	{	# the database dump
		split($0, f, "|")
		if (f[1] == "A" && (f[2] in mine)) db[f[2] SUBSEP f[3]] = f[4]
		if (f[1] == "S" && (f[2] in mine)) st[f[2]] = f[3]
	}
	END {
		# The operation in flight when killed may or may not be there.
		if (cur != "" && k < OPS) {
			n = k + 1
			if (n % 7 == 0) maybe_gone = cur SUBSEP "q" (n - 3)
			else maybe_new = cur SUBSEP "q" n
		}
		for (i in mine) if (!(i in st)) print "intake " i " missing"
		for (i in done) if (st[i] != "completed") print "intake " i " not completed: " st[i]
		for (key in want) {
			split(key, p, SUBSEP)
			if (!(key in db)) { if (key != maybe_gone) print "lost " p[1] " " p[2] }
			else if (db[key] != want[key]) print "wrong " p[1] " " p[2] ": " db[key]
		}
		for (key in gone) if (key in db) { split(key, p, SUBSEP); print "not deleted " p[1] " " p[2] }
		for (key in db) if (!(key in want) && !(key in gone) && key != maybe_new) {
			split(key, p, SUBSEP); print "unexpected " p[1] " " p[2]
		}
	}' "$1" "$TESTTMP/dump" 2>&1 || echo "checker failed"
}

bad=0 lines=0 first=""
for ((run = 1; run <= RUNS; run++)); do
	want=$((RANDOM % 20 + 1)) got=0
	exec {logfd}>"$TESTTMP/log"
	coproc W { exec "$WRITER" --paced "$DB" 2>"$TESTTMP/writer.err"; }
	pid=$W_PID
	exec {wout}<&"${W[0]}" {win}>&"${W[1]}"
	printf "%$((want + RANDOM % 8 + 1))s" "" >&"$win"
	while ((got < want)) && IFS= read -r -t 10 -u "$wout" line; do
		printf '%s\n' "$line" >&"$logfd"
		got=$((got + 1))
	done
	kill -9 "$pid" 2>/dev/null
	# Lines already in the pipe were printed before the kill: they count.
	cat <&"$wout" >&"$logfd"
	exec {wout}<&- {win}>&- {logfd}>&-
	wait "$pid" 2>/dev/null
	if ((got < want)); then
		probs="writer stopped after $got lines: $(cat "$TESTTMP/writer.err")"
	else
		probs=$(check_run "$TESTTMP/log")
	fi
	mapfile -t logged <"$TESTTMP/log"
	lines=$((lines + ${#logged[@]}))
	if [ -n "$probs" ]; then
		bad=$((bad + 1))
		[ -z "$first" ] && first="run $run: $probs"
	fi
done 2>>"$TESTTMP/jobs.err"	# (bash reports each "Killed" job there)
if [ "$bad" -eq 0 ]; then
	ok "torture-1 $RUNS kills: integrity ok, all $lines printed operations kept"
else
	not_ok "torture-1 $RUNS kills: $bad runs lost or damaged data" "$first"
fi

# The database is still a good smp-intake database for the program.
n=$(sqlite3 "$DB" "SELECT count(*) FROM intakes")
if [ "${n:-0}" -ge "$RUNS" ] && "$BIN" audit --db "$DB" >/dev/null 2>"$TESTTMP/err"; then
	ok "torture-2 database opens and checks after the kills ($n intakes)"
else
	not_ok "torture-2 database opens and checks after the kills" "$n intakes; $(cat "$TESTTMP/err")"
fi

# The checker itself can fail: a promise the database never got is caught.
id=$(sqlite3 "$DB" "SELECT id FROM intakes LIMIT 1")
printf 'I %s\nP %s q99 never-saved\n' "$id" "$id" >"$TESTTMP/log"
probs=$(check_run "$TESTTMP/log")
case $probs in
*"lost "*" q99"*) ok "torture-3 the checker sees a lost answer" ;;
*) not_ok "torture-3 the checker sees a lost answer" "got: $probs" ;;
esac
