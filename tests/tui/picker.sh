# picker.sh — the procedure picker ranks by the quality of the match: with
# birth registration the station's most used procedure, "khai tu", "khai
# tử" and "khai tuwr" (Telex in the search box) all put death registration
# (1.000656) on the top row, which Enter takes; a receipt made so is a
# death registration in the database.  F3 and F4 take Telex too.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
for i in 1 2 3; do
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --procedure 1.001193 \
	    --name "Trần Thị Bình" --id 08718400012$i --phone 0987654321 --address "Ấp 5, xã Mỹ An" \
	    --at "2026-11-02 09:0$i" >/dev/null || echo "not ok - receiving birth registration $i"
done
is "$(q "SELECT count(*) FROM dossier WHERE procedure_code = '1.001193'")" 3 \
	"birth registration is the station's most used procedure"
top() { screen | sed -n 5p; }
show() { screen | sed 's/^/#   /'; }	# the screen, for the log

start
tm send-keys F2
wait_for "1/4"
like "$(top)" "1\.001193 +Thủ tục đăng ký khai sinh" "no search: the most used first"

tm send-keys -l "khai tu"
wait_for "5 of 29 procedures"; ok "'khai tu' finds five procedures"
show
like "$(top)" "1\.000656 +Thủ tục đăng ký khai tử " "'khai tu': death registration on the top row"
like "$(screen | sed -n 6p)" "1\.005461 +Thủ tục đăng ký lại khai tử " "... then its re-registration"
like "$(screen | sed -n 7p)" "1\.001193 +Thủ tục đăng ký khai sinh " "... then the more used birth registration"
tm send-keys Enter
wait_for "2/4"; ok "Enter takes the top row"
like "$(screen)" "1\.000656  Thủ tục đăng ký khai tử" "the chosen procedure: death registration"
tm send-keys Escape
wait_for "1/4"

tm send-keys C-u
tm send-keys -l "khai tử"
wait_for "2 of 29 procedures"; ok "'khai tử': the diacritic narrows to two"
like "$(top)" "1\.000656 +Thủ tục đăng ký khai tử " "'khai tử': death registration on the top row"
is "$(screen | grep -c "khai sinh")" 0 "no birth registration among them"
tm send-keys Enter
wait_for "2/4"
like "$(screen)" "1\.000656  Thủ tục đăng ký khai tử" "Enter takes death registration"
tm send-keys Escape
wait_for "1/4"

tm send-keys C-u
tm send-keys -l "khai tuwr"
wait_for "Search: +khai tử"; ok "Telex in the search box: 'khai tuwr' shows 'khai tử'"
wait_for "2 of 29 procedures"; ok "... and searches for it"
like "$(top)" "1\.000656 +Thủ tục đăng ký khai tử " "'khai tuwr': death registration on the top row"
show
tm send-keys Enter
wait_for "2/4"
like "$(screen)" "1\.000656  Thủ tục đăng ký khai tử" "Enter takes death registration"

# on to the slip: the dossier is a death registration
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"
wait_for "Nguyễn Văn An"
tm send-keys Enter Enter
tm send-keys -l 0912345678
tm send-keys Enter
tm send-keys -l "Ap 3"
tm send-keys Enter Enter Enter
wait_for "4/4"; ok "on to the summary"
tm send-keys Enter
wait_for "Enter"
tm send-keys Enter
wait_for "Mẫu 01"; ok "committed, the slip is shown"
is "$(q "SELECT procedure_code || '|' || applicant_name FROM dossier WHERE applicant_id = '087084000999'")" \
	"1.000656|Nguyễn Văn An" "the new dossier is a death registration"
is "$(q "SELECT count(*) FROM dossier WHERE procedure_code = '1.001193'")" 3 \
	"no birth registration was added"

# with Vietnamese typing off, the keys are searched as typed
tm send-keys Escape
wait_for "F10"
tm send-keys F2
wait_for "1/4"
tm send-keys C-t
wait_for "\[Typing: plain\]"
tm send-keys -l "khai tuwr"
wait_for "Search: +khai tuwr"; ok "typing off: 'khai tuwr' stays as typed"
wait_for "0 of 29 procedures"; ok "... and finds nothing"
show
tm send-keys C-t Escape
wait_for "F10"

# a name longer than its column: whole words and "…" in the row, and the
# highlighted procedure's whole name under the list
tm send-keys F2
wait_for "Search:"
tm send-keys -l "khai sinh ket hop"
wait_for "1 of 29 procedures"
long=$(q "SELECT name FROM procedure WHERE code = '1.000689'")
screen > "$T/pick"
like "$(grep '1.000689' "$T/pick")" "1\.000689 Thủ tục đăng ký khai sinh kết hợp đăng ký… " \
    "the long name's row ends on a whole word and …"
is "$(sed -n 20p "$T/pick" | sed 's/^ *//; s/ *$//')" "$long" \
    "the highlighted procedure's whole name is shown under the list"
tm send-keys C-u
tm send-keys -l "dang ky lai khai tu"
wait_for "1 of 29 procedures"
sleep 0.3
screen > "$T/pick2"
unlike "$(sed -n 20p "$T/pick2")" "[^ ]" "a name that fits its row needs no second showing"
show
tm send-keys Escape
wait_for "F10"

# F3 and F4's search boxes take Telex as well
tm send-keys F3
wait_for "Find:"
tm send-keys -l "Nguyeenx Vawn"
wait_for "Find: +Nguyễn Văn"; ok "F3: Telex in the search box"
tm send-keys Escape
wait_for "F10"
tm send-keys F4
wait_for "Dossier code:"
tm send-keys -l "khai tuwr"
wait_for "Dossier code: +khai tử"; ok "F4: Telex in the search box"
tm send-keys C-u
code=$(q "SELECT code FROM dossier WHERE applicant_id = '087084000999'")
tm send-keys -l "$code"
wait_for "Dossier code: +$(printf '%s' "$code" | sed 's/\./\\./g') *\$"; ok "F4: a dossier code is typed as it is ($code)"
show
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "quits"
tui_fresh
done_testing
