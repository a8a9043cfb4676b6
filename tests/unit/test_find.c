/* test_find.c — finding dossiers by what people bring to the counter:
 * the whole code, its last part ("1001", "261120-1001"), the chip card's
 * QR, an ID, a phone, a name; and F4's search, which keeps only the
 * dossiers with a result to return. */
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

static char dir[] = "/tmp/motcua-test-find.XXXXXX";
static sqlite3 *db;
static struct mc_calendar *cal;

static void
receive(const char *when, const char *name, const char *id, const char *phone,
    char code[64])
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;

	tap_now(when);
	memset(&r, 0, sizeof r);
	r.procedure = "1.001022";
	r.docs = "all";
	r.applicant.name = name;
	r.applicant.id = id;
	r.applicant.phone = phone;
	r.applicant.address = "Ấp 3, xã Mỹ An";
	r.officer = "lan";
	if (date_parse_time(when, &r.at) != 0 || dossier_receive(db, cal, &r, &out, &err)) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
	snprintf(code, 64, "%s", out.code);
}

/* The codes found, newest first, joined by spaces. */
struct hits {
	char codes[1024];
	int n;
};

static int
add(const struct mc_found *f, void *arg)
{
	struct hits *h = arg;
	size_t used = strlen(h->codes);

	snprintf(h->codes + used, sizeof h->codes - used, "%s%s", used > 0 ? " " : "",
	    f->code);
	h->n++;
	return 0;
}

/* Rows read by scanning a table or an index whole, summed over the
 * statements that ran: a search through an index reads none. */
static long scans;

static int
count_scans(unsigned kind, void *arg, void *stmt, void *x)
{
	(void)arg;
	(void)x;
	if (kind == SQLITE_TRACE_PROFILE)
		scans += sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
	return 0;
}

static struct hits
find(const char *text, int *rc)
{
	struct hits h = {"", 0};
	struct mc_err err;

	*rc = lifecycle_find(db, text, add, &h, &err);
	return h;
}

int
main(void)
{
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct mc_err err;
	struct hits h;
	char p[128], a[64], b[64], c[64], both[200];
	size_t others;
	int rc;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(p, sizeof p, "%s/f.db", dir);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	tap_now("2026-11-20 08:00");
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_SUPERVISOR, &err) ||
	    catalog_import_json(db, "lan", catalog_sample_json, &cs, &err) ||
	    calendar_open(db, &cal, &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	receive("2026-11-20 09:00", "Nguyễn Văn An", "087084000999", "0912345678", a);
	receive("2026-11-20 09:30", "Trần Thị Bình", "087184000123", NULL, b);
	receive("2026-11-23 09:00", "Lê Văn Cường", "087090000111", NULL, c);
	is_str(a, "000.17.22.H56-261120-1001", "the first code of the day");
	is_str(c, "000.17.22.H56-261123-1001", "the next working day starts again at 1001");

	h = find(a, &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, a) == 0, "the whole code: that dossier");
	h = find("1002", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, b) == 0, "'1002': the code ending so");
	h = find("1001", &rc);
	snprintf(both, sizeof both, "%s %s", c, a);
	ok(rc == 0 && h.n == 2, "'1001': both days' first dossier");
	is_str(h.codes, both, "newest receipt first");
	h = find("261120-1001", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, a) == 0, "'261120-1001': the day and the "
	    "number");
	h = find("261123-1001", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, c) == 0, "another day, the same number");
	h = find("001", &rc);
	ok(rc == 0 && h.n == 0, "'001': the last part is whole, not a piece of it");
	h = find("261121-1001", &rc);
	ok(rc == 0 && h.n == 0, "a day without dossiers: none");
	/* the last part is found through dossier_code_tail, not by reading
	 * every dossier (which a commune of years would feel) */
	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, count_scans, NULL);
	scans = 0;
	h = find("1001", &rc);
	ok(rc == 0 && h.n == 2 && scans == 0, "'1001' is found without a scan (%ld rows "
	    "scanned)", scans);
	scans = 0;
	h = find("261120-1001", &rc);
	ok(rc == 0 && h.n == 1 && scans == 0, "'261120-1001' too (%ld rows scanned)", scans);
	sqlite3_trace_v2(db, 0, NULL, NULL);
	h = find("H56-261120-1001", &rc);
	ok(rc == 0 && h.n == 0, "only digits make a last part (the rest is a name search)");

	h = find("087184000123", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, b) == 0, "the ID number");
	h = find("0912 345 678", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, a) == 0, "the phone, with spaces");
	h = find("cuong le", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, c) == 0, "the name without diacritics");
	h = find("087184000123||Trần Thị Bình|15121984|Nữ|12 Lý Thường Kiệt|01022022", &rc);
	ok(rc == 0 && h.n == 1 && strcmp(h.codes, b) == 0,
	    "the chip card's QR: the dossiers of its ID");
	memset(&err, 0, sizeof err);
	ok(lifecycle_find(db, "087184000123||Trần Thị Bình|15121984", add, &h, &err) != 0 &&
	    strstr(err.msg, "QR") != NULL, "a partial QR: an error that says so");

	/* F4: only what has a result to return */
	{
		struct mc_step_args args;
		struct mc_time t;

		memset(&args, 0, sizeof args);
		tap_now("2026-11-23 10:00");
		if (date_parse_time("2026-11-23 10:00", &t) != 0 ||
		    lifecycle_record(db, cal, a, vocab_kind(MC_KIND_RESULT), &args, &t, "lan",
		    &err) != 0) {
			printf("Bail out! %s\n", err.msg);
			return 1;
		}
	}
	memset(&h, 0, sizeof h);
	ok(lifecycle_find_returnable(db, "1001", add, &h, &others, &err) == 0 && h.n == 1 &&
	    strcmp(h.codes, a) == 0 && others == 1,
	    "'1001' for a return: only the one with a result; the other counted");
	memset(&h, 0, sizeof h);
	ok(lifecycle_find_returnable(db, "binh", add, &h, &others, &err) == 0 && h.n == 0 &&
	    others == 1, "a name with nothing to return: none offered, one found");
	memset(&h, 0, sizeof h);
	ok(lifecycle_find_returnable(db, "nobody", add, &h, &others, &err) == 0 && h.n == 0 &&
	    others == 0, "a name nobody has: none at all");

	calendar_close(cal);
	db_close(db);
	snprintf(p, sizeof p, "rm -rf %s", dir);
	if (system(p) != 0)
		diag("cleanup failed");
	return tap_done();
}
