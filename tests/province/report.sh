# report.sh — motcua province report and late against a real PostgreSQL
# (pg.sh), checked cell by cell against each station's own `motcua report
# summary --format csv` for the same periods: a commune's row is its
# station's total (commune A: either of its two stations, which hold the
# same), the province's total is the sum of the communes', --by field
# the sum of the stations' field rows; the identity per row; --by
# procedure; JSON; the communes with the most overdue dossiers.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/province/pg.sh"
pg_start
. "$top_srcdir/tests/province/fixture.sh"
run province init --pg "$PG"
is "$rc" 0 "init"
run --db "$dbP" --officer truong --password-file "$PWF" province load --pg "$PG" "$BUNDLES"
is "$rc" 0 "load the four bundles"

unit_of() { case $1 in A1|A2) echo 000.17.22.H56 ;; B) echo 000.17.23.H56 ;; C) echo 000.17.24.H56 ;; esac; }
# station STATION FROM TO — its summary's CSV, one line per row, no CR
# (the byte-order mark of the first line left out)
station() { "$MOTCUA" --db "$T/$1.db" report summary --from "$2" --to "$3" --format csv |
    tr -d '\r' | sed '1s/^\xEF\xBB\xBF//'; }
# province FROM TO BY — the province's CSV
province() { "$MOTCUA" province report --pg "$PG" --from "$1" --to "$2" --by "$3" --format csv |
    tr -d '\r' | sed '1s/^\xEF\xBB\xBF//'; }
# counts LINE — the count cells of a CSV line given from its first count:
# the 12 figures and the 3 ratings (not the rate)
counts() { echo "$1" | cut -d, -f1-15; }

for period in "2026-10-01 2026-10-31" "2026-11-01 2026-11-30" "2026-10-15 2026-11-13" \
    "2026-11-20 2026-11-20" "2026-10-01 2026-12-31"; do
	set -- $period
	from=$1 to=$2
	pc=$(province "$from" "$to" commune)
	is "$(echo "$pc" | head -1 | cut -d, -f1-2,3,14-18)" \
	    "Commune,Name,carried_over,paused,very_satisfied,satisfied,not_satisfied,on_time_rate" \
	    "$from..$to: the columns are the station's"
	for s in $STATIONS; do
		st=$(station "$s" "$from" "$to" | grep '^Total,' | cut -d, -f2-)
		pr=$(echo "$pc" | grep "^$(unit_of $s)," | cut -d, -f3-22)
		[ -n "$pr" ] || pr="(no row)"
		is "$pr" "$st" "$from..$to: commune $(unit_of $s) is station $s's report summary, cell by cell"
	done
	# the province's total: the communes' rows added up, and the stations'
	tot=$(echo "$pc" | grep '^Total,' | cut -d, -f3-)
	sum=$(echo "$pc" | sed 1d | grep -v '^Total,' | cut -d, -f3-17 | awk -F, '{for (i = 1; i <= NF; i++) s[i] += $i} END {for (i = 1; i <= 15; i++) printf "%s%d", (i > 1 ? "," : ""), s[i]}')
	is "$(counts "$tot")" "$sum" "$from..$to: the total is the communes' sum"
	ssum=$(for s in A1 B C; do station "$s" "$from" "$to" | grep '^Total,' | cut -d, -f2-16; done |
	    awk -F, '{for (i = 1; i <= NF; i++) s[i] += $i} END {for (i = 1; i <= 15; i++) printf "%s%d", (i > 1 ? "," : ""), s[i]}')
	is "$(counts "$tot")" "$ssum" "$from..$to: the total is the stations' totals added up"
	# the identity, every row: carried over + new = resolved + in progress + withdrawn + stopped
	bad=$(echo "$pc" | sed 1d | awk -F, '$3 + $4 != $6 + $7 + $8 + $9 + $10 + $13 + $23 {print $1}')
	is "$bad" "" "$from..$to: received = resolved + in progress + withdrawn + stopped, every row"
	# by field: the stations' field rows added up (fields have no comma)
	pf=$(province "$from" "$to" field | sed 1d | grep -v '^Total,' | cut -d, -f1,2-16)
	sf=$(for s in A1 B C; do station "$s" "$from" "$to" | sed 1d | grep -v '^Total,' | cut -d, -f1-16; done |
	    awk -F, '{k[$1] = 1; for (i = 2; i <= NF; i++) s[$1, i] += $i} END {for (f in k) {printf "%s", f; for (i = 2; i <= 16; i++) printf ",%d", s[f, i]; print ""}}' | sort)
	is "$(echo "$pf" | sort)" "$sf" "$from..$to: --by field is the stations' field rows added up"
	is "$(province "$from" "$to" field | grep '^Total,' | cut -d, -f2-)" "$tot" \
	    "$from..$to: --by field has the same total"
	# by procedure: the rows add up to the total
	pp=$(province "$from" "$to" procedure)
	psum=$(echo "$pp" | sed 1d | grep -v '^Total,' | awk -F, '{n = NF; for (i = n - 22; i <= n - 8; i++) s[i - n + 23] += $i} END {for (i = 1; i <= 15; i++) printf "%s%d", (i > 1 ? "," : ""), s[i]}')
	is "$psum" "$(counts "$tot")" "$from..$to: --by procedure adds up to the total"
	is "$(echo "$pp" | grep '^Total,' | cut -d, -f3-)" "$tot" "$from..$to: --by procedure has the same total"
done

# commune A's two stations hold the same: the same summary
is "$(station A2 2026-10-01 2026-11-30)" "$(station A1 2026-10-01 2026-11-30)" \
    "A1 and A2 give the same summary"
# the rates: what the station says, the satisfaction as report.h defines it
run report summary --db "$T/B.db" --from 2026-10-01 --to 2026-11-30 --format json
bj=$out
run province report --pg "$PG" --from 2026-10-01 --to 2026-11-30 --format json
pj=$out
ok "report --format json"
pjb=$(sqlite3 :memory: "SELECT value FROM json_each(json_extract('$(echo "$pj" | sed "s/'/''/g")', '\$.rows')) WHERE json_extract(value, '\$.commune') = '000.17.23.H56'")
for k in carried_over received_new resolved_early resolved_on_time resolved_late in_progress_within \
    in_progress_overdue guided refused withdrawn paused stopped received_post on_time_rate \
    satisfaction_rate; do
	want=$(sqlite3 :memory: "SELECT json_extract('$bj', '\$.total.$k')")
	got=$(sqlite3 :memory: "SELECT json_extract('$pjb', '\$.$k')")
	is "$got" "$want" "json: commune B's $k is station B's"
done
is "$(sqlite3 :memory: "SELECT json_extract('$pjb', '\$.name')")" "UBND xã Bình Hòa Mới" \
    "json: commune B's name"
is "$(sqlite3 :memory: "SELECT json_extract('$pj', '\$.by') || ' ' || json_array_length(json_extract('$pj', '\$.rows'))")" \
    "commune 3" "json: three communes"
run province report --pg "$PG" --from 2026-10-01 --to 2026-11-30
is "$rc" 0 "report as text: exit 0"
diag "$out"
like "$out" "000.17.23.H56 \(UBND xã Bình Hòa Mới\)" "text: the commune's code and name"
run province report --pg "$PG" --from 2026-11-30 --to 2026-10-01
is "$rc" 1 "a period that ends before it starts: refused"
run province report --pg "$PG" --from 2026-10-01 --to 2026-11-30 --by officer
is "$rc" 1 "an unknown grouping: refused"
like "$err" "commune, field or procedure" "an unknown grouping: says which there are"

# ---- the communes most late -------------------------------------------------------
at=2026-11-20
run province late --pg "$PG" --at "$at"
is "$rc" 0 "late: exit 0"
diag "$out"
want=$(for s in A1 B C; do
	o=$(station "$s" "$at" "$at" | grep '^Total,' | cut -d, -f9)
	[ "$o" -gt 0 ] && echo "$(unit_of $s) $o"
done | sort -k2,2nr -k1,1)
got=$(echo "$out" | sed 1d | awk '{print $1, $2}')
is "$got" "$want" "late: the communes with overdue dossiers, most first, as each station counts them"
like "$(echo "$want" | wc -l)" "^[1-3]$" "late: some commune is late (the fixture has overdue dossiers)"
run province late --pg "$PG" --at "$at" --limit 1
is "$(echo "$out" | sed 1d | wc -l)" 1 "late --limit 1: one commune"
is "$(echo "$out" | sed 1d | awk '{print $1, $2}')" "$(echo "$want" | head -1)" "late --limit 1: the most late"
run province late --pg "$PG" --at 2026-09-01
is "$rc" 0 "late before any dossier: exit 0"
like "$out" "No commune has an overdue dossier" "late before any dossier: says so"
run province late --pg "$PG" --limit 0
is "$rc" 1 "late --limit 0: refused"
# the query plan reads the counts by their index
plan=$(pgq "EXPLAIN SELECT sum(n) FROM dossier_key WHERE day >= '2026-11-01' AND what = 'received'")
like "$plan" "dossier_key_day|Seq Scan" "the counts' day index exists for the planner"
done_testing
