/* bench_million.c — the lookups and the due board on 1,000,000 dossiers.
 *
 * The rows are made with SQL (a receipt a row would take minutes), with
 * the same columns and indexes the program keeps.  Each query the core
 * runs is traced: its time, its plan (EXPLAIN QUERY PLAN) and how many
 * full-scan steps SQLite counted.  Figures only: `make bench`.
 * $MOTCUA_BENCH_ROWS: how many dossiers instead of 1,000,000 (a slow or
 * busy machine). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "motcua/calendar.h"
#include "motcua/db.h"
#include "motcua/lifecycle.h"
#include "motcua/report.h"
#include "motcua/unit.h"

#define ROWS 1000000	/* unless $MOTCUA_BENCH_ROWS says */

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Every statement the core runs: print its plan once and its full scans. */
static int
trace(unsigned type, void *ctx, void *p, void *x)
{
	sqlite3_stmt *st = p;
	sqlite3 *db = ctx;
	const char *sql = sqlite3_sql(st);
	int scans = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
	char *q;
	sqlite3_stmt *plan;

	(void)type;
	(void)x;
	if (sql == NULL || strncmp(sql, "EXPLAIN", 7) == 0 || strncmp(sql, "SELECT", 6) != 0)
		return 0;
	printf("    query: %.70s…\n    full-scan steps: %d\n", sql, scans);
	q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	if (q != NULL && sqlite3_prepare_v2(db, q, -1, &plan, NULL) == SQLITE_OK) {
		for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++)
			sqlite3_bind_null(plan, i);	/* the plan does not depend on values */
		while (sqlite3_step(plan) == SQLITE_ROW)
			printf("    plan: %s\n", sqlite3_column_text(plan, 3));
		sqlite3_finalize(plan);
	}
	sqlite3_free(q);
	return 0;
}

static int
count_found(const struct mc_found *f, void *arg)
{
	(void)f;
	(*(int *)arg)++;
	return 0;
}

static int
count_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	(void)f;
	((int *)arg)[g]++;
	return 0;
}

static void
timed_find(sqlite3 *db, const char *what, const char *text)
{
	struct mc_err err;
	int n = 0;
	double t = now_s();

	if (lifecycle_find(db, text, count_found, &n, &err) != 0)
		printf("bench: %s\n", err.msg);
	printf("%-34s %8.2f ms  (%d found)\n", what, (now_s() - t) * 1e3, n);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	char path[512];
	struct mc_calendar *cal;
	struct mc_err err;
	sqlite3 *db;
	double t;
	const char *env = getenv("MOTCUA_BENCH_ROWS");
	long rows = env != NULL && *env != '\0' ? strtol(env, NULL, 10) : ROWS;
	char sql[96];

	if (rows < 1000 || rows > 100000000) {
		fprintf(stderr, "bench: MOTCUA_BENCH_ROWS=%s: give 1000 to 100000000\n", env);
		return 1;
	}
	snprintf(path, sizeof path, "%s/million.db", dir);
	remove(path);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	if (db_open(path, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    calendar_open(db, &cal, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE bench_rows(n INTEGER); "
	    "INSERT INTO bench_rows VALUES (%ld)", rows);
	if (db_exec(db, sql, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t = now_s();
	/* names from small lists, receipts over three years, a tenth open */
	if (db_exec(db, "PRAGMA synchronous = OFF; BEGIN; "
	    "CREATE TEMP TABLE fam(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO fam(v) VALUES ('Nguyễn'),('Trần'),('Lê'),('Phạm'),('Hoàng'),"
	    "('Huỳnh'),('Phan'),('Vũ'),('Võ'),('Đặng'),('Bùi'),('Đỗ'),('Hồ'),('Ngô'),"
	    "('Dương'),('Lý'); "
	    "CREATE TEMP TABLE mid(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO mid(v) VALUES ('Văn'),('Thị'),('Hữu'),('Đức'),('Minh'),('Ngọc'),"
	    "('Thanh'),('Quốc'),('Thu'),('Kim'); "
	    "CREATE TEMP TABLE giv(i INTEGER PRIMARY KEY, v TEXT); "
	    "INSERT INTO giv(v) VALUES ('An'),('Bình'),('Châu'),('Dũng'),('Hà'),('Hải'),"
	    "('Hòa'),('Hùng'),('Khánh'),('Lan'),('Linh'),('Long'),('Mai'),('Nam'),('Nga'),"
	    "('Phúc'),('Quân'),('Sơn'),('Tâm'),('Thảo'),('Trang'),('Tuấn'),('Uyên'),"
	    "('Việt'),('Xuân'),('Yến'),('Ánh'),('Đạt'),('Lộc'),('Thắng'); "
	    "WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < (SELECT n FROM bench_rows)) "
	    "INSERT INTO dossier(id, code, station, officer, procedure_code, procedure_name, "
	    "field, time_limit, fee, documents, applicant_name, applicant_id, phone, "
	    "delivery, name_fold, received, due, appointment, status, updated, result_at, "
	    "returned_at, result) "
	    "SELECT 'd' || i, printf('000.17.22.H56-%s-%d', substr(strftime('%Y%m%d', "
	    "date('2024-01-01', '+' || (i / 900) || ' days')), 3), 1001 + i % 900), 's', 'lan', "
	    "'1.001022', 'Đăng ký nhận cha, mẹ, con', 'Hộ tịch', '3 days', 15000, '[]', "
	    "n, printf('087%09d', i), printf('09%08d', i), 'counter', vn_fold(n), "
	    "date('2024-01-01', '+' || (i / 900) || ' days') || 'T09:00:00+07:00', "
	    "date('2024-01-01', '+' || (i / 900 + 4) || ' days') || 'T09:00:00+07:00', "
	    "date('2024-01-01', '+' || (i / 900 + 4) || ' days') || 'T09:00:00+07:00', "
	    "CASE WHEN i % 10 = 0 THEN 'received' WHEN i % 97 = 0 THEN 'paused' "
	    "ELSE 'returned' END, '', "
	    /* the returned ones got their result 2 to 6 days after receipt */
	    "CASE WHEN i % 10 <> 0 AND i % 97 <> 0 THEN date('2024-01-01', '+' || "
	    "(i / 900 + 2 + i % 5) || ' days') || 'T10:00:00+07:00' END, "
	    "CASE WHEN i % 10 <> 0 AND i % 97 <> 0 THEN date('2024-01-01', '+' || "
	    "(i / 900 + 7) || ' days') || 'T10:00:00+07:00' END, "
	    "CASE WHEN i % 10 <> 0 AND i % 97 <> 0 THEN 'approved' END "
	    "FROM (SELECT x AS i, (SELECT v FROM fam WHERE fam.i = 1 + x % 16) || ' ' || "
	    "(SELECT v FROM mid WHERE mid.i = 1 + (x / 16) % 10) || ' ' || "
	    "(SELECT v FROM giv WHERE giv.i = 1 + (x / 160) % 30) AS n FROM k); "
	    "INSERT INTO name_word(word, id) SELECT DISTINCT w, id FROM ("
	    "SELECT substr(name_fold, 1, instr(name_fold, ' ') - 1) AS w, id FROM dossier "
	    "UNION ALL SELECT substr(name_fold, instr(name_fold, ' ') + 1, "
	    "instr(substr(name_fold, instr(name_fold, ' ') + 1), ' ') - 1), id FROM dossier "
	    "UNION ALL SELECT replace(name_fold, rtrim(name_fold, "
	    "'abcdefghijklmnopqrstuvwxyz'), ''), id FROM dossier); "
	    "COMMIT; ANALYZE; PRAGMA synchronous = FULL", &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	printf("made %lld dossiers, %lld name words in %.1f s\n",
	    db_int(db, "SELECT count(*) FROM dossier", 0),
	    db_int(db, "SELECT count(*) FROM name_word", 0), now_s() - t);

	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, trace, db);
	timed_find(db, "find by code", "000.17.22.H56-250101-1500");
	timed_find(db, "find by ID number", "087000500000");
	timed_find(db, "find by phone", "0900500000");
	timed_find(db, "find by name 'nguyen van an'", "nguyen van an");
	timed_find(db, "find by name 'an nguyen'", "an nguyen");
	timed_find(db, "find by a rare prefix 'thang lo'", "thang lo");
	{
		int g[4] = {0, 0, 0, 0}, today, overdue;
		int as_of = date_jdn(2026, 3, 2);

		t = now_s();
		if (lifecycle_due(db, cal, as_of, count_due, g, &err) != 0)
			printf("bench: %s\n", err.msg);
		printf("%-34s %8.2f ms  (%d overdue, %d today, %d soon, %d paused)\n",
		    "due board", (now_s() - t) * 1e3, g[0], g[1], g[2], g[3]);
		t = now_s();
		if (lifecycle_due_counts(db, cal, as_of, &today, &overdue, &err) != 0)
			printf("bench: %s\n", err.msg);
		printf("%-34s %8.2f ms\n", "header counts", (now_s() - t) * 1e3);
	}
	{
		struct report_summary rs;

		t = now_s();
		if (report_summary(db, date_jdn(2025, 1, 1), date_jdn(2025, 12, 31), &rs, &err))
			printf("bench: %s\n", err.msg);
		printf("%-34s %8.2f ms  (%lld carried, %lld new, %lld resolved)\n",
		    "summary of the year 2025", (now_s() - t) * 1e3, rs.total.carried_over,
		    rs.total.received_new, rs.total.resolved_early + rs.total.resolved_on_time +
		    rs.total.resolved_late);
		report_summary_free(&rs);
	}
	sqlite3_trace_v2(db, 0, NULL, NULL);
	calendar_close(cal);
	db_close(db);
	remove(path);
	return 0;
}
