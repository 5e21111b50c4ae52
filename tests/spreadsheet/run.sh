#!/bin/sh
# A real spreadsheet reads our export (make test-spreadsheet; opt-in, needs
# LibreOffice: sh scripts/deps.sh spreadsheet installs it).
#
# usage: sh tests/spreadsheet/run.sh BIN
#
# LibreOffice headless imports the wide export (UTF-8, comma, quote) and
# saves it as .xlsx; a Python script then reads the cells straight from
# the .xlsx XML and checks that no cell is a formula, the neutralised cells
# are text (the client's "=HYPERLINK(...)" was not evaluated), a phone
# number kept its + and a long number its leading zero and digits, a
# negative answer stayed a number, and accents, CJK, emoji and
# right-to-left text survived.  Prints TAP lines; exits 1 if any check fails.
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
