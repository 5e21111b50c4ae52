#!/bin/sh
# demo.sh BIN: the "make run" demo.  Creates ./data/ (mode 0700) with a
# demo config whose staff PIN is printed here, then starts the kiosk on the
# shipped consultation form and ./data/intake.db.  A real installation sets
# its own PIN with "smp-intake set-pin --config FILE" (docs/kiosk.md).
set -eu
BIN=${1:-build/smp-intake}
PIN=${SMP_DEMO_PIN:-2468}
DATA=data
CONF=$DATA/demo.conf

umask 077
mkdir -p "$DATA"
chmod 700 "$DATA"
cat >"$CONF" <<CONF
; Demo configuration written by scripts/demo.sh (make run).
[kiosk]
clinic = SMP Demo Clinic
form = forms/smp-consultation.form
database = $DATA/intake.db
kiosk_id = demo
demo = yes
CONF
echo "$PIN" | "$BIN" set-pin --config "$CONF" >/dev/null 2>&1 || {
	echo "demo: could not set the demo PIN in $CONF" >&2
	exit 1
}
chmod 600 "$CONF"

cat <<MSG
smp-intake demo kiosk
  form:      forms/smp-consultation.form
  database:  $DATA/intake.db
  demo PIN:  $PIN

To leave the kiosk: press F10, type the PIN $PIN, press Enter,
then choose "Exit the kiosk" (Ctrl-C does nothing, on purpose).
MSG
if [ -t 0 ]; then
	printf 'Press Enter to start... '
	read -r _ || true
fi
exec "$BIN" kiosk --config "$CONF"
