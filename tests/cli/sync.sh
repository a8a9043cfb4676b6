# sync.sh — sync by file between three stations: two of one commune (A and
# B, unit 000.17.22.H56, stations 1 and 2) and the province (P, unit
# 000.00.00.T01).  Rounds of random receipts and lifecycle steps (a fixed
# seed, printed: SYNC_SEED=N replays a run), bundles carried in many orders
# — directly, twice, out of order, a later file before a skipped one
# (gaps), relayed through the province — then every station sends all it
# holds to every other, and all three must hold the same: dossier rows,
# event sets, statistics, a rebuild identical, a sound log.  Every station
# first trusts the other two (enrolment); A's events relayed by P keep
# their signatures at B; at the end A revokes P's key: P's later events
# are refused at A, and the revocation travels to B in A's bundle.
. "$top_srcdir/tests/cli/lib.sh"
SEED=${SYNC_SEED:-20261116}
echo "# seed $SEED (replay with SYNC_SEED=$SEED)"
seed=$SEED
# rnd N — a pseudo-random number 0..N-1 in $r (an LCG; never call it in $(...))
rnd() {
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	r=$(( (seed / 65536) % $1 ))
}
nth() { shift $(($1 + 1)); printf '%s' "$1"; }	# nth K WORDS... — word K (from 0)

dbA="$T/a.db" dbB="$T/b.db" dbP="$T/p.db"
X="$T/x"
mkdir -p "$X"
for s in A B P; do
	eval "db=\$db$s"
	case $s in
	A) u=000.17.22.H56 n=1 name="UBND xã Mỹ An" ;;
	B) u=000.17.22.H56 n=2 name="UBND xã Mỹ An" ;;
	P) u=000.00.00.T01 n=1 name="Trung tâm Phục vụ hành chính công tỉnh" ;;
	esac
	"$MOTCUA" --db "$db" init --unit-code $u --unit-name "$name" --station $n \
	    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
	ok "station $s: init, with a supervisor"
	"$MOTCUA" --db "$db" --officer truong --password-file "$PWF" officer add lan \
	    "Nguyễn Thị Lan" --new-password-file "$PWF" >/dev/null
	ok "station $s: an officer"
	[ $s = P ] && "$MOTCUA" --db "$db" --officer truong --password-file "$PWF" setting set \
	    aggregate_units 1 >/dev/null	# the province gathers its communes' dossiers
	eval "id$s=\$(sqlite3 \"\$db\" \"SELECT value FROM meta WHERE key = 'station_id'\")"
done
# enrolment: each station's supervisor trusts the other two, by their
# key cards and fingerprints (a "trust" audit event in the trusting chain)
check "A trusts B and P" enrol "$dbA" "$dbB" "$dbP"
check "B trusts A and P" enrol "$dbB" "$dbA" "$dbP"
check "P trusts A and B" enrol "$dbP" "$dbA" "$dbB"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE dossier = '' AND kind = 'trust'")" 2 \
    "A: two trust events in its chain"
run --db "$dbA" station list
is "$(echo "$out" | grep -c 'trusted [0-9-]* by truong')" 2 "A: station list shows B and P trusted by truong"

# the procedures of the sample catalog: every one takes an all-documents receipt
"$MOTCUA" --db "$dbA" catalog list --json > "$T/catalog.json"
procs=$(sqlite3 :memory: "SELECT json_extract(value, '$.code') FROM json_each(CAST(readfile('$T/catalog.json') AS TEXT))")
nprocs=$(echo "$procs" | wc -l)
is "$nprocs" 29 "the sample catalog lists 29 procedures"

FAM="Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý"
MID="Văn Thị Hữu Đức Minh Ngọc Thanh Quốc Thu Kim"
GIV="An Bình Châu Dũng Hà Hải Hòa Hùng Khánh Lan Linh Long Mai Nam Nga Phúc Quân Sơn Tâm Thảo"
AGENCIES="Phòng_Tư_pháp Phòng_Tài_nguyên_và_Môi_trường Công_an_xã Chi_cục_Thuế"
RATINGS="very_satisfied satisfied not_satisfied"

# the working days of the rounds (the clock of every station restarts at 07:30)
DAYS="2026-11-16 2026-11-17 2026-11-18 2026-11-19 2026-11-20 2026-11-23"
receipts=0 events=0 refusals=0 receipt_fail=0 refusal_changed=0

# tick S — the station's clock moves on by 3 to 17 minutes; the time in $at
tick() {
	eval "c=\$clk$1"
	rnd 15
	c=$((c + 3 + r))
	eval "clk$1=$c"
	at=$(printf '%s %02d:%02d' "$day" $((c / 60)) $((c % 60)))
}

# receipt S — a random receipt at station S
receipt() {
	eval "db=\$db$1"
	rnd "$nprocs"; p=$(echo "$procs" | sed -n "$((r + 1))p")
	rnd 16; n1=$(nth $r $FAM)
	rnd 10; n2=$(nth $r $MID)
	rnd 20; n3=$(nth $r $GIV)
	rnd 2; g=$r; rnd 50; yy=$((50 + r)); rnd 1000000
	idn=$(printf '087%d%02d%06d' "$g" "$yy" "$r")
	tick "$1"
	if "$MOTCUA" --db "$db" --officer lan --password-file "$PWF" receive --address "$ADDR" --procedure "$p" --name "$n1 $n2 $n3" \
	    --id "$idn" --at "$at" >"$T/rcv.out" 2>&1; then
		receipts=$((receipts + 1))
	else
		receipt_fail=$((receipt_fail + 1))
		sed 's/^/#   receipt failed: /' "$T/rcv.out"
	fi
}

# step S — a random lifecycle step at station S on a dossier it holds
# (mostly open ones); a step the rules refuse must change nothing
step() {
	eval "db=\$db$1"
	rnd 7
	if [ "$r" -eq 0 ]; then
		rows=$(sqlite3 "$db" "SELECT code || ' ' || status FROM dossier ORDER BY code")
	else
		rows=$(sqlite3 "$db" "SELECT code || ' ' || status FROM dossier WHERE status IN \
		    ('received', 'processing', 'transferred', 'paused', 'result_ready') ORDER BY code")
	fi
	[ -n "$rows" ] || return 0
	rnd "$(echo "$rows" | wc -l)"
	line=$(echo "$rows" | sed -n "$((r + 1))p")
	code=${line% *} status=${line#* }
	rnd 10
	case $status in
	received) k=$(nth $r handover handover handover handover transfer pause refuse withdraw apologize result) ;;
	processing) k=$(nth $r transfer transfer pause result result result result apologize withdraw cancel) ;;
	transferred) k=$(nth $r transfer-back transfer-back transfer-back transfer-back transfer-back pause pause result withdraw cancel) ;;
	paused) k=$(nth $r resume resume resume resume resume resume resume withdraw cancel result) ;;
	result_ready) k=$(nth $r return return return return return return apologize apologize cancel pause) ;;
	*) k=$(nth $r handover result return withdraw cancel resume pause transfer apologize refuse) ;;
	esac
	off=lan
	set -- "$code" "$k"
	case $k in
	handover) rnd 20; set -- "$@" --to "Chuyên viên $(nth $r $GIV)" ;;
	transfer|transfer-back)
		a=$(sqlite3 "$db" "SELECT agency FROM dossier WHERE code = '$code'")
		if [ -z "$a" ]; then rnd 4; a=$(nth $r $AGENCIES | tr _ ' '); fi
		set -- "$@" --agency "$a" ;;
	pause) set -- "$@" --reason "Chờ bổ sung giấy tờ" ;;
	result) rnd 4; [ "$r" -eq 0 ] && set -- "$@" --refused --reason "Không đủ điều kiện" ;;
	return)
		rnd 4; [ "$r" -lt 3 ] && set -- "$@" --rating "$(nth $r $RATINGS)"
		rnd 5; [ "$r" -eq 0 ] && set -- "$@" --collector "Người nhận thay" --collector-id 087184000555 ;;
	withdraw) set -- "$@" --reason "Công dân rút hồ sơ" ;;
	cancel) off=truong; set -- "$@" --reason "Nhập nhầm" ;;
	refuse) set -- "$@" --reason "Không thuộc thẩm quyền" ;;
	apologize)
		app=$(sqlite3 "$db" "SELECT appointment FROM dossier WHERE code = '$code'")
		rnd 5
		set -- "$@" --reason "Chờ xác minh" --new-date "$(date -d "${app%%T*} +$((r + 2)) days" +%F) 10:00" ;;
	esac
	tick "$S"
	n0=$(sqlite3 "$db" "SELECT count(*) FROM event")
	"$MOTCUA" --db "$db" --officer $off --password-file "$PWF" event "$@" --at "$at" >/dev/null 2>"$T/step.err"
	if [ $? -eq 0 ]; then
		events=$((events + 1))
	else
		refusals=$((refusals + 1))
		[ "$(sqlite3 "$db" "SELECT count(*) FROM event")" = "$n0" ] && [ -s "$T/step.err" ] ||
		    refusal_changed=$((refusal_changed + 1))
	fi
}

# work S RECEIPTS STEPS — a morning at the counter of station S
work() {
	S=$1
	eval "clk$S=450"
	i=0
	while [ $i -lt "$2" ]; do receipt "$S"; step "$S"; i=$((i + 1)); done
	i=$2
	while [ $i -lt "$3" ]; do step "$S"; i=$((i + 1)); done
}

# xp S NAME [--for STATION | --all] — station S writes $X/NAME.motcua
xp() {
	eval "db=\$db$1"
	f="$X/$2.motcua"; shift 2
	# after the work it carries (an import refuses an event more than a
	# day after its bundle was made): at the story's clock, the time of the
	# latest step or receipt recorded anywhere (tests/cli/at-time), so the
	# station's next work comes after its export
	run --db "$db" --officer lan --password-file "$PWF" export --out "$f" "$@"
	is "$rc" 0 "export $(basename "$f"): exit 0"
}
# im S NAME REGEX — station S imports $X/NAME.motcua; the report must match;
# the incremental projection must be what a rebuild gives
im() {
	eval "db=\$db$1"
	run --db "$db" --officer truong --password-file "$PWF" import "$X/$2.motcua"
	is "$rc" 0 "$1 imports $2: exit 0"
	[ "$rc" = 0 ] || echo "# $err"
	like "$out" "$3" "$1 imports $2: $3"
	run --db "$db" --officer truong --password-file "$PWF" check --rebuild
	like "$out" "identical" "$1 after $2: a rebuild gives the same rows"
}
codes() {	# codes DB DAY — the codes of the dossiers received that day, by anyone
	sqlite3 "$1" "SELECT code FROM dossier WHERE received LIKE '$2%' ORDER BY code"
}
gap='still missing in between'
# datasum DB — dbsum but for the peers' "last heard" time
datasum() { sqlite3 "$1" .dump | grep -v '^INSERT INTO peer' | sha256sum | cut -d' ' -f1; }
new='new events from'

# ---- round 1: both communes receive; A → P, B → A ------------------------
day=$(nth 0 $DAYS)
work A 6 12
work B 6 12
xp A a1 --all
im P a1 "$new"
xp B b1 --all
im A b1 "$new"
is "$(codes "$dbA" "$day" | wc -l)" 12 "A holds its own and B's receipts of day 1"

# ---- round 2: P relays A's day 1 to B; A writes a file for B that B skips --
day=$(nth 1 $DAYS)
work A 6 10
work B 6 10
work P 0 3
xp P p1 --all
im B p1 "$new"
is "$(codes "$dbB" "$(nth 0 $DAYS)")" "$(codes "$dbA" "$(nth 0 $DAYS)")" \
    "B holds A's day 1 through the province only"
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier WHERE station = '$idA' AND received LIKE '$day%'")" 0 \
    "but not A's day 2"
xp A a2 --for "$idB"
xp B b2 --for "$idA"
im A b2 "$new"
im A b2 "nothing new"

# ---- round 3: A → B directly, B → A ------------------------------------------
day=$(nth 2 $DAYS)
work A 6 10
work B 6 10
xp A a3 --for "$idB"
im B a3 "$new"
im B a2 "nothing new"
xp B b3 --for "$idA"
im A b3 "$new"

# ---- round 4: P gets later files first (gaps), then the skipped ones ---------
day=$(nth 3 $DAYS)
work A 6 10
work B 6 10
work P 0 3
xp A a4 --for "$idB"
im P a4 "$gap"
is "$(sqlite3 "$dbP" "SELECT count(*) FROM event WHERE origin = '$idA'")" \
    "$(($(sqlite3 "$X/a1.motcua" "SELECT count(*) FROM event WHERE origin = '$idA'") + \
    $(sqlite3 "$X/a4.motcua" "SELECT count(*) FROM event")))" \
    "P keeps A's events across the gap"
im P a3 "$new"
im P b3 "$gap"
im P b2 "$new"
im P b1 "nothing new"
im P a1 "nothing new"
im B a4 "$new"
xp P p2 --for "$idB"
im B p2 "$new"
xp P p3 --for "$idA"
im A p3 "$new"

# ---- round 5: A reaches B only through P ---------------------------------
day=$(nth 4 $DAYS)
work A 6 10
work B 6 10
xp A a5 --for "$idP"
im P a5 "$new"
xp P p4 --for "$idB"
im B p4 "$new"
is "$(sqlite3 "$dbB" "SELECT count(*) FROM dossier WHERE station = '$idA' AND received LIKE '$day%'")" 6 \
    "B holds A's day 5 receipts, relayed by the province"
# the relay keeps A's signatures: p4 is signed by P and holds A's events
# as A signed them (B's import checked each against A's key), and B's log
# is sound
is "$(sqlite3 "$X/p4.motcua" "SELECT value FROM bundle WHERE key = 'sender'")" "$idP" \
    "p4 is sent by P"
nrel=$(sqlite3 "$X/p4.motcua" "SELECT count(*) FROM event WHERE origin = '$idA'")
like "$nrel" "^[1-9][0-9]*$" "p4 relays A's events ($nrel)"
is "$(sqlite3 "$dbB" "ATTACH '$X/p4.motcua' AS r; SELECT count(*) FROM r.event x JOIN main.event e
    ON e.origin = x.origin AND e.seq = x.seq AND e.hash = x.hash AND e.sig = x.sig
    WHERE x.origin = '$idA'")" "$nrel" \
    "B holds A's relayed events with the hashes and signatures A gave them"
is "$(sqlite3 "$dbB" "ATTACH '$dbA' AS a; SELECT count(*) FROM main.event e JOIN a.event x
    ON x.origin = e.origin AND x.seq = e.seq WHERE e.origin = '$idA' AND e.sig <> x.sig")" 0 \
    "no event of A at B carries another signature than at A"
run --db "$dbB" check
is "$rc" 0 "B after the relay: check exit 0"
like "$out" "every hash and chain link is sound" "B after the relay: the log is sound"
xp B b4 --for "$idP"
im P b4 "$new"

# ---- the end: every station sends all it holds to every other -----------------
day=$(nth 5 $DAYS)
work P 0 3
for s in A B P; do xp $s final-$s --all; done
for s in A B P; do
	for f in A B P; do
		[ $s = $f ] && continue
		im $s final-$f "new events from|nothing new"
	done
done
# a second exchange brings nothing: everything was in the first
for s in A B P; do
	for f in A B P; do
		[ $s = $f ] && continue
		eval "db=\$db$s"
		run --db "$db" --officer truong --password-file "$PWF" import "$X/final-$f.motcua"
		like "$out" "nothing new" "$s imports final-$f again: nothing new"
	done
done

echo "# $receipts receipts, $events steps recorded, $refusals steps refused by the rules"
is "$receipt_fail" 0 "every random receipt was recorded"
is "$refusal_changed" 0 "every refused step said why and added no event"
n=$(sqlite3 "$dbA" "SELECT count(*) FROM dossier")
is "$n" "$receipts" "A holds every dossier received anywhere"
# the dossiers' events; the audit events (dossier '': each station's
# exports and imports) are compared below
n=$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE dossier <> ''")
is "$n" "$((receipts + events))" "A holds every dossier event recorded anywhere"
like "$events" "^([6-9][0-9]|[1-9][0-9][0-9])$" "at least 60 steps were recorded"

# the same everywhere
rows() { sqlite3 "$1" "SELECT * FROM dossier ORDER BY code"; }
evs() { sqlite3 "$1" "SELECT origin, seq, at, officer, dossier, kind, body, prev, hash FROM event WHERE dossier <> '' ORDER BY origin, seq"; }
# every station's audit events up to its last bundle are everywhere: an
# export's own record goes in the next bundle, so the last one stays home
audit_common() { sqlite3 "$1" "ATTACH '$2' AS o; SELECT count(*) FROM o.event x WHERE x.dossier = '' AND x.origin <> (SELECT value FROM o.meta WHERE key = 'station_id') AND NOT EXISTS (SELECT 1 FROM main.event e WHERE e.hash = x.hash)"; }
words() { sqlite3 "$1" "SELECT word, id FROM name_word ORDER BY word, id"; }
stats() {
	sqlite3 "$1" "SELECT 'status', status, count(*) FROM dossier GROUP BY status
	    UNION ALL SELECT 'field', field, count(*) FROM dossier GROUP BY field
	    UNION ALL SELECT 'resolved', CASE WHEN result_at <= due THEN 'on time' ELSE 'late' END,
	      count(*) FROM dossier WHERE result_at IS NOT NULL GROUP BY 2
	    UNION ALL SELECT 'rating', coalesce(rating, '-'), count(*) FROM dossier
	      WHERE status = 'returned' GROUP BY 2
	    ORDER BY 1, 2"
}
echo "# statistics at A:"; stats "$dbA" | sed 's/^/#   /'
for s in B P; do
	eval "db=\$db$s"
	is "$(rows "$db" | sha256sum)" "$(rows "$dbA" | sha256sum)" "$s and A: the same dossier rows, every column"
	if [ "$(rows "$db")" != "$(rows "$dbA")" ]; then
		rows "$dbA" > "$T/rowsA"; rows "$db" > "$T/rows$s"
		diff "$T/rowsA" "$T/rows$s" | head -20 | sed 's/^/#   /'
	fi
	is "$(evs "$db" | sha256sum)" "$(evs "$dbA" | sha256sum)" "$s and A: the same dossier events"
	is "$(audit_common "$db" "$dbA")" 0 "$s holds the audit events A holds of other stations"
	is "$(words "$db" | sha256sum)" "$(words "$dbA" | sha256sum)" "$s and A: the same name index"
	is "$(stats "$db")" "$(stats "$dbA")" "$s and A: the same statistics"
done
is "$(sqlite3 "$dbA" "SELECT count(DISTINCT origin) FROM event")" 3 "events of three stations"
for s in A B P; do
	eval "db=\$db$s"
	run --db "$db" check
	is "$rc" 0 "$s: check exit 0"
	like "$out" "every hash and chain link is sound" "$s: the log is sound"
	run --db "$db" --officer truong --password-file "$PWF" check --rebuild
	like "$out" "dossiers: $receipts rebuilt from events, identical" "$s: the rebuild is identical"
	run --db "$db" peers
	is "$(echo "$out" | tail -n +2 | wc -l)" 3 "$s: peers lists three stations"
	# every file again: nothing new, nothing changed
	sum=$(datasum "$db")
	bad=0
	for f in "$X"/*.motcua; do
		run --db "$db" --officer truong --password-file "$PWF" import "$f"
		[ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q "nothing new" || {
			bad=$((bad + 1)); echo "#   $s $(basename "$f"): $rc $out $err"; }
	done
	is "$bad" 0 "$s: every file imported again says nothing new"
	is "$(datasum "$db")" "$sum" "$s: and changes nothing (but when it last heard from a peer)"
done

# ---- a revocation: A revokes P's key (a stolen PC) ---------------------------
# P's events recorded after it are refused at A, whether P sends them or
# B relays them; A's bundle carries the revocation to B, which then refuses
# them too.  The clock: the revocation at noon of the day after the rounds.
fpP=$("$MOTCUA" --db "$dbP" station show | sed -n 's/^fingerprint: //p')
like "$fpP" "^[0-9A-F]{4}(-[0-9A-F]{4}){3}$" "P's fingerprint"
MOTCUA_NOW="2026-11-24 12:00" run --db "$dbA" --officer truong --password-file "$PWF" station revoke "$fpP"
is "$rc" 0 "A revokes P's key: exit 0"
like "$out" "revoked" "A revokes P's key: says so"
run --db "$dbA" station list
like "$out" "^$fpP +000\.00\.00\.T01 +1 +revoked 2026-11-24" "A's station list: P revoked"
is "$(sqlite3 "$dbA" "SELECT count(*) FROM event WHERE origin = '$idA' AND kind = 'revoke' AND
    json_extract(body, '$.fingerprint') = '$fpP'")" 1 "the revocation is an audit event of A's chain"
# P goes on working after the revocation: a step on a dossier of the
# commune it holds (B, of the commune, takes no dossier of the province's
# own unit: the import's rules, so a receipt of P's would not reach A
# through B)
day=2026-11-24; clkP=840
rvcode=$(sqlite3 "$dbP" "SELECT code FROM dossier WHERE code LIKE '000.17.22.H56-%' AND
    status = 'received' ORDER BY code LIMIT 1")
like "$rvcode" "^000\.17\.22\.H56-" "P holds a dossier of the commune just received"
tick P
run --db "$dbP" --officer lan --password-file "$PWF" event "$rvcode" handover \
    --to "Chuyên viên Hà" --at "$at"
is "$rc" 0 "P records a step after the revocation"
xp P rv-p1 --all
refused "A takes no bundle P made after the revocation" "$dbA" "revoked" \
    --db "$dbA" --officer truong --password-file "$PWF" import "$X/rv-p1.motcua"
like "$err" "$fpP" "... the message names P's key"
# B has not heard of it yet: it takes P's receipt, and relays it to A
im B rv-p1 "$new"
xp B rv-b1 --for "$idA"
pseq=$(sqlite3 "$dbP" "SELECT max(seq) FROM event WHERE origin = '$idP' AND dossier <> ''")
refused "A takes no relayed event P recorded after the revocation" "$dbA" \
    "event $pseq of station $(printf %.8s "$idP") was recorded after that station's key was revoked" \
    --db "$dbA" --officer truong --password-file "$PWF" import "$X/rv-b1.motcua"
# the revocation travels to B in A's bundle
xp A rv-a1 --for "$idB"
is "$(sqlite3 "$X/rv-a1.motcua" "SELECT count(*) FROM event WHERE origin = '$idA' AND kind = 'revoke'")" 1 \
    "A's bundle carries the revocation"
im B rv-a1 "$new"
run --db "$dbB" station list
like "$out" "^$fpP +000\.00\.00\.T01 +1 +revoked 2026-11-24" "B's station list: P revoked, as A said"
receipt P
is "$receipt_fail" 0 "P records another receipt"
xp P rv-p2 --all
refused "B now takes no bundle P made after the revocation" "$dbB" "revoked" \
    --db "$dbB" --officer truong --password-file "$PWF" import "$X/rv-p2.motcua"
done_testing
