# lookup.sh — F3: a name typed without diacritics (in any word order), a
# code typed like a barcode reader (code + Enter), filters, the detail's
# timeline, an action recorded from the detail, and Esc that writes
# nothing.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
# lan works the counter as an officer here (a cancel below is refused for
# the role): the command line makes a unit's only officer a supervisor
sqlite3 "$db" "UPDATE officer SET role = 'officer' WHERE username = 'lan'"
rcv() {	# rcv NAME ID AT [PROCEDURE] — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure "${4:-1.001022}" --name "$1" --id "$2" \
	    --at "$3" | head -1
}
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-16 09:00")
b=$(rcv "Nguyễn Thị Bình" 087184000123 "2026-11-18 10:00")
like "$a" "^000\.17\.22\.H56-261116-[0-9]{4}$" "a dossier received with the CLI"
sum=$(datasum "$db")

start
tm send-keys F3
wait_for "Find:"; ok "F3 opens the lookup"
tm send-keys -l "nguyen van an"
tm send-keys Enter
wait_for "History"; ok "a name without diacritics: the one dossier opens at once"
s=$(screen)
like "$s" "Nguyễn Văn An +\(ID 087084000999\)" "the detail: the applicant"
like "$s" "$a" "the detail: the code"
like "$s" "received" "the detail: the status"
like "$s" "2026-11-16 09:00 +lan +Received" "the timeline: the receipt"
tm send-keys Escape
wait_for "1 of 1 found"; ok "Esc: back to the results"
tm send-keys C-u
tm send-keys -l "an nguyen"
tm send-keys Enter
wait_for "History"; ok "the words in another order find it too"
tm send-keys Escape
wait_for "Find:"
tm send-keys C-u
tm send-keys -l "nguyen"
tm send-keys Enter
wait_for "2 of 2 found"; ok "a common word finds both"
s=$(screen)
first=$(printf '%s\n' "$s" | grep -n "H56-261118" | cut -d: -f1)
second=$(printf '%s\n' "$s" | grep -n "H56-261116" | cut -d: -f1)
check "newest receipt first" test "$first" -lt "$second"
# the date filter: From 17/11/2026
tm send-keys Tab Tab
tm send-keys -l "17/11/2026"
tm send-keys Tab
wait_for "1 of 2 found"; ok "a date filter narrows the results"
like "$(screen)" "Nguyễn Thị Bình" "the one received after the date stays"
tm send-keys BTab C-u Tab
wait_for "2 of 2 found"; ok "an empty date: both again"
# the status filter: finished ones are none
tm send-keys BTab BTab
tm send-keys 4
wait_for "0 of 2 found"; ok "status 'finished': none"
like "$(screen)" "Nothing found with these filters" "says so"
tm send-keys 1
wait_for "2 of 2 found"; ok "status 'all' again"
tm send-keys Escape
wait_for "Main menu"; ok "Esc leaves the lookup"
is "$(datasum "$db")" "$sum" "looking up wrote nothing"

# a barcode reader: the code and Enter, fast
tm send-keys F3
wait_for "Find:"
tm send-keys -l "$b"
tm send-keys Enter
wait_for "History"; ok "a scanned code opens its dossier"
like "$(screen)" "Nguyễn Thị Bình" "the scanned dossier"

# an action: hand over, Esc first (nothing written), then for real
tm send-keys Enter
wait_for "Hand over to a specialist"; ok "Enter lists the actions"
s=$(screen)
like "$s" "Control sheet \(Mẫu 06\)" "the control sheet is offered"
like "$s" "r  Return the result  \(not when received\)" "return is not offered before a result, and says why"
tm send-keys c
wait_for "To \(officer\):"; ok "handover asks to whom"
tm send-keys -l "Hoa"
tm send-keys Escape
wait_for "Hand over to a specialist"; tm send-keys Escape
wait_for "History"
is "$(datasum "$db")" "$sum" "Esc from the action form: nothing written"
tm send-keys Enter
wait_for "Hand over"
tm send-keys c
wait_for "To \(officer\):"
tm send-keys -l "Hoa"
tm send-keys Enter
wait_for "record|\?"; ok "Enter asks for confirmation"
tm send-keys Enter
wait_for "Handed over: Hoa"; ok "the timeline shows the handover"
like "$(screen)" "processing" "the status is processing"
like "$(screen)" "recorded" "the bottom line says it was recorded"
is "$(q "SELECT status FROM dossier WHERE code = '$b'")" processing "the database: processing"
is "$(q "SELECT json_extract(body, '\$.to') FROM event WHERE kind = 'handover'")" Hoa "the database: handed over to Hoa"
# the control sheet (Mẫu 06 in the 2025 set) from the detail: shown and saved
tm send-keys p
wait_for "Control sheet \(Mẫu 06\)"; ok "p shows the control sheet"
check "the control sheet was saved" test -s "$T/slips/mau05-$b.txt"
tm send-keys Escape
wait_for "History"
# a step the officer's role may not record: cancel (a supervisor's) is
# listed under its letter but not offered, and says why
sum=$(datasum "$db")
tm send-keys Enter
wait_for "h  Cancel"; ok "the actions name the steps not offered"
like "$(screen)" "h  Cancel \(supervisor\)  \(not for your role\)" "cancel is among them, with why"
like "$(screen)" "c  Hand over to a specialist *$" "the steps the role allows are offered"
tm send-keys h
wait_for "Cancel \(supervisor\): not for your role"; ok "h says why, and nothing else"
unlike "$(screen)" "Reason:" "no cancel form"
is "$(datasum "$db")" "$sum" "nothing was written"
tm send-keys Escape
wait_for "History"
# refuse a at the counter: Mẫu 03
tm send-keys Escape
wait_for "Find:"
tm send-keys C-u
tm send-keys -l "$a"
tm send-keys Enter
wait_for "History"
tm send-keys Enter
wait_for "Refuse at the counter"
tm send-keys f
wait_for "Reason:"
tm send-keys -l "Khoong thuoocj thaamr quyeenf"
tm send-keys Enter
wait_for "\?"
tm send-keys Enter
wait_for "Refusal \(Mẫu 03\)"; ok "a refusal at the counter shows Mẫu 03"
check "Mẫu 03 was saved" test -s "$T/slips/mau03-$a.txt"
is "$(q "SELECT status FROM dossier WHERE code = '$a'")" refused "the database: refused"
is "$(q "SELECT json_extract(body, '\$.reason') FROM event WHERE kind = 'refuse'")" \
    "Không thuộc thẩm quyền" "the database: the reason typed in Telex"
tm send-keys Escape
wait_for "Refused at the counter: Không thuộc thẩm quyền"; ok "back at the detail: the refusal in the timeline"
sum=$(datasum "$db")
tm send-keys Escape
wait_for "Find:"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "nothing else was written"
done_testing
