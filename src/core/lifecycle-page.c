/* lifecycle-page.c — the due board a page at a time, read from an index
 * in the order it is shown (by appointment), so that a page costs what it
 * shows and not what is stored.  The name search, paged the same way, is
 * lifecycle-names.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/lifecycle.h"
#include "motcua/vocab.h"
#include "lifecycle-int.h"

/* ---- the due board ------------------------------------------------------ */

/* The start of the day after the second working day after as_of: the
 * board looks no further. */
static int
board_end(struct mc_calendar *cal, int as_of)
{
	int d = as_of;

	for (int k = 0; k < 2; k++) {
		int next = calendar_next_working_day(cal, d);
		if (next < 0)
			break;
		d = next;
	}
	return d + 1;
}

/* A row of the due board, in its group, to the caller's visitor. */
struct due_visit {
	int as_of;
	int (*fn)(enum mc_due_group g, const struct mc_found *, void *);
	void *arg;
};

static int
due_visit(const struct mc_found *f, void *arg)
{
	struct due_visit *v = arg;
	struct mc_found row = *f;
	enum mc_due_group g;

	if (f->appointment_jdn == 0)
		return 0;	/* a time that does not read: not on the board */
	row.days = f->appointment_jdn - v->as_of;
	if (vocab_status(f->status) != NULL && vocab_status(f->status)->paused)
		g = MC_DUE_PAUSED;
	else if (f->appointment_jdn < v->as_of)
		g = MC_DUE_OVERDUE;
	else if (f->appointment_jdn == v->as_of)
		g = MC_DUE_TODAY;
	else
		g = MC_DUE_SOON;
	return v->fn(g, &row, v->arg);
}

/* The paused status as a SQL literal, as the partial index dossier_paused
 * (schema/024_indexes.sql) names it: a partial index serves a query only
 * when the query's WHERE has the same literal. */
static char *
paused_sql(char *buf, size_t n)
{
	snprintf(buf, n, "'%s'", vocab_status_paused()->name);
	return buf;
}

/* A page of one part of the board, from where pg stands in it: 0 the
 * open dossiers on the clock whose appointment is before `end` (the
 * partial index dossier_board holds exactly them, in that order, with
 * their status for the counts), 1 the paused (the partial index
 * dossier_paused, in the order of their appointment).  At most cap rows
 * go to v (one more only sets pg->more); *given counts them.  Returns 0,
 * 1 when v stopped, or -1. */
static int
due_part(sqlite3 *db, const char *end, struct mc_page *pg, size_t cap,
    struct due_visit *v, size_t *given, struct mc_err *err)
{
	char which[256];
	bool from = pg->key[0] != '\0';
	sqlite3_stmt *st;
	int rc, stop = 0;

	/* the statuses are in the SQL text, as each part's partial index
	 * names them, or SQLite would not use the index: the running open
	 * statuses, or the paused one */
	if (pg->group == 0)
		vocab_status_sql(MC_PHASE_OPEN, true, which, sizeof which);
	else
		paused_sql(which, sizeof which);
	/* ?1 is the first part's end; ?3 and ?5 where the page starts, ?4 the
	 * rows to read */
	if (db_preparef(db, &st, err, "SELECT " FOUND_COLUMNS ", d.rowid, d.appointment "
	    "FROM dossier d INDEXED BY %s WHERE %s%s%s ORDER BY d.appointment, d.status, "
	    "d.rowid LIMIT ?4", pg->group == 0 ? "dossier_board" : "dossier_paused",
	    pg->group == 0 ? "d.appointment < ?1 AND d.status IN " : "d.status = ", which,
	    from ? " AND d.appointment >= ?3 AND (d.appointment > ?3 OR d.status > ?6 "
	    "OR (d.status = ?6 AND d.rowid > ?5))" : "") != 0)
		return -1;
	sqlite3_bind_text(st, 1, end, -1, SQLITE_STATIC);
	if (from) {
		sqlite3_bind_text(st, 3, pg->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, pg->row);
		sqlite3_bind_text(st, 6, pg->status, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 4, cap == (size_t)-1 ? -1 : (long long)cap + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_found f;

		if (*given == cap) {
			pg->more = true;
			break;
		}
		lifecycle_found_row(st, &f);
		(*given)++;
		pg->row = sqlite3_column_int64(st, 8);
		snprintf(pg->key, sizeof pg->key, "%s", sqlite3_column_text(st, 9) != NULL ?
		    (const char *)sqlite3_column_text(st, 9) : "");
		snprintf(pg->status, sizeof pg->status, "%s", f.status);
		if ((stop = due_visit(&f, v)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the due board"));
	return stop != 0;
}

int
lifecycle_due_page(sqlite3 *db, struct mc_calendar *cal, int as_of,
    struct mc_page *pg, int (*fn)(enum mc_due_group g, const struct mc_found *, void *),
    void *arg, struct mc_err *err)
{
	struct due_visit v = { as_of, fn, arg };
	char end[MC_DATE_LEN];
	size_t cap = pg->limit > 0 ? pg->limit : (size_t)-1;

	date_format(board_end(cal, as_of), end);
	pg->more = false;
	for (;;) {
		size_t given = 0;
		int rc = due_part(db, end, pg, cap, &v, &given, err);

		if (rc != 0 || pg->more)
			return rc < 0 ? -1 : 0;
		if (cap != (size_t)-1)
			cap -= given;
		if (pg->group == 1)
			return 0;
		/* the open part is done: the paused follow (with no room
		 * left, only to tell whether there are any) */
		pg->group = 1;
		pg->key[0] = '\0';
		pg->row = 0;
	}
}

int
lifecycle_due_groups(sqlite3 *db, struct mc_calendar *cal, int as_of, int count[4],
    struct mc_err *err)
{
	char day[MC_DATE_LEN], next[MC_DATE_LEN], end[MC_DATE_LEN], running[256];
	char paused[64];
	sqlite3_stmt *st;
	int rc;

	date_format(as_of, day);
	date_format(as_of + 1, next);
	date_format(board_end(cal, as_of), end);
	/* the rows of the board's first part, counted in its index, and the
	 * paused in theirs (the entries only: no row is read) */
	if (db_preparef(db, &st, err, "SELECT coalesce(sum(appointment < ?1), 0), "
	    "coalesce(sum(appointment >= ?1 AND appointment < ?2), 0), "
	    "coalesce(sum(appointment >= ?2), 0), (SELECT count(*) FROM dossier "
	    "INDEXED BY dossier_paused WHERE status = %s) FROM dossier INDEXED BY "
	    "dossier_board WHERE status IN %s AND appointment < ?3",
	    paused_sql(paused, sizeof paused),
	    vocab_status_sql(MC_PHASE_OPEN, true, running, sizeof running)) != 0)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, next, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < 4; i++)
			count[i] = sqlite3_column_int(st, i);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("counting the dossiers due"));
	return 0;
}
