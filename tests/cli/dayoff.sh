# dayoff.sh — dossiers received on a day off (weekend, Tết, Giỗ Tổ,
# 30/4–1/5, 2/9) or after closing, on the official calendar of 2026: the
# day of receipt never counts, the days count from the next day, and a
# receipt with no clock inside the office day is due at the due day's
# closing.  Through `receive --at`, `show` and `calendar due`.
# the story starts before the first receipt, so that the clock never goes back
MOTCUA_STORY_START="2026-01-02 08:00"
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
"$MOTCUA" --db "$db" init --supervisor lan "Nguyễn Thị Lan" --password-file "$PWF" --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
run --db "$db" --password-file "$PWF" calendar import "$top_srcdir/data/calendar-2026.json"
is "$rc" 0 "import the official calendar of 2026 ($err)"

# recv PROCEDURE AT WANT DESCRIPTION — receive, check the due date printed
# and the one `show` gives
n=0
recv() {
	n=$((n + 1))
	run --db "$db" --password-file "$PWF" receive --procedure "$1" --name "Nguyễn Văn An" \
	    --id 087084000999 --address "$ADDR" --at "$2"
	is "$rc" 0 "$4: exit 0 ($err)"
	is "$(echo "$out" | tail -1)" "$3" "$4"
	code=$(echo "$out" | head -1)
	run --db "$db" show --json "$code"
	is "$(jget "$out" '$.due')" "$3" "$4: show --json"
}
# 1.004884: 5 days; 1.001022: 3 days; 1.004845: 2 days; 1.001193: same day

# the make-up Saturday 10/1/2026 (official calendar: 2/1 off, 10/1 worked)
recv 1.001022 "2026-01-03 10:00" "2026-01-07 17:00" \
    "Sat 3/1 (after the 1/1–2/1 days off) + 3 days: Wed 7/1 at closing"
recv 1.004845 "2026-01-08 18:00" "2026-01-10 17:00" \
    "Thu 8/1 after closing + 2 days: Fri 9/1 and the Saturday worked, at closing"
recv 1.004845 "2026-01-10 09:00" "2026-01-13 09:00" \
    "received on the Saturday worked + 2 days: a working-day receipt, Tue 13/1 09:00"

# Tết 2026: 16/2–20/2 off
recv 1.004884 "2026-02-17 10:00" "2026-02-27 17:00" \
    "mùng 1 Tết + 5 days: Fri 27/2 at closing (was Mon 2/3)"
recv 1.001193 "2026-02-18 10:00" "2026-02-23 17:00" \
    "mùng 2 Tết, same day: the first working day after Tết"

# weekends
recv 1.004884 "2026-03-06 17:30" "2026-03-13 17:00" \
    "Fri after closing + 5 days: the next Friday at closing"
recv 1.004884 "2026-03-07 10:00" "2026-03-13 17:00" \
    "Sat + 5 days: the next Friday at closing, as after Friday's closing"
recv 1.001022 "2026-03-08 10:00" "2026-03-11 17:00" "Sun + 3 days: Wed at closing"
recv 1.001193 "2026-03-08 11:00" "2026-03-09 17:00" "Sun, same day: Monday at closing"
recv 1.001022 "2026-03-09 16:00" "2026-03-12 16:00" "a working-day receipt keeps its clock"
run --db "$db" show "$code"
like "$out" "Due +2026-03-12 16:00" "show: the due date-time"

# Giỗ Tổ (Sun 26/4, make-up Mon 27/4), 30/4 and 1/5
recv 1.004845 "2026-04-26 09:00" "2026-04-29 17:00" "Giỗ Tổ + 2 days: Tue 28/4, Wed 29/4"
recv 1.001022 "2026-04-27 09:00" "2026-05-04 17:00" \
    "Giỗ Tổ's make-up Monday + 3 days: 28/4, 29/4, Mon 4/5"
recv 1.004845 "2026-04-30 09:00" "2026-05-05 17:00" "30/4 + 2 days: Mon 4/5, Tue 5/5"
recv 1.001022 "2026-05-01 09:00" "2026-05-06 17:00" "1/5 + 3 days: Wed 6/5"

# 2/9 (official 2026: Sat 22/8 worked, 31/8–2/9 off)
recv 1.004845 "2026-08-22 10:00" "2026-08-25 10:00" \
    "the Saturday worked 22/8 + 2 days: Tue 25/8 10:00"
recv 1.001022 "2026-08-29 10:00" "2026-09-07 17:00" \
    "Sat 29/8 + 3 days: 3/9, 4/9, Mon 7/9 (31/8–2/9 off)"
recv 1.001022 "2026-09-02 10:00" "2026-09-07 17:00" "2/9 + 3 days: the same Monday"

# hours, from the next opening
run --db "$db" calendar due --from "2026-03-07 10:00" --limit "2 hours"
is "$out" "2026-03-09 09:30" "Sat + 2 hours: from Monday's opening"
run --db "$db" calendar due --from "2026-03-06 10:30" --limit "8 hours"
is "$out" "2026-03-09 11:00" "Fri 10:30 + 8 hours: across lunch and the weekend"
run --db "$db" calendar due --from "2026-02-17 10:00" --limit "1 hour"
is "$out" "2026-02-23 08:30" "mùng 1 Tết + 1 hour: Mon 23/2 08:30"

# Saturday morning works
run --db "$db" --password-file "$PWF" setting set saturday_morning 1
is "$rc" 0 "saturday_morning 1 ($err)"
recv 1.004884 "2026-10-03 10:00" "2026-10-09 10:00" \
    "working Saturday morning + 5 days: the next Friday at the same clock"
recv 1.004884 "2026-10-03 14:00" "2026-10-09 17:00" \
    "working Saturday after its closing + 5 days: the next Friday at closing"
recv 1.004884 "2026-10-04 10:00" "2026-10-09 17:00" "Sun + 5 days: Mon–Fri, at closing"
recv 1.004884 "2026-10-05 18:00" "2026-10-10 11:30" \
    "Mon after closing + 5 days: Tue–Fri and the working Saturday, at its closing"
recv 1.001193 "2026-10-10 11:00" "2026-10-10 11:30" "same day on a working Saturday: 11:30"
done_testing
