#!/bin/sh
# A real spreadsheet reads our export (make test-spreadsheet; opt-in, needs
# LibreOffice: sh scripts/deps.sh spreadsheet installs it).
#
# usage: sh tests/spreadsheet/run.sh BIN
#
# 1. LibreOffice headless imports the wide export of the tricky fixture
#    (UTF-8, comma, quote) and saves it as .xlsx; a Python script then
#    reads the cells straight from the .xlsx XML and checks that no cell
#    is a formula, the neutralised cells are text (the client's
#    "=HYPERLINK(...)" was not evaluated), a phone number kept its + and
#    a long number its leading zero and digits, a negative answer stayed
#    a number, and accents, CJK, emoji and right-to-left text survived.
# 2. Every value of tests/spreadsheet/cases.txt (text a spreadsheet would
#    turn into a number, date, time, percentage, currency, boolean...) is
#    a free-text answer of its own intake; the export is imported in four
#    locales (en-US, de-DE, fr-FR, es-ES) with "detect special numbers"
#    on, and each must arrive as text equal to "'" + the value (LibreOffice
#    keeps the apostrophe); the date of birth (a date question) must
#    arrive as a date and the number questions as numbers (en-US).  As a
#    control, the issue's values written raw do change.
# Prints TAP lines; exits 1 if any check fails.
set -u
BIN=${1:?usage: run.sh BIN}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
cd "$(dirname "$0")/../.." || exit 1
if ! command -v soffice >/dev/null 2>&1; then
	echo "not ok - spreadsheet: soffice not found (sh scripts/deps.sh spreadsheet)"
	exit 1
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
status=0
python3 tests/export/fixture.py "$T/t.db" tricky || exit 1
"$BIN" export --db "$T/t.db" --out "$T/export.csv" 2>/dev/null || exit 1
# A control: the same import does run a formula that was not neutralised,
# so the checks below mean something.
printf 'a,b\r\n=1+1,x\r\n' >"$T/raw.csv"
# 44 = comma, 34 = quote, 76 = UTF-8, 1 = start at line 1.
HOME=$T timeout 300 soffice --headless --norestore \
    --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$T" \
    "$T/export.csv" "$T/raw.csv" >"$T/soffice.log" 2>&1
if [ ! -s "$T/export.xlsx" ]; then
	echo "not ok - spreadsheet: LibreOffice converted the export"
	sed 's/^/# /' "$T/soffice.log"
	exit 1
fi
echo "ok - spreadsheet: LibreOffice converted the export"
python3 - "$T/export.xlsx" "$T/raw.xlsx" <<'PY'
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter(
            "{%s}t" % NS["m"])))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
cells, formulas = {}, []
for c in sheet.iter("{%s}c" % NS["m"]):
    ref, typ = c.get("r"), c.get("t", "n")
    if c.find("m:f", NS) is not None:
        formulas.append(ref)
    v = c.find("m:v", NS)
    if typ == "s":
        val = shared[int(v.text)]
    elif typ == "inlineStr":
        val = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
    else:
        val = v.text if v is not None else ""
    cells[ref] = (typ, val)


def col_of(name):
    for ref, (typ, val) in cells.items():
        if re.fullmatch(r"[A-Z]+1", ref) and val == name:
            return ref[:-1]
    raise SystemExit("no column " + name)


def row_of(prefix):
    for ref, (typ, val) in cells.items():
        if ref.startswith("A") and val.startswith(prefix):
            return ref[1:]
    raise SystemExit("no row " + prefix)


fails = 0


def check(name, cond, detail=""):
    global fails
    print(("ok - " if cond else "not ok - ") + "spreadsheet: " + name)
    if not cond:
        fails += 1
        print("# " + detail)


check("no cell is a formula", not formulas, " ".join(formulas))
raw = zipfile.ZipFile(sys.argv[2]).read("xl/worksheets/sheet1.xml")
check("control: a raw =1+1 does become a formula", b"<f" in raw,
      "LibreOffice did not evaluate it: the checks prove little")
notes, name = col_of("notes"), col_of("name")
b, c, a = row_of("b0000000"), row_of("c0000000"), row_of("a0000000")
typ, val = cells[notes + b]
check("=HYPERLINK answer is text, not evaluated",
      typ in ("s", "inlineStr", "str") and "HYPERLINK" in val, repr((typ, val)))
typ, val = cells[notes + c]
check("+1 @SUM(A1) answer is text", typ in ("s", "inlineStr", "str") and
      "@SUM(A1)" in val, repr((typ, val)))
typ, val = cells[col_of("stage") + b]
check("negative number stays a number", typ == "n" and float(val) == -3,
      repr((typ, val)))
check("accents survive", cells[name + a][1] == "José Ñúñez",
      repr(cells[name + a]))
check("CJK and emoji survive", "😀 山田" in cells[notes + c][1],
      repr(cells[notes + c]))
check("right-to-left text survives", cells[name + c][1].startswith(
      "مرحبا שלום"), repr(cells[name + c]))
check("quotes and commas survive", cells[name + b][1] ==
      'Zoë "Z" O\'Neil, Jr.', repr(cells[name + b]))
typ, val = cells[notes + a]
check("a phone number keeps its + (text, not 447700900123)",
      typ in ("s", "inlineStr", "str") and "+447700900123" in val,
      repr((typ, val)))
d = row_of("d0000000")
typ, val = cells[notes + d]
check("a long number with a leading zero keeps every digit",
      typ in ("s", "inlineStr", "str") and "0123456789" * 1024 in val,
      repr((typ, val[:40])))
print("# neutralised cell as LibreOffice keeps it: %r" % cells[notes + b][1][:30])
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] || status=1

# --- 2. every case of cases.txt, in four locales ----------------------
python3 tests/spreadsheet/cases.py "$T/cases.db" tests/spreadsheet/cases.txt ||
	exit 1
"$BIN" export --db "$T/cases.db" --out "$T/cases.csv" 2>/dev/null || exit 1
# The control: the issue's values, raw, as one column.
printf 'v\r\n(123)\r\n1,234\r\n1/2\r\n50%%\r\n$100\r\n1e5\r\n12:30\r\nTRUE\r\n2026-01-02\r\n' \
    >"$T/control.csv"
# Tokens: separator, quote, UTF-8, first line, column formats (none),
# language, quoted field as text (no), detect special numbers (yes).
for lang in 1033 1031 1036 3082; do
	mkdir -p "$T/$lang"
	HOME=$T timeout 300 soffice --headless --norestore \
	    --infilter="CSV:44,34,76,1,,$lang,false,true" --convert-to xlsx \
	    --outdir "$T/$lang" "$T/cases.csv" "$T/control.csv" \
	    >"$T/soffice-$lang.log" 2>&1
	if [ ! -s "$T/$lang/cases.xlsx" ]; then
		echo "not ok - spreadsheet: LibreOffice ($lang) converted the cases"
		sed 's/^/# /' "$T/soffice-$lang.log"
		status=1
	fi
done
python3 - "$T" tests/spreadsheet/cases.txt <<'PY' || status=1
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, "tests/spreadsheet")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(
                "m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter(
                "{%s}t" % NS["m"])))
    out = {}
    for c in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(
            "{%s}c" % NS["m"]):
        typ, v = c.get("t", "n"), c.find("m:v", NS)
        if typ == "s":
            val = shared[int(v.text)]
        elif typ == "inlineStr":
            val = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
        else:
            val = v.text if v is not None else ""
        out[c.get("r")] = (typ, val, c.get("s"))
    return out


def column(cells, name):
    for ref, (typ, val, _) in cells.items():
        if ref[-1] == "1" and ref[:-1].isalpha() and val == name:
            return ref[:-1]
    raise SystemExit("no column " + name)


exec(open("tests/spreadsheet/cases.py").read().split("\ndef main")[0])
values = cases(sys.argv[2])
fails = 0
names = {"1033": "en-US", "1031": "de-DE", "1036": "fr-FR", "3082": "es-ES"}
for lang in ("1033", "1031", "1036", "3082"):
    path = os.path.join(sys.argv[1], lang, "cases.xlsx")
    if not os.path.exists(path):
        continue
    cells = read(path)
    notes, ident = column(cells, "notes"), column(cells, "intake_id")
    rows = {}
    for ref, (typ, val, _) in cells.items():
        if ref.startswith(ident) and val.startswith("n"):
            rows[int(val[1:8])] = ref[len(ident):]
    bad = []
    for i, (want, marked) in enumerate(values):
        typ, val, _ = cells.get(notes + rows.get(i, "?"), ("?", "", ""))
        if typ not in ("s", "inlineStr", "str") or \
                val != ("'" if marked else "") + want:
            bad.append("%r -> %s %r" % (want, typ, val))
    ok = not bad
    fails += not ok
    print("%s - spreadsheet: %s: all %d text answers arrive as typed "
          "(text; one apostrophe added to %d)" % (
              "ok" if ok else "not ok", names[lang], len(values),
              sum(m for _, m in values)))
    for b in bad:
        print("# " + b)
    if lang == "1033":
        r = rows[0]
        dob, stage, weight = (cells[column(cells, c) + r] for c in
                              ("birth_date", "stage", "weight"))
        ok = dob[0] == "n" and dob[1] == "32965" and dob[2] not in (None,
                                                                      "0")
        fails += not ok
        print("%s - spreadsheet: the date of birth arrives as a date "
              "(1990-04-02, sortable)" % ("ok" if ok else "not ok"))
        if not ok:
            print("# %r" % (dob,))
        ok = stage[:2] == ("n", "5") and weight[:2] == ("n", "72.5")
        fails += not ok
        print("%s - spreadsheet: number answers arrive as numbers"
              % ("ok" if ok else "not ok"))
        if not ok:
            print("# %r %r" % (stage, weight))
        ctl = read(os.path.join(sys.argv[1], lang, "control.xlsx"))
        kept = [ctl["A%d" % k][1] for k in range(2, 11)
                if ctl["A%d" % k][0] in ("s", "inlineStr", "str")]
        ok = not kept
        fails += not ok
        print("%s - spreadsheet: control: the issue's 9 values written raw "
              "do change" % ("ok" if ok else "not ok"))
        if not ok:
            print("# kept as text: %r" % kept)
sys.exit(1 if fails else 0)
PY
exit "$status"
