# pdf.sh — the forms as PDF on A4 (slip --format pdf, report logbook
# --format pdf, printing through lp as PDF): for real dossiers each of the
# seven forms is rendered, its text read back with pdftotext (the fields
# are there), every word's box (pdftotext -bbox) inside the page less the
# margins of Decree 30/2020 — also with a long unit name and a control
# sheet of 40 rows that flows onto a second page — and the receipt's QR
# decoded by zbarimg to the dossier code.  Bad input is refused with a
# clear message and nothing written.
. "$top_srcdir/tests/cli/lib.sh"
for tool in pdftotext pdftoppm zbarimg python3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing (./bootstrap installs it)"
		exit 0
	fi
done
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Phước Long Thọ" --station 1 \
	--sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
# a long receiving body: it must wrap inside the header's column
M --officer truong --password-file "$PWF" unit set --phone 02773861234 \
	--body "Trung tâm Phục vụ hành chính công xã Phước Long Thọ, tỉnh Vĩnh Long mở rộng sau sắp xếp đơn vị hành chính" \
	--place "Phước Long Thọ" >/dev/null
L() { M --officer lan --password-file "$PWF" "$@"; }
recv() {	# recv PROCEDURE ID AT — prints the code
	L receive --procedure "$1" --name "Nguyễn Văn An" --id "$2" --phone 0912345678 \
	    --address "Ấp 1, xã Phước Long Thọ" --at "$3" | head -1
}
# inside FILE NAME — every word of the PDF inside its page less the margins
# (top, bottom 20 mm, left 30 mm, right 15 mm; 0.5 pt of slack)
inside() {
	pdftotext -bbox "$1" "$T/bbox.html" 2>/dev/null
	r=$(python3 - "$T/bbox.html" <<'PY'
import re, sys
mm = 72 / 25.4
bad = []; n = 0
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', open(sys.argv[1], encoding="utf-8").read(), re.S):
    w, h = float(page.group(1)), float(page.group(2))
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page.group(3)):
        x0, y0, x1, y1 = map(float, m.groups()[:4]); n += 1
        if x0 < 30 * mm - .5 or x1 > w - 15 * mm + .5 or y0 < 20 * mm - .5 or y1 > h - 20 * mm + .5:
            bad.append(m.group(5))
print("%d words, outside: %s" % (n, " ".join(bad[:5]) if bad else "none"))
PY
)
	like "$r" "^[1-9][0-9]* words, outside: none$" "$2: every word inside the margins ($r)"
}
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

c1=$(recv 2.000815 087084000901 "2026-11-16 08:00")	# certified copy: a fee rule
c3=$(recv 1.001022 087084000903 "2026-11-16 08:20")	# refused
c4=$(recv 1.001022 087084000904 "2026-11-16 08:30")	# apologized
c5=$(recv 1.001022 087084000905 "2026-11-16 08:40")	# stopped
c6=$(recv 1.001022 087084000906 "2026-11-16 08:50")	# 40 hand-offs
run --db "$db" --officer lan --password-file "$PWF" guide --procedure 1.001022 --name "Lê Văn Tám" \
	--id 087084000999 --phone 0987654321 --address "Ấp 2" --docs 1 --at "2026-11-16 09:05"
gid=$(printf '%s\n' "$out" | sed -n 1p)
L event "$c3" refuse --reason "Hồ sơ không thuộc thẩm quyền" --at "2026-11-16 10:00" >/dev/null
L event "$c5" stop --reason "Công dân đề nghị dừng giải quyết" \
	--ground "Điều 20 Nghị định 118/2025/NĐ-CP" --at "2026-11-16 10:05" >/dev/null
i=0
while [ $i -lt 19 ]; do
	m=$((10 + i))
	L event "$c6" handover --to "Trần Văn Trưởng" --at "2026-11-16 10:$m" >/dev/null
	M --officer truong --password-file "$PWF" event "$c6" handover --to "Nguyễn Thị Lan" \
	    --at "2026-11-16 10:$m" >/dev/null
	i=$((i + 1))
done
L event "$c6" result --at "2026-11-17 10:00" >/dev/null
L event "$c6" return --at "2026-11-17 11:00" >/dev/null
L event "$c4" apologize --reason "Chờ xác minh" --new-date "2026-11-25 16:00" \
	--at "2026-11-19 10:00" >/dev/null

# form 1: saved beside the text slips, its path printed; two copies, two pages
run --db "$db" slip "$c1" --form 1 --format pdf
is "$rc" 0 "form 1 as PDF: exit 0"
is "$out" "$T/slips/mau01-$c1.pdf" "form 1 as PDF: the saved file's path printed"
head -c 5 "$T/slips/mau01-$c1.pdf" | grep -q '^%PDF-'; ok "form 1: a PDF file"
is "$(stat -c %a "$T/slips/mau01-$c1.pdf")" 600 "form 1: the PDF is mode 600"
is "$(pages "$T/slips/mau01-$c1.pdf")" 2 "form 1: each copy on its own page"
t=$(pdftotext "$T/slips/mau01-$c1.pdf" - | tr -s ' \n' '  ')
like "$t" "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" "form 1: its title"
like "$t" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "form 1: the national name"
like "$t" "Độc lập - Tự do - Hạnh phúc" "form 1: the motto"
like "$t" "UBND XÃ PHƯỚC LONG THỌ" "form 1: the parent authority"
like "$t" "$c1" "form 1: the code"
like "$t" "Nguyễn Văn An" "form 1: the applicant"
seq=$(sqlite3 "$db" "SELECT book_no FROM dossier WHERE code = '$c1'")
book=$(sqlite3 "$db" "SELECT book FROM dossier WHERE code = '$c1'")
like "$t" "Số: $seq/TN" "form 1: the number line"
like "$t" "Phước Long Thọ, ngày 16 tháng 11 năm 2026" "form 1: the place and date"
like "$t" "Quyển số: $book, Số thứ tự: $seq" "form 1: the logbook's book and number"
like "$t" "đồng/trang" "form 1: the fee with its rule"
like "$t" "Nguyễn Thị Lan" "form 1: the officer"
like "$t" "Liên 1: Lưu" "form 1: copy 1"
like "$t" "Liên 2: Giao khách hàng" "form 1: copy 2"
like "$t" "Ký và ghi rõ họ tên" "form 1: the signature blocks"
inside "$T/slips/mau01-$c1.pdf" "form 1"
pdftoppm -r 150 -png "$T/slips/mau01-$c1.pdf" "$T/qr"
is "$(zbarimg -q --raw "$T"/qr-*.png 2>/dev/null | sort -u)" "$c1" "form 1: the QR decodes to the dossier code"

# forms 2 to 6, to --out
form() {	# form N KEY FILE — form N of KEY as PDF into FILE; its text in $t
	run --db "$db" slip "$2" --form "$1" --format pdf --out "$3"
	is "$rc" 0 "form $1 as PDF: exit 0"
	is "$out" "" "form $1 --out: nothing on standard output"
	t=$(pdftotext "$3" - | tr -s ' \n' '  ')
	inside "$3" "form $1"
}
form 2 "$gid" "$T/f2.pdf"
like "$t" "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" "form 2: its title"
like "$t" "Lê Văn Tám" "form 2: the applicant"
like "$t" "/HDHS" "form 2: the number line"
like "$t" "02773861234" "form 2: the unit's phone"
unlike "$t" "tiếp nhận hồ sơ" "form 2: speaks of no received dossier"
form 3 "$c3" "$T/f3.pdf"
like "$t" "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" "form 3: its title"
like "$t" "Hồ sơ không thuộc thẩm quyền" "form 3: the reason"
like "$t" "$c3" "form 3: the code"
form 4 "$c4" "$T/f4.pdf"
like "$t" "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN" "form 4: its title"
like "$t" "Chờ xác minh" "form 4: the reason"
like "$t" "ngày 25 tháng 11 năm 2026" "form 4: the new date"
form 5 "$c5" "$T/f5.pdf"
like "$t" "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" "form 5: its title"
like "$t" "Điều 20 Nghị định 118/2025/NĐ-CP" "form 5: the legal ground"
form 6 "$c6" "$T/f6.pdf"
like "$t" "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" "form 6: its title"
like "$t" "Giao: Nguyễn Thị Lan → Trần Văn Trưởng" "form 6: a hand-off row"
n=$(pages "$T/f6.pdf")
[ "$n" -ge 2 ]; ok "form 6: 40 rows flow onto a second page ($n pages)"
like "$(pdftotext -f 2 -l 2 "$T/f6.pdf" - | tr -s ' \n' '  ')" "Tên cơ quan" "form 6: the table's head again on page 2"
# the 2018 numbers
run --db "$db" slip "$c1" --form 01 --format pdf --out "$T/m1.pdf"
is "$rc" 0 "form 01 as PDF: exit 0"

# form 7: the logbook, A4 landscape
run --db "$db" report logbook --from 2026-11-01 --to 2026-11-30 --format pdf --out "$T/f7.pdf"
is "$rc" 0 "form 7 as PDF: exit 0"
like "$(pdfinfo "$T/f7.pdf" | sed -n 's/^Page size: *//p')" "^841.89 x 595.276" "form 7: A4 landscape"
t=$(pdftotext "$T/f7.pdf" - | tr -s ' \n' '  ')
like "$t" "SỔ THEO DÕI HỒ SƠ" "form 7: its title"
like "$t" "Từ ngày 01/11/2026 đến ngày 30/11/2026" "form 7: the period"
like "$t" "Nguyễn Văn An" "form 7: an applicant"
like "$t" "Quyển" "form 7: the book column"
# each dossier code whole on its line of the code column (never cut)
t7=$(pdftotext -layout "$T/f7.pdf" -)
for c in "$c1" "$c3" "$c6"; do
	like "$t7" "$c" "form 7: the code $c whole in its column"
done
inside "$T/f7.pdf" "form 7"
run --db "$db" report logbook --from 2026-11-01 --to 2026-11-30 --format pdf
is "$rc" 0 "form 7 without --out: exit 0"
is "$out" "$T/reports/logbook-20261101-20261130.pdf" "form 7: saved in the reports folder"

# printing: lp gets the PDF (print_format pdf, the default), or the text
cat > "$T/fakelp" <<EOS
#!/bin/sh
cp "\$1" "$T/printed"
EOS
chmod +x "$T/fakelp"
M --officer truong --password-file "$PWF" setting set print_command "$T/fakelp" >/dev/null
run --db "$db" slip "$c1" --print
is "$rc" 0 "slip --print: exit 0"
head -c 5 "$T/printed" | grep -q '^%PDF-'; ok "slip --print: lp got a PDF"
M --officer truong --password-file "$PWF" setting set print_format text >/dev/null
run --db "$db" slip "$c1" --print
cmp -s "$T/printed" "$T/slips/mau01-$c1.txt"; ok "print_format text: lp got the text slip"
refused "print_format bad" "$db" "not a value for print_format" \
	--db "$db" --officer truong --password-file "$PWF" setting set print_format ps

# bad input: a clear message, exit 1, nothing written
n0=$(ls -A "$T/slips" | wc -l)
refused "unwritable --out" "$db" "cannot" --db "$db" slip "$c3" --form 3 --format pdf --out "$T/no/such/dir/x.pdf"
is "$(ls -A "$T/slips" | wc -l)" "$n0" "unwritable --out: no slip saved"
run --db "$db" slip "$c1" --form 9 --format pdf
is "$rc" 2 "unknown form: usage"
like "$err" "form" "unknown form: says why"
refused "a guidance's receipt" "$db" "no dossier has the code" --db "$db" slip "$gid" --form 1 --format pdf
refused "a guidance's control sheet" "$db" "no dossier" --db "$db" slip "$gid" --form 6 --format pdf
is "$(ls -A "$T/slips" | wc -l)" "$n0" "refused forms: no slip saved"
run --db "$db" slip "$c1" --format ps
is "$rc" 2 "--format ps: usage"
like "$err" "text or pdf" "--format ps: names the formats"
# the PDF module (motcua-pdf.so, opened on the first PDF) missing: the
# message names the file, nothing saved; the text slip does not need it
module=${MOTCUA_PDF_MODULE-}
export MOTCUA_PDF_MODULE="$T/no/motcua-pdf.so"
refused "no PDF module" "$db" "the PDF module $T/no/motcua-pdf.so cannot be loaded" \
	--db "$db" slip "$c1" --format pdf
is "$(ls -A "$T/slips" | wc -l)" "$n0" "no PDF module: no slip saved"
run --db "$db" slip "$c1" --out "$T/no-module.txt"
is "$rc" 0 "no PDF module: the text slip still made"
MOTCUA_PDF_MODULE=$module

done_testing
