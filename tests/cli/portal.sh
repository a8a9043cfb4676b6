# portal.sh — `report portal`: the dossiers of a period in the national
# portal's dossier-sync shape (doc/portal.md): every key of an object, the
# status codes, the times in Vietnam's clock, the progress items in order,
# the period's bounds, --out, and the refusals.  JSON is read with
# SQLite's JSON functions (jget, jlen; sqlite3 is what bootstrap installs).
MOTCUA_STORY_START="2026-10-30 07:00"
. "$top_srcdir/tests/cli/lib.sh"
db="$T/p.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
recv() {	# recv N PROC AT [OPTION...] — applicant N ("Người N"); prints the code
	_n=$1 _p=$2 _at=$3; shift 3
	M --officer lan --password-file "$PWF" receive --procedure "$_p" --name "Người $_n" \
		--id "0870840009$(printf %02d "$_n")" --address "$ADDR" --at "$_at" "$@" 2>/dev/null | head -1
}
ev() { M --officer lan --password-file "$PWF" event "$@" >/dev/null || echo "# event failed: $*"; }

# The period is Monday 2 to Thursday 5 November 2026.  In the order of
# their times (a receipt before the newest event is a supervisor's):
b0=$(recv 1 1.001193 "2026-10-30 15:00")                         # before the period
d1=$(recv 2 1.001022 "2026-11-02 07:30" --phone 0912345678 --email lan.nguoi@example.vn)  # received
d2=$(recv 3 1.001022 "2026-11-02 08:00")                         # handed over: processing
ev "$d2" handover --to "Phạm Văn Tư" --at "2026-11-02 09:00"
d3=$(recv 4 1.001022 "2026-11-03 08:00")                         # transferred, then an apology
ev "$d3" transfer --agency "Sở Tư pháp tỉnh" --at "2026-11-03 08:30"
d4=$(recv 5 1.001193 "2026-11-03 09:00")                         # result ready
ev "$d4" result --at "2026-11-03 10:00"
ev "$d3" apologize --reason "Chờ xác minh" --new-date "2026-11-12 16:00" --at "2026-11-03 11:00"
d5=$(recv 6 1.001193 "2026-11-04 08:00")                         # returned
ev "$d5" result --at "2026-11-04 10:00"
ev "$d5" return --rating satisfied --at "2026-11-04 15:00"
d6=$(recv 7 1.001193 "2026-11-04 15:30")                         # refused at the counter
ev "$d6" refuse --reason "Không thuộc thẩm quyền" --at "2026-11-04 15:35"
d7=$(recv 8 1.001022 "2026-11-05 08:00")                         # paused
ev "$d7" pause --reason "Thiếu giấy tờ" --at "2026-11-05 08:30"
d8=$(recv 9 1.001022 "2026-11-05 09:00")                         # withdrawn
ev "$d8" withdraw --at "2026-11-05 09:30"
d9=$(recv 10 1.001193 "2026-11-05 10:00")                         # cancelled: not exported
M --officer truong --password-file "$PWF" event "$d9" cancel --reason "Nhập nhầm" \
	--at "2026-11-05 10:05" >/dev/null || echo "# cancel failed"
d10=$(recv 11 1.001193 "2026-11-05 16:30")                        # on the --to day
d11=$(recv 12 1.001193 "2026-11-06 07:30")                        # the day after

run --db "$db" report portal --from 2026-11-02 --to 2026-11-05
is "$rc" 0 "portal: exit 0"
j=$out
is "$(jget "$j" '$[0].MaHoSo')" "$d1" "the first object is the first receipt of the period"
is "$(jlen "$j")" 9 "nine dossiers: d1..d8 and d10 (not the one before, the cancelled one, the day after)"
codes=$(printf '%s' "$j" > "$T/a.json"; sqlite3 :memory: \
	"SELECT group_concat(json_extract(value, '\$.MaHoSo'), ' ') FROM json_each(CAST(readfile('$T/a.json') AS TEXT))")
is "$codes" "$d1 $d2 $d3 $d4 $d5 $d6 $d7 $d8 $d10" "in receipt order; the --to day included"
unlike "$j" "$b0|$d9|$d11" "neither the day before, the cancelled dossier nor the day after"

# every key of an object, in order, and each value's type
keys=$(sqlite3 :memory: "SELECT group_concat(key || ':' || type, ' ') FROM json_each(json_extract(CAST(readfile('$T/a.json') AS TEXT), '\$[0]'))")
is "$keys" "MaHoSo:text MaTTHC:text TenTTHC:text MaLinhVuc:text TenLinhVuc:text ChuHoSo:text LoaiDoiTuong:text SoDienThoai:text Email:text TrichYeuHoSo:text NgayTiepNhan:text NgayHenTra:text TrangThaiHoSo:text NgayTra:text HinhThuc:text DonViXuLy:text QuaTrinhXuLy:array" \
	"an object has exactly the portal's keys, in order, each of its type"
o() { jget "$j" "\$[$1].$2"; }
is "$(o 0 MaTTHC)" 1.001022 "MaTTHC: the procedure's code"
is "$(o 0 TenTTHC)" "Thủ tục đăng ký nhận cha, mẹ, con" "TenTTHC: the procedure's name"
is "$(o 0 MaLinhVuc)" "" "MaLinhVuc: empty (the catalog has no field code)"
is "$(o 0 TenLinhVuc)" "Hộ tịch" "TenLinhVuc: the field"
is "$(o 0 ChuHoSo)" "Người 2" "ChuHoSo: the applicant"
is "$(o 0 LoaiDoiTuong)" 1 "LoaiDoiTuong: 1, a citizen"
is "$(o 0 SoDienThoai)" 0912345678 "SoDienThoai: the phone"
is "$(o 0 Email)" "lan.nguoi@example.vn" "Email: the e-mail"
is "$(o 1 SoDienThoai)|$(o 1 Email)" "|" "no phone, no e-mail: both empty"
is "$(o 0 TrichYeuHoSo)" "Thủ tục đăng ký nhận cha, mẹ, con - Người 2" "TrichYeuHoSo: procedure and applicant"
is "$(o 0 NgayTiepNhan)" 20261102073000 "NgayTiepNhan: 07:30 in Vietnam shows 0730"
is "$(o 0 NgayHenTra)" 20261105073000 "NgayHenTra: three working days later, at the hour of the receipt"
is "$(o 0 NgayTra)" "" "NgayTra: empty when not returned"
is "$(o 0 HinhThuc)" 0 "HinhThuc: 0, in person"
is "$(o 0 DonViXuLy)" "UBND xã Mỹ An" "DonViXuLy: the unit when the dossier stays here"
# the due date as the receipt gave it, in the portal's form
due=$(sqlite3 "$db" "SELECT strftime('%Y%m%d%H%M%S', substr(due, 1, 19)) FROM dossier WHERE code = '$d1'")
is "$(o 0 NgayHenTra)" "$due" "NgayHenTra: the dossier's due, local time"
for i in 0 1 2 3 4 5 6 7 8; do
	like "$(o $i NgayTiepNhan)$(o $i NgayHenTra)" '^20261[01][0-9]{8}20261[01][0-9]{8}$' "object $i: dates as yyyyMMddHHmmss"
done

# the status of each, as the portal codes it
st=""
for i in 0 1 2 3 4 5 6 7 8; do st="$st $(o $i TrangThaiHoSo)"; done
is "$st" " 2 4 4 9 10 3 5 7 2" "TrangThaiHoSo: received 2, processing 4, transferred 4, result 9, returned 10, refused 3, paused 5, withdrawn 7"
is "$(o 2 DonViXuLy)" "Sở Tư pháp tỉnh" "DonViXuLy: the agency it was transferred to"
is "$(o 2 NgayHenTra)" 20261112160000 "NgayHenTra: the apology's new date"
is "$(o 4 NgayTra)" 20261104150000 "NgayTra: the return's time"
is "$(o 8 NgayTiepNhan)" 20261105163000 "the --to day's late receipt is in"

# the progress list: one item per event, in order
is "$(jlen "$j" '$[4].QuaTrinhXuLy')" 3 "returned: three items"
is "$(o 4 'QuaTrinhXuLy[0].ThoiDiemXuLy') $(o 4 'QuaTrinhXuLy[1].ThoiDiemXuLy') $(o 4 'QuaTrinhXuLy[2].ThoiDiemXuLy')" \
	"20261104080000 20261104100000 20261104150000" "items in the order of the events"
is "$(o 4 'QuaTrinhXuLy[0].NoiDungXuLy')" "Tiếp nhận hồ sơ" "item: the receipt"
is "$(o 4 'QuaTrinhXuLy[1].NoiDungXuLy')" "Có kết quả giải quyết" "item: the result"
is "$(o 4 'QuaTrinhXuLy[2].NoiDungXuLy')" "Trả kết quả, người nhận: Người 6" "item: the return, to whom"
is "$(o 4 'QuaTrinhXuLy[0].NguoiXuLy')" "Nguyễn Thị Lan" "NguoiXuLy: the officer's full name"
ikeys=$(sqlite3 :memory: "SELECT group_concat(key, ' ') FROM json_each(json_extract(CAST(readfile('$T/a.json') AS TEXT), '\$[4].QuaTrinhXuLy[0]'))")
is "$ikeys" "NguoiXuLy ThoiDiemXuLy NoiDungXuLy" "an item has exactly its three keys"
is "$(o 1 'QuaTrinhXuLy[1].NoiDungXuLy')" "Chuyển cán bộ xử lý: Phạm Văn Tư" "item: the handover, to whom"
is "$(jlen "$j" '$[2].QuaTrinhXuLy')" 3 "transferred and apologized: three items"
is "$(o 2 'QuaTrinhXuLy[1].NoiDungXuLy')" "Chuyển cơ quan giải quyết: Sở Tư pháp tỉnh" "item: the transfer"
is "$(o 2 'QuaTrinhXuLy[2].NoiDungXuLy')" "Xin lỗi, hẹn lại ngày 12/11/2026 16:00: Chờ xác minh" "item: the apology"
is "$(o 5 'QuaTrinhXuLy[1].NoiDungXuLy')" "Từ chối tiếp nhận hồ sơ: Không thuộc thẩm quyền" "item: the refusal and its reason"
is "$(o 6 'QuaTrinhXuLy[1].NoiDungXuLy')" "Tạm dừng, chờ bổ sung hồ sơ: Thiếu giấy tờ" "item: the pause"
is "$(o 7 'QuaTrinhXuLy[1].NoiDungXuLy')" "Rút hồ sơ" "item: a withdrawal without a reason"
is "$(o 7 'QuaTrinhXuLy[1].ThoiDiemXuLy')" 20261105093000 "item: its time"

# the clock of the machine running the export does not move the times
TZ=America/New_York run --db "$db" report portal --from 2026-11-02 --to 2026-11-05
is "$out" "$j" "the same export whatever the process's time zone"
TZ=UTC run --db "$db" report portal --from 02/11/2026 --to 05112026
is "$out" "$j" "dates as the other reports take them: DD/MM/YYYY, DDMMYYYY"

# one day
run --db "$db" report portal --from 2026-11-06 --to 2026-11-06
is "$(jlen "$out")|$(jget "$out" '$[0].MaHoSo')" "1|$d11" "a period of one day"
run --db "$db" report portal --from 2026-12-01 --to 2026-12-31
is "$rc|$out" "0|[]" "a period with no dossier: an empty array"

# --out: the file, private, replaced whole
run --db "$db" report portal --from 2026-11-02 --to 2026-11-05 --out "$T/portal.json"
is "$rc|$out" "0|" "--out: exit 0, nothing on standard output"
is "$(cat "$T/portal.json")" "$j" "--out: the same export in the file"
is "$(stat -c %a "$T/portal.json")" 600 "--out: the file is private (0600)"
run --db "$db" report portal --from 2026-11-06 --to 2026-11-06 --out "$T/portal.json"
is "$(jlen "$(cat "$T/portal.json")")" 1 "--out: a second export replaces the file"
unseen_tmp=$(ls -A "$T" | grep -c '^\.portal\.json\.' || true)
is "$unseen_tmp" 0 "--out: no temporary left beside it"

# refusals: a message, exit 1, nothing written, the file as it was
cp "$T/portal.json" "$T/before.json"
refused "a malformed date" "$db" "not valid" --db "$db" report portal --from 2026-11-31 --to 2026-12-05 --out "$T/portal.json"
is "$(cat "$T/portal.json")" "$(cat "$T/before.json")" "a malformed date: the file untouched"
refused "a date that is not one" "$db" "not valid" --db "$db" report portal --from yesterday --to 2026-12-05
refused "--from after --to" "$db" "ends before it starts" --db "$db" report portal --from 2026-11-05 --to 2026-11-02 --out "$T/portal.json"
is "$(cat "$T/portal.json")" "$(cat "$T/before.json")" "--from after --to: the file untouched"
is "$out" "" "--from after --to: nothing on standard output"
run --db "$db" report portal --to 2026-11-05
is "$rc" 2 "a missing --from: a usage error"
like "$err" "--from" "a missing --from: named"
run --db "$db" report portal --from 2026-11-02
is "$rc" 2 "a missing --to: a usage error"
like "$err" "--to" "a missing --to: named"
refused "an unwritable --out" "$db" "cannot write $T/no/such/dir/p.json" --db "$db" report portal --from 2026-11-02 --to 2026-11-05 --out "$T/no/such/dir/p.json"
check "an unwritable --out: nothing made" test ! -e "$T/no"
if [ -w /dev/full ]; then
	refused "a full disk" "$db" "cannot write /dev/full: No space left" --db "$db" report portal --from 2026-11-02 --to 2026-11-05 --out /dev/full
else
	echo "ok $((tap_n = tap_n + 1)) # SKIP /dev/full is not writable here"
fi
run --db "$db" report portal --from 2026-11-02 --to 2026-11-05 --out ""
is "$rc" 2 "an empty --out: a usage error"

done_testing
