#!/usr/bin/env python3
"""formmap.py FORM: questions and options of a form as TSV for the e2e
profile walker: "Q id type min label" and "O qid code index" lines
(English labels; yesno options are yes=1, no=2), and "I n id" for the
n-th item (question or screen) in form order, the kiosk's progress
number.  Only what the walker needs, read line by line as the form
language lays it out."""
import re
import sys

qid = None
qtype = None
qmin = "1"
label = None
nopt = 0
out = []
nitem = 0


def flush():
    if qid is not None:
        out.append("Q\t%s\t%s\t%s\t%s" % (qid, qtype, qmin, label or ""))
        if qtype == "yesno":
            out.append("O\t%s\tyes\t1" % qid)
            out.append("O\t%s\tno\t2" % qid)


for line in open(sys.argv[1], encoding="utf-8"):
    s = line.strip()
    m = re.match(r'question\s+([a-z_][a-z0-9_]*)\s+(\w+)', s)
    it = re.match(r'(question|screen)\s+([a-z_][a-z0-9_]*)', s)
    if it:
        nitem += 1
        out.append("I\t%d\t%s" % (nitem, it.group(2) if m else "-"))
    if m or re.match(r'(screen|section|rules)\b', s):
        flush()
        qid = qtype = label = None
        qmin, nopt = "1", 0
        if m:
            qid, qtype = m.group(1), m.group(2)
        continue
    if qid is None:
        continue
    m = re.match(r'option\s+(\S+)', s)
    if m:
        nopt += 1
        out.append("O\t%s\t%s\t%d" % (qid, m.group(1), nopt))
        continue
    m = re.match(r'label\s+en\s+"(.*)"', s)
    if m and nopt == 0:
        label = m.group(1).replace('\\"', '"')
    m = re.match(r'min\s+(-?\d+)', s)
    if m:
        qmin = m.group(1)
flush()
print("\n".join(out))
