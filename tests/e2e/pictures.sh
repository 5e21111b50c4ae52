# tests/e2e/pictures.sh: stage pictures in the real kiosk (issue 15):
# legend, second views, side by side, the confirmation, by keyboard and
# by tap (SGR mouse), at 80x24 and larger, in UTF-8 and ASCII.  Sourced
# by tests/suites/kiosk.sh after choices.sh (shipped_to).

scenario_pictures() {
	if shipped_to norwood; then ok "pictures: walked to the Norwood pictures"
	else not_ok "pictures: walked to the Norwood pictures"; kiosk_stop; return; fi
	keys Down
	check "pictures: a legend under the picture, ears named" \
		eval 'wait_for "[▓] full" && has_text "[ ] bare" && has_text "( ) ears"'
	keys =
	check "pictures: = puts stage I beside stage II (80x24)" \
		eval 'wait_for "▶ (o) Stage I:" && has_text "( ) Stage II:" &&
		    [ "$(screen | grep -o -- "-- front --" | wc -l)" -ge 2 ]'
	keys Down
	check "pictures: Down moves on, side by side" \
		eval 'wait_for "▶ (o) Stage II:" && has_text "( ) Stage IIa:"'
	tap_text "Stage IIa:"
	check "pictures: a tap on a picture chooses it" wait_for "▶ (o) Stage IIa:"
	tap_text "Back to the list"
	check "pictures: a tap goes back to the list" \
		eval 'wait_for "See two pictures side by side" && has_text "Your hair today"'
	keys Enter
	check "pictures: Next asks to confirm, picture large, both views" \
		eval 'wait_for "Is this like you?" && has_text "as in a mirror" &&
		    has_text "[ Yes, like me ]" && has_text "[ Choose again ]" &&
		    has_text "[ Not sure ]"'
	keys c
	check "pictures: C chooses again, the choice kept" \
		eval 'wait_for "(o) Stage IIa:" && no_text "Is this like you?"'
	keys Enter && wait_for "Is this like you?"
	tap_text "[ Not sure ]"
	check "pictures: not sure says what happens next" \
		wait_for "the practitioner will look at your"
	keys Enter
	check "pictures: and goes on" eval 'wait_gone "the practitioner will look at your"'
	kiosk_stop

	if shipped_to norwood 120 32; then :; else
		not_ok "pictures: walked to the Norwood pictures at 120x32"; kiosk_stop; return; fi
	keys Down
	check "pictures: 120 columns: the mirror view beside the top view" \
		eval 'wait_for "as in a mirror" && has_text "from above"'
	kiosk_stop

	E2E_FORM=forms/smp-consultation.form kiosk_config pictures-ascii
	kiosk_start "$E2E_CONF" 80 24 xterm C
	wait_for "Press any key" && keys Space && wait_for "Choose" &&
	keys Enter && walk_profile tests/profiles/norwood3-good.csv norwood
	keys Down
	check "pictures: ASCII twin and its legend in a C locale" \
		eval 'wait_for "[#] full" && has_text "[+] thinner" && has_text "[.] bare"'
	kiosk_stop
}
