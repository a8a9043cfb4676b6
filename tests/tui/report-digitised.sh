# report-digitised.sh — F6 on 80x24: the two digitisation rates (Circular
# 01/2023) as the table's last columns, per field and in total, and on the
# page of indicators with what each counts, against figures worked out by
# hand and `motcua report summary --format json`: five receipts in two
# fields, three with every required document attached, one with only some,
# one with none; results for two, one with its result file.  No line wider
# than 80 columns, no word cut; the screen writes nothing.
MOTCUA_STORY_START="2026-11-02 08:00"
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
in="$HOME/in"
mkdir -p "$in"
python3 - "$in" <<'PY'
import sys, struct, zlib
d = sys.argv[1]
def chunk(t, x): return struct.pack('>I', len(x)) + t + x + struct.pack('>I', zlib.crc32(t + x) & 0xffffffff)
raw = b''.join(b'\0' + bytes([i * 40 % 256, 90, 180]) * 4 for i in range(4))
open(d + '/page.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
failed=0
rcv() {	# rcv NAME ID AT PROCEDURE — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" \
	    --procedure "$4" --name "$1" --id "$2" --at "$3" | head -1
}
ev() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" event "$@" >/dev/null || failed=$((failed + 1)); }
att() {	# att CODE [--document N | --result]
	_c=$1; shift
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" attach "$_c" "$in/page.png" \
	    "$@" >/dev/null || failed=$((failed + 1))
}
# khai sinh 1.001193 and khai tử 1.000656 (Hộ tịch) need documents 1 and
# 2; chứng thực bản sao 2.000815 document 1; hợp đồng 2.001035 1, 2 and 3
a=$(rcv "Nguyễn Văn An" 087084000001 "2026-11-02 09:00" 1.001193)
att "$a" --document 1; att "$a" --document 2
b=$(rcv "Trần Văn Bình" 087084000002 "2026-11-03 09:00" 1.000656)
att "$b" --document 1; att "$b" --document 2
c=$(rcv "Lê Thị Cúc" 087184000003 "2026-11-04 09:00" 2.000815)
att "$c" --document 1
d=$(rcv "Phạm Văn Dũng" 087084000004 "2026-11-05 09:00" 2.001035)
att "$d" --document 1; att "$d" --document 3
ev "$a" result --at "2026-11-05 10:00"
att "$a" --result
ev "$b" result --at "2026-11-06 10:00"
e=$(rcv "Hoàng Thị Em" 087184000005 "2026-11-06 11:00" 1.001193)
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$e" ] && [ "$failed" = 0 ]
ok "five receipts, two results, eight files"
js=$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" report summary --from 2026-11-01 --to 2026-11-20 --format json)
# pc VALUE — a rate as the screen shows it, one decimal, or "—"
pc() { if [ -n "$1" ]; then printf '%.1f' "$1"; else printf '—'; fi; }
jr() { echo "$(pc "$(jget "$js" "$1.digitised_rate")") $(pc "$(jget "$js" "$1.results_digitised_rate")")"; }
# by hand: Chứng thực c of c d, no result; Hộ tịch a b of a b e, a of a b;
# in total 3 of 5, 1 of 2
is "$(jr '$.fields[0]')|$(jr '$.fields[1]')|$(jr '$.total')" "50.0 —|66.7 50.0|60.0 50.0" \
    "the JSON as worked out by hand"
sum=$(datasum "$db")

start
tm send-keys F6
wait_for "Table 1/3"; ok "F6 opens the reports on the table"
# → to the last columns: the table stops when they are in view
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do tm send-keys Right; done
wait_for "doss\. +result"; ok "→ brings the digitisation columns into view"
s=$(screen)
printf '%s\n' "$s" | sed 's/^/# /'
like "$s" "Satisfaction % +Digitised *▶?$" "the group over the two columns"
like "$s" "rate +doss\. +result$" "their short headings, the last on the screen"
like "$s" "^ Chứng thực .* 50\.0 +—$" "Chứng thực: 50.0 and no result: —"
like "$s" "^ Hộ tịch .* 66\.7 +50\.0$" "Hộ tịch: 66.7 and 50.0"
like "$s" "^ Total .* 60\.0 +50\.0$" "the total: 60.0 and 50.0"
unlike "$s" "▶" "no more columns to the right"
w=$(printf '%s\n' "$s" | while IFS= read -r l; do printf '%s\n' "$l" | wc -m; done | sort -n | tail -1)
[ "$w" -le 81 ]; ok "no line wider than 80 columns ($w with its newline)"

tm send-keys i
wait_for "Indicators"; ok "i: the page of indicators"
s=$(screen)
printf '%s\n' "$s" | sed 's/^/# /'
like "$s" "Dossiers digitised +60\.0 %$" "the dossiers' rate"
like "$s" "Results digitised +50\.0 %$" "the results' rate"
got=$(printf '%s\n' "$s" | sed -n '/Dossiers digitised/,/Results digitised/p' | sed '1d;$d' |
    sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ $//')
is "$got" "3 of 5 new dossiers: every required document digitised by the end of the period" \
    "what the dossiers' rate counts, wrapped between words"
like "$s" "1 of 2 results of the period: the result digitised by its end$" "what the results' rate counts"
w=$(printf '%s\n' "$s" | while IFS= read -r l; do printf '%s\n' "$l" | wc -m; done | sort -n | tail -1)
[ "$w" -le 81 ]; ok "no line wider than 80 columns ($w with its newline)"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "the reports wrote nothing in the database"
done_testing
