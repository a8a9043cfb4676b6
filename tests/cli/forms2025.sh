# forms2025.sh — the forms of Circular 03/2025/TT-VPCP (form_set 2025, the
# default): forms 1 to 6 rendered for real dossiers (received, a guidance,
# refused, apologized, stopped, handed over and returned), each one's
# title and key fields, no line wider than 74 columns (A5 text); --form 7
# points to the logbook; the 2018 numbers still work; form_set 2018 gives
# the old forms; a bad --form and a form that does not apply are refused
# with a clear message and nothing written.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" unit set --phone 02773861234 >/dev/null
L() { M --officer lan --password-file "$PWF" "$@"; }
recv() {	# recv PROCEDURE ID AT — prints the code
	L receive --procedure "$1" --name "Nguyễn Văn An" --id "$2" --phone 0912345678 \
	    --address "Ấp 1, xã Mỹ An" --at "$3" | head -1
}
# width FILE — the widest line's display columns (a letter is one column)
width() {
	python3 -c 'import sys,unicodedata
w=0
for l in open(sys.argv[1],encoding="utf-8").read().replace("\f","").split("\n"):
    w=max(w,sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l))
print(w)' "$1"
}
narrow() {	# narrow NAME FILE — no line wider than 74 columns
	is "$(width "$2")" "$(w=$(width "$2"); [ "$w" -le 74 ] && echo "$w" || echo "74 at most, not $w")" \
	    "$1: no line wider than 74 columns"
}

c1=$(recv 2.000815 087084000901 "2026-11-16 08:00")	# certified copy: a fee rule
c3=$(recv 1.001022 087084000903 "2026-11-16 08:20")	# refused
c4=$(recv 1.001022 087084000904 "2026-11-16 08:30")	# apologized
c5=$(recv 1.001022 087084000905 "2026-11-16 08:40")	# stopped
c6=$(recv 1.001022 087084000906 "2026-11-16 08:50")	# handed over, returned
run --db "$db" --officer lan --password-file "$PWF" guide --procedure 1.001022 --name "Lê Văn Tám" \
	--id 087084000999 --phone 0987654321 --address "Ấp 2" --docs 1 --at "2026-11-16 09:05"
is "$rc" 0 "guide: exit 0"
gid=$(printf '%s\n' "$out" | sed -n 1p)
L event "$c3" refuse --reason "Hồ sơ không thuộc thẩm quyền" --at "2026-11-16 10:00" >/dev/null
L event "$c6" handover --to "Trần Văn Trưởng" --at "2026-11-16 10:10" >/dev/null
L event "$c5" stop --reason "Công dân đề nghị dừng giải quyết" \
	--ground "Điều 20 Nghị định 118/2025/NĐ-CP" --at "2026-11-17 09:00" >/dev/null
L event "$c6" result --at "2026-11-18 10:00" >/dev/null
L event "$c6" return --at "2026-11-18 11:00" >/dev/null
L event "$c4" apologize --reason "Chờ xác minh" --new-date "2026-11-25 16:00" \
	--at "2026-11-19 10:00" >/dev/null
is "$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'setting.form_set'")" "" "form_set not set: the default"

# form 1: the receipt
run --db "$db" slip "$c1" --form 1 --format text --out "$T/f1.txt"
is "$rc" 0 "form 1: exit 0"
f=$(cat "$T/f1.txt")
like "$f" "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" "form 1: its title"
is "$(printf '%s\n' "$f" | grep -c 'GIẤY TIẾP NHẬN')" 2 "form 1: two copies"
seq=$(sqlite3 "$db" "SELECT book_no FROM dossier WHERE code = '$c1'")
book=$(sqlite3 "$db" "SELECT book FROM dossier WHERE code = '$c1'")
like "$f" "^ Số: $seq/TN$" "form 1: the number line, the logbook's number"
like "$f" "Quyển số: $book, Số thứ tự: $seq" "form 1: the logbook's book and number"
like "$f" "Phí, lệ phí: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang" \
	"form 1: the fee with its rule"
like "$f" "UBND XÃ MỸ AN" "form 1: the parent authority"
like "$f" "Mã hồ sơ: $c1" "form 1: the dossier code"
unlike "$f" "\{\{" "form 1: no template comment or tag printed"
narrow "form 1" "$T/f1.txt"
test -f "$T/slips/mau01-$c1.txt"; ok "form 1: saved as mau01-CODE.txt"

# form 2: the supplement request of a guidance speaks of no receipt
run --db "$db" slip "$gid" --form 2 --out "$T/f2.txt"
is "$rc" 0 "form 2: exit 0"
f=$(cat "$T/f2.txt")
like "$f" "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" "form 2: its title"
like "$f" "Lê Văn Tám" "form 2: the citizen"
like "$f" "liên hệ với$" "form 2: the contact sentence"
like "$f" "^cán bộ Nguyễn Thị Lan," "form 2: the officer"
like "$f" "số điện thoại 02773861234" "form 2: the unit's phone"
unlike "$f" "[Tt]iếp nhận|Mã hồ sơ" "form 2: nothing says a dossier was received"
narrow "form 2" "$T/f2.txt"

# form 3: the refusal
run --db "$db" slip "$c3" --form 3 --out "$T/f3.txt"
is "$rc" 0 "form 3: exit 0"
f=$(cat "$T/f3.txt")
like "$f" "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" "form 3: its title"
like "$f" "Hồ sơ không thuộc thẩm quyền" "form 3: the reason"
narrow "form 3" "$T/f3.txt"

# form 4: apology and extension request
run --db "$db" slip "$c4" --form 4 --out "$T/f4.txt"
is "$rc" 0 "form 4: exit 0"
f=$(cat "$T/f4.txt")
like "$f" "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN" "form 4: its title"
like "$f" "đề nghị Ông gia hạn thời gian giải quyết" "form 4: asks for the extension"
like "$f" "16 giờ 00 phút, ngày 25 tháng 11 năm 2026" "form 4: the new date"
like "$f" "Lý do: Chờ xác minh" "form 4: the reason"
like "$f" "ngày 19 tháng 11 năm 2026" "form 4: dated the apology's day"
narrow "form 4" "$T/f4.txt"

# form 5: the stop notice
run --db "$db" slip "$c5" --form 5 --out "$T/f5.txt"
is "$rc" 0 "form 5: exit 0"
f=$(cat "$T/f5.txt")
like "$f" "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" "form 5: its title"
like "$f" "Lý do: Công dân đề nghị dừng giải quyết" "form 5: the reason"
like "$f" "Căn cứ: Điều 20 Nghị định 118/2025/NĐ-CP" "form 5: the legal ground"
like "$f" "ngày 17 tháng 11 năm 2026" "form 5: dated the stop's day"
like "$f" "Mã hồ sơ: $c5" "form 5: the dossier"
narrow "form 5" "$T/f5.txt"
test -f "$T/slips/mau06-$c5.txt"; ok "form 5: saved as mau06-CODE.txt (the kind's name)"

# form 6: the control sheet
run --db "$db" slip "$c6" --form 6 --out "$T/f6.txt"
is "$rc" 0 "form 6: exit 0"
f=$(cat "$T/f6.txt")
like "$f" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "form 6: its title"
like "$f" "Giao: Nguyễn Thị Lan →" "form 6: the hand-off"
like "$f" "Trả kết quả: Nguyễn" "form 6: the return"
narrow "form 6" "$T/f6.txt"

# the 2018 numbers: 04 is form 4, 05 the control sheet (form 6)
run --db "$db" slip "$c6" --form 05
like "$out" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "--form 05: the control sheet"
run --db "$db" slip "$c4" --form 04
like "$out" "ĐỀ NGHỊ GIA HẠN" "--form 04: form 4 of the current set"

# --form 7: the logbook is a report
before=$(dbsum "$db"); nslips=$(ls -A "$T/slips" | wc -l)
run --db "$db" slip "$c1" --form 7
is "$rc" 1 "--form 7: exit 1"
like "$err" "motcua report logbook" "--form 7: says to use report logbook"
is "$(dbsum "$db")$(ls -A "$T/slips" | wc -l)" "$before$nslips" "--form 7: nothing written"

# bad values: usage, nothing written
for bad in 8 0 07 06 x 12; do
	run --db "$db" slip "$c1" --form "$bad"
	is "$rc" 2 "--form $bad: usage (exit 2)"
	like "$err" "there is no form '$bad'.*5 \(stop notice\)" "--form $bad: says which forms exist"
	is "$(dbsum "$db")$(ls -A "$T/slips" | wc -l)" "$before$nslips" "--form $bad: nothing written"
done
# --format pdf is tests/cli/pdf.sh's; a format that does not exist is usage
run --db "$db" slip "$c1" --form 1 --format ps
is "$rc" 2 "--format ps: usage"

# a form that does not apply: the stop notice of a dossier not stopped
refused "form 5 of a dossier not stopped" "$db" "was not stopped" --db "$db" slip "$c1" --form 5
is "$(ls -A "$T/slips" | wc -l)" "$nslips" "form 5 refused: no slip saved"

# form_set 2018: the old forms, 1 to 5 are Mẫu 01 to 05
refused "form_set 2030" "$db" "not a value for form_set" \
	--db "$db" --officer truong --password-file "$PWF" setting set form_set 2030
run --db "$db" --officer truong --password-file "$PWF" setting set form_set 2018
is "$rc" 0 "setting set form_set 2018: exit 0"
run --db "$db" slip "$c4" --form 4
like "$out" "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "2018: form 4 is Mẫu 04, the old apology"
run --db "$db" slip "$c6" --form 5
like "$out" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "2018: form 5 is the control sheet"
run --db "$db" slip "$c1"
unlike "$out" "/TN" "2018: Mẫu 01 as before, no number line"
like "$out" "Phí, lệ phí: 2.000 đồng$" "2018: Mẫu 01's fee as before"
run --db "$db" slip "$c1" --form 7
is "$rc" 2 "2018: --form 7 is no form (usage)"
like "$err" "there is no form '7'.*05 \(control sheet\)" "2018: says which forms exist"
run --db "$db" slip "$c5" --form 06
is "$rc" 2 "2018: --form 06 is no form"
done_testing
