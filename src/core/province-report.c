/* province-report.c — the province's figures (province.h), computed by
 * PostgreSQL over the dossiers' report counts (table dossier_key).
 *
 * The counts are the station's own keys (report-agg.c) of each dossier,
 * and the query reads them as report_agg_figures reads its table: for a
 * period [S, E) every key from S on, a flow's keys of the days before E,
 * a stock's from E on (their difference: what holds at E), the `sub`
 * compared with S or E as pair_add does; the figures of each commune's
 * (field, deciding body) pair kept only where the station would have a
 * row for it (pair_finish), then added up by the rows asked for.  The
 * guidance given counts from the events, by the procedure its body
 * names.  So a commune's row is its stations' `report summary` total. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/i18n.h"
#include "motcua/province.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "province-int.h"

/* the figures' columns of the query, after (grand, key, name) */
enum {
	C_GRAND, C_KEY, C_NAME, C_CARRIED, C_RECV, C_ONLINE, C_POST, C_EARLY, C_ONTIME,
	C_LATE, C_WITHIN, C_OVERDUE, C_GUIDED, C_REFUSED, C_WITHDRAWN, C_PAUSED, C_STOPPED,
	C_RATE, C_SATISFACTION, C_DIGIT, C_RDIGIT, C_DRATE, C_RDRATE,
	C_RATING	/* then one per choice of the rating */
};

static size_t
nchoices(void)
{
	const struct mc_field *rating = report_rating();
	size_t n = rating != NULL ? vocab_nchoices(rating) : 0;

	return n < MC_CHOICES_MAX ? n : MC_CHOICES_MAX;
}

/* The query of the figures grouped `by` (sqlite3_free it; NULL: out of
 * memory); $1 the first day, $2 the day after the last.  late: the
 * communes with overdue dossiers, most first, at most $3. */
static char *
report_sql(enum province_by by, bool late)
{
	const struct mc_field *rating = report_rating();
	const char *g = by == PROVINCE_BY_COMMUNE ? "d.unit" : by == PROVINCE_BY_FIELD ?
	    "k.field" : "d.procedure_code";
	const char *gg = by == PROVINCE_BY_COMMUNE ? "s.unit" : by == PROVINCE_BY_FIELD ?
	    "coalesce(e.body::jsonb #>> '{procedure,field}', '')" :
	    "coalesce(e.body::jsonb #>> '{procedure,code}', '')";
	const char *name = by == PROVINCE_BY_COMMUNE ? "(SELECT c.name FROM commune c WHERE "
	    "c.unit = r.g)" : by == PROVINCE_BY_PROCEDURE ? "(SELECT min(x.procedure_name) "
	    "FROM dossier x WHERE x.procedure_code = r.g)" : "NULL";
	sqlite3_str *q = sqlite3_str_new(NULL);
	size_t nr = nchoices();

	/* each commune's (row, field, body) pairs, as pair_add adds them */
	sqlite3_str_appendf(q, "WITH k AS (SELECT d.unit, %s AS g, k.field, k.body, k.what, "
	    "k.sub, sum(CASE WHEN k.day < $2 THEN k.n ELSE 0 END) AS flow, "
	    "sum(CASE WHEN k.day >= $2 THEN k.n ELSE 0 END) AS fin, sum(k.n) AS alls "
	    "FROM dossier_key k JOIN dossier d ON d.id = k.dossier WHERE k.day >= $1 AND "
	    "k.what IN ('received', 'online', 'post', 'leave', 'prog_from', 'prog', "
	    "'within', 'early', 'ontime', 'late', 'withdrawn', 'stopped', 'refused', "
	    "'rating', 'paused_lo', 'paused_hi', 'digitised', 'res_digitised') "
	    "GROUP BY 1, 2, 3, 4, 5, 6), ", g);
#define FLOW(w) "sum(CASE WHEN what = '" w "' THEN flow ELSE 0 END)"
#define FLOW_OK(w) "sum(CASE WHEN what = '" w "' AND sub < $2 THEN flow ELSE 0 END)"
#define ALL(w) "sum(CASE WHEN what = '" w "' THEN alls ELSE 0 END)"
#define END(w) "sum(CASE WHEN what = '" w "' AND sub >= $1 THEN fin ELSE 0 END)"
	sqlite3_str_appendall(q, "p AS (SELECT unit, g, "
	    ALL("leave") " - " ALL("received") " AS carried, "
	    FLOW("received") " AS recv, " FLOW("online") " AS online, " FLOW("post")
	    " AS post, " FLOW_OK("early") " AS early, " FLOW_OK("ontime") " AS ontime, "
	    FLOW_OK("late") " AS late, " END("within") " - " END("prog_from") " AS within, "
	    END("prog") " - " END("within") " AS overdue, " FLOW("refused") " AS refused, "
	    FLOW_OK("withdrawn") " AS withdrawn, " END("paused_hi") " - " END("paused_lo")
	    " AS paused, " FLOW_OK("stopped") " AS stopped, " FLOW("rating") " AS returned, "
	    FLOW_OK("digitised") " AS digit, " FLOW_OK("res_digitised") " AS rdigit");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, ", sum(CASE WHEN what = 'rating' AND sub = %Q THEN flow "
		    "ELSE 0 END) AS r%d", rating->choices[i].value, (int)i);
	/* a pair the station has no row for adds nothing (pair_finish) */
	sqlite3_str_appendall(q, " FROM k GROUP BY unit, g, field, body), "
	    "f AS (SELECT unit, g, sum(carried) AS carried, sum(recv) AS recv, "
	    "sum(online) AS online, sum(post) AS post, sum(early) AS early, sum(ontime) AS "
	    "ontime, sum(late) AS late, sum(within) AS within, sum(overdue) AS overdue, "
	    "sum(refused) AS refused, sum(withdrawn) AS withdrawn, sum(paused) AS paused, "
	    "sum(stopped) AS stopped, sum(digit) AS digit, sum(rdigit) AS rdigit");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, ", sum(r%d) AS r%d", (int)i, (int)i);
	sqlite3_str_appendf(q, " FROM p WHERE carried + recv > 0 OR refused > 0 OR "
	    "returned > 0 GROUP BY unit, g), "
	    /* the guidance of the period, by its station's commune */
	    "gd AS (SELECT s.unit, %s AS g, count(*) AS guided FROM event e JOIN station s "
	    "ON s.id = e.origin WHERE e.kind = %Q AND e.at >= $1 AND e.at < $2 GROUP BY 1, "
	    "2), u AS (SELECT coalesce(f.g, gd.g) AS g, f.carried, f.recv, f.online, f.post, "
	    "f.early, f.ontime, f.late, f.within, f.overdue, f.refused, f.withdrawn, "
	    "f.paused, f.stopped, f.digit, f.rdigit, coalesce(gd.guided, 0) AS guided", gg,
	    vocab_kind(MC_KIND_GUIDE)->name);
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, ", f.r%d", (int)i);
	sqlite3_str_appendall(q, " FROM f FULL JOIN gd ON gd.unit = f.unit AND gd.g = f.g), ");
	/* the rows asked for and the total (grouping sets), with the rates */
	sqlite3_str_appendall(q, "s AS (SELECT GROUPING(u.g) = 1 AS grand, u.g, "
	    "coalesce(sum(carried), 0) AS carried, coalesce(sum(recv), 0) AS recv, "
	    "coalesce(sum(online), 0) AS online, coalesce(sum(post), 0) AS post, "
	    "coalesce(sum(early), 0) AS early, coalesce(sum(ontime), 0) AS ontime, "
	    "coalesce(sum(late), 0) AS late, coalesce(sum(within), 0) AS within, "
	    "coalesce(sum(overdue), 0) AS overdue, sum(guided) AS guided, "
	    "coalesce(sum(refused), 0) AS refused, coalesce(sum(withdrawn), 0) AS withdrawn, "
	    "coalesce(sum(paused), 0) AS paused, coalesce(sum(stopped), 0) AS stopped, "
	    "coalesce(sum(digit), 0) AS digit, coalesce(sum(rdigit), 0) AS rdigit");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, ", coalesce(sum(r%d), 0) AS r%d", (int)i, (int)i);
	sqlite3_str_appendall(q, " FROM u GROUP BY GROUPING SETS ((u.g), ())) "
	    "SELECT r.grand, r.g, ");
	sqlite3_str_appendf(q, "%s, carried, recv, online, post, early, ontime, late, "
	    "within, overdue, guided, refused, withdrawn, paused, stopped, "
	    "CASE WHEN early + ontime + late > 0 THEN 100.0::float8 * (early + ontime)::float8 "
	    "/ (early + ontime + late)::float8 END, ", name);
	/* satisfaction: the ratings that count as satisfied over all given */
	sqlite3_str_appendall(q, "CASE WHEN 0");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, " + r%d", (int)i);
	sqlite3_str_appendall(q, " > 0 THEN 100.0::float8 * (0");
	for (size_t i = 0; i < nr; i++)
		if (rating->choices[i].pleased)
			sqlite3_str_appendf(q, " + r%d", (int)i);
	sqlite3_str_appendall(q, ")::float8 / (0");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, " + r%d", (int)i);
	sqlite3_str_appendall(q, ")::float8 END");
	/* digitisation (Circular 01/2023): of the new dossiers, of the results */
	sqlite3_str_appendall(q, ", digit, rdigit, CASE WHEN recv > 0 THEN 100.0::float8 * "
	    "digit::float8 / recv::float8 END, CASE WHEN early + ontime + late > 0 THEN "
	    "100.0::float8 * rdigit::float8 / (early + ontime + late)::float8 END");
	for (size_t i = 0; i < nr; i++)
		sqlite3_str_appendf(q, ", r%d", (int)i);
	sqlite3_str_appendall(q, " FROM s r");
	if (late)
		sqlite3_str_appendall(q, " WHERE NOT r.grand AND r.overdue > 0 ORDER BY "
		    "r.overdue DESC, r.g LIMIT $3");
	else
		sqlite3_str_appendall(q, " ORDER BY r.grand, r.g");
	if (sqlite3_str_errcode(q) != SQLITE_OK) {
		sqlite3_free(sqlite3_str_finish(q));
		return NULL;
	}
	return sqlite3_str_finish(q);
}

static long long
num(const struct province *p, const struct pg_result *r, int i, int j)
{
	const char *v = p->pg->value(r, i, j);

	return v != NULL ? atoll(v) : 0;
}

/* Row i of the result into one of the report's rows. */
static void
fill(const struct province *p, const struct pg_result *res, int i, struct report_row *r)
{
	const struct mc_field *rating = report_rating();
	const char *v;

	memset(r, 0, sizeof *r);
	r->carried_over = num(p, res, i, C_CARRIED);
	r->received_new = num(p, res, i, C_RECV);
	r->received_online = num(p, res, i, C_ONLINE);
	r->received_post = num(p, res, i, C_POST);
	r->resolved_early = num(p, res, i, C_EARLY);
	r->resolved_on_time = num(p, res, i, C_ONTIME);
	r->resolved_late = num(p, res, i, C_LATE);
	r->in_progress_within = num(p, res, i, C_WITHIN);
	r->in_progress_overdue = num(p, res, i, C_OVERDUE);
	r->guided = num(p, res, i, C_GUIDED);
	r->refused = num(p, res, i, C_REFUSED);
	r->withdrawn = num(p, res, i, C_WITHDRAWN);
	r->paused = num(p, res, i, C_PAUSED);
	r->stopped = num(p, res, i, C_STOPPED);
	for (size_t k = 0; k < nchoices(); k++) {
		r->rating[k] = num(p, res, i, C_RATING + (int)k);
		r->rated += r->rating[k];
		if (rating->choices[k].pleased)
			r->pleased += r->rating[k];
	}
	/* the rates as PostgreSQL computed them (float8: the shortest text
	 * that reads back as the same double) */
	if ((v = p->pg->value(res, i, C_RATE)) != NULL) {
		r->has_rate = true;
		r->on_time_rate = strtod(v, NULL);
	}
	if ((v = p->pg->value(res, i, C_SATISFACTION)) != NULL) {
		r->has_satisfaction = true;
		r->satisfaction_rate = strtod(v, NULL);
	}
	r->digitised = num(p, res, i, C_DIGIT);
	r->results_digitised = num(p, res, i, C_RDIGIT);
	if ((v = p->pg->value(res, i, C_DRATE)) != NULL) {
		r->has_digitised = true;
		r->digitised_rate = strtod(v, NULL);
	}
	if ((v = p->pg->value(res, i, C_RDRATE)) != NULL) {
		r->has_results_digitised = true;
		r->results_digitised_rate = strtod(v, NULL);
	}
}

static int
cmp_field(const void *a, const void *b)
{
	return vntext_collate(((const struct province_row *)a)->key,
	    ((const struct province_row *)b)->key);
}

static int
run_report(struct province *p, int from, int to, enum province_by by, bool late, int limit,
    struct province_report *out, struct mc_err *err)
{
	char s[MC_DATE_LEN], e[MC_DATE_LEN], lim[16];
	const char *vals[3] = {s, e, lim};
	struct pg_result *res;
	char *sql;
	int n;

	memset(out, 0, sizeof *out);
	err->msg[0] = '\0';
	if (to < from)
		return err_set(err, MC_EINVAL, _("the period ends before it starts: check "
		    "--from and --to"));
	out->from = from;
	out->to = to;
	out->by = by;
	if (province_ready(p, err))
		return -1;
	date_format(from, s);
	date_format(to + 1, e);
	snprintf(lim, sizeof lim, "%d", limit);
	if ((sql = report_sql(by, late)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	res = pv_exec(p, sql, late ? 3 : 2, vals, err);
	sqlite3_free(sql);
	if (res == NULL)
		return -1;
	n = p->pg->rows(res);
	if (n > 0 && (out->rows = calloc((size_t)n, sizeof *out->rows)) == NULL) {
		p->pg->clear(res);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	for (int i = 0; i < n; i++) {
		const char *grand = p->pg->value(res, i, C_GRAND);
		const char *key = p->pg->value(res, i, C_KEY);
		const char *name = p->pg->value(res, i, C_NAME);
		struct province_row *row;

		if (grand != NULL && grand[0] == 't') {
			fill(p, res, i, &out->total);
			continue;
		}
		row = &out->rows[out->nrows++];
		snprintf(row->key, sizeof row->key, "%s", key != NULL ? key : "");
		snprintf(row->name, sizeof row->name, "%s", name != NULL ? name : "");
		fill(p, res, i, &row->r);
		snprintf(row->r.field, sizeof row->r.field, "%s", row->key);
	}
	p->pg->clear(res);
	/* the fields in Vietnamese order, as the station's report has them */
	if (by == PROVINCE_BY_FIELD && !late && out->nrows > 1)
		qsort(out->rows, out->nrows, sizeof *out->rows, cmp_field);
	return 0;
}

int
province_report(struct province *p, int from, int to, enum province_by by,
    struct province_report *out, struct mc_err *err)
{
	return run_report(p, from, to, by, false, 0, out, err);
}

int
province_late(struct province *p, int at, int limit, struct province_report *out,
    struct mc_err *err)
{
	if (limit < 1)
		return err_set(err, MC_EINVAL, _("the number of communes must be 1 or more"));
	return run_report(p, at, at, PROVINCE_BY_COMMUNE, true, limit, out, err);
}

void
province_report_free(struct province_report *r)
{
	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
}
