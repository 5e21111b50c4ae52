#!/usr/bin/env python3
"""Write small real intake databases as seeds for fuzz_merge.

usage: seed_db.py DIR

DIR/tricky.db   the export tests' tricky intakes (tests/export/fixture.py:
                quotes, UTF-8, a 10 KB answer; schema 1, as an older kiosk)
DIR/tiny.db     one completed intake with answers and result lines in
                512-byte pages: small enough for the fuzzer to mutate well
Both in rollback-journal mode (no -wal or -shm needed beside them).
"""
import os
import sqlite3
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def shrink(path, page_size):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA page_size=%d" % page_size)
    db.execute("VACUUM")
    db.close()


for name in ("tricky.db", "tiny.db"):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(os.path.join(out, name + suffix)):
            os.unlink(os.path.join(out, name + suffix))

tricky = os.path.join(out, "tricky.db")
subprocess.run([sys.executable, os.path.join(here, "../export/fixture.py"),
                tricky, "tricky"], check=True)
shrink(tricky, 1024)

tiny = os.path.join(out, "tiny.db")
db = sqlite3.connect(tiny, isolation_level=None)
db.execute("PRAGMA page_size=512")
db.executescript(open(os.path.join(here, "../export/schema.sql")).read())
db.execute("INSERT INTO forms VALUES ('ab', 'f', 1, 'form f', "
           "'2026-01-01T00:00:00.000Z')")
iid = "a0000000-0000-4000-8000-000000000000"
db.execute("INSERT INTO intakes VALUES (?, 'ab', 'k1', 'en', 'kiosk', "
           "'completed', '2026-01-01T00:00:00.000Z', "
           "'2026-01-01T00:01:00.000Z', '2026-01-01T00:01:00.000Z', 7, "
           "'good')", (iid,))
db.execute("INSERT INTO answers VALUES (?, 'name', 'Ann', "
           "'2026-01-01T00:00:30.000Z')", (iid,))
db.execute("INSERT INTO answers VALUES (?, 'stage', '5', "
           "'2026-01-01T00:00:40.000Z')", (iid,))
db.execute("INSERT INTO result_lines VALUES (?, 1, 'flag', 'keloid', 0, "
           "'Keloid: test patch first')", (iid,))
db.execute("INSERT INTO audit VALUES (1, '2026-01-01T00:02:00.000Z', "
           "'ann', 'export', 'format=wide')")
db.close()
shrink(tiny, 512)
