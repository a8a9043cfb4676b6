# indicators.sh — F6's page of indicators (i): on 80x24 the on-time rate,
# the satisfaction rate overall and per officer, the new dossiers by
# channel (at the counter, by post, online), stopped, refused and
# withdrawn, the two digitisation rates with what they count, and the
# figures per deciding body, each checked against `motcua report summary
# --format json` on the same database; no line ends inside a word, and
# the database never changes.
MOTCUA_STORY_START="2026-11-02 08:00"
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/tui/common.sh"
pwfile minh "mat-khau-minh"	# (lib-login.sh: $T/minh.pw)
"$MOTCUA" --db "$db" --officer boss --password-file "$T/boss.pw" \
    officer add minh "Phạm Văn Minh" --new-password-file "$T/minh.pw" >/dev/null
ok "a second officer, minh"
# rcv OFFICER NAME ID AT PROCEDURE [ARGS...] — prints the new code
rcv() {
	_o=$1 _n=$2 _i=$3 _a=$4 _p=$5; shift 5
	"$MOTCUA" --db "$db" --officer "$_o" --password-file "$T/$_o.pw" receive --address "$ADDR" \
	    --procedure "$_p" --name "$_n" --id "$_i" --at "$_a" "$@" | head -1
}
ev_failed=0
ev() {	# ev OFFICER CODE STEP ...
	_o=$1; shift
	"$MOTCUA" --db "$db" --officer "$_o" --password-file "$T/$_o.pw" event "$@" >/dev/null ||
	    ev_failed=$((ev_failed + 1))
}
# three in person, one by post, two online; one forwarded to Sở Nội vụ;
# each step recorded when it happens, in the order of their times
a=$(rcv lan "Nguyễn Văn An" 087084000001 "2026-11-02 09:00" 1.001193)
ev lan "$a" result --at "2026-11-02 15:00"
ev lan "$a" return --rating very_satisfied --at "2026-11-02 16:00"
b=$(rcv lan "Trần Văn Bình" 087084000002 "2026-11-03 09:00" 1.001193 --channel post)
ev minh "$b" result --at "2026-11-03 15:00"
ev minh "$b" return --rating not_satisfied --at "2026-11-03 16:00"
c=$(rcv minh "Lê Thị Cúc" 087184000003 "2026-11-04 09:00" 1.001193 --channel online)
ev minh "$c" result --at "2026-11-04 15:00"
ev minh "$c" return --rating satisfied --at "2026-11-04 16:00"
d=$(rcv minh "Phạm Văn Dũng" 087084000004 "2026-11-05 09:00" 1.001022 --channel online)
e=$(rcv lan "Hoàng Thị Em" 087184000005 "2026-11-06 09:00" 1.010825)
f=$(rcv lan "Võ Văn Giang" 087084000006 "2026-11-09 09:00" 1.001193)
g=$(rcv lan "Đỗ Thị Hoa" 087184000007 "2026-11-10 09:00" 1.001193)
ev lan "$f" stop --reason "người yêu cầu không bổ sung hồ sơ" --at "2026-11-10 10:00"
ev lan "$g" withdraw --at "2026-11-11 09:00"
i=$(rcv lan "Bùi Văn Inh" 087084000009 "2026-11-12 09:00" 1.001193)
ev lan "$i" refuse --reason "không thuộc thẩm quyền" --at "2026-11-12 09:30"
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ -n "$e" ] && [ -n "$f" ] &&
    [ -n "$g" ] && [ -n "$i" ] && [ "$ev_failed" -eq 0 ]
ok "the dossiers and their steps are recorded"

js=$(MOTCUA_NOW="$NOW" "$MOTCUA" --db "$db" report summary --from 2026-11-01 --to 2026-11-20 --format json)
v() { jget "$js" "\$.total.$1"; }
# pc VALUE — a rate as the screen shows it: one decimal and " %", or "—"
pc() { if [ -n "$1" ]; then printf '%.1f %%' "$1"; else printf '—'; fi; }
sum=$(datasum "$db")

start
tm send-keys F6
wait_for "Table 1/3"; ok "F6 opens the reports"
like "$(screen)" "i indicators" "the screen's keys say i"
tm send-keys i
wait_for "Indicators"; ok "i: the page of indicators"
s=$(screen)
printf '%s\n' "$s" | sed 's/^/# /'
like "$s" "Indicators scored by the province" "its title"
like "$s" "Results on time +$(pc "$(v on_time_rate)")$" "the on-time rate as the CLI's JSON"
like "$s" "$(($(v resolved_early) + $(v resolved_on_time))) of $(($(v resolved_early) + \
$(v resolved_on_time) + $(v resolved_late))) dossiers resolved early or on time" "... of how many"
like "$s" "Citizens satisfied +$(pc "$(v satisfaction_rate)")$" "the satisfaction rate as the CLI's JSON"
like "$s" "Citizens satisfied +66\.7 %$" "... two of three, by hand"
like "$s" "2 of 3 rated returns: satisfied or very satisfied" "... of how many"
o() { jget "$js" "\$.officers[$1].$2"; }
is "$(o 0 officer) $(o 1 officer) $(o 2 officer)" "lan minh " "the JSON: two officers rated"
like "$s" "Nguyễn Thị Lan \(lan\) +$(o 0 satisfied)/$(o 0 rated) +$(pc "$(o 0 satisfaction_rate)")$" \
    "lan's satisfaction as the JSON"
like "$s" "Phạm Văn Minh \(minh\) +1/2 +$(pc "$(o 1 satisfaction_rate)")$" "minh's: one of two"
new=$(v received_new) post=$(v received_post) online=$(v received_online)
is "$new $post $online" "7 1 2" "the JSON: seven new, one by post, two online"
like "$s" "at the counter $((new - post - online)) · by post $post · online $online$" \
    "the channels as the JSON"
like "$s" "Stopped $(v stopped) · refused at the counter $(v refused) · withdrawn $(v withdrawn)$" \
    "stopped, refused, withdrawn as the JSON"
like "$s" "Stopped 1 · refused at the counter 1 · withdrawn 1$" "... one each, by hand"
is "$(v digitised_rate)|$(v results_digitised_rate)" "0.0|0.0" "the JSON: nothing digitised"
like "$s" "Dossiers digitised +$(pc "$(v digitised_rate)")$" "the dossiers' digitisation rate as the JSON"
like "$s" "Results digitised +$(pc "$(v results_digitised_rate)")$" "the results' as the JSON"
like "$s" "0 of 3 results of the period: the result digitised by its end$" "... of how many (three results, no file)"
like "$s" "By deciding body +new +resolved +on time$" "the bodies' headings"
bw() { jget "$js" "\$.bodies[$1].$2"; }
for k in 0 1; do
	bn=$(bw $k body)
	like "$s" "^ +$bn +$(bw $k received_new) +$(($(bw $k resolved_early) + $(bw $k resolved_on_time) + \
$(bw $k resolved_late))) +$(pc "$(bw $k on_time_rate)")$" "the body $bn as the JSON"
done
like "$s" "Sở Nội vụ tỉnh +1 +0 +—$" "the forwarded procedure's body, by hand"
# every line of the screen within 80 columns and no word cut at the right
# edge: a line that reaches column 80 ends with a figure or a mark
w=$(printf '%s\n' "$s" | while IFS= read -r l; do printf '%s\n' "$l" | wc -m; done | sort -n | tail -1)
[ "$w" -le 81 ]; ok "no line wider than 80 columns ($w with its newline)"
# the wrapped definition: each piece of it is whole words of the msgid
def="0 of 7 new dossiers: every required document digitised by the end of the period"
got=$(printf '%s\n' "$s" | sed -n '/Dossiers digitised/,/Results digitised/p' | sed '1d;$d' |
    sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ $//')
is "$got" "$def" "the definition wrapped between words, nothing lost"

tm send-keys Tab
wait_for "Table 1/3"; ok "Tab goes back to the table"
tm send-keys i
wait_for "Indicators"
tm send-keys i
wait_for "Table 1/3"; ok "i again, too"
tm send-keys Escape
wait_for "Main menu"; ok "Esc leaves the reports"
tm send-keys F10
wait_for "EXITED"; ok "F10 quits"

# in Vietnamese, the longer words still fit and wrap between words
tui_fresh
START_ENV="LANGUAGE=vi" start
tm send-keys F6
wait_for "Bảng 1/3"
tm send-keys i
wait_for "Chỉ số tỉnh"; ok "Vietnamese: the page of indicators"
s=$(screen)
printf '%s\n' "$s" | sed 's/^/# /'
like "$s" "Giải quyết đúng hạn +100\.0 %$" "Vietnamese: the on-time rate"
like "$s" "Người dân hài lòng +66\.7 %$" "Vietnamese: the satisfaction rate"
like "$s" "tại quầy 4 · bưu chính 1 · trực tuyến 2$" "Vietnamese: the three channels"
like "$s" "Dừng giải quyết 1 · từ chối tiếp nhận 1 · rút hồ sơ 1$" "Vietnamese: stopped, refused, withdrawn"
like "$s" "Hồ sơ được số hóa +0\.0 %$" "Vietnamese: the dossiers' digitisation rate"
like "$s" "Kết quả được số hóa +0\.0 %$" "Vietnamese: the results' digitisation rate"
got=$(printf '%s\n' "$s" | sed -n '/Hồ sơ được số hóa/,/Kết quả được số hóa/p' | sed '1d;$d' |
    sed 's/^ *//; s/ *$//' | tr '\n' ' ' | sed 's/ $//')
is "$got" "0 trên 7 hồ sơ mới: mọi thành phần hồ sơ bắt buộc được số hóa trước khi hết kỳ" \
    "Vietnamese: the definition wrapped between words, nothing lost"
like "$s" "Theo cơ quan giải quyết +mới +đã xong +đúng hạn$" "Vietnamese: the bodies' headings"
w=$(printf '%s\n' "$s" | while IFS= read -r l; do printf '%s\n' "$l" | wc -m; done | sort -n | tail -1)
[ "$w" -le 81 ]; ok "Vietnamese: no line wider than 80 columns ($w with its newline)"
tm send-keys Escape
wait_for "F10"
tm send-keys F10
wait_for "EXITED"; ok "Vietnamese: F10 quits"
is "$(datasum "$db")" "$sum" "the indicators wrote nothing in the database"
done_testing
