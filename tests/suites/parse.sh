#!/usr/bin/env bash
# parse.sh: the malformed-forms corpus and the check/print sub-commands.
#
# Each tests/parse/NNN-name.form must make "smp-intake check" exit 65 with
# exactly tests/parse/NNN-name.expected on stderr; forms/*.form and
# tests/parse/ok-*.form must pass.  A 1 MB line and a 20,000-question form
# are generated here rather than committed.
. tests/lib.sh

for f in tests/parse/[0-9]*.form; do
	name=parse-$(basename "$f" .form)
	"$BIN" check "$f" >"$TESTTMP/out" 2>"$TESTTMP/err"; rc=$?
	if [ "$rc" -ne 65 ]; then
		not_ok "$name" "exit $rc, expected 65"
	elif ! cmp -s "$TESTTMP/err" "${f%.form}.expected"; then
		not_ok "$name" "$(diff "${f%.form}.expected" "$TESTTMP/err")"
	elif [ -s "$TESTTMP/out" ]; then
		not_ok "$name" "stdout not empty: $(cat "$TESTTMP/out")"
	else
		ok "$name"
	fi
done

n=$(ls tests/parse/[0-9]*.form | wc -l)
[ "$n" -ge 45 ] && ok "parse-corpus-size ($n)" || not_ok "parse-corpus-size" "$n"

for f in forms/*.form tests/parse/ok-*.form; do
	[ -f "$f" ] || continue
	"$BIN" check "$f" >"$TESTTMP/out" 2>"$TESTTMP/err"; rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$TESTTMP/err" ] &&
	    grep -q "^$f: ok: form " "$TESTTMP/out"; then
		ok "check-ok $f"
	else
		not_ok "check-ok $f" "exit $rc: $(cat "$TESTTMP/out" "$TESTTMP/err")"
	fi
done

# The summary line's exact shape.
expect_eq check-summary \
    "forms/minimal.form: ok: form minimal v2, 2 sections, 9 questions, 1 screen, 4 rules, languages en es" \
    "$("$BIN" check forms/minimal.form 2>&1)"

# A 1 MB line: refused quickly with one message; the lines after it count.
big="$TESTTMP/big.form"
{
	printf 'form t\nlanguages en\ntitle en "T"\nquestion a text\n  label en "'
	head -c 1048576 /dev/zero | tr '\0' x
	printf '"\nquestion b choise\n'
} >"$big"
"$BIN" check "$big" >/dev/null 2>"$TESTTMP/err"; rc=$?
expect_eq parse-1mb-line-status 65 "$rc"
expect_eq parse-1mb-line "$big:5:1: line is too long (more than 10000 bytes)
$big:6:12: unknown question type 'choise' (did you mean 'choice'?)" \
    "$(cat "$TESTTMP/err")"

# Several forms at once: the worst status wins, each form reported.
"$BIN" check forms/minimal.form tests/parse/001-empty.form >"$TESTTMP/p.txt" \
    2>"$TESTTMP/err"; rc=$?
expect_eq check-several-status 65 "$rc"
check check-several-ok-line grep -q '^forms/minimal.form: ok' "$TESTTMP/p.txt"
"$BIN" check forms/minimal.form "$TESTTMP/missing.form" >/dev/null 2>"$TESTTMP/err"
expect_eq check-missing-file 66 "$?"
check check-missing-file-message grep -q "missing.form: No such file" \
    "$TESTTMP/err"
"$BIN" check >/dev/null 2>&1
expect_eq check-usage 64 "$?"
"$BIN" check --bogus forms/minimal.form >/dev/null 2>&1
expect_eq check-bad-option 64 "$?"
check check-help "$BIN" check --help
check check-phrases sh -c "'$BIN' check --phrases | grep -q '^err-required  *Please answer'"

# 20,000 questions: linear parsing keeps this well under the deadline.
gen="$TESTTMP/gen.form"
awk 'BEGIN {
	print "form gen"; print "languages en es"
	print "title en \"G\""; print "title es \"G\""
	for (i = 0; i < 20000; i++) {
		printf "question q%d choice show if answered(q%d)\n", i, (i > 0 ? i - 1 : 0)
		printf "  label en \"Q%d\"\n  label es \"P%d\"\n", i, i
		printf "  option a points 1\n    label en \"A\"\n    label es \"A\"\n"
	}
}' | sed 's/^question q0 choice show if answered(q0)$/question q0 choice/' >"$gen"
if timeout 30 "$BIN" check "$gen" >"$TESTTMP/out" 2>&1; then
	ok check-20000-questions
else
	not_ok check-20000-questions "$(head -5 "$TESTTMP/out")"
fi

# print: the paper form.
"$BIN" print forms/minimal.form >"$TESTTMP/p.txt" 2>&1; rc=$?
expect_eq print-status 0 "$rc"
check print-title grep -qx 'A short consultation' "$TESTTMP/p.txt"
check print-numbered grep -qx '3. Which best describes your hair loss? (required)' "$TESTTMP/p.txt"
check print-option-box grep -qx '   \[ \] No hair loss (none)' "$TESTTMP/p.txt"
# Conditions in words from the question's and options' labels, never code.
check print-condition grep -qx '   Answer only if you answered "Receding hairline or thinning crown" to "Which' "$TESTTMP/p.txt"
check print-multi-hint grep -qx '   (tick all that apply)' "$TESTTMP/p.txt"
check print-date-hint grep -qx '   (date, day/month/year)' "$TESTTMP/p.txt"
# Paper in Spanish: the hints are translated too, not only the form's texts.
"$BIN" print forms/smp-consultation.form --lang es >"$TESTTMP/es.txt" 2>&1
check print-es-choose-hint grep -qx '   (elija una)' "$TESTTMP/es.txt"
# issue 11 item 7: "not (age(birth_date) < 18)" is said in words, in the
# form's language; no condition shows form code.
"$BIN" print forms/smp-consultation.form >"$TESTTMP/en.txt" 2>&1
check print-section-if-words grep -qx '(Answer this section only if you are 18 or over.)' "$TESTTMP/en.txt"
check print-es-section-if-words grep -qx '(Responda a esta sección solo si tiene 18 años o más.)' "$TESTTMP/es.txt"
check print-es-options-quoted grep -q 'respondió «Por correo electrónico» o' "$TESTTMP/es.txt"
# Every form of condition is said in words; one with no wording of its own
# gets the generic phrase, never code; "not" flips and/or (De Morgan).
cat >"$TESTTMP/words.form" <<'EOF'
form words
  version 1
  languages en
  title en "Words"

question name text
  label en "Your name"

question visits integer
  label en "How many visits?"

question kind choice
  label en "Which kind?"
  option a
    label en "Kind A"
  option b
    label en "Kind B"

question extras multi
  label en "Any extras?"
  option x
    label en "Extra X"
  option none exclusive
    label en "None"

question q1 text show if len(name) > 3
  label en "Q one"

question q2 text show if not (visits >= 2 and kind == "a")
  label en "Q two"

question q3 text show if has(extras, "x") or not answered(name)
  label en "Q three"
EOF
"$BIN" print "$TESTTMP/words.form" >"$TESTTMP/w.txt" 2>&1
words() { tr '\n' ' ' <"$TESTTMP/w.txt" | tr -s ' ' | grep -qF -- "$1"; }
check print-words-fallback words 'Answer only if your earlier answers call for it.'
check print-words-de-morgan words 'Answer only if your answer to "How many visits?" is less than 2 or you did not answer "Kind A" to "Which kind?".'
check print-words-has-answered words 'Answer only if you ticked "Extra X" for "Any extras?" or you did not answer "Your name".'
check print-es-picture-labels eval 'grep -q -- "- frente -" "$TESTTMP/es.txt" && ! grep -qw "front\|back" "$TESTTMP/es.txt"'
if grep -nE 'age\(|[^=]==[^=]| in \("|has\(' "$TESTTMP/en.txt" "$TESTTMP/es.txt" >"$TESTTMP/code.txt"; then
	not_ok print-no-form-code "$(head -3 "$TESTTMP/code.txt")"
else
	ok print-no-form-code
fi
check print-es-required grep -q '(obligatoria)$' "$TESTTMP/es.txt"
check print-es-condition grep -q '^   Responda solo si respondió ' "$TESTTMP/es.txt"
if grep -q '(choose one)\|(required)\|Answer only if\|tick all that apply' \
    "$TESTTMP/es.txt"; then
	not_ok print-es-no-english-hints "$(grep -n '(choose one)\|(required)\|Answer only if' "$TESTTMP/es.txt" | head -3)"
else
	ok print-es-no-english-hints
fi
check print-yesno grep -qx '   \[ \] Yes (yes)' "$TESTTMP/p.txt"
check print-screen grep -qx '\[ \] I understand' "$TESTTMP/p.txt"
if grep -qi 'points\|band\|Keloid history\|Under 18' "$TESTTMP/p.txt"; then
	not_ok print-no-scores "$(grep -i 'points\|band' "$TESTTMP/p.txt")"
else
	ok print-no-scores
fi
"$BIN" print --lang es forms/minimal.form >"$TESTTMP/p.txt" 2>&1
check print-lang-es grep -qx '   \[ \] Sí (yes)' "$TESTTMP/p.txt"
"$BIN" print forms/minimal.form --lang fr >/dev/null 2>"$TESTTMP/err"
expect_eq print-unknown-lang 64 "$?"
check print-unknown-lang-lists grep -q "the form has: en es" "$TESTTMP/err"
"$BIN" print tests/parse/004-unknown-keyword.form >/dev/null 2>"$TESTTMP/err"
expect_eq print-bad-form 65 "$?"
"$BIN" print "$TESTTMP/nope.form" >/dev/null 2>&1
expect_eq print-missing 66 "$?"
check print-help "$BIN" print --help
"$BIN" print tests/parse/ok-art.form >"$TESTTMP/p.txt" 2>&1
check print-art-verbatim grep -qx '         > ^ <' "$TESTTMP/p.txt"
check print-art-option grep -qx '       ####################################' "$TESTTMP/p.txt"
"$BIN" print forms/minimal.form >"$TESTTMP/p.txt" 2>&1
check print-scale grep -qx '   (choose one number from 1 to 5; 1 = Unhappy; 5 = Happy)' "$TESTTMP/p.txt"
check print-integer grep -qx '   (whole number, from 1 to 7)' "$TESTTMP/p.txt"
check print-section grep -qx 'About you' "$TESTTMP/p.txt"
w=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$TESTTMP/p.txt")
[ "$w" -le 78 ] && ok "print-width ($w)" || not_ok print-width "$w columns"
"$BIN" check tests/parse >/dev/null 2>&1
expect_eq check-directory 66 "$?"
exit 0
