# calendar.sh — motcua calendar holidays|set|unset|import|due
. "$top_srcdir/tests/cli/lib.sh"

DB="$T/m.db"
DATA="$top_srcdir/data"

# jq_sql FILE EXPR — evaluate a SQL expression over j, the file's text
jq_sql() {
	sqlite3 :memory: "SELECT $2 FROM (SELECT readfile('$1') AS j)"
}

# ---- without a database: the defaults -----------------------------------
run calendar holidays 2026
is "$rc" 0 "holidays without a database: exit 0"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 12 "12 default holidays in 2026"
like "$out" '^2026-04-27  off  Nghỉ bù Giỗ Tổ Hùng Vương$' "Giỗ Tổ on Sunday: Monday off"
like "$out" '^2026-02-16  off  Tết Nguyên đán$' "Tết starts on the last day of the year"
run calendar holidays 2022
like "$out" '^2022-05-03  off  Nghỉ bù Ngày Quốc tế Lao động$' "30/4 Sat + 1/5 Sun: Tue 3/5"
run calendar due --from "2026-02-13 16:00" --limit "3 days"
is "$rc" 0 "due without a database: exit 0"
is "$out" "2026-02-25 16:00" "3 days across Tết 2026"
run calendar due --from "2026-03-02 10:00" --limit "4 hours"
is "$out" "2026-03-02 16:00" "4 hours across lunch"
run calendar due --from "2026-03-02 15:01" --limit "same day"
is "$out" "2026-03-03 17:00" "same day after 15:00"
run calendar due --from "2026-03-02 15:00" --limit "same day"
is "$out" "2026-03-02 17:00" "same day at 15:00"
run calendar due --from "2026-03-01 10:00" --limit "1 day"
is "$out" "2026-03-02 17:00" "received on Sunday: due Monday at closing"
export MOTCUA_NOW="2026-03-02 09:00"
run calendar due --limit "1 day"
unset MOTCUA_NOW
is "$out" "2026-03-03 09:00" "without --from: now"
check "no database created by read-only commands" test ! -e "$XDG_DATA_HOME/motcua/motcua.db"
run --db "$T/none.db" calendar holidays 2026
is "$rc" 1 "an explicit --db that does not exist: exit 1"
like "$err" '^motcua: .*none\.db' "says which database is missing"
check "and does not create it" test ! -e "$T/none.db"
run --password-file "$PWF" calendar set 2026-11-24 off "Ngày Văn hóa Việt Nam"
is "$rc" 1 "set needs a database"

# ---- usage ---------------------------------------------------------------
run calendar
is "$rc" 2 "no subcommand: usage"
like "$err" '^usage: motcua calendar' "usage line"
run calendar frobnicate
is "$rc" 2 "unknown subcommand: usage"
run calendar holidays
is "$rc" 2 "holidays without a year: usage"
run calendar holidays 2026 2027
is "$rc" 2 "holidays with two years: usage"
run calendar holidays 2026 --xml
is "$rc" 2 "unknown option: usage"
run calendar due --from "2026-03-02 10:00"
is "$rc" 2 "due without --limit: usage"
run calendar due --limit "1 day" extra
is "$rc" 2 "due with an operand: usage"

# ---- a database ------------------------------------------------------------
run --db "$DB" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Thử" --station 1
is "$rc" 0 "init (stderr: $err)"

run --db "$DB" calendar holidays 2026 --json
is "$rc" 0 "holidays --json: exit 0"
printf '%s\n' "$out" > "$T/h.json"
is "$(jq_sql "$T/h.json" "json_valid(j)")" 1 "valid JSON"
is "$(jq_sql "$T/h.json" "json_array_length(j)")" 12 "12 entries"
is "$(jq_sql "$T/h.json" "json_extract(j, '\$[7].date') || json_extract(j, '\$[7].name') || json_type(j, '\$[7].off') || json_extract(j, '\$[7].source')")" \
    "2026-04-27Nghỉ bù Giỗ Tổ Hùng Vươngtruedefault" "entry fields"
run --db "$DB" calendar holidays 2031 --json
is "$(printf '%s' "$out" | head -c 1)" "[" "JSON array for another year"

# set / unset
run --db "$DB" --password-file "$PWF" calendar set 2026-11-24 off "Ngày Văn hóa Việt Nam"
is "$rc" 0 "set off: exit 0"
is "$out" "2026-11-24  off  Ngày Văn hóa Việt Nam" "set echoes the line"
run --db "$DB" --password-file "$PWF" calendar set 2026-04-27 work "Làm việc bình thường"
is "$rc" 0 "set work: exit 0"
run --db "$DB" calendar holidays 2026
like "$out" '^2026-11-24  off  Ngày Văn hóa Việt Nam$' "override off listed"
like "$out" '^2026-04-27  work  Làm việc bình thường$' "override work replaces the default"
run --db "$DB" calendar holidays 2026 --json
printf '%s\n' "$out" > "$T/h.json"
is "$(jq_sql "$T/h.json" "(SELECT group_concat(json_extract(value, '\$.source')) FROM json_each(j) WHERE json_extract(value, '\$.date') IN ('2026-04-27', '2026-11-24'))")" \
    "override,override" "overrides marked as such"
run --db "$DB" calendar due --from "2026-11-23 09:00" --limit "1 day"
is "$out" "2026-11-25 09:00" "due skips the override day"
run --db "$DB" calendar due --from "2026-04-24 10:00" --limit "1 day"
is "$out" "2026-04-27 10:00" "due uses the day made working"
run --db "$DB" --password-file "$PWF" calendar unset 2026-04-27
is "$rc" 0 "unset: exit 0"
run --db "$DB" calendar due --from "2026-04-24 10:00" --limit "1 day"
is "$out" "2026-04-28 10:00" "after unset the default is back"

refused "unset without override" "$DB" '2026-04-27 has no override' \
    --db "$DB" --password-file "$PWF" calendar unset 2026-04-27
refused "set 30 February" "$DB" 'bad date "2026-02-30"' \
    --db "$DB" --password-file "$PWF" calendar set 2026-02-30 off "X"
refused "set month 13" "$DB" 'bad date' --db "$DB" --password-file "$PWF" calendar set 2026-13-01 off "X"
refused "set short date" "$DB" 'YYYY-MM-DD' --db "$DB" --password-file "$PWF" calendar set 26-1-1 off "X"
refused "set neither off nor work" "$DB" 'neither off nor work' \
    --db "$DB" --password-file "$PWF" calendar set 2026-06-01 holiday "X"
refused "set empty name" "$DB" 'name is empty' --db "$DB" --password-file "$PWF" calendar set 2026-06-01 off "  "
refused "unset bad date" "$DB" 'bad date' --db "$DB" --password-file "$PWF" calendar unset 2026-06-31
before=$(dbsum "$DB")
run --db "$DB" --password-file "$PWF" calendar set 2026-06-01 off
is "$rc" 2 "set without a name: usage"
is "$(dbsum "$DB")" "$before" "set without a name: database unchanged"

# holidays: bad years
refused "holidays year abc" "$DB" 'bad year "abc"' --db "$DB" calendar holidays abc
refused "holidays year 20266" "$DB" 'bad year' --db "$DB" calendar holidays 20266
refused "holidays year 1700" "$DB" 'bad year' --db "$DB" calendar holidays 1700

# due: bad input
refused "due 3 weeks" "$DB" 'unknown time limit "3 weeks"' \
    --db "$DB" calendar due --from "2026-03-02 10:00" --limit "3 weeks"
refused "due 0 days" "$DB" 'out of range' \
    --db "$DB" calendar due --from "2026-03-02 10:00" --limit "0 days"
refused "due empty limit" "$DB" 'unknown time limit' \
    --db "$DB" calendar due --from "2026-03-02 10:00" --limit ""
refused "due bad from date" "$DB" 'bad time "2026-02-30 10:00"' \
    --db "$DB" calendar due --from "2026-02-30 10:00" --limit "1 day"
refused "due bad from hour" "$DB" 'bad time' \
    --db "$DB" calendar due --from "2026-03-02 25:00" --limit "1 day"
refused "due date only" "$DB" 'YYYY-MM-DD HH:MM' \
    --db "$DB" calendar due --from "2026-03-02" --limit "1 day"

# ---- import --------------------------------------------------------------
run --db "$DB" --password-file "$PWF" calendar import "$DATA/calendar-2026.json"
is "$rc" 0 "import 2026: exit 0 ($err)"
like "$out" '2026' "reports the year imported"
run --db "$DB" --password-file "$PWF" calendar import "$DATA/calendar-2025.json"
is "$rc" 0 "import 2025: exit 0"
run --db "$DB" calendar holidays 2026
like "$out" '^2026-01-10  work  Làm bù cho ngày 2/1$' "official: Saturday 10/1 worked"
like "$out" '^2026-08-31  off  ' "official: 31/8 off"
like "$out" '^2026-11-24  off  Ngày Văn hóa Việt Nam$' "the override stays"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 17 "16 official days and 1 override"
run --db "$DB" calendar holidays 2026 --json
printf '%s\n' "$out" > "$T/h.json"
is "$(jq_sql "$T/h.json" "json_extract(j, '\$[0].source') || ',' || json_extract(j, '\$[16].source')")" \
    "official,override" "sources official and override"
run --db "$DB" calendar holidays 2025
like "$out" '^2025-04-26  work  ' "2025: Saturday 26/4 worked"
like "$out" '^2025-01-27  off  ' "2025: Tết from Monday 27/1"
run --db "$DB" calendar due --from "2026-01-09 09:00" --limit "1 day"
is "$out" "2026-01-10 09:00" "due on the Saturday worked"
run --db "$DB" calendar due --from "2025-12-31 09:00" --limit "1 day"
is "$out" "2026-01-05 09:00" "over 1/1 and the swapped 2/1"
run --db "$DB" calendar due --from "2026-08-28 09:00" --limit "1 day"
is "$out" "2026-09-03 09:00" "over 31/8–2/9"

# bad files: each refused with a message naming entry and field
bad() {	# bad DESC REGEX JSON
	printf '%s\n' "$3" > "$T/bad.json"
	refused "import $1" "$DB" "$2" --db "$DB" --password-file "$PWF" calendar import "$T/bad.json"
}
H='"format": "motcua-calendar", "version": 1'
refused "import missing file" "$DB" 'cannot read .*nope\.json' \
    --db "$DB" --password-file "$PWF" calendar import "$T/nope.json"
bad "malformed JSON" 'not valid JSON' "{$H, \"years\": ["
bad "empty file" 'not valid JSON' ""
bad "not an object" 'one JSON object' '[1, 2]'
bad "wrong format" '"format" must be' '{"format": "motcua-catalog", "version": 1, "years": []}'
bad "wrong version" '"version" must be 1' '{"format": "motcua-calendar", "version": 2, "years": []}'
bad "no years" '"years" is missing' "{$H}"
bad "year as text" 'years\[0\]: "year" must be' \
    "{$H, \"years\": [{\"year\": \"2027\", \"days\": []}]}"
bad "no days" 'years\[0\]: "days" is missing' "{$H, \"years\": [{\"year\": 2027}]}"
bad "bad date" 'years\[0\]\.days\[1\]: "date" "2027-02-30" is not a date' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}, {\"date\": \"2027-02-30\", \"off\": true, \"name\": \"b\"}]}]}"
bad "duplicate date" 'years\[0\]\.days\[1\]: "date" 2027-01-01 is listed twice' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}, {\"date\": \"2027-01-01\", \"off\": false, \"name\": \"b\"}]}]}"
bad "date of another year" 'days\[0\]: "date" 2028-01-01 is not in 2027' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2028-01-01\", \"off\": true, \"name\": \"a\"}]}]}"
bad "off as number" 'days\[0\]: "off" must be true or false' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": 1, \"name\": \"a\"}]}]}"
bad "missing name" 'days\[0\]: "name" is missing' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": true}]}]}"
bad "missing off" 'days\[0\]: "off" is missing' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"name\": \"a\"}]}]}"
bad "duplicate year, good first year" 'years\[1\]: year 2027 is listed twice' \
    "{$H, \"years\": [{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": \"a\"}]}, {\"year\": 2027, \"days\": [{\"date\": \"2027-01-02\", \"off\": true, \"name\": \"b\"}]}]}"
bad "2026 replaced but a later entry bad" 'years\[1\]\.days\[0\]: "name" must be a string' \
    "{$H, \"years\": [{\"year\": 2026, \"days\": [{\"date\": \"2026-03-02\", \"off\": true, \"name\": \"a\"}]}, {\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"off\": true, \"name\": 5}]}]}"
refused "import a key given twice" "$DB" 'calendar-bad-dup\.json: years\[0\]\.days\[0\]: "off" appears twice' \
    --db "$DB" --password-file "$PWF" calendar import "$top_srcdir/tests/data/calendar-bad-dup.json"
run --db "$DB" calendar holidays 2026
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 17 "after the refusal 2026 is still official"
run --password-file "$PWF" calendar import "$T/bad.json"
is "$rc" 1 "import without a database: exit 1"
run --db "$DB" --password-file "$PWF" calendar import
is "$rc" 2 "import without a file: usage"

# importing two years at once, one replacing 2026
printf '%s\n' "{$H, \"years\": [{\"year\": 2026, \"source\": \"thử\", \"days\": [{\"date\": \"2026-03-02\", \"off\": true, \"name\": \"Nghỉ thử\"}]}, {\"year\": 2030, \"days\": [{\"date\": \"2030-01-01\", \"off\": true, \"name\": \"Tết Dương lịch\"}]}]}" > "$T/two.json"
run --db "$DB" --password-file "$PWF" calendar import "$T/two.json"
is "$rc" 0 "import two years: exit 0"
like "$out" '2026, 2030' "reports both years"
run --db "$DB" calendar holidays 2026
is "$out" "2026-03-02  off  Nghỉ thử
2026-11-24  off  Ngày Văn hóa Việt Nam" "2026 replaced entirely; override kept"
run --db "$DB" calendar due --from "2026-02-13 16:00" --limit "3 days"
is "$out" "2026-02-18 16:00" "no Tết in this (test) official 2026"

# ---- settings ----------------------------------------------------------------
sqlite3 "$DB" "INSERT INTO meta(key, value) VALUES ('saturday_morning', '1')"
run --db "$DB" calendar due --from "2027-03-05 14:00" --limit "1 day"
is "$out" "2027-03-06 11:30" "Saturday morning: Fri 14:00 + 1 day = Sat 11:30"
run --db "$DB" calendar due --from "2027-03-05 16:00" --limit "2 hours"
is "$out" "2027-03-06 08:30" "Saturday morning counts in hours"
sqlite3 "$DB" "UPDATE meta SET value = '0' WHERE key = 'saturday_morning';
    INSERT INTO meta(key, value) VALUES ('office_hours', '08:00-12:00,13:00-17:00'),
    ('sameday_cutoff', '16:00')"
run --db "$DB" calendar due --from "2027-03-01 15:30" --limit "same day"
is "$out" "2027-03-01 17:00" "cut-off setting 16:00"
run --db "$DB" calendar due --from "2027-03-01 12:30" --limit "1 hour"
is "$out" "2027-03-01 14:00" "office_hours setting"
sqlite3 "$DB" "UPDATE meta SET value = '8h-17h' WHERE key = 'office_hours'"
refused "bad office_hours setting" "$DB" 'office_hours setting "8h-17h" is not valid' \
    --db "$DB" calendar due --from "2027-03-01 12:30" --limit "1 hour"

done_testing
