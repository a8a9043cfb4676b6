# control-body.sh — the control sheet's rows (form 6 in the 2025 set, Mẫu
# 05 in 2018) where the counter acts (the receipt, the result, the
# return) name the unit's receiving body (unit.h): its default from the
# parent authority's name, then the one `unit set --body` gives, in both
# form sets; the old "Bộ phận tiếp nhận và trả kết quả" is gone, and a
# transfer's row still names the agency.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
S() { M --officer truong --password-file "$PWF" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
ok "init"
c=$(S receive --procedure 1.001022 --name "Nguyễn Văn An" --id 087084000906 --address "Ấp 1" \
    --at "2026-11-16 08:00" | head -1)
S event "$c" transfer --agency "Phòng Văn hóa - Xã hội" --at "2026-11-16 09:00" >/dev/null &&
S event "$c" transfer-back --at "2026-11-17 09:00" >/dev/null &&
S event "$c" result --at "2026-11-17 10:00" >/dev/null &&
S event "$c" return --at "2026-11-17 11:00" >/dev/null
ok "a dossier received, transferred, back, resolved and returned"

# rows FILE — the table's first column (22 characters) joined per row,
# a "|" after each row: the lines after the dashes, a row ending at its
# "Người giao" line
rows() {
	python3 -c 'import sys
lines=open(sys.argv[1],encoding="utf-8").read().split("\n")
start=[i for i,l in enumerate(lines) if l.startswith(" ----")][0]+1
out,cur=[],[]
for l in lines[start:]:
    if l.strip().startswith("Người giao"):
        out.append(" ".join(cur)); cur=[]
    elif l[:22].strip():
        cur.append(l[:22].strip())
print("".join(r+"|" for r in out))' "$1"
}
body="Trung tâm Phục vụ hành chính công xã Mỹ An"
run --db "$db" slip "$c" --form 6 --out "$T/f6.txt"
is "$rc" 0 "form 6: exit 0"
is "$(rows "$T/f6.txt")" "$body|Phòng Văn hóa - Xã hội|Phòng Văn hóa - Xã hội|$body|$body|" \
    "form 6: the counter's rows name the default body, the transfers the agency"
unlike "$(cat "$T/f6.txt")" "Bộ phận tiếp nhận" "form 6: not the old words"

S unit set --body "Bộ phận Một cửa xã Mỹ An" >/dev/null
ok "unit set --body"
run --db "$db" slip "$c" --form 6 --out "$T/f6b.txt"
is "$(rows "$T/f6b.txt")" "Bộ phận Một cửa xã Mỹ An|Phòng Văn hóa - Xã hội|Phòng Văn hóa - Xã hội|Bộ phận Một cửa xã Mỹ An|Bộ phận Một cửa xã Mỹ An|" \
    "form 6: the body set"

S setting set form_set 2018 >/dev/null
ok "form_set 2018"
run --db "$db" slip "$c" --form 05 --out "$T/m05.txt"
is "$rc" 0 "Mẫu 05: exit 0"
is "$(rows "$T/m05.txt")" "Bộ phận Một cửa xã Mỹ An|Phòng Văn hóa - Xã hội|Phòng Văn hóa - Xã hội|Bộ phận Một cửa xã Mỹ An|Bộ phận Một cửa xã Mỹ An|" \
    "Mẫu 05 (2018): the same rows"
unlike "$(cat "$T/m05.txt")" "Bộ phận tiếp nhận và trả kết quả" "Mẫu 05: not the old words"
done_testing
