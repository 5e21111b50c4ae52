# tests/e2e/large.sh: large text.  The shipped form walked whole in the
# real kiosk at 40x12 and 60x20 (an 80x24 screen in a font twice or one
# and a third times as large), by keyboard, with a profile's answers, in
# English and in Spanish.  The question on screen is found by the
# progress counter ("7 of 53", "7 de 53"), never by its words, so the
# walk does not depend on the language nor on what the texts' window
# shows; every screen is checked for a cut ("…" or "..." that the form
# does not have) and a line wider than the terminal.  Sourced by
# tests/suites/kiosk.sh after profile.sh (answer_question, list_to).

# The progress number on screen ("12" of "12 of 53"), or "".
progress_now() {
	screen | head -n 1 | sed -n 's/.* \([0-9][0-9]*\) \(of\|de\) [0-9][0-9]*.*/\1/p'
}

# Any sign of a cut text: an ellipsis not in the form, a line too wide.
screen_whole() {
	local cols=$1
	screen >"$TESTTMP/large-scr"
	if grep -q '\.\.\.' "$TESTTMP/large-scr"; then return 1; fi
	# "…" only where the form itself has one (labels ending "has…")
	if grep -o '[^ ]*…' "$TESTTMP/large-scr" | while read -r w; do
		grep -qF -- "$w" forms/smp-consultation.form || exit 1
	done; then :; else return 1; fi
	local line	# characters, not bytes (▶ is three)
	while IFS= read -r line; do
		[ "${#line}" -le "$cols" ] || return 1
	done <"$TESTTMP/large-scr"
}

# Walk from the first page after the language to the review at COLS;
# profile CSV $1.  Fails (with the screen) on a cut or a stuck page.
walk_large() {
	local prof=$1 cols=$2 steps=0 n id last= value
	while [ $steps -lt 160 ]; do
		steps=$((steps + 1))
		if ! screen_whole "$cols"; then
			echo "cut at $cols columns:" >&2; screen >&2; return 1
		fi
		n=$(progress_now)
		if [ -z "$n" ]; then		# the review has no progress
			has_text "Send my answers" || has_text "Enviar mis" &&
				return 0
		fi
		screen >"$TESTTMP/before"
		if has_text "Is this like you?" || has_text "¿Se parece a usted?"; then
			keys Enter		# the picture confirmed
		else
			id=$(awk -F'\t' -v n="$n" '$1 == "I" && $2 == n { print $3 }' "$TESTTMP/map")
			if [ -n "$id" ] && [ "$id" != - ] && [ "$id" != "$last" ]; then
				value=$(awk -F, -v q="$id" '$1 == q { sub(/^[^,]*,/, ""); print; exit }' "$prof")
				answer_question "$id" "$value"
				last=$id
			fi
			keys Enter	# info pages: page down, then agree
		fi
		poll 5 eval '! screen | cmp -s - "$TESTTMP/before"' || {
			echo "stuck on item $n ($id) at $cols columns:" >&2
			screen >&2; return 1; }
	done
	return 1
}

# One walk: profile P at COLS x ROWS in language LANG (0 en, 1 es).
large_walk() {
	local p=$1 cols=$2 rows=$3 lang=$4 bands
	E2E_FORM=forms/smp-consultation.form kiosk_config "large$cols"
	python3 tests/e2e/formmap.py forms/smp-consultation.form >"$TESTTMP/map"
	kiosk_start "$E2E_CONF" "$cols" "$rows"
	wait_for "Press any key" && keys Space && wait_for "English" &&
	{ [ "$lang" = 0 ] || keys Down; } && keys Enter
	if poll 10 eval '[ -n "$(progress_now)" ]' &&
	    walk_large "tests/profiles/$p.csv" "$cols"; then
		ok "large $cols x $rows ($lang): shipped form walked, nothing cut"
	else
		not_ok "large $cols x $rows ($lang): shipped form walked, nothing cut"
	fi
	keys Tab
	check "large $cols x $rows: end screen" \
		poll 10 eval 'has_text "Thank you" || has_text "Gracias"'
	bands=$(sed -n 's/^band-in //p; s/^band //p' "tests/profiles/$p.expect")
	check "large $cols x $rows: stored band one of: $bands" eval \
		'case " $bands " in *" $(last_intake band) "*) true;; *) false;; esac'
	expect_eq "large $cols x $rows: completed" completed "$(last_intake status)"
	kiosk_stop
}

scenario_large() {
	large_walk norwood3-good 40 12 1
	large_walk norwood3-good 60 20 0
}
