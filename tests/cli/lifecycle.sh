# lifecycle.sh — motcua event / history / due / find: every step allowed
# and refused, pauses moving the due date, the due board, lookups.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
recv() {	# recv NAME ID AT [PROC] — prints the code
	M --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure "${4:-1.001022}" --name "$1" --id "$2" --at "$3" | head -1
}
a=$(recv "Nguyễn Văn An" 087084000999 "2026-11-20 09:00")      # due 2026-11-25 09:00
b=$(recv "Lê Thị Bình" 001305012345 "2026-11-20 09:10")
c=$(recv "Trần An Nguyên" 087184000997 "2026-11-20 09:20")
# The counter's receipts come in the order they happen (a receipt dated
# before this station's newest event is a supervisor's), so the officer
# records the morning's other receipts here, before any step: dd (refused,
# then withdrawn and cancelled below) and e (the due board); f comes on
# Monday 23rd, after the step of that morning.
dd=$(recv "Đỗ Văn Dũng" 087084000996 "2026-11-20 09:40")
e=$(recv "Vũ Thị Em" 087184000995 "2026-11-20 10:00" 1.001193)   # same day: due 2026-11-20 17:00
st() { sqlite3 "$db" "SELECT status FROM dossier WHERE code = '$1'"; }
col() { sqlite3 "$db" "SELECT $2 FROM dossier WHERE code = '$1'"; }
E() { M --officer lan --password-file "$PWF" event "$@"; }
# late E ARGS... — a step entered later than it happened (this test goes
# dossier by dossier, not day by day): the clock says the story's latest
# time (tests/cli/at-time's $MOTCUA_STORY), not the step's own --at, so it
# is not set back behind the newest event (a clock warning)
late() { (MOTCUA_NOW=$(cat "$MOTCUA_STORY") && export MOTCUA_NOW && "$@"); }

# the normal path: handover, transfer and back, result, return
run --db "$db" --officer lan --password-file "$PWF" event "$a" handover --to "Phạm Văn Tư" --at "2026-11-20 10:00"
is "$rc" 0 "handover: exit 0"
like "$out" "handover recorded" "handover: says so"
is "$(st "$a")" processing "handover: processing"
is "$(col "$a" handler)" "Phạm Văn Tư" "handover: to whom"
E "$a" transfer --agency "Phòng Tư pháp" --at "2026-11-20 11:00" >/dev/null
is "$(st "$a")" transferred "transfer: transferred"
is "$(col "$a" agency)" "Phòng Tư pháp" "transfer: which agency"
E "$a" transfer-back --agency "Phòng Tư pháp" --at "2026-11-23 08:00" >/dev/null
f=$(recv "Hồ Văn Phúc" 087084000994 "2026-11-23 10:00")           # due 2026-11-26
is "$(st "$a")" processing "transfer-back: processing again"
refused "return before a result" "$db" "not ready" --db "$db" --officer lan --password-file "$PWF" event "$a" return --rating satisfied
E "$a" result --at "2026-11-24 15:00" >/dev/null
is "$(st "$a")|$(col "$a" result)" "result_ready|approved" "result: ready, approved"
refused "a second result" "$db" "does not apply" --db "$db" --officer lan --password-file "$PWF" event "$a" result
# the status by its label, as the screens show it, not its stored name
like "$err" "$a is result ready: the step 'result'" "a second result: the status's label"
err=$(env -u LANGUAGE "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$a" result 2>&1)
like "$err" "trạng thái có kết quả:" "a second result in Vietnamese: the status's label"
refused "a bad rating" "$db" "not one of" --db "$db" --officer lan --password-file "$PWF" event "$a" return --rating great
refused "another collector without ID" "$db" "ID number" --db "$db" --officer lan --password-file "$PWF" event "$a" return --collector "Nguyễn Văn Bố"
E "$a" return --rating very_satisfied --at "2026-11-25 08:00" >/dev/null
is "$(st "$a")|$(col "$a" rating)|$(col "$a" collector)" "returned|very_satisfied|Nguyễn Văn An" "return: the applicant collected, rated"
refused "withdraw after return" "$db" "does not apply" --db "$db" --officer lan --password-file "$PWF" event "$a" withdraw

# pause and resume move the due date by the paused working days
is "$(col "$b" due)" "2026-11-25T09:10:00+07:00" "b is due Wednesday"
late E "$b" pause --reason "Thiếu bản sao giấy khai sinh" --at "2026-11-20 14:00" >/dev/null
is "$(st "$b")" paused "pause: paused"
refused "result while paused" "$db" "resume" --db "$db" --officer lan --password-file "$PWF" event "$b" result
refused "pause without a reason" "$db" "reason" --db "$db" --officer lan --password-file "$PWF" event "$c" pause
E "$b" resume --at "2026-11-24 10:00" >/dev/null
# paused Fri 20, Mon 23 (2 working days; Sat/Sun do not count)
is "$(st "$b")|$(col "$b" paused_days)" "received|2" "resume: back, 2 working days paused"
is "$(col "$b" due)" "2026-11-27T09:10:00+07:00" "the due date moved by 2 working days"
is "$(col "$b" appointment)" "2026-11-27T09:10:00+07:00" "and so did the appointment"
refused "resume when not paused" "$db" "does not apply" --db "$db" --officer lan --password-file "$PWF" event "$b" resume

# apology: a new appointment, the due date stays
refused "apology with a past date" "$db" "after the time" --db "$db" --officer lan --password-file "$PWF" event "$b" apologize --reason "Chờ xác minh" --new-date "2026-11-20 10:00" --at "2026-11-26 10:00"
refused "apology without reason" "$db" "reason" --db "$db" --officer lan --password-file "$PWF" event "$b" apologize --new-date "2026-12-05 10:00"
E "$b" apologize --reason "Chờ xác minh của Công an xã" --new-date "2026-12-04 10:00" --at "2026-11-26 10:00" >/dev/null
is "$(col "$b" appointment)|$(col "$b" due)" "2026-12-04T10:00:00+07:00|2026-11-27T09:10:00+07:00" "apology: new appointment, same due"

# refuse at the counter, withdraw, cancel (supervisor only)
refused "refuse without reason" "$db" "reason" --db "$db" --officer lan --password-file "$PWF" event "$c" refuse
late E "$c" refuse --reason "Không thuộc thẩm quyền của xã" --at "2026-11-20 09:30" >/dev/null
is "$(st "$c")|$(col "$c" closed_reason)" "refused|Không thuộc thẩm quyền của xã" "refuse: refused, with reason"
late E "$dd" handover --to "X" --at "2026-11-20 10:00" >/dev/null
refused "refuse after handover" "$db" "before it is handed on" --db "$db" --officer lan --password-file "$PWF" event "$dd" refuse --reason "x"
late E "$dd" withdraw --reason "Công dân rút hồ sơ" --at "2026-11-21 09:00" >/dev/null
is "$(st "$dd")" withdrawn "withdraw: withdrawn"
refused "cancel by an officer" "$db" "supervisor" --db "$db" --officer lan --password-file "$PWF" event "$dd" cancel --reason "Nhập nhầm"
MOTCUA_NOW=$(cat "$MOTCUA_STORY") run --db "$db" --officer truong --password-file "$PWF" event "$dd" cancel --reason "Nhập nhầm" --at "2026-11-21 10:00"
is "$rc|$(st "$dd")" "0|cancelled" "cancel by the supervisor"
refused "cancel twice" "$db" "does not apply" --db "$db" --officer truong --password-file "$PWF" event "$dd" cancel --reason "again"

# bad inputs
refused "unknown code" "$db" "no dossier" --db "$db" --officer lan --password-file "$PWF" event NOPE handover --to X
run --db "$db" --officer lan --password-file "$PWF" event "$b" frobnicate
is "$rc" 1 "unknown step: exit 1"
like "$err" "unknown step 'frobnicate'" "unknown step: says so"
MOTCUA_NOW=$(cat "$MOTCUA_STORY") refused "a time before the last step" "$db" "before the dossier's last step" --db "$db" --officer lan --password-file "$PWF" event "$b" handover --to X --at "2026-11-20 08:00"
refused "bad --at" "$db" "not valid" --db "$db" --officer lan --password-file "$PWF" event "$b" handover --to X --at "yesterday"
refused "handover without --to" "$db" "handed to" --db "$db" --officer lan --password-file "$PWF" event "$b" handover
run --db "$db" event
is "$rc" 2 "event without arguments: usage"

# history
run --db "$db" history "$a"
is "$rc" 0 "history: exit 0"
is "$(echo "$out" | wc -l)" 6 "history: six events"
like "$(echo "$out" | head -1)" "^2026-11-20 09:00  lan +receive" "history: the receipt first"
like "$(echo "$out" | tail -1)" "return .*very_satisfied" "history: the return last"
run --db "$db" history "$a" --json
is "$(jlen "$out")" 6 "history --json: six events"
is "$(jget "$out" '$[1].body.to')" "Phạm Văn Tư" "history --json: bodies are JSON"
refused "history of an unknown code" "$db" "no dossier" --db "$db" history NOPE

# the due board (e and f received above)
run --db "$db" due --as-of 2026-11-24
like "$out" "Overdue:" "due: an overdue group"
like "$(echo "$out" | sed -n '/Overdue/,/^$/p')" "$e" "due: the same-day dossier of the 20th is overdue on the 24th"
like "$(echo "$out" | sed -n '/next two/,/^$/p')" "$f" "due: f (due the 26th) is in the next two working days"
like "$(echo "$out" | sed -n '/Paused/,$p')" "^Paused:|$" "due: paused group when any"
run --db "$db" due --as-of 2026-11-24 --json
is "$(jget "$out" '$.overdue[0].code')" "$e" "due --json: overdue"
is "$(jget "$out" '$.overdue[0].days')" "-4" "due --json: 4 days late"
is "$(jget "$out" '$.soon[0].code')" "$f" "due --json: soon"
is "$(jget "$out" '$.paused')" "[]" "due --json: every group present"
late E "$e" result --at "2026-11-24 11:00" >/dev/null
run --db "$db" due --as-of 2026-11-24 --json
is "$(jget "$out" '$.overdue')" "[]" "a result takes the dossier off the board"
run --db "$db" due --as-of 2026-13-01
is "$rc" 1 "due with a bad date: exit 1"

# find: code, ID, phone, name in any order, without diacritics
run --db "$db" find "$b"
like "$out" "^$b " "find by code"
run --db "$db" find "001 305 012 345"
like "$out" "Lê Thị Bình" "find by ID number"
run --db "$db" find "nguyen an"
is "$(echo "$out" | wc -l)" 2 "find 'nguyen an': two names have both words"
run --db "$db" find "an nguyen"
is "$(echo "$out" | wc -l)" 2 "any word order"
run --db "$db" find "NGUY"
is "$(echo "$out" | wc -l)" 2 "a prefix, in capitals"
run --db "$db" find "binh le" --json
is "$(jget "$out" '$[0].name')" "Lê Thị Bình" "find --json"
run --db "$db" find "zzz"
is "$rc" 0 "nothing found: exit 0"
like "$err" "nothing found" "nothing found: says so"
run --db "$db" --officer truong --password-file "$PWF" check --rebuild
like "$out" "identical" "after all these steps the projection rebuilds identical"
done_testing
