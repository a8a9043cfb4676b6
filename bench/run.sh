#!/bin/sh
# run.sh BUILDDIR — `make bench`: issue 15's table, measured.
#
# For each size (10,000, 100,000 and 1,000,000 dossiers) a database made by
# bench/mkdb (cached in bench/data/, keyed by the size, the seed, the
# schema and mkdb's sources: made again when any changes), then each
# figure with its goal and the ratio: the full-screen program's start, F2,
# the picker per key, F3, F5, F6 in a pty harness (bench/ptytime) beside
# nano's and calcurse's start in the same harness; the core's figures
# (bench/bench_figures); a receipt's commit against a bare commit; peak
# memory; where the bytes of the file go.  Then the import of 100,000
# events into an empty station against the sqlite3 shell inserting the
# same rows.  Medians of several runs.  Figures, never pass or fail.
#
#   MOTCUA_BENCH_SIZES="10000 100000"   the sizes (default all three; "" none)
#   MOTCUA_BENCH_RUNS=N                 runs of each pty figure (default 5)
#   MOTCUA_BENCH_SEED=S                 mkdb's seed (default 1)
#   MOTCUA_BENCH_DATA=DIR               the cache (default bench/data)
#   MOTCUA_BENCH_IMPORT=0               leave the import out
#   MOTCUA_BENCH_CATALOG=P              F2 also on a catalog of P procedures
#                                       (default 2059, a province's list;
#                                       0 leaves it out)
#   MOTCUA_BENCH_MORE=1                 also the older micro-benchmarks
#                                       (bench_core, bench_sync)
#   MOTCUA_BENCH_PROVINCE=0             leave the province out (bench/province.sh:
#                                       MOTCUA_BENCH_COMMUNES communes of
#                                       MOTCUA_BENCH_PROVINCE_N dossiers loaded
#                                       into PostgreSQL, beside its COPY)
set -eu
b=$1
src=$(cd "$(dirname "$0")/.." && pwd)
data=${MOTCUA_BENCH_DATA:-$src/bench/data}
sizes=${MOTCUA_BENCH_SIZES-10000 100000 1000000}
runs=${MOTCUA_BENCH_RUNS:-5}
seed=${MOTCUA_BENCH_SEED:-1}
big_catalog=${MOTCUA_BENCH_CATALOG:-2059}
motcua=$b/src/motcua
pty=$b/bench/ptytime
tmp=$(mktemp -d "${TMPDIR:-/tmp}/motcua-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" HOME="$tmp/home" LANGUAGE=en LC_ALL=C.UTF-8
unset MOTCUA_NOW MOTCUA_DB
mkdir -p "$data" "$HOME"

echo "== motcua $("$motcua" --version | head -1), $(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -q -- '-fsanitize' "$b/Makefile" 2>/dev/null; then
	echo "   (this build has the sanitizers: every figure is slower than a release"
	echo "   build's; configure without --enable-sanitizers for the figures to quote)"
fi

# the cache's key: what makes the database what it is
key=$(cat "$src"/schema/*.sql "$src"/bench/mkdb.c "$src"/bench/mkdb-life.c \
	"$src"/bench/mkdb-people.c "$src"/bench/mkdb-catalog.c "$src"/bench/mkdb.h |
	sha256sum | cut -c1-12)

# mkdb_cached N [P] — the path of a database of N dossiers (and a catalog
# of P procedures, the sample's 29 without P), made if need be
mkdb_cached() {
	_tag=$1 _cat=
	if [ -n "${2:-}" ]; then
		_tag=$1-c$2 _cat="--catalog $2"
	fi
	_db="$data/mkdb-$_tag-s$seed-$key.db"
	if [ ! -s "$_db" ] || [ ! -s "$_db.pw" ]; then
		rm -f "$data/mkdb-$_tag-s$seed-"*
		# shellcheck disable=SC2086
		"$b/bench/mkdb" "$_db" "$1" --seed "$seed" $_cat >&2
	fi
	echo "$_db"
}

median() {	# the median of the numbers on stdin
	grep -E "^[0-9.]+$" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# row WHAT VALUE UNIT GOAL [BOUND] — a line of the table; BOUND, when
# given, is the goal as a number (ratio and verdict)
row() {
	awk -v w="$1" -v v="$2" -v u="$3" -v g="$4" -v bd="${5:-}" 'BEGIN {
		r = ""
		if (bd != "" && v != "?" && bd + 0 > 0)
			r = sprintf("%.2f× the goal: %s", v / bd, v + 0 <= bd + 0 ? "meets it" : "misses it")
		printf "  %-38s %10s %-3s goal %-26s %s\n", w, v, u, g, r }'
}

# startup CMD... — median ms from exec to the first frame (TEXT in $want)
startup() {
	printf 'wait %s start\nsend %s\n' "$want" "$quit" >"$tmp/start.scr"
	for _i in $(seq "$runs"); do
		"$pty" "$tmp/start.scr" "$@" 2>>"$tmp/pty.err" | awk '$1 == "start" { print $2 }'
	done | median
}

peers() {
	want="GNU nano" quit=$(printf '\030')
	if command -v nano >/dev/null 2>&1; then
		nano_ms=$(startup nano)
	else
		nano_ms="?"
		echo "   nano is missing (apt-get install nano): no peer for the start"
	fi
	want=Appointments quit=q
	if command -v calcurse >/dev/null 2>&1; then
		mkdir -p "$tmp/calcurse"
		cal_ms=$(startup calcurse -D "$tmp/calcurse")
	else
		cal_ms="?"
		echo "   calcurse is missing (apt-get install calcurse): no peer for the start"
	fi
	echo "  peers in the same harness: nano starts in $nano_ms ms, calcurse in $cal_ms ms"
}

# A session at the counter: log in, F2 and the picker's filter key by
# key, F3 and a name typed key by key then looked up, F5, F6 for the
# year and its weekly chart; quit.  Each settle is the time to the last
# byte drawn, and the bytes.
session_script() {
	{
		echo "wait Who login-screen"
		echo "send \\r"
		echo "settle 300 password-screen"
		echo "send bench-2026\\r"
		echo "wait Welcome main"
		echo "sleep 200"
		echo "send \\eOQ"
		echo "settle 300 F2"
		for k in k h a i ' ' s i n h; do
			echo "send $k"
			echo "settle 100 picker-key"
		done
		echo "send \\e"
		echo "settle 300 back"
		echo "send \\eOR"
		echo "settle 300 F3"
		for k in n g u y e n ' ' v a n; do
			echo "send $k"
			echo "settle 100 field-key"
		done
		echo "send \\r"
		echo "settle 500 F3-find"
		echo "send \\e"
		echo "settle 300 back"
		echo "send \\e[15~"
		echo "settle 500 F5"
		echo "send \\e"
		echo "settle 300 back"
		echo "send \\e[17~"
		echo "settle 500 F6"
		echo "send 4"
		echo "settle 1000 F6-year"
		echo "send \\t"
		echo "settle 500 F6-bars"
		echo "send \\t"
		echo "settle 1500 F6-weeks"
		echo "send \\e"
		echo "settle 300 back"
		echo "send \\e[21~"
	} >"$tmp/session.scr"
	{
		echo "wait Who login-screen"
		echo "send \\r"
		echo "settle 300 password-screen"
		echo "send bench-2026\\r"
		echo "wait Welcome main"
		echo "sleep 200"
		echo "send \\e[15~"
		echo "settle 500 F5"
		echo "send \\e[21~"
	} >"$tmp/f5.scr"
}

tui_figures() {
	db=$1
	want=Overdue: quit=$(printf '\033[21~')
	start=$(startup "$motcua" --lang en --db "$db")
	row "start to the first frame" "$start" ms "≤ 1.5× nano's ($nano_ms ms)" \
		"$(awk -v n="$nano_ms" 'BEGIN { if (n != "?") print 1.5 * n }')"
	[ "$cal_ms" != "?" ] && echo "                                         ($(awk -v a="$start" -v n="$nano_ms" -v c="$cal_ms" 'BEGIN { printf "%.2f× nano'"'"'s, %.2f× calcurse'"'"'s", a / n, a / c }'))"
	: >"$tmp/session.out"
	for _i in $(seq 3); do
		PTYTIME_TIMEOUT=120 "$pty" "$tmp/session.scr" "$motcua" --lang en --db "$db" \
			>>"$tmp/session.out" 2>>"$tmp/pty.err" || echo "   (a session did not finish: see below)"
	done
	fig() { awk -v k="$1" -v c="$2" '$1 == k { print $c }' "$tmp/session.out" | median; }
	row "opening F2 (key to last byte)" "$(fig F2 2)" ms "≤ 20 ms" 20
	row "picker filter, key to last byte" "$(fig picker-key 2)" ms "keep (0.55 ms)" 0.55
	row "  bytes to the terminal per key" "$(fig picker-key 3)" B "small"
	row "text field (F3), bytes per key" "$(fig field-key 3)" B "small"
	row "F3 find \"nguyen van\", Enter to drawn" "$(fig F3-find 2)" ms "≤ 5 ms first screen" 5
	row "F5 due board, key to drawn" "$(fig F5 2)" ms "≤ 50 ms" 50
	row "F6 this year (4), key to drawn" "$(fig F6-year 2)" ms "≤ 300 ms" 300
	row "F6 weekly chart, Tab to drawn" "$(fig F6-weeks 2)" ms "≤ 300 ms" 300
	# peak memory (max RSS, shared libraries' resident pages included)
	printf 'wait Who first\nsend %s\n' "$quit" >"$tmp/first.scr"
	kb=$(/usr/bin/time -f %M "$motcua" --version 2>&1 >/dev/null | tail -1)
	row "peak memory, --version" "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB "≤ 10 MB" 10
	for _i in $(seq 3); do
		"$pty" "$tmp/first.scr" "$motcua" --lang en --db "$db" 2>>"$tmp/pty.err" |
			awk '$1 == "maxrss" { print $2 }'
	done | median >"$tmp/rss"
	row "peak memory, TUI first frame" "$(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/rss")" MB "≤ 10 MB" 10
	for _i in $(seq 3); do
		"$pty" "$tmp/f5.scr" "$motcua" --lang en --db "$db" 2>>"$tmp/pty.err" |
			awk '$1 == "maxrss" { print $2 }'
	done | median >"$tmp/rss"
	row "peak memory, TUI after F5" "$(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/rss")" MB "≤ 10 MB" 10
	echo "                                         (7 MiB of it is the login's password hash,"
	echo "                                         Argon2id m=7 MiB t=5, for about 50 ms)"
	for c in due "report summary"; do
		set -- $c
		[ "$1" = report ] && set -- "$@" --from "$(date +%Y)-01-01" --to "$(date +%Y-%m-%d)"
		kb=$(/usr/bin/time -f %M "$motcua" --db "$db" "$@" 2>&1 >/dev/null | tail -1)
		row "peak memory, CLI $c" "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB "≤ 10 MB" 10
	done
}

# catalog_figure N — F2's first open (the picker's index loaded) on a
# database of N dossiers whose catalog is $big_catalog procedures long
catalog_figure() {
	db=$(mkdb_cached "$1" "$big_catalog")
	{
		echo "wait Who login-screen"
		echo "send \\r"
		echo "settle 300 password-screen"
		echo "send bench-2026\\r"
		echo "wait Welcome main"
		echo "sleep 200"
		echo "send \\eOQ"
		echo "settle 300 F2"
		echo "send \\e"
		echo "settle 300 back"
		echo "send \\e[21~"
	} >"$tmp/catalog.scr"
	for _i in $(seq "$runs"); do
		"$pty" "$tmp/catalog.scr" "$motcua" --lang en --db "$db" 2>>"$tmp/pty.err" |
			awk '$1 == "F2" { print $2 }'
	done | median >"$tmp/f2big"
	echo "== $1 dossiers, a catalog of $big_catalog procedures ($db)"
	row "opening F2 (key to last byte)" "$(cat "$tmp/f2big")" ms "≤ 20 ms" 20
}

import_figures() {
	src_db=$(mkdb_cached 30200)	# about 100,000 events
	dst=$tmp/station2.db peer=$tmp/peer.db pw=$src_db.pw
	sid=$(sqlite3 "$src_db" "SELECT value FROM meta WHERE key = 'station_id'")
	"$motcua" --db "$src_db" --officer bench --password-file "$pw" export --all \
		--out "$tmp/bundle" >/dev/null
	bundle=$(ls "$tmp"/bundle* | head -1)
	"$motcua" --db "$dst" init --unit-code 000.17.22.H56 --unit-name "UBND xã Mỹ An" \
		--station 2 --sample-catalog --supervisor bench "Nguyễn Văn Bình" \
		--password-file "$pw" >/dev/null
	"$motcua" --db "$src_db" station card --out "$tmp/card" >/dev/null
	fp=$("$motcua" --db "$src_db" station show | sed -n 's/^fingerprint: //p')
	"$motcua" --db "$dst" --password-file "$pw" station trust "$tmp/card" \
		--fingerprint "$fp" >/dev/null
	sqlite3 "$dst" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	cp "$dst" "$peer"
	/usr/bin/time -f "%e %M" -o "$tmp/import.time" "$motcua" --db "$dst" \
		--password-file "$pw" import "$bundle" >/dev/null
	n=$(sqlite3 "$dst" "SELECT count(*) FROM event WHERE origin = '$sid'")
	# the peer: the same rows, events and their projection (the dossier
	# rows, their name index, the maintained counts the projection keeps
	# in the same transaction), by the shell
	{
		echo "BEGIN;"
		sqlite3 "$src_db" ".mode insert event" "SELECT * FROM event WHERE origin = '$sid'"
		for t in dossier name_word procedure_use report_agg report_agg_event; do
			sqlite3 "$src_db" ".mode insert $t" "SELECT * FROM $t"
		done
		echo "COMMIT;"
	} >"$tmp/rows.sql"
	t0=$(date +%s.%N)
	sqlite3 "$peer" <"$tmp/rows.sql"
	t1=$(date +%s.%N)
	secs=$(awk '{ print $1 }' "$tmp/import.time")
	kb=$(awk '{ print $2 }' "$tmp/import.time")
	echo "== import of $n events ($(du -h "$bundle" | cut -f1) bundle) into an empty station"
	awk -v n="$n" -v s="$secs" -v a="$t0" -v b="$t1" 'BEGIN {
		r = n / s; p = n / (b - a)
		printf "  %-38s %10.0f ev/s (%.1f s)\n", "motcua import", r, s
		printf "  %-38s %10.0f ev/s (%.1f s)\n", "sqlite3 shell, same rows, one tx", p, b - a
		printf "  %-38s %10.3f     goal %-26s %.2f× the goal: %s\n", "ratio", r / p,
		    "≥ 0.5× the shell", r / p / 0.5, (r / p >= 0.5 ? "meets it" : "misses it") }'
	row "peak memory, CLI import" "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" MB "≤ 10 MB" 10
}

session_script
peers
for n in $sizes; do
	db=$(mkdb_cached "$n")
	echo "== $n dossiers ($(du -h "$db" | cut -f1), $db)"
	tui_figures "$db"
	"$b/bench/bench_figures" "$db" read
	cp "$db" "$tmp/write.db"
	"$b/bench/bench_figures" "$tmp/write.db" write
	rm -f "$tmp/write.db"*
done
if [ "$big_catalog" != 0 ] && [ -n "$sizes" ]; then
	catalog_figure "$(echo $sizes | cut -d' ' -f1)"
fi
[ "${MOTCUA_BENCH_IMPORT:-1}" = 0 ] || import_figures
# the province's figures (a cluster of its own, in a folder of its own: $tmp is
# ours alone, and the cluster may be nobody's)
if [ "${MOTCUA_BENCH_PROVINCE:-1}" != 0 ]; then
	MOTCUA_BENCH_DATA=$data MOTCUA_BENCH_RUNS=$runs MOTCUA_BENCH_SEED=$seed \
		sh "$src/bench/province.sh" "$b" || echo "   (the province's figures stopped: see above)"
fi
if [ -s "$tmp/pty.err" ]; then
	echo "== the harness said"
	sort -u "$tmp/pty.err" | head -20
fi
if [ "${MOTCUA_BENCH_MORE:-0}" = 1 ]; then
	echo "== micro-benchmarks"
	"$b/bench/bench_core" "$tmp"
	"$b/bench/bench_sync" "$tmp"
fi
