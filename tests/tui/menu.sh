# menu.sh — the main screen in a real terminal: keys, messages, size,
# resize, SIGTERM, and that the terminal is given back.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
db="$T/a.db"
"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog >/dev/null
"$MOTCUA" --db "$db" officer add lan "Nguyễn Thị Lan" >/dev/null
"$MOTCUA" --db "$db" receive --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-20 09:00" >/dev/null
sum=$(dbsum "$db")


tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='2026-11-21 08:00' '$MOTCUA' --db '$db'; echo EXITED; sleep 5"
wait_for "F10"; ok "the main screen opens"
screen=$(tm capture-pane -p)
like "$screen" "UBND xã Mỹ An" "header: unit name"
like "$screen" "Officer: lan" "header: the only officer is on duty"
like "$screen" "2026-11-21" "header: today's date"
like "$screen" "Overdue: 1" "header: the overdue count"
tm send-keys F9
wait_for "Administration \(F9\) is for a supervisor"; ok "F9 is refused for an officer, saying why"
tm send-keys F2
wait_for "1/4"; ok "F2 opens the reception"
tm send-keys Escape
wait_for "Main menu"; ok "Esc goes back"
tm send-keys Escape 9
wait_for "Administration \(F9\) is for a supervisor"; ok "Esc then 9 works as F9"
tm resize-window -x 60 -y 20 2>/dev/null || tm resize-pane -x 60 -y 20
wait_for "too small"; ok "a small window says it is too small"
tm resize-window -x 100 -y 30 2>/dev/null || tm resize-pane -x 100 -y 30
wait_for "F10"; ok "enlarged again, the menu is back"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
tui_fresh

# SIGTERM restores the terminal and exits
tm new-session -d -x 80 -y 24 "sh -c 'echo \$\$ > $T/pid; exec env LANGUAGE=en $MOTCUA --db $db'; echo EXIT=\$?; sleep 5"
wait_for "F10"
kill -TERM "$(cat "$T/pid")"
wait_for "EXIT=0"; ok "SIGTERM ends the program cleanly"
tui_fresh

# two officers: --officer picks one; an unknown one is refused
"$MOTCUA" --db "$db" officer add hoa "Đỗ Thị Hoa" >/dev/null
sum=$(dbsum "$db")
tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --db '$db' --officer hoa; sleep 5"
wait_for "Officer: hoa"; ok "--officer names the officer on duty"
tm send-keys F10
tui_fresh
run --db "$db" --officer nobody
is "$rc" 1 "an unknown officer: exit 1"
like "$err" "no officer 'nobody'" "an unknown officer: says so"
is "$(dbsum "$db")" "$sum" "the screens changed no data"
done_testing
