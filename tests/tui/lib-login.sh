# lib-login.sh — passwords and the login for the screen tests (sourced
# after tests/cli/lib.sh and tui_setup): the unit's officers made with
# passwords, as the command line makes them, and `login` at the program's
# first screen.
PW_BOSS="mat-khau-bao"
PW_LAN="mat-khau-lan"
# pwfile NAME PASSWORD — $T/NAME.pw holding the password, mode 0600 (the
# command line refuses any other)
pwfile() { printf '%s\n' "$2" > "$T/$1.pw" && chmod 600 "$T/$1.pw"; }
pwfile boss "$PW_BOSS"
pwfile lan "$PW_LAN"
# unit_make DB [STATION] — a unit with the sample catalog, its supervisor
# boss and the officer lan, both with their passwords
unit_make() {
	"$MOTCUA" --db "$1" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station "${2:-1}" --sample-catalog \
	    --supervisor boss "Trần Văn Bảo" --password-file "$T/boss.pw" >/dev/null
	"$MOTCUA" --db "$1" --officer boss --password-file "$T/boss.pw" \
	    officer add lan "Nguyễn Thị Lan" --new-password-file "$T/lan.pw" >/dev/null
}
# login [USER [PASSWORD]] — at the login: pick USER by typing its letters,
# type the password (USER's file by default), wait for the main screen
# (its F2; any language)
login() {
	_u=${1:-lan}
	_p=${2:-$(head -1 "$T/$_u.pw")}
	wait_for "F8 "
	tm send-keys -l "$_u"
	tm send-keys Enter
	wait_for "\($_u\)"
	tm send-keys -l "$_p"
	tm send-keys Enter
	wait_for "F2 "
}
