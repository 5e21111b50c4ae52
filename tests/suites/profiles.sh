#!/usr/bin/env bash
# profiles.sh: client profiles scored against the shipped consultation form.
#
# Each tests/profiles/NAME.csv is one client's answers (header question,value;
# multi values joined by ';'; agreed screens as "screen_id,agreed").  Beside
# it, NAME.expect lists what an SMP practitioner expects from the domain notes
# (shared/domain.md), one expectation a line ('#' starts a comment):
#
#   band ID               the band is ID
#   band-in ID ID...      the band is one of these
#   points-min N          score >= N          points-max N   score <= N
#   stop ID / no-stop ID  the stop is (is not) raised;  no-stop alone: no stop at all
#   flag ID / no-flag ID  the flag is (is not) raised;  no-flags: no flag at all
#   recommend ID / no-recommend ID
#   contains TEXT         some text of the result (stop, client, flag,
#   lacks TEXT            recommendation, band, explanation) contains TEXT / none does
#   lang CODE             score with --lang CODE
#   same-as NAME          same score, band, stops, flags and recommendations as NAME
#   outcome KIND          band, clearance, deferred or not-offered (issue 11)
#   recheck DATE / no-recheck / recheck-unknown   the deferral's re-check date
#   note-contains TEXT    what the outcome waits for contains TEXT
#   no-band               neither band nor score (a stop applies)
#
# The profiles are scored with `smp-intake score --form ... --json` and
# SMP_TODAY fixed by the runner (2026-06-15), so ages are stable.
# One TAP line per profile; the diagnostic lists every expectation missed.
. tests/lib.sh
FORM=forms/smp-consultation.form
export SMP_TODAY=${SMP_TODAY:-2026-06-15}

check "form: check accepts the shipped form" "$BIN" check "$FORM"

n=$(ls tests/profiles/*.csv | wc -l)
if [ "$n" -ge 22 ]; then ok "profiles: at least 22 ($n)"; else not_ok "profiles: at least 22 ($n)"; fi

for csv in tests/profiles/*.csv; do
	name=$(basename "$csv" .csv)
	exp=tests/profiles/$name.expect
	if [ ! -f "$exp" ]; then not_ok "profile $name" "no $exp"; continue; fi
	out=$(python3 - "$BIN" "$FORM" "$csv" "$exp" 2>&1 <<'PY'
import json, subprocess, sys
bin_, form, csv, exp = sys.argv[1:5]

def score(path, lang):
    cmd = [bin_, "score", "--form", form, "--json"]
    if lang:
        cmd += ["--lang", lang]
    p = subprocess.run(cmd + [path], capture_output=True, text=True)
    if p.returncode != 0:
        print(f"score exited {p.returncode}: {p.stderr.strip()}")
        sys.exit(1)
    return json.loads(p.stdout)

def ids(r, key):
    return [x["id"] for x in r.get(key, [])]

def texts(r):
    out = [r["band"]["text"]] if r.get("band") else []
    for key in ("stops", "flags", "recommendations", "explanation"):
        for x in r.get(key, []):
            out += [x.get("text", ""), x.get("client", "") or ""]
    return out

def summary(r):
    return (r["score"], (r.get("band") or {}).get("id"), ids(r, "stops"),
            ids(r, "flags"), ids(r, "recommendations"))

lines = [l.strip() for l in open(exp, encoding="utf-8")]
lines = [l for l in lines if l and not l.startswith("#")]
lang = next((l.split()[1] for l in lines if l.startswith("lang ")), None)
r = score(csv, lang)
band = (r.get("band") or {}).get("id")
stops, flags, recs = ids(r, "stops"), ids(r, "flags"), ids(r, "recommendations")
alltext = texts(r)
bad = []
for l in lines:
    word, _, arg = l.partition(" ")
    args = arg.split()
    if word == "band": good = band == arg
    elif word == "band-in": good = band in args
    elif word == "points-min": good = r["score"] >= int(arg)
    elif word == "points-max": good = r["score"] <= int(arg)
    elif word == "stop": good = arg in stops
    elif word == "no-stop": good = (arg not in stops) if arg else not stops
    elif word == "flag": good = arg in flags
    elif word == "no-flag": good = arg not in flags
    elif word == "no-flags": good = not flags
    elif word == "recommend": good = arg in recs
    elif word == "no-recommend": good = arg not in recs
    elif word == "contains": good = any(arg in t for t in alltext)
    elif word == "lacks": good = not any(arg in t for t in alltext)
    elif word == "outcome": good = r["outcome_kind"] == arg
    elif word == "recheck": good = r["recheck"] == arg
    elif word == "no-recheck": good = r["recheck"] is None
    elif word == "recheck-unknown": good = r["recheck_unknown"] is True
    elif word == "note-contains": good = arg in (r["note"] or "")
    elif word == "no-band": good = r["band"] is None and r["score"] is None
    elif word == "lang": good = True
    elif word == "same-as":
        other = score(csv.rsplit("/", 1)[0] + f"/{arg}.csv", None)
        good = summary(other) == summary(r)
    else:
        bad.append(f"unknown expectation: {l}")
        continue
    if not good:
        bad.append(f"expected: {l}")
if bad:
    print("\n".join(bad))
    print(f"got: outcome {r['outcome']} recheck {r['recheck']} note {r['note']!r}; score {r['score']} band {band}; stops {stops}; flags {flags}; recommendations {recs}")
    sys.exit(1)
PY
	)
	if [ $? -eq 0 ]; then ok "profile $name"; else not_ok "profile $name" "$out"; fi
done

# The Spanish print of the form reads as Spanish.
if "$BIN" print "$FORM" --lang es >"$TESTTMP/es.txt" 2>"$TESTTMP/es.err"; then
	missing=
	for s in "Consulta de micropigmentación capilar" "¿Qué describe mejor su caída del cabello?" \
	    "Su fecha de nacimiento" "¿Está embarazada o en periodo de lactancia?" \
	    "Sus datos y su privacidad" "Qué ocurre ahora" "Grado III vértex"; do
		grep -qF "$s" "$TESTTMP/es.txt" || missing="$missing
$s"
	done
	for s in "Which best describes your hair loss?" "Your date of birth"; do
		grep -qF "$s" "$TESTTMP/es.txt" && missing="$missing
(English in the Spanish print) $s"
	done
	if [ -z "$missing" ]; then ok "print --lang es: Spanish texts"; else not_ok "print --lang es: Spanish texts" "missing:$missing"; fi
else
	not_ok "print --lang es: Spanish texts" "$(cat "$TESTTMP/es.err")"
fi

# Care (issue 3): every client-facing stop text defers to the practitioner, in
# every language, and no text tells a client to stop a prescribed medicine.
bad=$(grep -n '^ *client en ' "$FORM" | grep -v 'practitioner'; grep -n '^ *client es ' "$FORM" | grep -v 'especialista')
if [ -z "$bad" ]; then ok "care: every stop's client text says the practitioner will confirm"; else not_ok "care: every stop's client text says the practitioner will confirm" "$bad"; fi
bad=$(grep -n -i -E '^ *(label|help|text|client|message|agree) (en|es) .*(stop (taking|your)|deje de tomar|suspenda (su|el|la) )' "$FORM")
if [ -z "$bad" ]; then ok "care: no text tells a client to stop a medicine"; else not_ok "care: no text tells a client to stop a medicine" "$bad"; fi
n=$(grep -c '^ *client en ' "$FORM"); m=$(grep -c '^ *stop ' "$FORM")
if [ "$n" -eq "$m" ] && [ "$m" -ge 14 ]; then ok "care: every stop has a client text ($m)"; else not_ok "care: every stop has a client text" "$m stops, $n client texts"; fi
