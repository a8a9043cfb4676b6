/* test_lists.c — what the picker and the long lists read instead of
 * scanning every dossier: the use counts the projection keeps (after
 * receipts, an import, a rebuild; check finds a count that drifted), the
 * picker's index kept until the catalog or a count changes, the name
 * search a page at a time against the plain query on a few thousand
 * generated dossiers with common names, and the due board's pages. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/check.h"
#include "motcua/sync.h"
#include "tap.h"
#include "station.h"

#define NOW "2026-11-20 16:00"
#define GEN_ROWS 3000

/* The use counts held against a count of the dossiers: the rows where
 * they differ (0: equal). */
static long long
uses_differ(sqlite3 *db)
{
	return db_int(db, "SELECT count(*) FROM (SELECT station, procedure_code, uses FROM "
	    "procedure_use WHERE uses > 0 EXCEPT SELECT station, procedure_code, count(*) "
	    "FROM dossier GROUP BY 1, 2) UNION ALL SELECT 1 FROM (SELECT station, "
	    "procedure_code, count(*) FROM dossier GROUP BY 1, 2 EXCEPT SELECT station, "
	    "procedure_code, uses FROM procedure_use)", -1);
}

static int
count_uses_findings(const struct check_finding *f, void *arg)
{
	if (f->kind == CHECK_USES)
		(*(int *)arg)++;
	return 0;
}

static void
test_uses(void)
{
	struct mc_calendar *calA, *calB;
	struct catalog_picker pick;
	const struct catalog_index *idx;
	const struct catalog_entry *first;
	struct sync_report r;
	struct mc_err err;
	char code[MC_CODE_LEN], out[512];
	long long count, total, differ, v;
	int found = 0;
	sqlite3 *A = station_new("a.db", 1), *B = station_new("b.db", 2);

	station_trust(B, A);
	if (calendar_open(A, &calA, &err) || calendar_open(B, &calB, &err))
		bail("calendar", err.msg);

	/* the picker before any receipt: the catalog's order */
	memset(&pick, 0, sizeof pick);
	idx = catalog_picker_get(A, &pick, &err);
	ok(idx != NULL && idx->n > 2 && idx->e[0].uses == 0, "picker: loaded, nothing used yet");
	first = idx != NULL ? idx->e : NULL;
	v = pick.version;
	ok(catalog_picker_get(A, &pick, &err) == idx && pick.idx.e == first &&
	    pick.version == v, "picker: the same index again, not read again");

	tap_now("2026-11-16 09:00");
	receive(A, calA, "1.001193", "2026-11-16 09:00", code);
	receive(A, calA, "1.001193", "2026-11-16 09:05", code);
	step(A, calA, code, MC_KIND_HANDOVER, "2026-11-16 10:00", NULL);
	receive(A, calA, "1.001022", "2026-11-16 10:10", code);
	step(A, calA, code, MC_KIND_RESULT, "2026-11-16 11:00", NULL);
	ok(uses_differ(A) == 0 && db_int(A, "SELECT uses FROM procedure_use WHERE "
	    "procedure_code = '1.001193'", 0) == 2, "uses: receipts counted once each, "
	    "steps not counted");
	idx = catalog_picker_get(A, &pick, &err);
	ok(idx != NULL && pick.version != v && strcmp(idx->e[0].code, "1.001193") == 0 &&
	    idx->e[0].uses == 2 && strcmp(idx->e[1].code, "1.001022") == 0 &&
	    idx->e[1].uses == 1, "picker: read again after receipts, most used first");
	v = pick.version;
	ok(db_exec(A, "UPDATE procedure SET fee = fee + 1000 WHERE code = '1.001022'",
	    &err) == 0 && catalog_picker_get(A, &pick, &err) != NULL && pick.version != v &&
	    pick.idx.e[1].fee == db_int(A, "SELECT fee FROM procedure WHERE code = "
	    "'1.001022'", -1), "picker: read again after a change of the catalog");
	catalog_picker_free(&pick);

	/* B's own receipt, then A's bundle */
	receive(B, calB, "1.001193", "2026-11-16 11:20", code);
	tap_now("2026-11-17 17:00");
	if (sync_export(A, "lan", NULL, test_dir, out, sizeof out, &count, NULL, NULL, &err))
		bail("export", err.msg);
	ok(sync_import(B, "truong", out, false, &r, NULL, NULL, &err) == 0,
	    "import: A's bundle taken (%s)", err.msg);
	ok(uses_differ(B) == 0 && db_int(B, "SELECT sum(uses) FROM procedure_use", 0) == 4 &&
	    db_int(B, "SELECT count(*) FROM procedure_use", 0) == 3,
	    "uses: after the import, each station's receipts counted");
	found = 0;
	ok(check_dossiers(B, count_uses_findings, &found, &err) == 0 && found == 0,
	    "check: the counts are as the dossiers make them");
	ok(dossier_rebuild(B, "truong", &total, &differ, &err) == 0 && total == 4 &&
	    uses_differ(B) == 0, "rebuild: the counts made again, the same");

	/* a count that drifted: check names it, a rebuild repairs it */
	ok(db_exec(B, "UPDATE procedure_use SET uses = uses + 5 WHERE procedure_code = "
	    "'1.001022'", &err) == 0 && uses_differ(B) == 1, "a count changed by hand");
	found = 0;
	ok(check_dossiers(B, count_uses_findings, &found, &err) == 1 && found == 1,
	    "check: finds the count that differs from its dossiers");
	ok(dossier_rebuild(B, "truong", &total, &differ, &err) == 0 && uses_differ(B) == 0,
	    "rebuild: repairs it");
	calendar_close(calA);
	calendar_close(calB);
	db_close(A);
	db_close(B);
}

/* ---- a generated station: names and the board -------------------------- */

/* GEN_ROWS dossiers made with SQL: family names as common as in Vietnam
 * (Nguyễn about 4 in 10), middle names mostly Văn or Thị, receipts seven
 * to a minute (equal times), a mix of statuses; and their name words. */
static sqlite3 *
generated(void)
{
	sqlite3 *db = station_new("gen.db", 3);
	struct mc_err err;

	if (db_exec(db, "BEGIN; "
	    "CREATE TEMP TABLE fam(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO fam(v) VALUES ('Nguyễn'),('Nguyễn'),('Nguyễn'),('Nguyễn'),('Trần'),"
	    "('Lê'),('Phạm'),('Hoàng'),('Võ'),('Đặng'); "
	    "CREATE TEMP TABLE mid(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO mid(v) VALUES ('Văn'),('Văn'),('Thị'),('Thị'),('Thị'),('Hữu'),"
	    "('Ngọc'); "
	    "CREATE TEMP TABLE giv(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO giv(v) VALUES ('An'),('Bình'),('Lan'),('Hà'),('Hải'),('Linh'),"
	    "('Nam'),('Xuân'),('Thắng'),('Thảo'),('Vân'),('Việt'),('Long'); "
	    "WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < 3000) "
	    "INSERT INTO dossier(id, code, station, officer, procedure_code, procedure_name, "
	    "field, time_limit, fee, documents, applicant_name, applicant_id, phone, delivery, "
	    "name_fold, received, due, appointment, status, updated) "
	    "SELECT 'g' || i, 'G-' || i, 's', 'lan', '1.001022', 'Đăng ký khai sinh', 'Hộ tịch', "
	    "'3 days', 0, '[]', n, printf('087%09d', i), NULL, 'counter', vn_fold(n), "
	    "strftime('%Y-%m-%dT%H:%M:00+07:00', '2026-01-01 08:00', '+' || (i / 7) || "
	    "' minutes'), t, t, CASE WHEN i % 5 = 0 THEN 'received' WHEN i % 7 = 0 THEN "
	    "'processing' WHEN i % 11 = 0 THEN 'transferred' WHEN i % 13 = 0 THEN 'paused' "
	    "ELSE 'returned' END, '' FROM (SELECT x AS i, CASE WHEN x % 10 = 9 THEN "
	    /* one in ten: a given name of 20 that all begin "kh" */
	    "'Khúc Thị Kh' || char(97 + (x / 10) % 20) ELSE "
	    "(SELECT v FROM fam WHERE fam.i = 1 + (x * 7) % 10) || ' ' || "
	    "(SELECT v FROM mid WHERE mid.i = 1 + (x * 3) % 7) || ' ' || "
	    "(SELECT v FROM giv WHERE giv.i = 1 + (x * 11) % 13) END AS n, "
	    /* appointments from 10 days before 20 November to 10 after */
	    "strftime('%Y-%m-%dT%H:%M:00+07:00', '2026-11-10 08:00', '+' || "
	    "((x * 37) % 30) || ' days', '+' || (x % 3) || ' hours') AS t FROM k); "
	    "INSERT INTO name_word(word, received, id) SELECT DISTINCT w, (SELECT received "
	    "FROM dossier x WHERE x.id = u.id), id FROM ("
	    "SELECT substr(name_fold, 1, instr(name_fold, ' ') - 1) AS w, id FROM dossier "
	    "UNION ALL SELECT substr(name_fold, instr(name_fold, ' ') + 1, "
	    "instr(substr(name_fold, instr(name_fold, ' ') + 1), ' ') - 1), id FROM dossier "
	    "UNION ALL SELECT replace(name_fold, rtrim(name_fold, "
	    "'abcdefghijklmnopqrstuvwxyz'), ''), id FROM dossier) u; COMMIT", &err))
		bail("generated", err.msg);
	return db;
}

/* Codes, in the order given, and how many. */
struct codes {
	char (*c)[64];
	size_t n, cap;
};

static int
add_code(const struct mc_found *f, void *arg)
{
	struct codes *cs = arg;

	if (cs->n < cs->cap)
		snprintf(cs->c[cs->n], sizeof cs->c[0], "%s", f->code);
	cs->n++;
	return 0;
}

static int
add_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	(void)g;
	return add_code(f, arg);
}

static int
tally_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	(void)f;
	((int *)arg)[g]++;
	return 0;
}

static struct codes
codes_new(void)
{
	struct codes cs = { calloc(GEN_ROWS + 1, 64), 0, GEN_ROWS + 1 };

	if (cs.c == NULL)
		bail("codes", "out of memory");
	return cs;
}

/* The plain query, as the search was made before it was paged: every
 * word a prefix of a word of the name, newest first (equal times: the
 * later row first). */
static struct codes
plain_find(sqlite3 *db, const char *folded, long long limit)
{
	struct codes cs = codes_new();
	char sql[2048], *copy = strdup(folded), *save = NULL;
	size_t used;
	sqlite3_stmt *st;
	int nw = 0;

	used = (size_t)snprintf(sql, sizeof sql, "SELECT d.code FROM dossier d WHERE 1");
	for (char *w = strtok_r(copy, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save))
		used += (size_t)snprintf(sql + used, sizeof sql - used, " AND d.id IN (SELECT "
		    "id FROM name_word WHERE word >= '%s' AND word < '%s' || char(1114111))",
		    w, w), nw++;
	snprintf(sql + used, sizeof sql - used, " ORDER BY d.received DESC, d.rowid DESC "
	    "LIMIT %lld", limit);
	free(copy);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail("plain query", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(cs.c[cs.n], sizeof cs.c[0], "%s", sqlite3_column_text(st, 0));
		if (++cs.n == cs.cap)
			break;
	}
	sqlite3_finalize(st);
	return cs;
}

static bool
codes_eq(const struct codes *a, const struct codes *b, size_t n)
{
	if (a->n < n || b->n < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(a->c[i], b->c[i]) != 0)
			return false;
	return true;
}

/* One search: lifecycle_find (the first 500), its first page of 20, and
 * every page of 37 against the plain query. */
static void
search_is_plain(sqlite3 *db, const char *text, const char *folded)
{
	struct codes all = plain_find(db, folded, -1), got = codes_new(), page = codes_new();
	struct mc_page pg;
	struct mc_err err;
	size_t first = all.n < 500 ? all.n : 500, pages = 0;
	bool more_ok = true;

	ok(lifecycle_find(db, text, add_code, &got, &err) == 0 && got.n == first &&
	    codes_eq(&got, &all, first), "find '%s': the first %zu of %zu as the plain query",
	    text, first, all.n);
	memset(&pg, 0, sizeof pg);
	pg.limit = 20;
	ok(lifecycle_find_page(db, text, &pg, add_code, &page, &err) == 0 &&
	    page.n == (all.n < 20 ? all.n : 20) && codes_eq(&page, &all, page.n) &&
	    pg.more == (all.n > 20), "find '%s': the first page of 20 as the plain query%s",
	    text, pg.more ? ", more…" : "");
	got.n = 0;
	memset(&pg, 0, sizeof pg);
	pg.limit = 37;
	do {
		size_t before = got.n;

		if (lifecycle_find_page(db, text, &pg, add_code, &got, &err) != 0)
			break;
		/* a page is full while more follow */
		if (pg.more && got.n - before != 37)
			more_ok = false;
		pages++;
	} while (pg.more && pages < 200);
	ok(more_ok && got.n == all.n && codes_eq(&got, &all, all.n),
	    "find '%s': %zu pages of 37 give each of the %zu once, in order", text, pages,
	    all.n);
	free(all.c);
	free(got.c);
	free(page.c);
}

static void
test_names(sqlite3 *db)
{
	/* common words (each word's dossiers walked newest first, the words
	 * taking turns), rare ones (read and sorted), and both mixed;
	 * prefixes (a name with two words of one prefix given once); nothing */
	search_is_plain(db, "Nguyễn Văn", "nguyen van");
	search_is_plain(db, "Thị", "thi");
	search_is_plain(db, "nguyen", "nguyen");
	search_is_plain(db, "Xuân", "xuan");
	search_is_plain(db, "thi lan", "thi lan");
	search_is_plain(db, "an nguyen", "an nguyen");
	search_is_plain(db, "ng v", "ng v");
	search_is_plain(db, "th", "th");
	search_is_plain(db, "dang ngoc viet", "dang ngoc viet");
	search_is_plain(db, "zzz", "zzz");
	/* "kh" begins 21 words: it leads no search (the dossiers walked
	 * newest first), "thi" leads alone, "kha" is rare */
	search_is_plain(db, "kh", "kh");
	search_is_plain(db, "kh thi", "kh thi");
	search_is_plain(db, "Khúc kha", "khuc kha");
	search_is_plain(db, "kh kh", "kh kh");
}

/* Does EXPLAIN QUERY PLAN of sql read through index (SEARCH or SCAN
 * USING … INDEX index), and does it sort (a temporary B-tree)? */
static void
plan(sqlite3 *db, const char *sql, const char *index, bool *uses, bool *sorts)
{
	char eqp[2048], want[128];
	sqlite3_stmt *st;

	*uses = *sorts = false;
	snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
	snprintf(want, sizeof want, "INDEX %s", index);
	if (sqlite3_prepare_v2(db, eqp, -1, &st, NULL) != SQLITE_OK)
		bail("plan", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		const char *at = strstr(d, want);

		/* the whole name: dossier_board is not dossier_board_x */
		if (at != NULL && (at[strlen(want)] == '\0' || at[strlen(want)] == ' '))
			*uses = true;
		if (strstr(d, "TEMP B-TREE") != NULL)
			*sorts = true;
	}
	sqlite3_finalize(st);
}

static void
test_board(sqlite3 *db)
{
	struct mc_calendar *cal;
	struct codes all = codes_new(), got = codes_new();
	struct mc_page pg;
	struct mc_err err;
	char running[256], sql[1024], end[MC_DATE_LEN];
	int as_of = date_jdn(2026, 11, 20), count[4], tally[4] = {0, 0, 0, 0}, pages = 0;
	int end_jdn;
	size_t n0;
	bool full = true, uses_index = false, sorts = false, rc;
	sqlite3_stmt *st;

	if (calendar_open(db, &cal, &err))
		bail("calendar", err.msg);
	/* the board's end: the day after the second working day after as_of */
	end_jdn = calendar_next_working_day(cal, calendar_next_working_day(cal, as_of)) + 1;
	date_format(end_jdn, end);
	vocab_status_sql(MC_PHASE_OPEN, true, running, sizeof running);
	snprintf(sql, sizeof sql, "SELECT code FROM (SELECT code, 0 AS g, appointment AS a, "
	    "status AS s, rowid AS r FROM dossier WHERE status IN %s AND appointment < '%s' "
	    "UNION ALL SELECT code, 1, appointment, status, rowid FROM dossier WHERE status = "
	    "'paused') ORDER BY g, a, s, r", running, end);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail("board query", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(all.c[all.n++], sizeof all.c[0], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);

	ok(lifecycle_due(db, cal, as_of, add_due, &got, &err) == 0 && got.n == all.n &&
	    codes_eq(&got, &all, all.n) && all.n > 100,
	    "board: the whole of it as the plain query (%zu rows)", all.n);
	got.n = 0;
	memset(&pg, 0, sizeof pg);
	pg.limit = 13;
	do {
		size_t before = got.n;

		if (lifecycle_due_page(db, cal, as_of, &pg, add_due, &got, &err) != 0)
			break;
		if (pg.more && got.n - before != 13)
			full = false;
		pages++;
	} while (pg.more && pages < 1000);
	ok(full && got.n == all.n && codes_eq(&got, &all, all.n),
	    "board: %d pages of 13 give each row once, in order", pages);
	/* a page that ends just where the paused start */
	n0 = all.n - (size_t)db_int(db, "SELECT count(*) FROM dossier WHERE status = "
	    "'paused'", 0);
	memset(&pg, 0, sizeof pg);
	pg.limit = n0;
	got.n = 0;
	ok(lifecycle_due_page(db, cal, as_of, &pg, add_due, &got, &err) == 0 &&
	    got.n == n0 && pg.more && lifecycle_due_page(db, cal, as_of, &pg, add_due, &got,
	    &err) == 0 && !pg.more && got.n == all.n && codes_eq(&got, &all, all.n),
	    "board: a page ending with the last dossier on the clock says more; the paused "
	    "follow");
	/* the groups' counts, counted in the index, as the rows say */
	rc = lifecycle_due(db, cal, as_of, tally_due, tally, &err) == 0 &&
	    lifecycle_due_groups(db, cal, as_of, count, &err) == 0;
	ok(rc && memcmp(count, tally, sizeof count) == 0 && tally[0] > 0 && tally[1] > 0 &&
	    tally[2] > 0 && tally[3] > 0, "board: each group's count (%d overdue, %d today, "
	    "%d soon, %d paused)", tally[0], tally[1], tally[2], tally[3]);
	/* the first part is read from its own index, in order: no sort */
	snprintf(sql, sizeof sql, "SELECT d.code FROM dossier d INDEXED BY dossier_board "
	    "WHERE d.appointment < ?1 AND d.status IN %s ORDER BY d.appointment, d.status, "
	    "d.rowid LIMIT 10", running);
	plan(db, sql, "dossier_board", &uses_index, &sorts);
	ok(uses_index && !sorts, "board: read through dossier_board, without a sort (the "
	    "statuses of the index are vocab_status_sql's)");
	/* the paused part too, from the first page and from a page's key, as
	 * due_part words it (the status a literal: schema/024_indexes.sql) */
	snprintf(sql, sizeof sql, "SELECT d.code FROM dossier d WHERE d.status = '%s' "
	    "ORDER BY d.appointment, d.status, d.rowid LIMIT ?4", vocab_status_paused()->name);
	plan(db, sql, "dossier_paused", &uses_index, &sorts);
	ok(uses_index && !sorts, "board: the paused read through dossier_paused, without a "
	    "sort");
	snprintf(sql, sizeof sql, "SELECT d.code FROM dossier d WHERE d.status = '%s' AND "
	    "d.appointment >= ?3 AND (d.appointment > ?3 OR d.status > ?6 OR (d.status = ?6 "
	    "AND d.rowid > ?5)) ORDER BY d.appointment, d.status, d.rowid LIMIT ?4",
	    vocab_status_paused()->name);
	plan(db, sql, "dossier_paused", &uses_index, &sorts);
	ok(uses_index && !sorts, "board: a later page of the paused, through dossier_paused");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossier WHERE status = '%s'",
	    vocab_status_paused()->name);
	plan(db, sql, "dossier_paused", &uses_index, &sorts);
	ok(uses_index, "board: the paused counted in dossier_paused");
	free(all.c);
	free(got.c);
	calendar_close(cal);
}

/* The queries on ranges or the order of `received` read the index on it
 * (schema/024_indexes.sql): a period's list and the officers' counts
 * (report.c), the portal's export (report-portal.c), the dossiers in
 * received order (dossier-read.c), the name search's walk newest first
 * (lifecycle-names.c). */
static void
test_received(sqlite3 *db)
{
	static const struct {
		const char *what, *sql;
		bool ordered;	/* the index gives the order: no sort */
	} q[] = {
		{ "a period's list", "SELECT d.code FROM dossier d WHERE d.received >= ?1 AND "
		  "d.received < ?2 ORDER BY d.received, d.code", false },
		{ "the officers' counts", "SELECT o.username, (SELECT count(*) FROM dossier d "
		  "WHERE d.officer = o.username AND d.received >= ?1 AND d.received < ?2 AND "
		  "d.status NOT IN ('cancelled')) FROM officer o ORDER BY o.username", false },
		{ "the portal's export", "SELECT d.code FROM dossier d WHERE d.received >= ?1 AND "
		  "d.received < ?2 AND d.status NOT IN ('cancelled') ORDER BY d.received, d.code",
		  false },
		{ "the name search walked newest first", "SELECT d.code, d.rowid FROM dossier d "
		  "WHERE 1 AND EXISTS (SELECT 1 FROM name_word n WHERE n.id = d.id AND n.word >= "
		  "?1 AND n.word < ?1 || char(1114111)) ORDER BY d.received DESC, d.rowid DESC "
		  "LIMIT ?4", true },
		{ "the name search walked from a page's key", "SELECT d.code, d.rowid FROM "
		  "dossier d WHERE 1 AND EXISTS (SELECT 1 FROM name_word n WHERE n.id = d.id AND "
		  "n.word >= ?1 AND n.word < ?1 || char(1114111)) AND d.received <= ?2 AND "
		  "(d.received < ?2 OR d.rowid < ?3) ORDER BY d.received DESC, d.rowid DESC "
		  "LIMIT ?4", true },
	};

	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		bool uses, sorts;

		plan(db, q[i].sql, "dossier_received", &uses, &sorts);
		ok(uses && (!q[i].ordered || !sorts), "received: %s through dossier_received%s",
		    q[i].what, q[i].ordered ? ", in its order" : "");
	}
	ok(db_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
	    "tbl_name = 'dossier' AND name IN ('dossier_name', 'dossier_address', "
	    "'dossier_due', 'dossier_appointment', 'dossier_period')", -1) == 0,
	    "the indexes no query reads are gone (schema/024_indexes.sql)");
}

int
main(void)
{
	sqlite3 *gen;

	tap_now("2026-11-16 08:00");
	test_dir_make("lists");
	test_uses();
	tap_now(NOW);
	gen = generated();
	test_names(gen);
	test_board(gen);
	test_received(gen);
	db_close(gen);
	test_dir_remove();
	return tap_done();
}
