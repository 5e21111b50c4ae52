# staff suite: list, show and stats on a fixed database (tests/export/
# fixture.py): the table fits the width and shows no names; show puts
# stops first, prints labels not codes, makes control characters visible,
# and --json parses; stats counts and draws bars within the width.
. tests/lib.sh
export TZ=UTC
DB=$TESTTMP/t.db
python3 tests/export/fixture.py "$DB" tricky || exit 1

# widest FILE: the widest line in terminal columns.
widest() {
	python3 -c 'import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$1"
}

# list
"$BIN" list --db "$DB" >"$TESTTMP/list" 2>&1
expect_eq "staff-1 list exits 0" $? 0
expect_eq "staff-1 list rows in start order" "$(sed -n '2,5p' \
    "$TESTTMP/list" | cut -c1-8 | tr '\n' ' ')" \
    "a0000000 b0000000 c0000000 d0000000 "
expect_eq "staff-1 list count line" "$(tail -1 "$TESTTMP/list")" "4 intakes"
sed -n 3p "$TESTTMP/list" | grep -q "^b0000000  not-offered  -           2026-06-10 10:00  completed    -      lobby-1$"
expect_eq "staff-1 list columns" $? 0
if grep -q "José\|Zoë\|clear\|evil" "$TESTTMP/list"; then
	not_ok "staff-1 list shows no names"
else ok "staff-1 list shows no names"; fi
for w in 40 60 132; do
	COLUMNS=$w "$BIN" list --db "$DB" >"$TESTTMP/lw"
	[ "$(widest "$TESTTMP/lw")" -le $w ]
	expect_eq "staff-1 list fits $w columns" $? 0
done
"$BIN" list --db "$DB" </dev/null | cat >"$TESTTMP/lp"
[ "$(widest "$TESTTMP/lp")" -le 80 ]
expect_eq "staff-1 list not on a tty: 80 columns" $? 0
expect_eq "staff-1 list --status" "$("$BIN" list --db "$DB" --status \
    abandoned | sed -n 2p | cut -c1-8)" c0000000
expect_eq "staff-1 list --since --until inclusive" "$("$BIN" list --db \
    "$DB" --since 2026-06-12 --until 2026-06-14 | tail -1)" "2 intakes"
"$BIN" list --db "$DB" --until 2026-6-1 >/dev/null 2>"$TESTTMP/err"
expect_eq "staff-1 list bad date exits 64" $? 64
grep -q "until.*YYYY-MM-DD" "$TESTTMP/err"
expect_eq "staff-1 list bad date message" $? 0
"$BIN" list --db "$DB" --status done >/dev/null 2>&1
expect_eq "staff-1 list bad status exits 64" $? 64
"$BIN" list --db "$TESTTMP/none.db" >/dev/null 2>&1
expect_eq "staff-1 list missing database exits 66" $? 66
SMP_INTAKE_DB="$DB" "$BIN" list >/dev/null 2>&1
expect_eq "staff-1 list reads SMP_INTAKE_DB" $? 0

# show
"$BIN" show --db "$DB" b0000000 >"$TESTTMP/show" 2>&1
expect_eq "staff-2 show by 8-character prefix" $? 0
outc=$(grep -n "^  Outcome            NOT OFFERED: do not book$" "$TESTTMP/show" | cut -d: -f1)
stop=$(grep -n "STOP: Under 18" "$TESTTMP/show" | cut -d: -f1)
score=$(grep -n "^  Score              not computed (a stop applies)$" \
    "$TESTTMP/show" | cut -d: -f1)
flag=$(grep -n "? Keloid history" "$TESTTMP/show" | cut -d: -f1)
[ "$outc" = 3 ] && [ -n "$stop" ] && [ -n "$score" ] && [ -n "$flag" ] && \
    [ "$stop" -lt "$score" ] && [ "$score" -lt "$flag" ]
expect_eq "staff-2 show: outcome first, then stop, no score, then flags" $? 0
grep -q "Band\|good\|75" "$TESTTMP/show"
expect_eq "staff-2 show: a stopped intake shows no band or score" $? 1
grep -q "Date of birth      2010-01-01 (age 16)" "$TESTTMP/show"
expect_eq "staff-2 show: date of birth with age" $? 0
grep -q "^      Receding hairline or thinning crown$" "$TESTTMP/show"
expect_eq "staff-2 show: option labels" $? 0
grep -q "^      male$\|^      yes$" "$TESTTMP/show"
expect_eq "staff-2 show: no codes for answers" $? 1
grep -q "^      More density, A new hairline$" "$TESTTMP/show"
expect_eq "staff-2 show: multi as labels" $? 0
"$BIN" show --db "$DB" d0000000 >"$TESTTMP/showd"
grep -q '\^\[\[2Jclear' "$TESTTMP/showd"
expect_eq "staff-2 show: ESC[2J printed visibly" $? 0
if grep -q "$(printf '\033')" "$TESTTMP/showd" "$TESTTMP/show"; then
	not_ok "staff-2 show: no raw ESC reaches the terminal"
else ok "staff-2 show: no raw ESC reaches the terminal"; fi
"$BIN" show --db "$DB" c0000000 >"$TESTTMP/showc"
grep -q "<U+202E>evil" "$TESTTMP/showc"
expect_eq "staff-2 show: bidi override made visible" $? 0
grep -q "מרحبا\|مرحبا שלום" "$TESTTMP/showc"
expect_eq "staff-2 show: right-to-left text kept" $? 0
"$BIN" show --db "$DB" --lang es b0000000 | grep -q \
    "Entradas o coronilla despoblada"
expect_eq "staff-2 show --lang es" $? 0
"$BIN" show --db "$DB" --lang fr b0000000 >/dev/null 2>&1
expect_eq "staff-2 show unknown language exits 64" $? 64
"$BIN" show --db "$DB" a000 >/dev/null 2>&1
expect_eq "staff-2 show short prefix exits 64" $? 64
"$BIN" show --db "$DB" e0000000 >/dev/null 2>&1
expect_eq "staff-2 show unknown id exits 66" $? 66
"$BIN" show --db "$DB" --json b0000000 >"$TESTTMP/json"
python3 - "$TESTTMP/json" <<'PY' >"$TESTTMP/jout" 2>&1
import json, sys
j = json.load(open(sys.argv[1]))
assert j["id"] == "b0000000-0000-4000-8000-000000000000"
assert j["outcome"] == "not-offered"
assert j["score"] is None and j["band"] is None and j["band_text"] is None
assert j["score_internal"] is None
assert [s["code"] for s in j["stops"]] == ["minor"]
assert [f["code"] for f in j["flags"]] == ["keloid_history"]
a = {x["question"]: x for x in j["answers"]}
assert a["name"]["value"] == 'Zoë "Z" O\'Neil, Jr.'
assert a["birth_date"]["age"] == 16
assert a["pattern"]["display"] == "Receding hairline or thinning crown"
assert a["notes"]["value"].startswith('=HYPERLINK("http://x"')
assert list(a)[:3] == ["welcome", "name", "birth_date"]
print("ok")
PY
expect_eq "staff-2 show --json parses with every part" "$(cat "$TESTTMP/jout")" ok
"$BIN" show --db "$DB" --json d0000000 | python3 -c 'import json, sys
j = json.load(sys.stdin)
assert j["answers"][0]["value"] == "\x1b[2Jclear"' 2>/dev/null
expect_eq "staff-2 show --json keeps values exact" $? 0
"$BIN" show --db "$DB" --json d0000000 | grep -q "$(printf '\033')"
expect_eq "staff-2 show --json escapes ESC" $? 1
sqlite3 "$DB" "SELECT detail FROM audit WHERE action = 'show'" | \
    grep -q "^b0000000-0000-4000-8000-000000000000$"
expect_eq "staff-2 show is audited with the id only" $? 0

# stats
COLUMNS=70 "$BIN" stats --db "$DB" >"$TESTTMP/stats" 2>&1
expect_eq "staff-3 stats exits 0" $? 0
for s in "By status" "By outcome" "By week started" "Stops" "Flags"; do
	grep -q "^$s$" "$TESTTMP/stats"
	expect_eq "staff-3 stats has '$s'" $? 0
done
grep -q "^  completed   2 █" "$TESTTMP/stats"
expect_eq "staff-3 stats status count and bar" $? 0
grep -q "^  2026-W24 3 " "$TESTTMP/stats"
expect_eq "staff-3 stats ISO weeks" $? 0
grep -q "^  Keloid history: test patch first (keloid_history) 2 \|Keloid.* 2 █" \
    "$TESTTMP/stats"
expect_eq "staff-3 stats flags by rule" $? 0
[ "$(widest "$TESTTMP/stats")" -le 70 ]
expect_eq "staff-3 stats fits 70 columns" $? 0
LC_ALL=C COLUMNS=70 "$BIN" stats --db "$DB" | grep -q "^  completed   2 ##"
expect_eq "staff-3 stats '#' bars outside UTF-8" $? 0
"$BIN" stats --db "$DB" --by pattern,goals >"$TESTTMP/by"
grep -q "^By Which best describes your hair loss?$" "$TESTTMP/by" &&
    grep -q "^  More density *2 " "$TESTTMP/by"
expect_eq "staff-3 stats --by question, multi counted per option" $? 0
expect_eq "staff-3 stats --since filters" "$("$BIN" stats --db "$DB" \
    --since 2026-06-11 | sed -n '/^By status/,/^$/p' | grep -c '^  ')" 2
"$BIN" stats --db "$DB" --since yesterday >/dev/null 2>&1
expect_eq "staff-3 stats bad date exits 64" $? 64
