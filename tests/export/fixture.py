#!/usr/bin/env python3
"""Build an intake database with fixed ids and times for the export tests.

usage: fixture.py DB tricky        the tricky values (byte-exact CSV checks)
       fixture.py DB many N        N plain intakes (memory, speed, locking)

The schema is the store's (src/store.c, version 1); the form texts are
forms/minimal.form (version 2) and an older version 1 derived from it.
"""
import hashlib
import random
import sqlite3
import sys
import uuid

SCHEMA = open(sys.path[0] + "/schema.sql", encoding="utf-8").read()


def form_v2():
    with open("forms/minimal.form", encoding="utf-8") as f:
        return f.read()


def form_v1():
    """Version 1: no weight question, an extra 'colour' question at the end
    of the hair section, and goals without the 'unsure' option."""
    s = form_v2().replace("version 2", "version 1")
    a = s.index("question weight decimal")
    b = s.index("question comfort scale")
    s = s[:a] + s[b:]
    s = s.replace('''  option unsure exclusive
    label en "Not sure yet"
    label es "Aún no lo sé"
''', "")
    s = s.replace("question notes longtext", '''question colour choice
  label en "Hair colour"
  label es "Color del cabello"
  option dark
    label en "Dark"
    label es "Oscuro"
  option fair
    label en "Fair"
    label es "Claro"

question notes longtext''')
    return s


def put_form(db, text, added):
    h = hashlib.sha256(text.encode()).hexdigest()
    ver = 1 if "version 1" in text else 2
    db.execute("INSERT INTO forms VALUES(?,?,?,?,?)",
               (h, "minimal", ver, text, added))
    return h


def intake(db, iid, h, started, status="completed", score=None,
           band=None, lang="en", source="kiosk", kiosk="lobby-1"):
    done = started if status == "completed" else None
    db.execute("INSERT INTO intakes VALUES(?,?,?,?,?,?,?,?,?,?,?)",
               (iid, h, kiosk, lang, source, status, started, started,
                done, score, band))


def answers(db, iid, at, pairs):
    for q, v in pairs:
        db.execute("INSERT INTO answers VALUES(?,?,?,?)", (iid, q, v, at))


def lines(db, iid, rows):
    for seq, (kind, code, pts, text) in enumerate(rows, 1):
        db.execute("INSERT INTO result_lines VALUES(?,?,?,?,?,?)",
                   (iid, seq, kind, code, pts, text))


def tricky(db):
    h2 = put_form(db, form_v2(), "2026-05-01T08:00:00.000Z")
    h1 = put_form(db, form_v1(), "2026-01-01T08:00:00.000Z")
    a = "a0000000-0000-4000-8000-000000000000"
    intake(db, a, h1, "2026-06-01T09:00:00.000Z", score=20, band="review",
           lang="es", source="paper")
    answers(db, a, "2026-06-01T09:01:00.000Z", [
        ("welcome", "agreed"), ("name", "José Ñúñez"),
        ("birth_date", "1980-02-29"), ("pattern", "female"),
        ("keloid", "yes"), ("goals", "density"), ("colour", "dark"),
        ("comfort", "2"), ("notes", "+447700900123")])
    lines(db, a, [("points", "pattern=female", 5, "Pattern: +5"),
                  ("flag", "keloid_history", 0, "Keloid history: test patch first"),
                  ("recommend", "density", 0, "Layered density sessions")])
    b = "b0000000-0000-4000-8000-000000000000"
    intake(db, b, h2, "2026-06-10T10:00:00.000Z", score=75, band="good")
    answers(db, b, "2026-06-10T10:02:00.000Z", [
        ("welcome", "agreed"), ("name", 'Zoë "Z" O\'Neil, Jr.'),
        ("birth_date", "2010-01-01"), ("pattern", "male"), ("stage", "-3"),
        ("keloid", "yes"), ("goals", "density;hairline"),
        ("weight", "72.5"), ("comfort", "4"),
        ("notes", "=HYPERLINK(\"http://x\",\"y\")\r\nline 2, \"quoted\"")])
    lines(db, b, [("points", "pattern=male", 10, "Pattern: +10"),
                  ("stop", "minor", 0, "Under 18: SMP is not offered"),
                  ("flag", "keloid_history", 0, "Keloid history: test patch first"),
                  ("recommend", "density", 0, "Layered density sessions")])
    c = "c0000000-0000-4000-8000-000000000000"
    intake(db, c, h2, "2026-06-12T11:00:00.000Z", status="abandoned",
           kiosk="lobby,2")
    answers(db, c, "2026-06-12T11:01:00.000Z", [
        ("name", "مرحبا שלום \u202eevil"), ("pattern", "none"),
        ("goals", "unsure"), ("notes", "+1 @SUM(A1) -x\ttab 😀 山田")])
    d = "d0000000-0000-4000-8000-000000000000"
    intake(db, d, h2, "2026-06-14T12:00:00.000Z", status="in_progress")
    answers(db, d, "2026-06-14T12:01:00.000Z", [
        ("name", "\x1b[2Jclear"), ("notes", "0123456789" * 1024)])


def many(db, n):
    """Ids are random version 4 UUIDs (seeded), as the store makes them,
    so the answers of successive intakes lie far apart on disk."""
    h2 = put_form(db, form_v2(), "2026-05-01T08:00:00.000Z")
    rnd = random.Random(n)
    for i in range(n):
        iid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        t = "2026-%02d-%02dT%02d:%02d:00.000Z" % (
            1 + i % 12, 1 + i % 28, i % 24, i % 60)
        intake(db, iid, h2, t, score=i % 101,
               band="good" if i % 101 >= 60 else "review")
        answers(db, iid, t, [
            ("welcome", "agreed"), ("name", "Client %d" % i),
            ("birth_date", "1980-01-01"), ("pattern", "male"),
            ("stage", str(1 + i % 7)), ("keloid", "no"),
            ("goals", "density;hairline"), ("comfort", "3"),
            ("notes", "note %d, with a comma" % i)])
        lines(db, iid, [("points", "pattern=male", 10, "Pattern: +10")])


def main():
    db = sqlite3.connect(sys.argv[1])
    db.executescript(SCHEMA)
    if sys.argv[2] == "tricky":
        tricky(db)
    else:
        many(db, int(sys.argv[3]))
    db.commit()
    db.execute("PRAGMA journal_mode=WAL")
    db.close()


main()
