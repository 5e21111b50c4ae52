# robust.sh: the kiosk against what went wrong in issue 13, end to end in
# tmux: a paste with an escape sequence in it, the database deleted,
# moved or replaced under a running kiosk, an intake a killed kiosk left
# in progress, the staff PIN lock across a restart, a config readable by
# others.  E2E_ONLY=name runs one scenario.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
source tests/e2e/walks.sh	# walk_keyboard_rest, $NAME
trap 'kiosk_stop; tmux -L "o$E2E_SOCK" kill-server 2>/dev/null; kiosk_reap
    rm -rf "$TESTTMP"' EXIT
# A private copy: a rebuild of the shared tree mid-run must not pull the
# binary from under a running kiosk.
cp "$BIN" "$TESTTMP/smp-intake" && BIN="$TESTTMP/smp-intake"

if ! command -v tmux >/dev/null || ! command -v sqlite3 >/dev/null; then
	not_ok "robust: tmux and sqlite3 are needed (scripts/deps.sh)"
	exit 0
fi

# issue 13: K, ESC [31m, LMNOP typed as one burst: the unknown sequence
# is dropped, every other key kept.
scenario_paste() {
	kiosk_config paste
	kiosk_start "$E2E_CONF"
	walk_start
	tm send-keys -t k -H 4b 1b 5b 33 31 6d 4c 4d 4e 4f 50
	check "paste: the text after an escape sequence is kept" \
		wait_for "KLMNOP"
	keys Enter
	check "paste: and saved without the sequence" wait_sql \
		"SELECT value FROM answers WHERE question='full_name'" "KLMNOP"
	# Alt+x then text in one burst: the Alt key goes, the text stays.
	wait_for "date of birth"
	tm send-keys -t k -H 1b 78 31 39 38 30
	check "paste: Alt+x then 1980: 1980 kept, x dropped" \
		eval 'wait_for "1980" && no_text "x1980"'
	kiosk_stop
}

# issue 13: a config that holds the PIN hash and that others may read is
# refused (file, mode, the chmod to run); set-pin makes it 0600 again,
# also when it replaces a hash.
scenario_confmode() {
	local rc
	kiosk_config confmode
	chmod 644 "$E2E_CONF"
	"$BIN" kiosk --config "$E2E_CONF" </dev/null >"$TESTTMP/refused" 2>&1
	rc=$?
	expect_eq "confmode: a 0644 config with a PIN hash exits 78" 78 "$rc"
	check "confmode: naming the file, its mode and the chmod" grep -qF \
		"$E2E_CONF: holds the staff PIN hash but group or others may use it (mode 0644); make it the owner's alone: chmod 600 $E2E_CONF" \
		"$TESTTMP/refused"
	chmod 640 "$E2E_CONF"
	"$BIN" kiosk --config "$E2E_CONF" </dev/null >/dev/null 2>&1; rc=$?
	expect_eq "confmode: group-readable (0640) is refused too" 78 "$rc"
	"$BIN" list --config "$E2E_CONF" >/dev/null 2>"$TESTTMP/refused"; rc=$?
	expect_eq "confmode: a staff command reading it is refused (78)" 78 "$rc"
	check "confmode: with the same words" grep -qF "chmod 600 $E2E_CONF" \
		"$TESTTMP/refused"
	echo 97531 | "$BIN" set-pin --config "$E2E_CONF" 2>/dev/null
	expect_eq "confmode: set-pin replacing the hash leaves it 0600" 600 \
		"$(stat -c %a "$E2E_CONF")"
	rm -f "$TESTTMP/fresh.conf"
	(umask 0; echo 97531 | "$BIN" set-pin --config "$TESTTMP/fresh.conf" \
		2>/dev/null)
	expect_eq "confmode: set-pin creates it 0600 whatever the umask" 600 \
		"$(stat -c %a "$TESTTMP/fresh.conf")"
	kiosk_start "$E2E_CONF"
	check "confmode: a 0600 config starts" wait_for "Press any key"
	kiosk_stop
}

# issue 13: five wrong PINs lock the staff menu; the lock holds across a
# restart (rebuilt from the audit log), each try is audited, never the PIN.
scenario_pinlock() {
	local i
	kiosk_config pinlock
	kiosk_start "$E2E_CONF"
	wait_for "Press any key" && keys F10 && wait_for "Staff PIN"
	for i in 1 2 3 4 5; do	# one try at a time: each its own deadline
		type_text "000$i"; keys Enter
		wait_sql "SELECT count(*) FROM audit WHERE action = 'staff-pin'" "$i"
	done
	check "pinlock: five wrong PINs lock the menu" wait_for "locked for"
	kiosk_stop
	kiosk_start "$E2E_CONF"
	wait_for "Press any key" && keys F10
	check "pinlock: after a restart the menu is still locked" \
		wait_for "locked for"
	type_text "$E2E_PIN"; keys Enter
	check "pinlock: and the right PIN is refused" \
		eval 'wait_for "locked for" && no_text "Staff menu"'
	check "pinlock: every try audited" wait_sql \
		"SELECT group_concat(detail, '|') FROM (SELECT detail FROM audit WHERE action = 'staff-pin' ORDER BY seq LIMIT 5)" \
		"wrong PIN|wrong PIN|wrong PIN|wrong PIN|wrong PIN; locked for 60 s"
	check "pinlock: the try while locked too" wait_sql \
		"SELECT count(*) FROM audit WHERE action = 'staff-pin' AND detail LIKE 'refused while locked (% s left)'" 1
	check "pinlock: no PIN in the audit log" \
		wait_sql "SELECT count(*) FROM audit WHERE detail LIKE '%000%' OR detail LIKE '%2468%'" 0
	kiosk_stop
}

# issue 13: a kiosk killed mid-intake leaves it in progress; restarted,
# it abandons it at once (export --status abandoned finds it), while the
# intake of another kiosk running on the same database is left alone.
scenario_deadkiosk() {
	local pid db conf2 rc
	kiosk_config dead2
	sed -i 's/^kiosk_id = .*/kiosk_id = test-2/' "$E2E_CONF"
	conf2=$E2E_CONF
	kiosk_config dead
	sed -i "s|^database = .*|database = $TESTTMP/dead2.db|" "$conf2"
	E2E_DB=$TESTTMP/dead.db
	# Kiosk test-2 on the same database, in a tmux server of its own.
	tmux -L "o$E2E_SOCK" -f /dev/null new-session -d -x 80 -y 24 -s o \
		"env TERM=xterm-256color SMP_TODAY=2026-06-15 $BIN kiosk --config $conf2 --db $E2E_DB; sleep 3600"
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Killed Midway" && keys Enter &&
		wait_for "date of birth"
	tmux -L "o$E2E_SOCK" send-keys -t o Space
	poll 10 eval 'tmux -L "o$E2E_SOCK" capture-pane -p -t o | grep -q "Choose your language"'
	tmux -L "o$E2E_SOCK" send-keys -t o Enter
	check "deadkiosk: both kiosks have an intake in progress" wait_sql \
		"SELECT group_concat(kiosk_id || ':' || status, ' ') FROM (SELECT kiosk_id, status FROM intakes ORDER BY kiosk_id)" \
		"test-1:in_progress test-2:in_progress"
	pid=$(pgrep -f "^$BIN kiosk --config $E2E_CONF\$" | head -n 1)
	[ -n "$pid" ] && kill -KILL "$pid"
	poll 10 eval '! kill -0 "$pid" 2>/dev/null'
	kiosk_stop
	kiosk_start "$E2E_CONF"
	wait_for "Press any key"
	check "deadkiosk: the restarted kiosk abandons its own at once" \
		wait_sql "SELECT status FROM intakes WHERE kiosk_id = 'test-1'" \
		abandoned
	check "deadkiosk: and leaves the live kiosk's alone" \
		wait_sql "SELECT status FROM intakes WHERE kiosk_id = 'test-2'" \
		in_progress
	check "deadkiosk: export --status abandoned finds it" eval \
		'"$BIN" export --db "$E2E_DB" --status abandoned | grep -q "test-1"'
	check "deadkiosk: audited without personal data" wait_sql \
		"SELECT detail FROM audit WHERE action = 'abandon'" \
		"kiosk test-1 stopped with 1 intake in progress: abandoned"
	# A second kiosk with the id of a running one is refused.
	SMP_BUSY_TIMEOUT_MS=100 tmux -L "o$E2E_SOCK" respawn-pane -k -t o \
		"env TERM=xterm-256color SMP_BUSY_TIMEOUT_MS=100 $BIN kiosk --config $E2E_CONF; echo TWIN-EXITED-\$?; sleep 3600"
	check "deadkiosk: a second kiosk of a running id is refused (75)" \
		poll 10 eval 'tmux -L "o$E2E_SOCK" capture-pane -p -t o | grep -q "TWIN-EXITED-75"'
	tmux -L "o$E2E_SOCK" kill-server 2>/dev/null
	kiosk_stop
}

# The screen with wrapped lines joined has TEXT.
joined_has() { tm capture-pane -p -J -t k | grep -qF -- "$1"; }

# The client's "ask staff" screen: calm, nothing of the store shown.
calm_screen() {
	wait_for "Please ask a member of staff" &&
	no_text "$E2E_DB" && no_text "database" && no_text "SQLite" &&
	no_text "Thank you" && no_text "saved"
}

# F10, the PIN: the staff side of the fault, saying what happened.
staff_fault() {
	keys F10 && wait_for "Staff PIN" && type_text "$E2E_PIN" && keys Enter &&
	wait_for "The database cannot be written" &&
	{ has_text "was deleted, moved or" || { screen >&2; false; }; }
}

# issue 13: the database deleted mid-intake: the next answer is not
# "saved" into the deleted file; the client is asked to fetch staff;
# staff save the answers to a fresh file at the configured path and the
# client carries on where they were.
scenario_dbdeleted() {
	local pid
	kiosk_config dbdeleted
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Gone Midway" && keys Enter &&
		wait_for "Your date of birth"
	wait_sql "SELECT value FROM answers WHERE question='full_name'" \
		"Gone Midway"
	rm -f "$E2E_DB"
	type_text "1985-07-23"; keys Enter
	check "dbdeleted: the client sees a calm ask-staff screen" calm_screen
	keys Escape Enter Tab
	check "dbdeleted: which the client cannot leave" eval \
		'wait_for "Please ask a member of staff" && no_text "date of birth"'
	check "dbdeleted: staff see what happened after the PIN" staff_fault
	check "dbdeleted: the configured path is offered" has_text "$E2E_DB"
	keys Enter
	check "dbdeleted: the client's screen returns, typing kept" eval \
		'wait_for "Your date of birth" && has_text "1985-07-23"'
	check "dbdeleted: the answers are in a fresh file at the path" \
		wait_sql "SELECT value FROM answers WHERE question='full_name'" \
		"Gone Midway"
	keys Enter
	wait_for "How many hair treatments"
	check "dbdeleted: and the kiosk carries on writing there" wait_sql \
		"SELECT value FROM answers WHERE question='birth_date'" 1985-07-23
	check "dbdeleted: audited" wait_sql \
		"SELECT count(*) FROM audit WHERE action = 'storage'" 1
	check "dbdeleted: the fresh file is private" eval \
		'[ "$(stat -c %a "$E2E_DB")" = 600 ]'
	pid=$(pgrep -f "^$BIN kiosk --config $E2E_CONF\$" | head -n 1)
	[ -n "$pid" ] && kill -TERM "$pid"
	check "dbdeleted: at exit, the failure and the save on stderr" eval \
		'wait_for "KIOSK-EXITED-0" && joined_has "was deleted, moved or" &&
		joined_has "answers in progress saved to $E2E_DB"'
	kiosk_stop
}

# issue 13: the database moved away while the client is at the review:
# sending never shows "Thank you"; staff type another path; the client
# sends again and the completed intake is in that file.
scenario_dbmoved() {
	local other=$TESTTMP/other.db
	kiosk_config dbmoved
	kiosk_start "$E2E_CONF"
	walk_start && walk_keyboard_rest
	mv "$E2E_DB" "$E2E_DB.moved"
	keys Tab
	check "dbmoved: sending does not say thank you" calm_screen
	check "dbmoved: staff see what happened" staff_fault
	retype "$other"; keys Enter
	check "dbmoved: back at the review" wait_for "Please check your answers"
	keys Tab
	check "dbmoved: sent again: thank you" wait_for "Thank you"
	check "dbmoved: completed in the file staff chose" eval \
		'[ "$(sqlite3 "$other" "SELECT status || '\''|'\'' || score FROM intakes")" = "completed|80" ]'
	check "dbmoved: with every answer" eval \
		'[ "$(sqlite3 "$other" "SELECT value FROM answers WHERE question = '\''full_name'\''")" = "$NAME" ]'
	check "dbmoved: the moved file keeps what it had" eval \
		'[ "$(sqlite3 "$E2E_DB.moved" "SELECT count(*) FROM answers")" -ge 9 ]'
	kiosk_stop
}

# issue 13: the database replaced by another file mid-intake (a copy
# taken earlier, moved over it): the answer is refused, staff save to the
# configured path, which is now the replacement, and the client goes on.
scenario_dbreplaced() {
	kiosk_config dbreplaced
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Replaced Midway" && keys Enter &&
		wait_for "Your date of birth"
	wait_sql "SELECT value FROM answers WHERE question='full_name'" \
		"Replaced Midway"
	sqlite3 "$E2E_DB" ".backup '$TESTTMP/copy.db'"
	sqlite3 "$TESTTMP/copy.db" "DELETE FROM answers; DELETE FROM intakes"
	mv "$TESTTMP/copy.db" "$E2E_DB"
	type_text "1985-07-23"; keys Enter
	check "dbreplaced: the client sees a calm ask-staff screen" calm_screen
	check "dbreplaced: nothing went into the replacement" \
		wait_sql "SELECT count(*) FROM intakes" 0
	check "dbreplaced: staff see what happened" staff_fault
	keys Enter
	check "dbreplaced: the client's screen returns" \
		wait_for "Your date of birth"
	keys Enter
	check "dbreplaced: the answers are in the file now at the path" \
		wait_sql "SELECT group_concat(value, '|') FROM (SELECT value FROM answers ORDER BY question)" \
		"1985-07-23|agreed|Replaced Midway"
	kiosk_stop
}

# issue 13: any other store failure (here another process holding the
# database locked past the busy timeout) reaches the client as the calm
# screen too, never as "please check your answer" with the path and the
# database's words; staff see those words, retry the same file, and the
# client carries on.
scenario_dbbusy() {
	local holder
	kiosk_config dbbusy
	SMP_BUSY_TIMEOUT_MS=300 kiosk_start "$E2E_CONF"
	walk_start && type_text "Busy Person" && keys Enter &&
		wait_for "Your date of birth"
	wait_sql "SELECT value FROM answers WHERE question='full_name'" \
		"Busy Person"
	python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE"); print("held", flush=True); time.sleep(60)' \
		"$E2E_DB" >"$TESTTMP/holder" & holder=$!
	poll 10 grep -q held "$TESTTMP/holder"
	type_text "1985-07-23"; keys Enter
	check "dbbusy: the client sees the calm screen, not the error" \
		calm_screen
	check "dbbusy: no 'locked' words for the client" no_text "locked"
	keys F10 && wait_for "Staff PIN" && type_text "$E2E_PIN" && keys Enter
	check "dbbusy: staff see the database's words" eval \
		'wait_for "The database cannot be written" && has_text "locked"'
	kill "$holder"; wait "$holder" 2>/dev/null
	keys Enter
	check "dbbusy: retried on the same file, the client goes on" \
		wait_for "Your date of birth"
	keys Enter
	check "dbbusy: the answer saved" wait_sql \
		"SELECT count(*) FROM answers WHERE question='birth_date'" 1
	kiosk_stop
}

# issue 13: the kiosk stopped (SIGTERM) while a client's answers wait
# for staff after a failure: the answers cannot be kept, so the exit is
# a failure and says so, never 0 as if all were saved.
scenario_dbstopped() {
	local pid
	kiosk_config dbstopped
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Stopped Midway" && keys Enter &&
		wait_for "Your date of birth"
	wait_sql "SELECT value FROM answers WHERE question='full_name'" \
		"Stopped Midway"
	rm -f "$E2E_DB"
	type_text "1985-07-23"; keys Enter
	calm_screen
	pid=$(pgrep -f "^$BIN kiosk --config $E2E_CONF\$" | head -n 1)
	[ -n "$pid" ] && kill -TERM "$pid"
	check "dbstopped: stopped with answers unsaved, the exit is a failure" \
		eval 'wait_for "KIOSK-EXITED-" && no_text "KIOSK-EXITED-0"'
	check "dbstopped: and says the answers were not saved" \
		joined_has "were not saved"
	kiosk_stop
}

for s in paste confmode pinlock deadkiosk dbdeleted dbmoved dbreplaced dbbusy dbstopped; do
	case "$s" in *${E2E_ONLY:-}*) "scenario_$s" ;; esac
done
