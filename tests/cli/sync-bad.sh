# sync-bad.sh — every bad bundle is refused with a clear message (exit 1)
# and changes nothing, and the genuine bundle still comes in after it: cut
# short, a flipped byte, another format version, a format-1 bundle (from
# before signed bundles), an edited event (with and without its hashes made
# to match again: the signatures refuse it), an edited header, an event
# taken out of a chain, a trigger, a view, an extra table, files that are
# not bundles, a missing file, a directory, a station not trusted, a
# sender's key swapped for another station's, a forked chain (a copy of a
# station's database speaking as that station: a clone alarm, kept), a
# peer whose station number collides with ours.  Importing one's own
# bundle changes nothing.
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db"
for n in 1 2; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog >/dev/null
done
mv "$T/s1.db" "$dbA"; mv "$T/s2.db" "$dbB"
# B takes A's events: a supervisor at B trusts A's key
enrol "$dbB" "$dbA"; ok "B trusts A"
# two more stations of the unit: one B trusts, one it does not
for n in 3 4; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog >/dev/null
done
enrol "$dbB" "$T/s3.db"; ok "B trusts station 3"
fp_of() { "$MOTCUA" --db "$1" station show | sed -n 's/^fingerprint: //p'; }
A() { "$MOTCUA" --db "$dbA" --officer lan "$@"; }
a=$(A --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-16 09:00" | head -1)
b=$(A --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Bình" --id 087184000123 --at "2026-11-16 09:10" | head -1)
A --password-file "$PWF" event "$a" handover --to "Phạm Văn Tư" --at "2026-11-16 10:00" >/dev/null
A --password-file "$PWF" event "$a" result --at "2026-11-17 10:00" >/dev/null
A --password-file "$PWF" event "$b" result --at "2026-11-16 11:00" >/dev/null
good="$T/good.motcua"
# a bundle is made after the events it carries (an import refuses an event
# more than a day after its bundle was made)
SYNC_NOW="2026-11-30 17:00"
at_sync() { (MOTCUA_NOW="$SYNC_NOW" && export MOTCUA_NOW && "$@"); }
at_sync A --password-file "$PWF" export --out "$good" --all >/dev/null
# init's two audit events (officer_add, catalog_import) come first: seq 1-2
is "$(sqlite3 "$good" "SELECT count(*) FROM event")" 7 "the good bundle holds seven events"
size=$(wc -c < "$good")
origin=$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_id'")
o8=$(printf '%.8s' "$origin")	# the messages name a station by its id's first 8
# takes_good DB DESC — the genuine bundle still comes in at DB after a
# refusal (tried on a copy of DB, which itself stays as it is)
takes_good() {
	rm -f "$T/try.db" "$T/try.db-wal" "$T/try.db-shm"
	cp "$1" "$T/try.db"
	if [ -e "$1-wal" ]; then cp "$1-wal" "$T/try.db-wal"; fi
	run --db "$T/try.db" --password-file "$PWF" import "$good"
	is "$rc|$(sqlite3 "$T/try.db" "SELECT count(*) FROM event WHERE origin = '$origin' AND seq <= 7")" \
	    "0|7" "$2: the good bundle still comes in after it"
}
imp() {
	refused "$1" "$dbB" "$2" --db "$dbB" --password-file "$PWF" import "$3"
	_err=$err; takes_good "$dbB" "$1"; err=$_err
}
copy() { cp "$good" "$T/$1.motcua"; echo "$T/$1.motcua"; }

# cut short
f="$T/half.motcua"; head -c $((size / 2)) "$good" > "$f"
imp "cut at half" "was not imported: .*(cut short|damaged).*nothing was changed" "$f"
f="$T/cut.motcua"; head -c $((size - 700)) "$good" > "$f"
imp "cut to a non-multiple of 512" "was not imported: the file is cut short" "$f"

# a flipped byte inside an event body (the applicant's name)
off=$(grep -boa "Lê Thị Bình" "$good" | head -1 | cut -d: -f1)
like "$off" "^[0-9]+$" "the name is in the bundle"
f=$(copy flipped)
printf 'X' | dd of="$f" bs=1 seek=$((off + 1)) conv=notrunc 2>/dev/null
is "$(cmp "$good" "$f" | wc -l)" 1 "one byte differs"
imp "a flipped byte" "was not imported: .*(altered|damaged)" "$f"

# another format version, nothing else changed
f=$(copy version)
sqlite3 "$f" "UPDATE bundle SET value = '3' WHERE key = 'format_version'"
imp "format version 3" "another version of motcua" "$f"
# format 1: a bundle from before signed bundles, its events unsigned
f=$(copy format1)
sqlite3 "$f" "UPDATE bundle SET value = '1' WHERE key = 'format_version'"
imp "format version 1" "made by a motcua from before signed bundles \(format 1\)" "$f"

# an edited event body: its hash no longer matches
f=$(copy edited)
sqlite3 "$f" "UPDATE event SET body = json_set(body, '$.applicant.name', 'Kẻ Giả Mạo') WHERE kind = 'receive' AND body LIKE '%Bình%'"
imp "an edited body" "altered \(its hash does not match\)" "$f"

# the canonical texts, to make the hashes match again after an edit
ev_hash() {	# ev_hash FILE ORIGIN SEQ — the event's hash recomputed (event.h)
	printf '%s' "$(sqlite3 "$1" "SELECT 'motcua-event-1' || char(10) || origin || char(10) ||
	    seq || char(10) || at || char(10) || officer || char(10) || dossier || char(10) ||
	    kind || char(10) || prev || char(10) || body FROM event WHERE origin = '$2' AND seq = $3")" |
	    sha256sum | cut -d' ' -f1
}
content_hash() {	# content_hash FILE — the content hash recomputed (sync.h)
	{ sqlite3 "$1" "SELECT key || '=' || value FROM bundle WHERE key NOT IN ('content_sha256',
	      'signature') ORDER BY key"
	  sqlite3 "$1" "SELECT origin || char(10) || seq || char(10) || hash FROM event ORDER BY origin, seq"
	} | sha256sum | cut -d' ' -f1
}
is "$(ev_hash "$good" "$origin" 4)" "$(sqlite3 "$good" "SELECT hash FROM event WHERE seq = 4")" \
    "the event hash, recomputed from the canonical text, is the stored one"
is "$(content_hash "$good")" "$(sqlite3 "$good" "SELECT value FROM bundle WHERE key = 'content_sha256'")" \
    "the content hash, recomputed, is the stored one"

# an edited body with its own hash and the content hash recomputed: the
# hashes all match, but the event's signature is over its old hash, and no
# one without A's secret key can sign the new one
f=$(copy rehashed)
sqlite3 "$f" "UPDATE event SET body = json_set(body, '$.applicant.name', 'Kẻ Giả Mạo') WHERE seq = 4"
h=$(ev_hash "$f" "$origin" 4)
sqlite3 "$f" "UPDATE event SET hash = '$h' WHERE seq = 4; UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
is "$(sqlite3 "$f" "SELECT hash FROM event WHERE seq = 4")" "$(ev_hash "$f" "$origin" 4)" "the edited event's hash matches its body"
imp "an edited body, hashes redone" \
    "event 4 of station $o8 is not signed by that station's key \(forged or edited\)" "$f"

# the last event edited, hashes redone: no next event in the file to break
# a link, nothing held to compare with; the signature refuses it all the same
f=$(copy rehashed-last)
sqlite3 "$f" "UPDATE event SET body = json_set(body, '$.outcome', 'refused') WHERE seq = 7"
h=$(ev_hash "$f" "$origin" 7)
sqlite3 "$f" "UPDATE event SET hash = '$h' WHERE seq = 7; UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
imp "the last event edited, hashes redone" \
    "event 7 of station $o8 is not signed by that station's key \(forged or edited\)" "$f"
# and at a receiver who holds the original
cp "$dbB" "$T/b-before-good.db"
run --db "$dbB" --password-file "$PWF" import "$good"
is "$rc" 0 "B takes the good bundle"
imp "the last event edited, hashes redone, after the original" \
    "event 7 of station $o8 is not signed by that station's key \(forged or edited\)" "$f"
rm -f "$dbB" "$dbB-wal" "$dbB-shm"; cp "$T/b-before-good.db" "$dbB"

# the header edited (what A says it holds), the content hash redone: the
# bundle's signature is over the old content hash
f=$(copy header)
sqlite3 "$f" "UPDATE bundle SET value = json_set(value, '$.\"$origin\"', 99) WHERE key = 'vector'"
sqlite3 "$f" "UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
imp "an edited header, content hash redone" "it is not signed by its sender's key \(forged or edited\)" "$f"

# an event taken out of the middle of a chain, count and content hash fixed
f=$(copy deleted)
sqlite3 "$f" "DELETE FROM event WHERE seq = 5; UPDATE bundle SET value = '6' WHERE key = 'count'"
sqlite3 "$f" "UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
imp "an event taken out of the middle" "missing from the middle" "$f"

# a wrong count (content hash fixed)
f=$(copy count)
sqlite3 "$f" "UPDATE bundle SET value = '8' WHERE key = 'count'"
sqlite3 "$f" "UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
imp "a count that lies" "number of events its header says" "$f"

# only a content hash that does not match
f=$(copy checksum)
sqlite3 "$f" "UPDATE bundle SET value = '$(printf %064d 0)' WHERE key = 'content_sha256'"
imp "a wrong content hash" "does not match its checksum" "$f"

# schema: a trigger, a view, an extra table, an extra header key
f=$(copy trigger)
sqlite3 "$f" "CREATE TRIGGER t AFTER INSERT ON event BEGIN DELETE FROM bundle; END"
sum=$(dbsum "$dbB")
run --db "$dbB" --password-file "$PWF" import "$f"
is "$rc" 1 "a trigger: exit 1"
is "$(dbsum "$dbB")" "$sum" "a trigger: database unchanged"
like "$err" "contains a trigger" "a trigger: says so"
takes_good "$dbB" "a trigger"
f=$(copy view)
sqlite3 "$f" "CREATE VIEW v AS SELECT * FROM event"
imp "a view" "contains a view" "$f"
f=$(copy table)
sqlite3 "$f" "CREATE TABLE extra (x)"
imp "an extra table" "tables are not those of a motcua bundle" "$f"
f=$(copy index)
sqlite3 "$f" "CREATE INDEX event_at ON event(at)"
imp "an extra index" "tables are not those of a motcua bundle" "$f"
f=$(copy key)
sqlite3 "$f" "INSERT INTO bundle VALUES ('evil', 'x')"
imp "a header key no motcua writes" "header has a key" "$f"

# a station B does not trust: refused, and the key named for a supervisor
# to compare
f="$T/stranger.motcua"
"$MOTCUA" --db "$T/s4.db" --password-file "$PWF" export --out "$f" --all >/dev/null
fp4=$(fp_of "$T/s4.db")
like "$fp4" '^[0-9A-F]{4}(-[0-9A-F]{4}){3}$' "station 4 has a fingerprint"
imp "a station not trusted" "station 4 of 000.17.22.H56 with the key $fp4, which this station does not trust" "$f"

# the sender's key swapped for that of another station, one B trusts: the
# key is not the one trusted for A
card3="$T/s3-card.motcua"
"$MOTCUA" --db "$T/s3.db" station card --out "$card3" >/dev/null
key3=$(sqlite3 "$card3" "SELECT value FROM bundle WHERE key = 'sender_key'")
like "$key3" '^[0-9a-f]{64}$' "station 3's key, read from its key card"
f=$(copy swapped)
sqlite3 "$f" "UPDATE bundle SET value = '$key3' WHERE key = 'sender_key'"
sqlite3 "$f" "UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
imp "the sender's key swapped for station 3's" \
    "claims to come from station 1 of 000.17.22.H56 but is signed with another key \($(fp_of "$T/s3.db")\)" "$f"
# and the sender too: it claims to be station 3, but station 3 did not sign it
f=$(copy swapped-sender)
sqlite3 "$f" "UPDATE bundle SET value = (SELECT value FROM temp_card.bundle c WHERE c.key = bundle.key)
    WHERE key IN ('sender', 'sender_key', 'sender_number')" -cmd "ATTACH '$card3' AS temp_card"
sqlite3 "$f" "UPDATE bundle SET value = '$(content_hash "$f")' WHERE key = 'content_sha256'"
is "$(sqlite3 "$f" "SELECT value FROM bundle WHERE key = 'sender_number'")" 3 "the forgery claims to be station 3"
imp "a bundle of A's claiming to be station 3's" "it is not signed by its sender's key \(forged or edited\)" "$f"

# not bundles at all
f="$T/x.motcua"; echo "hello, this is text" > "$f"
imp "a text file" "not even a database file" "$f"
f="$T/empty.motcua"; : > "$f"
imp "an empty file" "the file is empty" "$f"
f="$T/random.motcua"; head -c 8192 /dev/urandom > "$f"
imp "random bytes" "not even a database file" "$f"
f="$T/db.motcua"; cp "$dbA" "$f"
imp "a motcua database, not a bundle" "tables are not those of a motcua bundle" "$f"
imp "a missing file" "does not exist" "$T/nope.motcua"
mkdir "$T/dir.motcua"
imp "a directory" "not a file" "$T/dir.motcua"

# one bad file among good ones: the good ones come in, exit 1
cp "$dbB" "$T/b-before-mixed.db"
run --db "$dbB" --password-file "$PWF" import "$T/x.motcua" "$good"
is "$rc" 1 "a bad file and a good one: exit 1"
like "$out" "7 new events" "the good one came in"
like "$err" "x.motcua was not imported" "the bad one named"
rm -f "$dbB" "$dbB-wal" "$dbB-shm"; cp "$T/b-before-mixed.db" "$dbB"

# a station's own bundle back again: nothing new, nothing changed
sum=$(dbsum "$dbA")
run --db "$dbA" --password-file "$PWF" import "$good"
is "$rc" 0 "own bundle: exit 0"
like "$out" "nothing new" "own bundle: nothing new"
is "$(dbsum "$dbA")" "$sum" "own bundle: nothing changed"

# a forked chain: a copy of A's database (cp while closed, not init
# --from-copy) records another event with the same number
cp "$dbA" "$T/a-copy.db"
[ -e "$dbA-wal" ] && cp "$dbA-wal" "$T/a-copy.db-wal"
A --password-file "$PWF" event "$a" return --rating satisfied --at "2026-11-18 09:00" >/dev/null
"$MOTCUA" --db "$T/a-copy.db" --officer lan --password-file "$PWF" event "$a" return --rating not_satisfied --at "2026-11-18 09:05" >/dev/null
is "$(sqlite3 "$dbA" "SELECT max(seq) FROM event")|$(sqlite3 "$T/a-copy.db" "SELECT max(seq) FROM event")" "9|9" \
    "the copy recorded a different event 9 (8 is the audit event of the export)"
at_sync A --password-file "$PWF" export --out "$T/fork1.motcua" --all >/dev/null
at_sync "$MOTCUA" --db "$T/a-copy.db" --password-file "$PWF" export --out "$T/fork2.motcua" --all >/dev/null
# Both are signed with A's key (the copy holds it): two PCs speak as A.
# The second bundle is refused with a clone alarm, and the alarm is kept.
fpA=$(fp_of "$dbA")
h9a=$(sqlite3 "$T/fork1.motcua" "SELECT hash FROM event WHERE seq = 9")
h9b=$(sqlite3 "$T/fork2.motcua" "SELECT hash FROM event WHERE seq = 9")
# cloned DESC DB FIRST SECOND — DB takes FIRST, then refuses SECOND with a
# clone alarm that it keeps (the held event and the other one), and changes
# nothing else; its station list shows the alarm; afterwards even A's
# bundles wait for a supervisor
nonalarm() { sqlite3 "$1" .dump | grep -v '^INSERT INTO clone_alarm' | sha256sum | cut -d' ' -f1; }
cloned() {
	d=$1 db=$2
	run --db "$db" --password-file "$PWF" import "$3"
	is "$rc" 0 "$d: the first bundle comes in"
	before=$(nonalarm "$db")
	run --db "$db" --password-file "$PWF" import "$4"
	is "$rc" 1 "$d: the second is refused"
	like "$err" "station $o8 has signed two different events number 9: .*\(a cloned station\)" \
	    "$d: says it is a cloned station"
	is "$(nonalarm "$db")" "$before" "$d: nothing changed but the alarm"
	is "$(sqlite3 "$db" "SELECT count(*) FROM clone_alarm")" 1 "$d: the clone alarm is kept"
	is "$(sqlite3 "$db" "SELECT origin || ' ' || seq || ' ' || held || ' ' || other FROM clone_alarm")" \
	    "$origin 9 $5 $6" "$d: the alarm holds both events 9"
	run --db "$db" station list
	like "$(printf '%s\n' "$out" | grep "^$fpA")" "CLONE ALARM" "$d: station list shows the clone alarm"
	refused "$d: then A's bundle" "$db" "under a clone alarm" --db "$db" --password-file "$PWF" import "$3"
}
cloned "the copy's bundle after A's" "$dbB" "$T/fork1.motcua" "$T/fork2.motcua" "$h9a" "$h9b"
# the other way round at a fresh station: the first one is taken, the second raises the alarm
"$MOTCUA" --db "$T/c.db" init --unit-code 000.00.00.T01 --unit-name "Tỉnh" --station 1 \
    --sample-catalog --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" >/dev/null
# a province gathers the dossiers of its communes
"$MOTCUA" --db "$T/c.db" --officer lan --password-file "$PWF" setting set aggregate_units 1 >/dev/null
enrol "$T/c.db" "$dbA"; ok "the province trusts A"
cloned "A's bundle after the copy's" "$T/c.db" "$T/fork2.motcua" "$T/fork1.motcua" "$h9b" "$h9a"
# a peer with our station number: two stations 1 of one unit receiving on
# the same day give the same dossier code
"$MOTCUA" --db "$T/twin.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
    --station 1 --sample-catalog --supervisor hoa "Võ Thị Hoa" --password-file "$PWF" >/dev/null
tw=$("$MOTCUA" --db "$T/twin.db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Đỗ Văn Dũng" --id 087084000996 --at "2026-11-16 14:00" | head -1)
is "$tw" "$a" "the twin station gives the same code as A"
enrol "$dbA" "$T/twin.db"; ok "A trusts the twin"
at_sync "$MOTCUA" --db "$T/twin.db" --password-file "$PWF" export --out "$T/twin.motcua" --all >/dev/null
refused "a peer with our station number" "$dbA" "another dossier with the code $a .*same station number" --db "$dbA" --password-file "$PWF" import "$T/twin.motcua"
echo "# the message: $err"
unlike_raw=$(printf '%s' "$err" | grep -c "UNIQUE constraint")
is "$unlike_raw" 0 "the message is not a raw SQLite constraint message"
# and at a third station that holds A's: the second of the two codes
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier WHERE code = '$a'")" 1 "B holds A's dossier $a"
enrol "$dbB" "$T/twin.db"; ok "B trusts the twin"
refused "the second of two dossiers with one code, at a third station" "$dbB" \
    "another dossier with the code $a .*same station number" --db "$dbB" --password-file "$PWF" import "$T/twin.motcua"
echo "# the message: $err"
done_testing
