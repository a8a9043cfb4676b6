/* restore.h — bringing a backup back, under a new station identity.
 *
 * A restore never makes a twin: the data of the backup come back, but the
 * station that speaks from them is a new one — a new station id, a new
 * key pair and a new station number of the unit that no station known to
 * the backup or to the current database has used, so its dossier codes
 * (whose last four digits begin with the station number, dossier.c) can
 * never be the original's.  The old identity stays in the station table
 * as another station whose events are its own, its key trusted for what
 * it signed before the restore and revoked from the restore on (the
 * audit event "revoke", which travels to the peers), and the audit event
 * "station_restored" names the old and the new identity and the SHA-256
 * of the backup file.  What the old station recorded after the backup
 * and exported to peers comes back by importing their bundles: it was
 * signed before the revocation.
 *
 * In two steps, so that the front end can prove the supervisor between
 * them against the restored data when there is no current database:
 *  1. restore_open checks the file (an SQLite file, a motcua database of a
 *     schema this program opens, integrity_check, set up, and of the
 *     current database's unit when there is one), copies it into a
 *     temporary beside the target and migrates the copy there;
 *  2. restore_commit gives the copy its new identity, flushes it, keeps
 *     the current database aside (a hard link named
 *     TARGET.before-restore-YYYYMMDD-HHMM[-N], with its -wal and -shm
 *     when any are left) and renames the copy over the target.  At every
 *     moment the target is the old database or the whole new one; the old
 *     one is never deleted.
 * A refusal at any point leaves the current database as it was. */
#ifndef MOTCUA_RESTORE_H
#define MOTCUA_RESTORE_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/event.h"
#include "motcua/key.h"

/* What a backup holds (restore_open) and what a restore did (commit). */
struct mc_restore {
	char file[4096];		/* the backup restored */
	char sha256[65];		/* of its bytes */
	char unit[32];
	int schema;			/* the backup's schema version */
	long long events, dossiers;	/* it holds */
	char old_station[MC_UUID_LEN];	/* the identity it was */
	int old_number;
	char old_fingerprint[MC_FPR_LEN];
	/* restore_commit: */
	char new_station[MC_UUID_LEN];
	int new_number;
	char new_fingerprint[MC_FPR_LEN];
	char aside[4096 + 64];		/* where the current database was kept,
					 * "" when there was none */
};

struct restore_job;

/* Check `file` and prepare it as the database at `target` (the current
 * one's path; it may be missing).  cur: the current database when it
 * opened (its unit must be the backup's), or NULL.  0 with *job, or -1
 * with err saying what is wrong with the file; nothing is left behind
 * and the target is not touched. */
int restore_open(const char *file, const char *target, sqlite3 *cur,
    struct restore_job **job, struct mc_err *err);

/* The prepared copy (migrated, identity not yet changed): to log in
 * against its officers when there is no current database. */
sqlite3 *restore_db(struct restore_job *job);

/* What restore_open found. */
const struct mc_restore *restore_info(const struct restore_job *job);

/* Do it, as `acting` (an active supervisor of the backup's data:
 * MC_ACT_RESTORE) at `now`.  *cur (may point at NULL) is the current
 * database: read for the station numbers it knows, then closed (*cur set
 * NULL) before the swap, since the file is replaced.  Another program
 * still holding the database open is refused.  0 with *out, or -1 with
 * err, the current database as it was (closed or not: see *cur).  The
 * job is freed either way. */
int restore_commit(struct restore_job *job, sqlite3 **cur, const char *acting,
    const struct mc_time *now, struct mc_restore *out, struct mc_err *err);

/* Give up a job: its temporary removed. */
void restore_abort(struct restore_job *job);

#endif
