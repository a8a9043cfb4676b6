/* backup.c — writing one backup (backup.h): the online copy by SQLite's
 * backup API into a temporary beside the target, its check, the rename
 * into place and the flushes.  Folders, names, the daily rule, rotation
 * and the list are backup-keep.c's. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
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

/* Flush a file or folder to the disk.  A folder of a file system that
 * cannot flush folders (a FAT USB stick says EINVAL) is not an error: its
 * files were flushed. */
static int
flush_path(const char *path, bool folder)
{
	int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc, e;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	e = errno;
	if (close(fd) != 0 && rc == 0)
		return -1;
	if (rc != 0 && folder && (e == EINVAL || e == ENOTSUP))
		return 0;
	errno = e;
	return rc;
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

/* Copy db into the new empty file tmp, a few pages a step. */
static int
copy_into(sqlite3 *db, const char *tmp, const char *dir, struct mc_err *err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *bk;
	int rc;

	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL)
	    != SQLITE_OK) {
		rc = to != NULL ? sqlite3_errcode(to) : SQLITE_NOMEM;
		sqlite3_close(to);
		return copy_error(dir, rc, err);
	}
	if ((bk = sqlite3_backup_init(to, "main", db, "main")) == NULL) {
		rc = sqlite3_errcode(to);
		sqlite3_close(to);
		return copy_error(dir, rc, err);
	}
	/* steps of BACKUP_STEP_PAGES: between them another connection may
	 * write; a change by this connection is copied on by SQLite itself */
	do {
		rc = sqlite3_backup_step(bk, BACKUP_STEP_PAGES);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	/* finish's code is the step's error, if any */
	if (sqlite3_backup_finish(bk) != SQLITE_OK && rc == SQLITE_DONE)
		rc = sqlite3_errcode(to);
	if (rc != SQLITE_DONE) {
		sqlite3_close(to);
		return copy_error(dir, rc, err);
	}
	/* the copy's header says WAL, as the source's does: a backup is one
	 * file, opened on any PC without its -wal and -shm */
	if (sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = sqlite3_errcode(to);
		sqlite3_close(to);
		return copy_error(dir, rc, err);
	}
	rc = verify(to, dir, db_schema_version(db), err);
	if (sqlite3_close(to) != SQLITE_OK && rc == 0)
		return copy_error(dir, SQLITE_ERROR, err);
	return rc;
}

int
backup_write_to(sqlite3 *db, const char *dir, const char *name, struct mc_backup *out,
    struct mc_err *err)
{
	char tmp[4096 + 64], path[4096];
	struct stat sb;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path ||
	    (size_t)snprintf(tmp, sizeof tmp, "%s/.%s.tmp-%ld", dir, name, (long)getpid())
	    >= sizeof tmp)
		return err_set(err, MC_EINVAL, _("the path %s is too long"), dir);
	if (lstat(path, &sb) == 0)
		return err_set(err, MC_ECONFLICT, _("%s already exists: give another name; "
		    "it was not changed"), path);
	/* a temporary from an interrupted backup of this process id */
	remove_tmp(tmp);
	if (stat(dir, &sb) != 0)
		return dir_error(dir, errno, err);
	if (!S_ISDIR(sb.st_mode))
		return dir_error(dir, ENOTDIR, err);
	if (privfile_new(tmp) != 0)
		return dir_error(dir, errno, err);
	if (copy_into(db, tmp, dir, err) != 0)
		goto fail;
	if (flush_path(tmp, false) != 0 || stat(tmp, &sb) != 0) {
		dir_error(dir, errno, err);
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		dir_error(dir, errno, err);
		goto fail;
	}
	if (flush_path(dir, true) != 0) {
		int e = errno;

		/* the file is there but may not survive a power cut: no backup */
		(void)unlink(path);
		dir_error(dir, e, err);
		goto fail;
	}
	if (out != NULL) {
		snprintf(out->path, sizeof out->path, "%s", path);
		snprintf(out->name, sizeof out->name, "%s", name);
		out->size = (long long)sb.st_size;
		out->ok = true;
	}
	return 0;
fail:
	remove_tmp(tmp);
	return -1;
}
