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
done_testing
