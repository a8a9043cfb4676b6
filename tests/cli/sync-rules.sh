# sync-rules.sh — hostile bundles whose hashes all match (made from a
# genuine export with sqlite3, the event and content hashes recomputed and
# signed again with A's key, as a station gone rogue or an altered motcua
# would make them) are refused by the rules local work obeys (syncrule.h):
# a resume with no pause, a time "zzzz", an unknown officer cancelling, a
# header with a text sender number, a sender claiming the receiver's
# identity, a sender that is no station id, a genuine bundle of another
# unit, a forged event in the receiver's own chain.  Each is refused with
# the receiver unchanged and a message naming the cause; after each, the
# genuine bundle still imports.  (An edited event of another station, its
# hashes redone, is the signatures' matter: see the keys' tests.)
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db"
for n in 1 2; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
	    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station $n --sample-catalog >/dev/null
done
mv "$T/s1.db" "$dbA"; mv "$T/s2.db" "$dbB"
# B takes A's events: a supervisor at B trusts A's key.  The bundles below
# are all signed as A signs (A's own secret key): what refuses them is the
# rules, not the signatures (a forger without the key: sync-bad.sh).
check "B trusts A" enrol "$dbB" "$dbA"
A() { "$MOTCUA" --db "$dbA" --officer lan --password-file "$PWF" "$@"; }
a=$(A receive --address "$ADDR" --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-16 09:00" | head -1)
A event "$a" handover --to "Phạm Văn Tư" --at "2026-11-16 10:00" >/dev/null
A event "$a" result --at "2026-11-17 10:00" >/dev/null
# a bundle is made after the events it carries
SYNC_NOW="2026-11-30 17:00"
at_sync() { (MOTCUA_NOW="$SYNC_NOW" && export MOTCUA_NOW && "$@"); }
good="$T/good.motcua"
at_sync A export --out "$good" --all >/dev/null
idA=$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_id'")
idB=$(sqlite3 "$dbB" "SELECT value FROM meta WHERE key = 'station_id'")
dos=$(sqlite3 "$dbA" "SELECT id FROM dossier WHERE code = '$a'")
is "$(sqlite3 "$good" "SELECT count(*) FROM event WHERE dossier = '$dos'")" 3 \
    "the genuine bundle holds the dossier's three events"

. "$top_srcdir/tests/cli/forge.sh"
forge_setup "$dbA" "$good"
# forge NAME ORIGIN PREV AT OFFICER KIND BODY — forge.sh's, on the dossier $dos
forge_dos() { forge "$1" "$2" "$3" "$4" "$5" "$dos" "$6" "$7"; }
# hostile DESCRIPTION REGEX FILE — refused, B unchanged; the genuine one still imports
hostile() {
	refused "$1" "$dbB" "was not imported: .*$2.*nothing was changed" --db "$dbB" --officer lan \
	    --password-file "$PWF" import "$3"
	echo "# $err"
	cp "$dbB" "$T/probe.db"
	run --db "$T/probe.db" --officer lan --password-file "$PWF" import "$good"
	is "$rc" 0 "$1: the genuine bundle still imports"
	rm -f "$T/probe.db" "$T/probe.db-wal" "$T/probe.db-shm"
}

# the forger's own check: a hash recomputed is the stored one
is "$(forge_ev_hash "$good" "$idA" 3)" "$(sqlite3 "$good" "SELECT hash FROM event WHERE origin = '$idA' AND seq = 3")" \
    "the event hash, recomputed from the canonical text, is the stored one"
is "$(forge_sign event "$(sqlite3 "$good" "SELECT hash FROM event WHERE origin = '$idA' AND seq = 3")")" \
    "$(sqlite3 "$good" "SELECT sig FROM event WHERE origin = '$idA' AND seq = 3")" \
    "the forger's signature of a genuine event is the one A gave it"
is "$(forge_sign bundle "$(forge_content_hash "$good")")" "$(sqlite3 "$good" "SELECT value FROM bundle WHERE key = 'signature'")" \
    "the forger's signature of the genuine content is the one A gave it"

forge_dos resume "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan resume \
    '{"paused_days":0,"due":"2020-01-01T07:00:00+07:00"}'
hostile "a resume with no pause" "event [0-9]+ of station 1: the step 'resume' does not apply to a dossier that is result ready" "$f"

forge_dos zzzz "$idA" "$(lastA)" "zzzz" lan return '{"collector":"Kẻ Lạ","collector_id":null,"rating":null}'
hostile "the time zzzz" "event [0-9]+ of station 1: its time 'zzzz' is not a real time" "$f"

forge_dos cancel "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" ke_gia cancel '{"reason":"Hủy"}'
hostile "an unknown officer cancelling" "event [0-9]+ of station 1: its officer 'ke_gia' is not known" "$f"

forge_dos future "$idA" "$(lastA)" "2027-01-07T09:00:00+07:00" lan cancel '{"reason":"Hủy"}'
hostile "an event dated after its bundle was made" "its time 2027-01-07T09:00:00\+07:00 is more than a day after the file was made" "$f"

forge_dos longname "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan return \
    "{\"collector\":\"$(printf 'A%.0s' $(seq 1 300))\",\"collector_id\":\"087084000998\",\"rating\":null}"
hostile "a collector's name over its limit" "the field 'Name' is too long \(300 characters\)" "$f"

# a receipt whose logbook number another dossier of A's book holds, and
# one whose book is not named for its station (logbook.h)
body=$(sqlite3 "$good" "SELECT json_set(body, '$.code', replace(json_extract(body, '$.code'),
    '-1001', '-1002')) FROM event WHERE origin = '$idA' AND kind = 'receive'")
dos_genuine=$dos; dos=6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b0d14
forge_dos booktaken "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan receive \
    "$(sqlite3 :memory: "SELECT json_set('$body', '$.received', '2026-11-18T09:00:00+07:00')")"
hostile "a logbook number already taken" "its logbook number 1 of book 01/2026 is already dossier $a's" "$f"
forge_dos bookname "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan receive \
    "$(sqlite3 :memory: "SELECT json_set('$body', '$.received', '2026-11-18T09:00:00+07:00',
    '$.book', '07/2026', '$.book_no', 2)")"
hostile "a book of another station" "its logbook book '07/2026' is not one motcua names for station 1" "$f"
dos=$dos_genuine

# the receiver's own chain: the next event of B, linked to B's last.  Since
# events are signed, the signature refuses it before the rules' "claims to
# be this station's own" can: it checks against B's own key, which no one
# but B holds (and an event B never recorded signed with B's key is a
# cloned station: sync-bad.sh)
forge_seq=$(sqlite3 "$dbB" "SELECT max(seq) + 1 FROM event WHERE origin = '$idB'")
forge_dos own "$idB" "$(sqlite3 "$dbB" "SELECT hash FROM event WHERE origin = '$idB' ORDER BY seq DESC LIMIT 1")" \
    "2026-11-18T09:00:00+07:00" lan handover '{"to":"Kẻ Lạ"}'
forge_seq=
hostile "a forged event in the receiver's own chain" "event [0-9]+ of station $(printf %.8s "$idB") is not signed by that station's key" "$f"

# the header
header() {	# header NAME KEY VALUE — the good bundle with one header value changed
	f="$T/$1.motcua"; cp "$good" "$f"
	sqlite3 "$f" "UPDATE bundle SET value = '$3' WHERE key = '$2'"
	forge_rehash "$f"
}
header number sender_number hai
hostile "a text sender number" "its sender_number 'hai' is not a station number" "$f"
header number0 sender_number 12
hostile "a sender number of two digits" "its sender_number '12' is not a station number" "$f"
# claiming to be B, with B's public key (anyone may read it off B's key
# card), so the sender is one B knows and the rules see the claim
"$MOTCUA" --db "$dbB" station card --out "$T/b.card" >/dev/null
header self sender "$idB"
sqlite3 "$f" "UPDATE bundle SET value = '$(sqlite3 "$T/b.card" "SELECT value FROM bundle WHERE
    key = 'sender_key'")' WHERE key = 'sender_key'"
forge_rehash "$f"
hostile "a sender claiming the receiver's identity" "claims to come from this station" "$f"
# a sender that is no station id is no station B trusts: the trust check
# refuses it before the rules' "is not a station id" can
header uuid sender "not-a-station"
hostile "a sender that is no station id" "it comes from station 1 of 000.17.22.H56 with the key [0-9A-F-]+, which this station does not trust" "$f"
header unit sender_unit "Xã Giả"
hostile "a made-up unit" "its sender_unit 'Xã Giả' is not a unit code" "$f"
header created created "hôm qua"
hostile "a time of making that is no time" "its time of making 'hôm qua' is not a real time" "$f"
header vector vector '{"x":1}'
hostile "a vector of no station" "its vector is not a list of stations" "$f"

# a genuine bundle of another commune
"$MOTCUA" --db "$T/o.db" init --supervisor hoa "Võ Thị Hoa" --password-file "$PWF" \
    --unit-code 000.17.22.H57 --unit-name "UBND xã Mỹ Hòa" --station 1 --sample-catalog >/dev/null
# (its receipt after its init, which ran at the story's clock)
"$MOTCUA" --db "$T/o.db" --officer hoa --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 \
    --name "Trần Thị Ba" --id 087184000111 --at "2026-11-17 11:00" >/dev/null
# B trusts that station: its bundle is genuine, and the rules refuse it
check "B trusts the other commune's station" enrol "$dbB" "$T/o.db"
at_sync "$MOTCUA" --db "$T/o.db" --officer hoa --password-file "$PWF" export --out "$T/other.motcua" --all >/dev/null
hostile "a genuine bundle of another unit" "its dossier code 000.17.22.H57-[0-9-]+ is of another unit than 000.17.22.H56" "$T/other.motcua"
# ... which a station that gathers several units takes
cp "$dbB" "$T/province.db"
"$MOTCUA" --db "$T/province.db" --officer lan --password-file "$PWF" setting set aggregate_units 1 >/dev/null
run --db "$T/province.db" --officer lan --password-file "$PWF" import "$T/other.motcua"
is "$rc" 0 "with aggregate_units 1 the other unit's bundle comes in"
is "$(sqlite3 "$T/province.db" "SELECT count(*) FROM dossier WHERE code LIKE '000.17.22.H57-%'")" 1 \
    "and its dossier with it"
run --db "$dbB" --officer lan --password-file "$PWF" setting set aggregate_units yes
is "$rc" 1 "aggregate_units takes 0 or 1 only"

# and the genuine one, at last, for real
run --db "$dbB" --officer lan --password-file "$PWF" import "$good"
is "$rc" 0 "B takes the genuine bundle"
like "$out" "new events" "with its events"
is "$(sqlite3 "$dbB" "SELECT status FROM dossier WHERE code = '$a'")" result_ready "A's dossier, as A holds it"
done_testing
