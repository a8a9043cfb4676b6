# upgrade.sh — a database made by each past build of motcua opens in this
# one.  tests/data/schema/NNN.sql is a text dump of a small real database
# made by the program at schema NNN (make-fixture.sh, README there): two
# stations' receipts, a hand-over and a sync where that version had them.
# Each is loaded with sqlite3 and opened with today's program, which keeps
# a copy of it as it was in the backups folder (named …-schemaNNN.db, the
# old version, the same rows) and then migrates it in one transaction;
# `check` passes, the old dossiers are all there with their codes and
# history, a rebuild from the log gives the same rows, and the upgraded
# database takes a new receipt with the next code.
. "$top_srcdir/tests/cli/lib.sh"
BK="$XDG_DATA_HOME/motcua/backups"
# the fixtures' day (their events are of 2026-11-16 up to 09:40)
export MOTCUA_NOW="2026-11-16 10:30"
LANPW="$T/lan.pw"
pwfile "$LANPW" "Lan-Mot-Cua-2468"
latest=$(ls "$top_srcdir"/schema/[0-9]*.sql | tail -1 | xargs basename | sed 's/^0*\([0-9]*\)_.*/\1/')
# the indexes on the dossiers as a new database has them (schema 024
# dropped those no query reads): an upgraded one must end with the same
ixsql="SELECT group_concat(name || ': ' || sql, char(10)) FROM (SELECT name, sql FROM \
    sqlite_schema WHERE type = 'index' AND tbl_name = 'dossier' AND sql IS NOT NULL ORDER BY name)"
run --db "$T/fresh.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
    --supervisor truong "Trần Văn Trưởng" --password-file "$PWF"
is "$rc" 0 "a new database to compare with"
fresh_ix=$(sqlite3 "$T/fresh.db" "$ixsql")
n=0
for dump in "$top_srcdir"/tests/data/schema/[0-9][0-9][0-9].sql; do
	v=$(basename "$dump" .sql)
	ver=$(echo "$v" | sed 's/^0*//')
	db="$T/v$v.db"
	sqlite3 "$db" < "$dump"
	is "$(sqlite3 "$db" "PRAGMA user_version")" "$ver" "$v: the fixture is at schema $ver"
	codes=$(sqlite3 "$db" "SELECT group_concat(code, ' ') FROM (SELECT code FROM dossier ORDER BY code)")
	events=$(sqlite3 "$db" "SELECT count(*) FROM event")
	before=$(dbsum "$db")
	rm -rf "$BK"
	run --db "$db" check
	is "$rc" 0 "$v: opened, migrated and checked: exit 0"
	[ "$rc" = 0 ] || diag "$out $err"
	is "$(sqlite3 "$db" "PRAGMA user_version")" "$latest" "$v: now at schema $latest"
	is "$(sqlite3 "$db" "$ixsql")" "$fresh_ix" "$v: the dossiers' indexes are a new database's"
	if [ "$ver" -lt "$latest" ]; then
		copy=$(ls "$BK" 2>/dev/null | grep -E -- "-schema$v\\.db$")
		is "$(echo "$copy" | grep -c .)" 1 "$v: a copy kept before migrating ($copy)"
		is "$(sqlite3 "$BK/$copy" "PRAGMA user_version")" "$ver" "$v: ... at the old schema"
		is "$(dbsum "$BK/$copy")" "$before" "$v: ... with the very rows it had"
		is "$(stat -c %a "$BK/$copy")" 600 "$v: ... private (0600)"
	else
		is "$(ls "$BK" 2>/dev/null | grep -c -- '-schema')" 0 "$v: at the latest: no copy needed"
	fi
	is "$(sqlite3 "$db" "SELECT group_concat(code, ' ') FROM (SELECT code FROM dossier ORDER BY code)")" \
	    "$codes" "$v: the dossiers are all there with their codes"
	is "$(sqlite3 "$db" "SELECT count(*) FROM event")" "$((events + $(sqlite3 "$db" \
	    "SELECT count(*) FROM event WHERE kind = 'keys_upgrade'")))" \
	    "$v: every event kept (and the upgrade's signing recorded where it signs)"
	for c in $codes; do
		run --db "$db" show "$c"
		[ "$rc" = 0 ] || break
	done
	is "$rc" 0 "$v: each dossier shows"
	first=$(echo "$codes" | cut -d' ' -f1)
	run --db "$db" history "$first"
	is "$rc" 0 "$v: its history reads"
	# the officers of a version before logins have no password yet: the
	# supervisor sets a first one (migrate.sh tests that rule)
	if [ "$(sqlite3 "$db" "SELECT count(*) FROM officer_login WHERE username = 'truong' AND coalesce(hash, '') <> ''")" = 0 ]; then
		run --db "$db" --officer truong passwd --new-password-file "$PWF"
		is "$rc" 0 "$v: a first password for the supervisor of a version before logins"
		run --db "$db" --officer truong --password-file "$PWF" officer reset lan \
		    --new-password-file "$PWF"
		run --db "$db" --officer lan --password-file "$PWF" passwd --new-password-file "$LANPW"
		is "$rc" 0 "$v: ... and the officer's own"
	else
		run --db "$db" --officer truong --password-file "$PWF" officer reset lan \
		    --new-password-file "$PWF"
		run --db "$db" --officer lan --password-file "$PWF" passwd --new-password-file "$LANPW"
		is "$rc" 0 "$v: the officer's password set anew (the fixture's is not this test's)"
	fi
	run --db "$db" --officer truong --password-file "$PWF" check --rebuild
	is "$rc" 0 "$v: check --rebuild: exit 0"
	like "$out" "identical" "$v: a rebuild from the log gives the same rows"
	# the name index as the search reads it (schema 023's order): found
	# by any of its words, in any order
	run --db "$db" find "hai pham"
	like "$out" "Phạm Thị Hai" "$v: a dossier received before the upgrade found by name"
	run --db "$db" --officer lan --password-file "$LANPW" receive --address "$ADDR" \
	    --procedure 1.001193 --name "Ngô Thị Mới" --id 087084000099 --at "2026-11-16 10:30"
	is "$rc" 0 "$v: the upgraded database takes a receipt"
	[ "$rc" = 0 ] || diag "$err"
	like "$(echo "$out" | head -1)" "^000\\.17\\.22\\.H56-261116-1004" "$v: ... with the next code"
	run --db "$db" check
	is "$rc" 0 "$v: check passes after it"
	n=$((n + 1))
done
[ "$n" -ge 13 ]; ok "fixtures of $n schema versions"
done_testing
