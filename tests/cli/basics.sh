# basics.sh — global options, help, usage errors, database location.
. "$top_srcdir/tests/cli/lib.sh"

run --help
is "$rc" 0 "--help exits 0"
like "$out" "motcua receive" "--help lists the commands"
run --version
like "$out" "^motcua [0-9]" "--version"
run frobnicate
is "$rc" 2 "unknown command: usage error"
like "$err" "unknown command 'frobnicate'" "unknown command is named"
run --frob list
is "$rc" 2 "unknown option: usage error"
run --lang xx list
is "$rc" 2 "unknown language: usage error"
like "$err" "--lang vi" "says which languages exist"
run --db
is "$rc" 2 "--db without a value: usage error"
run --password-file "$PWF" receive --name X
is "$rc" 2 "receive without --procedure and --id: usage error"
like "$err" "usage: motcua receive" "usage line shown"
run show
is "$rc" 2 "show without a code: usage error"
run --demo list
is "$rc" 2 "--demo with a command: usage error"

# database location: --db, then $MOTCUA_DB, then $XDG_DATA_HOME
run list
is "$rc" 1 "no database yet: error"
like "$err" "motcua init" "says to run motcua init"
like "$err" "$XDG_DATA_HOME/motcua/motcua.db" "names the XDG location"
run init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1
is "$rc" 0 "init at the default location"
test -f "$XDG_DATA_HOME/motcua/motcua.db"; ok "created under \$XDG_DATA_HOME/motcua"
MOTCUA_DB="$T/env.db" "$MOTCUA" init --unit-code 000.17.22.H56 --unit-name X --station 1 >/dev/null
ok "init with \$MOTCUA_DB"
test -f "$T/env.db"; ok "\$MOTCUA_DB names the file"
MOTCUA_DB="$T/env.db" "$MOTCUA" --db "$T/opt.db" init --unit-code 000.17.22.H56 --unit-name X --station 1 >/dev/null
test -f "$T/opt.db"; ok "--db wins over \$MOTCUA_DB"
run --db="$T/opt.db" officer list
is "$rc" 0 "--db=PATH form"

# Vietnamese is the default language (LANGUAGE unset), English on request
err=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$MOTCUA" --db "$T/none.db" list 2>&1)
like "$err" "chưa có cơ sở dữ liệu|Không có cơ sở dữ liệu|không có cơ sở dữ liệu" "Vietnamese by default under C.UTF-8"
err=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$MOTCUA" --lang en --db "$T/none.db" list 2>&1)
like "$err" "no database at" "English with --lang en"
# Vietnamese from a plain UTF-8 locale too: LANG=C.UTF-8, no LC_ALL, no
# LANGUAGE (what a fresh counter PC has)
out=$(env -u LANGUAGE LANG=C.UTF-8 LC_ALL= "$MOTCUA" --help 2>&1)
like "$out" "^cách dùng: motcua" "--help in Vietnamese under LANG=C.UTF-8: usage line"
like "$out" "^Các lệnh:$" "--help in Vietnamese under LANG=C.UTF-8: commands heading"
like "$out" "Khi không ghi lệnh, motcua mở chương trình" \
	"--help in Vietnamese under LANG=C.UTF-8: closing sentence"
out=$(env -u LANGUAGE LANG=C.UTF-8 LC_ALL= "$MOTCUA" text frobnicate 2>&1)
like "$out" "^motcua: không có lệnh text 'frobnicate'" "errors in Vietnamese under LANG=C.UTF-8"
done_testing
