#!/usr/bin/env bash
# scripts/deps.sh waits for the apt locks instead of failing at once when
# another package manager (unattended-upgrades at boot, an install in
# another terminal) holds them.
#   deps-1  fake apt-get, dpkg-query, pgrep and sudo on PATH: the script
#           waits for unattended-upgrades, then for the lock, then
#           installs; gives up after DEPS_LOCK_WAIT; fails at once on any
#           other apt error.  Runs as any user and changes nothing.
#   deps-2  root only: the real dpkg and apt lists locks held (fcntl, as
#           apt takes them) while the real apt-get installs an installed
#           package (sqlite3, reported missing): it waits, then succeeds.
source tests/lib.sh
set -u
T=$TESTTMP
F=$T/fake
mkdir -p "$F"
cat >"$F/dpkg-query" <<'SH'
#!/bin/sh
# Every package is installed but sqlite3.
for a; do p=$a; done
[ "$p" = sqlite3 ] && exit 1
printf 'install ok installed'
SH
cat >"$F/apt-get" <<'SH'
#!/bin/sh
if [ -e "$FAKE_LOCKED" ]; then
	echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1 (apt-get)" >&2
	exit 100
fi
if [ -e "$FAKE_BROKEN" ]; then
	echo "E: Unable to locate package sqlite3" >&2
	exit 100
fi
echo "$*" >>"$FAKE_LOG"
SH
cat >"$F/pgrep" <<'SH'
#!/bin/sh
[ -e "$FAKE_UPGRADING" ]
SH
printf '#!/bin/sh\nexec "$@"\n' >"$F/sudo"
chmod +x "$F"/*
export FAKE_LOCKED=$T/locked FAKE_BROKEN=$T/broken FAKE_LOG=$T/apt.log \
    FAKE_UPGRADING=$T/upgrading

# wait_for FILE TEXT: until FILE holds TEXT (deadline 20 s); 0 if it does.
wait_for() { poll 20 grep -q "$2" "$1" 2>/dev/null; }

touch "$T/locked" "$T/upgrading"
PATH=$F:$PATH DEPS_LOCK_POLL=0.1 sh scripts/deps.sh >"$T/out" 2>"$T/err" &
pid=$!
up=no lock=no
wait_for "$T/err" "waiting for unattended-upgrades" && up=yes
rm -f "$T/upgrading"
wait_for "$T/err" "holds the apt lock; waiting" && lock=yes
rm -f "$T/locked"
wait $pid
rc=$?
expect_eq "deps-1 waits for unattended-upgrades, then the lock, then installs" \
    "0 yes yes
-o DPkg::Lock::Timeout=900 update -qq
-o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends sqlite3" \
    "$rc $up $lock
$(sed 's/Timeout=[0-9]*/Timeout=900/' "$T/apt.log")"

touch "$T/locked"
PATH=$F:$PATH DEPS_LOCK_WAIT=1 DEPS_LOCK_POLL=0.1 sh scripts/deps.sh >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q "held the apt lock for 1s; giving up" "$T/err"; then
	ok "deps-1 gives up after DEPS_LOCK_WAIT, saying so"
else
	not_ok "deps-1 gives up after DEPS_LOCK_WAIT, saying so" "rc=$rc $(cat "$T/err")"
fi
rm -f "$T/locked"
touch "$T/broken"
PATH=$F:$PATH DEPS_LOCK_POLL=0.1 sh scripts/deps.sh >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q "Unable to locate package" "$T/err" &&
	! grep -q waiting "$T/err"; then
	ok "deps-1 any other apt error fails at once"
else
	not_ok "deps-1 any other apt error fails at once" "rc=$rc $(cat "$T/err")"
fi
rm -f "$T/broken"

# --- deps-2: the real locks and the real apt-get (root only) ----------
if [ "$(id -u)" -ne 0 ]; then
	skip "deps-2 real apt lock" "needs root to take the dpkg lock"
elif ! command -v apt-get >/dev/null || ! command -v python3 >/dev/null; then
	skip "deps-2 real apt lock" "no apt-get or python3"
else
	touch "$T/hold"
	# apt takes its locks with fcntl (lockf), not flock: so does this.
	python3 - "$T/hold" "$T/held" <<'PY' &
import fcntl, os, sys, time
fds = []
for p in ("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock",
          "/var/lib/apt/lists/lock"):
    fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o640)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    fds.append(fd)
open(sys.argv[2], "w").close()
deadline = time.time() + 60
while os.path.exists(sys.argv[1]) and time.time() < deadline:
    time.sleep(0.05)
PY
	holder=$!
	poll 20 test -e "$T/held"
	mkdir -p "$T/real"
	cp "$F/dpkg-query" "$T/real/"
	PATH=$T/real:$PATH DEPS_LOCK_WAIT=120 DEPS_LOCK_POLL=0.2 \
	    sh scripts/deps.sh >"$T/out" 2>"$T/err" &
	pid=$!
	lock=no
	wait_for "$T/err" "holds the apt lock; waiting" && lock=yes
	rm -f "$T/hold"
	wait $holder
	wait $pid
	rc=$?
	if grep -q "Failed to fetch\|Temporary failure resolving\|Could not resolve" "$T/err"; then
		skip "deps-2 real apt lock: waits, then installs" "apt-get update cannot reach its mirrors: $(grep -m1 'Failed\|resolv' "$T/err")"
	else
		expect_eq "deps-2 real apt lock: waits, then installs" "0 yes" "$rc $lock"
		[ "$rc" -eq 0 ] || sed 's/^/# /' "$T/err" >&2
	fi
fi
