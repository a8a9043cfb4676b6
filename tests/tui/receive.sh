# receive.sh — a complete receipt on the screen, the name typed in Telex:
# procedure by initials, documents, applicant, summary, commit, the slip
# saved at once and printed with p; then the database.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

start
tm send-keys F2
wait_for "1/4"; ok "F2 opens the procedure step"
tm send-keys -l dkks
wait_for "1.001193 +Thủ tục đăng ký khai sinh "; ok "initials find Đăng ký khai sinh"
like "$(screen)" "same day +free" "the row shows the time limit and the fee"
tm send-keys Enter
wait_for "2/4"; ok "Enter picks the procedure"
like "$(screen)" "\[ \]  1\. Tờ khai đăng ký khai sinh" "documents start unchecked"
like "$(screen)" "original ×1 \*" "form, quantity and the required mark"
tm send-keys Space
wait_for "\[x\]  1\."; ok "Space checks the highlighted document"
tm send-keys a
wait_for "Received 2 of 4"; ok "a marks the two required documents, not the conditional ones"
tm send-keys a
wait_for "Received 0 of 4"; ok "a again clears all"
tm send-keys 2 Space
wait_for "Received 1 of 4"; ok "a digit jumps to the item"
like "$(screen)" "\[x\]  2\." "item 2 is the one checked"
tm send-keys a Enter
wait_for "3/4"; ok "Enter goes on to the applicant"

tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
wait_for "Nguyễn Văn An"; ok "Telex composes the name as it is typed"
tm send-keys Enter
tm send-keys -l "31/02/1984"
tm send-keys Enter
wait_for "not a date"; ok "a wrong date keeps the cursor with a message"
tm send-keys C-u
tm send-keys -l "15/03/1984"
tm send-keys Enter
tm send-keys -l "12345"
tm send-keys Enter
sleep 0.3
like "$(screen)" "phone" "a short phone number is refused with a message"
tm send-keys C-u
tm send-keys -l "0912 345 678"
tm send-keys Enter
tm send-keys -l "Aaps 3, xax Myx An"
tm send-keys Enter
wait_for "Ấp 3, xã Mỹ An"; ok "Telex in the address"
tm send-keys Enter Space Enter
wait_for "4/4"; ok "after the last field: the summary"
s=$(screen)
like "$s" "Applicant +Nguyễn Văn An +\(ID 087084000999\)" "summary: applicant"
like "$s" "Due +2026-11-20 17:00" "summary: the due date"
like "$s" "by post" "summary: returned by post"
like "$s" "Fee +free" "summary: the fee"
is "$(q 'SELECT count(*) FROM dossier')" 0 "nothing is written before the confirm"
tm send-keys Enter
wait_for "Receive this dossier"; ok "Enter asks for confirmation"
tm send-keys Enter
wait_for "Mẫu 01"; ok "the slip is shown"
code=$(q "SELECT code FROM dossier")
like "$code" "^000\.17\.22\.H56-261120-[0-9]{4}$" "a dossier code"
like "$(screen)" "Dossier $code received" "the code is on the bottom line"
slip="$T/slips/$code.txt"
check "the slip was saved at once" test -f "$slip"
for f in "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" "Mã hồ sơ: $code" "Liên 1: Lưu" \
    "Liên 2: Giao khách hàng" "Nguyễn Văn An" "Ấp 3, xã Mỹ An" "0912345678" \
    "Thủ tục đăng ký khai sinh" "Tờ khai đăng ký khai sinh" \
    "ngày 20 tháng 11 năm 2026" "UBND XÃ MỸ AN"; do
	check "the slip shows: $f" grep -qF "$f" "$slip"
done
tm send-keys PageDown
tm send-keys p
wait_for "Sent to the printer"; ok "p prints the slip"
check "the print command got the slip" cmp -s "$slip" "$T/printed.txt"

is "$(q 'SELECT applicant_name FROM dossier')" "Nguyễn Văn An" "the stored name"
is "$(q 'SELECT length(applicant_name) FROM dossier')" 13 "the stored name is NFC (13 characters)"
is "$(q "SELECT hex(applicant_name) FROM dossier")" "$(printf 'Nguy\341\273\205n V\304\203n An' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "the stored name is precomposed (NFC) bytes"
is "$(q 'SELECT address FROM dossier')" "Ấp 3, xã Mỹ An" "the stored address"
is "$(q 'SELECT phone || birth_date || delivery FROM dossier')" "09123456781984-03-15post" "phone, birth date, delivery"
is "$(q "SELECT count(*) FROM event WHERE kind = 'receive'")" 1 "one receive event"
is "$(q "SELECT officer || ' ' || status FROM dossier")" "lan received" "officer and status"
is "$(q "SELECT json_array_length(documents) FROM dossier")" 4 "the document list is kept"
tm send-keys Escape
wait_for "Main menu"; ok "Esc from the slip goes back to the main screen"
like "$(screen)" "Due today: 1" "the header counts the new dossier"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
