# escape.sh — Esc at every step of the reception flow goes back one step
# and, from the first, to the main screen; nothing is ever written.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
sum=$(datasum "$db")

start
# to step N, then Esc N times: back at the main screen each time
goto() {	# goto STEP
	tm send-keys F2; wait_for "1/4"
	[ "$1" -ge 2 ] || return 0
	tm send-keys -l dkks; wait_for "1.001193"; tm send-keys Enter; wait_for "2/4"
	[ "$1" -ge 3 ] || return 0
	tm send-keys a Enter; wait_for "3/4"
	tm send-keys -l 087084000999; tm send-keys Enter
	tm send-keys -l "Nguyeenx Vawn An"
	[ "$1" -ge 4 ] || return 0
	tm send-keys Enter Enter Enter Enter Enter Enter; wait_for "4/4"
	[ "$1" -ge 5 ] || return 0
	tm send-keys Enter; wait_for "Receive this dossier"
}
titles="x 1/4 2/4 3/4 4/4 Receive.this.dossier"
for step in 1 2 3 4 5; do
	goto $step
	n=$step
	while [ $n -ge 1 ]; do
		want=$(echo $titles | cut -d' ' -f$((n + 1)))
		wait_for "$want" || echo "# not at $want"
		tm send-keys Escape
		n=$((n - 1))
	done
	wait_for "Main menu"; ok "Esc from step $step, once per step, leads back to the main screen"
	is "$(datasum "$db")" "$sum" "Esc from step $step: nothing written"
done

# Esc keeps what was typed in the steps before
goto 3
tm send-keys Escape; wait_for "2/4"
tm send-keys Enter; wait_for "3/4"
like "$(screen)" "Nguyễn Văn An" "back and forth: the name typed is kept"
tm send-keys Escape; wait_for "2/4"
tm send-keys Escape; wait_for "1/4"
tm send-keys Escape; wait_for "Main menu"
tm send-keys F2; wait_for "1/4"
tm send-keys Enter; wait_for "2/4"
like "$(screen)" "Received 0 of" "a new visit starts afresh"
tm send-keys Escape; wait_for "1/4"
tm send-keys Escape; wait_for "Main menu"
tm send-keys Escape 0
wait_for "EXITED"; ok "Esc then 0 (F10) quits"
is "$(datasum "$db")" "$sum" "nothing was written"
is "$(ls "$T/slips" 2>/dev/null | wc -l)" 0 "no slip was saved"
done_testing
