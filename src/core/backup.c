/* backup.c — writing one backup (backup.h): the online copy by SQLite's
 * backup API into a temporary beside the target, its check, the rename
 * into place and the flushes.  Folders, names, the daily rule, rotation
 * and the list are backup-keep.c's. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup-int.h"
#include "motcua/backup.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/privfile.h"

/* What to do when writing in `dir` failed with errno e. */
static int
dir_error(const char *dir, int e, struct mc_err *err)
{
	if (e == ENOSPC || e == EDQUOT)
		return err_set(err, MC_EIO, _("the disk of %s is full: free some room or "
		    "choose another folder (a USB stick with room); nothing was written"),
		    dir);
	if (e == EACCES || e == EPERM || e == EROFS)
		return err_set(err, MC_EIO, _("cannot write in %s (%s): choose a folder you "
		    "may write in (a USB stick that is not write-protected); nothing was "
		    "written"), dir, strerror(e));
	if (e == ENOENT || e == ENOTDIR)
		return err_set(err, MC_EIO, _("there is no folder %s: check the path (is the "
		    "USB stick plugged in?); nothing was written"), dir);
	return err_set(err, MC_EIO, _("cannot write in %s (%s): choose another folder; "
	    "nothing was written"), dir, strerror(e));
}

/* The same for SQLite's result code rc while writing the copy. */
static int
copy_error(const char *dir, int rc, struct mc_err *err)
{
	switch (rc & 0xff) {	/* the primary code of an extended one */
	case SQLITE_FULL:
		return dir_error(dir, ENOSPC, err);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return dir_error(dir, EACCES, err);
	case SQLITE_IOERR:
		/* a short write: a full disk or a file size limit, or a failing
		 * medium */
		return err_set(err, MC_EIO, _("writing the backup in %s failed (%s): the disk "
		    "may be full or failing; free some room or choose another folder (a USB "
		    "stick with room); nothing was written"), dir, sqlite3_errstr(rc));
	case SQLITE_NOMEM:
		return err_set(err, MC_ENOMEM, _("out of memory"));
	default:
		return err_set(err, MC_EIO, _("the backup into %s failed (%s): try again; if "
		    "it fails again, run 'motcua check'"), dir, sqlite3_errstr(rc));
	}
}

/* Remove the temporary and what SQLite may have left beside it. */
static void
remove_tmp(const char *tmp)
{
	char side[4096 + 96];

	(void)unlink(tmp);
	snprintf(side, sizeof side, "%s-journal", tmp);
	(void)unlink(side);
}

/* Is the file at `path` a sound motcua database of schema `version`?  0,
 * or -1 with err (the copy is not to be kept). */
static int
verify(sqlite3 *to, const char *dir, int version, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc, rows = 0;
	bool ok = false;

	if (sqlite3_prepare_v2(to, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return copy_error(dir, sqlite3_errcode(to), err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		ok = rows++ == 0 && t != NULL && strcmp((const char *)t, "ok") == 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return copy_error(dir, rc, err);
	if (!ok)
		return err_set(err, MC_ESTORE, _("the copy written in %s failed its check "
		    "(integrity_check) and was removed: run 'motcua check' on the database "
		    "and try again"), dir);
	if (db_int(to, "PRAGMA application_id", -1) != MC_APPLICATION_ID ||
	    db_int(to, "PRAGMA user_version", -1) != version)
		return err_set(err, MC_ESTORE, _("the copy written in %s does not open as a "
		    "motcua database of schema %d and was removed: try again"), dir, version);
	return 0;
}

/* A backup being written: the copy's connection and SQLite's backup
 * handle, and where the copy goes (backup.h's job). */
struct backup_job {
	sqlite3 *db, *to;
	sqlite3_backup *bk;
	char dir[4096], name[256], path[4096], tmp[4096 + 64];
	struct mc_time at;	/* the time the name carries (daily jobs) */
	bool rotate;		/* into the backups folder: rotate after */
};

/* Close the copy and remove its temporary; the job is freed. */
static void
job_free(struct backup_job *j)
{
	if (j->bk != NULL)
		(void)sqlite3_backup_finish(j->bk);
	sqlite3_close(j->to);
	remove_tmp(j->tmp);
	free(j);
}

/* The job's error: rc from SQLite in dir, the job freed; -1. */
static int
job_fail(struct backup_job *j, int rc, struct mc_err *err)
{
	copy_error(j->dir, rc, err);
	job_free(j);
	return -1;
}

int
backup_job_open(sqlite3 *db, const char *dir, const char *name, const struct mc_time *at,
    bool rotate, struct backup_job **jobp, struct mc_err *err)
{
	struct backup_job *j;
	struct stat sb;
	int rc;

	*jobp = NULL;
	if ((j = calloc(1, sizeof *j)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	j->db = db;
	j->rotate = rotate;
	if (at != NULL)
		j->at = *at;
	if ((size_t)snprintf(j->dir, sizeof j->dir, "%s", dir) >= sizeof j->dir ||
	    (size_t)snprintf(j->name, sizeof j->name, "%s", name) >= sizeof j->name ||
	    (size_t)snprintf(j->path, sizeof j->path, "%s/%s", dir, name) >= sizeof j->path ||
	    (size_t)snprintf(j->tmp, sizeof j->tmp, "%s/.%s.tmp-%ld", dir, name,
	    (long)getpid()) >= sizeof j->tmp) {
		free(j);
		return err_set(err, MC_EINVAL, _("the path %s is too long"), dir);
	}
	if (lstat(j->path, &sb) == 0) {
		err_set(err, MC_ECONFLICT, _("%s already exists: give another name; it was "
		    "not changed"), j->path);
		free(j);
		return -1;
	}
	/* a temporary from an interrupted backup of this process id */
	remove_tmp(j->tmp);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		int e = stat(dir, &sb) != 0 ? errno : ENOTDIR;

		free(j);
		return dir_error(dir, e, err);
	}
	if (privfile_new(j->tmp) != 0) {
		int e = errno;

		free(j);
		return dir_error(dir, e, err);
	}
	if (sqlite3_open_v2(j->tmp, &j->to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
	    NULL) != SQLITE_OK) {
		rc = j->to != NULL ? sqlite3_errcode(j->to) : SQLITE_NOMEM;
		return job_fail(j, rc, err);
	}
	if ((j->bk = sqlite3_backup_init(j->to, "main", db, "main")) == NULL)
		return job_fail(j, sqlite3_errcode(j->to), err);
	*jobp = j;
	return 0;
}

/* The copy is whole: make it one file, check it, flush it, rename it into
 * place, flush the folder.  0 with *out, or -1 (the job freed either way). */
static int
job_finish(struct backup_job *j, struct mc_backup *out, struct mc_err *err)
{
	const char *path = j->path;
	struct stat sb;
	int rc;

	rc = sqlite3_backup_finish(j->bk);
	j->bk = NULL;
	if (rc != SQLITE_OK)
		return job_fail(j, sqlite3_errcode(j->to), err);
	/* the copy's header says WAL, as the source's does: a backup is one
	 * file, opened on any PC without its -wal and -shm */
	if (sqlite3_exec(j->to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return job_fail(j, sqlite3_errcode(j->to), err);
	if (verify(j->to, j->dir, db_schema_version(j->db), err) != 0) {
		job_free(j);
		return -1;
	}
	rc = sqlite3_close(j->to);
	j->to = NULL;
	if (rc != SQLITE_OK)
		return job_fail(j, SQLITE_ERROR, err);
	if (privfile_flush(j->tmp, false) != 0 || stat(j->tmp, &sb) != 0 ||
	    rename(j->tmp, path) != 0) {
		dir_error(j->dir, errno, err);
		job_free(j);
		return -1;
	}
	if (privfile_flush(j->dir, true) != 0) {
		int e = errno;

		/* the file is there but may not survive a power cut: no backup */
		(void)unlink(path);
		dir_error(j->dir, e, err);
		job_free(j);
		return -1;
	}
	if (out != NULL) {
		memset(out, 0, sizeof *out);
		snprintf(out->path, sizeof out->path, "%s", path);
		snprintf(out->name, sizeof out->name, "%s", j->name);
		out->size = (long long)sb.st_size;
		out->at = j->at;
		out->ok = true;
	}
	if (j->rotate) {
		struct mc_err e2;

		/* a backup written; what the rotation could not delete stays */
		(void)backup_rotate_after(j->db, j->name, &e2);
	}
	job_free(j);
	return 0;
}

int
backup_job_step(struct backup_job *j, struct mc_backup *out, struct mc_err *err)
{
	/* BACKUP_STEP_PAGES a step: between steps another connection may
	 * write (the copy starts again), a change by this connection is
	 * copied on by SQLite itself */
	int rc = sqlite3_backup_step(j->bk, BACKUP_STEP_PAGES);

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(20);	/* another connection writes: a moment */
	if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 1;
	if (rc != SQLITE_DONE)
		return job_fail(j, rc, err);
	return job_finish(j, out, err) == 0 ? 0 : -1;
}

void
backup_job_cancel(struct backup_job *j)
{
	if (j != NULL)
		job_free(j);
}

int
backup_write_to(sqlite3 *db, const char *dir, const char *name, struct mc_backup *out,
    struct mc_err *err)
{
	struct backup_job *j;
	int rc;

	if (backup_job_open(db, dir, name, NULL, false, &j, err) != 0)
		return -1;
	/* all at once: a command, or F7's backup onto a stick */
	while ((rc = backup_job_step(j, out, err)) == 1)
		;
	return rc;
}
