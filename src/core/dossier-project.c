/* dossier-project.c — the dossier row as derived from its events: each
 * kind's projector (how its event changes the row), the status it leads
 * to from vocab.h, the name index kept in step, and the rebuild of every
 * row from the log. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/logbook.h"
#include "motcua/report.h"
#include "motcua/vntext.h"
#include "motcua/vocab.h"
#include "dossier-int.h"

/* A step after the receipt: an UPDATE of the row from the event's body
 * (e.b) and time (e.t).  Every step sets the status the kind leads to
 * (?4; NULL: unchanged), or for a kind that goes back (?5) the status
 * before the pause (else ?6, the first status), and records when the row
 * last changed. */
#define STEP(set) "UPDATE dossier SET status = coalesce(CASE WHEN ?5 THEN " \
	"coalesce(paused_from, ?6) END, ?4, status), " set ", updated = e.t FROM " \
	"(SELECT body AS b, at AS t FROM event WHERE origin = ?2 AND seq = ?3) AS e " \
	"WHERE id = ?1"

/* How each kind of event changes the row (vocab.h lists the kinds and
 * the status each leads to).  ?1 is the dossier id, ?2 and ?3 the
 * event's origin and seq. */
static const char *const projectors[MC_KIND_COUNT] = {
	[MC_KIND_RECEIVE] =
	 "INSERT INTO dossier(id, code, station, officer, procedure_code, "
	 "procedure_name, field, time_limit, fee, documents, applicant_name, "
	 "applicant_id, birth_date, phone, address, email, delivery, name_fold, "
	 "received, due, status, updated, address_fold, appointment, channel, "
	 "decided_by, routing) "
	 "SELECT e.dossier, json_extract(e.body, '$.code'), e.origin, e.officer, "
	 "json_extract(e.body, '$.procedure.code'), "
	 "json_extract(e.body, '$.procedure.name'), "
	 "json_extract(e.body, '$.procedure.field'), "
	 "json_extract(e.body, '$.procedure.time_limit'), "
	 "json_extract(e.body, '$.procedure.fee'), "
	 "json_extract(e.body, '$.procedure.documents'), "
	 "json_extract(e.body, '$.applicant.name'), "
	 "json_extract(e.body, '$.applicant.id'), "
	 "json_extract(e.body, '$.applicant.birth_date'), "
	 "json_extract(e.body, '$.applicant.phone'), "
	 "json_extract(e.body, '$.applicant.address'), "
	 "json_extract(e.body, '$.applicant.email'), "
	 "json_extract(e.body, '$.delivery'), "
	 "vn_fold(json_extract(e.body, '$.applicant.name')), "
	 "json_extract(e.body, '$.received'), json_extract(e.body, '$.due'), "
	 "?4, e.at, vn_fold(json_extract(e.body, '$.applicant.address')), "
	 "json_extract(e.body, '$.due'), "
	 "coalesce(json_extract(e.body, '$.channel'), 'direct'), "
	 /* a receipt made before routing existed: decided here */
	 "json_extract(e.body, '$.procedure.decided_by'), "
	 "coalesce(json_extract(e.body, '$.procedure.routing'), 'decide') "
	 "FROM event e WHERE e.origin = ?2 AND e.seq = ?3",
	/* guidance (Mẫu 02) creates no dossier: nothing to project */
	[MC_KIND_GUIDE] = NULL,
	[MC_KIND_HANDOVER] = STEP("handler = json_extract(e.b, '$.to'), agency = NULL"),
	[MC_KIND_TRANSFER] = STEP("agency = json_extract(e.b, '$.agency')"),
	[MC_KIND_TRANSFER_BACK] = STEP("agency = NULL"),
	[MC_KIND_PAUSE] = STEP("paused_from = status, paused_at = e.t"),
	[MC_KIND_RESUME] = STEP("paused_from = NULL, paused_at = NULL, paused_days = "
	    "paused_days + json_extract(e.b, '$.paused_days'), due = json_extract(e.b, "
	    "'$.due'), appointment = CASE WHEN apologies = 0 THEN json_extract(e.b, "
	    "'$.due') ELSE appointment END"),
	[MC_KIND_RESULT] = STEP("result = json_extract(e.b, '$.outcome'), "
	    "result_reason = json_extract(e.b, '$.reason'), result_at = e.t"),
	[MC_KIND_RETURN] = STEP("returned_at = e.t, collector = json_extract(e.b, "
	    "'$.collector'), collector_id = json_extract(e.b, '$.collector_id'), "
	    "rating = json_extract(e.b, '$.rating')"),
	[MC_KIND_REFUSE] = STEP("closed_reason = json_extract(e.b, '$.reason'), "
	    "closed_at = e.t"),
	[MC_KIND_WITHDRAW] = STEP("closed_reason = json_extract(e.b, '$.reason'), "
	    "closed_at = e.t"),
	[MC_KIND_CANCEL] = STEP("closed_reason = json_extract(e.b, '$.reason'), "
	    "closed_at = e.t"),
	/* the legal ground stays in the event (the notice reads it there) */
	[MC_KIND_STOP] = STEP("closed_reason = json_extract(e.b, '$.reason'), "
	    "closed_at = e.t"),
	[MC_KIND_APOLOGIZE] = STEP("appointment = json_extract(e.b, '$.new_date'), "
	    "apologies = apologies + 1"),
};

/* Each word of the folded name `fold` (written on) into name_word, with
 * the time of receipt that orders a word's dossiers. */
static int
add_words(sqlite3 *db, const char *id, char *fold, const char *received,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (db_cached(db, "INSERT OR IGNORE INTO name_word(word, received, id) "
	    "VALUES (?1, ?2, ?3)", &st, err))
		return -1;
	for (char *w = strtok(fold, " "); w != NULL && rc == SQLITE_DONE;
	    w = strtok(NULL, " ")) {
		sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, received, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("indexing the name"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Keep name_word in step with the row: each word of the folded name, so a
 * lookup by any word (in any order) is an index range, not a scan. */
static int
index_words(sqlite3 *db, const char *id, struct mc_err *err)
{
	sqlite3_stmt *st;
	char *fold = NULL, *received = NULL;
	bool row;
	int rc;

	if (db_cached(db, "DELETE FROM name_word WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("indexing the name"));
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	if (db_cached(db, "SELECT name_fold, received FROM dossier WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((row = sqlite3_step(st) == SQLITE_ROW)) {
		fold = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		received = sqlite3_mprintf("%s", sqlite3_column_text(st, 1));
	}
	db_release(db, st);
	if (fold == NULL || received == NULL) {
		sqlite3_free(fold);
		sqlite3_free(received);
		/* no row (guidance): nothing to index */
		return row ? err_set(err, MC_ENOMEM, _("out of memory")) : 0;
	}
	rc = add_words(db, id, fold, received, err);
	sqlite3_free(fold);
	sqlite3_free(received);
	return rc;
}

int
dossier_project_receipt(sqlite3 *db, const struct receipt_row *r, struct mc_err *err)
{
	const struct mc_procedure *p = r->p;
	const struct clean_applicant *a = r->a;
	char *name_fold = NULL, *address_fold = NULL, rd[11], dd[11];
	struct report_agg_row agg;
	sqlite3_stmt *st;
	int rc = -1;

	/* vn_fold in the projector is this function (db.c) */
	if ((name_fold = vntext_fold(a->name, err)) == NULL ||
	    (a->address != NULL && a->address[0] != '\0' &&
	    (address_fold = vntext_fold(a->address, err)) == NULL))
		goto done;
	/* the projector's INSERT, its values bound rather than read from the
	 * event's body, with the logbook's number that logbook_project would
	 * set after it (a number logbook_next just gave: no other dossier
	 * holds it, and the book's mark is already at it) */
	if (db_cached(db, "INSERT INTO dossier(id, code, station, officer, procedure_code, "
	    "procedure_name, field, time_limit, fee, documents, applicant_name, "
	    "applicant_id, birth_date, phone, address, email, delivery, name_fold, "
	    "received, due, status, updated, address_fold, appointment, channel, "
	    "decided_by, routing, book, book_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?19, ?22, ?20, "
	    "?23, ?24, ?25, ?26, ?27)", &st, err))
		goto done;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->officer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->time_limit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, p->fee);
	sqlite3_bind_text(st, 10, r->documents, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, a->id, -1, SQLITE_STATIC);
	db_bind_opt(st, 13, a->birth);
	db_bind_opt(st, 14, a->phone);
	db_bind_opt(st, 15, a->address);
	db_bind_opt(st, 16, a->email);
	sqlite3_bind_text(st, 17, r->delivery, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, name_fold, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, r->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, r->due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, vocab_kind(MC_KIND_RECEIVE)->to, -1, SQLITE_STATIC);
	db_bind_opt(st, 22, address_fold);
	sqlite3_bind_text(st, 23, r->channel, -1, SQLITE_STATIC);
	db_bind_opt(st, 24, p->decided_by);
	sqlite3_bind_text(st, 25, p->forward ? "forward" : "decide", -1, SQLITE_STATIC);
	db_bind_opt(st, 26, r->book);
	if (r->book_no > 0)
		sqlite3_bind_int64(st, 27, r->book_no);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("updating the dossier"));
	db_release(db, st);
	if (rc != SQLITE_DONE) {
		rc = -1;
		goto done;
	}
	/* the counts as report_agg_apply would read them from the row */
	snprintf(rd, sizeof rd, "%s", r->received);
	snprintf(dd, sizeof dd, "%s", r->due);
	agg = (struct report_agg_row){
		.field = p->field,
		.decided_by = p->decided_by != NULL ? p->decided_by : "",
		.channel = r->channel, .received = rd, .due = dd,
		.status = vocab_kind(MC_KIND_RECEIVE)->to, .appointment = dd,
	};
	rc = add_words(db, r->id, name_fold, r->received, err) ||
	    catalog_uses_count(db, r->station, p->code, err) ||
	    report_agg_add_row(db, r->id, &agg, err) ? -1 : 0;
done:
	free(name_fold);
	free(address_fold);
	return rc;
}

int
dossier_project(sqlite3 *db, const char *id, struct mc_err *err)
{
	sqlite3_stmt *ev, *del;
	bool existed;
	int rc;

	/* the report counts follow the row: its old share out, the new in */
	if (report_agg_apply(db, id, -1, err))
		return -1;
	if (db_cached(db, "DELETE FROM dossier WHERE id = ?1", &del, err))
		return -1;
	sqlite3_bind_text(del, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(del);
	existed = sqlite3_changes(db) > 0;
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("updating the dossier"));
	db_release(db, del);
	if (rc != SQLITE_DONE)
		return -1;
	/* events apply in the order they happened; ties by station and number */
	if (db_cached(db, "SELECT origin, seq, kind FROM event WHERE dossier = ?1 "
	    "ORDER BY at, origin, seq", &ev, err))
		return -1;
	sqlite3_bind_text(ev, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(ev)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(ev, 2);
		const struct mc_kind *k = vocab_kind_named(name);
		sqlite3_stmt *st;

		if (k == NULL) {
			err_set(err, MC_EINVAL, _("an event of kind '%s' is unknown to this "
			    "version of motcua: install the newer version"), name);
			db_release(db, ev);
			return -1;
		}
		if (projectors[k->id] == NULL)
			continue;
		if (db_cached(db, projectors[k->id], &st, err)) {
			db_release(db, ev);
			return -1;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_value(st, 2, sqlite3_column_value(ev, 0));
		sqlite3_bind_int64(st, 3, sqlite3_column_int64(ev, 1));
		if (k->to != NULL)
			sqlite3_bind_text(st, 4, k->to, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, k->back);
		sqlite3_bind_text(st, 6, vocab_kind(MC_KIND_RECEIVE)->to, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE) {
			db_fail_rc(db, rc, err, _("updating the dossier"));
			db_release(db, st);
			db_release(db, ev);
			return -1;
		}
		db_release(db, st);
	}
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("reading the dossier's events"));
	db_release(db, ev);
	if (rc != SQLITE_DONE)
		return -1;
	return logbook_project(db, id, err) || index_words(db, id, err) ||
	    catalog_uses_project(db, id, existed, err) ||
	    report_agg_apply(db, id, 1, err) ? -1 : 0;
}

int
dossier_rebuild(sqlite3 *db, const char *acting, long long *total, long long *differ,
    struct mc_err *err)
{
	struct mc_officer me;
	struct db_tx tx;
	sqlite3_stmt *st;
	char n[2][24];
	int rc;

	*total = *differ = 0;
	if (role_require(db, acting, MC_ACT_REBUILD, &me, err) || db_tx_begin(db, &tx, err))
		return -1;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.dossier_before; "
	    "CREATE TEMP TABLE dossier_before AS SELECT * FROM main.dossier; "
	    "DELETE FROM main.dossier; DELETE FROM main.report_agg; "
	    "DELETE FROM main.report_agg_event", err) || catalog_uses_reset(db, err))
		goto fail;
	if (db_prepare(db, "SELECT DISTINCT dossier FROM event WHERE dossier <> '' ORDER BY dossier", &st, err))
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (dossier_project(db, (const char *)sqlite3_column_text(st, 0), err)) {
			sqlite3_finalize(st);
			goto fail;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the event log"));
		goto fail;
	}
	*total = db_int(db, "SELECT count(*) FROM main.dossier", 0);
	/* dossiers whose row is on one side and not the other (EXCEPT
	 * treats NULLs as equal); a changed row counts once */
	*differ = db_int(db, "SELECT count(*) FROM (SELECT id FROM (SELECT * FROM "
	    "temp.dossier_before EXCEPT SELECT * FROM main.dossier) UNION SELECT id FROM "
	    "(SELECT * FROM main.dossier EXCEPT SELECT * FROM temp.dossier_before))", -1);
	if (*differ < 0) {
		db_fail(db, err, _("comparing the dossiers"));
		goto fail;
	}
	snprintf(n[0], sizeof n[0], "%lld", *total);
	snprintf(n[1], sizeof n[1], "%lld", *differ);
	if (db_exec(db, "DROP TABLE temp.dossier_before", err) ||
	    audit_record(db, "rebuild", me.username, NULL, err, "total", n[0], "differ", n[1],
	    (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}
