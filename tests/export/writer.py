#!/usr/bin/env python3
"""Keep saving intakes until STOPFILE exists or SECONDS pass (a deadline).

usage: writer.py DB STOPFILE SECONDS

Each intake and all its answers are one transaction, as a kiosk's last
answer and completion are; prints how many it committed.
"""
import os
import sqlite3
import sys
import time

db, stop, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
con = sqlite3.connect(db, timeout=10, isolation_level=None)
h = con.execute("SELECT hash FROM forms LIMIT 1").fetchone()[0]
end = time.monotonic() + secs
n = 0
while time.monotonic() < end and not os.path.exists(stop):
    iid = "20000000-0000-4000-8000-%012d" % n
    t = "2026-06-15T10:%02d:%02d.000Z" % (n // 60 % 60, n % 60)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO intakes VALUES(?,?,'k','en','kiosk',"
                "'in_progress',?,?,NULL,NULL,NULL)", (iid, h, t, t))
    for q, v in (("name", "Writer %d" % n), ("pattern", "male"),
                 ("stage", "3"), ("notes", "complete %d" % n)):
        con.execute("INSERT INTO answers VALUES(?,?,?,?)", (iid, q, v, t))
    con.execute("COMMIT")
    n += 1
print(n)
