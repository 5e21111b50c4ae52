#!/usr/bin/env python3
"""Keep saving answers until STOPFILE exists or SECONDS pass (a deadline).

usage: writer.py DB STOPFILE SECONDS

Like a kiosk, it starts an intake (kiosk id "writer") and then saves its
answers one transaction each; each transaction also sets the intake's
score to the number of answers it now has.  In any consistent snapshot a
writer intake's score equals its number of answers.  Prints how many
transactions it committed.
"""
import os
import sqlite3
import sys
import time

QUESTIONS = (("name", "Writer %d"), ("pattern", "male"), ("stage", "3"),
             ("notes", "complete %d"))
db, stop, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
con = sqlite3.connect(db, timeout=10, isolation_level=None)
h = con.execute("SELECT hash FROM forms LIMIT 1").fetchone()[0]
end = time.monotonic() + secs
n = 0
while time.monotonic() < end and not os.path.exists(stop):
    i, k = divmod(n, len(QUESTIONS) + 1)
    iid = "ffffffff-0000-4000-8000-%012d" % i  # sorts last
    t = "2026-06-15T10:%02d:%02d.000Z" % (i // 60 % 60, i % 60)
    con.execute("BEGIN IMMEDIATE")
    if k == 0:
        # Columns named: the first export upgrades the fixture's schema.
        con.execute("INSERT INTO intakes(id, form_hash, kiosk_id, lang, "
                    "source, status, started_at, updated_at, score) "
                    "VALUES(?,?,'writer','en','kiosk','in_progress',?,?,0)",
                    (iid, h, t, t))
    else:
        q, v = QUESTIONS[k - 1]
        con.execute("INSERT INTO answers VALUES(?,?,?,?)",
                    (iid, q, v.replace("%d", str(i)), t))
        con.execute("UPDATE intakes SET score = ? WHERE id = ?", (k, iid))
    con.execute("COMMIT")
    n += 1
    # Pace like many fast kiosks, not a tight loop: SQLite's lock is not
    # fair, and a loop that retakes it at once starves every other writer
    # (here the export's audit entry) past any busy timeout.
    time.sleep(0.002)
print(n)
