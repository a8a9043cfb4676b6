/* report-agg.c — the counts the summaries, the header and F6's chart read
 * instead of the dossiers: table report_agg (schema/015_report_agg.sql),
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

/* room for a list of statuses, "('a', 'b')" */
#define STATUS_LIST 256

/* What one dossier row adds (or every row: `which` is "id = ?1" or "1"),
 * as rows (what, day, field, body, sub), by report.h's definitions:
 *   rd, xd, cd, dd  the days of receipt, result, closing, due
 *   m   while it can be carried over: to the day of its result or closing
 *       (the later), for ever while open
 *   p   while it is in progress: to the day of its result, or of its
 *       withdrawal or stop
 *   ps  the stocks' sub: AGG_INF, or when the row could drop out of the
 *       period's dossiers before p (no result, not open: a dossier
 *       counted neither as carried over nor as new is in progress
 *       nowhere), the last day it counts as carried over, compared with S
 * Ratings: one per dossier returned (and still so) by its rating; one per
 * return event by the officer who recorded it.  Paused: the spans from a
 * pause to the first resume after it (pauses with one resume merge), cut
 * to the span in progress.  Due: the open dossiers whose clock runs, by
 * the day of their appointment (the header's counts). */
#define CONTRIB_WITH \
	"WITH d AS (SELECT id, field AS f, coalesce(decided_by, '') AS b, channel, " \
	"due, result_at, returned_at, rating, status, appointment, " \
	"substr(received, 1, 10) AS rd, substr(result_at, 1, 10) AS xd, " \
	"substr(closed_at, 1, 10) AS cd, substr(due, 1, 10) AS dd, " \
	"status IN %s AS unrec, status IN %s AS isopen, status IN %s AS ws, " \
	"CASE WHEN status IN %s THEN 'withdrawn' WHEN status IN %s THEN 'stopped' END " \
	"AS closing, status IN %s AS isrefused FROM dossier WHERE %s), " \
	"k0 AS (SELECT *, CASE WHEN isopen THEN '" AGG_INF "' ELSE " \
	"max(coalesce(xd, ''), coalesce(cd, '')) END AS m, " \
	"min(coalesce(xd, '" AGG_INF "'), CASE WHEN ws AND cd IS NOT NULL THEN cd " \
	"ELSE '" AGG_INF "' END) AS p FROM d WHERE NOT unrec), " \
	"k AS (SELECT *, max(rd, m) AS l, CASE WHEN p > max(rd, m) THEN max(rd, m) " \
	"ELSE '" AGG_INF "' END AS ps FROM k0) "

/* the row's own share: (what, day, field, body, sub) */
static const char contrib_row_fmt[] = CONTRIB_WITH
	"SELECT 'received' AS what, rd AS day, f AS field, b AS body, '' AS sub FROM k "
	"UNION ALL SELECT channel, rd, f, b, '' FROM k WHERE channel IN ('online', 'post') "
	"UNION ALL SELECT 'leave', l, f, b, '' FROM k "
	"UNION ALL SELECT 'prog_from', rd, f, b, ps FROM k "
	"UNION ALL SELECT 'prog', max(rd, p), f, b, ps FROM k "
	"UNION ALL SELECT 'within', max(rd, min(p, dd)), f, b, ps FROM k "
	"UNION ALL SELECT CASE WHEN xd < dd THEN 'early' WHEN result_at <= due THEN "
	"'ontime' ELSE 'late' END, xd, f, b, CASE WHEN rd > xd THEN rd ELSE '' END "
	"FROM k WHERE xd IS NOT NULL "
	"UNION ALL SELECT closing, cd, f, b, CASE WHEN rd > cd THEN rd ELSE '' END "
	"FROM k WHERE closing IS NOT NULL AND cd IS NOT NULL "
	"UNION ALL SELECT 'refused', cd, f, b, '' FROM d WHERE isrefused AND cd IS NOT NULL "
	"UNION ALL SELECT 'rating', substr(returned_at, 1, 10), f, b, coalesce(rating, '') "
	"FROM d WHERE status = %Q AND returned_at IS NOT NULL "
	"UNION ALL SELECT 'due', substr(appointment, 1, 10), '', '', '' FROM d "
	"WHERE status IN %s AND appointment IS NOT NULL";

/* the share read from the events too: (dossier, what, day, field, body,
 * sub); report_agg_event keeps it, as the events may have changed when
 * it is taken away */
static const char contrib_event_fmt[] = CONTRIB_WITH
	", pz AS (SELECT z.dossier AS id, substr(z.at, 1, 10) AS pd, (SELECT min(r.at) "
	"FROM event r WHERE r.dossier = z.dossier AND r.kind = %Q AND r.at > z.at) AS rn "
	"FROM event z WHERE z.kind = %Q AND z.dossier IN (SELECT id FROM k)), "
	"pi AS (SELECT k.id, k.f, k.b, k.ps, max(min(pz.pd), k.rd) AS lo, "
	"min(coalesce(substr(pz.rn, 1, 10), '" AGG_INF "'), k.p) AS hi "
	"FROM pz JOIN k ON k.id = pz.id GROUP BY pz.id, pz.rn) "
	"SELECT id AS dossier, 'paused_lo' AS what, lo AS day, f AS field, b AS body, "
	"ps AS sub FROM pi WHERE lo < hi "
	"UNION ALL SELECT id, 'paused_hi', hi, f, b, ps FROM pi WHERE lo < hi "
	"UNION ALL SELECT d.id, 'rated_by', substr(d.returned_at, 1, 10), e.officer, '', "
	"d.rating FROM d JOIN event e ON e.dossier = d.id AND e.kind = %Q "
	"WHERE d.status = %Q AND d.returned_at IS NOT NULL AND d.rating IS NOT NULL";

/* One of the shares' queries for `which` (sqlite3_free it); NULL when
 * out of memory. */
static char *
contrib_sql(bool events, const char *which)
{
	char unrec[STATUS_LIST], open[STATUS_LIST], ws[STATUS_LIST], w[STATUS_LIST],
	    s[STATUS_LIST], refused[STATUS_LIST], running[STATUS_LIST];
	const struct mc_kind *ret = vocab_kind(MC_KIND_RETURN);

	vocab_report_sql(MC_REPORT_UNRECEIVED, unrec, sizeof unrec);
	vocab_status_sql(MC_PHASE_OPEN, false, open, sizeof open);
	vocab_report_sql(MC_REPORT_WITHDRAWN | MC_REPORT_STOPPED, ws, sizeof ws);
	vocab_report_sql(MC_REPORT_WITHDRAWN, w, sizeof w);
	vocab_report_sql(MC_REPORT_STOPPED, s, sizeof s);
	vocab_report_sql(MC_REPORT_REFUSED, refused, sizeof refused);
	vocab_status_sql(MC_PHASE_OPEN, true, running, sizeof running);
	if (events)
		return sqlite3_mprintf(contrib_event_fmt, unrec, open, ws, w, s, refused,
		    which, vocab_kind(MC_KIND_RESUME)->name, vocab_kind(MC_KIND_PAUSE)->name,
		    ret->name, ret->to);
	return sqlite3_mprintf(contrib_row_fmt, unrec, open, ws, w, s, refused, which,
	    ret->to, running);
}

/* Run a statement made of fmt around one of the shares of `which` (%s:
 * the share's query), with ?1 bound to id (when not NULL) and ?2 to
 * sign. */
static int
run_contrib(sqlite3 *db, const char *fmt, bool events, const char *which,
    const char *id, int sign, struct mc_err *err)
{
	char *c = contrib_sql(events, which);
	sqlite3_stmt *st;
	int rc;

	if (c == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	rc = db_preparef(db, &st, err, fmt, c);
	sqlite3_free(c);
	if (rc != 0)
		return -1;
	if (id != NULL)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, sign);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("counting the dossiers for the reports"));
	return 0;
}

/* the row's share added up into the table, n times sign (?2) */
static const char add_fmt[] =
	"INSERT INTO report_agg(what, day, field, body, sub, n) SELECT * FROM "
	"(SELECT what, day, field, body, sub, ?2 * count(*) FROM (%s) "
	"GROUP BY what, day, field, body, sub) WHERE true "
	"ON CONFLICT (what, day, field, body, sub) DO UPDATE SET n = n + excluded.n";

/* the event share, kept (?2 unused: always added) */
static const char keep_fmt[] =
	"INSERT INTO report_agg_event(dossier, what, day, field, body, sub, n) "
	"SELECT * FROM (SELECT dossier, what, day, field, body, sub, count(*) FROM (%s) "
	"GROUP BY dossier, what, day, field, body, sub) WHERE ?2 IS NOT NULL";

/* the kept event share of ?1 (or of all: ?1 NULL) into the table, n times
 * sign (?2) */
static int
move_kept(sqlite3 *db, const char *id, int sign, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO report_agg(what, day, field, body, sub, n) "
	    "SELECT what, day, field, body, sub, ?2 * sum(n) FROM report_agg_event "
	    "WHERE ?1 IS NULL OR dossier = ?1 GROUP BY what, day, field, body, sub "
	    "ON CONFLICT (what, day, field, body, sub) DO UPDATE SET n = n + excluded.n",
	    &st, err))
		return -1;
	if (id != NULL)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, sign);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("counting the dossiers for the reports"));
	return 0;
}

/* Does `sql` (?1: the dossier; ?2: the pause kind, ?3: the return kind)
 * find a row?  -1 on error. */
static int
exists(sqlite3 *db, const char *sql, const char *id, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vocab_kind(MC_KIND_PAUSE)->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, vocab_kind(MC_KIND_RETURN)->name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("counting the dossiers for the reports"));
	return rc == SQLITE_ROW;
}

int
report_agg_apply(sqlite3 *db, const char *id, int sign, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc, kept;

	/* the cheap questions first: most projections are of a new dossier
	 * (nothing to take away) or of one never paused nor returned (no
	 * share from the events) */
	if (sign > 0) {
		if (run_contrib(db, add_fmt, false, "id = ?1", id, 1, err))
			return -1;
		if ((rc = exists(db, "SELECT 1 FROM event WHERE dossier = ?1 AND kind IN "
		    "(?2, ?3) LIMIT 1", id, err)) <= 0)
			return rc;
		return run_contrib(db, keep_fmt, true, "id = ?1", id, 1, err) ||
		    move_kept(db, id, 1, err) ? -1 : 0;
	}
	if ((rc = exists(db, "SELECT 1 FROM dossier WHERE id = ?1", id, err)) <= 0)
		return rc;
	if ((kept = exists(db, "SELECT 1 FROM report_agg_event WHERE dossier = ?1 LIMIT 1",
	    id, err)) < 0)
		return -1;
	/* what was added, taken away: the row's share from the row (it has not
	 * changed yet), the events' as kept (they may have) */
	if (run_contrib(db, add_fmt, false, "id = ?1", id, -1, err) ||
	    (kept && move_kept(db, id, -1, err)))
		return -1;
	/* a key that counts nothing any more goes */
	if (run_contrib(db, "DELETE FROM report_agg WHERE n = 0 AND "
	    "(what, day, field, body, sub) IN (SELECT what, day, field, body, sub "
	    "FROM (%s) UNION ALL SELECT what, day, field, body, sub FROM "
	    "report_agg_event WHERE dossier = ?1) AND ?2 < 0", false, "id = ?1", id, -1,
	    err))
		return -1;
	if (!kept)
		return 0;
	if (db_prepare(db, "DELETE FROM report_agg_event WHERE dossier = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("counting the dossiers for the reports"));
	return 0;
}

int
report_agg_fill(sqlite3 *db, struct mc_err *err)
{
	return db_exec(db, "DELETE FROM report_agg; DELETE FROM report_agg_event", err) ||
	    run_contrib(db, add_fmt, false, "1", NULL, 1, err) ||
	    run_contrib(db, keep_fmt, true, "1", NULL, 1, err) ||
	    move_kept(db, NULL, 1, err) ? -1 : 0;
}

int
report_agg_check(sqlite3 *db, long long *differ, char *first, size_t nfirst,
    struct mc_err *err)
{
	char *row = contrib_sql(false, "1"), *ev = contrib_sql(true, "1");
	sqlite3_stmt *st;
	int rc;

	*differ = 0;
	if (nfirst > 0)
		first[0] = '\0';
	if (row == NULL || ev == NULL) {
		sqlite3_free(row);
		sqlite3_free(ev);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	/* the keys whose count differs, or that one side lacks, in the
	 * counts and in the events' share kept per dossier */
	rc = db_preparef(db, &st, err, "WITH kept AS MATERIALIZED (SELECT dossier, what, "
	    "day, field, body, sub, count(*) AS n FROM (%s) GROUP BY dossier, what, day, "
	    "field, body, sub), fresh AS MATERIALIZED (SELECT what, day, field, body, "
	    "sub, sum(n) AS n FROM (SELECT what, day, field, body, sub, count(*) AS n "
	    "FROM (%s) GROUP BY what, day, field, body, sub UNION ALL SELECT what, day, "
	    "field, body, sub, n FROM kept) GROUP BY what, day, field, body, sub), "
	    "bad AS (SELECT what, day FROM (SELECT * FROM report_agg EXCEPT "
	    "SELECT * FROM fresh) UNION ALL SELECT what, day FROM (SELECT * FROM fresh "
	    "EXCEPT SELECT * FROM report_agg) UNION ALL SELECT what, day FROM "
	    "(SELECT * FROM report_agg_event EXCEPT SELECT * FROM kept) UNION ALL "
	    "SELECT what, day FROM (SELECT * FROM kept EXCEPT SELECT * FROM "
	    "report_agg_event)) SELECT count(*), min(day || ' ' || what) FROM bad", ev, row);
	sqlite3_free(row);
	sqlite3_free(ev);
	if (rc != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*differ = sqlite3_column_int64(st, 0);
		if (nfirst > 0 && sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(first, nfirst, "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail_rc(db, rc, err, _("comparing the report counts"));
	return 0;
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
 * counts only if received before E; a stock's is AGG_INF, or the last day
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
	t->carried_over += r->carried_over;
	t->received_new += r->received_new;
	t->received_online += r->received_online;
	t->received_post += r->received_post;
	t->resolved_early += r->resolved_early;
	t->resolved_on_time += r->resolved_on_time;
	t->resolved_late += r->resolved_late;
	t->in_progress_within += r->in_progress_within;
	t->in_progress_overdue += r->in_progress_overdue;
	t->refused += r->refused;
	t->withdrawn += r->withdrawn;
	t->paused += r->paused;
	t->stopped += r->stopped;
	for (int i = 0; i < MC_CHOICES_MAX; i++)
		t->rating[i] += r->rating[i];
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
	    "'rating', 'paused_lo', 'paused_hi') AND day >= ?1 "
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
