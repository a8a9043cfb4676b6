# signatures.sh — `motcua check` verifies every event's signature against
# its station's key: a signature bent, moved from another event or taken
# off in the sqlite3 shell (the triggers dropped) is found and named, and
# check then says the log was tampered with; the events of another station
# are checked against the key trusted for it.  `motcua peers` shows a clone
# alarm: two different events with one number, both signed by one
# station's key (a copy of its database on another PC).
. "$top_srcdir/tests/cli/lib.sh"
a="$T/a.db" b="$T/b.db"
for n in 1 2; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
	    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station $n --sample-catalog >/dev/null
done
mv "$T/s1.db" "$a"; mv "$T/s2.db" "$b"
A() { "$MOTCUA" --db "$a" --officer lan --password-file "$PWF" "$@"; }
c1=$(A receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-16 09:00" | head -1)
A event "$c1" result --at "2026-11-16 10:00" >/dev/null
A receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Bình" --id 087184000123 --at "2026-11-16 11:00" >/dev/null
n=$(sqlite3 "$a" "SELECT count(*) FROM event")

run --db "$a" check
is "$rc" 0 "a sound log: check passes"
like "$out" "^signatures: $n events signed by their stations' keys, every one sound$" \
    "every one of the $n events is signed and verified"

# sqlite3 FILE SQL — with the triggers dropped (and put back after), as
# someone with the sqlite3 shell would
shell() {
	sqlite3 "$1" "CREATE TABLE saved AS SELECT sql FROM sqlite_schema WHERE type = 'trigger'
	    AND name IN ('event_no_update', 'event_no_delete');
	    DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; $2"
	sqlite3 "$1" "SELECT sql || ';' FROM saved" | sqlite3 "$1"
	sqlite3 "$1" "DROP TABLE saved"
}
cp "$a" "$T/a.saved"
restore() { cp "$T/a.saved" "$a"; rm -f "$a-wal" "$a-shm"; }
sid=$(sqlite3 "$a" "SELECT value FROM meta WHERE key = 'station_id'")

# tampered DESC SQL PATTERN — the shell's SQL is found by check, named
tampered() {
	restore
	shell "$a" "$2"
	run --db "$a" check
	is "$rc" 1 "$1: check fails"
	like "$out" "$3" "$1: the event is named"
	like "$err" "the event log has been tampered with" "$1: says the log was tampered with"
}
tampered "a bent signature" \
    "UPDATE event SET sig = CASE WHEN substr(sig, 1, 1) = '0' THEN '1' ELSE '0' END || substr(sig, 2) WHERE origin = '$sid' AND seq = 3" \
    "^signatures: event 3 of station 1 is not signed by that station's key: forged or edited$"
tampered "another event's signature" \
    "UPDATE event SET sig = (SELECT sig FROM event WHERE origin = '$sid' AND seq = 1) WHERE origin = '$sid' AND seq = 4" \
    "^signatures: event 4 of station 1 is not signed"
tampered "a signature taken off" \
    "UPDATE event SET sig = '' WHERE origin = '$sid' AND seq = 4" \
    "^signatures: event 4 of this station's own chain \(station 1\) carries no signature"
tampered "an event added after the last, linked to it, unsigned" \
    "INSERT INTO event(origin, seq, at, officer, dossier, kind, body, prev, hash, sig)
     SELECT origin, seq + 1, at, officer, dossier, kind, body, hash,
         CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END || substr(hash, 2), '' FROM event
     WHERE origin = '$sid' ORDER BY seq DESC LIMIT 1" \
    "^signatures: event $((n + 1)) of this station's own chain \(station 1\) carries no signature"
# its hash is made up too (one digit off its predecessor's): check names
# that as well
like "$out" "^events: event $((n + 1)) of station 1 was edited" "the added event's hash is named too"
restore

# another station's events, checked against the key trusted for it
enrol "$b" "$a"; ok "B trusts A"
A export --out "$T/a.motcua" >/dev/null
"$MOTCUA" --db "$b" --officer lan --password-file "$PWF" import "$T/a.motcua" >/dev/null; ok "B takes A's bundle"
nb=$(sqlite3 "$b" "SELECT count(*) FROM event")
run --db "$b" check
is "$rc" 0 "B's log with A's events: sound"
like "$out" "^signatures: $nb events signed" "B verifies its own and A's events ($nb)"
shell "$b" "UPDATE event SET sig = CASE WHEN substr(sig, 1, 1) = '0' THEN '1' ELSE '0' END || substr(sig, 2) WHERE origin = '$sid' AND seq = 3"
run --db "$b" check
is "$rc" 1 "A's event with a bent signature at B: check fails"
like "$out" "^signatures: event 3 of station 1 is not signed by that station's key" \
    "A's event is named at B"

# a clone: A's database copied to another PC; both record event number N+2
cp "$a" "$T/clone.db"
A receive --address "$ADDR" --procedure 1.001193 --name "Trần Văn Cường" --id 087084000555 --at "2026-11-17 09:00" >/dev/null
"$MOTCUA" --db "$T/clone.db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 \
    --name "Võ Thị Dung" --id 087184000666 --at "2026-11-17 09:05" >/dev/null
A export --out "$T/a2.motcua" >/dev/null
"$MOTCUA" --db "$T/clone.db" --officer lan --password-file "$PWF" export --out "$T/clone.motcua" >/dev/null
b2="$T/b2.db"
"$MOTCUA" --db "$b2" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 3 --sample-catalog >/dev/null
enrol "$b2" "$a"; ok "a third station trusts A"
run --db "$b2" peers
unlike_alarm=$(printf '%s\n' "$out" | grep -c "CLONE ALARM")
is "$unlike_alarm" 0 "no clone alarm before"
run --db "$b2" --password-file "$PWF" import "$T/a2.motcua"
is "$rc" 0 "it takes A's bundle"
run --db "$b2" --password-file "$PWF" import "$T/clone.motcua"
is "$rc" 1 "and refuses the clone's"
run --db "$b2" peers
is "$rc" 0 "peers: exit 0"
seq=$(sqlite3 "$b2" "SELECT seq FROM clone_alarm")
like "$out" "^CLONE ALARM: station 1 of 000.17.22.H56 \($sid\) has signed two different events number $seq: " \
    "peers shows the clone alarm: which station, which number"
like "$out" "clone.motcua, found 2026-11-17" "the file that brought the other one, and when"
like "$out" "see CLONED STATIONS in the manual" "and where to read what to do"
done_testing
