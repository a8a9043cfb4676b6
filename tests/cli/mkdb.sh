# mkdb.sh — bench/mkdb writes a database the program opens and checks like
# any other, with the officer `bench` and its password file, the same for
# one seed.
. "$top_srcdir/tests/cli/lib.sh"
MKDB="${MKDB:-$(dirname "$MOTCUA_BINARY")/../bench/mkdb}"
db="$T/a.db"
now="2026-11-20 10:30"

run_mkdb() {	# run_mkdb DB — 300 dossiers, seed 7, at $now
	"$MKDB" "$1" 300 --seed 7 --now "$now" >"$T/mkdb.out" 2>&1
}
run_mkdb "$db"
ok "mkdb: 300 dossiers"
like "$(cat "$T/mkdb.out")" "300 dossiers" "mkdb: says how many"
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier")" 300 "300 dossier rows"
is "$(stat -c %a "$db.pw")" 600 "the password file beside it, mode 0600"
is "$(sqlite3 "$db" "SELECT role FROM officer WHERE username = 'bench'")" supervisor \
	"the officer bench"

# one seed, one database: everything but the password's salt
run_mkdb "$T/b.db"
ok "mkdb: a second run"
content() {
	sqlite3 "$1" "SELECT * FROM dossier ORDER BY id; SELECT * FROM name_word ORDER BY word, id;
	    SELECT * FROM event ORDER BY origin, seq;
	    SELECT * FROM meta ORDER BY key; SELECT * FROM station; SELECT * FROM station_key;
	    SELECT username, full_name, role, active FROM officer" | sha256sum
}
is "$(content "$T/b.db")" "$(content "$db")" "two runs with one seed: the same content"
"$MKDB" "$T/c.db" 300 --seed 8 --now "$now" >/dev/null 2>&1
ok "mkdb: another seed"
unlike "$(content "$T/c.db")" "$(content "$db" | cut -c1-64)" "another seed: another database"

export MOTCUA_NOW="$now"
run --db "$db" check
is "$rc" 0 "check: exit 0"
like "$out" "integrity: ok" "check: integrity"
like "$out" "every hash and chain link is sound" "check: the chain"
like "$out" "signatures: [0-9]+ events signed by their stations' keys, every one sound" \
	"check: every event signed"
like "$out" "dossiers: every row is as its events make it" "check: rows as the events make them"
unlike "$out" "missing|gap" "check: no code or number missing"

# what a commune's counter holds: most returned, some still open
returned=$(sqlite3 "$db" "SELECT count(*) FROM dossier WHERE status = 'returned'")
check "most are returned ($returned)" test "$returned" -gt 200
check "more than two statuses" test "$(sqlite3 "$db" "SELECT count(DISTINCT status) FROM dossier")" -gt 2
check "several procedures" test "$(sqlite3 "$db" "SELECT count(DISTINCT procedure_code) FROM dossier")" -gt 8
nguyen=$(sqlite3 "$db" "SELECT count(*) FROM dossier WHERE applicant_name LIKE 'Nguyễn %'")
check "Nguyễn is the most common family name ($nguyen of 300)" test "$nguyen" -gt 80 -a "$nguyen" -lt 150
like "$(sqlite3 "$db" "SELECT group_concat(DISTINCT substr(received, 1, 4)) FROM dossier")" \
	"2026" "receipts of this year"
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier WHERE strftime('%w', substr(received, 1, 10)) IN ('0', '6')")" \
	0 "no receipt on a weekend"
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier WHERE received > '2026-11-20T10:30'")" 0 \
	"no receipt after now"
is "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE at > '2026-11-20T10:30'")" 0 \
	"no event after now"
is "$(sqlite3 "$db" "SELECT count(*) FROM (SELECT book, book_no FROM dossier GROUP BY 1, 2 HAVING count(*) > 1)")" \
	0 "logbook numbers given once"

code=$(sqlite3 "$db" "SELECT code FROM dossier WHERE status = 'returned' ORDER BY received DESC LIMIT 1")
name=$(sqlite3 "$db" "SELECT applicant_name FROM dossier WHERE code = '$code'")
id=$(sqlite3 "$db" "SELECT applicant_id FROM dossier WHERE code = '$code'")
run --db "$db" show "$code"
is "$rc" 0 "show: exit 0"
like "$out" "$code" "show: the code"
like "$out" "$name" "show: the applicant"
run --db "$db" find "$id"
is "$rc" 0 "find by ID: exit 0"
like "$out" "$code" "find by ID: the dossier"
run --db "$db" find "Nguyễn Văn"
is "$rc" 0 "find by a common name: exit 0"
like "$out" "Nguyễn Văn" "find by a common name: the names"
run --db "$db" report summary --from 2026-01-01 --to 2026-10-31
is "$rc" 0 "report summary: exit 0"
like "$out" "[0-9]" "report summary: figures"
run --db "$db" --officer bench --password-file "$db.pw" check --rebuild
is "$rc" 0 "check --rebuild with bench's password: exit 0"
like "$out" "300 rebuilt from events, identical" "check --rebuild: identical"

"$MKDB" "$T/d.db" 0 >/dev/null 2>&1
is "$?" 2 "N = 0: refused"

# --catalog: a province's list (the sample's procedures copied), every
# code and name its own, the dossiers still checked
"$MKDB" "$T/e.db" 40 --seed 9 --now "$now" --catalog 100 >/dev/null 2>&1
is "$?" 0 "--catalog 100: exit 0"
is "$(sqlite3 "$T/e.db" "SELECT count(*), count(DISTINCT code), count(DISTINCT name) FROM procedure")" \
	"100|100|100" "--catalog 100: 100 procedures, distinct codes and names"
run --db "$T/e.db" catalog list --search 1.001193-2
is "$rc" 0 "--catalog: a copy listed"
like "$out" "có yếu tố nước ngoài" "--catalog: a copy's name has its qualifier"
run --db "$T/e.db" check
is "$rc" 0 "--catalog: check passes"
"$MKDB" "$T/f.db" 10 --catalog 0 >/dev/null 2>&1
is "$?" 2 "--catalog 0: refused"

# --unit, --station: another commune's station, its codes its own
"$MKDB" "$T/g.db" 30 --seed 11 --now "$now" --unit 000.17.22.H57 "UBND xã Tân Hòa" \
	--station 2 >/dev/null 2>&1
is "$?" 0 "--unit --station: exit 0"
is "$(sqlite3 "$T/g.db" "SELECT count(*) FROM dossier WHERE code NOT LIKE '000.17.22.H57-______-2%'")" \
	0 "--unit --station: every code is the commune's, numbered by station 2"
is "$(sqlite3 "$T/g.db" "SELECT value FROM meta WHERE key = 'unit_name'")" "UBND xã Tân Hòa" \
	"--unit: the commune's name"
run --db "$T/g.db" check
is "$rc" 0 "--unit --station: check passes"
"$MKDB" "$T/h.db" 10 --unit 17.22 x >/dev/null 2>&1
is "$?" 2 "--unit with a code that is not an agency code: refused"
"$MKDB" "$T/h.db" 10 --station 10 >/dev/null 2>&1
is "$?" 2 "--station 10: refused"
done_testing
