#!/usr/bin/env bash
# art.sh: the pictures of the shipped consultation form (forms/art/).
#
#  - every NAME.txt fits a 36 x 14 panel, measured with the C library's
#    wcswidth() under C.UTF-8 (what the kiosk's curses will use);
#  - every NAME.ascii.txt holds only printable ASCII and has the same
#    geometry (line count and line widths) as its Unicode twin;
#  - every picture the form names exists, and every picture is used;
#  - no two pictures alike; each stage checked against the brief §1 as
#    cells per region, neighbours >= 40 cells apart (art_stages.py);
#  - forms/art/gen.py reproduces the committed pictures exactly.
. tests/lib.sh
FORM=forms/smp-consultation.form
ART=forms/art

out=$(python3 - "$FORM" "$ART" <<'PY'
import ctypes, ctypes.util, glob, locale, os, re, sys
form, art = sys.argv[1:3]
locale.setlocale(locale.LC_ALL, "C.UTF-8")
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.wcswidth.restype = ctypes.c_int
libc.wcswidth.argtypes = [ctypes.c_wchar_p, ctypes.c_size_t]

def width(s):
    return libc.wcswidth(s, len(s))

def lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")

used = set(re.findall(r"\bart\s+([A-Za-z0-9_-]+)", open(form, encoding="utf-8").read()))
have = {os.path.basename(p)[:-4] for p in glob.glob(f"{art}/*.txt")
        if not p.endswith(".ascii.txt") and not p.endswith(".view.txt")}
res = []
def report(name, bad):
    res.append(("ok - " if not bad else "not ok - ") + name + ("" if not bad else "\n# " + "\n# ".join(bad)))

report("art: every picture the form names exists", [f"missing {n}.txt" for n in sorted(used - have)])
report("art: every picture is used by the form", [f"unused {n}.txt" for n in sorted(have - used)])
report("art: 21 pictures (12 Norwood, 9 Savin)", [] if len(have) == 21 else [f"found {len(have)}"])
fit, asc, geo = [], [], []
grids = {}
for n in sorted(have):
    u = lines(f"{art}/{n}.txt")
    w = [width(l) for l in u]
    if len(u) > 14 or min(w) < 0 or max(w) > 36:
        fit.append(f"{n}.txt: {len(u)} lines, widest {max(w)} columns")
    ap = f"{art}/{n}.ascii.txt"
    if not os.path.exists(ap):
        asc.append(f"{n}.ascii.txt missing")
        continue
    raw = open(ap, "rb").read()
    if any(not (32 <= b < 127 or b == 10) for b in raw):
        asc.append(f"{n}.ascii.txt: not printable ASCII")
    a = raw.decode("latin-1").rstrip("\n").split("\n")
    if len(a) != len(u) or [len(l) for l in a] != w:
        geo.append(f"{n}: ASCII twin has another shape")
    grids[n] = "\n".join(a)
    vp = f"{art}/{n}.view.txt"
    if os.path.exists(vp):
        v = lines(vp)
        vw = [width(l) for l in v]
        va = open(f"{art}/{n}.view.ascii.txt", encoding="latin-1").read().rstrip("\n").split("\n")
        if len(v) > 14 or max(vw) > 36 or min(vw) < 0:
            fit.append(f"{n}.view.txt: {len(v)} lines, widest {max(vw)} columns")
        if len(va) != len(v) or [len(l) for l in va] != vw:
            geo.append(f"{n}: second view's ASCII twin has another shape")
        kind = open(f"{art}/{n}.view.kind").read().strip()
        if kind not in ("side", "front", "close"):
            geo.append(f"{n}.view.kind: {kind!r}")
report("art: every picture fits 36 columns x 14 lines (wcswidth)", fit)
report("art: ASCII twins are printable ASCII", asc)
report("art: ASCII twins have the same geometry", geo)
same = [f"{a} == {b}" for a in grids for b in grids if a < b and grids[a] == grids[b]]
report("art: no two pictures alike", same)
# neighbouring Norwood stages differ by a visible area (at least 4 cells)
order = ["norwood-1", "norwood-2", "norwood-2a", "norwood-3", "norwood-3a", "norwood-3v",
         "norwood-4", "norwood-4a", "norwood-5", "norwood-5a", "norwood-6", "norwood-7",
         "savin-i1", "savin-i2", "savin-i3", "savin-i4", "savin-ii1", "savin-ii2",
         "savin-iii", "savin-adv"]
close = []
for a, b in zip(order, order[1:]):
    if a in grids and b in grids and a.split("-")[0] == b.split("-")[0]:
        d = sum(x != y for x, y in zip(grids[a], grids[b]))
        if d < 4:
            close.append(f"{a} vs {b}: {d} cells differ")
report("art: neighbouring stages differ visibly", close)
print("\n".join(res))
PY
)
printf '%s\n' "$out" | grep -v '^#'
printf '%s\n' "$out" | grep '^#' >&2

# Each picture against the domain brief §1, cells per region, and the
# 40-cell rule between neighbouring stages (from above, or in the second
# view where a top view cannot show the difference).
python3 tests/suites/art_stages.py "$ART"

# The generator reproduces the committed pictures.
mkdir -p "$TESTTMP/art"
cp "$ART/gen.py" "$TESTTMP/art/"
if python3 "$TESTTMP/art/gen.py" && diff -r -x gen.py -x __pycache__ "$TESTTMP/art" "$ART" -x '*.py' >"$TESTTMP/diff" 2>&1; then
	ok "art: gen.py reproduces the committed pictures"
else
	not_ok "art: gen.py reproduces the committed pictures" "$(head -20 "$TESTTMP/diff")"
fi
