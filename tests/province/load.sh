# load.sh — motcua province init and load against a real PostgreSQL (a
# throwaway cluster, pg.sh): three communes' bundles (two stations in
# one) loaded; loaded again, nothing changes; a forged bundle (a byte of
# an event's body changed), one signed by a key the province does not
# trust and a truncated one are refused with the database and the
# province store unchanged; a failure between the store's commit and the
# database's is repaired by the next load.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/province/pg.sh"
pg_start
. "$top_srcdir/tests/province/fixture.sh"

# ---- init -------------------------------------------------------------------
run province load --pg "$PG" --officer truong --password-file "$PWF" --db "$dbP" "$BUNDLES"
is "$rc" 1 "load before init: refused"
like "$err" "not set up.*province init" "load before init: says to run province init"
run province init --pg "$PG"
is "$rc" 0 "init: exit 0"
like "$out" "set up \(version 1\)" "init: says the version"
is "$(pgq "SELECT version || ' ' || name FROM schema_version")" "1 001_province.sql" \
    "init: schema_version holds step 1"
s0=$(pgsum)
run province init --pg "$PG"
is "$rc" 0 "init again: exit 0"
like "$out" "already.*nothing to do" "init again: a no-op that says so"
is "$(pgsum)" "$s0" "init again: nothing changed"
run province init --pg "host=$PGT/none user=motcua dbname=postgres"
is "$rc" 1 "init with a wrong --pg: exit 1"
like "$err" "cannot connect to the province database.*check --pg" "init with a wrong --pg: says why"

# ---- load ---------------------------------------------------------------------
L() { run --db "$dbP" --officer truong --password-file "$PWF" province load --pg "$PG" "$@"; }
L "$BUNDLES"
is "$rc" 0 "load the four bundles (a folder): exit 0"
diag "$out"
is "$(echo "$out" | grep -c 'motcua:')" 4 "load: one line per bundle"
selfP=$(sqlite3 "$dbP" "SELECT value FROM meta WHERE key = 'station_id'")
bundle_events() {	# the events of the bundles given (origin, number, hash), once each
	for _b in "$@"; do sqlite3 "$_b" "SELECT origin || ' ' || seq || ' ' || hash FROM event"
	done | sort -u
}
want_ev=$(bundle_events "$BUNDLES"/*.motcua)
got_ev=$(pgq "SELECT origin || ' ' || seq || ' ' || hash FROM event" | sort)
is "$(echo "$got_ev" | wc -l)" "$(echo "$want_ev" | wc -l)" "load: every event of the four bundles"
is "$(echo "$got_ev" | sha256sum)" "$(echo "$want_ev" | sha256sum)" \
    "load: the events are the stations' own (origin, number, hash)"
is "$(pgq "SELECT count(*) FROM event WHERE origin = '$selfP'")" 0 \
    "load: the province store's own audit events stay in the store"
is "$(pgq "SELECT count(*) FROM event e WHERE sig = '' OR NOT EXISTS (SELECT 1 FROM station s
    WHERE s.id = e.origin)")" 0 "load: every event signed, of a known station"
want_d=$(for s in A1 B C; do sqlite3 "$T/$s.db" "SELECT id || ' ' || code || ' ' || status ||
    ' ' || due || ' ' || coalesce(result_at, '-') FROM dossier"; done | sort)
got_d=$(pgq "SELECT id || ' ' || code || ' ' || status || ' ' || due || ' ' ||
    coalesce(result_at, '-') FROM dossier" | sort)
is "$(echo "$got_d" | sha256sum)" "$(echo "$want_d" | sha256sum)" \
    "load: the dossiers as the stations project them (status, due, result)"
is "$(pgq "SELECT unit || ' ' || count(*) FROM dossier GROUP BY unit ORDER BY unit" | tr '\n' ,)" \
    "000.17.22.H56 $(sqlite3 "$T/A1.db" "SELECT count(*) FROM dossier"),000.17.23.H56 $(sqlite3 "$T/B.db" "SELECT count(*) FROM dossier"),000.17.24.H56 $(sqlite3 "$T/C.db" "SELECT count(*) FROM dossier")," \
    "load: each dossier under its commune"
is "$(pgq "SELECT unit || ' ' || count(*) FROM station GROUP BY unit ORDER BY unit" | tr '\n' ,)" \
    "000.17.22.H56 2,000.17.23.H56 1,000.17.24.H56 1," "load: two stations in commune A, one in B and C"
is "$(pgq "SELECT unit || '=' || coalesce(name, '') FROM commune ORDER BY unit" | tr '\n' ,)" \
    "000.17.22.H56=,000.17.23.H56=UBND xã Bình Hòa Mới,000.17.24.H56=," \
    "load: a commune's name from its station's unit event"
is "$(pgq "SELECT count(*) FROM dossier d WHERE status <> 'cancelled' AND NOT EXISTS (SELECT 1
    FROM dossier_key k WHERE k.dossier = d.id)")" 0 \
    "load: every dossier has its report counts (a cancelled one, an entry error, counts nowhere)"
is "$(pgq "SELECT count(*) FROM dossier d WHERE status = 'cancelled' AND EXISTS (SELECT 1
    FROM dossier_key k WHERE k.dossier = d.id AND k.what <> 'due')")" 0 \
    "load: a cancelled dossier has no count"
# the counts are the station's own: summed over commune A they are A1's table
want_k=$(sqlite3 "$T/A1.db" "SELECT what, day, field, body, sub, n FROM report_agg
    WHERE what NOT IN ('due', 'rated_by') ORDER BY 1, 2, 3, 4, 5" | tr '|' ' ')
got_k=$(pgq "SELECT k.what, k.day, k.field, k.body, k.sub, sum(k.n) FROM dossier_key k
    JOIN dossier d ON d.id = k.dossier WHERE d.unit = '000.17.22.H56' AND k.what NOT IN
    ('due', 'rated_by') GROUP BY 1, 2, 3, 4, 5 HAVING sum(k.n) <> 0 ORDER BY 1, 2, 3, 4, 5" |
    tr '|' ' ')
is "$(echo "$got_k" | sha256sum)" "$(echo "$want_k" | sha256sum)" \
    "load: commune A's counts add up to station A1's report table"
is "$(sqlite3 "$dbP" "SELECT count(*) FROM dossier")" "$(pgq "SELECT count(*) FROM dossier")" \
    "load: the province store holds the same dossiers"
check "load: the province store's log is sound" "$MOTCUA" --db "$dbP" check
is "$(pgq "SELECT pushed FROM feed WHERE store = '$selfP'")" \
    "$(sqlite3 "$dbP" "SELECT max(rowid) FROM event")" "load: the mark is the store's last event"

# ---- again: nothing changes ------------------------------------------------
s1=$(pgsum)
n1=$(pgq "SELECT (SELECT count(*) FROM event) || ' ' || (SELECT count(*) FROM dossier) || ' ' ||
    (SELECT count(*) FROM dossier_key)")
ev1=$(sqlite3 "$dbP" "SELECT count(*) FROM event")
L "$BUNDLES/A1.motcua" "$BUNDLES/A2.motcua" "$BUNDLES/B.motcua" "$BUNDLES/C.motcua"
is "$rc" 0 "load again: exit 0"
is "$(echo "$out" | grep -c 'nothing new')" 4 "load again: nothing new, each says so"
is "$(pgsum)" "$s1" "load again: the province database is unchanged (checksum of its tables)"
is "$(pgq "SELECT (SELECT count(*) FROM event) || ' ' || (SELECT count(*) FROM dossier) || ' ' ||
    (SELECT count(*) FROM dossier_key)")" "$n1" "load again: the same row counts"
is "$(sqlite3 "$dbP" "SELECT count(*) FROM event")" "$ev1" "load again: the store has no new event"

# ---- refused: forged, untrusted, truncated ------------------------------------
refused_pg() {	# refused_pg DESC REGEX FILE — refused, nothing changed anywhere
	b=$(pgsum) bs=$(dbsum "$dbP")
	L "$3"
	is "$rc" 1 "$1: exit 1"
	like "$err" "$2" "$1: says why"
	is "$(pgsum)" "$b" "$1: the province database unchanged"
	is "$(dbsum "$dbP")" "$bs" "$1: the province store unchanged"
}
# new events at C, so that the forged bundle brings events not yet held
day="2026-11-23"
"$MOTCUA" --db "$T/C.db" --officer lan --password-file "$PWF" receive --address "$ADDR" \
    --procedure "$(echo "$procs" | head -1)" --name "Người Mới" --id 087084012345 \
    --at "$day 08:00" >/dev/null
"$MOTCUA" --db "$T/C.db" --officer truong --password-file "$PWF" export \
    --out "$T/c2.motcua" >/dev/null
cp "$T/c2.motcua" "$T/forged.motcua"
# one byte of the newest event's body: "Mới" becomes "Mơi" (the hash no longer matches)
sqlite3 "$T/forged.motcua" "UPDATE event SET body = replace(body, 'Người Mới', 'Người Mơi')
    WHERE rowid = (SELECT max(rowid) FROM event)"
is "$(sqlite3 "$T/forged.motcua" "SELECT count(*) FROM event WHERE body LIKE '%Người Mơi%'")" 1 \
    "forged: one event's body changed"
refused_pg "a forged bundle" "altered|does not match|forged" "$T/forged.motcua"
# a station the province never trusted
"$MOTCUA" --db "$T/D.db" init --unit-code 000.17.25.H56 --unit-name "UBND xã Lạ" --station 1 \
    --sample-catalog --supervisor truong "Trần Văn Trưởng" --password-file "$PWF" >/dev/null
"$MOTCUA" --db "$T/D.db" --officer truong --password-file "$PWF" receive --address "$ADDR" \
    --procedure "$(echo "$procs" | head -1)" --name "Người Lạ" --id 087084054321 \
    --at "$day 08:30" >/dev/null
"$MOTCUA" --db "$T/D.db" --officer truong --password-file "$PWF" export --out "$T/d.motcua" \
    >/dev/null
refused_pg "an untrusted station's bundle" "does not trust" "$T/d.motcua"
# a bundle signed by an untrusted key that claims to be station C
cp "$T/d.motcua" "$T/claim.motcua"
idC=$(sqlite3 "$T/C.db" "SELECT value FROM meta WHERE key = 'station_id'")
sqlite3 "$T/claim.motcua" "UPDATE bundle SET value = '$idC' WHERE key = 'sender'"
refused_pg "a bundle claiming to be C, signed by another key" "another key|forged|not signed" \
    "$T/claim.motcua"
sz=$(wc -c < "$T/c2.motcua")
head -c $((sz / 2)) "$T/c2.motcua" > "$T/truncated.motcua"
refused_pg "a truncated bundle" "damaged|not a bundle|truncated|cannot" "$T/truncated.motcua"
: > "$T/empty.motcua"
refused_pg "an empty file" "." "$T/empty.motcua"
L "$T/none.motcua"
is "$rc" 1 "a missing file: exit 1"
L "$T/c2.motcua" "$T/forged.motcua"
is "$rc" 1 "a good and a forged file: exit 1"
like "$out" "c2.motcua: [1-9][0-9]* new events" "a good and a forged file: the good one is loaded"
is "$(pgq "SELECT count(*) FROM dossier WHERE unit = '000.17.24.H56'")" \
    "$(sqlite3 "$T/C.db" "SELECT count(*) FROM dossier")" "the good file's dossier is in"

# ---- repair: the store took a bundle the database never got ------------------
"$MOTCUA" --db "$T/B.db" --officer lan --password-file "$PWF" receive --address "$ADDR" \
    --procedure "$(echo "$procs" | head -1)" --name "Người Sau" --id 087084067890 \
    --at "$day 09:00" >/dev/null
"$MOTCUA" --db "$T/B.db" --officer truong --password-file "$PWF" export --out "$T/b2.motcua" \
    >/dev/null
# as if the load stopped between the two commits: the store's import alone
"$MOTCUA" --db "$dbP" --officer truong --password-file "$PWF" import "$T/b2.motcua" >/dev/null
ok "repair: the store takes B's new bundle on its own"
nb=$(pgq "SELECT count(*) FROM dossier WHERE unit = '000.17.23.H56'")
is "$nb" "$(($(sqlite3 "$T/B.db" "SELECT count(*) FROM dossier") - 1))" \
    "repair: the database lacks B's new dossier"
L "$T/b2.motcua"
is "$rc" 0 "repair: loading the same bundle again: exit 0"
is "$(pgq "SELECT count(*) FROM dossier WHERE unit = '000.17.23.H56'")" \
    "$(sqlite3 "$T/B.db" "SELECT count(*) FROM dossier")" "repair: the database has it now"
want_ev=$(bundle_events "$BUNDLES"/*.motcua "$T/c2.motcua" "$T/b2.motcua")
got_ev=$(pgq "SELECT origin || ' ' || seq || ' ' || hash FROM event" | sort)
is "$(echo "$got_ev" | sha256sum)" "$(echo "$want_ev" | sha256sum)" \
    "repair: every event of the bundles loaded, none twice"
s2=$(pgsum)
L "$BUNDLES"
is "$(pgsum)" "$s2" "repair: a further load changes nothing"

# ---- repair: the database refused the copy ---------------------------------
"$MOTCUA" --db "$T/C.db" --officer lan --password-file "$PWF" receive --address "$ADDR" \
    --procedure "$(echo "$procs" | head -1)" --name "Người Cuối" --id 087084011111 \
    --at "$day 10:00" >/dev/null
"$MOTCUA" --db "$T/C.db" --officer truong --password-file "$PWF" export --out "$T/c3.motcua" \
    >/dev/null
s3=$(pgsum)
pgq "ALTER TABLE dossier_key RENAME TO dossier_key_away"
L "$T/c3.motcua"
is "$rc" 1 "the database fails in the copy: exit 1"
like "$err" "in the province store but not yet in the province database.*next load copies it" \
    "the database fails in the copy: says the next load completes it"
pgq "ALTER TABLE dossier_key_away RENAME TO dossier_key"
is "$(pgsum)" "$s3" "the database fails in the copy: nothing of it half written"
L "$BUNDLES/A1.motcua"
is "$rc" 0 "the next load (of a bundle held already): exit 0"
is "$(pgq "SELECT count(*) FROM dossier WHERE unit = '000.17.24.H56'")" \
    "$(sqlite3 "$T/C.db" "SELECT count(*) FROM dossier")" "the next load: C's last dossier is in"
is "$(pgq "SELECT pushed FROM feed WHERE store = '$selfP'")" \
    "$(sqlite3 "$dbP" "SELECT max(rowid) FROM event")" "the next load: the mark is the store's last event"

# ---- the station program does not link libpq -----------------------------
unlike "$(ldd "$MOTCUA_BINARY" 2>/dev/null)" "libpq" "the station program does not link libpq"
done_testing
