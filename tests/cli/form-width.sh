# form-width.sh — every form of both sets (form_set 2025: forms 1 to 6;
# form_set 2018: Mẫu 01 to 05), rendered as text for dossiers of a unit
# with long names (parent authority, receiving body, place) and a
# procedure with a long name and fee rule, fits 74 columns by display
# width (wc -L in a UTF-8 locale), both copies of a receipt included, and
# keeps its fields: the long names are wrapped, not cut.
. "$top_srcdir/tests/cli/lib.sh"
export LC_ALL=C.UTF-8
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
PARENT="Ủy ban nhân dân xã Phước Long Thọ Đông thuộc tỉnh Bà Rịa - Vũng Tàu"
BODY="Trung tâm Phục vụ hành chính công xã Phước Long Thọ Đông thuộc tỉnh Bà Rịa - Vũng Tàu"
PLACE="Phước Long Thọ Đông"
NAME="Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận, và của cơ quan nước ngoài"
M init --unit-code 000.17.22.H56 --unit-name "$PARENT" --station 1 --sample-catalog \
	--supervisor truong "Tôn Nữ Thị Hoàng Trưởng" --password-file "$PWF" >/dev/null
S() { M --officer truong --password-file "$PWF" "$@"; }
S unit set --body "$BODY" --place "$PLACE" --phone 02543861234 \
	--address "Số 125 đường Nguyễn Thị Minh Khai, ấp Phước Long Thọ Đông" >/dev/null
S officer add lan "Công Tôn Nữ Thị Lan Hương" --new-password-file "$PWF" >/dev/null
# the province's next catalog: 2.000815 (a fee rule) with a long name
M catalog export > "$T/v1.json"
sqlite3 :memory: "SELECT json_set(j, '\$.version', json_extract(j, '\$.version') + 1,
	'\$.procedures[' || (SELECT key FROM json_each(j, '\$.procedures')
	    WHERE json_extract(value, '\$.code') = '2.000815') || '].name', '$NAME')
	FROM (SELECT readfile('$T/v1.json') AS j)" > "$T/v2.json"
S catalog import "$T/v2.json" >/dev/null
is "$(sqlite3 "$db" "SELECT name FROM procedure WHERE code = '2.000815'")" "$NAME" "the long name is held"
L() { M --officer lan --password-file "$PWF" "$@"; }
recv() {	# recv ID AT — prints the code
	L receive --procedure 2.000815 --name "Nguyễn Hoàng Thị Phương Thảo Nguyên" --id "$1" \
	    --phone 0912345678 --address "Số 1234, đường Trần Hưng Đạo, ấp Phước Long Thọ Đông" \
	    --at "$2" | head -1
}
c1=$(recv 087084000901 "2026-11-16 08:00")
c3=$(recv 087084000903 "2026-11-16 08:20")
c4=$(recv 087084000904 "2026-11-16 08:30")
c5=$(recv 087084000905 "2026-11-16 08:40")
c6=$(recv 087084000906 "2026-11-16 08:50")
run --db "$db" --officer lan --password-file "$PWF" guide --procedure 2.000815 \
	--name "Nguyễn Hoàng Thị Phương Thảo Nguyên" --id 087084000999 --phone 0987654321 \
	--address "Ấp Phước Long Thọ Đông" --docs 2 --at "2026-11-16 09:05"
is "$rc" 0 "guide: exit 0"; [ "$rc" = 0 ] || diag "$err"
g=$(printf '%s\n' "$out" | sed -n 1p)
L event "$c3" refuse --reason "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận theo quy định" \
	--at "2026-11-16 10:00" >/dev/null
L event "$c6" handover --to "Tôn Nữ Thị Hoàng Trưởng" --at "2026-11-16 10:10" >/dev/null
L event "$c5" stop --reason "Công dân có văn bản đề nghị dừng giải quyết hồ sơ đã nộp" \
	--ground "Điều 20 Nghị định 118/2025/NĐ-CP" --at "2026-11-17 09:00" >/dev/null
L event "$c6" result --at "2026-11-18 10:00" >/dev/null
L event "$c6" return --at "2026-11-18 11:00" >/dev/null
L event "$c4" apologize --reason "Chờ kết quả xác minh của cơ quan có thẩm quyền" \
	--new-date "2026-11-25 16:00" --at "2026-11-19 10:00" >/dev/null

# fits FORMSET N CODE TITLE — form N rendered as text: its title, the long
# names whole, and no line wider than 74 columns
fits() {
	rm -f "$T/f.txt"
	run --db "$db" slip "$3" --form "$2" --format text --out "$T/f.txt"
	is "$rc" 0 "$1 form $2: exit 0"
	cp "$T/f.txt" "$T/f-$1-$2.txt"
	w=$(tr -d '\f' < "$T/f.txt" | wc -L)
	is "$(if [ "$w" -le 74 ]; then echo fits; else echo "$w columns"; fi)" fits \
	    "$1 form $2: every line within 74 columns (widest $w)"
	flat=$(tr -s ' \n\f' '   ' < "$T/f.txt")
	like "$flat" "$4" "$1 form $2: its title"
	case $2 in 1|2|3) like "$flat" "$NAME" "$1 form $2: the procedure's name, whole" ;; esac
	like "$flat" "Nguyễn Hoàng Thị Phương Thảo Nguyên" "$1 form $2: the citizen's name, whole"
}
# has SET N TEXT WHAT — form N of SET (as rendered above) holds TEXT, the
# line breaks of its wrapping taken as spaces
has() {
	like "$(tr -s ' \n\f' '   ' < "$T/f-$1-$2.txt")" "$3" "$1 form $2: $4"
}
for set in 2025 2018; do
	S setting set form_set $set >/dev/null
	is "$(M setting get form_set 2>/dev/null || sqlite3 "$db" "SELECT value FROM meta WHERE key = 'setting.form_set'")" $set "form_set $set"
	fits $set 1 "$c1" "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
	fits $set 2 "$g" "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
	fits $set 3 "$c3" "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
	if [ $set = 2025 ]; then
		fits $set 4 "$c4" "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN"
		fits $set 5 "$c5" "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
		fits $set 6 "$c6" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
	else
		fits $set 4 "$c4" "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
		fits $set 5 "$c6" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
	fi
done
REASON="Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận theo quy định"
for set in 2025 2018; do
	has $set 1 "$BODY tiếp nhận hồ sơ của" "the receiving body, whole"
	has $set 1 "Đăng ký nhận kết quả tại: $BODY" "where the result is returned, whole"
	has $set 1 "Công Tôn Nữ Thị Lan Hương" "the officer"
	has $set 2 "cán bộ Công Tôn Nữ Thị Lan Hương" "the officer to contact"
	has $set 3 "Qua xem xét, $BODY thông báo" "the body, whole"
	has $set 3 "$REASON" "the reason, whole"
	has $set 4 "Nhưng đến nay, $BODY chưa trả" "the body, whole"
	has $set 4 "Chờ kết quả xác minh của cơ quan có thẩm quyền" "the reason, whole"
done
has 2025 5 "Công dân có văn bản đề nghị dừng giải quyết hồ sơ đã nộp" "the reason, whole"
has 2025 5 "Điều 20 Nghị định 118/2025/NĐ-CP" "the legal ground"
has 2025 6 "Cơ quan giải quyết: $PARENT" "the deciding body, whole"
has 2018 5 "Cơ quan giải quyết: $PARENT" "the deciding body, whole"
has 2025 1 "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang" "the fee's rule"
done_testing
