# tests/e2e/profile.sh: walk the shipped consultation form in the kiosk by
# keyboard with the answers of a tests/profiles/*.csv client, and check the
# band stored against its .expect file.  Sourced by tests/suites/kiosk.sh.

# The question whose English label is on screen (longest match), or "".
# One awk over the map: the screen is squeezed and searched for the first
# line-width part of each label (long labels wrap).
on_question() {
	screen | tr -s ' ' >"$TESTTMP/scr"
	awk -F'\t' 'FNR == NR { scr = scr " " $0; next }
	$1 == "Q" { lab = $5; gsub(/  +/, " ", lab); lab = substr(lab, 1, 30)
		sub(/ [^ ]*$/, "", lab)
		if (length(lab) > best && index(scr, lab)) { best = length(lab); id = $2 } }
	END { print id }' "$TESTTMP/scr" "$TESTTMP/map"
}

# Move the list cursor to 1-based entry n (from the top).
list_to() {
	local a=(PPage PPage PPage PPage PPage PPage) i
	for ((i = 1; i < $1; i++)); do a+=(Down); done
	keys "${a[@]}"
}

# Give question id the answer value (from the profile).
answer_question() {
	local id=$1 value=$2 type min idx code
	type=$(awk -F'\t' -v q="$id" '$1 == "Q" && $2 == q { print $3 }' "$TESTTMP/map")
	min=$(awk -F'\t' -v q="$id" '$1 == "Q" && $2 == q { print $4 }' "$TESTTMP/map")
	case "$type" in
	choice|yesno)
		idx=$(awk -F'\t' -v q="$id" -v c="$value" '$1 == "O" && $2 == q && $3 == c { print $4 }' "$TESTTMP/map")
		[ -n "$idx" ] && list_to "$idx" ;;
	multi)
		for code in ${value//;/ }; do
			idx=$(awk -F'\t' -v q="$id" -v c="$code" '$1 == "O" && $2 == q && $3 == c { print $4 }' "$TESTTMP/map")
			[ -n "$idx" ] && list_to "$idx" && keys Space
		done ;;
	scale)
		[ -n "$value" ] && list_to $((value - min + 1)) ;;
	*)
		[ -n "$value" ] && type_text "$value" ;;
	esac
}

# Walk the form with profile CSV $1 until the review screen, or until
# question $2 is on screen (unanswered).
walk_profile() {
	local prof=$1 stop=${2:-} steps=0 id last= value
	while [ $steps -lt 120 ]; do
		steps=$((steps + 1))
		has_text "Please check your answers" && return 0
		id=$(on_question)
		[ -n "$stop" ] && [ "$id" = "$stop" ] && return 0
		if [ -z "$id" ]; then		# information or agree screen
			screen >"$TESTTMP/before"
			keys Enter
		else
			[ "$id" = "$last" ] && { echo "stuck on $id" >&2; screen >&2; return 1; }
			value=$(awk -F, -v q="$id" '$1 == q { sub(/^[^,]*,/, ""); print; exit }' "$prof")
			answer_question "$id" "$value"
			screen >"$TESTTMP/before"
			keys Enter
			last=$id
		fi
		poll 5 eval '! screen | cmp -s - "$TESTTMP/before"' || true
	done
	return 1
}

scenario_profile() {
	local p=${E2E_PROFILE:-norwood3-good} bands
	E2E_FORM=forms/smp-consultation.form kiosk_config profile
	python3 tests/e2e/formmap.py forms/smp-consultation.form >"$TESTTMP/map"
	kiosk_start "$E2E_CONF" 100 30
	wait_for "Press any key" && keys Space && wait_for "Choose" && keys Enter
	if walk_profile "tests/profiles/$p.csv"; then
		ok "profile $p: shipped form walked to review by keyboard"
	else
		not_ok "profile $p: shipped form walked to review by keyboard"
	fi
	keys Tab
	check "profile $p: end screen" wait_for "Thank you"
	bands=$(sed -n 's/^band-in //p; s/^band //p' "tests/profiles/$p.expect")
	check "profile $p: stored band is one of: $bands" eval \
		'case " $bands " in *" $(last_intake band) "*) true;; *) false;; esac'
	expect_eq "profile $p: completed" completed "$(last_intake status)"
	kiosk_stop
}
