/* db.c — opening the store, pragmas, migrations, statement helpers. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/backup.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/report.h"
#include "motcua/vntext.h"
#include "schema.h"

int
db_fail_rc(sqlite3 *db, int rc, struct mc_err *err, const char *what)
{
	int code = db != NULL ? sqlite3_errcode(db) & 0xff : SQLITE_ERROR;
	const char *msg = db != NULL ? sqlite3_errmsg(db) : "?";
	const char *hint;

	/* the connection forgot the step's error: word the step's own code */
	if ((code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) &&
	    rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
		code = rc & 0xff;
		msg = sqlite3_errstr(rc);
	}
	switch (code) {
	case SQLITE_FULL:
		hint = _("the disk is full: free some space (delete old files) and "
		    "try again; nothing was changed");
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		hint = _("check that the database file and its folder are writable");
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		hint = _("another motcua is writing: wait a moment and try again");
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		hint = _("the database file is damaged: restore it from a backup");
		break;
	default:
		hint = _("nothing was changed");
		break;
	}
	return err_set(err, MC_ESTORE, _("%s failed (%s); %s"), what, msg, hint);
}

int
db_fail(sqlite3 *db, struct mc_err *err, const char *what)
{
	return db_fail_rc(db, SQLITE_OK, err, what);
}

/* ---- the statement cache (db.h) ------------------------------------------ */

#define CACHE_MAX 160	/* statements kept per connection; motcua's hot paths use ~60 */
#define CACHE_COPIES 4	/* copies of one SQL text (nesting deeper than this is a bug) */

struct cache_entry {
	const char *key;	/* the caller's pointer: a literal matches at once */
	char *sql;		/* our copy, compared when the pointer differs */
	sqlite3_stmt *st;
	bool busy;		/* handed out, not yet released */
};

struct db_cache {
	struct cache_entry *e;
	int n, cap;
	long long prepares;
};

/* The connection's rollback hook does nothing; its argument is the cache.
 * SQLite 3.40 has no per-connection client data (sqlite3_set_clientdata
 * came in 3.44), and sqlite3_rollback_hook returns the previous argument,
 * so the cache is found from the connection alone, without a global. */
static void
cache_hook(void *arg)
{
	(void)arg;
}

static struct db_cache *
cache_of(sqlite3 *db)
{
	void *c;

	if (db == NULL)
		return NULL;
	c = sqlite3_rollback_hook(db, cache_hook, NULL);
	(void)sqlite3_rollback_hook(db, c != NULL ? cache_hook : NULL, c);
	return c;
}

static int
cache_attach(sqlite3 *db)
{
	struct db_cache *c = calloc(1, sizeof *c);

	if (c == NULL)
		return -1;
	(void)sqlite3_rollback_hook(db, cache_hook, c);
	return 0;
}

/* Finalize every statement held and forget the cache (before close). */
static void
cache_detach(sqlite3 *db)
{
	struct db_cache *c = cache_of(db);

	if (c == NULL)
		return;
	(void)sqlite3_rollback_hook(db, NULL, NULL);
	for (int i = 0; i < c->n; i++) {
		sqlite3_finalize(c->e[i].st);
		free(c->e[i].sql);
	}
	free(c->e);
	free(c);
}

int
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mc_err *err)
{
	struct db_cache *c = cache_of(db);

	if (c != NULL)
		c->prepares++;
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return db_fail(db, err, _("preparing a query"));
	}
	return 0;
}

int
db_cached(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mc_err *err)
{
	struct db_cache *c = cache_of(db);
	struct cache_entry *e;
	int copies = 0;

	*st = NULL;
	if (c == NULL)
		return db_prepare(db, sql, st, err);
	for (int i = 0; i < c->n; i++) {
		e = &c->e[i];
		if (e->key != sql && strcmp(e->sql, sql) != 0)
			continue;
		copies++;
		if (e->busy)
			continue;	/* in use further up the stack: never twice */
		/* released statements are reset and cleared already; again,
		 * in case a caller stepped it after giving it back */
		sqlite3_reset(e->st);
		sqlite3_clear_bindings(e->st);
		e->busy = true;
		e->key = sql;
		*st = e->st;
		return 0;
	}
	/* full, or nested too deep: an uncached statement, finalized by db_release */
	if (c->n >= CACHE_MAX || copies >= CACHE_COPIES)
		return db_prepare(db, sql, st, err);
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 32;
		struct cache_entry *ne = realloc(c->e, (size_t)cap * sizeof *ne);

		if (ne == NULL)
			return err_set(err, MC_ENOMEM, _("out of memory"));
		c->e = ne;
		c->cap = cap;
	}
	e = &c->e[c->n];
	if ((e->sql = strdup(sql)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (db_prepare(db, sql, &e->st, err)) {
		free(e->sql);
		return -1;
	}
	e->key = sql;
	e->busy = true;
	c->n++;
	*st = e->st;
	return 0;
}

void
db_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL && s[0] != '\0')
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void
db_release(sqlite3 *db, sqlite3_stmt *st)
{
	struct db_cache *c;

	if (st == NULL)
		return;
	if ((c = cache_of(db)) != NULL)
		for (int i = c->n - 1; i >= 0; i--)
			if (c->e[i].st == st) {
				sqlite3_reset(st);
				sqlite3_clear_bindings(st);
				c->e[i].busy = false;
				return;
			}
	sqlite3_finalize(st);	/* not one of the cache's */
}

int
db_cache_count(sqlite3 *db)
{
	struct db_cache *c = cache_of(db);

	return c != NULL ? c->n : 0;
}

long long
db_cache_prepares(sqlite3 *db)
{
	struct db_cache *c = cache_of(db);

	return c != NULL ? c->prepares : 0;
}

char *
db_step_text(sqlite3 *db, sqlite3_stmt *st, const char *what, struct mc_err *err)
{
	char *text = NULL;
	int rc = sqlite3_step(st);

	/* no row is no error of SQLite's: db_fail would word it "not an error" */
	if (rc == SQLITE_DONE)
		err_set(err, MC_ESTORE, _("%s failed: the query gave no result; nothing "
		    "was changed"), what);
	else if (rc != SQLITE_ROW)
		db_fail(db, err, what);
	else if ((text = sqlite3_mprintf("%s", sqlite3_column_text(st, 0))) == NULL)
		err_set(err, MC_ENOMEM, _("out of memory"));
	db_release(db, st);	/* back to the cache, or finalized if not its */
	return text;
}

int
db_preparef(sqlite3 *db, sqlite3_stmt **st, struct mc_err *err, const char *fmt, ...)
{
	va_list ap;
	char *sql;
	int rc;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sql == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	rc = db_prepare(db, sql, st, err);
	sqlite3_free(sql);
	return rc;
}

int
db_each(sqlite3 *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *), void *arg,
    const char *what, struct mc_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, arg) != 0) {
			rc = SQLITE_DONE;	/* the visitor stopped: not an error */
			break;
		}
	db_release(db, st);	/* back to the cache, or finalized if not its */
	if (rc != SQLITE_DONE)
		return db_fail(db, err, what);
	return 0;
}

char *
db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v != NULL ? strdup((const char *)v) : NULL;
}

int
db_exec(sqlite3 *db, const char *sql, struct mc_err *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, err, _("a database statement"));
	return 0;
}

/* One statement of a transaction's own (BEGIN, COMMIT, SAVEPOINT,
 * RELEASE) from the cache: a receipt runs two of them, and sqlite3_exec
 * would compile both afresh every time. */
static int
tx_step(sqlite3 *db, const char *sql, struct mc_err *err, const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, sql, &st, err))
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, what);
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Transactions nest: the outermost takes the write lock at once (BEGIN
 * IMMEDIATE, so two writers never deadlock half-way), each inner one is a
 * savepoint inside it.  A composite operation (a publication import that
 * runs the catalog's own import) is therefore one atomic commit, and an
 * inner step that fails undoes only itself unless its caller gives up too.
 * All savepoints share one name: RELEASE and ROLLBACK TO act on the most
 * recent savepoint of that name, which is always this level's. */
int
db_tx_begin(sqlite3 *db, struct db_tx *tx, struct mc_err *err)
{
	tx->db = db;
	tx->outer = sqlite3_get_autocommit(db) != 0;
	tx->open = false;
	if (tx_step(db, tx->outer ? "BEGIN IMMEDIATE" : "SAVEPOINT mc_tx", err,
	    _("a database statement")) != 0)
		return -1;
	tx->open = true;
	return 0;
}

int
db_tx_commit(struct db_tx *tx, struct mc_err *err)
{
	if (!tx->open)
		return err_set(err, MC_ESTORE, _("saving: the transaction was already "
		    "closed (nothing was saved)"));
	if (!tx->outer && sqlite3_get_autocommit(tx->db)) {
		/* SQLite rolled the whole transaction back after an error
		 * (disk full, I/O): nothing of this level is left to keep */
		tx->open = false;
		return err_set(err, MC_ESTORE, _("saving: the database rolled the change "
		    "back after an error (nothing was saved)"));
	}
	if (tx_step(tx->db, tx->outer ? "COMMIT" : "RELEASE mc_tx", err, _("saving"))) {
		db_tx_rollback(tx);
		return -1;
	}
	tx->open = false;
	return 0;
}

void
db_tx_rollback(struct db_tx *tx)
{
	if (!tx->open)
		return;
	tx->open = false;
	if (sqlite3_get_autocommit(tx->db))
		return;		/* SQLite already rolled everything back */
	if (tx->outer)
		(void)sqlite3_exec(tx->db, "ROLLBACK", NULL, NULL, NULL);
	else
		(void)sqlite3_exec(tx->db, "ROLLBACK TO mc_tx; RELEASE mc_tx", NULL, NULL,
		    NULL);
}

long long
db_int(sqlite3 *db, const char *sql, long long dflt)
{
	sqlite3_stmt *st;
	long long v = dflt;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return dflt;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_meta_get(sqlite3 *db, const char *key, char *buf, size_t n)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (n > 0)
		buf[0] = '\0';
	if (db_cached(db, "SELECT value FROM meta WHERE key = ?1", &st, NULL))
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		snprintf(buf, n, "%s", v != NULL ? (const char *)v : "");
		rc = 0;
	}
	db_release(db, st);
	return rc;
}

int
db_meta_set(sqlite3 *db, const char *key, const char *value, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("saving a setting"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_schema_latest(void)
{
	return schema_steps[schema_nsteps - 1].version;
}

int
db_schema_version(sqlite3 *db)
{
	return (int)db_int(db, "PRAGMA user_version", -1);
}

int
db_default_path(const char *name, char *buf, size_t n, struct mc_err *err)
{
	const char *env = getenv("MOTCUA_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int len;

	if (name == NULL)
		name = "motcua.db";
	if (env != NULL && *env != '\0' && strcmp(name, "motcua.db") == 0)
		len = snprintf(buf, n, "%s", env);
	else if (xdg != NULL && *xdg == '/')
		len = snprintf(buf, n, "%s/motcua/%s", xdg, name);
	else if (home != NULL && *home != '\0')
		len = snprintf(buf, n, "%s/.local/share/motcua/%s", home, name);
	else
		return err_set(err, MC_EINVAL,
		    _("no place for the database: set HOME or give --db PATH"));
	if (len < 0 || (size_t)len >= n)
		return err_set(err, MC_EINVAL, _("the database path is too long"));
	return 0;
}

/* mkdir -p for the folder holding path, mode 0700. */
static int
make_parent(const char *path, struct mc_err *err)
{
	char dir[4096];
	char *slash;

	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return err_set(err, MC_EINVAL, _("the database path is too long"));
	slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				return err_set(err, MC_EIO, _("cannot create the folder %s: %s"),
				    dir, strerror(errno));
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return 0;
}

/* Create the file ourselves so it is born 0600: SQLite would use the umask,
 * and a database of citizens' ID numbers is nobody else's to read. */
static int
create_private(const char *path, struct mc_err *err)
{
	int fd;

	if (make_parent(path, err))
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return err_set(err, MC_EIO, _("cannot create %s: %s"), path, strerror(errno));
	}
	close(fd);
	return 0;
}

/* SQL functions: the same folding and normalisation as the C core. */
static void
sql_text_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char *(*fn)(const char *, struct mc_err *) = (char *(*)(const char *,
	    struct mc_err *))sqlite3_user_data(cx);
	const unsigned char *s;
	char *r;

	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	s = sqlite3_value_text(argv[0]);
	if (s == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	r = fn((const char *)s, NULL);
	if (r == NULL) {
		sqlite3_result_error(cx, "invalid UTF-8", -1);
		return;
	}
	sqlite3_result_text(cx, r, -1, free);
}

/* COLLATE vi: Vietnamese order (see vntext.h); "Hòa" = "Hoà". */
static int
sql_collate_vi(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return vntext_collaten(a, (size_t)alen, b, (size_t)blen);
}

static int
register_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(db, "vn_fold", 1, flags, (void *)vntext_fold,
	    sql_text_fn, NULL, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_create_function(db, "vn_nfc", 1, flags, (void *)vntext_nfc,
	    sql_text_fn, NULL, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_create_collation_v2(db, "vi", SQLITE_UTF8, NULL, sql_collate_vi,
	    NULL) != SQLITE_OK)
		return -1;
	return 0;
}

/* Apply every step above the file's version, all in one transaction. */
static int
migrate(sqlite3 *db, int from, struct mc_err *err)
{
	struct db_tx tx;
	char sql[64];

	if (db_tx_begin(db, &tx, err))
		return -1;
	for (int i = 0; i < schema_nsteps; i++) {
		if (schema_steps[i].version <= from)
			continue;
		if (sqlite3_exec(db, schema_steps[i].sql, NULL, NULL, NULL) != SQLITE_OK) {
			char what[128];
			snprintf(what, sizeof what, _("schema step %s"), schema_steps[i].name);
			db_fail(db, err, what);
			db_tx_rollback(&tx);
			return -1;
		}
	}
	/* a station from before signed events signs its own once (key.h) */
	if (from >= 1 && from < 10 && key_upgrade(db, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	/* the report counts of a database from before them (018), once */
	if (from >= 1 && from < 18 && report_agg_fill(db, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	/* ... and the digitisation counts of its dossiers with files (021) */
	if (from >= 18 && from < 21 && report_agg_refresh_files(db, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_schema_latest());
	if (db_exec(db, sql, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", MC_APPLICATION_ID);
	if (db_exec(db, sql, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

/* Is this file ours, and not from a newer motcua?  Checked before any
 * pragma that writes, so a refused file is left exactly as it was. */
static int
check_identity(sqlite3 *db, const char *path, int *version, struct mc_err *err)
{
	long long app = db_int(db, "PRAGMA application_id", -1);
	long long tables = db_int(db, "SELECT count(*) FROM sqlite_schema", -1);

	if (app < 0 || tables < 0)
		return err_set(err, MC_ESTORE,
		    _("%s is not a database motcua can read: check the path, or restore "
		    "the file from a backup"), path);
	*version = db_schema_version(db);
	if (app == 0 && tables == 0)
		return 0;	/* brand new, empty */
	if (app != MC_APPLICATION_ID)
		return err_set(err, MC_EINVAL,
		    _("%s is not a motcua database: check the path given with --db"), path);
	if (*version > db_schema_latest())
		return err_set(err, MC_ECONFLICT,
		    _("%s was written by a newer motcua (schema %d; this program knows up "
		    "to %d): use the newer program; the file was not changed"),
		    path, *version, db_schema_latest());
	return 0;
}

void
db_library_init(void)
{
	/* SQLITE_MISUSE once SQLite has started: only the speed is lost */
	(void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, DB_STMT_JOURNAL);
}

int
db_open(const char *path, int flags, sqlite3 **out, struct mc_err *err)
{
	sqlite3 *db = NULL;
	struct stat sb;
	int version = 0;

	*out = NULL;
	db_library_init();
	if (stat(path, &sb) != 0) {
		if (!(flags & DB_CREATE))
			return err_set(err, MC_ENOTFOUND,
			    _("no database at %s: create one with 'motcua init', or give "
			    "the right path with --db"), path);
		if (create_private(path, err))
			return -1;
	} else if (!S_ISREG(sb.st_mode)) {
		return err_set(err, MC_EINVAL, _("%s is not a regular file"), path);
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
	    NULL) != SQLITE_OK) {
		db_fail(db, err, _("opening the database"));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db, 0);
	if (cache_attach(db) != 0) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto fail;
	}
	if (sqlite3_busy_timeout(db, 5000) != SQLITE_OK ||
	    check_identity(db, path, &version, err))
		goto fail;
	/* WAL keeps readers and the writer apart; FULL syncs every commit:
	 * a receipt is on the disk before its slip is printed. */
	if (db_exec(db, "PRAGMA journal_mode = WAL", err) ||
	    db_exec(db, "PRAGMA synchronous = FULL", err) ||
	    db_exec(db, "PRAGMA foreign_keys = ON", err) ||
	    db_exec(db, "PRAGMA trusted_schema = OFF", err) ||
	    db_cache(db, DB_CACHE_SESSION, err))
		goto fail;
	if (register_functions(db) != 0) {
		db_fail(db, err, _("registering text functions"));
		goto fail;
	}
	if (version < db_schema_latest() && !(flags & DB_NO_MIGRATE)) {
		struct mc_time now;

		/* the file as it was, kept before its first change (backup.h) */
		date_now(&now);
		if (version >= 1 && !(flags & DB_NO_BACKUP) &&
		    backup_before_migrate(db, version, &now, NULL, err) < 0)
			goto fail;
		if (migrate(db, version, err))
			goto fail;
	}
	*out = db;
	return 0;
fail:
	cache_detach(db);
	sqlite3_close(db);
	return -1;
}

int
db_cache(sqlite3 *db, enum db_cache_size kib, struct mc_err *err)
{
	char sql[48];

	/* a negative cache_size is in KiB, whatever the page size */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", (int)kib);
	return db_exec(db, sql, err);
}

void
db_close(sqlite3 *db)
{
	if (db == NULL)
		return;
	cache_detach(db);
	sqlite3_close(db);
}

long long
db_disk_size(const char *path)
{
	static const char *const tails[] = { "", "-wal", "-shm" };
	long long total = 0;

	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		char p[4096];
		struct stat st;

		if ((size_t)snprintf(p, sizeof p, "%s%s", path, tails[i]) >= sizeof p)
			return -1;
		if (stat(p, &st) != 0) {
			if (i == 0)
				return -1;	/* the database itself must be there */
			continue;	/* no -wal or -shm: none at the moment */
		}
		total += (long long)st.st_size;
	}
	return total;
}

int
db_backup_latest(char *path, size_t n, long long *mtime, struct mc_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char dir[4096];
	DIR *d;
	struct dirent *e;
	int found = 0;

	path[0] = '\0';
	*mtime = 0;
	if (xdg != NULL && *xdg == '/')
		snprintf(dir, sizeof dir, "%s/motcua/backups", xdg);
	else if (home != NULL && *home != '\0')
		snprintf(dir, sizeof dir, "%s/.local/share/motcua/backups", home);
	else
		return 0;	/* no home: no backups folder either */
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return err_set(err, MC_EIO, _("cannot read the backups folder %s (%s)"), dir,
		    strerror(errno));
	}
	while ((e = readdir(d)) != NULL) {
		char p[4096 + 256];
		struct stat st;

		if (e->d_name[0] == '.' || (size_t)snprintf(p, sizeof p, "%s/%s", dir,
		    e->d_name) >= sizeof p || stat(p, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		/* the newest; of two as new, the later name (names carry the date) */
		if (strlen(p) >= n)
			continue;	/* a name too long for the caller: not ours */
		if (!found || (long long)st.st_mtime > *mtime ||
		    ((long long)st.st_mtime == *mtime && strcmp(p, path) > 0)) {
			memcpy(path, p, strlen(p) + 1);
			*mtime = (long long)st.st_mtime;
			found = 1;
		}
	}
	closedir(d);
	return found;
}
