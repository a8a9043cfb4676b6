/* test_dossier.c — receipts: validation, codes, the event and its
 * projection, snapshots, and rebuilding the projection. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/unit.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-dossier.XXXXXX";

/* the receipt's columns, to copy a row as if another station's */
#define DOSSIER_COLS "id, code, station, officer, procedure_code, procedure_name, " \
	"field, time_limit, fee, documents, applicant_name, applicant_id, birth_date, " \
	"phone, address, email, delivery, name_fold, received, due, status, updated, " \
	"address_fold"

static sqlite3 *
new_db(const char *name, int station)
{
	char p[128];
	struct mc_unit u;
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.17.22.H56");
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	u.station = station;
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err)) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	return db;
}

/* A receipt by lan at `when`; the clock says `when`: the receipt is
 * recorded as it happens. */
static struct mc_receipt
receipt(const char *when)
{
	struct mc_receipt r;

	tap_now(when);
	memset(&r, 0, sizeof r);
	r.procedure = "1.001193";	/* birth registration, same day */
	r.docs = "all";
	r.applicant.name = "Nguyễn Văn An";
	r.applicant.id = "087084000999";
	r.applicant.phone = "0912345678";
	r.applicant.address = "Ấp 1, xã Mỹ An";
	r.officer = "lan";
	if (date_parse_time(when, &r.at) != 0)
		exit(99);
	return r;
}

/* A late entry: a receipt of `when`, entered at `now`, after a later event
 * of the station: a supervisor's (clock.h), so truong enters it. */
static struct mc_receipt
late_receipt(const char *when, const char *now)
{
	struct mc_receipt r = receipt(when);

	tap_now(now);
	r.officer = "truong";
	return r;
}

static long long
count(sqlite3 *db, const char *table)
{
	char sql[64];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return db_int(db, sql, -1);
}

/* The receipt must fail with a message containing `needle`, and write
 * neither an event nor a dossier. */
static void
refused(sqlite3 *db, struct mc_calendar *cal, struct mc_receipt *r, const char *needle,
    const char *what)
{
	struct mc_receipt_out out;
	struct mc_err err;
	long long ev = count(db, "event"), ds = count(db, "dossier");

	memset(&err, 0, sizeof err);
	ok(dossier_receive(db, cal, r, &out, &err) != 0, "%s: refused", what);
	ok(strstr(err.msg, needle) != NULL, "%s: says '%s' (%s)", what, needle, err.msg);
	ok(count(db, "event") == ev && count(db, "dossier") == ds, "%s: nothing written",
	    what);
}

static char *
column(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* A procedure of 200 required documents, the most a catalog may give one
 * (a catalog built here): guidance with only the first brought lists the
 * other 199 (more than a fixed buffer held), none dropped. */
static void
guide_many(void)
{
	enum { NDOCS = 200 };
	sqlite3 *db = new_db("many.db", 1);
	sqlite3_str *cat = sqlite3_str_new(NULL);
	struct catalog_stats cs;
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char *json;

	sqlite3_str_appendall(cat, "{\"format\": \"motcua-catalog\", \"format_version\": 1, "
	    "\"version\": 2, \"issued\": \"2026-01-01\", \"issuer\": \"test\", "
	    "\"procedures\": [{\"code\": \"9.000300\", \"name\": \"Many documents\", "
	    "\"field\": \"Test\", \"level\": \"commune\", \"time_limit\": \"3 days\", "
	    "\"fee\": 0, \"result\": \"A paper\", \"legal_basis\": \"None\", "
	    "\"documents\": [");
	for (int i = 1; i <= NDOCS; i++)
		sqlite3_str_appendf(cat, "%s{\"name\": \"Document %d\", \"form\": "
		    "\"original\", \"quantity\": 1, \"required\": true}", i > 1 ? ", " : "", i);
	sqlite3_str_appendall(cat, "]}]}");
	json = sqlite3_str_finish(cat);
	ok(json != NULL && catalog_import_json(db, "truong", json, &cs, &err) == 0,
	    "(a catalog with a procedure of %d documents) %s", NDOCS, json ? err.msg : "");
	sqlite3_free(json);
	r = receipt("2026-11-20 09:00");
	r.procedure = "9.000300";
	r.docs = "1";
	ok(dossier_guide(db, &r, &out, &err) == 0, "guidance recorded (%s)", err.msg);
	is_int(db_int(db, "SELECT json_array_length(body, '$.missing') FROM event "
	    "WHERE kind = 'guide'", -1), NDOCS - 1, "every missing document is listed");
	is_int(db_int(db, "SELECT count(*) FROM event, json_each(body, '$.missing') j "
	    "WHERE kind = 'guide' AND j.value = j.key + 2", -1), NDOCS - 1,
	    "2 to %d, in order", NDOCS);
	db_close(db);
}

int
main(void)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_calendar *cal;
	struct mc_err err;
	struct catalog_stats cs;
	sqlite3 *db, *db2;
	char due[MC_TIME_LEN], *s, *docs_before, *export, *p;
	long long total, differ;

	if (mkdtemp(dir) == NULL)
		return 99;
	db = new_db("one.db", 1);
	if (calendar_open(db, &cal, &err) != 0)
		return 99;

	/* a good receipt */
	r = receipt("2026-11-20 09:30");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "receive a dossier");
	is_str(out.code, "000.17.22.H56-261120-1001", "first code of station 1 that day");
	date_format_time(&out.due, due);
	is_str(due, "2026-11-20 17:00", "same-day procedure: due at the close of the day");
	is_int(out.warnings.n, 0, "no warnings");
	is_int(count(db, "event WHERE dossier <> ''"), 1, "one event");
	is_int(db_int(db, "SELECT count(*) FROM event WHERE dossier = '' AND kind = "
	    "'catalog_import'", -1), 1,
	    "(and the catalog's import, an audit event)");
	is_int(count(db, "dossier"), 1, "one dossier");
	s = column(db, "SELECT applicant_name || '|' || applicant_id || '|' || phone || '|' "
	    "|| status || '|' || received || '|' || due || '|' || name_fold FROM dossier");
	is_str(s, "Nguyễn Văn An|087084000999|0912345678|received|2026-11-20T09:30:00+07:00|"
	    "2026-11-20T17:00:00+07:00|nguyen van an", "the projected row");
	free(s);
	s = column(db, "SELECT kind || '|' || officer || '|' || at FROM event WHERE dossier <> ''");
	is_str(s, "receive|lan|2026-11-20T09:30:00+07:00", "the event");
	free(s);

	/* the sequence within a day, and a new day */
	r = receipt("2026-11-20 10:00");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261120-1002") == 0, "second code: 1002");
	/* (entered at 10:05, after the 10:00 one: a supervisor's late entry; the
	 * point is its number) */
	r = late_receipt("2026-11-20 08:00", "2026-11-20 10:05");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261120-1003") == 0,
	    "an earlier clock time still takes the next number");
	r = receipt("2026-11-23 08:00");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261123-1001") == 0, "a new day starts at 1001");
	date_format_time(&out.due, due);
	is_str(due, "2026-11-23 17:00", "received Monday morning, due Monday");

	/* a 3-working-day procedure across a weekend (entered on Monday, after
	 * Monday's receipt: a supervisor's late entry; the point is its due date) */
	r = late_receipt("2026-11-20 16:00", "2026-11-23 08:05");
	r.procedure = "1.001022";
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "receive a 3-day procedure");
	date_format_time(&out.due, due);
	is_str(due, "2026-11-25 16:00", "Friday + 3 working days = Wednesday, same clock time");

	/* station 2 of the same unit never collides with station 1 (made that
	 * Friday, before its receipts) */
	tap_now("2026-11-20 09:00");
	db2 = new_db("two.db", 2);
	r = receipt("2026-11-20 09:30");
	ok(dossier_receive(db2, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261120-2001") == 0, "station 2 numbers from 2001");
	ok(dossier_receive(db2, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261120-2002") == 0, "station 2 then 2002");
	db_close(db2);
	/* a synced row of station 2 in station 1's table changes nothing */
	ok(db_exec(db, "INSERT INTO dossier(" DOSSIER_COLS ") SELECT 'x2', '000.17.22.H56-261120-2007', "
	    "station, officer, procedure_code, procedure_name, field, time_limit, fee, "
	    "documents, applicant_name, applicant_id, birth_date, phone, address, email, "
	    "delivery, name_fold, received, due, status, updated, address_fold FROM dossier "
	    "LIMIT 1",
	    &err) == 0, "(a row of station 2, as if synced)");
	/* (a supervisor's late entry on Monday: the point is its number) */
	r = late_receipt("2026-11-20 11:00", "2026-11-23 08:10");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0 &&
	    strcmp(out.code, "000.17.22.H56-261120-1005") == 0,
	    "station 1 goes on with its own block (1005)");
	ok(db_exec(db, "DELETE FROM dossier WHERE id = 'x2'", &err) == 0, "(remove it)");
	/* the block of a station holds 999 a day */
	ok(db_exec(db, "INSERT INTO dossier(" DOSSIER_COLS ") SELECT 'x9', '000.17.22.H56-261120-1999', "
	    "station, officer, procedure_code, procedure_name, field, time_limit, fee, "
	    "documents, applicant_name, applicant_id, birth_date, phone, address, email, "
	    "delivery, name_fold, received, due, status, updated, address_fold FROM dossier "
	    "LIMIT 1",
	    &err) == 0, "(the day's block is used up)");
	/* (a supervisor's late entry on Monday, so that the refusal is the
	 * block's) */
	r = late_receipt("2026-11-20 11:30", "2026-11-23 08:15");
	refused(db, cal, &r, "999", "the 1000th dossier of a station's day");
	ok(db_exec(db, "DELETE FROM dossier WHERE id = 'x9'", &err) == 0, "(remove it)");

	/* validation: each refusal writes nothing */
	r = receipt("2026-11-24 09:00");
	r.applicant.id = "08708400099";
	refused(db, cal, &r, "12 digits", "an 11-digit ID");
	r = receipt("2026-11-24 09:00");
	r.applicant.phone = "12345";
	refused(db, cal, &r, "10 digits", "a short phone");
	r = receipt("2026-11-24 09:00");
	r.procedure = "9.999999";
	refused(db, cal, &r, "9.999999", "an unknown procedure");
	r = receipt("2026-11-24 09:00");
	r.docs = "1";
	refused(db, cal, &r, "Giấy chứng sinh", "a missing required document is named");
	r.docs = "none";
	refused(db, cal, &r, "1. Tờ khai", "every missing document is named at once");
	r.docs = "0";
	refused(db, cal, &r, "not valid", "document number 0");
	r.docs = "1,9";
	refused(db, cal, &r, "not valid", "a document number beyond the list");
	r.docs = "1,1,2";
	refused(db, cal, &r, "twice", "a document listed twice");
	r.docs = "1,x";
	refused(db, cal, &r, "not valid", "a document list with a letter");
	r = receipt("2026-11-24 09:00");
	r.applicant.name = "   ";
	refused(db, cal, &r, "empty", "a blank name");
	r = receipt("2026-11-24 09:00");
	r.applicant.name = "Nguy\xff";
	refused(db, cal, &r, "UTF-8", "a name that is not UTF-8");
	r = receipt("2026-11-24 09:00");
	r.officer = "nobody";
	refused(db, cal, &r, "nobody", "an unknown officer");
	r = receipt("2026-11-24 09:00");
	r.applicant.birth_date = "1984-02-30";
	refused(db, cal, &r, "YYYY-MM-DD", "an impossible birth date");
	r.applicant.birth_date = "2150-01-01";
	refused(db, cal, &r, "future", "a birth date in the future");
	r = receipt("2026-11-24 09:00");
	r.applicant.email = "an.gmail.com";
	refused(db, cal, &r, "@", "an e-mail without @");

	/* warnings do not block */
	r = receipt("2026-11-24 09:00");
	r.applicant.id = "003084000999";
	r.applicant.birth_date = "1990-01-01";
	ok(dossier_receive(db, cal, &r, &out, &err) == 0 && out.warnings.n == 2,
	    "unknown province and a contradicting birth year: received, two warnings");

	/* text is stored NFC and cleaned */
	r = receipt("2026-11-24 09:10");
	r.applicant.name = " Nguye\xcc\x82\xcc\x83n   Thị  Hoà ";
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "receive a decomposed name");
	s = column(db, "SELECT applicant_name || '|' || name_fold FROM dossier "
	    "ORDER BY rowid DESC LIMIT 1");
	is_str(s, "Nguyễn Thị Hoà|nguyen thi hoa", "stored NFC, folded for search");
	free(s);
	s = column(db, "SELECT address_fold FROM dossier ORDER BY rowid DESC LIMIT 1");
	is_str(s, "ap 1, xa my an", "the address is folded for search too");
	free(s);

	/* the dossier keeps the document list of its day */
	docs_before = column(db, "SELECT documents FROM dossier WHERE code = "
	    "'000.17.22.H56-261120-1001'");
	export = catalog_export_json(db, &err);
	ok(export != NULL && (p = strstr(export, "Tờ khai đăng ký khai sinh (theo mẫu)")) != NULL,
	    "(export the catalog)");
	if (p != NULL) {
		memcpy(p, "Tờ khai đăng ký khai sinh (mẫu mới)", strlen("Tờ khai đăng ký khai sinh (theo mẫu)"));
	}
	ok(catalog_import_json(db, "truong", export, &cs, &err) == 0 && cs.amended == 1,
	    "amend the procedure's document list (%s)", err.msg);
	free(export);
	s = column(db, "SELECT documents FROM dossier WHERE code = '000.17.22.H56-261120-1001'");
	is_str(s, docs_before, "the old dossier's documents are unchanged");
	free(s);
	free(docs_before);
	r = receipt("2026-11-24 10:00");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "receive under the amended catalog");
	s = column(db, "SELECT json_extract(documents, '$[0].name') FROM dossier "
	    "ORDER BY rowid DESC LIMIT 1");
	ok(s != NULL && strstr(s, "mẫu mới") != NULL, "a new dossier gets the new list");
	free(s);

	/* the projection is exactly the events */
	ok(dossier_rebuild(db, "truong", &total, &differ, &err) == 0, "rebuild the projection");
	is_int(total, count(db, "dossier"), "every dossier rebuilt");
	is_int(differ, 0, "identical rows");
	ok(db_exec(db, "UPDATE dossier SET status = 'lost', phone = NULL WHERE code = "
	    "'000.17.22.H56-261120-1002'", &err) == 0, "(damage a projected row)");
	ok(dossier_rebuild(db, "truong", &total, &differ, &err) == 0 && differ == 1,
	    "the rebuild reports the one damaged dossier");
	s = column(db, "SELECT status || '|' || phone FROM dossier WHERE code = "
	    "'000.17.22.H56-261120-1002'");
	is_str(s, "received|0912345678", "and repairs it from the events");
	free(s);
	is_int(event_verify(db, &err), 0, "the event chain is sound");
	{
		char id[MC_UUID_LEN];
		ok(dossier_find_code(db, "000.17.22.H56-261120-1002", id, &err) == 0 &&
		    strlen(id) == 36, "find by code");
		ok(dossier_find_code(db, "nope", id, &err) != 0 && err.kind == MC_ENOTFOUND,
		    "unknown code");
	}

	/* the demo fills a database with consistent dossiers */
	tap_now("2026-11-20 08:00");	/* 60 days back: the sample's procedures */
	db2 = new_db("demo.db", 1);
	ok(demo_fill(db2, "lan", 50, 60, &err) == 0, "demo: 50 dossiers (%s)", err.msg);
	is_int(count(db2, "dossier"), 50, "demo: 50 rows");
	is_int(event_verify(db2, &err), 0, "demo: chain sound");
	ok(dossier_rebuild(db2, "truong", &total, &differ, &err) == 0 && differ == 0,
	    "demo: projection identical after rebuild");
	db_close(db2);

	/* guidance lists every missing document, however many */
	guide_many();

	calendar_close(cal);
	db_close(db);
	{
		char cmd[128];
		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			diag("cleanup failed");
	}
	return tap_done();
}
