# stop.sh — "dừng giải quyết" at the screen, in Vietnamese, at 80x24: a
# dossier's actions list the stop under its letter s; an empty reason is
# refused before the confirmation; the reason and the legal ground are
# asked, then the confirmation; the database holds the stop, its reason
# and ground, and the dossier is stopped.  On a dossier whose result is
# ready, s is dimmed, with why, and pressing it writes nothing.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
M() { "$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" "$@"; }
rcv() {	# rcv NAME ID AT — prints the new code (death registration)
	M receive --procedure 1.001193 --name "$1" --id "$2" --address "$ADDR" --at "$3" | head -1
}
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-18 09:00")
b=$(rcv "Nguyễn Thị Bình" 087184000123 "2026-11-18 09:30")
M event "$a" handover --to "Phạm Văn Tư" --at "2026-11-19 10:00" >/dev/null
M event "$b" result --at "2026-11-19 10:30" >/dev/null
sum=$(datasum "$db")

START_ENV="LANGUAGE=vi" start
open_actions() {
	tm send-keys F3
	wait_for "Tìm:"
	tm send-keys -l "$1"
	tm send-keys Enter
	wait_for "Lịch sử"
	tm send-keys Enter
	wait_for "p  Phiếu kiểm soát"
}
# ---- a dossier being resolved: s offered
open_actions "$a"
s=$(screen)
diag "$s"
like "$s" "s  Dừng giải quyết hồ sơ *$" "processing: the stop offered under s"
like "$s" "x  Xin lỗi, hẹn lại \(Mẫu 04\)" "the other steps keep their letters"
tm send-keys s
wait_for "Căn cứ:"; ok "s opens the stop's form: the legal ground asked"
like "$(screen)" "Lý do:" "and the reason"
tm send-keys Enter Enter
wait_for "cần có lý do"; ok "an empty reason: refused"
s=$(screen)
diag "$s"
like "$s" "bước 'Dừng giải quyết hồ sơ' cần có lý do" "in Vietnamese, the step by its label"
unlike "$s" "$a: Dừng giải quyết hồ sơ\?" "no confirmation was asked"
is "$(datasum "$db")" "$sum" "nothing written"
tm send-keys -l "Hoof sow cos tranh chaaps"
wait_for "Lý do: +Hồ sơ có tranh chấp"; ok "the reason is typed where it was missing (Telex)"
tm send-keys Enter
tm send-keys -l "Khoarn 2 Ddieeuf 20"
wait_for "Căn cứ: +Khoản 2 Điều 20"; ok "the legal ground typed"
tm send-keys Enter
wait_for "\?"; ok "now the confirmation"
s=$(screen)
diag "$s"
tm send-keys Enter
# recorded: the stop notice (form 5 of Circular 03/2025) is shown, saved,
# ready to print, as the apology shows its form
wait_for "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"; ok "the stop notice is shown"
s=$(screen)
diag "$s"
like "$s" "Thông báo dừng giải quyết hồ sơ \(Mẫu 05\)" "under its title"
tm send-keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for "Căn cứ: Khoản 2 Điều 20"; ok "the notice gives the legal ground"
like "$(screen)" "Lý do: Hồ sơ có tranh chấp" "and the reason"
test -f "$(dirname "$db")/slips/mau06-$a.txt"; ok "the notice is saved as mau06-CODE.txt"
tm send-keys Escape
wait_for "Lịch sử"
s=$(screen)
diag "$s"
like "$s" "dừng giải quyết" "the detail: the dossier is stopped"
is "$(q "SELECT json_extract(e.body, '\$.reason') || '|' || json_extract(e.body, '\$.ground')
    || '|' || d.status FROM event e JOIN dossier d ON d.id = e.dossier
    WHERE e.kind = 'stop' AND d.code = '$a'")" "Hồ sơ có tranh chấp|Khoản 2 Điều 20|stopped" \
    "the database: the stop, its reason and ground; the dossier stopped"
tm send-keys Escape Escape
wait_for "F2 "
# ---- a result ready: s dimmed, with why; pressing it writes nothing
sum=$(datasum "$db")
open_actions "$b"
s=$(screen)
diag "$s"
like "$s" "s  Dừng giải quyết hồ sơ  \(không dùng khi có kết quả\)" \
    "result ready: the stop dimmed under s, with why"
tm send-keys s
sleep 0.3
unlike "$(screen)" "Căn cứ:" "s on a dimmed step opens no form"
is "$(datasum "$db")" "$sum" "nothing written"
tm send-keys Escape Escape Escape
wait_for "F2 "
tm send-keys F10
wait_for "EXITED"
done_testing
