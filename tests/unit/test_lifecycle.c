/* test_lifecycle.c — every step from every status, allowed or refused,
 * and the due date moved by pauses across weekends and Tết. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/lifecycle.h"
#include "motcua/unit.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-life.XXXXXX";
static sqlite3 *db;
static struct mc_calendar *cal;
static int serial;

static struct mc_time
at(const char *s)
{
	struct mc_time t;

	if (date_parse_time(s, &t) != 0)
		exit(99);
	return t;
}

/* A new dossier received at `when`, the clock saying `when`; its code in
 * code[64]. */
static void
receive(const char *when, char code[64])
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char id[32];

	tap_now(when);
	memset(&r, 0, sizeof r);
	snprintf(id, sizeof id, "087084%06d", ++serial % 1000000);
	r.procedure = "1.001022";	/* 3 working days */
	r.docs = "all";
	r.applicant.name = "Nguyễn Văn An";
	r.applicant.id = id;
	r.applicant.address = "Ấp 3, xã Mỹ An";
	r.officer = "lan";
	r.at = at(when);
	if (dossier_receive(db, cal, &r, &out, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	snprintf(code, 64, "%s", out.code);
}

static int
found_copy(const struct mc_found *f, void *arg)
{
	*(struct mc_found *)arg = *f;
	return 1;
}

/* The dossier of this code as find gives it: 0, or -1. */
static int
life_find_one(const char *code, struct mc_found *f)
{
	struct mc_err err;

	f->code[0] = '\0';
	if (lifecycle_find(db, code, found_copy, f, &err) != 0)
		return -1;
	return strcmp(f->code, code) == 0 ? 0 : -1;
}

/* Record a step with every field it has given a plausible value, the
 * clock saying `when`. */
static int
step(const char *code, enum mc_kind_id s, const char *when, const char *officer,
    struct mc_err *err)
{
	const struct mc_kind *k = vocab_kind(s);
	struct mc_step_args a;
	struct mc_time t = at(when);

	tap_now(when);
	memset(&a, 0, sizeof a);
	(void)lifecycle_arg(&a, k, "to", "Phạm Văn Tư");
	(void)lifecycle_arg(&a, k, "agency", "Phòng Tư pháp");
	(void)lifecycle_arg(&a, k, "reason", "Lý do");
	(void)lifecycle_arg(&a, k, "rating", "satisfied");
	(void)lifecycle_arg(&a, k, "new_date", "2027-01-15 10:00");
	return lifecycle_record(db, cal, code, k, &a, &t, officer, err);
}

static char *
col(const char *code, const char *c)
{
	static char buf[256];
	char sql[256];
	sqlite3_stmt *st;

	buf[0] = '\0';
	snprintf(sql, sizeof sql, "SELECT %s FROM dossier WHERE code = ?1", c);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return buf;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* The steps that bring a fresh dossier to each status. */
static const struct {
	const char *status;
	enum mc_kind_id path[3];
	int n;
} reach[] = {
	{"received", {0}, 0},
	{"processing", {MC_KIND_HANDOVER}, 1},
	{"transferred", {MC_KIND_TRANSFER}, 1},
	{"paused", {MC_KIND_PAUSE}, 1},
	{"result_ready", {MC_KIND_RESULT}, 1},
	{"returned", {MC_KIND_RESULT, MC_KIND_RETURN}, 2},
	{"refused", {MC_KIND_REFUSE}, 1},
	{"withdrawn", {MC_KIND_WITHDRAW}, 1},
	{"cancelled", {MC_KIND_CANCEL}, 1},
	{"stopped", {MC_KIND_STOP}, 1},
};

/* Which step each status allows (rows: reach[], columns: the steps of
 * enum mc_kind_id from MC_KIND_HANDOVER:
 * handover transfer transfer-back pause resume result return refuse
 * withdraw cancel apologize stop). */
static const char *const allowed[] = {
	"110101011111",	/* received */
	"110101001111",	/* processing */
	"001101001111",	/* transferred */
	"000010001111",	/* paused */
	"000000100100",	/* result_ready */
	"000000000100",	/* returned */
	"000000000100",	/* refused */
	"000000000100",	/* withdrawn */
	"000000000000",	/* cancelled */
	"000000000100",	/* stopped: closed; only an entry error is cancelled */
};

/* Each event of a history as "kind: field=raw [line]; …". */
struct lines {
	char text[8][512];
	const struct mc_kind *kind[8];
	int n;
};

static int
history_lines(const struct mc_history_item *h, void *arg)
{
	struct lines *l = arg;
	char *t;

	if (l->n >= 8)
		return 1;
	t = l->text[l->n];
	l->kind[l->n] = h->kind;
	snprintf(t, 512, "%s:", h->kind_name);
	for (size_t i = 0; i < h->nvalues; i++)
		snprintf(t + strlen(t), 512 - strlen(t), "%s %s=%s [%s]", i ? ";" : "",
		    h->values[i].field->name, h->values[i].raw, h->values[i].line);
	l->n++;
	return 0;
}

int
main(void)
{
	/* the dossiers of the table, one a cell; those of the other checks */
	static char cell[sizeof reach / sizeof reach[0]][MC_KIND_COUNT][64];
	char p[128], code[64], before[32], c_cancel[64], c_pause[64], c_late[64],
	    c_before[64], c_fields[64], c_history[64], c_stop[64];
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct mc_err err;
	long long events;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(p, sizeof p, "%s/l.db", dir);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	/* The story runs in order, as at a counter, where a receipt before the
	 * station's newest event is a supervisor's (clock.h): the station is
	 * set up in February; the Tết dossier is received then; on Friday 20
	 * November at 09:00 every other dossier is received; then their steps,
	 * each with the clock at its time (a step is checked against its own
	 * dossier's history only, so the clock follows each dossier's steps). */
	tap_now("2026-02-10 08:00");
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "boss", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) ||
	    catalog_import_json(db, "boss", catalog_sample_json, &cs, &err) ||
	    calendar_open(db, &cal, &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}

	/* pauses: Tết does not count as paused days (February) */
	receive("2026-02-10 10:00", code);	/* Tue before Tết; due Fri 13 */
	is_str(col(code, "due"), "2026-02-13T10:00:00+07:00", "due before Tết");
	ok(step(code, MC_KIND_PAUSE, "2026-02-12 09:00", "lan", &err) == 0 &&
	    step(code, MC_KIND_RESUME, "2026-02-24 09:00", "lan", &err) == 0,
	    "paused across Tết (16–20/2)");
	is_str(col(code, "paused_days"), "3", "Thu 12, Fri 13, Mon 23: Tết and weekends "
	    "do not count");
	is_str(col(code, "due"), "2026-02-25T10:00:00+07:00", "due Fri 13 + 3 working "
	    "days = Wed 25");

	/* Friday 20 November, 09:00: every other dossier is received */
	for (size_t r = 0; r < sizeof reach / sizeof reach[0]; r++)
		for (int s = MC_KIND_HANDOVER; s < MC_KIND_COUNT; s++)
			receive("2026-11-20 09:00", cell[r][s]);
	receive("2026-11-20 09:00", c_cancel);
	receive("2026-11-20 09:00", c_pause);	/* Fri; due Wed 25 09:00 */
	receive("2026-11-20 09:00", c_late);
	receive("2026-11-20 09:00", c_before);
	receive("2026-11-20 09:00", c_fields);
	receive("2026-11-20 09:00", c_history);
	receive("2026-11-20 09:00", c_stop);

	/* every step from every status: the rule table and the real thing;
	 * at 10:00 each cell's dossier is brought to its status */
	for (size_t r = 0; r < sizeof reach / sizeof reach[0]; r++)
		for (int s = MC_KIND_HANDOVER; s < MC_KIND_COUNT; s++)
			for (int k = 0; k < reach[r].n; k++)
				if (step(cell[r][s], reach[r].path[k], "2026-11-20 10:00",
				    reach[r].path[k] == MC_KIND_CANCEL ? "boss" : "lan", &err)) {
					printf("Bail out! reaching %s: %s\n", reach[r].status, err.msg);
					return 1;
				}
	/* and the next morning the step is tried */
	for (size_t r = 0; r < sizeof reach / sizeof reach[0]; r++) {
		for (int s = MC_KIND_HANDOVER; s < MC_KIND_COUNT; s++) {
			bool want = allowed[r][s - MC_KIND_HANDOVER] == '1';
			const char *name = vocab_kind((enum mc_kind_id)s)->name;
			const char *who = s == MC_KIND_CANCEL ? "boss" : "lan";
			int rc;

			snprintf(code, sizeof code, "%s", cell[r][s]);
			if (strcmp(col(code, "status"), reach[r].status) != 0) {
				printf("Bail out! %s is %s, not %s\n", code, col(code, "status"),
				    reach[r].status);
				return 1;
			}
			ok(lifecycle_allowed(reach[r].status, vocab_kind((enum mc_kind_id)s)) ==
			    want, "rule: %s from %s %s", name,
			    reach[r].status, want ? "allowed" : "refused");
			events = db_int(db, "SELECT count(*) FROM event", -1);
			snprintf(before, sizeof before, "%s", col(code, "paused_from"));
			memset(&err, 0, sizeof err);
			rc = step(code, (enum mc_kind_id)s, "2026-11-21 09:00", who, &err);
			if (want) {
				const struct mc_kind *k = vocab_kind((enum mc_kind_id)s);
				/* the table's target: its status, the one before the
				 * pause, or unchanged */
				const char *target = k->to != NULL ? k->to : k->back ? before :
				    reach[r].status;

				ok(rc == 0, "record: %s from %s (%s)", name, reach[r].status,
				    err.msg);
				is_str(col(code, "status"), target, "projection: %s from %s leads "
				    "to %s, as the table says", name, reach[r].status, target);
			} else
				ok(rc != 0 && err.msg[0] != '\0' && db_int(db, "SELECT count(*) "
				    "FROM event", -1) == events, "record: %s from %s refused, "
				    "nothing written (%s)", name, reach[r].status, err.msg);
		}
	}

	/* cancel needs a supervisor */
	snprintf(code, sizeof code, "%s", c_cancel);
	ok(step(code, MC_KIND_CANCEL, "2026-11-20 10:00", "lan", &err) != 0 &&
	    strstr(err.msg, "supervisor") != NULL, "an officer cannot cancel");

	/* pauses: weekends and Tết do not count as paused days */
	snprintf(code, sizeof code, "%s", c_pause);	/* Fri; due Wed 25 09:00 */
	ok(step(code, MC_KIND_PAUSE, "2026-11-20 14:00", "lan", &err) == 0 &&
	    step(code, MC_KIND_RESUME, "2026-11-24 08:00", "lan", &err) == 0,
	    "pause Friday, resume Tuesday");
	is_str(col(code, "paused_days"), "2", "two working days paused (Fri, Mon)");
	is_str(col(code, "due"), "2026-11-27T09:00:00+07:00", "due moves Wed → Fri");
	ok(step(code, MC_KIND_PAUSE, "2026-11-24 09:00", "lan", &err) == 0 &&
	    step(code, MC_KIND_RESUME, "2026-11-24 16:00", "lan", &err) == 0,
	    "a pause within one day");
	is_str(col(code, "due"), "2026-11-27T09:00:00+07:00", "the same day: no shift");
	ok(step(code, MC_KIND_PAUSE, "2026-11-26 09:00", "lan", &err) == 0 &&
	    step(code, MC_KIND_RESUME, "2026-11-30 09:00", "lan", &err) == 0,
	    "pause Thursday, resume Monday");
	is_str(col(code, "paused_days"), "4", "two more working days (Thu, Fri)");
	is_str(col(code, "due"), "2026-12-01T09:00:00+07:00", "due Fri 27 → Tue 1/12");

	/* late: the due date decides, an apology only moves the appointment */
	snprintf(code, sizeof code, "%s", c_late);
	ok(step(code, MC_KIND_APOLOGIZE, "2026-11-24 09:00", "lan", &err) == 0,
	    "apologize");
	is_str(col(code, "appointment"), "2027-01-15T10:00:00+07:00", "new appointment");
	is_str(col(code, "due"), "2026-11-25T09:00:00+07:00", "the due date stays");
	ok(step(code, MC_KIND_APOLOGIZE, "2026-11-24 10:00", "lan", &err) != 0 &&
	    strstr(err.msg, "later"), "a second apology must promise a later date");

	/* nothing before the last step */
	snprintf(code, sizeof code, "%s", c_before);
	ok(step(code, MC_KIND_HANDOVER, "2026-11-19 09:00", "lan", &err) != 0 &&
	    strstr(err.msg, "before"), "a step before the receipt is refused");

	/* the fields' types and limits: refused with a message, nothing written */
	snprintf(code, sizeof code, "%s", c_fields);
	{
		static const struct {
			enum mc_kind_id kind;
			const char *field, *value, *says;
		} bad[] = {
			/* named by the form's label, not the body's key */
			{MC_KIND_HANDOVER, "to", NULL, "field 'To (officer)' is too long"},
			{MC_KIND_PAUSE, "reason", NULL, "field 'Reason' is too long"},
			{MC_KIND_APOLOGIZE, "new_date", "tomorrow", "not valid"},
			{MC_KIND_RESULT, "outcome", "maybe", "not one of"},
			{MC_KIND_HANDOVER, "to", "   ", "needs the person"},
		};
		char longname[1200];

		memset(longname, 'a', 201);
		longname[201] = '\0';
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			const struct mc_kind *k = vocab_kind(bad[i].kind);
			struct mc_step_args a;
			struct mc_time t = at("2026-11-21 09:00");
			long long before_n = db_int(db, "SELECT count(*) FROM event", -1);
			int rc;

			if (bad[i].value == NULL && strcmp(bad[i].field, "reason") == 0) {
				memset(longname, 'b', 1001);
				longname[1001] = '\0';
			}
			memset(&a, 0, sizeof a);
			(void)lifecycle_arg(&a, k, "reason", "Lý do");
			(void)lifecycle_arg(&a, k, bad[i].field, bad[i].value != NULL ?
			    bad[i].value : longname);
			memset(&err, 0, sizeof err);
			tap_now("2026-11-21 09:00");
			rc = lifecycle_record(db, cal, code, k, &a, &t, "lan", &err);
			ok(rc != 0 && strstr(err.msg, bad[i].says) != NULL &&
			    db_int(db, "SELECT count(*) FROM event", -1) == before_n &&
			    strcmp(col(code, "status"), "received") == 0,
			    "%s with a bad %s: refused, nothing written (%s)", k->name,
			    bad[i].field, err.msg);
		}
		/* the same check before anything is asked or written (a form
		 * runs it before its confirmation): the field at fault, and the
		 * step by its label */
		{
			const struct mc_kind *k = vocab_kind(MC_KIND_APOLOGIZE);
			struct mc_step_args a;
			long long n = db_int(db, "SELECT count(*) FROM event", -1);
			int field = 7;

			memset(&a, 0, sizeof a);
			(void)lifecycle_arg(&a, k, "new_date", "2026-11-30 10:00");
			ok(lifecycle_check(k, &a, &field, &err) != 0 &&
			    field == vocab_field_index(k, "reason") &&
			    strstr(err.msg, "the step 'Apologize, new date (Mẫu 04)' needs a "
			    "reason") != NULL, "check: an apology without a reason, at its "
			    "field (%d: %s)", field, err.msg);
			(void)lifecycle_arg(&a, k, "reason", "  ");
			ok(lifecycle_check(k, &a, &field, &err) != 0 && field == 0,
			    "check: a reason of spaces is none");
			(void)lifecycle_arg(&a, k, "reason", "Chờ ý kiến");
			(void)lifecycle_arg(&a, k, "new_date", NULL);
			ok(lifecycle_check(k, &a, &field, &err) != 0 &&
			    field == vocab_field_index(k, "new_date"), "check: no new date, at "
			    "its field (%s)", err.msg);
			(void)lifecycle_arg(&a, k, "new_date", "soon");
			ok(lifecycle_check(k, &a, &field, &err) != 0 && strstr(err.msg,
			    "not valid") != NULL, "check: a new date that is no date");
			(void)lifecycle_arg(&a, k, "new_date", "30/11/2026 10:00");
			ok(lifecycle_check(k, &a, &field, &err) == 0 && field == -1,
			    "check: both given, good");
			k = vocab_kind(MC_KIND_RETURN);
			memset(&a, 0, sizeof a);
			ok(lifecycle_check(k, &a, NULL, &err) == 0, "check: a return to the "
			    "applicant needs no name");
			(void)lifecycle_arg(&a, k, "collector", "Trần Văn Cường");
			ok(lifecycle_check(k, &a, &field, &err) != 0 &&
			    field == vocab_field_index(k, "collector_id"),
			    "check: another collector needs an ID");
			ok(lifecycle_check(vocab_kind(MC_KIND_RECEIVE), &a, &field, &err) != 0,
			    "check: the receipt is not a step");
			is_int((int)db_int(db, "SELECT count(*) FROM event", -1), (int)n,
			    "checking wrote nothing");
		}
		/* what the core computes is not the caller's to give */
		{
			const struct mc_kind *k = vocab_kind(MC_KIND_RESUME);
			struct mc_step_args a;
			struct mc_time t = at("2026-11-21 10:00");
			long long n;

			ok(step(code, MC_KIND_PAUSE, "2026-11-21 09:30", "lan", &err) == 0,
			    "paused");
			n = db_int(db, "SELECT count(*) FROM event", -1);
			memset(&a, 0, sizeof a);
			(void)lifecycle_arg(&a, k, "due", "2026-12-01 10:00");
			tap_now("2026-11-21 10:00");
			ok(lifecycle_record(db, cal, code, k, &a, &t, "lan", &err) != 0 &&
			    strstr(err.msg, "computes") != NULL && strcmp(col(code, "status"),
			    "paused") == 0 && db_int(db, "SELECT count(*) FROM event", -1) == n,
			    "resume with a due given: refused, nothing written (%s)", err.msg);
			ok(step(code, MC_KIND_RESUME, "2026-11-21 10:00", "lan", &err) == 0,
			    "resumed (%s)", err.msg);
		}
		ok(lifecycle_arg(&(struct mc_step_args){{NULL}}, vocab_kind(MC_KIND_PAUSE),
		    "agency", "x") == -1, "a field the kind does not have is no argument");
		ok(lifecycle_record(db, cal, code, vocab_kind(MC_KIND_RECEIVE),
		    &(struct mc_step_args){{NULL}}, &(struct mc_time){0}, "lan", &err) != 0,
		    "the receipt is not a step");
		/* 200 characters of Vietnamese (two or three bytes each) fit */
		{
			struct mc_step_args a;
			struct mc_time t = at("2026-11-21 11:00");
			char name[1024] = "";

			for (int i = 0; i < 200; i++)
				strcat(name, "Đ");
			memset(&a, 0, sizeof a);
			(void)lifecycle_arg(&a, vocab_kind(MC_KIND_HANDOVER), "to", name);
			tap_now("2026-11-21 11:00");
			ok(lifecycle_record(db, cal, code, vocab_kind(MC_KIND_HANDOVER), &a, &t,
			    "lan", &err) == 0, "a name of 200 characters is within the limit "
			    "(%s)", err.msg);
		}
	}

	/* dừng giải quyết: a reason, the legal ground if given; the dossier
	 * closed, the ground kept in the event */
	snprintf(code, sizeof code, "%s", c_stop);
	{
		const struct mc_kind *k = vocab_kind(MC_KIND_STOP);
		struct mc_step_args a;
		struct mc_time t = at("2026-11-21 09:00");
		long long n = db_int(db, "SELECT count(*) FROM event", -1);
		struct lines h;

		memset(&a, 0, sizeof a);
		(void)lifecycle_arg(&a, k, "ground", "Điều 20 Nghị định 118/2025/NĐ-CP");
		tap_now("2026-11-21 09:00");
		memset(&err, 0, sizeof err);
		ok(lifecycle_record(db, cal, code, k, &a, &t, "lan", &err) != 0 &&
		    strstr(err.msg, "the step 'Stop resolving' needs a reason") != NULL &&
		    db_int(db, "SELECT count(*) FROM event", -1) == n &&
		    strcmp(col(code, "status"), "received") == 0,
		    "stop without a reason: refused, nothing written (%s)", err.msg);
		(void)lifecycle_arg(&a, k, "reason", " Công dân đề nghị dừng ");
		ok(lifecycle_record(db, cal, code, k, &a, &t, "lan", &err) == 0,
		    "stop with its reason and ground (%s)", err.msg);
		is_str(col(code, "status"), "stopped", "a stopped dossier is stopped");
		is_str(col(code, "closed_reason"), "Công dân đề nghị dừng",
		    "its reason, trimmed, is the closing reason");
		is_str(col(code, "closed_at"), "2026-11-21T09:00:00+07:00", "closed then");
		is_int((int)db_int(db, "SELECT count(*) FROM event WHERE kind = 'stop' AND "
		    "json_extract(body, '$.ground') = 'Điều 20 Nghị định 118/2025/NĐ-CP'",
		    -1), 1, "the legal ground is in the event's body");
		memset(&h, 0, sizeof h);
		ok(lifecycle_history(db, code, history_lines, &h, &err) == 0 && h.n == 2 &&
		    strstr(h.text[1], "ground=Điều 20 Nghị định 118/2025/NĐ-CP [legal "
		    "ground: Điều 20") != NULL, "the timeline says the ground (%s)",
		    h.text[1]);
		memset(&err, 0, sizeof err);
		ok(step(code, MC_KIND_RESULT, "2026-11-21 10:00", "lan", &err) != 0 &&
		    strstr(err.msg, "is stopped") != NULL, "no result after a stop (%s)",
		    err.msg);
		memset(&err, 0, sizeof err);
		ok(step(code, MC_KIND_STOP, "2026-11-21 10:00", "lan", &err) != 0 &&
		    strstr(err.msg, "can be stopped only while it is being resolved (it is "
		    "stopped)") != NULL, "not stopped twice (%s)", err.msg);
		memset(&a, 0, sizeof a);
		(void)lifecycle_arg(&a, k, "reason", "Lý do");
		ok(lifecycle_check(k, &a, NULL, &err) == 0, "check: a reason alone will do");
	}

	/* the history: each event decoded by the kind table */
	snprintf(code, sizeof code, "%s", c_history);
	{
		struct mc_step_args a;
		struct mc_time t;
		const struct mc_kind *res = vocab_kind(MC_KIND_RESULT);
		const struct mc_kind *ret = vocab_kind(MC_KIND_RETURN);
		struct lines h;

		memset(&a, 0, sizeof a);
		(void)lifecycle_arg(&a, res, "outcome", "refused");
		(void)lifecycle_arg(&a, res, "reason", "Thiếu  giấy tờ ");
		t = at("2026-11-21 09:00");
		tap_now("2026-11-21 09:00");
		ok(lifecycle_record(db, cal, code, res, &a, &t, "lan", &err) == 0,
		    "a refused result (%s)", err.msg);
		memset(&a, 0, sizeof a);
		(void)lifecycle_arg(&a, ret, "collector", "Nguyễn Văn Bố");
		(void)lifecycle_arg(&a, ret, "collector_id", "087084999999");
		(void)lifecycle_arg(&a, ret, "rating", "very_satisfied");
		t = at("2026-11-22 09:00");
		tap_now("2026-11-22 09:00");
		ok(lifecycle_record(db, cal, code, ret, &a, &t, "lan", &err) == 0,
		    "returned to another person (%s)", err.msg);
		memset(&h, 0, sizeof h);
		ok(lifecycle_history(db, code, history_lines, &h, &err) == 0 && h.n == 3,
		    "three events in the history");
		ok(h.kind[0] == vocab_kind(MC_KIND_RECEIVE) && h.kind[1] == res &&
		    h.kind[2] == ret, "each with its kind from the table");
		is_str(h.text[0], "receive: due=2026-11-25T09:00:00+07:00 [due 2026-11-25 09:00]",
		    "the receipt: its due");
		is_str(h.text[1], "result: outcome=refused [refused]; reason=Thiếu giấy tờ "
		    "[Thiếu giấy tờ]", "the result: the choice's label, the reason as cleaned");
		is_str(h.text[2], "return: collector=Nguyễn Văn Bố [collected by Nguyễn Văn Bố]; "
		    "collector_id=087084999999 [087084999999]; rating=very_satisfied [very "
		    "satisfied]", "the return: the phrase, the ID, the rating's label");
		is_str(col(code, "collector"), "Nguyễn Văn Bố", "the row has the collector");
	}

	/* how late a dossier is, as the due board counts it: calendar days
	 * past the appointment's day, open and not paused only */
	{
		struct mc_found f;
		struct mc_time t = at("2026-11-25 17:00");

		memset(&f, 0, sizeof f);
		ok(life_find_one(c_fields, &f) == 0 && f.appointment_jdn > 0,
		    "found: the appointment's day (%s)", f.appointment);
		snprintf(f.status, sizeof f.status, "received");
		f.appointment_jdn = t.jdn;
		is_int(lifecycle_days_late(&f, t.jdn), 0, "late: not on the appointment's day");
		is_int(lifecycle_days_late(&f, t.jdn + 3), 3, "late: three days after it");
		is_int(lifecycle_days_late(&f, t.jdn - 2), 0, "late: not before it");
		snprintf(f.status, sizeof f.status, "paused");
		is_int(lifecycle_days_late(&f, t.jdn + 3), 0, "late: a paused one is not");
		snprintf(f.status, sizeof f.status, "result_ready");
		is_int(lifecycle_days_late(&f, t.jdn + 3), 0, "late: nor one with its result");
		snprintf(f.status, sizeof f.status, "transferred");
		is_int(lifecycle_days_late(&f, t.jdn + 1), 1, "late: a transferred one is");
		f.appointment_jdn = 0;
		is_int(lifecycle_days_late(&f, t.jdn + 3), 0, "late: no appointment, not late");
	}
	/* the projection of all this rebuilds identical */
	{
		long long total, differ;
		ok(dossier_rebuild(db, "boss", &total, &differ, &err) == 0 && differ == 0,
		    "rebuild: identical rows (%lld dossiers)", total);
	}
	calendar_close(cal);
	db_close(db);
	snprintf(p, sizeof p, "rm -rf %s", dir);
	if (system(p) != 0)
		diag("cleanup failed");
	return tap_done();
}
