# install.sh: make install / uninstall into a DESTDIR, as a packager would.
. tests/lib.sh
d="$TESTTMP/root"
# Always the plain build: BUILD may point at the sanitizer tree, whose
# objects must not be rebuilt without sanitizers.
if make -s install DESTDIR="$d" PREFIX=/usr BUILD=build >"$TESTTMP/log" 2>&1; then
	ok "install-1 make install succeeds"
else
	not_ok "install-1 make install succeeds" "$(cat "$TESTTMP/log")"
fi
check "install-2 binary is installed and runs" \
	"$d/usr/bin/smp-intake" --version
check "install-3 man page installed" test -s "$d/usr/share/man/man1/smp-intake.1"
check "install-4 installed form checks with its pictures" \
	"$d/usr/bin/smp-intake" check "$d/usr/share/smp-intake/forms/smp-consultation.form"
n=$(ls "$d/usr/share/smp-intake/forms/art/"*.txt 2>/dev/null | wc -l)
expect_eq "install-5 every picture installed" "$(ls forms/art/*.txt | wc -l)" "$n"
make -s uninstall DESTDIR="$d" PREFIX=/usr BUILD=build >/dev/null 2>&1
expect_eq "install-6 uninstall leaves no file" 0 "$(find "$d" -type f | wc -l)"
