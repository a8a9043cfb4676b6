# text.sh — motcua text: Telex/VNI, fold, upper, sort, nfc (no database).
. "$top_srcdir/tests/cli/lib.sh"

NL='
'

# ---- sort: Vietnamese order, not byte order ------------------------------
printf '%s\n' "Trương Văn Út" "Nguyễn Văn An" "Đặng Thị Đào" "Dương Văn Dũng" \
	"Lê Thị Lan" "Lâm Văn Lực" "Phan Văn Phúc" "Phạm Thị Hạnh" "Ngô Bảo Châu" \
	"Nguyễn Văn Anh" "Nguyễn Thị Ánh" "Ôn Thị Oanh" "Oanh" "Ưng Hoàng Phúc" \
	"Uông Văn Uyên" "Trần Thị Thu" "Bùi Xuân Phái" "An Văn Bình" "Anh" \
	"Hồ Văn Hải" "Hoà" "hòa" > "$T/names"
"$MOTCUA" text sort < "$T/names" > "$T/sorted" 2> "$T/err"
is "$?" 0 "sort exits 0"
is "$(cat "$T/sorted")" "An Văn Bình
Anh
Bùi Xuân Phái
Dương Văn Dũng
Đặng Thị Đào
hòa
Hoà
Hồ Văn Hải
Lâm Văn Lực
Lê Thị Lan
Ngô Bảo Châu
Nguyễn Thị Ánh
Nguyễn Văn An
Nguyễn Văn Anh
Oanh
Ôn Thị Oanh
Phạm Thị Hạnh
Phan Văn Phúc
Trần Thị Thu
Trương Văn Út
Uông Văn Uyên
Ưng Hoàng Phúc" "sort: 22 names in Vietnamese order (đ after d, ơ ư after o u, words first)"
is "$(cat "$T/err")" "" "sort: nothing on stderr"

# equal names keep their input order (old and new tone placement are equal)
out=$(printf 'Hoà\nHòa\n' | "$MOTCUA" text sort)
is "$out" "Hoà${NL}Hòa" "sort is stable: Hoà, Hòa"
out=$(printf 'Hòa\nHoà\n' | "$MOTCUA" text sort)
is "$out" "Hòa${NL}Hoà" "sort is stable: Hòa, Hoà"
# a decomposed line sorts where its NFC form would, and is printed as read
out=$(printf 'Nguyễn Văn B\nNguye\314\202\314\203n Văn A\nNguyên\n' | "$MOTCUA" text sort)
is "$out" "Nguyên${NL}$(printf 'Nguye\314\202\314\203n Văn A')${NL}Nguyễn Văn B" \
	"sort: NFD input sorts as NFC"
out=$(printf 'Bình\r\nAn\r\n' | "$MOTCUA" text sort | od -An -c | tr -s ' ')
like "$out" 'A n \\r \\n B' "sort: CRLF lines keep their CR and sort by their text"
out=$(printf 'b\na' | "$MOTCUA" text sort)
is "$out" "a${NL}b" "sort: a last line without newline"
out=$(printf '' | "$MOTCUA" text sort; echo "rc=$?")
is "$out" "rc=0" "sort: empty input, empty output"

# ---- fold and upper --------------------------------------------------------
run text fold "  Nguyễn   Văn" "ÁNH"
is "$rc" 0 "fold exits 0"
is "$out" "nguyen van anh" "fold joins the words and folds them"
run text fold "ĐẶNG THỊ ĐÀO" "Hoà" "hòa"
is "$out" "dang thi dao hoa hoa" "fold: đ to d, both tone placements alike"
run text fold "$(printf 'Nguye\314\202\314\203n')"
is "$out" "nguyen" "fold: NFD input"
run text upper "Nguyễn Văn Ánh"
is "$out" "NGUYỄN VĂN ÁNH" "upper of a name"
run text upper đặng thị "$(printf 'o\314\233\314\200')"
is "$out" "ĐẶNG THỊ Ờ" "upper: words joined, NFD to NFC"

# ---- nfc -------------------------------------------------------------------
printf 'Nguye\314\202\314\203n\nHo\314\200a\nkho\314\211e\n' > "$T/nfd"
"$MOTCUA" text nfc < "$T/nfd" > "$T/nfc"
is "$?" 0 "nfc exits 0"
is "$(cat "$T/nfc")" "Nguyễn${NL}Hòa${NL}khỏe" "nfc: NFD lines become NFC"
is "$(od -An -tx1 "$T/nfc" | tr -d ' \n')" \
	"4e677579e1bb856e0a48c3b2610a6b68e1bb8f650a" "nfc: the exact bytes"
out=$(printf 'Hòa' | "$MOTCUA" text nfc | od -An -tx1 | tr -d ' \n')
is "$out" "48c3b261" "nfc: no newline added to a last line without one"

# ---- telex and vni (the built-in engine) -----------------------------------
run text telex nguyeenx vaawn anhs
is "$rc" 0 "telex exits 0"
is "$out" "nguyễn văn ánh" "telex: words converted, one space between"
run text telex DDaij hoaf vieetj
is "$out" "Đại hòa việt" "telex: capitals kept, old-style tone placement"
run text telex --new-style hoaf thuyr
is "$out" "hoà thuỷ" "telex --new-style: hoà, thuỷ"
run text vni Vie65t Nam d9a5i
is "$out" "Việt Nam đại" "vni: digits for tones and shapes"

# ---- bad input ---------------------------------------------------------------
printf 'An\nB\377nh\nCường\n' > "$T/bad"
"$MOTCUA" text sort < "$T/bad" > "$T/out" 2> "$T/err"
is "$?" 1 "sort of invalid UTF-8: exit 1"
like "$(cat "$T/err")" "^motcua: line 2 .*UTF-8" "sort: the message names line 2 and UTF-8"
is "$(wc -l < "$T/err" | tr -d ' ')" 1 "sort: one line of error"
is "$(cat "$T/out")" "" "sort: nothing printed"
"$MOTCUA" text nfc < "$T/bad" > "$T/out" 2> "$T/err"
is "$?" 1 "nfc of invalid UTF-8: exit 1"
like "$(cat "$T/err")" "^motcua: line 2 .*UTF-8" "nfc: the message names line 2"
is "$(cat "$T/out")" "" "nfc: nothing printed"
printf 'An\nB\000nh\n' | "$MOTCUA" text sort > "$T/out" 2> "$T/err"
is "$?" 1 "sort: a NUL byte is not text: exit 1"
like "$(cat "$T/err")" "line 2" "sort: names the line with the NUL"
run text fold "$(printf 'B\377nh')"
is "$rc" 1 "fold of invalid UTF-8: exit 1"
like "$err" "^motcua: .*UTF-8" "fold: says the text is not UTF-8"
run text upper "$(printf '\303')"
is "$rc" 1 "upper of invalid UTF-8: exit 1"

for sub in telex vni fold upper; do
	run text $sub
	is "$rc" 2 "text $sub without words: usage error"
	like "$err" "^usage: motcua text" "text $sub: usage line"
done
run text telex --new-style
is "$rc" 2 "telex --new-style without words: usage error"
run text telex --frob hoaf
is "$rc" 2 "telex with an unknown option: usage error"
run text sort extra
is "$rc" 2 "sort with an operand: usage error"
run text nfc --frob
is "$rc" 2 "nfc with an option: usage error"
run text
is "$rc" 2 "text alone: usage error"
like "$err" "^usage: motcua text" "text alone: usage line"
run text frobnicate
is "$rc" 2 "unknown text command: usage error"
like "$err" "^motcua: unknown text command 'frobnicate'.*sort" "names it and lists the commands"
run text fold -- -Ánh
is "$out" "-anh" "fold: '--' ends the options"

# none of it needs (or makes) a database
test ! -e "$XDG_DATA_HOME/motcua" && test ! -e "$HOME/.local"
ok "text made no database"
run --help
like "$out" "motcua text " "--help lists text"
done_testing
