/* slip-forms.c — the forms of a dossier's later steps: Mẫu 03 (refusal),
 * Mẫu 04 (apology and new date), Mẫu 05 (control sheet of the hand-offs).
 *
 * Each starts from the receive event (slip_load_receipt: applicant,
 * procedure, times) and adds what the lifecycle events say (lifecycle.h
 * lists their JSON bodies), read with SQLite's JSON functions. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "slip-int.h"

/* The counter, as the forms name it. */
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

/* Mẫu 03 and 04: the last event that the form answers (a refusal at the
 * counter or a refused result; an apology).  The form is dated that day
 * and signed by the officer who recorded it.  1 if there is none. */
static int
slip_load_last(sqlite3 *db, enum slip_form form, const char *code, struct slip_data *d,
    struct mc_err *err)
{
	static const char sql[] =
	    "SELECT e.at, coalesce(o.full_name, e.officer), "
	    "json_extract(e.body, '$.reason'), json_extract(e.body, '$.new_date') "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) AND CASE ?2 "
	    "WHEN 'apologize' THEN e.kind = 'apologize' "
	    "ELSE e.kind = 'refuse' OR (e.kind = 'result' AND "
	    "json_extract(e.body, '$.outcome') = 'refused') END "
	    "ORDER BY e.at DESC, e.origin DESC, e.seq DESC LIMIT 1";
	char buf[128];
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form == SLIP_APOLOGY ? "apologize" : "refuse", -1,
	    SQLITE_STATIC);
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
	static const char sql[] =
	    "SELECT e.kind, CASE e.kind WHEN 'receive' THEN "		/* 0 */
	    "coalesce(json_extract(e.body, '$.received'), e.at) ELSE e.at END, "
	    "coalesce(o.full_name, e.officer), "
	    "coalesce((SELECT t.full_name FROM officer AS t WHERE t.username = "
	    "json_extract(e.body, '$.to')), json_extract(e.body, '$.to')), "
	    "json_extract(e.body, '$.agency'), "
	    "json_extract(e.body, '$.outcome'), "			/* 5 */
	    "json_extract(e.body, '$.reason'), "
	    "coalesce(json_extract(e.body, '$.collector'), "
	    "(SELECT applicant_name FROM dossier WHERE code = ?1)) "
	    "FROM event AS e LEFT JOIN officer AS o ON o.username = e.officer "
	    "WHERE e.dossier = (SELECT id FROM dossier WHERE code = ?1) AND e.kind IN "
	    "('receive', 'handover', 'transfer', 'transfer-back', 'result', 'return') "
	    "ORDER BY e.at, e.origin, e.seq";
	char agency[512] = "", time[128], note[1024];
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = slip_col(st, 0), *at = slip_col(st, 1);
		const char *by = slip_col(st, 2) != NULL ? slip_col(st, 2) : "";
		const char *who = d->v[V_UNIT_NAME], *result = "";

		if (strcmp(kind, "receive") == 0) {
			who = SLIP_COUNTER;
			snprintf(note, sizeof note, "Tiếp nhận: %s", by);
		} else if (strcmp(kind, "handover") == 0) {
			snprintf(note, sizeof note, "Giao: %s → %s", by,
			    slip_col(st, 3) != NULL ? slip_col(st, 3) : "");
		} else if (strcmp(kind, "transfer") == 0) {
			snprintf(agency, sizeof agency, "%s",
			    slip_col(st, 4) != NULL ? slip_col(st, 4) : "");
			who = agency;
			snprintf(note, sizeof note, "Chuyển: %s → %s", by, agency);
		} else if (strcmp(kind, "transfer-back") == 0) {
			/* the body may leave the agency out: the last transfer's */
			if (slip_col(st, 4) != NULL)
				snprintf(agency, sizeof agency, "%s", slip_col(st, 4));
			who = agency;
			result = slip_timing(at, due);
			snprintf(note, sizeof note, "Trả về: %s → %s", agency, by);
		} else if (strcmp(kind, "result") == 0) {
			who = SLIP_COUNTER;
			result = slip_timing(at, due);
			if (slip_col(st, 5) != NULL && strcmp(slip_col(st, 5), "refused") == 0)
				snprintf(note, sizeof note, "Nhận kết quả (từ chối%s%s): %s",
				    slip_col(st, 6) != NULL ? ": " : "",
				    slip_col(st, 6) != NULL ? slip_col(st, 6) : "", by);
			else
				snprintf(note, sizeof note, "Nhận kết quả: %s", by);
		} else {	/* return */
			who = SLIP_COUNTER;
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
	default:
		return err_set(err, MC_EINVAL, _("there is no form %d: the forms are Mẫu "
		    "01 to 05"), (int)form + 1);
	}
}
