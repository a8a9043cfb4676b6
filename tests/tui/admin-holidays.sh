# admin-holidays.sh — F9 Holidays through the screen, checked with
# `motcua calendar holidays YEAR`: the year at a glance with the cursor's
# day and its name, a day off set and cleared, a Saturday made a working
# day, an official calendar imported from a USB stick.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
hol() { "$MOTCUA" --db "$db" calendar holidays 2026; }

start lan
tm send-keys F9
wait_for "3  Holidays"
tm send-keys 3
wait_for "Year 2026"; ok "3 opens the holidays of this year"
s=$(screen)
like "$s" "Friday 2026-11-20: working day" "the cursor is on today, a working day"
like "$s" "^  01  # " "1 January is a day off"
like "$s" "# day off" "the legend"
like "$(screen | tail -1)" "o Day off +w Working day +x Clear day +i Import" "the hints show the keys"
tm send-keys Up Up
wait_for "Sunday 2026-09-20: day off"; ok "↑ goes a month back"
for i in $(seq 18); do tm send-keys Left; done
wait_for "Wednesday 2026-09-02: day off — Quốc khánh"; ok "← a day back: 2/9 is named"
for i in $(seq 18); do tm send-keys Right; done
tm send-keys Down Down Right Right Right
wait_for "Monday 2026-11-23: working day"; ok "→ goes a day on"

# ---- a day off on Monday 23 November, then cleared -----------------------------------
tm send-keys o
wait_for "2026-11-23 becomes a day off"; ok "o asks the day's name"
typ "Ngay nghi dia phuong"; tm send-keys Enter
wait_for "Day off saved"; ok "the day off is saved"
like "$(hol)" "2026-11-23 +off +Ngay nghi dia phuong" "calendar holidays 2026 shows it"
wait_for "Monday 2026-11-23: day off — Ngay nghi dia phuong \(set here\)"
ok "the screen names the day"
tm send-keys x
wait_for "Clear what was set on 2026-11-23"
tm send-keys y
wait_for "back to the official calendar"; ok "x clears it"
case "$(hol)" in *2026-11-23*) false ;; *) true ;; esac
ok "... and calendar holidays 2026 no longer shows it"

# ---- Saturday 21 November becomes a working day ------------------------------------------
tm send-keys Left Left
wait_for "Saturday 2026-11-21: day off"
tm send-keys w
wait_for "becomes a working day"
typ "Lam bu"; tm send-keys Enter
wait_for "Working day saved"; ok "the working day is saved"
like "$(hol)" "2026-11-21 +work +Lam bu" "calendar holidays 2026 shows it"

# ---- an official calendar for 2027 from the stick --------------------------------------
cat > "$T/media/USB/calendar-2027.json" <<EOC
{"format": "motcua-calendar", "version": 1, "years": [{"year": 2027,
 "source": "test", "days": [{"date": "2027-01-01", "off": true, "name": "Tết Dương lịch"},
 {"date": "2027-03-03", "off": true, "name": "Ngày thử"}]}]}
EOC
tm send-keys i
wait_for "Import an official calendar"; ok "i asks for the file"
like "$(screen)" "$T/media/USB/calendar-2027.json" "the file on the stick is offered"
tm send-keys Enter
wait_for "Official calendar imported: 2027"; ok "the calendar is imported"
like "$("$MOTCUA" --db "$db" calendar holidays 2027)" "2027-03-03 +off +Ngày thử" \
	"calendar holidays 2027 shows its day"
tm send-keys PageDown
wait_for "Year 2027"; ok "PgDn goes a year on"
done_testing
