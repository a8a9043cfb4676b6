# restore.sh — motcua restore FILE: a backup brought back under a new
# station identity.  Two stations of one commune (A station 1, B station 2)
# trust each other; A writes a backup, records more and sends it to B;
# then A's database is lost and restored from the backup.  Refused with
# the current database byte for byte as it was and nothing left beside it:
# a truncated backup, a random file, a database of another unit, an
# officer who is no supervisor, a wrong password, a unit whose nine station
# numbers are all used.  The restore: the old database kept aside (the
# same bytes), a new station id, key and number (3: 1 and 2 are used), the
# old identity a station among the others with its key revoked from the
# restore on, the signed events keys_new, revoke and station_restored,
# `check` sound; what A recorded after the backup comes back by importing
# B's bundle; the restored station's codes are its own block; B trusts the
# new key, takes the revocation, and then refuses a twin speaking with the
# old key.  A restore with no current database logs in against the
# backup's officers, and a backup of an older schema comes back upgraded.
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db" dbC="$T/c.db"
X="$T/x" USB="$T/usb"
mkdir -p "$X" "$USB"
U=000.17.22.H56
for s in A B C; do
	eval "db=\$db$s"
	case $s in
	A) u=$U n=1 ;;
	B) u=$U n=2 ;;
	C) u=000.17.22.H57 n=1 ;;
	esac
	"$MOTCUA" --db "$db" init --unit-code $u --unit-name "UBND xã Mỹ An" --station $n \
	    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
	ok "station $s: init"
	"$MOTCUA" --db "$db" --officer truong --password-file "$PWF" officer add lan \
	    "Nguyễn Thị Lan" --new-password-file "$PWF" >/dev/null
	ok "station $s: an officer"
done
check "A trusts B" enrol "$dbA" "$dbB"
check "B trusts A" enrol "$dbB" "$dbA"
idA=$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_id'")
fpA=$("$MOTCUA" --db "$dbA" station show | sed -n 's/^fingerprint: //p')

# rc A DAYTIME NAME ID — a receipt at A by lan
receipt() {
	"$MOTCUA" --db "$1" --officer lan --password-file "$PWF" receive --address "$ADDR" \
	    --procedure 1.001193 --name "$3" --id "$4" --at "$2" | head -1 | cut -d' ' -f1
}
c1=$(receipt "$dbA" "2026-11-16 08:00" "Lê Văn Một" 087084000001)
c2=$(receipt "$dbA" "2026-11-16 08:10" "Lê Văn Hai" 087084000002)
like "$c1 $c2" "^$U-261116-1001 $U-261116-1002$" "A numbers its receipts 1001, 1002"
run --db "$dbA" --officer lan --password-file "$PWF" backup --out "$USB"
is "$rc" 0 "A: a backup onto the USB stick"
bk=$(ls "$USB"/*.db)
# after the backup: two more receipts, sent to B
c3=$(receipt "$dbA" "2026-11-16 09:00" "Lê Văn Ba" 087084000003)
c4=$(receipt "$dbA" "2026-11-16 09:10" "Lê Văn Bốn" 087084000004)
run --db "$dbA" --officer lan --password-file "$PWF" export --out "$X/a1.motcua"
is "$rc" 0 "A exports its day"
run --db "$dbB" --officer truong --password-file "$PWF" import "$X/a1.motcua"
is "$rc" 0 "B imports it"
cb=$(receipt "$dbB" "2026-11-16 09:30" "Trần Thị Bê" 087084000005)
like "$cb" "^$U-261116-2001$" "B numbers its own block"
run --db "$dbB" --officer lan --password-file "$PWF" export --out "$X/b1.motcua"
is "$rc" 0 "B exports what it holds"
sentA=$(sqlite3 "$dbB" "SELECT count(*) FROM event WHERE origin = '$idA'")

# the refusals: the current database byte for byte as it was, nothing beside it
cp "$dbA" "$T/a.orig"
same() {	# same DESCRIPTION — A's database unchanged, nothing new in its folder
	cmp -s "$dbA" "$T/a.orig"; ok "$1: the database is byte for byte as it was"
	is "$(ls -a "$T" | grep -c '^\.a\.db\.restore\|^a\.db\.before-restore')" 0 \
	    "$1: no temporary and nothing kept aside"
}
bad() {	# bad DESCRIPTION REGEX CMD... — exit 1, the message, A unchanged
	d=$1 re=$2; shift 2
	run "$@"
	is "$rc" 1 "$d: exit 1"
	like "$err" "$re" "$d: says why"
	same "$d"
}
head -c $(($(stat -c %s "$bk") / 2)) "$bk" > "$T/truncated.db"
bad "a truncated backup" "damaged|not a database" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/truncated.db"
head -c 50000 /dev/urandom > "$T/random.db"
bad "a random file" "not a database" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/random.db"
printf 'SQLite format 3\000' > "$T/header.db"; head -c 8000 /dev/urandom >> "$T/header.db"
bad "an SQLite header over random bytes" "damaged|not a database|not a motcua" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/header.db"
sqlite3 "$T/other.db" "CREATE TABLE x(a); INSERT INTO x VALUES (1)"
bad "another program's database" "not a motcua database" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/other.db"
run --db "$dbC" --officer truong --password-file "$PWF" backup --out "$T/c-backup.db"
bad "a backup of another unit" "unit 000.17.22.H57.*000.17.22.H56" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/c-backup.db"
bad "the database itself" "current database itself" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$dbA"
bad "a missing file" "no file" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/nothing.db"
bad "an officer" "supervisor" \
    --db "$dbA" --officer lan --password-file "$PWF" restore "$bk"
pwfile "$T/wrong.pw" "not-the-password"
cp "$dbA" "$T/a.orig2"
run --db "$dbA" --officer truong --password-file "$T/wrong.pw" restore "$bk"
is "$rc" 1 "a wrong password: exit 1"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE kind = 'station_restored'")" 0 \
    "a wrong password: no restore"
is "$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_id'")" "$idA" \
    "a wrong password: the same station"
cp "$T/a.orig2" "$dbA"	# the failure count it made, undone for the byte checks
# every station number taken: a copy of the backup that knows peers 3 … 9
cp "$bk" "$T/full.db"
for n in 3 4 5 6 7 8 9; do
	sqlite3 "$T/full.db" "INSERT INTO peer VALUES ('peer-$n', '$U', $n, '{}', '2026-11-01T00:00:00+07:00')"
done
bad "no station number left" "all nine station numbers" \
    --db "$dbA" --officer truong --password-file "$PWF" restore "$T/full.db"

# the restore
sum=$(sha256sum "$bk" | cut -d' ' -f1)
run --db "$dbA" --officer truong --password-file "$PWF" restore "$bk"
is "$rc" 0 "the restore: exit 0"
[ "$rc" = 0 ] || diag "$err"
like "$out" "SHA-256 $sum" "it names the backup's SHA-256"
like "$out" "now station 3 of $U" "it says the new station number (1 and 2 are used)"
like "$out" "import the latest bundle" "it says what to do next"
aside=$(ls "$T" | grep '^a\.db\.before-restore-')
is "$(echo "$aside" | wc -l)" 1 "the database it replaced is kept aside"
cmp -s "$T/$aside" "$T/a.orig"; ok "... byte for byte as it was"
like "$out" "kept as $T/$aside" "... and the output says where"
is "$(stat -c %a "$dbA")" 600 "the restored database is private (0600)"
is "$(ls -a "$T" | grep -c '^\.a\.db\.restore')" 0 "no temporary left"
idR=$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_id'")
[ -n "$idR" ] && [ "$idR" != "$idA" ]; ok "a new station id"
is "$(sqlite3 "$dbA" "SELECT value FROM meta WHERE key = 'station_number'")" 3 "station number 3"
is "$(sqlite3 "$dbA" "SELECT number || ' ' || self FROM station WHERE id = '$idR'")" "3 1" \
    "the station table: the new identity is this station"
is "$(sqlite3 "$dbA" "SELECT number || ' ' || self FROM station WHERE id = '$idA'")" "1 0" \
    "... and the old one a station among the others"
fpR=$("$MOTCUA" --db "$dbA" station show | sed -n 's/^fingerprint: //p')
[ -n "$fpR" ] && [ "$fpR" != "$fpA" ]; ok "a new key ($fpR, was $fpA)"
like "$out" "key $fpR; it was station 1, key $fpA, revoked" "the output names both keys"
is "$(sqlite3 "$dbA" "SELECT revoked IS NOT NULL FROM trust WHERE station = '$idA'")" 1 \
    "the old key is revoked here"
is "$(sqlite3 "$dbA" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM event WHERE
    origin = '$idR' ORDER BY seq)")" "keys_new revoke station_restored" \
    "the new identity's first events: its key, the old key's revocation, the restore"
body=$(sqlite3 "$dbA" "SELECT body FROM event WHERE kind = 'station_restored'")
is "$(jget "$body" '$.old_station') $(jget "$body" '$.old_number') $(jget "$body" '$.new_station') $(jget "$body" '$.new_number')" \
    "$idA 1 $idR 3" "station_restored names the old and the new identity"
is "$(jget "$body" '$.sha256')" "$sum" "... and the backup's SHA-256"
is "$(sqlite3 "$dbA" "SELECT officer FROM event WHERE kind = 'station_restored'")" truong \
    "... recorded by the supervisor"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE origin = '$idR' AND sig = ''")" 0 \
    "... every one signed"
run --db "$dbA" check
is "$rc" 0 "check passes on the restored database"
[ "$rc" = 0 ] || diag "$out $err"
is "$(sqlite3 "$dbA" "SELECT group_concat(code, ' ') FROM (SELECT code FROM dossier ORDER BY code)")" \
    "$c1 $c2" "the backup's dossiers are back"
run --db "$dbA" audit
like "$out" "Restored from a backup as a new station" "the audit shows the restore"

# what A recorded after the backup comes back from B
run --db "$dbA" --officer truong --password-file "$PWF" import "$X/b1.motcua"
is "$rc" 0 "the restored station imports B's bundle"
[ "$rc" = 0 ] || diag "$err"
is "$(sqlite3 "$dbA" "SELECT group_concat(code, ' ') FROM (SELECT code FROM dossier ORDER BY code)")" \
    "$c1 $c2 $c3 $c4 $cb" "the old identity's later receipts are back, and B's"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE origin = '$idA'")" \
    "$sentA" "every event the old identity had sent is back ($sentA)"
run --db "$dbA" check
is "$rc" 0 "check passes after the import"
cr=$(receipt "$dbA" "2026-11-16 10:00" "Phạm Thị Năm" 087084000006)
like "$cr" "^$U-261116-3001$" "the restored station numbers from its own block (3001)"
is "$(sqlite3 "$dbA" "SELECT count(*) - count(DISTINCT code) FROM dossier")" 0 "no code twice"

# B trusts the restored station's new key and takes the revocation
check "B trusts the restored station" enrol "$dbB" "$dbA"
run --db "$dbA" --officer lan --password-file "$PWF" export --out "$X/r1.motcua"
is "$rc" 0 "the restored station exports"
run --db "$dbB" --officer truong --password-file "$PWF" import "$X/r1.motcua"
is "$rc" 0 "B imports it"
[ "$rc" = 0 ] || diag "$err"
is "$(sqlite3 "$dbB" "SELECT revoked IS NOT NULL FROM trust WHERE station = '$idA'")" 1 \
    "B holds the old key as revoked"
like "$(sqlite3 "$dbB" "SELECT code FROM dossier WHERE station = '$idR'")" "^$U-261116-3001$" \
    "B has the restored station's receipt"
# a twin: the database kept aside, still speaking as station 1 with the old key
ct=$(receipt "$T/$aside" "2026-11-16 11:00" "Hoàng Văn Sinh" 087084000007)
like "$ct" "^$U-261116-1005$" "(the old database, kept aside, records as station 1)"
run --db "$T/$aside" --officer lan --password-file "$PWF" export --out "$X/twin.motcua"
run --db "$dbB" --officer truong --password-file "$PWF" import "$X/twin.motcua"
is "$rc" 1 "B refuses what the old key signed after the restore"
like "$err" "revoked" "... because it was revoked"
run --db "$dbA" --officer truong --password-file "$PWF" import "$X/twin.motcua"
is "$rc" 1 "the restored station refuses it too"

# no current database: the supervisor of the backup logs in
rm -f "$T/gone.db"
run --db "$T/gone.db" --officer truong --password-file "$PWF" restore "$bk"
is "$rc" 0 "a restore where there is no database: exit 0"
unlike "$out" "kept as" "... nothing to keep aside"
is "$(sqlite3 "$T/gone.db" "SELECT value FROM meta WHERE key = 'station_number'")" 3 \
    "... a number the backup does not know (1, and B's 2)"
run --db "$T/gone.db" --officer lan --password-file "$PWF" restore "$bk"
is "$rc" 1 "... an officer of the backup is no supervisor either"
# a damaged current database is kept aside whole
head -c 4096 /dev/urandom > "$T/broken.db"
cp "$T/broken.db" "$T/broken.orig"
run --db "$T/broken.db" --officer truong --password-file "$PWF" restore "$bk"
is "$rc" 0 "a restore over a damaged database: exit 0"
like "$err" "cannot be opened" "... it warns that the current one cannot be opened"
cmp -s "$(ls "$T"/broken.db.before-restore-* | head -1)" "$T/broken.orig"
ok "... and keeps it aside as it was"
# a backup from an older motcua (schema 10: tests/data/schema, whose
# supervisor has this test's password) comes back upgraded
sqlite3 "$T/v010.db" < "$top_srcdir/tests/data/schema/010.sql"
run --db "$T/from-old.db" --officer truong --password-file "$PWF" restore "$T/v010.db"
is "$rc" 0 "a backup of schema 10: restored"
[ "$rc" = 0 ] || diag "$err"
is "$(sqlite3 "$T/from-old.db" "PRAGMA user_version")" \
    "$(sqlite3 "$dbA" "PRAGMA user_version")" "... at today's schema"
is "$(sqlite3 "$T/v010.db" "PRAGMA user_version")" 10 "... the backup itself left as it was"
is "$(sqlite3 "$T/from-old.db" "SELECT value FROM meta WHERE key = 'station_number'")" 3 \
    "... as station 3 (it knows stations 1 and 2)"
run --db "$T/from-old.db" check
is "$rc" 0 "... and check passes"
[ "$rc" = 0 ] || diag "$out $err"
done_testing
