/* backup-int.h — what backup.c (the writing) and backup-keep.c (folders,
 * names, rotation) share. */
#ifndef MOTCUA_BACKUP_INT_H
#define MOTCUA_BACKUP_INT_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/backup.h"

/* Write a checked backup of db as dir/name (dir exists; name must not):
 * out->path, name, size and ok set, out->at left to the caller.  0, or
 * -1 with err and nothing left in dir. */
int backup_write_to(sqlite3 *db, const char *dir, const char *name, struct mc_backup *out,
    struct mc_err *err);

/* Start writing dir/name as backup_write_to does, a step at a time
 * (backup_job_step); `at` (may be NULL) is the time the name carries,
 * `rotate`: rotate the backups folder once the copy is in place.  0 with
 * *job, or -1 with err and nothing left in dir. */
int backup_job_open(sqlite3 *db, const char *dir, const char *name,
    const struct mc_time *at, bool rotate, struct backup_job **job, struct mc_err *err);
/* backup_keep.c's rotation, after the backup `written` (its name). */
int backup_rotate_after(sqlite3 *db, const char *written, struct mc_err *err);

#endif
