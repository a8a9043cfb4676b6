# phone-mark.sh — F2 step 3 at 80x24: the phone field carries
# "(optional)" / "(không bắt buộc)" like the other optional fields when
# the setting require_phone is 0 (the default), and not when it is 1 (then
# an empty phone stops the receipt, no dossier written); a supplement
# request never requires it, so it is marked there even with 1.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

# to_applicant [KEYS] — from the main screen, F2, birth registration, its
# documents ticked with KEYS (a: the required ones), on to step 3
to_applicant() {
	tm send-keys F2
	wait_for "1/4"
	tm send-keys -l dkks
	wait_for "1\.001193"
	tm send-keys Enter
	wait_for "2/4"
	[ -z "${1:-}" ] || tm send-keys "$1"
	tm send-keys Enter
	wait_for "3/4"
}
# row LABEL — the screen's line of a field
row() { screen | grep -E "^ +$1"; }

is "$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" setting get require_phone)" 0 "require_phone is 0 (its default)"
start
to_applicant a
diag "$(screen)"
like "$(row Phone)" "^ +Phone .* \(optional\)$" "require_phone 0: the phone is marked (optional)"
like "$(row "E-mail")" "\(optional\)$" "(as the e-mail)"
unlike "$(row "Full name")" "optional" "(the name is not)"

tui_fresh
START_ENV="LANGUAGE=vi" start
to_applicant a
like "$(row "Điện thoại")" "^ +Điện thoại .* \(không bắt buộc\)$" \
    "in Vietnamese: (không bắt buộc)"

tui_fresh
MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set require_phone 1 >/dev/null
ok "setting set require_phone 1"
is "$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" setting get require_phone)" 1 "the database holds it"
sum=$(datasum "$db")
START_ENV="LANGUAGE=vi" start
to_applicant a
diag "$(screen)"
like "$(row "Điện thoại")" "Điện thoại" "require_phone 1: the phone field is there"
unlike "$(row "Điện thoại")" "không bắt buộc" "require_phone 1: not marked optional"
like "$(row "Ngày sinh")" "không bắt buộc" "(the date of birth still is)"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
tm send-keys Enter Enter Enter
wait_for "quầy này yêu cầu số điện thoại"; ok "an empty phone stops with a message"
like "$(screen)" "3/4" "still at step 3"
is "$(q 'SELECT count(*) FROM dossier')" 0 "no dossier is written"

# a supplement request (documents missing) does not require the phone
tui_fresh
START_ENV="LANGUAGE=vi" start
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
wait_for "1\.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys Enter
wait_for "Lập phiếu yêu cầu bổ sung"
tm send-keys y
wait_for "3/4"; ok "documents missing, the supplement request: step 3"
like "$(screen)" "Mẫu 02" "it says so"
like "$(row "Điện thoại")" "không bắt buộc" "the supplement request: the phone marked optional"
is "$(datasum "$db")" "$sum" "the database is unchanged"
tm kill-server
done_testing
