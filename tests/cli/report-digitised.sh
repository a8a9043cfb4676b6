# report-digitised.sh — the digitisation rates of Circular 01/2023 (the
# report's digitised / received new, and results digitised / results),
# per field and in total, against figures worked out by hand: five
# receipts in two fields in November, three with every required document
# attached (motcua attach, PNG and PDF files), one with only some of them
# (and a file of the dossier as a whole, which covers no document), one
# with none until December; results for two, one with its result file in
# November, the other's only in December.  Every cell of the text table,
# the CSV and the JSON; `check` finds the maintained counts as the files
# give them after every attach, after a rebuild, after an import at
# another station and after the migration from schema 20.
MOTCUA_STORY_START="2026-11-01 07:00"
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db"
for s in A B; do
	eval "db=\$db$s"
	n=1; [ $s = B ] && n=2
	"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog --supervisor truong "Trần Văn Trưởng" \
	    --password-file "$PWF" >/dev/null
	"$MOTCUA" --db "$db" --officer truong --password-file "$PWF" officer add lan \
	    "Nguyễn Thị Lan" --new-password-file "$PWF" >/dev/null
done
db=$dbA

# a PNG (4x4) and a PDF of one page, under $HOME (where attach takes files)
in="$HOME/in"
mkdir -p "$in"
python3 - "$in" <<'PY'
import sys, struct, zlib
d = sys.argv[1]
def chunk(t, x): return struct.pack('>I', len(x)) + t + x + struct.pack('>I', zlib.crc32(t + x) & 0xffffffff)
raw = b''.join(b'\0' + bytes([i * 40 % 256, 90, 180]) * 4 for i in range(4))
open(d + '/page.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>']
out = bytearray(b'%PDF-1.4\n'); offs = []
for k, o in enumerate(objs, 1):
    offs.append(len(out)); out += b'%d 0 obj\n' % k + o + b'\nendobj\n'
x = len(out)
out += b'xref\n0 4\n0000000000 65535 f \n' + b''.join(b'%010d 00000 n \n' % o for o in offs)
out += b'trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % x
open(d + '/page.pdf', 'wb').write(bytes(out))
PY
check "the test's PNG and PDF are made" test -s "$in/page.png" -a -s "$in/page.pdf"

k=0
recv() {	# recv PROC AT — prints the code
	k=$((k + 1))
	"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" \
	    --procedure "$1" --name "Người $k" --id "0870840010$(printf %02d $k)" --at "$2" | head -1
}
failed=0
ev() { "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$@" >/dev/null || failed=$((failed + 1)); }
# att CODE FILE [--document N | --result] — attached at the story's time
att() {
	_c=$1 _f=$2; shift 2
	"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" attach "$_c" "$in/$_f" "$@" \
	    >/dev/null || failed=$((failed + 1))
}
sound() {	# sound DB WHAT — check finds the counts as the dossiers give them
	run --db "$1" check
	like "$out" "report counts: every one is as the dossiers give it" "$2: check finds the counts sound"
}

# The sample catalog's documents (required: R; conditional, not required: C):
#   1.001193 khai sinh (Hộ tịch)    R R C C
#   1.000656 khai tử (Hộ tịch)      R R C
#   2.000815 chứng thực bản sao     R C
#   2.001035 chứng thực hợp đồng    R R R
a=$(recv 1.001193 "2026-11-02 09:00")
att "$a" page.png --document 1
att "$a" page.pdf --document 2
sound "$db" "a: both required documents"
b=$(recv 1.000656 "2026-11-03 09:00")
att "$b" page.png --document 1
att "$b" page.png --document 2
att "$b" page.pdf --document 3
c=$(recv 2.000815 "2026-11-04 09:00")
att "$c" page.pdf --document 1
d=$(recv 2.001035 "2026-11-05 09:00")
att "$d" page.png --document 1
att "$d" page.pdf --document 3
att "$d" page.pdf
sound "$db" "d: two of three required documents and the whole"
ev "$a" result --at "2026-11-05 10:00"
att "$a" page.pdf --result
sound "$db" "a: its result file"
ev "$b" result --at "2026-11-06 10:00"
e=$(recv 1.001193 "2026-11-06 11:00")
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$e" ] && [ "$failed" = 0 ]
ok "five receipts, two results, ten files"
# December: e's documents, and b's result file, after the period
MOTCUA_NOW="2026-12-02 09:00" "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" \
    attach "$e" "$in/page.png" --document 1 >/dev/null &&
MOTCUA_NOW="2026-12-02 09:05" "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" \
    attach "$e" "$in/page.pdf" --document 2 >/dev/null &&
MOTCUA_NOW="2026-12-02 09:10" "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" \
    attach "$b" "$in/page.pdf" --result >/dev/null
ok "December: e's two documents, b's result"
# the rest happens then (a bundle's events may not be ahead of its making)
MOTCUA_NOW="2026-12-02 10:00"; export MOTCUA_NOW
sound "$db" "December's files"

# By hand, November (1 to 30):
#   Hộ tịch     new a b e; digitised a b (e only in December)  2/3 = 66.67 %
#               results a b; digitised a (b's in December)     1/2 = 50.00 %
#   Chứng thực  new c d; digitised c (d lacks document 2)      1/2 = 50.00 %
#               no result                                      none
#   Total       3/5 = 60.00 %; results 1/2 = 50.00 %
# November and December (1/11 to 31/12): e and b's result are in by then:
#   Hộ tịch 3/3 = 100 %, results 2/2 = 100 %; total 4/5 = 80 %, 2/2 = 100 %
# December alone: nothing received, no result: no rate.
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30
is "$rc" 0 "summary text: exit 0"
printf '%s\n' "$out" | sed 's/^/# /'
tab=$(printf '%s\n' "$out" | sed -n '/^Digitised (Circular 01\/2023)/,$p')
is "$(printf '%s\n' "$tab" | head -1)" \
    "Digitised (Circular 01/2023)      New Digit.   Rate% Resolv Digit.   Rate%" \
    "text: the digitisation table's headings"
is "$(printf '%s\n' "$tab" | sed -n 2p)" \
    "Chứng thực                          2      1   50.00      0      0       -" \
    "text: Chứng thực, every cell"
is "$(printf '%s\n' "$tab" | sed -n 3p)" \
    "Hộ tịch                             3      2   66.67      2      1   50.00" \
    "text: Hộ tịch, every cell"
is "$(printf '%s\n' "$tab" | sed -n 4p)" \
    "Total                               5      3   60.00      2      1   50.00" \
    "text: the total, every cell"
is "$(printf '%s\n' "$tab" | wc -l)" 4 "text: the headings, two fields, the total"
like "$out" "Digitised: 60\.00%$" "text: the indicators' line has the total rate"

run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format csv
is "$rc" 0 "csv: exit 0"
csv=$(printf '%s\n' "$out" | tr -d '\r')
printf '%s\n' "$csv" | sed 's/^/# /'
like "$(printf '%s\n' "$csv" | head -1)" ",on_time_rate,digitised,digitised_rate,results_digitised,results_digitised_rate$" \
    "csv: the four columns after the rest"
# cell ROW COLUMN — one cell of the CSV by the row's first cell and the
# header's name (no cell here holds a comma)
cell() {
	printf '%s\n' "$csv" | awk -F, -v r="$1" -v c="$2" '
	    NR == 1 { sub(/^\xef\xbb\xbf/, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
	    $1 == r { print $col[c] }'
}
row() {	# row NAME — received_new resolved digitised … of one row
	echo "$(cell "$1" received_new) $(( $(cell "$1" resolved_early) + $(cell "$1" resolved_on_time) + $(cell "$1" resolved_late) )) $(cell "$1" digitised) $(cell "$1" digitised_rate) $(cell "$1" results_digitised) $(cell "$1" results_digitised_rate)"
}
is "$(row "Chứng thực")" "2 0 1 50.00 0 " "csv: Chứng thực, every digitisation cell (no result: no rate)"
is "$(row "Hộ tịch")" "3 2 2 66.67 1 50.00" "csv: Hộ tịch, every digitisation cell"
is "$(row Total)" "5 2 3 60.00 1 50.00" "csv: the total, every digitisation cell"

run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
j=$out
jrow() { echo "$(jget "$j" "$1.digitised") $(jget "$j" "$1.digitised_rate") $(jget "$j" "$1.results_digitised") $(jget "$j" "$1.results_digitised_rate")"; }
is "$(jget "$j" '$.fields[0].field')|$(jget "$j" '$.fields[1].field')" "Chứng thực|Hộ tịch" "json: the fields"
is "$(jrow '$.fields[0]')" "1 50.0 0 " "json: Chứng thực"
is "$(jrow '$.fields[1]')" "2 66.67 1 50.0" "json: Hộ tịch"
is "$(jrow '$.total')" "3 60.0 1 50.0" "json: the total"

run --db "$db" report summary --from 2026-11-01 --to 2026-12-31 --format json
j=$out
is "$(jrow '$.fields[1]')" "3 100.0 2 100.0" "November and December: Hộ tịch, e and b's result are in"
is "$(jrow '$.total')" "4 80.0 2 100.0" "November and December: the total (d still lacks one)"
run --db "$db" report summary --from 2026-12-01 --to 2026-12-31 --format json
j=$out
is "$(jrow '$.total')" "0  0 " "December alone: nothing received, no result: no rates"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-04 --format json
j=$out
is "$(jrow '$.total')" "3 100.0 0 " "1 to 4 November: a b c received and digitised, no result yet"
run --db "$db" report summary --from 2026-11-05 --to 2026-11-05 --format json
j=$out
is "$(jget "$j" '$.total.received_new') $(jrow '$.total')" "1 0 0.0 1 100.0" \
    "5 November: d received, not digitised; a's result, filed that day"

# the counts kept are the counts recounted: a rebuild changes nothing
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
before=$out
run --db "$db" --officer truong --password-file "$PWF" check --rebuild
is "$rc" 0 "check --rebuild: exit 0"
like "$out" "report counts: rebuilt from the dossiers, identical" "the rebuild: the counts identical"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$out" "$before" "the same summary after the rebuild"

# another station: the bundle carries the files, the counts follow them
enrol "$dbA" "$dbB" && enrol "$dbB" "$dbA"; ok "A and B trust each other"
run --db "$dbA" --officer lan --password-file "$PWF" export --out "$T/a.motcua" --all
is "$rc" 0 "A exports its bundle"
run --db "$dbB" --officer truong --password-file "$PWF" import "$T/a.motcua"
is "$rc" 0 "B imports it"
[ "$rc" = 0 ] || echo "# $err"
sound "$dbB" "the import"
run --db "$dbB" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$out" "$before" "B's summary is A's"

# a damaged digitisation count is found
sqlite3 "$db" "UPDATE report_agg SET n = n + 1 WHERE what = 'digitised' AND day = '2026-11-02'"
run --db "$db" check
is "$rc" 1 "a damaged count: exit 1"
like "$out" "report counts: 1 differ from what the dossiers give \\(the first: 2026-11-02 digitised\\)" \
    "a damaged count: found, with its day"
run --db "$db" --officer truong --password-file "$PWF" check --rebuild
sound "$db" "after the recount"

# a database of schema 20, whose counts have no digitisation, gets them
# when it is opened
sqlite3 "$db" "DELETE FROM report_agg WHERE what IN ('digitised', 'res_digitised');
    DELETE FROM report_agg_event WHERE what IN ('digitised', 'res_digitised');
    PRAGMA user_version = 20"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$out" "$before" "schema 20 migrated: the same summary"
v=$(sqlite3 "$db" "PRAGMA user_version")
[ "$v" -ge 21 ]; ok "at schema 21 or later ($v)"
sound "$db" "the migration"
done_testing
