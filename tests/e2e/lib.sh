# tests/e2e/lib.sh: drive the real kiosk inside a private tmux server.
# Source after tests/lib.sh (for ok/not_ok and $TESTTMP).  Nothing here
# sleeps for a fixed time: every wait polls the screen or the database
# every 50 ms until a condition holds or a deadline passes.
#
#   kiosk_config NAME [KEY=VALUE...]   write $TESTTMP/NAME.conf (PIN 2468)
#   kiosk_start CONF [COLS ROWS TERM LOCALE]   start in a fresh tmux server
#   wait_for TEXT [SECONDS]            until the screen shows TEXT
#   wait_gone TEXT [SECONDS]           until it no longer does
#   wait_sql SQL EXPECTED [SECONDS]    until the database query prints it
#   keys KEY...                        tmux send-keys (Enter, Down, F10...)
#   type_text TEXT                     literal text
#   tap X Y                            a left click at column X, row Y (1-based)
#   tap_text TEXT                      click on the first cell of TEXT
#   screen                             the screen as text
#   kiosk_alive / kiosk_stop
: "${E2E_FORM:=tests/e2e/forms/kiosk-test.form}"
E2E_SOCK="smptest$$"
E2E_PIN=2468
E2E_DEADLINE=${E2E_DEADLINE:-10}

tm() { tmux -L "$E2E_SOCK" -f /dev/null "$@"; }

# A config in $TESTTMP/NAME.conf with the test PIN; extra KEY=VALUE lines
# go into [kiosk].  The PIN hash is made once per suite.
kiosk_config() {
	local name=$1 kv; shift
	if [ ! -f "$TESTTMP/staff-pin.ini" ]; then
		echo "$E2E_PIN" | "$BIN" set-pin --config "$TESTTMP/staff-pin.ini" \
			2>/dev/null || return 1
	fi
	E2E_DB="$TESTTMP/$name.db"
	E2E_CONF="$TESTTMP/$name.conf"
	{
		echo "[kiosk]"
		echo "clinic = Test Clinic"
		echo "form = $PWD/$E2E_FORM"
		echo "database = $E2E_DB"
		echo "kiosk_id = test-1"
		echo "end_seconds = 3"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
		grep -A1 '^\[staff\]' "$TESTTMP/staff-pin.ini"
	} >"$E2E_CONF"
	chmod 600 "$E2E_CONF"	# it holds the PIN hash: the kiosk insists
}

# No tmux server of ours answers.
tm_gone() { ! tm ls >/dev/null 2>&1; }

# Start the kiosk on CONF in a new tmux server of COLS x ROWS.
kiosk_start() {
	local conf=$1 cols=${2:-80} rows=${3:-24} term=${4:-xterm-256color}
	local loc=${5:-C.UTF-8}
	local try
	# A server still going away after kill-server takes the new
	# session with it ("server exited unexpectedly"): wait until it
	# is gone, and try once more if the start still meets it.
	for try in 1 2; do
		tm kill-server 2>/dev/null
		poll 10 tm_gone
		tm new-session -d -x "$cols" -y "$rows" -s k \
			"env TERM=$term LC_ALL=$loc \
			SMP_TODAY=${SMP_TODAY:-2026-06-15} \
			$BIN kiosk --config $conf; echo KIOSK-EXITED-\$?; \
			sleep 3600" 2>/dev/null && break
	done
	tm set -g window-size manual >/dev/null
	tm set -g status off >/dev/null
	tm resize-window -t k -x "$cols" -y "$rows" 2>/dev/null
}

# At a suite's end: no kiosk of its own copy of the binary outlives it.
# Once, under make asan, a kiosk whose terminal had gone hung in the leak
# checker's stop-the-world (spinning in sched_yield, traced by its own
# child) for half an hour after its suite had passed.
kiosk_reap() { pkill -KILL -f -- "$TESTTMP/smp-intake" 2>/dev/null || true; }

screen() { tm capture-pane -p -t k 2>/dev/null; }
keys() { tm send-keys -t k "$@"; }
type_text() { tm send-keys -t k -l "$1"; }
kiosk_stop() { tm kill-server 2>/dev/null; }
kiosk_pid() { tm list-panes -t k -F '#{pane_pid}' 2>/dev/null; }

# Is the kiosk still running (not exited)?
kiosk_alive() { ! screen | grep -q KIOSK-EXITED; }


has_text() { screen | grep -qF -- "$1"; }
no_text() { ! screen | grep -qF -- "$1"; }

# Wait for TEXT on screen; on timeout print the screen to stderr.
wait_for() {
	if poll "${2:-$E2E_DEADLINE}" has_text "$1"; then return 0; fi
	{ echo "timed out waiting for: $1"; screen; } >&2
	return 1
}

wait_gone() {
	if poll "${2:-$E2E_DEADLINE}" no_text "$1"; then return 0; fi
	{ echo "still on screen: $1"; screen; } >&2
	return 1
}

# A busy timeout: a kiosk being stopped may still hold the write lock
# for a moment while it abandons its intake (a bare query would read
# "database is locked" as an empty answer).
sql() { sqlite3 -batch -noheader -cmd ".timeout 10000" "$E2E_DB" "$1" 2>/dev/null; }
sql_is() { [ "$(sql "$1")" = "$2" ]; }
wait_sql() {
	if poll "${3:-$E2E_DEADLINE}" sql_is "$1" "$2"; then return 0; fi
	echo "query: $1; expected: $2; got: $(sql "$1")" >&2
	return 1
}

# A left click (SGR 1006 mouse report: press and release) at X,Y 1-based.
tap() {
	tm send-keys -t k -l $'\e'"[<0;$1;$2M"
	tm send-keys -t k -l $'\e'"[<0;$1;$2m"
}

# Click the first cell of TEXT where the screen shows it.
tap_text() {
	local pos
	pos=$(screen | awk -v s="$1" '{ i = index($0, s);
		if (i) { print i + 1, NR; exit } }')
	[ -n "$pos" ] || { echo "no '$1' to tap" >&2; screen >&2; return 1; }
	# awk counts bytes: fine for the ASCII labels we tap.
	tap ${pos% *} ${pos#* }
}

# Go from welcome through language (English) and consent.
walk_start() {
	wait_for "Press any key" || return 1
	keys Space
	wait_for "Choose your language" || return 1
	keys Enter
	wait_for "I agree" || return 1
	keys Enter
	wait_for "Your full name"
}

# Type into a field after clearing it (at most 80 characters).  Home and
# End are avoided: tmux sends them as its own terminal would, which need not
# match the TERM the kiosk was given.
retype() {
	local a=() i
	for i in $(seq 1 80); do a+=(BSpace); done
	keys "${a[@]}"	# the cursor is at the end already
	type_text "$1"
}

# The latest intake row's column.
last_intake() { sql "SELECT $1 FROM intakes ORDER BY started_at DESC, rowid DESC LIMIT 1"; }
