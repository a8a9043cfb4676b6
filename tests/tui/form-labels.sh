# form-labels.sh — F3 (the dossier's detail and its actions) and F5 (the
# due board's dossier) name the forms as the form set numbers them
# (slip_form_set): under 2025, the default, the control sheet is Mẫu 06 and
# the stop notice Mẫu 05; under 2018 the control sheet is Mẫu 05 and the
# stop notice, borrowed from Circular 03/2025, says so.  In English and
# Vietnamese at 80x24; the control sheet is saved under the same file name
# in both sets.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
M() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" "$@"; }
rcv() {	# rcv NAME ID AT — prints the new code
	M receive --procedure 1.001193 --name "$1" --id "$2" --address "$ADDR" --at "$3" | head -1
}
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-18 09:00")
b=$(rcv "Nguyễn Thị Bình" 087184000123 "2026-11-18 09:30")
c=$(rcv "Lê Văn Cường" 087084000777 "2026-11-19 09:00")
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ]; ok "three dossiers received"

# detail CODE — F3, the code, its detail
detail() {
	tm send-keys F3
	wait_for "Find:|Tìm:"
	tm send-keys -l "$1"
	tm send-keys Enter
	wait_for "History|Quá trình xử lý"
}
# stop CODE — from its detail, the actions, s, a reason, confirmed
stop() {
	tm send-keys Enter
	wait_for "s  "
	tm send-keys s
	wait_for "Reason:|Lý do:"
	tm send-keys -l "hoso tranh chap"
	tm send-keys Enter Enter
	wait_for "\?"
	tm send-keys Enter
}
# ---- 2025 (the default)
is "$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" setting get form_set)" 2025 "form_set is 2025"
start
detail "$a"
like "$(screen)" "p: control sheet \(Mẫu 06\) +Esc: back" "2025, the detail: p: control sheet (Mẫu 06)"
tm send-keys Enter
wait_for "p  Control sheet"
like "$(screen)" "p  Control sheet \(Mẫu 06\): preview, print" "2025, the actions: Mẫu 06"
unlike "$(screen)" "Mẫu 05" "2025, the actions: no Mẫu 05"
tm send-keys p
wait_for "PHIẾU KIỂM SOÁT"; ok "p shows the control sheet"
like "$(screen)" "Control sheet \(Mẫu 06\)" "2025: under the title Mẫu 06"
check "2025: saved as mau05-CODE.txt" test -s "$T/slips/mau05-$a.txt"
rm -f "$T/slips/mau05-$a.txt"
tm send-keys Escape
wait_for "p  Control sheet"
tm send-keys Escape
wait_for "History"
stop
wait_for "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"; ok "2025: the stop notice is shown"
like "$(screen)" "Stop notice \(Mẫu 05\)" "2025: the stop notice is Mẫu 05"
is "$(q "SELECT status FROM dossier WHERE code = '$a'")" stopped "the database: a is stopped"

# ---- 2018
tui_fresh
MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set form_set 2018 >/dev/null
is "$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" setting get form_set)" 2018 "form_set 2018"
start
detail "$b"
like "$(screen)" "p: control sheet \(Mẫu 05\) +Esc: back" "2018, the detail: p: control sheet (Mẫu 05)"
tm send-keys Enter
wait_for "p  Control sheet"
like "$(screen)" "p  Control sheet \(Mẫu 05\): preview, print" "2018, the actions: Mẫu 05"
tm send-keys p
wait_for "PHIẾU KIỂM SOÁT"; ok "2018: p shows the control sheet"
like "$(screen)" "Control sheet \(Mẫu 05\)" "2018: under the title Mẫu 05"
check "2018: saved as mau05-CODE.txt too" test -s "$T/slips/mau05-$b.txt"
tm send-keys Escape
wait_for "p  Control sheet"
tm send-keys Escape
wait_for "History"
stop
wait_for "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"; ok "2018: the stop notice is shown"
like "$(screen)" "Stop notice \(Mẫu 05 of Circular 03/2025\)" "2018: the stop notice says whose Mẫu 05"
is "$(q "SELECT status FROM dossier WHERE code = '$b'")" stopped "the database: b is stopped"

# ---- in Vietnamese, both sets, from F5's due board too
tui_fresh
START_ENV="LANGUAGE=vi" start
detail "$c"
like "$(screen)" "p: phiếu kiểm soát \(Mẫu 05\)" "2018 in Vietnamese: Mẫu 05"
tm send-keys Escape
wait_for "F10"
tm send-keys F5
wait_for "Lê Văn Cường"
tm send-keys Enter
wait_for "Quá trình xử lý"; ok "F5: Enter opens the dossier"
like "$(screen)" "p: phiếu kiểm soát \(Mẫu 05\)" "F5, 2018: Mẫu 05"
tui_fresh
MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set form_set 2025 >/dev/null
START_ENV="LANGUAGE=vi" start
tm send-keys F5
wait_for "Lê Văn Cường"
tm send-keys Enter
wait_for "Quá trình xử lý"
like "$(screen)" "p: phiếu kiểm soát \(Mẫu 06\)" "F5, 2025: Mẫu 06"
tm send-keys Enter
wait_for "p  Phiếu kiểm soát"
like "$(screen)" "p  Phiếu kiểm soát \(Mẫu 06\): xem, in" "F5, 2025, the actions: Mẫu 06"
tm kill-server
done_testing
