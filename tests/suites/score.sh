#!/usr/bin/env bash
# score.sh: "smp-intake score" on answers files (tests/answers/) against
# tests/forms/score.form: band, stops, flags, explanation, JSON, and every
# kind of problem with its exact message and exit status.
. tests/lib.sh
FORM=tests/forms/score.form
A=tests/answers

# run NAME ARGS...: run the score command; out/err/rc in $TESTTMP.
run() {
	"$BIN" score "$@" >"$TESTTMP/stdout" 2>"$TESTTMP/stderr"
	echo $? >"$TESTTMP/rc"
}
rc() { cat "$TESTTMP/rc"; }
out() { cat "$TESTTMP/stdout"; }
err() { cat "$TESTTMP/stderr"; }
# has NAME FILE TEXT: the output file holds the exact line TEXT.
has() { if grep -qxF -- "$3" "$TESTTMP/$2"; then ok "$1"; else
	not_ok "$1" "no line '$3' in $2:
$(cat "$TESTTMP/$2")"; fi; }

run --form "$FORM" "$A/good.csv"
expect_eq "score-1.1 good answers exit 0" 0 "$(rc)"
expect_eq "score-1.2 score and band" "Score 45/100 — Fair candidate" \
	"$(out | sed -n 2p)"
expect_eq "score-1.2b the outcome comes first: the band, no stop" \
	"Outcome: fair (Fair candidate)" "$(out | head -n 1)"
has "score-1.3 flag listed" stdout "  - Keloid history: test patch first"
has "score-1.4 option points explained" stdout \
	"  Norwood stage: Stage 5: +15 points"
has "score-1.5 rule points explained" stdout \
	"  Willing to keep hair clipped: +40 points"
has "score-1.6 first of a group only" stdout "  - Lighter pigment"
has "score-1.7 ungrouped recommendation" stdout "  - Numbing cream"
has "score-1.8 total" stdout "  Total: 45"
expect_eq "score-1.9 nothing on stderr" "" "$(err)"

run --form "$FORM" --lang es "$A/good.csv"
expect_eq "score-2.1 Spanish band" "Score 45/100 — Candidato aceptable" \
	"$(out | sed -n 2p)"
expect_eq "score-2.1b Spanish outcome" "Resultado: fair (Candidato aceptable)" \
	"$(out | head -n 1)"
has "score-2.2 Spanish explanation" stdout \
	"  Estadio Norwood: Estadio 5: +15 points"

run --form "$FORM" --json "$A/good.csv"
expect_eq "score-3.1 --json exit 0" 0 "$(rc)"
got=$(python3 -c 'import json,sys
r = json.load(sys.stdin)
print(r["score"], r["raw"], r["band"]["id"], r["band"]["text"],
    len(r["stops"]), [f["id"] for f in r["flags"]],
    [(x["id"], x["group"]) for x in r["recommendations"]],
    [(x["code"], x["points"]) for x in r["explanation"]])' <"$TESTTMP/stdout" 2>&1)
expect_eq "score-3.2 JSON fields" "45 45 fair Fair candidate 0 ['keloid_test'] \
[('light', 'pigment'), ('followup', None)] [('pattern=male', 5), \
('norwood=n5', 15), ('worries=cost', -5), ('worries=pain', -10), \
('clip_bonus', 40)]" "$got"

run --form "$FORM" --json "$A/minor.csv"
got=$(python3 -c 'import json,sys
r = json.load(sys.stdin)
print(r["outcome"], r["score"], r["band"], r.get("explanation"),
    [(s["id"], s["kind"], s["text"], s["client"]) for s in r["stops"]])' \
	<"$TESTTMP/stdout" 2>&1)
expect_eq "score-3.3 JSON: not offered, no score, no band, the stop's kind and client text" \
	"not-offered None None [] [('minor', 'not-offered', 'Under 18: SMP is not offered', 'We can only offer SMP from age 18.')]" \
	"$got"

run --form "$FORM" "$A/minor.csv"
expect_eq "score-4.1 a stop exits 0" 0 "$(rc)"
expect_eq "score-4.1b a hard stop is not scored" \
	"Outcome: NOT OFFERED|Not scored (a hard stop applies)" \
	"$(out | sed -n 1p)|$(out | sed -n 2p)"
has "score-4.2 stops come first" stdout "STOPS (a stop overrides the score):"
expect_eq "score-4.3 stop listed under STOPS" \
	"  - Under 18: SMP is not offered" \
	"$(out | sed -n '/^STOPS/{n;p;}')"

run --form "$FORM" "$A/clamp.csv"
expect_eq "score-4.4 clamped to 100" "Score 100/100 — Good candidate" \
	"$(out | sed -n 2p)"
has "score-4.5 raw total shown" stdout \
	"  Total: 280, counted as 100 (scores run from 0 to 100)"

run --form "$FORM" "$A/bom_crlf.csv"
expect_eq "score-5.1 BOM, CRLF, blank line, quoted fields" \
	"0 Score 30/100 — Not a good candidate" "$(rc) $(out | sed -n 2p)"

run --form "$FORM" "$A/hidden.csv"
expect_eq "score-5.2 hidden answer: warned, scored without it" \
	"0|tests/answers/hidden.csv:5: ignored: 'norwood' is not asked for these answers|Score 0/100 — Not a good candidate" \
	"$(rc)|$(err)|$(out | sed -n 2p)"

run --form "$FORM" "$A/errors.csv"
expect_eq "score-6.1 bad answers exit 65" 65 "$(rc)"
expect_eq "score-6.2 every problem named" \
"tests/answers/errors.csv:6: unknown question 'colour'
tests/answers/errors.csv:3: dob: That date does not exist. Please check the day and the month.
tests/answers/errors.csv:7: keloid: Please choose one of the options shown.
tests/answers/errors.csv:8: nickname: That does not look right. Please check what you typed.
tests/answers/errors.csv:5: ignored: 'norwood' is not asked for these answers
tests/answers/errors.csv: 4 problems; not scored" "$(err)"
expect_eq "score-6.3 nothing on stdout" "" "$(out)"

run --form "$FORM" "$A/missing.csv"
expect_eq "score-6.4 missing required answers" \
"65|tests/answers/missing.csv: missing required answer: 'dob' (Your date of birth)
tests/answers/missing.csv: missing required answer: 'norwood' (Which picture looks most like your head?)
tests/answers/missing.csv: missing acknowledgement: 'consent' (Consent): add the row \"consent,agreed\"
tests/answers/missing.csv: 3 problems; not scored" "$(rc)|$(err)"

# A required question given with an empty value is missing too, named
# with its line (record says the same, tests/suites/store.sh).
sed 's/^dob,.*/dob,/' "$A/good.csv" >"$TESTTMP/empty.csv"
run --form "$FORM" "$TESTTMP/empty.csv"
expect_eq "score-6.4b an empty required value is missing, with its line" \
"65|$TESTTMP/empty.csv:3: missing required answer: 'dob' (Your date of birth): the value is empty
$TESTTMP/empty.csv: 1 problem; not scored" "$(rc)|$(err)"

run --form "$FORM" "$A/badheader.csv"
expect_eq "score-6.5 bad header" \
	"65|tests/answers/badheader.csv:1: the first line must be the header \"question,value\"" \
	"$(rc)|$(err)"

run --form "$FORM" "$A/badquote.csv"
expect_eq "score-6.6 unterminated quote" \
	"65|tests/answers/badquote.csv:2: malformed CSV (check the quotes)" \
	"$(rc)|$(err)"

printf 'question,value\ndob,1980-05-01\ndob,1981-05-01\n' >"$TESTTMP/twice.csv"
run --form "$FORM" "$TESTTMP/twice.csv"
has "score-6.7 answered twice" stderr \
	"$TESTTMP/twice.csv:3: 'dob' is answered twice (first on line 2)"

run --form "$FORM" "$A/nonexistent.csv"
expect_eq "score-7.1 missing answers file exits 66" 66 "$(rc)"
run --form tests/forms/nonexistent.form "$A/good.csv"
expect_eq "score-7.2 missing form exits 66" 66 "$(rc)"
printf 'form broken\n  version 0\n' >"$TESTTMP/broken.form"
run --form "$TESTTMP/broken.form" "$A/good.csv"
expect_eq "score-7.3 bad form exits 65" 65 "$(rc)"
run "$A/good.csv"
expect_eq "score-7.4 no --form is a usage error" 64 "$(rc)"
run --form "$FORM" --lang fr "$A/good.csv"
expect_eq "score-7.5 unknown language is a usage error" 64 "$(rc)"
run --help
expect_eq "score-7.6 --help" "0" "$(rc)"
has "score-7.7 --help shows usage" stdout \
	"usage: smp-intake score --form FORM [--json] [--lang CODE] ANSWERS.csv"
