# demo.sh — the demo database behind `motcua --demo`.
. "$top_srcdir/tests/cli/lib.sh"
tui_setup
db="$XDG_DATA_HOME/motcua/demo.db"
# the demo is a year of work up to its clock: a Wednesday afternoon
MOTCUA_NOW="2026-11-25 15:20"
export MOTCUA_NOW

tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --demo"
# a year of dossiers takes seconds to make (more under the sanitizers
# and a busy machine): wait up to two minutes for the first screen
tries=0	# (wait_for counts with i)
while [ $tries -lt 12 ] && ! wait_for "F2 +Receive a dossier"; do tries=$((tries + 1)); done
wait_for "Overdue: [0-9]"
screen=$(tm capture-pane -p)
printf '%s\n' "$screen"
like "$screen" "UBND xã Mỹ An" "the demo opens on the main screen"
like "$screen" "F2 +Receive a dossier" "the main menu is shown"
# a real counter has few dossiers overdue (the old demo showed 193)
od=$(printf '%s\n' "$screen" | sed -n 's/.*Overdue: \([0-9]*\).*/\1/p' | head -1)
[ -n "$od" ] && [ "$od" -le 3 ]; ok "the main screen shows few overdue ($od)"
# the due board: today's receipts and the week's appointments
tm send-keys F5
wait_for "overdue [0-9]+,"	# the groups drawn, not only the title
board=$(tm capture-pane -p)
printf '%s\n' "$board"
like "$board" "Due today \([1-9]" "the board has dossiers due today"
like "$board" "next two working days \([1-9]" "and some due in the next two working days"
like "$board" "overdue [0-3]," "and few overdue"
tm send-keys Escape
wait_for "F2 +Receive"
# the reports, this year: the on-time rate of a real counter
tm send-keys F6
wait_for "Table 1/3"
tm send-keys 4
wait_for "2026-01-01 to 2026-11-25"
rep=$(tm capture-pane -p)
printf '%s\n' "$rep"
rate=$(printf '%s\n' "$rep" | sed -n 's/^ Total .* \([0-9][0-9.]*\)$/\1/p')
[ -n "$rate" ] && awk -v r="$rate" 'BEGIN { exit !(r >= 97 && r <= 100) }'
ok "F6: this year's on-time rate is between 97 and 100 % ($rate)"
tm send-keys Escape
wait_for "F2 +Receive"
tm send-keys F10
i=0
while [ $i -lt 100 ] && tm has-session 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
tm has-session 2>/dev/null; [ $? -ne 0 ]; ok "F10 quits"
test -f "$db"; ok "the demo database is made under XDG_DATA_HOME"
q() { sqlite3 "$db" "$1"; }
n=$(q "SELECT count(*) FROM dossier")
[ "$n" -ge 1350 ] && [ "$n" -le 1550 ]; ok "a year of a small commune ($n dossiers)"
is "$(q "SELECT count(DISTINCT substr(received, 1, 7)) FROM dossier")" 13 "spread over the year before the clock"
is "$(q "SELECT min(received) >= '2025-11-25' FROM dossier")" 1 "and no earlier"
# receipts only on working days, in office hours
is "$(q "SELECT count(*) FROM dossier WHERE strftime('%w', substr(received, 1, 10)) IN ('0', '6')")" 0 \
    "no receipt on a Saturday or a Sunday"
is "$(q "SELECT count(*) FROM dossier WHERE substr(received, 1, 10) IN ('2026-01-01', \
    '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', \
    '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02')")" 0 "none on a holiday (Tết, 30/4, 1/5, 2/9)"
is "$(q "SELECT count(*) FROM dossier WHERE substr(received, 12, 5) NOT BETWEEN '07:30' AND '17:00' \
    OR substr(received, 12, 5) BETWEEN '11:31' AND '13:29'")" 0 "every receipt in office hours"
is "$(q "SELECT count(*) FROM event WHERE substr(at, 1, 16) > '2026-11-25T15:20'")" 0 "nothing dated after the clock"
# the procedures as a commune sees them: certified copies, then signatures
top=$(q "SELECT group_concat(c) FROM (SELECT procedure_code AS c FROM dossier GROUP BY c \
    ORDER BY count(*) DESC LIMIT 4)")
like "$top" "^2\.000815,2\.000884," "certified copies, then signature certification most ($top)"
like "$top" "1\.001193" "then birth registration"
like "$top" "1\.004873" "and marriage status"
is "$(q "SELECT count(*) FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM procedure p \
    WHERE p.code = d.procedure_code)")" 0 "every procedure from the sample catalog"
# what became of them: most returned, a few of every other end
st() { q "SELECT count(*) FROM dossier WHERE status = '$1'"; }
r=$(st returned)
[ $((r * 100 / n)) -ge 90 ]; ok "most are resolved and returned ($r of $n)"
k=$(st refused); [ "$k" -ge 3 ] && [ "$k" -le 30 ]; ok "a few refused ($k)"
k=$(st withdrawn); [ "$k" -ge 3 ] && [ "$k" -le 30 ]; ok "a few withdrawn ($k)"
k=$(st stopped); [ "$k" -ge 1 ] && [ "$k" -le 2 ]; ok "one or two stopped ($k)"
k=$(q "SELECT count(*) FROM event WHERE kind = 'guide'")
[ "$k" -ge 10 ] && [ "$k" -le 60 ]; ok "a few supplement requests instead of a receipt ($k)"
k=$(q "SELECT count(*) FROM event WHERE kind = 'transfer' AND body LIKE '%Sở Nội vụ tỉnh%'")
[ "$k" -ge 1 ]; ok "handed to the province's body for 1.010825 ($k)"
is "$(q "SELECT count(*) FROM event e JOIN dossier d ON d.id = e.dossier WHERE e.kind = 'transfer' \
    AND d.procedure_code <> '1.010825'")" 0 "and only that procedure is handed on"
late=$(q "SELECT count(*) FROM dossier WHERE result_at > due")
[ "$late" -ge 3 ]; ok "a few resolved late ($late)"
is "$(q "SELECT count(*) FROM dossier WHERE result_at > due AND (apologies = 0 \
    OR result_at > appointment)")" 0 "each late one with its apology, resolved by the new date"
k=$(q "SELECT count(*) FROM dossier WHERE substr(received, 1, 10) = '2026-11-25'")
[ "$k" -ge 2 ]; ok "some received today ($k)"
is "$(q "SELECT count(*) > 0 FROM dossier WHERE substr(received, 1, 10) = '2026-11-25' \
    AND due < '2026-11-28'")" 1 "due this week"
k=$(q "SELECT count(*) FROM dossier WHERE channel = 'online'"); [ "$k" -ge 10 ]; ok "some online ($k)"
k=$(q "SELECT count(*) FROM dossier WHERE channel = 'post'"); [ "$k" -ge 10 ]; ok "some by post ($k)"
# the year's figures, as the summary gives them
run --db "$db" --officer demo report summary --from 2025-11-25 --to 2026-11-25 --format json
is "$rc" 0 "the year's summary"
tot=${out%%\"fields\"*}
rate=$(printf '%s' "$tot" | sed -n 's/.*"on_time_rate":\([0-9.]*\).*/\1/p')
awk -v r="$rate" 'BEGIN { exit !(r >= 97 && r <= 100) }'; ok "on-time rate between 97 and 100 ($rate)"
sat=$(printf '%s' "$tot" | sed -n 's/.*"satisfaction_rate":\([0-9.]*\).*/\1/p')
awk -v r="$sat" 'BEGIN { exit !(r > 90) }'; ok "satisfaction rate above 90 ($sat)"
like "$tot" '"stopped":[12],' "the stops are counted"
is "$(sqlite3 "$db" "SELECT count(*) > 25 FROM procedure")" 1 "with the sample catalog"
# the demo officer's password is the one the README shows
printf 'demo1234\n' >"$T/demo.pw"; chmod 600 "$T/demo.pw"
run --db "$db" --officer demo --password-file "$T/demo.pw" passwd --new-password-file "$PWF"
is "$rc" 0 "the demo officer changes the README's password"
# a rebuild is a supervisor's: the demo's is truong, password truong1234
printf 'truong1234\n' >"$T/truong.pw"; chmod 600 "$T/truong.pw"
run --db "$db" --officer demo --password-file "$PWF" check --rebuild
is "$rc" 1 "the demo officer may not rebuild"
like "$err" "may not rebuild" "and is told so"
run --db "$db" --officer truong --password-file "$T/truong.pw" check --rebuild
is "$rc" 0 "the demo database checks sound"
like "$out" "identical" "its projection is identical after a rebuild"
run --db "$db" --officer demo check
is "$rc" 0 "motcua check finds it sound"
like "$out" "(sound|tốt)" "and says so"
# opened again, it is reused, not remade
sum=$(sqlite3 "$db" "SELECT group_concat(code) FROM dossier")
tui_fresh
tm new-session -d -x 80 -y 24 "env LANGUAGE=en '$MOTCUA' --demo"
wait_for "F10"
tm send-keys F10
i=0
while [ $i -lt 100 ] && tm has-session 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
is "$(sqlite3 "$db" "SELECT group_concat(code) FROM dossier")" "$sum" "a second --demo reuses the database"
tui_fresh
done_testing
