# screens.sh BIN OUT: capture every kind of kiosk screen as plain text into
# OUT (docs/screens.md), driving the real binary in tmux with the e2e
# harness and the test form.  Run by "make screens".
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
export BIN LC_ALL=C.UTF-8 SMP_TODAY=${SMP_TODAY:-2026-06-15}
cd "$(dirname "$0")/../.."
source tests/lib.sh
source tests/e2e/lib.sh
trap 'kiosk_stop; rm -rf "$TESTTMP"' EXIT
md="$TESTTMP/screens.md"

# shot TITLE NOTE: append the current screen under a heading.
shot() {
	{
		printf '\n## %s\n\n%s\n\n```\n' "$1" "$2"
		screen | sed 's/[[:space:]]*$//'
		printf '```\n'
	} >>"$md"
}

cat >"$md" <<'HEAD'
# Kiosk screens

Plain-text captures of every kind of kiosk screen at 80×24, made by
`make screens` (tests/e2e/screens.sh) from the real binary running in tmux
on the test form `tests/e2e/forms/kiosk-test.form`. Colours and attributes
are not shown: bars are white on blue, the highlighted entry is reversed
(and marked ▶),
messages are bold and reversed. See [kiosk.md](kiosk.md) for keys and set-up.
HEAD

kiosk_config screens idle_timeout=4 idle_countdown=30 demo=yes
kiosk_start "$E2E_CONF"
wait_for "Press any key" && shot "Welcome" "A demo also says how to leave."
keys Space; wait_for "Choose your language" && shot "Language" \
	"Each language with the form's title in it."
keys Enter; wait_for "I agree" && shot "Information screen with agreement" \
	"The button carries the agreement's words; \"I do not agree\" ends the session, keeping nothing."
keys Left; wait_for "▶ [ I do not agree ]" && shot "Declining" \
	"Left/Right move the marked button; Enter on \"I do not agree\" ends kindly."
keys Right; wait_for "▶ [ I agree ]"
keys Enter; wait_for "Your full name"
type_text "José Ñúñez 山田 😀"; wait_for "山田"
shot "Text question" "UTF-8 text lines up (accents, CJK, emoji)."
keys Enter; wait_for "date of birth"; type_text "2023-02-31"; keys Enter
wait_for "does not exist" && shot "Validation message" \
	"On the question's own screen; the answer is not taken."
retype "1985-07-23"; keys F1; wait_for "18 or over"
shot "Help shown (F1)" "Help text under the question."
keys Enter; wait_for "How many"; type_text "2"; keys Enter
wait_for "weight"; keys Enter; wait_for "Which best"
shot "Unanswered list" "The section's intro above its first question; the cursor on no entry yet."
keys 1
wait_for "(o) Receding" && shot "Single choice with picture" \
	"The picture of the highlighted (▶) option stands beside the list."
keys Enter; wait_for "Which picture"; keys Down Down; wait_for "(o) Norwood stage 3"
shot "Choosing by picture" "Norwood stages, each with its picture."
keys Enter; wait_for "Do any of these"; keys Space Space Down Space
wait_for "[x] Eczema" && shot "Multiple choice" \
	"Space ticks; \"None of these\" is exclusive."
keys 3 Enter; wait_for "keloid"; keys n; wait_for "(o) No"
shot "Yes / no" "A two-entry list."
keys Enter; wait_for "How realistic"; keys 4; wait_for "(o) 4"
shot "Scale" "With the form's end labels."
keys Enter; wait_for "Anything else"; type_text "First line"; keys Enter
type_text "second line"; wait_for "second line"
shot "Long text" "Enter is a new line, Tab goes on."
keys Tab; wait_for "Please check your answers"
shot "Review" "Every visible question; Enter changes one."
wait_for "Are you still there?" 15 && shot "Idle prompt" \
	"After idle_timeout; any key carries on, else the intake is abandoned."
keys Space; wait_for "Please check your answers"; keys Tab
wait_for "Thank you" && shot "End" "The band's words (end score), never the number."
wait_for "Press any key" 15
keys F10; wait_for "Staff PIN"; type_text "1234"; keys Enter
wait_for "Wrong PIN" && shot "Staff PIN" "Masked; five wrong PINs lock it for a minute."
type_text "$E2E_PIN"; keys Enter; wait_for "Staff menu" && shot "Staff menu" ""
keys 1; wait_for "Today's intakes" && shot "Today's intakes" "No names: it may be read in a lobby."
keys Escape; wait_for "Staff menu"; keys 3; wait_for "Press any key"
tm resize-window -t k -x 39 -y 11
wait_for "larger" && shot "Terminal too small (39×11)" "Until it is at least 40×12."
kiosk_stop
kiosk_start "$E2E_CONF" 40 12
wait_for "Press any key"; keys Space; wait_for "Choose"; keys Enter
wait_for "I agree" && shot "Large text (40×12): information" \
	"The top bar drops the progress bar; the key bar wraps by groups."
keys Enter; wait_for "full name"; type_text "Ann"; keys Enter
wait_for "date of birth"; type_text "1980-01-01"; keys Enter
wait_for "How many"; type_text "0"; keys Enter; wait_for "weight"; keys Enter
wait_for "more" && shot "Large text (40×12): texts above the list" \
	"The question's texts scroll above the list; Down reads on."
keys 1 Enter; wait_for "Which picture"
for i in 1 2 3 4 5 6; do has_text "1. ( )" && break; keys Down; done
keys Down; wait_for "▶ 1. (o)" && shot "Large text (40×12): picture in words" \
	"The picture does not fit: its description under the highlighted option."
kiosk_stop
kiosk_start "$E2E_CONF" 80 24 vt100 C
wait_for "Press any key"; keys Space; wait_for "Choose"; keys Enter
wait_for "I agree"; keys Enter; wait_for "full name"; type_text "Ann"; keys Enter
wait_for "date of birth"; type_text "1980-01-01"; keys Enter
wait_for "How many"; type_text "0"; keys Enter; wait_for "weight"; keys Enter
wait_for "Which best" && keys Down && wait_for "> 1. (o)" && shot "TERM=vt100, ASCII locale" \
	"No colour; the ASCII twin of the picture."
kiosk_stop
cp "$md" "$OUT"
echo "wrote $OUT"
