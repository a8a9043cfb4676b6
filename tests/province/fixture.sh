# fixture.sh — three communes' stations and the province's store, for the
# province tests (sourced after lib.sh and pg.sh).  Commune A (unit
# 000.17.22.H56) has two stations, A1 and A2, which exchange bundles;
# communes B (000.17.23.H56) and C (000.17.24.H56) one each.  Over a
# month and a half of working days every station receives dossiers,
# gives guidance, and takes steps (handover, pause and resume, results
# early, on time and late, returns with ratings, withdrawals, refusals at
# the counter, cancellations), in the order of their times, from a fixed
# seed.  Then A1 and A2 swap bundles, every station writes a bundle of all
# it holds into $BUNDLES, and the province store P (000.00.00.T01,
# aggregate_units 1) trusts the four stations.
MOTCUA_STORY_START="2026-10-01 07:00"
SEED=${PROVINCE_SEED:-20261202}
echo "# seed $SEED (replay with PROVINCE_SEED=$SEED)"
seed=$SEED
rnd() {	# rnd N — a pseudo-random number 0..N-1 in $r (never in $(...))
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	r=$(( (seed / 65536) % $1 ))
}
nth() { shift $(($1 + 1)); printf '%s' "$1"; }

STATIONS="A1 A2 B C"
BUNDLES="$T/bundles"
mkdir -p "$BUNDLES"
dbP="$T/p.db"
for s in $STATIONS P; do
	case $s in
	A1) u=000.17.22.H56 n=1 name="UBND xã Mỹ An" ;;
	A2) u=000.17.22.H56 n=2 name="UBND xã Mỹ An" ;;
	B) u=000.17.23.H56 n=1 name="UBND xã Bình Hòa" ;;
	C) u=000.17.24.H56 n=1 name="UBND xã Tân Phú" ;;
	P) u=000.00.00.T01 n=1 name="Trung tâm Phục vụ hành chính công tỉnh" ;;
	esac
	db="$T/$s.db"
	[ $s = P ] && db=$dbP
	"$MOTCUA" --db "$db" init --unit-code $u --unit-name "$name" --station $n \
	    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" \
	    >/dev/null || echo "Bail out! init of $s failed"
	"$MOTCUA" --db "$db" --officer truong --password-file "$PWF" officer add lan \
	    "Nguyễn Thị Lan" --new-password-file "$PWF" >/dev/null
done
"$MOTCUA" --db "$dbP" --officer truong --password-file "$PWF" setting set aggregate_units 1 \
    >/dev/null
enrol "$T/A1.db" "$T/A2.db" && enrol "$T/A2.db" "$T/A1.db" ||
    echo "Bail out! A1 and A2 cannot trust each other"

"$MOTCUA" --db "$T/A1.db" catalog list --json > "$T/catalog.json"
procs=$(sqlite3 :memory: "SELECT json_extract(value, '$.code') FROM json_each(CAST(readfile('$T/catalog.json') AS TEXT))")
nprocs=$(echo "$procs" | wc -l)
RATINGS="very_satisfied satisfied not_satisfied"
DAYS="2026-10-05 2026-10-07 2026-10-12 2026-10-14 2026-10-19 2026-10-21 2026-10-26
2026-10-28 2026-11-02 2026-11-04 2026-11-09 2026-11-11 2026-11-16 2026-11-18 2026-11-20"
nrecv=0 nsteps=0

receipt() {	# receipt DB AT
	rnd "$nprocs"; p=$(echo "$procs" | sed -n "$((r + 1))p")
	nrecv=$((nrecv + 1))
	"$MOTCUA" --db "$1" --officer lan --password-file "$PWF" receive --address "$ADDR" \
	    --procedure "$p" --name "Người Thứ $nrecv" --id "$(printf '0870840%05d' $nrecv)" \
	    --at "$2" >/dev/null 2>"$T/rcv.err" || sed 's/^/#   receipt: /' "$T/rcv.err"
}

step() {	# step DB AT — a step on one of the dossiers DB holds that are not closed
	rows=$(sqlite3 "$1" "SELECT code || ' ' || status FROM dossier WHERE status IN
	    ('received', 'processing', 'paused', 'result_ready') AND station =
	    (SELECT value FROM meta WHERE key = 'station_id') ORDER BY code")
	[ -n "$rows" ] || return 0
	rnd "$(echo "$rows" | wc -l)"
	line=$(echo "$rows" | sed -n "$((r + 1))p")
	code=${line% *} status=${line#* }
	rnd 10
	case $status in
	received) k=$(nth $r handover handover result result result pause withdraw refuse cancel result) ;;
	processing) k=$(nth $r result result result result pause pause withdraw result result result) ;;
	paused) k=$(nth $r resume resume resume resume resume resume withdraw resume resume resume) ;;
	result_ready) k=$(nth $r return return return return return return return return return return) ;;
	esac
	off=lan
	set -- "$1" "$2" "$code" "$k"
	case $k in
	handover) set -- "$@" --to "Chuyên viên Hòa" ;;
	pause) set -- "$@" --reason "Chờ bổ sung giấy tờ" ;;
	result) rnd 5; [ "$r" -eq 0 ] && set -- "$@" --refused --reason "Không đủ điều kiện" ;;
	return) rnd 4; [ "$r" -lt 3 ] && set -- "$@" --rating "$(nth $r $RATINGS)" ;;
	withdraw) set -- "$@" --reason "Công dân rút hồ sơ" ;;
	cancel) off=truong; set -- "$@" --reason "Nhập nhầm" ;;
	refuse) set -- "$@" --reason "Không thuộc thẩm quyền" ;;
	esac
	_db=$1 _at=$2; shift 2
	if "$MOTCUA" --db "$_db" --officer $off --password-file "$PWF" event "$@" --at "$_at" \
	    >/dev/null 2>"$T/step.err"; then
		nsteps=$((nsteps + 1))
	fi
}

for day in $DAYS; do
	for s in $STATIONS; do
		db="$T/$s.db"
		receipt "$db" "$day 08:10"
		receipt "$db" "$day 08:40"
		rnd 3
		if [ "$r" -eq 0 ]; then
			rnd "$nprocs"; p=$(echo "$procs" | sed -n "$((r + 1))p")
			"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" guide --procedure "$p" \
			    --name "Người Hỏi" --id 087084099999 --docs 1 --at "$day 09:00" >/dev/null 2>&1
		fi
		for t in 10:00 13:45 15:30 16:20; do
			step "$db" "$day $t"
		done
	done
done
echo "# $nrecv receipts, $nsteps steps"
# digitisation: at B and C, the first four dossiers get a scan of every
# document of their list, and the first two results a scan of the result
python3 - "$HOME/page.png" <<'PY'
import sys, struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\0' + bytes([i * 40 % 256, 90, 180]) * 4 for i in range(4))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
for s in B C; do
	db="$T/$s.db"
	for row in $(sqlite3 "$db" "SELECT code || ':' || json_array_length(documents) FROM dossier
	    ORDER BY received LIMIT 4"); do
		c=${row%:*} k=1
		while [ "$k" -le "${row#*:}" ]; do
			"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" attach "$c" \
			    "$HOME/page.png" --document $k >/dev/null || echo "# attach to $c failed"
			k=$((k + 1))
		done
	done
	for c in $(sqlite3 "$db" "SELECT code FROM dossier WHERE result_at IS NOT NULL
	    ORDER BY received LIMIT 2"); do
		"$MOTCUA" --db "$db" --officer lan --password-file "$PWF" attach "$c" \
		    "$HOME/page.png" --result >/dev/null || echo "# attach of $c's result failed"
	done
done
# commune B's name changes: a "unit" event that travels
"$MOTCUA" --db "$T/B.db" --officer truong --password-file "$PWF" unit set \
    --parent "UBND xã Bình Hòa Mới" >/dev/null || echo "# unit set failed"

# A1 and A2 hold all of commune A
"$MOTCUA" --db "$T/A1.db" --officer truong --password-file "$PWF" export --out "$T/a1.motcua" >/dev/null
"$MOTCUA" --db "$T/A2.db" --officer truong --password-file "$PWF" import "$T/a1.motcua" >/dev/null
"$MOTCUA" --db "$T/A2.db" --officer truong --password-file "$PWF" export --out "$T/a2.motcua" >/dev/null
"$MOTCUA" --db "$T/A1.db" --officer truong --password-file "$PWF" import "$T/a2.motcua" >/dev/null
rm -f "$T/a1.motcua" "$T/a2.motcua"
for s in $STATIONS; do
	"$MOTCUA" --db "$T/$s.db" --officer truong --password-file "$PWF" export \
	    --out "$BUNDLES/$s.motcua" >/dev/null || echo "Bail out! export of $s failed"
done
# the province trusts the four stations
enrol "$dbP" "$T/A1.db" "$T/A2.db" "$T/B.db" "$T/C.db" || echo "Bail out! P cannot trust the stations"
P() { "$MOTCUA" --db "$dbP" "$@"; }
