/* check.c — the read-only checks of `motcua check` (check.h). */
#include "config.h"

#include <string.h>

#include "motcua/check.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"

long long
check_integrity(sqlite3 *db, int (*fn)(const char *problem, void *), void *arg,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	long long problems = 0;
	int rc;

	if (db_prepare(db, "PRAGMA integrity_check", &st, err))
		return -1;
	/* one row "ok" when sound, else one row per problem */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		if (r == NULL || strcmp(r, "ok") == 0)
			continue;
		problems++;
		if (fn != NULL && fn(r, arg) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("the integrity check"));
	return problems;
}

int
check_events(sqlite3 *db, long long *total, long long *bad, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((*bad = event_verify(db, err)) < 0)
		return -1;
	if (db_prepare(db, "SELECT count(*) FROM event", &st, err))
		return -1;
	rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("counting the events"));
	return 0;
}
