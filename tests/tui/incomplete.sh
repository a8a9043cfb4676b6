# incomplete.sh — a required document missing: the supplement request
# (Mẫu 02) lists every missing item at once, a "guide" event is recorded,
# and no dossier is created.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

start
tm send-keys F2
wait_for "1/4"
tm send-keys -l "khai sinh"
wait_for "1.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys 3 Space Enter
wait_for "Required documents are missing"; ok "Enter with required documents missing says so"
s=$(screen)
like "$s" "1\. Tờ khai đăng ký khai sinh" "the list names the first missing document"
like "$s" "2\. Giấy chứng sinh" "... and the second"
tm send-keys Escape
wait_for "2/4"; ok "Esc goes back to the checklist"
tm send-keys Enter
wait_for "Required documents are missing"
tm send-keys Enter
wait_for "3/4"; ok "Enter: on to the applicant's details"
like "$(screen)" "supplement request" "the form says what it is for"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Lee Thij Hoa"
tm send-keys Enter Enter
tm send-keys -l 0912345678
tm send-keys Enter
tm send-keys -l "Aaps 1"
tm send-keys Enter Enter Enter
wait_for "4/4"; ok "the summary"
like "$(screen)" "Missing +1\. Tờ khai" "the summary lists what is missing"
tm send-keys Enter
wait_for "Record the guidance"; ok "Enter asks for confirmation"
tm send-keys Enter
# "Mẫu 02" is already in the summary and the confirm box: wait for the
# message that follows the commit
wait_for "Guidance recorded"; ok "the supplement request is shown"
is "$(q 'SELECT count(*) FROM dossier')" 0 "no dossier is created"
is "$(q "SELECT count(*) FROM event WHERE kind = 'guide'")" 1 "a guide event is recorded"
# the slip is written right after the screen shows it: give a slow
# (sanitizer) build a moment
i=0
while [ $i -lt 100 ] && ! ls "$T"/slips/*.txt >/dev/null 2>&1; do sleep 0.1; i=$((i + 1)); done
slip=$(ls "$T"/slips/*.txt 2>/dev/null | head -1)
check "the supplement request was saved" test -f "$slip"
check "Mẫu 02 title" grep -qF "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" "$slip"
check "the applicant" grep -qF "Lê Thị Hoa" "$slip"
check "the first missing item" grep -qF "Tờ khai đăng ký khai sinh" "$slip"
check "the second missing item" grep -qF "Giấy chứng sinh" "$slip"
tm send-keys p
wait_for "Sent to the printer"; ok "p prints it"
check "the printer got it" cmp -s "$slip" "$T/printed.txt"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
