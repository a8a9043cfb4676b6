/* test_read.c — core's read models: a dossier's row as a struct
 * (dossier_get, dossier_list) through its life, and the checks of
 * `motcua check` (check_integrity, check_events) on a sound and on a
 * damaged database. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/check.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/lifecycle.h"
#include "motcua/vocab.h"
#include "motcua/unit.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-read.XXXXXX";
static char dbpath[128];

static sqlite3 *
new_db(void)
{
	struct mc_unit u;
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	snprintf(dbpath, sizeof dbpath, "%s/read.db", dir);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.17.22.H56");
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	u.station = 1;
	if (db_open(dbpath, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err)) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	return db;
}

static struct mc_time
at(const char *when)
{
	struct mc_time t;

	if (date_parse_time(when, &t) != 0)
		exit(99);
	return t;
}

/* Receive a birth registration (same day; documents 1 and 2 of 4 handed
 * in) at `when`, by `officer`, the clock saying `now` (NULL: `when`, the
 * receipt recorded as it happens); its code goes to code. */
static void
receive(sqlite3 *db, struct mc_calendar *cal, const char *officer, const char *name,
    const char *when, const char *now, struct mc_receipt_out *out)
{
	struct mc_receipt r;
	struct mc_err err;

	tap_now(now != NULL ? now : when);
	memset(&r, 0, sizeof r);
	r.procedure = "1.001193";
	r.docs = "1,2";
	r.applicant.name = name;
	r.applicant.id = "087084000999";
	r.applicant.phone = "0912345678";
	r.applicant.address = "Ấp 1, xã Mỹ An";
	r.applicant.delivery = MC_DELIVER_POST;
	r.officer = officer;
	r.at = at(when);
	if (dossier_receive(db, cal, &r, out, &err) != 0) {
		printf("Bail out! receive: %s\n", err.msg);
		exit(1);
	}
}

static void
step(sqlite3 *db, struct mc_calendar *cal, const char *code, enum mc_kind_id k,
    const struct mc_step_args *args, const char *when)
{
	struct mc_time t = at(when);
	struct mc_err err;

	tap_now(when);
	if (lifecycle_record(db, cal, code, vocab_kind(k), args, &t, "lan", &err) != 0) {
		printf("Bail out! %s: %s\n", vocab_kind(k)->name, err.msg);
		exit(1);
	}
}

static int
same_time(const struct mc_time *a, const struct mc_time *b)
{
	return a->jdn == b->jdn && a->min == b->min;
}

/* dossier_list: the codes in the order given, stopping after `stop`. */
struct seen {
	char codes[4][MC_CODE_LEN];
	int n, stop;
	bool docs_ok;
};

static int
see(const struct mc_dossier *d, void *arg)
{
	struct seen *s = arg;

	if (s->n < 4)
		snprintf(s->codes[s->n], sizeof s->codes[s->n], "%s", d->code);
	/* every dossier comes with its documents decoded */
	if (d->ndocs != 4 || d->docs[3].position != 4)
		s->docs_ok = false;
	return ++s->n == s->stop;
}

static void
test_get(sqlite3 *db, struct mc_calendar *cal)
{
	struct mc_receipt_out a, b, c;
	struct mc_step_args args;
	struct mc_dossier d;
	struct mc_err err;
	struct seen s;
	struct mc_time t;

	/* b is received at 08:30 but entered after a (09:00): a receipt before
	 * the station's newest event is a supervisor's, so truong enters it at
	 * 09:05; the point here is the list's order (by receipt time, not by
	 * code), which needs b's code after a's and its time before. */
	receive(db, cal, "lan", "Nguyễn Văn An", "2026-11-20 09:00", NULL, &a);
	receive(db, cal, "truong", "Lê Thị Bình", "2026-11-20 08:30", "2026-11-20 09:05", &b);
	receive(db, cal, "lan", "Trần An Nguyên", "2026-11-20 09:00", "2026-11-20 09:05", &c);

	/* received, nothing else yet */
	ok(dossier_get(db, a.code, &d, &err) == 0, "dossier_get a received dossier (%s)",
	    err.msg);
	is_str(d.code, a.code, "received: the code");
	is_str(d.id, a.id, "received: the id");
	is_str(d.status, "received", "received: the status name");
	is_str(d.officer, "lan", "received: the receiving officer");
	is_str(d.procedure.code, "1.001193", "received: the procedure snapshot's code");
	ok(d.procedure.name != NULL && strstr(d.procedure.name, "khai sinh") != NULL,
	    "received: the procedure's name");
	is_str(d.procedure.field, "Hộ tịch", "received: the procedure's field");
	is_str(d.procedure.time_limit, "same day", "received: the time limit as written");
	is_int(d.procedure.fee, 0, "received: the fee");
	is_str(d.applicant.name, "Nguyễn Văn An", "received: the applicant");
	is_str(d.applicant.id, "087084000999", "received: the ID number");
	is_str(d.applicant.phone, "0912345678", "received: the phone");
	ok(d.applicant.email == NULL && d.applicant.birth_date == NULL,
	    "received: what was not given is NULL");
	ok(d.delivery == MC_DELIVER_POST, "received: the result goes by post");
	is_str(dossier_delivery_name(d.delivery), "post", "post is named \"post\"");
	t = at("2026-11-20 09:00");
	ok(same_time(&d.received, &t), "received: the time of receipt");
	ok(same_time(&d.due, &a.due), "received: the due date-time promised");
	ok(same_time(&d.appointment, &a.due), "received: the appointment is the due time");
	ok(same_time(&d.updated, &t), "received: updated at the receipt");
	is_int(d.ndocs, 4, "received: the procedure's four documents");
	ok(d.ndocs == 4 && d.docs[0].position == 1 && d.docs[0].received &&
	    d.docs[0].required && d.docs[1].received && !d.docs[2].received &&
	    !d.docs[2].required && d.docs[3].position == 4 && d.docs[0].quantity == 1,
	    "received: which documents were handed in, which are required");
	ok(d.ndocs == 4 && d.docs[0].name != NULL && d.docs[0].form != NULL &&
	    strcmp(d.docs[0].form, "original") == 0, "received: a document's name and form");
	ok(d.handler == NULL && d.result == NULL && d.returned_at.jdn == 0 &&
	    d.closed_at.jdn == 0 && d.paused_at.jdn == 0 && d.rating == NULL &&
	    d.apologies == 0, "received: no later step shows yet");
	dossier_free(&d);
	ok(d.docs == NULL && d.applicant.name == NULL, "dossier_free leaves nothing behind");

	/* handed over to a specialist */
	memset(&args, 0, sizeof args);
	(void)lifecycle_arg(&args, vocab_kind(MC_KIND_HANDOVER), "to", "Phạm Văn Tư");
	step(db, cal, a.code, MC_KIND_HANDOVER, &args, "2026-11-20 10:00");
	ok(dossier_get(db, a.code, &d, &err) == 0, "dossier_get a handed-over dossier");
	is_str(d.status, "processing", "handed over: processing");
	is_str(d.handler, "Phạm Văn Tư", "handed over: to whom");
	t = at("2026-11-20 10:00");
	ok(same_time(&d.updated, &t), "handed over: updated at the handover");
	dossier_free(&d);

	/* a result, then returned to the applicant */
	memset(&args, 0, sizeof args);
	step(db, cal, a.code, MC_KIND_RESULT, &args, "2026-11-20 15:00");
	memset(&args, 0, sizeof args);
	(void)lifecycle_arg(&args, vocab_kind(MC_KIND_RETURN), "rating", "satisfied");
	step(db, cal, a.code, MC_KIND_RETURN, &args, "2026-11-20 16:00");
	ok(dossier_get(db, a.code, &d, &err) == 0, "dossier_get a returned dossier");
	is_str(d.status, "returned", "returned: the status");
	is_str(d.result, "approved", "returned: the result");
	t = at("2026-11-20 15:00");
	ok(same_time(&d.result_at, &t), "returned: when the result was ready");
	t = at("2026-11-20 16:00");
	ok(same_time(&d.returned_at, &t), "returned: when it was returned");
	is_str(d.collector, "Nguyễn Văn An", "returned: the applicant collected it");
	is_str(d.rating, "satisfied", "returned: the rating");
	is_str(d.applicant.name, "Nguyễn Văn An", "returned: the receipt's fields stay");
	dossier_free(&d);

	/* a code that does not exist */
	ok(dossier_get(db, "000.17.22.H56-261120-1999", &d, &err) != 0 &&
	    err.kind == MC_ENOTFOUND, "an unknown code: MC_ENOTFOUND");
	ok(strstr(err.msg, "000.17.22.H56-261120-1999") != NULL &&
	    strstr(err.msg, "check the code") != NULL,
	    "an unknown code: names it and says what to do (%s)", err.msg);

	/* every dossier, by receipt time then code */
	memset(&s, 0, sizeof s);
	s.docs_ok = true;
	ok(dossier_list(db, see, &s, &err) == 0, "dossier_list");
	is_int(s.n, 3, "dossier_list: three dossiers");
	ok(strcmp(s.codes[0], b.code) == 0 && strcmp(s.codes[1], a.code) == 0 &&
	    strcmp(s.codes[2], c.code) == 0, "dossier_list: by receipt time, then code");
	ok(s.docs_ok, "dossier_list: each with its documents");
	memset(&s, 0, sizeof s);
	s.stop = 2;
	ok(dossier_list(db, see, &s, &err) == 0 && s.n == 2,
	    "dossier_list: stops when fn says so");
}

static int
problem(const char *p, void *arg)
{
	char *first = arg;

	if (first[0] == '\0')
		snprintf(first, 256, "%s", p);
	return 0;
}

static void
test_check(sqlite3 **dbp)
{
	char first[256] = "";
	long long total = -1, bad = -1;
	struct mc_err err;
	sqlite3 *raw;

	is_int(check_integrity(*dbp, problem, first, &err), 0, "check_integrity: sound");
	is_str(first, "", "check_integrity: no problem reported");
	ok(check_events(*dbp, &total, &bad, &err) == 0, "check_events");
	is_int(total, 7, "check_events: the catalog's import, three receipts and three steps");
	is_int(bad, 0, "check_events: every hash and link sound");

	/* an event changed behind the log's back */
	ok(db_exec(*dbp, "DROP TRIGGER event_no_update; UPDATE event SET body = "
	    "json_set(body, '$.applicant.name', 'Y') WHERE seq = 3", &err) == 0,
	    "forge an event (%s)", err.msg);
	ok(check_events(*dbp, &total, &bad, &err) == 0 && total == 7 && bad == 1,
	    "check_events: the forged event is found");

	/* an index that no longer matches its table: the schema says it is
	 * on another column than the one its entries were made from */
	db_close(*dbp);
	if (sqlite3_open(dbpath, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
	    "'CREATE INDEX dossier_phone ON dossier(applicant_id)' WHERE name = "
	    "'dossier_phone'", NULL, NULL, NULL) != SQLITE_OK) {
		printf("Bail out! damaging the database: %s\n", sqlite3_errmsg(raw));
		exit(1);
	}
	sqlite3_close(raw);
	if (db_open(dbpath, 0, dbp, &err) != 0) {
		printf("Bail out! reopening: %s\n", err.msg);
		exit(1);
	}
	ok(check_integrity(*dbp, problem, first, &err) > 0,
	    "check_integrity: a damaged index is found");
	ok(strstr(first, "dossier_phone") != NULL, "check_integrity: the problem names "
	    "the index (%s)", first);
	ok(check_integrity(*dbp, NULL, NULL, &err) > 0, "check_integrity: without a callback");
}

int
main(void)
{
	struct mc_calendar *cal;
	struct mc_err err;
	sqlite3 *db;
	char cmd[128];

	if (mkdtemp(dir) == NULL)
		return 99;
	db = new_db();
	if (calendar_open(db, &cal, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	test_get(db, cal);
	calendar_close(cal);
	test_check(&db);
	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
