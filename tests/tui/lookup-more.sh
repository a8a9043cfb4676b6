# lookup-more.sh — F3 reads a screenful of results at a time: with more
# matches than fit, the list ends in "more…", Enter there reads the next
# screenful, and every dossier of the name shows once, newest first, as
# the database holds them.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
rcv() {	# rcv NAME ID AT — prints the new code
	"$MOTCUA" --db "$db" --officer lan --password-file "$T/lan.pw" receive --address "$ADDR" \
	    --procedure 1.001022 --name "$1" --id "$2" --at "$3" | head -1
}
# eleven Nguyễn Văn, a minute apart, and one Trần Thị among them
for i in 01 02 03 04 05 06 07 08 09 10 11; do
	rcv "Nguyễn Văn Người$i" "0870840000$i" "2026-11-19 09:$i" >/dev/null
done
rcv "Trần Thị Khác" 087184000777 "2026-11-19 09:30" >/dev/null
is "$(q "SELECT count(*) FROM dossier")" 12 "twelve dossiers received with the CLI"
# the database's order: newest receipt first
newest=$(q "SELECT code FROM dossier WHERE name_fold LIKE 'nguyen van%' ORDER BY received DESC")
sum=$(datasum "$db")

start
tm send-keys F3
wait_for "Find:"
tm send-keys -l "nguyen van"
tm send-keys Enter
# 80x24: eight results of two lines fit
wait_for "8 found, more follow"; ok "a screenful read: 8, and more match"
s=$(screen)
n=0
for c in $newest; do
	n=$((n + 1))
	if [ $n -le 8 ]; then
		like "$s" "$c" "first screenful: dossier $n of the database's order shows"
	else
		unlike "$s" "$c" "first screenful: dossier $n is not read yet"
	fi
done
first=$(printf '%s\n' "$s" | grep -n "$(echo "$newest" | sed -n 1p)" | cut -d: -f1)
eighth=$(printf '%s\n' "$s" | grep -n "$(echo "$newest" | sed -n 8p)" | cut -d: -f1)
check "newest receipt first" test "$first" -lt "$eighth"
unlike "$s" "Trần Thị Khác" "another name is not among them"
# a filter narrows what was read; the count says more still follow
tm send-keys Tab
tm send-keys 4
wait_for "0 of the first 8 found, more follow"; ok "status 'finished': none of the 8 read"
tm send-keys 1
wait_for "8 found, more follow"; ok "status 'all' again"
tm send-keys BTab
# down to the end of the list: the "more…" row
tm send-keys Down Down Down Down Down Down Down Down
wait_for "more… \(Enter shows the next\)"; ok "the list ends in more…"
tm send-keys Enter
wait_for "11 of 11 found"; ok "Enter on more… reads the rest: 11 of 11"
s=$(screen)
unlike "$s" "more…" "no more… when all are read"
like "$s" "$(echo "$newest" | sed -n 9p)" "the next screenful: the ninth newest shows"
# the highlight is on the first of the new ones: Enter opens it
tm send-keys Enter
wait_for "History"; ok "Enter opens the highlighted one"
like "$(screen)" "$(echo "$newest" | sed -n 9p)" "the ninth newest, the first of the next screenful"
tm send-keys Escape
wait_for "11 of 11 found"
tm send-keys Down Down
wait_for "$(echo "$newest" | sed -n 11p)"; ok "down the list: the oldest, the last read"
s=$(screen)
like "$s" "$(echo "$newest" | sed -n 10p)" "and the tenth before it"
unlike "$s" "more…" "and nothing after it"
tm send-keys Escape
wait_for "Main menu"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"
is "$(datasum "$db")" "$sum" "paging wrote nothing"
done_testing
