# logbook.sh — the logbook's books and running numbers (logbook.h): each
# station numbers its receipts 1, 2, 3 … in its own book ("01/2026"), the
# same number on the slip ("Quyển số 01/2026, Số thứ tự 3") as in `report
# logbook`, across days (where the code's daily number starts again),
# never repeated (a new year, a new book), never reused (a cancelled
# dossier keeps its number); a month's book by the setting logbook_book;
# another station's book travels with its receipts; a rebuild gives the
# same numbers; a database from before numbers them at upgrade.
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db"
for n in 1 2; do
	"$MOTCUA" --db "$T/s$n.db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
	    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station $n --sample-catalog >/dev/null
done
mv "$T/s1.db" "$dbA"; mv "$T/s2.db" "$dbB"
A() { "$MOTCUA" --db "$dbA" --officer lan --password-file "$PWF" "$@"; }
B() { "$MOTCUA" --db "$dbB" --officer lan --password-file "$PWF" "$@"; }
recv() {	# recv DB-FUNCTION AT — a receipt; its code in $code
	code=$("$1" receive --procedure 1.001022 --name "Trần Thị Bích Ngọc" --id 087184000123 \
	    --phone 0912345678 --address "Ấp 1, xã Mỹ An" --at "$2" | head -1)
}
book() { sqlite3 "$dbA" "SELECT book || ' ' || book_no FROM dossier WHERE code = '$1'"; }

recv A "2026-11-20 09:00"; c1=$code
recv A "2026-11-20 10:00"; c2=$code
recv A "2026-11-23 09:00"; c3=$code
is "$(book "$c1")" "01/2026 1" "the first receipt: book 01/2026, number 1"
is "$(book "$c2")" "01/2026 2" "the second: number 2"
is "${c3##*-}" 1001 "a new day's code starts again at 1001"
is "$(book "$c3")" "01/2026 3" "... and the logbook's number goes on: 3"

run --db "$dbA" slip "$c3"
like "$out" "Quyển số: 01/2026, Số thứ tự: 3" "the slip prints the book and the number"
run --db "$dbA" report logbook --from 2026-11-01 --to 2026-11-30
like "$out" "^  3  $c3" "report logbook lists it under the same number"
like "$out" "book: 01/2026" "with its book"
run --db "$dbA" report logbook --from 2026-11-23 --to 2026-11-23
like "$out" "^  3  $c3" "a period that starts later keeps the numbers of the book"
run --db "$dbA" report logbook --from 2026-11-01 --to 2026-11-30 --format csv
like "$out" "Ghi chú,Quyển số" "CSV: the book is the last column"
like "$out" "^3,$c3,.*,01/2026" "CSV: number and book"

# a cancelled dossier keeps its number; the next receipt does not take it
A event "$c3" cancel --reason "Nhập nhầm" --at "2026-11-23 09:30" >/dev/null
ok "a supervisor cancels the third dossier"
recv A "2026-11-23 10:00"; c4=$code
is "$(book "$c4")" "01/2026 4" "the next receipt after a cancel takes 4, not 3"
is "$(book "$c3")" "01/2026 3" "the cancelled dossier keeps 3"

# a rebuild gives back the same numbers
before=$(sqlite3 "$dbA" "SELECT code, book, book_no FROM dossier ORDER BY code")
run --db "$dbA" --password-file "$PWF" --officer lan check --rebuild
is "$rc" 0 "check --rebuild"
is "$(sqlite3 "$dbA" "SELECT code, book, book_no FROM dossier ORDER BY code")" "$before" \
    "the rebuilt rows carry the same books and numbers"

# a new year, a new book from 1
recv A "2027-01-04 08:00"; c5=$code
is "$(book "$c5")" "01/2027 1" "the first receipt of 2027: book 01/2027, number 1"
run --db "$dbA" slip "$c5"
like "$out" "Quyển số: 01/2027, Số thứ tự: 1" "the slip says so"

# a book a month, by the setting
run --db "$dbA" --officer lan --password-file "$PWF" setting set logbook_book week
is "$rc" 1 "logbook_book takes year or month only"
like "$err" "'week' is not a value for logbook_book" "and says which"
A setting set logbook_book month >/dev/null; ok "a book a month"
recv A "2027-01-04 09:00"; c6=$code
is "$(book "$c6")" "01/2027-01 1" "January 2027's book, from 1"
recv A "2027-02-01 09:00"; c7=$code
is "$(book "$c7")" "01/2027-02 1" "February's, from 1"
A setting unset logbook_book >/dev/null
recv A "2027-02-01 10:00"; c8=$code
is "$(book "$c8")" "01/2027 2" "back to the year's book: it goes on at 2"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM (SELECT station, book, book_no FROM dossier
    GROUP BY 1, 2, 3 HAVING count(*) > 1)")" 0 "no book holds a number twice"

# station 2 keeps its own book; its receipts travel with their numbers
recv B "2026-11-20 09:30"; b1=$code
recv B "2026-11-20 11:00"; b2=$code
is "$(sqlite3 "$dbB" "SELECT group_concat(book || ' ' || book_no, ', ') FROM
    (SELECT * FROM dossier ORDER BY code)")" "02/2026 1, 02/2026 2" \
    "station 2 numbers its own book 02/2026 from 1"
check "A trusts B" enrol "$dbA" "$dbB"
(MOTCUA_NOW="2026-11-20 17:00" && export MOTCUA_NOW &&
    B export --out "$T/b.motcua" --all >/dev/null); ok "B exports"
A import "$T/b.motcua" >/dev/null; ok "A imports B's receipts"
is "$(book "$b2")" "02/2026 2" "at A, B's dossier has B's book and number"
is "$(book "$c2")" "01/2026 2" "A's own numbers are untouched"
run --db "$dbA" report logbook --from 2026-11-20 --to 2026-11-20 --format csv
like "$out" "^2,$b2,.*,02/2026" "A's logbook lists B's receipt in B's book"
recv A "2027-02-01 11:00"
is "$(book "$code")" "01/2027 3" "A's next receipt goes on in A's book"

# a database from before the logbook numbers: numbered at upgrade, by
# station and year in the order each station recorded its receipts
old="$T/old.db"
cp "$dbA" "$old"
sqlite3 "$old" "DROP INDEX dossier_book; ALTER TABLE dossier DROP COLUMN book;
    ALTER TABLE dossier DROP COLUMN book_no; DROP TABLE logbook_legacy;
    DELETE FROM meta WHERE key LIKE 'book_high:%';
    ALTER TABLE dossier DROP COLUMN decided_by; ALTER TABLE dossier DROP COLUMN routing;
    ALTER TABLE procedure DROP COLUMN decided_by; ALTER TABLE procedure DROP COLUMN routing;
    ALTER TABLE procedure_version DROP COLUMN decided_by;
    ALTER TABLE procedure_version DROP COLUMN routing;
    PRAGMA user_version = 12"
# (schema 014's columns dropped too: version 12 had none of them)
# (its receipts as the older version made them: no book in the event; the
# append-only guard is lifted for that, as only a test may)
trig=$(sqlite3 "$old" "SELECT sql FROM sqlite_master WHERE name = 'event_no_update'")
sqlite3 "$old" "DROP TRIGGER event_no_update;
    UPDATE event SET body = json_remove(body, '\$.book', '\$.book_no') WHERE kind = 'receive';
    $trig"
is "$(sqlite3 "$old" "SELECT count(*) FROM event WHERE body -> '\$.book' IS NOT NULL")" 0 \
    "the old database's receipts carry no book"
run --db "$old" list
is "$rc" 0 "the old database opens"
is "$(sqlite3 "$old" "SELECT group_concat(code || ' ' || book || ' ' || book_no, ',') FROM
    (SELECT * FROM dossier WHERE station = (SELECT value FROM meta WHERE key = 'station_id')
    AND received < '2027' ORDER BY code)")" \
    "$c1 01/2026 1,$c2 01/2026 2,$c3 01/2026 3,$c4 01/2026 4" \
    "its receipts of 2026 numbered in order"
is "$(sqlite3 "$old" "SELECT book || ' ' || book_no FROM dossier WHERE code = '$b2'")" \
    "02/2026 2" "station 2's, in station 2's book"
is "$(sqlite3 "$old" "SELECT count(*) FROM logbook_legacy")" \
    "$(sqlite3 "$old" "SELECT count(*) FROM dossier")" "every number kept for a rebuild"
"$MOTCUA" --db "$old" --officer lan --password-file "$PWF" event "$c4" handover --to "Phạm Văn Tư" \
    --at "2027-02-01 12:00" >/dev/null; ok "a step on an old receipt"
is "$(sqlite3 "$old" "SELECT book || ' ' || book_no FROM dossier WHERE code = '$c4'")" \
    "01/2026 4" "the dossier projected again keeps its number"
"$MOTCUA" --db "$old" --officer lan --password-file "$PWF" receive --procedure 1.001022 \
    --name "Lê Văn Tám" --id 087084000888 --address "Ấp 2" --at "2027-02-01 13:00" >/dev/null
is "$(sqlite3 "$old" "SELECT book || ' ' || book_no FROM dossier ORDER BY received DESC,
    code DESC LIMIT 1")" "01/2027 6" "a new receipt goes on after the old ones of its book (five)"
done_testing
