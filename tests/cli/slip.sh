# slip.sh — motcua slip (Mẫu 01 to 05 of Circular 01/2018, --form) and
# motcua guide.  The forms of 2018 are form_set 2018; the 2025 set (the
# default) is tests/cli/forms2025.sh.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
# the printer gets the text slip here (lp's PDF: tests/cli/pdf.sh)
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_format text >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set form_set 2018 >/dev/null
code=$("$MOTCUA" --db "$db" --password-file "$PWF" receive --procedure 1.001022 --name "Trần Thị Bích Ngọc" --id 087184000123 \
	--phone 0912345678 --address "Ấp 1" --email ngoc@example.vn --docs 1,2 --at "2026-11-20 16:10" | head -1)

# Mẫu 01 on standard output, saved in the slips folder
run --db "$db" slip "$code"
is "$rc" 0 "slip: exit 0"
like "$out" "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" "slip: Mẫu 01"
like "$out" "Mã hồ sơ: $code" "slip: the code"
like "$out" "tiếp nhận hồ sơ của: Trần Thị Bích Ngọc" "slip: the applicant"
like "$out" "4. Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 20 tháng 11 năm 2026" "slip: receipt time"
like "$out" "16 giờ 10 phút, ngày 25 tháng 11 năm 2026" "slip: due time"
like "$out" "Phí, lệ phí: 15.000 đồng" "slip: fee"
is "$(printf '%s\n' "$out" | grep -c 'GIẤY TIẾP NHẬN')" 2 "slip: two copies"
slipfile="$T/slips/mau01-$code.txt"
test -f "$slipfile"; ok "slip: saved in the slips folder"
is "$(cat "$slipfile")" "$out" "slip: the saved file is what was shown"
is "$(stat -c %a "$T/slips")" 700 "slips folder: mode 700"
is "$(stat -c %a "$slipfile")" 600 "slip file: mode 600"
is "$(ls -A "$T/slips" | wc -l)" 1 "no temporary file left"

# --out
run --db "$db" slip "$code" --out "$T/copy.txt"
is "$rc" 0 "slip --out: exit 0"
is "$out" "" "slip --out: nothing on standard output"
cmp -s "$T/copy.txt" "$slipfile"; ok "slip --out: the same text"

# --print with a test command, then with one that fails
cat > "$T/fakelp" <<EOF
#!/bin/sh
echo printer chatter
cp "\$1" "$T/printed.txt"
EOF
chmod +x "$T/fakelp"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command "$T/fakelp" >/dev/null
run --db "$db" slip "$code" --print
is "$rc" 0 "slip --print: exit 0"
cmp -s "$T/printed.txt" "$slipfile"; ok "slip --print: the printer got the saved file"
like "$(cat "$T/print.log")" "printer chatter" "slip --print: the command's output goes to print.log"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command false >/dev/null
refused "printer fails" "$db" "printing failed.*motcua slip CODE --print" --db "$db" slip "$code" --print
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command /nonexistent/lp >/dev/null
refused "no such print command" "$db" "printing failed.*/nonexistent/lp" --db "$db" slip "$code" --print

# bad input
refused "unknown code" "$db" "no dossier has the code" --db "$db" slip 000.17.22.H56-261120-9999
run --db "$db" slip
is "$rc" 2 "slip without a code: usage"
run --db "$db" slip a b
is "$rc" 2 "slip with two codes: usage"
run --db "$db" slip "$code" --bogus
is "$rc" 2 "slip with an unknown option: usage"
refused "--out into a missing folder" "$db" "cannot write" --db "$db" slip "$code" --out "$T/no/such/dir/x.txt"

# a template beside the database
mkdir "$T/templates"
printf 'Hồ sơ {{code}}: {{applicant}}\n' > "$T/templates/mau01.txt"
run --db "$db" slip "$code"
like "$out" "^Hồ sơ $code: Trần Thị Bích Ngọc" "template override used"
printf 'Hồ sơ {{ma_ho_so}}\n' > "$T/templates/mau01.txt"
refused "unknown template field" "$db" "templates/mau01.txt.*\{\{ma_ho_so\}\}" --db "$db" slip "$code"
rm -r "$T/templates"

# motcua guide: the guidance id, then the saved Mẫu 02
before_dossiers=$(sqlite3 "$db" "SELECT count(*) FROM dossier")
run --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name "Lê Văn Tám" --id 087084000999 --phone 0987654321 \
	--address "Ấp 2" --docs 1 --at "2026-11-23 09:05"
is "$rc" 0 "guide: exit 0"
gid=$(printf '%s\n' "$out" | sed -n 1p)
gpath=$(printf '%s\n' "$out" | sed -n 2p)
like "$gid" "^[0-9a-f-]{36}$" "guide: line 1 is the guidance id"
is "$gpath" "$T/slips/mau02-$gid.txt" "guide: line 2 is the saved Mẫu 02"
is "$(sqlite3 "$db" "SELECT kind FROM event WHERE dossier = '$gid'")" guide "guide: a guide event"
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier")" "$before_dossiers" "guide: no dossier"
m2=$(cat "$gpath")
like "$m2" "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" "Mẫu 02: title"
like "$m2" "Số: 1001/HDHS" "Mẫu 02: number"
like "$m2" "Lê Văn Tám" "Mẫu 02: applicant"
like "$m2" "1\. Văn bản của cơ quan y tế" "Mẫu 02: the missing document"
if printf '%s\n' "$m2" | grep -q "Tờ khai đăng ký nhận"; then false; else true; fi
ok "Mẫu 02: not the document handed in"
run --db "$db" slip --supplement "$gid"
is "$rc" 0 "slip --supplement ID: exit 0"
is "$out" "$m2" "slip --supplement ID: the same form again"

# guide refusals: exit 1, a message, the database unchanged
refused "guide: nothing missing" "$db" "no required document is missing" --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A --id 087084000999 --docs 1,2
refused "guide: bad ID" "$db" "12 digits" --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A --id 0870840009 --docs 1
refused "guide: unknown procedure" "$db" "9.999" --db "$db" --password-file "$PWF" guide --procedure 9.999 --name A --id 087084000999 --docs 1
refused "guide: bad --docs" "$db" "not valid" --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A --id 087084000999 --docs 1,,2
refused "guide: bad --at" "$db" "YYYY-MM-DD HH:MM" --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A --id 087084000999 --at 23/11/2026
refused "guide: bad phone" "$db" "10 digits" --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A --id 087084000999 --phone 123 --docs 1
run --db "$db" --password-file "$PWF" guide --procedure 1.001022 --name A
is "$rc" 2 "guide without --id: usage"
refused "supplement: unknown id" "$db" "no guidance or dossier" --db "$db" slip --supplement nope
run --db "$db" slip --supplement "$code"
is "$rc" 0 "supplement for a dossier: exit 0"
like "$out" "1\. Văn bản ủy quyền" "supplement for a dossier: what was not handed in"
full=$("$MOTCUA" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Lê Văn Tám" --id 087084000999 --docs all --at "2026-11-24 08:00" | head -1)
refused "supplement: nothing missing" "$db" "nothing is missing" --db "$db" slip --supplement "$full"

# --form: Mẫu 01 to 05 by dossier code, saved as mau0N-<code>.txt
run --db "$db" slip "$code" --form 01
is "$rc" 0 "slip --form 01: exit 0"
is "$out" "$(cat "$slipfile")" "slip --form 01: Mẫu 01, as without --form"
run --db "$db" slip "$code" --form 2
is "$rc" 0 "slip --form 2: exit 0"
like "$out" "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" "slip --form 2: Mẫu 02 of the dossier"
like "$out" "1\. Văn bản ủy quyền" "slip --form 02: what was not handed in"
is "$(cat "$T/slips/mau02-$code.txt")" "$out" "slip --form 02: saved as mau02-CODE.txt"
run --db "$db" slip "$code" --form 02 --supplement
is "$rc" 0 "slip --form 02 --supplement: the same form, exit 0"
run --db "$db" slip "$code" --form 03 --supplement
is "$rc" 2 "slip --form 03 --supplement: usage"
refused "--form 03 without a refusal" "$db" "was not refused" --db "$db" slip "$code" --form 03
refused "--form 04 without an apology" "$db" "no apology was recorded" --db "$db" slip "$code" --form 04
test ! -e "$T/slips/mau03-$code.txt" && test ! -e "$T/slips/mau04-$code.txt"
ok "refused forms are not saved"

# Mẫu 03 after a refusal at the counter
rcode=$("$MOTCUA" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Phạm Văn Đức" --id 087084000999 --docs all --at "2026-11-20 09:00" | head -1)
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$rcode" refuse --reason "Không thuộc thẩm quyền của xã" --at "2026-11-21 10:15" >/dev/null
run --db "$db" slip "$rcode" --form 03
is "$rc" 0 "slip --form 03: exit 0"
like "$out" "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" "Mẫu 03: title"
like "$out" "Số: [0-9]{4}/TC" "Mẫu 03: number"
like "$out" "tiếp nhận hồ sơ của Ông: Phạm Văn Đức" "Mẫu 03: applicant (Ông: the ID says male)"
like "$out" "^   Không thuộc thẩm quyền của xã$" "Mẫu 03: the reason"
like "$out" "Mỹ An, ngày 21 tháng 11 năm 2026" "Mẫu 03: dated the refusal"
is "$(cat "$T/slips/mau03-$rcode.txt")" "$out" "Mẫu 03: saved as mau03-CODE.txt"
run --db "$db" slip "$rcode" --form 3 --out "$T/m3.txt"
is "$rc$out" 0 "slip --form 3 --out: exit 0, nothing shown"
cmp -s "$T/m3.txt" "$T/slips/mau03-$rcode.txt"; ok "slip --form 3 --out: the same text"

# Mẫu 04 after two apologies: the last one counts
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" apologize --reason "Chờ xác minh" --new-date "2026-11-30 10:00" --at "2026-11-26 08:00" >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" apologize --reason "Chờ ý kiến Sở" --new-date "2026-12-03 15:00" --at "2026-11-30 11:00" >/dev/null
run --db "$db" slip "$code" --form 04
is "$rc" 0 "slip --form 04: exit 0"
like "$out" "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" "Mẫu 04: title"
like "$out" "Số: 1001/PXL" "Mẫu 04: number"
like "$out" "Kính gửi: Trần Thị Bích Ngọc" "Mẫu 04: Kính gửi"
like "$out" "Thời hạn trả kết quả giải quyết hồ sơ:
   16 giờ 10 phút, ngày 25 tháng 11 năm 2026" "Mẫu 04: the due"
like "$out" "^Lý do: Chờ ý kiến Sở$" "Mẫu 04: the last reason"
like "$out" "Hẹn lại ngày trả kết quả: 15 giờ 00 phút, ngày 03 tháng 12 năm 2026" "Mẫu 04: the last new date"
like "$out" "THỦ TRƯỞNG CƠ QUAN" "Mẫu 04: signed by the head"
test -f "$T/slips/mau04-$code.txt"; ok "Mẫu 04: saved as mau04-CODE.txt"

# Mẫu 05: the hand-offs
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" handover --to "Lê Văn Hùng" --at "2026-11-30 13:00" >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" transfer --agency "Phòng Tư pháp" --at "2026-11-30 14:00" >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" transfer-back --agency "Phòng Tư pháp" --at "2026-12-01 09:00" >/dev/null
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$code" result --at "2026-12-02 09:00" >/dev/null
run --db "$db" slip "$code" --form 05
is "$rc" 0 "slip --form 05: exit 0"
like "$out" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "Mẫu 05: title"
like "$out" "Cơ quan giải quyết: Phòng Tư pháp" "Mẫu 05: the agency"
is "$(printf '%s\n' "$out" | grep -c 'Người giao:')" 5 "Mẫu 05: five hand-offs"
like "$out" "Giao: Nguyễn Thị Lan →" "Mẫu 05: the handover"
like "$out" "^ Phòng Tư pháp +09 giờ 00 phút, +quá hạn +Trả về:" "Mẫu 05: the hand-back, late"
like "$out" "^ +ngày 01/12/2026 " "Mẫu 05: its date"
like "$out" "09 giờ 00 phút, +quá hạn +Nhận kết quả:" "Mẫu 05: the result, late"
test -f "$T/slips/mau05-$code.txt"; ok "Mẫu 05: saved as mau05-CODE.txt"
refused "--form 05 of an unknown code" "$db" "no dossier has the code" --db "$db" slip 000.17.22.H56-261120-9999 --form 05

# bad --form values: usage, exit 2, nothing changed, nothing saved
for bad in 07 06 00 0 6 1x abc "" 001 -1; do
	before=$(dbsum "$db")
	nslips=$(ls -A "$T/slips" | wc -l)
	run --db "$db" slip "$code" --form "$bad"
	is "$rc" 2 "slip --form '$bad': usage (exit 2)"
	like "$err" "usage:" "slip --form '$bad': the usage line"
	is "$(dbsum "$db")$(ls -A "$T/slips" | wc -l)" "$before$nslips" "slip --form '$bad': nothing changed"
done
run --db "$db" slip "$code" --form 07
like "$err" "there is no form '07'.*01.*05" "slip --form 07: says which forms exist"
run --db "$db" slip "$code" --form
is "$rc" 2 "slip --form without a value: usage"

# the slips folder cannot be written: clear error, nothing recorded by slip
chmod 500 "$T/slips"
if [ "$(id -u)" -ne 0 ]; then
	refused "unwritable slips folder" "$db" "cannot write" --db "$db" slip "$code"
else
	chmod 700 "$T/slips"; rm -r "$T/slips"; : > "$T/slips"
	refused "slips folder is a file" "$db" "slips" --db "$db" slip "$code"
	rm "$T/slips"
fi
chmod 700 "$T/slips" 2>/dev/null
done_testing
