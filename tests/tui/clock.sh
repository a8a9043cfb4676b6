# clock.sh — a clock that looks wrong is shown on every screen, on the
# line under the header, within 80 columns and cut only between words;
# with the clock right the line is the screen's title again.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
MOTCUA_NOW="2026-11-20 09:00" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" receive --address "$ADDR" --procedure 1.001193 --name "Người Thứ Nhất" --id 087084000991 >/dev/null
ok "a receipt at 2026-11-20 09:00"
line2() { screen | sed -n 2p; }
warn="Clock wrong? It says 2026-11-10, an event is of 2026-11-20: ask the technician"

NOW="2026-11-10 09:00"
start_at
wait_for "Clock wrong"; ok "the login shows the warning"
is "$(line2 | sed 's/^ //; s/ *$//')" "$warn" "the login: the whole warning on line 2"
login lan
wait_for "Clock wrong"; ok "the main screen shows it"
like "$(line2)" "^ Clock wrong\? It says 2026-11-10, an event is of 2026-11-20: ask the technician" "the main screen: the whole warning"
tm send-keys F2; wait_for "1/4"
like "$(line2)" "Clock wrong\?" "the receipt's screen shows it too"
tm send-keys Escape; wait_for "F2 "
tm send-keys F10; wait_for "EXITED"
tui_fresh

# in Vietnamese: the line still fits 80 columns
NOW="2026-11-10 09:00"
tm new-session -d -x 80 -y 24 "env LANGUAGE=vi MOTCUA_NOW='$NOW' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
wait_for "F10"
wait_for "Đồng hồ"
is "$(line2 | sed 's/^ //; s/ *$//')" "Đồng hồ sai? Máy báo 2026-11-10, có sự kiện ngày 2026-11-20: gọi kỹ thuật viên" "Vietnamese: the whole warning on line 2"
wide() { screen | while IFS= read -r _l; do [ "$(printf '%s' "$_l" | wc -m)" -gt 80 ] && echo "$_l"; done; }
is "$(wide)" "" "Vietnamese: no line wider than 80 columns"
tm send-keys F10; wait_for "EXITED"
tui_fresh

# the clock right: the title is back
NOW="2026-11-20 10:00"
start
like "$(line2)" "Main menu" "a right clock: the title on line 2"
case $(screen) in *"Clock wrong"*) false ;; *) true ;; esac; ok "a right clock: no warning"
tm send-keys F10; wait_for "EXITED"
done_testing
