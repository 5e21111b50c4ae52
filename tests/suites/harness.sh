# harness.sh: tests/run itself, on folders of its own: passes, failures
# and skips are counted apart, every skip is listed with its reason, a
# suite that dies without saying so is a failure, a unit test that was not
# built is a failure, and skips alone do not fail the run.
source tests/lib.sh
T=$TESTTMP/h
mkdir -p "$T/suites" "$T/units" "$T/build/tests" "$T/quiet/suites"
cat >"$T/suites/fake.sh" <<'SUITE'
echo "ok - a"
echo "ok - b # SKIP no mount here"
echo "not ok - c"
echo "ok - d # skip lower case counts too"
echo "not ok 5 # SKIP t_cmocka_style"
SUITE
printf 'echo "ok - e"\nexit 3\n' >"$T/suites/dies.sh"
: >"$T/units/test_missing.c"

SUITES=$T/suites UNITS=$T/units BUILD=$T/build tests/run >"$T/out" 2>&1
rc=$?
expect_eq "harness-1 the closing line counts each kind apart" \
	"2 passed, 3 failed, 3 skipped" "$(tail -n 1 "$T/out")"
check "harness-2 a failure makes the run fail" test "$rc" -ne 0
check "harness-3 each skip is listed with its reason" \
	grep -q "skipped: suite/fake: b: no mount here" "$T/out"
check "harness-4 a suite that dies without a failure is one" \
	grep -q "suite/dies: exited 3 without reporting a failure" "$T/out"
check "harness-5 a unit test that was not built is a failure" \
	grep -q "unit/test_missing: not built" "$T/out"

printf 'echo "ok - x"\necho "ok - y # SKIP nothing to mount"\n' \
	>"$T/quiet/suites/only.sh"
SUITES=$T/quiet/suites UNITS=$T/units-none BUILD=$T/build tests/run \
	>"$T/out2" 2>&1
rc=$?
expect_eq "harness-6 passes and skips alone" "1 passed, 0 failed, 1 skipped" \
	"$(tail -n 1 "$T/out2")"
check "harness-7 skips alone do not fail the run" test "$rc" -eq 0
