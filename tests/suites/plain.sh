# plain.sh: the kiosk's plain mode (issue 14): the whole shipped form
# walked through a pty in English (--plain) and Spanish (TERM=dumb), by
# numbers, the words yes/sí/no and typed text; the transcripts checked for
# what they must say and for no escape byte or box-drawing character; the
# intake stored completed, as from the full-screen kiosk.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
trap 'rm -rf "$TESTTMP"' EXIT
cp "$BIN" "$TESTTMP/smp-intake" && BIN="$TESTTMP/smp-intake"

if ! command -v sqlite3 >/dev/null; then
	not_ok "plain: sqlite3 is needed (scripts/deps.sh)"
	exit 0
fi

# Walk the shipped form in language $1 ($2: --dumb or ""; then config
# KEY=VALUE lines).
plain_walk() {
	local lang=$1 how=$2 t="$TESTTMP/plain-$1.txt" out
	shift 2
	E2E_FORM=forms/smp-consultation.form kiosk_config "plain-$lang" "$@"
	if out=$(python3 tests/e2e/plain.py "$BIN" "$E2E_CONF" \
	    forms/smp-consultation.form "$lang" "$t" $how 2>&1); then
		ok "plain $lang: the whole form walked to the end screen"
	else
		not_ok "plain $lang: the whole form walked to the end screen" \
		    "$out"
	fi
	expect_eq "plain $lang: stored completed in $lang" "completed|$lang" \
	    "$(sqlite3 "$E2E_DB" 'SELECT status, lang FROM intakes')"
	check "plain $lang: no escape byte" \
	    sh -c "! grep -q \"\$(printf '\\033')\" '$t'"
	check "plain $lang: no box drawing" \
	    sh -c "! LC_ALL=C.UTF-8 grep -qP '[\\x{2500}-\\x{259F}\\x{25B2}\\x{25BC}\\x{25B6}]' '$t'"
}

# English with speech = yes: every page printed is also said (the WAV
# hook's NNN.txt), in the words of the full-screen kiosk, never an
# identifier typed.
W="$TESTTMP/wav"
mkdir -p "$W"
SMP_SPEECH_WAV="$W" plain_walk en "" speech=yes
t="$TESTTMP/plain-en.txt"
check "plain en, speech: the questions are said" \
    eval 'cat "$W"/*.txt | grep -qxE "Question 7 of [0-9]+"'
check "plain en, speech: with their options" \
    eval 'cat "$W"/*.txt | grep -qx "By email"'
check "plain en, speech: the pictures in words" \
    eval 'cat "$W"/*.txt | grep -q "^Seen from above: deep bare or sparse"'
check "plain en, speech: the end screen" \
    eval 'cat "$W"/*.txt | grep -qx "Thank you"'
check "plain en, speech: no identifier said (name, phone, email)" \
    eval '! cat "$W"/*.txt | grep -q "Ñúñez\|600 123\|jose@example"'
check "plain en, speech: each page said once (no two alike in a row)" \
    eval '[ -z "$(for f in "$W"/*.txt; do tail -n +2 "$f" | md5sum; done |
	uniq -d)" ]'

check "plain en: Question 7 of N" grep -qxE "Question 7 of [0-9]+" "$t"
check "plain en: numbered options, no empty marks" grep -qx "2. By email" "$t"
check "plain en: the Norwood pictures in words" grep -q \
    "^   Picture: Seen from above: deep bare or sparse recessions" "$t"
check "plain en: what to type" grep -qx \
    "Type the number of your answer, then press Enter." "$t"
check "plain en: yes by word" grep -qx "yes" "$t"
check "plain en: a typed answer kept" grep -q "José Ñúñez" "$t"
check "plain en: the end screen" grep -qx "Thank you" "$t"

plain_walk es --dumb
t="$TESTTMP/plain-es.txt"
check "plain es (TERM=dumb): Pregunta 7 de N" grep -qxE "Pregunta 7 de [0-9]+" \
    "$t"
check "plain es: las imágenes en palabras" grep -q \
    "^   Imagen: Vista desde arriba: una sola zona calva" "$t"
check "plain es: sí by word" grep -qx "sí" "$t"
check "plain es: the words" grep -qx "Escriba atrás para volver, ayuda \
para ver la ayuda, repetir para verlo otra vez." "$t"
check "plain es: the end screen" grep -qx "Gracias" "$t"
