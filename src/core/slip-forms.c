/* slip-forms.c — the forms of a dossier's later steps: Mẫu 03 (refusal),
 * Mẫu 04 (apology and new date), Mẫu 05 (control sheet of the hand-offs),
 * and the stop notice (2025 form 5).
 *
 * Each starts from the receive event (slip_load_receipt: applicant,
 * procedure, times) and adds what the lifecycle events say, read with
 * SQLite's JSON functions: which kind holds which field, and which outcome
 * refuses, come from the kind table (vocab.h), bound to the queries. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/vocab.h"
#include "slip-int.h"

/* The counter, as the forms named it before the unit had a receiving
 * body (unit.h): the control sheet's rows use it only when the body is
 * unknown. */
#define SLIP_COUNTER "Bộ phận tiếp nhận và trả kết quả"

/* The dossier's due (moved by pauses, never by an apology: lifecycle.h)
 * replaces the receipt's promise in due_time.  1 if there is no dossier. */
static int
slip_load_due(sqlite3 *db, const char *code, char *due, size_t n, struct slip_data *d,
    struct mc_err *err)
{
	char buf[128];
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT due FROM dossier WHERE code = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the dossier"));
	}
	snprintf(due, n, "%s", slip_col(st, 0) != NULL ? slip_col(st, 0) : "");
	sqlite3_finalize(st);
	format_time_text(due, FORMAT_FORM, buf, sizeof buf);
	if (slip_set(d, V_DUE_TIME, buf))
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

/* Bind the name of kind k to parameter i. */
static void
bind_kind(sqlite3_stmt *st, int i, enum mc_kind_id k)
{
	sqlite3_bind_text(st, i, vocab_kind(k)->name, -1, SQLITE_STATIC);
}

/* Bind to parameter i the JSON path of kind k's (first) field of this type
 * ("$.reason"), or null when it has none: json_extract then gives null. */
static void
bind_path(sqlite3_stmt *st, int i, enum mc_kind_id k, enum mc_field_type type)
{
	const struct mc_field *f = vocab_field_of_type(vocab_kind(k), type);
	char path[64];

	if (f != NULL)
		sqlite3_bind_text(st, i, vocab_path(f, path, sizeof path), -1,
		    SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* The result's outcome (its enumeration), and whether a value of it
 * refuses the request. */
static const struct mc_field *
outcome_field(void)
{
	return vocab_field_of_type(vocab_kind(MC_KIND_RESULT), MC_FT_ENUM);
}

static bool
outcome_refuses(const char *value)
{
	const struct mc_field *f = outcome_field();
	const struct mc_choice *c = f != NULL ? vocab_choice(f, value) : NULL;

	return c != NULL && c->refuses;
}

/* Mẫu 03 and 04: the last event that the form answers (a refusal at the
 * counter or a refused result; an apology).  The form is dated that day
 * and signed by the officer who recorded it.  1 if there is none. */
static int
slip_load_last(sqlite3 *db, enum slip_form form, const char *code, struct slip_data *d,
    struct mc_err *err)
{
	/* ?2 the kind whose form it is, ?4 its reason, ?5 its new date; for
	 * Mẫu 03 also a result (?3) whose outcome (?7) refuses (?8), ?6 its
	 * reason */
	static const char sql[] =
	    "SELECT e.at, coalesce(o.full_name, e.officer), "
	    "json_extract(e.body, CASE e.kind WHEN ?2 THEN ?4 ELSE ?6 END), "
	    "json_extract(e.body, ?5) "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) AND (e.kind = ?2 "
	    "OR (e.kind = ?3 AND json_extract(e.body, ?7) = ?8)) "
	    "ORDER BY e.at DESC, e.origin DESC, e.seq DESC LIMIT 1";
	const struct mc_field *outcome = outcome_field();
	enum mc_kind_id k = form == SLIP_APOLOGY ? MC_KIND_APOLOGIZE : MC_KIND_REFUSE;
	char buf[128];
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	bind_kind(st, 2, k);
	bind_path(st, 4, k, MC_FT_TEXT);
	bind_path(st, 5, k, MC_FT_TIME);
	for (size_t i = 0; form == SLIP_REFUSAL && outcome != NULL &&
	    i < vocab_nchoices(outcome); i++)
		if (outcome->choices[i].refuses) {
			bind_kind(st, 3, MC_KIND_RESULT);
			bind_path(st, 6, MC_KIND_RESULT, MC_FT_TEXT);
			bind_path(st, 7, MC_KIND_RESULT, MC_FT_ENUM);
			sqlite3_bind_text(st, 8, outcome->choices[i].value, -1, SQLITE_STATIC);
		}
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the dossier's "
		    "steps"));
	}
	format_time_text(slip_col(st, 3), FORMAT_FORM, buf, sizeof buf);
	rc = slip_set_date(d, slip_col(st, 0)) || slip_set(d, V_OFFICER, slip_col(st, 1)) ||
	    slip_set(d, V_REASON, slip_col(st, 2)) || slip_set(d, V_NEW_DATE, buf);
	sqlite3_finalize(st);
	return rc ? err_set(err, MC_ENOMEM, _("out of memory")) : 0;
}

/* The JSON path of kind k's field named name ("$.ground"), or NULL. */
static const char *
field_path(enum mc_kind_id k, const char *name, char *buf, size_t n)
{
	const struct mc_kind *kind = vocab_kind(k);

	for (int i = 0; i < MC_FIELDS_MAX && kind->fields[i].name != NULL; i++)
		if (strcmp(kind->fields[i].name, name) == 0)
			return vocab_path(&kind->fields[i], buf, n);
	return NULL;
}

/* The stop notice: the dossier's stop (the last, though a stop closes the
 * dossier), its reason and legal ground, dated that day and signed by the
 * officer who recorded it.  1 if the dossier was not stopped. */
static int
slip_load_stop(sqlite3 *db, const char *code, struct slip_data *d, struct mc_err *err)
{
	static const char sql[] =
	    "SELECT e.at, coalesce(o.full_name, e.officer), json_extract(e.body, ?3), "
	    "json_extract(e.body, ?4) "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) AND e.kind = ?2 "
	    "ORDER BY e.at DESC, e.origin DESC, e.seq DESC LIMIT 1";
	char reason[64], ground[64];
	const char *rp = field_path(MC_KIND_STOP, "reason", reason, sizeof reason);
	const char *gp = field_path(MC_KIND_STOP, "ground", ground, sizeof ground);
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	bind_kind(st, 2, MC_KIND_STOP);
	/* a null path gives null: the field is then "" */
	if (rp != NULL)
		sqlite3_bind_text(st, 3, rp, -1, SQLITE_STATIC);
	if (gp != NULL)
		sqlite3_bind_text(st, 4, gp, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 1 : db_fail(db, err, _("reading the dossier's "
		    "steps"));
	}
	rc = slip_set_date(d, slip_col(st, 0)) || slip_set(d, V_OFFICER, slip_col(st, 1)) ||
	    slip_set(d, V_REASON, slip_col(st, 2)) || slip_set(d, V_GROUND, slip_col(st, 3));
	sqlite3_finalize(st);
	return rc ? err_set(err, MC_ENOMEM, _("out of memory")) : 0;
}

/* "trước hạn" (a day before the due day), "đúng hạn" (by the due moment),
 * "quá hạn" (after it); "" when a time is missing. */
static const char *
slip_timing(const char *at, const char *due)
{
	struct mc_time a, d;

	if (at == NULL || due == NULL || date_parse_time(at, &a) != 0 ||
	    date_parse_time(due, &d) != 0)
		return "";
	if (a.jdn < d.jdn)
		return "trước hạn";
	return date_cmp(&a, &d) <= 0 ? "đúng hạn" : "quá hạn";
}

/* Mẫu 05: one row per hand-off, in the order they happened.  The result
 * column is filled where the dossier comes back (a transfer-back, the
 * result): that is when the work of the solving agency is judged.  The
 * agency of the last transfer, if any, is the solving agency. */
static int
slip_load_handoffs(sqlite3 *db, const char *code, const char *due, struct slip_data *d,
    struct mc_err *err)
{
	/* the kinds ?2 receive, ?3 handover, ?4 transfer, ?5 transfer-back,
	 * ?6 result, ?7 return; each column a field of one of them, its path
	 * bound: ?8 handed to, ?9 and ?10 the agency, ?11 the outcome, ?12 its
	 * reason, ?13 the collector (the receipt's time is its own format) */
	static const char sql[] =
	    "SELECT e.kind, CASE e.kind WHEN ?2 THEN "			/* 0 */
	    "coalesce(json_extract(e.body, '$.received'), e.at) ELSE e.at END, "
	    "coalesce(o.full_name, e.officer), "
	    "CASE e.kind WHEN ?3 THEN coalesce((SELECT t.full_name FROM officer AS t "
	    "WHERE t.username = json_extract(e.body, ?8)), json_extract(e.body, ?8)) END, "
	    "CASE e.kind WHEN ?4 THEN json_extract(e.body, ?9) "
	    "WHEN ?5 THEN json_extract(e.body, ?10) END, "
	    "CASE e.kind WHEN ?6 THEN json_extract(e.body, ?11) END, "	/* 5 */
	    "CASE e.kind WHEN ?6 THEN json_extract(e.body, ?12) END, "
	    "CASE e.kind WHEN ?7 THEN coalesce(json_extract(e.body, ?13), "
	    "(SELECT applicant_name FROM dossier WHERE code = ?1)) END "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) AND e.kind IN "
	    "(?2, ?3, ?4, ?5, ?6, ?7) "
	    "ORDER BY e.at, e.origin, e.seq";
	static const enum mc_kind_id kinds[] = {MC_KIND_RECEIVE, MC_KIND_HANDOVER,
	    MC_KIND_TRANSFER, MC_KIND_TRANSFER_BACK, MC_KIND_RESULT, MC_KIND_RETURN};
	char agency[512] = "", time[128], note[1024];
	/* the rows where the counter acts name the unit's receiving body
	 * (slip_unit set it from unit_get) */
	const char *counter = d->v[V_BODY_NAME] != NULL && d->v[V_BODY_NAME][0] != '\0' ?
	    d->v[V_BODY_NAME] : SLIP_COUNTER;
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	for (int i = 0; i < (int)(sizeof kinds / sizeof kinds[0]); i++)
		bind_kind(st, i + 2, kinds[i]);
	bind_path(st, 8, MC_KIND_HANDOVER, MC_FT_TEXT);
	bind_path(st, 9, MC_KIND_TRANSFER, MC_FT_TEXT);
	bind_path(st, 10, MC_KIND_TRANSFER_BACK, MC_FT_TEXT);
	bind_path(st, 11, MC_KIND_RESULT, MC_FT_ENUM);
	bind_path(st, 12, MC_KIND_RESULT, MC_FT_TEXT);
	bind_path(st, 13, MC_KIND_RETURN, MC_FT_TEXT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct mc_kind *kind = vocab_kind_named(slip_col(st, 0));
		const char *at = slip_col(st, 1);
		const char *by = slip_col(st, 2) != NULL ? slip_col(st, 2) : "";
		const char *who = d->v[V_UNIT_NAME], *result = "";

		if (kind == NULL)	/* not reached: the query chose the kinds */
			continue;
		if (kind->id == MC_KIND_RECEIVE) {
			who = counter;
			snprintf(note, sizeof note, "Tiếp nhận: %s", by);
		} else if (kind->id == MC_KIND_HANDOVER) {
			snprintf(note, sizeof note, "Giao: %s → %s", by,
			    slip_col(st, 3) != NULL ? slip_col(st, 3) : "");
		} else if (kind->id == MC_KIND_TRANSFER) {
			snprintf(agency, sizeof agency, "%s",
			    slip_col(st, 4) != NULL ? slip_col(st, 4) : "");
			who = agency;
			snprintf(note, sizeof note, "Chuyển: %s → %s", by, agency);
		} else if (kind->id == MC_KIND_TRANSFER_BACK) {
			/* the body may leave the agency out: the last transfer's */
			if (slip_col(st, 4) != NULL)
				snprintf(agency, sizeof agency, "%s", slip_col(st, 4));
			who = agency;
			result = slip_timing(at, due);
			snprintf(note, sizeof note, "Trả về: %s → %s", agency, by);
		} else if (kind->id == MC_KIND_RESULT) {
			who = counter;
			result = slip_timing(at, due);
			if (outcome_refuses(slip_col(st, 5)))
				snprintf(note, sizeof note, "Nhận kết quả (từ chối%s%s): %s",
				    slip_col(st, 6) != NULL ? ": " : "",
				    slip_col(st, 6) != NULL ? slip_col(st, 6) : "", by);
			else
				snprintf(note, sizeof note, "Nhận kết quả: %s", by);
		} else {	/* return */
			who = counter;
			snprintf(note, sizeof note, "Trả kết quả: %s → %s", by,
			    slip_col(st, 7) != NULL ? slip_col(st, 7) : "");
		}
		format_time_text(at, FORMAT_COLUMN, time, sizeof time);
		if (slip_row_add(d, B_HANDOFFS, (const char *[]){who, time, result, note}))
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the dossier's steps"));
	if (slip_set(d, V_AGENCY, agency[0] != '\0' ? agency : d->v[V_UNIT_NAME]))
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return 0;
}

int
slip_load_event_form(sqlite3 *db, enum slip_form form, const char *code,
    struct slip_data *d, struct mc_err *err)
{
	char due[64];
	int rc;

	if ((rc = slip_load_receipt(db, code, d, err)) == 0)
		rc = slip_load_due(db, code, due, sizeof due, d, err);
	if (rc > 0)
		return err_set(err, MC_ENOTFOUND, _("no dossier has the code %s: check the "
		    "code (see 'motcua list')"), code);
	if (rc < 0)
		return -1;
	switch (form) {
	case SLIP_REFUSAL:
		if ((rc = slip_load_last(db, form, code, d, err)) > 0)
			return err_set(err, MC_EINVAL, _("the dossier %s was not refused: Mẫu "
			    "03 is made only after a refusal ('motcua event CODE refuse "
			    "--reason …') or a refused result"), code);
		return rc;
	case SLIP_APOLOGY:
		if ((rc = slip_load_last(db, form, code, d, err)) > 0)
			return err_set(err, MC_EINVAL, _("no apology was recorded for %s: "
			    "record one with 'motcua event CODE apologize --reason … "
			    "--new-date …' before making Mẫu 04"), code);
		return rc;
	case SLIP_CONTROL:
		return slip_load_handoffs(db, code, due, d, err);
	case SLIP_STOP:
		if ((rc = slip_load_stop(db, code, d, err)) > 0)
			return err_set(err, MC_EINVAL, _("the dossier %s was not stopped: the "
			    "stop notice is made only after 'motcua event CODE stop --reason "
			    "…'"), code);
		return rc;
	default:
		return err_set(err, MC_EINVAL, _("there is no form %d: the forms are 1 to 6 "
		    "(Circular 03/2025) or Mẫu 01 to 05 (Circular 01/2018)"), (int)form + 1);
	}
}
