# admin-settings.sh — F9 Settings through the screen, checked with
# `motcua setting get`: every setting with its value and meaning, a value
# core refuses (its message shown, nothing changed), a value saved, and
# the default put back.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/admin-common.sh"
get() { "$MOTCUA" --db "$db" setting get "$1"; }

start lan
tm send-keys F9
wait_for "4  Settings"
tm send-keys 4
wait_for "colleague_steps"; ok "4 opens the settings"
s=$(screen)
like "$s" "lang +vi" "lang and its value"
like "$s" "paper_width +80" "paper_width and its value"
like "$s" "language of the program" "the selected one's meaning"
like "$(screen | tail -1)" "Enter OK +d Default" "the hints show the keys"
for i in $(seq 10); do tm send-keys Down; done
wait_for "receipt paper width in mm"; ok "↓ to paper_width shows its meaning"

# ---- a value core refuses, then one it takes ---------------------------------------------
sum=$(datasum "$db")
tm send-keys Enter
wait_for "paper_width: receipt paper"; ok "Enter edits it"
tm send-keys C-u; typ 99; tm send-keys Enter
wait_for "'99' is not a value for paper_width"; ok "99 is refused with core's message"
is "$(datasum "$db")" "$sum" "... and nothing changed"
tm send-keys C-u; typ 58; tm send-keys Enter
wait_for "paper_width = 58"; ok "58 is saved"
is "$(get paper_width)" 58 "setting get paper_width: 58"
wait_for "paper_width +58 +\(changed\)"; ok "the list shows it changed"

# ---- back to the default ---------------------------------------------------------------
tm send-keys d
wait_for "Put paper_width back to its default \(80\)"
tm send-keys y
wait_for "back to its default"; ok "d puts the default back"
is "$(get paper_width)" 80 "setting get paper_width: 80"
done_testing
