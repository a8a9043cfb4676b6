# init.sh — motcua init and officers.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"

run --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 2 --sample-catalog
is "$rc" 0 "init with the sample catalog"
like "$out" "station 2" "reports the station"
like "$out" "Sample catalog: [0-9]+ procedures" "reports the catalog"
is "$(stat -c %a "$db")" 600 "database file is mode 0600"
is "$(sqlite3 "$db" "SELECT count(*) FROM procedure")" "$(grep -c '"code"' "$top_srcdir/data/catalog-sample.json")" "every sample procedure imported"
like "$(sqlite3 "$db" "SELECT value FROM meta WHERE key='station_id'")" '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "a random UUID identity"
is "$(sqlite3 "$db" "SELECT number || unit FROM station WHERE self = 1")" "2000.17.22.H56" "station row"

# two inits never share an identity
"$MOTCUA" --db "$T/b.db" init --unit-code 000.17.22.H56 --unit-name X --station 2 >/dev/null
a=$(sqlite3 "$db" "SELECT value FROM meta WHERE key='station_id'")
b=$(sqlite3 "$T/b.db" "SELECT value FROM meta WHERE key='station_id'")
[ "$a" != "$b" ]; ok "each init makes a new identity"

refused "init over an existing database" "$db" "already exists" \
	--db "$db" init --unit-code 000.17.22.H56 --unit-name X --station 1
run --db "$T/c.db" init --unit-code 17.22.H56 --unit-name X --station 1
is "$rc" 1 "bad unit code: exit 1"
like "$err" "000.17.22.H56" "bad unit code: shows the expected shape"
test ! -e "$T/c.db"; ok "bad unit code: no file made"
run --db "$T/c.db" init --unit-code 000.17.22.H56 --unit-name X --station 10
is "$rc" 1 "station 10: exit 1"
like "$err" "1 to 9" "station 10: says 1 to 9"
test ! -e "$T/c.db"; ok "station 10: no file made"
run --db "$T/c.db" init --unit-code 000.17.22.H56 --unit-name "  " --station 1
is "$rc" 1 "blank unit name: exit 1"
test ! -e "$T/c.db"; ok "blank unit name: no file made"
run --db "$T/c.db" init --unit-code 000.17.22.H56 --station 1
is "$rc" 2 "missing --unit-name: usage"

# officers: the first of a unit made without --supervisor needs no proof
# (nobody could give it), must have a password, and is a supervisor
run --db "$db" officer list
is "$out" "" "init without --supervisor: no officer"
before=$(dbsum "$db")
setsid -w "$MOTCUA" --db "$db" officer add truong "Trần Văn Trưởng" >"$T/out" 2>"$T/err" </dev/null
is "$?" 1 "the first officer without a password (and no terminal to ask): exit 1"
like "$(cat "$T/err")" "new-password-file" "... says to give --new-password-file"
is "$(dbsum "$db")" "$before" "... nobody added"
run --db "$db" officer add truong "Trần Văn Trưởng" --role officer --new-password-file "$PWF"
is "$rc" 0 "the first officer, without the acting officer's password: exit 0"
like "$err" "first officer, so a supervisor, not officer" "... says on stderr it is a supervisor"
is "$(sqlite3 "$db" "SELECT role FROM officer WHERE username = 'truong'")" supervisor \
	"... a supervisor whatever --role says"
like "$(sqlite3 "$db" "SELECT hash FROM officer_login WHERE username = 'truong'")" '^\$argon2id\$' \
	"... with its password"
refused "an unknown acting officer" "$db" "no officer .nobody." \
	--db "$db" --officer nobody officer add lan "Nguyễn Thị Lan" --new-password-file "$PWF"
before=$(dbsum "$db")
setsid -w "$MOTCUA" --db "$db" officer add lan "Nguyễn Thị Lan" --new-password-file "$PWF" \
	>"$T/out" 2>"$T/err" </dev/null
is "$?" 1 "the second officer, no password and no terminal: exit 1"
like "$(cat "$T/err")" "password-file" "... says to give --password-file"
is "$(dbsum "$db")" "$before" "... nobody added"
run --db "$db" --password-file "$PWF" officer add lan "Nguyễn Thị Lan" --new-password-file "$PWF"
is "$rc" 0 "add an officer, as the supervisor"
is "$err" "" "... and no word of a first officer"
run --db "$db" officer list
like "$out" "lan +officer +active +Nguyễn Thị Lan" "list shows the officer"
like "$out" "truong +supervisor" "list shows the supervisor"
S="--db $db --officer truong --password-file $PWF"
refused "duplicate officer" "$db" "already an officer" $S officer add lan "Lê Lan" --new-password-file "$PWF"
refused "bad username" "$db" "not valid" $S officer add "Lan Anh" "Lê Lan" --new-password-file "$PWF"
refused "unknown role" "$db" "unknown role" $S officer add hoa "Hoa" --role boss --new-password-file "$PWF"
run --db "$db" officer add
is "$rc" 2 "officer add without arguments: usage"
done_testing
