/* db.h — the local store: opening, pragmas, migrations, small helpers.
 *
 * One SQLite file per station.  db_open applies the pragmas every
 * connection needs (WAL, synchronous=FULL, foreign_keys, busy timeout),
 * refuses a file written by a newer motcua or by another program, and
 * migrates an older one with the numbered SQL files of schema/ (compiled
 * in), all in one transaction.  It also registers our SQL functions
 * (vn_fold, vn_nfc) so queries can fold text the way the core does, and
 * the collation "vi" (ORDER BY name COLLATE vi: Vietnamese order). */
#ifndef MOTCUA_DB_H
#define MOTCUA_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/error.h"

#define MC_APPLICATION_ID 0x4d435541	/* "MCUA" in the SQLite header */

enum db_open_flags {
	DB_CREATE = 1 << 0,	/* create the file (mode 0600) if missing */
	DB_NO_MIGRATE = 1 << 1,	/* open as is (tests of migration); still refuse newer */
	DB_NO_BACKUP = 1 << 2,	/* migrate without the backup made before (a copy
				 * whose original is kept: a restore's) */
};

/* An older set-up database is migrated in one transaction, after a copy
 * of it as it was is written to the backups folder (backup.h,
 * backup_before_migrate); if that copy cannot be written, the file is
 * left as it was and db_open fails. */

int db_open(const char *path, int flags, sqlite3 **out, struct mc_err *err);

/* SQLite's process-wide settings, before its first use (db_open calls it;
 * main calls it first, before anything else can start SQLite): a
 * statement's journal kept in memory up to DB_STMT_JOURNAL bytes.  A
 * statement journal that once outgrows SQLite's default (64 KiB) stays a
 * temporary file for the rest of its transaction, and every later
 * statement's journal is written there: 2.5 million of the 2.7 million
 * writes of a 100,000-event import.  A statement's journal holds the
 * pages it changed that the transaction had before it; what the program
 * runs as one statement on rows (an upsert, one dossier's steps) stays
 * far below the bound, and a larger one (a migration) spills as before.
 * Later calls do nothing. */
#define DB_STMT_JOURNAL (4 * 1024 * 1024)
void db_library_init(void);
void db_close(sqlite3 *db);

/* The size of a connection's page cache.  db_open gives it
 * DB_CACHE_SESSION, 512 KiB: a screen or a command reads a screenful or
 * streams through indexes, and the pages it reads again come from the
 * system's file cache (SQLite's default, 2 MB, was 1.5 MB of the
 * program's resident memory after a few screens at 100,000 dossiers).
 * A bulk write in one transaction (an import) wants DB_CACHE_BULK, 4 MB,
 * for its length, or its dirty pages spill to the WAL and are read back:
 * an import of 33,000 events took 2.6 times as long at 512 KiB, and one
 * of 100,000 spends 2 s fewer in the kernel at 4 MB than at 2 MB.  (The
 * import's peak memory stays that of the login's password hash, freed
 * before the cache fills.) */
enum db_cache_size {
	DB_CACHE_SESSION = 512,	/* KiB */
	DB_CACHE_BULK = 4096,
};
int db_cache(sqlite3 *db, enum db_cache_size kib, struct mc_err *err);

/* Where the database lives when no --db is given:
 * $MOTCUA_DB, else $XDG_DATA_HOME/motcua/motcua.db,
 * else $HOME/.local/share/motcua/motcua.db.  `name` replaces
 * "motcua.db" (the demo uses "demo.db"); NULL keeps it. */
int db_default_path(const char *name, char *buf, size_t n, struct mc_err *err);

/* Schema versions: what the file holds and what this program knows. */
int db_schema_version(sqlite3 *db);
int db_schema_latest(void);

/* Transactions, which nest.  Every writer wraps its work in one:
 *
 *	struct db_tx tx;
 *	if (db_tx_begin(db, &tx, err)) return -1;
 *	... on error: db_tx_rollback(&tx); return -1;
 *	return db_tx_commit(&tx, err);
 *
 * Outside any transaction db_tx_begin takes the write lock at once (BEGIN
 * IMMEDIATE); inside one it opens a savepoint, so a writer called by
 * another writer joins its caller's transaction and the whole is one
 * commit.  db_tx_rollback undoes this level only and is safe to call on a
 * transaction already committed or rolled back.  db_tx_commit rolls back
 * this level when it fails. */
struct db_tx {
	sqlite3 *db;
	bool outer;	/* BEGIN … COMMIT, not a savepoint */
	bool open;
};
int db_tx_begin(sqlite3 *db, struct db_tx *tx, struct mc_err *err);
int db_tx_commit(struct db_tx *tx, struct mc_err *err);
void db_tx_rollback(struct db_tx *tx);
int db_exec(sqlite3 *db, const char *sql, struct mc_err *err);

/* Prepare or fail with a message naming the SQL error. */
int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mc_err *err);
/* The connection's statement cache.  A statement prepared by db_cached
 * is kept, prepared, until db_close, so a hot path (an import, the
 * projection, a receipt) prepares each of its statements once per
 * connection instead of once per use:
 *
 *	sqlite3_stmt *st;
 *	if (db_cached(db, "SELECT … WHERE id = ?1", &st, err)) return -1;
 *	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
 *	rc = sqlite3_step(st);
 *	... read the row, word an error (db_fail) while st still holds it ...
 *	db_release(db, st);
 *
 * db_cached hands out the statement reset with its bindings cleared; the
 * caller must not finalize it, and gives it back with db_release (which
 * resets it and clears its bindings, so nothing bound outlives the use).
 * A statement handed out and not yet released is never handed out again:
 * a nested user of the same SQL (a writer called inside another's loop)
 * gets a distinct copy.  The SQL is copied, so any text will do, but only
 * fixed texts are worth caching (the cache is bounded; past its bound a
 * statement is prepared afresh and finalized by db_release).  A schema
 * change is handled by SQLite: a cached statement prepares itself again
 * on its next step.  A connection not opened by db_open has no cache:
 * db_cached prepares and db_release finalizes.  The cache lives in the
 * connection (db.c keeps it as the argument of the connection's rollback
 * hook, which nothing else in motcua may set); db_close finalizes it.
 * db_cache_count: statements held (tests), db_cache_prepares: statements
 * prepared through db_cached and db_prepare on this connection so far. */
int db_cached(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mc_err *err);
void db_release(sqlite3 *db, sqlite3_stmt *st);
/* Bind text s to parameter i, or NULL when s is NULL or empty (an
 * optional field: the row keeps no empty strings). */
void db_bind_opt(sqlite3_stmt *st, int i, const char *s);
int db_cache_count(sqlite3 *db);
long long db_cache_prepares(sqlite3 *db);

/* Turn the connection's last error into an mc_err (MC_ESTORE), with a
 * hint for the common cases (disk full, read-only, busy, corrupt). */
int db_fail(sqlite3 *db, struct mc_err *err, const char *what);
/* The same for a step that returned `rc`, when another statement may have
 * been finalized since (which clears the connection's error: the message
 * would read "not an error" and a full disk would not say so). */
int db_fail_rc(sqlite3 *db, int rc, struct mc_err *err, const char *what);
/* Step `st` (prepared and bound) for its one row and return the row's
 * first column as text, to be freed with sqlite3_free; `st` is given back
 * (db_release: to the cache if db_cached gave it, else finalized).
 * NULL when there is no row or it failed, err saying `what` failed. */
char *db_step_text(sqlite3 *db, sqlite3_stmt *st, const char *what, struct mc_err *err);
/* Column i of the current row as a malloc'd string; NULL for SQL NULL
 * (or when memory ran out). */
char *db_column_dup(sqlite3_stmt *st, int i);
/* Prepare the statement sqlite3_mprintf would write from fmt (%Q, %w and
 * the like quote for SQL); out of memory is an error like any other. */
int db_preparef(sqlite3 *db, sqlite3_stmt **st, struct mc_err *err, const char *fmt, ...);

/* Step st to its end, handing each row to row(st, arg); a nonzero return
 * from row stops early and is not an error.  Gives st back (db_release:
 * to the cache, or finalized if not the cache's); a failed step
 * becomes err with `what` ("reading the logbook"). */
int db_each(sqlite3 *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *), void *arg,
    const char *what, struct mc_err *err);

/* meta key/value (unit identity, settings).  db_meta_get copies the value
 * into buf and returns 0, or returns -1 (buf = "") if the key is absent. */
int db_meta_get(sqlite3 *db, const char *key, char *buf, size_t n);
int db_meta_set(sqlite3 *db, const char *key, const char *value, struct mc_err *err);

/* Run one SQL statement returning a single integer (count(*) and the like);
 * returns `dflt` on any error or no row. */
long long db_int(sqlite3 *db, const char *sql, long long dflt);

/* The station's files, for the administration screen.  db_disk_size: the
 * bytes the database takes on disk (the file, its -wal and -shm), or -1
 * if the file cannot be read.  db_backup_latest: the newest regular file
 * in the backups folder, $XDG_DATA_HOME/motcua/backups, else
 * $HOME/.local/share/motcua/backups (backups are written by a later
 * version): 1 with its path and modification time (seconds since the
 * epoch), 0 when there is none (or no such folder), -1 on error. */
long long db_disk_size(const char *path);
int db_backup_latest(char *path, size_t n, long long *mtime, struct mc_err *err);

#endif
