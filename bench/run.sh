#!/bin/sh
# run.sh BUILDDIR — `make bench`: figures for the core and the program.
#
# The program's part makes a unit whose supervisor truong adds the officer
# lan, each with a password read from a file (mode 0600), as a unit is
# set up for real.
#
# On a slow or busy machine, smaller counts (the defaults are the figures
# README quotes):
#   MOTCUA_BENCH_ROWS=N    bench_million's dossiers (default 1000000)
#   MOTCUA_BENCH_EVENTS=N  bench_sync's receipts (default 100000)
# e.g. MOTCUA_BENCH_ROWS=200000 MOTCUA_BENCH_EVENTS=20000 make bench
set -eu
b=$1
d=$(mktemp -d "${TMPDIR:-/tmp}/motcua-bench.XXXXXX")
trap 'rm -rf "$d"' EXIT
echo "== core ($(uname -m), $(nproc) cores)"
"$b/bench/bench_core" "$d"
echo "== ${MOTCUA_BENCH_ROWS:-1,000,000} dossiers"
"$b/bench/bench_million" "$d"
echo "== sync by file, ${MOTCUA_BENCH_EVENTS:-100,000} events"
"$b/bench/bench_sync" "$d"
echo "== program"
export XDG_DATA_HOME="$d/xdg" LANGUAGE=en
t0=$(date +%s.%N)
(umask 077 && printf 'truong1234\n' >"$d/truong.pw" && printf 'lan12345\n' >"$d/lan.pw")
"$b/src/motcua" --db "$d/demo.db" init --unit-code 000.00.00.H01 --unit-name Demo --station 1 \
	--sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$d/truong.pw" >/dev/null
t1=$(date +%s.%N)
echo "init with the sample catalog: $(echo "$t1 - $t0" | bc 2>/dev/null || echo "?") s"
"$b/src/motcua" --db "$d/demo.db" --officer truong --password-file "$d/truong.pw" \
	officer add lan Lan --new-password-file "$d/lan.pw" >/dev/null
t0=$(date +%s.%N)
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$b/src/motcua" --db "$d/demo.db" list >/dev/null
done
t1=$(date +%s.%N)
echo "start, open and list (empty), each: $(echo "($t1 - $t0) * 100" | bc 2>/dev/null || echo "?") ms"
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "motcua list max RSS: %M KiB" "$b/src/motcua" --db "$d/demo.db" list >/dev/null
fi
