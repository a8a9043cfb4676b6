/* test_db.c — opening, pragmas, migrations, refusals, the append-only log. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/db.h"
#include "motcua/event.h"
#include "schema.h"
#include "tap.h"

static char dir[] = "/tmp/motcua-test-db.XXXXXX";

static char *
path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

/* The whole file's bytes, to prove a refused file was not touched. */
static char *
slurp(const char *p, long *n)
{
	FILE *f = fopen(p, "rb");
	char *b;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	*n = ftell(f);
	rewind(f);
	b = malloc((size_t)*n + 1);
	if (b != NULL && fread(b, 1, (size_t)*n, f) != (size_t)*n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	return b;
}

static int
raw_exec(const char *p, const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(p, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

static void
refused_untouched(const char *p, const char *what, const char *needle)
{
	struct mc_err err;
	sqlite3 *db;
	long n1 = 0, n2 = 0;
	char *before = slurp(p, &n1), *after;
	int rc = db_open(p, DB_CREATE, &db, &err);

	after = slurp(p, &n2);
	ok(rc != 0 && db == NULL, "%s: refused", what);
	ok(strstr(err.msg, needle) != NULL, "%s: message says '%s' (%s)", what, needle,
	    err.msg);
	ok(before != NULL && after != NULL && n1 == n2 && memcmp(before, after,
	    (size_t)n1) == 0, "%s: file unchanged", what);
	free(before);
	free(after);
}

/* The statement cache (db.h): one statement reused, a distinct one while
 * it is in use, bindings cleared, a schema change survived, all finalized
 * by db_close. */
static void
test_cache(void)
{
	static const char q[] = "SELECT ?1, count(*) FROM meta";
	struct mc_err err;
	sqlite3_stmt *a, *b, *c;
	sqlite3 *db;
	sqlite3_int64 before;
	long long prepares;
	int held;

	before = sqlite3_memory_used();
	if (db_open(path("cache.db"), DB_CREATE, &db, &err) != 0) {
		ok(0, "open for the cache: %s", err.msg);
		return;
	}
	held = db_cache_count(db);
	ok(db_cached(db, q, &a, &err) == 0 && a != NULL, "a cached statement");
	is_int(db_cache_count(db), held + 1, "the cache holds it");
	sqlite3_bind_int(a, 1, 42);
	ok(sqlite3_step(a) == SQLITE_ROW && sqlite3_column_int(a, 0) == 42, "it runs");
	/* in use: asked again (a nested user), it is another statement */
	ok(db_cached(db, q, &b, &err) == 0 && b != NULL && b != a,
	    "while in use, the same SQL gets a distinct statement");
	ok(sqlite3_step(b) == SQLITE_ROW && sqlite3_column_type(b, 0) == SQLITE_NULL,
	    "the second one has no bindings of the first");
	ok(sqlite3_column_int(a, 0) == 42, "and the first keeps its row");
	db_release(db, b);
	db_release(db, a);
	prepares = db_cache_prepares(db);
	ok(db_cached(db, q, &c, &err) == 0 && (c == a || c == b), "released: reused");
	is_int(db_cache_prepares(db), prepares, "without preparing again");
	ok(sqlite3_stmt_busy(c) == 0, "handed out reset");
	ok(sqlite3_step(c) == SQLITE_ROW && sqlite3_column_type(c, 0) == SQLITE_NULL,
	    "its bindings cleared");
	db_release(db, c);
	/* the same text from another buffer is the same statement */
	{
		char copy[sizeof q];

		memcpy(copy, q, sizeof q);
		ok(db_cached(db, copy, &c, &err) == 0 && (c == a || c == b),
		    "the same text elsewhere finds it");
		db_release(db, c);
	}
	/* a schema change: SQLite prepares the statement again by itself */
	ok(db_cached(db, "SELECT * FROM cache_probe", &a, &err) != 0,
	    "no table: the statement is refused");
	ok(db_exec(db, "CREATE TABLE cache_probe(x INTEGER) STRICT; "
	    "INSERT INTO cache_probe VALUES (7)", &err) == 0, "a table appears");
	ok(db_cached(db, "SELECT * FROM cache_probe", &a, &err) == 0, "now it prepares");
	ok(sqlite3_step(a) == SQLITE_ROW && sqlite3_column_count(a) == 1, "one column");
	db_release(db, a);
	ok(db_exec(db, "ALTER TABLE cache_probe ADD COLUMN y TEXT; "
	    "UPDATE cache_probe SET y = 'z'", &err) == 0, "the table changes");
	ok(db_cached(db, "SELECT * FROM cache_probe", &a, &err) == 0 &&
	    sqlite3_step(a) == SQLITE_ROW && sqlite3_column_count(a) == 2 &&
	    strcmp((const char *)sqlite3_column_text(a, 1), "z") == 0,
	    "the cached statement reads the changed table");
	db_release(db, a);
	/* a connection not opened by db_open has no cache: prepared, finalized */
	{
		sqlite3 *raw;

		if (sqlite3_open(path("cache.db"), &raw) == SQLITE_OK) {
			ok(db_cached(raw, "SELECT 1", &a, &err) == 0 && a != NULL &&
			    db_cache_count(raw) == 0, "no cache on a raw connection");
			db_release(raw, a);
			ok(sqlite3_close(raw) == SQLITE_OK, "and nothing left open on it");
		}
	}
	ok(db_cache_count(db) > held, "statements held at close");
	db_close(db);
	is_int((int)(sqlite3_memory_used() - before), 0,
	    "db_close finalizes them: all SQLite memory given back");
}

int
main(void)
{
	struct mc_err err;
	struct stat sb;
	sqlite3 *db;
	char buf[64];
	int latest;

	if (mkdtemp(dir) == NULL)
		return 99;
	latest = db_schema_latest();

	/* a new database */
	ok(db_open(path("new.db"), 0, &db, &err) != 0 && err.kind == MC_ENOTFOUND,
	    "a missing database is not created without DB_CREATE");
	ok(access(path("new.db"), F_OK) != 0, "... and no file appears");
	ok(db_open(path("sub/dir/new.db"), DB_CREATE, &db, &err) == 0, "create a database");
	ok(stat(path("sub/dir/new.db"), &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "the file is mode 0600");
	is_int(db_schema_version(db), latest, "migrated to the latest schema");
	is_int(db_int(db, "PRAGMA application_id", 0), MC_APPLICATION_ID, "application id set");
	memset(buf, 0, sizeof buf);
	{
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
		sqlite3_step(st);
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	is_str(buf, "wal", "journal mode WAL");
	is_int(db_int(db, "PRAGMA synchronous", -1), 2, "synchronous FULL");
	is_int(db_int(db, "PRAGMA foreign_keys", -1), 1, "foreign keys on");
	is_int(db_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
	    "sql NOT LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%'", -1), 0,
	    "every table is STRICT");
	is_int(db_int(db, "SELECT vn_fold('Đặng Thị Hòa') = 'dang thi hoa'", 0), 1,
	    "vn_fold is registered");

	/* meta */
	ok(db_meta_get(db, "nothing", buf, sizeof buf) != 0 && buf[0] == '\0',
	    "absent meta key");
	ok(db_meta_set(db, "k", "v1", &err) == 0 && db_meta_set(db, "k", "v2", &err) == 0 &&
	    db_meta_get(db, "k", buf, sizeof buf) == 0 && strcmp(buf, "v2") == 0,
	    "meta set overwrites");

	/* transactions nest: an inner failure undoes only itself; an outer
	 * rollback undoes the inner work it had kept */
	{
		struct db_tx outer, inner;

		ok(db_tx_begin(db, &outer, &err) == 0 && outer.outer, "an outer transaction");
		ok(db_meta_set(db, "tx", "outer", &err) == 0, "a write in it");
		ok(db_tx_begin(db, &inner, &err) == 0 && !inner.outer,
		    "an inner one is a savepoint");
		ok(db_meta_set(db, "tx", "inner", &err) == 0, "a write in the inner one");
		db_tx_rollback(&inner);
		ok(db_meta_get(db, "tx", buf, sizeof buf) == 0 && strcmp(buf, "outer") == 0,
		    "rolling back the inner one keeps the outer one's write");
		db_tx_rollback(&inner);
		ok(!sqlite3_get_autocommit(db), "a second rollback of it does nothing");
		ok(db_tx_begin(db, &inner, &err) == 0 &&
		    db_meta_set(db, "tx2", "kept", &err) == 0 &&
		    db_tx_commit(&inner, &err) == 0 && !sqlite3_get_autocommit(db),
		    "committing an inner one leaves the outer one open");
		db_tx_rollback(&outer);
		ok(sqlite3_get_autocommit(db), "the outer rollback ends the transaction");
		ok(db_meta_get(db, "tx", buf, sizeof buf) != 0 &&
		    db_meta_get(db, "tx2", buf, sizeof buf) != 0,
		    "... and undoes the inner work it had kept");
		ok(db_tx_begin(db, &outer, &err) == 0 && db_tx_begin(db, &inner, &err) == 0 &&
		    db_meta_set(db, "tx3", "both", &err) == 0 &&
		    db_tx_commit(&inner, &err) == 0 && db_tx_commit(&outer, &err) == 0 &&
		    sqlite3_get_autocommit(db) &&
		    db_meta_get(db, "tx3", buf, sizeof buf) == 0 && strcmp(buf, "both") == 0,
		    "inner and outer committed: one commit, saved");
		ok(db_tx_commit(&outer, &err) != 0 && err.kind == MC_ESTORE,
		    "committing a closed transaction is an error, not a crash");
	}

	/* db_step_text: the first column of the row; no row is said in words,
	 * not as SQLite's "not an error" */
	{
		sqlite3_stmt *st;
		char *text = NULL;

		ok(db_prepare(db, "SELECT 'a' || 'b'", &st, &err) == 0 &&
		    (text = db_step_text(db, st, "reading", &err)) != NULL &&
		    strcmp(text, "ab") == 0, "db_step_text: the row's text");
		sqlite3_free(text);
		memset(&err, 0, sizeof err);
		ok(db_prepare(db, "SELECT 'x' WHERE 0", &st, &err) == 0 &&
		    db_step_text(db, st, "reading", &err) == NULL && err.kind == MC_ESTORE &&
		    strstr(err.msg, "reading failed: the query gave no result") != NULL &&
		    strstr(err.msg, "not an error") == NULL,
		    "db_step_text without a row: a sentence, not an error code (%s)", err.msg);
	}

	/* the event log is append-only */
	ok(db_exec(db, "INSERT INTO meta VALUES ('station_id', 'S1')", &err) == 0,
	    "give the database an identity");
	{
		struct mc_time t = {date_jdn(2026, 3, 2), 600};
		struct db_tx tx;
		ok(db_tx_begin(db, &tx, &err) == 0 &&
		    event_append(db, "D1", "note", &t, "u", "{ \"a\" : 1 }", &err) == 0 &&
		    event_append(db, "D1", "note", &t, "u", "{\"a\":2}", &err) == 0 &&
		    db_tx_commit(&tx, &err) == 0, "append two events");
	}
	is_int(db_int(db, "SELECT count(*) FROM event WHERE origin = 'S1'", 0), 2,
	    "two events stored");
	is_int(db_int(db, "SELECT body = '{\"a\":1}' FROM event WHERE seq = 1", 0), 1,
	    "the body is stored minified");
	is_int(db_int(db, "SELECT e2.prev = e1.hash FROM event e1, event e2 WHERE e1.seq = 1 "
	    "AND e2.seq = 2", 0), 1, "the second event links to the first");
	is_int(event_verify(db, &err), 0, "the chain verifies");
	ok(db_exec(db, "UPDATE event SET body = '{}' WHERE seq = 1", &err) != 0 &&
	    strstr(err.msg, "append-only") != NULL, "UPDATE of an event is refused");
	ok(db_exec(db, "DELETE FROM event", &err) != 0, "DELETE of an event is refused");
	is_int(db_int(db, "SELECT count(*) FROM event", 0), 2, "the events are still there");
	/* forging: bypass the trigger to prove the verifier sees it */
	ok(db_exec(db, "DROP TRIGGER event_no_update; UPDATE event SET body = "
	    "'{\"a\":9}' WHERE seq = 1", &err) == 0, "(forge an event behind our back)");
	is_int(event_verify(db, &err), 1, "the forged event fails verification");
	db_close(db);

	/* a file from a newer motcua is refused and left as it was */
	ok(db_open(path("newer.db"), DB_CREATE, &db, &err) == 0, "make another database");
	db_close(db);
	ok(raw_exec(path("newer.db"), "PRAGMA user_version = 999") == 0,
	    "(pretend a newer motcua wrote it)");
	refused_untouched(path("newer.db"), "newer schema", "newer motcua");

	/* another program's database is refused */
	ok(raw_exec(path("other.db"), "CREATE TABLE t(x); INSERT INTO t VALUES (1)") == 0,
	    "(another program's database)");
	refused_untouched(path("other.db"), "foreign database", "not a motcua database");

	/* a file that is not SQLite at all */
	{
		FILE *f = fopen(path("text.db"), "w");
		fputs("this is a letter, not a database\n", f);
		fclose(f);
	}
	refused_untouched(path("text.db"), "plain text file", "not a database");

	/* migration from version 1: later steps are applied in order */
	ok(raw_exec(path("v1.db"), schema_steps[0].sql) == 0 &&
	    raw_exec(path("v1.db"), "PRAGMA user_version = 1; PRAGMA application_id = "
	    "1296258369") == 0, "(a database at schema 1)");
	ok(db_open(path("v1.db"), 0, &db, &err) == 0, "open and migrate it");
	is_int(db_schema_version(db), latest, "now at the latest schema");
	is_int(db_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'procedure'", 0),
	    1, "the catalog tables of step 2 exist");
	db_close(db);

	/* a failing migration leaves the database at its old version */
	if (schema_nsteps > 1) {
		ok(raw_exec(path("bad.db"), schema_steps[0].sql) == 0 &&
		    raw_exec(path("bad.db"), "PRAGMA user_version = 1; PRAGMA application_id = "
		    "1296258369; CREATE TABLE procedure(x)") == 0,
		    "(a schema-1 database with a clashing table)");
		ok(db_open(path("bad.db"), 0, &db, &err) != 0, "the migration fails");
		ok(strstr(err.msg, schema_steps[1].name) != NULL, "the message names the step");
		ok(db_open(path("bad.db"), DB_NO_MIGRATE, &db, &err) == 0 &&
		    db_schema_version(db) == 1 &&
		    db_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = "
		    "'procedure_document'", -1) == 0, "nothing of the failed step remains");
		db_close(db);
	}

	test_cache();

	/* default location */
	setenv("MOTCUA_DB", "/x/y.db", 1);
	ok(db_default_path(NULL, buf, sizeof buf, &err) == 0 && strcmp(buf, "/x/y.db") == 0,
	    "$MOTCUA_DB wins");
	unsetenv("MOTCUA_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	ok(db_default_path(NULL, buf, sizeof buf, &err) == 0 &&
	    strcmp(buf, "/data/motcua/motcua.db") == 0, "then $XDG_DATA_HOME");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/u", 1);
	ok(db_default_path("demo.db", buf, sizeof buf, &err) == 0 &&
	    strcmp(buf, "/home/u/.local/share/motcua/demo.db") == 0, "then ~/.local/share");

	{
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			diag("could not remove the temporary folder");
	}
	return tap_done();
}
