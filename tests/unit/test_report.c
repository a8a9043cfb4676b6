/* test_report.c — the period figures (report.h) against a small set of
 * dossiers whose every figure is counted by hand below: carried over and
 * new, resolved early / on time / late (to the minute, with pauses and an
 * apology), in progress within time and overdue, paused at the end,
 * refused, withdrawn, cancelled, guided, ratings; the identities per field
 * and in total; the JSON; the logbook rows and the officers' day. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/report.h"
#include "station.h"
#include "tap.h"

/* the procedures of the sample catalog used */
#define HT3 "1.001022"	/* Hộ tịch, 3 working days, 15 000 đ */
#define HT0 "1.001193"	/* Hộ tịch, same day, free; two documents required */
#define CT0 "2.000815"	/* Chứng thực, same day */
#define CT2 "2.001035"	/* Chứng thực, 2 working days, 50 000 đ */
#define BT "1.001731"	/* Bảo trợ xã hội, two documents required */

static sqlite3 *db;
static struct mc_calendar *cal;

struct fx_step {
	enum mc_kind_id s;
	const char *at;
	const char *arg;	/* return: the rating; result: "refused";
				 * apologize: the new date */
};

/* The dossiers.  `due` is the due date-time after every step (moved by
 * pauses, as the calendar and lifecycle give it); `why` is what the
 * November figures count it as.  No holiday falls in October–December
 * 2026. */
static struct fixture {
	const char *name, *procedure, *received, *due;
	struct fx_step steps[3];
	const char *why;
	char code[MC_CODE_LEN];
} fx[] = {
	/* received before November */
	{"o1", HT3, "2026-10-28 09:00", "2026-11-02 09:00", {{MC_KIND_RESULT,
	    "2026-10-30 10:00", NULL}, {MC_KIND_RETURN, "2026-11-03 09:00", "very_satisfied"}},
	    "resolved before: nowhere; but returned in November: its rating counts", ""},
	{"o2", HT3, "2026-10-29 09:00", "2026-11-03 09:00", {{MC_KIND_RESULT,
	    "2026-11-02 10:00", NULL}}, "carried over; resolved early", ""},
	{"o3", HT3, "2026-10-30 09:00", "2026-11-04 09:00", {{0}},
	    "carried over; in progress, overdue", ""},
	{"o4", HT3, "2026-10-30 10:00", "2026-11-04 10:00", {{MC_KIND_WITHDRAW,
	    "2026-11-05 09:00", NULL}}, "carried over; withdrawn", ""},
	{"o5", CT2, "2026-10-15 09:00", "2026-10-19 09:00", {{MC_KIND_RESULT,
	    "2026-11-03 09:00", NULL}}, "carried over; resolved late", ""},
	{"o6", CT2, "2026-10-20 09:00", "2026-10-22 09:00", {{MC_KIND_WITHDRAW,
	    "2026-10-21 09:00", NULL}}, "withdrawn before: nowhere", ""},
	{"o7", HT3, "2026-10-29 11:00", "2026-11-06 11:00", {{MC_KIND_PAUSE,
	    "2026-10-30 10:00", NULL}, {MC_KIND_RESUME, "2026-11-04 09:00", NULL},
	    {MC_KIND_RESULT, "2026-11-06 10:00", NULL}},
	    "carried over; on time: paused 3 working days, due 3/11 → 6/11", ""},
	{"o8", HT3, "2026-10-28 14:00", "2026-11-02 14:00", {{MC_KIND_CANCEL,
	    "2026-11-02 10:00", NULL}}, "cancelled (an entry error): nowhere", ""},
	{"o9", HT0, "2026-10-30 16:00", "2026-11-02 17:00", {{MC_KIND_REFUSE,
	    "2026-11-02 09:00", NULL}}, "refused at the counter in November: refused only",
	    ""},
	/* received in November */
	{"n1", HT0, "2026-11-10 09:00", "2026-11-10 17:00", {{MC_KIND_RESULT,
	    "2026-11-10 16:00", NULL}}, "new; on time (same day: never early)", ""},
	{"n2", HT0, "2026-11-10 09:30", "2026-11-10 17:00", {{MC_KIND_RESULT,
	    "2026-11-11 09:00", NULL}}, "new; late", ""},
	{"n3", HT3, "2026-11-27 09:00", "2026-12-02 09:00", {{MC_KIND_HANDOVER,
	    "2026-11-27 10:00", NULL}}, "new; in progress within time", ""},
	{"n4", HT3, "2026-11-26 09:00", "2026-12-01 09:00", {{MC_KIND_PAUSE,
	    "2026-11-27 09:00", NULL}}, "new; in progress within time; paused", ""},
	{"n5", HT0, "2026-11-12 09:00", "2026-11-12 17:00", {{MC_KIND_REFUSE,
	    "2026-11-12 09:05", NULL}}, "refused only, never received", ""},
	{"n6", HT0, "2026-11-13 09:00", "2026-11-13 17:00", {{MC_KIND_CANCEL,
	    "2026-11-14 09:00", NULL}}, "cancelled: nowhere", ""},
	{"n7", HT0, "2026-11-16 09:00", "2026-11-16 17:00", {{MC_KIND_RESULT,
	    "2026-11-16 10:00", NULL}, {MC_KIND_RETURN, "2026-11-17 09:00", "very_satisfied"}},
	    "new; on time; very satisfied", ""},
	{"n8", HT3, "2026-11-02 09:00", "2026-11-05 09:00", {{MC_KIND_RESULT,
	    "2026-11-05 09:00", NULL}}, "new; on time, at the due minute", ""},
	{"n9", HT3, "2026-11-02 10:00", "2026-11-05 10:00", {{MC_KIND_RESULT,
	    "2026-11-05 10:01", NULL}}, "new; late by a minute on the due day", ""},
	{"n10", HT3, "2026-11-09 09:00", "2026-11-12 09:00", {{MC_KIND_APOLOGIZE,
	    "2026-11-11 09:00", "2026-11-20 10:00"}, {MC_KIND_RESULT, "2026-11-16 09:00",
	    NULL}, {MC_KIND_RETURN, "2026-11-18 09:00", "not_satisfied"}},
	    "new; late (an apology never moves the due); not satisfied", ""},
	{"n11", HT3, "2026-11-23 09:00", "2026-11-26 09:00", {{MC_KIND_TRANSFER,
	    "2026-11-24 09:00", NULL}}, "new; in progress, overdue", ""},
	{"n12", HT3, "2026-11-25 09:00", "2026-11-30 09:00", {{MC_KIND_RESULT,
	    "2026-12-01 09:00", NULL}}, "new; resolved in December: in progress at the end, "
	    "overdue", ""},
	{"n13", HT3, "2026-11-27 10:00", "2026-12-03 10:00", {{MC_KIND_PAUSE,
	    "2026-11-30 09:00", NULL}, {MC_KIND_RESUME, "2026-12-01 09:00", NULL}},
	    "new; in progress within time; paused at the end (resumed after it)", ""},
	{"n14", HT3, "2026-11-19 09:00", "2026-11-25 09:00", {{MC_KIND_PAUSE,
	    "2026-11-20 09:00", NULL}, {MC_KIND_RESUME, "2026-11-23 09:00", NULL},
	    {MC_KIND_RESULT, "2026-11-25 08:30", NULL}},
	    "new; on time: paused a working day, due 24/11 → 25/11", ""},
	{"c1", CT0, "2026-11-20 09:00", "2026-11-20 17:00", {{MC_KIND_RESULT,
	    "2026-11-20 10:00", NULL}, {MC_KIND_RETURN, "2026-11-20 11:00", "satisfied"}},
	    "new; on time; satisfied", ""},
	{"c2", CT2, "2026-11-30 15:00", "2026-12-02 15:00", {{0}},
	    "new; in progress within time", ""},
	{"c3", CT2, "2026-11-03 09:00", "2026-11-05 09:00", {{MC_KIND_RESULT,
	    "2026-11-04 09:00", "refused"}}, "new; early (a refused result is a result)", ""},
	{"c4", CT2, "2026-11-04 09:00", "2026-11-06 09:00", {{MC_KIND_WITHDRAW,
	    "2026-11-04 10:00", NULL}}, "new; withdrawn", ""},
	{"c5", CT0, "2026-11-30 09:00", "2026-11-30 17:00", {{MC_KIND_RESULT,
	    "2026-11-30 10:00", NULL}, {MC_KIND_RETURN, "2026-12-01 09:00", "satisfied"}},
	    "new; on time; its rating is December's", ""},
	{"c6", CT2, "2026-11-30 09:05", "2026-12-02 09:05", {{MC_KIND_WITHDRAW,
	    "2026-12-01 09:00", NULL}}, "new; withdrawn in December: in progress within", ""},
	/* received after */
	{"a1", HT0, "2026-12-02 09:00", "2026-12-02 17:00", {{0}}, "after: nowhere", ""},
};
#define NFX (sizeof fx / sizeof fx[0])

static const char *
code_of(const char *name)
{
	for (size_t i = 0; i < NFX; i++)
		if (strcmp(fx[i].name, name) == 0)
			return fx[i].code;
	bail("no such fixture", name);
}

/* The receipt of a fixture's dossier, by lan, at its time. */
static void
receive_fixture(struct fixture *f)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char id[16], name[32];

	memset(&r, 0, sizeof r);
	snprintf(id, sizeof id, "0870840%05zu", (size_t)(f - fx) + 1);
	snprintf(name, sizeof name, "Công Dân %s", f->name);
	r.procedure = f->procedure;
	r.docs = "all";
	r.applicant.name = name;
	r.applicant.id = id;
	/* the address is required (require_address); n1 alone gives a phone */
	r.applicant.address = "Ấp 3, xã Mỹ An";
	if (strcmp(f->name, "n1") == 0) {
		r.applicant.address = "Ấp 1, xã Mỹ An";
		r.applicant.phone = "0912345678";
	}
	r.officer = "lan";
	r.at = moment(f->received);
	if (dossier_receive(db, cal, &r, &out, &err) != 0)
		bail(f->name, err.msg);
	snprintf(f->code, sizeof f->code, "%s", out.code);
}

/* The fixture's step k, at its time (station.h's step: lan, truong for a
 * cancel). */
static void
step_fixture(struct fixture *f, int k)
{
	const struct fx_step *s = &f->steps[k];
	const struct mc_kind *kind = vocab_kind(s->s);
	struct mc_step_args a;

	/* -1 where the kind has no such field: nothing to give it */
	memset(&a, 0, sizeof a);
	(void)lifecycle_arg(&a, kind, "to", "Phạm Văn Tư");
	(void)lifecycle_arg(&a, kind, "agency", "Phòng Tư pháp");
	if (s->s != MC_KIND_RESULT || s->arg != NULL)
		(void)lifecycle_arg(&a, kind, "reason", "Lý do");
	if (s->s == MC_KIND_RETURN)
		(void)lifecycle_arg(&a, kind, "rating", s->arg);
	if (s->s == MC_KIND_RESULT && s->arg != NULL)
		(void)lifecycle_arg(&a, kind, "outcome", "refused");
	if (s->s == MC_KIND_APOLOGIZE)
		(void)lifecycle_arg(&a, kind, "new_date", s->arg);
	step(db, cal, f->code, s->s, s->at, &a);
}

/* A supplement request (Mẫu 02) instead of a receipt: document 1 only. */
static void
guide(const char *procedure, const char *when)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;

	memset(&r, 0, sizeof r);
	r.procedure = procedure;
	r.docs = "1";
	r.applicant.name = "Khách Hướng Dẫn";
	r.applicant.id = "087084000100";
	r.officer = "lan";
	r.at = moment(when);
	if (dossier_guide(db, &r, &out, &err) != 0)
		bail(when, err.msg);
}

static const char *
due_of(const char *code)
{
	static char buf[MC_TIME_LEN];
	struct mc_time t;
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT due FROM dossier WHERE code = ?1", -1, &st, NULL)
	    != SQLITE_OK)
		bail("due", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    date_parse_time((const char *)sqlite3_column_text(st, 0), &t) == 0)
		date_format_time(&t, buf);
	sqlite3_finalize(st);
	return buf;
}

/* ---- the figures ----------------------------------------------------------- */

/* The figures of a row in one order, for tables of expectations. */
enum { CARRIED, NEW, ONLINE, EARLY, ONTIME, LATE, WITHIN, OVERDUE, GUIDED, REFUSED,
	WITHDRAWN, PAUSED, VERY, SATISFIED, NOT_SATISFIED, NFIG };
static const char *const fig_name[NFIG] = {"carried over", "received new",
    "received online", "resolved early", "resolved on time", "resolved late",
    "in progress within time", "in progress overdue", "guided", "refused", "withdrawn",
    "paused", "very satisfied", "satisfied", "not satisfied"};

static void
figures(const struct report_row *r, long long v[NFIG])
{
	const long long f[NFIG] = {r->carried_over, r->received_new, r->received_online,
	    r->resolved_early, r->resolved_on_time, r->resolved_late, r->in_progress_within,
	    r->in_progress_overdue, r->guided, r->refused, r->withdrawn, r->paused,
	    r->rating[0], r->rating[1], r->rating[2]};

	memcpy(v, f, sizeof f);
}

static void
expect_row(const struct report_row *r, const long long want[NFIG], const char *what)
{
	long long v[NFIG];

	figures(r, v);
	for (int i = 0; i < NFIG; i++)
		is_int(v[i], want[i], "%s: %s", what, fig_name[i]);
}

static void
expect_rate(const struct report_row *r, double num, double den, const char *what)
{
	if (den == 0)
		ok(!r->has_rate, "%s: no result, no on-time rate", what);
	else
		ok(r->has_rate && fabs(r->on_time_rate - 100.0 * num / den) < 1e-9,
		    "%s: on-time rate %g of %g = %.2f %% (got %.4f)", what, num, den,
		    100.0 * num / den, r->on_time_rate);
}

/* report.h's identities, in every row, and the total as the sum of the
 * fields. */
static void
identities(const struct report_summary *s, const char *period)
{
	long long sum[NFIG] = {0}, tot[NFIG];
	bool ident = true, rate = true, sums = true;

	for (size_t i = 0; i <= s->nfields; i++) {
		const struct report_row *r = i < s->nfields ? &s->fields[i] : &s->total;
		long long resolved = r->resolved_early + r->resolved_on_time + r->resolved_late;
		long long v[NFIG];

		/* received = carried over + new = resolved + in progress + withdrawn */
		ident = ident && r->carried_over + r->received_new == resolved +
		    r->in_progress_within + r->in_progress_overdue + r->withdrawn;
		rate = rate && r->has_rate == (resolved > 0) && (!r->has_rate ||
		    fabs(r->on_time_rate - 100.0 * (double)(r->resolved_early +
		    r->resolved_on_time) / (double)resolved) < 1e-9);
		if (i < s->nfields) {
			figures(r, v);
			for (int k = 0; k < NFIG; k++)
				sum[k] += v[k];
		}
	}
	figures(&s->total, tot);
	for (int k = 0; k < NFIG; k++)
		sums = sums && sum[k] == tot[k];
	ok(ident, "%s: carried over + new = resolved + in progress + withdrawn, in every "
	    "field and the total", period);
	ok(rate, "%s: on-time rate = (early + on time) / resolved, in every row", period);
	ok(sums, "%s: every figure of the total is the sum of the fields", period);
}

static void
summary(int from, int to, struct report_summary *s)
{
	struct mc_err err;

	if (report_summary(db, from, to, s, &err) != 0)
		bail("report_summary", err.msg);
}

static void
test_november(void)
{
	/* counted by hand from the `why` column of fx[] (and g1, g2) */
	static const long long bt[NFIG] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
	static const long long ct[NFIG] = {
		1,	/* o5 */
		6,	/* c1 c2 c3 c4 c5 c6 */
		0,
		1,	/* c3 */
		2,	/* c1 c5 */
		1,	/* o5 */
		2,	/* c2 c6 */
		0, 0, 0,
		1,	/* c4 */
		0,
		0, 1, 0,	/* c1 satisfied; c5 returned in December */
	};
	static const long long ht[NFIG] = {
		4,	/* o2 o3 o4 o7 */
		12,	/* n1–n4, n7–n14 (not n5 refused, n6 cancelled) */
		0,
		1,	/* o2 */
		5,	/* o7 n1 n7 n8 n14 */
		3,	/* n2 n9 n10 */
		3,	/* n3 n4 n13 */
		3,	/* o3 n11 n12 */
		1,	/* g2 (g3 was in October) */
		2,	/* o9 n5 */
		1,	/* o4 */
		2,	/* n4 n13 */
		2, 0, 1,	/* o1 n7 very; n10 not */
	};
	static const long long total[NFIG] = {5, 18, 0, 2, 7, 4, 5, 3, 2, 2, 2, 2, 2, 1, 1};
	struct report_summary s;
	struct mc_err err;
	char *j;

	summary(date_jdn(2026, 11, 1), date_jdn(2026, 11, 30), &s);
	ok(s.from == date_jdn(2026, 11, 1) && s.to == date_jdn(2026, 11, 30), "November: the "
	    "period is kept");
	if (!is_int((long long)s.nfields, 3, "November: three fields"))
		bail("November", "the fields are not those expected");
	is_str(s.fields[0].field, "Bảo trợ xã hội", "fields in Vietnamese order: Bảo trợ xã hội");
	is_str(s.fields[1].field, "Chứng thực", "then Chứng thực");
	is_str(s.fields[2].field, "Hộ tịch", "then Hộ tịch");
	is_str(s.total.field, "", "the total has no field name");
	expect_row(&s.fields[0], bt, "Bảo trợ xã hội (guidance only)");
	expect_row(&s.fields[1], ct, "Chứng thực");
	expect_row(&s.fields[2], ht, "Hộ tịch");
	expect_row(&s.total, total, "total");
	expect_rate(&s.fields[0], 0, 0, "Bảo trợ xã hội");
	expect_rate(&s.fields[1], 3, 4, "Chứng thực");
	expect_rate(&s.fields[2], 6, 9, "Hộ tịch");
	expect_rate(&s.total, 9, 13, "total");
	identities(&s, "November");

	j = report_summary_json(db, &s, &err);
	{
		sqlite3_stmt *st;

		if (j == NULL || sqlite3_prepare_v2(db, "SELECT json_extract(?1, '$.from') || ' ' "
		    "|| json_extract(?1, '$.to') || ' ' || json_extract(?1, '$.total.received_new') "
		    "|| ' ' || json_extract(?1, '$.total.on_time_rate') || ' ' || json_extract(?1, "
		    "'$.fields[2].field') || ' ' || json_extract(?1, '$.fields[2].satisfaction."
		    "not_satisfied') || ' ' || json_type(?1, '$.fields[0].on_time_rate')", -1, &st,
		    NULL) != SQLITE_OK)
			bail("json", j == NULL ? err.msg : sqlite3_errmsg(db));
		sqlite3_bind_text(st, 1, j, -1, SQLITE_STATIC);
		is_str(sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) :
		    NULL, "2026-11-01 2026-11-30 18 69.23 Hộ tịch 1 null",
		    "the JSON: period, figures, the rate rounded, a field, no rate as null");
		sqlite3_finalize(st);
	}
	free(j);
	report_summary_free(&s);
}

static void
test_other_periods(void)
{
	/* 10/11: o3 and n10 open at its start; n1, n2 received; n1 resolved;
	 * at its end n10 within time (due 12/11), o3 and n2 overdue */
	static const long long day[NFIG] = {2, 2, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0};
	struct report_summary s;
	struct mc_err err;

	summary(date_jdn(2026, 11, 10), date_jdn(2026, 11, 10), &s);
	if (!is_int((long long)s.nfields, 1, "10/11: one field"))
		bail("10/11", "the fields are not those expected");
	expect_row(&s.total, day, "10/11");
	expect_rate(&s.total, 1, 1, "10/11");
	identities(&s, "10/11");
	report_summary_free(&s);

	/* 2/12: a1 received; o3 n3 n4 n11 n13 c2 open at its start; nothing
	 * resolved */
	summary(date_jdn(2026, 12, 2), date_jdn(2026, 12, 2), &s);
	ok(s.total.received_new == 1 && s.total.carried_over == 6, "2/12: one new, six "
	    "carried over (got %lld, %lld)", s.total.received_new, s.total.carried_over);
	expect_rate(&s.total, 0, 0, "2/12");
	identities(&s, "2/12");
	report_summary_free(&s);

	/* October: o1–o7 received (o8 and o9, open at its end, were later
	 * cancelled and refused: a cancelled dossier counts nowhere, a
	 * refused one never as received); o1 early, o6 withdrawn; at the
	 * end o2 o3 o4 o7 within time (o7 paused), o5 overdue (due 19/10) */
	{
		static const long long oct[NFIG] = {0, 7, 0, 1, 0, 0, 4, 1, 1, 0, 1, 1, 0, 0, 0};

		summary(date_jdn(2026, 10, 1), date_jdn(2026, 10, 31), &s);
		expect_row(&s.total, oct, "October");
		identities(&s, "October");
		report_summary_free(&s);
	}

	ok(report_summary(db, date_jdn(2026, 11, 30), date_jdn(2026, 11, 1), &s, &err) == -1 &&
	    err.kind == MC_EINVAL, "a period that ends before it starts is refused (%s)",
	    err.msg);
}

/* What the status table counts each status as (vocab.h) is what the
 * figures count: every dossier received in November whose status counts
 * as received is new, every one refused at the counter within it is
 * refused; and the JSON's satisfaction holds one count per rating, keyed
 * by the rating's values in the table's order. */
static void
test_by_the_table(void)
{
	const struct mc_field *rating = vocab_field_of_type(vocab_kind(MC_KIND_RETURN),
	    MC_FT_ENUM);
	char received[256], refused[256], *sql, *j, keys[256] = "", want[256] = "";
	struct report_summary s;
	struct mc_err err;
	sqlite3_stmt *st;

	summary(date_jdn(2026, 11, 1), date_jdn(2026, 11, 30), &s);
	vocab_report_sql(MC_REPORT_COUNTED | MC_REPORT_WITHDRAWN, received, sizeof received);
	vocab_report_sql(MC_REPORT_REFUSED, refused, sizeof refused);
	sql = sqlite3_mprintf("SELECT (SELECT count(*) FROM dossier WHERE received >= "
	    "'2026-11-01' AND received < '2026-12-01' AND status IN %s), (SELECT count(*) "
	    "FROM dossier WHERE closed_at >= '2026-11-01' AND closed_at < '2026-12-01' AND "
	    "status IN %s)", received, refused);
	if (sql == NULL || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		bail("counting by status", sqlite3_errmsg(db));
	is_int(s.total.received_new, sqlite3_column_int64(st, 0), "November: new = the "
	    "dossiers received in it whose status counts as received (%s)", received);
	is_int(s.total.refused, sqlite3_column_int64(st, 1), "November: refused = those "
	    "in a status counted as refused, closed in it (%s)", refused);
	sqlite3_finalize(st);
	sqlite3_free(sql);

	if ((j = report_summary_json(db, &s, &err)) == NULL)
		bail("json", err.msg);
	if (sqlite3_prepare_v2(db, "SELECT group_concat(key || '=' || value, ' ') FROM "
	    "json_each(?1, '$.total.satisfaction')", -1, &st, NULL) != SQLITE_OK)
		bail("json", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, j, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(keys, sizeof keys, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (size_t i = 0; rating != NULL && i < vocab_nchoices(rating); i++)
		snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s=%lld",
		    i ? " " : "", rating->choices[i].value, s.total.rating[i]);
	is_str(keys, want, "the JSON's satisfaction: each rating of the table, in its order");
	is_str(want, "very_satisfied=2 satisfied=1 not_satisfied=1", "which are November's");
	free(j);
	report_summary_free(&s);
}

/* A period without a dossier, and a database without any: zero figures,
 * no field, no rate; nothing to sort (qsort is never given NULL). */
static void
test_empty(void)
{
	static const long long zero[NFIG] = {0};
	struct report_summary s;
	struct mc_err err;
	sqlite3 *empty = station_new("empty.db", 2);
	char *j;

	summary(date_jdn(2025, 1, 1), date_jdn(2025, 1, 31), &s);
	is_int((long long)s.nfields, 0, "January 2025: no field");
	expect_row(&s.total, zero, "January 2025");
	expect_rate(&s.total, 0, 0, "January 2025");
	identities(&s, "January 2025");
	report_summary_free(&s);

	ok(report_summary(empty, date_jdn(2026, 11, 1), date_jdn(2026, 11, 30), &s, &err) == 0,
	    "an empty database: the summary is made");
	is_int((long long)s.nfields, 0, "an empty database: no field");
	ok(s.fields == NULL, "an empty database: no row was allocated");
	expect_row(&s.total, zero, "an empty database");
	expect_rate(&s.total, 0, 0, "an empty database");
	j = report_summary_json(empty, &s, &err);
	is_str(j, "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\",\"total\":{"
	    "\"carried_over\":0,\"received_new\":0,\"received_online\":0,"
	    "\"resolved_early\":0,\"resolved_on_time\":0,\"resolved_late\":0,"
	    "\"in_progress_within\":0,\"in_progress_overdue\":0,\"guided\":0,"
	    "\"refused\":0,\"withdrawn\":0,\"paused\":0,\"satisfaction\":{"
	    "\"very_satisfied\":0,\"satisfied\":0,\"not_satisfied\":0},"
	    "\"on_time_rate\":null,\"stopped\":0,\"satisfaction_rate\":null,"
	    "\"digitised_rate\":null,\"received_post\":0,\"digitised\":0,"
	    "\"results_digitised\":0,\"results_digitised_rate\":null},\"fields\":[],"
	    "\"officers\":[],"
	    "\"bodies\":[]}",
	    "an empty database: the JSON, every figure zero, no field, no rate");
	free(j);
	report_summary_free(&s);
	db_close(empty);
}

/* ---- the logbook and the officers' day -------------------------------------- */

struct book {
	struct report_logbook_row r[32];
	int n, stop;		/* stop after that many rows (0: never) */
};

static int
book_row(const struct report_logbook_row *r, void *arg)
{
	struct book *b = arg;

	if (b->n < 32)
		b->r[b->n] = *r;
	b->n++;
	return b->stop != 0 && b->n >= b->stop;
}

static const struct report_logbook_row *
book_find(const struct book *b, const char *name)
{
	for (int i = 0; i < b->n && i < 32; i++)
		if (strcmp(b->r[i].code, code_of(name)) == 0)
			return &b->r[i];
	return NULL;
}

static void
test_logbook(void)
{
	static const char *const order[] = {"n8", "n9", "c3", "c4", "n10", "n1", "n2", "n5",
	    "n6", "n7", "n14", "c1", "n11", "n12", "n4", "n3", "n13", "c5", "c6", "c2"};
	static const struct { const char *name, *note; } notes[] = {{"n5", "từ chối"},
	    {"n6", "hủy (nhập nhầm)"}, {"n4", "tạm dừng"}, {"c4", "rút hồ sơ"},
	    {"n10", "xin lỗi, hẹn lại"}, {"n13", ""}, {"n12", ""}};
	struct book b = {.n = 0};
	const struct report_logbook_row *r;
	struct mc_procedure p;
	struct mc_err err;
	bool in_order = true;

	ok(report_logbook(db, date_jdn(2026, 11, 1), date_jdn(2026, 11, 30), book_row, &b,
	    &err) == 0, "the logbook of November");
	if (!is_int(b.n, 20, "every dossier received in November, refused and cancelled "
	    "ones too"))
		bail("logbook", "the rows are not those expected");
	/* the running numbers of station 1's book of 2026 go on from the
	 * receipts of October */
	{
		long long before = db_int(db, "SELECT count(*) FROM dossier WHERE received "
		    ">= '2026' AND received < '2026-11'", -1);

		ok(before > 0, "the fixture holds receipts of October (%lld)", before);
		for (int i = 0; i < 20; i++)
			in_order = in_order && b.r[i].n == before + 1 + i && b.r[i].sets == 1 &&
			    strcmp(b.r[i].book, "01/2026") == 0 &&
			    strcmp(b.r[i].code, code_of(order[i])) == 0;
	}
	ok(in_order, "in receipt order, numbered on from October's in book 01/2026, "
	    "one set each");

	r = book_find(&b, "n1");
	if (r == NULL || catalog_get(db, HT0, &p, &err) != 0)
		bail("logbook", "n1");
	ok(strcmp(r->procedure, p.name) == 0 && strcmp(r->applicant, "Công Dân n1") == 0,
	    "n1: the procedure and the applicant");
	catalog_procedure_free(&p);
	is_str(r->contact, "Ấp 1, xã Mỹ An; 0912345678", "n1: address; phone");
	is_str(r->agency, UNIT_NAME, "n1: handled by the unit itself");
	ok(strcmp(r->received, "2026-11-10 09:00") == 0 && strcmp(r->due, "2026-11-10 17:00")
	    == 0 && strcmp(r->transferred, "") == 0 && strcmp(r->result, "2026-11-10 16:00")
	    == 0 && strcmp(r->returned, "") == 0 && strcmp(r->note, "") == 0,
	    "n1: received, due, no transfer, result, not returned, no note");
	is_str(book_find(&b, "n2")->contact, "Ấp 3, xã Mỹ An", "n2: the address alone, no phone");
	r = book_find(&b, "n11");
	ok(strcmp(r->agency, "Phòng Tư pháp") == 0 && strcmp(r->transferred,
	    "2026-11-24 09:00") == 0, "n11: transferred to the agency that handles it");
	r = book_find(&b, "n3");
	ok(strcmp(r->agency, UNIT_NAME) == 0 && strcmp(r->transferred, "2026-11-27 10:00")
	    == 0, "n3: a handover is a transfer for the logbook, the unit still handles it");
	r = book_find(&b, "n10");
	ok(strcmp(r->due, "2026-11-20 10:00") == 0 && strcmp(r->returned, "2026-11-18 09:00")
	    == 0, "n10: the appointment after the apology, and the return");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
		is_str(book_find(&b, notes[i].name)->note, notes[i].note, "%s: the note",
		    notes[i].name);

	b = (struct book){.n = 0, .stop = 3};
	ok(report_logbook(db, date_jdn(2026, 11, 1), date_jdn(2026, 11, 30), book_row, &b,
	    &err) == 0 && b.n == 3, "the callback stops the logbook");
}

struct day {
	struct report_officer_row r[4];
	int n;
};

static int
day_row(const struct report_officer_row *r, void *arg)
{
	struct day *d = arg;

	if (d->n < 4)
		d->r[d->n] = *r;
	d->n++;
	return 0;
}

/* lan's figures on a day: receipts, returns, guided, fees, as text */
static const char *
lan_on(int y, int m, int dd)
{
	static char buf[400];
	struct day d = {.n = 0};
	struct mc_err err;

	if (report_officer(db, date_jdn(y, m, dd), day_row, &d, &err) != 0)
		bail("report_officer", err.msg);
	if (d.n != 2 || strcmp(d.r[0].officer, "lan") != 0 ||
	    strcmp(d.r[1].officer, "truong") != 0 || d.r[1].receipts != 0)
		return "(not lan then truong with no receipt)";
	snprintf(buf, sizeof buf, "%s: %lld %lld %lld %lld", d.r[0].full_name,
	    d.r[0].receipts, d.r[0].returns, d.r[0].guided, d.r[0].fees);
	return buf;
}

static void
test_officer(void)
{
	is_str(lan_on(2026, 11, 2), "Nguyễn Thị Lan: 2 0 0 30000",
	    "2/11: n8 and n9 received, 15 000 đ each (o8's cancel is not a receipt)");
	is_str(lan_on(2026, 11, 4), "Nguyễn Thị Lan: 1 0 0 50000",
	    "4/11: c4 received (withdrawn that day, still a receipt)");
	is_str(lan_on(2026, 11, 13), "Nguyễn Thị Lan: 0 0 0 0",
	    "13/11: n6 was cancelled, never really received");
	is_str(lan_on(2026, 11, 18), "Nguyễn Thị Lan: 0 1 2 0",
	    "18/11: n10 returned, g1 and g2 guided");
}

/* ---- the story --------------------------------------------------------------- */

/* One moment of the story: fixture f's receipt (k -1) or step k, or a
 * guidance (f NULL, g its procedure). */
struct moment {
	const char *at;
	struct fixture *f;
	int k;
	const char *g;
	int order;		/* as written: to keep ties in that order */
};

static int
moment_cmp(const void *a, const void *b)
{
	const struct moment *x = a, *y = b;
	int c = strcmp(x->at, y->at);

	return c != 0 ? c : x->order - y->order;
}

/* Everything the fixtures and the guidance hold, recorded as it happens:
 * in time order, the clock at each moment (a receipt before the station's
 * newest event or before today is a supervisor's, clock.h, and these are
 * lan's). */
static void
story(void)
{
	static const struct { const char *procedure, *at; } guides[] = {
		{BT, "2026-11-18 09:00"},	/* g1 */
		{HT0, "2026-11-18 09:10"},	/* g2 */
		{HT0, "2026-10-20 09:00"},	/* g3, before the period */
	};
	struct moment m[4 * NFX + 3];
	size_t n = 0;

	for (size_t i = 0; i < NFX; i++) {
		m[n] = (struct moment){fx[i].received, &fx[i], -1, NULL, (int)n};
		n++;
		for (int k = 0; k < 3 && fx[i].steps[k].at != NULL; k++) {
			m[n] = (struct moment){fx[i].steps[k].at, &fx[i], k, NULL, (int)n};
			n++;
		}
	}
	for (size_t i = 0; i < sizeof guides / sizeof guides[0]; i++) {
		m[n] = (struct moment){guides[i].at, NULL, 0, guides[i].procedure, (int)n};
		n++;
	}
	qsort(m, n, sizeof m[0], moment_cmp);
	for (size_t i = 0; i < n; i++) {
		tap_now(m[i].at);
		if (m[i].f == NULL)
			guide(m[i].g, m[i].at);
		else if (m[i].k < 0)
			receive_fixture(m[i].f);
		else
			step_fixture(m[i].f, m[i].k);
	}
}

/* ---- the counts the reports read (report-agg.c) --------------------------- */

/* The counts kept through the story (receipts, each kind of event) are
 * those a recount of the rows gives; the header's and the weekly chart's
 * are what the rows and the summaries say; a damaged count is found and a
 * rebuild recounts it. */
static void
test_counts(void)
{
	struct report_week *w = NULL;
	struct report_summary sum;
	struct mc_err err;
	long long differ = -1, total, changed;
	char first[64];
	int today = -1, overdue = -1;
	size_t n = 0;
	bool same = true;

	ok(report_agg_check(db, &differ, first, sizeof first, &err) == 0 && differ == 0,
	    "the kept counts are those of the rows (%lld differ, %s)", differ, first);
	ok(report_agg_due(db, date_jdn(2026, 11, 4), &today, &overdue, &err) == 0,
	    "the header's counts as of 4/11");
	is_int(today, db_int(db, "SELECT count(*) FROM dossier WHERE status IN ('received', "
	    "'processing', 'transferred') AND substr(appointment, 1, 10) = '2026-11-04'", -1),
	    "due today: the open dossiers whose clock runs, due that day");
	is_int(overdue, db_int(db, "SELECT count(*) FROM dossier WHERE status IN ('received', "
	    "'processing', 'transferred') AND appointment < '2026-11-04'", -1),
	    "overdue: those due before it");
	ok(report_weeks(db, date_jdn(2026, 10, 1), date_jdn(2026, 12, 31), &w, &n, &err) == 0,
	    "the weekly chart of a quarter");
	is_int((long long)n, 14, "fourteen weeks, the first and last cut to the period");
	for (size_t i = 0; i < n; i++) {
		if (report_summary(db, w[i].from, w[i].to, &sum, &err) != 0) {
			same = false;
			break;
		}
		same = same && sum.total.received_new == w[i].received;
		report_summary_free(&sum);
	}
	ok(same, "each week's receipts are its summary's received new");
	free(w);
	ok(db_exec(db, "UPDATE report_agg SET n = n + 1 WHERE (what, day, field, body, sub) "
	    "IN (SELECT what, day, field, body, sub FROM report_agg WHERE what = 'prog' "
	    "LIMIT 1)", &err) == 0, "(a count damaged)");
	ok(report_agg_check(db, &differ, first, sizeof first, &err) == 0 && differ == 1,
	    "a damaged count is found (%lld, %s)", differ, first);
	ok(dossier_rebuild(db, "truong", &total, &changed, &err) == 0 && changed == 0,
	    "a rebuild: the rows are the same (%s)", err.msg);
	ok(report_agg_check(db, &differ, first, sizeof first, &err) == 0 && differ == 0,
	    "and the counts recounted from them (%lld differ)", differ);
	ok(db_exec(db, "DELETE FROM report_agg", &err) == 0 && report_agg_fill(db, &err) == 0 &&
	    report_agg_check(db, &differ, first, sizeof first, &err) == 0 && differ == 0,
	    "the counts filled for a database from before them (%lld differ)", differ);
}

int
main(void)
{
	struct mc_err err;

	test_dir_make("report");
	/* the station is set up before its first receipt (o5, 15/10) */
	tap_now("2026-10-15 08:00");
	db = station_new("r.db", 1);
	if (calendar_open(db, &cal, &err) != 0)
		bail("calendar", err.msg);
	story();
	/* the premises: each dossier's due date-time as the counts assume */
	for (size_t i = 0; i < NFX; i++)
		is_str(due_of(fx[i].code), fx[i].due, "%s (%s): due", fx[i].name, fx[i].why);

	test_november();
	test_other_periods();
	test_by_the_table();
	test_empty();
	test_logbook();
	test_officer();
	test_counts();

	calendar_close(cal);
	db_close(db);
	test_dir_remove();
	return tap_done();
}
