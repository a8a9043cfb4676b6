#!/bin/sh
# province.sh BUILDDIR — `make bench`'s province figures (issue 18):
# C communes of N dossiers each, every one a station made by bench/mkdb
# (its own unit code, name and seed), loaded bundle by bundle into a
# throwaway PostgreSQL cluster by `motcua province load`; then the load rate, the
# province report's time, the database's size, and PostgreSQL's own COPY
# of the same rows beside the load, in the same run and cluster.
#
#   MOTCUA_BENCH_COMMUNES=C          communes (default 100, a province)
#   MOTCUA_BENCH_PROVINCE_N=N        dossiers per commune (default 10000:
#                                    with C=100, a province-year)
#   MOTCUA_BENCH_RUNS=N              runs of each report (default 3)
#   MOTCUA_BENCH_SEED=S              the seeds: commune i has S*1000+i
#   MOTCUA_BENCH_DATA=DIR            the stations' cache (default bench/data)
#   PG_BINDIR=DIR                    where initdb is (configure's; else
#                                    PATH, then /usr/lib/postgresql/*/bin)
#
# The stations are kept in DIR/province/, keyed by the size, the seed,
# the schema and mkdb's sources.  The cluster is made in a temporary
# folder with initdb and pg_ctl (as tests/province/pg.sh does: on a Unix
# socket, no TCP; as root it belongs to `nobody`), with PostgreSQL's
# default settings (fsync on), and removed at the end.  Figures, never
# pass or fail; without PostgreSQL a line says so and nothing else runs.
set -eu
b=$1
src=$(cd "$(dirname "$0")/.." && pwd)
data=${MOTCUA_BENCH_DATA:-$src/bench/data}/province
communes=${MOTCUA_BENCH_COMMUNES:-100}
n=${MOTCUA_BENCH_PROVINCE_N:-10000}
runs=${MOTCUA_BENCH_RUNS:-3}
seed=${MOTCUA_BENCH_SEED:-1}
motcua=$b/src/motcua
export MOTCUA_PG_MODULE="${MOTCUA_PG_MODULE:-$b/src/motcua-pg.so}"
export LANGUAGE=en LC_ALL=C.UTF-8
unset MOTCUA_NOW MOTCUA_DB

# ---- PostgreSQL: where it is, a cluster of our own -----------------------
pgbin=
# shellcheck disable=SC2012
for d in ${PG_BINDIR:-} $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)") \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
	if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ]; then
		pgbin=$d
		break
	fi
done
echo "== the province: $communes communes × $n dossiers, loaded into PostgreSQL"
if [ -z "$pgbin" ]; then
	echo "   PostgreSQL is not installed (no initdb, pg_ctl and psql found; ./bootstrap"
	echo "   installs it): no province figures"
	exit 0
fi
if [ ! -x "$MOTCUA_PG_MODULE" ] && [ ! -f "$MOTCUA_PG_MODULE" ]; then
	echo "   $MOTCUA_PG_MODULE is missing (make src/motcua-pg.so): no province figures"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/motcua-pbench.XXXXXX")
pgt=$tmp/pg
owner=
as_pg() {	# as_pg CMD... — CMD as the cluster's owner
	if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}
cleanup() {
	if [ -f "$pgt/data/postmaster.pid" ]; then
		as_pg "$pgbin/pg_ctl" -D "$pgt/data" -m immediate -w stop >/dev/null 2>&1 || :
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE
export XDG_DATA_HOME="$tmp/xdg" HOME="$tmp/home"
mkdir -p "$data" "$HOME" "$pgt" "$tmp/bundles"
# initdb refuses root: the cluster is nobody's, its folder too
if [ "$(id -u)" -eq 0 ]; then
	owner=nobody
	chown "$owner" "$pgt"
fi
chmod 755 "$tmp" "$pgt"

now() { date +%s.%N; }
# row WHAT VALUE UNIT [NOTE] — a line of the table, as run.sh prints them
row() { printf '  %-38s %10s %-4s %s\n' "$1" "$2" "$3" "${4:-}"; }
median() {	# the median of the numbers on stdin
	grep -E "^[0-9.]+$" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }'; }

# ---- the stations, cached ----------------------------------------------------
key=$(cat "$src"/schema/*.sql "$src"/bench/mkdb.c "$src"/bench/mkdb-life.c \
	"$src"/bench/mkdb-people.c "$src"/bench/mkdb-catalog.c "$src"/bench/mkdb.h |
	sha256sum | cut -c1-12)
# commune I's unit code: 000.PP.NN.H56, 99 communes to a PP (unit_code_valid's
# shape, QCVN 102:2016), and its name
unit_of() { printf '000.%02d.%02d.H56' $((17 + ($1 - 1) / 99)) $((($1 - 1) % 99 + 1)); }
NAMES="An Bình|Mỹ An|Tân Phú|Phước Long|Hòa Hiệp|Bình Hòa|Long Hưng|Thạnh Phú|Vĩnh Xuân|Đông Hải|Tây Sơn|Nhơn Mỹ"
name_of() {
	echo "$NAMES" | awk -F'|' -v i="$1" '{ printf "UBND xã %s %d\n", $((i - 1) % NF + 1), (i - 1) / NF + 1 }'
}
t0=$(now) made=0
i=1
while [ "$i" -le "$communes" ]; do
	db=$data/c$i-n$n-s$seed-$key.db
	if [ ! -s "$db" ] || [ ! -s "$db.pw" ]; then
		rm -f "$data/c$i-n$n-s$seed-"*
		"$b/bench/mkdb" "$db" "$n" --seed $((seed * 1000 + i)) \
			--unit "$(unit_of "$i")" "$(name_of "$i")" >/dev/null
		made=$((made + 1))
	fi
	i=$((i + 1))
done
t1=$(now)
[ "$made" -gt 0 ] && echo "   ($made stations made by bench/mkdb in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }') s, kept in $data)"

# each station's bundle of all it holds, and the province's store (a
# station of the province's own unit, aggregate_units 1) trusting it
pw=$tmp/store.pw
cp "$data/c1-n$n-s$seed-$key.db.pw" "$pw"
chmod 600 "$pw"
store=$tmp/province.db
"$motcua" --db "$store" init --unit-code 000.00.00.T01 \
	--unit-name "Trung tâm Phục vụ hành chính công tỉnh" --station 1 --sample-catalog \
	--supervisor bench "Nguyễn Văn Bình" --password-file "$pw" >/dev/null
"$motcua" --db "$store" --officer bench --password-file "$pw" setting set aggregate_units 1 >/dev/null
i=1 bytes=0
while [ "$i" -le "$communes" ]; do
	db=$data/c$i-n$n-s$seed-$key.db
	"$motcua" --db "$db" --officer bench --password-file "$db.pw" export --all \
		--out "$tmp/bundles/c$(printf %03d "$i").motcua" >/dev/null
	"$motcua" --db "$db" station card --out "$tmp/card" >/dev/null
	fp=$("$motcua" --db "$db" station show | sed -n 's/^fingerprint: //p')
	"$motcua" --db "$store" --officer bench --password-file "$pw" station trust "$tmp/card" \
		--fingerprint "$fp" >/dev/null
	rm -f "$tmp/card"
	i=$((i + 1))
done
bytes=$(cat "$tmp"/bundles/*.motcua | wc -c)

# ---- the cluster ---------------------------------------------------------------
as_pg "$pgbin/initdb" -D "$pgt/data" -A trust -U motcua -E UTF8 --locale=C.UTF-8 \
	>"$tmp/initdb.log" 2>&1 || { sed 's/^/   initdb: /' "$tmp/initdb.log"; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$pgt/data" -l "$pgt/server.log" -w -t 60 \
	-o "-k $pgt -c listen_addresses=''" start >/dev/null 2>&1 ||
	{ sed 's/^/   server: /' "$pgt/server.log"; exit 1; }
pg="host=$pgt user=motcua dbname=postgres"
pgq() { "$pgbin/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$pg" -c "$1"; }
"$motcua" province init --pg "$pg" >/dev/null
empty=$(pgq "SELECT pg_database_size(current_database())")
echo "   PostgreSQL $(pgq 'SHOW server_version'), default settings (fsync $(pgq 'SHOW fsync'),"
echo "   shared_buffers $(pgq 'SHOW shared_buffers')); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- the load ------------------------------------------------------------------
# one `province load` per bundle, in name order as a folder's load takes
# them (c001, c002, ...: the communes' order), each timed: the total, and
# whether the rate falls as the province database and its store grow (the
# first tenth of the bundles, the last)
: >"$tmp/load.times"
for f in "$tmp"/bundles/*.motcua; do
	a=$(now)
	/usr/bin/time -f "%M" -o "$tmp/load.rss1" "$motcua" --db "$store" --officer bench \
		--password-file "$pw" province load --pg "$pg" "$f" >>"$tmp/load.out"
	z=$(now)
	k=$(sqlite3 "$f" "SELECT count(*) FROM event")
	echo "$a $z $k $(cat "$tmp/load.rss1")" >>"$tmp/load.times"
done
ev=$(pgq "SELECT count(*) FROM event")
nd=$(pgq "SELECT count(*) FROM dossier")
nk=$(pgq "SELECT count(*) FROM dossier_key")
awk '{ if ($4 > m) m = $4 } END { print m }' "$tmp/load.times" >"$tmp/load.rss"
secs=$(awk '{ s += $2 - $1 } END { printf "%.1f", s }' "$tmp/load.times")
load_rate=$(awk -v n="$ev" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
echo "   $ev events of $nd dossiers ($nk report keys) in $communes bundles of $(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }')"
row "province load (verify, store, push)" "$load_rate" ev/s "($secs s, $(awk -v n="$nd" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') dossiers/s)"
tenth() {	# tenth FIRST|LAST — the rate over that tenth of the bundles
	awk -v w="$1" -v c="$communes" '{ t[NR] = $2 - $1; k[NR] = $3 } END {
	    m = int(c / 10); if (m < 1) m = 1
	    for (i = 1; i <= m; i++) { j = w == "first" ? i : NR - m + i; s += t[j]; n += k[j] }
	    printf "%.0f\n", n / s }' "$tmp/load.times"
}
row "  the first tenth of the bundles" "$(tenth first)" ev/s
row "  the last tenth (the database full)" "$(tenth last)" ev/s
row "peak memory, province load" "$(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/load.rss")" MB
t0=$(now)
"$motcua" --db "$store" --officer bench --password-file "$pw" province load --pg "$pg" \
	"$tmp/bundles" >/dev/null
t1=$(now)
row "province load again (nothing new)" "$(awk -v n="$ev" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')" ev/s "($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s)"
pgq "VACUUM ANALYZE" >/dev/null

# ---- the report ----------------------------------------------------------------
# the year up to the newest receipt (mkdb's stations end at the day they
# were made)
to=$(pgq "SELECT max(left(received, 10)) FROM dossier")
from=$(date -d "$to -1 year +1 day" +%Y-%m-%d)
rn=$(pgq "SELECT count(*) FROM dossier WHERE left(received, 10) BETWEEN '$from' AND '$to'")
echo "   the year $from to $to: $rn dossiers received in it"
time_cmd() {	# time_cmd CMD... — the median ms of $runs runs
	for _i in $(seq "$runs"); do
		_a=$(now)
		"$@" >/dev/null
		_b=$(now)
		ms "$_a" "$_b"
	done | median
}
row "province report, a year --by commune" \
	"$(time_cmd "$motcua" province report --pg "$pg" --from "$from" --to "$to" --by commune)" ms
row "province report, a year --by field" \
	"$(time_cmd "$motcua" province report --pg "$pg" --from "$from" --to "$to" --by field)" ms
row "province report, a year --by procedure" \
	"$(time_cmd "$motcua" province report --pg "$pg" --from "$from" --to "$to" --by procedure)" ms
row "province report, a month --by commune" \
	"$(time_cmd "$motcua" province report --pg "$pg" --from "$(date -d "$to -1 month +1 day" +%Y-%m-%d)" --to "$to" --by commune)" ms
row "province late (the 10 most overdue)" "$(time_cmd "$motcua" province late --pg "$pg" --at "$to")" ms

# ---- the size ------------------------------------------------------------------
size() { pgq "SELECT pg_total_relation_size('$1')"; }
dbs=$(pgq "SELECT pg_database_size(current_database())")
se=$(size event) sd=$(size dossier) sk=$(size dossier_key)
row "database size (pg_database_size)" "$(awk -v s="$dbs" 'BEGIN { printf "%.1f", s / 1048576 }')" MiB \
	"$(awk -v s="$dbs" -v z="$empty" -v d="$nd" -v e="$ev" 'BEGIN {
	    printf "%.1f MiB when empty; the rest %.0f B/dossier", z / 1048576, (s - z) / d }')"
for t in event dossier dossier_key; do
	s=$(size $t)
	row "  table $t, indexes included" "$(awk -v s="$s" 'BEGIN { printf "%.1f", s / 1048576 }')" MiB \
		"$(awk -v s="$s" -v i="$(pgq "SELECT pg_indexes_size('$t')")" -v d="$nd" -v e="$ev" -v t=$t 'BEGIN {
		    printf "%.0f B/%s (indexes %.0f %%)", t == "event" ? s / e : s / d, t == "event" ? "event" : "dossier", 100 * i / s }')"
done
row "  bytes per dossier, its events included" "$(awk -v a="$se" -v b="$sd" -v c="$sk" -v d="$nd" 'BEGIN { printf "%.0f", (a + b + c) / d }')" B \
	"($(awk -v e="$ev" -v d="$nd" 'BEGIN { printf "%.2f", e / d }') events per dossier)"
row "the province store (SQLite), beside it" "$(du -m "$store" | cut -f1)" MiB

# ---- PostgreSQL's own COPY of the same rows ----------------------------------------
# the rows the load wrote, dumped, then copied into fresh tables of the same
# definition (LIKE ... INCLUDING ALL: keys, indexes, defaults), each COPY
# timed on its own after a checkpoint
pgq "CHECKPOINT" >/dev/null
for t in event dossier dossier_key; do
	pgq "COPY $t TO '$pgt/$t.copy'" >/dev/null
	pgq "CREATE TABLE ${t}_copy (LIKE $t INCLUDING ALL)" >/dev/null
done
pgq "CHECKPOINT" >/dev/null
for t in event dossier dossier_key; do
	a=$(now)
	pgq "COPY ${t}_copy FROM '$pgt/$t.copy'" >/dev/null
	z=$(now)
	eval "copy_$t=\$(ms \"\$a\" \"\$z\")"
done
# shellcheck disable=SC2154
copy_rate=$(awk -v n="$ev" -v m="$copy_event" 'BEGIN { printf "%.0f", n / (m / 1000) }')
# shellcheck disable=SC2154
all_ms=$(awk -v a="$copy_event" -v b="$copy_dossier" -v c="$copy_dossier_key" 'BEGIN { print a + b + c }')
all_rate=$(awk -v n="$ev" -v m="$all_ms" 'BEGIN { printf "%.0f", n / (m / 1000) }')
row "COPY FROM of the same events" "$copy_rate" ev/s "($(awk -v m="$copy_event" 'BEGIN { printf "%.1f", m / 1000 }') s, event's keys and indexes)"
row "COPY FROM of all the rows the load wrote" "$all_rate" ev/s "($(awk -v m="$all_ms" 'BEGIN { printf "%.1f", m / 1000 }') s: events, dossiers, report keys)"
row "ratio load / COPY of the events" "$(awk -v a="$load_rate" -v b="$copy_rate" 'BEGIN { printf "%.3f", a / b }')" ×
row "ratio load / COPY of all its rows" "$(awk -v a="$load_rate" -v b="$all_rate" 'BEGIN { printf "%.3f", a / b }')" ×
