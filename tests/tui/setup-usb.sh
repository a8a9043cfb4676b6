# setup-usb.sh — the first start's catalog step (step 2 of the setup):
# the province's catalog imported from a USB stick (MOTCUA_MEDIA points at
# a temporary folder whose sub-folder is the stick), with its count; no
# stick file: one sentence saying what to do, then the file is copied,
# Enter looks again and imports it; a malformed and a forged file: the
# file and the cause shown, nothing imported, the step stays for another
# choice.  The database is checked with sqlite3, and no line of any
# screen of the setup is cut inside a word.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/setup-lib.sh"
db="$T/new/a.db"
stick="$T/media/KINGSTON"
mkdir -p "$T/new" "$stick"
screen() { tm capture-pane -p; }
q() { sqlite3 "$db" "$1"; }
# open_new [LANGUAGE] — the program on a new database, Vietnamese unless told
open_new() {
	tm new-session -d -x 80 -y 24 "env LANGUAGE=${1:-vi} MOTCUA_MEDIA='$T/media' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
	wait_for "F1 "
}
# step1 — the unit and the supervisor typed in, up to step 2
step1() {
	tm send-keys -l "000.17.22.H56"; tm send-keys Enter
	tm send-keys -l "UBND xax Myx An"; tm send-keys Enter
	tm send-keys Enter; tm send-keys Enter	# the body and place as filled in
	tm send-keys -l "Aaps 1"; tm send-keys Enter
	tm send-keys Enter
	tm send-keys -l "lan"; tm send-keys Enter
	tm send-keys -l "Nguyeenx Thij Lan"; tm send-keys Enter
	tm send-keys -l "mat-khau-lan"; tm send-keys Enter
	tm send-keys -l "mat-khau-lan"
}

# the province's catalog: two procedures the sample does not hold
province() {
	cat <<'EOJ'
{
  "format": "motcua-catalog",
  "format_version": 1,
  "version": 4,
  "issued": "2026-01-15",
  "issuer": "UBND tỉnh Đồng Tháp",
  "sample": false,
  "procedures": [
    {"code": "2.002621", "name": "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ",
     "field": "Xây dựng", "level": "commune", "time_limit": "15 days", "fee": 75000,
     "result": "Giấy phép xây dựng", "legal_basis": "Luật Xây dựng số 50/2014/QH13",
     "documents": [
       {"name": "Đơn đề nghị cấp giấy phép xây dựng", "form": "original", "quantity": 1, "required": true}
     ]},
    {"code": "2.002622", "name": "Thủ tục xác nhận hợp đồng tiếp cận nguồn gen",
     "field": "Môi trường", "level": "commune", "time_limit": "5 days", "fee": 0,
     "result": "Văn bản xác nhận", "legal_basis": "Luật Đa dạng sinh học",
     "documents": []}
  ]
}
EOJ
}

# ---- no file on the stick, then the file: look again, import ------------
open_new
wait_for "Mã đơn vị"; ok "a fresh database opens the setup"
uncut "the first field, with the agency code's hint"
step1
wait_for "Enter: sang danh mục thủ tục"; ok "the last field says Enter goes on to the catalog"
uncut "the last field of step 1"
tm send-keys Enter
wait_for "Bước 2/2"; ok "Enter goes to step 2, the catalog"
check "nothing is written before step 2 is confirmed" \
    sh -c "! sqlite3 '$db' 'SELECT 1 FROM officer' 2>/dev/null | grep -q 1"
like "$(screen)" "\(•\) Danh mục mẫu \(dữ liệu mẫu — thay bằng danh mục của tỉnh" \
    "the sample is chosen by default, marked as sample data"
like "$(screen)" "\( \) Danh mục của tỉnh trên USB: chưa thấy tệp danh mục nào" \
    "the USB row says no catalog file is found"
like "$(screen)" "\( \) Chưa nạp danh mục" "the third choice: none"
uncut "step 2 with nothing on the stick"
tm send-keys Down
wait_for "Không thấy USB có tệp danh mục: hãy cắm USB"
ok "on the USB row, one sentence says what to do"
s=$(screen | tr -s ' \n' '  ')
like "$s" "Không thấy USB có tệp danh mục: hãy cắm USB chứa danh mục của tỉnh \(tệp \.json\) rồi nhấn Enter để tìm lại, hoặc chọn danh mục mẫu\." \
    "the sentence whole: plug in, Enter to look again, or the sample"
uncut "the no-file sentence"
tm send-keys Enter
wait_for "Vẫn chưa thấy tệp danh mục"; ok "Enter looks again and says nothing is there yet"
like "$(screen)" "Bước 2/2" "still on step 2: no dead end"
printf '{"note": "not a catalog"}\n' > "$stick/ghichu.json"
province > "$stick/danhmuc-dongthap.json"
tm send-keys Enter
wait_for "Đã thấy tệp danh mục trên USB"; ok "Enter looks again and finds the file"
s=$(screen)
like "$s" "\(•\) Danh mục của tỉnh trên USB: danhmuc-dongthap.json \(ở KINGSTON\)" \
    "the catalog file is listed with its stick, and chosen"
unlike "$s" "ghichu" "a .json file that is no catalog is not listed"
like "$(screen | tr -s ' \n' '  ')" "Tệp: $stick/danhmuc-dongthap.json" "its full path is shown"
uncut "step 2 with the file found"
tm send-keys Enter
wait_for "Save these details|Lưu các thông tin"; ok "Enter asks before saving"
tm send-keys Enter
wait_for "đã nhập 2 thủ tục từ danhmuc-dongthap.json"
ok "the setup ends with the count of procedures imported"
wait_for "Cán bộ: lan"; ok "the supervisor is logged in"
uncut "the main screen after the setup"
is "$(q "SELECT group_concat(code, ' ') FROM (SELECT code FROM procedure ORDER BY code)")" \
    "2.002621 2.002622" "the database holds the stick's procedures"
is "$(q "SELECT count(*) FROM procedure WHERE code = '1.001193'")" 0 \
    "the sample's procedures are absent"
is "$(q "SELECT value FROM meta WHERE key = 'catalog_issuer'")" "UBND tỉnh Đồng Tháp" \
    "the catalog held is the province's"
is "$(q "SELECT value FROM meta WHERE key = 'catalog_sample'")" 0 "and it is not sample data"
is "$(q "SELECT full_name || '|' || role FROM officer")" "Nguyễn Thị Lan|supervisor" \
    "the officer row"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
tui_fresh

# ---- a malformed and a forged file: refused, the step stays -----------------
rm -rf "$T/new" "$stick"; mkdir -p "$T/new" "$stick"
province | head -c 300 > "$stick/catalog.json"		# cut short
# recognised by its content; a right-to-left override in a name
province | sed 's/Thủ tục xác nhận/Thủ tục ‮xác nhận/' > "$stick/tinh-2026.json"
open_new en
wait_for "Unit code"; ok "the setup again, in English"
uncut "the first field in English (the agency code's hint whole)"
like "$(screen | tr -s ' \n' '  ')" "Agency code per QCVN 102:2016, e\.g\. 000\.17\.22\.H56: it starts every dossier code\." \
    "the agency code's hint reads whole"
step1
tm send-keys Enter
wait_for "Step 2 of 2"
s=$(screen)
like "$s" "\( \) The province's catalog from the USB stick: catalog\.json \(on KINGSTON\)" \
    "a file named like a catalog is listed"
like "$s" "\( \) The province's catalog from the USB stick: tinh-2026\.json \(on KINGSTON\)" \
    "a file whose content names the format is listed"
uncut "step 2 with two files"
tm send-keys Down Enter
wait_for "Save these details"
tm send-keys Enter
wait_for "catalog\.json was not imported"; ok "the malformed file: the message names it"
like "$(screen | tr -s ' \n' '  ')" "catalog\.json was not imported: the catalog file is not valid JSON \(cut short, or not a catalog at all\)" \
    "and says why"
like "$(screen)" "Step 2 of 2" "the wizard stays on the step"
uncut "the malformed file's message"
is "$(q "SELECT count(*) FROM procedure")" 0 "nothing is imported"
is "$(q "SELECT count(*) FROM officer")" 1 "the unit and the officer are saved"
tm send-keys Down Enter
wait_for "tinh-2026\.json was not imported"; ok "the forged file: the message names it"
like "$(screen | tr -s ' \n' '  ')" "U\+202E" "and the hidden character it holds"
uncut "the forged file's message"
is "$(q "SELECT count(*) FROM procedure")" 0 "still nothing imported"
tm send-keys Escape
wait_for "Start without a catalog\?"; ok "Esc, once saved, asks to start without a catalog"
tm send-keys Escape
sleep 0.3
like "$(screen)" "Step 2 of 2" "No: the step stays"
tm send-keys Up Up Up
sleep 0.2
like "$(screen)" "\(•\) The sample catalog" "another choice: the sample"
tm send-keys Enter
wait_for "sample catalog's 29 procedures are loaded"; ok "the sample is loaded, with its count"
wait_for "Officer: lan"; ok "the supervisor is logged in"
is "$(q "SELECT count(*) FROM procedure WHERE code = '1.001193'")" 1 "the sample is held"
is "$(q "SELECT count(*) FROM procedure WHERE code LIKE '2.00262%'")" 0 \
    "none of the refused files' procedures"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# ---- none: the third choice ------------------------------------------------
rm -rf "$T/new"; mkdir -p "$T/new"
open_new en
wait_for "Unit code"
step1
tm send-keys Enter
wait_for "Step 2 of 2"
tm send-keys Escape
wait_for "Unit code +000\.17\.22\.H56"; ok "Esc before saving goes back to step 1, as typed"
tm send-keys Enter
wait_for "Step 2 of 2"
tm send-keys Down Down Down Enter
wait_for "Save these details"
tm send-keys Enter
wait_for "Setup done, without a catalog"; ok "none: the setup ends saying so"
uncut "the main screen without a catalog"
is "$(q "SELECT count(*) FROM procedure")" 0 "no procedure"
is "$(q "SELECT count(*) FROM officer")" 1 "the officer is saved"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# ---- a unit without officers: the officer alone, no catalog step -----------
rm -rf "$T/new"; mkdir -p "$T/new"
"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
    --station 1 >/dev/null
open_new en
wait_for "No officer yet"; ok "a unit without officers: the setup of the first one"
tm send-keys -l "lan"; tm send-keys Enter
tm send-keys -l "Nguyeenx Thij Lan"; tm send-keys Enter
tm send-keys -l "mat-khau-lan"; tm send-keys Enter
tm send-keys -l "mat-khau-lan"; tm send-keys Enter
wait_for "Save these details"; ok "the last field asks to save: no catalog step"
unlike "$(screen)" "Step 2 of 2" "step 2 is not shown"
tm send-keys Enter
wait_for "Officer: lan"; ok "the officer is logged in"
is "$(q "SELECT count(*) FROM procedure")" 0 "the catalog is left as it was"
tm send-keys F10
wait_for "EXITED"
done_testing
