# unit-reform.sh — the unit after the 2025 reform: its parent authority
# (the unit's name), its receiving body and the place of the forms' date
# line; init's options and their defaults, `unit show`, a supervisor's
# `unit set` (an officer refused, bad values refused), the forms' header,
# date line and text with the longest plausible names, within each form's
# width; a database from before the reform; the change in a bundle.
. "$top_srcdir/tests/cli/lib.sh"
LONG_BODY="Trung tâm Phục vụ hành chính công phường Phước Long Thọ"
# width FILE-TEXT — the widest line, in columns
width() { printf '%s\n' "$1" | LC_ALL=C.UTF-8 wc -L; }
field() { printf '%s\n' "$out" | sed -n "s/^$1: //p"; }

# ---- init without the options: the defaults --------------------------------
d1="$T/d1.db"
run --db "$d1" init --unit-code 000.17.22.H56 --unit-name "UBND xã Phước Long" --station 1
is "$rc" 0 "init without the new options: exit 0"
like "$out" "Receiving body: Trung tâm Phục vụ hành chính công xã Phước Long; place on the forms: Phước Long\." \
    "init says the body and place it chose"
run --db "$d1" unit show
is "$rc" 0 "unit show: exit 0"
is "$(field parent)" "UBND xã Phước Long" "default: the parent is the unit name"
is "$(field body)" "Trung tâm Phục vụ hành chính công xã Phước Long" "default: a commune's centre"
is "$(field place)" "Phước Long" "default: the place without UBND and xã"
is "$(field code)" "000.17.22.H56" "unit show: the code"
is "$(sqlite3 "$d1" "SELECT group_concat(key || '=' || value, '|') FROM (SELECT * FROM meta WHERE key IN ('unit_name', 'unit_body', 'unit_place') ORDER BY key)")" \
    "unit_body=Trung tâm Phục vụ hành chính công xã Phước Long|unit_name=UBND xã Phước Long|unit_place=Phước Long" \
    "the database keeps the three"
run --db "$T/d2.db" init --unit-code 000.00.00.H01 --unit-name "Sở Tư pháp tỉnh Đồng Nai" --station 1
run --db "$T/d2.db" unit show
is "$(field body)" "Bộ phận Một cửa" "another authority than a commune: Bộ phận Một cửa"
is "$(field place)" "Sở Tư pháp tỉnh Đồng Nai" "... and its whole name as the place"
run --db "$T/d3.db" init --unit-code 000.17.22.H56 --unit-name "UBND Phường Tân Phong" --station 1
run --db "$T/d3.db" unit show
is "$(field body)" "Trung tâm Phục vụ hành chính công phường Tân Phong" "a ward: 'phường' in the body's name"

# ---- init with the options ---------------------------------------------------
db="$T/a.db"
run --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND phường Phước Long Thọ" --station 1 \
    --unit-parent "UBND phường Phước Long Thọ" --unit-body "$LONG_BODY" --unit-place "Phước Long Thọ" \
    --sample-catalog
is "$rc" 0 "init with --unit-parent, --unit-body, --unit-place: exit 0"
run --db "$db" unit show
is "$(field parent)|$(field body)|$(field place)" "UBND phường Phước Long Thọ|$LONG_BODY|Phước Long Thọ" \
    "unit show prints the three given"
run --db "$T/d4.db" init --unit-code 000.17.22.H56 --unit-name "Trung tâm Phục vụ hành chính công xã Mỹ An" \
    --unit-parent "UBND xã Mỹ An" --station 1
run --db "$T/d4.db" unit show
is "$(field parent)|$(field body)|$(field place)" \
    "UBND xã Mỹ An|Trung tâm Phục vụ hành chính công xã Mỹ An|Mỹ An" \
    "--unit-parent other than --unit-name: the name becomes the body"
run --db "$T/d5.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --unit-body "  "
is "$rc" 1 "an empty --unit-body: exit 1"
like "$err" "cannot be empty" "... says so"
test ! -e "$T/d5.db"; ok "... and makes no database"
run --db "$T/d6.db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 \
    --unit-place "$(printf 'Phước Long %.0s' 1 2 3 4)"
is "$rc" 1 "a --unit-place over 40 characters: exit 1"
like "$err" "the place of the date line is 43 characters long, more than the 40 allowed" "... says which and why"
test ! -e "$T/d6.db"; ok "... and makes no database"
run init --help
like "$out" "--unit-body NAME" "init --help: --unit-body"
like "$(printf '%s' "$out" | tr -s ' \n' '  ')" "else \"Bộ phận Một cửa\"" "... with its default"

# ---- unit set ---------------------------------------------------------------
"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" officer add tu "Phạm Văn Tư" \
    --new-password-file "$PWF" >/dev/null
refused "an officer changes the body" "$db" "role officer|not allowed|may not" \
    --db "$db" --officer tu --password-file "$PWF" unit set --body "Bộ phận Một cửa"
refused "an empty body" "$db" "the receiving body is empty" \
    --db "$db" --officer lan --password-file "$PWF" unit set --body " "
refused "an empty parent" "$db" "the parent authority \(unit name\) is empty" \
    --db "$db" --officer lan --password-file "$PWF" unit set --parent ""
refused "an over-long body" "$db" "the receiving body is 1[0-9][0-9] characters long, more than the 120 allowed" \
    --db "$db" --officer lan --password-file "$PWF" unit set --body "$LONG_BODY $LONG_BODY $LONG_BODY"
refused "a body on two lines" "$db" "the receiving body" \
    --db "$db" --officer lan --password-file "$PWF" unit set --body "Bộ phận
Một cửa"
run --db "$db" --officer lan --password-file "$PWF" unit set
is "$rc" 2 "unit set with nothing to change: a usage error"
run --db "$db" --officer lan --password-file "$PWF" unit set --phone "0251 3812 345" --address "Số 1, đường Lê Lợi"
is "$rc" 0 "a supervisor sets the phone and address: exit 0"
like "$out" "The unit is now: UBND phường Phước Long Thọ; $LONG_BODY; place Phước Long Thọ\." "... and it says what the unit is now"
is "$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'unit_phone'")" "0251 3812 345" "the phone is stored"
is "$(sqlite3 "$db" "SELECT json_extract(body, '$.body') || '|' || json_extract(body, '$.phone') || '|' || officer FROM event WHERE kind = 'unit'")" \
    "$LONG_BODY|0251 3812 345|lan" "an audit event 'unit' with the values after the change"
run --db "$db" audit
like "$out" "Unit details changed" "audit lists the change"

# ---- the forms, with the longest names ---------------------------------------
R() { "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" "$@"; }
c=$(R receive --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000999 --docs all --address "$ADDR" --at "2026-11-30 09:30" | head -1)
g=$(R guide --procedure 1.001022 --name "Trần Thị Bích" --id 087184000123 --docs 1 --at "2026-11-30 10:00" | head -1)
r=$(R receive --procedure 1.001022 --name "Lê Văn Tám" --id 087084000111 --address "$ADDR" --at "2026-11-30 10:30" | head -1)
s=$(R receive --procedure 1.001022 --name "Đỗ Văn Sáu" --id 079090001234 --docs 1,2 --address "$ADDR" --at "2026-11-30 10:40" | head -1)
R event "$r" refuse --reason "Không thuộc thẩm quyền của phường" --at "2026-11-30 11:00" >/dev/null
R event "$c" apologize --reason "Chờ xác minh" --new-date "2026-12-10 16:00" --at "2026-11-30 15:00" >/dev/null
forms="01:$c 02:$s 02g:$g 03:$r 04:$c 05:$c"
for f in $forms; do
	n=${f%%:*} code=${f#*:}
	case $n in
	02g) run --db "$db" slip "$code" --supplement ;;
	*) run --db "$db" slip "$code" --form "$n" ;;
	esac
	is "$rc" 0 "Mẫu $n: exit 0"
	w=$(width "$out")
	[ "$w" -le 74 ]; ok "Mẫu $n: no line over 74 columns ($w)"
	like "$(printf '%s\n' "$out" | head -1)" "^ +UBND PHƯỜNG PHƯỚC LONG THỌ +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$" \
	    "Mẫu $n: the parent authority in capitals on the header's first line"
	like "$(printf '%s\n' "$out" | sed -n 2p)" "^TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG +Độc lập - Tự do - Hạnh phúc$" \
	    "Mẫu $n: the receiving body on the second, wrapped in its column"
	like "$(printf '%s\n' "$out" | sed -n 3p)" "^ +PHƯỜNG PHƯỚC LONG THỌ$" "Mẫu $n: ... and centred under it"
	unlike "$out" "BỘ PHẬN TIẾP NHẬN|Bộ phận tiếp nhận và trả kết quả" "Mẫu $n: no 'Bộ phận tiếp nhận và trả kết quả' left"
	if [ "$n" != 05 ]; then
		like "$out" "^ +Phước Long Thọ, ngày 30 tháng 11 năm 2026$" "Mẫu $n: the date line with the short place"
	fi
	for lay in 58 80; do
		R setting set paper_width $lay >/dev/null
		case $n in
		01) run --db "$db" slip "$code" --form 01 --layout receipt ;;
		02) run --db "$db" slip "$code" --form 02 --layout receipt ;;
		02g) run --db "$db" slip "$code" --supplement --layout receipt ;;
		*) continue ;;
		esac
		cols=$([ $lay = 58 ] && echo 32 || echo 48)
		w=$(width "$out")
		[ "$w" -le "$cols" ]; ok "Mẫu $n on $lay mm paper: no line over $cols columns ($w)"
		like "$(printf '%s\n' "$out" | sed -n 1p)" "UBND PHƯỜNG PHƯỚC LONG THỌ" "Mẫu $n on $lay mm: the parent first"
		like "$(printf '%s\n' "$out" | sed -n 2p)" "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH" "Mẫu $n on $lay mm: the body second"
		like "$out" "Phước Long Thọ" "Mẫu $n on $lay mm: the place"
	done
done
run --db "$db" slip "$c" --form 01
like "$out" "
$LONG_BODY
tiếp nhận hồ sơ của: Nguyễn Văn An" "Mẫu 01: the receiving body receives"
like "$out" "6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường
 {29}Phước Long Thọ" "Mẫu 01: the result is collected at the body, wrapped under itself"
run --db "$db" slip "$g" --supplement
like "$out" "hướng dẫn hoàn thiện hồ sơ cho Bà: Trần Thị Bích" "Mẫu 02 of a guidance: guides, for Bà"
unlike "$out" "tiếp nhận hồ sơ" "Mẫu 02 of a guidance: nothing said received"
like "$out" "số điện thoại 0251 3812 345" "Mẫu 02: the unit's phone (officers have none)"
run --db "$db" slip "$r" --form 03
like "$out" "Qua xem xét, Trung tâm Phục vụ hành chính công phường Phước Long Thọ
thông báo không tiếp nhận" "Mẫu 03: the body refuses"
run --db "$db" slip "$c" --form 04
like "$out" "Nhưng đến nay, Trung tâm Phục vụ hành chính công phường Phước Long Thọ
chưa trả kết quả" "Mẫu 04: the body apologises"

# ---- a database from before the reform -----------------------------------------
old="$T/old.db"
sqlite3 "$old" < "$top_srcdir/schema/001_core.sql"
sqlite3 "$old" "PRAGMA user_version = 1; PRAGMA application_id = 1296258369;
INSERT INTO meta VALUES ('station_id', 's1'), ('unit_code', '000.17.22.H56'), ('unit_name', 'UBND xã Mỹ An'), ('station_number', '1');
INSERT INTO station VALUES ('s1', 1, '000.17.22.H56', 1, '2025-01-01T00:00:00+07:00');
INSERT INTO officer VALUES ('lan', 'Lan', 'supervisor', 1, '2025-01-01T00:00:00+07:00');"
run --db "$old" unit show
is "$rc" 0 "an old database: unit show, exit 0"
is "$(field parent)|$(field body)|$(field place)" "UBND xã Mỹ An|Trung tâm Phục vụ hành chính công xã Mỹ An|Mỹ An" \
    "an old database: the body and place from its name"
is "$(sqlite3 "$old" "SELECT count(*) FROM meta WHERE key IN ('unit_body', 'unit_place')")" 0 \
    "... read as defaults, nothing written for them"

# ---- the change travels ------------------------------------------------------------
prov="$T/province.db"
"$MOTCUA" --db "$prov" init --supervisor hoa "Võ Thị Hoa" --password-file "$PWF" \
    --unit-code 000.00.00.H01 --unit-name "UBND tỉnh Đồng Nai" --station 1 >/dev/null
"$MOTCUA" --db "$prov" --officer hoa --password-file "$PWF" setting set aggregate_units 1 >/dev/null
check "the province trusts the commune's station" enrol "$prov" "$db"
(MOTCUA_NOW="2026-11-30 17:00" && export MOTCUA_NOW &&
    "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" export --out "$T/c.motcua" --all >/dev/null)
run --db "$prov" --officer hoa --password-file "$PWF" import "$T/c.motcua"
is "$rc" 0 "the province imports the commune's bundle"
is "$(sqlite3 "$prov" "SELECT json_extract(body, '$.body') FROM event WHERE kind = 'unit'")" "$LONG_BODY" \
    "the province has the commune's receiving body"
done_testing
