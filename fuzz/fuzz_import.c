/* fuzz_import.c — libFuzzer target: sync_import of arbitrary bytes.
 *
 * Build:  ./configure --enable-fuzzing CC=clang && make fuzz/fuzz_import
 * Run:    ./fuzz/fuzz_import -max_total_time=300 fuzz/corpus
 *         (or: make fuzz)
 *
 * Once per process: a private temporary directory, a template database
 * (unit, officer, the sample catalog, a few dossiers, so that known events
 * and a held catalog version exist), a working database and the input
 * file.  Every run copies the template over the working database with the
 * SQLite backup API, so each input meets the same state; writes the input
 * bytes to the file; and imports it.  A refusal is the expected answer to
 * nearly every input; a crash, a leak or a sanitizer report is a bug. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/sync.h"
#include "motcua/unit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/motcua-fuzz.XXXXXX";
static char tmpl_path[64], work_path[64], input_path[64];
static sqlite3 *tmpl, *work;
static int input_fd = -1;

/* The harness itself failed: no input can be judged, stop loudly. */
static void
die(const char *what, const struct mc_err *err)
{
	fprintf(stderr, "fuzz_import: %s: %s\n", what, err != NULL ? err->msg : "");
	abort();
}

static void
unlink_db(const char *path)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	char p[96];

	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		(void)unlink(p);
	}
}

static void
cleanup(void)
{
	if (input_fd >= 0)
		close(input_fd);
	db_close(work);
	db_close(tmpl);
	unlink_db(input_path);
	unlink_db(work_path);
	unlink_db(tmpl_path);
	(void)rmdir(dir);
}

static void
setup(void)
{
	struct mc_unit u = {
		.code = "000.17.22.H56",
		.name = "UBND xã Thử Nghiệm",
		.address = "Ấp 1",
		.station = 1,
	};
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	if (mkdtemp(dir) == NULL)
		die("mkdtemp", NULL);
	snprintf(tmpl_path, sizeof tmpl_path, "%s/template.db", dir);
	snprintf(work_path, sizeof work_path, "%s/work.db", dir);
	snprintf(input_path, sizeof input_path, "%s/input-XXXXXX.motcua", dir);
	if ((input_fd = mkstemps(input_path, 7)) < 0)
		die("mkstemps", NULL);
	atexit(cleanup);

	if (db_open(tmpl_path, DB_CREATE, &db, &err) < 0)
		die("template", &err);
	if (unit_init(db, &u, &err) < 0 ||
	    unit_officer_add(db, "fuzz", "Người Thử", MC_ROLE_SUPERVISOR, &err) < 0 ||
	    catalog_import_json(db, catalog_sample_json, &cs, &err) < 0 ||
	    demo_fill(db, "fuzz", 5, 10, &err) < 0)
		die("template", &err);
	/* Checkpoint so the template is one plain file for the backups. */
	if (sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
		die("checkpoint", NULL);
	tmpl = db;

	if (db_open(work_path, DB_CREATE, &work, &err) < 0)
		die("work", &err);
	/* Nothing here needs to survive a power cut: skip the fsyncs. */
	if (sqlite3_exec(work, "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
		die("pragma", NULL);
}

/* The working database back to the template, page for page. */
static void
restore(void)
{
	sqlite3_backup *b = sqlite3_backup_init(work, "main", tmpl, "main");

	if (b == NULL)
		die("backup", NULL);
	if (sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		fprintf(stderr, "fuzz_import: backup: %s\n", sqlite3_errmsg(work));
		abort();
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		die("backup finish", NULL);
}

/* The input bytes become the whole content of the input file. */
static void
write_input(const uint8_t *data, size_t size)
{
	size_t done = 0;

	if (ftruncate(input_fd, 0) != 0)
		die("ftruncate", NULL);
	while (done < size) {
		ssize_t w = pwrite(input_fd, data + done, size - done, (off_t)done);

		if (w <= 0)
			die("pwrite", NULL);
		done += (size_t)w;
	}
	/* A bundle is opened read-only; yet leave no side file from the
	 * previous input (a "hot journal" would change what SQLite sees). */
	{
		char p[96];

		snprintf(p, sizeof p, "%s-wal", input_path);
		(void)unlink(p);
		snprintf(p, sizeof p, "%s-shm", input_path);
		(void)unlink(p);
		snprintf(p, sizeof p, "%s-journal", input_path);
		(void)unlink(p);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct sync_report report;
	struct mc_err err;

	if (!ready) {
		setup();
		ready = 1;
	}
	restore();
	write_input(data, size);
	memset(&report, 0, sizeof report);
	(void)sync_import(work, input_path, false, &report, NULL, NULL, &err);
	return 0;
}
