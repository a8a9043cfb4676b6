# lock.sh — the lock's cover: after lock_minutes without a key (here
# MOTCUA_LOCK_SECONDS counts a minute as a few seconds) and on Ctrl-X the
# screen shows only the unit, "Locked — <officer>" and a password field,
# nothing typed before; the same officer's password or a supervisor's
# uncovers the screens as they were; another officer logging in from the
# cover ends the first session, and its half-typed receipt is not
# recorded.  Each checked in the database.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
wait_gone() {
	for _i in $(seq 1 100); do
		screen | grep -Eq "$1" || return 0
		sleep 0.1
	done
	return 1
}
pw() { tm send-keys -l "$1"; tm send-keys Enter; }
dossiers() { q "SELECT count(*) FROM dossier"; }
# half_receipt — from the main screen: F2, a procedure, the documents,
# the applicant's ID and name (Telex) typed and not yet recorded
half_receipt() {
	tm send-keys F2; wait_for "1/4"
	tm send-keys -l dkks; wait_for "1.001193"
	tm send-keys Enter; wait_for "2/4"
	tm send-keys a Enter; wait_for "3/4"
	tm send-keys -l 087084000999; tm send-keys Enter
	tm send-keys -l "Nguyeenx Vawn An"
	wait_for "Nguyễn Văn An"
}
# to_question — on from the applicant's name to the summary's question
to_question() {
	tm send-keys Enter
	tm send-keys -l "15/03/1984"; tm send-keys Enter
	tm send-keys -l "0912 345 678"; tm send-keys Enter
	tm send-keys -l "Aaps 3"; tm send-keys Enter
	tm send-keys Enter Space Enter
	wait_for "4/4"
	tm send-keys Enter
	wait_for "Receive this dossier"
}
# covered WHAT — the cover is up and shows nothing of the screens below
covered() {
	_s=$(screen)
	like "$_s" "Locked — Nguyễn Thị Lan" "$1: the cover names the officer"
	like "$_s" "UBND xã Mỹ An" "$1: and the unit"
	[ "${2:-}" = list ] || like "$_s" "Password" "$1: and the password field"
	unlike "$_s" "Nguyễn Văn An" "$1: the citizen's name is not visible"
	unlike "$_s" "087084000999" "$1: nor the ID number"
	unlike "$_s" "Receive|Officer:|Due today" "$1: nor the screens or header below"
}

# ---- the idle lock ---------------------------------------------------------
run --db "$db" --officer boss --password-file "$T/boss.pw" setting set lock_minutes 241
is "$rc" 1 "lock_minutes beyond 240 is refused"
like "$err" "0 to 240" "... and says the range"
run --db "$db" --officer boss --password-file "$T/boss.pw" setting set lock_minutes 1
is "$rc" 0 "lock_minutes 1"
START_ENV="MOTCUA_LOCK_SECONDS=3"
start
half_receipt
wait_for "Locked — "; ok "three seconds (a minute here) without a key: the cover"
covered "idle"
like "$(screen)" "F8 Unlock" "the cover's hints: a supervisor's unlock"
tm send-keys F10 F1
sleep 0.5
like "$(screen)" "Locked — " "F10 and F1 do nothing on the cover"
unlike "$(screen)" "EXITED|Help: keys" "neither quits nor opens the help"
pw "sai-mat-khau"
wait_for "Wrong password\."; ok "a wrong password on the cover: says so"
covered "after a wrong password"
sleep 0.6
pw "$PW_LAN"
wait_for "Nguyễn Văn An"; ok "the officer's password uncovers the screen"
like "$(screen)" "3/4" "the form as it was, what was typed kept"
is "$(dossiers)" 0 "nothing recorded"
tui_fresh

# ---- lock_minutes 0: never; the lock key over a question; a supervisor ---
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set lock_minutes 0 >/dev/null
START_ENV="MOTCUA_LOCK_SECONDS=1"
start
half_receipt
sleep 2
unlike "$(screen)" "Locked" "lock_minutes 0: no idle lock"
to_question
tm send-keys C-x
wait_for "Locked — "; ok "Ctrl-X covers the screen, over a question"
covered "Ctrl-X"
unlike "$(screen)" "Receive this dossier" "the question is hidden"
tm send-keys F8
wait_for "A supervisor unlocks this screen"; ok "F8: a supervisor's username and password"
tm send-keys -l "lan"; tm send-keys Enter
pw "$PW_LAN"
wait_for "may not"; ok "an officer is no supervisor: refused"
like "$(screen)" "Locked — " "still covered"
tm send-keys Up C-u
tm send-keys -l "boss"; tm send-keys Enter
pw "$PW_BOSS"
wait_for "Receive this dossier"; ok "the supervisor uncovers: the question is back"
like "$(screen)" "Unlocked by the supervisor boss" "and says who"
tm send-keys Escape
wait_for "4/4"
is "$(dossiers)" 0 "nothing recorded"
tm send-keys Escape Escape Escape Escape
wait_for "Main menu"; ok "Esc back to the main screen"
tm send-keys C-x
wait_for "Locked — "; ok "Ctrl-X on the main screen"
pw "$PW_LAN"
wait_for "Main menu"; ok "the password uncovers it"
tui_fresh

# ---- another officer logs in from the cover --------------------------------
start
half_receipt
to_question
tm send-keys C-x
wait_for "Locked — "
tm send-keys Escape
wait_for "Another officer logs in"; ok "Esc on the cover: the officers"
covered "the officers' list" list
tm send-keys -l "boss"; tm send-keys Enter
wait_for "\(boss\)"
pw "$PW_BOSS"
wait_for "Main menu"; ok "another officer's password: their main screen"
like "$(screen)" "Officer: boss" "boss is on duty"
unlike "$(screen)" "Nguyễn Văn An|Receive this dossier" "nothing of lan's session"
is "$(dossiers)" 0 "the half-typed receipt is not recorded"
tm send-keys Escape
sleep 0.3
like "$(screen)" "Main menu" "Esc: no screen of lan's session behind"
tm send-keys F2
wait_for "1/4"; ok "boss's own receipt starts afresh"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(dossiers)" 0 "still nothing recorded"
tui_fresh

# ---- the demo: logged in at once; its officer's password unlocks -----------
tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_NOW='$NOW' '$MOTCUA' --demo; echo EXITED; sleep 10"
# the demo's year of dossiers takes seconds to make: up to two minutes
tries=0	# (wait_for counts with i)
while [ $tries -lt 12 ] && ! wait_for "Main menu"; do tries=$((tries + 1)); done
wait_for "Main menu"; ok "--demo opens the main screen"
like "$(screen)" "Officer: demo" "logged in as the demo officer"
tm send-keys C-x
wait_for "Locked — Nguyễn Thị Thu"; ok "Ctrl-X locks the demo"
pw "demo1234"
wait_for "Main menu"; ok "the README's demo password unlocks it"
tm send-keys F10
wait_for "EXITED"
done_testing
