# report.sh — the period summary against figures worked out by hand, the
# JSON contract, the identity, CSV, the logbook and the officers' day.
# The station opens on 1 October: its story's clock starts there
# (tests/cli/at-time), before the first receipt of the set below.
MOTCUA_STORY_START="2026-10-01 07:00"
. "$top_srcdir/tests/cli/lib.sh"
db="$T/r.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
n=0
recv() {	# recv PROC AT — prints the code
	n=$((n + 1))
	M --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure "$1" --name "Người $n" --id "0870840009$(printf %02d $n)" --at "$2" | head -1
}
ev() { M --officer lan --password-file "$PWF" event "$@" >/dev/null || echo "# event failed: $*"; }

# Hộ tịch: 1.001022 (3 working days), 1.001193 (same day)
# Chứng thực: 2.000815 (same day), 2.001035 (2 working days)
# Every event is recorded as it happens, in the order of its time (a receipt
# dated before this station's newest event is a supervisor's): the set is
# listed by date, each dossier's part in the period noted at its receipt.
c2=$(recv 2.001035 "2026-10-15 09:00")                                            # carried; late (due 19/10)
o1=$(recv 1.001022 "2026-10-28 09:00")                                            # resolved before: not carried
o2=$(recv 1.001022 "2026-10-29 09:00")                                            # carried; early (due 3/11)
o3=$(recv 1.001022 "2026-10-30 09:00")                                            # carried; overdue at the end (due 4/11)
ev "$o1" result --at "2026-10-30 10:00"
o4=$(recv 1.001022 "2026-10-30 10:00")                                            # carried; withdrawn
ev "$o2" result --at "2026-11-02 10:00"
ev "$c2" result --at "2026-11-03 09:00"
ev "$o4" withdraw --at "2026-11-05 09:00"
n1=$(recv 1.001193 "2026-11-10 09:00")                                            # new; on time
n2=$(recv 1.001193 "2026-11-10 09:30")                                            # new; late
ev "$n1" result --at "2026-11-10 16:00"
ev "$n2" result --at "2026-11-11 09:00"
n5=$(recv 1.001193 "2026-11-12 09:00"); ev "$n5" refuse --reason "Không thuộc thẩm quyền" --at "2026-11-12 09:05"  # refused only
n6=$(recv 1.001193 "2026-11-13 09:00"); M --officer truong --password-file "$PWF" event "$n6" cancel --reason "Nhập nhầm" --at "2026-11-14 09:00" >/dev/null  # nowhere
n7=$(recv 1.001193 "2026-11-16 09:00"); ev "$n7" result --at "2026-11-16 10:00"; ev "$n7" return --rating very_satisfied --at "2026-11-17 09:00"  # on time
M --officer lan --password-file "$PWF" guide --procedure 1.001193 --name "Khách hướng dẫn" --id 087084000100 --docs 1 --at "2026-11-18 09:00" >/dev/null  # guided
c1=$(recv 2.000815 "2026-11-20 09:00"); ev "$c1" result --at "2026-11-20 10:00"   # new; on time
n4=$(recv 1.001022 "2026-11-26 09:00")                                            # new; within, paused
n3=$(recv 1.001022 "2026-11-27 09:00")                                            # new; within (due 2/12)
ev "$n4" pause --reason "Thiếu giấy tờ" --at "2026-11-27 09:00"
a1=$(recv 1.001193 "2026-12-02 09:00")                                            # after the period

run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$rc" 0 "summary --format json: exit 0"
j=$out
cell() { jget "$j" "$1"; }
# every cell of the total, worked out by hand above
is "$(cell '$.total.carried_over')" 4 "total carried over: o2 o3 o4 c2"
is "$(cell '$.total.received_new')" 6 "total received new: n1 n2 n3 n4 n7 c1 (not n5 refused, n6 cancelled)"
is "$(cell '$.total.received_online')" 0 "total received online"
is "$(cell '$.total.resolved_early')" 1 "total resolved early: o2"
is "$(cell '$.total.resolved_on_time')" 3 "total resolved on time: n1 n7 c1"
is "$(cell '$.total.resolved_late')" 2 "total resolved late: n2 c2"
is "$(cell '$.total.in_progress_within')" 2 "total in progress within time: n3 n4"
is "$(cell '$.total.in_progress_overdue')" 1 "total in progress overdue: o3"
is "$(cell '$.total.guided')" 1 "total guided"
is "$(cell '$.total.refused')" 1 "total refused: n5"
is "$(cell '$.total.withdrawn')" 1 "total withdrawn: o4"
is "$(cell '$.total.paused')" 1 "total paused: n4"
is "$(cell '$.total.on_time_rate')" 66.67 "total on-time rate: 4 of 6"
is "$(cell '$.total.satisfaction.very_satisfied')" 1 "satisfaction: one very satisfied"
is "$(jlen "$j" '$.fields')" 2 "two fields"
is "$(cell '$.fields[0].field')" "Chứng thực" "fields in Vietnamese order: Chứng thực first"
is "$(cell '$.fields[1].field')" "Hộ tịch" "then Hộ tịch"
f=1	# Hộ tịch
is "$(cell "\$.fields[$f].carried_over")|$(cell "\$.fields[$f].received_new")" "3|5" "Hộ tịch: carried 3, new 5"
is "$(cell "\$.fields[$f].resolved_early")|$(cell "\$.fields[$f].resolved_on_time")|$(cell "\$.fields[$f].resolved_late")" "1|2|1" "Hộ tịch: early 1, on time 2, late 1"
is "$(cell "\$.fields[$f].in_progress_within")|$(cell "\$.fields[$f].in_progress_overdue")" "2|1" "Hộ tịch: within 2, overdue 1"
is "$(cell "\$.fields[$f].guided")|$(cell "\$.fields[$f].refused")|$(cell "\$.fields[$f].withdrawn")|$(cell "\$.fields[$f].paused")" "1|1|1|1" "Hộ tịch: guided, refused, withdrawn, paused"
is "$(cell "\$.fields[$f].on_time_rate")" 75.0 "Hộ tịch: 75 % on time"
f=0	# Chứng thực
is "$(cell "\$.fields[$f].carried_over")|$(cell "\$.fields[$f].received_new")|$(cell "\$.fields[$f].resolved_on_time")|$(cell "\$.fields[$f].resolved_late")|$(cell "\$.fields[$f].on_time_rate")" "1|1|1|1|50.0" "Chứng thực: every cell"
# the identity, for every row
for p in '$.total' '$.fields[0]' '$.fields[1]'; do
	lhs=$(( $(cell "$p.carried_over") + $(cell "$p.received_new") ))
	rhs=$(( $(cell "$p.resolved_early") + $(cell "$p.resolved_on_time") + $(cell "$p.resolved_late") + $(cell "$p.in_progress_within") + $(cell "$p.in_progress_overdue") + $(cell "$p.withdrawn") ))
	is "$lhs" "$rhs" "identity carried + new = resolved + in progress + withdrawn ($p)"
done

# a period with nothing resolved: the rate is null
run --db "$db" report summary --from 2026-12-02 --to 2026-12-02 --format json
is "$(jget "$out" '$.total.on_time_rate')" "" "no result in the period: on_time_rate is null"
is "$(jget "$out" '$.total.received_new')" 1 "the day after: a1"
# October: what October saw
run --db "$db" report summary --from 2026-10-01 --to 2026-10-31 --format json
is "$(jget "$out" '$.total.received_new')|$(jget "$out" '$.total.resolved_on_time')|$(jget "$out" '$.total.resolved_early')" "5|0|1" "October: 5 received, o1 early"

# text and CSV
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30
like "$out" "Hộ tịch +3 +5 +1 +2 +1 +2 +1 +1 +75.00" "text: the Hộ tịch row"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format csv
printf '%s' "$out" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'; ok "csv: starts with the UTF-8 BOM"
like "$out" "Hộ tịch,3,5,0,1,2,1,2,1,1,1,1,1,1,0,0,75.00" "csv: the Hộ tịch row"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format csv --encoding viscii
is "$rc" 0 "csv in VISCII"
"$MOTCUA" --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format csv --encoding cp1258 > "$T/s.csv"
is "$(iconv -f CP1258 -t UTF-8 "$T/s.csv" | grep -c 'Hộ tịch,3,5')" 1 "csv in CP1258 reads back"

# bad input
run --db "$db" report summary --from 2026-11-30 --to 2026-11-01
is "$rc" 1 "a period that ends before it starts: exit 1"
run --db "$db" report summary --from 2026-11-31 --to 2026-12-01
is "$rc" 1 "a bad date: exit 1"
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format xml
is "$rc" 1 "an unknown format: exit 1"
run --db "$db" report summary --from 2026-11-01
is "$rc" 2 "a missing --to: usage"
run --db "$db" report frobnicate
is "$rc" 2 "an unknown report: usage"

# the logbook (Mẫu 06) and the officers' day
run --db "$db" report logbook --from 2026-11-01 --to 2026-11-30
is "$(echo "$out" | grep -c '^ *[0-9]*  000.17.22.H56-')" 8 "logbook: the 8 dossiers received in November (n1–n7, c1)"
run --db "$db" report logbook --from 2026-11-01 --to 2026-11-30 --format csv
like "$out" "TT,Mã hồ sơ,Tên TTHC" "logbook csv: Mẫu 06 headings"
like "$out" "$n5,.*từ chối" "logbook csv: the refusal is noted"
run --db "$db" report officer --date 2026-11-10
like "$out" "lan +2 +0 +0 +0" "officer: lan received 2 on 10/11, no fee"
run --db "$db" report officer --date 2026-11-17
like "$out" "lan +0 +1 +0" "officer: lan returned 1 on 17/11"
# an empty database: every report is made, with zero figures (no row to
# sort, nothing to list)
e="$T/empty.db"
"$MOTCUA" --db "$e" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 2 >/dev/null
run --db "$e" report summary --from 2026-11-01 --to 2026-11-30
is "$rc" 0 "an empty database: report summary exits 0"
like "$out" "^Total +0 +0 +0 +0 +0 +0 +0 +0 +-$" "an empty database: the total, all zero, no rate"
run --db "$e" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$rc|$(jget "$out" '$.total.received_new')|$(jlen "$out" '$.fields')|$(jget "$out" '$.total.satisfaction.satisfied')" "0|0|0|0" "an empty database: the JSON, no field, zero figures"
run --db "$e" report summary --from 2026-11-01 --to 2026-11-30 --format csv
is "$rc|$(printf '%s\n' "$out" | tr -d '\r' | tail -1)" "0|Total,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0,,0," "an empty database: the CSV total"
run --db "$e" report logbook --from 2026-11-01 --to 2026-11-30
is "$rc" 0 "an empty database: the logbook exits 0"
done_testing
