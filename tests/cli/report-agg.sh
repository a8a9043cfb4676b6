# report-agg.sh — the counts the reports read (report_agg) follow every
# kind of event, an import of a bundle and a rebuild: `check` finds them as
# the dossiers give them, the summary is the same before and after `check
# --rebuild`, and its figures are what a count of the dossier rows with
# sqlite3 gives; a damaged count is found and recounted.
MOTCUA_STORY_START="2026-10-01 07:00"
. "$top_srcdir/tests/cli/lib.sh"
dbA="$T/a.db" dbB="$T/b.db"
for s in A B; do
	eval "db=\$db$s"
	n=1; [ $s = B ] && n=2
	"$MOTCUA" --db "$db" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
	    --station $n --sample-catalog --supervisor truong "Trần Văn Trưởng" \
	    --password-file "$PWF" >/dev/null
	"$MOTCUA" --db "$db" --officer truong --password-file "$PWF" officer add lan \
	    "Nguyễn Thị Lan" --new-password-file "$PWF" >/dev/null
done
enrol "$dbA" "$dbB" && enrol "$dbB" "$dbA"; ok "A and B trust each other"
k=0
recv() {	# recv DB PROC AT — prints the code
	k=$((k + 1))
	"$MOTCUA" --db "$1" --officer lan --password-file "$PWF" receive --address "$ADDR" \
	    --procedure "$2" --name "Người $k" --id "0870840010$(printf %02d $k)" --at "$3" | head -1
}
ev() { db=$1; shift; "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" event "$@" >/dev/null || echo "# event failed: $*"; }
sup() { db=$1; shift; "$MOTCUA" --db "$db" --officer truong --password-file "$PWF" event "$@" >/dev/null || echo "# event failed: $*"; }
# sound DB WHAT — check finds the counts as the dossiers give them
sound() {
	run --db "$1" check
	like "$out" "report counts: every one is as the dossiers give it" "$2: check finds the counts sound"
}

# every step in the order of its time (a receipt before the station's
# newest event is a supervisor's)
a=$(recv "$dbA" 1.001022 "2026-10-20 09:00"); sound "$dbA" "a receipt"
ev "$dbA" "$a" handover --to "Phạm Văn Tư" --at "2026-10-20 10:00"; sound "$dbA" "a handover"
ev "$dbA" "$a" transfer --agency "Phòng Tư pháp" --at "2026-10-20 11:00"; sound "$dbA" "a transfer"
ev "$dbA" "$a" transfer-back --at "2026-10-21 09:00"; sound "$dbA" "a transfer back"
ev "$dbA" "$a" pause --reason "Thiếu giấy tờ" --at "2026-10-21 10:00"; sound "$dbA" "a pause"
ev "$dbA" "$a" resume --at "2026-10-26 09:00"; sound "$dbA" "a resume"
ev "$dbA" "$a" result --at "2026-10-27 09:00"; sound "$dbA" "a result"
b=$(recv "$dbA" 1.001022 "2026-10-28 09:00")
c=$(recv "$dbA" 1.001193 "2026-10-29 09:00"); ev "$dbA" "$c" refuse --reason "Không thuộc thẩm quyền" --at "2026-10-29 09:05"
sound "$dbA" "a refusal"
d=$(recv "$dbA" 1.001022 "2026-10-29 10:00")
e=$(recv "$dbA" 1.001022 "2026-10-29 11:00")
ev "$dbA" "$b" apologize --reason "Chờ xác minh" --new-date "2026-11-10 16:00" --at "2026-10-30 09:00"
sound "$dbA" "an apology"
ev "$dbA" "$d" withdraw --reason "Công dân rút" --at "2026-11-02 09:00"; sound "$dbA" "a withdrawal"
ev "$dbA" "$a" return --rating satisfied --at "2026-11-03 09:00"; sound "$dbA" "a return"
ev "$dbA" "$e" stop --reason "Công dân đề nghị dừng giải quyết" --at "2026-11-04 09:00"; sound "$dbA" "a stop"
f=$(recv "$dbA" 1.001193 "2026-11-05 09:00"); sup "$dbA" "$f" cancel --reason "Nhập nhầm" --at "2026-11-05 10:00"
sound "$dbA" "a cancellation"
g=$(recv "$dbA" 1.001022 "2026-11-05 11:00"); ev "$dbA" "$g" pause --reason "Thiếu giấy tờ" --at "2026-11-06 09:00"
h=$(recv "$dbA" 2.001035 "2026-11-09 09:00"); ev "$dbA" "$h" result --at "2026-11-20 09:00"
ev "$dbA" "$h" return --rating not_satisfied --at "2026-11-23 09:00"
sound "$dbA" "late, returned unsatisfied"

# station B receives too, then imports A's bundle: the counts follow
i=$(recv "$dbB" 2.000815 "2026-11-24 09:00"); ev "$dbB" "$i" result --at "2026-11-24 10:00"
run --db "$dbA" --officer lan --password-file "$PWF" export --out "$T/a.motcua" --all
is "$rc" 0 "A exports its bundle"
run --db "$dbB" --officer truong --password-file "$PWF" import "$T/a.motcua"
is "$rc" 0 "B imports A's bundle"
[ "$rc" = 0 ] || echo "# $err"
sound "$dbB" "an import"
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier")" 9 "B holds both stations' dossiers"

# the summaries before and after a rebuild, for a month and for the year
for db in "$dbA" "$dbB"; do
	for p in "2026-10-01 2026-10-31" "2026-11-01 2026-11-30" "2026-01-01 2026-12-31" "2026-11-10 2026-11-10"; do
		set -- $p
		"$MOTCUA" --db "$db" report summary --from $1 --to $2 --format json > "$T/before.json"
		run --db "$db" --officer truong --password-file "$PWF" check --rebuild
		is "$rc" 0 "$(basename "$db") $1..$2: check --rebuild: exit 0"
		[ "$rc" = 0 ] || echo "# $out $err"
		like "$out" "report counts: rebuilt from the dossiers, identical" "$(basename "$db") $1..$2: the counts rebuilt, identical"
		"$MOTCUA" --db "$db" report summary --from $1 --to $2 --format json > "$T/after.json"
		is "$(cat "$T/after.json")" "$(cat "$T/before.json")" "$(basename "$db") $1..$2: the same summary after the rebuild"
		# against a count of the rows (report.h's definitions)
		j=$(cat "$T/after.json")
		q() { sqlite3 "$db" "SELECT count(*) FROM dossier WHERE $1"; }
		S=$1 E=$(sqlite3 :memory: "SELECT date('$2', '+1 day')")
		R="status NOT IN ('refused', 'cancelled')"
		is "$(jget "$j" '$.total.received_new')" "$(q "$R AND received >= '$S' AND received < '$E'")" "$(basename "$db") $1..$2: received new, as the rows count"
		is "$(jget "$j" '$.total.carried_over')" "$(q "$R AND received < '$S' AND (status IN ('received', 'processing', 'transferred', 'paused') OR result_at >= '$S' OR closed_at >= '$S')")" "$(basename "$db") $1..$2: carried over, as the rows count"
		is "$(( $(jget "$j" '$.total.resolved_early') + $(jget "$j" '$.total.resolved_on_time') + $(jget "$j" '$.total.resolved_late') ))" \
		    "$(q "$R AND received < '$E' AND result_at >= '$S' AND result_at < '$E' AND (received >= '$S' OR status IN ('received', 'processing', 'transferred', 'paused') OR result_at >= '$S' OR closed_at >= '$S')")" "$(basename "$db") $1..$2: resolved, as the rows count"
		is "$(jget "$j" '$.total.resolved_late')" "$(q "$R AND received < '$E' AND result_at >= '$S' AND result_at < '$E' AND result_at > due")" "$(basename "$db") $1..$2: resolved late, as the rows count"
		is "$(( $(jget "$j" '$.total.in_progress_within') + $(jget "$j" '$.total.in_progress_overdue') ))" \
		    "$(q "$R AND received < '$E' AND (received >= '$S' OR status IN ('received', 'processing', 'transferred', 'paused') OR result_at >= '$S' OR closed_at >= '$S') AND NOT coalesce(result_at < '$E', 0) AND NOT (status IN ('withdrawn', 'stopped') AND closed_at < '$E')")" "$(basename "$db") $1..$2: in progress, as the rows count"
		is "$(jget "$j" '$.total.in_progress_overdue')" "$(q "$R AND received < '$E' AND (received >= '$S' OR status IN ('received', 'processing', 'transferred', 'paused') OR result_at >= '$S' OR closed_at >= '$S') AND NOT coalesce(result_at < '$E', 0) AND NOT (status IN ('withdrawn', 'stopped') AND closed_at < '$E') AND due < '$E'")" "$(basename "$db") $1..$2: overdue, as the rows count"
		is "$(jget "$j" '$.total.withdrawn')" "$(q "status = 'withdrawn' AND closed_at >= '$S' AND closed_at < '$E'")" "$(basename "$db") $1..$2: withdrawn, as the rows count"
		is "$(jget "$j" '$.total.stopped')" "$(q "status = 'stopped' AND closed_at >= '$S' AND closed_at < '$E'")" "$(basename "$db") $1..$2: stopped, as the rows count"
		is "$(jget "$j" '$.total.refused')" "$(q "status = 'refused' AND closed_at >= '$S' AND closed_at < '$E'")" "$(basename "$db") $1..$2: refused, as the rows count"
		is "$(jget "$j" '$.total.paused')" "$(q "status = 'paused' AND paused_at < '$E'")" "$(basename "$db") $1..$2: paused at the end, as the rows count (no pause resumed since)"
	done
done

# a damaged count is found, and the rebuild recounts it
sqlite3 "$dbA" "UPDATE report_agg SET n = n + 1 WHERE what = 'received' AND day = '2026-11-05'"
run --db "$dbA" check
is "$rc" 1 "a damaged count: exit 1"
like "$out" "report counts: 1 differ from what the dossiers give \\(the first: 2026-11-05 received\\)" "a damaged count: found, with its day"
run --db "$dbA" --officer truong --password-file "$PWF" check --rebuild
is "$rc" 1 "a damaged count: --rebuild exits 1 (run check again)"
like "$out" "report counts: rebuilt from the dossiers; 1 differed and now follow them" "a damaged count: recounted"
sound "$dbA" "after the recount"
# a database from before the counts gets them when it is opened
sqlite3 "$dbA" "DROP TABLE report_agg; DROP TABLE report_agg_event; PRAGMA user_version = 14"
"$MOTCUA" --db "$dbA" report summary --from 2026-11-01 --to 2026-11-30 --format json > "$T/migrated.json"
sound "$dbA" "a database migrated from version 14"
"$MOTCUA" --db "$dbA" report summary --from 2026-11-01 --to 2026-11-30 --format json > "$T/after.json"
is "$(cat "$T/migrated.json")" "$(cat "$T/after.json")" "the migrated counts give the same summary"
done_testing
