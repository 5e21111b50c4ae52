#!/usr/bin/env bash
# outcome.sh: issue 11.  Clients of every stop kind and one without a stop,
# recorded with the shipped form, read back through every staff view: the
# outcome comes first, and no stopped intake shows a band or a score in
# `list`, `show` (text and JSON, English and Spanish), the wide and long
# exports or `stats`.  (The staff menu's list is checked in
# tests/unit/test_kiosk.c, test_staff_outcomes.)
. tests/lib.sh
export SMP_TODAY=2026-06-15 TZ=UTC
FORM=forms/smp-consultation.form
DB=$TESTTMP/o.db
P=tests/profiles

# The bands' ids and the first words of their texts, in both languages:
# none of them may appear on a stopped intake's line or page.
# ("review" is the id of a band but also an everyday word: its text stands
# for it.)
BANDS='\b(excellent|good|conversation)\b|Excellent candidate|Good candidate|Needs practitioner review|Needs a conversation|Candidato excelente|Buen candidato'

declare -A ID
for p in under18 isotretinoin-4-months pregnant keloid-fitz6 ideal-norwood5; do
	ID[$p]=$("$BIN" record --form "$FORM" --db "$DB" "$P/$p.csv" 2>/dev/null)
	[ -n "${ID[$p]}" ] || { not_ok "record $p"; exit 0; }
done
ok "record one client of each stop kind and one without a stop"

# list: outcome, re-check date, and a score only without a stop.
"$BIN" list --db "$DB" >"$TESTTMP/list"
row() { grep "^${ID[$1]:0:8}" "$TESTTMP/list"; }
expect_eq "list: not offered" "not-offered|-|-" \
	"$(row under18 | awk '{print $2"|"$3"|"$7}')"
expect_eq "list: deferred with its re-check date" "deferred|2026-08-28|-" \
	"$(row isotretinoin-4-months | awk '{print $2"|"$3"|"$7}')"
expect_eq "list: deferred without a date" "deferred|-|-" \
	"$(row pregnant | awk '{print $2"|"$3"|"$7}')"
expect_eq "list: pending clearance, no score" "clearance|-|-" \
	"$(row keloid-fitz6 | awk '{print $2"|"$3"|"$7}')"
expect_eq "list: no stop: the band is the outcome, with its score" \
	"excellent|-|100" "$(row ideal-norwood5 | awk '{print $2"|"$3"|"$7}')"

for p in under18 isotretinoin-4-months pregnant keloid-fitz6; do
	if row "$p" | grep -Eq "$BANDS"; then
		not_ok "list: $p shows no band" "$(row "$p")"
	else ok "list: $p shows no band"; fi
	for lang in en es; do
		"$BIN" show --db "$DB" --lang $lang "${ID[$p]}" >"$TESTTMP/show"
		if grep -Eq "$BANDS|Band|Categoría|[0-9]+/100" "$TESTTMP/show"; then
			not_ok "show --lang $lang: $p shows no band or score" \
			    "$(grep -En "$BANDS|Band|Categoría|[0-9]+/100" "$TESTTMP/show")"
		else ok "show --lang $lang: $p shows no band or score"; fi
	done
	"$BIN" show --db "$DB" --json "${ID[$p]}" | python3 -c 'import json, sys
j = json.load(sys.stdin)
assert j["band"] is None and j["band_text"] is None and j["score"] is None, j
print(j["outcome"], j["recheck"])' >"$TESTTMP/j" 2>&1
	check "show --json: $p has an outcome, no band, no score" \
		grep -Eq "^(not-offered|deferred|clearance) " "$TESTTMP/j"
done

# show: the outcome is the first line after the id, in the staff's language.
"$BIN" show --db "$DB" "${ID[isotretinoin-4-months]}" >"$TESTTMP/s"
expect_eq "show: outcome first, then its re-check date" \
	"  Outcome            DEFERRED: not suitable right now, do not book|  Re-check from      2026-08-28" \
	"$(sed -n 3p "$TESTTMP/s")|$(sed -n 4p "$TESTTMP/s")"
"$BIN" show --db "$DB" --lang es "${ID[pregnant]}" >"$TESTTMP/s"
expect_eq "show --lang es: headings in Spanish" \
	"Consulta|  Resultado          APLAZADO: no es el momento, no dar cita" \
	"$(sed -n 1p "$TESTTMP/s" | cut -d' ' -f1)|$(sed -n 3p "$TESTTMP/s")"
grep -q "^  Hasta              cuando termine la lactancia$" "$TESTTMP/s"
expect_eq "show --lang es: what a deferral waits for, in Spanish" $? 0
if grep -Eq "^  (Started|Completed|Status|Form|Band) |\(age [0-9]" "$TESTTMP/s"; then
	not_ok "show --lang es: no English heading" "$(grep -E "^  (Started|Completed|Status|Form|Band) |\(age" "$TESTTMP/s")"
else ok "show --lang es: no English heading"; fi
grep -q "(edad " "$TESTTMP/s"
expect_eq "show --lang es: the age in Spanish" $? 0
"$BIN" show --db "$DB" "${ID[keloid-fitz6]}" >"$TESTTMP/s"
grep -q "^  Needs              a doctor's note about keloid scarring, then a test patch$" "$TESTTMP/s"
expect_eq "show: a clearance says what is needed" $? 0

# Exports: the outcome column; score and band empty whenever a stop applies.
for fmt in wide long; do
	"$BIN" export --db "$DB" --format $fmt >"$TESTTMP/$fmt.csv"
	python3 - "$TESTTMP/$fmt.csv" "$fmt" <<'PY' >"$TESTTMP/x" 2>&1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows, "no rows"
assert list(rows[0])[:2] == ["intake_id", "outcome"], list(rows[0])[:3]
seen = set()
for r in rows:
    seen.add(r["outcome"])
    if sys.argv[2] == "wide" and r["outcome"] in ("not-offered", "deferred", "clearance"):
        assert r["score"] == "" and r["band"] == "", r
        assert r["stops"] != "", r
assert seen == {"not-offered", "deferred", "clearance", "excellent"}, seen
print("ok")
PY
	expect_eq "export $fmt: outcome column, no band or score for a stop" ok "$(cat "$TESTTMP/x")"
done
python3 - "$TESTTMP/wide.csv" <<'PY' >"$TESTTMP/x" 2>&1
import csv, sys
r = {x["outcome"] + x["recheck"]: x for x in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
print(sorted(r))
PY
expect_eq "export wide: the re-check date" \
	"['clearance', 'deferred', 'deferred2026-08-28', 'excellent', 'not-offered']" "$(cat "$TESTTMP/x")"
"$BIN" export --db "$DB" >"$TESTTMP/again.csv"
check "export: deterministic" cmp -s "$TESTTMP/wide.csv" "$TESTTMP/again.csv"

# stats: by outcome, never by a band that hides the stops.
COLUMNS=100 "$BIN" stats --db "$DB" >"$TESTTMP/stats"
sed -n '/^By outcome$/,/^$/p' "$TESTTMP/stats" >"$TESTTMP/by"
check "stats: by outcome, deferred counted twice" \
	grep -Eq "^  deferred: a stop.* 2 " "$TESTTMP/by"
check "stats: by outcome, one band" grep -Eq "^  excellent: Excellent candidate.* 1 " "$TESTTMP/by"
if grep -q "^By band$" "$TESTTMP/stats"; then not_ok "stats: no chart by band"
else ok "stats: no chart by band"; fi
