/* dossier.c — receipts, dossier codes, and the projection of events. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

/* The applicant's text fields after cleaning, owned by the receipt. */
struct clean_applicant {
	char *name, *address, *email;
	char id[13], phone[11], birth[MC_DATE_LEN];
};

static void
applicant_free(struct clean_applicant *a)
{
	free(a->name);
	free(a->address);
	free(a->email);
}

/* Optional text: NULL or blank stays NULL. */
static int
clean_optional(const char *in, char **out, struct mc_err *err)
{
	*out = NULL;
	if (in == NULL)
		return 0;
	if ((*out = vntext_clean(in, err)) == NULL)
		return -1;
	if ((*out)[0] == '\0') {
		free(*out);
		*out = NULL;
	}
	return 0;
}

static int
check_applicant(const struct mc_applicant *in, struct clean_applicant *a,
    struct mc_warnings *w, struct mc_err *err)
{
	int birth = 0;

	memset(a, 0, sizeof *a);
	if (in->name == NULL || (a->name = vntext_clean(in->name, err)) == NULL) {
		if (in->name == NULL)
			err_set(err, MC_EINVAL, _("the applicant's name is missing: give --name"));
		return -1;
	}
	if (a->name[0] == '\0')
		return err_set(err, MC_EINVAL, _("the applicant's name is empty: type the "
		    "full name as on the ID card"));
	if (in->birth_date != NULL && in->birth_date[0] != '\0' &&
	    citizen_check_birth(in->birth_date, &birth, a->birth, err) != 0)
		return -1;
	if (citizen_check_id(in->id, birth, a->id, w, err))
		return -1;
	if (in->phone != NULL && in->phone[0] != '\0' &&
	    citizen_check_phone(in->phone, a->phone, err))
		return -1;
	if (clean_optional(in->address, &a->address, err) ||
	    clean_optional(in->email, &a->email, err))
		return -1;
	if (a->email != NULL && citizen_check_email(a->email, err) != 0)
		return -1;
	return 0;
}

/* Which documents were handed in: "all" or a list of positions "1,3".
 * Fills received[ndocs]. */
static int
parse_docs(const char *spec, const struct mc_procedure *p, bool *received,
    struct mc_err *err)
{
	const char *s = spec;

	if (spec == NULL || strcmp(spec, "all") == 0) {
		for (size_t i = 0; i < p->ndocs; i++)
			received[i] = true;
		return 0;
	}
	for (size_t i = 0; i < p->ndocs; i++)
		received[i] = false;
	if (strcmp(spec, "none") == 0)
		return 0;
	while (*s != '\0') {
		char *end;
		long n = strtol(s, &end, 10);

		if (end == s || n < 1 || (size_t)n > p->ndocs || (*end != ',' && *end != '\0'))
			return err_set(err, MC_EINVAL,
			    _("the document list '%s' is not valid: give 'all' or the numbers "
			    "of the documents received, 1 to %zu, like 1,3"), spec, p->ndocs);
		if (received[n - 1])
			return err_set(err, MC_EINVAL,
			    _("document %ld is listed twice in '%s'"), n, spec);
		received[n - 1] = true;
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* Refuse an incomplete dossier, naming every missing required document
 * at once (the citizen is never asked twice). */
static int
check_complete(const struct mc_procedure *p, const bool *received, struct mc_err *err)
{
	char list[400] = "";
	size_t used = 0;
	int missing = 0;

	for (size_t i = 0; i < p->ndocs; i++) {
		if (!p->docs[i].required || received[i])
			continue;
		missing++;
		int w = snprintf(list + used, sizeof list - used, "%s%d. %s",
		    used ? "; " : "", p->docs[i].position, p->docs[i].name);
		if (w > 0 && used + (size_t)w < sizeof list)
			used += (size_t)w;
	}
	if (missing == 0)
		return 0;
	return err_set(err, MC_EINVAL,
	    _("required documents are missing (%s): receive the dossier when they are "
	    "handed in, or give the citizen the supplement request"), list);
}

/* Next code of this station for the day: station N numbers N001..N999. */
static int
next_code(sqlite3 *db, const struct mc_unit *u, int jdn, char code[MC_CODE_LEN],
    struct mc_err *err)
{
	char prefix[48], pattern[64];
	int y, m, d, last;
	sqlite3_stmt *st;

	date_ymd(jdn, &y, &m, &d);
	snprintf(prefix, sizeof prefix, "%s-%02d%02d%02d-", u->code, y % 100, m, d);
	snprintf(pattern, sizeof pattern, "%s%d[0-9][0-9][0-9]", prefix, u->station);
	if (db_prepare(db, "SELECT coalesce(max(CAST(substr(code, ?2) AS INTEGER)), 0) "
	    "FROM dossier WHERE code GLOB ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)strlen(prefix) + 1);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, err, _("numbering the dossier"));
	}
	last = sqlite3_column_int(st, 0) % 1000;
	sqlite3_finalize(st);
	if (last >= 999)
		return err_set(err, MC_ECONFLICT,
		    _("this station has used all 999 dossier numbers of the day: receive "
		    "at another station of the unit"));
	snprintf(code, MC_CODE_LEN, "%s%d%03d", prefix, u->station, last + 1);
	return 0;
}

/* The documents as they are today, with what was handed in: a JSON array
 * built by SQLite, so escaping is never ours to get wrong. */
static char *
docs_json(sqlite3 *db, const struct mc_procedure *p, const bool *received,
    struct mc_err *err)
{
	char *arr = sqlite3_mprintf("[]");
	sqlite3_stmt *st;

	if (arr == NULL || db_prepare(db, "SELECT json_insert(?1, '$[#]', json_object("
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
			sqlite3_finalize(st);
			sqlite3_free(arr);
			return NULL;
		}
		next = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		sqlite3_free(arr);
		if ((arr = next) == NULL)
			break;
	}
	sqlite3_finalize(st);
	if (arr == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	return arr;
}

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL && s[0] != '\0')
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static char *
receipt_body(sqlite3 *db, const char *code, const struct mc_procedure *p,
    const char *docs, const struct clean_applicant *a, enum mc_delivery delivery,
    const struct mc_time *at, const struct mc_time *due, struct mc_err *err)
{
	char received[MC_ISO_LEN], due_iso[MC_ISO_LEN];
	sqlite3_stmt *st;
	char *body = NULL;

	date_format_iso(at, received);
	date_format_iso(due, due_iso);
	if (db_prepare(db, "SELECT json_object('code', ?1, "
	    "'procedure', json_object('code', ?2, 'name', ?3, 'field', ?4, "
	    "'time_limit', ?5, 'fee', ?6, 'documents', json(?7)), "
	    "'applicant', json_object('name', ?8, 'id', ?9, 'birth_date', ?10, "
	    "'phone', ?11, 'address', ?12, 'email', ?13), "
	    "'delivery', ?14, 'received', ?15, 'due', ?16)", &st, err))
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
	bind_opt(st, 10, a->birth);
	bind_opt(st, 11, a->phone);
	bind_opt(st, 12, a->address);
	bind_opt(st, 13, a->email);
	sqlite3_bind_text(st, 14, delivery == MC_DELIVER_POST ? "post" : "counter", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 15, received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, due_iso, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		body = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	else
		db_fail(db, err, _("recording the receipt"));
	sqlite3_finalize(st);
	return body;
}

/* Is the procedure in force on the day of receipt? */
static int
check_in_force(const struct mc_procedure *p, int jdn, struct mc_err *err)
{
	int day;
	char today[MC_DATE_LEN];

	date_format(jdn, today);
	if (p->abolished != NULL && date_parse(p->abolished, &day) == 0 && day <= jdn)
		return err_set(err, MC_EINVAL, _("the procedure %s was abolished on %s: "
		    "choose the procedure that replaced it"), p->code, p->abolished);
	if (p->effective != NULL && date_parse(p->effective, &day) == 0 && day > jdn)
		return err_set(err, MC_EINVAL, _("the procedure %s takes effect only on %s "
		    "(receipt date %s)"), p->code, p->effective, today);
	return 0;
}

/* What a receipt and a guidance share: the checked facts of the intake. */
struct intake {
	struct mc_procedure p;
	struct clean_applicant a;
	struct mc_officer off;
	struct mc_unit u;
	struct mc_limit lim;
	bool *received;		/* [p.ndocs] */
};

static void
intake_free(struct intake *in)
{
	free(in->received);
	applicant_free(&in->a);
	catalog_procedure_free(&in->p);
}

static int
intake_check(sqlite3 *db, const struct mc_receipt *r, struct intake *in,
    struct mc_warnings *w, struct mc_err *err)
{
	memset(in, 0, sizeof *in);
	if (unit_get(db, &in->u, err) || unit_officer_get(db, r->officer, &in->off, err))
		return -1;
	if (r->procedure == NULL)
		return err_set(err, MC_EINVAL,
		    _("no procedure given: name it by its code (see 'motcua catalog list')"));
	if (catalog_get(db, r->procedure, &in->p, err) ||
	    check_in_force(&in->p, r->at.jdn, err) ||
	    calendar_limit_parse(in->p.time_limit, &in->lim, err) ||
	    check_applicant(&r->applicant, &in->a, w, err))
		return -1;
	if ((in->received = calloc(in->p.ndocs + 1, sizeof *in->received)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	return parse_docs(r->docs, &in->p, in->received, err);
}

int
dossier_receive(sqlite3 *db, struct mc_calendar *cal, const struct mc_receipt *r,
    struct mc_receipt_out *out, struct mc_err *err)
{
	struct db_tx tx;
	struct intake in;
	char *docs = NULL, *body = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (intake_check(db, r, &in, &out->warnings, err) ||
	    check_complete(&in.p, in.received, err) ||
	    calendar_due(cal, &r->at, &in.lim, &out->due, err) ||
	    event_uuid(out->id, err))
		goto done;
	if (db_tx_begin(db, &tx, err))
		goto done;
	if (next_code(db, &in.u, r->at.jdn, out->code, err) ||
	    (docs = docs_json(db, &in.p, in.received, err)) == NULL ||
	    (body = receipt_body(db, out->code, &in.p, docs, &in.a, r->applicant.delivery,
	    &r->at, &out->due, err)) == NULL ||
	    event_append(db, out->id, "receive", &r->at, in.off.username, body, err) ||
	    dossier_project(db, out->id, err)) {
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
dossier_guide(sqlite3 *db, const struct mc_receipt *r, struct mc_receipt_out *out,
    struct mc_err *err)
{
	struct db_tx tx;
	struct intake in;
	char *docs = NULL, *body = NULL, missing[8 * 64] = "[";
	size_t used = 1;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (intake_check(db, r, &in, &out->warnings, err))
		goto done;
	for (size_t i = 0; i < in.p.ndocs && used < sizeof missing - 8; i++)
		if (in.p.docs[i].required && !in.received[i])
			used += (size_t)snprintf(missing + used, sizeof missing - used, "%s%d",
			    used > 1 ? "," : "", in.p.docs[i].position);
	if (used == 1) {
		err_set(err, MC_EINVAL, _("no required document is missing: receive the "
		    "dossier instead"));
		goto done;
	}
	snprintf(missing + used, sizeof missing - used, "]");
	if (event_uuid(out->id, err))
		goto done;
	/* the due date is only a receipt's: the body says what is missing */
	out->due = r->at;
	if (db_tx_begin(db, &tx, err))
		goto done;
	if ((docs = docs_json(db, &in.p, in.received, err)) == NULL ||
	    (body = receipt_body(db, "", &in.p, docs, &in.a, r->applicant.delivery,
	    &r->at, &r->at, err)) == NULL ||
	    db_prepare(db, "SELECT json_remove(json_set(?1, '$.missing', json(?2)), "
	    "'$.code', '$.due')", &st, err)) {
		db_tx_rollback(&tx);
		goto done;
	}
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, missing, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, _("recording the guidance"));
		db_tx_rollback(&tx);
		goto done;
	}
	if (event_append(db, out->id, "guide", &r->at, in.off.username,
	    (const char *)sqlite3_column_text(st, 0), err)) {
		db_tx_rollback(&tx);
		goto done;
	}
	rc = db_tx_commit(&tx, err);
done:
	sqlite3_finalize(st);
	sqlite3_free(docs);
	sqlite3_free(body);
	intake_free(&in);
	return rc;
}

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v != NULL ? strdup((const char *)v) : NULL;
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
	if (db_prepare(db, "SELECT applicant_name, applicant_id, birth_date, phone, "
	    "address, email, delivery FROM dossier WHERE applicant_id = ?1 "
	    "ORDER BY received DESC, code DESC LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->name = column_dup(st, 0);
		a->id = column_dup(st, 1);
		a->birth_date = column_dup(st, 2);
		a->phone = column_dup(st, 3);
		a->address = column_dup(st, 4);
		a->email = column_dup(st, 5);
		a->delivery = strcmp((const char *)sqlite3_column_text(st, 6), "post") == 0 ?
		    MC_DELIVER_POST : MC_DELIVER_COUNTER;
	}
	sqlite3_finalize(st);
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

/* A step after the receipt: an UPDATE of the row from the event's body
 * (e.b) and time (e.t); every step also records when the row last changed. */
#define STEP(set) "UPDATE dossier SET " set ", updated = e.t FROM (SELECT body AS b, " \
	"at AS t FROM event WHERE origin = ?2 AND seq = ?3) AS e WHERE id = ?1"

/* How each kind of event changes the row.  ?1 is the dossier id, ?2 and
 * ?3 the event's origin and seq.  Later kinds (hand-offs, results,
 * returns) join this table. */
static const struct {
	const char *kind;
	const char *sql;
} projectors[] = {
	{"receive",
	 "INSERT INTO dossier(id, code, station, officer, procedure_code, "
	 "procedure_name, field, time_limit, fee, documents, applicant_name, "
	 "applicant_id, birth_date, phone, address, email, delivery, name_fold, "
	 "received, due, status, updated, address_fold, appointment) "
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
	 "'received', e.at, vn_fold(json_extract(e.body, '$.applicant.address')), "
	 "json_extract(e.body, '$.due') "
	 "FROM event e WHERE e.origin = ?2 AND e.seq = ?3"},
	/* guidance (Mẫu 02) creates no dossier: nothing to project */
	{"guide", NULL},
	/* the steps after the receipt (lifecycle.h); e is the event */
	{"handover", STEP("status = 'processing', handler = json_extract(e.b, '$.to'), "
	    "agency = NULL")},
	{"transfer", STEP("status = 'transferred', agency = json_extract(e.b, '$.agency')")},
	{"transfer-back", STEP("status = 'processing', agency = NULL")},
	{"pause", STEP("paused_from = status, status = 'paused', paused_at = e.t")},
	{"resume", STEP("status = coalesce(paused_from, 'received'), paused_from = NULL, "
	    "paused_at = NULL, paused_days = paused_days + json_extract(e.b, "
	    "'$.paused_days'), due = json_extract(e.b, '$.due'), appointment = CASE "
	    "WHEN apologies = 0 THEN json_extract(e.b, '$.due') ELSE appointment END")},
	{"result", STEP("status = 'result_ready', result = json_extract(e.b, '$.outcome'), "
	    "result_reason = json_extract(e.b, '$.reason'), result_at = e.t")},
	{"return", STEP("status = 'returned', returned_at = e.t, collector = "
	    "json_extract(e.b, '$.collector'), collector_id = json_extract(e.b, "
	    "'$.collector_id'), rating = json_extract(e.b, '$.rating')")},
	{"refuse", STEP("status = 'refused', closed_reason = json_extract(e.b, '$.reason'), "
	    "closed_at = e.t")},
	{"withdraw", STEP("status = 'withdrawn', closed_reason = json_extract(e.b, "
	    "'$.reason'), closed_at = e.t")},
	{"cancel", STEP("status = 'cancelled', closed_reason = json_extract(e.b, "
	    "'$.reason'), closed_at = e.t")},
	{"apologize", STEP("appointment = json_extract(e.b, '$.new_date'), "
	    "apologies = apologies + 1")},
};

/* Keep name_word in step with the row: each word of the folded name, so a
 * lookup by any word (in any order) is an index range, not a scan. */
static int
index_words(sqlite3 *db, const char *id, struct mc_err *err)
{
	sqlite3_stmt *st;
	char *fold = NULL;
	int rc;

	if (db_prepare(db, "DELETE FROM name_word WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("indexing the name"));
	if (db_prepare(db, "SELECT name_fold FROM dossier WHERE id = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		fold = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (fold == NULL)
		return 0;	/* no row (guidance): nothing to index */
	if (db_prepare(db, "INSERT OR IGNORE INTO name_word(word, id) VALUES (?1, ?2)",
	    &st, err)) {
		sqlite3_free(fold);
		return -1;
	}
	rc = SQLITE_DONE;
	for (char *w = strtok(fold, " "); w != NULL && rc == SQLITE_DONE;
	    w = strtok(NULL, " ")) {
		sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_free(fold);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("indexing the name"));
	return 0;
}

int
dossier_project(sqlite3 *db, const char *id, struct mc_err *err)
{
	sqlite3_stmt *ev, *del;
	int rc;

	if (db_prepare(db, "DELETE FROM dossier WHERE id = ?1", &del, err))
		return -1;
	sqlite3_bind_text(del, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(del);
	sqlite3_finalize(del);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("updating the dossier"));
	/* events apply in the order they happened; ties by station and number */
	if (db_prepare(db, "SELECT origin, seq, kind FROM event WHERE dossier = ?1 "
	    "ORDER BY at, origin, seq", &ev, err))
		return -1;
	sqlite3_bind_text(ev, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(ev)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(ev, 2);
		size_t k;
		sqlite3_stmt *st;

		for (k = 0; k < sizeof projectors / sizeof projectors[0]; k++)
			if (strcmp(projectors[k].kind, kind) == 0)
				break;
		if (k == sizeof projectors / sizeof projectors[0]) {
			err_set(err, MC_EINVAL, _("an event of kind '%s' is unknown to this "
			    "version of motcua: install the newer version"), kind);
			sqlite3_finalize(ev);
			return -1;
		}
		if (projectors[k].sql == NULL)
			continue;
		if (db_prepare(db, projectors[k].sql, &st, err)) {
			sqlite3_finalize(ev);
			return -1;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_value(st, 2, sqlite3_column_value(ev, 0));
		sqlite3_bind_int64(st, 3, sqlite3_column_int64(ev, 1));
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(ev);
			return db_fail(db, err, _("updating the dossier"));
		}
	}
	sqlite3_finalize(ev);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the dossier's events"));
	return index_words(db, id, err);
}

int
dossier_rebuild(sqlite3 *db, long long *total, long long *differ, struct mc_err *err)
{
	struct db_tx tx;
	sqlite3_stmt *st;
	int rc;

	*total = *differ = 0;
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.dossier_before; "
	    "CREATE TEMP TABLE dossier_before AS SELECT * FROM main.dossier; "
	    "DELETE FROM main.dossier", err))
		goto fail;
	if (db_prepare(db, "SELECT DISTINCT dossier FROM event ORDER BY dossier", &st, err))
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
	if (db_exec(db, "DROP TABLE temp.dossier_before", err))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
dossier_find_code(sqlite3 *db, const char *code, char id[MC_UUID_LEN],
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id FROM dossier WHERE code = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(id, MC_UUID_LEN, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("looking up the dossier"));
	return err_set(err, MC_ENOTFOUND,
	    _("there is no dossier %s: check the code on the slip"), code);
}
