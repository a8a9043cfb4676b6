# lib.sh — helpers for the CLI and TUI tests (sourced; POSIX sh + TAP).
#
# $MOTCUA is the binary under test, $top_srcdir the source tree (both set
# by the test harness).  Each test works in its own temporary directory.

set -u
: "${MOTCUA:?MOTCUA must name the motcua binary}"
: "${top_srcdir:=.}"

T=$(mktemp -d "${TMPDIR:-/tmp}/motcua-test.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
# The clock follows the test's story (tests/cli/at-time): a command given
# --at runs at that time, any other at the latest time recorded so far,
# starting from $MOTCUA_STORY_START; a test that sets MOTCUA_NOW itself
# runs at that.  The real binary is $MOTCUA_BINARY.
if [ -z "${MOTCUA_BINARY:-}" ]; then
	MOTCUA_BINARY=$MOTCUA
	MOTCUA="$top_srcdir/tests/cli/at-time"
fi
export MOTCUA MOTCUA_BINARY
# a clock from the shell that runs the tests is not the story's
unset MOTCUA_NOW
export MOTCUA_STORY="$T/story-clock" MOTCUA_STORY_START="${MOTCUA_STORY_START:-2026-11-01 07:00}"
unset MOTCUA_DB
export LANGUAGE=en LC_ALL=C.UTF-8
mkdir -p "$HOME"
tap_n=0
tap_failed=0
case $T in *[[:space:]]*)
	echo "Bail out! the temporary folder '$T' has a space: set TMPDIR to one without"
	exit 1 ;;
esac

# pwfile FILE PASSWORD — a password file as motcua takes it: the password
# on its first line, mode 0600, the user's own.
pwfile() {
	(umask 077 && printf '%s\n' "$2" > "$1") && chmod 600 "$1"
}
# Every officer the tests make has the password $PASSWORD, kept in $PWF:
# the commands that change data are given --password-file "$PWF" (the
# set-ups make the first officer with init --supervisor ... --password-file
# "$PWF", the others with --new-password-file "$PWF").
PASSWORD=Quay-Mot-Cua-7351
PWF="$T/officer.pw"
pwfile "$PWF" "$PASSWORD"

# The address a test's receipts give: a receipt needs one unless the
# setting require_address is 0 (phone.sh and setting.sh test that).
ADDR="Ấp 3, xã Mỹ An"

ok() {	# ok DESCRIPTION — after a command: passes if it succeeded
	rc=$?
	tap_n=$((tap_n + 1))
	if [ "$rc" -eq 0 ]; then
		echo "ok $tap_n - $1"
	else
		echo "not ok $tap_n - $1"
		tap_failed=$((tap_failed + 1))
	fi
}

check() {	# check DESCRIPTION COMMAND... — passes if the command succeeds
	d=$1; shift
	if "$@" >"$T/check.out" 2>&1; then
		tap_n=$((tap_n + 1)); echo "ok $tap_n - $d"
	else
		tap_n=$((tap_n + 1)); echo "not ok $tap_n - $d"
		tap_failed=$((tap_failed + 1))
		sed 's/^/#   /' "$T/check.out"
	fi
}

is() {	# is GOT WANT DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		printf '#   got: %s\n#  want: %s\n' "$1" "$2"
		tap_failed=$((tap_failed + 1))
	fi
}

like() {	# like GOT PATTERN DESCRIPTION (grep -E pattern)
	tap_n=$((tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		printf '#   got: %s\n#  want match: %s\n' "$1" "$2"
		tap_failed=$((tap_failed + 1))
	fi
}

unlike() {	# unlike GOT PATTERN DESCRIPTION — passes if GOT does not match
	tap_n=$((tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $tap_n - $3"
		printf '#   got: %s\n#  want no match: %s\n' "$1" "$2"
		tap_failed=$((tap_failed + 1))
	else
		echo "ok $tap_n - $3"
	fi
}
diag() {	# diag TEXT — TEXT in the log, each line a TAP comment
	printf '%s\n' "$1" | sed 's/^/# /'
}

# run CMD... — runs motcua, keeps stdout in $out, stderr in $err, status in $rc;
# every output is kept in $T/run.log too, for done_testing's check that no
# password and no hash was ever printed
# (in a session of its own: no terminal, so a password that no option
# gives is refused at once rather than asked on the tester's terminal)
run() {
	setsid -w "$MOTCUA" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
	cat "$T/out" "$T/err" >> "$T/run.log"
}

# dbsum DB — a digest of every row of every table: "did the data change?"
dbsum() {
	sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1
}

# enrol DB PEER... — DB trusts each PEER station, as a supervisor does at
# the counter: PEER's key card, its fingerprint read from PEER itself
# (`station show`), confirmed on DB by DB's first active supervisor with
# the password file $ENROL_PW (default $PWF).  Trusting records an audit
# event in DB.
enrol() {
	_db=$1; shift
	_sup=$(sqlite3 "$_db" "SELECT username FROM officer WHERE role = 'supervisor' AND
	    active = 1 ORDER BY username LIMIT 1")
	for _p in "$@"; do
		rm -f "$T/enrol.card"
		"$MOTCUA" --db "$_p" station card --out "$T/enrol.card" >/dev/null || return 1
		_fp=$("$MOTCUA" --db "$_p" station show | sed -n 's/^fingerprint: //p')
		"$MOTCUA" --db "$_db" --officer "$_sup" --password-file "${ENROL_PW:-$PWF}" \
		    station trust "$T/enrol.card" --fingerprint "$_fp" >/dev/null || return 1
	done
	rm -f "$T/enrol.card"
}

# datasum DB — dbsum without the audit events of a screen session (login,
# failed login, lockout, lock, unlock, logout): "did a screen change data?"
# A session at the screen records who sat there; anything else it wrote,
# an audit event of an export or a setting included, changes the digest.
# The station's high-water mark (meta own_seq_high:…) moves with every event
# of its own, a session's too, so it is left out: the events it follows are
# in the digest.
datasum() {
	{ sqlite3 "$1" "SELECT sql FROM sqlite_master ORDER BY type, name"
	  for _t in $(sqlite3 "$1" "SELECT name FROM sqlite_master
	      WHERE type = 'table' AND name NOT IN ('event', 'meta') ORDER BY name"); do
		echo "== $_t"; sqlite3 "$1" "SELECT * FROM \"$_t\" ORDER BY 1"
	  done
	  echo "== meta"
	  sqlite3 "$1" "SELECT * FROM meta WHERE key NOT LIKE 'own\\_seq\\_high:%' ESCAPE '\\'
	      ORDER BY 1"
	  sqlite3 "$1" "SELECT * FROM event WHERE NOT (dossier = '' AND kind IN
	      ('login', 'login_failed', 'locked_out', 'lock', 'unlock', 'logout'))
	      ORDER BY origin, seq"
	} | sha256sum | cut -d' ' -f1
}

# refused DESC DB EXPECTED-ERROR-REGEX CMD... — the command must exit 1,
# say something matching the regex on stderr, and leave DB unchanged.
refused() {
	d=$1 db=$2 re=$3; shift 3
	before=$(dbsum "$db")
	run "$@"
	after=$(dbsum "$db")
	is "$rc" 1 "$d: exit 1"
	like "$err" "$re" "$d: says why"
	is "$after" "$before" "$d: database unchanged"
}

# unseen FILE DESCRIPTION — neither the tests' password nor any password
# hash ("$argon2…") is in FILE
unseen() {
	tap_n=$((tap_n + 1))
	if grep -aqF -e "$PASSWORD" -e '$argon2' "$1"; then
		echo "not ok $tap_n - $2"
		echo "#   found on line(s) $(grep -anF -e "$PASSWORD" -e '$argon2' "$1" | cut -d: -f1 | tr '\n' ' ')"
		tap_failed=$((tap_failed + 1))
	else
		echo "ok $tap_n - $2"
	fi
}

done_testing() {
	if [ -s "$T/run.log" ]; then
		unseen "$T/run.log" "no password or password hash in any output of motcua"
	fi
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# jget JSON PATH — a value out of JSON text, read by SQLite's JSON functions
jget() {
	printf '%s' "$1" > "$T/jget.json"
	sqlite3 :memory: "SELECT json_extract(CAST(readfile('$T/jget.json') AS TEXT), '$2')"
}

# tui_setup — for screen tests: tm (tmux on a private socket) and
# wait_for REGEX (until the screen shows it, 10 s at most).  tmux is
# required: ./bootstrap installs it.
tui_setup() {
	TMUX_BIN=$(command -v tmux || true)
	if [ -z "$TMUX_BIN" ]; then
		echo "Bail out! tmux is not installed: run ./bootstrap"
		exit 1
	fi
	tui_n=0
	sock="$T/tmux.0.sock"
	trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT INT TERM
}
# tui_fresh — end the tmux server and use a new socket for the next
# session, so a server still shutting down never meets the next one.
tui_fresh() {
	tm kill-server 2>/dev/null
	tui_n=$((tui_n + 1))
	sock="$T/tmux.$tui_n.sock"
}
tm() { "$TMUX_BIN" -S "$sock" "$@"; }
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p 2>/dev/null | grep -Eq -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# sane_test_scanner — SANE_CONFIG_DIR set to a private folder whose
# dll.conf names only SANE's own `test` backend (no real scanner is
# probed) and whose test.conf makes it a white page of 80 x 100 mm; its
# feeder gives 10 sheets.  Exported by the caller if a command needs it.
sane_test_scanner() {
	SANE_CONFIG_DIR="$T/sane"
	mkdir -p "$SANE_CONFIG_DIR"
	echo test > "$SANE_CONFIG_DIR/dll.conf"
	cat > "$SANE_CONFIG_DIR/test.conf" <<'CONF'
number_of_devices 2
mode Gray
depth 8
hand-scanner false
three-pass false
test-picture "Solid white"
read-status-code "Default"
tl_x 0.0
tl_y 0.0
br_x 80.0
br_y 100.0
CONF
}

# jlen JSON [PATH] — the length of a JSON array (at PATH, default the top)
jlen() {
	printf '%s' "$1" > "$T/jlen.json"
	sqlite3 :memory: "SELECT json_array_length(CAST(readfile('$T/jlen.json') AS TEXT), '${2:-\$}')"
}
