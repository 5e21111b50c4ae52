#!/bin/sh
# Install the Debian packages smp-intake needs to build, test and run.
# Idempotent: it asks dpkg what is missing and installs only that; it prints
# nothing when everything is present.  Uses sudo only when not root.
#
# Another package manager may hold the apt locks (a fresh machine runs
# unattended-upgrades at boot, another terminal an install): the script
# then waits for it, up to $DEPS_LOCK_WAIT seconds (default 900), saying
# so once, instead of failing at once.  It waits while unattended-upgrades
# runs, gives apt-get DPkg::Lock::Timeout for the dpkg lock, and retries
# apt-get update (whose lists lock that option does not cover) every
# $DEPS_LOCK_POLL seconds (default 2).
set -eu

# Packages needed to build and run the program and its whole test suite.
PKGS="make gcc pkg-config libncurses-dev libsqlite3-dev libcsv-dev
libcmocka-dev libinih-dev libsodium-dev uuid-dev tmux sqlite3 python3
ncurses-term locales postgresql libpq-dev libchafa-dev libglib2.0-dev
libespeak-ng-dev espeak-ng sox"

# Extra packages for optional targets, requested with "deps.sh fuzz" etc.
for extra in "$@"; do
	case "$extra" in
	fuzz)	PKGS="$PKGS clang libclang-rt-dev" ;;
	bench)	PKGS="$PKGS hyperfine valgrind dialog gnuplot-nox time" ;;
	asan)	PKGS="$PKGS gcc" ;;
	spreadsheet) PKGS="$PKGS libreoffice-calc-nogui python3" ;;
	*)	echo "deps.sh: unknown extra '$extra'" >&2; exit 64 ;;
	esac
done

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
LOCK_WAIT=${DEPS_LOCK_WAIT:-900}
POLL=${DEPS_LOCK_POLL:-2}
deadline=$(( $(date +%s) + LOCK_WAIT ))
said_upgrades=""
said_lock=""

# Wait while unattended-upgrades (or apt's daily timers) run: they take
# the locks again and again between steps.
wait_upgrades() {
	while pgrep -x unattended-upgr >/dev/null 2>&1 ||
	    pgrep -x unattended-upgrade >/dev/null 2>&1; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "deps: unattended-upgrades still running after" \
			    "${LOCK_WAIT}s; trying anyway" >&2
			return 0
		fi
		if [ -z "$said_upgrades" ]; then
			echo "deps: waiting for unattended-upgrades to finish" \
			    "(up to ${LOCK_WAIT}s)" >&2
			said_upgrades=1
		fi
		sleep "$POLL"
	done
}

# apt-get ARGS...: run it, waiting for the apt locks as long as allowed.
apt() {
	while :; do
		wait_upgrades
		left=$(( deadline - $(date +%s) ))
		[ "$left" -gt 0 ] || left=1
		if out=$($SUDO apt-get -o DPkg::Lock::Timeout="$left" "$@" 2>&1 \
		    >/dev/null); then
			[ -z "$out" ] || printf '%s\n' "$out" >&2
			return 0
		fi
		case $out in
		*"Could not get lock"*|*"Unable to lock"*|*"Unable to acquire"*)
			;;
		*)	printf '%s\n' "$out" >&2
			return 1 ;;
		esac
		if [ "$(date +%s)" -ge "$deadline" ]; then
			printf '%s\n' "$out" >&2
			echo "deps: another package manager held the apt lock for" \
			    "${LOCK_WAIT}s; giving up (DEPS_LOCK_WAIT sets the wait)" >&2
			return 1
		fi
		if [ -z "$said_lock" ]; then
			echo "deps: another package manager holds the apt lock;" \
			    "waiting (up to ${LOCK_WAIT}s)" >&2
			said_lock=1
		fi
		sleep "$POLL"
	done
}

echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt update -qq
# libclang-rt-dev is a virtual name on some releases; fall back to the versioned one.
# shellcheck disable=SC2086
if ! apt install -y -qq --no-install-recommends $missing; then
	missing=$(echo "$missing" | sed 's/libclang-rt-dev/libclang-rt-14-dev/')
	# shellcheck disable=SC2086
	apt install -y -qq --no-install-recommends $missing
fi
