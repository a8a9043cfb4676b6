/* catalog-use.c — how many dossiers each station received of each
 * procedure (table procedure_use, 016_picker.sql), kept by the projection
 * so that the picker orders by use without counting dossiers, and the
 * picker's index kept for a session and read again only when the catalog
 * or a count changed (picker_version, bumped by triggers). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "catalog-int.h"
#include "motcua/catalog.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"

int
catalog_uses_count(sqlite3 *db, const char *station, const char *code, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "INSERT INTO procedure_use(station, procedure_code, uses) "
	    "VALUES (?1, ?2, 1) ON CONFLICT (station, procedure_code) DO UPDATE SET "
	    "uses = uses + 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("counting the procedure's dossiers"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
catalog_uses_project(sqlite3 *db, const char *id, bool existed, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* A dossier's station and procedure come from its receive event,
	 * which never changes: only the projection that makes the row for
	 * the first time (no row before it) counts it.  A rebuild empties
	 * the table with the dossiers (catalog_uses_reset). */
	if (existed)
		return 0;
	if (db_cached(db, "INSERT INTO procedure_use(station, procedure_code, uses) "
	    "SELECT station, procedure_code, 1 FROM dossier WHERE id = ?1 "
	    "ON CONFLICT (station, procedure_code) DO UPDATE SET uses = uses + 1",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("counting the procedure's dossiers"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
catalog_uses_reset(sqlite3 *db, struct mc_err *err)
{
	return db_exec(db, "DELETE FROM main.procedure_use", err);
}

int
catalog_uses_recount(sqlite3 *db, struct mc_err *err)
{
	return db_exec(db, "DELETE FROM main.procedure_use; "
	    "INSERT INTO main.procedure_use(station, procedure_code, uses) "
	    "SELECT station, procedure_code, count(*) FROM main.dossier "
	    "GROUP BY station, procedure_code", err);
}

/* The (station, procedure) pairs whose count in main differs from the one
 * projected into temp (check_dossiers shadows the table), missing on
 * either side counted as 0. */
int
catalog_uses_differ(sqlite3 *db, int (*fn)(const char *station, const char *code,
    long long held, long long counted, void *), void *arg, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (db_prepare(db, "WITH k(station, code) AS (SELECT station, procedure_code FROM "
	    "main.procedure_use UNION SELECT station, procedure_code FROM temp.procedure_use) "
	    "SELECT k.station, k.code, coalesce(m.uses, 0), coalesce(t.uses, 0) FROM k "
	    "LEFT JOIN main.procedure_use m ON m.station = k.station AND "
	    "m.procedure_code = k.code LEFT JOIN temp.procedure_use t ON "
	    "t.station = k.station AND t.procedure_code = k.code "
	    "WHERE coalesce(m.uses, 0) <> coalesce(t.uses, 0) ORDER BY k.code, k.station",
	    &st, err))
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), sqlite3_column_int64(st, 2),
		    sqlite3_column_int64(st, 3), arg);
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE)
		return db_fail(db, err, _("comparing the use counts"));
	return stop;
}

/* What the index was loaded from: the counter and the day (a procedure
 * comes into force or is abolished at midnight). */
static int
picker_key(sqlite3 *db, long long *version, char day[MC_DATE_LEN])
{
	struct mc_time now;

	date_now(&now);
	date_format(now.jdn, day);
	*version = db_int(db, "SELECT n FROM picker_version WHERE id = 1", -1);
	return *version < 0 ? -1 : 0;
}

const struct catalog_index *
catalog_picker_get(sqlite3 *db, struct catalog_picker *p, struct mc_err *err)
{
	char day[MC_DATE_LEN];
	long long version;

	if (picker_key(db, &version, day) != 0) {
		db_fail(db, err, _("reading the catalog"));
		return NULL;
	}
	if (p->loaded && p->version == version && strcmp(p->day, day) == 0)
		return &p->idx;
	catalog_picker_free(p);
	if (catalog_index_load(db, &p->idx, err) != 0)
		return NULL;
	p->loaded = true;
	p->version = version;
	snprintf(p->day, sizeof p->day, "%s", day);
	return &p->idx;
}

void
catalog_picker_free(struct catalog_picker *p)
{
	if (p->loaded)
		catalog_index_free(&p->idx);
	p->loaded = false;
}
