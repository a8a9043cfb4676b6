# resize.sh — a resize in the middle of the flow redraws at once and keeps
# what was typed; a terminal too small says how large it must be.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
sum=$(datasum "$db")
big() { tm resize-window -x "$1" -y "$2" 2>/dev/null || tm resize-pane -x "$1" -y "$2"; }

start
tm send-keys F2; wait_for "1/4"
tm send-keys -l dkks; wait_for "1.001193"
tm send-keys Enter; wait_for "2/4"
tm send-keys a Enter; wait_for "3/4"
tm send-keys -l 087084000999; tm send-keys Enter
tm send-keys -l "Nguyeenx Va"
wait_for "Nguyễn Va"
big 120 40
wait_for "Date of birth"; ok "larger: redrawn"
like "$(screen)" "Nguyễn Va" "larger: the typed name is kept"
big 60 20
wait_for "too small"; ok "smaller than 80x24: says it is too small"
like "$(screen)" "80x24" "... and how large it must be"
tm send-keys -l "xyz"	# keys while too small change nothing
big 80 24
wait_for "3/4"; ok "back to 80x24: the form again"
tm send-keys -l "wn"
wait_for "Nguyễn Văn"; ok "the word is still being composed after the resizes"
tm send-keys Escape Escape Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "nothing was written"
tui_fresh

# a terminal too small from the start
tm new-session -d -x 70 -y 20 "env LANGUAGE=en MOTCUA_NOW='$NOW' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
wait_for "too small"; ok "started too small: says so"
like "$(screen)" "needs 80x24, it has 70x20" "the sizes are named"
big 80 24
wait_for "Log in"; ok "enlarged: the login"
login lan
like "$(screen)" "Main menu" "then the main screen"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
