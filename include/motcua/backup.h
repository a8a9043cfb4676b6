/* backup.h — copies of the open database that nobody has to think of.
 *
 * A backup is written online with SQLite's backup API, a few hundred
 * pages a step, so a big database is never locked for long and the copy
 * is consistent even while the program records (never a file copy of a
 * live database: its -wal would be missing).  It goes to a temporary name
 * in the target folder, is flushed to the disk, checked (PRAGMA
 * integrity_check, and that it opens as a motcua database of the same
 * schema version), then renamed into place and the folder flushed: the
 * name is either absent or a whole checked copy, and a full disk, a folder
 * that cannot be written or a failed check leave no partial file.  Files
 * are 0600, the folders motcua makes 0700.
 *
 * Names carry the unit, the station and the time of the program's clock
 * (date_now, so MOTCUA_NOW moves it):
 *	motcua-<unit code>-<station>-YYYYMMDD-HHMM.db
 * with "-2" … "-9" before ".db" when that minute has one already.
 *
 * The backups folder is the data folder's, by the rule of db_default_path
 * and db_backup_latest: $XDG_DATA_HOME/motcua/backups, else
 * $HOME/.local/share/motcua/backups, whatever --db names (the names tell
 * the databases apart; a test sets HOME and XDG_DATA_HOME).  The daily
 * backups (backup_daily) and `motcua backup` without --out go there, and
 * there only motcua's rotation deletes: it keeps the newest of each of the
 * last backup_daily days (7), backup_weekly weeks (4, Monday to Sunday)
 * and backup_monthly months (12) that have one, and the newest backup of
 * all whatever the settings; it looks only at files of this station's
 * own name pattern.  The demo's database is never backed up. */
#ifndef MOTCUA_BACKUP_H
#define MOTCUA_BACKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"

/* Pages copied a step: a step holds the database's read lock briefly. */
#define BACKUP_STEP_PAGES 256

struct mc_backup {
	char path[4096];
	char name[256];		/* the file's name, without its folder */
	struct mc_time at;	/* the time its name carries */
	long long size;		/* bytes */
	bool ok;		/* backup_list: passes integrity_check now */
};

/* The backups folder (not created).  0, or -1 when there is no home. */
int backup_dir(char *buf, size_t n, struct mc_err *err);

/* Write a backup of db at `now`.  `target`: NULL for the backups folder
 * (made 0700 if missing, then rotated), an existing folder (a USB stick's
 * mount point: the file gets the name above), or a new file's path (its
 * folder must exist; an existing file is refused, never replaced).  *out
 * (may be NULL) gets the file written.  0, or -1 with err saying what to
 * do; nothing is left behind on failure. */
int backup_write(sqlite3 *db, const char *target, const struct mc_time *now,
    struct mc_backup *out, struct mc_err *err);

/* The full-screen program's own backups: at its start (`at_quit` false)
 * one is written when none in the backups folder is dated today; at its
 * end (true) when an event has been recorded or imported since the newest
 * one (it holds fewer events than db).  1 written (*out), 0 none needed
 * (or db is the demo's or is not set up yet), -1 with err. */
int backup_daily(sqlite3 *db, bool at_quit, const struct mc_time *now,
    struct mc_backup *out, struct mc_err *err);

/* The start's daily backup written a step at a time, between the
 * officer's keys, so that a big database never holds up the screen:
 * backup_daily_begin decides as backup_daily(db, false, …) does and
 * starts the copy (1 with *job; 0 none due; -1 with err).  Each
 * backup_job_step copies BACKUP_STEP_PAGES pages: 1 more to do; 0 done
 * — checked, in place, the folder rotated, *out (may be NULL) says which,
 * the job freed; -1 failed with err, nothing left, the job freed.
 * backup_job_cancel stops one before its end (its temporary removed).
 * db must stay open while a job runs. */
struct backup_job;
int backup_daily_begin(sqlite3 *db, const struct mc_time *now, struct backup_job **job,
    struct mc_err *err);
int backup_job_step(struct backup_job *job, struct mc_backup *out, struct mc_err *err);
void backup_job_cancel(struct backup_job *job);

/* The copy db_open makes of an older database before it migrates it:
 * written and checked as backup_write does into the backups folder, as
 *	motcua-<unit code>-<station>-YYYYMMDD-HHMM-schemaNNN.db
 * (NNN the version `from` it is at), a name the rotation never deletes
 * and `backup --list` does not show: it is kept until someone removes
 * it.  db is the database not yet migrated, `now` the time its name
 * carries.  1 written (*out, may be NULL), 0 none needed (a database
 * with no station yet: nothing of a unit's to keep), -1 with err (and
 * the caller does not migrate: the file stays as it was). */
int backup_before_migrate(sqlite3 *db, int from, const struct mc_time *now,
    struct mc_backup *out, struct mc_err *err);

/* Delete the backups of this station in the backups folder that the
 * settings no longer keep (above).  The number deleted, or -1. */
int backup_rotate(sqlite3 *db, struct mc_err *err);

/* This station's backups in the backups folder, newest first, each to
 * fn (a nonzero return stops); `check`: open each and run integrity_check
 * (b->ok), else b->ok is false.  The number listed, or -1. */
int backup_list(sqlite3 *db, bool check, int (*fn)(const struct mc_backup *b, void *arg),
    void *arg, struct mc_err *err);

/* Minutes from the newest backup of this station in the backups folder
 * to `now` (negative when the clock is before it): 1 with *minutes, 0 when
 * there is none, -1 on error.  One read of the folder: the screen calls
 * it at the start and after each backup, not every frame. */
int backup_age(sqlite3 *db, const struct mc_time *now, long long *minutes,
    struct mc_err *err);

/* The setting backup_warn_days (0 … 365, default 2; 0: no warning): the
 * header warns when the newest backup is older than that many days. */
int backup_warn_days(sqlite3 *db);

#endif
