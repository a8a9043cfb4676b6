# migrate.sh — schema versions seen from the command line.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name X --station 1 >/dev/null
latest=$(sqlite3 "$db" "PRAGMA user_version")
n=$(ls "$top_srcdir"/schema/[0-9]*.sql | wc -l)
last=$(ls "$top_srcdir"/schema/[0-9]*.sql | tail -1 | xargs basename | sed 's/^0*\([0-9]*\)_.*/\1/')
is "$latest" "$last" "a new database is at the last schema step ($n files)"

# a database from a newer motcua: refused, untouched
sqlite3 "$db" "PRAGMA user_version = 99"
sum=$(sha256sum "$db" | cut -d' ' -f1)
run --db "$db" list
is "$rc" 1 "newer database: exit 1"
like "$err" "newer motcua" "newer database: says so"
like "$err" "schema 99" "newer database: names the version"
is "$(sha256sum "$db" | cut -d' ' -f1)" "$sum" "newer database: file unchanged"
test ! -e "$db-wal" || [ ! -s "$db-wal" ]; ok "newer database: no journal written"

# another program's SQLite file
sqlite3 "$T/other.db" "CREATE TABLE x(a); INSERT INTO x VALUES (1)"
sum=$(sha256sum "$T/other.db" | cut -d' ' -f1)
run --db "$T/other.db" list
is "$rc" 1 "foreign database: exit 1"
like "$err" "not a motcua database" "foreign database: says so"
is "$(sha256sum "$T/other.db" | cut -d' ' -f1)" "$sum" "foreign database: unchanged"

# an old database (schema 1 only) is migrated on open, data kept
old="$T/old.db"
sqlite3 "$old" < "$top_srcdir/schema/001_core.sql"
sqlite3 "$old" "PRAGMA user_version = 1; PRAGMA application_id = 1296258369;
INSERT INTO meta VALUES ('station_id', 's1'), ('unit_code', '000.17.22.H56'), ('unit_name', 'Cũ'), ('station_number', '1');
INSERT INTO station VALUES ('s1', 1, '000.17.22.H56', 1, '2025-01-01T00:00:00+07:00');
INSERT INTO officer VALUES ('lan', 'Lan', 'supervisor', 1, '2025-01-01T00:00:00+07:00');"
run --db "$old" officer list
is "$rc" 0 "old database opens"
like "$out" "lan" "old data kept"
is "$(sqlite3 "$old" "PRAGMA user_version")" "$latest" "old database migrated to the latest schema"
# its officer has no password yet: passwd sets a first one, with no proof
run --db "$old" --password-file "$PWF" catalog import "$top_srcdir/data/catalog-sample.json"
is "$rc" 1 "an officer with no password yet: refused"
like "$err" "no password yet" "... says so"
run --db "$old" passwd --new-password-file "$PWF"
is "$rc" 0 "passwd sets the first password of an old database's officer"
like "$(sqlite3 "$old" "SELECT hash FROM officer_login WHERE username = 'lan'")" '^\$argon2id\$' \
	"... an Argon2id hash"
run --db "$old" --password-file "$PWF" passwd --new-password-file "$PWF"
is "$rc" 0 "passwd with the current password once there is one"
run --db "$old" --password-file "$PWF" catalog import "$top_srcdir/data/catalog-sample.json"
is "$rc" 0 "the migrated database takes a catalog"
done_testing
