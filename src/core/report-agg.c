/* report-agg.c — the counts the summaries, the header and F6's chart read
 * instead of the dossiers: table report_agg (schema/018_report_agg.sql),
 * kept by the projection in the same transaction (report_agg_apply),
 * filled for a database from before it, and checked against the dossiers.
 *
 * Each dossier row adds 1 to a few (what, day, field, body, sub) keys.
 * A figure of a period [S, E) (days; E the day after it) is read from
 * them in one of two ways:
 *   a flow (received, resolved, withdrawn, …): the keys of days S ≤ day < E;
 *   a stock, what holds at a moment (carried over at S, in progress at E):
 *   a dossier that is so from the day after `a` to the day `b` (a < X ≤ b)
 *   adds 1 at b under one name and 1 at a under another, and the figure
 *   at X is the difference of their sums over the days ≥ X — never a day
 *   before the period, a handful of rows per day after it.
 * `sub` holds what a figure needs beyond its day (report_agg_figures says
 * which): normally '' (flows) or AGG_INF (stocks), so nearly every day and
 * field has one key per name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/report.h"
#include "motcua/vocab.h"
#include "report-int.h"

/* the day after every day: a stock that has not ended */
#define AGG_INF "9999-12-31"

/* What one dossier row adds, as rows (what, day, field, body, sub), by
 * report.h's definitions (share_from):
 *   rd, xd, cd, dd  the days of receipt, result, closing, due
 *   m   while it can be carried over: to the day of its result or closing
 *       (the later), for ever while open
 *   p   while it is in progress: to the day of its result, or of its
 *       withdrawal or stop
 *   ps  the stocks' sub: AGG_INF, or when the row could drop out of the
 *       period's dossiers before p (no result, not open: a dossier
 *       counted neither as carried over nor as new is in progress
 *       nowhere), the last day it counts as carried over, compared with S
 *   a flow's sub: the day of receipt when it came after the flow's day
 * Ratings: one per dossier returned (and still so) by its rating; one per
 * return event by the officer who recorded it.  Paused: the spans from a
 * pause to the first resume after it (pauses with one resume merge), cut
 * to the span in progress.  Due: the open dossiers whose clock runs, by
 * the day of their appointment (the header's counts).  Digitised (the
 * events' part too, for it comes from the files, report-digit.c): a
 * dossier received whose required documents all have a file, at its day
 * of receipt with the day they all had one as sub (counted when that is
 * before E); a result with a result file, at the day of the result with
 * the later of the file's day and the day of receipt as sub (counted, as
 * the result is, when received before E, and when filed before E). */
/* One dossier's share: its keys, one per count of 1 (a dozen or so; two
 * more per span paused, one per return event), growing as needed. */
struct share {
	struct key {
		const char *what;
		char day[11], field[256], body[256], sub[256];
		bool event;	/* from the events: kept in report_agg_event */
	} *k;
	int n, cap;
	bool nomem;	/* a key could not be added: the share is not whole */
};

static void
put(struct share *sh, const char *what, const char *day, const char *field,
    const char *body, const char *sub, bool event)
{
	struct key *k;

	if (sh->n == sh->cap) {
		int cap = sh->cap > 0 ? sh->cap * 2 : 16;

		if ((k = realloc(sh->k, (size_t)cap * sizeof *k)) == NULL) {
			sh->nomem = true;
			return;
		}
		sh->k = k;
		sh->cap = cap;
	}
	k = &sh->k[sh->n++];
	k->what = what;
	snprintf(k->day, sizeof k->day, "%s", day);
	snprintf(k->field, sizeof k->field, "%s", field);
	snprintf(k->body, sizeof k->body, "%s", body);
	snprintf(k->sub, sizeof k->sub, "%s", sub);
	k->event = event;
}

static const char *
tmax(const char *a, const char *b)
{
	return strcmp(a, b) >= 0 ? a : b;
}

static const char *
tmin(const char *a, const char *b)
{
	return strcmp(a, b) <= 0 ? a : b;
}

/* a column as text, "" when NULL */
static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* The spans paused of a dossier in progress over (rd, p] (ps: the
 * stocks' sub): from the day of a pause to the day of the first resume
 * after it (pauses that share it, one span), cut to that span. */
static int
share_paused(sqlite3 *db, const char *id, const char *f, const char *b, const char *rd,
    const char *p, const char *ps, struct share *sh, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT min(substr(z.at, 1, 10)), coalesce(substr((SELECT "
	    "min(r.at) FROM event r WHERE r.dossier = z.dossier AND +r.kind = ?3 AND "
	    "+r.at > z.at), 1, 10), '" AGG_INF "') AS hi FROM event z WHERE z.dossier = ?1 "
	    "AND +z.kind = ?2 GROUP BY hi", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vocab_kind(MC_KIND_PAUSE)->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, vocab_kind(MC_KIND_RESUME)->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char lo[11], hi[11];

		snprintf(lo, sizeof lo, "%s", tmax(col(st, 0), rd));
		snprintf(hi, sizeof hi, "%s", tmin(col(st, 1), p));
		if (strcmp(lo, hi) < 0) {
			put(sh, "paused_lo", lo, f, b, ps, true);
			put(sh, "paused_hi", hi, f, b, ps, true);
		}
	}
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}

/* the return events' officers, each with the dossier's rating */
static int
share_rated(sqlite3 *db, const char *id, const char *day, const char *rating,
    struct share *sh, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT officer FROM event WHERE dossier = ?1 AND +kind = ?2",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vocab_kind(MC_KIND_RETURN)->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		put(sh, "rated_by", day, col(st, 0), "", rating, true);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}

/* The row's share (share_of) from its columns: r as report.h's struct
 * report_agg_row; events: add the events' part too (read from the log). */
static int
share_from(sqlite3 *db, const char *id, const struct report_agg_row *r, bool events,
    struct share *sh, struct mc_err *err)
{
	const struct mc_status *stt;
	char f[256], b[256], rd[11], xd[11], cd[11], dd[11], ret[11], rating[256];
	char m[11], p[11], l[11], ps[11], appt[11], channel[16], status[32];
	bool ontime = r->ontime, has_x = r->result_at != NULL, has_c = r->closed_at != NULL;
	bool has_ret = r->returned_at != NULL, has_rating = r->rating != NULL;
	bool has_appt = r->appointment != NULL;

	/* as the row's query gives them: text ("" for NULL), days cut to 10 */
	snprintf(f, sizeof f, "%s", r->field != NULL ? r->field : "");
	snprintf(b, sizeof b, "%s", r->decided_by != NULL ? r->decided_by : "");
	snprintf(channel, sizeof channel, "%s", r->channel != NULL ? r->channel : "");
	snprintf(rd, sizeof rd, "%s", r->received != NULL ? r->received : "");
	snprintf(xd, sizeof xd, "%s", has_x ? r->result_at : "");
	snprintf(cd, sizeof cd, "%s", has_c ? r->closed_at : "");
	snprintf(dd, sizeof dd, "%s", r->due != NULL ? r->due : "");
	snprintf(status, sizeof status, "%s", r->status != NULL ? r->status : "");
	snprintf(ret, sizeof ret, "%s", has_ret ? r->returned_at : "");
	snprintf(rating, sizeof rating, "%s", has_rating ? r->rating : "");
	snprintf(appt, sizeof appt, "%s", has_appt ? r->appointment : "");

	/* a status this version does not know counts as none of the lists */
	stt = vocab_status(status);
	if (stt != NULL && (stt->report & MC_REPORT_REFUSED) && has_c)
		put(sh, "refused", cd, f, b, "", false);
	if (strcmp(status, vocab_kind(MC_KIND_RETURN)->to) == 0 && has_ret)
		put(sh, "rating", ret, f, b, has_rating ? rating : "", false);
	if (stt != NULL && stt->phase == MC_PHASE_OPEN && !stt->paused && has_appt)
		put(sh, "due", appt, "", "", "", false);
	if (stt != NULL && (stt->report & MC_REPORT_UNRECEIVED))
		return 0;
	{
		bool open = stt != NULL && stt->phase == MC_PHASE_OPEN;
		bool ws = stt != NULL && (stt->report & (MC_REPORT_WITHDRAWN | MC_REPORT_STOPPED));

		snprintf(m, sizeof m, "%s", open ? AGG_INF : tmax(xd, cd));
		snprintf(p, sizeof p, "%s", tmin(has_x ? xd : AGG_INF,
		    ws && has_c ? cd : AGG_INF));
		snprintf(l, sizeof l, "%s", tmax(rd, m));
		snprintf(ps, sizeof ps, "%s", strcmp(p, l) > 0 ? l : AGG_INF);
	}
	put(sh, "received", rd, f, b, "", false);
	if (strcmp(channel, "online") == 0 || strcmp(channel, "post") == 0)
		put(sh, strcmp(channel, "online") == 0 ? "online" : "post", rd, f, b, "", false);
	put(sh, "leave", l, f, b, "", false);
	put(sh, "prog_from", rd, f, b, ps, false);
	put(sh, "prog", tmax(rd, p), f, b, ps, false);
	put(sh, "within", tmax(rd, tmin(p, dd)), f, b, ps, false);
	if (has_x)
		put(sh, strcmp(xd, dd) < 0 ? "early" : ontime ? "ontime" : "late", xd, f, b,
		    strcmp(rd, xd) > 0 ? rd : "", false);
	if (stt != NULL && (stt->report & (MC_REPORT_WITHDRAWN | MC_REPORT_STOPPED)) && has_c)
		put(sh, (stt->report & MC_REPORT_WITHDRAWN) ? "withdrawn" : "stopped", cd, f, b,
		    strcmp(rd, cd) > 0 ? rd : "", false);
	if (!events)
		return 0;	/* the events' part: as kept (kept_of) */
	if (share_paused(db, id, f, b, rd, p, ps, sh, err))
		return -1;
	if (strcmp(status, vocab_kind(MC_KIND_RETURN)->to) == 0 && has_ret && has_rating &&
	    share_rated(db, id, ret, rating, sh, err))
		return -1;
	{
		char docs[11], res[11];

		if (report_digit_days(db, id, docs, res, err))
			return -1;
		if (docs[0] != '\0')
			put(sh, "digitised", rd, f, b, docs, true);
		if (has_x && res[0] != '\0')
			put(sh, "res_digitised", xd, f, b, tmax(res, rd), true);
	}
	return 0;
}

/* column i as text, NULL when NULL */
static const char *
col_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) != SQLITE_NULL ? col(st, i) : NULL;
}

/* What the dossier row `id` adds (none when it has no row), as share_from
 * says; events: its events' and files' part too. */
static int
share_of(sqlite3 *db, const char *id, bool events, struct share *sh, struct mc_err *err)
{
	struct report_agg_row r;
	sqlite3_stmt *st;
	int rc;

	sh->n = 0;
	if (db_cached(db, "SELECT field, coalesce(decided_by, ''), channel, "
	    "substr(received, 1, 10), substr(result_at, 1, 10), substr(closed_at, 1, 10), "
	    "substr(due, 1, 10), coalesce(result_at <= due, 0), status, "
	    "substr(returned_at, 1, 10), rating, substr(appointment, 1, 10) "
	    "FROM dossier WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_release(db, st);
		return rc == SQLITE_DONE ? 0 : db_fail(db, err,
		    _("counting the dossiers for the reports"));
	}
	/* the column texts stay valid until the statement is reset */
	r = (struct report_agg_row){
		.field = col(st, 0), .decided_by = col(st, 1), .channel = col(st, 2),
		.received = col(st, 3), .result_at = col_or_null(st, 4),
		.closed_at = col_or_null(st, 5), .due = col(st, 6),
		.ontime = sqlite3_column_int(st, 7) != 0, .status = col(st, 8),
		.returned_at = col_or_null(st, 9), .rating = col_or_null(st, 10),
		.appointment = col_or_null(st, 11),
	};
	rc = share_from(db, id, &r, events, sh, err);
	db_release(db, st);
	return rc;
}

/* Add a share n times sign into report_agg (keys at 0 go), and keep or
 * forget its events' part.  Only a share taken away can bring a key to 0:
 * a key held is at 1 or more, so one added to stays above it, and only
 * the taking away reads the count back (RETURNING) and deletes. */
static int
share_add(sqlite3 *db, const char *id, const struct share *sh, int sign,
    struct mc_err *err)
{
	sqlite3_stmt *up, *del = NULL, *keep = NULL;
	int rc = SQLITE_DONE;
	bool prep_failed = false;	/* err says why */

	if (sh->n == 0)
		return 0;
	if (db_cached(db, sign < 0 ? "INSERT INTO report_agg(what, day, field, body, sub, "
	    "n) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (what, day, field, body, sub) "
	    "DO UPDATE SET n = n + excluded.n RETURNING n" : "INSERT INTO report_agg(what, "
	    "day, field, body, sub, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (what, "
	    "day, field, body, sub) DO UPDATE SET n = n + excluded.n", &up, err))
		return -1;
	if (sign < 0 && db_cached(db, "DELETE FROM report_agg WHERE what = ?1 AND day = ?2 "
	    "AND field = ?3 AND body = ?4 AND sub = ?5 AND n = 0", &del, err)) {
		db_release(db, up);
		return -1;
	}
	for (int i = 0; i < sh->n && rc == SQLITE_DONE; i++) {
		const struct key *k = &sh->k[i];
		long long now = 0;

		sqlite3_bind_text(up, 1, k->what, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 2, k->day, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 3, k->field, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 4, k->body, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 5, k->sub, -1, SQLITE_STATIC);
		sqlite3_bind_int(up, 6, sign);
		while ((rc = sqlite3_step(up)) == SQLITE_ROW)
			now = sqlite3_column_int64(up, 0);
		sqlite3_reset(up);
		if (rc == SQLITE_DONE && sign < 0 && now == 0) {
			for (int j = 1; j <= 5; j++)
				sqlite3_bind_text(del, j, j == 1 ? k->what : j == 2 ? k->day :
				    j == 3 ? k->field : j == 4 ? k->body : k->sub, -1,
				    SQLITE_STATIC);
			rc = sqlite3_step(del);
			sqlite3_reset(del);
		}
		if (rc == SQLITE_DONE && k->event && sign > 0) {
			if (keep == NULL && db_cached(db, "INSERT INTO report_agg_event(dossier, "
			    "what, day, field, body, sub, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) "
			    "ON CONFLICT DO UPDATE SET n = n + 1", &keep, err)) {
				prep_failed = true;
				break;
			}
			sqlite3_bind_text(keep, 1, id, -1, SQLITE_STATIC);
			for (int j = 2; j <= 6; j++)
				sqlite3_bind_text(keep, j, j == 2 ? k->what : j == 3 ? k->day :
				    j == 4 ? k->field : j == 5 ? k->body : k->sub, -1,
				    SQLITE_STATIC);
			rc = sqlite3_step(keep);
			sqlite3_reset(keep);
		}
	}
	db_release(db, up);
	db_release(db, del);
	db_release(db, keep);
	if (prep_failed)
		return -1;
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}

/* The events' part as kept for id, as a share (to take away). */
static int
kept_of(sqlite3 *db, const char *id, struct share *sh, struct mc_err *err)
{
	static const char *const whats[] = {"paused_lo", "paused_hi", "rated_by",
	    "digitised", "res_digitised"};
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT what, day, field, body, sub, n FROM report_agg_event "
	    "WHERE dossier = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (size_t w = 0; w < sizeof whats / sizeof whats[0]; w++)
			if (strcmp(col(st, 0), whats[w]) == 0)
				for (long long i = sqlite3_column_int64(st, 5); i > 0; i--)
					put(sh, whats[w], col(st, 1), col(st, 2), col(st, 3),
					    col(st, 4), false);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	if (sh->n == 0)
		return 0;
	if (db_cached(db, "DELETE FROM report_agg_event WHERE dossier = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}

int
report_agg_add_row(sqlite3 *db, const char *id, const struct report_agg_row *row,
    struct mc_err *err)
{
	struct share sh = {NULL, 0, 0, false};
	int rc;

	/* a row just received has no event but its receipt: no events' part */
	rc = share_from(db, id, row, false, &sh, err);
	if (rc == 0 && sh.nomem)
		rc = err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc == 0)
		rc = share_add(db, id, &sh, 1, err);
	free(sh.k);
	return rc;
}

int
report_agg_apply(sqlite3 *db, const char *id, int sign, struct mc_err *err)
{
	struct share sh = {NULL, 0, 0, false};
	int rc;

	/* adding: the share as the row and its events give it now; taking
	 * away: the row's part from the row (not changed yet), the events'
	 * part as kept (they may have changed) */
	rc = share_of(db, id, sign > 0, &sh, err);
	if (rc == 0 && sign < 0)
		rc = kept_of(db, id, &sh, err);
	if (rc == 0 && sh.nomem)
		rc = err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc == 0)
		rc = share_add(db, id, &sh, sign, err);
	free(sh.k);
	return rc;
}

/* Every dossier's share into the unqualified tables (the main ones, or
 * the temporary ones that hide them). */
static int
add_all(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id FROM main.dossier ORDER BY id", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (report_agg_apply(db, (const char *)sqlite3_column_text(st, 0), 1, err)) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers for the reports"));
	return 0;
}

int
report_agg_fill(sqlite3 *db, struct mc_err *err)
{
	return db_exec(db, "DELETE FROM report_agg; DELETE FROM report_agg_event", err) ||
	    add_all(db, err) ? -1 : 0;
}

int
report_agg_check(sqlite3 *db, long long *differ, char *first, size_t nfirst,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*differ = 0;
	if (nfirst > 0)
		first[0] = '\0';
	/* a fresh count into temporary tables shaped as the main ones (which
	 * they hide from the unqualified names), compared, then rolled back */
	if (db_exec(db, "SAVEPOINT report_agg_check", err))
		return -1;
	if (db_exec(db, "CREATE TEMP TABLE report_agg (what TEXT NOT NULL, day TEXT NOT "
	    "NULL, field TEXT NOT NULL, body TEXT NOT NULL, sub TEXT NOT NULL, n INTEGER "
	    "NOT NULL, PRIMARY KEY (what, day, field, body, sub)) WITHOUT ROWID; "
	    "CREATE TEMP TABLE report_agg_event (dossier TEXT NOT NULL, what TEXT NOT NULL, "
	    "day TEXT NOT NULL, field TEXT NOT NULL, body TEXT NOT NULL, sub TEXT NOT NULL, "
	    "n INTEGER NOT NULL, PRIMARY KEY (dossier, what, day, field, body, sub)) "
	    "WITHOUT ROWID", err) || add_all(db, err))
		goto fail;
	/* a key counted differently is on both sides: once (UNION) */
	if (db_prepare(db, "WITH bad AS (SELECT '', what, day, field, body, sub FROM "
	    "(SELECT * FROM main.report_agg EXCEPT SELECT * FROM temp.report_agg) UNION "
	    "SELECT '', what, day, field, body, sub FROM (SELECT * FROM temp.report_agg "
	    "EXCEPT SELECT * FROM main.report_agg) UNION SELECT dossier, what, day, field, "
	    "body, sub FROM (SELECT * FROM main.report_agg_event EXCEPT SELECT * FROM "
	    "temp.report_agg_event) UNION SELECT dossier, what, day, field, body, sub FROM "
	    "(SELECT * FROM temp.report_agg_event EXCEPT SELECT * FROM "
	    "main.report_agg_event)) SELECT count(*), min(day || ' ' || what) FROM bad",
	    &st, err))
		goto fail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*differ = sqlite3_column_int64(st, 0);
		if (nfirst > 0 && sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(first, nfirst, "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		db_fail_rc(db, rc, err, _("comparing the report counts"));
		goto fail;
	}
	(void)db_exec(db, "ROLLBACK TO report_agg_check; RELEASE report_agg_check", NULL);
	return 0;
fail:
	(void)db_exec(db, "ROLLBACK TO report_agg_check; RELEASE report_agg_check", NULL);
	return -1;
}

int
report_agg_due(sqlite3 *db, int as_of, int *today, int *overdue, struct mc_err *err)
{
	char day[MC_DATE_LEN];
	sqlite3_stmt *st;

	date_format(as_of, day);
	/* the days up to today: a row per day something was due on */
	if (db_prepare(db, "SELECT coalesce(sum(CASE WHEN day = ?1 THEN n END), 0), "
	    "coalesce(sum(CASE WHEN day < ?1 THEN n END), 0) FROM report_agg "
	    "WHERE what = 'due' AND day <= ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, err, _("counting the dossiers due"));
	}
	*today = sqlite3_column_int(st, 0);
	*overdue = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	return 0;
}

int
report_weeks(sqlite3 *db, int from, int to, struct report_week **out, size_t *n,
    struct mc_err *err)
{
	char s[MC_DATE_LEN], e[MC_DATE_LEN];
	size_t max = (size_t)(to - from) / 7 + 2;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (to < from)
		return err_set(err, MC_EINVAL, _("the period ends before it starts: check "
		    "--from and --to"));
	if ((*out = calloc(max, sizeof **out)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	/* Monday-to-Sunday weeks, the first and last cut to the period */
	for (int d = from; d <= to && *n < max; ) {
		struct report_week *k = &(*out)[(*n)++];

		k->from = d;
		k->to = d + 6 - date_weekday(d);
		if (k->to > to)
			k->to = to;
		d = k->to + 1;
	}
	date_format(from, s);
	date_format(to + 1, e);
	if (db_prepare(db, "SELECT day, sum(n) FROM report_agg WHERE what = 'received' "
	    "AND day >= ?1 AND day < ?2 GROUP BY day", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day;

		if (date_parse((const char *)sqlite3_column_text(st, 0), &day) != 0)
			continue;	/* not a day: counts in no week */
		for (size_t i = 0; i < *n; i++)
			if (day >= (*out)[i].from && day <= (*out)[i].to) {
				(*out)[i].received += sqlite3_column_int64(st, 1);
				break;
			}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(db, err, _("counting the dossiers"));
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}

/* ---- the summary's figures ---------------------------------------------- */

/* The keys of one field and body, added up (report_agg_figures). */
struct pair {
	char field[256], body[256];
	struct report_row r;
	long long leave, recv_after, prog, prog_from, within, paused_lo, paused_hi;
	long long returned;		/* returned within it, with a rating or not */
};

static struct pair *
pair_for(struct pair **v, size_t *n, const char *field, const char *body,
    struct mc_err *err)
{
	struct pair *p;

	if (*n > 0 && strcmp((*v)[*n - 1].field, field) == 0 &&
	    strcmp((*v)[*n - 1].body, body) == 0)
		return &(*v)[*n - 1];	/* the rows come grouped */
	if ((p = realloc(*v, (*n + 1) * sizeof *p)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	*v = p;
	p = &p[(*n)++];
	memset(p, 0, sizeof *p);
	snprintf(p->field, sizeof p->field, "%s", field);
	snprintf(p->body, sizeof p->body, "%s", body);
	return p;
}

/* One key's sums into its pair: flow (S ≤ day < E), end (day ≥ E), from
 * the start (day ≥ S).  A flow's sub is the day of receipt when it came
 * after (a result before its receipt, as a bad clock makes): the dossier
 * counts only if received before E (a digitisation count's: the day it
 * was digitised, which must be before E too); a stock's is AGG_INF, or the last day
 * the dossier counts among the period's (k's ps above), compared with S. */
static void
pair_add(struct pair *p, const char *what, const char *sub, long long flow,
    long long end, long long all, const char *s, const char *e)
{
	const struct mc_field *rating = report_rating();
	bool flow_ok = strcmp(sub, e) < 0, stock_ok = strcmp(sub, s) >= 0;
	struct { const char *name; long long *to, *v; bool ok; } map[] = {
		{"received", &p->r.received_new, &flow, true},
		{"online", &p->r.received_online, &flow, true},
		{"post", &p->r.received_post, &flow, true},
		{"early", &p->r.resolved_early, &flow, flow_ok},
		{"ontime", &p->r.resolved_on_time, &flow, flow_ok},
		{"late", &p->r.resolved_late, &flow, flow_ok},
		{"withdrawn", &p->r.withdrawn, &flow, flow_ok},
		{"stopped", &p->r.stopped, &flow, flow_ok},
		{"refused", &p->r.refused, &flow, true},
		{"digitised", &p->r.digitised, &flow, flow_ok},
		{"res_digitised", &p->r.results_digitised, &flow, flow_ok},
		{"leave", &p->leave, &all, true},
		{"prog", &p->prog, &end, stock_ok},
		{"prog_from", &p->prog_from, &end, stock_ok},
		{"within", &p->within, &end, stock_ok},
		{"paused_lo", &p->paused_lo, &end, stock_ok},
		{"paused_hi", &p->paused_hi, &end, stock_ok},
	};

	if (strcmp(what, "received") == 0)
		p->recv_after += all;
	if (strcmp(what, "rating") == 0) {
		p->returned += flow;
		for (size_t i = 0; rating != NULL && i < vocab_nchoices(rating) &&
		    i < MC_CHOICES_MAX; i++)
			if (strcmp(rating->choices[i].value, sub) == 0)
				p->r.rating[i] += flow;
		return;
	}
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].name, what) == 0) {
			if (map[i].ok)
				*map[i].to += *map[i].v;
			return;
		}
}

/* The pair's stocks as figures; false when the old queries would have
 * given it no row (no dossier of the period, refused or returned). */
static bool
pair_finish(struct pair *p)
{
	struct report_row *r = &p->r;

	r->carried_over = p->leave - p->recv_after;
	r->in_progress_within = p->within - p->prog_from;
	r->in_progress_overdue = p->prog - p->within;
	r->paused = p->paused_hi - p->paused_lo;
	return r->carried_over + r->received_new > 0 || r->refused > 0 || p->returned > 0;
}

static int
add_to(struct report_summary *sum, const char *name, const struct report_row *r,
    struct mc_err *err)
{
	struct report_row *t = report_row_for(sum, name, err);

	if (t == NULL)
		return -1;
	report_row_add(t, r);	/* r->guided is 0: guidance is counted apart */
	return 0;
}

/* The satisfaction per officer who recorded a return within [s, e). */
static int
officers(sqlite3 *db, const char *s, const char *e, struct report_summary *out,
    struct mc_err *err)
{
	const struct mc_field *rating = report_rating();
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT a.field, coalesce(o.full_name, ''), a.sub, sum(a.n) "
	    "FROM report_agg a LEFT JOIN officer o ON o.username = a.field "
	    "WHERE a.what = 'rated_by' AND a.day >= ?1 AND a.day < ?2 "
	    "GROUP BY a.field, a.sub ORDER BY a.field", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(st, 0);
		const char *value = (const char *)sqlite3_column_text(st, 2);
		long long k = sqlite3_column_int64(st, 3);
		struct report_officer_rating *r = out->nofficers > 0 ?
		    &out->officers[out->nofficers - 1] : NULL;

		if (k <= 0)
			continue;
		if (r == NULL || strcmp(r->officer, who) != 0) {
			r = realloc(out->officers, (out->nofficers + 1) * sizeof *r);
			if (r == NULL) {
				sqlite3_finalize(st);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			out->officers = r;
			r = &out->officers[out->nofficers++];
			memset(r, 0, sizeof *r);
			snprintf(r->officer, sizeof r->officer, "%s", who);
			snprintf(r->full_name, sizeof r->full_name, "%s",
			    sqlite3_column_text(st, 1));
		}
		r->rated += k;
		for (size_t i = 0; rating != NULL && i < vocab_nchoices(rating); i++)
			if (rating->choices[i].pleased &&
			    strcmp(rating->choices[i].value, value) == 0)
				r->pleased += k;
		r->satisfaction_rate = 100.0 * (double)r->pleased / (double)r->rated;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the ratings"));
	return 0;
}

int
report_agg_figures(sqlite3 *db, const char *s, const char *e, const char *unit,
    struct report_summary *fields, struct report_summary *bodies, struct mc_err *err)
{
	struct pair *v = NULL;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc = 0;

	/* every key from S on (the stocks need the days after the period:
	 * a few rows per day to today); a flow's days are S ≤ day < E */
	if (db_prepare(db, "SELECT field, body, what, sub, "
	    "sum(CASE WHEN day < ?2 THEN n ELSE 0 END), "
	    "sum(CASE WHEN day >= ?2 THEN n ELSE 0 END), sum(n) FROM report_agg "
	    "WHERE what IN ('received', 'online', 'post', 'leave', 'prog_from', 'prog', "
	    "'within', 'early', 'ontime', 'late', 'withdrawn', 'stopped', 'refused', "
	    "'rating', 'paused_lo', 'paused_hi', 'digitised', 'res_digitised') AND day >= ?1 "
	    "GROUP BY field, body, what, sub ORDER BY field, body", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pair *p = pair_for(&v, &n, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), err);

		if (p == NULL) {
			sqlite3_finalize(st);
			free(v);
			return -1;
		}
		pair_add(p, (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), sqlite3_column_int64(st, 4),
		    sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6), s, e);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(db, err, _("counting the dossiers"));
	}
	rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		if (pair_finish(&v[i]))
			rc = add_to(fields, v[i].field, &v[i].r, err) ||
			    add_to(bodies, v[i].body[0] != '\0' ? v[i].body : unit, &v[i].r,
			    err) ? -1 : 0;
	free(v);
	return rc != 0 ? -1 : officers(db, s, e, fields, err);
}
