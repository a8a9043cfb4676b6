/* backup-int.h — what backup.c (the writing) and backup-keep.c (folders,
 * names, rotation) share. */
#ifndef MOTCUA_BACKUP_INT_H
#define MOTCUA_BACKUP_INT_H

#include <sqlite3.h>

#include "motcua/backup.h"

/* Write a checked backup of db as dir/name (dir exists; name must not):
 * out->path, name, size and ok set, out->at left to the caller.  0, or
 * -1 with err and nothing left in dir. */
int backup_write_to(sqlite3 *db, const char *dir, const char *name, struct mc_backup *out,
    struct mc_err *err);

#endif
