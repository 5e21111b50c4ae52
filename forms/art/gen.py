#!/usr/bin/env python3
"""gen.py: draw the hair-loss pictures of smp-consultation.form.

The head is a unit sphere: x to the client's right, y from the face (-1)
to the back (+1), z up (0 is the ear-canal line, the "mid-coronal" line of
the domain brief §1.1).  Each stage is a density function of the point
(x, y, z) on the scalp:

    level   Unicode   ASCII    meaning (the kiosk's legend says these words)
    3       ▓         #        full hair
    2       ▒         +        thinner hair
    1       ░         :        sparse hair
    0       (space)   .        bare scalp (or forehead skin)

Every picture has a top view (NAME.txt, face at the top, labelled "front";
the ears are the "(" ")" half-way down).  Some have a second view that
shows what a top view cannot (NAME.view.txt, with its kind in the first
line of NAME.view.kind: side, front or close):

    side    Norwood V-VII: the head from the client's right, face to the
            left; how low the hair at the sides and back sits.
    front   Norwood I-IIIa: the face as in a mirror: how high the hairline
            sits above the brows and the shape of the temples.
    close   Savin: the parting close up (three times wider), where the
            first grades differ by a column or two seen from above.

Each file has its ASCII twin (NAME.ascii.txt, NAME.view.ascii.txt) of the
same geometry.  All fit 33 columns by 14 lines.  Run from anywhere:
python3 forms/art/gen.py, then check with `cat` and tests/suites/art.sh.
"""
import math
import os

W = 33                  # picture width; the centre column is C
C = 16
UNI = {3: "▓", 2: "▒", 1: "░", 0: " "}
ASC = {3: "#", 2: "+", 1: ":", 0: "."}
HAIRLINE = -0.82        # stage I hairline, as y on the top view
EAR_ROW = 6             # the top view's row of the ears "(" ")"

# The top view's oval, row by row: (left edge characters, interior
# half-width).  Rows 0 and 13 are the front and back edges.  Cell (r, col)
# of the interior is x = (col - C) / 14.5, y = (r - 6.5) / 6.
ROWS = [(".-'", 7), (".'", 10), ("/", 12), ("/", 13), ("|", 14), ("(", 14),
        ("|", 14), ("|", 14), ("\\", 13), ("\\", 12), ("'.", 10), ("'-.", 7)]
MIRROR = str.maketrans("/\\()<>", "\\/)(><")


def height(x, y):
    """z of the scalp above the top view's point (x, y)."""
    return math.sqrt(max(0.0, 1.0 - x * x - y * y))


def crown(x, y, r, cy=0.5):
    """True inside a crown (vertex) patch of radius r around (0, cy)."""
    return (x / r) ** 2 + ((y - cy) / (r * 0.9)) ** 2 <= 1.0


def below(z, level):
    """The fringe at the sides and back: hair below height level."""
    return z < level


# ------------------------------------------------------------ Norwood
# Each function returns the density level at (x, y, z) on the scalp.

def front_line(x, y, depth):
    """Bare in front of an even hairline moved back by depth rows."""
    return y < HAIRLINE + 0.05 * abs(x) + depth / 6.0


def temples(x, y, depth, width=0.30):
    """Temple recession: bare triangles either side of the forelock,
    depth in top-view rows at their deepest."""
    ax = abs(x)
    line = HAIRLINE + 0.05 * ax
    if ax > width:
        line += depth / 6.0 * min(1.0, (ax - width) / 0.22)
        line -= max(0.0, ax - 0.80) * 2.0      # the sides stay covered
    return y < line


def n1(x, y, z):
    return 0 if front_line(x, y, 0) else 3


def n2(x, y, z):
    # the mature hairline: small triangles at the temples only
    return 0 if front_line(x, y, 0) or temples(x, y, 1.6, 0.36) else 3


def n2a(x, y, z):
    # the whole front one row (about 1.5-2 cm) higher, evenly, no M
    return 0 if front_line(x, y, 1.25) and abs(x) < 0.86 else 3


def n3(x, y, z):
    # deep bare temples (an M), the forelock still near the stage-I line
    return 0 if front_line(x, y, 0) or temples(x, y, 3.2, 0.20) else 3


def n3a(x, y, z):
    # the front has moved back evenly half-way to the ear row; the
    # hair at the sides is kept
    if abs(x) > 0.74 and y > -0.62:
        return 3
    return 0 if front_line(x, y, 2.6) else 3


def n3v(x, y, z):
    if front_line(x, y, 0) or temples(x, y, 2.4, 0.26) or crown(x, y, 0.24):
        return 0
    if crown(x, y, 0.38):
        return 1
    return 3


def n4(x, y, z):
    if front_line(x, y, 0) or temples(x, y, 4.4, 0.14) or crown(x, y, 0.32):
        return 0
    if crown(x, y, 0.44):
        return 1
    return 3


def n4a(x, y, z):
    # the front has passed the ear row; the crown still has hair
    if abs(x) > 0.80 and y > -0.55:
        return 3
    return 0 if front_line(x, y, 6.0) else 3


def n5(x, y, z):
    if below(z, 0.45) and y > -0.55:
        return 3                    # the horseshoe at the sides and back
    if y < -0.10 or crown(x, y, 0.42, 0.52):
        return 0
    if y < 0.14:
        return 1        # the band between front and crown: thin, sparse
    return 2


def n5a(x, y, z):
    if below(z, 0.70) and y > -0.50:
        return 3
    if y < 0.55:
        return 0                    # one bald area from front to crown
    return 3


def n6(x, y, z):
    # front and crown one bald area; the sides are still fairly high
    if below(z, 0.50) and y > -0.45:
        return 3
    return 0


def n7(x, y, z):
    # only a narrow, low wreath of often fine hair at the sides and back
    if below(z, 0.28) and z > -0.35 and y > -0.30:
        return 2
    return 0


# ------------------------------------------------------------ Savin
# A centre parting along x = 0 from the hairline back to the crown.

def parting(x, y, half, back=0.45):
    return HAIRLINE < y < back and abs(x) <= half


def savin(half, edge=0.0, thin_r=0.0, thin=3, sparse_r=0.0, bare_r=0.0,
          part=0):
    """A Savin image: parting half-width, a band of thinner hair of width
    edge either side of it (the scalp shows along the parting), a thinner
    top region of radius thin_r at density thin, a sparse one of radius
    sparse_r and a bare one of radius bare_r.  The parting itself is at
    density part (0, bare scalp, but for the diffuse grades it is lost in
    the thinning around it)."""
    def f(x, y, z):
        if front_line(x, y, 0):
            return 0
        top = (x / 0.95) ** 2 + ((y + 0.10) / 1.1) ** 2
        if bare_r and top <= bare_r ** 2:
            return 0
        if parting(x, y, half):
            return part
        if sparse_r and top <= sparse_r ** 2:
            return 1
        if thin_r and top <= thin_r ** 2:
            return thin
        if edge and parting(x, y, half + edge):
            return 2
        return 3
    return f


def savin_frontal(x, y, z):
    if front_line(x, y, 0):
        return 0
    # a "Christmas tree": wide at the front of the parting, narrowing back
    half = 0.04 + max(0.0, 0.45 * (0.10 - y))
    if parting(x, y, half, 0.30):
        return 0
    if HAIRLINE < y < 0.15 and abs(x) <= half + 0.22:
        return 1
    return 3


# name: (density, second view or None)
PICTURES = {
    "norwood-1": (n1, "front"), "norwood-2": (n2, "front"),
    "norwood-2a": (n2a, "front"), "norwood-3": (n3, "front"),
    "norwood-3a": (n3a, "front"), "norwood-3v": (n3v, None),
    "norwood-4": (n4, None), "norwood-4a": (n4a, None),
    "norwood-5": (n5, "side"), "norwood-5a": (n5a, "side"),
    "norwood-6": (n6, "side"), "norwood-7": (n7, "side"),
    "savin-i1": (savin(0.02), "close"),
    "savin-i2": (savin(0.08, 0.10), "close"),
    "savin-i3": (savin(0.15, 0.14), "close"),
    "savin-i4": (savin(0.30, 0.08), "close"),
    "savin-ii1": (savin(0.30, 0.08, 0.76, 2), "close"),
    "savin-ii2": (savin(0.34, 0.10, 0.86, 2, 0.55), None),
    "savin-iii": (savin(0.36, 0.0, 0.0, 3, 0.86, 0.0, 1), None),
    "savin-adv": (savin(0.36, 0.0, 0.0, 3, 0.90, 0.66), None),
    "savin-frontal": (savin_frontal, None),
}


def edge(label, left, right, corner):
    """A front or back edge row: corners and a centred label."""
    inner = right - left - 1
    return " " * left + corner + f" {label} ".center(inner, "-") + corner


def top_view(fn):
    """The head from above: list of rows of levels or characters."""
    rows = [edge("front", C - 8, C + 8, ".")]
    for i, (left, hw) in enumerate(ROWS):
        y = (i + 1 - 6.5) / 6.0
        cells = []
        for col in range(C - hw, C + hw + 1):
            x = (col - C) / 14.5
            cells.append(fn(x, y, height(x, y)))
        rows.append((" " * (C - hw - len(left)), left, cells,
                     left[::-1].translate(MIRROR)))
    rows.append(edge("back", C - 8, C + 8, "'"))
    return rows


def profile(fn, side, z0=1.0, step=0.16, chin=-0.05):
    """The head from the side (face left) or the front (as in a mirror):
    a dome of scalp over the face or the ears.  z runs from 1 (row 1)
    down 0.16 a row; below z = -0.05 the front of the head is face."""
    rows = []
    for r in range(13):
        z = z0 - (r - 0.5) * step
        # the dome is round above the ear line, straight below it
        half = 14.5 * math.sqrt(max(0.0, 1.0 - max(z, 0.0) ** 2)) / 1.0
        hw = int(round(half * 0.98))
        if r == 0:
            rows.append(" " * (C - 6) + "_" * 13)
            continue
        hw = max(2, min(14, hw))
        cells = []
        for col in range(C - hw, C + hw + 1):
            u = (col - C) / 14.5
            if side == "side":
                y, x = u, math.sqrt(max(0.0, 1.0 - u * u - z * z))
                face = y < -0.45 and z < chin
            else:
                x, y = u, -math.sqrt(max(0.0, 1.0 - u * u - z * z))
                face = abs(x) < 0.78 and z < chin
            if z < -0.62:
                face = True     # the neck, below the nape hairline
            cells.append(-1 if face else fn(x, y, z))
        left, right = ("/", "\\") if z > 0.55 else ("|", "|")
        if side == "front" and z < 0.2:
            left, right = "(", ")"          # the ears, either side
        pad = " " * (C - hw - len(left))
        rows.append((pad, left, cells, right))
    if side == "side":
        rows.append(" " * 2 + "front <" + " " * 14 + "> back")
    else:
        rows.append(" " * (C - 2) + "\\_/")
    return rows


def close_view(fn):
    """The parting close up: x from -0.5 to 0.5 over 29 columns, y from
    the hairline back to the crown."""
    rows = [edge("front", 1, W - 2, "+")]
    for r in range(12):
        y = -0.86 + r * 0.11
        cells = []
        for col in range(2, W - 2):
            x = (col - C) / 29.0
            cells.append(fn(x, y, height(x, y)))
        rows.append((" ", "|", cells, "|"))
    rows.append(edge("back", 1, W - 2, "+"))
    return rows


def face_marks(cells, z, side):
    """Brows, eyes, ear, nose drawn on the face cells (-1)."""
    out = []
    for i, c in enumerate(cells):
        out.append(" " if c == -1 else None)
    return out


def render(rows, kind):
    """(unicode_lines, ascii_lines) of rows."""
    uni, asc = [], []
    for n, row in enumerate(rows):
        if isinstance(row, str):
            uni.append(row.rstrip())
            asc.append(row.rstrip())
            continue
        pad, left, cells, right = row
        u = "".join(" " if c < 0 else UNI[c] for c in cells)
        a = "".join(" " if c < 0 else ASC[c] for c in cells)
        if kind in ("front", "side"):
            u, a = features(u, a, cells, n, kind)
        uni.append(pad + left + u + right)
        asc.append(pad + left + a + right)
    return uni, asc


def features(u, a, cells, n, kind):
    """Brows and eyes on the face of the front view; an eye and the
    nose on the side view's face."""
    def put(s, t, at, text):
        s = s[:at] + text + s[at + len(text):]
        t = t[:at] + text + t[at + len(text):]
        return s, t
    mid = len(cells) // 2
    if kind == "front" and n == 11:
        u, a = put(u, a, mid - 8, "~~~~~")
        u, a = put(u, a, mid + 4, "~~~~~")
    if kind == "front" and n == 12:
        u, a = put(u, a, mid - 7, "(o)")
        u, a = put(u, a, mid + 5, "(o)")
    if kind == "side" and n == 9:
        u, a = put(u, a, 1, "~~")
    if kind == "side" and n == 10:
        u, a = put(u, a, 2, "<")
    if kind == "side" and 8 <= n <= 10:
        u, a = put(u, a, mid - 1, "(@)" if n == 9 else "( )")
    return u, a


def write(path, lines, encoding):
    with open(path, "w", encoding=encoding) as f:
        f.write("\n".join(lines) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (fn, view) in PICTURES.items():
        uni, asc = render(top_view(fn), "top")
        write(os.path.join(here, name + ".txt"), uni, "utf-8")
        write(os.path.join(here, name + ".ascii.txt"), asc, "ascii")
        for old in (".view.txt", ".view.ascii.txt", ".view.kind"):
            p = os.path.join(here, name + old)
            if view is None and os.path.exists(p):
                os.remove(p)
        if view is None:
            continue
        if view == "close":
            rows = close_view(fn)
        elif view == "front":   # the hairline and forehead, larger
            rows = profile(fn, view, 1.0, 0.085, 0.0)
        else:
            rows = profile(fn, view)
        uni, asc = render(rows, view)
        write(os.path.join(here, name + ".view.txt"), uni, "utf-8")
        write(os.path.join(here, name + ".view.ascii.txt"), asc, "ascii")
        write(os.path.join(here, name + ".view.kind"), [view], "ascii")


if __name__ == "__main__":
    main()
