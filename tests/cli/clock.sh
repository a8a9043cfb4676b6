# clock.sh — a clock that looks wrong is a warning on every command; a
# receipt before today or before this station's newest event, and a receipt
# or step more than a day ahead, are a supervisor's; codes stay unique when
# the clock is set back.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
MOTCUA_NOW="2026-11-16 08:00" "$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name X --station 1 --sample-catalog >/dev/null
MOTCUA_NOW="2026-11-16 08:00" "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" officer add minh "Lê Văn Minh" --new-password-file "$PWF" >/dev/null
ok "a unit, a supervisor lan and an officer minh"
# rcv WHO NOW [AT] — a receipt by WHO with the clock at NOW (at AT)
rcv() {
	_who=$1 _now=$2; shift 2
	MOTCUA_NOW="$_now" run --db "$db" --officer "$_who" --password-file "$PWF" receive --address "$ADDR" \
	    --procedure 1.001193 --name "Người Thứ Nhất" --id 087084000991 "$@"
}
rcv minh "2026-11-16 09:00"
is "$rc" 0 "a receipt at now"
is "$err" "" "a right clock: no warning"
code1=$(printf '%s\n' "$out" | head -1)

# the clock's warning, on every command, once
warn="warning: the PC's clock says 2026-11-10 09:00, but this database holds an event of 2026-11-16 09:00: set the date and time \(ask the technician\)"
for c in "check" "list" "report summary --from 2026-11-01 --to 2026-11-30"; do
	MOTCUA_NOW="2026-11-10 09:00" run --db "$db" $c
	like "$err" "$warn" "clock behind the newest event: $c warns"
	is "$(printf '%s\n' "$err" | grep -c warning)" 1 "clock behind the newest event: $c warns once"
done
MOTCUA_NOW="2026-11-15 10:00" run --db "$db" list
is "$err" "" "less than a day before the newest event: no warning"
MOTCUA_NOW="2019-06-01 08:00" run --db "$db" list
like "$err" "the PC's clock says 2019-06-01 08:00, before this version of motcua was made \(2026\): set the date and time" "a year before the release: warns"
MOTCUA_NOW="2027-03-01 08:00" run --db "$db" list
like "$err" "the PC's clock says 2027-03-01 08:00, 105 days after the newest event in this database \(2026-11-16 09:00\): if that date is wrong, set the date and time" "long after the newest event: warns"
MOTCUA_NOW="2026-12-20 08:00" run --db "$db" list
is "$err" "" "a month after the newest event: no warning"
MOTCUA_NOW="2025-12-31 08:00" run --db "$T/none.db" list
test ! -e "$T/none.db"; ok "no database: nothing made"

# an officer's receipt before this station's newest event: refused,
# nothing written; a supervisor's goes
export MOTCUA_NOW="2026-11-16 08:30"
refused "an officer's receipt before the newest event" "$db" \
    "a receipt dated 2026-11-16 08:30, before this station's newest event \(2026-11-16 09:00\), is a supervisor's to enter: if the PC's clock is wrong, set it \(ask the technician\)" \
    --db "$db" --officer minh --password-file "$PWF" receive \
    --procedure 1.001193 --name "Người Thứ Hai" --id 087084000992
export MOTCUA_NOW="2026-11-17 09:00"
refused "an officer's receipt more than a day ahead" "$db" \
    "the time 2026-11-18 09:01 is more than a day after now \(2026-11-17 09:00\): give the time it really happened, or ask a supervisor" \
    --db "$db" --officer minh --password-file "$PWF" receive \
    --procedure 1.001193 --name "Người Thứ Hai" --id 087084000992 --at "2026-11-18 09:01"
# (every command here sets MOTCUA_NOW itself: tests/cli/at-time runs it at
# that clock, whatever its --at, so the rules are seen against a clock that
# is not the receipt's time)
refused "an officer's receipt of yesterday" "$db" \
    "a receipt dated 2026-11-16, before today, is a supervisor's to enter: give today's date and time, or ask a supervisor" \
    --db "$db" --officer minh --password-file "$PWF" receive \
    --procedure 1.001193 --name "Người Thứ Hai" --id 087084000992 --at "2026-11-16 10:00"
refused "an officer's step more than a day ahead" "$db" \
    "the time 2026-11-19 10:00 is more than a day after now \(2026-11-17 09:00\)" \
    --db "$db" --officer minh --password-file "$PWF" event "$code1" handover --to "Phòng Tư pháp" --at "2026-11-19 10:00"
rcv minh "2026-11-17 09:00" --at "2026-11-18 08:59"
is "$rc" 0 "an officer's receipt less than a day ahead"
code2=$(printf '%s\n' "$out" | head -1)
is "$code2" "000.17.22.H56-261118-1001" "... numbered on its own day"

# the clock set back a day: a supervisor's receipts on the earlier day and
# again on the later one get codes of their own, never one given before
rcv lan "2026-11-16 10:00" --at "2026-11-16 10:00"
like "$err" "warning: the PC's clock says 2026-11-16 10:00, but this database holds an event of 2026-11-18 08:59" "the clock set back: warned"
is "$rc" 0 "the clock set back: a supervisor's receipt"
is "$(printf '%s\n' "$out" | head -1)" "000.17.22.H56-261116-1002" "the clock set back: the next code of the day, not the first"
rcv lan "2026-11-16 10:05" --at "2026-11-18 08:30"
is "$rc" 0 "a supervisor's receipt before the newest event"
is "$(printf '%s\n' "$out" | head -1)" "000.17.22.H56-261118-1002" "... the next code of that day"
rcv lan "2026-11-16 10:10" --at "2026-11-20 09:00"
is "$rc" 0 "a supervisor's receipt days ahead"
is "$(sqlite3 "$db" "SELECT count(DISTINCT code) || '/' || count(*) FROM dossier")" "5/5" "every code unique"
MOTCUA_NOW="2026-11-20 09:00" run --db "$db" check
is "$rc" 0 "check: sound"
done_testing
