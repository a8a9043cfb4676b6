# setup.sh — first start on a fresh database: the setup, then the main
# screen; Esc asks, and leaving the setup leaves no database file behind;
# the supervisor is logged in after the setup; later starts are the login.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/setup-lib.sh"
db="$T/new/a.db"
mkdir -p "$T/media"
screen() { tm capture-pane -p; }
q() { sqlite3 "$db" "$1"; }
open_new() {
	tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_MEDIA='$T/media' '$MOTCUA' --db '$db' $*; echo EXITED; sleep 10"
}

open_new
wait_for "First start"; ok "a fresh database opens the setup"
check "the database was created" test -f "$db"
like "$(screen)" "Esc leaves \(nothing is written\)" "the first line says what Esc does, whole"
uncut "the first screen"
tm send-keys Escape
wait_for "Leave the setup\?"; ok "Esc asks before leaving"
like "$(screen)" "new" "the question says the file goes"
like "$(screen)" "database is removed\." "the question's end, whole"
tm send-keys Escape
sleep 0.3
check "Esc at the question stays in the setup" sh -c '! grep -q EXITED' _ "$(screen)"
like "$(screen)" "First start" "still the setup"
tm send-keys Escape
wait_for "Leave the setup\?"
tm send-keys Enter
wait_for "EXITED"; ok "confirmed, the setup is left"
is "$(ls -A "$T/new" | tr '\n' ' ')" "" "no database file (nor -wal, -shm) is left behind"
tui_fresh

open_new
wait_for "First start"; ok "the setup runs again"
tm send-keys -l "000.17"; tm send-keys Enter
wait_for "not valid"; ok "a bad unit code is refused with a message"
tm send-keys C-u; tm send-keys -l "000.17.22.H56"; tm send-keys Enter
tm send-keys -l "UBND xax Myx An"; tm send-keys Enter
tm send-keys Enter; tm send-keys Enter	# the body and place as filled in
tm send-keys -l "Aaps 1"; tm send-keys Enter
tm send-keys BSpace; tm send-keys -l "2"; tm send-keys Enter
tm send-keys -l "Lan"; tm send-keys Enter
wait_for "username 'Lan' is not valid"; ok "a bad username is refused"
tm send-keys C-u; tm send-keys -l "lan"; tm send-keys Enter
tm send-keys -l "Nguyeenx Thij Lan"; tm send-keys Enter
# the supervisor's password: the policy, then typed twice, shown as dots
tm send-keys -l "abc12"; tm send-keys Enter
wait_for "at least 8"; ok "a short password is refused with the rule"
check "the password is not shown as typed" sh -c '! printf "%s" "$1" | grep -q abc12' _ "$(screen)"
tm send-keys C-u; tm send-keys -l "mat-khau-lan"
# the twelve dots once the screen has drawn the last key, then Enter
wait_for "Password  *••••••••••••$"
like "$(screen)" "••••••••••••" "the password shows as dots"
tm send-keys Enter
tm send-keys -l "mat-khau-lam"; tm send-keys Enter
wait_for "the two passwords differ"; ok "two different passwords are refused"
tm send-keys C-u; tm send-keys -l "mat-khau-lan"; tm send-keys Enter
wait_for "Step 2 of 2"; ok "then step 2, the catalog"
like "$(screen)" "\(•\) The sample catalog \(sample data — replace it with the" \
    "the sample catalog: chosen by default"
like "$(screen | tr -s ' \n' '  ')" "\(sample data — replace it with the province's catalog, F9 → Catalog\)" \
    "marked as sample data to replace, the text whole"
uncut "step 2"
tm send-keys Enter
wait_for "Save these details"; ok "Enter on step 2 asks for confirmation"
tm send-keys Enter
wait_for "Main menu"; ok "then the main screen"
s=$(screen)
like "$s" "the sample catalog's 29 procedures are loaded" "with the sample's count"
like "$s" "UBND xã Mỹ An" "the header shows the unit typed in Telex"
like "$s" "Officer: lan" "the new officer is on duty"
is "$(q "SELECT value FROM meta WHERE key = 'unit_code'")" "000.17.22.H56" "meta: unit code"
is "$(q "SELECT value FROM meta WHERE key = 'unit_name'")" "UBND xã Mỹ An" "meta: unit name"
is "$(q "SELECT count(*) FROM station")" 1 "a station row"
is "$(q "SELECT value FROM meta WHERE key = 'station_number'")" 2 "meta: station number"
is "$(q "SELECT full_name || '|' || role FROM officer")" "Nguyễn Thị Lan|supervisor" "the officer row"
like "$(q "SELECT hash FROM officer_login WHERE username = 'lan'")" '^\$argon2id\$' \
    "the supervisor's password is kept as an Argon2id hash"
check "the password itself is nowhere in the database" \
    sh -c "! grep -qa 'mat-khau-lan' '$db' '$db-wal' 2>/dev/null"
check "it is the password auth checks" sh -c "printf 'mat-khau-lan\n' > '$T/pw' && \
    chmod 600 '$T/pw' && printf 'mat-khau-mo1\n' > '$T/pw2' && chmod 600 '$T/pw2' && \
    '$MOTCUA' --db '$db' --officer lan --password-file '$T/pw' passwd \
    --new-password-file '$T/pw2' >/dev/null"
check "the sample catalog was loaded" test "$(q 'SELECT count(*) FROM procedure')" -gt 20
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
tui_fresh

# two officers: the next start is the login, where the officer is chosen;
# --officer preselects one (the password is still asked)
printf 'mat-khau-hoa\n' > "$T/hoa.pw" && chmod 600 "$T/hoa.pw"
"$MOTCUA" --db "$db" --officer lan --password-file "$T/pw2" officer add hoa "Đỗ Thị Hoa" \
    --new-password-file "$T/hoa.pw" >/dev/null
open_new
wait_for "Who is working"; ok "the next start: the login"
tm send-keys h Enter
wait_for "Đỗ Thị Hoa \(hoa\)"; ok "typing a letter and Enter picks the officer"
tm send-keys -l "mat-khau-hoa"; tm send-keys Enter
wait_for "Officer: hoa"; ok "and the password logs in"
tm send-keys F10
wait_for "EXITED"
tui_fresh
open_new --officer lan
wait_for "Who is working"
tm send-keys Enter
wait_for "\(lan\)"; ok "--officer preselects the officer"
tm send-keys -l "mat-khau-mo1"; tm send-keys Enter
wait_for "Officer: lan"; ok "the supervisor logs in with the changed password"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
