# scan.sh — what a scanner types: the chip card's QR into F2's ID field
# (the whole line at once, then Enter) fills the citizen, and a partial
# one fills nothing; F4 finds by a code's last part (several: a list to
# pick from), by the slip's code scanned, and says so for a name with no
# result to return; F3 finds by the card's QR.  The database is checked
# after each.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
rcv() {	# rcv NAME ID AT — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure 1.001022 \
	    --name "$1" --id "$2" --at "$3" | head -1
}
result() {
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" event "$1" result \
	    --at "$2" >/dev/null
}
# message TEXT — the message lines at the foot of the screen (one or two,
# above the keys) joined with a space: TEXT when the message is whole, on
# at most two lines, and broken only between words
message_is() {
	_m=$(screen | sed -n "$LINES_MSG_FROM,23p" | sed 's/^ *//; s/ *$//' | grep -v '^$' |
	    tr '\n' ' ' | sed 's/ $//')
	is "$_m" "$1" "$2"
}
wait_gone() {	# wait_gone REGEX — until the screen no longer shows it
	for _i in $(seq 1 100); do
		screen | grep -Eq "$1" || return 0
		sleep 0.1
	done
	return 1
}
LINES_MSG_FROM=22	# the message: lines 22 and 23 of 24 at most (the keys on 24)
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-16 09:00")
b=$(rcv "Trần Thị Bình" 087184000123 "2026-11-17 09:00")
c=$(rcv "Lê Văn Cường" 087090000111 "2026-11-17 10:00")
result "$a" "2026-11-18 10:00"
result "$b" "2026-11-18 10:30"
like "$a" "-261116-1001$" "a: the first of its day"
like "$b" "-261117-1001$" "b: the first of its day too"
like "$c" "-261117-1002$" "c: the second"

start
# ---- the chip card's QR in F2: one send-keys, then Enter --------------------
qr="079090001234|025123456|Phạm Văn Đức|02031990|Nam|Số 12, đường Lê Lợi, Phường 1|15062021"
tm send-keys F2
wait_for "1/4"
tm send-keys -l "2.000992"
wait_for "2.000992 +Chứng thực chữ ký người dịch"
tm send-keys Enter
wait_for "2/4"
like "$(screen)" "a Required" "the a key's hint says what it ticks: the required documents"
unlike "$(screen)" "a All" "... not All"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l "$qr"
tm send-keys Enter
wait_for "Read from the chip card"; ok "the scanned QR is read"
s=$(screen)
like "$s" "ID number +079090001234" "the ID number from the card"
like "$s" "Full name +Phạm Văn Đức" "the name, as on the card (no Telex)"
like "$s" "Date of birth +02/03/1990" "the birth date"
like "$s" "Address +Số 12, đường Lê Lợi, Phường 1" "the address"
like "$s" "Mr Phạm Văn Đức" "the message says who (Ông/Bà from the sex)"
unlike "$s" "\|" "nothing of the raw scan is left on the screen"
tm send-keys -l "0912345678"
tm send-keys Enter Enter Enter Enter
wait_for "4/4"; ok "the phone, then Enter through the rest: the summary"
tm send-keys Enter Enter
wait_for "Mẫu 01"; ok "confirmed: the slip"
is "$(q "SELECT applicant_name || '|' || applicant_id || '|' || birth_date || '|' || address || '|' || phone FROM dossier WHERE procedure_code = '2.000992'")" \
    "Phạm Văn Đức|079090001234|1990-03-02|Số 12, đường Lê Lợi, Phường 1|0912345678" \
    "the database: the citizen as the card says"
tm send-keys Escape
wait_for "Main menu"

# ---- a partial scan: a message, nothing filled ------------------------------
sum=$(datasum "$db")
tm send-keys F2
wait_for "1/4"
tm send-keys -l "2.000992"
wait_for "2.000992 +Chứng thực chữ ký người dịch"
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l "079090005678|025123456|Võ Thị Em|02031990|Nữ|Số 3, đường"
tm send-keys Enter
wait_for "QR was not read"; ok "a partial scan: the message says so"
s=$(screen)
like "$s" "fewer than 7 fields" "... and why"
unlike "$s" "Võ Thị Em" "no name filled"
unlike "$s" "079090005678" "no ID left in the field"
unlike "$s" "02/03/1990" "no birth date filled"
message_is "the chip card's QR was not read because it has fewer than 7 fields (a partial scan), so scan it again or type the details" \
    "the message: one sentence, whole, on two lines, no word cut"
# ---- a QR whose sex contradicts the ID's 4th digit (0: male): refused -------
tm send-keys -l "079090005678|025123456|Võ Thị Em|02031990|Nữ|Số 3, đường Hai Bà Trưng|01012022"
tm send-keys Enter
wait_for "the sex is Nữ but"; ok "Nữ with a man's ID number: refused"
s=$(screen)
message_is "the chip card's QR was not read because the sex is Nữ but the ID number's 4th digit says male, so scan it again or type the details" \
    "the message says why and what to do, on two lines, no word cut"
unlike "$s" "Võ Thị Em" "no name filled"
unlike "$s" "079090005678" "no ID left in the field"
unlike "$s" "02/03/1990" "no birth date filled"
unlike "$s" "Hai Bà Trưng" "no address filled"
tm send-keys -l "079190005678|025123456|Võ Thị Em|02031990|Nữ|Số 3, đường Hai Bà Trưng|01012022"
tm send-keys Enter
wait_for "Read from the chip card"; ok "the ID field keeps the focus: the next scan reads"
like "$(screen)" "Full name +Võ Thị Em" "the second scan alone fills the name"
like "$(screen)" "Ms Võ Thị Em" "Nữ: Ms (Bà)"
tm send-keys Escape
wait_for "2/4"; ok "Esc leaves the applicant without a receipt"
tm send-keys Escape
wait_for "1/4"
tm send-keys Escape
wait_for "Main menu"
is "$(datasum "$db")" "$sum" "the partial scan wrote nothing"
is "$(q "SELECT count(*) FROM dossier WHERE applicant_name = 'Võ Thị Em'")" 0 "the database: no such citizen"

# ---- F4 by the last part of a code: two with a result, a list ---------------
tm send-keys F4
wait_for "Dossier code:"
tm send-keys -l "1001"
tm send-keys Enter
wait_for "2 dossiers with a result to return"; ok "'1001': both with a result are offered"
s=$(screen)
like "$s" "$b" "b is offered"
like "$s" "$a" "a is offered"
unlike "$s" "Lê Văn Cường" "c (no result) is not"
tm send-keys Down Enter
wait_for "Rating:"; ok "↓ Enter picks the second"
like "$(screen)" "Nguyễn Văn An" "a, received first, is the second row"
tm send-keys 1 Enter
wait_for "record the return"
tm send-keys Enter
wait_for "the result was returned"; ok "a's return recorded"
is "$(q "SELECT status FROM dossier WHERE code = '$a'")" returned "the database: a returned"
is "$(q "SELECT json_extract(body, '\$.rating') FROM event e JOIN dossier d ON d.id = e.dossier WHERE d.code = '$a' AND e.kind = 'return'")" \
    very_satisfied "the database: a's rating"

# ---- F4 by day and number: the one left ------------------------------------
tm send-keys -l "261117-1001"
tm send-keys Enter
wait_for "Rating:"; ok "'261117-1001': b at once"
like "$(screen)" "Trần Thị Bình" "b"
tm send-keys Escape
wait_for "Main menu"

# ---- F4 by the slip's code scanned: the code and Enter, fast ---------------
tm send-keys F4
wait_for "Dossier code:"
tm send-keys -l "$b"
tm send-keys Enter
wait_for "Rating:"; ok "the scanned slip code opens b"
s=$(screen)
like "$s" "Trần Thị Bình" "b's applicant"
like "$s" "result ready" "b's status"
tm send-keys 2 Enter
wait_for "record the return"
tm send-keys Enter
wait_for "the result was returned"; ok "b's return recorded"
is "$(q "SELECT status FROM dossier WHERE code = '$b'")" returned "the database: b returned"

# ---- F4 with a name that has nothing to return -----------------------------
sum=$(datasum "$db")
tm send-keys -l "le van cuong"
tm send-keys Enter
wait_for "has no result to return yet"; ok "a name with no result: says so"
unlike "$(screen)" "Rating:" "and offers nothing"
tm send-keys C-u
tm send-keys -l "nobody here"
tm send-keys Enter
wait_for "no dossier found"; ok "a name nobody has: says so"
tm send-keys C-u
tm send-keys -l "1001"
tm send-keys Enter
# a and b are returned; today's 1001 (the card's citizen) has no result
wait_for "3 dossiers found, but none has a result"; ok "'1001' again: none left to return"
is "$(datasum "$db")" "$sum" "F4's searches wrote nothing"
tm send-keys Escape
wait_for "Main menu"

# ---- F3 by the chip card's QR ----------------------------------------------
tm send-keys F3
wait_for "Find:"
tm send-keys -l "087090000111||Lê Văn Cường|01011990|Nam|Ấp 1, xã Mỹ An|01012022"
tm send-keys Enter
wait_for "History"; ok "F3: the card's QR opens its citizen's one dossier"
like "$(screen)" "$c" "c's detail"
tm send-keys Escape
wait_for "Find:"
tm send-keys C-u
tm send-keys -l "087090000111||Lê Văn Cường|01011990"
tm send-keys Enter
wait_for "QR was not read"; ok "F3: a partial QR says so"
s=$(screen)
like "$s" "Find: +087090000111\|\|Lê Văn Cường\|01011990" "F3: the scan stays in the search box"
unlike "$s" "No dossier found" "... and is not said to have found nothing"
# a whole QR, longer than the box, whose sex contradicts the ID: refused,
# the box keeps it and the whole of it shows under the box
tm send-keys C-u
bad="087090000111|361234567|Lê Văn Cường|01011990|Nữ|Ấp 1, xã Mỹ An, huyện Cao Lãnh, tỉnh Đồng Tháp|01012022"
tm send-keys -l "$bad"
tm send-keys Enter
wait_for "the sex is Nữ but"; ok "F3: Nữ with a man's ID number is refused"
s=$(screen)
like "$s" "Find: +.*Đồng Tháp\|01012022" "F3: the box keeps the scan (its end, the box is narrower)"
like "$s" "What was scanned:" "F3: the whole scan is shown..."
joined=$(printf '%s\n' "$s" | sed -n '9,12p' | sed 's/^ *//; s/ *$//' | grep -v '^$' | tr '\n' ' ' | sed 's/ $//')
is "$joined" "$bad" "... word wrapped under the box, nothing of it lost"
unlike "$s" "History" "F3: no dossier opened"
message_is "the chip card's QR was not read because the sex is Nữ but the ID number's 4th digit says male, so scan it again or type the details" \
    "F3: the message, two lines, no word cut"
tm send-keys End	# any key clears the message
wait_gone "the sex is Nữ but"; ok "F3: a key clears the message"
tm send-keys Enter
wait_for "the sex is Nữ but"; ok "F3: Enter again on the same scan: the message again"
is "$(datasum "$db")" "$sum" "F3's searches wrote nothing"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
