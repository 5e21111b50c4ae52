# tests/e2e/demo.sh: the "make run" demo (scripts/demo.sh) as a newcomer
# meets it: the printed PIN, the welcome screen saying how to leave, and
# leaving through F10, the PIN and "Exit the kiosk".

scenario_demo() {
	local dir="$TESTTMP/demo" pin
	mkdir -p "$dir" && ln -s "$PWD/forms" "$dir/forms"
	tm kill-server 2>/dev/null
	tm new-session -d -x 80 -y 24 -s k -c "$dir" \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 sh $PWD/scripts/demo.sh $BIN; echo KIOSK-EXITED-\$?; sleep 3600"
	tm set -g status off >/dev/null
	check "demo: prints the demo PIN before starting" wait_for "demo PIN:"
	pin=$(screen | sed -n 's/.*demo PIN: *\([0-9]*\).*/\1/p' | head -1)
	keys Enter
	check "demo: welcome says how to leave" wait_for "to leave, press F10"
	keys F10 && wait_for "Staff PIN" && type_text "$pin" && keys Enter
	check "demo: the printed PIN opens the staff menu" \
		wait_for "Exit the kiosk"
	tap_text "Exit the kiosk"
	check "demo: Exit the kiosk leaves cleanly" wait_for "KIOSK-EXITED-0"
	expect_eq "demo: data folder is private (0700)" 700 \
		"$(stat -c %a "$dir/data" 2>/dev/null)"
	expect_eq "demo: database is private (0600)" 600 \
		"$(stat -c %a "$dir/data/intake.db" 2>/dev/null)"
	if grep -q '^pin_hash = \$argon2' "$dir/data/demo.conf" &&
	    ! grep -q "= $pin\$" "$dir/data/demo.conf"; then
		ok "demo: config holds the PIN's hash, not the PIN"
	else
		not_ok "demo: config holds the PIN's hash, not the PIN"
	fi
	kiosk_stop
}
