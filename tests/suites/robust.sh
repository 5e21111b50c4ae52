# robust.sh: the kiosk against what went wrong in issue 13, end to end in
# tmux: a paste with an escape sequence in it, the database deleted,
# moved or replaced under a running kiosk, an intake a killed kiosk left
# in progress, the staff PIN lock across a restart, a config readable by
# others.  E2E_ONLY=name runs one scenario.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
trap 'kiosk_stop; rm -rf "$TESTTMP"' EXIT
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
	for i in 1 2 3 4 5; do
		type_text "000$i"; keys Enter
		[ "$i" -lt 5 ] && wait_for "Wrong PIN"
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
		eval '[ "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '\''%000%'\'' OR detail LIKE '\''%2468%'\''")" = 0 ]'
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

for s in paste confmode pinlock deadkiosk; do
	case "$s" in *${E2E_ONLY:-}*) "scenario_$s" ;; esac
done
