/* test_intake.c — what the reception screen asks of the core: the
 * procedure picker, the returning citizen, guidance (Mẫu 02) and the
 * reason of a due date. */
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

static char dir[] = "/tmp/motcua-test-intake.XXXXXX";

static struct mc_receipt
receipt(const char *when, const char *id)
{
	struct mc_receipt r;

	memset(&r, 0, sizeof r);
	r.procedure = "1.001193";
	r.docs = "all";
	r.applicant.name = "Nguyễn Văn An";
	r.applicant.id = id;
	r.applicant.phone = "0912345678";
	r.applicant.address = "Ấp 1, xã Mỹ An";
	r.officer = "lan";
	if (date_parse_time(when, &r.at) != 0)
		exit(99);
	return r;
}

static bool
picks(const struct catalog_index *idx, const char *q, const char *code, size_t *count)
{
	size_t out[4096], n = catalog_index_filter(idx, q, out, 4096);

	*count = n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(idx->e[out[i]].code, code) == 0)
			return true;
	return false;
}

static void
reason_is(struct mc_calendar *cal, const char *from, const char *limit, const char *want)
{
	struct mc_time f, due;
	struct mc_limit l;
	struct mc_err err;
	char buf[256];

	if (date_parse_time(from, &f) || calendar_limit_parse(limit, &l, &err) ||
	    calendar_due(cal, &f, &l, &due, &err)) {
		ok(0, "reason of %s from %s", limit, from);
		return;
	}
	calendar_due_reason(cal, &f, &l, &due, buf, sizeof buf);
	is_str(buf, want, "reason of %s from %s", limit, from);
}

/* The requests the visitor got, the last one kept. */
struct got_requests {
	int n;
	struct mc_request last;
};

static int
got_request(const struct mc_request *r, void *arg)
{
	struct got_requests *g = arg;

	g->n++;
	g->last = *r;
	return 0;
}

/* The guidance of 087084000998 (documents 1 and 2 missing) read back:
 * open, found by ID, phone and name; answered by a receipt of the same
 * procedure. */
static void
requests_check(sqlite3 *db, struct mc_calendar *cal)
{
	struct got_requests g = {0};
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;

	ok(dossier_open_requests(db, "087084000998", got_request, &g, &err) == 0 && g.n == 1,
	    "the citizen's open request");
	ok(g.last.open && g.last.nmissing == 2 && g.last.missing[0] == 1 &&
	    g.last.missing[1] == 2, "open, documents 1 and 2 asked for");
	ok(dossier_request_asked(&g.last, 2) && !dossier_request_asked(&g.last, 3),
	    "asked: 2, not 3");
	is_str(g.last.officer, "lan", "the officer who gave it");
	is_str(g.last.at, "2026-11-20 11:00", "when");
	is_str(g.last.procedure, "1.001193", "the procedure");
	is_str(g.last.phone, "0912345678", "the phone on it");
	ok(strncmp(g.last.missing_text, "1. Tờ khai", strlen("1. Tờ khai")) == 0 &&
	    strstr(g.last.missing_text, "; 2. Giấy chứng sinh") != NULL,
	    "what was missing, by name (%s)", g.last.missing_text);
	g.n = 0;
	ok(dossier_requests(db, "nguyen an", got_request, &g, &err) == 0 && g.n == 1,
	    "found by name without diacritics");
	g.n = 0;
	ok(dossier_requests(db, "nguyen binh", got_request, &g, &err) == 0 && g.n == 0,
	    "every word must match the name");
	g.n = 0;
	ok(dossier_requests(db, "0912 345 678", got_request, &g, &err) == 0 && g.n == 1,
	    "found by phone");
	g.n = 0;
	ok(dossier_open_requests(db, "087084000999", got_request, &g, &err) == 0 && g.n == 0,
	    "another citizen has none");
	ok(dossier_open_requests(db, "12", got_request, &g, &err) != 0,
	    "a malformed ID is refused");
	/* a receipt of another procedure leaves it open; of this one answers it */
	r = receipt("2026-11-20 12:00", "087084000998");
	r.procedure = "1.001022";
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "(a receipt of another procedure)");
	g.n = 0;
	ok(dossier_open_requests(db, "087084000998", got_request, &g, &err) == 0 && g.n == 1,
	    "still open");
	r = receipt("2026-11-20 12:30", "087084000998");
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "the dossier is received");
	g.n = 0;
	ok(dossier_open_requests(db, "087084000998", got_request, &g, &err) == 0 && g.n == 0,
	    "the request is answered");
	g.n = 0;
	ok(dossier_requests(db, "087084000998", got_request, &g, &err) == 0 && g.n == 1 &&
	    !g.last.open, "it is still found, not open");
}

int
main(void)
{
	char p[128];
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct catalog_index idx;
	struct mc_calendar *cal;
	struct mc_receipt_out out;
	struct mc_applicant a;
	struct mc_receipt r;
	struct mc_err err;
	sqlite3 *db;
	size_t n, all, first = 0;

	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(p, sizeof p, "%s/i.db", dir);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    calendar_open(db, &cal, &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	setenv("MOTCUA_NOW", "2026-11-20 08:00", 1);

	/* the picker */
	ok(catalog_index_load(db, &idx, &err) == 0 && idx.n == (size_t)cs.added,
	    "the index holds every procedure in force (%zu)", idx.n);
	ok(picks(&idx, "", "1.001193", &all) && all == idx.n, "an empty query lists all");
	ok(picks(&idx, "khai sinh", "1.001193", &n) && n < all, "'khai sinh' finds birth "
	    "registration");
	ok(picks(&idx, "KHAI  SINH", "1.001193", &n), "case and spaces do not matter");
	ok(picks(&idx, "đăng ký khai sinh", "1.001193", &n), "diacritics do not matter");
	ok(picks(&idx, "dkks", "1.001193", &n), "initials 'dkks'");
	ok(picks(&idx, "1.0011", "1.001193", &n), "a code prefix");
	ok(picks(&idx, "ho tich", "1.001193", &n) && n > 1, "by field 'ho tich'");
	ok(!picks(&idx, "khai sinh zzz", "1.001193", &n) && n == 0, "every word must match");
	while (first < idx.n && idx.e[first].position != 1)
		first++;
	is_int(first, 0, "with no dossiers, the catalog order");
	catalog_index_free(&idx);

	/* the most used procedure comes first */
	r = receipt("2026-11-20 09:00", "087084000999");
	r.procedure = "1.001022";
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "receive one 1.001022");
	ok(catalog_index_load(db, &idx, &err) == 0 && strcmp(idx.e[0].code, "1.001022") == 0
	    && idx.e[0].uses == 1, "the station's most used procedure comes first");
	catalog_index_free(&idx);

	/* a returning citizen */
	ok(dossier_last_applicant(db, "087099000111", &a, &err) == 1, "unknown ID: 1");
	ok(dossier_last_applicant(db, "12", &a, &err) == -1, "a malformed ID: -1");
	r = receipt("2026-11-20 10:00", "087084000999");
	r.applicant.name = "Nguyễn Văn An";
	r.applicant.address = "Ấp 2, xã Mỹ An";
	r.applicant.delivery = MC_DELIVER_POST;
	ok(dossier_receive(db, cal, &r, &out, &err) == 0, "the same citizen comes back");
	ok(dossier_last_applicant(db, "087 084 000 999", &a, &err) == 0, "known ID found");
	is_str(a.name, "Nguyễn Văn An", "name filled in");
	is_str(a.address, "Ấp 2, xã Mỹ An", "from the latest dossier");
	is_str(a.phone, "0912345678", "phone filled in");
	ok(a.email == NULL && a.birth_date == NULL, "absent fields stay NULL");
	ok(a.delivery == MC_DELIVER_POST, "delivery filled in");
	dossier_applicant_free(&a);

	/* guidance: Mẫu 02, no dossier */
	{
		long long ev = db_int(db, "SELECT count(*) FROM event", -1);
		long long ds = db_int(db, "SELECT count(*) FROM dossier", -1);

		r = receipt("2026-11-20 11:00", "087084000998");
		r.docs = "all";
		ok(dossier_guide(db, &r, &out, &err) != 0 && strstr(err.msg, "receive"),
		    "nothing missing: guidance refused");
		r.docs = "3";
		ok(dossier_guide(db, &r, &out, &err) == 0 && strlen(out.id) == 36,
		    "guidance recorded (%s)", err.msg);
		is_int(db_int(db, "SELECT count(*) FROM event", -1), ev + 1, "one event more");
		is_int(db_int(db, "SELECT count(*) FROM dossier", -1), ds, "no dossier made");
		is_int(db_int(db, "SELECT count(*) FROM event WHERE kind = 'guide' AND "
		    "json_extract(body, '$.missing') = json('[1,2]') AND "
		    "json_extract(body, '$.code') IS NULL", -1), 1,
		    "the event lists the missing required documents 1 and 2");
		r.applicant.id = "123";
		ok(dossier_guide(db, &r, &out, &err) != 0, "a malformed ID is refused");
		is_int(db_int(db, "SELECT count(*) FROM event", -1), ev + 1, "and writes nothing");
		{
			long long total, differ;
			/* a rebuild is a supervisor's */
			ok(unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR,
			    &err) == 0, "(a supervisor)");
			ok(dossier_rebuild(db, "truong", &total, &differ, &err) == 0 && differ == 0 &&
			    total == ds, "a rebuild with guidance events: same rows");
		}
		requests_check(db, cal);
	}

	/* the reason of a due date */
	reason_is(cal, "2026-11-20 16:10", "3 days",
	    "3 working days; skipping Saturday, Sunday");
	reason_is(cal, "2026-11-24 09:00", "3 days", "3 working days");
	reason_is(cal, "2026-02-13 10:00", "3 days",
	    "3 working days; skipping Saturday, Sunday, Tết Nguyên đán 16/02–20/02");
	reason_is(cal, "2026-11-20 15:30", "same day",
	    "same day; received after the cut-off or on a day off, due the next working "
	    "day; skipping Saturday, Sunday");
	reason_is(cal, "2026-11-20 09:00", "same day", "same day");
	reason_is(cal, "2026-04-24 09:00", "1 day",
	    "1 working day; skipping Saturday, Giỗ Tổ Hùng Vương 26/04, "
	    "Nghỉ bù Giỗ Tổ Hùng Vương 27/04");

	calendar_close(cal);
	db_close(db);
	snprintf(p, sizeof p, "rm -rf %s", dir);
	if (system(p) != 0)
		diag("cleanup failed");
	return tap_done();
}
