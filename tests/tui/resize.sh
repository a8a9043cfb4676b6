# resize.sh — a resize in the middle of the flow redraws at once and keeps
# what was typed; a terminal too small says how large it must be.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
sum=$(datasum "$db")
big() { tm resize-window -x "$1" -y "$2" 2>/dev/null || tm resize-pane -x "$1" -y "$2"; }
# joined — the screen's lines, trimmed, the empty ones dropped, joined with
# a space: the message as written only if every line break fell between
# two words
wait_gone() {	# wait_gone REGEX — until the screen no longer shows it
	for _i in $(seq 1 100); do
		screen | grep -Eq "$1" || return 0
		sleep 0.1
	done
	return 1
}
joined() { screen | sed 's/^ *//; s/ *$//' | grep -v '^$' | tr '\n' ' ' | sed 's/ $//'; }

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
# at 30 columns a cut at the edge would split "motcua" (motcu / a)
big 30 12
wait_for "30x12"; ok "narrower still: redrawn"
is "$(joined)" "The window is too small: motcua needs 80x24, it has 30x12. Enlarge it." \
    "30 columns: the message whole, no word split"
big 80 24
wait_for "Log in"; ok "enlarged: the login"
login lan
like "$(screen)" "Main menu" "then the main screen"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
tui_fresh

# in Vietnamese at 60 columns a cut at the edge would split "phóng"
# (the "Hã" / "y phóng to" of the issue was the same message)
tm new-session -d -x 60 -y 20 "env LANGUAGE=vi MOTCUA_NOW='$NOW' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
wait_for "quá nhỏ"; ok "Vietnamese, too small: says so"
is "$(joined)" "Cửa sổ quá nhỏ: motcua cần 80x24, hiện chỉ có 60x20. Hãy phóng to cửa sổ." \
    "60 columns: the message whole, no word split"
big 44 12
wait_for "44x12"; ok "44 columns: redrawn"
is "$(joined)" "Cửa sổ quá nhỏ: motcua cần 80x24, hiện chỉ có 44x12. Hãy phóng to cửa sổ." \
    "44 columns: the message whole, no word split"
big 80 24
wait_gone "quá nhỏ"; ok "enlarged: the message is gone"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
