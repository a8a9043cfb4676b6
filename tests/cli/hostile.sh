# hostile.sh — the hostile bundles of issue 12 that a forger without the
# right secret key makes, every hash recomputed and the file signed again
# with a key the forger does hold (a made-up station's, or none): each is
# refused with the receiver byte-identical (dbsum) and a message naming the
# cause, and after each the genuine next bundle still imports.
#   events: a forged cancel appended to A's chain (signed with another
#   station's key, or not signed); a made-up event at a later number, past a
#   gap; a made-up station marking the receiver's own dossier returned; a
#   forged event in the receiver's own chain; the made-up station's events
#   relayed by a trusted station; a revoked key's events recorded after the
#   revocation, sent by it or relayed.
#   publications: the same catalog version with a fee of 9.999.000 đ; a
#   version inflated to 999999 in the header; a publication unsigned, its
#   signature emptied or its row removed; signed with a key not the
#   sender's; a forged catalog of an untrusted sender abolishing a
#   procedure; a calendar of an untrusted sender with all of December off;
#   a direction override in a procedure's name under the publisher's key.
# (What a rogue station signing with its own key is refused by — the
# import's rules — is sync-rules.sh's matter; the copy of a station's key
# on another PC, a clone, sync-bad.sh's.)
. "$top_srcdir/tests/cli/lib.sh"
command -v openssl >/dev/null || { echo "Bail out! openssl is needed to sign the hostile bundles"; exit 1; }
command -v xxd >/dev/null || { echo "Bail out! xxd is needed to sign the hostile bundles"; exit 1; }
U=000.17.22.H56
mk() {	# mk DB UNIT NUMBER — a station with the sample catalog
	"$MOTCUA" --db "$1" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
	    --unit-code "$2" --unit-name "UBND $2" --station "$3" --sample-catalog >/dev/null
}
dbA="$T/a.db" dbB="$T/b.db" dbR="$T/r.db" dbX="$T/x.db" dbP="$T/p.db"
mk "$dbA" $U 1; mk "$dbB" $U 2; mk "$dbR" $U 3
mk "$dbX" $U 9			# a made-up station: its own key, trusted by no one
mk "$dbP" 000.00.00.T01 1	# the province: the publisher
check "B trusts A, R and the province" enrol "$dbB" "$dbA" "$dbR" "$dbP"
check "A trusts R" enrol "$dbA" "$dbR"
as() { _d=$1; shift; "$MOTCUA" --db "$_d" --officer lan --password-file "$PWF" "$@"; }
# the story's clock (tests/cli/at-time) moves to a time
clock() { printf '%s\n' "$1" > "$MOTCUA_STORY"; }
id_of() { sqlite3 "$1" "SELECT value FROM meta WHERE key = 'station_id'"; }
fp_of() { "$MOTCUA" --db "$1" station show | sed -n 's/^fingerprint: //p'; }
idA=$(id_of "$dbA") idB=$(id_of "$dbB") idR=$(id_of "$dbR") idX=$(id_of "$dbX")
a8=$(printf %.8s "$idA") r8=$(printf %.8s "$idR") x8=$(printf %.8s "$idX")

# ---- the genuine story ---------------------------------------------------------
a=$(as "$dbA" receive --address "$ADDR" --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-16 09:00" | head -1)
own=$(as "$dbB" receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Bình" --id 087184000123 --at "2026-11-16 09:30" | head -1)
r=$(as "$dbR" receive --address "$ADDR" --procedure 1.001193 --name "Trần Văn Cường" --id 087084000555 --at "2026-11-16 11:00" | head -1)
as "$dbA" event "$a" handover --to "Phạm Văn Tư" --at "2026-11-16 10:00" >/dev/null
as "$dbA" event "$a" result --at "2026-11-17 10:00" >/dev/null
clock "2026-11-17 17:00"
as "$dbA" export --out "$T/a1.motcua" --all >/dev/null
as "$dbR" export --out "$T/r1.motcua" --all >/dev/null
clock "2026-11-17 17:30"
check "B takes A's first bundle" as "$dbB" import "$T/a1.motcua"
check "B takes R's first bundle" as "$dbB" import "$T/r1.motcua"
check "A takes R's first bundle" as "$dbA" import "$T/r1.motcua"
n=$(sqlite3 "$T/a1.motcua" "SELECT max(seq) FROM event WHERE origin = '$idA'")
# A's next work: its export and its import of R's (audit events), the return
as "$dbA" event "$a" return --rating satisfied --at "2026-11-18 09:00" >/dev/null
clock "2026-11-18 17:00"
as "$dbA" export --out "$T/a2.motcua" --all >/dev/null
is "$(sqlite3 "$T/a2.motcua" "SELECT max(seq) FROM event WHERE origin = '$idA'")" $((n + 3)) \
    "A's next bundle holds its events $((n + 1))-$((n + 3)), the return the last"
dosA=$(sqlite3 "$dbA" "SELECT id FROM dossier WHERE code = '$a'")
dosB=$(sqlite3 "$dbB" "SELECT id FROM dossier WHERE code = '$own'")
dosR=$(sqlite3 "$dbR" "SELECT id FROM dossier WHERE code = '$r'")
clock "2026-11-18 17:30"

# ---- the forger's tools ------------------------------------------------------------
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
# a station's Ed25519 key (libsodium's secret key: the 32-byte seed, then
# the public key) as a PKCS#8 file for openssl, which signs as key.c does
keyfile() {	# keyfile DB — the path of DB's key for openssl
	_k="$T/$(basename "$1" .db).key"
	if [ ! -e "$_k" ]; then
		{ echo "-----BEGIN PRIVATE KEY-----"
		  printf '302e020100300506032b657004220420%s' \
		      "$(sqlite3 "$1" "SELECT substr(secret, 1, 64) FROM station_key WHERE id = 1")" |
		      xxd -r -p | base64
		  echo "-----END PRIVATE KEY-----"; } > "$_k"
		chmod 600 "$_k"
	fi
	echo "$_k"
}
sign() {	# sign DB DOMAIN TEXT — DB's signature (hex) of TEXT in DOMAIN (event, bundle)
	printf 'motcua-%s-sig-1\n%s' "$2" "$3" > "$T/sign.in"
	openssl pkeyutl -sign -inkey "$(keyfile "$1")" -rawin -in "$T/sign.in" | xxd -p | tr -d '\n'
}
# reseal FILE SIGNER — the count and content hash made right, the file
# signed by SIGNER's key (a database), or its signature left as it was (-)
reseal() {
	sqlite3 "$1" "UPDATE bundle SET value = (SELECT count(*) FROM event) WHERE key = 'count'"
	sqlite3 "$1" "UPDATE bundle SET value = '$(content_hash "$1")' WHERE key = 'content_sha256'"
	[ "$2" = - ] || sqlite3 "$1" "UPDATE bundle SET value = '$(sign "$2" bundle "$(content_hash "$1")")'
	    WHERE key = 'signature'"
}
# addev FILE ORIGIN SEQ PREV AT DOSSIER KIND BODY SIGNER — one more event in
# FILE, its hash right, signed by SIGNER's key (a database), or unsigned (-)
addev() {
	sqlite3 "$1" "INSERT INTO event VALUES ('$2', $3, '$5', 'lan', '$6', '$7', json('$8'), '$4', 'x', '')"
	_h=$(ev_hash "$1" "$2" "$3")
	_s=; [ "$9" = - ] || _s=$(sign "$9" event "$_h")
	sqlite3 "$1" "UPDATE event SET hash = '$_h', sig = '$_s' WHERE origin = '$2' AND seq = $3"
}
last() { sqlite3 "$1" "SELECT hash FROM event WHERE origin = '$2' ORDER BY seq DESC LIMIT 1"; }
# the tools are right: they make A's own signatures of its genuine bundle
is "$(ev_hash "$T/a1.motcua" "$idA" "$n")" "$(sqlite3 "$T/a1.motcua" "SELECT hash FROM event
    WHERE origin = '$idA' AND seq = $n")" "the event hash, recomputed, is the stored one"
is "$(sign "$dbA" bundle "$(content_hash "$T/a1.motcua")")" \
    "$(sqlite3 "$T/a1.motcua" "SELECT value FROM bundle WHERE key = 'signature'")" \
    "A's key, as openssl signs with it, gives A's signature of its bundle"

# hostile DESC DB REGEX FILE NEXT [CHECK-SQL WANT] — FILE refused at DB,
# DB unchanged, the message naming the cause; then, on a copy of DB, the
# genuine NEXT bundle imports (and CHECK-SQL on the copy gives WANT); with
# whole=1, REGEX is the whole pattern of the message
hostile() {
	_re="was not imported: .*$3.*nothing was changed"
	[ -z "${whole:-}" ] || _re=$3
	refused "$1" "$2" "$_re" \
	    --db "$2" --officer lan --password-file "$PWF" import "$4"
	echo "# $err"
	rm -f "$T/probe.db" "$T/probe.db-wal" "$T/probe.db-shm"
	cp "$2" "$T/probe.db"
	[ -e "$2-wal" ] && cp "$2-wal" "$T/probe.db-wal"
	run --db "$T/probe.db" --officer lan --password-file "$PWF" import "$5"
	is "$rc" 0 "$1: the genuine next bundle still imports"
	[ "$rc" -eq 0 ] || echo "#   $err"
	if [ $# -ge 7 ]; then
		is "$(sqlite3 "$T/probe.db" "$6")" "$7" "$1: and brings what it holds"
	fi
}
has_a2="SELECT count(*) FROM event WHERE origin = '$idA' AND seq BETWEEN $((n + 1)) AND $((n + 3))"
dup() { cp "$1" "$T/$2.motcua"; f="$T/$2.motcua"; }

# ---- A's chain: a forged cancel appended, a made-up event past a gap ----------------
hA=$(last "$T/a1.motcua" "$idA")
dup "$T/a1.motcua" cancel-x
addev "$f" "$idA" $((n + 1)) "$hA" "2026-11-17T16:00:00+07:00" "$dosA" cancel '{"reason":"Hủy"}' "$dbX"
reseal "$f" "$dbX"
hostile "a cancel appended to A's chain, signed with another station's key" "$dbB" \
    "event $((n + 1)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
dup "$T/a1.motcua" cancel-x-a
addev "$f" "$idA" $((n + 1)) "$hA" "2026-11-17T16:00:00+07:00" "$dosA" cancel '{"reason":"Hủy"}' "$dbX"
reseal "$f" -
hostile "the same, the file's signature A's old one" "$dbB" \
    "event $((n + 1)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
dup "$T/a1.motcua" cancel-0
addev "$f" "$idA" $((n + 1)) "$hA" "2026-11-17T16:00:00+07:00" "$dosA" cancel '{"reason":"Hủy"}' -
reseal "$f" -
hostile "a cancel appended to A's chain, unsigned" "$dbB" \
    "event $((n + 1)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
# the same forged cancel alone (only A's events B holds, and it)
dup "$T/a1.motcua" cancel-alone
sqlite3 "$f" "DELETE FROM event"
addev "$f" "$idA" $((n + 1)) "$hA" "2026-11-17T16:00:00+07:00" "$dosA" cancel '{"reason":"Hủy"}' "$dbX"
reseal "$f" "$dbX"
hostile "a bundle of just a forged cancel of A's" "$dbB" \
    "event $((n + 1)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
# a made-up event at n+4, past a gap, linked to nothing held
dup "$T/a1.motcua" gap
addev "$f" "$idA" $((n + 4)) "$(printf %064d 7)" "2026-11-18T16:00:00+07:00" "$dosA" cancel '{"reason":"Hủy"}' "$dbX"
reseal "$f" "$dbX"
hostile "a made-up event at $((n + 4)), past a gap" "$dbB" \
    "event $((n + 4)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
# ... and with a link that fits A's genuine next (a forger who has seen a2)
dup "$T/a1.motcua" gap2
addev "$f" "$idA" $((n + 4)) "$(last "$T/a2.motcua" "$idA")" "2026-11-18T16:00:00+07:00" "$dosA" cancel \
    '{"reason":"Hủy"}' "$dbX"
reseal "$f" "$dbX"
hostile "a made-up event at $((n + 4)) linked to A's genuine $((n + 3))" "$dbB" \
    "event $((n + 4)) of station $a8 is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3

# ---- the receiver's own chain and dossier ---------------------------------------------
hB=$(last "$dbB" "$idB"); sB=$(sqlite3 "$dbB" "SELECT max(seq) + 1 FROM event WHERE origin = '$idB'")
dup "$T/a1.motcua" own-x
addev "$f" "$idB" "$sB" "$hB" "2026-11-17T16:00:00+07:00" "$dosB" handover '{"to":"Kẻ Lạ"}' "$dbX"
reseal "$f" "$dbX"
hostile "a forged event in B's own chain, not signed by B" "$dbB" \
    "event $sB of station $(printf %.8s "$idB") is not signed by that station's key" "$f" "$T/a2.motcua" "$has_a2" 3
# a made-up station: its own genuine bundle, with one more event of its
# own marking B's dossier as returned to a made-up collector, all signed
# with its key
clock "2026-11-18 17:40"
as "$dbX" export --out "$T/x1.motcua" --all >/dev/null
clock "2026-11-18 17:45"
dup "$T/x1.motcua" madeup
addev "$f" "$idX" $(($(sqlite3 "$f" "SELECT max(seq) FROM event WHERE origin = '$idX'") + 1)) \
    "$(last "$f" "$idX")" "2026-11-18T17:00:00+07:00" "$dosB" return \
    '{"collector":"Kẻ Lạ","collector_id":"087084000998","rating":null}' "$dbX"
reseal "$f" "$dbX"
hostile "a made-up station returning B's dossier to a made-up collector" "$dbB" \
    "it comes from station 9 of $U with the key $(fp_of "$dbX"), which this station does not trust" \
    "$f" "$T/a2.motcua" "$has_a2" 3
is "$(sqlite3 "$dbB" "SELECT status FROM dossier WHERE id = '$dosB'")" received "B's dossier is still received"
# ... the same carried in a trusted station's bundle (A relaying it)
dup "$T/a1.motcua" madeup-relay
sqlite3 "$f" "ATTACH '$T/madeup.motcua' AS m; INSERT INTO event SELECT * FROM m.event"
reseal "$f" "$dbA"
hostile "the made-up station's events relayed by A" "$dbB" \
    "it holds events of a station this one does not trust \($x8\)" "$f" "$T/a2.motcua" "$has_a2" 3
# a made-up station claiming to be A (A's id, number and unit, its own key)
dup "$T/x1.motcua" as-a
sqlite3 "$f" "UPDATE bundle SET value = '$idA' WHERE key = 'sender'; UPDATE bundle SET value = '1'
    WHERE key = 'sender_number'"
reseal "$f" "$dbX"
hostile "a made-up station claiming to be A" "$dbB" \
    "claims to come from station 1 of $U but is signed with another key \($(fp_of "$dbX")\)" \
    "$f" "$T/a2.motcua" "$has_a2" 3

# ---- a revoked key ----------------------------------------------------------------------
# R's PC is stolen: B's supervisor revokes its key; what R records after
# is refused, sent by R or relayed by A (which has not heard of it)
fpR=$(fp_of "$dbR")
clock "2026-11-19 12:00"
run --db "$dbB" --officer lan --password-file "$PWF" station revoke "$fpR"
is "$rc" 0 "B revokes R's key"
as "$dbR" event "$r" result --at "2026-11-19 14:00" >/dev/null
clock "2026-11-19 17:00"
as "$dbR" export --out "$T/r2.motcua" --all >/dev/null
rs=$(sqlite3 "$dbR" "SELECT seq FROM event WHERE origin = '$idR' AND kind = 'result'")
hostile "R's bundle made after its key was revoked" "$dbB" "its sender's key $fpR was revoked on 2026-11-19" \
    "$T/r2.motcua" "$T/a2.motcua" "$has_a2" 3
clock "2026-11-19 17:10"
check "A takes R's result (A has not heard of the revocation)" as "$dbA" import "$T/r2.motcua"
clock "2026-11-19 17:20"
as "$dbA" export --out "$T/a3.motcua" --all >/dev/null
hostile "R's result, recorded after the revocation, relayed by A" "$dbB" \
    "event $rs of station $r8 was recorded after that station's key was revoked" \
    "$T/a3.motcua" "$T/a2.motcua" "$has_a2" 3
# the thief signs A's bundle with R's key and R's name on it
dup "$T/a2.motcua" thief
sqlite3 "$f" "UPDATE bundle SET value = (SELECT value FROM r.bundle x WHERE x.key = bundle.key)
    WHERE key IN ('sender', 'sender_key', 'sender_number')" -cmd "ATTACH '$T/r2.motcua' AS r"
reseal "$f" "$dbR"
hostile "A's events in a bundle signed with R's revoked key" "$dbB" "its sender's key $fpR was revoked" \
    "$f" "$T/a2.motcua" "$has_a2" 3
is "$(sqlite3 "$dbB" "SELECT status FROM dossier WHERE id = '$dosR'")" received "R's dossier at B: still received"

# ---- publications ----------------------------------------------------------------------
clock "2026-11-20 08:00"
run --db "$dbP" --officer lan --password-file "$PWF" publish catalog --out "$T/cat2.motcua" --version 2
is "$rc" 0 "the province publishes catalog version 2"
run --db "$dbP" --officer lan --password-file "$PWF" calendar import "$top_srcdir/data/calendar-2026.json"
is "$rc" 0 "the province takes the 2026 calendar"
run --db "$dbP" --officer lan --password-file "$PWF" publish calendar --out "$T/cal1.motcua" --version 1
is "$rc" 0 "the province publishes calendar version 1"
run --db "$dbP" --officer lan --password-file "$PWF" publish catalog --out "$T/cat3.motcua" --version 3
is "$rc" 0 "... then catalog version 3"
run --db "$dbP" --officer lan --password-file "$PWF" calendar set 2026-12-28 off "Nghỉ bù"
run --db "$dbP" --officer lan --password-file "$PWF" publish calendar --out "$T/cal2.motcua" --version 2
is "$rc" 0 "... and calendar version 2"
clock "2026-11-20 09:00"
check "B takes catalog version 2" as "$dbB" import "$T/cat2.motcua"
check "B takes calendar version 1" as "$dbB" import "$T/cal1.motcua"
catv="SELECT value FROM meta WHERE key = 'catalog_version'"
calv="SELECT value FROM meta WHERE key = 'calendar_version'"
is "$(sqlite3 "$dbB" "$catv")|$(sqlite3 "$dbB" "$calv")" "2|1" "B holds catalog 2 and calendar 1"
fee() {	# fee FILE — catalog version 2 with a fee of 9.999.000 đ on procedure 1.001022
	sqlite3 "$1" "UPDATE bundle AS b SET value = (SELECT json_set(b.value, '\$.procedures[' || j.key ||
	    '].fee', 9999000) FROM json_each(b.value, '\$.procedures') j
	    WHERE json_extract(j.value, '\$.code') = '1.001022') WHERE b.key = 'payload'"
}
fee_of() {	# fee_of FILE [KEY] — the fee (or KEY) of procedure 1.001022 in FILE's catalog
	sqlite3 "$1" "SELECT json_extract(j.value, '\$.${2:-fee}') FROM bundle b, json_each(b.value, '\$.procedures') j
	    WHERE b.key = 'payload' AND json_extract(j.value, '\$.code') = '1.001022'"
}
dup "$T/cat2.motcua" fee; fee "$f"
is "$(fee_of "$T/cat2.motcua")|$(fee_of "$f")" "15000|9999000" "the forged catalog's fee: 9999000 for 15000"
reseal "$f" -
hostile "catalog version 2 with a fee of 9.999.000 đ" "$dbB" "not signed by its sender's key" \
    "$f" "$T/cat3.motcua" "$catv" 3
# ... signed by the province itself (its key, a second text for one number)
dup "$T/cat2.motcua" fee-p; fee "$f"; reseal "$f" "$dbP"
hostile "catalog version 2 with the fee, signed by the province" "$dbB" \
    "it holds catalog version 2 with other content than the" "$f" "$T/cat3.motcua" "$catv" 3
# ... signed by the made-up station's key, the province named as sender
dup "$T/cat2.motcua" fee-x; fee "$f"; reseal "$f" "$dbX"
hostile "catalog with the fee, signed by a key not the sender's" "$dbB" \
    "not signed by its sender's key" "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cat3.motcua" cat3-x; reseal "$f" "$dbX"
hostile "the province's catalog 3, signed by a key not the sender's" "$dbB" \
    "not signed by its sender's key" "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cat3.motcua" cat3-xkey
sqlite3 "$f" "UPDATE bundle SET value = (SELECT value FROM x.bundle y WHERE y.key = 'sender_key')
    WHERE key = 'sender_key'" -cmd "ATTACH '$T/x1.motcua' AS x"
reseal "$f" "$dbX"
hostile "the province's catalog 3 with the made-up station's key" "$dbB" \
    "claims to come from station 1 of 000.00.00.T01 but is signed with another key" \
    "$f" "$T/cat3.motcua" "$catv" 3
# unsigned: the signature emptied, or its row taken out
dup "$T/cat3.motcua" nosig
sqlite3 "$f" "UPDATE bundle SET value = '' WHERE key = 'signature'"
hostile "a catalog publication, its signature emptied" "$dbB" "not signed by its sender's key" \
    "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cat3.motcua" nosigrow
sqlite3 "$f" "DELETE FROM bundle WHERE key = 'signature'"
hostile "a catalog publication, its signature row removed" "$dbB" "its header is incomplete \(it has no 'signature'\)" \
    "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cal2.motcua" calnosig
sqlite3 "$f" "UPDATE bundle SET value = '' WHERE key = 'signature'"
hostile "a calendar publication, its signature emptied" "$dbB" "not signed by its sender's key" \
    "$f" "$T/cal2.motcua" "$calv" 2
# an inflated version: 999999 in the header (and in the catalog inside)
dup "$T/cat3.motcua" v999999
sqlite3 "$f" "UPDATE bundle SET value = '999999' WHERE key = 'version';
    UPDATE bundle SET value = json_set(value, '\$.version', 999999) WHERE key = 'payload'"
reseal "$f" -
hostile "catalog version 999999, the header edited" "$dbB" "not signed by its sender's key" \
    "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cat3.motcua" v999999-p
sqlite3 "$f" "UPDATE bundle SET value = '999999' WHERE key = 'version';
    UPDATE bundle SET value = json_set(value, '\$.version', 999999) WHERE key = 'payload'"
reseal "$f" "$dbP"
hostile "catalog version 999999, signed by the province" "$dbB" \
    "its catalog version 999999 is implausibly far above the version 2 held here" \
    "$f" "$T/cat3.motcua" "$catv" 3
dup "$T/cal2.motcua" calv999999
sqlite3 "$f" "UPDATE bundle SET value = '999999' WHERE key = 'version'"
reseal "$f" "$dbP"
hostile "calendar version 999999, signed by the province" "$dbB" "implausibly far above" \
    "$f" "$T/cal2.motcua" "$calv" 2
# the province's own key on a catalog whose name hides a direction override
# (what its own import would refuse): the content limits hold for a
# publication as for a file
dup "$T/cat3.motcua" bidi
sqlite3 "$f" "UPDATE bundle AS b SET value = (SELECT json_set(b.value, '\$.procedures[' || j.key ||
    '].name', 'Khai sinh' || char(8238) || ' cho con') FROM json_each(b.value, '\$.procedures') j
    WHERE json_extract(j.value, '\$.code') = '1.001022') WHERE b.key = 'payload'"
reseal "$f" "$dbP"
# (its message is the catalog import's own: "catalog file, procedure ...")
whole=1; hostile "a catalog with a direction override in a name, signed by the province" "$dbB" \
    'procedure 1\.001022 .*"name" holds an invisible direction control \(U\+202E\).*nothing was changed' \
    "$f" "$T/cat3.motcua" "$catv" 3
whole=
# an untrusted sender's genuine publications: a catalog without one procedure,
# a calendar with all of December off
fpX=$(fp_of "$dbX")
"$MOTCUA" --db "$dbX" catalog export > "$T/x-cat.json"
sqlite3 :memory: "SELECT json_remove(j, '\$.procedures[' || (SELECT key FROM json_each(j, '\$.procedures')
    WHERE json_extract(value, '\$.code') = '1.001022') || ']') FROM (SELECT
    CAST(readfile('$T/x-cat.json') AS TEXT) AS j)" > "$T/x-cat2.json"
run --db "$dbX" --officer lan --password-file "$PWF" catalog import "$T/x-cat2.json"
is "$rc" 0 "the made-up station drops procedure 1.001022 ($err)"
run --db "$dbX" --officer lan --password-file "$PWF" publish catalog --out "$T/x-cat3.motcua" --version 3
is "$rc" 0 "and publishes it as catalog version 3"
like "$(fee_of "$T/x-cat3.motcua" abolished)" '^20[0-9]{2}-[0-9]{2}-[0-9]{2}' \
    "the untrusted catalog abolishes procedure 1.001022"
is "$(fee_of "$T/cat3.motcua" abolished)" "" "the province's has it in force"
hostile "a catalog abolishing a procedure, from an untrusted sender" "$dbB" \
    "station 9 of $U with the key $fpX, which this station does not trust" \
    "$T/x-cat3.motcua" "$T/cat3.motcua" "$catv" 3
run --db "$dbX" --officer lan --password-file "$PWF" calendar import "$top_srcdir/data/calendar-2026.json"
for d in $(seq 1 31); do
	run --db "$dbX" --officer lan --password-file "$PWF" calendar set "2026-12-$(printf %02d "$d")" off "Nghỉ"
done
run --db "$dbX" --officer lan --password-file "$PWF" publish calendar --out "$T/x-cal2.motcua" --version 2
is "$rc" 0 "the made-up station publishes December off as calendar version 2"
hostile "a calendar with all of December off, from an untrusted sender" "$dbB" \
    "station 9 of $U with the key $fpX, which this station does not trust" \
    "$T/x-cal2.motcua" "$T/cal2.motcua" "$calv" 2
# ... and the same calendar under the province's name, its key, not signed by it
dup "$T/x-cal2.motcua" dec-p
sqlite3 "$f" "UPDATE bundle SET value = (SELECT value FROM p.bundle y WHERE y.key = bundle.key)
    WHERE key IN ('sender', 'sender_key', 'sender_number', 'sender_unit')" -cmd "ATTACH '$T/cal2.motcua' AS p"
reseal "$f" "$dbX"
hostile "December off under the province's name" "$dbB" "not signed by its sender's key" \
    "$f" "$T/cal2.motcua" "$calv" 2

# ---- at last, for real: B takes the genuine ones -----------------------------------------
for g in a2 cat3 cal2; do
	run --db "$dbB" --officer lan --password-file "$PWF" import "$T/$g.motcua"
	is "$rc" 0 "B takes $g ($err)"
done
is "$(sqlite3 "$dbB" "SELECT status FROM dossier WHERE code = '$a'")" returned "A's dossier at B: returned, as A holds it"
is "$(sqlite3 "$dbB" "$catv")|$(sqlite3 "$dbB" "$calv")" "3|2" "B holds catalog 3 and calendar 2"
run --db "$dbB" check
is "$rc" 0 "B's log is sound ($out)"
done_testing
