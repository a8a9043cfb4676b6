# address.sh — in Vietnamese at 80x24: the citizen's address is required
# by default (the setting require_address): F2 step 3 shows it without
# "(không bắt buộc)", as the name, and an empty address stops there, Enter
# or F8 alike, with a message naming the field, no dossier written; typed,
# the receipt goes through.  With require_address 0 the field says
# "(không bắt buộc)" and an empty address passes.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

# to_applicant — from the main screen, F2, birth registration with its
# required documents, on to step 3
to_applicant() {
	tm send-keys F2
	wait_for "1/4"
	tm send-keys -l dkks
	wait_for "1\.001193"
	tm send-keys Enter
	wait_for "2/4"
	tm send-keys a Enter
	wait_for "3/4"
}
sum=$(datasum "$db")
START_ENV="LANGUAGE=vi" start
to_applicant
s=$(screen)
diag "$s"
addr=$(printf '%s\n' "$s" | grep -E "^ +Địa chỉ")
like "$addr" "Địa chỉ" "step 3: the address field is on the screen"
unlike "$addr" "không bắt buộc" "the address is not marked optional: required, like the name"
like "$(printf '%s\n' "$s" | grep -E "^ +Ngày sinh")" "không bắt buộc" \
    "(the date of birth is marked optional)"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
tm send-keys Enter Enter Enter
wait_for "không gọi được|điện thoại"
# the focus is on the address, empty: Enter stops there
tm send-keys Enter
wait_for "yêu cầu địa chỉ"; ok "an empty address: Enter stops with a message"
s=$(screen)
diag "$s"
like "$s" "quầy này yêu cầu địa chỉ của công dân" "the message, in Vietnamese, names the address"
like "$s" "3/4" "still at step 3"
unlike "$s" "4/4" "not on to the summary"
unlike "$s" "address is required" "no English in the message"
# F8 takes every field and goes to the summary: it stops on the address too
tm send-keys F8
sleep 0.3
like "$(screen)" "yêu cầu địa chỉ" "F8 with an empty address: the same message"
unlike "$(screen)" "4/4" "F8: not on to the summary"
is "$(q 'SELECT count(*) FROM dossier')" 0 "no dossier is written"
is "$(datasum "$db")" "$sum" "the database is unchanged"
# the address typed: the receipt goes through
tm send-keys -l "Aaps 3, xax Myx An"
tm send-keys Enter Enter Enter
wait_for "4/4"; ok "the address typed: on to the summary"
tm send-keys Enter
wait_for "Tiếp nhận hồ sơ này|tiếp nhận hồ sơ này"
tm send-keys Enter
wait_for "Mẫu 01"; ok "received: the slip"
is "$(q 'SELECT count(*) || address FROM dossier')" "1Ấp 3, xã Mỹ An" "one dossier, with its address"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"

# with require_address 0: marked optional, and an empty address passes
tui_fresh
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set require_address 0 >/dev/null
ok "setting set require_address 0"
START_ENV="LANGUAGE=vi" start
to_applicant
s=$(screen)
diag "$s"
like "$(printf '%s\n' "$s" | grep -E "^ +Địa chỉ")" "không bắt buộc" \
    "require_address 0: the address is marked optional"
tm send-keys -l 087084000998
tm send-keys Enter
tm send-keys -l "Lee Thij Hoa"
tm send-keys Enter Enter Enter
wait_for "không gọi được|điện thoại"
tm send-keys C-u Enter Enter Enter
wait_for "4/4"; ok "require_address 0: an empty address goes on to the summary"
tm send-keys Enter
wait_for "Tiếp nhận hồ sơ này|tiếp nhận hồ sơ này"
tm send-keys Enter
wait_for "Mẫu 01"; ok "received without an address"
is "$(q "SELECT count(*) FROM dossier WHERE coalesce(address, '') = ''")" 1 \
    "the second dossier has no address"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
