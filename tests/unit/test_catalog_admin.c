/* test_catalog_admin.c — a supervisor's changes to the catalog
 * (catalog-admin.c): an amendment of the time limit, fee and documents
 * makes a new version of the procedure and leaves a dossier received
 * before with its own; abolish and restore; the refusals (an officer, an
 * auditor, an unknown or inactive officer, bad values, the wrong state)
 * change nothing; the import's dry run gives the counts the import then
 * gives, and changes nothing; the routing (deciding body, decided here or
 * forwarded) set by an amendment. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "tap.h"
#include "station.h"

#define CODE "1.001193"

static struct mc_time at;

static int
count_rev(const struct catalog_revision *r, void *arg)
{
	char *out = arg;

	if (out[0] != '\0')
		strcat(out, ",");
	strcat(out, r->change);
	return 0;
}

static void
revisions(sqlite3 *db, char *out)
{
	struct mc_err err;

	out[0] = '\0';
	if (catalog_revisions(db, CODE, count_rev, out, &err) != 0)
		bail("catalog_revisions", err.msg);
}

static void
text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail(sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Every change refused for who, nothing changed. */
static void
refusals(sqlite3 *db, const char *who, const char *says)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN];
	struct catalog_amend a = { .time_limit = "5 days", .fee = -1 };
	struct mc_err err;

	digest(db, before);
	ok(catalog_amend(db, who, CODE, &a, &at, &err) == -1 && strstr(err.msg, says) != NULL,
	    "%s may not amend (%s)", who, err.msg);
	ok(catalog_abolish(db, who, CODE, &at, &err) == -1 && strstr(err.msg, says) != NULL,
	    "%s may not abolish", who);
	ok(catalog_restore(db, who, CODE, &at, &err) == -1 && strstr(err.msg, says) != NULL,
	    "%s may not restore", who);
	digest(db, after);
	is_str(after, before, "%s: nothing changed", who);
}

static void
test_roles(sqlite3 *db)
{
	struct mc_err err;

	if (unit_officer_add(db, "kim", "Phạm Kim", MC_ROLE_AUDITOR, &err) != 0 ||
	    unit_officer_add(db, "cu", "Lê Cũ", MC_ROLE_SUPERVISOR, &err) != 0 ||
	    unit_officer_set_active(db, "truong", "cu", false, &err) != 0)
		bail("officers", err.msg);
	refusals(db, "lan", "may not");
	refusals(db, "kim", "may not");
	refusals(db, "nobody", "nobody");
	refusals(db, "cu", "cu");
}

static void
test_amend(sqlite3 *db, struct mc_calendar *cal)
{
	char code[64], before[MC_HASH_LEN], after[MC_HASH_LEN], got[4096], docs[4096];
	char first[] = "Tờ khai đăng ký khai sinh (theo mẫu)", second[] = "  Giấy tờ mới  ";
	struct mc_document d[2] = {
		{ 0, first, MC_FORM_ORIGINAL, 1, true, NULL },
		{ 0, second, MC_FORM_COPY, 2, false, NULL },
	};
	struct catalog_amend a = { .time_limit = "7 ngày làm việc", .fee = 50000,
		.set_docs = true, .docs = d, .ndocs = 2 };
	struct catalog_amend bad = { .time_limit = "soon", .fee = -1 };
	struct catalog_amend none = { .fee = -1 };
	struct mc_procedure p;
	struct mc_err err;

	/* a dossier received on the 19th; the changes are made the next
	 * morning, at `at`: the clock says each moment */
	tap_now("2026-11-19 09:00");
	receive(db, cal, CODE, "2026-11-19 09:00", code);
	tap_now("2026-11-20 09:00");
	text(db, "SELECT documents FROM dossier", docs, sizeof docs);
	revisions(db, got);
	is_str(got, "", "no version made here before any change");

	digest(db, before);
	ok(catalog_amend(db, "truong", CODE, &bad, &at, &err) == -1 && err.kind == MC_EINVAL,
	    "a time limit that is none refused (%s)", err.msg);
	ok(catalog_amend(db, "truong", CODE, &none, &at, &err) == -1, "nothing to amend refused");
	ok(catalog_amend(db, "truong", "9.999999", &a, &at, &err) == -1 &&
	    err.kind == MC_ENOTFOUND, "an unknown procedure: not found");
	d[0].quantity = 0;
	ok(catalog_amend(db, "truong", CODE, &a, &at, &err) == -1, "0 copies refused");
	d[0].quantity = 1;
	digest(db, after);
	is_str(after, before, "the refusals changed nothing");

	ok(catalog_amend(db, "truong", CODE, &a, &at, &err) == 0, "the supervisor amends");
	if (catalog_get(db, CODE, &p, &err) != 0)
		bail("catalog_get", err.msg);
	is_str(p.time_limit, "7 days", "the time limit is stored canonical");
	is_int(p.fee, 50000, "the new fee");
	is_int((long long)p.ndocs, 2, "two documents");
	is_str(p.docs[1].name, "Giấy tờ mới", "the new document, its name cleaned");
	ok(p.docs[1].form == MC_FORM_COPY && p.docs[1].quantity == 2 && !p.docs[1].required,
	    "... its form, copies and optional");
	catalog_procedure_free(&p);
	revisions(db, got);
	is_str(got, "held,amend", "two versions: the one held and the amendment");
	text(db, "SELECT time_limit || '|' || fee || '|' || json_array_length(documents) FROM "
	    "procedure_version WHERE revision = 1", got, sizeof got);
	is_str(got, "same day|0|4", "the version held keeps the old values");
	text(db, "SELECT time_limit || '|' || fee FROM dossier", got, sizeof got);
	is_str(got, "same day|0", "the dossier received before keeps its time limit and fee");
	text(db, "SELECT documents FROM dossier", got, sizeof got);
	is_str(got, docs, "... and its documents");

	/* a fee alone: the rest stays */
	a = (struct catalog_amend){ .fee = 0 };
	ok(catalog_amend(db, "truong", CODE, &a, &at, &err) == 0, "a fee alone");
	text(db, "SELECT time_limit || '|' || fee || '|' || (SELECT count(*) FROM "
	    "procedure_document WHERE procedure_code = code) FROM procedure WHERE code = '"
	    CODE "'", got, sizeof got);
	is_str(got, "7 days|0|2", "only the fee changed");
}

static void
test_abolish(sqlite3 *db)
{
	char got[256], before[MC_HASH_LEN], after[MC_HASH_LEN];
	struct catalog_amend a = { .fee = 1 };
	struct mc_err err;

	ok(catalog_restore(db, "truong", CODE, &at, &err) == -1 && err.kind == MC_ECONFLICT,
	    "restoring one in force refused");
	ok(catalog_abolish(db, "truong", CODE, &at, &err) == 0, "abolish");
	text(db, "SELECT abolished FROM procedure WHERE code = '" CODE "'", got, sizeof got);
	is_str(got, "2026-11-20", "abolished today");
	digest(db, before);
	ok(catalog_abolish(db, "truong", CODE, &at, &err) == -1 && err.kind == MC_ECONFLICT,
	    "abolishing twice refused");
	ok(catalog_amend(db, "truong", CODE, &a, &at, &err) == -1 && err.kind == MC_ECONFLICT,
	    "amending an abolished one refused");
	digest(db, after);
	is_str(after, before, "... changing nothing");
	ok(catalog_restore(db, "truong", CODE, &at, &err) == 0, "restore");
	text(db, "SELECT abolished IS NULL FROM procedure WHERE code = '" CODE "'", got,
	    sizeof got);
	is_str(got, "1", "in force again");
	revisions(db, got);
	is_str(got, "held,amend,amend,abolish,restore", "each change is a version");
	text(db, "SELECT group_concat(kind || ' ' || officer || ' ' || body, '; ') FROM (SELECT * "
	    "FROM event WHERE dossier = '' AND kind IN ('catalog_amend', 'catalog_abolish', "
	    "'catalog_restore') ORDER BY seq)", got, sizeof got);
	is_str(got, "catalog_amend truong {\"procedure\":\"1.001193\",\"version\":\"2\"}; "
	    "catalog_amend truong {\"procedure\":\"1.001193\",\"version\":\"3\"}; "
	    "catalog_abolish truong {\"procedure\":\"1.001193\"}; "
	    "catalog_restore truong {\"procedure\":\"1.001193\"}",
	    "each change is an audit event of the chain, in its transaction");
}

static void
test_preview(sqlite3 *db)
{
	char *json, before[MC_HASH_LEN], after[MC_HASH_LEN], path[128];
	struct catalog_stats pre, applied;
	struct mc_err err;
	FILE *f;

	/* the catalog as exported, with a fee changed and one procedure left
	 * out: the province's next version */
	if ((json = catalog_export_json(db, &err)) == NULL)
		bail("export", err.msg);
	snprintf(path, sizeof path, "%s", test_path("v2.json"));
	{
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(db, "SELECT json_set(json_remove(?1, '$.procedures[1]'), "
		    "'$.version', 2, '$.procedures[2].fee', 777)", -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW || (f = fopen(path, "w")) == NULL)
			bail("v2", sqlite3_errmsg(db));
		fputs((const char *)sqlite3_column_text(st, 0), f);
		fclose(f);
		sqlite3_finalize(st);
	}
	free(json);
	digest(db, before);
	ok(catalog_import_preview(db, "truong", path, &pre, &err) == 0, "the dry run");
	digest(db, after);
	is_str(after, before, "the dry run changed nothing");
	ok(pre.added == 0 && pre.amended == 1 && pre.abolished == 1,
	    "its counts: %d new, %d amended, %d abolished", pre.added, pre.amended,
	    pre.abolished);
	ok(catalog_import_file(db, "truong", path, &applied, &err) == 0, "the import");
	ok(memcmp(&pre, &applied, sizeof pre) == 0, "the import gives the dry run's counts");
	ok(catalog_import_preview(db, "truong", test_path("none.json"), &pre, &err) == -1 &&
	    err.kind == MC_EIO, "the dry run of a missing file: the import's message");
}

/* The routing: a forward to no body refused, an officer refused, a
 * forward to a body typed (cleaned) and back to deciding here, each a
 * version keeping the body and the routing, and an audit event. */
static void
test_routing(sqlite3 *db)
{
	char code[64], sql[512], got[1024], before[MC_HASH_LEN], after[MC_HASH_LEN];
	struct catalog_amend fwd = { .fee = -1, .routing = CATALOG_ROUTING_FORWARD };
	struct catalog_amend body = { .fee = -1, .decided_by = "  Sở Tư pháp   tỉnh  ",
	    .routing = CATALOG_ROUTING_FORWARD };
	struct catalog_amend back = { .fee = -1, .decided_by = "",
	    .routing = CATALOG_ROUTING_DECIDE };
	struct catalog_amend bad = { .fee = -1, .decided_by = "Sở\tTư pháp" };
	struct mc_err err;

	text(db, "SELECT code FROM procedure WHERE abolished IS NULL AND routing = 'decide' "
	    "AND decided_by IS NULL AND code <> '" CODE "' ORDER BY code LIMIT 1", code,
	    sizeof code);
	if (code[0] == '\0')
		bail("routing", "no procedure decided here");
	snprintf(sql, sizeof sql, "SELECT coalesce(decided_by, '-') || '|' || routing FROM "
	    "procedure WHERE code = '%s'", code);
	digest(db, before);
	ok(catalog_amend(db, "truong", code, &fwd, &at, &err) == -1 && err.kind == MC_EINVAL &&
	    strstr(err.msg, "name the deciding body") != NULL,
	    "a forward to no body refused (%s)", err.msg);
	ok(catalog_amend(db, "truong", code, &bad, &at, &err) == -1 && err.kind == MC_EINVAL &&
	    strstr(err.msg, "deciding body") != NULL, "a body with a tab refused (%s)",
	    err.msg);
	ok(catalog_amend(db, "lan", code, &body, &at, &err) == -1 &&
	    strstr(err.msg, "may not") != NULL, "an officer may not change the routing");
	ok(catalog_amend(db, "kim", code, &body, &at, &err) == -1 &&
	    strstr(err.msg, "may not") != NULL, "nor may an auditor");
	digest(db, after);
	is_str(after, before, "... nothing changed");
	ok(catalog_amend(db, "truong", code, &body, &at, &err) == 0, "forwarded to a body");
	text(db, sql, got, sizeof got);
	is_str(got, "Sở Tư pháp tỉnh|forward", "the body cleaned, forwarded");
	ok(catalog_amend(db, "truong", code, &fwd, &at, &err) == 0,
	    "the routing alone, the body held");
	ok(catalog_amend(db, "truong", code, &back, &at, &err) == 0, "back to deciding here");
	text(db, sql, got, sizeof got);
	is_str(got, "-|decide", "no body named, decided here");
	snprintf(sql, sizeof sql, "SELECT group_concat(change || ' ' || coalesce(decided_by, "
	    "'-') || ' ' || routing, '; ') FROM (SELECT * FROM procedure_version WHERE "
	    "procedure_code = '%s' ORDER BY revision)", code);
	text(db, sql, got, sizeof got);
	is_str(got, "held - decide; amend Sở Tư pháp tỉnh forward; amend Sở Tư pháp tỉnh "
	    "forward; amend - decide", "each change a version with its body and routing");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE kind = 'catalog_amend' "
	    "AND officer = 'truong' AND json_extract(body, '$.procedure') = '%s'", code);
	text(db, sql, got, sizeof got);
	is_str(got, "3", "each an audit event");
}

int
main(void)
{
	sqlite3 *db;
	struct mc_calendar *cal;
	struct mc_err err;

	test_dir_make("catadmin");
	db = station_new("a.db", 1);
	if (calendar_open(db, &cal, &err) != 0)
		bail("calendar_open", err.msg);
	at = moment("2026-11-20 09:00");
	test_roles(db);
	test_amend(db, cal);
	test_abolish(db);
	test_preview(db);
	test_routing(db);
	calendar_close(cal);
	db_close(db);
	test_dir_remove();
	return tap_done();
}
