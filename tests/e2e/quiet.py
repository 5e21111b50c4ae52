#!/usr/bin/env python3
"""quiet.py BIN CONF: what the full-screen kiosk writes to its terminal,
read through a pty of 80x24 (TERM=xterm-256color).

Walks the test form to its first list (the hair-loss pattern), then:
  - sends Down and Up several times and prints the bytes each one made
    the kiosk write ("key BYTES CLEARED"), CLEARED 1 if the write held a
    clear-screen sequence;
  - waits, sending nothing, for the idle warning (the config's
    idle_timeout should be short) and prints "idle BYTES" for what was
    written between the last key's screen and the warning ("0" is quiet),
    and "bell 1" if the warning rang the terminal's bell.

A key's write is over when the kiosk has sent the cursor to the row of
the highlighted entry and nothing more came for 0.3 s (its loop turns
every 0.25 s, so anything later is not that key's)."""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

BIN, CONF = sys.argv[1], sys.argv[2]


def start():
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
        os.execve(BIN, [BIN, "kiosk", "--config", CONF], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, buf, pattern, deadline=10.0):
    """Read into buf until pattern (bytes regex) matches what came."""
    end = time.time() + deadline
    start = len(buf)
    while time.time() < end:
        if re.search(pattern, bytes(buf[start:])):
            return True
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            buf += os.read(fd, 65536)
    return False


def settle(fd, buf, quiet=0.3, deadline=5.0):
    """Read until nothing comes for `quiet` seconds."""
    end = time.time() + deadline
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return
        buf += os.read(fd, 65536)


def main():
    pid, fd = start()
    buf = bytearray()
    steps = [(b"Press any key", b" "), (b"Choose your language", b"\r"),
             (b"I agree", b"\r"), (b"Your full name", b"Jo\r"),
             (b"date of birth", b"1985-07-23\r"),
             (b"hair treatments", b"2\r"), (b"weight", b"\t"),
             (b"Which best describes", None)]
    for want, send in steps:
        if not read_until(fd, buf, re.escape(want)):
            print("no screen with", want.decode(), file=sys.stderr)
            return 1
        settle(fd, buf)
        if send is not None:
            os.write(fd, send)
    for key in [b"\x1bOB", b"\x1bOB", b"\x1bOA", b"\x1bOB"] * 2:
        mark = len(buf)
        os.write(fd, key)
        settle(fd, buf)
        out = bytes(buf[mark:])
        cleared = b"\x1b[2J" in out or b"\x1b[H\x1b[J" in out
        print("key %d %d" % (len(out), 1 if cleared else 0))
    # Idle: every chunk written from now on, with its time; the warning's
    # own screen is the burst that holds its text.
    chunks, seen, t0 = [], b"", time.time()
    while b"Are you still there" not in seen and time.time() - t0 < 30:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            c = os.read(fd, 65536)
            chunks.append((time.time(), c))
            seen += c
    if b"Are you still there" not in seen:
        print("no idle warning", file=sys.stderr)
        return 1
    end = time.time() + 2                       # the rest of its burst
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.3)
        if not r:
            break
        chunks.append((time.time(), os.read(fd, 65536)))
    last = [t for t, c in chunks if b"Are you" in c][0]
    early = sum(len(c) for t, c in chunks if t < last - 0.2)
    print("idle %d %.1f" % (early, last - t0))
    warning = b"".join(c for t, c in chunks if t >= last - 0.2)
    print("bell %d" % (1 if b"\x07" in warning else 0))
    os.kill(pid, 15)
    os.waitpid(pid, 0)
    return 0


sys.exit(main())
