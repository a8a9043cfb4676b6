# pg.sh — a throwaway PostgreSQL cluster for the province tests (sourced
# after tests/cli/lib.sh).  pg_start makes one in a temporary folder of
# its own — initdb -A trust -U motcua, pg_ctl on a Unix socket in that
# folder, no TCP — and sets $PG (the connection string motcua takes) and
# $PSQL (psql on it); the trap stops it and removes the folder.  initdb
# refuses to run as root: as root the cluster belongs to an unprivileged
# user (nobody), the folder chowned to it.  Without PostgreSQL the test
# is skipped with "1..0 # SKIP PostgreSQL not installed".

# where initdb is: $PG_BINDIR (configure found it), PATH, Debian's folders
pg_find() {
	for _d in ${PG_BINDIR:-} $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)") \
	    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
		if [ -x "$_d/initdb" ] && [ -x "$_d/pg_ctl" ]; then
			PGBIN=$_d
			return 0
		fi
	done
	return 1
}

# as_pg CMD... — CMD as the cluster's owner
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u "$PG_OWNER" -- "$@"
	else
		"$@"
	fi
}

pg_stop() {
	if [ -n "${PGT:-}" ] && [ -f "$PGT/data/postmaster.pid" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -m immediate -w stop >/dev/null 2>&1
	fi
	[ -n "${PGT:-}" ] && rm -rf "$PGT"
}

pg_start() {
	if ! pg_find; then
		echo "1..0 # SKIP PostgreSQL not installed (no initdb found)"
		exit 0
	fi
	# a folder of its own: lib.sh's $T is root's alone (mode 0700)
	PGT=$(mktemp -d "${TMPDIR:-/tmp}/motcua-pg.XXXXXX")
	trap 'pg_stop; rm -rf "$T"' EXIT INT TERM
	PG_OWNER=
	if [ "$(id -u)" -eq 0 ]; then
		PG_OWNER=nobody
		chown "$PG_OWNER" "$PGT"
	fi
	chmod 755 "$PGT"
	if ! as_pg "$PGBIN/initdb" -D "$PGT/data" -A trust -U motcua -E UTF8 --locale=C.UTF-8 \
	    >"$PGT/initdb.log" 2>&1; then
		sed 's/^/# initdb: /' "$PGT/initdb.log"
		echo "Bail out! initdb failed"
		exit 1
	fi
	if ! as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/server.log" -w -t 60 \
	    -o "-k $PGT -c listen_addresses='' -c fsync=off" start >/dev/null 2>&1; then
		sed 's/^/# server: /' "$PGT/server.log"
		echo "Bail out! the PostgreSQL server did not start"
		exit 1
	fi
	PG="host=$PGT user=motcua dbname=postgres"
	PSQL="$PGBIN/psql"
	[ -x "$PSQL" ] || PSQL=psql
	export PG PGT PGBIN
}

# pgq SQL — one query's rows, unaligned, '|' between columns
pgq() {
	"$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$PG" -c "$1"
}

# pgsum — a digest of every row of every table of the province database:
# "did it change?" (the load times of the feed table left out)
pgsum() {
	for _t in commune station event dossier dossier_key schema_version; do
		echo "== $_t"
		pgq "SELECT * FROM $_t ORDER BY 1, 2, 3" 2>&1
	done | sha256sum | cut -d' ' -f1
	pgq "SELECT store, pushed FROM feed ORDER BY 1" | sha256sum | cut -d' ' -f1
}
