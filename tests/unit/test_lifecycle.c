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

/* A new dossier received at `when`; its code in code[64]. */
static void
receive(const char *when, char code[64])
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char id[32];

	memset(&r, 0, sizeof r);
	snprintf(id, sizeof id, "087084%06d", ++serial % 1000000);
	r.procedure = "1.001022";	/* 3 working days */
	r.docs = "all";
	r.applicant.name = "Nguyễn Văn An";
	r.applicant.id = id;
	r.officer = "lan";
	r.at = at(when);
	if (dossier_receive(db, cal, &r, &out, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	snprintf(code, 64, "%s", out.code);
}

static int
step(const char *code, enum mc_step s, const char *when, const char *officer,
    struct mc_err *err)
{
	struct mc_step_args a;

	memset(&a, 0, sizeof a);
	a.to = "Phạm Văn Tư";
	a.agency = "Phòng Tư pháp";
	a.reason = "Lý do";
	a.rating = "satisfied";
	a.new_date = at("2027-01-15 10:00");
	struct mc_time t = at(when);

	return lifecycle_record(db, cal, code, s, &a, &t, officer, err);
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
	enum mc_step path[3];
	int n;
} reach[] = {
	{"received", {0}, 0},
	{"processing", {MC_STEP_HANDOVER}, 1},
	{"transferred", {MC_STEP_TRANSFER}, 1},
	{"paused", {MC_STEP_PAUSE}, 1},
	{"result_ready", {MC_STEP_RESULT}, 1},
	{"returned", {MC_STEP_RESULT, MC_STEP_RETURN}, 2},
	{"refused", {MC_STEP_REFUSE}, 1},
	{"withdrawn", {MC_STEP_WITHDRAW}, 1},
	{"cancelled", {MC_STEP_CANCEL}, 1},
};

/* Which step each status allows (rows: reach[], columns: enum mc_step:
 * handover transfer transfer-back pause resume result return refuse
 * withdraw cancel apologize). */
static const char *const allowed[] = {
	"11010101111",	/* received */
	"11010100111",	/* processing */
	"00110100111",	/* transferred */
	"00001000111",	/* paused */
	"00000010010",	/* result_ready */
	"00000000010",	/* returned */
	"00000000010",	/* refused */
	"00000000010",	/* withdrawn */
	"00000000000",	/* cancelled */
};

int
main(void)
{
	char p[128], code[64];
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct mc_err err;
	long long events;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(p, sizeof p, "%s/l.db", dir);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "boss", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) ||
	    catalog_import_json(db, catalog_sample_json, &cs, &err) ||
	    calendar_open(db, &cal, &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}

	/* every step from every status: the rule table and the real thing */
	for (size_t r = 0; r < sizeof reach / sizeof reach[0]; r++) {
		for (int s = 0; s < MC_STEP_COUNT; s++) {
			bool want = allowed[r][s] == '1';
			const char *who = s == MC_STEP_CANCEL ? "boss" : "lan";
			int rc;

			receive("2026-11-20 09:00", code);
			for (int k = 0; k < reach[r].n; k++)
				if (step(code, reach[r].path[k], "2026-11-20 10:00",
				    reach[r].path[k] == MC_STEP_CANCEL ? "boss" : "lan", &err)) {
					printf("Bail out! reaching %s: %s\n", reach[r].status, err.msg);
					return 1;
				}
			if (strcmp(col(code, "status"), reach[r].status) != 0) {
				printf("Bail out! %s is %s, not %s\n", code, col(code, "status"),
				    reach[r].status);
				return 1;
			}
			ok(lifecycle_allowed(reach[r].status, (enum mc_step)s) == want,
			    "rule: %s from %s %s", lifecycle_step_name((enum mc_step)s),
			    reach[r].status, want ? "allowed" : "refused");
			events = db_int(db, "SELECT count(*) FROM event", -1);
			memset(&err, 0, sizeof err);
			rc = step(code, (enum mc_step)s, "2026-11-21 09:00", who, &err);
			if (want)
				ok(rc == 0, "record: %s from %s (%s)",
				    lifecycle_step_name((enum mc_step)s), reach[r].status, err.msg);
			else
				ok(rc != 0 && err.msg[0] != '\0' && db_int(db, "SELECT count(*) "
				    "FROM event", -1) == events, "record: %s from %s refused, "
				    "nothing written (%s)", lifecycle_step_name((enum mc_step)s),
				    reach[r].status, err.msg);
		}
	}

	/* cancel needs a supervisor */
	receive("2026-11-20 09:00", code);
	ok(step(code, MC_STEP_CANCEL, "2026-11-20 10:00", "lan", &err) != 0 &&
	    strstr(err.msg, "supervisor") != NULL, "an officer cannot cancel");

	/* pauses: weekends and Tết do not count as paused days */
	receive("2026-11-20 09:00", code);	/* Fri; due Wed 25 09:00 */
	ok(step(code, MC_STEP_PAUSE, "2026-11-20 14:00", "lan", &err) == 0 &&
	    step(code, MC_STEP_RESUME, "2026-11-24 08:00", "lan", &err) == 0,
	    "pause Friday, resume Tuesday");
	is_str(col(code, "paused_days"), "2", "two working days paused (Fri, Mon)");
	is_str(col(code, "due"), "2026-11-27T09:00:00+07:00", "due moves Wed → Fri");
	ok(step(code, MC_STEP_PAUSE, "2026-11-24 09:00", "lan", &err) == 0 &&
	    step(code, MC_STEP_RESUME, "2026-11-24 16:00", "lan", &err) == 0,
	    "a pause within one day");
	is_str(col(code, "due"), "2026-11-27T09:00:00+07:00", "the same day: no shift");
	ok(step(code, MC_STEP_PAUSE, "2026-11-26 09:00", "lan", &err) == 0 &&
	    step(code, MC_STEP_RESUME, "2026-11-30 09:00", "lan", &err) == 0,
	    "pause Thursday, resume Monday");
	is_str(col(code, "paused_days"), "4", "two more working days (Thu, Fri)");
	is_str(col(code, "due"), "2026-12-01T09:00:00+07:00", "due Fri 27 → Tue 1/12");

	receive("2026-02-10 10:00", code);	/* Tue before Tết; due Fri 13 */
	is_str(col(code, "due"), "2026-02-13T10:00:00+07:00", "due before Tết");
	ok(step(code, MC_STEP_PAUSE, "2026-02-12 09:00", "lan", &err) == 0 &&
	    step(code, MC_STEP_RESUME, "2026-02-24 09:00", "lan", &err) == 0,
	    "paused across Tết (16–20/2)");
	is_str(col(code, "paused_days"), "3", "Thu 12, Fri 13, Mon 23: Tết and weekends "
	    "do not count");
	is_str(col(code, "due"), "2026-02-25T10:00:00+07:00", "due Fri 13 + 3 working "
	    "days = Wed 25");

	/* late: the due date decides, an apology only moves the appointment */
	receive("2026-11-20 09:00", code);
	ok(step(code, MC_STEP_APOLOGIZE, "2026-11-24 09:00", "lan", &err) == 0,
	    "apologize");
	is_str(col(code, "appointment"), "2027-01-15T10:00:00+07:00", "new appointment");
	is_str(col(code, "due"), "2026-11-25T09:00:00+07:00", "the due date stays");
	ok(step(code, MC_STEP_APOLOGIZE, "2026-11-24 10:00", "lan", &err) != 0 &&
	    strstr(err.msg, "later"), "a second apology must promise a later date");

	/* nothing before the last step */
	receive("2026-11-20 09:00", code);
	ok(step(code, MC_STEP_HANDOVER, "2026-11-19 09:00", "lan", &err) != 0 &&
	    strstr(err.msg, "before"), "a step before the receipt is refused");

	/* the projection of all this rebuilds identical */
	{
		long long total, differ;
		ok(dossier_rebuild(db, &total, &differ, &err) == 0 && differ == 0,
		    "rebuild: identical rows (%lld dossiers)", total);
	}
	calendar_close(cal);
	db_close(db);
	snprintf(p, sizeof p, "rm -rf %s", dir);
	if (system(p) != 0)
		diag("cleanup failed");
	return tap_done();
}
