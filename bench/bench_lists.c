/* bench_lists.c — the picker (F2), the name search (F3) and the due board
 * (F5) on a large station, before and after they were made to read only
 * what they show: "before" runs the queries they ran then, stepped to
 * the end as they were; "after" calls the core as the screens do now.
 * Figures only, never pass/fail:
 *
 *   bench/bench_lists DIR [DOSSIERS]      (default 200000)
 *
 * The station is made with SQL in DIR/lists.db (a receipt at a time would
 * take minutes): 2,059 procedures, names as common as in Vietnam (Nguyễn
 * about 38 in 100, middle names mostly Văn or Thị, a fifth with a second
 * middle name), receipts over three years, a tenth still open.  Each
 * figure is the median of 7 runs, in milliseconds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/lifecycle.h"
#include "motcua/unit.h"

#define RUNS 7

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *t)
{
	qsort(t, RUNS, sizeof *t, dbl_cmp);
	return t[RUNS / 2];
}

/* Every row of sql stepped and its columns read as text, as the old
 * readers did; the rows counted into *n. */
static double
old_query(sqlite3 *db, const char *sql, const char *const *binds, int nbinds, long *n)
{
	sqlite3_stmt *st;
	double t = now_ms();

	*n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	for (int i = 0; i < nbinds; i++)
		sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++)
			(void)sqlite3_column_text(st, c);
		(*n)++;
	}
	sqlite3_finalize(st);
	return now_ms() - t;
}

static int
count_found(const struct mc_found *f, void *arg)
{
	(void)f;
	(*(long *)arg)++;
	return 0;
}

static int
count_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	(void)g;
	(void)f;
	(*(long *)arg)++;
	return 0;
}

#define OLD_FOUND "d.code, d.applicant_name, d.applicant_id, d.procedure_code || ' ' || " \
	"d.procedure_name, d.status, d.received, coalesce(d.appointment, d.due), d.phone"

/* The name search as it was: the longest word (first of words) drives,
 * every match is fetched and sorted, then the first 500. */
static void
bench_name(sqlite3 *db, const char *text, const char *const *words)
{
	char sql[2048];
	double before[RUNS], first[RUNS], all[RUNS];
	long n = 0, nf = 0, na = 0;
	struct mc_err err;
	size_t used;
	int nw = 1;

	used = (size_t)snprintf(sql, sizeof sql, "SELECT " OLD_FOUND " FROM dossier d WHERE "
	    "d.id IN (SELECT id FROM name_word WHERE word >= ?1 AND word < ?1 || "
	    "char(1114111))");
	for (; words[nw] != NULL; nw++)
		used += (size_t)snprintf(sql + used, sizeof sql - used, " AND EXISTS (SELECT 1 "
		    "FROM name_word n WHERE n.id = d.id AND n.word >= ?%d AND n.word < ?%d || "
		    "char(1114111))", nw + 1, nw + 1);
	snprintf(sql + used, sizeof sql - used, " ORDER BY d.received DESC LIMIT 500");
	for (int r = 0; r < RUNS; r++) {
		struct mc_page pg;
		double t;

		before[r] = old_query(db, sql, (const char *const *)words, nw, &n);
		memset(&pg, 0, sizeof pg);
		pg.limit = 8;	/* F3's screenful at 80x24 */
		nf = 0;
		t = now_ms();
		if (lifecycle_find_page(db, text, &pg, count_found, &nf, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		first[r] = now_ms() - t;
		na = 0;
		t = now_ms();
		if (lifecycle_find(db, text, count_found, &na, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		all[r] = now_ms() - t;
	}
	printf("find \"%s\": before %8.2f ms (%ld rows) | first screenful %6.2f ms (%ld) | "
	    "first 500 %6.2f ms\n", text, median(before), n, median(first), nf, median(all));
}

static sqlite3 *
make_station(const char *path, long rows, struct mc_calendar **cal)
{
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct mc_err err;
	sqlite3 *db;
	char sql[160];
	double t = now_ms();

	remove(path);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	if (db_open(path, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    calendar_open(db, cal, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE bench_rows(n INTEGER); "
	    "INSERT INTO bench_rows VALUES (%ld)", rows);
	if (db_exec(db, sql, &err) || db_exec(db, "PRAGMA synchronous = OFF; BEGIN; "
	    /* 2,059 procedures, as in a province's catalog */
	    "WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < 2059) "
	    "INSERT INTO procedure(code, position, name, field, level, time_limit, fee, "
	    "result, legal_basis, version, name_fold, field_fold) SELECT printf('1.%06d', x), "
	    "x, 'Thủ tục số ' || x || ' về đăng ký hộ tịch', 'Hộ tịch', 'commune', "
	    "'3 days', 0, 'Giấy', 'Luật', 1, vn_fold('Thủ tục số ' || x || ' về đăng ký "
	    "hộ tịch'), 'ho tich' FROM k; "
	    /* weights out of 1000 */
	    "CREATE TEMP TABLE fam(lo INTEGER, hi INTEGER, v TEXT); "
	    "INSERT INTO fam VALUES (0,379,'Nguyễn'),(380,489,'Trần'),(490,584,'Lê'),"
	    "(585,654,'Phạm'),(655,695,'Hoàng'),(696,736,'Huỳnh'),(737,781,'Phan'),"
	    "(782,801,'Vũ'),(802,820,'Võ'),(821,841,'Đặng'),(842,861,'Bùi'),(862,875,'Đỗ'),"
	    "(876,888,'Hồ'),(889,901,'Ngô'),(902,911,'Dương'),(912,916,'Lý'),"
	    "(917,934,'Đinh'),(935,952,'Trương'),(953,964,'Lâm'),(965,976,'Mai'),"
	    "(977,988,'Cao'),(989,999,'Tạ'); "
	    "CREATE TEMP TABLE mid(lo INTEGER, hi INTEGER, v TEXT); "
	    "INSERT INTO mid VALUES (0,379,'Văn'),(380,799,'Thị'),(800,829,'Hữu'),"
	    "(830,859,'Đức'),(860,899,'Minh'),(900,929,'Ngọc'),(930,959,'Thanh'),"
	    "(960,979,'Quốc'),(980,989,'Xuân'),(990,999,'Kim'); "
	    "CREATE TEMP TABLE giv(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO giv(v) VALUES ('An'),('Bình'),('Châu'),('Dũng'),('Hà'),('Hải'),"
	    "('Hòa'),('Hùng'),('Khánh'),('Lan'),('Linh'),('Long'),('Mai'),('Nam'),('Nga'),"
	    "('Phúc'),('Quân'),('Sơn'),('Tâm'),('Thảo'),('Trang'),('Tuấn'),('Uyên'),"
	    "('Việt'),('Xuân'),('Yến'),('Ánh'),('Đạt'),('Lộc'),('Thắng'),('Hằng'),('Hiếu'),"
	    "('Hoa'),('Huy'),('Hương'),('Khoa'),('Kiên'),('Loan'),('Ly'),('My'),('Ngân'),"
	    "('Nhung'),('Oanh'),('Phong'),('Phương'),('Quang'),('Quyên'),('Tài'),('Thành'),"
	    "('Thủy'),('Tiến'),('Trung'),('Tú'),('Vân'),('Vinh'),('Vy'),('Duy'),('Giang'),"
	    "('Hạnh'),('Trâm'); "
	    "WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < "
	    "(SELECT n FROM bench_rows)), p AS (SELECT x AS i, "
	    "(SELECT v FROM fam WHERE (x * 7919) % 1000 BETWEEN lo AND hi) || ' ' || "
	    "(SELECT v FROM mid WHERE (x * 104729 / 7) % 1000 BETWEEN lo AND hi) || "
	    "CASE WHEN x % 5 = 0 THEN ' ' || (SELECT v FROM giv WHERE giv.i = 1 + "
	    "(x / 5) % 60) ELSE '' END || ' ' || "
	    "(SELECT v FROM giv WHERE giv.i = 1 + (x * 31 + x / 13) % 60) AS n FROM k) "
	    "INSERT INTO dossier(id, code, station, officer, procedure_code, procedure_name, "
	    "field, time_limit, fee, documents, applicant_name, applicant_id, phone, "
	    "delivery, name_fold, received, due, appointment, status, updated) "
	    "SELECT 'd' || i, printf('000.17.22.H56-%s-%d', substr(strftime('%Y%m%d', "
	    "date('2024-01-01', '+' || (i * 1095 / (SELECT n FROM bench_rows)) || ' days')), "
	    "3), 1001 + i), (SELECT id FROM station WHERE self = 1), 'lan', "
	    /* a few procedures do most of the work */
	    "printf('1.%06d', 1 + (i * i) % CASE WHEN i % 3 = 0 THEN 2059 ELSE 40 END), "
	    "'Thủ tục', 'Hộ tịch', '3 days', 0, '[]', n, printf('087%09d', i), "
	    "printf('09%08d', i), 'counter', vn_fold(n), "
	    "strftime('%Y-%m-%dT%H:%M:00+07:00', '2024-01-01 08:00', '+' || "
	    "(i * 1095 * 480 / (SELECT n FROM bench_rows)) || ' minutes'), "
	    "date('2024-01-01', '+' || (i * 1095 / (SELECT n FROM bench_rows) + 4) || "
	    "' days') || 'T09:00:00+07:00', date('2024-01-01', '+' || (i * 1095 / "
	    "(SELECT n FROM bench_rows) + 4) || ' days') || 'T09:00:00+07:00', "
	    "CASE WHEN i % 10 = 0 THEN 'received' WHEN i % 97 = 0 THEN 'paused' "
	    "WHEN i % 31 = 0 THEN 'processing' ELSE 'returned' END, '' FROM p; "
	    "WITH RECURSIVE s(id, t, w, rest) AS (SELECT id, received, '', name_fold || ' ' "
	    "FROM dossier UNION ALL SELECT id, t, substr(rest, 1, instr(rest, ' ') - 1), "
	    "substr(rest, instr(rest, ' ') + 1) FROM s WHERE rest <> '') "
	    "INSERT OR IGNORE INTO name_word(word, received, id) SELECT w, t, id FROM s "
	    "WHERE w <> ''; "
	    "INSERT INTO procedure_use(station, procedure_code, uses) SELECT station, "
	    "procedure_code, count(*) FROM dossier GROUP BY 1, 2; "
	    "COMMIT; PRAGMA synchronous = FULL", &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	printf("made %lld dossiers, %lld name words, %lld procedures in %.1f s\n",
	    db_int(db, "SELECT count(*) FROM dossier", 0),
	    db_int(db, "SELECT count(*) FROM name_word", 0),
	    db_int(db, "SELECT count(*) FROM procedure", 0), (now_ms() - t) / 1e3);
	printf("names: %lld%% have a word nguyen…, %lld%% van…, %lld%% thi…\n",
	    db_int(db, "SELECT 100 * count(DISTINCT id) / (SELECT count(*) FROM dossier) "
	    "FROM name_word WHERE word >= 'nguyen' AND word < 'nguyen' || char(1114111)", 0),
	    db_int(db, "SELECT 100 * count(DISTINCT id) / (SELECT count(*) FROM dossier) "
	    "FROM name_word WHERE word >= 'van' AND word < 'van' || char(1114111)", 0),
	    db_int(db, "SELECT 100 * count(DISTINCT id) / (SELECT count(*) FROM dossier) "
	    "FROM name_word WHERE word >= 'thi' AND word < 'thi' || char(1114111)", 0));
	return db;
}

static void
bench_picker(sqlite3 *db)
{
	static const char old_sql[] = "SELECT p.code, p.name, p.field, p.time_limit, p.fee, "
	    "vn_fold(p.code || ' ' || p.name || ' ' || p.field), p.name_fold, "
	    "coalesce(u.uses, 0), p.position FROM procedure p LEFT JOIN "
	    "(SELECT procedure_code, count(*) AS uses FROM dossier WHERE station = ?2 "
	    "GROUP BY procedure_code) u ON u.procedure_code = p.code "
	    "WHERE (p.abolished IS NULL OR p.abolished > ?1) "
	    "AND (p.effective IS NULL OR p.effective <= ?1) ORDER BY 8 DESC, p.position, p.code";
	char station[64] = "";
	const char *binds[2] = { "2026-03-02", station };
	double before[RUNS], load[RUNS], again[RUNS];
	long n = 0;
	size_t got = 0;
	struct mc_err err;

	(void)db_meta_get(db, "station_id", station, sizeof station);
	for (int r = 0; r < RUNS; r++) {
		struct catalog_picker p;
		double t;

		memset(&p, 0, sizeof p);
		before[r] = old_query(db, old_sql, binds, 2, &n);
		t = now_ms();
		if (catalog_picker_get(db, &p, &err) == NULL)
			fprintf(stderr, "bench: %s\n", err.msg);
		load[r] = now_ms() - t;
		t = now_ms();
		got = catalog_picker_get(db, &p, &err) != NULL ? p.idx.n : 0;
		again[r] = now_ms() - t;
		catalog_picker_free(&p);
	}
	printf("open F2 (%ld procedures): before, its query alone %8.2f ms | the index "
	    "loaded %6.2f ms | opened again %6.3f ms (%zu)\n", n, median(before),
	    median(load), median(again), got);
}

static void
bench_due(sqlite3 *db, struct mc_calendar *cal)
{
	static const char old_sql[] = "SELECT " OLD_FOUND ", 0 FROM dossier d "
	    "WHERE d.status IN ('received', 'processing', 'transferred') AND "
	    "d.appointment < ?1 UNION ALL SELECT " OLD_FOUND ", 1 FROM dossier d "
	    "WHERE d.status = ?2 ORDER BY 9, 7";
	int as_of = date_jdn(2026, 3, 2), count[4];
	char end[MC_DATE_LEN];
	const char *binds[2] = { end, "paused" };
	double before[RUNS], after[RUNS], next[RUNS];
	long n = 0, nf = 0;
	struct mc_err err;

	/* the board's end as the core reckons it: far enough for a figure */
	date_format(as_of + 4, end);
	for (int r = 0; r < RUNS; r++) {
		struct mc_page pg;
		double t;

		before[r] = old_query(db, old_sql, binds, 2, &n);
		memset(&pg, 0, sizeof pg);
		pg.limit = 15;	/* F5's screenful at 80x24 */
		nf = 0;
		t = now_ms();
		if (lifecycle_due_groups(db, cal, as_of, count, &err) != 0 ||
		    lifecycle_due_page(db, cal, as_of, &pg, count_due, &nf, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		after[r] = now_ms() - t;
		t = now_ms();
		if (lifecycle_due_page(db, cal, as_of, &pg, count_due, &nf, &err) != 0)
			fprintf(stderr, "bench: %s\n", err.msg);
		next[r] = now_ms() - t;
	}
	printf("due board (%ld rows): before %8.2f ms | counts and first screenful %6.2f ms | "
	    "next screenful %6.2f ms\n", n, median(before), median(after), median(next));
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	long rows = argc > 2 ? strtol(argv[2], NULL, 10) : 200000;
	struct mc_calendar *cal;
	char path[512];
	sqlite3 *db;

	if (rows < 1000 || rows > 10000000) {
		fprintf(stderr, "usage: bench_lists DIR [DOSSIERS: 1000 to 10000000]\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/lists.db", dir);
	db = make_station(path, rows, &cal);
	bench_picker(db);
	bench_name(db, "Nguyễn Văn", (const char *[]){"nguyen", "van", NULL});
	bench_name(db, "Thị", (const char *[]){"thi", NULL});
	bench_name(db, "Nguyễn Thị Lan", (const char *[]){"nguyen", "thi", "lan", NULL});
	bench_name(db, "Uyên", (const char *[]){"uyen", NULL});
	bench_name(db, "Tạ Kim", (const char *[]){"kim", "ta", NULL});
	bench_due(db, cal);
	calendar_close(cal);
	db_close(db);
	if (getenv("BENCH_KEEP") == NULL)	/* kept to look at the plans */
		remove(path);
	return 0;
}
