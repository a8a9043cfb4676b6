# sync.sh — F7 sync by file between two stations of one unit: station 1
# exports onto a "USB stick" (MOTCUA_MEDIA points at a temporary folder),
# station 2 imports it and holds station 1's dossiers with the same codes;
# a second import brings nothing new; a bad file is refused with the
# core's message and changes nothing; Esc leaves without writing; with
# no medium the screen says how to mount one.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/lib-login.sh"
db1="$T/s1.db" db2="$T/s2.db"
for n in 1 2; do
	unit_make "$T/s$n.db" $n
done
# the two stations trust each other, as their supervisors set them up
# (each a "trust" audit event of its own chain)
ENROL_PW="$T/boss.pw"
check "station 2 trusts station 1" enrol "$db2" "$db1"
check "station 1 trusts station 2" enrol "$db1" "$db2"
rcv() {	# rcv DB NAME ID AT — prints the new code
	"$MOTCUA" --db "$1" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure 1.001193 --name "$2" --id "$3" --at "$4" | head -1
}
a=$(rcv "$db1" "Nguyễn Văn An" 087084000999 "2026-11-16 09:00")
b=$(rcv "$db1" "Nguyễn Thị Bình" 087184000123 "2026-11-17 09:00")
c=$(rcv "$db2" "Lê Văn Cường" 087084000998 "2026-11-18 09:00")
like "$a$b" "^000\.17\.22\.H56-2611" "station 1 received two dossiers"
ev1=$(sqlite3 "$db1" "SELECT count(*) FROM event")
mkdir -p "$T/media/USB"
NOW="2026-11-20 09:00"

# start DB [ENV...] — the program on DB, English, clock fixed, media in $T/media
start() {
	d=$1; shift
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$NOW' MOTCUA_MEDIA='$T/media' $* '$MOTCUA' --db '$d'; echo EXITED; sleep 10"
	login lan
}
screen() { tm capture-pane -p; }
# flat — the screen as one line, spaces squeezed: for wrapped messages
flat() { tm capture-pane -p | tr -s ' \n' '  '; }
bundles() { ls "$T/media/USB" | grep -c '\.motcua$'; }

# station 1: F7, Esc — nothing written anywhere
sum1=$(datasum "$db1")
start "$db1"
# the login is an audit event of station 1's chain: the events counted now
ev1=$(sqlite3 "$db1" "SELECT count(*) FROM event")
tm send-keys F7
wait_for "Removable media"; ok "F7 opens the sync screen"
like "$(tm capture-pane -p | tail -1)" "e Export +i Import" "the hint bar shows e and i"
s=$(screen)
like "$s" "$T/media/USB +0 bundles" "the medium is listed, with no bundle yet"
like "$s" "any station: every event" "export for any station by default"
like "$s" "^ +1 +000\.17\.22\.H56 +$ev1 +this station" "the stations: this one with its events"
like "$s" "e  export every event" "the e key is shown"
like "$s" "i  import every" "the i key is shown"
tm send-keys Escape
wait_for "Main menu"; ok "Esc goes back"
is "$(bundles)" 0 "Esc wrote no file"
is "$(datasum "$db1")" "$sum1" "Esc wrote nothing"

# e exports every event of station 1
tm send-keys F7
wait_for "Removable media"
tm send-keys e
wait_for "Exported $ev1 events into"; ok "e: the screen says how many events"
is "$(bundles)" 1 "a .motcua file appears on the stick"
f=$(ls "$T/media/USB"/*.motcua)
like "$f" "/000\.17\.22\.H56-1-20261120-0900\.motcua$" "named unit, station, time"
is "$(sqlite3 "$f" "SELECT count(*) FROM event")" "$ev1" "the bundle holds every event"
like "$(screen)" "100%" "the bar ends at 100%"
wait_for "USB +1 bundle"; ok "the medium now shows one bundle"
is "$(sqlite3 "$db1" "SELECT kind || ' ' || officer || ' ' || json_extract(body, '$.events') FROM event ORDER BY seq DESC LIMIT 1")" \
    "export lan $ev1" "the export is an audit event: who, how many events"
is "$(sqlite3 "$db1" "SELECT count(*) FROM event")" "$((ev1 + 1))" "... its only event"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# station 2: F7, i imports it
start "$db2"
like "$(screen)" "Overdue: 1" "station 2: its own dossier overdue before"
tm send-keys F7
wait_for "Removable media"
tm send-keys i
wait_for "file\(s\) read; new events: $ev1"; ok "i: every file read, what came in"
like "$(flat)" "from station 1 \(000\.17\.22\.H56\): new events $ev1, already held 0, new dossiers 2" \
    "per file: sender, new events, new dossiers"
s=$(screen)
like "$s" "1 file\(s\) read; new events: $ev1" "the summary on the bottom line"
like "$s" "^ +1 +000\.17\.22\.H56 +$ev1 +2026-11-20 09:00" "the peers list shows station 1, heard now"
like "$s" "^ +2 +000\.17\.22\.H56 +[0-9]+ +this station" "and this station"
like "$s" "Overdue: 3" "the header counts the new dossiers"
is "$(sqlite3 "$db2" "SELECT group_concat(code, ' ') FROM (SELECT code FROM dossier ORDER BY code)")" \
    "$(printf '%s\n' "$a" "$b" "$c" | sort | tr '\n' ' ' | sed 's/ $//')" \
    "station 2 holds station 1's dossiers, same codes"
is "$(sqlite3 "$db2" "SELECT applicant_name || '|' || status FROM dossier WHERE code = '$b'")" \
    "Nguyễn Thị Bình|received" "the dossier came with its applicant and status"
is "$(sqlite3 "$db2" "SELECT count(*) FROM event WHERE origin = (SELECT origin FROM event WHERE dossier = (SELECT id FROM dossier WHERE code = '$a') LIMIT 1)")" \
    "$ev1" "every event of station 1"

# again: nothing new, nothing changed
sum2=$(datasum "$db2")
tm send-keys i
wait_for "nothing new"; ok "importing again says nothing new"
like "$(flat)" "nothing new \(from station 1 \(000\.17\.22\.H56\), $ev1 events already held\)" \
    "nothing new: the events were held already"
like "$(screen)" "new events: 0" "the summary: no new event"
is "$(datasum "$db2")" "$sum2" "the second import changed no data"

# a bad file: refused with the core's message, nothing written
echo "not a bundle" > "$T/media/USB/x.motcua"
: > "$T/media/USB/.hidden.motcua"
tm send-keys i
wait_for "x\.motcua: refused: "; ok "a text file named x.motcua is refused"
like "$(screen)" "1 refused" "the bottom line counts the refusal"
check "the dot file is not read" sh -c "! printf '%s' \"\$1\" | grep -q hidden" x "$(screen)"
is "$(datasum "$db2")" "$sum2" "the refused file changed nothing"

# Tab: the stations list; export what station 1 lacks (station 2's own)
tm send-keys Tab Down Down
wait_for "e  export what station 1 lacks"; ok "Tab, Down (past this station): the export is for station 1"
rm -f "$T/media/USB"/*.motcua
tm send-keys e
wait_for "Exported [0-9]+ events? into"; ok "the export for station 1"
f=$(ls "$T/media/USB"/*.motcua)
is "$(sqlite3 "$f" "SELECT count(DISTINCT origin) FROM event")" 1 \
    "it holds only station 2's events: station 1 has its own"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# no medium: the screen says so and how; e and i write nothing
rmdir "$T/media/USB" 2>/dev/null || rm -rf "$T/media/USB"
sum2=$(datasum "$db2")
start "$db2"
tm send-keys F7
wait_for "No removable medium is mounted"; ok "no medium: says so"
like "$(flat)" "udisksctl mount" "and how to mount one"
tm send-keys e
wait_for "plug in the USB stick first"; ok "e without a medium: refused"
tm send-keys i
is "$(datasum "$db2")" "$sum2" "nothing written"
# a stick plugged in while the screen is open shows up by itself
mkdir -p "$T/media/lan/KINGSTON"
wait_for "media/lan/KINGSTON +0 bundles"; ok "a medium two levels down appears by itself"
tm send-keys F1
wait_for "Help: keys"; ok "F1 opens the help"
tm send-keys Escape
wait_for "Removable media"; ok "Esc back from the help"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
