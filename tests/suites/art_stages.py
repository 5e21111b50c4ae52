#!/usr/bin/env python3
"""art_stages.py: every stage picture checked against the domain brief §1
as cells per region (see tests/suites/art.sh).  Reads the ASCII twins
(# full, + thinner, : sparse, . bare) of forms/art; prints TAP lines.

Top-view geometry (forms/art/gen.py): rows 1..12 are the head, row 6 the
ears; cell (r, col) is x = (col - 16) / 14.5, y = (r - 6.5) / 6.
"""
import os
import sys

ART = sys.argv[1] if len(sys.argv) > 1 else "forms/art"
LEVEL = {"#": 3, "+": 2, ":": 1, ".": 0}


HALF = [7, 10, 12, 13, 14, 14, 14, 14, 13, 12, 10, 7]    # top-view rows 1..12


def grid(name, view=False):
    """{(r, col): level} of a picture's hair cells (inside the outline of
    a top view; any shading character of a second view)."""
    path = os.path.join(ART, name + (".view" if view else "") + ".ascii.txt")
    if not os.path.exists(path):
        return None
    g = {}
    for r, line in enumerate(open(path, encoding="ascii").read().split("\n")):
        for col, ch in enumerate(line):
            inside = view or (1 <= r <= 12 and abs(col - 16) <= HALF[r - 1])
            if ch in LEVEL and inside:
                g[(r, col)] = LEVEL[ch]
    return g


def xy(cell):
    r, col = cell
    return (col - 16) / 14.5, (r - 6.5) / 6.0


def count(g, pred, levels):
    return sum(1 for c, v in g.items() if v in levels and pred(*xy(c)))


def depth(g, x0):
    """Bare rows from the front at the column nearest x = x0."""
    col = 16 + round(x0 * 14.5)
    n = 0
    for r in range(1, 13):
        if g.get((r, col)) == 0:
            n += 1
        elif (r, col) in g:
            break
    return n


BARE, SPARSE, THIN, FULL = {0}, {1}, {2}, {3}
LOSS = {0, 1, 2}
front = lambda x, y: y < -0.45
temple = lambda x, y: 0.30 <= abs(x) <= 0.80 and -0.8 < y < -0.2
mid = lambda x, y: abs(x) < 0.5 and -0.45 <= y < 0.2
crownr = lambda x, y: abs(x) < 0.42 and 0.2 <= y < 0.9
sides = lambda x, y: abs(x) > 0.78 and -0.3 < y < 0.5
anywhere = lambda x, y: True
top = lambda x, y: abs(x) < 0.75 and -0.7 < y < 0.6
partline = lambda x, y: abs(x) < 0.06 and -0.7 < y < 0.3

# (picture, what §1 says, test over the grid g)
RULES = [
    ("norwood-1", "I: little or no recession, one forehead row",
     lambda g: depth(g, 0) == 1 and count(g, temple, BARE) <= 4
     and count(g, lambda x, y: y > -0.8, LOSS) == 0),
    ("norwood-2", "II: small symmetric temple triangles, forelock kept",
     lambda g: depth(g, 0) == 1 and 6 <= count(g, temple, BARE) <= 20
     and count(g, crownr, LOSS) == 0),
    ("norwood-2a", "IIa: whole front one row higher (within ~2 cm), no M",
     lambda g: depth(g, 0) == 2 and depth(g, 0.5) == 2
     and count(g, crownr, LOSS) == 0),
    ("norwood-3", "III: deep bare temples (an M), forelock near stage I",
     lambda g: depth(g, 0) <= 1 and depth(g, 0.5) >= 3
     and count(g, crownr, LOSS) == 0),
    ("norwood-3a", "IIIa: front back evenly between the stage-I line and the ears; sides kept",
     lambda g: 3 <= depth(g, 0) <= 4 and abs(depth(g, 0.5) - depth(g, 0)) <= 1
     and count(g, lambda x, y: abs(x) > 0.74 and -0.6 < y < 0, FULL) >= 8
     and count(g, crownr, LOSS) == 0),
    ("norwood-3v", "III vertex: crown loss, temples no worse than III",
     lambda g: count(g, crownr, BARE) >= 8
     and depth(g, 0.5) <= depth(grid("norwood-3"), 0.5) and depth(g, 0) <= 1),
    ("norwood-4", "IV: temples deeper than III, bald crown, solid band between",
     lambda g: depth(g, 0.5) >= 4 and count(g, crownr, BARE) >= 15
     and all(g.get((r, 16)) == 3 for r in (5, 6))),
    ("norwood-4a", "IVa: front past the ear row, crown still has hair",
     lambda g: depth(g, 0) >= 7 and count(g, crownr, LOSS) == 0
     and count(g, sides, FULL) >= 8),
    ("norwood-5", "V: front and crown larger, band narrower and thinner, horseshoe",
     lambda g: depth(g, 0) >= 4 and count(g, crownr, BARE) >= 20
     and count(g, mid, SPARSE | THIN) >= 10 and count(g, sides, FULL) >= 8),
    ("norwood-5a", "Va: one bare area including the crown, sides kept",
     lambda g: depth(g, 0) >= 9 and count(g, sides, FULL) >= 8),
    ("norwood-6", "VI: front and crown one bald area, sides still fairly high",
     lambda g: depth(g, 0) >= 11 and count(g, sides, FULL) >= 12),
    ("norwood-7", "VII: only a narrow wreath of often fine hair",
     lambda g: depth(g, 0) == 12 and count(g, anywhere, FULL) == 0
     and 0 < count(g, anywhere, THIN) <= 40),
    ("savin-i1", "I-1: normal narrow parting, no loss",
     lambda g: count(g, partline, BARE) > 0 and count(g, anywhere, SPARSE | THIN) == 0
     and count(g, top, BARE) <= 10),
    ("savin-i2", "I-2: parting slightly wider, scalp shows along it",
     lambda g: 15 <= count(g, top, BARE) <= 30 and count(g, top, THIN) > 0),
    ("savin-i3", "I-3: parting clearly wider",
     lambda g: 30 < count(g, top, BARE) <= 50),
    ("savin-i4", "I-4: parting about twice as wide as I-3",
     lambda g: count(g, top, BARE) >= 1.6 * count(grid("savin-i3"), top, BARE)),
    ("savin-ii1", "II-1: at least I-4's parting, diffuse thinner hair over the top",
     lambda g: count(g, top, BARE) >= count(grid("savin-i4"), top, BARE)
     and count(g, top, THIN) >= 60),
    ("savin-ii2", "II-2: more diffuse thinning on top",
     lambda g: count(g, top, SPARSE) >= 20
     and count(g, top, THIN | SPARSE) > count(grid("savin-ii1"), top, THIN)),
    ("savin-iii", "III: marked diffuse loss, some hair still present (not bare)",
     lambda g: count(g, top, BARE) == 0 and count(g, top, SPARSE) >= 150),
    ("savin-adv", "Advanced: little or no hair in the affected area",
     lambda g: count(g, top, BARE) >= 80),
    ("savin-frontal", "Frontal: loss at the front and centre of the parting",
     lambda g: count(g, lambda x, y: y < -0.2 and abs(x) < 0.6, LOSS - {2}) >
     2 * count(g, lambda x, y: y >= -0.2 and abs(x) < 0.6, LOSS)),
]

ORDER = [["norwood-1", "norwood-2", "norwood-2a", "norwood-3", "norwood-3a",
          "norwood-3v", "norwood-4", "norwood-4a", "norwood-5", "norwood-5a",
          "norwood-6", "norwood-7"],
         ["savin-i1", "savin-i2", "savin-i3", "savin-i4", "savin-ii1",
          "savin-ii2", "savin-iii", "savin-adv"]]
KINDS = {"norwood-1": "front", "norwood-2": "front", "norwood-2a": "front",
         "norwood-3": "front", "norwood-3a": "front", "norwood-5": "side",
         "norwood-5a": "side", "norwood-6": "side", "norwood-7": "side"}


def diff(a, b):
    return sum(1 for c in set(a) | set(b) if a.get(c) != b.get(c))


def main():
    out = []
    for name, says, test in RULES:
        g = grid(name)
        ok = g is not None and test(g)
        out.append(("ok" if ok else "not ok") + f" - art §1 {name}: {says}")
    for name, kind in KINDS.items():
        p = os.path.join(ART, name + ".view.kind")
        have = open(p).read().strip() if os.path.exists(p) else None
        out.append(("ok" if have == kind else "not ok") +
                   f" - art: {name} has a {kind} view (found {have})")
    for seq in ORDER:
        for a, b in zip(seq, seq[1:]):
            d = diff(grid(a), grid(b))
            va, vb = grid(a, True), grid(b, True)
            dv = diff(va, vb) if va is not None and vb is not None else 0
            ok = d >= 40 or dv >= 40
            how = f"{d} cells from above" + (f", {dv} in the second view"
                                             if d < 40 else "")
            out.append(("ok" if ok else "not ok") +
                       f" - art: {a} vs {b} differ by >= 40 cells ({how})")
    print("\n".join(out))


if __name__ == "__main__":
    main()
