#!/usr/bin/env python3
"""gen.py: draw the hair-loss pictures of smp-consultation.form.

Each picture is a head seen from above, face at the top (labelled "front"),
the back of the head at the bottom, the ears at the sides half-way down.
Inside the oval every cell has a hair density:

    level   Unicode   ASCII    meaning
    3       ▓         #        full hair
    2       ▒         +        thinner hair
    1       ░         :        sparse hair
    0       (space)   .        bare scalp (or forehead skin)

Writes NAME.txt (Unicode) and NAME.ascii.txt (ASCII only, same geometry)
for the 12 Norwood-Hamilton stages and the 9 Savin images, each at most
36 columns by 14 lines.  Run from anywhere:  python3 forms/art/gen.py
To change a picture, edit its density function below and run it again;
then check the result with `cat` and `smp-intake check`.
"""
import os

C = 16                  # centre column; pictures are 33 columns by 14 lines
UNI = {3: "▓", 2: "▒", 1: "░", 0: " "}
ASC = {3: "#", 2: "+", 1: ":", 0: "."}
HAIRLINE = -0.82        # stage I hairline (y: -1 front .. +1 back)

# The oval, row by row: (left edge characters, interior half-width).  Row 0
# and row 13 are the front and back edges, drawn separately.  Cell (r, col)
# of the interior maps to y = (r - 6.5) / 6 and x = (col - C) / 14.5.
ROWS = [(".-'", 7), (".'", 10), ("/", 12), ("/", 13), ("|", 14), ("(", 14),
        ("|", 14), ("|", 14), ("\\", 13), ("\\", 12), ("'.", 10), ("'-.", 7)]
MIRROR = str.maketrans("/\\()", "\\/)(")

def crown(x, y, r, cy=0.5):
    """True inside a crown (vertex) patch of radius r around (0, cy)."""
    return (x / r) ** 2 + ((y - cy) / (r * 0.9)) ** 2 <= 1.0


# ------------------------------------------------------------ Norwood
# Each function returns the density level at (x, y) inside the oval.

def n1(x, y):
    return 0 if y < HAIRLINE + 0.05 * abs(x) else 3


def temples(x, y, depth, width=0.30):
    """Temple recession: bare triangles either side of the forelock."""
    ax = abs(x)
    line = HAIRLINE
    if ax > width:
        line = HAIRLINE + depth * min(1.0, (ax - width) / 0.25)
        line -= max(0.0, ax - 0.75) * 1.2      # the sides stay covered
    return y < line


def n2(x, y):
    return 0 if temples(x, y, 0.18, 0.40) else 3


def n2a(x, y):
    return 0 if y < -0.50 else 3


def n3(x, y):
    return 0 if temples(x, y, 0.45, 0.22) else 3


def n3a(x, y):
    return 0 if y < -0.15 else 3


def n3v(x, y):
    if temples(x, y, 0.30, 0.30) or crown(x, y, 0.22):
        return 0
    if crown(x, y, 0.34):
        return 1
    return 3


def n4(x, y):
    if temples(x, y, 0.62, 0.14) or crown(x, y, 0.30):
        return 0
    if crown(x, y, 0.42):
        return 1
    return 3


def n4a(x, y):
    front = -0.02 + 0.25 * max(0.0, abs(x) - 0.55)
    return 0 if y < front and abs(x) < 0.80 else 3


def n5(x, y):
    if abs(x) > 0.72 or y > 0.86:
        return 3
    if y < -0.05 or crown(x, y, 0.40, 0.50):
        return 0
    if y < 0.17:
        return 1        # the band between front and crown: thin, sparse
    return 3


def n5a(x, y):
    if abs(x) > 0.68:
        return 3
    if y < 0.45 - 0.6 * max(0.0, abs(x) - 0.35) or crown(x, y, 0.36, 0.45):
        return 0
    return 3


def n6(x, y):
    # front and crown merged into one bald area; the sides are still high
    if y < -0.70:
        return 0
    return 0 if (x / 0.74) ** 2 + ((y + 0.02) / 0.86) ** 2 <= 1.0 else 3


def n7(x, y):
    # only a narrow horseshoe (wreath) of often fine hair at the sides and back
    if y < -0.35:
        return 0
    if (x / 0.84) ** 2 + ((y + 0.10) / 0.95) ** 2 <= 1.0:
        return 0
    return 2


# ------------------------------------------------------------ Savin
# Centre parting along x = 0 from the hairline back to the crown.

def parting(x, y, half, back=0.35):
    return HAIRLINE < y < back and abs(x) <= half


def savin(half, thin_r=0.0, thin=3, bare_r=0.0):
    """A Savin image: parting half-width, a thinner top region of radius
    thin_r at density thin, and a bare top region of radius bare_r."""
    def f(x, y):
        if y < HAIRLINE + 0.04 * abs(x):
            return 0
        top = (x / 0.95) ** 2 + ((y + 0.10) / 1.1) ** 2
        if bare_r and top <= bare_r ** 2:
            return 0
        if parting(x, y, half):
            return 0
        if thin_r and top <= thin_r ** 2:
            return thin
        return 3
    return f


def savin_frontal(x, y):
    if y < HAIRLINE + 0.04 * abs(x):
        return 0
    # a "Christmas tree": wide at the front of the parting, narrowing back
    half = 0.04 + max(0.0, 0.40 * (0.05 - y))
    if parting(x, y, half, 0.30):
        return 0
    if HAIRLINE < y < 0.10 and abs(x) <= half + 0.20:
        return 1
    return 3


PICTURES = {
    "norwood-1": n1, "norwood-2": n2, "norwood-2a": n2a,
    "norwood-3": n3, "norwood-3a": n3a, "norwood-3v": n3v,
    "norwood-4": n4, "norwood-4a": n4a, "norwood-5": n5,
    "norwood-5a": n5a, "norwood-6": n6, "norwood-7": n7,
    "savin-i1": savin(0.02),
    "savin-i2": savin(0.08),
    "savin-i3": savin(0.14),
    "savin-i4": savin(0.30),
    "savin-ii1": savin(0.10, 0.55, 2),
    "savin-ii2": savin(0.16, 0.70, 1),
    "savin-iii": savin(0.16, 0.78, 1, 0.40),
    "savin-adv": savin(0.16, 0.85, 1, 0.68),
    "savin-frontal": savin_frontal,
}


def edge(label, left, right):
    """The front or back edge row: corners and a centred label."""
    inner = (right - left - 1)
    return " " * left + left_corner[label] + f" {label} ".center(inner, "-") + right_corner[label]


left_corner = {"front": ".", "back": "'"}
right_corner = {"front": ".", "back": "'"}


def draw(fn):
    """Return (unicode_lines, ascii_lines)."""
    top = edge("front", C - 8, C + 8)
    uni, asc = [top.rstrip()], [top.rstrip()]
    for i, (left, hw) in enumerate(ROWS):
        r = i + 1
        y = (r - 6.5) / 6.0
        u, a = [], []
        for col in range(C - hw, C + hw + 1):
            lv = fn((col - C) / 14.5, y)
            u.append(UNI[lv])
            a.append(ASC[lv])
        pad = " " * (C - hw - len(left))
        right = left[::-1].translate(MIRROR)
        uni.append(pad + left + "".join(u) + right)
        asc.append(pad + left + "".join(a) + right)
    bottom = edge("back", C - 8, C + 8)
    uni.append(bottom.rstrip())
    asc.append(bottom.rstrip())
    return uni, asc


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, fn in PICTURES.items():
        uni, asc = draw(fn)
        with open(os.path.join(here, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(uni) + "\n")
        with open(os.path.join(here, name + ".ascii.txt"), "w", encoding="ascii") as f:
            f.write("\n".join(asc) + "\n")


if __name__ == "__main__":
    main()
