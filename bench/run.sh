#!/bin/sh
# run.sh BIN: the benchmarks of `make bench` (BENCH_LARGE=1: `make bench-large`).
#
# Every figure is set beside a baseline measured in the same run, because
# the machines this runs on are shared and noisy:
#   form load    smp-intake check FORM       vs  sqlite3 process start
#   export       smp-intake export (wide,    vs  sqlite3 -csv dump of the
#                long) of 10k/100k(/1M)          answers table
#   saves        store_answer_put p50/p99    vs  the same while exporting
#   kiosk        start and key in a pty      vs  dialog --menu, 12 items
#   per key      callgrind instructions      vs  dialog --menu
#   server       export from PostgreSQL      vs  psql \copy of answers;
#                sending rate of one kiosk (bench/server.sh)
# Pieces of the program that are not built yet are reported as "not
# measured (missing: ...)" and the rest still runs.
#
# Writes build/bench/results.txt (raw lines), docs/performance.md and
# docs/performance-export.png, and prints the tables.  Environment:
# BENCH_SEED (generator seed), BENCH_LARGE=1 (add 1,000,000 intakes),
# BENCH_SIZES (override the sizes, e.g. "10000" while working on this).
set -eu

BIN=${1:?usage: run.sh BIN}
cd "$(dirname "$0")/.."
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac

OUT=build/bench
W=$OUT/work
RES=$OUT/results.txt
SEED=${BENCH_SEED:-20261124}
FORM=forms/smp-consultation.form
LIB=build/bench/libsmp.a
MD=docs/performance.md
PNG=docs/performance-export.png
SIZES="10000 100000"
CMD="make bench"
if [ "${BENCH_LARGE:-0}" = 1 ]; then
	SIZES="$SIZES 1000000"
	CMD="make bench-large"
fi
SIZES=${BENCH_SIZES:-$SIZES}
# Keys from the kiosk's welcome screen into the first question's list
# (a fresh page has no option highlighted: the first Up would draw nothing).
KIOSK_PRELUDE=${KIOSK_PRELUDE:-space,down}
T0=$(date +%s)

mkdir -p "$OUT" "$W"
: >"$RES"

say() { printf 'bench: %s\n' "$*" >&2; }
res() { printf '%s\n' "$*" >>"$RES"; }
missing() {
	res "missing $1 $2"
	say "$1: not measured (missing: $2)"
}

# ---------------------------------------------------------------- build
# The harnesses link the product's own library; a harness whose symbols
# are not in it yet is simply not built (and its measure is "missing").
PKGS="ncursesw sqlite3 inih libsodium uuid libpq"
CFL="-std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -O2 -g -Iinclude
-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wformat=2
-Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Wpointer-arith
-Wundef -Wvla $(pkg-config --cflags sqlite3)"
LIBS="$(pkg-config --libs $PKGS) -lcsv -lm -pthread"

# A snapshot of the library: others may rebuild build/ while we link.
for i in 1 2 3 4 5; do
	[ -s build/libsmp.a ] && cp build/libsmp.a "$LIB" &&
	    nm "$LIB" >/dev/null 2>&1 && break
	sleep 2
done

have_sym() { nm "$LIB" 2>/dev/null | grep -q " T $1\$"; }

build() {
	name=$1
	shift
	# shellcheck disable=SC2086
	cc $CFL "$@" -o "$OUT/$name" "bench/$name.c" "$LIB" $LIBS -lutil
}

# shellcheck disable=SC2086
cc $CFL -o "$OUT/ptylat" bench/ptylat.c -lutil
HAVE_GEN=0
HAVE_SAVES=0
GEN_FLAGS=""
if have_sym engine_new && have_sym store_open && have_sym form_load_text; then
	have_sym score_compute && GEN_FLAGS=-DHAVE_SCORE
	build gen $GEN_FLAGS
	HAVE_GEN=1
fi
if have_sym store_answer_put && have_sym form_load_text; then
	build saves
	HAVE_SAVES=1
fi

# ---------------------------------------------------------------- machine
dirty=""
git diff --quiet HEAD 2>/dev/null || dirty=" (with uncommitted changes)"
res "machine cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
res "machine nproc $(nproc)"
res "machine mem $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
res "machine kernel $(uname -sr)"
res "machine disk $(df -T "$OUT" | awk 'NR == 2 { print $2 " on " $1 }')"
res "machine sqlite $(sqlite3 --version | cut -d' ' -f1)"
res "machine date $(date -u '+%Y-%m-%d %H:%M')"
res "machine commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty"
res "machine seed $SEED"
res "machine command $CMD"

# hyperfine JSON -> "name median ..." lines.
hf() { python3 bench/report.py hf "$1"; }
# Field $2 of the line of hf output named $1.
hf_get() { awk -v n="$1" -v f="$2" '$1 == n { print $f }'; }

# ---------------------------------------------------------------- form load
form_load() {
	for n in 1000 5000 20000; do
		sh bench/genform.sh $n >"$W/gen-$n.form"
	done
	set -- -n baseline "sqlite3 :memory: 'select 1'"
	names=""
	if "$BIN" check "$FORM" >"$W/check.out" 2>&1; then
		set -- "$@" -n shipped "$BIN check $FORM"
		names="shipped"
	else
		missing "form-load-shipped" "smp-intake check $FORM fails: $(head -1 "$W/check.out")"
	fi
	for n in 1000 5000 20000; do
		if "$BIN" check "$W/gen-$n.form" >"$W/check-$n.out" 2>&1; then
			set -- "$@" -n "gen-$n" "$BIN check $W/gen-$n.form"
			names="$names gen-$n"
		else
			missing "form-load-gen-$n" "check fails: $(head -1 "$W/check-$n.out")"
		fi
	done
	[ -n "$names" ] || return 0
	say "form load: hyperfine over smp-intake check"
	hyperfine -N --style none --warmup 3 --min-runs 10 \
	    --export-json "$W/formload.json" "$@" >/dev/null
	hf "$W/formload.json" >"$W/formload.txt"
	base=$(hf_get baseline 2 <"$W/formload.txt")
	for name in $names; do
		case $name in
		shipped) f=$FORM; q=$(sed -n 's/.* \([0-9]*\) questions.*/\1/p' "$W/check.out") ;;
		*) f=$W/$name.form; q=${name#gen-} ;;
		esac
		res "formload $name ${q:-0} $(wc -l <"$f") $(hf_get "$name" 2 <"$W/formload.txt") $base"
	done
}

# ---------------------------------------------------------------- generator
# The database for N intakes, generated once per seed, size and inputs.
db_for() { echo "$OUT/db-$SEED-$KEY-$1.db"; }

generate() {
	KEY=$( (cat "$FORM" bench/gen.c; echo "$GEN_FLAGS") | sha256sum | cut -c1-10)
	for n in $SIZES; do
		db=$(db_for "$n")
		if [ -e "$db" ]; then
			secs=cached
		else
			say "generating $n intakes (seed $SEED)"
			t=$(date +%s.%N)
			"$OUT/gen" -f "$FORM" -o "$db" -n "$n" -s "$SEED"
			secs=$(echo "$(date +%s.%N) $t" | awk '{ printf "%.2f", $1 - $2 }')
		fi
		counts=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM intakes WHERE status = 'completed'), (SELECT count(*) FROM answers), (SELECT count(*) FROM result_lines)" | tr '|' ' ')
		res "gen $n $secs $counts $(stat -c %s "$db")"
	done
}

# ---------------------------------------------------------------- export
# Peak RSS (KiB) of one run of a shell command.
peak_rss() {
	/usr/bin/time -f %M -o "$W/rss" sh -c "$1" >/dev/null 2>&1 || true
	tail -1 "$W/rss"
}

export_bench() {
	db10=$(db_for 10000)
	if ! "$BIN" export --force --format wide --out "$W/probe.csv" --db "$db10" \
	    >"$W/probe.err" 2>&1; then
		missing export "smp-intake export fails: $(head -1 "$W/probe.err")"
		return 0
	fi
	touch "$W/have-export"
	: >"$W/export.dat"
	rm -f "$W"/export-*.txt "$W"/export-*.json
	for n in $SIZES; do
		db=$(db_for "$n")
		case $n in
		10000) runs=5 ;;
		*) runs=2 ;;
		esac
		wide="$BIN export --force --format wide --out $W/wide-$n.csv --db $db"
		long="$BIN export --force --format long --out $W/long-$n.csv --db $db"
		base="sqlite3 -csv $db 'SELECT * FROM answers' >$W/base-$n.csv"
		answers=$(sqlite3 "$db" 'SELECT count(*) FROM answers')
		# The peak-RSS run of each command doubles as hyperfine's
		# warm-up (so 100,000 intakes fit in the time budget).
		say "export: $n intakes: peak RSS (and warm-up), then $runs runs each"
		rss_wide=$(peak_rss "$wide")
		rss_long=$(peak_rss "$long")
		rss_baseline=$(peak_rss "$base")
		# Others rebuild the binary while this runs: one failure
		# loses this size's figures, not the whole run.
		if ! hyperfine --style none --runs $runs \
		    --export-json "$W/export-$n.json" \
		    -n wide "$wide" -n long "$long" -n baseline "$base" \
		    >"$W/export-$n.log" 2>&1; then
			missing "export-$n" "a run failed: $(grep -m1 -i error "$W/export-$n.log")"
			continue
		fi
		hf "$W/export-$n.json" >"$W/export-$n.txt"
		for kind in wide long baseline; do
			eval "rss=\$rss_$kind"
			f=$W/$(echo $kind | sed 's/baseline/base/')-$n.csv
			res "export $n $kind $(hf_get $kind 2 <"$W/export-$n.txt") $rss $(wc -l <"$f") $answers"
		done
		echo "$n $(hf_get wide 2 <"$W/export-$n.txt") $(hf_get long 2 <"$W/export-$n.txt") $(hf_get baseline 2 <"$W/export-$n.txt")" >>"$W/export.dat"
	done
	# Slower than a plain dump: find out where the time goes.
	[ -s "$W/export-10000.txt" ] || return 0
	w=$(hf_get wide 2 <"$W/export-10000.txt")
	b=$(hf_get baseline 2 <"$W/export-10000.txt")
	if awk -v w="$w" -v b="$b" 'BEGIN { exit !(w > b) }'; then
		profile_export
	fi
}

# Where wide export spends its instructions: callgrind, inclusive, on a
# 1,000-intake database (the export is linear in intakes, and 10,000 under
# callgrind would take minutes of the budget on a loaded 2-core machine).
profile_export() {
	db1=$(db_for 1000)
	[ -e "$db1" ] || "$OUT/gen" -f "$FORM" -o "$db1" -n 1000 -s "$SEED" 2>/dev/null
	say "export: wide is slower than the baseline: callgrind on 1,000 intakes"
	valgrind -q --tool=callgrind --callgrind-out-file="$W/cg-export.out" \
	    "$BIN" export --force --format wide --out "$W/cg-wide.csv" --db "$db1" \
	    >/dev/null 2>&1 || true
	callgrind_annotate --inclusive=yes "$W/cg-export.out" \
	    >"$W/export-profile.txt" 2>/dev/null || return 0
	# Function lines: "Ir (pct) file:function [object]".  Keep the
	# product's own functions (inclusive), and the SQLite internals that
	# point at a fix: a whole-file integrity check, a sort.
	grep -E '^ *[0-9,]+ \( *[0-9.]+%\) +(src/[a-z_/]+\.c:|\?\?\?:sqlite3(BtreeIntegrityCheck|VdbeSorterRewind|VdbeSorterWrite))' \
	    "$W/export-profile.txt" | grep -vE ':(main|cmd_export) ' |
	    sed 's/  */ /g; s/^ //; s/ \[.*//' | head -16 |
	    while IFS= read -r l; do res "profile $l"; done
	valgrind -q --tool=callgrind --callgrind-out-file="$W/cg-base.out" \
	    sqlite3 -csv "$db1" 'SELECT * FROM answers' >/dev/null 2>&1 || true
	res "profile_total $(python3 bench/report.py cg "$W/cg-export.out") $(python3 bench/report.py cg "$W/cg-base.out")"
}

# ---------------------------------------------------------------- saves
saves_bench() {
	if [ "$HAVE_SAVES" = 0 ]; then
		missing saves "store_answer_put not in $LIB"
		return 0
	fi
	say "saves: 2000 durable answer saves on a fresh database"
	line=$("$OUT/saves" -f "$FORM" -d "$W/fresh.db" -n 2000 -o "$W/saves-fresh.txt")
	res "saves fresh $(echo "$line" | awk '{ print $2, $4, $6, $8, $10 }')"
	if [ ! -e "$W/have-export" ]; then
		missing saves-during-export "export"
		return 0
	fi
	say "saves: 2000 saves while exporting the same database in a loop"
	rm -f "$W/busy.db" "$W/busy.db-wal" "$W/busy.db-shm" "$W/stop"
	cp "$(db_for 10000)" "$W/busy.db"
	(
		n=0
		while [ ! -e "$W/stop" ]; do
			n=$((n + 1))
			echo $n >"$W/bgcount"
			"$BIN" export --force --format wide --out "$W/bg.csv" \
			    --db "$W/busy.db" >/dev/null 2>&1 || break
		done
	) &
	bg=$!
	sleep 0.3
	line=$("$OUT/saves" -k -f "$FORM" -d "$W/busy.db" -n 2000 -o "$W/saves-busy.txt")
	touch "$W/stop"
	wait $bg || true
	res "saves during_export $(echo "$line" | awk '{ print $2, $4, $6, $8, $10 }')"
	res "exports_during $(cat "$W/bgcount") (counting the one in flight at the end)"
}

# ---------------------------------------------------------------- kiosk
MENU="1 one 2 two 3 three 4 four 5 five 6 six 7 seven 8 eight 9 nine 10 ten 11 eleven 12 twelve"

# A form whose first question is the dialog baseline's task: 12 options.
menu_form() {
	{
		echo "form bench-menu"
		echo "  version 1"
		echo "  languages en"
		echo "  title en \"Pick\""
		echo "question pick choice required"
		echo "  label en \"Pick\""
		for o in one two three four five six seven eight nine ten eleven twelve; do
			echo "  option $o"
			echo "    label en \"$o\""
		done
	} >"$W/menu12.form"
}

kiosk_config() {
	mkdir -p "$W/kiosk-$1"
	rm -f "$W/kiosk-$1"/*
	cat >"$W/kiosk-$1.ini" <<EOF
[kiosk]
clinic = Bench Clinic
form = $2
database = $PWD/$W/kiosk-$1/intake.db
language = en
kiosk_id = bench
idle_timeout = 86400
demo = yes
EOF
}

# ptylat's line -> "runs keys first_med start_med start_p90 key_med key_p90".
pty_line() { awk '{ print $3, $5, $7, $11, $13, $15, $17 }'; }

pty_bench() {
	say "pty: dialog --menu, 30 runs of start + 20 keys"
	# shellcheck disable=SC2086
	l=$("$OUT/ptylat" -r 30 -k 20 -o "$W/pty-dialog.txt" -- \
	    dialog --menu Pick 20 60 12 $MENU)
	res "pty dialog $(echo "$l" | pty_line)"
	menu_form
	kiosk_config menu "$PWD/$W/menu12.form"
	kiosk_config shipped "$PWD/$FORM"
	if timeout 3 "$BIN" kiosk --config "$W/kiosk-menu.ini" </dev/null 2>&1 |
	    grep -q 'not built yet'; then
		missing kiosk "smp-intake kiosk is a placeholder"
		return 0
	fi
	touch "$W/have-kiosk"
	say "pty: kiosk, 30 runs of start + $KIOSK_PRELUDE + 20 keys"
	if l=$("$OUT/ptylat" -r 30 -k 20 -p "$KIOSK_PRELUDE" \
	    -o "$W/pty-kiosk.txt" -- "$BIN" kiosk --config "$W/kiosk-menu.ini"); then
		res "pty kiosk_menu12 $(echo "$l" | pty_line)"
	else
		missing kiosk-keys "kiosk did not run in the pty"
		rm -f "$W/have-kiosk"
	fi
	# Twice at most: the shipped form is being edited by others while
	# this runs, and one bad moment should not lose the figure.
	for try in 1 2; do
		if l=$("$OUT/ptylat" -r 30 -k 0 -- "$BIN" kiosk \
		    --config "$W/kiosk-shipped.ini" 2>"$W/pty-shipped.err"); then
			res "pty kiosk_shipped_form $(echo "$l" | pty_line)"
			break
		elif [ $try = 2 ]; then
			missing kiosk-shipped "kiosk did not start on $FORM: $(head -1 "$W/pty-shipped.err")"
		fi
	done
	# A clinic with years of intakes: start on a copy of the largest
	# database of this run (the kiosk opens it to write, and checks it).
	big=""
	for n in $SIZES; do big=$n; done
	db=$(db_for "$big")
	[ "$HAVE_GEN" = 1 ] && [ -e "$db" ] || return 0
	kiosk_config big "$PWD/$FORM"
	cp "$db" "$W/kiosk-big/intake.db"
	say "pty: kiosk on the $big-intake database, 3 runs of start"
	if l=$("$OUT/ptylat" -r 3 -k 0 -t 60000 -- "$BIN" kiosk --config "$W/kiosk-big.ini"); then
		res "pty kiosk_shipped_form_${big}_intakes $(echo "$l" | pty_line)"
	else
		missing kiosk-big "kiosk did not start on the $big-intake database"
	fi
	rm -f "$W/kiosk-big/intake.db"*
}

# Instructions (Ir) of one callgrind run in the pty with $2 keys.
cg_run() {
	name=$1
	keys=$2
	prelude=$3
	shift 3
	rm -f "$W/cg-$name-$keys.out"
	"$OUT/ptylat" -r 1 -k "$keys" -q 700 -t 120000 ${prelude:+-p "$prelude"} -- \
	    valgrind -q --tool=callgrind --callgrind-out-file="$W/cg-$name-$keys.out" \
	    "$@" >/dev/null
	python3 bench/report.py cg "$W/cg-$name-$keys.out"
}

ipk_bench() {
	N=30
	say "callgrind: dialog, 0 and $N keys"
	# shellcheck disable=SC2086
	a=$(cg_run dialog 0 "" dialog --menu Pick 20 60 12 $MENU)
	# shellcheck disable=SC2086
	b=$(cg_run dialog $N "" dialog --menu Pick 20 60 12 $MENU)
	res "ipk dialog $N $a $b $(((b - a) / N))"
	if [ ! -e "$W/have-kiosk" ]; then
		missing instructions-per-key "kiosk"
		return 0
	fi
	say "callgrind: kiosk, 0 and $N keys"
	a=$(cg_run kiosk 0 "$KIOSK_PRELUDE" "$BIN" kiosk --config "$W/kiosk-menu.ini")
	b=$(cg_run kiosk $N "$KIOSK_PRELUDE" "$BIN" kiosk --config "$W/kiosk-menu.ini")
	res "ipk kiosk_menu12 $N $a $b $(((b - a) / N))"
}

# ---------------------------------------------------------------- server
# The clinic server (bench/server.sh): export from PostgreSQL against
# psql's \copy of the answers table, and one kiosk's sending rate.
server_bench() {
	dbs=""
	for n in $SIZES; do [ -e "$(db_for "$n")" ] && dbs="$dbs $(db_for "$n")"; done
	[ -n "$dbs" ] || { missing server "no generated database"; return 0; }
	# shellcheck disable=SC2086
	sh bench/server.sh "$BIN" "$W" $dbs >"$W/server.txt"
	cat "$W/server.txt" >>"$RES"
}

# The server's table, after the rest of docs/performance.md.
server_report() {
	[ -s "$W/server.txt" ] || return 0
	awk -v cmd="$CMD" '
	$2 == "export" { t[$3, $4] = $5; m[$3, $4] = $6; ns[$3] = 1 }
	$2 == "answers" { a[$3] = $4 }
	$2 == "send" { s[$3] = $4 / $5 }
	$2 == "merge" { g[$3] = $4 }
	END {
		print "\n## Clinic server (PostgreSQL, same run)\n"
		print "Medians of hyperfine runs on a throw-away local cluster " \
		    "(pg_virtualenv); baseline: `psql -c \"\\copy (select * " \
		    "from answers) to stdout with csv\"` on the same server.\n"
		print "| intakes | answers | wide s | long s | \\copy s | wide/\\copy | long/\\copy | peak RSS wide / long / psql (MiB) |"
		print "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
		for (n in ns)
			printf "| %d | %d | %.3f | %.3f | %.3f | %.2fx | %.2fx | %.1f / %.1f / %.1f |\n",
			    n, a[n], t[n, "wide"], t[n, "long"], t[n, "baseline"],
			    t[n, "wide"] / t[n, "baseline"], t[n, "long"] / t[n, "baseline"],
			    m[n, "wide"] / 1024, m[n, "long"] / 1024, m[n, "baseline"] / 1024
		print ""
		for (k in s)
			printf "- **Sending** (keep_local = %s): %.0f intakes/s from one kiosk to the local server.\n", k, s[k]
		for (n in g)
			printf "- Loading %d intakes with `merge` (a transaction per 1,000): %.1f s.\n", n, g[n]
	}' "$W/server.txt" >>"$MD"
}

# ---------------------------------------------------------------- run
# Run one measure in a subshell with set -e in force: a failure is
# reported as "not measured" and the other measures still run.
section() {
	name=$1
	shift
	set +e
	(set -e; "$@")
	rc=$?
	set -e
	[ $rc = 0 ] || missing "$name" "it failed (exit $rc); see the log above"
}

rm -f "$W/have-export" "$W/have-kiosk"
section form-load form_load
if [ "$HAVE_GEN" = 1 ]; then
	generate
	section export export_bench
else
	missing generator "engine_new/store_open/form_parse not in $LIB"
	missing export "no generated database"
fi
[ "$HAVE_GEN" = 1 ] && cp "$OUT/gen" "$W/gen"
section server server_bench
section saves saves_bench
section kiosk pty_bench
section instructions-per-key ipk_bench

if [ -s "$W/export.dat" ]; then
	gnuplot -e "datafile='$W/export.dat'; outfile='$PNG'" bench/plot.gp
fi
res "machine wall $(($(date +%s) - T0)) s"
python3 bench/report.py render "$RES" "$MD"
server_report
say "wrote $MD$([ -e "$W/have-export" ] && echo " and $PNG")"
