# phone.sh — phone numbers (a 10-digit mobile, an 11-digit landline 02…,
# spaces and dots dropped), the settings require_phone (0 by default) and
# require_address (1 by default) checked by the receipt, the dotted line
# an empty field leaves on the slip, and the message of a failed print.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
recv() {	# recv ARGS… — a receipt of 1.001022 at 2026-11-20 with ARGS
	run --db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 \
	    --at "2026-11-20 ${AT:-09:00}" "$@"
}

# a landline with spaces, a mobile with dots: stored as digits
AT=09:00 recv --name "Lê Văn Cố" --id 087084000101 --phone "0277 385 1234" --address "Ấp 1"
is "$rc" 0 "an 11-digit landline with spaces: received"
c1=$(printf '%s\n' "$out" | head -1)
is "$(sqlite3 "$db" "SELECT phone FROM dossier WHERE code = '$c1'")" 02773851234 \
	"the landline is stored as its 11 digits"
AT=09:05 recv --name "Lê Văn Di" --id 087084000102 --phone "0912.345.678" --address "Ấp 2"
is "$rc" 0 "a mobile with dots: received"
c2=$(printf '%s\n' "$out" | head -1)
is "$(sqlite3 "$db" "SELECT phone FROM dossier WHERE code = '$c2'")" 0912345678 \
	"the mobile is stored as its 10 digits"
refused "a 12-digit number" "$db" "10 digits, a landline 11 starting with 02" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000103 --phone 027738512345 --address "$ADDR" --at "2026-11-20 09:10"
refused "11 digits not starting with 02" "$db" "not valid" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000103 --phone 09123456789 --address "$ADDR" --at "2026-11-20 09:10"

# the settings: by default the phone is optional and the address required
run --db "$db" setting get require_phone
is "$out" 0 "require_phone: 0 by default"
run --db "$db" setting get require_address
is "$out" 1 "require_address: 1 by default"
refused "require_phone 2" "$db" "not a value for require_phone" \
	--db "$db" --password-file "$PWF" setting set require_phone 2
refused "require_address yes" "$db" "not a value for require_address" \
	--db "$db" --password-file "$PWF" setting set require_address yes
n0=$(sqlite3 "$db" "SELECT count(*) FROM dossier")
refused "no address, by default" "$db" \
	"^motcua: the citizen's address is required at this counter: type it as on the ID card" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000107 --phone 0912345678 --at "2026-11-20 09:12"
is "$(printf '%s\n' "$err" | wc -l)" 1 "no address, by default: one line"
refused "a blank address, by default" "$db" "address is required at this counter" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000107 --address "   " --at "2026-11-20 09:12"
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier")" "$n0" "no address, by default: no dossier"
AT=09:13 recv --name "Đặng Văn Hòa" --id 087084000107 --address "$ADDR"
is "$rc" 0 "no phone but an address, by default: received"
is "$(sqlite3 "$db" "SELECT coalesce(phone, '') = '' AND address = '$ADDR' FROM dossier
    WHERE code = '$(printf '%s\n' "$out" | head -1)'")" 1 "... without a phone, with the address"
run --db "$db" --password-file "$PWF" setting set require_address 0
is "$rc" 0 "setting set require_address 0"
AT=09:15 recv --name "Phạm Thị Em" --id 087184000104
is "$rc" 0 "no phone and no address: received while neither is required"
c3=$(printf '%s\n' "$out" | head -1)
is "$(sqlite3 "$db" "SELECT count(*) FROM dossier WHERE code = '$c3' AND coalesce(address, '') = ''")" 1 \
	"... recorded without an address"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set require_phone 1 >/dev/null
"$MOTCUA" --db "$db" --password-file "$PWF" setting set require_address 1 >/dev/null
refused "no phone while required" "$db" "phone number is required" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000105 --address "Ấp 3" --at "2026-11-20 09:20"
refused "a blank phone while required" "$db" "phone number is required" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000105 --phone "" --address "Ấp 3" --at "2026-11-20 09:20"
refused "no address while required" "$db" "address is required" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000105 --phone 0912345678 --at "2026-11-20 09:20"
refused "a blank address while required" "$db" "address is required" \
	--db "$db" --password-file "$PWF" receive --procedure 1.001022 --docs 1,2 --name X \
	--id 087084000105 --phone 0912345678 --address "  " --at "2026-11-20 09:20"
AT=09:25 recv --name "Võ Văn Giàu" --id 087084000106 --phone 0912345678 --address "Ấp 4"
is "$rc" 0 "both given: received"

# the slip of the dossier without phone or address: dotted lines to fill in
run --db "$db" slip "$c3"
is "$rc" 0 "slip without phone and address: exit 0"
like "$out" "Địa chỉ: \.{65}$" "the address is a dotted line"
like "$out" "Số điện thoại: \.{20}  Email: \.{30}$" "phone and e-mail are dotted lines"
is "$(printf '%s\n' "$out" | grep -c '^Địa chỉ: *$')" 0 "no bare 'Địa chỉ:' line"
run --db "$db" slip "$c3" --layout receipt
like "$out" "Địa chỉ: \.{23}|Địa chỉ: \.{39}" "receipt layout: the address is dotted"
like "$out" "(Điện thoại|Số điện thoại): \.{20,33}" "receipt layout: the phone is dotted"
run --db "$db" slip "$c1"
like "$out" "Số điện thoại: 02773851234" "a given phone is printed as it is stored"
is "$(printf '%s\n' "$out" | grep -c 'Địa chỉ: Ấp 1$')" 2 "a given address is printed, not dotted (two copies)"

# a print command that does not exist: one sentence saying what to do
"$MOTCUA" --db "$db" --password-file "$PWF" setting set print_command /nonexistent/lp >/dev/null
refused "no such print command" "$db" "printing failed" --db "$db" slip "$c1" --print
like "$err" "cannot run /nonexistent/lp" "the message says what failed"
like "$err" "print_backend and print_command \(F9 → Settings\)" \
	"the message says where to set the printer"
like "$err" "saved as $T/slips/mau01-$c1\.pdf" "the message says where the slip is (lp gets the PDF)"
like "$err" "'motcua slip CODE --print'" "the message says how to print it later"
is "$(printf '%s\n' "$err" | grep -c 'printing failed')" 1 "one sentence, not a message inside a message"
vi=$(LANGUAGE=vi "$MOTCUA_BINARY" --db "$db" slip "$c1" --print 2>&1 >/dev/null)
like "$vi" "chưa in được \(không chạy được /nonexistent/lp" "Vietnamese: the message"
is "$(printf '%s\n' "$vi" | grep -o 'in được' | wc -l)" 1 "Vietnamese: 'in được' once, no 'in không được'"
like "$vi" "F9 → Thiết lập" "Vietnamese: F9 → Thiết lập"
done_testing
