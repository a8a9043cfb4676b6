/* dossier.c — receiving a dossier (or giving guidance instead): its code,
 * the receive event's body, the event and its projection in one
 * transaction; and the look-ups by code and by the applicant's ID. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/clock.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/logbook.h"
#include "motcua/role.h"
#include "motcua/vocab.h"
#include "dossier-int.h"

/* Next code of this station for the day: station N numbers N001..N999,
 * after the greater of the codes held and the day's mark (MC_CODE_HIGH_KEY,
 * dossier.h), which it moves on.  Runs in the receipt's transaction. */
static int
next_code(sqlite3 *db, const struct mc_unit *u, int jdn, char code[MC_CODE_LEN],
    struct mc_err *err)
{
	char prefix[48], lo[64], hi[64], key[80], mark[16];
	int y, m, d, last = 0, rc;
	sqlite3_stmt *st;

	date_ymd(jdn, &y, &m, &d);
	snprintf(prefix, sizeof prefix, "%s-%02d%02d%02d-", u->code, y % 100, m, d);
	snprintf(lo, sizeof lo, "%s%d000", prefix, u->station);
	snprintf(hi, sizeof hi, "%s%d999", prefix, u->station);
	/* The highest code PREFIX N ddd held: a range of the code's index,
	 * read from its top.  The codes of that shape sort as their numbers;
	 * any other text in the range (shorter, longer, not digits) is
	 * skipped.  (A GLOB on a bound pattern would be compiled again at
	 * every binding, and a pattern in the SQL text would be a statement
	 * per day.) */
	if (db_cached(db, "SELECT CAST(substr(code, ?3) AS INTEGER) FROM dossier "
	    "WHERE code BETWEEN ?1 AND ?2 AND length(code) = ?4 AND "
	    "substr(code, ?3) GLOB '[0-9][0-9][0-9]' ORDER BY code DESC LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)strlen(lo) - 2);
	sqlite3_bind_int(st, 4, (int)strlen(lo));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		last = sqlite3_column_int(st, 0) % 1000;
	else if (rc != SQLITE_DONE) {
		db_fail_rc(db, rc, err, _("numbering the dossier"));
		db_release(db, st);
		return -1;
	}
	db_release(db, st);
	snprintf(key, sizeof key, "%s%s%d", MC_CODE_HIGH_KEY, prefix, u->station);
	if (db_meta_get(db, key, mark, sizeof mark) == 0 && atoi(mark) > last)
		last = atoi(mark);
	if (last >= 999)
		return err_set(err, MC_ECONFLICT,
		    _("this station has used all 999 dossier numbers of the day: receive "
		    "at another station of the unit"));
	snprintf(code, MC_CODE_LEN, "%s%d%03d", prefix, u->station, last + 1);
	snprintf(mark, sizeof mark, "%d", last + 1);
	return db_meta_set(db, key, mark, err);
}

/* The documents as they are today, with what was handed in: a JSON array
 * built by SQLite, so escaping is never ours to get wrong. */
static char *
docs_json(sqlite3 *db, const struct mc_procedure *p, const bool *received,
    struct mc_err *err)
{
	char *arr = sqlite3_mprintf("[]");
	sqlite3_stmt *st;

	if (arr == NULL || db_cached(db, "SELECT json_insert(?1, '$[#]', json_object("
	    "'position', ?2, 'name', ?3, 'form', ?4, 'quantity', ?5, "
	    "'required', json(?6), 'received', json(?7)))", &st, err)) {
		sqlite3_free(arr);
		return NULL;
	}
	for (size_t i = 0; i < p->ndocs; i++) {
		const struct mc_document *d = &p->docs[i];
		char *next;

		sqlite3_bind_text(st, 1, arr, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, d->position);
		sqlite3_bind_text(st, 3, d->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, catalog_form_name(d->form), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, d->quantity);
		sqlite3_bind_text(st, 6, d->required ? "true" : "false", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, received[i] ? "true" : "false", -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			db_fail(db, err, _("recording the documents"));
			db_release(db, st);
			sqlite3_free(arr);
			return NULL;
		}
		next = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		sqlite3_free(arr);
		if ((arr = next) == NULL)
			break;
	}
	db_release(db, st);
	if (arr == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return arr;
}

static char *
receipt_body(sqlite3 *db, const char *code, const struct mc_procedure *p,
    const char *docs, const struct clean_applicant *a, enum mc_delivery delivery,
    const struct mc_time *at, const struct mc_time *due, const char *book, long long book_no,
    enum mc_channel channel, struct mc_err *err)
{
	char received[MC_ISO_LEN], due_iso[MC_ISO_LEN];
	sqlite3_stmt *st;

	date_format_iso(at, received);
	date_format_iso(due, due_iso);
	if (db_cached(db, "SELECT json_object('code', ?1, "
	    "'procedure', json_object('code', ?2, 'name', ?3, 'field', ?4, "
	    "'time_limit', ?5, 'fee', ?6, 'documents', json(?7), "
	    "'decided_by', ?19, 'routing', ?20), "
	    "'applicant', json_object('name', ?8, 'id', ?9, 'birth_date', ?10, "
	    "'phone', ?11, 'address', ?12, 'email', ?13), "
	    "'delivery', ?14, 'received', ?15, 'due', ?16, 'book', ?17, 'book_no', ?18, "
	    "'channel', ?21)",
	    &st, err))
		return NULL;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->time_limit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, p->fee);
	sqlite3_bind_text(st, 7, docs, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, a->id, -1, SQLITE_STATIC);
	db_bind_opt(st, 10, a->birth);
	db_bind_opt(st, 11, a->phone);
	db_bind_opt(st, 12, a->address);
	db_bind_opt(st, 13, a->email);
	sqlite3_bind_text(st, 14, delivery == MC_DELIVER_POST ? "post" : "counter", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 15, received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, due_iso, -1, SQLITE_STATIC);
	db_bind_opt(st, 17, book);
	if (book_no > 0)
		sqlite3_bind_int64(st, 18, book_no);
	else
		sqlite3_bind_null(st, 18);
	/* where it goes: the deciding body, and whether it is decided here */
	db_bind_opt(st, 19, p->decided_by);
	sqlite3_bind_text(st, 20, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, dossier_channel_name(channel), -1, SQLITE_STATIC);
	return db_step_text(db, st, _("recording the receipt"), err);
}

/* May r->officer record this receipt or guidance: the role, and, unless
 * a supervisor's (MC_ACT_BACKDATE), a date neither before today (a late
 * entry of a paper receipt), nor before this station's newest event (a
 * clock set back), nor more than a day ahead (clock_require_at). */
static int
receipt_allowed(sqlite3 *db, const struct mc_receipt *r, enum mc_kind_id k,
    bool history, struct mc_err *err)
{
	struct mc_officer o;
	struct mc_time now, newest;
	char day[MC_DATE_LEN], when[MC_TIME_LEN], last[MC_TIME_LEN];

	if (role_require(db, r->officer, role_kind(k), &o, err) ||
	    clock_require_at(o.role, &r->at, err))
		return -1;
	if (history || role_may(o.role, MC_ACT_BACKDATE))
		return 0;
	date_now(&now);
	if (r->at.jdn < now.jdn) {
		date_format(r->at.jdn, day);
		return err_set(err, MC_EINVAL, _("a receipt dated %s, before today, is a "
		    "supervisor's to enter: give today's date and time, or ask a supervisor"),
		    day);
	}
	if (clock_newest_own(db, &newest, err))
		return -1;
	if (newest.jdn > 0 && date_cmp(&r->at, &newest) < 0) {
		date_format_time(&r->at, when);
		date_format_time(&newest, last);
		return err_set(err, MC_EINVAL, _("a receipt dated %s, before this station's "
		    "newest event (%s), is a supervisor's to enter: if the PC's clock is "
		    "wrong, set it (ask the technician); else give the time it really "
		    "happened, or ask a supervisor"), when, last);
	}
	return 0;
}

static int
receive(sqlite3 *db, struct mc_calendar *cal, const struct mc_receipt *r, bool history,
    struct mc_receipt_out *out, struct mc_err *err)
{
	struct db_tx tx;
	struct intake in;
	struct receipt_row row;
	char *docs = NULL, *body = NULL, book[MC_BOOK_LEN];
	char received[MC_ISO_LEN], due[MC_ISO_LEN];
	long long book_no;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&in, 0, sizeof in);
	/* the checks read in the receipt's own transaction: one snapshot for
	 * what they read and what is written (the station's newest event, the
	 * unit, the officer, the procedure), where a read of its own outside
	 * would be a transaction each */
	if (db_tx_begin(db, &tx, err))
		goto done;
	if (receipt_allowed(db, r, MC_KIND_RECEIVE, history, err) ||
	    intake_check(db, r, &in, &out->warnings, err) ||
	    intake_required(db, &in.a, err) ||
	    intake_complete(&in.p, in.received, err) ||
	    calendar_due(cal, &r->at, &in.lim, &out->due, err) ||
	    event_uuid(out->id, err) ||
	    next_code(db, &in.u, r->at.jdn, out->code, err) ||
	    logbook_book(db, in.u.station, r->at.jdn, book, err) ||
	    logbook_next(db, in.u.station_id, book, &book_no, err) ||
	    (docs = docs_json(db, &in.p, in.received, err)) == NULL ||
	    (body = receipt_body(db, out->code, &in.p, docs, &in.a, r->applicant.delivery,
	    &r->at, &out->due, book, book_no, r->channel, err)) == NULL ||
	    event_append(db, out->id, vocab_kind(MC_KIND_RECEIVE)->name, &r->at, in.off.username, body, err)) {
		db_tx_rollback(&tx);
		goto done;
	}
	/* the row from the values in hand, as the projection of the event
	 * just appended would make it */
	date_format_iso(&r->at, received);
	date_format_iso(&out->due, due);
	row = (struct receipt_row){
		.id = out->id, .code = out->code, .station = in.u.station_id,
		.officer = in.off.username, .p = &in.p, .a = &in.a, .documents = docs,
		.delivery = r->applicant.delivery == MC_DELIVER_POST ? "post" : "counter",
		.received = received, .due = due, .channel = dossier_channel_name(r->channel),
		.book = book, .book_no = book_no,
	};
	if (dossier_project_receipt(db, &row, err)) {
		db_tx_rollback(&tx);
		goto done;
	}
	rc = db_tx_commit(&tx, err);
done:
	sqlite3_free(docs);
	sqlite3_free(body);
	intake_free(&in);
	return rc;
}

int
dossier_receive(sqlite3 *db, struct mc_calendar *cal, const struct mc_receipt *r,
    struct mc_receipt_out *out, struct mc_err *err)
{
	return receive(db, cal, r, false, out, err);
}

int
dossier_receive_history(sqlite3 *db, struct mc_calendar *cal, const struct mc_receipt *r,
    struct mc_receipt_out *out, struct mc_err *err)
{
	return receive(db, cal, r, true, out, err);
}

static int
guide(sqlite3 *db, const struct mc_receipt *r, bool history, struct mc_receipt_out *out,
    struct mc_err *err)
{
	struct db_tx tx;
	struct intake in;
	char *docs = NULL, *body = NULL, *missing = NULL;
	sqlite3_str *m;
	size_t nmissing = 0;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&in, 0, sizeof in);
	/* the checks in the guidance's own transaction, as a receipt's */
	if (db_tx_begin(db, &tx, err) ||
	    receipt_allowed(db, r, MC_KIND_GUIDE, history, err) ||
	    intake_check(db, r, &in, &out->warnings, err))
		goto done;
	/* the positions of the required documents not brought, every one
	 * of them, as a JSON array */
	m = sqlite3_str_new(db);
	sqlite3_str_appendchar(m, 1, '[');
	for (size_t i = 0; i < in.p.ndocs; i++)
		if (in.p.docs[i].required && !in.received[i])
			sqlite3_str_appendf(m, "%s%d", nmissing++ > 0 ? "," : "",
			    in.p.docs[i].position);
	sqlite3_str_appendchar(m, 1, ']');
	if ((missing = sqlite3_str_finish(m)) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	if (nmissing == 0) {
		err_set(err, MC_EINVAL, _("no required document is missing: receive the "
		    "dossier instead"));
		goto done;
	}
	if (event_uuid(out->id, err))
		goto done;
	/* the due date is only a receipt's: the body says what is missing */
	out->due = r->at;
	if ((docs = docs_json(db, &in.p, in.received, err)) == NULL ||
	    (body = receipt_body(db, "", &in.p, docs, &in.a, r->applicant.delivery,
	    &r->at, &r->at, NULL, 0, r->channel, err)) == NULL ||
	    db_cached(db, "SELECT json_remove(json_set(?1, '$.missing', json(?2)), "
	    "'$.code', '$.due', '$.book', '$.book_no', '$.channel')", &st, err))
		goto done;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, missing, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, _("recording the guidance"));
		goto done;
	}
	if (event_append(db, out->id, vocab_kind(MC_KIND_GUIDE)->name, &r->at, in.off.username,
	    (const char *)sqlite3_column_text(st, 0), err))
		goto done;
	rc = db_tx_commit(&tx, err);
done:
	/* nothing written when anything failed (after a commit: nothing open) */
	db_tx_rollback(&tx);
	db_release(db, st);
	sqlite3_free(missing);
	sqlite3_free(docs);
	sqlite3_free(body);
	intake_free(&in);
	return rc;
}

int
dossier_guide(sqlite3 *db, const struct mc_receipt *r, struct mc_receipt_out *out,
    struct mc_err *err)
{
	return guide(db, r, false, out, err);
}

int
dossier_guide_history(sqlite3 *db, const struct mc_receipt *r, struct mc_receipt_out *out,
    struct mc_err *err)
{
	return guide(db, r, true, out, err);
}

void
dossier_applicant_free(struct mc_applicant *a)
{
	free((char *)a->name);
	free((char *)a->id);
	free((char *)a->birth_date);
	free((char *)a->phone);
	free((char *)a->address);
	free((char *)a->email);
	memset(a, 0, sizeof *a);
}

int
dossier_last_applicant(sqlite3 *db, const char *id_number, struct mc_applicant *a,
    struct mc_err *err)
{
	char id[13];
	sqlite3_stmt *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (citizen_check_id(id_number, 0, id, NULL, err))
		return -1;
	if (db_cached(db, "SELECT applicant_name, applicant_id, birth_date, phone, "
	    "address, email, delivery FROM dossier WHERE applicant_id = ?1 "
	    "ORDER BY received DESC, code DESC LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->name = db_column_dup(st, 0);
		a->id = db_column_dup(st, 1);
		a->birth_date = db_column_dup(st, 2);
		a->phone = db_column_dup(st, 3);
		a->address = db_column_dup(st, 4);
		a->email = db_column_dup(st, 5);
		a->delivery = strcmp((const char *)sqlite3_column_text(st, 6), "post") == 0 ?
		    MC_DELIVER_POST : MC_DELIVER_COUNTER;
	}
	db_release(db, st);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("looking up the citizen"));
	if (a->name == NULL || a->id == NULL) {
		dossier_applicant_free(a);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	return 0;
}

int
dossier_find_code(sqlite3 *db, const char *code, char id[MC_UUID_LEN],
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "SELECT id FROM dossier WHERE code = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(id, MC_UUID_LEN, "%s", sqlite3_column_text(st, 0));
	db_release(db, st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("looking up the dossier"));
	return err_set(err, MC_ENOTFOUND,
	    _("there is no dossier %s: check the code on the slip"), code);
}

