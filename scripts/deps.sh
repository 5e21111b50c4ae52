#!/bin/sh
# Install the Debian packages smp-intake needs to build, test and run.
# Idempotent: it asks dpkg what is missing and installs only that; it prints
# nothing when everything is present.  Uses sudo only when not root.
set -eu

# Packages needed to build and run the program and its whole test suite.
PKGS="make gcc pkg-config libncurses-dev libsqlite3-dev libcsv-dev
libcmocka-dev libinih-dev libsodium-dev uuid-dev tmux sqlite3 python3
ncurses-term locales libchafa-dev libglib2.0-dev"

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
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# libclang-rt-dev is a virtual name on some releases; fall back to the versioned one.
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
	missing=$(echo "$missing" | sed 's/libclang-rt-dev/libclang-rt-14-dev/')
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
