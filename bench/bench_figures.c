/* bench_figures.c — `bench/bench_figures DB read|write`: the core's part
 * of issue 15's table on a database made by bench/mkdb, each figure the
 * median of several runs, with its goal and the ratio.  Figures only:
 * `make bench` (bench/run.sh) runs it, no test judges it.
 *
 *   read   the look-ups (code, ID, phone, common names), the header's
 *          counts, the due board, a year's and a month's summary, F6's
 *          weekly chart for a year (report_weeks, as F6 reads it), the picker's
 *          index and its filter per key, and where the bytes of the file
 *          go (dbstat).  Writes nothing.
 *   write  a receipt's commit against a bare one-row WAL+FULL commit on
 *          the same disk: give it a copy, it adds receipts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/lifecycle.h"
#include "motcua/report.h"
#include "motcua/vntext.h"

#define SCREEN 20	/* rows of a screenful */

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* s in `cols` columns of the terminal (printf counts bytes, and a
 * Vietnamese letter is two or three of them). */
static void
padded(const char *s, int cols)
{
	int w = (int)vntext_width(s);

	printf("%s%*s", s, w < cols ? cols - w : 0, "");
}

/* One line of the table: the figure, its goal (a bound in ms, 0 for
 * "keep": no bound), the ratio to the goal. */
static void
line(const char *what, double ms, const char *note, double goal_ms, const char *goal)
{
	char v[32], r[48] = "";

	if (ms >= 1000)
		snprintf(v, sizeof v, "%.2f s", ms / 1e3);
	else
		snprintf(v, sizeof v, "%.3g ms", ms);
	if (goal_ms > 0)
		snprintf(r, sizeof r, "%.2f× the goal: %s", ms / goal_ms,
		    ms <= goal_ms ? "meets it" : "misses it");
	printf("  ");
	padded(what, 38);
	printf(" %10s  ", v);
	padded(note != NULL ? note : "", 14);
	printf(" goal ");
	padded(goal, 24);
	printf(" %s\n", r);
	fflush(stdout);
}

/* ---- what is timed ---------------------------------------------------- */

struct ctx {
	sqlite3 *db;
	struct mc_calendar *cal;
	const char *text;
	int as_of, from, to, limit, found;
	double first;		/* ms to the first screenful */
	double t0;
	struct catalog_index idx;
};

static int
on_found(const struct mc_found *f, void *arg)
{
	struct ctx *c = arg;

	(void)f;
	if (++c->found == SCREEN)
		c->first = now_ms() - c->t0;
	return c->limit > 0 && c->found >= c->limit;
}

static int
on_due(enum mc_due_group g, const struct mc_found *f, void *arg)
{
	(void)g;
	return on_found(f, arg);
}

static int
do_find(struct ctx *c)
{
	struct mc_err err;

	return lifecycle_find(c->db, c->text, on_found, c, &err);
}

/* The first screenful as F3 reads it: a page of SCREEN rows. */
static int
do_find_page(struct ctx *c)
{
	struct mc_page pg;
	struct mc_err err;

	memset(&pg, 0, sizeof pg);
	pg.limit = SCREEN;
	return lifecycle_find_page(c->db, c->text, &pg, on_found, c, &err);
}

static int
do_due(struct ctx *c)
{
	struct mc_err err;

	return lifecycle_due(c->db, c->cal, c->as_of, on_due, c, &err);
}

static int
do_counts(struct ctx *c)
{
	struct mc_err err;
	int today, overdue;

	return lifecycle_due_counts(c->db, c->cal, c->as_of, &today, &overdue, &err);
}

static int
do_summary(struct ctx *c)
{
	struct report_summary s;
	struct mc_err err;
	int rc;

	memset(&s, 0, sizeof s);
	rc = report_summary(c->db, c->from, c->to, &s, &err);
	report_summary_free(&s);
	return rc;
}

/* F6's receipts per week, as s-report.c reads them (report_weeks: one
 * read of the maintained counts) */
static int
do_weeks(struct ctx *c)
{
	struct report_week *w = NULL;
	struct mc_err err;
	size_t n = 0;
	int rc = report_weeks(c->db, c->from, c->to, &w, &n, &err);

	free(w);
	return rc;
}

static int
do_picker(struct ctx *c)
{
	struct mc_err err;
	struct catalog_index idx;
	int rc = catalog_index_load(c->db, &idx, &err);

	if (rc == 0)
		catalog_index_free(&idx);
	return rc;
}

static int
do_filter(struct ctx *c)
{
	static size_t hits[8192];
	char q[64];
	size_t n = strlen(c->text);

	/* every prefix of the text, as it is typed */
	for (size_t k = 1; k <= n; k++) {
		snprintf(q, sizeof q, "%.*s", (int)k, c->text);
		(void)catalog_index_filter(&c->idx, q, hits, c->idx.n < 8192 ? c->idx.n : 8192);
	}
	return 0;
}

/* The median of runs (fewer when one run is slow). */
static double
timed(struct ctx *c, int (*fn)(struct ctx *), double *first)
{
	double v[7], f[7];
	int n = 0, runs = 7;

	while (n < runs) {
		c->found = 0;
		c->first = -1;
		c->t0 = now_ms();
		if (fn(c) != 0)
			fprintf(stderr, "bench_figures: %s: failed\n", c->text ? c->text : "");
		v[n] = now_ms() - c->t0;
		f[n] = c->first >= 0 ? c->first : v[n];
		if (v[n] > 5000)
			runs = n + 2 < runs ? n + 2 : runs;
		else if (v[n] > 500)
			runs = 3;
		n++;
	}
	if (first != NULL)
		*first = median(f, n);
	return median(v, n);
}

static char *
pick(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		s = db_column_dup(st, 0);
	sqlite3_finalize(st);
	return s != NULL ? s : strdup("0");
}

static void
find_line(struct ctx *c, const char *what, const char *text, double goal,
    const char *goal_s)
{
	double first, all;
	char note[48];

	c->text = text;
	c->limit = 0;
	first = timed(c, do_find_page, NULL);
	all = timed(c, do_find, NULL);
	snprintf(note, sizeof note, "%d found", c->found);
	if (c->found > SCREEN) {
		line(what, first, "first 20", goal, goal_s);
		printf("  ");
		padded("  … and every match", 38);
		printf(" %7.3g ms  %s\n", all, note);
	} else
		line(what, all, note, goal, goal_s);
}

static int
read_figures(struct ctx *c)
{
	char *code = pick(c->db, "SELECT code FROM dossier ORDER BY received DESC "
	    "LIMIT 1 OFFSET 1000");
	char *id = pick(c->db, "SELECT applicant_id FROM dossier ORDER BY received "
	    "LIMIT 1 OFFSET 100");
	char *phone = pick(c->db, "SELECT phone FROM dossier WHERE phone IS NOT NULL "
	    "ORDER BY received LIMIT 1 OFFSET 200");
	double ms, first;
	int y, m, d;
	char note[48];

	find_line(c, "find by code", code, 0.07, "keep (≤ 0.07 ms)");
	find_line(c, "find by ID number", id, 0.07, "keep (≤ 0.07 ms)");
	find_line(c, "find by phone", phone, 0.07, "keep (≤ 0.07 ms)");
	find_line(c, "find by name \"Nguyễn Văn\"", "Nguyễn Văn", 5, "≤ 5 ms first screen");
	find_line(c, "find by name \"Thị\"", "Thị", 5, "≤ 5 ms first screen");
	find_line(c, "find by name \"Trần Thị Lan\"", "Trần Thị Lan", 5,
	    "≤ 5 ms first screen");
	free(code);
	free(id);
	free(phone);

	ms = timed(c, do_counts, NULL);
	line("header counts (due today, overdue)", ms, NULL, 2, "≤ 2 ms");
	c->limit = 0;
	ms = timed(c, do_due, &first);
	snprintf(note, sizeof note, "%d rows", c->found);
	line("due board, first screenful", first, note, 50, "≤ 50 ms");
	line("due board, every row", ms, NULL, 0, "");

	date_ymd(c->as_of, &y, &m, &d);
	c->from = date_jdn(y - 1, 1, 1);
	c->to = date_jdn(y - 1, 12, 31);
	ms = timed(c, do_summary, NULL);
	snprintf(note, sizeof note, "%d", y - 1);
	line("a year's summary (Biểu 06)", ms, note, 300, "≤ 300 ms");
	c->from = date_jdn(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 1);
	c->to = date_jdn(y, m, 1) - 1;
	ms = timed(c, do_summary, NULL);
	line("a month's summary", ms, "last month", 50, "≤ 50 ms");
	c->from = date_jdn(y - 1, 1, 1);
	c->to = date_jdn(y - 1, 12, 31);
	ms = timed(c, do_weeks, NULL);
	line("F6 weekly chart for a year", ms, "report_weeks", 300, "≤ 300 ms");

	ms = timed(c, do_picker, NULL);
	snprintf(note, sizeof note, "%lld procs", db_int(c->db,
	    "SELECT count(*) FROM procedure", 0));
	line("picker's index (opening F2)", ms, note, 20, "≤ 20 ms");
	if (catalog_index_load(c->db, &c->idx, &(struct mc_err){0}) == 0) {
		c->text = "khai sinh";
		ms = timed(c, do_filter, NULL) / (double)strlen(c->text);
		line("picker filter, per key", ms, "\"khai sinh\"", 0.07, "keep (≤ 0.07 ms)");
		catalog_index_free(&c->idx);
	}
	return 0;
}

/* ---- where the bytes go ----------------------------------------------- */

static void
sizes(sqlite3 *db)
{
	sqlite3_stmt *st;
	long long n = db_int(db, "SELECT count(*) FROM dossier", 0), total;

	total = db_int(db, "SELECT page_count * page_size FROM pragma_page_count, "
	    "pragma_page_size", 0);
	printf("  %-38s %10.2f KB  (%.1f MB in all)\n", "database size per dossier",
	    n > 0 ? (double)total / (double)n / 1024 : 0, (double)total / 1048576);
	/* the tables and indexes of 0.1 % of the file or more */
	if (sqlite3_prepare_v2(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
	    "HAVING sum(pgsize) * 1000 >= ?1 ORDER BY 2 DESC", -1, &st, NULL) != SQLITE_OK) {
		printf("    (no dbstat in this SQLite: %s)\n", sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_int64(st, 1, total);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long b = sqlite3_column_int64(st, 1);

		printf("    %-34s %10.1f MB  %6.0f B per dossier  %4.1f %%\n",
		    sqlite3_column_text(st, 0), (double)b / 1048576,
		    n > 0 ? (double)b / (double)n : 0, total > 0 ? 100.0 * (double)b /
		    (double)total : 0);
	}
	sqlite3_finalize(st);
}

/* ---- writing: a receipt against a bare commit ------------------------- */

#define WRITES 21	/* receipts, and commits of each other kind */

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The bytes of path's write-ahead log (0 when there is none). */
static long long
wal_bytes(const char *path)
{
	char wal[4096];
	struct stat sb;

	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &sb) == 0 ? (long long)sb.st_size : 0;
}

static int
receipt(struct ctx *c, int i, struct mc_err *err)
{
	struct mc_receipt r;
	struct mc_receipt_out out;
	char idno[24];

	memset(&r, 0, sizeof r);
	snprintf(idno, sizeof idno, "0870851%05d", i);
	r.procedure = "1.004873";
	r.applicant = (struct mc_applicant){ "Nguyễn Thị Đo Thử", idno, NULL,
	    "0912345678", "Ấp 1, xã Mỹ An", NULL, MC_DELIVER_COUNTER };
	r.docs = "all";
	r.officer = "bench";
	date_now(&r.at);
	return dossier_receive(c->db, c->cal, &r, &out, err);
}

/* One commit on b: a row into t (the bare commit), or with pages > 0 a row
 * into each of tables p0..p(pages-1) besides, each on a page of its own:
 * a commit that writes as many pages as a receipt and does nothing else. */
static int
commit_rows(sqlite3 *b, sqlite3_stmt **ins, int pages)
{
	if (sqlite3_step(ins[0]) != SQLITE_DONE || sqlite3_reset(ins[0]) != SQLITE_OK)
		return -1;
	for (int i = 1; i <= pages; i++)
		if (sqlite3_step(ins[i]) != SQLITE_DONE || sqlite3_reset(ins[i]) != SQLITE_OK)
			return -1;
	return 0;
}

/* The receipts, the bare commits and the commits of a receipt's pages
 * take turns, so that each kind meets the same load on the shared disk;
 * the pages a receipt writes are the frames its commit adds to the log
 * (a checkpoint in between resets the log: that receipt is not counted). */
static int
write_figures(struct ctx *c, const char *path)
{
	double v[WRITES], cpu[WRITES], bare[WRITES], same[WRITES], frames[WRITES];
	char other[4096], sql[128];
	sqlite3 *b = NULL;
	sqlite3_stmt *ins[128] = { NULL };
	struct mc_err err;
	long long w0, prepared;
	int nf = 0, pages, rc = -1;

	/* a receipt first, as the counter's first of the day: its statements
	 * prepared, and the pages it writes counted */
	w0 = wal_bytes(path);
	if (receipt(c, WRITES, &err) != 0) {
		fprintf(stderr, "bench_figures: a receipt: %s\n", err.msg);
		return -1;
	}
	pages = (int)((wal_bytes(path) - w0) / (4096 + 24)) - 1;
	if (pages < 0 || pages > 120)
		pages = 0;	/* the log was checkpointed: no count */
	snprintf(other, sizeof other, "%s-commit.db", path);
	remove(other);
	if (sqlite3_open(other, &b) != SQLITE_OK ||
	    sqlite3_exec(b, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
	    "CREATE TABLE t(x INTEGER PRIMARY KEY, y TEXT)", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	for (int i = 0; i <= pages; i++) {
		if (i > 0) {
			snprintf(sql, sizeof sql, "CREATE TABLE p%d(x INTEGER PRIMARY KEY, y TEXT)", i);
			if (sqlite3_exec(b, sql, NULL, NULL, NULL) != SQLITE_OK)
				goto fail;
		}
		if (i == 0)
			snprintf(sql, sizeof sql, "INSERT INTO t(y) VALUES ('a row of a receipt''s "
			    "size, more or less')");
		else
			snprintf(sql, sizeof sql, "INSERT INTO p%d(y) VALUES ('a row')", i);
		if (sqlite3_prepare_v2(b, sql, -1, &ins[i], NULL) != SQLITE_OK)
			goto fail;
	}
	prepared = db_cache_prepares(c->db);
	for (int i = 0; i < WRITES; i++) {
		double t, tc;

		w0 = wal_bytes(path);
		t = now_ms();
		tc = cpu_ms();
		if (receipt(c, i, &err) != 0) {
			fprintf(stderr, "bench_figures: a receipt: %s\n", err.msg);
			goto done;
		}
		v[i] = now_ms() - t;
		cpu[i] = cpu_ms() - tc;
		if (wal_bytes(path) > w0)
			frames[nf++] = (double)(wal_bytes(path) - w0) / (4096 + 24);
		/* the bare commit, as before: BEGIN, one row, COMMIT */
		t = now_ms();
		if (sqlite3_exec(b, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
		    commit_rows(b, ins, 0) != 0 ||
		    sqlite3_exec(b, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		bare[i] = now_ms() - t;
		t = now_ms();
		if (sqlite3_exec(b, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
		    commit_rows(b, ins, pages) != 0 ||
		    sqlite3_exec(b, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		same[i] = now_ms() - t;
	}
	{
		double rm = median(v, WRITES), bm = median(bare, WRITES);
		double sm = median(same, WRITES), cm = median(cpu, WRITES);
		char goal[48];

		snprintf(goal, sizeof goal, "≤ 2× the bare (%.3g ms)", 2 * bm);
		line("a receipt's commit", rm, NULL, 2 * bm, goal);
		printf("  %-38s %7.3g ms  (the receipt: %.2f× it)\n",
		    "a bare one-row WAL+FULL commit", bm, rm / bm);
		/* what no receipt can go under: its pages on the same disk, and
		 * its own work on the processor */
		printf("    %-36s %7.3g ms  (%.2f× the bare; %.0f pages: the rows "
		    "and their indexes)\n", "a commit of a receipt's pages", sm, sm / bm,
		    nf > 0 ? median(frames, nf) : (double)pages + 1);
		printf("    %-36s %7.3g ms  (its processor time)\n", "a receipt's own work",
		    cm);
		printf("    %-36s %7.2f     (after the first)\n",
		    "statements prepared per receipt", (double)(db_cache_prepares(c->db) -
		    prepared) / WRITES);
	}
	rc = 0;
	goto done;
fail:
	fprintf(stderr, "bench_figures: %s: %s\n", other, b != NULL ? sqlite3_errmsg(b) :
	    "cannot open");
done:
	for (int i = 0; i <= pages; i++)
		sqlite3_finalize(ins[i]);
	sqlite3_close(b);
	remove(other);
	return rc;
}

int
main(int argc, char **argv)
{
	struct ctx c;
	struct mc_err err;
	struct mc_time now;
	int rc;

	if (argc != 3 || (strcmp(argv[2], "read") != 0 && strcmp(argv[2], "write") != 0)) {
		fprintf(stderr, "usage: bench_figures DB read|write\n");
		return 2;
	}
	memset(&c, 0, sizeof c);
	if (db_open(argv[1], 0, &c.db, &err) != 0 || calendar_open(c.db, &c.cal, &err) != 0) {
		fprintf(stderr, "bench_figures: %s: %s\n", argv[1], err.msg);
		return 1;
	}
	date_now(&now);
	c.as_of = now.jdn;
	if (strcmp(argv[2], "read") == 0) {
		rc = read_figures(&c);
		sizes(c.db);
	} else
		rc = write_figures(&c, argv[1]);
	calendar_close(c.cal);
	db_close(c.db);
	return rc == 0 ? 0 : 1;
}
