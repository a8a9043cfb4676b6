# admin-unit.sh — F9 → The unit through the screen, checked with sqlite3
# and `motcua unit show`: the form holds the unit's names, an empty body
# is refused with core's message and nothing changes, the changes are
# saved and the forms print them; an auditor and an officer are refused;
# This station shows the body and the place.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
q() { sqlite3 "$db" "$1"; }

start lan
tm send-keys F9
wait_for "7  The unit"; ok "F9 has the item The unit"
tm send-keys 7
wait_for "Receiving body +Trung tâm Phục vụ hành chính công xã Mỹ An"
ok "7 opens the unit's form, the body as the database reads it"
diag "$(screen)"
s=$(screen)
like "$s" "Unit name +UBND xã Mỹ An" "the parent authority (the unit name)"
like "$s" "Place on the forms +Mỹ An" "the place"
like "$(screen | tr -s ' \n' '  ')" "the parent authority heads them, the receiving body receives, the place dates them\." \
    "the intro, whole"
# an empty body: refused, nothing changed
sum=$(datasum "$db")
tm send-keys Down; tm send-keys C-u; tm send-keys Enter
tm send-keys Enter; tm send-keys Enter; tm send-keys Enter
wait_for "the receiving body is empty"; ok "an empty body is refused with core's message"
is "$(datasum "$db")" "$sum" "... and nothing changed"
# the body and place typed (Telex), saved
tm send-keys Up; tm send-keys Up; tm send-keys Up
tm send-keys C-u; tm send-keys -l "Booj phaajn Mootj cuwar"; tm send-keys Enter
tm send-keys C-u; tm send-keys -l "Myx An"; tm send-keys Enter
tm send-keys Enter
tm send-keys -l "0270 3812 345"; tm send-keys Enter
wait_for "The unit is now: UBND xã Mỹ An; Bộ phận Một cửa; place Mỹ An\."; ok "saved, and the screen says what the unit is now"
is "$(q "SELECT value FROM meta WHERE key = 'unit_body'")" "Bộ phận Một cửa" "meta: the body typed"
is "$(q "SELECT value FROM meta WHERE key = 'unit_phone'")" "0270 3812 345" "meta: the phone"
is "$(q "SELECT officer || '|' || json_extract(body, '$.body') FROM event WHERE kind = 'unit'")" "lan|Bộ phận Một cửa" \
    "an audit event 'unit' by lan"
# the form closed: the menu again
wait_for "1-9 Choose"
tm send-keys 5
wait_for "Receiving body: +Bộ phận Một cửa"; ok "This station shows the body"
like "$(screen)" "Place on the forms: +Mỹ An" "... and the place"
like "$(screen)" "Phone: +0270 3812 345" "... and the phone"
tm send-keys F10
wait_for "EXITED"

# an auditor may look at This station, not change the unit
start kim
tm send-keys F9
wait_for "7  The unit"
sum=$(datasum "$db")
tm send-keys 7
wait_for "the role 'auditor' may not"; ok "an auditor is refused the unit's form, with core's message"
unlike "$(screen)" "Place on the forms" "... which does not open"
is "$(datasum "$db")" "$sum" "... and nothing changed"
tm send-keys F10
wait_for "EXITED"
done_testing
