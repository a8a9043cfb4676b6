# returning.sh — a returning citizen (known ID number) with a one-document
# procedure: the form fills itself from the last dossier, and the path
# from F2 to the slip takes at most 20 keys besides the search text and
# the ID digits.  Then the fast path, every key sent and counted one by
# one: from the main screen to the printed slip with a 4-letter search,
# F8 on the filled form and p on the summary, at most 12 keys besides the
# 12 ID digits.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --procedure 1.001193 --name "Trần Thị Bình" --id 087184000123 \
    --phone 0987654321 --address "Ấp 5, xã Mỹ An" --email binh@example.vn --post \
    --at "2026-11-02 09:00" >/dev/null

start
keys=0
key() { tm send-keys "$@"; keys=$((keys + $#)); }
key F2
wait_for "1/4"
tm send-keys -l "2.000992"	# search text: not counted
wait_for "2.000992 +Chứng thực chữ ký người dịch"; ok "the code finds the procedure"
key Enter
wait_for "2/4"
key a Enter
wait_for "3/4"
tm send-keys -l 087184000123	# ID digits: not counted
key Enter
wait_for "Trần Thị Bình"; ok "a known ID number fills in the name"
s=$(screen)
like "$s" "0987654321" "... the phone"
like "$s" "Ấp 5, xã Mỹ An" "... the address"
like "$s" "binh@example.vn" "... the e-mail"
like "$s" "\(•\) by post" "... and the way the result is returned"
like "$s" "Returning citizen" "the bottom line says so"
key Enter Enter Enter Enter Enter Enter
wait_for "4/4"; ok "Enter through the filled fields reaches the summary"
key Enter Enter
wait_for "Mẫu 01"; ok "confirmed: the slip"
echo "# keys from F2 to the slip: $keys"
check "no more than 20 keys from F2 to the slip ($keys)" test "$keys" -le 20
is "$(q "SELECT count(*) FROM dossier WHERE applicant_id = '087184000123'")" 2 "a second dossier of the citizen"
is "$(q "SELECT applicant_name || '|' || phone || '|' || address || '|' || email || '|' || delivery FROM dossier WHERE procedure_code = '2.000992'")" \
    "Trần Thị Bình|0987654321|Ấp 5, xã Mỹ An|binh@example.vn|post" "the new dossier carries the filled-in details"
is "$(q "SELECT count(*) FROM event WHERE kind = 'receive'")" 2 "two receive events"
key Escape
wait_for "Main menu"

# the fast path: each key on its own, each counted, the ID digits too
keys=0
key1() { for k in "$@"; do tm send-keys "$k"; keys=$((keys + 1)); done; }
key1 F2
wait_for "1/4"
key1 k h a i
wait_for "Search: +khai"
like "$(screen | sed -n 5p)" "1\.001193" "the citizen's procedure of last time is the top row for 'khai'"
key1 Enter
wait_for "2/4"
key1 a Enter
wait_for "3/4"
for d in 0 8 7 1 8 4 0 0 0 1 2 3; do key1 "$d"; done
key1 Enter
wait_for "Returning citizen"; ok "the ID number brings up the citizen"
like "$(screen)" "Trần Thị Bình" "... the name filled in"
like "$(screen)" "F8 To summary" "the hint bar offers F8"
key1 F8
wait_for "4/4"; ok "F8 takes every filled field and goes to the summary"
s=$(screen)
like "$s" "Ấp 5, xã Mỹ An" "the summary has the filled-in address"
like "$s" "p Record, print" "the hint bar offers p"
key1 p
wait_for "Sent to the printer"; ok "p records and prints, unasked"
like "$(screen)" "Mẫu 01" "the slip is shown"
echo "# keys from the main screen to the printed slip: $keys (12 of them the ID digits)"
check "no more than 12 keys besides the 12 ID digits ($keys in all)" test "$keys" -le 24
code=$(q "SELECT code FROM dossier WHERE procedure_code = '1.001193' ORDER BY received DESC LIMIT 1")
is "$(q "SELECT count(*) FROM dossier WHERE applicant_id = '087184000123'")" 3 "a third dossier of the citizen"
is "$(q "SELECT applicant_name || '|' || phone || '|' || address || '|' || email || '|' || delivery || '|' || officer FROM dossier WHERE code = '$code'")" \
    "Trần Thị Bình|0987654321|Ấp 5, xã Mỹ An|binh@example.vn|post|lan" "the dossier carries the citizen's details"
is "$(q "SELECT received FROM dossier WHERE code = '$code'")" "2026-11-20T09:00:00+07:00" "received now"
check "the slip was saved" test -s "$T/slips/$code.txt"
check "the slip names the citizen" grep -qF "Trần Thị Bình" "$T/slips/$code.txt"
check "the printer got the saved slip" cmp -s "$T/slips/$code.txt" "$T/printed.txt"
key Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
