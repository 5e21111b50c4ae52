# tests/e2e/terminal.sh: resizing, kiosk signals, idle timeout, staff PIN,
# other terminals, and refusals at start.  Sourced by tests/suites/kiosk.sh.

# Resize mid-question: the typed text survives; too small asks to enlarge.
scenario_resize() {
	kiosk_config resize
	kiosk_start "$E2E_CONF" 120 40
	walk_start && type_text "Kept text 山田" && wait_for "Kept text 山田"
	tm resize-window -t k -x 80 -y 24
	check "resize: 80x24 keeps the typed text" wait_for "Kept text 山田"
	tm resize-window -t k -x 40 -y 12
	check "resize: 40x12 (large text) keeps the typed text" \
		wait_for "Kept text 山田"
	tm resize-window -t k -x 39 -y 11
	check "resize: 39x11 asks to enlarge" \
		wait_for "Please make this window larger"
	check "resize: nothing typed shows while too small" no_text "Kept text"
	tm resize-window -t k -x 100 -y 30
	check "resize: 100x30 brings the text back" wait_for "Kept text 山田"
	keys Enter
	check "resize: and the answer still saves" \
		wait_sql "SELECT value FROM answers WHERE question='full_name'" "Kept text 山田"
	kiosk_stop
}

# Ctrl-C, Ctrl-Z, Ctrl-\ do nothing; SIGTERM stores the intake as abandoned.
scenario_signals() {
	local pid
	kiosk_config signals
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Sig" && keys Enter && wait_for "date of birth"
	keys C-c C-z 'C-\'
	type_text "1980"
	check "signals: Ctrl-C, Ctrl-Z, Ctrl-\\ leave it running" wait_for "1980"
	check "signals: no stray ^C ^Z on screen" no_text "^C"
	pid=$(pgrep -f "^$BIN kiosk --config $E2E_CONF" | head -n 1)
	[ -n "$pid" ] && kill -TERM "$pid"
	check "signals: SIGTERM exits cleanly (status 0)" \
		wait_for "KIOSK-EXITED-0"
	check "signals: intake stored as abandoned" \
		wait_sql "SELECT status FROM intakes" abandoned
	kiosk_stop
}

# Idle: "Are you still there?", a key carries on; then timeout wipes all.
scenario_idle() {
	# A two-second countdown (20 at least in a clinic's config): the
	# test-only override, for this kiosk alone.
	kiosk_config idle idle_timeout=2 idle_countdown=2
	SMP_TEST_SHORT_COUNTDOWN=1 kiosk_start "$E2E_CONF"
	walk_start && type_text "Idle Person" && keys Enter &&
	wait_for "date of birth" && type_text "1975"
	check "idle: asks if the client is still there" \
		wait_for "Are you still there?" 6
	keys Space
	check "idle: a key carries on with the text kept" wait_for "1975"
	check "idle: asks again" wait_for "Are you still there?" 6
	check "idle: then returns to welcome" wait_for "Press any key" 6
	check "idle: nothing of the intake on screen" no_text "Idle Person"
	check "idle: intake stored as abandoned" \
		wait_sql "SELECT status FROM intakes" abandoned
	check "idle: no timeout on welcome" \
		eval '! poll 4 no_text "Press any key"'
	# The next client starts from empty fields.
	walk_start
	check "idle: next client sees an empty name field" no_text "Idle Person"
	type_text "Next" && keys Enter && wait_for "date of birth"
	check "idle: and an empty date field" no_text "1975"
	kiosk_stop
}

# Five wrong PINs lock the staff menu; the right PIN opens it.
scenario_pin() {
	local i
	kiosk_config pin
	kiosk_start "$E2E_CONF"
	wait_for "Press any key"
	keys F10
	check "pin: F10 asks for the staff PIN" wait_for "Staff PIN"
	type_text "1111"
	check "pin: the PIN is masked" eval 'wait_for "****" && no_text 1111'
	keys Enter
	check "pin: a wrong PIN is refused" wait_for "Wrong PIN"
	for i in 2 3 4 5; do type_text "000$i"; keys Enter; done
	check "pin: five wrong PINs lock the menu" wait_for "locked for"
	type_text "$E2E_PIN"; keys Enter
	check "pin: even the right PIN is refused while locked" \
		eval 'wait_for "locked for" && no_text "Staff menu"'
	keys Escape
	check "pin: Esc returns to welcome" wait_for "Press any key"
	kiosk_stop
	# The lock is kept in the audit log and holds across a restart
	# (tests/suites/robust.sh); a fresh database has none.
	check "pin: the six tries audited" wait_sql \
		"SELECT count(*) >= 6 FROM audit WHERE actor = 'staff'" 1
	kiosk_config pin-open
	kiosk_start "$E2E_CONF"
	wait_for "Press any key" && keys F10 && wait_for "Staff PIN" &&
	type_text "$E2E_PIN" && keys Enter
	check "pin: the right PIN opens the staff menu" wait_for "Staff menu"
	keys 1
	check "pin: today's intakes" wait_for "Today's intakes"
	keys Escape && wait_for "Staff menu" && keys 4
	check "pin: Exit the kiosk leaves with status 0" \
		wait_for "KIOSK-EXITED-0"
	check "pin: staff actions audited" eval \
		'[ "$(sql "SELECT count(*) FROM audit WHERE actor = '\''staff'\''")" -ge 3 ]'
	kiosk_stop
}

# No escape-sequence garbage on screen.
clean_screen() { ! screen | grep -qE $'\e|\\^\\[|\\[\\?'; }

# TERM=linux (colour console) and TERM=vt100 with an ASCII locale.
scenario_terms() {
	kiosk_config terms
	kiosk_start "$E2E_CONF" 80 24 linux
	walk_start && type_text "Lin" && keys Enter && wait_for "date of birth"
	check "TERM=linux: question drawn" has_text "Your date of birth"
	check "TERM=linux: no stray escape text" clean_screen
	kiosk_stop
	kiosk_start "$E2E_CONF" 80 24 vt100 C
	wait_for "Press any key" && keys Space && wait_for "Choose" &&
	keys Enter && wait_for "I agree" && keys Enter &&
	wait_for "Your full name" && type_text "Vt" && keys Enter &&
	wait_for "date of birth" && type_text "1980-01-01" && keys Enter &&
	wait_for "How many" && type_text "1" && keys Enter &&
	wait_for "weight" && keys Enter && wait_for "Which best" &&
	keys Down && wait_for "> 1. (o)"
	check "TERM=vt100: ASCII art twin shown" has_text "'------'"
	check "TERM=vt100: no Unicode art" no_text "╰"
	check "TERM=vt100: no stray escape text" clean_screen
	kiosk_stop
	kiosk_start "$E2E_CONF" 80 24 dumb
	# A terminal that cannot place the cursor gets the plain mode
	# (tests/suites/plain.sh walks it).
	check "TERM=dumb: the plain mode, one line at a time" \
		wait_for "Press Enter to go on."
	kiosk_stop
	kiosk_start "$E2E_CONF" 80 24 no-such-terminal
	check "unknown TERM: refused, named" \
		wait_for "terminal type 'no-such-terminal' is unknown"
	kiosk_stop
}

# Alt+letter and escape sequences the terminfo does not know are dropped
# whole (they used to go Back and type the rest into the previous
# question); a lone Esc still goes Back.  Under LC_ALL=C what is typed
# is decoded as UTF-8 and kept (it used to stop at the first accent),
# though the screen shows '?' for it.
scenario_oddkeys() {
	kiosk_config oddkeys
	kiosk_start "$E2E_CONF" 80 24 xterm-256color C
	walk_start && type_text "José Zoë 山田" && keys Enter &&
		wait_for "date of birth"
	check "oddkeys: C locale: the name is kept whole" wait_sql \
		"SELECT value FROM answers WHERE question='full_name'" "José Zoë 山田"
	keys M-x
	keys -l $'\e[1~'
	type_text "1980"
	check "oddkeys: Alt-x and ESC [ 1 ~ stay on the question" \
		wait_for "1980"
	check "oddkeys: and type nothing there" no_text "x1980"
	check "oddkeys: nor into the question before" wait_sql \
		"SELECT value FROM answers WHERE question='full_name'" "José Zoë 山田"
	keys Escape
	check "oddkeys: a lone Esc still goes back" wait_for "Your full name"
	kiosk_stop
}

# set-pin: only the hash is written, mode 0600, short PINs refused.
set_pin_checks() {
	local f="$TESTTMP/setpin.conf" rc
	printf '[kiosk]\nclinic = Keep Me\n' >"$f"
	echo 12 | "$BIN" set-pin --config "$f" 2>/dev/null; rc=$?
	expect_eq "set-pin: a 2-character PIN is refused (65)" 65 "$rc"
	echo 97531 | "$BIN" set-pin --config "$f" 2>/dev/null
	check "set-pin: hash written, other lines kept" eval \
		'grep -q "^pin_hash = \$argon2id\\$" "$f" && grep -q "clinic = Keep Me" "$f"'
	check "set-pin: the PIN itself is not in the file" eval '! grep -q 97531 "$f"'
	expect_eq "set-pin: config file is private (0600)" 600 "$(stat -c %a "$f")"
}

# Refusals at start, before any screen.
scenario_refusals() {
	local rc
	set_pin_checks
	printf '[kiosk]\nform = %s\ndatabase = %s/r.db\n' "$PWD/$E2E_FORM" \
		"$TESTTMP" >"$TESTTMP/nopin.conf"
	"$BIN" kiosk --config "$TESTTMP/nopin.conf" </dev/null \
		>"$TESTTMP/refused" 2>&1; rc=$?
	expect_eq "refuse: no PIN set exits 78" 78 "$rc"
	check "refuse: and says to run set-pin" grep -q \
		"no staff PIN is set: run smp-intake set-pin" "$TESTTMP/refused"
	printf 'form broken\n' >"$TESTTMP/broken.form"
	kiosk_config refuse
	"$BIN" kiosk --config "$E2E_CONF" --form "$TESTTMP/broken.form" \
		</dev/null >"$TESTTMP/refused" 2>&1; rc=$?
	expect_eq "refuse: broken form exits 65" 65 "$rc"
	check "refuse: with file:line:col errors" \
		grep -q "broken.form:[0-9]*:[0-9]*:" "$TESTTMP/refused"
}

# A database that is not one: the welcome screen is drawn first (the
# store opens right after it), then the kiosk gives the terminal back and
# exits 65 with the store's own words, as when it opened the store first.
scenario_notadb() {
	kiosk_config notadb
	yes "this is not a database" | head -n 300 >"$E2E_DB"
	kiosk_start "$E2E_CONF"
	check "not a database: the kiosk exits 65" wait_for "KIOSK-EXITED-65"
	check "not a database: and says so in the store's words" \
		has_text "smp-intake: cannot set up the database:"
	check "not a database: the file is left as it was" \
		grep -q "this is not a database" "$E2E_DB"
	kiosk_stop
}

# A database damaged deep inside (one page of the answers table, which
# opening the kiosk does not read): the background integrity check finds
# it and the kiosk stops with 65 and says so, answers or not.
scenario_damaged() {
	local page
	kiosk_config damaged
	# A first start makes the database; one intake gets 4,000 answers.
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Anna" && keys Enter &&
		wait_sql "SELECT count(*) FROM answers WHERE question='full_name'" 1
	kiosk_stop
	# The stopped kiosk may still hold the lock while it saves: wait.
	sqlite3 -cmd '.timeout 10000' "$E2E_DB" "WITH RECURSIVE n(i) AS (
		SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
		INSERT INTO answers SELECT id, 'q' || i, hex(randomblob(40)),
		started_at FROM intakes, n; PRAGMA wal_checkpoint(TRUNCATE)" \
		>/dev/null
	page=$(sql "SELECT pageno FROM dbstat WHERE name = 'answers' AND
		pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20")
	if [ -z "$page" ]; then
		not_ok "damaged: a database to damage" "no answers page"
		return
	fi
	head -c 4096 /dev/urandom | dd of="$E2E_DB" bs=4096 \
		seek=$((page - 1)) conv=notrunc status=none
	kiosk_start "$E2E_CONF"
	check "damaged: the kiosk stops with 65" wait_for "KIOSK-EXITED-65"
	check "damaged: and says the database failed its check" \
		has_text "integrity check failed"
	kiosk_stop
}
