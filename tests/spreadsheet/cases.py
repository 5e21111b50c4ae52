#!/usr/bin/env python3
"""Write an intake database with one intake per line of cases.txt.

usage: cases.py DB CASES

Each case is the free-text "notes" answer of its own completed intake
(ids n0000000-..., in order), with a date of birth (a date question),
stage and weight (number questions) that must stay a date and numbers.
Schema 1 (tests/export/schema.sql): the export upgrades it as it does for
the export tests.
"""
import hashlib
import os
import sqlite3
import sys

here = os.path.dirname(os.path.abspath(__file__))


def cases(path):
    """[(value, marked)]: marked is whether the export adds an apostrophe
    (every value before the line "#kept")."""
    out = []
    marked = True
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line == "#kept":
            marked = False
        if line.startswith("#") or line == "":
            continue
        if line.startswith("\\s"):
            line = " " + line[2:]
        if line.endswith("\\s"):
            line = line[:-2] + " "
        out.append((line.replace("\\t", "\t"), marked))
    return out


def main():
    db_path, cases_path = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(db_path)
    db.executescript(open(os.path.join(here, "../export/schema.sql"),
                          encoding="utf-8").read())
    form = open("forms/minimal.form", encoding="utf-8").read()
    h = hashlib.sha256(form.encode()).hexdigest()
    db.execute("INSERT INTO forms VALUES(?,?,?,?,?)",
               (h, "minimal", 2, form, "2026-05-01T08:00:00.000Z"))
    for i, (value, _) in enumerate(cases(cases_path)):
        iid = "n%07d-0000-4000-8000-000000000000" % i
        at = "2026-06-10T10:00:00.000Z"
        db.execute("INSERT INTO intakes VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                   (iid, h, "lobby-1", "en", "kiosk", "completed", at, at,
                    at, 40, "good"))
        for q, v in (("welcome", "agreed"), ("name", "Case %d" % i),
                     ("birth_date", "1990-04-02"), ("pattern", "male"),
                     ("stage", "5"), ("keloid", "no"), ("weight", "72.5"),
                     ("notes", value)):
            db.execute("INSERT INTO answers VALUES(?,?,?,?)",
                       (iid, q, v, at))
    db.commit()
    db.close()


main()
