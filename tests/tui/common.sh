# common.sh — shared set-up of the reception-screen tests (sourced after
# tests/cli/lib.sh): a unit with the sample catalog, one officer, a print
# command that copies the file instead of printing, and `start` to open
# the program at a fixed moment in a detached 80x24 tmux.
tui_setup
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
    --station 1 --sample-catalog >/dev/null
cat > "$T/print.sh" <<EOS
#!/bin/sh
cp "\$1" "$T/printed.txt"
EOS
chmod +x "$T/print.sh"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "$T/print.sh" >/dev/null
NOW="2026-11-20 09:00"

# start [ARGS...] — the program on $db, English, clock fixed at $NOW
start() {
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$NOW' '$MOTCUA' --db '$db' $*; echo EXITED; sleep 10"
	wait_for "F10"
}
screen() { tm capture-pane -p; }
# q SQL — one value from the database
q() { sqlite3 "$db" "$1"; }
