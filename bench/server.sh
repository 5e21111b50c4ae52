#!/bin/sh
# server.sh BIN OUTDIR DB...: the clinic server's figures for `make bench`
# (run by bench/run.sh; docs/server.md).  In a throw-away PostgreSQL
# (pg_virtualenv -t), each generated SQLite database DB is merged into a
# database of its own, then, in the same run and on the same server:
#   export   smp-intake export --db postgresql://... (wide, long)  vs
#            psql -c "\copy (select * from answers) to stdout with csv"
#            (medians of hyperfine runs; peak RSS of one run each)
#   sending  smp-intake sync of 1,000 intakes from a kiosk's file to the
#            local server (intakes per second; keep_local forever, sent)
# Prints "server ..." result lines on stdout; the caller keeps them.
set -eu
BIN=$1 OUT=$2
shift 2
if [ -z "${SMP_PG_INSIDE:-}" ]; then
	if ! command -v pg_virtualenv >/dev/null 2>&1; then
		echo "missing server pg_virtualenv-not-installed"
		exit 0
	fi
	SMP_PG_INSIDE=1 exec pg_virtualenv -t sh "$0" "$BIN" "$OUT" "$@" 2>"$OUT/server.err"
fi
say() { printf 'bench: server: %s\n' "$*" >&2; }
U="postgresql://$PGUSER@$PGHOST:$PGPORT"
rss() { /usr/bin/time -f %M -o "$OUT/rss" sh -c "$1" >/dev/null 2>&1 || true; tail -1 "$OUT/rss"; }
for db in "$@"; do
	n=$(sqlite3 "$db" 'SELECT count(*) FROM intakes')
	psql -X -q -c "CREATE DATABASE s$n" >/dev/null
	say "merging $n intakes into the server"
	t=$(date +%s.%N)
	"$BIN" merge --db "$U/s$n" "$db" >/dev/null
	echo "server merge $n $(echo "$(date +%s.%N) $t" | awk '{ printf "%.2f", $1 - $2 }')"
	wide="$BIN export --force --format wide --out $OUT/pw-$n.csv --db $U/s$n"
	long="$BIN export --force --format long --out $OUT/pl-$n.csv --db $U/s$n"
	base="psql -X -d $U/s$n -c '\\copy (select * from answers) to stdout with csv' >$OUT/pb-$n.csv"
	case $n in 10000) runs=7 ;; *) runs=5 ;; esac
	say "export: $n intakes, $runs runs each"
	r_w=$(rss "$wide"); r_l=$(rss "$long"); r_b=$(rss "$base")
	hyperfine --style none --runs $runs --export-json "$OUT/pg-$n.json" \
	    -n wide "$wide" -n long "$long" -n baseline "$base" >/dev/null 2>&1
	python3 - "$OUT/pg-$n.json" "$n" "$r_w" "$r_l" "$r_b" <<'PY'
import json, statistics, sys
path, n, rw, rl, rb = sys.argv[1:]
res = {r["command"]: statistics.median(r["times"]) for r in json.load(open(path))["results"]}
rss = {"wide": rw, "long": rl, "baseline": rb}
for k in ("wide", "long", "baseline"):
    print("server export %s %s %.4f %s" % (n, k, res[k], rss[k]))
PY
	sqlite3 "$db" "SELECT count(*) FROM answers" | sed "s/^/server answers $n /"
done
# Sending: one kiosk's 1,000 finished intakes to the local server.
gen=$OUT/gen
[ -x "$gen" ] || exit 0
psql -X -q -c "CREATE DATABASE send" >/dev/null
for keep in forever sent; do
	"$gen" -f forms/smp-consultation.form -o "$OUT/send-$keep.db" -n 1000 -s 5 2>/dev/null
	printf '[kiosk]\ndatabase = %s\n[server]\nurl = %s/send\nkeep_local = %s\n' \
	    "$OUT/send-$keep.db" "$U" "$keep" >"$OUT/send-$keep.ini"
	psql -X -q -d "$U/send" -c "TRUNCATE intakes CASCADE" >/dev/null 2>&1 || true
	say "sending 1,000 intakes (keep_local = $keep)"
	t=$(date +%s.%N)
	"$BIN" sync --config "$OUT/send-$keep.ini" >/dev/null
	echo "server send $keep 1000 $(echo "$(date +%s.%N) $t" | awk '{ printf "%.2f", $1 - $2 }')"
	rm -f "$OUT/send-$keep.db"*
done
