/* sync-project.c — after a bundle's events are in (sync-import.c), each
 * dossier they touch projected once, in the import's transaction: its
 * files' rows (attach_project_dossier), then its row from its events
 * (dossier_project, whose report counts read the files), and a code that
 * another dossier here already holds named plainly. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>

#include "motcua/attach.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "sync-int.h"

/* Re-project the dossiers that got new events (rowid > base), each once,
 * in the order of its first new event, once all the events are in: a
 * dossier is projected at its first new event (none of its new events
 * before it), so no list of them is kept, and its row is then still as
 * it was before the import (existed). */
int
sync_project_touched(sqlite3 *db, const char *path, long long base, struct sync_report *r,
    struct mc_err *err)
{
	sqlite3_stmt *st, *first;
	int rc;

	/* an audit event (dossier '') touches no dossier */
	if (db_cached(db, "SELECT dossier, rowid FROM event WHERE rowid > ?1 AND dossier <> '' "
	    "ORDER BY rowid", &st, err))
		return -1;
	if (db_cached(db, "SELECT NOT EXISTS (SELECT 1 FROM event WHERE dossier = ?1 AND "
	    "rowid > ?2 AND rowid < ?3), EXISTS (SELECT 1 FROM dossier WHERE id = ?1)", &first,
	    err)) {
		db_release(db, st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, base);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		sqlite3_stmt *q;
		bool now, existed;

		sqlite3_reset(first);
		sqlite3_bind_text(first, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(first, 2, base);
		sqlite3_bind_int64(first, 3, sqlite3_column_int64(st, 1));
		if (sqlite3_step(first) != SQLITE_ROW) {
			rc = SQLITE_ERROR;
			break;
		}
		existed = sqlite3_column_int(first, 1) == 1;
		if (sqlite3_column_int(first, 0) != 1)
			continue;	/* projected at its first new event */

		/* two stations with the same number hand out the same codes: say
		 * so plainly rather than let the code's uniqueness fail */
		if (db_cached(db, "SELECT d.code FROM event e JOIN dossier d ON d.code = "
		    "json_extract(e.body, '$.code') WHERE e.dossier = ?1 AND e.kind = 'receive' "
		    "AND d.id <> ?1", &q, err))
			goto fail;
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW) {
			err_set(err, MC_ECONFLICT, _("%s was not imported: it has another dossier "
			    "with the code %s held here: two stations of the unit use the same "
			    "station number; give one of them a new number with 'motcua init "
			    "--from-copy'; nothing was changed"), path, sqlite3_column_text(q, 0));
			db_release(db, q);
			goto fail;
		}
		db_release(db, q);
		/* its files first: the row's report counts include them */
		if (attach_project_dossier(db, id, err) != 0 ||
		    dossier_project(db, id, err) != 0) {
			/* a conflict the file brings (logbook.h): name the file */
			if (err->kind == MC_ECONFLICT) {
				char why[sizeof err->msg];

				snprintf(why, sizeof why, "%s", err->msg);
				err_set(err, MC_ECONFLICT, _("%s was not imported: %s; nothing was "
				    "changed"), path, why);
			}
			goto fail;
		}
		if (db_cached(db, "SELECT 1 FROM dossier WHERE id = ?1", &q, err))
			goto fail;
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		now = sqlite3_step(q) == SQLITE_ROW;
		db_release(db, q);
		if (now) {
			r->dossiers_touched++;
			if (!existed)
				r->dossiers_new++;
		}
	}
	db_release(db, first);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("updating the dossiers"));
	return 0;
fail:
	db_release(db, first);
	db_release(db, st);
	return -1;
}
