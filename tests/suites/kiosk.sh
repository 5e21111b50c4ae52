# kiosk.sh: the real kiosk binary in a real terminal (tmux): walks by
# keyboard and mouse, review edits, branching, stops, invalid input,
# UTF-8, resizing, signals, idle timeout, staff PIN, TERM=linux/vt100;
# long lists, intros, help and declining on the shipped form; the whole
# shipped form in large text (40x12, 60x20).
# The scenarios live in tests/e2e/*.sh; E2E_ONLY=name runs one.
export LC_ALL=C.UTF-8
source tests/lib.sh
source tests/e2e/lib.sh
source tests/e2e/walks.sh
source tests/e2e/terminal.sh
source tests/e2e/profile.sh
source tests/e2e/demo.sh
source tests/e2e/choices.sh
source tests/e2e/pictures.sh
source tests/e2e/large.sh
trap 'kiosk_stop; kiosk_reap; rm -rf "$TESTTMP"' EXIT
# A private copy: a rebuild of the shared tree mid-run must not pull the
# binary from under a running kiosk.
cp "$BIN" "$TESTTMP/smp-intake" && BIN="$TESTTMP/smp-intake"

if ! command -v tmux >/dev/null || ! command -v sqlite3 >/dev/null; then
	not_ok "kiosk: tmux and sqlite3 are needed (scripts/deps.sh)"
	exit 0
fi
for s in refusals notadb damaged oddkeys keyboard mouse review_edit minor resize signals idle \
    pin terms profile demo choices decline pictures large; do
	case "$s" in *${E2E_ONLY:-}*) "scenario_$s" ;; esac
done
