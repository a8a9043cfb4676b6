/* province.c — loading bundles into the province database: each one
 * taken into the province store by sync_import (the station's checks,
 * all of them), then what the database lacks of the store copied in one
 * PostgreSQL transaction (province.h).
 *
 * The copy (province_push) reads the store's events after the mark the
 * database keeps for this store (table feed: an event rowid), sends them
 * with COPY into a temporary table and inserts the ones it lacks; the
 * dossiers those events touch go the same way with their report counts,
 * replacing what it held of them.  Everything is keyed (events by origin
 * and number, dossiers by id), so a copy that is repeated changes
 * nothing. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/province.h"
#include "motcua/report.h"
#include "province-int.h"

/* the buffer sent to COPY once it holds this much */
#define COPY_CHUNK (1 << 20)

/* The store's station id: its own events (the import's audit) stay in
 * the store, the communes' go on. */
static int
store_id(sqlite3 *db, char id[64], struct mc_err *err)
{
	if (db_meta_get(db, "station_id", id, 64) != 0)
		return err_set(err, MC_ENOTFOUND, _("the province store is not set up yet: run "
		    "'motcua init' for it first"));
	return 0;
}

/* Send what the buffer holds to the COPY under way. */
static int
flush(struct province *p, struct pv_buf *b, struct mc_err *err)
{
	if (b->nomem)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (b->len > 0 && p->pg->copy_put(p->c, b->p, b->len, err))
		return -1;
	b->len = 0;
	return 0;
}

/* Run the store's query st (bound by the caller) and COPY each row's
 * columns into `table` of the database ("COPY table FROM STDIN"), *n
 * rows; the rows' columns in the table's order. */
static int
copy_rows(struct province *p, sqlite3 *db, sqlite3_stmt *st, const char *table,
    long long *n, struct mc_err *err)
{
	struct pv_buf b = {NULL, 0, 0, 0};
	char sql[128];
	int rc, cols = sqlite3_column_count(st), out = 0;

	*n = 0;
	snprintf(sql, sizeof sql, "COPY %s FROM STDIN", table);
	if (p->pg->copy_begin(p->c, sql, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < cols; i++)
			pv_buf_field(&b, (const char *)sqlite3_column_text(st, i),
			    i + 1 < cols ? '\t' : '\n');
		(*n)++;
		if (b.len >= COPY_CHUNK && (out = flush(p, &b, err)) != 0)
			break;
	}
	if (out == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		out = db_fail(db, err, _("reading the province store"));
	if (out == 0)
		out = flush(p, &b, err);
	pv_buf_free(&b);
	/* the copy ends either way: the connection must leave COPY mode (an
	 * error then aborts the transaction, which the caller rolls back) */
	{
		struct mc_err e2;

		if (p->pg->copy_end(p->c, out == 0 ? err : &e2) != 0 && out == 0)
			out = -1;
	}
	return out;
}

/* The rows of one query on the store into `table` (copy_rows): ?1 is the
 * mark (the store's last event already copied), ?2 this store's own
 * station, each bound where the query has it. */
static int
copy_query(struct province *p, sqlite3 *db, const char *sql, long long mark,
    const char *self, const char *table, long long *n, struct mc_err *err)
{
	sqlite3_stmt *st;
	int np, rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	np = sqlite3_bind_parameter_count(st);
	if ((np >= 1 && sqlite3_bind_int64(st, 1, mark) != SQLITE_OK) ||
	    (np >= 2 && sqlite3_bind_text(st, 2, self, -1, SQLITE_STATIC) != SQLITE_OK)) {
		sqlite3_finalize(st);
		return db_fail(db, err, _("reading the province store"));
	}
	rc = copy_rows(p, db, st, table, n, err);
	sqlite3_finalize(st);
	return rc;
}

/* The report counts of one dossier, as report_agg_apply makes them, into
 * the buffer as dossier_key rows: counted into the temporary tables that
 * hide the store's own (see keys_begin), emptied for each dossier. */
static int
keys_of(sqlite3 *db, const char *id, struct pv_buf *b, long long *n, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_exec(db, "DELETE FROM temp.report_agg; DELETE FROM temp.report_agg_event", err) ||
	    report_agg_apply(db, id, 1, err))
		return -1;
	if (db_cached(db, "SELECT what, day, field, body, sub, n FROM temp.report_agg", &st,
	    err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pv_buf_field(b, id, '\t');
		for (int i = 0; i < 6; i++)
			pv_buf_field(b, (const char *)sqlite3_column_text(st, i), i < 5 ? '\t' : '\n');
		(*n)++;
	}
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the province store"));
	return 0;
}

/* Temporary tables shaped as report_agg and report_agg_event (as
 * report_agg_check makes them), inside a savepoint the caller rolls back:
 * the store itself is never changed by the counting. */
static int
keys_begin(sqlite3 *db, struct mc_err *err)
{
	if (db_exec(db, "SAVEPOINT province_keys", err))
		return -1;
	if (db_exec(db, "CREATE TEMP TABLE report_agg (what TEXT NOT NULL, day TEXT NOT "
	    "NULL, field TEXT NOT NULL, body TEXT NOT NULL, sub TEXT NOT NULL, n INTEGER "
	    "NOT NULL, PRIMARY KEY (what, day, field, body, sub)) WITHOUT ROWID; "
	    "CREATE TEMP TABLE report_agg_event (dossier TEXT NOT NULL, what TEXT NOT NULL, "
	    "day TEXT NOT NULL, field TEXT NOT NULL, body TEXT NOT NULL, sub TEXT NOT NULL, "
	    "n INTEGER NOT NULL, PRIMARY KEY (dossier, what, day, field, body, sub)) "
	    "WITHOUT ROWID", err)) {
		(void)db_exec(db, "ROLLBACK TO province_keys; RELEASE province_keys", NULL);
		return -1;
	}
	return 0;
}

static void
keys_end(sqlite3 *db)
{
	(void)db_exec(db, "ROLLBACK TO province_keys; RELEASE province_keys", NULL);
}

/* The touched dossiers' counts into dossier_key_in. */
static int
copy_keys(struct province *p, sqlite3 *db, long long mark, struct mc_err *err)
{
	struct pv_buf b = {NULL, 0, 0, 0};
	sqlite3_stmt *st;
	long long n = 0;
	int rc, out = 0;

	if (db_prepare(db, "SELECT DISTINCT e.dossier FROM event e JOIN dossier d ON d.id = "
	    "e.dossier WHERE e.rowid > ?1 AND e.dossier <> '' ORDER BY 1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, mark);
	if (p->pg->copy_begin(p->c, "COPY dossier_key_in FROM STDIN", err)) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char id[64];

		snprintf(id, sizeof id, "%s", sqlite3_column_text(st, 0));
		if ((out = keys_of(db, id, &b, &n, err)) != 0)
			break;
		if (b.len >= COPY_CHUNK && (out = flush(p, &b, err)) != 0)
			break;
	}
	if (out == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		out = db_fail(db, err, _("reading the province store"));
	sqlite3_finalize(st);
	if (out == 0)
		out = flush(p, &b, err);
	pv_buf_free(&b);
	{
		struct mc_err e2;

		if (p->pg->copy_end(p->c, out == 0 ? err : &e2) != 0 && out == 0)
			out = -1;
	}
	return out;
}

/* The statements of a push, in the database, in its transaction. */
static const char *const stage_sql =
	"CREATE TEMP TABLE IF NOT EXISTS event_in (LIKE event) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS station_in (id text COLLATE \"C\", unit text "
	"COLLATE \"C\", number integer) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS name_in (origin text COLLATE \"C\", at text "
	"COLLATE \"C\", name text) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dossier_in (LIKE dossier) ON COMMIT DELETE ROWS;"
	"CREATE TEMP TABLE IF NOT EXISTS dossier_key_in (LIKE dossier_key) ON COMMIT "
	"DELETE ROWS";

static const char *const merge_sql[] = {
	/* the stations and their communes */
	"INSERT INTO commune(unit) SELECT DISTINCT unit FROM station_in UNION "
	"SELECT DISTINCT unit FROM dossier_in ON CONFLICT DO NOTHING",
	"INSERT INTO station(id, unit, number) SELECT id, unit, number FROM station_in "
	"ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, number = excluded.number "
	"WHERE (station.unit, station.number) IS DISTINCT FROM (excluded.unit, "
	"excluded.number)",
	/* a commune's name: its stations' latest "unit" event */
	"UPDATE commune c SET name = n.name, named = n.at FROM (SELECT DISTINCT ON (s.unit) "
	"s.unit, i.at, i.name FROM name_in i JOIN station s ON s.id = i.origin WHERE i.name "
	"IS NOT NULL ORDER BY s.unit, i.at DESC) n WHERE c.unit = n.unit AND (c.named IS "
	"NULL OR c.named < n.at)",
	/* the dossiers: replaced, their counts with them */
	"DELETE FROM dossier_key WHERE dossier IN (SELECT id FROM dossier_in)",
	"INSERT INTO dossier SELECT * FROM dossier_in ON CONFLICT (id) DO UPDATE SET "
	"unit = excluded.unit, station = excluded.station, code = excluded.code, "
	"procedure_code = excluded.procedure_code, procedure_name = excluded.procedure_name, "
	"field = excluded.field, decided_by = excluded.decided_by, channel = "
	"excluded.channel, received = excluded.received, due = excluded.due, appointment = "
	"excluded.appointment, status = excluded.status, result_at = excluded.result_at, "
	"closed_at = excluded.closed_at, returned_at = excluded.returned_at, rating = "
	"excluded.rating, updated = excluded.updated",
	"INSERT INTO dossier_key SELECT * FROM dossier_key_in",
};

int
province_push(struct province *p, sqlite3 *db, struct province_load *r,
    struct mc_err *err)
{
	char self[64], mark_s[24];
	const char *vals[2];
	long long mark, top, n;
	bool keys = false;

	r->events = r->dossiers = 0;
	r->communes = 0;
	err->msg[0] = '\0';
	if (store_id(db, self, err) || province_ready(p, err))
		return -1;
	if (pv_do(p, "BEGIN", 0, NULL, err))
		return -1;
	vals[0] = self;
	/* this store's mark, locked: two loads from one store take turns */
	if (pv_do(p, "INSERT INTO feed(store) VALUES ($1) ON CONFLICT DO NOTHING", 1, vals,
	    err) ||
	    (mark = pv_int(p, "SELECT pushed FROM feed WHERE store = $1 FOR UPDATE", 1, vals,
	    -1, err)) < 0)
		goto fail;
	top = db_int(db, "SELECT coalesce(max(rowid), 0) FROM event", -1);
	if (top < 0) {
		db_fail(db, err, _("reading the province store"));
		goto fail;
	}
	if (top <= mark)
		return pv_do(p, "COMMIT", 0, NULL, err);
	if (p->pg->script(p->c, stage_sql, err) != 0)
		goto fail;
	/* the stations trusted by the store: the communes' (unit codes) */
	if (copy_query(p, db, "SELECT station, unit, number FROM trust WHERE station <> ?2",
	    mark, self, "station_in", &n, err) ||
	    /* the commune names the new events brought */
	    copy_query(p, db, "SELECT origin, at, json_extract(body, '$.name') FROM event "
	    "WHERE rowid > ?1 AND origin <> ?2 AND dossier = '' AND kind = 'unit'", mark,
	    self, "name_in", &n, err) ||
	    /* the new events, the communes' only */
	    copy_query(p, db, "SELECT origin, seq, at, officer, dossier, kind, body, prev, "
	    "hash, sig FROM event WHERE rowid > ?1 AND origin <> ?2 ORDER BY rowid", mark,
	    self, "event_in", &n, err) ||
	    /* the dossiers they touch, as projected now, each with its commune */
	    copy_query(p, db, "SELECT d.id, coalesce((SELECT t.unit FROM trust t WHERE "
	    "t.station = d.station), (SELECT s.unit FROM station s WHERE s.id = d.station), "
	    "''), d.station, d.code, d.procedure_code, d.procedure_name, d.field, "
	    "d.decided_by, d.channel, d.received, d.due, d.appointment, d.status, "
	    "d.result_at, d.closed_at, d.returned_at, d.rating, d.updated FROM dossier d "
	    "WHERE d.id IN (SELECT dossier FROM event WHERE rowid > ?1 AND dossier <> '') "
	    "ORDER BY d.id", mark, self, "dossier_in", &r->dossiers, err))
		goto fail;
	if (keys_begin(db, err))
		goto fail;
	keys = true;
	if (copy_keys(p, db, mark, err))
		goto fail;
	keys_end(db);
	keys = false;
	/* the events it lacks (origin and number: one event, verified) */
	if ((r->events = pv_int(p, "WITH ins AS (INSERT INTO event SELECT * FROM event_in "
	    "ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM ins", 0, NULL, -1,
	    err)) < 0)
		goto fail;
	for (size_t i = 0; i < sizeof merge_sql / sizeof merge_sql[0]; i++)
		if (pv_do(p, merge_sql[i], 0, NULL, err))
			goto fail;
	if (pv_do(p, "UPDATE station s SET events = (SELECT count(*) FROM event e WHERE "
	    "e.origin = s.id) WHERE s.id IN (SELECT DISTINCT origin FROM event_in)", 0, NULL,
	    err))
		goto fail;
	r->communes = (int)pv_int(p, "SELECT count(DISTINCT unit) FROM dossier_in", 0, NULL,
	    0, err);
	snprintf(mark_s, sizeof mark_s, "%lld", top);
	vals[1] = mark_s;
	if (pv_do(p, "UPDATE feed SET pushed = $2, loaded = now() WHERE store = $1", 2, vals,
	    err))
		goto fail;
	return pv_do(p, "COMMIT", 0, NULL, err);
fail:
	if (keys)
		keys_end(db);
	{
		struct mc_err e2;

		(void)pv_do(p, "ROLLBACK", 0, NULL, &e2);
	}
	return -1;
}

/* One file: into the store, then into the database. */
static int
load_file(struct province *p, sqlite3 *db, const char *acting, const char *path,
    int (*fn)(const char *, const struct province_load *, const struct mc_err *, void *),
    void *arg, int *failed)
{
	struct province_load r;
	struct mc_err e;

	memset(&r, 0, sizeof r);
	if (sync_import(db, acting, path, false, &r.sync, NULL, NULL, &e) != 0) {
		(*failed)++;
		return fn != NULL ? fn(path, NULL, &e, arg) : 0;
	}
	if (province_push(p, db, &r, &e) != 0) {
		char why[sizeof e.msg];

		/* the store has it: the next load copies what is missing */
		snprintf(why, sizeof why, "%s", e.msg);
		err_set(&e, e.kind, _("%s is in the province store but not yet in the province "
		    "database (%s); the next load copies it"), path, why);
		(*failed)++;
		return fn != NULL ? fn(path, NULL, &e, arg) : 0;
	}
	return fn != NULL ? fn(path, &r, NULL, arg) : 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.motcua files of a directory, in name order (malloc'd, each too). */
static int
dir_files(const char *dir, char ***out, size_t *n, struct mc_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return err_set(err, MC_EIO, _("cannot read the folder %s"), dir);
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char **nv;

		if (len <= 7 || strcmp(de->d_name + len - 7, ".motcua") != 0)
			continue;
		if ((nv = realloc(v, (*n + 1) * sizeof *v)) == NULL ||
		    (nv[*n] = malloc(strlen(dir) + len + 2)) == NULL) {
			if (nv != NULL)
				v = nv;
			closedir(d);
			for (size_t i = 0; i < *n; i++)
				free(v[i]);
			free(v);
			*n = 0;
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
		v = nv;
		snprintf(v[*n], strlen(dir) + len + 2, "%s/%s", dir, de->d_name);
		(*n)++;
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_name);
	*out = v;
	return 0;
}

int
province_load(struct province *p, sqlite3 *db, const char *acting, const char *path,
    int (*fn)(const char *file, const struct province_load *r, const struct mc_err *err,
    void *arg), void *arg, struct mc_err *err)
{
	struct stat sb;
	char **files;
	size_t n;
	int failed = 0, stop = 0;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		stop = load_file(p, db, acting, path, fn, arg, &failed);
		return failed > 0 ? err_set(err, MC_EINVAL, _("%s was not loaded"), path) : 0;
	}
	if (dir_files(path, &files, &n, err))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (stop == 0)
			stop = load_file(p, db, acting, files[i], fn, arg, &failed);
		free(files[i]);
	}
	free(files);
	if (n == 0)
		return err_set(err, MC_ENOTFOUND, _("the folder %s holds no bundle (*.motcua)"),
		    path);
	return failed > 0 ? err_set(err, MC_EINVAL, _("%d of the %zu bundles in %s were not "
	    "loaded"), failed, n, path) : 0;
}
