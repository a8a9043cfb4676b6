# setting.sh — motcua setting, and the language setting at work.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 1 --sample-catalog >/dev/null

run --db "$db" setting list
is "$rc" 0 "setting list"
like "$out" "^lang +vi " "lang defaults to vi"
like "$out" "office_hours +07:30-11:30,13:30-17:00" "office hours default"
like "$out" "require_phone +0 " "the phone is optional by default"
like "$out" "require_address +1 " "the address is required by default"
run --db "$db" setting get sameday_cutoff
is "$out" "15:00" "get a default"
run --db "$db" --password-file "$PWF" setting set sameday_cutoff 16:00
is "$rc" 0 "set the same-day cut-off"
is "$(sqlite3 "$db" "SELECT value FROM meta WHERE key='sameday_cutoff'")" "16:00" "stored"
run --db "$db" --password-file "$PWF" receive --address "$ADDR" --procedure 1.001193 --name "Lê An" --id 087084000999 --at "2026-11-20 15:30"
is "$(echo "$out" | tail -1)" "2026-11-20 17:00" "15:30 is before a 16:00 cut-off: due the same day"
run --db "$db" --password-file "$PWF" setting unset sameday_cutoff
run --db "$db" setting get sameday_cutoff
is "$out" "15:00" "unset returns to the default"

refused "unknown setting" "$db" "no setting 'colour'" --db "$db" --password-file "$PWF" setting set colour red
refused "bad lang" "$db" "not a value for lang" --db "$db" --password-file "$PWF" setting set lang fr
refused "bad tone style" "$db" "not a value for tone_style" --db "$db" --password-file "$PWF" setting set tone_style mixed
refused "bad office hours" "$db" "not a value for office_hours" --db "$db" --password-file "$PWF" setting set office_hours 9-5
refused "bad cut-off" "$db" "not a value for sameday_cutoff" --db "$db" --password-file "$PWF" setting set sameday_cutoff 25:00
refused "bad Saturday flag" "$db" "not a value for saturday_morning" --db "$db" --password-file "$PWF" setting set saturday_morning yes
run --db "$db" --password-file "$PWF" setting set lang
is "$rc" 2 "set without a value: usage"

# the language setting: used when neither --lang nor $LANGUAGE chose
run --db "$db" --password-file "$PWF" setting set lang en
is "$rc" 0 "set lang en"
out=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$MOTCUA" --db "$db" show NOPE 2>&1)
like "$out" "there is no dossier NOPE" "the setting makes the program speak English"
out=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$MOTCUA" --db "$db" --lang vi show NOPE 2>&1)
like "$out" "không có hồ sơ|Không có hồ sơ" "--lang vi wins over the setting"
"$MOTCUA" --db "$db" --password-file "$PWF" setting set lang vi
out=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$MOTCUA" --db "$db" show NOPE 2>&1)
like "$out" "không có hồ sơ|Không có hồ sơ" "lang vi: Vietnamese"
# the scanner's settings (scan.h): shown with their defaults, checked
run --db "$db" setting list
like "$out" "scan_device +# the scanner, by its SANE name" "scan_device: empty by default (the first scanner found)"
like "$out" "scan_resolution +200 +# scan resolution in dots per inch, 75 to 600" "scan_resolution: 200 dpi by default"
like "$out" "scan_mode +gray +# how pages are scanned" "scan_mode: gray by default"
like "$out" "scan_source +flatbed +# where the pages are" "scan_source: the flatbed by default"
run --db "$db" --password-file "$PWF" setting set scan_device test:0
is "$rc" 0 "choose SANE's test scanner"
run --db "$db" setting get scan_device
is "$out" "test:0" "the scanner is remembered"
run --db "$db" --password-file "$PWF" setting set scan_device "airscan:e0:Canon MF240"
is "$rc" 0 "a network scanner's name has spaces and colons"
for v in 75 600 300; do
	run --db "$db" --password-file "$PWF" setting set scan_resolution $v
	is "$rc" 0 "scan_resolution $v"
done
for v in color lineart gray; do
	run --db "$db" --password-file "$PWF" setting set scan_mode $v
	is "$rc" 0 "scan_mode $v"
done
run --db "$db" --password-file "$PWF" setting set scan_source adf
is "$rc" 0 "scan_source adf"
refused "resolution too low" "$db" "not a value for scan_resolution: scan resolution in dots per inch, 75 to 600" --db "$db" --password-file "$PWF" setting set scan_resolution 74
refused "resolution too high" "$db" "not a value for scan_resolution" --db "$db" --password-file "$PWF" setting set scan_resolution 601
refused "resolution with a leading zero" "$db" "not a value for scan_resolution" --db "$db" --password-file "$PWF" setting set scan_resolution 0200
refused "resolution in words" "$db" "not a value for scan_resolution" --db "$db" --password-file "$PWF" setting set scan_resolution 200dpi
refused "unknown mode" "$db" "not a value for scan_mode: how pages are scanned: gray, color or lineart" --db "$db" --password-file "$PWF" setting set scan_mode halftone
refused "mode in capitals" "$db" "not a value for scan_mode" --db "$db" --password-file "$PWF" setting set scan_mode Gray
refused "unknown source" "$db" "not a value for scan_source: where the pages are: flatbed" --db "$db" --password-file "$PWF" setting set scan_source feeder
refused "device name with a line break" "$db" "not a value for scan_device" --db "$db" --password-file "$PWF" setting set scan_device "test:0
test:1"
run --db "$db" setting get scan_resolution
is "$out" "300" "the refusals left the resolution as it was"
run --db "$db" --password-file "$PWF" setting unset scan_device
run --db "$db" setting get scan_device
is "$out" "" "unset: back to the first scanner found"
out=$("$MOTCUA" --db "$db" --lang vi setting list 2>&1)
like "$out" "scan_resolution +300 +# độ phân giải khi quét" "the scanner's settings are explained in Vietnamese"
done_testing
