# tests/e2e/choices.sh: no answer by accident (issue 11 item 6) in the real
# kiosk on the shipped form: keys on long lists, intros, help, declining
# an agree screen.  Sourced by tests/suites/kiosk.sh after profile.sh.

# The screen's row holding TEXT.
row_of() { screen | grep -F -- "$1" | head -1; }

# Start the shipped form at COLSxROWS (default 80x24) and walk the
# norwood3-good profile up to question $1.
shipped_to() {
	E2E_FORM=forms/smp-consultation.form kiosk_config "choices-$1"
	python3 tests/e2e/formmap.py forms/smp-consultation.form >"$TESTTMP/map"
	kiosk_start "$E2E_CONF" "${2:-80}" "${3:-24}"
	wait_for "Press any key" && keys Space && wait_for "Choose" &&
	keys Enter && walk_profile tests/profiles/norwood3-good.csv "$1"
}

scenario_choices() {
	local r
	if shipped_to pregnant; then ok "choices: walked to the health section"
	else not_ok "choices: walked to the health section"; kiosk_stop; return; fi
	check "choices: section intro above its first question" \
		has_text "keep taking any medicine"
	keys 2 Enter
	check "choices: intro not repeated on the next question" \
		eval 'wait_for "Do you take any of these" && no_text "keep taking any medicine"'
	keys Escape && wait_for "pregnant" && walk_profile \
	    tests/profiles/norwood3-good.csv conditions
	# Entries are two rows tall (touch targets): fewer than nine fit.
	check "choices: entries numbered, more below" \
		eval 'has_text "1. [ ]" && has_text "▼ more" && no_text "None of these"'
	keys NPage
	check "choices: PgDn moves a page (to the last entry shown)" \
		eval 'wait_for "▶ " && ! has_text "▶ 1. [ ]"'
	local i n
	for i in 1 2 3 4 5; do
		has_text "None of these" && break
		keys NPage; wait_for "▶" || break
	done
	check "choices: the 11th entry has a number key" \
		eval 'screen | grep -q "▶ [1-9]\. \[ \] None of these"'
	n=$(screen | sed -n 's/.*▶ \([1-9]\)\. \[ \] None of these.*/\1/p')
	keys "${n:-9}"
	check "choices: its number ticks it" wait_for "[x] None of these"
	keys "${n:-9}" && wait_for "[ ] None of these"
	walk_profile tests/profiles/norwood3-good.csv allergies
	keys n
	r=$(row_of "None of these")
	check "choices: N lands on None of these, ticks nothing" \
		eval 'case "$r" in *"▶"*"[ ] None"*) no_text "[x]";; *) false;; esac'
	keys Space
	check "choices: Space then ticks None of these only" \
		eval 'wait_for "[x] None of these" && no_text "[x] Numbing"'
	kiosk_stop

	if shipped_to norwood; then :; else
		not_ok "choices: walked to the Norwood pictures"; kiosk_stop; return; fi
	check "choices: the question says it has help" \
		has_text "More help with this question: press F1"
	keys Down && wait_for "▶ 1. (o)" && keys F1
	check "choices: help open, the picture whole" \
		eval 'wait_for "Shaded areas" && has_text "'"'"'----- back ----'"'"'" &&
		    has_text ".---- front ----."'
	kiosk_stop
}

# Declining an agree screen ends kindly and keeps nothing.
scenario_decline() {
	E2E_FORM=forms/smp-consultation.form kiosk_config decline
	kiosk_start "$E2E_CONF"
	wait_for "Press any key" && keys Space && wait_for "Choose" &&
	keys Enter && wait_for "I have read this and I agree"
	local i	# Enter pages the privacy text down, then agrees
	for i in 1 2 3 4 5 6; do
		has_text "I agree that the clinic" && break
		screen >"$TESTTMP/before"
		keys Enter
		poll 5 eval '! screen | cmp -s - "$TESTTMP/before"' || true
	done
	check "decline: the long agree button leaves Back visible" \
		eval 'has_text "[ Back ]" && has_text "[ I do not agree ]"'
	keys Left Enter
	check "decline: ends in kind words" wait_for "You chose not to agree"
	expect_eq "decline: intake kept only as abandoned, no answers" \
		"abandoned|0" "$(last_intake "status || '|' || (SELECT count(*) FROM answers WHERE intake_id=intakes.id)")"
	check "decline: back to welcome" wait_for "Press any key" 10
	kiosk_stop
}
