# honorific.sh — how the forms address the citizen: "Ông" or "Bà" from the
# citizen ID's 4th digit (0, 2, 4 male; 1, 3, 5 female), "Ông/Bà" when the
# ID does not tell; Mẫu 02 (a guidance and a dossier's), 03 and 04, the A5
# form and the receipt printer's.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
rcv() {	# rcv NAME ID DOCS AT — prints the new code
	"$MOTCUA" --db "$db" --password-file "$PWF" receive --procedure 1.001022 --name "$1" \
	    --id "$2" --address "Ấp 1" --docs "$3" --at "$4" | head -1
}
# count PATTERN — how many lines of $out match
count() { printf '%s\n' "$out" | grep -cE "$1"; }

m=$(rcv "Phạm Văn Đức" 087084000999 all "2026-11-20 09:00")
f=$(rcv "Trần Thị Bích Ngọc" 087184000123 all "2026-11-20 09:30")
y=$(rcv "Lê Thị Hoa" 087305000123 all "2026-11-20 10:00")
for c in "$m" "$f" "$y"; do
	"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$c" refuse \
	    --reason "Không thuộc thẩm quyền của xã" --at "2026-11-21 10:15" >/dev/null
done
is "$(sqlite3 "$db" "SELECT group_concat(applicant_id, ' ') FROM (SELECT applicant_id FROM dossier ORDER BY received)")" \
    "087084000999 087184000123 087305000123" "the database: the three IDs, no sex column needed"

# ---- Mẫu 03: Ông, Bà -------------------------------------------------------
run --db "$db" slip "$m" --form 03
is "$rc" 0 "Mẫu 03, a man's ID: exit 0"
like "$out" "tiếp nhận hồ sơ của Ông: Phạm Văn Đức" "digit 0: Ông before the name"
like "$out" "thành thật xin lỗi Ông vì không tiếp" "... and in the apology"
like "$out" "Xin thông báo để Ông được biết" "... and in the notice"
unlike "$out" "Ông/Bà|Bà" "no Ông/Bà and no Bà left"
run --db "$db" slip "$f" --form 03
is "$rc" 0 "Mẫu 03, a woman's ID: exit 0"
like "$out" "tiếp nhận hồ sơ của Bà: Trần Thị Bích Ngọc" "digit 1: Bà"
is "$(count 'Bà')" 3 "Bà in all three places"
unlike "$out" "Ông" "no Ông left"
run --db "$db" slip "$y" --form 03
like "$out" "tiếp nhận hồ sơ của Bà: Lê Thị Hoa" "digit 3 (born in the 2000s): Bà"

# ---- Mẫu 02 of a guidance: the ID of the citizen guided --------------------
run --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name "Lê Văn Tám" \
    --id 087204000999 --docs 1 --at "2026-11-22 08:00"
is "$rc" 0 "guide: exit 0"
gid=$(printf '%s\n' "$out" | head -1)
run --db "$db" slip "$gid" --supplement
like "$out" "Yêu cầu Ông hoàn thiện hồ sơ" "a guidance, digit 2: Ông"
like "$out" "vướng mắc, Ông liên hệ" "... both times"
run --db "$db" slip "$gid" --supplement --layout receipt
like "$out" "Yêu cầu Ông hoàn thiện hồ sơ" "the receipt printer's Mẫu 02: Ông too"
unlike "$out" "Ông/Bà" "... and no Ông/Bà"

# ---- an ID that does not tell: Ông/Bà --------------------------------------
# Every receipt takes a 12-digit CCCD today, so a record with a 9-digit
# CMND or a passport number is one kept from elsewhere (a migrated book);
# it is made here by rewriting the event in a copy of the database.
cp "$db" "$T/b.db"
sqlite3 "$T/b.db" "DROP TRIGGER event_no_update;
    UPDATE event SET body = json_set(body, '$.applicant.id', 'B1234567')
    WHERE kind = 'receive' AND dossier = (SELECT id FROM dossier WHERE code = '$m');
    UPDATE event SET body = json_set(body, '$.applicant.id', '361234567')
    WHERE kind = 'receive' AND dossier = (SELECT id FROM dossier WHERE code = '$f');"
is "$(sqlite3 "$T/b.db" "SELECT json_extract(body, '$.applicant.id') FROM event WHERE kind = 'receive' ORDER BY at LIMIT 1")" \
    B1234567 "the copy: a passport number on the first receipt"
run --db "$T/b.db" slip "$m" --form 03
is "$rc" 0 "Mẫu 03, a passport: exit 0"
like "$out" "tiếp nhận hồ sơ của Ông/Bà: Phạm Văn Đức" "a passport: Ông/Bà"
is "$(count 'Ông/Bà')" 3 "Ông/Bà in all three places"
run --db "$T/b.db" slip "$f" --form 03
like "$out" "tiếp nhận hồ sơ của Ông/Bà: Trần Thị Bích Ngọc" "a 9-digit CMND: Ông/Bà"

# ---- Mẫu 04 after an apology, and Mẫu 02 of a dossier ----------------------
a=$(rcv "Võ Thị Em" 079190005678 all "2026-11-23 09:00")
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$a" apologize \
    --reason "Chờ xác minh" --new-date "2026-12-10 16:00" --at "2026-11-27 09:00" >/dev/null
run --db "$db" slip "$a" --form 04
is "$rc" 0 "Mẫu 04: exit 0"
like "$out" "tiếp nhận hồ sơ của Bà vào" "Mẫu 04: Bà"
like "$out" "Xin trân trọng cảm ơn sự hợp tác của Bà\./\." "... to the last line"
unlike "$out" "Ông" "... and never Ông"
s=$(rcv "Đỗ Văn Sáu" 079090001234 1,2 "2026-11-23 10:00")
run --db "$db" slip "$s" --form 02
is "$rc" 0 "Mẫu 02 of a dossier with a document not handed in: exit 0"
like "$out" "Yêu cầu Ông hoàn thiện hồ sơ" "Mẫu 02 of a dossier: Ông"
done_testing
