# actions.sh — in Vietnamese: the everyday facts (the phone and the days
# overdue on a dossier's detail, the phone on the due board, the
# procedure under each F3 result); then a dossier's actions keep their
# letters whatever the status: x, the apology (Xin lỗi, hẹn lại), on a
# received, a processing and a paused dossier, on the same row each time;
# an empty reason is refused before the confirmation, in Vietnamese and
# naming the step by its label; ↑ and ↓ go from field to field; the
# database after each.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
M() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" "$@"; }
rcv() {	# rcv NAME ID AT [PHONE] — prints the new code (death registration)
	M receive --address "$ADDR" --procedure 1.001193 --name "$1" --id "$2" ${4:+--phone "$4"} --at "$3" | head -1
}
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-16 09:00" "0912 345 678")
b=$(rcv "Nguyễn Thị Bình" 087184000123 "2026-11-17 09:00")
c=$(rcv "Lê Văn Cường" 087084000998 "2026-11-18 09:00")
M event "$b" handover --to "Phạm Văn Tư" --at "2026-11-19 10:00" >/dev/null
M event "$c" pause --reason "Chờ bổ sung" --at "2026-11-19 11:00" >/dev/null
is "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM dossier ORDER BY received)")" \
    "received processing paused" "three dossiers: received, processing, paused"
is "$(q "SELECT phone FROM dossier WHERE code = '$a'")" 0912345678 "a's phone, as stored"
# a's appointment is days before the clock's 20/11 (the due board's count)
late=$(q "SELECT CAST(julianday('2026-11-20') - julianday(substr(appointment, 1, 10)) AS INT)
    FROM dossier WHERE code = '$a'")
check "a is overdue ($late days)" test "$late" -gt 0
proc=$(q "SELECT procedure_code || ' ' || procedure_name FROM dossier WHERE code = '$a'")
proc2=$(printf '%s' "$proc" | cut -d' ' -f1-3)	# its first words
sum=$(datasum "$db")

START_ENV="LANGUAGE=vi" start
# ---- F3: the procedure under each result
tm send-keys F3
wait_for "Tìm:"
tm send-keys -l "nguyen"
tm send-keys Enter
wait_for "2 / 2|2 của 2|tìm thấy"
s=$(screen)
diag "$s"
row=$(printf '%s\n' "$s" | grep -n "$a" | cut -d: -f1)
next=$(printf '%s\n' "$s" | sed -n "$((row + 1))p")
like "$next" "^ +$proc2" "F3: the procedure under a's row ($proc2)"
row=$(printf '%s\n' "$s" | grep -n "$b" | cut -d: -f1)
like "$(printf '%s\n' "$s" | sed -n "$((row + 1))p")" "^ +$proc2" "F3: and under b's"
# ---- the detail: the phone, the days overdue
tm send-keys C-u
tm send-keys -l "$a"
tm send-keys Enter
wait_for "Lịch sử"
s=$(screen)
diag "$s"
like "$s" "Điện thoại +0912345678" "the detail: the phone"
like "$s" "đã tiếp nhận, quá hạn $late ngày" "the detail: overdue $late days, beside the status"
tm send-keys Escape
wait_for "Tìm:"
tm send-keys C-u
tm send-keys -l "$c"
tm send-keys Enter
wait_for "Lịch sử"
s=$(screen)
like "$s" "Điện thoại +\(không có\)" "a dossier without a phone says so"
unlike "$s" "quá hạn" "a paused dossier is not overdue"
tm send-keys Escape
wait_for "Tìm:"
tm send-keys Escape
wait_for "F2 "
# ---- F5: the highlighted dossier's phone under the board
tm send-keys F5
wait_for "Quá hạn"
s=$(screen)
diag "$s"
like "$s" "Điện thoại: 0912345678 · Nguyễn Văn An · $proc2" "the due board: a's phone, name, procedure"
tm send-keys Down
wait_for "Điện thoại: \(không có\) · Nguyễn Thị Bình"; ok "↓: b's, without a phone"
tm send-keys Escape
wait_for "F2 "
is "$(datasum "$db")" "$sum" "looking wrote nothing"

# open CODE — F3, the code, its detail, its actions
open_actions() {
	tm send-keys F3
	wait_for "Tìm:"
	tm send-keys -l "$1"
	tm send-keys Enter
	wait_for "Lịch sử"
	tm send-keys Enter
	wait_for "p  Phiếu kiểm soát"
}
xrow() { screen | grep -n "x  Xin lỗi, hẹn lại (Mẫu 04)" | cut -d: -f1; }
# ---- received: x, an empty reason refused before the confirmation
open_actions "$a"
s=$(screen)
diag "$s"
like "$s" "d  Tạm dừng *$" "received: pause offered under d"
like "$s" "t  Tiếp tục giải quyết  \(không dùng khi đã tiếp nhận\)" \
    "received: resume dimmed under t, with why"
r_a=$(xrow)
check "received: the apology is listed" test -n "$r_a"
tm send-keys x
wait_for "Lý do:"; ok "x opens the apology's form"
tm send-keys Enter
tm send-keys -l "27/11/2026"
tm send-keys Enter
wait_for "Giờ: +17:00"
tm send-keys Enter
wait_for "cần có lý do"; ok "Enter on the last field: the reason is missing"
s=$(screen)
diag "$s"
like "$s" "bước 'Xin lỗi, hẹn lại \(Mẫu 04\)' cần có lý do" "in Vietnamese, the step by its label"
unlike "$s" "'apologize'|needs" "no English word"
unlike "$s" "$a: Xin lỗi, hẹn lại \(Mẫu 04\)\?" "no confirmation was asked"
is "$(datasum "$db")" "$sum" "nothing written"
# the focus went back to the reason: what is typed lands there
tm send-keys -l "Chowf xacs minh"
wait_for "Lý do: +Chờ xác minh"; ok "the reason is typed where it is missing"
tm send-keys Enter Enter Enter
wait_for "\?"; ok "now the confirmation"
tm send-keys Enter
wait_for "Mẫu 04"
tm send-keys Escape
wait_for "Lịch sử"
is "$(q "SELECT json_extract(e.body, '\$.reason') || '|' || substr(json_extract(e.body,
    '\$.new_date'), 1, 10) FROM event e JOIN dossier d ON d.id = e.dossier
    WHERE e.kind = 'apologize' AND d.code = '$a'")" "Chờ xác minh|2026-11-27" \
    "the database: a's apology, its reason and new date"
unlike "$(screen)" "quá hạn" "a's new date: no longer overdue"
tm send-keys Escape Escape
wait_for "F2 "

# ---- processing: the same letter on the same row; ↑ ↓ between fields
open_actions "$b"
s=$(screen)
like "$s" "c  Chuyển cán bộ chuyên môn *$" "processing: hand over still c"
is "$(xrow)" "$r_a" "processing: the apology on the same row"
tm send-keys x
wait_for "Lý do:"
tm send-keys Down Down Up
tm send-keys -l "28/11/2026"
tm send-keys Up
tm send-keys -l "Cho lanh dao duyet"
wait_for "Lý do: +Cho lanh dao duyet"
s=$(screen)
like "$s" "Ngày hẹn mới: +28/11/2026" "↓ ↓ ↑: the date went to the new date"
like "$s" "Giờ: +17:00" "the time untouched"
tm send-keys Down Down
tm send-keys Enter
wait_for "\?"; ok "↓ to the last field, Enter: the confirmation"
tm send-keys Enter
wait_for "Mẫu 04"
tm send-keys Escape
wait_for "Lịch sử"
is "$(q "SELECT json_extract(e.body, '\$.reason') || '|' || substr(json_extract(e.body,
    '\$.new_date'), 1, 10) FROM event e JOIN dossier d ON d.id = e.dossier
    WHERE e.kind = 'apologize' AND d.code = '$b'")" "Cho lanh dao duyet|2026-11-28" \
    "the database: b's apology, the fields as moved to"
tm send-keys Escape Escape
wait_for "F2 "

# ---- paused: still x, still on its row; resume is offered now
open_actions "$c"
s=$(screen)
diag "$s"
like "$s" "t  Tiếp tục giải quyết *$" "paused: resume offered under t"
like "$s" "d  Tạm dừng  \(không dùng khi tạm dừng\)" "paused: pause dimmed, with why"
is "$(xrow)" "$r_a" "paused: the apology on the same row"
tm send-keys X
wait_for "Lý do:"; ok "X (Caps Lock) is x"
tm send-keys -l "Chowf giaays tows"
tm send-keys Enter
tm send-keys -l "30/11/2026"
tm send-keys Enter Enter
wait_for "\?"
tm send-keys Enter
wait_for "Mẫu 04"
tm send-keys Escape
wait_for "Lịch sử"
is "$(q "SELECT substr(json_extract(e.body, '\$.new_date'), 1, 10) FROM event e
    JOIN dossier d ON d.id = e.dossier WHERE e.kind = 'apologize' AND d.code = '$c'")" \
    2026-11-30 "the database: c's apology"
is "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM dossier ORDER BY received)")" \
    "received processing paused" "an apology changes no status"
is "$(q "SELECT count(*) FROM event WHERE kind = 'apologize'")" 3 "three apologies in all"
tm send-keys Escape Escape
wait_for "F2 "
tm send-keys F10
wait_for "EXITED"
done_testing
