# due.sh — F5 due board and F4 return: two overdue dossiers; a result
# recorded from the board's detail takes one off "overdue" and the
# header's count changes; a return before the result is refused with the
# core's message and writes nothing; after a result recorded with the
# CLI, F4 returns the other with a rating in a few keys.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
rcv() {	# rcv NAME ID AT [PROCEDURE] — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" --procedure "${4:-1.001193}" --name "$1" --id "$2" \
	    --at "$3" | head -1
}
a=$(rcv "Nguyễn Văn An" 087084000999 "2026-11-16 09:00")
b=$(rcv "Nguyễn Thị Bình" 087184000123 "2026-11-17 09:00")
c=$(rcv "Lê Văn Cường" 087084000998 "2026-11-19 09:00" 1.001022)
sum=$(datasum "$db")

start
like "$(screen)" "Overdue: 2" "header: two overdue"
tm send-keys F5
wait_for "Overdue \(2\)"; ok "F5: the overdue group"
s=$(screen)
like "$s" "$a .*Nguyễn Văn An .*2026-11-16 17:00 .*days? late" "a row: code, name, appointment, days late"
like "$s" "Due in the next two working days \(1\)" "the dossier due soon"
like "$s" "$c .*Lê Văn Cường .*days? left" "days left"
like "$s" "overdue 2, due today 0" "the summary line"
is "$(datasum "$db")" "$sum" "the board wrote nothing"

# the result of b from the board: the list starts on the first dossier
tm send-keys Down Enter
wait_for "History"; ok "Enter opens the detail"
like "$(screen)" "$b" "the detail of b"
tm send-keys Enter
wait_for "k  Result"; ok "the result under its letter, k"
tm send-keys k
wait_for "Outcome:"; ok "the result asks the outcome"
tm send-keys Enter Enter
wait_for "\?"
tm send-keys Enter
wait_for "Result: approved"; ok "the timeline shows the result"
like "$(screen)" "result ready" "the status is result ready"
like "$(screen)" "Overdue: 1" "header: one overdue left"
tm send-keys Escape
wait_for "Overdue \(1\)"; ok "the board: one overdue left"
check "b left the board" sh -c "! printf '%s' \"\$1\" | grep -q '$b'" x "$(screen)"
is "$(q "SELECT status FROM dossier WHERE code = '$b'")" result_ready "the database: result ready"

# a return before the result: refused, nothing written
sum=$(datasum "$db")
tm send-keys Escape
wait_for "Main menu"
tm send-keys F4
wait_for "Dossier code:"; ok "F4 opens the return"
tm send-keys -l "$a"
tm send-keys Enter
wait_for "There is no result to return"; ok "the status warns before anything"
tm send-keys 1 Enter
wait_for "record the return"
tm send-keys Enter
wait_for "not ready"; ok "the core refuses with its message"
is "$(datasum "$db")" "$sum" "the refused return wrote nothing"
tm send-keys Escape
wait_for "Main menu"; ok "Esc leaves the return screen"
is "$(datasum "$db")" "$sum" "Esc wrote nothing"
tm send-keys F10
wait_for "EXITED"
tui_fresh

# the result of a with the CLI, then the return with a rating
"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" event "$a" result --at "2026-11-20 08:30" >/dev/null
ok "the CLI records a's result"
start
like "$(screen)" "Overdue: 0" "header: nothing overdue"
tm send-keys F5
wait_for "Nothing is overdue|overdue 0"; ok "the board has no overdue dossier"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F4
wait_for "Dossier code:"
tm send-keys -l "$a"
tm send-keys Enter
wait_for "result ready"; ok "a scanned code: the dossier with its status"
tm send-keys 2
wait_for "\[x\] 2 satisfied"; ok "2: satisfied"
tm send-keys Enter
wait_for "record the return"
tm send-keys Enter
wait_for "the result was returned"; ok "recorded"
wait_for "Dossier code:"
is "$(q "SELECT status FROM dossier WHERE code = '$a'")" returned "the database: returned"
is "$(q "SELECT json_extract(body, '\$.rating') FROM event WHERE kind = 'return'")" satisfied "the database: rating satisfied"
is "$(q "SELECT json_extract(body, '\$.collector') FROM event WHERE kind = 'return'")" "Nguyễn Văn An" "the database: the applicant collected it"
# another person collects b
tm send-keys -l "$b"
tm send-keys Enter
wait_for "result ready"
tm send-keys 1 Tab Space
wait_for "Name:"; ok "another person: name and ID number"
tm send-keys Enter
tm send-keys -l "Traafn Thij Hoa"
tm send-keys Enter
tm send-keys -l "087184000997"
tm send-keys Enter
wait_for "record the return"
tm send-keys Enter
wait_for "the result was returned"; ok "recorded"
is "$(q "SELECT json_extract(body, '\$.collector') || '|' || json_extract(body, '\$.collector_id') || '|' || json_extract(body, '\$.rating') FROM event WHERE kind = 'return' AND dossier = (SELECT id FROM dossier WHERE code = '$b')")" \
    "Trần Thị Hoa|087184000997|very_satisfied" "the database: the other collector and the rating"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
done_testing
