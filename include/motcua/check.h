/* check.h — is the store sound?  What `motcua check` reports.
 *
 * Two checks that only read: SQLite's own check of every page and index,
 * and every event's hash and chain link (event_verify).  The third part of
 * `check --rebuild`, re-deriving the dossier rows, is dossier_rebuild. */
#ifndef MOTCUA_CHECK_H
#define MOTCUA_CHECK_H

#include <sqlite3.h>

#include "motcua/error.h"

/* SQLite's integrity check.  fn gets each problem it finds, as SQLite
 * words it ("row 3 missing from index dossier_name"); fn returns nonzero
 * to stop.  Returns the number of problems (0: sound), -1 on error. */
long long check_integrity(sqlite3 *db, int (*fn)(const char *problem, void *),
    void *arg, struct mc_err *err);

/* The event log: *total events held, *bad of them failing their hash or
 * chain check.  Returns 0 or -1. */
int check_events(sqlite3 *db, long long *total, long long *bad, struct mc_err *err);

#endif
