# menu.sh — the main screen in a real terminal: keys, messages, size,
# resize, SIGTERM, and that the terminal is given back.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/lib-login.sh"
db="$T/a.db"
unit_make "$db"
"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" --id 087084000999 --at "2026-11-20 09:00" >/dev/null
sum=$(datasum "$db")


tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='2026-11-21 08:00' '$MOTCUA' --db '$db'; echo EXITED; sleep 5"
wait_for "F10"; ok "the program opens"
login lan
wait_for "Main menu"; ok "the main screen after the login"
screen=$(tm capture-pane -p)
like "$screen" "UBND xã Mỹ An" "header: unit name"
like "$screen" "Officer: lan" "header: the officer logged in is on duty"
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

# three officers: --officer preselects one at the login (it proves
# nothing: the password is asked); an unknown one is refused
pwfile hoa "mat-khau-hoa"
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" \
    officer add hoa "Đỗ Thị Hoa" --new-password-file "$T/hoa.pw" >/dev/null
sum=$(datasum "$db")
tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --db '$db' --officer hoa; echo EXITED; sleep 5"
wait_for "F8 "
tm send-keys Enter
wait_for "Đỗ Thị Hoa \(hoa\)"; ok "--officer preselects the officer at the login"
tm send-keys -l "mat-khau-hoa"
tm send-keys Enter
wait_for "Officer: hoa"; ok "with the password: hoa is on duty"
tm send-keys F10
# the program's own end (its session closed, a backup finished) before
# the database is read
wait_for EXITED
tui_fresh
run --db "$db" --officer nobody
is "$rc" 1 "an unknown officer: exit 1"
like "$err" "no officer 'nobody'" "an unknown officer: says so"
is "$(datasum "$db")" "$sum" "the screens changed no data"
done_testing
