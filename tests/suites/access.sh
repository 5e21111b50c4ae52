# access.sh: the full-screen kiosk for a client who follows the cursor
# with a screen reader (issue 14): the terminal cursor on the highlighted
# entry after every Up/Down and on the focused button, never hidden; a
# navigation key writes a few hundred bytes and no clear; nothing is
# written while the client is idle until the idle warning, which rings
# the bell; the warning 20 s ahead and extended by a key, eleven times.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
trap 'kiosk_stop; kiosk_reap; rm -rf "$TESTTMP"' EXIT
cp "$BIN" "$TESTTMP/smp-intake" && BIN="$TESTTMP/smp-intake"

if ! command -v tmux >/dev/null; then
	not_ok "access: tmux is needed (scripts/deps.sh)"
	exit 0
fi

# The cursor's row (0-based) and whether it is shown.
cursor_row() { tm display -p -t k '#{cursor_y}'; }
cursor_shown() { [ "$(tm display -p -t k '#{cursor_flag}')" = 1 ]; }
# The row (0-based) of the first screen line holding TEXT.
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
# Does the cursor sit on the row of the highlighted entry?
on_arrow() { [ "$(cursor_row)" = "$(row_of "▶")" ]; }

# Up and Down on a list: after each, the cursor is on the arrow's row.
scenario_cursor() {
	local k n=0 bad=""
	kiosk_config cursor
	kiosk_start "$E2E_CONF"
	walk_start || { not_ok "cursor: walk to the list"; return; }
	check "cursor: shown in a text field" cursor_shown
	type_text "Jo"; keys Enter; wait_for "date of birth"
	type_text "1985-07-23"; keys Enter; wait_for "hair treatments"
	type_text "2"; keys Enter; wait_for "weight"
	keys Tab; wait_for "Which best describes"
	check "cursor: shown on a list with nothing chosen" cursor_shown
	for k in Down Down Up Down Up Up; do
		keys "$k"
		n=$((n + 1))
		wait_for "▶" 3 || true
		poll 3 on_arrow || bad="$bad $n:$k(cursor $(cursor_row), arrow $(row_of "▶"))"
	done
	expect_eq "cursor: on the highlighted row after each Up/Down" "" "$bad"
	check "cursor: still shown" cursor_shown
	keys 1 Enter; wait_for "Which picture looks most like"
	keys Down Down; wait_for "▶ 2. (o) Norwood stage 3"
	check "cursor: on the highlighted row on the next list" poll 3 on_arrow
	kiosk_stop
}

# Bytes per navigation key and while idle, through a pty.
scenario_quiet() {
	local out max=0 clears=0 n idle bell
	kiosk_config quiet idle_timeout=3 idle_countdown=20
	if ! out=$(python3 tests/e2e/quiet.py "$BIN" "$E2E_CONF" 2>&1); then
		not_ok "quiet: measured" "$out"
		return
	fi
	while read -r what n c; do
		case "$what" in
		key) [ "$n" -gt "$max" ] && max=$n; clears=$((clears + c)) ;;
		idle) idle=$n ;;
		bell) bell=$n ;;
		esac
	done <<<"$out"
	# A few hundred bytes: the highlight, the marks, and the picture
	# of the entry highlighted (the first Down brings one in: ~470).
	if [ "$max" -gt 0 ] && [ "$max" -le 600 ]; then
		ok "quiet: a navigation key writes at most 600 bytes ($max)"
	else
		not_ok "quiet: a navigation key writes at most 600 bytes" "$out"
	fi
	expect_eq "quiet: no key clears the screen" 0 "$clears"
	expect_eq "quiet: nothing written while idle until the warning" 0 \
	    "$idle"
	expect_eq "time: the idle warning rings the bell" 1 "$bell"
}

# Touch: every entry is two rows tall and the list's full width, every
# button two rows tall; a tap on the lower row of an entry, at the far
# right of the list, chooses it, and one on the upper row of Next goes on.
scenario_touch() {
	local r
	kiosk_config touch
	kiosk_start "$E2E_CONF"
	walk_start || { not_ok "touch: walk to the list"; return; }
	type_text "Jo"; keys Enter; wait_for "date of birth"
	type_text "1985-07-23"; keys Enter; wait_for "hair treatments"
	type_text "2"; keys Enter; wait_for "weight"
	keys Tab; wait_for "Which best describes"
	r=$(( $(row_of "2. ( ) Widening") + 2 ))	# 1-based, the row below
	tap 40 "$r"
	check "touch: the lower row of an entry, far right, chooses it" \
		wait_for "(o) Widening"
	r=$(row_of "[ Next ]")			# 1-based: the row above
	tap "$(screen | awk '{ i = index($0, "[ Next ]"); if (i) { print i + 2; exit } }')" "$r"
	check "touch: the upper row of Next goes on" \
		wait_for "Which Ludwig stage"
	kiosk_stop
}

# Time enough (WCAG 2.2.1): the warning comes with its 20 seconds on
# screen and rings the bell each time; one key extends the time, eleven
# times here (at least ten asked), with what was typed kept and the
# intake still in progress.  The pane's output is recorded (pipe-pane)
# to count the bells.
# Enter on the name (a warning come meanwhile is answered first); is
# the name saved as typed?
time_save_name() {
	if has_text "Are you still there?"; then keys Space
	elif has_text "Your full name"; then keys Enter; fi
	sql_is "SELECT value FROM answers WHERE question = 'full_name'" \
	    "Slow Reader"
}

scenario_time() {
	local i bad="" bells
	kiosk_config time idle_timeout=1 idle_countdown=20
	kiosk_start "$E2E_CONF"
	tm pipe-pane -t k -o "cat >>'$TESTTMP/time.out'"
	walk_start || { not_ok "time: walk to the name"; return; }
	type_text "Slow Reader"; wait_for "Slow Reader"
	for i in $(seq 1 11); do
		if ! wait_for "close in 20 seconds" 5; then
			bad="$bad $i:no-warning"; break
		fi
		keys Space
		wait_gone "Are you still there?" 5 && has_text "Slow Reader" ||
			bad="$bad $i:not-back"
	done
	expect_eq "time: a key extends the time eleven times, the warning 20 s ahead each time" \
	    "" "$bad"
	check "time: the intake is still in progress" \
	    wait_sql "SELECT status FROM intakes" in_progress
	check "time: the typed name is kept as typed" poll 10 time_save_name
	bells=$(tr -cd '\a' <"$TESTTMP/time.out" | wc -c)
	check "time: each warning rang the bell ($bells bells)" \
	    test "$bells" -ge 11
	kiosk_stop
}

for s in cursor quiet touch time; do
	case "$s" in *${E2E_ONLY:-}*) "scenario_$s" ;; esac
done
