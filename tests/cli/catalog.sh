#!/bin/sh
# catalog.sh — motcua catalog import / export / list, and every bad input.
. "$top_srcdir/tests/cli/lib.sh"

D="$top_srcdir/tests/data"
SAMPLE="$top_srcdir/data/catalog-sample.json"
DB="$T/c.db"

check "init" "$MOTCUA" --db "$DB" init --unit-code 000.00.00.H01 \
	--unit-name "UBND xã Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"

# ---- before any catalog --------------------------------------------------
run --db "$DB" catalog export
is "$rc" 1 "export with no catalog: exit 1"
like "$err" "no catalog has been imported" "export with no catalog: says why"
run --db "$DB" catalog list
is "$rc" 0 "list of an empty catalog: exit 0"
is "$out" "" "list of an empty catalog: nothing"

# ---- usage ----------------------------------------------------------------
run --db "$DB" catalog
is "$rc" 2 "no action: usage"
run --db "$DB" catalog frobnicate
is "$rc" 2 "unknown action: usage"
run --db "$DB" --password-file "$PWF" catalog import
is "$rc" 2 "import without a file: usage"
run --db "$DB" --password-file "$PWF" catalog import a b
is "$rc" 2 "import with two files: usage"
run --db "$DB" catalog export extra
is "$rc" 2 "export with an argument: usage"
run --db "$DB" catalog list --bogus
is "$rc" 2 "list with an unknown option: usage"
like "$err" "usage: motcua catalog" "usage line names the command"

# ---- every bad file is refused and changes nothing -------------------------
refused "not JSON" "$DB" "not valid JSON" \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-notjson.json"
refused "invalid UTF-8" "$DB" "not valid UTF-8" \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-utf8.json"
refused "wrong format marker" "$DB" 'not a motcua catalog.*motcua-calendar' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-format.json"
refused "newer format version" "$DB" "format version 2.*newer motcua" \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-fversion.json"
refused "wrong type" "$DB" 'procedure 2\.000815 \(no\. 2\): "fee" must be a whole number' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-type.json"
refused "missing field" "$DB" 'procedure 1\.004873 \(no\. 3\): "result" is missing' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-missing.json"
refused "missing code" "$DB" 'procedure no\. 2: "code" is missing' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-nocode.json"
refused "empty name" "$DB" '2\.000815.*"name" is empty' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-emptyname.json"
refused "bad time limit" "$DB" '1\.004873.*"time_limit" must be' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-limit.json"
refused "negative fee" "$DB" '2\.000815.*"fee" must be 0 or more' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-fee.json"
refused "bad date" "$DB" '1\.004873.*"effective" is not a real date' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-date.json"
refused "duplicate code" "$DB" '1\.001193 \(no\. 3\): "code" is the same as procedure no\. 1' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-dup.json"
refused "a key given twice" "$DB" '2\.000815 \(no\. 2\): document 2, "quantity" appears twice' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-dupkey.json"
refused "unknown field" "$DB" '"fee_notes" is not a field' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-unknown.json"
refused "bad document form" "$DB" 'document 2, "form" must be' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-form.json"
refused "bad document quantity" "$DB" 'document 1, "quantity"' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-quantity.json"
refused "bad level" "$DB" '"level" must be' \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-level.json"
refused "no procedures" "$DB" "lists no procedures" \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-bad-empty.json"
refused "missing file" "$DB" "cannot open" \
	--db "$DB" --password-file "$PWF" catalog import "$T/nowhere.json"
refused "a directory" "$DB" "is not a file" \
	--db "$DB" --password-file "$PWF" catalog import "$T"
printf '[1, 2]\n' > "$T/array.json"
refused "JSON but not an object" "$DB" "not a catalog" \
	--db "$DB" --password-file "$PWF" catalog import "$T/array.json"
printf '{"format": "motcua-catalog"}\000\n' > "$T/nul.json"
refused "NUL byte" "$DB" "NUL bytes" \
	--db "$DB" --password-file "$PWF" catalog import "$T/nul.json"

# ---- import, amend, abolish, reinstate ----------------------------------------
run --db "$DB" --password-file "$PWF" catalog import "$D/catalog-good.json"
is "$rc" 0 "import v1"
is "$out" "catalog imported: 3 new, 0 amended, 0 abolished, 0 unchanged" "v1 counts"
run --db "$DB" --password-file "$PWF" catalog import "$D/catalog-good.json"
is "$out" "catalog imported: 0 new, 0 amended, 0 abolished, 3 unchanged" "same file again: no change"
run --db "$DB" --password-file "$PWF" catalog import "$D/catalog-good-v2.json"
is "$out" "catalog imported: 1 new, 1 amended, 1 abolished, 1 unchanged" "v2 counts"
run --db "$DB" --password-file "$PWF" catalog import "$D/catalog-good-v2.json"
is "$out" "catalog imported: 0 new, 0 amended, 0 abolished, 3 unchanged" "v2 again: no change"
is "$(sqlite3 "$DB" "SELECT abolished FROM procedure WHERE code = '1.004873'")" \
	"2025-09-01" "left out: abolished on the file's date, row kept"
is "$(sqlite3 "$DB" "SELECT time_limit FROM procedure WHERE code = '1.001612'")" \
	"3 days" "Vietnamese time limit stored canonical"
refused "older catalog" "$DB" "version 1, older than version 2" \
	--db "$DB" --password-file "$PWF" catalog import "$D/catalog-good.json"

run --db "$DB" catalog list
like "$out" "^2\.000815 +same day +3\.000  Chứng thực bản sao từ bản chính \(Chứng thực\)" "list line layout"
like "$(printf '%s\n' "$out" | grep -c .)" "^3$" "abolished procedure not listed"
run --db "$DB" catalog list --all
like "$out" "1\.004873 .*\[abolished\]" "--all shows the abolished one, marked"

run --db "$DB" --password-file "$PWF" catalog import "$D/catalog-good-v3.json"
is "$out" "catalog imported: 0 new, 1 amended, 1 abolished, 2 unchanged" "v3: reinstated + abolished by date"
is "$(sqlite3 "$DB" "SELECT abolished FROM procedure WHERE code = '1.001612'")" \
	"2025-10-01" "abolished date from the file"
is "$(sqlite3 "$DB" "SELECT count(*) FROM procedure WHERE abolished IS NULL")" 3 "three in force"

# ---- the sample catalog: search, export round trip --------------------------
S="$T/s.db"
check "init sample db" "$MOTCUA" --db "$S" init --unit-code 000.00.00.H01 \
	--unit-name "UBND xã Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
run --db "$S" --password-file "$PWF" catalog import "$SAMPLE"
is "$rc" 0 "import the sample"
like "$out" "^catalog imported: ([2-9][0-9]|[1-9][0-9][0-9]) new, 0 amended, 0 abolished, 0 unchanged$" \
	"sample: at least 20 new"
run --db "$S" catalog export
is "$rc" 0 "export"
printf '%s\n' "$out" > "$T/export1.json"
check "export of the sample is the sample file" cmp "$T/export1.json" "$SAMPLE"

F="$T/f.db"
check "init fresh db" "$MOTCUA" --db "$F" init --unit-code 000.00.00.H01 \
	--unit-name "UBND xã Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
run --db "$F" --password-file "$PWF" catalog import "$T/export1.json"
is "$rc" 0 "import the export"
run --db "$F" catalog export
printf '%s\n' "$out" > "$T/export2.json"
check "export, import, export: identical" cmp "$T/export1.json" "$T/export2.json"

# the v3 database (with abolished rows) round-trips too
run --db "$DB" catalog export
printf '%s\n' "$out" > "$T/export3.json"
G="$T/g.db"
check "init another db" "$MOTCUA" --db "$G" init --unit-code 000.00.00.H01 \
	--unit-name "UBND xã Thử" --station 1 --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF"
run --db "$G" --password-file "$PWF" catalog import "$T/export3.json"
run --db "$G" catalog export
printf '%s\n' "$out" > "$T/export4.json"
check "round trip with abolished procedures" cmp "$T/export3.json" "$T/export4.json"

run --db "$S" catalog list --search "khai sinh"
like "$out" "1\.001193 .*Thủ tục đăng ký khai sinh" "search 'khai sinh' finds Đăng ký khai sinh"
run --db "$S" catalog list --search "KHAI   SINH"
like "$out" "1\.001193" "search ignores case and extra spaces"
run --db "$S" catalog list --search "ho tich"
like "$out" "1\.000894 .*\(Hộ tịch\)" "search 'ho tich' finds the field Hộ tịch"
run --db "$S" catalog list --search "hộ tịch kết hôn"
is "$(printf '%s\n' "$out" | cut -c1-8 | sort | tr '\n' ' ')" "1.000894 1.004746 " \
	"all words must match (kết hôn + hộ tịch)"
run --db "$S" catalog list --search "1.001193"
like "$out" "^1\.001193 " "search by code"
run --db "$S" catalog list --search "khai sinh kết hôn xyz"
is "$out" "" "a word that matches nothing: empty list"
run --db "$S" catalog list --search "$(printf 'kh\377')"
is "$rc" 1 "search with invalid UTF-8: exit 1"

run --db "$S" catalog list --json --search "khai sinh"
is "$rc" 0 "list --json"
printf '%s\n' "$out" > "$T/list.json"
is "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/list.json')), json_array_length(readfile('$T/list.json')), json_extract(readfile('$T/list.json'), '\$[0].documents[0].form')")" \
	"1|3|original" "list --json is an array of procedures in the file format"
run --db "$S" catalog list --json --search "nothing matches this"
is "$out" "[
]" "list --json with no match: empty array"

done_testing
