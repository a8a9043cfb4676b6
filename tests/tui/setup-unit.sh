# setup-unit.sh — the setup wizard's step 1 at 80x24 with the unit's names
# after the 2025 reform: the receiving body and the place of the forms'
# date line are filled in from the unit name when that field is left,
# follow a changed name until the officer types their own, every hint is
# whole, and the database keeps what the screen showed.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
. "$top_srcdir/tests/tui/setup-lib.sh"
db="$T/new/a.db"
mkdir -p "$T/media"
screen() { tm capture-pane -p; }
q() { sqlite3 "$db" "$1"; }
tm new-session -d -x 80 -y 24 "env LANGUAGE=en MOTCUA_MEDIA='$T/media' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
wait_for "First start"; ok "a fresh database opens the setup"
like "$(screen)" "Receiving body" "step 1 asks for the receiving body"
like "$(screen)" "Place on the forms" "... and the place of the date line"
like "$(screen)" "Password again" "all eleven fields on the 24 lines"
tm send-keys -l "000.17.22.H56"; tm send-keys Enter
wait_for "The parent authority"
like "$(screen | tr -s ' \n' '  ')" "The parent authority, e.g. UBND xã Phước Long: the forms' first header line\." \
    "on the name, a hint says it is the parent authority, whole"
uncut "the hint of the unit name"
tm send-keys -l "UBND xax Phuwowsc Long"; tm send-keys Enter
wait_for "Trung tâm Phục vụ hành chính công xã Phước Long"
ok "leaving the name fills in the body from it"
like "$(screen)" "Place on the forms +Phước Long" "... and the place"
like "$(screen | tr -s ' \n' '  ')" "The body that receives dossiers, e.g. Trung tâm Phục vụ hành chính công xã Phước Long, or Bộ phận Một cửa\." \
    "on the body, its hint, whole"
uncut "the hint of the body"
# back to the name, changed: the body and place follow it
tm send-keys Up; tm send-keys C-u; tm send-keys -l "UBND phuwowfng Phuwowsc Long Thoj"; tm send-keys Enter
# (the field shows the start of a body longer than itself: the database has it whole)
wait_for "Receiving body +Trung tâm Phục vụ hành chính công phường Phước"
ok "a changed name changes the body filled in"
like "$(screen)" "Place on the forms +Phước Long Thọ" "... and the place"
tm send-keys Enter
wait_for "The place before"
like "$(screen | tr -s ' \n' '  ')" "The place before the forms' date, as Phước Long in \"Phước Long, ngày 30 tháng 11 năm 2026\"\." \
    "on the place, its hint, whole"
uncut "the hint of the place"
# the officer's own place is kept when the name changes again
tm send-keys C-u; tm send-keys -l "Long Thoj"; tm send-keys Up; tm send-keys Up
tm send-keys C-u; tm send-keys -l "UBND phuwowfng Phuwowsc Long Thoj"; tm send-keys Enter
sleep 0.3
like "$(screen)" "Place on the forms +Long Thọ" "a place typed by the officer stays"
tm send-keys Enter; tm send-keys Enter
tm send-keys -l "Aaps 1"; tm send-keys Enter
tm send-keys Enter
tm send-keys -l "lan"; tm send-keys Enter
tm send-keys -l "Nguyeenx Thij Lan"; tm send-keys Enter
tm send-keys -l "mat-khau-lan"; tm send-keys Enter
tm send-keys -l "mat-khau-lan"; tm send-keys Enter
wait_for "Step 2 of 2"; ok "then step 2"
tm send-keys Enter
wait_for "Save these details"
tm send-keys Enter
wait_for "Main menu"; ok "then the main screen"
is "$(q "SELECT value FROM meta WHERE key = 'unit_name'")" "UBND phường Phước Long Thọ" "meta: the parent authority as the unit name"
is "$(q "SELECT value FROM meta WHERE key = 'unit_body'")" "Trung tâm Phục vụ hành chính công phường Phước Long Thọ" \
    "meta: the receiving body filled in"
is "$(q "SELECT value FROM meta WHERE key = 'unit_place'")" "Long Thọ" "meta: the place typed"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
