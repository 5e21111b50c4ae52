# speech.sh: spoken questions (issue 14 item 8), through the test hook
# SMP_SPEECH_WAV: every utterance the kiosk speaks is written as NNN.wav
# (checked with sox for length and loudness) with its words in NNN.txt.
# The page is said within 300 ms of the key that changed it, in the
# session's language (the Spanish voice for Spanish), the highlighted
# entry alone after Up/Down, again on F2; a typed identifier never.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
trap 'kiosk_stop; kiosk_reap; rm -rf "$TESTTMP"' EXIT
cp "$BIN" "$TESTTMP/smp-intake" && BIN="$TESTTMP/smp-intake"

for t in tmux sox soxi espeak-ng; do
	if ! command -v $t >/dev/null; then
		not_ok "speech: $t is needed (scripts/deps.sh)"
		exit 0
	fi
done

W="$TESTTMP/wav"
mkdir -p "$W"
export SMP_SPEECH_WAV="$W"
n_said() { ls "$W"/*.txt 2>/dev/null | wc -l; }
last_said() { cat "$(ls "$W"/*.txt | tail -1)"; }
said_more() { [ "$(n_said)" -gt "$1" ]; }

# Did the hook note utterance number $1 stopped (F3) before its end?
stopped() {
	awk -v u="$(printf %03d "$1")" '$1 == u && $2 == "say" { len = $4 }
	    $1 == u && $2 == "stop" { p = $3 }
	    END { exit !(p != "" && p + 0 < len + 0) }' "$W/events"
}

# Was exactly one utterance said after the first $1, with words $2
# (lines joined by |)?
said_only() {
	[ "$(n_said)" -eq $(($1 + 1)) ] &&
	    [ "$(last_said | paste -sd'|')" = "$2" ]
}

# Send keys and wait for one more utterance; prints the milliseconds.
say_after() {
	local before t0
	before=$(n_said)
	t0=$(now_ms)
	keys "$@"
	poll 5 said_more "$before" || return 1
	echo $(( $(now_ms) - t0 ))
}

kiosk_config speech speech=yes
kiosk_start "$E2E_CONF"
wait_for "Press any key"
check "speech: the welcome screen is said" poll 5 said_more 0
ms=$(say_after Space)
check "speech: the language screen said within 300 ms ($ms ms)" \
    test -n "$ms" -a "${ms:-999}" -le 300
check "speech: its entries said" eval 'last_said | grep -q "^Español"'
ms=$(say_after Down)
expect_eq "speech: Down says the highlighted entry alone" \
    "en|Español — Consulta de prueba" "$(last_said | paste -sd'|')"
ms=$(say_after Enter)
check "speech: the consent screen said in Spanish ($ms ms)" \
    eval 'last_said | head -1 | grep -qx es && last_said | grep -q "^Consentimiento"'
es_wav=$(ls "$W"/*.wav | tail -1)
es_txt=$(ls "$W"/*.txt | tail -1)
n=$(n_said)
keys F2
check "speech: F2 says the page again" \
    poll 5 eval '[ "$(n_said)" -gt '"$n"' ] && last_said | grep -q "^Consentimiento"'
check "speech: F2 says the same words again" \
    cmp "$W/$(printf %03d $((n - 1))).txt" "$W/$(printf %03d "$n").txt"
# F3 while the page (many seconds of speech) is still playing: the hook
# notes the utterance stopped, after less than its length.
keys F3
check "speech: F3 stops the page being said" poll 5 stopped "$n"
keys Enter; wait_for "nombre completo"
type_text "José Ñúñez"; wait_for "José Ñúñez"
check "speech: F4 is in the key bar on a typed answer (Spanish)" \
    wait_for "F4 oírla"
check "speech: a typed identifier is not said unasked" \
    eval '! cat "$W"/*.txt | grep -q "Ñúñez"'
n=$(n_said)
keys F4
check "speech: F4 says the answer typed, once, in Spanish" \
    poll 5 said_only "$n" "es|José Ñúñez"
f4_wav="$W/$(printf %03d "$n").wav"
keys Enter; wait_for "fecha de nacimiento"
keys F2; poll 5 eval 'last_said | grep -q "fecha de nacimiento"'
check "speech: the identifier is said only that once" \
    eval '[ "$(cat "$W"/*.txt | grep -c "Ñúñez")" -eq 1 ]'
# Staff screens are not said (a consultation holds the client's name).
keys F10; wait_for "Staff PIN"; type_text 2468; keys Enter
wait_for "Today's intakes"; keys Enter; wait_for "Today's intakes"
keys F2 F4
check "speech: staff screens are never said" \
    eval '! cat "$W"/*.txt | grep -q "Staff PIN\|Today.s intakes"'
check "speech: the hook's files are the owner's alone (0600)" \
    eval '[ -z "$(find "$W" -type f ! -perm 600)" ]'
kiosk_stop

# The F4 utterance is the name's sound: as long as espeak-ng's Spanish
# voice makes "José Ñúñez" (its command adds some 0.3 s of silence at
# the end: between half and all of that), not a longer text.
if [ -f "$f4_wav" ]; then
	espeak-ng -v es -w "$TESTTMP/ref-name.wav" "José Ñúñez"
	got=$(soxi -D "$f4_wav"); ref=$(soxi -D "$TESTTMP/ref-name.wav")
	check "speech: the F4 audio is the name's (${got}s; espeak-ng ${ref}s)" \
	    awk -v g="$got" -v r="$ref" 'BEGIN { exit !(g > r / 2 && g <= r) }'
else
	not_ok "speech: the F4 audio is the name's" "no $f4_wav"
fi


# Every utterance: at least half a second of sound, not silence.
bad=""
for f in "$W"/*.wav; do
	len=$(soxi -D "$f")
	rms=$(sox "$f" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
	awk -v l="$len" -v r="$rms" 'BEGIN { exit !(l > 0.5 && r > 0.02) }' ||
		bad="$bad $(basename "$f"):${len}s,rms=$rms"
done
expect_eq "speech: every utterance sounds (length > 0.5 s, RMS > 0.02)" \
    "" "$bad"
# The Spanish voice: the consent screen's audio is as long as espeak-ng's
# Spanish voice makes those words, not as long as its English voice does.
tail -n +2 "$es_txt" >"$TESTTMP/es.txt"
espeak-ng -v es -w "$TESTTMP/ref-es.wav" -f "$TESTTMP/es.txt"
espeak-ng -v en -w "$TESTTMP/ref-en.wav" -f "$TESTTMP/es.txt"
got=$(soxi -D "$es_wav"); es=$(soxi -D "$TESTTMP/ref-es.wav")
en=$(soxi -D "$TESTTMP/ref-en.wav")
check "speech: the Spanish voice for Spanish (${got}s; es ${es}s, en ${en}s)" \
    awk -v g="$got" -v s="$es" -v e="$en" 'BEGIN { d1 = g - s; d2 = g - e
	if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2; exit !(d1 < d2) }'

# The idle warning (1 s idle here, the 20 s countdown): said once, not at
# each second of its countdown, and it sounds.  A folder of its own: a
# new kiosk numbers its utterances from 000 again.
W="$TESTTMP/wav-idle"
mkdir -p "$W"
export SMP_SPEECH_WAV="$W"
kiosk_config speech-idle speech=yes idle_timeout=1 idle_countdown=20
kiosk_start "$E2E_CONF"
walk_start
check "speech: the idle warning is said" \
    poll 5 eval 'last_said | grep -q "Are you still there?.*20 seconds"'
wait_for "close in 17 seconds" 6
check "speech: the idle warning is said once, not each second" \
    eval '[ "$(cat "$W"/*.txt | grep -c "Are you still there")" -eq 1 ]'
kiosk_stop
f=$(grep -l "Are you still there" "$W"/*.txt | head -1)
f=${f%.txt}.wav
len=$(soxi -D "$f" 2>/dev/null)
rms=$(sox "$f" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
check "speech: the idle warning sounds (${len}s, RMS $rms)" \
    awk -v l="${len:-0}" -v r="${rms:-0}" 'BEGIN { exit !(l > 3 && r > 0.02) }'
