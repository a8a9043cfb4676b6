/* test_backup_job.c — the start's daily backup written a step at a time
 * (backup_daily_begin, backup_job_step): a database of several steps
 * takes several, a receipt recorded between two steps is in the copy,
 * the copy is checked and in the backups folder, none is begun again that
 * day, and a cancelled job leaves nothing behind. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/backup.h"
#include "motcua/db.h"
#include "motcua/unit.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-backup-job.XXXXXX";

/* Files in the backups folder (temporaries too). */
static int
files_in(const char *folder)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || strstr(e->d_name, ".tmp-") != NULL;
	closedir(d);
	return n;
}

int
main(void)
{
	struct mc_unit u = {.code = "000.17.22.H56", .name = "UBND xã Mỹ An", .station = 1};
	struct mc_time now = {0};
	struct backup_job *job;
	struct mc_backup b;
	struct mc_err err;
	sqlite3 *db, *copy;
	char p[256], folder[256];
	int steps = 0, rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(p, sizeof p, "%s/xdg", dir);
	setenv("XDG_DATA_HOME", p, 1);
	setenv("HOME", dir, 1);
	snprintf(folder, sizeof folder, "%s/xdg/motcua/backups", dir);
	snprintf(p, sizeof p, "%s/s.db", dir);
	if (db_open(p, DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    date_parse_time("2026-12-01 08:00", &now) != 0) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	/* some megabytes: several steps of BACKUP_STEP_PAGES pages */
	if (db_exec(db, "CREATE TABLE pad(x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION "
	    "ALL SELECT i + 1 FROM n WHERE i < 1200) INSERT INTO pad SELECT randomblob(3000) "
	    "FROM n", &err)) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}

	ok(backup_daily_begin(db, &now, &job, &err) == 1 && job != NULL,
	    "the first start of the day begins a backup");
	ok(files_in(folder) == 1, "its temporary is there, no backup yet");
	rc = backup_job_step(job, &b, &err);
	steps++;
	ok(rc == 1, "one step does not copy a database of several megabytes");
	/* a change between steps, by the program's own connection */
	ok(db_exec(db, "CREATE TABLE late_row(x); INSERT INTO late_row VALUES ('late')", &err)
	    == 0, "a change recorded between two steps");
	while (rc == 1) {
		rc = backup_job_step(job, &b, &err);
		steps++;
	}
	ok(rc == 0, "the job ends well (%s)", rc == 0 ? "ok" : err.msg);
	ok(steps > 2, "in several steps (%d)", steps);
	ok(files_in(folder) == 1 && strstr(b.path, folder) == b.path && b.ok,
	    "one checked backup in the backups folder, no temporary left");
	ok(sqlite3_open_v2(b.path, &copy, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    db_int(copy, "SELECT count(*) FROM late_row WHERE x = 'late'", -1) == 1 &&
	    db_int(copy, "SELECT count(*) FROM pad", -1) == 1200,
	    "the copy holds every row, and the change made between steps");
	sqlite3_close(copy);
	ok(backup_daily_begin(db, &now, &job, &err) == 0 && job == NULL,
	    "the same day: none begun again");

	now.jdn++;
	ok(backup_daily_begin(db, &now, &job, &err) == 1 && job != NULL, "the next day: one");
	ok(backup_job_step(job, NULL, &err) == 1, "a step");
	backup_job_cancel(job);
	ok(files_in(folder) == 1, "cancelled: its temporary removed, the first backup kept");

	db_close(db);
	snprintf(p, sizeof p, "rm -rf %s", dir);
	if (system(p) != 0)
		diag("cleanup failed");
	return tap_done();
}
