# check.sh — motcua check and check --rebuild.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 1 --sample-catalog >/dev/null
for i in 1 2 3 4 5; do
	"$MOTCUA" --db "$db" --password-file "$PWF" receive --procedure 1.001193 --name "Người Thứ $i" --id 08708400099$i --at "2026-11-1$i 09:0$i" >/dev/null
done
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

run --db "$db" check --frob
is "$rc" 2 "check with a wrong option: usage"
run --db "$T/none.db" check
is "$rc" 1 "check a missing database: exit 1"
test ! -e "$T/none.db"; ok "check does not create a database"
done_testing
