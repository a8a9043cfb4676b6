# demo.sh — the demo database behind `motcua --demo`.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
db="$XDG_DATA_HOME/motcua/demo.db"

tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --demo"
wait_for "F10"
screen=$(tm capture-pane -p)
like "$screen" "UBND xã Mỹ An" "the demo opens on the main screen"
like "$screen" "F2 +Receive a dossier" "the main menu is shown"
tm send-keys F10
i=0
while [ $i -lt 100 ] && tm has-session 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
tm has-session 2>/dev/null; [ $? -ne 0 ]; ok "F10 quits"
test -f "$db"; ok "the demo database is made under XDG_DATA_HOME"
n=$(sqlite3 "$db" "SELECT count(*) FROM dossier")
[ "$n" -ge 150 ] && [ "$n" -le 250 ]; ok "about 200 dossiers ($n)"
is "$(sqlite3 "$db" "SELECT count(DISTINCT substr(received, 1, 7)) >= 3 FROM dossier")" 1 "spread over several months"
is "$(sqlite3 "$db" "SELECT count(*) > 25 FROM procedure")" 1 "with the sample catalog"
# the demo officer's password is the one the README shows
printf 'demo1234\n' >"$T/demo.pw"; chmod 600 "$T/demo.pw"
run --db "$db" --officer demo --password-file "$T/demo.pw" passwd --new-password-file "$PWF"
is "$rc" 0 "the demo officer changes the README's password"
# a rebuild is a supervisor's: the demo's is truong, password truong1234
printf 'truong1234\n' >"$T/truong.pw"; chmod 600 "$T/truong.pw"
run --db "$db" --officer demo --password-file "$PWF" check --rebuild
is "$rc" 1 "the demo officer may not rebuild"
like "$err" "may not rebuild" "and is told so"
run --db "$db" --officer truong --password-file "$T/truong.pw" check --rebuild
is "$rc" 0 "the demo database checks sound"
like "$out" "identical" "its projection is identical after a rebuild"
# opened again, it is reused, not remade
sum=$(sqlite3 "$db" "SELECT group_concat(code) FROM dossier")
tui_fresh
tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --demo"
wait_for "F10"
tm send-keys F10
i=0
while [ $i -lt 100 ] && tm has-session 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
is "$(sqlite3 "$db" "SELECT group_concat(code) FROM dossier")" "$sum" "a second --demo reuses the database"
tui_fresh
done_testing
