# common.sh — shared set-up of the reception-screen tests (sourced after
# tests/cli/lib.sh): a unit with the sample catalog, its supervisor boss
# and the officer lan with passwords (lib-login.sh), a print command that
# copies the file instead of printing, and `start` to open the program at
# a fixed moment in a detached 80x24 tmux, logged in as lan.
tui_setup
. "$top_srcdir/tests/tui/lib-login.sh"
db="$T/a.db"
unit_make "$db"
cat > "$T/print.sh" <<EOS
#!/bin/sh
cp "\$1" "$T/printed.txt"
EOS
chmod +x "$T/print.sh"
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set print_command "$T/print.sh" >/dev/null
# these tests compare the printed file with the saved text slip; lp's PDF
# is tests/cli/pdf.sh's
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set print_format text >/dev/null
NOW="2026-11-20 09:00"

# start_at [ARGS...] — the program on $db, English, clock fixed at $NOW,
# at its login
start_at() {
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$NOW' ${START_ENV:-} '$MOTCUA' --db '$db' $*; echo EXITED; sleep 10"
	wait_for "F10"
}
# start [ARGS...] — the same, logged in as lan: the main screen
start() {
	start_at "$@"
	login lan
}
screen() { tm capture-pane -p; }
# q SQL — one value from the database
q() { sqlite3 "$db" "$1"; }
