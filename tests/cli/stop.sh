# stop.sh — "dừng giải quyết": motcua event CODE stop --reason TEXT
# [--ground TEXT] from each status a dossier is resolved in (received,
# processing, transferred, paused), refused from the others with a clear
# message and the database unchanged, refused without a reason; a stopped
# dossier is closed; the report counts it apart (text and JSON, the
# identity), with the satisfaction rate beside the on-time rate; a stop
# travels in a bundle, and one forged on a returned dossier is refused on
# import.
. "$top_srcdir/tests/cli/lib.sh"
db="$T/a.db"
M() { "$MOTCUA" --db "$db" "$@"; }
M init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 1 --sample-catalog \
	--supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
M --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
recv() {	# recv ID AT — prints the code (birth registration, 3 working days)
	M --officer lan --password-file "$PWF" receive --procedure 1.001022 --name "Nguyễn Văn An" \
	    --id "$1" --address "$ADDR" --at "$2" | head -1
}
E() { M --officer lan --password-file "$PWF" event "$@"; }
st() { sqlite3 "$db" "SELECT status FROM dossier WHERE code = '$1'"; }
r1=$(recv 087084000901 "2026-11-16 08:00")	# received
r2=$(recv 087084000902 "2026-11-16 08:10")	# processing
r3=$(recv 087084000903 "2026-11-16 08:20")	# transferred
r4=$(recv 087084000904 "2026-11-16 08:30")	# paused
x1=$(recv 087084000905 "2026-11-16 08:40")	# result ready
x2=$(recv 087084000906 "2026-11-16 08:50")	# returned (satisfied)
x3=$(recv 087084000907 "2026-11-16 09:00")	# refused at the counter
x4=$(recv 087084000908 "2026-11-16 09:10")	# withdrawn
x5=$(recv 087084000909 "2026-11-16 09:20")	# returned (not satisfied)
E "$r2" handover --to "Phạm Văn Tư" --at "2026-11-16 10:00" >/dev/null
E "$r3" transfer --agency "Phòng Tư pháp" --at "2026-11-16 10:00" >/dev/null
E "$r4" pause --reason "Chờ bổ sung" --at "2026-11-16 10:00" >/dev/null
E "$x1" result --at "2026-11-16 10:00" >/dev/null
E "$x2" result --at "2026-11-16 10:00" >/dev/null
E "$x2" return --rating satisfied --at "2026-11-16 11:00" >/dev/null
E "$x3" refuse --reason "Sai thủ tục" --at "2026-11-16 10:00" >/dev/null
E "$x4" withdraw --at "2026-11-16 10:00" >/dev/null
E "$x5" result --at "2026-11-16 10:00" >/dev/null
E "$x5" return --rating not_satisfied --at "2026-11-16 11:00" >/dev/null
is "$(st "$r1")|$(st "$r2")|$(st "$r3")|$(st "$r4")|$(st "$x1")|$(st "$x2")|$(st "$x3")|$(st "$x4")" \
    "received|processing|transferred|paused|result_ready|returned|refused|withdrawn" "the dossiers in their statuses"

# --reason is required: refused, nothing written
refused "stop without --reason" "$db" "the step 'Stop resolving' needs a reason" \
    --db "$db" --officer lan --password-file "$PWF" event "$r1" stop --ground "Điều 20" \
    --at "2026-11-17 09:00"
refused "stop with an empty --reason" "$db" "needs a reason" \
    --db "$db" --officer lan --password-file "$PWF" event "$r1" stop --reason "  " \
    --at "2026-11-17 09:00"

# from each status a dossier is resolved in
n=0
for c in "$r1" "$r2" "$r3" "$r4"; do
	from=$(st "$c")
	n=$((n + 1))
	if [ "$n" = 1 ]; then
		run --db "$db" --officer lan --password-file "$PWF" event "$c" stop \
		    --reason "Công dân đề nghị dừng" --at "2026-11-17 09:0$n"
	else
		run --db "$db" --officer lan --password-file "$PWF" event "$c" stop \
		    --reason "Hồ sơ có tranh chấp" --ground "Khoản 2 Điều 20 Nghị định 118/2025/NĐ-CP" \
		    --at "2026-11-17 09:0$n"
	fi
	is "$rc" 0 "stop from $from: exit 0"
	like "$out" "$c: stop recorded" "stop from $from: says so"
	is "$(st "$c")" stopped "stop from $from: stopped"
done
is "$(sqlite3 "$db" "SELECT closed_reason || '|' || substr(closed_at, 1, 16) FROM dossier WHERE code = '$r2'")" \
    "Hồ sơ có tranh chấp|2026-11-17T09:02" "the reason and the time the dossier closed"
is "$(sqlite3 "$db" "SELECT json_extract(e.body, '\$.reason') || '|' || json_extract(e.body, '\$.ground')
    FROM event e JOIN dossier d ON d.id = e.dossier WHERE d.code = '$r3' AND e.kind = 'stop'")" \
    "Hồ sơ có tranh chấp|Khoản 2 Điều 20 Nghị định 118/2025/NĐ-CP" "the event: reason and legal ground"
is "$(sqlite3 "$db" "SELECT json_type(e.body, '\$.ground') FROM event e JOIN dossier d
    ON d.id = e.dossier WHERE d.code = '$r1' AND e.kind = 'stop'")" null "no ground given: null"
run --db "$db" history "$r3"
like "$out" "Khoản 2 Điều 20" "history: the legal ground"

# refused from the others, the database unchanged
for c in "$x1" "$x2" "$x3" "$x4" "$r1"; do
	from=$(st "$c")
	refused "stop from $from" "$db" "can be stopped only while it is being resolved \(it is" \
	    --db "$db" --officer lan --password-file "$PWF" event "$c" stop --reason "Lý do" \
	    --at "2026-11-17 10:00"
done
# nothing follows a stop but a supervisor's cancel
refused "a result after a stop" "$db" "is stopped: the step 'result' does not apply" \
    --db "$db" --officer lan --password-file "$PWF" event "$r2" result --at "2026-11-17 10:00"
refused "a resume of a dossier stopped while paused" "$db" "is stopped" \
    --db "$db" --officer lan --password-file "$PWF" event "$r4" resume --at "2026-11-17 10:00"
run --db "$db" --officer truong --password-file "$PWF" event "$r1" cancel --reason "Nhập nhầm" \
    --at "2026-11-17 10:30"
is "$rc|$(st "$r1")" "0|cancelled" "a supervisor cancels a stopped dossier entered in error"
run --db "$db" event "$r2" frobnicate
like "$err" "or stop" "an unknown step: the list names stop"

# the report: stopped apart, the identity, the satisfaction rate
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30 --format json
is "$rc" 0 "summary --format json: exit 0"
j=$out
is "$(jget "$j" '$.total.stopped')" 3 "stopped: r2 r3 r4 (r1 cancelled since)"
is "$(jget "$j" '$.total.withdrawn')" 1 "withdrawn: x4, apart from the stopped"
is "$(jget "$j" '$.total.refused')" 1 "refused: x3"
is "$(jget "$j" '$.total.received_new')" 7 "received: all but the cancelled and the refused"
is "$(jget "$j" '$.total.in_progress_within')|$(jget "$j" '$.total.in_progress_overdue')" "0|0" \
    "a stopped dossier is not in progress"
is "$(jget "$j" '$.total.on_time_rate')" 100.0 "the on-time rate is still there"
is "$(jget "$j" '$.total.satisfaction_rate')" 50.0 "satisfaction: one satisfied of two rated"
is "$(jget "$j" '$.total.digitised_rate')" 0.0 "digitised: none of the seven new dossiers has a file"
is "$(jget "$j" '$.total.satisfaction.satisfied')|$(jget "$j" '$.total.satisfaction.not_satisfied')" \
    "1|1" "the satisfaction counts keep their keys"
is "$(jget "$j" '$.fields[0].stopped')|$(jget "$j" '$.fields[0].satisfaction_rate')" "3|50.0" \
    "per field: stopped and the satisfaction rate"
is "$(jget "$j" '$.officers[0].officer')|$(jget "$j" '$.officers[0].rated')|$(jget "$j" '$.officers[0].satisfied')|$(jget "$j" '$.officers[0].satisfaction_rate')" \
    "lan|2|1|50.0" "per officer: lan returned two rated, one satisfied"
lhs=$(( $(jget "$j" '$.total.carried_over') + $(jget "$j" '$.total.received_new') ))
rhs=$(( $(jget "$j" '$.total.resolved_early') + $(jget "$j" '$.total.resolved_on_time') +
    $(jget "$j" '$.total.resolved_late') + $(jget "$j" '$.total.in_progress_within') +
    $(jget "$j" '$.total.in_progress_overdue') + $(jget "$j" '$.total.withdrawn') +
    $(jget "$j" '$.total.stopped') ))
is "$lhs" "$rhs" "identity: carried + new = resolved + in progress + withdrawn + stopped"
for k in carried_over received_new received_online resolved_early resolved_on_time resolved_late \
    in_progress_within in_progress_overdue guided refused withdrawn paused satisfaction on_time_rate \
    stopped satisfaction_rate digitised_rate digitised results_digitised results_digitised_rate; do
	is "$(sqlite3 :memory: "SELECT json_type(json('$(printf '%s' "$j" | sed "s/'/''/g")'), '\$.total.$k') IS NOT NULL")" 1 \
	    "json: the key $k"
done
run --db "$db" report summary --from 2026-11-01 --to 2026-11-30
like "$out" "Stopped: 3   Satisfaction rate: 50.00% \(1 of 2 rated\)   Digitised: 0.00%" \
    "text: stopped, the satisfaction rate, digitised none of the seven"
like "$out" "  lan +Nguyễn Thị Lan +50.00% \(1 of 2 rated\)" "text: the satisfaction per officer"
run --db "$db" report summary --from 2026-12-01 --to 2026-12-31 --format json
is "$(jget "$out" '$.total.satisfaction_rate')|$(jget "$out" '$.total.stopped')|$(jlen "$out" '$.officers')" \
    "|0|0" "a period without a rating: the rate is null, no officer"

# a stop travels in a bundle and is checked on import
. "$top_srcdir/tests/cli/forge.sh"
dbB="$T/b.db"
"$MOTCUA" --db "$dbB" init --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" \
    --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" --station 2 --sample-catalog >/dev/null
"$MOTCUA" --db "$dbB" --officer truong --password-file "$PWF" officer add lan "Nguyễn Thị Lan" \
	--new-password-file "$PWF" >/dev/null
check "B trusts A" enrol "$dbB" "$db"
good="$T/good.motcua"
(MOTCUA_NOW="2026-11-30 17:00" && export MOTCUA_NOW &&
    M --officer lan --password-file "$PWF" export --out "$good" --all >/dev/null)
run --db "$dbB" --officer lan --password-file "$PWF" import "$good"
is "$rc" 0 "B imports A's bundle with its stops"
is "$(sqlite3 "$dbB" "SELECT status FROM dossier WHERE code = '$r3'")" stopped "at B too, r3 is stopped"
# a stop forged on the returned x2, every hash and signature made right
forge_setup "$db" "$good"
dos=$(sqlite3 "$db" "SELECT id FROM dossier WHERE code = '$x2'")
forge stop "$idA" "$(lastA)" "2026-11-18T09:00:00+07:00" lan "$dos" stop \
    '{"reason":"Lý do","ground":null}'
refused "a stop on a returned dossier, in a bundle" "$dbB" \
    "was not imported: .*the step 'stop' does not apply to a dossier that is returned.*nothing was changed" \
    --db "$dbB" --officer lan --password-file "$PWF" import "$f"
done_testing
