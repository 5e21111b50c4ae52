#!/usr/bin/env python3
"""raster.py: the stage pictures as images, for terminals that show them.

Draws every picture of gen.py (the same density functions, so the image
and the text art show the same stage) as RGBA pixels and writes PAM files
(P7, TUPLTYPE RGB_ALPHA) at two sizes:

    OUT/NAME.small.pam  OUT/NAME.large.pam          the top view
    OUT/NAME.view.small.pam  OUT/NAME.view.large.pam the second view

The kiosk scales them to the cells the text art takes (33 x 14), so the
images keep that shape: 33 cells of about 1:2 are 33:28.  Run by make
(build/art); nothing here is vendored.  Usage: raster.py OUTDIR
"""
import math
import os
import sys

sys.dont_write_bytecode = True      # nothing written into forms/art
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

SIZES = {"small": (132, 112), "large": (264, 224)}
HAIR = (58, 40, 30)
SKIN = (226, 188, 160)
LINE = (70, 50, 45)
SHADE = {3: 1.0, 2: 0.62, 1: 0.32, 0: 0.0}


def mix(a, b, t):
    return tuple(int(round(a[i] * (1 - t) + b[i] * t)) for i in range(3))


def hair_at(level, x, y):
    """Skin with hair over it; sparse hair as strands, not a flat tint."""
    t = SHADE[level]
    if 0 < level < 3:           # a fine stipple so thin hair reads as thin
        n = math.sin(x * 311.7 + y * 157.3) * 43758.5453
        t *= 0.6 + 0.8 * (n - math.floor(n))
    return mix(SKIN, HAIR, min(1.0, t))


def top(fn, w, h):
    """The head from above, face at the top, ears at the sides."""
    px = []
    rx, ry = w * 0.44, h * 0.44
    cx, cy = w / 2, h / 2
    for j in range(h):
        for i in range(w):
            x, y = (i + 0.5 - cx) / rx, (j + 0.5 - cy) / ry
            r = x * x + y * y
            ear = ((abs(x) - 1.04) / 0.08) ** 2 + ((y + 0.08) / 0.16) ** 2
            nose = (x / 0.10) ** 2 + ((y + 1.04) / 0.08) ** 2
            if r <= 1.0:
                c = hair_at(fn(x, y, gen.height(x, y)), i, j)
                if r > 0.94:
                    c = mix(c, LINE, 0.7)
                px.append(c + (255,))
            elif ear <= 1.0 or nose <= 1.0:
                px.append(mix(SKIN, LINE, 0.25) + (255,))
            else:
                px.append((0, 0, 0, 0))
    return px


def profile(fn, kind, w, h):
    """The head from the side (face left) or the front (as in a mirror),
    on gen.profile()'s geometry: pixel (i, j) is cell (col, r) of the
    text art, so the image and the text show the same."""
    z0, step, chin = (1.0, 0.085, 0.0) if kind == "front" else \
        (1.0, 0.16, -0.05)
    px = []
    for j in range(h):
        r = (j + 0.5) / h * 14 - 0.5
        z = z0 - (r - 0.5) * step
        for i in range(w):
            col = (i + 0.5) / w * 33 - 0.5
            u = (col - gen.C) / 14.5
            c = None
            dome = u * u + max(z, 0.0) ** 2 <= 1.0 and abs(u) <= 14 / 14.5
            if 0.5 <= r <= 12.5 and dome:
                if kind == "side":
                    y, x = u, math.sqrt(max(0.0, 1 - u * u - z * z))
                    face = y < -0.45 and z < chin
                else:
                    x, y = u, -math.sqrt(max(0.0, 1 - u * u - z * z))
                    face = abs(x) < 0.78 and z < chin
                face = face or z < -0.62
                c = SKIN if face else hair_at(fn(x, y, z), i, j)
                if kind == "side" and abs(col - gen.C) < 1.5 and \
                        7.6 < r < 10.4:
                    c = mix(SKIN, LINE, 0.35)           # the ear
                if kind == "side" and 9.6 < r < 10.4 and 2 < col < 4:
                    c = LINE                            # the eye
                if kind == "front" and 10.7 < r < 11.2 and \
                        4 < abs(col - gen.C) < 9:
                    c = LINE                            # the brows
                if kind == "front" and 11.6 < r < 12.3 and \
                        5 < abs(col - gen.C) < 8:
                    c = LINE                            # the eyes
            elif kind == "front" and 9.5 <= r <= 12.5 and \
                    14 / 14.5 < abs(u) <= 15.5 / 14.5:
                c = mix(SKIN, LINE, 0.2)                # the ears
            px.append((c + (255,)) if c is not None else (0, 0, 0, 0))
    return px


def close(fn, w, h):
    """The parting close up: x from -0.5 to 0.5, hairline to crown."""
    px = []
    for j in range(h):
        for i in range(w):
            x = (i + 0.5 - w / 2) / w
            y = -0.86 + (j + 0.5) / h * 1.32
            px.append(hair_at(fn(x, y, gen.height(x, y)), i, j) + (255,))
    return px


def write_pam(path, w, h, px):
    with open(path, "wb") as f:
        f.write(b"P7\nWIDTH %d\nHEIGHT %d\nDEPTH 4\nMAXVAL 255\n"
                b"TUPLTYPE RGB_ALPHA\nENDHDR\n" % (w, h))
        f.write(bytes(v for p in px for v in p))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "build/art"
    os.makedirs(out, exist_ok=True)
    for name, (fn, view) in gen.PICTURES.items():
        for size, (w, h) in SIZES.items():
            write_pam(os.path.join(out, f"{name}.{size}.pam"), w, h,
                      top(fn, w, h))
            if view is None:
                continue
            px = close(fn, w, h) if view == "close" else \
                profile(fn, view, w, h)
            write_pam(os.path.join(out, f"{name}.view.{size}.pam"), w, h, px)


if __name__ == "__main__":
    main()
