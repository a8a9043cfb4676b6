# request.sh — the returning Mẫu 02 citizen: on day 1 a document was
# missing and the citizen was given the supplement request; on day 2 F3
# finds that request by name (and by ID) with the date, the officer and
# what was missing, and F2 with the ID number brings it up, fills the form
# from it and checks the documents brought now against it.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

# day 1: the birth certificate (document 2) is missing
"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" guide --procedure 1.001193 \
    --name "Lê Thị Hoa" --id 087084000999 --phone 0912345678 --address "Ấp 1, xã Mỹ An" \
    --docs 1 --at "2026-11-19 09:00" >/dev/null
is "$(q "SELECT count(*) FROM event WHERE kind = 'guide'")" 1 "day 1: the guidance is recorded"

# day 2
NOW="2026-11-20 09:30"
start
tm send-keys F3
wait_for "Find:"
tm send-keys -l "le hoa"
tm send-keys Enter
wait_for "Supplement requests"; ok "F3 by name (without diacritics) finds the request"
s=$(screen)
like "$s" "No dossier found" "there is no dossier yet"
like "$s" "2026-11-19 09:00 by lan: Lê Thị Hoa \(ID 087084000999\)" "the date, the officer and the citizen"
like "$s" "missing: 2\. Giấy chứng sinh" "... and what was missing"
tm send-keys C-u
tm send-keys -l 087084000999
tm send-keys Enter
wait_for "087084000999"
wait_for "Supplement requests"; ok "F3 by ID number finds it too"
like "$(screen)" "missing: 2\. Giấy chứng sinh" "... with what was missing"
tm send-keys Escape
wait_for "Main menu"

# F2: documents 1 and 2 brought now
tm send-keys F2
wait_for "1/4"
tm send-keys -l "khai sinh"
wait_for "1.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys 1 Space 2 Space Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
wait_for "Supplement request \(Mẫu 02\) of"; ok "the ID number brings up the open request"
s=$(screen)
like "$s" "of 2026-11-19 09:00 by lan asked" "... its date and officer"
like "$(printf '%s\n' "$s" | sed -n '/Mẫu 02) of/,+1p' | tr -s ' \n' '  ')" "asked for documents 2: the summary says which are brought now" "... and what it asked for"
like "$s" "Lê Thị Hoa" "the form is filled in from the request"
like "$s" "0912345678" "... the phone"
like "$s" "Ấp 1, xã Mỹ An" "... the address"
like "$s" "Details filled in from the supplement request \(Mẫu 02\) of 2026-11-19" "the bottom line says where from"
tm send-keys F8
wait_for "4/4"; ok "F8: the summary"
s=$(screen)
like "$s" "Mẫu 02 given +2026-11-19 09:00 by lan asked for:" "the summary names the request"
asked=$(printf '%s\n' "$s" | sed -n '/asked for:/,/brought now\|still missing/p' | sed 1d | tr -s ' \n' '  ')
like "$asked" "^ ?2\. Giấy chứng sinh[^—]* — brought now $" "... and checks the asked document against what is brought"
tm send-keys p
wait_for "Sent to the printer"; ok "p records and prints"
code=$(q "SELECT code FROM dossier")
is "$(q "SELECT applicant_name || '|' || applicant_id || '|' || phone || '|' || address || '|' || officer FROM dossier")" \
    "Lê Thị Hoa|087084000999|0912345678|Ấp 1, xã Mỹ An|lan" "the dossier is received with the request's details"
is "$(q "SELECT count(*) FROM json_each((SELECT documents FROM dossier)) WHERE json_extract(value, '\$.received') AND json_extract(value, '\$.position') IN (1, 2)")" 2 \
    "documents 1 and 2 recorded as handed in"
check "the slip was saved" test -s "$T/slips/$code.txt"
tm send-keys Escape
wait_for "Main menu"

# the request is answered: F3 says so, F2 no longer brings it up
tm send-keys F3
wait_for "Find:"
tm send-keys -l 087084000999
tm send-keys Enter
wait_for "Supplement requests"
like "$(screen)" "\(since received\)" "F3: the request is marked as answered"
like "$(screen)" "$code" "... beside the new dossier"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F2
wait_for "1/4"
tm send-keys -l "khai sinh"
wait_for "1.001193"
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
wait_for "Returning citizen"
s=$(screen)
check "F2: no open request once the dossier is received" sh -c '! printf "%s" "$1" | grep -q "Supplement request"' - "$s"
tm send-keys Escape Escape Escape Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(q "SELECT count(*) FROM event WHERE kind = 'guide'")" 1 "still one guide event"
done_testing
