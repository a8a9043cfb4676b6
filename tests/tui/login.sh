# login.sh — the login, the program's first screen: the officers to pick
# from, the password masked; a wrong one, then the right one; five wrong
# lock the officer (refused even with the right password) until a
# supervisor unlocks from the login; a supervisor's reset makes the
# officer set a new password first; an auditor is refused F2 and F4 with
# the reason.  Each checked in the database.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
login_row() { q "SELECT failures || '|' || coalesce(locked_until, '-') || '|' || must_change FROM officer_login WHERE username = '$1'"; }
# wait_gone REGEX — until the screen no longer shows it (10 s at most)
wait_gone() {
	for _i in $(seq 1 100); do
		screen | grep -Eq "$1" || return 0
		sleep 0.1
	done
	return 1
}
# pw TEXT — type it at the password field and press Enter
pw() { tm send-keys -l "$1"; tm send-keys Enter; }
# wrong USER N — after the N-th wrong password in a row of USER: until the
# database counts it, then the wait (core's auth_delay_ms: 250 ms doubling)
# and its note are over, as keys typed during it are dropped
wrong() {
	for _i in $(seq 1 100); do
		[ "$(q "SELECT failures FROM officer_login WHERE username = '$1'")" -ge "$2" ] && break
		sleep 0.1
	done
	sleep "$(echo "$2" | awk '{ printf "%.2f", 0.25 * 2 ^ ($1 - 1) + 0.2 }')"
	wait_gone "Wait a moment"
}

# ---- log in --------------------------------------------------------------
sum=$(datasum "$db")
start_at
wait_for "Who is working at this counter"; ok "the program starts at the login"
s=$(screen)
like "$s" "boss +Trần Văn Bảo" "the supervisor is listed"
like "$s" "lan +Nguyễn Thị Lan" "the officer is listed"
like "$s" "Officer: —" "nobody is on duty yet"
like "$s" "F8 Unlock" "the hints show the supervisor's unlock key"
unlike "$s" "Ctrl-X" "no lock key before a login"
tm send-keys -l "l"
tm send-keys Enter
wait_for "Nguyễn Thị Lan \(lan\)"; ok "typing a letter and Enter choose the officer"
tm send-keys -l "$PW_LAN"
wait_for "••••••••••••"; ok "the password shows as dots"
unlike "$(screen)" "$PW_LAN" "never as typed"
tm send-keys Enter
wait_for "Main menu"; ok "the right password: the main screen"
like "$(screen)" "Officer: lan" "lan is on duty"
like "$(screen)" "Ctrl-X Lock" "the hint bar shows the lock key"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "a login changes no data"
tui_fresh

# ---- a wrong password, then the right one ---------------------------------
start_at
tm send-keys -l "lan"; tm send-keys Enter
wait_for "\(lan\)"
pw "sai-mat-khau"
wait_for "Wrong password\."; ok "a wrong password: says so"
like "$(screen | tr -s ' \n' '  ')" "wrong password for 'lan': try again \(4 more wrong" \
    "and how many tries are left"
is "$(login_row lan)" "1|-|0" "the failure is counted"
check "the field is emptied" sh -c '! printf "%s" "$1" | grep -q "•"' _ "$(screen)"
wrong lan 1; ok "after the wait"
pw "$PW_LAN"
wait_for "Main menu"; ok "then the right one logs in"
is "$(login_row lan)" "0|-|0" "the failures are cleared"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# ---- five wrong: the lock; a supervisor's unlock ---------------------------
start_at
tm send-keys -l "lan"; tm send-keys Enter
wait_for "\(lan\)"
for n in 1 2 3 4 5; do
	pw "sai-$n-mat-khau"
	wrong lan $n
done
like "$(screen)" "Wrong password\. Locked: a supervisor can unlock \(F8\)" "the fifth locks"
like "$(screen | tr -s ' \n' '  ')" "'lan' is locked until 2026-11-20 09:05" \
    "the message says until when"
is "$(login_row lan)" "5|2026-11-20T09:05:00+07:00|0" "the lock is recorded"
pw "$PW_LAN"
wait_for "is locked after 5 wrong passwords until 2026-11-20 09:05"
ok "the right password is refused while locked, with core's message"
unlike "$(screen)" "Main menu" "no main screen"
tm send-keys Escape
wait_for "lan +Nguyễn Thị Lan +locked until 09:05"; ok "the list marks the lock"
tm send-keys F8
wait_for "A supervisor ends the lock of Nguyễn Thị Lan \(lan\)"; ok "F8: the supervisor's unlock"
tm send-keys -l "boss"; tm send-keys Enter
pw "$PW_BOSS"
wait_for "lan is unlocked: they can log in now"; ok "the supervisor's password unlocks"
is "$(login_row lan)" "0|-|0" "the lock is gone from the database"
unlike "$(screen)" "locked until" "the list no longer marks it"
tm send-keys Enter
wait_for "\(lan\)"
pw "$PW_LAN"
wait_for "Main menu"; ok "then lan logs in"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# ---- a supervisor's reset: a new password first ----------------------------
# (the set-up's commands from here on run at the moment of the screens,
# $NOW: the sessions before them recorded their events then)
pwfile tmp "tam-thoi-123"
MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" officer reset lan \
    --new-password-file "$T/tmp.pw" >/dev/null
is "$(login_row lan)" "0|-|1" "after officer reset: must change"
start_at
tm send-keys -l "lan"; tm send-keys Enter
wait_for "\(lan\)"
pw "tam-thoi-123"
wait_for "Set your new password"; ok "the temporary password asks for a new one"
like "$(screen)" "A supervisor reset your password" "and says why"
unlike "$(screen)" "Main menu" "not the main screen yet"
pw "ngan"
wait_for "at least 8"; ok "the policy is checked"
pw "mat-khau-moi-1"
pw "mat-khau-moi-2"
wait_for "the two passwords differ"; ok "the two must be the same"
is "$(login_row lan)" "0|-|1" "nothing set yet"
pw "mat-khau-moi-1"
wait_for "Main menu"; ok "then the main screen"
is "$(login_row lan)" "0|-|0" "the new password is set"
tm send-keys F10
wait_for "EXITED"
tui_fresh
start_at
tm send-keys -l "lan"; tm send-keys Enter
wait_for "\(lan\)"
pw "mat-khau-moi-1"
wait_for "Main menu"; ok "the new password logs in next time"
tm send-keys F10
wait_for "EXITED"
tui_fresh
pwfile lan "mat-khau-moi-1"

# ---- an auditor: F2 and F4 refused with the reason -------------------------
pwfile kiem "mat-khau-kiem"
MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" officer add kiem \
    "Phan Văn Kiểm" --role auditor --new-password-file "$T/kiem.pw" >/dev/null
# a receipt by lan for the auditor to look up, at the moment of the screens
# (an earlier time would be before the sessions' events: a supervisor's)
code=$("$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure 1.001193 --name "Lê Thị Mai" \
    --id 087184000321 --at "$NOW" | head -1)
test -n "$code"; ok "lan's receipt for the auditor to look up"
sum=$(datasum "$db")
start_at
login kiem
like "$(screen)" "Officer: kiem" "the auditor is logged in"
tm send-keys F2
wait_for "may not"; ok "F2: refused"
like "$(screen | tr -s ' \n' '  ')" "'auditor' may not record “Received”" "with the reason"
unlike "$(screen)" "1/4" "no reception opens"
tm send-keys F4
wait_for "may not record “Returned”"; ok "F4: refused with the reason"
unlike "$(screen)" "Dossier code" "no return screen"
tm send-keys F7
wait_for "may not export"; ok "F7: refused with the reason"
unlike "$(screen)" "Removable media" "no sync screen"
tm send-keys F3
wait_for "Find:"; ok "F3 (reading) works"
tm send-keys -l "$code"; tm send-keys Enter
wait_for "History"
tm send-keys Enter
wait_for "p  Control sheet"; ok "a dossier's actions: none offered to an auditor"
like "$(screen)" "c  Hand over to a specialist  \(not for your role\)" "each named, with why"
is "$(screen | grep -cE '^ +[a-oq-z]  .*  \((not for your role|not when received)\) *$')" 12 \
    "every step but the control sheet dimmed, with why"
tm send-keys c
wait_for "Hand over to a specialist: not for your role"; ok "its letter says why, no form"
unlike "$(screen)" "To \(officer\):" "no handover form"
tm send-keys Escape Escape Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"
is "$(datasum "$db")" "$sum" "the auditor changed nothing"
done_testing
