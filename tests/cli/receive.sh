# receive.sh — receiving dossiers from the command line; show and list.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
M() { "$MOTCUA" --db "$db" "$@"; }

run --db "$db" --password-file "$PWF" receive --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 \
	--phone "0912 345 678" --address "Ấp 1" --at "2026-11-20 09:30"
is "$rc" 0 "receive: exit 0"
is "$out" "000.17.22.H56-261120-1001
2026-11-20 17:00" "prints the code, then the due date-time"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Lê Thị Bình" --id 001305012345 --at "2026-11-20 16:10"
is "$(echo "$out" | tail -1)" "2026-11-25 16:10" "3 working days from Friday 16:10: Wednesday 16:10"
is "$(echo "$out" | head -1)" "000.17.22.H56-261120-1002" "the day's second code"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Trần Văn Cường" --id 087084000998 --at "2026-11-20 15:30"
is "$(echo "$out" | tail -1)" "2026-11-23 17:00" "same day after 15:00 on a Friday: Monday"
run --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Phạm Thị Dung" --id 087184000997 --at "2026-02-13 10:00"
is "$(echo "$out" | tail -1)" "2026-02-13 17:00" "same day before Tết"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001022 --name "Phạm Thị Dung" --id 087184000997 --at "2026-02-13 10:00"
is "$(echo "$out" | tail -1)" "2026-02-25 10:00" "3 working days across Tết 2026 (16-20/2)"

# warnings do not block
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Võ Văn Em" --id 003084000999 --at "2026-11-21 08:00"
is "$rc" 0 "unknown province: still received"
like "$err" "warning: .*province" "unknown province: a warning on stderr"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Võ Văn Em" --id 087084000999 --birth 2001-01-01 --at "2026-11-21 08:05"
like "$err" "warning: .*1984.*2001" "birth year contradicts the ID: warning"

# refusals: exit 1, a message, the database unchanged
R="--db $db receive --at 2026-11-24 09:00"
refused "11-digit ID" "$db" "12 digits" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 08708400099
refused "ID with a letter" "$db" "12 digits" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 08708400099X
refused "bad phone" "$db" "10 digits" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --phone 12345
refused "unknown procedure" "$db" "9.999" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 9.999 --name A --id 087084000999
refused "missing required document" "$db" "Giấy chứng sinh" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --docs 1
refused "bad --docs" "$db" "not valid" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --docs 1,,2
refused "bad --at" "$db" "YYYY-MM-DD HH:MM" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --at "21/11/2026 9:00"
refused "blank name" "$db" "empty" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name " " --id 087084000999
refused "name not UTF-8" "$db" "UTF-8" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "$(printf 'Nguy\377n')" --id 087084000999
refused "unknown officer" "$db" "nobody" --db "$db" --officer nobody --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999
"$MOTCUA" --db "$db" --password-file "$PWF" officer add hoa "Đỗ Thị Hoa" --new-password-file "$PWF" >/dev/null
refused "two officers, none named" "$db" "--officer" --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999
refused "bad birth date" "$db" "YYYY-MM-DD" --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name A --id 087084000999 --birth 1984-13-01

# NFD input is stored NFC
nfd=$(printf 'Nguye\314\202\314\203n Th\341\273\213 Ho\303\240')
run --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "$nfd" --id 087084000999 --at "2026-11-24 09:00"
code=$(echo "$out" | head -1)
is "$(sqlite3 "$db" "SELECT applicant_name FROM dossier WHERE code='$code'")" "Nguyễn Thị Hoà" "decomposed name stored NFC"

# show and list
run --db "$db" show 000.17.22.H56-261120-1001
is "$rc" 0 "show: exit 0"
like "$out" "Nguyễn Văn An" "show: the applicant"
like "$out" "Due +2026-11-20 17:00" "show: the due date-time"
like "$out" "\[x\] 1\. Tờ khai" "show: the documents received"
run --db "$db" show --json 000.17.22.H56-261120-1001
is "$(jget "$out" '$.applicant.phone')" "0912345678" "show --json: phone normalised"
is "$(jget "$out" '$.due')" "2026-11-20 17:00" "show --json: due"
run --db "$db" show 000.17.22.H56-261120-9999
is "$rc" 1 "show an unknown code: exit 1"
like "$err" "no dossier" "show an unknown code: says so"
run --db "$db" list
is "$(echo "$out" | wc -l)" 8 "list: one line per dossier"
like "$(echo "$out" | head -1)" "^000.17.22.H56-260213-1001 " "list: in order of receipt"
run --db "$db" list --json
is "$(jlen "$out")" 8 "list --json: an array of 8"
done_testing
