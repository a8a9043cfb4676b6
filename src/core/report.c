/* report.c — the period figures, the logbook and the officers' day, all
 * from the dossier rows (and guidance events), as report.h defines them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/format.h"
#include "motcua/i18n.h"
#include "motcua/report.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "report-int.h"

/* The summary reads the counts the projection keeps (report-agg.c), a
 * few rows per day from the period's start on, never the dossiers; the
 * guidance given, which makes no dossier, is counted from its events of
 * the period (the events' kind index). */

/* room for a list of statuses, "('a', 'b')" (vocab_report_sql) */
#define STATUS_LIST 256

/* What the summary's rows are grouped by: the procedure's field, or its
 * deciding body (catalog.h; the unit itself when the catalog named none).
 * dossier: an expression over the row d; guided: over a guidance event's
 * body.  Both sqlite3_free'd by by_free. */
struct by {
	char *dossier, *guided;
};

static int
by_body(struct by *b, const char *unit)
{
	b->dossier = sqlite3_mprintf("coalesce(d.decided_by, %Q)", unit);
	b->guided = sqlite3_mprintf("coalesce(json_extract(body, '$.procedure."
	    "decided_by'), %Q)", unit);
	return b->dossier != NULL && b->guided != NULL ? 0 : -1;
}

static int
by_field(struct by *b)
{
	char path[64];

	b->dossier = sqlite3_mprintf("d.field");
	b->guided = sqlite3_mprintf("json_extract(body, %Q)",
	    vocab_path(&vocab_kind(MC_KIND_GUIDE)->fields[0], path, sizeof path));
	return b->dossier != NULL && b->guided != NULL ? 0 : -1;
}

static void
by_free(struct by *b)
{
	sqlite3_free(b->dossier);
	sqlite3_free(b->guided);
	b->dossier = b->guided = NULL;
}

struct report_row *
report_row_for(struct report_summary *s, const char *field, struct mc_err *err)
{
	struct report_row *r;

	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].field, field) == 0)
			return &s->fields[i];
	r = realloc(s->fields, (s->nfields + 1) * sizeof *r);
	if (r == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	s->fields = r;
	r = &s->fields[s->nfields++];
	memset(r, 0, sizeof *r);
	snprintf(r->field, sizeof r->field, "%s", field);
	return r;
}

static int
cmp_field(const void *a, const void *b)
{
	return vntext_collate(((const struct report_row *)a)->field,
	    ((const struct report_row *)b)->field);
}

void
report_row_add(struct report_row *t, const struct report_row *r)
{
	t->carried_over += r->carried_over;
	t->received_new += r->received_new;
	t->received_online += r->received_online;
	t->received_post += r->received_post;
	t->resolved_early += r->resolved_early;
	t->resolved_on_time += r->resolved_on_time;
	t->resolved_late += r->resolved_late;
	t->in_progress_within += r->in_progress_within;
	t->in_progress_overdue += r->in_progress_overdue;
	t->guided += r->guided;
	t->refused += r->refused;
	t->withdrawn += r->withdrawn;
	t->paused += r->paused;
	t->stopped += r->stopped;
	t->digitised += r->digitised;
	t->results_digitised += r->results_digitised;
	for (int i = 0; i < MC_CHOICES_MAX; i++)
		t->rating[i] += r->rating[i];
}

static void
set_rate(struct report_row *r)
{
	const struct mc_field *rating = report_rating();
	long long resolved = r->resolved_early + r->resolved_on_time + r->resolved_late;

	r->has_rate = resolved > 0;
	r->on_time_rate = resolved > 0 ?
	    100.0 * (double)(r->resolved_early + r->resolved_on_time) / (double)resolved : 0;
	/* the ratings given, and of them the satisfied ones (vocab's pleased) */
	r->rated = r->pleased = 0;
	for (size_t i = 0; rating != NULL && i < vocab_nchoices(rating); i++) {
		r->rated += r->rating[i];
		if (rating->choices[i].pleased)
			r->pleased += r->rating[i];
	}
	r->has_satisfaction = r->rated > 0;
	r->satisfaction_rate = r->rated > 0 ?
	    100.0 * (double)r->pleased / (double)r->rated : 0;
	/* the digitisation rates (Circular 01/2023): of the new dossiers, and
	 * of the results of the period (report.h) */
	r->has_digitised = r->received_new > 0;
	r->digitised_rate = r->received_new > 0 ?
	    100.0 * (double)r->digitised / (double)r->received_new : 0;
	r->has_results_digitised = resolved > 0;
	r->results_digitised_rate = resolved > 0 ?
	    100.0 * (double)r->results_digitised / (double)resolved : 0;
}

/* Run one grouped query whose rows are (field, counts…) and hand each row
 * to fill(). */
static int
grouped(sqlite3 *db, const char *sql, const char *s, const char *e,
    struct report_summary *out,
    void (*fill)(struct report_row *, sqlite3_stmt *), struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *f = sqlite3_column_text(st, 0);
		struct report_row *r = report_row_for(out, f != NULL ? (const char *)f : "", err);

		if (r == NULL) {
			sqlite3_finalize(st);
			return -1;
		}
		fill(r, st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("counting the dossiers"));
	return 0;
}

static void
fill_guided(struct report_row *r, sqlite3_stmt *st)
{
	r->guided = sqlite3_column_int64(st, 1);
}

const struct mc_field *
report_rating(void)
{
	return vocab_field_of_type(vocab_kind(MC_KIND_RETURN), MC_FT_ENUM);
}

/* The guidance events of the period, by the procedure's field (or
 * deciding body) their body holds (sqlite3_free it); NULL when out of
 * memory. */
static char *
guided_sql(const struct by *by)
{
	return sqlite3_mprintf("SELECT %s, count(*) FROM event "
	    "WHERE kind = %Q AND at >= ?1 AND at < ?2 GROUP BY 1", by->guided,
	    vocab_kind(MC_KIND_GUIDE)->name);
}

/* The guidance of the period into the rows grouped `by`, then the rows
 * sorted, each with its rate, and their total. */
static int
summary_finish(sqlite3 *db, const char *s, const char *e, const struct by *by,
    struct report_summary *out, struct mc_err *err)
{
	char *sql = guided_sql(by);
	int rc;

	rc = sql != NULL ? grouped(db, sql, s, e, out, fill_guided, err) :
	    err_set(err, MC_ENOMEM, _("out of memory"));
	sqlite3_free(sql);
	if (rc != 0)
		return -1;
	/* a period without a dossier has no row: qsort wants an array */
	if (out->nfields > 1)
		qsort(out->fields, out->nfields, sizeof *out->fields, cmp_field);
	memset(&out->total, 0, sizeof out->total);
	for (size_t i = 0; i < out->nfields; i++) {
		set_rate(&out->fields[i]);
		report_row_add(&out->total, &out->fields[i]);
	}
	set_rate(&out->total);
	return 0;
}

int
report_summary(sqlite3 *db, int from, int to, struct report_summary *out,
    struct mc_err *err)
{
	char s[MC_DATE_LEN], e[MC_DATE_LEN], unit[256] = "";
	struct report_summary bodies;
	struct by by = {NULL, NULL};
	int rc;

	memset(out, 0, sizeof *out);
	memset(&bodies, 0, sizeof bodies);
	if (to < from)
		return err_set(err, MC_EINVAL, _("the period ends before it starts: check "
		    "--from and --to"));
	out->from = from;
	out->to = to;
	/* times are ISO text: a date compares as the start of that day */
	date_format(from, s);
	date_format(to + 1, e);
	/* the same figures per deciding body: a dossier whose catalog named
	 * none is decided by this unit (the logbook's column says the same) */
	(void)db_meta_get(db, "unit_name", unit, sizeof unit);
	if (report_agg_figures(db, s, e, unit, out, &bodies, err) != 0)
		goto fail;
	if (by_field(&by) != 0) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	rc = summary_finish(db, s, e, &by, out, err);
	by_free(&by);
	if (rc != 0)
		goto fail;
	if (by_body(&by, unit) != 0) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	rc = summary_finish(db, s, e, &by, &bodies, err);
	by_free(&by);
	if (rc != 0)
		goto fail;
	out->bodies = bodies.fields;
	out->nbodies = bodies.nfields;
	return 0;
fail:
	by_free(&by);
	report_summary_free(&bodies);
	report_summary_free(out);
	return -1;
}

void
report_summary_free(struct report_summary *s)
{
	free(s->fields);
	s->fields = NULL;
	s->nfields = 0;
	free(s->bodies);
	s->bodies = NULL;
	s->nbodies = 0;
	free(s->officers);
	s->officers = NULL;
	s->nofficers = 0;
}

/* A rate as the JSON gives it: rounded to two decimals, or null. */
static void
bind_rate(sqlite3_stmt *st, int i, bool has, double rate)
{
	if (has)
		sqlite3_bind_double(st, i, (double)(long long)(rate * 100 + 0.5) / 100);
	else
		sqlite3_bind_null(st, i);
}

/* One row as a JSON object, made by SQLite: the figures (report.h's
 * names), "satisfaction" with a count per choice of the rating, keyed by
 * its value, and the rate; with the row's name under `key` ("field",
 * "body") unless that is NULL (the total). */
static char *
row_json(sqlite3 *db, const struct report_row *r, const char *key, struct mc_err *err)
{
	const struct mc_field *rating = report_rating();
	size_t nrating = rating != NULL ? vocab_nchoices(rating) : 0;
	sqlite3_stmt *st;
	sqlite3_str *sql;
	char *out = NULL, *text;
	int rc;
	const long long v[] = {r->carried_over, r->received_new, r->received_online,
	    r->resolved_early, r->resolved_on_time, r->resolved_late, r->in_progress_within,
	    r->in_progress_overdue, r->guided, r->refused, r->withdrawn, r->paused};
	const int nv = (int)(sizeof v / sizeof v[0]);

	sql = sqlite3_str_new(db);
	sqlite3_str_appendall(sql, "SELECT json_object('carried_over', ?1, 'received_new', "
	    "?2, 'received_online', ?3, 'resolved_early', ?4, 'resolved_on_time', ?5, "
	    "'resolved_late', ?6, 'in_progress_within', ?7, 'in_progress_overdue', ?8, "
	    "'guided', ?9, 'refused', ?10, 'withdrawn', ?11, 'paused', ?12, "
	    "'satisfaction', json_object(");
	for (size_t i = 0; i < nrating; i++)
		sqlite3_str_appendf(sql, "%s%Q, ?%d", i ? ", " : "", rating->choices[i].value,
		    nv + 1 + (int)i);
	/* the keys added later come after the others, in the order added */
	sqlite3_str_appendf(sql, "), 'on_time_rate', ?%d, 'stopped', ?%d, "
	    "'satisfaction_rate', ?%d, 'digitised_rate', ?%d, 'received_post', ?%d, "
	    "'digitised', ?%d, 'results_digitised', ?%d, 'results_digitised_rate', ?%d)",
	    nv + 1 + (int)nrating, nv + 2 + (int)nrating, nv + 3 + (int)nrating,
	    nv + 4 + (int)nrating, nv + 5 + (int)nrating, nv + 6 + (int)nrating,
	    nv + 7 + (int)nrating, nv + 8 + (int)nrating);
	if ((text = sqlite3_str_finish(sql)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	rc = db_prepare(db, text, &st, err);
	sqlite3_free(text);
	if (rc != 0)
		return NULL;
	for (int i = 0; i < nv; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	for (size_t i = 0; i < nrating; i++)
		sqlite3_bind_int64(st, nv + 1 + (int)i, r->rating[i]);
	bind_rate(st, nv + 1 + (int)nrating, r->has_rate, r->on_time_rate);
	sqlite3_bind_int64(st, nv + 2 + (int)nrating, r->stopped);
	bind_rate(st, nv + 3 + (int)nrating, r->has_satisfaction, r->satisfaction_rate);
	sqlite3_bind_int64(st, nv + 5 + (int)nrating, r->received_post);
	bind_rate(st, nv + 4 + (int)nrating, r->has_digitised, r->digitised_rate);
	sqlite3_bind_int64(st, nv + 6 + (int)nrating, r->digitised);
	sqlite3_bind_int64(st, nv + 7 + (int)nrating, r->results_digitised);
	bind_rate(st, nv + 8 + (int)nrating, r->has_results_digitised,
	    r->results_digitised_rate);
	if (sqlite3_step(st) == SQLITE_ROW)
		out = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (out != NULL && key != NULL) {
		char *f;

		if (db_preparef(db, &st, err, "SELECT json_set(json(?1), '$.%q', ?2)", key)) {
			sqlite3_free(out);
			return NULL;
		}
		sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->field, -1, SQLITE_STATIC);
		f = sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_mprintf("%s", sqlite3_column_text(st, 0)) : NULL;
		sqlite3_finalize(st);
		sqlite3_free(out);
		out = f;
	}
	if (out == NULL)
		db_fail(db, err, _("writing the figures"));
	return out;
}

/* The satisfaction per officer as a JSON array, made by SQLite
 * (sqlite3_free it); NULL on error. */
static char *
officers_json(sqlite3 *db, const struct report_summary *s, struct mc_err *err)
{
	sqlite3_stmt *st;
	char *out = sqlite3_mprintf("[]");

	if (db_prepare(db, "SELECT json_insert(json(?1), '$[#]', json_object('officer', ?2, "
	    "'full_name', ?3, 'rated', ?4, 'satisfied', ?5, 'satisfaction_rate', ?6))",
	    &st, err)) {
		sqlite3_free(out);
		return NULL;
	}
	for (size_t i = 0; i < s->nofficers && out != NULL; i++) {
		const struct report_officer_rating *r = &s->officers[i];
		char *next = NULL;

		sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->officer, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, r->full_name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, r->rated);
		sqlite3_bind_int64(st, 5, r->pleased);
		bind_rate(st, 6, true, r->satisfaction_rate);
		if (sqlite3_step(st) == SQLITE_ROW)
			next = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		sqlite3_free(out);
		out = next;
	}
	sqlite3_finalize(st);
	if (out == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return out;
}

/* Rows as a JSON array, each with its name under `key` (sqlite3_free it);
 * NULL on error. */
static char *
rows_json(sqlite3 *db, const struct report_row *rows, size_t n, const char *key,
    struct mc_err *err)
{
	char *arr = sqlite3_mprintf("[");

	for (size_t i = 0; i < n && arr != NULL; i++) {
		char *r = row_json(db, &rows[i], key, err), *next;

		if (r == NULL) {
			sqlite3_free(arr);
			return NULL;
		}
		next = sqlite3_mprintf("%s%s%s", arr, i ? "," : "", r);
		sqlite3_free(arr);
		sqlite3_free(r);
		arr = next;
	}
	if (arr != NULL) {
		char *done = sqlite3_mprintf("%s]", arr);

		sqlite3_free(arr);
		arr = done;
	}
	return arr;	/* NULL: err says why, or it is empty (out of memory) */
}

char *
report_summary_json(sqlite3 *db, const struct report_summary *s, struct mc_err *err)
{
	char from[MC_DATE_LEN], to[MC_DATE_LEN];
	char *total, *out = NULL, *fields = NULL, *officers = NULL, *bodies = NULL;

	err->msg[0] = '\0';
	if ((total = row_json(db, &s->total, NULL, err)) == NULL)
		return NULL;
	/* the rows per deciding body come after every key there was before */
	if ((fields = rows_json(db, s->fields, s->nfields, "field", err)) == NULL ||
	    (officers = officers_json(db, s, err)) == NULL ||
	    (bodies = rows_json(db, s->bodies, s->nbodies, "body", err)) == NULL)
		goto done;
	date_format(s->from, from);
	date_format(s->to, to);
	out = sqlite3_mprintf("{\"from\":\"%s\",\"to\":\"%s\",\"total\":%s,"
	    "\"fields\":%s,\"officers\":%s,\"bodies\":%s}", from, to, total, fields,
	    officers, bodies);
done:
	sqlite3_free(fields);
	sqlite3_free(bodies);
	sqlite3_free(total);
	sqlite3_free(officers);
	if (out == NULL) {
		if (err->msg[0] == '\0')
			err_set(err, MC_ENOMEM, _("out of memory"));
		return NULL;
	}
	/* hand back malloc'd memory, as the header promises */
	{
		char *m = strdup(out);
		sqlite3_free(out);
		if (m == NULL)
			err_set(err, MC_ENOMEM, _("out of memory"));
		return m;
	}
}

/* ---- the logbook (Mẫu 06) ------------------------------------------------ */

/* A logbook row to the caller's visitor (db_each). */
struct logbook_visit {
	int (*fn)(const struct report_logbook_row *, void *);
	void *arg;
};

static int
logbook_visit(sqlite3_stmt *st, void *arg)
{
	struct logbook_visit *v = arg;
	struct report_logbook_row r;

	memset(&r, 0, sizeof r);
	r.n = sqlite3_column_int64(st, 11);
	snprintf(r.book, sizeof r.book, "%s", sqlite3_column_text(st, 12));
	r.sets = 1;
	snprintf(r.code, sizeof r.code, "%s", sqlite3_column_text(st, 0));
	snprintf(r.procedure, sizeof r.procedure, "%s", sqlite3_column_text(st, 1));
	snprintf(r.applicant, sizeof r.applicant, "%s", sqlite3_column_text(st, 2));
	snprintf(r.contact, sizeof r.contact, "%s", sqlite3_column_text(st, 3));
	snprintf(r.agency, sizeof r.agency, "%s", sqlite3_column_text(st, 4));
	format_time_text((const char *)sqlite3_column_text(st, 5), FORMAT_SCREEN,
	    r.received, sizeof r.received);
	format_time_text((const char *)sqlite3_column_text(st, 6), FORMAT_SCREEN,
	    r.due, sizeof r.due);
	format_time_text((const char *)sqlite3_column_text(st, 7), FORMAT_SCREEN,
	    r.transferred, sizeof r.transferred);
	format_time_text((const char *)sqlite3_column_text(st, 8), FORMAT_SCREEN,
	    r.result, sizeof r.result);
	format_time_text((const char *)sqlite3_column_text(st, 9), FORMAT_SCREEN,
	    r.returned, sizeof r.returned);
	snprintf(r.note, sizeof r.note, "%s", sqlite3_column_text(st, 10));
	return v->fn(&r, v->arg);
}

int
report_logbook(sqlite3 *db, int from, int to,
    int (*fn)(const struct report_logbook_row *, void *), void *arg, struct mc_err *err)
{
	char s[MC_DATE_LEN], e[MC_DATE_LEN], unit[256] = "";
	sqlite3_str *notes;
	sqlite3_stmt *st;

	date_format(from, s);
	date_format(to + 1, e);
	(void)db_meta_get(db, "unit_name", unit, sizeof unit);
	/* the note: the status's as the register writes it (vocab.h), else
	 * an apology's */
	notes = sqlite3_str_new(db);
	for (size_t i = 0; i < mc_nstatuses; i++)
		if (mc_statuses[i].note != NULL)
			sqlite3_str_appendf(notes, "WHEN %Q THEN %Q ", mc_statuses[i].name,
			    mc_statuses[i].note);
	if (sqlite3_str_errcode(notes) != SQLITE_OK) {
		sqlite3_free(sqlite3_str_finish(notes));
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	/* no status with a note: a CASE needs a WHEN, and this one never holds */
	if (sqlite3_str_length(notes) == 0)
		sqlite3_str_appendall(notes, "WHEN NULL THEN NULL ");
	if (db_preparef(db, &st, err, "SELECT d.code, d.procedure_name, d.applicant_name, "
	    "trim(coalesce(d.address, '') || CASE WHEN d.phone IS NOT NULL THEN '; ' || "
	    "d.phone ELSE '' END, '; '), coalesce(d.agency, d.decided_by, ?3), d.received, "
	    "coalesce(d.appointment, d.due), (SELECT min(at) FROM event WHERE dossier = d.id "
	    "AND kind IN (%Q, %Q)), d.result_at, d.returned_at, "
	    "CASE d.status %z"
	    "ELSE CASE WHEN d.apologies > 0 THEN 'xin lỗi, hẹn lại' ELSE '' END END, "
	    "d.book_no, d.book "
	    "FROM dossier d WHERE d.received >= ?1 AND d.received < ?2 "
	    "ORDER BY d.received, d.code", vocab_kind(MC_KIND_HANDOVER)->name,
	    vocab_kind(MC_KIND_TRANSFER)->name, sqlite3_str_finish(notes)) != 0)
		return -1;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, unit, -1, SQLITE_STATIC);
	{
		struct logbook_visit v = {fn, arg};

		return db_each(db, st, logbook_visit, &v, _("reading the logbook"), err);
	}
}

/* ---- the officers' day ----------------------------------------------------- */

/* An officer's row to the caller's visitor (db_each). */
struct officer_visit {
	int (*fn)(const struct report_officer_row *, void *);
	void *arg;
};

static int
officer_visit(sqlite3_stmt *st, void *arg)
{
	struct officer_visit *v = arg;
	struct report_officer_row r;

	memset(&r, 0, sizeof r);
	snprintf(r.officer, sizeof r.officer, "%s", sqlite3_column_text(st, 0));
	snprintf(r.full_name, sizeof r.full_name, "%s", sqlite3_column_text(st, 1));
	r.receipts = sqlite3_column_int64(st, 2);
	r.returns = sqlite3_column_int64(st, 3);
	r.guided = sqlite3_column_int64(st, 4);
	r.fees = sqlite3_column_int64(st, 5);
	return v->fn(&r, v->arg);
}

int
report_officer(sqlite3 *db, int day,
    int (*fn)(const struct report_officer_row *, void *), void *arg, struct mc_err *err)
{
	char s[MC_DATE_LEN], e[MC_DATE_LEN], voided[STATUS_LIST];
	sqlite3_stmt *st;

	date_format(day, s);
	date_format(day + 1, e);
	/* receipts and fees from the dossiers (those entered in error were
	 * never really received; one refused at the counter was), returns and
	 * guidance from the events */
	vocab_report_sql(MC_REPORT_VOID, voided, sizeof voided);
	if (db_preparef(db, &st, err, "SELECT o.username, o.full_name, "
	    "(SELECT count(*) FROM dossier d WHERE d.officer = o.username AND d.received >= ?1 "
	    "AND d.received < ?2 AND d.status NOT IN %s), "
	    "(SELECT count(*) FROM event e WHERE e.officer = o.username AND e.kind = %Q "
	    "AND e.at >= ?1 AND e.at < ?2), "
	    "(SELECT count(*) FROM event e WHERE e.officer = o.username AND e.kind = %Q "
	    "AND e.at >= ?1 AND e.at < ?2), "
	    "(SELECT coalesce(sum(d.fee), 0) FROM dossier d WHERE d.officer = o.username AND "
	    "d.received >= ?1 AND d.received < ?2 AND d.status NOT IN %s) "
	    "FROM officer o ORDER BY o.username", voided, vocab_kind(MC_KIND_RETURN)->name,
	    vocab_kind(MC_KIND_GUIDE)->name, voided) != 0)
		return -1;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e, -1, SQLITE_STATIC);
	{
		struct officer_visit v = {fn, arg};

		return db_each(db, st, officer_visit, &v, _("reading the officers' day"), err);
	}
}
