# report.sh — F6 reports: dossiers received in October and November
# with results early, on time and late, a pause, a withdrawal, a refusal
# at the counter, a guidance and three ratings.  The screen's table, its
# scrolled columns, the two bar charts, last month and dates typed in are
# checked against `motcua report summary --format json` and against
# figures worked out by hand; s writes the CSV (BOM, header, total), p
# prints the table; Esc leaves; the database never changes.
# The station is set up (common.sh) on the morning of the first receipt,
# 28 October, and each receipt and step below is recorded when it happens,
# in the order of their times (tests/cli/at-time); the screen opens on
# 20 November ($NOW).
MOTCUA_STORY_START="2026-10-28 08:00"
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
rcv() {	# rcv NAME ID AT PROCEDURE — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure "$4" --name "$1" --id "$2" --at "$3" | head -1
}
# ev CODE STEP ... — a step by lan; a step refused is counted in $ev_failed
ev_failed=0
ev() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" event "$@" >/dev/null ||
    ev_failed=$((ev_failed + 1)); }
# October: a (3 days, carried over, late in November), b (same day, done)
# November: c on time, d early, e late (Chứng thực), g paused, h
# withdrawn, i refused at the counter, j overdue, f within time
a=$(rcv "Nguyễn Văn An" 087084000001 "2026-10-28 09:00" 1.001022)
b=$(rcv "Trần Văn Bình" 087084000002 "2026-10-30 09:00" 1.001193)
ev "$b" result --at "2026-10-30 15:00"
c=$(rcv "Lê Thị Cúc" 087184000003 "2026-11-02 09:00" 1.001193)
ev "$c" result --at "2026-11-02 16:00"
ev "$c" return --rating very_satisfied --at "2026-11-02 16:30"
d=$(rcv "Phạm Văn Dũng" 087084000004 "2026-11-03 09:00" 1.001022)
ev "$d" result --at "2026-11-04 10:00"
ev "$d" return --rating satisfied --at "2026-11-04 11:00"
e=$(rcv "Hoàng Thị Em" 087184000005 "2026-11-05 09:00" 2.000815)
ev "$a" result --at "2026-11-05 10:00"
ev "$a" return --at "2026-11-05 11:00"
ev "$e" result --at "2026-11-06 09:00"
ev "$e" return --rating not_satisfied --at "2026-11-06 10:00"
g=$(rcv "Võ Văn Giang" 087084000007 "2026-11-10 09:00" 1.001022)
ev "$g" pause --reason "thiếu giấy tờ" --at "2026-11-11 09:00"
h=$(rcv "Đỗ Thị Hoa" 087184000008 "2026-11-12 09:00" 1.001193)
ev "$h" withdraw --at "2026-11-12 10:00"
i=$(rcv "Bùi Văn Inh" 087084000009 "2026-11-13 09:00" 1.001193)
ev "$i" refuse --reason "không thuộc thẩm quyền" --at "2026-11-13 09:30"
j=$(rcv "Ngô Thị Kim" 087184000010 "2026-11-16 09:00" 1.001193)
"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" guide --procedure 1.001022 --name "Mai Văn Lộc" --id 087084000011 \
    --docs none --at "2026-11-17 09:00" >/dev/null
guided=$?
f=$(rcv "Dương Văn Phúc" 087084000006 "2026-11-19 09:00" 2.001035)
# every receipt gave its code, every step and the guidance were taken
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$e" ] && [ -n "$f" ] &&
    [ -n "$g" ] && [ -n "$h" ] && [ -n "$i" ] && [ -n "$j" ] && [ "$ev_failed" -eq 0 ] &&
    [ "$guided" -eq 0 ]
ok "the dossiers and their steps are recorded"

# want FROM TO [FIELD] — the screen's first page of a row, from the JSON
# of the CLI: name, carried over, new, total, early, on time, late, within,
# overdue, rate (one decimal, "—" without one)
want() {	# (the CLI reads at the screen's moment, $NOW)
	js=$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" report summary --from "$1" --to "$2" --format json)
	if [ $# -gt 2 ]; then
		p=$(jget "$js" "\$.fields" | sed 's/},{/}\n{/g' | grep -n "\"field\":\"$3\"" |
		    cut -d: -f1)
		p="\$.fields[$((p - 1))]" name=$3
	else
		p="\$.total" name=Total
	fi
	v() { jget "$js" "$p.$1"; }
	rate=$(v on_time_rate)
	[ -n "$rate" ] && rate=$(printf '%.1f' "$rate") || rate="—"
	printf '%s +%s +%s +%s +%s +%s +%s +%s +%s +%s$' "$name" "$(v carried_over)" \
	    "$(v received_new)" "$(($(v carried_over) + $(v received_new)))" \
	    "$(v resolved_early)" "$(v resolved_on_time)" "$(v resolved_late)" \
	    "$(v in_progress_within)" "$(v in_progress_overdue)" "$rate"
}
sum=$(datasum "$db")

start
tm send-keys F6
wait_for "Table 1/3"; ok "F6 opens the reports on the table"
s=$(screen)
like "$s" "2026-11-01 to 2026-11-20" "this month, up to today"
like "$s" "Received +Resolved +In progress +Rate" "the column groups"
like "$s" "$(want 2026-11-01 2026-11-20)" "the total as the CLI's JSON"
like "$s" "$(want 2026-11-01 2026-11-20 "Hộ tịch")" "Hộ tịch as the CLI's JSON"
like "$s" "$(want 2026-11-01 2026-11-20 "Chứng thực")" "Chứng thực as the CLI's JSON"
# by hand: a carried over; c d e g h j f new (i refused, never received);
# d early, c on time, a e late; f within time, g (paused) and j overdue
like "$s" "Total +1 +7 +8 +1 +1 +2 +1 +2 +50\.0$" "the total worked out by hand"
like "$s" "Hộ tịch +1 +5 +6 +1 +1 +1 +0 +2 +66\.7$" "Hộ tịch worked out by hand"
like "$s" "F1 Help .*Tab .*s Save .*p Print .*Esc Back" "the keys in the hint bar"
like "$s" "1-5 period .*← → columns" "the screen's own keys"

tm send-keys Right Right Right Right Right Right Right Right Right
wait_for "Satisfaction"; ok "→ scrolls to the other columns"
s=$(screen)
like "$s" "online +guided +refus\. +withdr +paused +stop +very +yes +not" "guided … satisfaction"
like "$s" "Total +0 +1 +1 +1 +1 +0 +33\.3 +33\.3 +33\.3$" \
    "guided 1, refused 1, withdrawn 1, paused 1, a third each"
like "$s" "◀" "a mark: more columns to the left"

tm send-keys Tab
wait_for "On-time rate 2/3"; ok "Tab: the on-time rate chart"
s=$(screen)
like "$s" "Hộ tịch +█+░+ +66\.7%  2/3" "a bar per field"
like "$s" "Total +█+░+ +50\.0%  2/4" "and in total"
tm send-keys Tab
wait_for "Per week 3/3"; ok "Tab: receipts per week"
s=$(screen)
like "$s" "02/11–08/11 +█+ +3$" "c, d, e the first full week"
like "$s" "09/11–15/11 +█+░+ +2$" "g, h (i refused is no receipt)"
like "$s" "16/11–20/11 +█+░+ +2$" "j, f the week up to today"
n=$(printf '%s\n' "$s" | grep -E '^ [0-9]{2}/[0-9]{2}' | awk '{ t += $NF } END { print t }')
js=$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" report summary --from 2026-11-01 --to 2026-11-20 --format json)
is "$n" "$(jget "$js" '$.total.received_new')" "the weeks add up to the new receipts"
tm send-keys Tab
wait_for "Table 1/3"; ok "Tab comes back to the table"
tm send-keys Left Left Left Left Left Left Left Left Left
wait_for "Received +Resolved"; ok "← back to the first columns"

tm send-keys 2
wait_for "2026-10-01 to 2026-10-31"; ok "2: last month"
like "$(screen)" "$(want 2026-10-01 2026-10-31)" "last month's total as the CLI's JSON"
tm send-keys 4
wait_for "2026-01-01 to 2026-11-20"; ok "4: this year, up to today"
like "$(screen)" "$(want 2026-01-01 2026-11-20)" "this year's total as the CLI's JSON"

# dates typed in: a bad one is refused and the period shown stays
tm send-keys 5
wait_for "From: "; ok "5: the dates"
tm send-keys C-u
tm send-keys -l "31/02/2026"
tm send-keys Enter Enter
wait_for "not a date"; ok "31/02 is not a date"
tm send-keys Escape
wait_for "2026-01-01 to 2026-11-20"; ok "Esc: the dates are dropped, the screen stays"
tm send-keys 5
wait_for "From: "
tm send-keys C-u
tm send-keys -l "02/11/2026"
tm send-keys Tab C-u
tm send-keys -l "15/11/2026"
tm send-keys Enter
wait_for "2026-11-02 to 2026-11-15"; ok "the typed period"
# (the line shows the dates as they are typed: the figures are there once
# the date fields have closed)
wait_for "1-5 period"
like "$(screen)" "$(want 2026-11-02 2026-11-15)" "its total as the CLI's JSON"

tm send-keys s
wait_for "Written beside the database"; ok "s writes the CSV"
csv="$T/reports/report-2026-11-02_2026-11-15.csv"
like "$(screen)" "database: reports/report-2026-11-02_2026-11-15\.csv" "and says where"
check "the CSV file is there" test -s "$csv"
is "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" efbbbf "it starts with the UTF-8 BOM"
like "$(head -1 "$csv")" "^.{0,3}Field,Carried over,Received new,Received in total,Resolved early" \
    "the header row"
like "$(grep '^Total,' "$csv" | tr -d '\r')" "^Total,1,5,6,1,1,2,0,1,50\.0,0,0,1,1,1,0,33\.3,33\.3,33\.3,66\.7,0\.0,0\.0$" \
    "the total row"
like "$(cat "$csv")" "Hộ tịch,1,4,5," "the field's name in UTF-8"
is "$(grep -c . "$csv")" 4 "header, two fields, total"

tm send-keys p
wait_for "Sent to the printer"; ok "p prints the table"
like "$(cat "$T/printed.txt")" "Total +1 +5 +6 +1 +1 +2 +0 +1 +50\.0" "the printed table"
like "$(cat "$T/printed.txt")" "very +yes +not" "with every column"

tm send-keys F1
wait_for "Help: keys"; ok "F1: help"
tm send-keys Escape
wait_for "Table 1/3"; ok "Esc: back to the report"
tm send-keys Escape
wait_for "Main menu"; ok "Esc leaves the reports"
is "$(datasum "$db")" "$sum" "the reports wrote nothing in the database"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"

# F6 on an empty database: the table with zero figures, the charts empty
tui_fresh
db="$T/empty.db"
unit_make "$db" 2
start
tm send-keys F6
wait_for "Table 1/3"; ok "an empty database: F6 opens the reports"
like "$(screen)" "Total +0 +0 +0 +0 +0 +0 +0 +0 +—$" "an empty database: the total, all zero, no rate"
tm send-keys Tab
wait_for "2/3"; ok "an empty database: the second page"
tm send-keys Tab
wait_for "3/3"; ok "an empty database: the third page"
tm send-keys Escape
wait_for "Main menu"; ok "an empty database: Esc leaves the reports"
tm send-keys F10
wait_for "EXITED"; ok "an empty database: F10 quits"
done_testing
