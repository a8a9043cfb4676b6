# admin-common.sh — shared set-up of the F9 administration tests (sourced
# after tests/cli/lib.sh): a unit with the sample catalog, the supervisor
# lan (with a password), the officer minh and the auditor kim, `start USER`
# to open the program as that officer at a fixed moment in a detached
# 80x24 tmux, with the removable media in $T/media.
tui_setup
. "$top_srcdir/tests/tui/lib-login.sh"
db="$T/a.db"
pwfile lan first-Secret-9137
pwfile minh mat-khau-minh
pwfile kim mat-khau-kim
cp -p "$T/lan.pw" "$T/p1"
"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
    --station 1 --sample-catalog --supervisor lan "Lê Thị Lan" --password-file "$T/p1" \
    >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$T/p1" officer add minh "Trần Minh" \
    --new-password-file "$T/minh.pw" >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$T/p1" officer add kim "Phạm Kim" \
    --role auditor --new-password-file "$T/kim.pw" >/dev/null
mkdir -p "$T/media/USB"
NOW="2026-11-20 09:00"

# start USER [ENV...] — the program on $db, English, clock fixed, logged
# in as USER (their password file $T/USER.pw)
start() {
	who=$1; shift
	tui_fresh
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$NOW' MOTCUA_MEDIA='$T/media' $* '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
	wait_for "F10"
	login "$who"
}
screen() { tm capture-pane -p; }
# flat — the screen as one line, spaces squeezed: for wrapped messages
flat() { tm capture-pane -p | tr -s ' \n' '  '; }
# q SQL — one value from the database
q() { sqlite3 "$db" "$1"; }
# typ TEXT — literal characters (no key names)
typ() { tm send-keys -l "$1"; }
