#!/usr/bin/env python3
"""plain.py BIN CONF FORM LANG TRANSCRIPT [--dumb]: walk a whole form in the
kiosk's plain mode through a pty, answering every question the way a
client would type it (numbers, the words yes/si/no, typed text), and write
the transcript.  Exits 0 when the end screen came and nothing went wrong;
prints what went wrong otherwise, and the walk's time in seconds.

Nothing sleeps for a fixed time: every wait reads the pty until the page
it expects has come (its last line says what to type) or a deadline.

The answers avoid every stop of the shipped form (an adult, not pregnant,
"none of these" on every list of conditions), so the walk reaches the
review and the end screen through every section."""
import os
import pty
import re
import select
import sys
import time

BIN, CONF, FORM, LANG, TRANSCRIPT = sys.argv[1:6]
DUMB = "--dumb" in sys.argv[6:]
DEADLINE = 10.0
BAD = {"yes", "now", "lt6", "keloid", "fue", "fut", "both", "unsure"}
TEXT = {"full_name": "José Ñúñez", "phone": "+34 600 123 456",
        "email": "jose@example.com"}
WORDS = {"en": ("yes", "no"), "es": ("sí", "no")}
# The last line of every page: what to type (plain-* phrases), or a message;
# a page is whole when what came ends with one of them.
END_LINE = re.compile(
    r"(Press Enter to go on\.|then press Enter\.|to see this again\.|"
    r"Pulse Intro para seguir\.|y pulse Intro\.|para verlo otra vez\.|"
    r"^! [^\n]*)\n\Z", re.M)


WORDS_LINE = re.compile(r"(to see this again\.|para verlo otra vez\.|"
                        r"^! [^\n]*)\n\Z", re.M)
PROGRESS = re.compile(r"^(Question|Pregunta) \d+ (of|de) \d+$", re.M)


def complete(text):
    """Has a whole page come?  Its last line says what to type; a page of
    the walk (it has a progress line) ends with the words line (or a
    message) below that, which may come in a later read."""
    if PROGRESS.search(text):
        return WORDS_LINE.search(text) is not None
    return END_LINE.search(text) is not None


def parse_form(path):
    """Questions in file order: id, type, labels by language, options
    (code, exclusive)."""
    qs, q = [], None
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        m = re.match(r"question\s+([a-z_][a-z0-9_]*)\s+(\w+)", s)
        if m or re.match(r"(screen|section|rules|stop|flag)\b", s):
            q = None
            if m:
                q = {"id": m.group(1), "type": m.group(2), "label": {},
                     "options": []}
                qs.append(q)
            continue
        if q is None:
            continue
        if s == "precision month":
            q["type"] = "month"
        m = re.match(r"option\s+(\S+)(.*)", s)
        if m:
            q["options"].append((m.group(1), "exclusive" in m.group(2)))
            continue
        m = re.match(r'label\s+(\w+)\s+"(.*)"', s)
        if m and not q["options"]:
            q["label"][m.group(1)] = m.group(2)
    return qs


def answer(q):
    """What a client types for question q."""
    t, qid = q["type"], q["id"]
    if t == "yesno":
        yes, no = WORDS[LANG]
        return yes if qid in ("confirm", "touchups_ok") else no
    if t in ("text", "longtext"):
        return TEXT.get(qid, "")
    if t == "date":
        return "1985-07-23"
    if t == "month":                            # long ago: no stop
        return "03/2015"
    if t == "scale":
        return "3"
    if t == "multi":
        for i, (code, excl) in enumerate(q["options"]):
            if excl:
                return str(i + 1)
        return ""
    for i, (code, excl) in enumerate(q["options"]):
        if code not in BAD:
            return str(i + 1)
    return "1"


class Kiosk:
    def __init__(self):
        env = dict(os.environ)
        env["TERM"] = "dumb" if DUMB else env.get("TERM", "xterm")
        argv = [BIN, "kiosk", "--config", CONF]
        if not DUMB:
            argv.append("--plain")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BIN, argv, env)
        self.out = b""
        self.mark = 0
        self.lines = self.typed = 0     # what the client typed

    def page(self):
        """Wait until a whole page (or a message) has come since the last
        line sent; return it."""
        end = time.time() + DEADLINE
        while time.time() < end:
            text = self.out[self.mark:].decode("utf-8", "replace")
            text = text.replace("\r\n", "\n")
            if complete(text):
                return text
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    break
        raise TimeoutError("no page after %r" % self.out[-300:])

    def send(self, line):
        self.lines += 1
        self.typed += len(line.encode()) + 1
        self.mark = len(self.out)
        os.write(self.fd, (line + "\n").encode())

    def stop(self):
        try:
            os.kill(self.pid, 15)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def which(qs, text):
    """The question whose label is on the page, or None."""
    best = None
    for q in qs:
        lab = q["label"].get(LANG, "")
        if lab and lab in text and (best is None or
                                    len(lab) > len(best["label"][LANG])):
            best = q
    return best


def walk():
    qs = parse_form(FORM)
    k = Kiosk()
    started = None
    problems = []
    try:
        text = k.page()                         # welcome
        k.send("")
        text = k.page()
        if "Choose your language" in text:      # numbered languages
            k.send("2" if LANG == "es" else "1")
            text = k.page()
        started = time.time()
        for _ in range(200):
            if re.search(r"^! ", text, re.M):
                problems.append("message: " + text.strip())
                break
            if re.search(r"^(Thank you|Gracias)$", text, re.M):
                break
            if re.search(r"Please check your answers|Revise sus respuestas",
                         text):
                n = max(int(x) for x in re.findall(r"^(\d+)\. ", text,
                                                  re.M))
                k.send(str(n))                  # "Send my answers"
                text = k.page()
                continue
            q = which(qs, text)
            if q is None:                       # information screen
                k.send("1" if re.search(r"^2\. ", text, re.M) else "")
            else:
                k.send(answer(q))
            text = k.page()
        else:
            problems.append("the walk did not end")
        took = time.time() - started
    except TimeoutError as e:
        problems.append(str(e))
        took = 0
    finally:
        k.stop()
        with open(TRANSCRIPT, "wb") as f:     # the pty's CR LF as LF
            f.write(k.out.replace(b"\r\n", b"\n"))
    print("%.2f s, %d lines, %d bytes typed" % (took, k.lines, k.typed))
    for p in problems:
        print(p)
    return 1 if problems else 0


sys.exit(walk())
