# print-fail.sh — printing with a print command that does not exist: the
# slip screen shows the whole message (why, where the printer is set, where
# the slip is kept and how to print it later) under the slip, at 80x24,
# with no word cut; the dossier is kept; then a working printer.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set print_command /nonexistent/lp >/dev/null

start
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
wait_for "1.001193 +Thủ tục đăng ký khai sinh "
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999; tm send-keys Enter
tm send-keys -l "Nguyeenx Vawn An"; tm send-keys Enter
tm send-keys -l "15/03/1984"; tm send-keys Enter
tm send-keys -l "0277 385 1234"; tm send-keys Enter
tm send-keys -l "Aaps 3"; tm send-keys Enter
tm send-keys Enter Space Enter
wait_for "4/4"
tm send-keys Enter
wait_for "Receive this dossier"
tm send-keys Enter
wait_for "Mẫu 01"; ok "the slip is shown"
code=$(q "SELECT code FROM dossier")
tm send-keys p
wait_for "printing failed"; ok "p with a missing print command: the failure is shown"
s=$(screen)
printf '%s\n' "$s" | sed 's/^/# /'
flat=$(printf '%s\n' "$s" | sed -n '/printing failed/,$p' | sed 's/^ *//; s/ *$//' | tr '\n' ' ')
like "$flat" "printing failed \(cannot run /nonexistent/lp: No such file or directory\)" "why"
like "$flat" "print_backend and print_command \(F9 → Settings\)" "where the printer is set"
like "$flat" "saved as $T/slips/$code\.txt" "where the slip is, the path whole"
like "$flat" "print it later with p on its screen or 'motcua slip CODE --print'" "how to print later"
is "$(printf '%s\n' "$s" | grep -c 'printing failed')" 1 "said once: not on the message line too"
is "$(printf '%s\n' "$s" | grep -c 'Not printed')" 0 "no message inside a message"
is "$(q "SELECT count(*) FROM dossier WHERE code = '$code'")" 1 "the dossier is kept"
check "the slip is kept" test -f "$T/slips/$code.txt"
# the CLI says the same
run --db "$db" slip "$code" --print
like "$err" "print_backend and print_command \(F9 → Settings\)" "the CLI says where to set the printer"
# a working printer: p again prints and the message goes
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set print_command "$T/print.sh" >/dev/null
tm send-keys p
wait_for "Sent to the printer"; ok "p again, with a printer: printed"
check "the failure is gone" sh -c '! printf "%s" "$1" | grep -q "printing failed"' _ "$(screen)"
check "the printer got the slip" test -f "$T/printed.txt"
tm send-keys Escape
done_testing
