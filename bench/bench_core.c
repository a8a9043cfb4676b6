/* bench_core.c — figures for the core: how long a receipt, a due date, a
 * fold and an open take, and how much memory.  Prints, never judges: this
 * is `make bench`, not a test.  Lan (an officer) receives, today; Trưởng
 * (a supervisor) imports the catalog and rebuilds, as the roles say. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/telex.h"
#include "motcua/unit.h"
#include "motcua/vntext.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
report(const char *what, int n, double secs)
{
	printf("%-44s %8d  %10.2f us each  %10.0f /s\n", what, n, secs / n * 1e6, n / secs);
}

static sqlite3 *
setup(const char *path)
{
	struct mc_unit u = {.code = "000.17.22.H56", .station = 1};
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	remove(path);
	if (db_open(path, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) ||
	    catalog_import_json(db, "truong", catalog_sample_json, &cs, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	return db;
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char path[512];
	struct mc_err err;
	struct mc_calendar *cal;
	struct rusage ru;
	sqlite3 *db;
	double t;
	int n;

	snprintf(path, sizeof path, "%s/bench.db", dir);
	db = setup(path);
	if (calendar_open(db, &cal, &err))
		return 1;

	/* receipts with synchronous=FULL: each one waits for the disk */
	{
		struct mc_receipt r;
		struct mc_receipt_out out;

		memset(&r, 0, sizeof r);
		r.procedure = "1.001022";
		r.applicant.name = "Nguyễn Văn An";
		r.applicant.id = "087084000999";
		r.applicant.address = "Ấp 3, xã Mỹ An";
		r.officer = "lan";
		date_now(&r.at);
		t = now_s();
		for (int i = 0; i < 100; i++)
			if (dossier_receive(db, cal, &r, &out, &err)) {
				fprintf(stderr, "bench: %s\n", err.msg);
				return 1;
			}
		report("receipt committed (synchronous=FULL)", 100, now_s() - t);
	}

	/* fill to 10,000 dossiers for the read figures */
	t = now_s();
	if (demo_fill(db, "lan", 9900, 365, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	report("receipt, no disk wait (demo fill)", 9900, now_s() - t);

	{
		long long total, differ;

		t = now_s();
		if (dossier_rebuild(db, "truong", &total, &differ, &err)) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		report("rebuild the projection of 10,000 dossiers", 1, now_s() - t);
	}

	t = now_s();
	n = 200;
	for (int i = 0; i < n; i++)
		db_int(db, "SELECT count(*) FROM dossier WHERE name_fold >= 'nguyen van' "
		    "AND name_fold < 'nguyen vao'", 0);
	report("name prefix lookup in 10,000 dossiers", n, now_s() - t);

	{
		struct mc_time from = {date_jdn(2026, 2, 13), 600}, due;
		struct mc_limit lim = {MC_LIMIT_DAYS, 15};
		n = 100000;
		t = now_s();
		for (int i = 0; i < n; i++) {
			from.jdn = date_jdn(2020, 1, 1) + i % 3000;
			calendar_due(cal, &from, &lim, &due, &err);
		}
		report("due date, 15 working days", n, now_s() - t);
	}
	{
		n = 100000;
		t = now_s();
		for (int i = 0; i < n; i++)
			free(vntext_fold("Nguyễn Thị Thùy Dương", &err));
		report("fold a name", n, now_s() - t);
	}
	{
		/* names that share a long prefix: the worst case for a compare */
		static const char *const names[] = {
			"Nguyễn Thị Thùy Dương", "Nguyễn Thị Thuỳ Dương", "Nguyễn Thị Thu Hà",
			"Nguyễn Văn An", "Trần Thị Ánh", "Đặng Văn Đức", "Ưng Hoàng Phúc",
			"Nguyễn Thị Thúy Dương",
		};
		int nn = (int)(sizeof names / sizeof names[0]), sum = 0;
		size_t keylen = 0;

		n = 1000000;
		t = now_s();
		for (int i = 0; i < n; i++)
			sum += vntext_collate(names[i % nn], names[(i + 1) % nn]);
		report("collate a pair of names (vntext_collate)", n, now_s() - t);
		n = 200000;
		t = now_s();
		for (int i = 0; i < n; i++) {
			char *k = vntext_sortkey(names[i % nn], &err);
			if (k != NULL)
				keylen += strlen(k);
			free(k);
		}
		report("sort key of a name (vntext_sortkey)", n, now_s() - t);
		printf("%-44s %8.1f bytes (name %zu bytes)\n", "  mean sort key length",
		    (double)keylen / n, strlen(names[0]));
		if (sum == 12345678)
			puts("");	/* keep the compiler from dropping the loop */
	}
	{
		/* the Telex engine, key by key, as the text field feeds it */
		static const char text[] =
		    "Coong hoaf xax hooij chur nghiax Vieetj Nam DDooc laapj Tuwj do "
		    "Hanhj phucs. DDown ddeef nghij ddawng kys khai sinh cho chaus "
		    "Nguyeenx Thij Thuyf Duwowng, sinh ngayf muwowif hai thangs baay "
		    "nawm hai nghinf khoong trawm hai muwowi sasu taij xax Myx An. ";
		struct telex tx;
		long keys = 0, words = 0;

		telex_init(&tx, TELEX_TELEX, false);
		n = 20000;
		t = now_s();
		for (int i = 0; i < n; i++)
			for (const char *p = text; *p != '\0'; p++, keys++)
				if (!telex_key(&tx, *p)) {
					words += telex_word(&tx)[0] != '\0';
					telex_reset(&tx);
				}
		report("Telex engine, one key (telex_key)", (int)keys, now_s() - t);
		if (words == 0)
			puts("");
	}
	calendar_close(cal);
	db_close(db);

	n = 200;
	t = now_s();
	for (int i = 0; i < n; i++) {
		if (db_open(path, 0, &db, &err))
			return 1;
		db_close(db);
	}
	report("open the database (10,000 dossiers)", n, now_s() - t);

	/* the reception screen at scale: 100,000 dossiers, 2,000 procedures */
	if (db_open(path, 0, &db, &err))
		return 1;
	t = now_s();
	if (demo_fill(db, "lan", 90000, 365, &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	report("receipt, no disk wait (to 100,000 dossiers)", 90000, now_s() - t);
	/* 2,000 procedures: copies of the sample with new codes */
	if (db_exec(db, "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
	    "WHERE i < 70) INSERT INTO procedure SELECT code || '-' || i, position + 100 * i, "
	    "name || ' ' || i, field, level, time_limit, fee, fee_note, result, legal_basis, "
	    "effective, abolished, version, name_fold, field_fold FROM procedure, k",
	    &err)) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	{
		struct catalog_index idx;
		static size_t hits[4096];
		/* what the officer types, one key at a time */
		static const char *const typed[] = {"d", "da", "dan", "dang", "dang ",
		    "dang k", "dang ky", "dang ky k", "dang ky kh", "dang ky khai", "dkks",
		    "1.00", "chung thuc", "ho kinh doanh"};
		size_t nt = sizeof typed / sizeof typed[0], got = 0;

		t = now_s();
		if (catalog_index_load(db, &idx, &err)) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		report("load the picker (2,000+ procedures, 100k dossiers)", 1, now_s() - t);
		n = 2000;
		t = now_s();
		for (int i = 0; i < n; i++)
			got += catalog_index_filter(&idx, typed[(size_t)i % nt], hits, 4096);
		report("filter the picker, one key", n, now_s() - t);
		printf("%-44s %8zu\n", "  (procedures in the picker)", idx.n);
		catalog_index_free(&idx);
		(void)got;
	}
	{
		struct mc_applicant a;
		n = 2000;
		t = now_s();
		for (int i = 0; i < n; i++)
			if (dossier_last_applicant(db, "087084000999", &a, &err) == 0)
				dossier_applicant_free(&a);
		report("returning citizen by ID (100k dossiers)", n, now_s() - t);
	}
	{
		n = 200;
		t = now_s();
		for (int i = 0; i < n; i++)
			db_int(db, "SELECT count(*) FROM dossier WHERE status = 'received' AND "
			    "due < '2026-11-22'", 0);
		report("header count of overdue (100k dossiers)", n, now_s() - t);
	}
	db_close(db);

	getrusage(RUSAGE_SELF, &ru);
	printf("%-44s %8ld KiB\n", "peak memory (max RSS)", ru.ru_maxrss);
	remove(path);
	return 0;
}
