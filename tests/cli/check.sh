# check.sh — motcua check and check --rebuild.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 1 --sample-catalog >/dev/null
for i in 1 2 3 4 5; do
	"$MOTCUA" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Người Thứ $i" --id 08708400099$i --at "2026-11-1$i 09:0$i" >/dev/null
done
cp "$db" "$T/base.db"
run --db "$db" check
is "$rc" 0 "check: exit 0"
like "$out" "integrity: ok" "check: SQLite integrity"
# five receipts and the audit events of init: officer_add, catalog_import
like "$out" "events: 7, every hash and chain link is sound" "check: the event chain"

rows() { sqlite3 "$db" "SELECT * FROM dossier ORDER BY id"; }
before=$(rows)
run --db "$db" --password-file "$PWF" check --rebuild
is "$rc" 0 "check --rebuild: exit 0"
like "$out" "5 rebuilt from events, identical" "check --rebuild: identical"
is "$(rows)" "$before" "the rows are byte for byte the same"

# a damaged projection is found and repaired from the events
sqlite3 "$db" "UPDATE dossier SET applicant_name = 'X' WHERE code LIKE '%-261111-1001'"
run --db "$db" --password-file "$PWF" check --rebuild
is "$rc" 1 "damaged projection: exit 1"
like "$out" "1 differed from their events" "damaged projection: reported, once"
like "$err" "repaired" "damaged projection: says it was repaired"
is "$(rows)" "$before" "damaged projection: repaired from events"

# the event log cannot be edited, and an edit behind its back is caught
sqlite3 "$db" "UPDATE event SET officer = 'x'" 2>/dev/null
[ "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE officer = 'x'")" = 0 ]; ok "UPDATE of events refused by trigger"
sqlite3 "$db" "DELETE FROM event" 2>/dev/null
# seven, and the two rebuilds' audit events
is "$(sqlite3 "$db" "SELECT count(*) FROM event")" 9 "DELETE of events refused by trigger"
sqlite3 "$db" "DROP TRIGGER event_no_update; UPDATE event SET body = json_set(body, '$.applicant.name', 'Y') WHERE kind = 'receive' AND seq = 4"
run --db "$db" check
is "$rc" 1 "a forged event: exit 1"
like "$out" "1 fail their hash or chain check" "a forged event: found"

# ---- tampering behind the triggers' back, each on a copy of the sound log
own=$(sqlite3 "$T/base.db" "SELECT value FROM meta WHERE key = 'station_id'")
# tampered NAME SQL — $tdb: a copy of base.db, its triggers dropped, SQL run
tampered() {
	tdb="$T/$1.db"
	cp "$T/base.db" "$tdb"
	sqlite3 "$tdb" "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; $2"
}
# rehash DB SEQ — our event SEQ's hash made again from its content (event.h),
# as a forger who knows the format does
rehash() {
	_txt=$(sqlite3 "$1" "SELECT 'motcua-event-1' || char(10) || origin || char(10) ||
	    seq || char(10) || at || char(10) || officer || char(10) || dossier ||
	    char(10) || kind || char(10) || prev || char(10) || body FROM event
	    WHERE origin = '$own' AND seq = $2")
	_h=$(printf '%s' "$_txt" | sha256sum | cut -d' ' -f1)
	sqlite3 "$1" "DROP TRIGGER IF EXISTS event_no_update;
	    UPDATE event SET hash = '$_h' WHERE origin = '$own' AND seq = $2"
}
# caught DESC PATTERN — check on $tdb exits 1, says PATTERN, says what to do
caught() {
	run --db "$tdb" check
	is "$rc" 1 "$1: exit 1"
	like "$out" "$2" "$1: found"
	like "$err" "$3" "$1: says what to do"
}
unlike() {	# unlike GOT PATTERN DESCRIPTION — GOT does not match
	tap_n=$((tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $tap_n - $3"; tap_failed=$((tap_failed + 1))
	else
		echo "ok $tap_n - $3"
	fi
}
tamper='tampered with.*ask the supervisor to restore the database from its last sound backup'
# the sound copy reproduces: rehash changes nothing
hashes() { sqlite3 "$1" "SELECT seq, hash FROM event ORDER BY origin, seq"; }
cp "$T/base.db" "$T/same.db"
for s in 1 2 3 4 5 6 7; do rehash "$T/same.db" $s; done
is "$(hashes "$T/same.db")" "$(hashes "$T/base.db")" "a hash made again in the shell is the one motcua made"

tampered edit "UPDATE event SET body = json_set(body, '$.applicant.name', 'Y') WHERE seq = 4"
caught "an edited event" "event 4 of station 1 was edited: its content does not match its hash" "$tamper"
like "$out" "dossiers: 000.17.22.H56-261112-1001 differs from its events" "an edited event: its dossier named too"

tampered middle "DELETE FROM event WHERE seq = 4; DELETE FROM dossier WHERE code = '000.17.22.H56-261112-1001'"
caught "a deleted middle event" "this station's own chain \(station 1\) lacks event 4: deleted from the log" "$tamper"
like "$out" "codes: 000.17.22.H56-261112-1001 was issued but no dossier holds it" "a deleted middle receipt: its code missing"

tampered last "DELETE FROM event WHERE seq = 7"
caught "a deleted last event" "own chain \(station 1\) ends before event 7, which it recorded" "$tamper"
like "$out" "dossiers: 000.17.22.H56-261115-1001 is in the table but no event makes it" "a deleted last event: its dossier row named"
unlike "$out" "every hash and chain link is sound" "a deleted last event: the chain is not called sound"

# re-chained: event 5 linked to event 3 instead of 4, its hash made again
tampered relink "UPDATE event SET prev = (SELECT hash FROM event WHERE seq = 3) WHERE seq = 5"
rehash "$tdb" 5
caught "a re-chained event" "event 5 of station 1 does not follow the event before it: the chain was reordered or re-chained" "$tamper"
unlike "$out" "was edited" "a re-chained event: its own hash is sound"

# reordered: events 4 and 5 swap numbers, links and hashes made again
tampered reorder "UPDATE event SET seq = 99 WHERE seq = 4; UPDATE event SET seq = 4 WHERE seq = 5;
    UPDATE event SET seq = 5 WHERE seq = 99"
rehash "$tdb" 4
rehash "$tdb" 5
caught "reordered events" "event 4 of station 1 does not follow the event before it" "$tamper"
like "$out" "event 5 of station 1 does not follow" "reordered events: the other one too"
unlike "$out" "was edited" "reordered events: their hashes are sound"

# the whole chain after a deleted receipt numbered and linked again: only
# the high-water mark knows it was longer
tampered rechain "DELETE FROM event WHERE seq = 4; DELETE FROM dossier WHERE code = '000.17.22.H56-261112-1001'"
for s in 5 6 7; do
	sqlite3 "$tdb" "UPDATE event SET seq = $s - 1, prev = (SELECT hash FROM event
	    WHERE seq = $s - 2) WHERE seq = $s"
	rehash "$tdb" $((s - 1))
done
caught "a chain numbered and linked again" "own chain \(station 1\) ends before event 7, which it recorded" "$tamper"

# an edited dossier row: plain check finds it, by code, and says how to repair
tampered row "UPDATE dossier SET due = '2027-12-31T17:00:00+07:00' WHERE code = '000.17.22.H56-261113-1001'"
caught "an edited dossier row" "dossiers: 000.17.22.H56-261113-1001 differs from its events" "a supervisor repairs it from them with 'motcua check --rebuild'"
like "$out" "every hash and chain link is sound" "an edited dossier row: the log itself is sound"
run --db "$tdb" --password-file "$PWF" check --rebuild
like "$out" "1 differed from their events" "an edited dossier row: repaired by --rebuild"
run --db "$tdb" check
is "$rc" 0 "an edited dossier row: sound after --rebuild"
like "$out" "dossiers: every row is as its events make it" "a sound table is called so"
sum=$(dbsum "$T/base.db")
run --db "$T/base.db" check
is "$(dbsum "$T/base.db")" "$sum" "plain check writes nothing"

# no code is issued twice: the last receipt and its row deleted, the next
# receipt that day takes the next number, and check still sees the hole
tampered reuse "DELETE FROM event WHERE seq = 7; DELETE FROM dossier WHERE code = '000.17.22.H56-261115-1001'"
caught "a deleted last receipt" "codes: 000.17.22.H56-261115-1001 was issued but no dossier holds it: its receipt was deleted" "$tamper"
run --db "$tdb" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Người Khác" --id 087084000777 --at "2026-11-15 10:00"
is "$rc" 0 "after a deleted last receipt: the next receipt"
like "$out" "^000.17.22.H56-261115-1002" "after a deleted last receipt: the next code, not the deleted one's"
is "$(sqlite3 "$tdb" "SELECT max(seq) FROM event WHERE origin = '$own'")" 8 "after a deleted last event: the next event number is not reused either"
caught "after a deleted last receipt, a new one" "lacks event 7: deleted from the log" "$tamper"

# another station's gap is only what has not come yet
"$MOTCUA" --db "$T/b.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 2 >/dev/null
"$MOTCUA" --db "$T/b.db" --password-file "$PWF" officer add minh "Lê Văn Minh" --new-password-file "$PWF" >/dev/null
"$MOTCUA" --db "$T/b.db" --officer lan --password-file "$PWF" export --out "$T/b.motcua" >/dev/null
cp "$T/base.db" "$T/peer.db"
# a bundle is taken only from a station its supervisor trusts (lib.sh: enrol)
enrol "$T/peer.db" "$T/b.db"; ok "station 1 trusts station 2"
"$MOTCUA" --db "$T/peer.db" --password-file "$PWF" import "$T/b.motcua" >/dev/null
ok "station 2's bundle imported"
bid=$(sqlite3 "$T/b.db" "SELECT value FROM meta WHERE key = 'station_id'")
sqlite3 "$T/peer.db" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE origin = '$bid' AND seq = 1"
run --db "$T/peer.db" check
is "$rc" 0 "another station's gap: exit 0"
like "$out" "the chain of station 2 lacks event 1: not yet received, no problem" "another station's gap: not yet received"

run --db "$db" check --frob
is "$rc" 2 "check with a wrong option: usage"
run --db "$T/none.db" check
is "$rc" 1 "check a missing database: exit 1"
test ! -e "$T/none.db"; ok "check does not create a database"
done_testing
