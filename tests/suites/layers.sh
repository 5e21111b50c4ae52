#!/usr/bin/env bash
# layers.sh: scripts/layers.py, the check of the layered layout (base < form <
# engine < store < report < ui < cmd).  It must pass on the tree and on a
# small clean tree, and must fail on copies of src/ and include/ with one
# planted problem each, naming the planted file:line.  The plants are checked
# by the exact file:line, so they still mean something while the tree itself
# has other problems.
. tests/lib.sh
L=scripts/layers.py

check "layers-1 the tree obeys the layer rules" python3 "$L"

# copy NAME: fresh copies of src/ and include/ under $TESTTMP/NAME.
copy() { mkdir -p "$TESTTMP/$1" && cp -R src include "$TESTTMP/$1/"; }
# append FILE TEXT: add the line TEXT to FILE; set $at to "FILE:LINE" with
# FILE relative to the copy and its dots escaped for grep -E.
append() {
	[ -s "$1" ] && [ -n "$(tail -c 1 "$1")" ] && echo >>"$1"
	printf '%s\n' "$2" >>"$1"
	at="${1#"$TESTTMP"/*/}:$(wc -l <"$1")"
	at=${at//./\\.}
}
# reports NAME DIR PATTERN: the script exits 1 on DIR and prints a line
# matching the extended regex ^PATTERN.
reports() {
	python3 "$L" "$2" >"$TESTTMP/out" 2>&1; local rc=$?
	if [ "$rc" -eq 1 ] && grep -Eq -- "^$3" "$TESTTMP/out"; then
		ok "$1"
	else
		not_ok "$1" "exit $rc, expected 1 and a line matching ^$3:
$(cat "$TESTTMP/out")"
	fi
}
# first DIR GLOB: the first file matching GLOB under DIR, or nothing.
first() { (cd "$1" && ls $2 2>/dev/null | head -n 1); }

# A clean two-layer tree: private header, static helper, system headers.
C=$TESTTMP/clean
mkdir -p "$C/src/base" "$C/src/form" "$C/include/base" "$C/include/form"
printf '#include <stddef.h>\nint\nbuf_len(void);\n' >"$C/include/base/buf.h"
printf '#include "base/buf.h"\n' >"$C/include/form/form.h"
printf '#include "form/form.h"\nint form_int_x;\n' >"$C/src/form/form_int.h"
cat >"$C/src/base/buf.c" <<'EOF'
#include <stdio.h>
#include "base/buf.h"

static const char *
helper(const char *s)
{
	return s + (s[0] == '{');
}

int
buf_len(void)
{
	return (int)(helper("{") - "{");
}
EOF
cat >"$C/src/form/form.c" <<'EOF'
#include "form_int.h"

struct form { int n; };

int
form_count(const struct form *f)
{
	return f->n;
}
EOF
python3 "$L" "$C" >"$TESTTMP/out" 2>&1
expect_eq "layers-2 a clean tree passes" "0 layers: 0 problems" \
    "$? $(cat "$TESTTMP/out")"

# (a) form/ includes a ui/ header.
copy up
f=$(first "$TESTTMP/up" 'src/form/*.c')
h=$(first "$TESTTMP/up/include" 'ui/*.h')
append "$TESTTMP/up/$f" "#include \"$h\""
reports "layers-3 an upward include is reported" "$TESTTMP/up" \
    "$at: upward include: ${h//./\\.} is in layer ui"

# (b) SQLite in the engine.
copy sql
f=$(first "$TESTTMP/sql" 'src/engine/*.c')
append "$TESTTMP/sql/$f" '#include <sqlite3.h>'
reports "layers-4 sqlite3.h outside store/ is reported" "$TESTTMP/sql" \
    "$at: includes <sqlite3\.h>"

# (b') curses in a kiosk mode: only the terminal side may include it.
copy mode
append "$TESTTMP/mode/src/ui/mode_welcome.c" '#include <curses.h>'
reports "layers-4.1 curses in a kiosk mode is reported" "$TESTTMP/mode" \
    "$at: includes <curses\.h>"

# (c) two modules that include each other.
copy cyc
D=$TESTTMP/cyc
: >"$D/include/base/zz_ping.h"
: >"$D/include/base/zz_pong.h"
append "$D/src/base/zz_pong.c" '#include "base/zz_ping.h"'
append "$D/src/base/zz_ping.c" '#include "base/zz_pong.h"'
reports "layers-5 an include cycle is reported" "$D" \
    "$at: include cycle: base/zz_ping -> base/zz_pong -> base/zz_ping\$"

# (d) one function name defined in two files (one of them static).
copy dup
D=$TESTTMP/dup
printf 'int\nzz_one_count(void)\n{\n\treturn 1;\n}\n' >"$D/src/base/zz_one.c"
printf '/* planted */\nstatic int\nzz_one_count(void)\n{\n\treturn 2;\n}\n' \
    >"$D/src/base/zz_two.c"
reports "layers-6 a name defined in two files is reported" "$D" \
    "src/base/zz_two\.c:3: zz_one_count is also defined at src/base/zz_one\.c:2\$"

# (e) an exported function without its file's prefix; the static helper and
# the well-named function beside it are not reported.
copy pre
D=$TESTTMP/pre
cat >"$D/src/engine/zz_pre.c" <<'EOF'
static int
helper(void)
{
	return 0;
}

int
zz_pre_ok(void)
{
	return helper();
}

int
planted_name(void)
{
	return 1;
}
EOF
reports "layers-7 an exported name without its prefix is reported" "$D" \
    "src/engine/zz_pre\.c:14: planted_name is exported from engine/zz_pre\.c"
expect_eq "layers-7.1 only that line of the file is reported" 1 \
    "$(grep -c '^src/engine/zz_pre\.c:' "$TESTTMP/out")"

# (f) an include of a header that is not there (a stale path).
copy stale
f=$(first "$TESTTMP/stale" 'src/report/*.c')
append "$TESTTMP/stale/$f" '#include "report/zz_gone.h"'
reports "layers-8 a stale include path is reported" "$TESTTMP/stale" \
    "$at: includes \"report/zz_gone\.h\", which is not in the tree"
