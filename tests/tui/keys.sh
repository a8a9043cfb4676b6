# keys.sh — the keys as the action table gives them: hints that do not fit
# the bottom line go to a second page that Ctrl-N shows; F1 lists the
# keys of the screen it was opened from before those of every screen;
# letters and digits typed into a field are text, never the keys they are
# elsewhere; the question box answers to its letters (y/c, n/k).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
code=$("$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure 1.001193 --name "Nguyễn Văn An" \
    --id 087084000999 --at "2026-11-19 09:00" | head -1)
sum=$(datasum "$db")
bar() { tm capture-pane -p | tail -1; }
unlike() {	# unlike GOT PATTERN DESCRIPTION — passes if GOT does not match
	tap_n=$((tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $tap_n - $3"
		printf '#   got: %s\n#  want no match: %s\n' "$1" "$2"
		tap_failed=$((tap_failed + 1))
	else
		echo "ok $tap_n - $3"
	fi
}

start
# ---- the hint bar's second page ----------------------------------------
tm send-keys F6
wait_for "Table 1/3"; ok "F6: the reports"
like "$(bar)" "^F1 Help .*Esc Back +Ctrl-N More *$" "the first page of hints ends with Ctrl-N More"
unlike "$(bar)" "Period" "the periods are not on it"
tm send-keys C-n
wait_for "1-5 Period"; ok "Ctrl-N: the second page"
like "$(bar)" "^1-5 Period +← Left +→ Right +Ctrl-X Lock +Ctrl-N More *$" "the periods and the columns"
unlike "$(bar)" "F1 Help" "the first page's hints are gone"
like "$(screen)" "2026-11-01 to 2026-11-20" "the screen is as it was"
tm send-keys C-n
wait_for "^F1 Help"; ok "Ctrl-N again: back to the first page"
tm send-keys C-n
wait_for "^1-5 Period"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F6
wait_for "Table 1/3"
like "$(bar)" "^F1 Help" "another visit starts on the first page"

# ---- F1: this screen's keys, then every screen's -----------------------
tm send-keys F1
wait_for "Help: keys"; ok "F1 on the reports: the help"
s=$(screen)
like "$(printf '%s\n' "$s" | sed -n 3p)" "Keys of this screen \(Reports\):" \
    "it starts with the reports' keys"
n_period=$(printf '%s\n' "$s" | grep -En "1-5 +Period" | cut -d: -f1)
n_save=$(printf '%s\n' "$s" | grep -En "s / e +Save" | cut -d: -f1)
check "the periods among them" test -n "$n_period"
check "s / e among them" test -n "$n_save"
unlike "$s" "Receive" "not the main screen's F2"
like "$s" "Text fields: Ctrl-T Vietnamese input on/off; Ctrl-U clears the field\." \
    "the field keys' line from the table"
tm send-keys PageDown PageDown PageDown
wait_for "Keys on every screen:"; ok "further down: the keys of every screen"
s=$(screen)
n_every=$(printf '%s\n' "$s" | grep -n "Keys on every screen:" | cut -d: -f1)
n_f1=$(printf '%s\n' "$s" | grep -En "F1 +Help" | cut -d: -f1)
check "F1 comes after that heading" test "$n_f1" -gt "$n_every"
like "$s" "Ctrl-N +More" "Ctrl-N among them"
tm send-keys Escape
wait_for "Table 1/3"; ok "Esc: back to the reports"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F1
wait_for "Help: keys"
s=$(screen)
like "$(printf '%s\n' "$s" | sed -n 4p)" "^ +F2 +Receive$" "from the main screen: its F2 first"
unlike "$s" "Period" "and not the reports' keys"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F3
wait_for "Find:"
tm send-keys F1
wait_for "Help: keys"
like "$(screen)" "Ctrl-U +Clear field" "from the lookup: its field's Ctrl-U"
tm send-keys Escape
wait_for "Find:"

# ---- letters into a field are text ---------------------------------------
# p, s, e, i, a are keys on other screens; digits are periods on the reports
tm send-keys -l "pseia 5"
wait_for "Find: +pseia 5"; ok "the lookup's field takes p s e i a and digits as text"
tm send-keys C-u
wait_for "^ Find: *$"; ok "Ctrl-U clears it"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F6
wait_for "Table 1/3"
tm send-keys 5
wait_for "From: "; ok "5: the dates of a period"
tm send-keys End
tm send-keys -l "s2p4e"
tm send-keys Tab
tm send-keys -l "1"
sleep 0.5
s=$(screen)
like "$s" "From: +01/11/202624 " "the digits typed went into the date, the letters nowhere"
unlike "$s" "Written beside the database|Sent to the printer" "s, e and p did not write or print"
check "no CSV written" test ! -e "$T/reports"
check "nothing printed" test ! -e "$T/printed.txt"
tm send-keys Escape
wait_for "2026-11-01 to 2026-11-20"; ok "Esc: the period shown stays"
tm send-keys s
wait_for "Written beside the database"; ok "out of the field, s writes the CSV again"
tm send-keys Escape
wait_for "Main menu"

# ---- the question box: its letters --------------------------------------
rm -rf "$T/reports"
sum=$(datasum "$db")
tm send-keys F2; wait_for "1/4"
tm send-keys -l dkks; wait_for "1.001193"; tm send-keys Enter; wait_for "2/4"
tm send-keys a Enter; wait_for "3/4"
tm send-keys -l 087184000123; tm send-keys Enter
tm send-keys -l "Lee Thij Cucs"
wait_for "Lê Thị Cúc"; ok "the name typed with Telex"
tm send-keys Enter Enter Enter
tm send-keys -l "Aaps 3, xax Myx An"	# the address is required
tm send-keys Enter Enter Enter; wait_for "4/4"
tm send-keys Enter; wait_for "Receive this dossier"
like "$(screen)" "Enter / y / c: Yes +Esc / n / k: No" "the box says its keys"
tm send-keys x
sleep 0.3
like "$(screen)" "Receive this dossier" "another letter: the question stays"
tm send-keys k
wait_for "4/4"; ok "k (không): no"
unlike "$(screen)" "Receive this dossier" "the box is gone"
is "$(datasum "$db")" "$sum" "nothing written"
tm send-keys Enter; wait_for "Receive this dossier"
tm send-keys c
wait_for "Slip saved"; ok "c (có): yes, the dossier is received"
is "$(q "SELECT count(*) FROM dossier WHERE applicant_name = 'Lê Thị Cúc'")" 1 \
    "the dossier is in the database"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
tui_fresh

# ---- in Vietnamese the labels are longer: the rating's digits go to the
# second page, and the first keeps Esc ----------------------------------
sum=$(datasum "$db")
tm new-session -d -x 80 -y 24 "env LANGUAGE=vi MOTCUA_NOW='$NOW' '$MOTCUA' --db '$db'; echo EXITED; sleep 10"
login lan
tm send-keys F4
wait_for "Mã hồ sơ"
tm send-keys -l "$code"
tm send-keys Enter
wait_for "Đánh giá:"; ok "F4, the code: the rating has the focus"
like "$(bar)" "^F1 Trợ giúp .*Esc Quay lại +Ctrl-N Thêm *$" "the first page keeps Esc, then Ctrl-N"
unlike "$(bar)" "0-3" "the rating's digits are not on it"
tm send-keys C-n
wait_for "^0-3 Đánh giá +Ctrl-X Khóa +Ctrl-N Thêm *$"; ok "Ctrl-N: the rating's digits"
tm send-keys 2
sleep 0.3
like "$(screen)" "\[x\] 2 " "2 still rates, with the second page shown"
like "$(bar)" "^0-3 Đánh giá" "and the page stays"
tm send-keys Tab
wait_for "^F1 Trợ giúp"; ok "another focus: the hints from their first page"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "nothing written"
done_testing
