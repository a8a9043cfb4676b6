/* report-digit.c — when a dossier's documents and its result count as
 * digitised (report.h's digitised and results_digitised): the days
 * report-agg.c keys the digitisation counts by, read from the dossier's
 * files (dossier_file, attach.h) and the document list its receipt
 * recorded (dossier.documents: {"position", "name", …, "required"}); and
 * the refresh of a dossier's counts when its files change. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/report.h"
#include "report-int.h"

/* The documents are numbered as attach numbers them: their place in the
 * recorded list, 1 for the first (json_each's key + 1).  A required
 * document is digitised from the day of its first file that is not the
 * result; the dossier when the last of them is (max of the firsts; NULL
 * while one has none).  A list without a required document: from its
 * first file that is not the result.  The result from its first result
 * file.  A file's day is its event's local day (the first 10 characters
 * of its ISO time, as every other day of the counts). */
#define DIGIT_SQL \
	"SELECT (SELECT CASE WHEN count(*) = 0 THEN (SELECT min(substr(f.at, 1, 10)) " \
	"FROM dossier_file f WHERE f.dossier = ?1 AND f.result = 0) " \
	"WHEN count(*) = count(q.first) THEN max(q.first) END " \
	"FROM (SELECT (SELECT min(substr(f.at, 1, 10)) FROM dossier_file f " \
	"WHERE f.dossier = ?1 AND f.result = 0 AND f.document = j.key + 1) AS first " \
	"FROM dossier d, json_each(d.documents) j WHERE d.id = ?1 AND " \
	"json_extract(j.value, '$.required')) q), " \
	"(SELECT min(substr(f.at, 1, 10)) FROM dossier_file f WHERE f.dossier = ?1 " \
	"AND f.result = 1)"

int
report_digit_days(sqlite3 *db, const char *id, char docs[11], char result[11],
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	docs[0] = result[0] = '\0';
	if (db_cached(db, DIGIT_SQL, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *d = sqlite3_column_text(st, 0);
		const unsigned char *r = sqlite3_column_text(st, 1);

		snprintf(docs, 11, "%s", d != NULL ? (const char *)d : "");
		snprintf(result, 11, "%s", r != NULL ? (const char *)r : "");
	} else {
		db_fail_rc(db, rc, err, _("counting the dossiers for the reports"));
	}
	db_release(db, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
report_agg_refresh(sqlite3 *db, const char *id, struct mc_err *err)
{
	/* the row has not changed: its part goes out and comes back the
	 * same; the events' part (the files' days among it) is recounted */
	return report_agg_apply(db, id, -1, err) || report_agg_apply(db, id, 1, err) ?
	    -1 : 0;
}

int
report_agg_refresh_files(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT DISTINCT dossier FROM dossier_file ORDER BY dossier", &st,
	    err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (report_agg_refresh(db, (const char *)sqlite3_column_text(st, 0), err)) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}
