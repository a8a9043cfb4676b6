# returning.sh — a returning citizen (known ID number) with a one-document
# procedure: the form fills itself from the last dossier, and the path
# from F2 to the slip takes at most 20 keys besides the search text and
# the ID digits.
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
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
