# tests/e2e/walks.sh: full walks through the test form, by keyboard and by
# mouse, with invalid input on the way.  Sourced by tests/suites/kiosk.sh.

NAME="José Ñúñez 山田 😀"

# From "Your full name" to review, keyboard only; male pattern, stage 3,
# expectations 4: 10 + 50 + 20 = 80 points, "Excellent candidate".
walk_keyboard_rest() {
	type_text "$NAME" && wait_for "$NAME" || return 1
	keys Enter; wait_for "Your date of birth" || return 1
	type_text "2023-02-31"; keys Enter
	wait_for "That date does not exist" || return 1
	has_text "Your date of birth" || return 1
	retype "2030-01-01"; keys Enter
	wait_for "That date is in the future" || return 1
	retype "1985-07-23"; keys Enter
	wait_for "How many hair treatments" || return 1
	type_text "two"; keys Enter
	wait_for "whole number using digits only" || return 1
	retype "2"; keys Enter
	wait_for "Your weight" || return 1
	keys Tab; wait_for "Which best describes" || return 1
	has_text "Shaded areas in the pictures have hair" || return 1	# intro
	keys 1; wait_for "(o) Receding" || return 1
	keys Enter; wait_for "Which picture looks most like" || return 1
	has_text "  1. ( ) Norwood stage 2" || return 1	# nothing chosen
	keys Down; wait_for "▶ 1. (o) Norwood stage 2" || return 1
	keys Down; wait_for "(o) Norwood stage 3" || return 1
	keys Enter; wait_for "Do any of these apply" || return 1
	keys Space; wait_for "▶ 1. [ ] Psoriasis" || return 1	# lands only
	keys Space Down Space; wait_for "[x] Eczema" || return 1
	keys 3; wait_for "[x] None of these" || return 1
	no_text "[x] Psoriasis" && no_text "[x] Eczema" || return 1
	keys Enter; wait_for "keloid" || return 1
	keys n; wait_for "(o) No" || return 1
	keys Enter; wait_for "How realistic" || return 1
	keys Right Right Right Right; wait_for "(o) 4" || return 1
	keys Enter; wait_for "Anything else" || return 1
	type_text "line one"; keys Enter; type_text "line two"
	wait_for "line two" || return 1
	keys Tab; wait_for "Please check your answers"
}

# Send from review and check the end screen.
send_answers() {
	keys Tab	# Tab sends from review
	wait_for "Thank you" || return 1
}

scenario_keyboard() {
	local id
	kiosk_config kb
	kiosk_start "$E2E_CONF"
	if walk_start && walk_keyboard_rest; then ok "keyboard: walk to review"
	else not_ok "keyboard: walk to review"; kiosk_stop; return; fi
	check "keyboard: review shows the name intact" has_text "$NAME"
	if send_answers && wait_for "Excellent candidate"; then
		ok "keyboard: end screen shows the band text"
	else not_ok "keyboard: end screen shows the band text"; fi
	check "keyboard: end screen never shows the raw score" no_text "80"
	check "keyboard: back to welcome after end_seconds" \
		wait_for "Press any key" 10
	id=$(last_intake id)
	expect_eq "keyboard: status completed, band stored" \
		"completed|excellent|80" "$(last_intake "status || '|' || band || '|' || score")"
	expect_eq "keyboard: name stored intact" "$NAME" \
		"$(sql "SELECT value FROM answers WHERE intake_id='$id' AND question='full_name'")"
	expect_eq "keyboard: answers stored" \
		"1985-07-23|2|male|n3|none|no|4" \
		"$(sql "SELECT group_concat(value, '|') FROM (SELECT value FROM answers WHERE intake_id='$id' AND question IN ('birth_date','visits','pattern','norwood','conditions','keloid','expectations') ORDER BY CASE question WHEN 'birth_date' THEN 1 WHEN 'visits' THEN 2 WHEN 'pattern' THEN 3 WHEN 'norwood' THEN 4 WHEN 'conditions' THEN 5 WHEN 'keloid' THEN 6 ELSE 7 END)")"
	expect_eq "keyboard: longtext keeps its lines" "line one
line two" "$(sql "SELECT value FROM answers WHERE intake_id='$id' AND question='notes'")"
	check "keyboard: nothing of the client left on screen" no_text "Ñúñez"
	staff_export_show "$id"
	kiosk_stop
}

# Staff menu on the keyboard walk's database: show the intake, export CSV.
staff_export_show() {
	keys F10 && wait_for "Staff PIN" && type_text "$E2E_PIN" &&
	keys Enter && wait_for "Staff menu" && keys 1 &&
	wait_for "${1:0:8}" && keys Enter
	check "staff: show one consultation" wait_for "Consultation"
	check "staff: summary holds the stored name" has_text "$NAME"
	# The same summary as "smp-intake show": its own headings.
	check "staff: summary is smp-intake show's" \
		eval 'has_text "Explanation" && has_text "Form" &&
		    has_text "Band"' 
	keys Escape && wait_for "Today's intakes" && keys Escape &&
	wait_for "Staff menu" && keys 2 && wait_for "Export CSV" &&
	type_text "$TESTTMP/usb/export.csv" && keys Enter
	check "staff: export refused for a missing folder" \
		eval 'wait_for "!" && no_text "Exported"'
	mkdir -p "$TESTTMP/usb"
	keys Enter
	check "staff: export written" wait_for "Exported 1 intakes"
	check "staff: export holds the name intact" \
		grep -qF "$NAME" "$TESTTMP/usb/export.csv"
	expect_eq "staff: export file is private (0600)" 600 \
		"$(stat -c %a "$TESTTMP/usb/export.csv")"
	# Again to the same name: the first file is kept, never replaced.
	echo "an earlier export" >"$TESTTMP/usb/export.csv"
	keys Enter
	check "staff: a second export to the same name takes a fresh one" \
		wait_for "Kept the file already there"
	check "staff: the existing file is kept as it was" \
		grep -qx "an earlier export" "$TESTTMP/usb/export.csv"
	check "staff: the fresh file holds the export" \
		grep -qF "$NAME" "$TESTTMP/usb/export-1.csv"
	keys Escape && wait_for "Staff menu" && keys 3
	check "staff: back to the questionnaire" wait_for "Press any key"
}

# The same walk by taps only (SGR mouse reports), female pattern.
scenario_mouse() {
	kiosk_config mouse
	kiosk_start "$E2E_CONF"
	wait_for "Press any key" && tap 40 12 &&
	wait_for "Choose your language" && tap_text "English" &&
	wait_for "I agree" && tap_text "[ I agree ]" &&
	wait_for "Your full name" && type_text "Ana" && tap_text "[ Next ]" &&
	wait_for "Your date of birth" && type_text "1990-03-04" &&
	tap_text "[ Next ]" && wait_for "How many hair" && type_text "0" &&
	tap_text "[ Next ]" && wait_for "Your weight" && type_text "61,5" &&
	tap_text "[ Next ]" && wait_for "Which best describes" &&
	tap_text "Widening part" && wait_for "(o) Widening" &&
	tap_text "[ Next ]" && wait_for "Which Ludwig stage" &&
	tap_text "Ludwig stage 2" && wait_for "(o) Ludwig stage 2" &&
	tap_text "[ Back ]" && wait_for "Which best describes" &&
	tap_text "[ Next ]" && wait_for "(o) Ludwig stage 2" &&
	tap_text "[ Next ]" && wait_for "Do any of these" &&
	tap_text "Eczema" && wait_for "[x] Eczema" &&
	tap_text "[ Next ]" && wait_for "keloid" && tap_text "Yes" &&
	tap_text "[ Next ]" && wait_for "How realistic" &&
	tap_text "5  completely" && wait_for "(o) 5" &&
	tap_text "[ Next ]" && wait_for "Anything else" &&
	tap_text "[ Next ]" && wait_for "Please check your answers" &&
	tap_text "[ Send my answers ]" && wait_for "Thank you"
	if [ $? -eq 0 ]; then ok "mouse: walk to the end by taps"
	else not_ok "mouse: walk to the end by taps"; fi
	# 10 + 40 + 20 = 70: excellent; keloid flag stored.
	expect_eq "mouse: band and answers stored" \
		"completed|excellent|l2|eczema|61.5" \
		"$(last_intake "status || '|' || band || '|' || (SELECT value FROM answers WHERE intake_id=intakes.id AND question='ludwig') || '|' || (SELECT value FROM answers WHERE intake_id=intakes.id AND question='conditions') || '|' || (SELECT value FROM answers WHERE intake_id=intakes.id AND question='weight')")"
	expect_eq "mouse: female client never answered Norwood" "0" \
		"$(sql "SELECT count(*) FROM answers WHERE question='norwood'")"
	kiosk_stop
}

# Change an answer from review: the stored answer and the score follow.
scenario_review_edit() {
	kiosk_config review
	kiosk_start "$E2E_CONF"
	if walk_start && walk_keyboard_rest; then :; else
		not_ok "review: walk"; kiosk_stop; return; fi
	# Entry order: name, dob, visits, weight, pattern, norwood,
	# conditions, keloid, expectations (9th).
	keys PPage PPage PPage
	local i; for i in 1 2 3 4 5 6 7 8; do keys Down; done
	keys Enter
	if wait_for "How realistic" && keys Left Left Left &&
	    wait_for "(o) 1" && keys Enter &&
	    wait_for "Please check your answers"; then
		ok "review: edit returns to review"
	else not_ok "review: edit returns to review"; fi
	check "review: the cursor is on the answer changed" \
		eval 'screen | grep -q "▶ How realistic"'
	check "review: stored answer changed at once" \
		wait_sql "SELECT value FROM answers WHERE question='expectations'" 1
	send_answers && wait_for "Good candidate"
	check "review: end screen shows the new band" has_text "Good candidate"
	expect_eq "review: new score and band stored" "60|good" \
		"$(last_intake "score || '|' || band")"
	kiosk_stop
}

# An under-18 client stops kindly: the stop's client text, no band.
scenario_minor() {
	kiosk_config minor
	kiosk_start "$E2E_CONF"
	walk_start && type_text "Kid" && keys Enter &&
	wait_for "date of birth" && type_text "2010-05-05" && keys Enter &&
	wait_for "How many" && type_text "0" && keys Enter &&
	wait_for "Your weight" && keys Enter &&
	wait_for "Which best" && keys 2 Enter &&
	wait_for "Ludwig" && keys 1 Enter && wait_for "Do any" &&
	keys Enter && wait_for "keloid" && keys n Enter &&
	wait_for "How realistic" && keys 3 Enter && wait_for "Anything" &&
	keys Tab && wait_for "Please check" && send_answers
	check "minor: kind stop text shown" \
		wait_for "We can only offer SMP from the age of 18."
	# Issue 11: only the kind stop text and the end; nothing about
	# treatment or planning it.
	check "minor: nothing about treatment or planning" no_text "treatment"
	check "minor: no practitioner sentence" no_text "practitioner"
	check "minor: no band on screen" no_text "candidate"
	expect_eq "minor: stored as completed with its stop" "completed|1" \
		"$(last_intake "status || '|' || (SELECT count(*) FROM result_lines WHERE intake_id=intakes.id AND kind='stop')")"
	expect_eq "minor: stored not offered, no score, no band" "not-offered|-|-" \
		"$(last_intake "outcome || '|' || coalesce(score, '-') || '|' || coalesce(band, '-')")"
	kiosk_stop
}
