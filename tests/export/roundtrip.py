#!/usr/bin/env python3
"""Read an export back and compare every value with the database.

usage: roundtrip.py DB CSV wide|long [LIBCSV_DUMP]

Python's csv module reads CSV; every stored answer must come back
unchanged, except cells a spreadsheet would run as a formula or show as a
changed number, and cells that start with an apostrophe: those must come
back with exactly one more leading apostrophe (docs/export.md).  With
LIBCSV_DUMP (csvread's output for the same file) every field libcsv read
must equal the field Python read.  Prints one line per problem; exit 1 if
any.
"""
import csv
import re
import sqlite3
import sys

NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


def changed_number(v):
    """A plain number a spreadsheet would show differently."""
    m = NUMBER.fullmatch(v)
    if not m:
        return False
    digits = v.lstrip("+-")
    whole = digits.split(".")[0]
    return (v[0] == "+" or (len(whole) > 1 and whole[0] == "0") or
            ("." in v and v.endswith("0")) or
            (v[0] == "-" and not digits.strip("0.")) or
            len(digits.replace(".", "")) > 15)


def neutral(v):
    if v and (v[0] == "'" or changed_number(v) or
              (v[0] in "=+-@\t\r" and not NUMBER.fullmatch(v))):
        return "'" + v
    return v


def read_dump(path):
    rows = []
    data = open(path, "rb").read()
    i = 0
    row = []
    while i < len(data):
        if data[i:i + 1] == b"\n":
            rows.append(row)
            row = []
            i += 1
            continue
        j = data.index(b":", i)
        n = int(data[i:j])
        row.append(data[j + 1:j + 1 + n].decode("utf-8"))
        i = j + 1 + n
    return rows


def main():
    db, path, fmt = sys.argv[1:4]
    con = sqlite3.connect(db)
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    bad = []
    head = rows[0]
    types = {}
    if fmt == "wide":
        col = {h: i for i, h in enumerate(head)}
        byid = {r[0]: r for r in rows[1:]}
        for iid, q, v in con.execute(
                "SELECT intake_id, question, value FROM answers"):
            if iid not in byid:
                continue
            if q == "goals":
                for code in v.split(";"):
                    if byid[iid][col["goals___" + code]] != "1":
                        bad.append("%s goals___%s not 1" % (iid, code))
                continue
            if q not in col:
                continue
            got = byid[iid][col[q]]
            if got != neutral(v):
                bad.append("%s %s: %r != %r" % (iid, q, got, neutral(v)))
    else:
        seen = {(r[0], r[3]): r[4] for r in rows[1:]}
        for iid, q, v in con.execute(
                "SELECT intake_id, question, value FROM answers"):
            if (iid, q) in seen and seen[(iid, q)] != neutral(v):
                bad.append("%s %s: %r" % (iid, q, seen[(iid, q)]))
    if len(sys.argv) > 4:
        lib = read_dump(sys.argv[4])
        if path and open(path, "rb").read(3) == b"\xef\xbb\xbf":
            lib[0][0] = lib[0][0].lstrip("\ufeff")
        if lib != rows:
            bad.append("libcsv and python read different fields")
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
