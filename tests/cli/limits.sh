# limits.sh — from the command line: what catalog and calendar imports
# refuse in a file's content (each refusal names the field, exit 1, the
# database unchanged), byte-order marks, and files born private: a bundle
# (export and publish), a slip --out, the slips and reports folders' files,
# all 0600 under an ordinary umask; an export removes the temporaries that
# interrupted exports left on the stick.
. "$top_srcdir/tests/cli/lib.sh"
umask 022
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
ok "init"
R() { "$MOTCUA" --db "$db" "$@"; }	# reading: no password

# ---- the catalog ------------------------------------------------------------
# cat_file NAME-JSON DOCS-JSON — a one-procedure catalog, version 2
cat_file() {
	printf '{"format": "motcua-catalog", "format_version": 1, "version": 2, "issued": "2026-01-01", "issuer": "UBND tỉnh", "procedures": [{"code": "9.000001", "name": "%s", "field": "Hộ tịch", "level": "commune", "time_limit": "3 days", "fee": 0, "result": "r", "legal_basis": "l", "documents": [%s]}]}\n' "$1" "$2" > "$T/cat.json"
}
doc='{"name": "Tờ khai", "form": "copy", "quantity": 1, "required": true}'
cat_file 'Khai sinh\u202E cho con' "$doc"
refused "catalog: a direction override" "$db" \
    'procedure 9\.000001 .*"name" holds an invisible direction control \(U\+202E\) at character 10' \
    --db "$db" --password-file "$PWF" catalog import "$T/cat.json"
cat_file 'Khai\tsinh' "$doc"
refused "catalog: a tab in a name" "$db" '"name" holds a tab or line break \(U\+0009\)' \
    --db "$db" --password-file "$PWF" catalog import "$T/cat.json"
cat_file 'Khai sinh' '{"name": "Tờ\u200bkhai", "form": "copy", "quantity": 1, "required": true}'
refused "catalog: a zero-width space in a document" "$db" \
    'procedure 9\.000001 .*document 1, "name" holds an invisible character \(U\+200B\)' \
    --db "$db" --password-file "$PWF" catalog import "$T/cat.json"
cat_file "$(head -c 600 /dev/zero | tr '\0' 'a')" "$doc"
refused "catalog: a name of 600 characters" "$db" \
    '"name" is 600 characters long, more than the 500 allowed' \
    --db "$db" --password-file "$PWF" catalog import "$T/cat.json"
docs=$doc
for i in $(seq 2 201); do docs="$docs, $doc"; done
cat_file 'Khai sinh' "$docs"
refused "catalog: 201 documents" "$db" '"documents" lists 201 documents, more than the 200' \
    --db "$db" --password-file "$PWF" catalog import "$T/cat.json"
# a UTF-16 file ("Unicode" in Notepad) is named as such
printf '\377\376{\000' > "$T/u16.json"
refused "catalog: a UTF-16 file" "$db" 'byte-order mark \(BOM\) of UTF-16: save it as UTF-8' \
    --db "$db" --password-file "$PWF" catalog import "$T/u16.json"
# a UTF-8 byte-order mark is ignored
R catalog export > "$T/export.json"
{ printf '\357\273\277'; cat "$T/export.json"; } > "$T/bom.json"
run --db "$db" --password-file "$PWF" catalog import "$T/bom.json"
is "$rc" 0 "catalog: a UTF-8 byte-order mark is ignored ($err)"

# ---- the calendar -------------------------------------------------------------
cal_file() {	# cal_file DAYS-JSON
	printf '{"format": "motcua-calendar", "version": 1, "years": [{"year": 2026, "days": [%s]}]}\n' "$1" > "$T/cal.json"
}
cal_file '{"date": "2026-01-01", "off": true, "name": "Tết\u2066 Dương lịch"}'
refused "calendar: a direction isolate" "$db" \
    'years\[0\]\.days\[0\]: "name" holds an invisible direction control \(U\+2066\)' \
    --db "$db" --password-file "$PWF" calendar import "$T/cal.json"
cal_file "{\"date\": \"2026-01-01\", \"off\": true, \"name\": \"$(head -c 101 /dev/zero | tr '\0' 'x')\"}"
refused "calendar: a name of 101 characters" "$db" '"name" is 101 characters long, more than the 100' \
    --db "$db" --password-file "$PWF" calendar import "$T/cal.json"
cal_file '{"date": "2026-01-01", "off": true, "name": "Tết"}, {"date": "2026-01-01", "off": true, "name": "Tết"}'
refused "calendar: a date given twice" "$db" '"date" 2026-01-01 is listed twice' \
    --db "$db" --password-file "$PWF" calendar import "$T/cal.json"
# all of December off: 23 weekdays; with 18 in March, 41
days=""
for d in $(seq 1 31); do
	days="$days{\"date\": \"2026-12-$(printf %02d "$d")\", \"off\": true, \"name\": \"Nghỉ\"}, "
done
for d in 02 03 04 05 06 09 10 11 12 13 16 17 18 19 20 23 24 25; do
	days="$days{\"date\": \"2026-03-$d\", \"off\": true, \"name\": \"Nghỉ\"}, "
done
cal_file "${days%, }"
refused "calendar: 41 weekdays off" "$db" \
    'years\[0\]: "days" gives 41 weekdays off in 2026, more than the 40' \
    --db "$db" --password-file "$PWF" calendar import "$T/cal.json"
{ printf '\357\273\277'; cat "$top_srcdir/data/calendar-2026.json"; } > "$T/cal-bom.json"
run --db "$db" --password-file "$PWF" calendar import "$T/cal-bom.json"
is "$rc" 0 "calendar: a UTF-8 byte-order mark is ignored ($err)"
printf '\376\377\000{' > "$T/u16.json"
refused "calendar: a UTF-16 file" "$db" 'byte-order mark \(BOM\) of UTF-16' \
    --db "$db" --password-file "$PWF" calendar import "$T/u16.json"

# ---- files born private ---------------------------------------------------------
code=$("$MOTCUA" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Trần Thị Bích Ngọc" --id 087184000123 \
    --docs 1,2 --at "2026-11-20 09:10" | head -1)
R slip "$code" --out "$T/slip.txt"
ok "slip --out"
is "$(stat -c %a "$T/slip.txt")" 600 "slip --out: a new file is 0600 under umask 022"
echo old > "$T/wide.txt"
chmod 644 "$T/wide.txt"
R slip "$code" --out "$T/wide.txt"
is "$(stat -c %a "$T/wide.txt")" 600 "slip --out over a 0644 file: 0600"
like "$(cat "$T/wide.txt")" "Trần Thị Bích Ngọc" "  … and it holds the slip"
is "$(stat -c %a "$T/slips/mau01-$code.txt")" 600 "the slips folder's copy: 0600"
is "$(ls -A "$T" | grep -c '^\.')" 0 "no temporary left beside the --out files"

stick="$T/stick"
mkdir "$stick"
# what interrupted exports left: two pieces an hour old, one written just now
touch -d '1 hour ago' "$stick/.000.17.22.H56-1-20261119-1700.motcua.tmp" \
    "$stick/.000.17.22.H56-1-20261119-1700.motcua.tmp-journal" \
    "$stick/.000.17.22.H56-1-20261119-1705.motcua.tmp" \
    "$stick/.ghi-chu.tmp" "$stick/ghi-chu.motcua.tmp"
touch "$stick/.000.17.22.H56-1-20261120-0959.motcua.tmp"
run --db "$db" --officer lan --password-file "$PWF" export --out "$stick"
is "$rc" 0 "export into the stick folder ($err)"
bundle=$(ls "$stick"/*.motcua)
test -f "$bundle"; ok "the bundle is there"
is "$(stat -c %a "$bundle")" 600 "the bundle is 0600 under umask 022"
is "$(ls -A "$stick" | grep -c '1700\|1705')" 0 "the interrupted exports' pieces are gone"
test -e "$stick/.000.17.22.H56-1-20261120-0959.motcua.tmp"
ok "a piece written just now is kept (an export may be writing it)"
test -e "$stick/.ghi-chu.tmp" && test -e "$stick/ghi-chu.motcua.tmp"
ok "files of other names are left alone"
is "$(sqlite3 "$bundle" "SELECT value FROM bundle WHERE key = 'kind'")" events \
    "the bundle is whole"

run --db "$db" --password-file "$PWF" publish catalog --out "$stick/catalog.motcua"
is "$rc" 0 "publish ($err)"
is "$(stat -c %a "$stick/catalog.motcua")" 600 "a publication is 0600 too"
done_testing
