/* test_publish.c — a publication import (catalog or calendar) is one
 * atomic commit: when its last step fails, the receiving database is
 * exactly as it was.  The failure is made by a temporary trigger on the
 * receiver's connection that refuses the final write of the version held,
 * the way a full disk or a pulled stick would refuse it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/sync.h"
#include "motcua/unit.h"
#include "tap.h"

/* make check exports top_srcdir; by hand, run from the source tree. */
#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static char dir[] = "/tmp/motcua-test-publish.XXXXXX";

static const char *
path(const char *name)
{
	static char buf[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static char *
slurp(const char *rel)
{
	char p[1024];
	FILE *f;
	char *s;
	long n;

	snprintf(p, sizeof p, "%s/%s", getenv("top_srcdir") ? getenv("top_srcdir") :
	    TOP_SRCDIR, rel);
	if ((f = fopen(p, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (s = malloc((size_t)n + 1)) == NULL || fread(s, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", p);
		exit(99);
	}
	s[n] = '\0';
	fclose(f);
	return s;
}

static sqlite3 *
station(const char *name, int number)
{
	struct mc_unit u;
	struct mc_err err;
	struct catalog_stats cs;
	sqlite3 *db;

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "000.00.31.H12");
	snprintf(u.name, sizeof u.name, "UBND xã Thử");
	u.station = number;
	if (db_open(path(name), DB_CREATE, &db, &err) != 0 || unit_init(db, &u, &err) != 0 ||
	    catalog_import_json(db, catalog_sample_json, &cs, &err) != 0) {
		fprintf(stderr, "station %s: %s\n", name, err.msg);
		exit(99);
	}
	return db;
}

/* Every row of every table of the main schema, as text: two equal dumps
 * are two equal databases for this test's purpose. */
static char *
dump(sqlite3 *db)
{
	sqlite3_str *out = sqlite3_str_new(db);
	sqlite3_stmt *tables, *rows;

	if (sqlite3_prepare_v2(db, "SELECT name FROM main.sqlite_schema WHERE type = "
	    "'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &tables, NULL) != SQLITE_OK)
		exit(99);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM main.\"%w\" ORDER BY 1, 2",
		    (const char *)sqlite3_column_text(tables, 0));

		sqlite3_str_appendf(out, "[%s]\n", sqlite3_column_text(tables, 0));
		if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK)
			exit(99);
		sqlite3_free(sql);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++)
				sqlite3_str_appendf(out, "%s|", sqlite3_column_text(rows, c));
			sqlite3_str_appendchar(out, 1, '\n');
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	return sqlite3_str_finish(out);
}

/* Count the writes of meta `key` on this connection; with fail_at > 0,
 * refuse the fail_at-th one. */
static void
watch_meta(sqlite3 *db, const char *key, int fail_at)
{
	char *sql = sqlite3_mprintf(
	    "CREATE TEMP TABLE IF NOT EXISTS hits(n INTEGER);"
	    "DELETE FROM temp.hits;"
	    "DROP TRIGGER IF EXISTS temp.count_ins; DROP TRIGGER IF EXISTS temp.count_upd;"
	    "DROP TRIGGER IF EXISTS temp.fail_ins; DROP TRIGGER IF EXISTS temp.fail_upd;"
	    "CREATE TEMP TRIGGER count_ins AFTER INSERT ON main.meta WHEN NEW.key = %Q "
	    "BEGIN INSERT INTO hits VALUES (1); END;"
	    "CREATE TEMP TRIGGER count_upd AFTER UPDATE ON main.meta WHEN NEW.key = %Q "
	    "BEGIN INSERT INTO hits VALUES (1); END;"
	    "CREATE TEMP TRIGGER fail_ins BEFORE INSERT ON main.meta WHEN NEW.key = %Q AND "
	    "(SELECT count(*) FROM hits) + 1 = %d BEGIN SELECT RAISE(ABORT, 'disk gave out'); END;"
	    "CREATE TEMP TRIGGER fail_upd BEFORE UPDATE ON main.meta WHEN NEW.key = %Q AND "
	    "(SELECT count(*) FROM hits) + 1 = %d BEGIN SELECT RAISE(ABORT, 'disk gave out'); END;",
	    key, key, key, fail_at, key, fail_at);

	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "watch_meta: %s\n", sqlite3_errmsg(db));
		exit(99);
	}
	sqlite3_free(sql);
}

/* Import `bundle` into a fresh receiver whose last write of `key` fails,
 * after learning on another fresh receiver how many writes of it the
 * import makes. */
static void
last_step_fails(const char *kind, const char *bundle, const char *key, int n)
{
	struct sync_report r;
	struct mc_err err;
	char name[64], *before, *after;
	sqlite3 *probe, *db;
	int writes, rc;

	snprintf(name, sizeof name, "probe-%s-%d.db", kind, n);
	probe = station(name, 2);
	watch_meta(probe, key, 0);
	rc = sync_import(probe, bundle, false, &r, NULL, NULL, &err);
	ok(rc == 0, "%s publication: imports when nothing fails (%s)", kind,
	    rc == 0 ? r.kind : err.msg);
	writes = (int)db_int(probe, "SELECT count(*) FROM temp.hits", 0);
	ok(writes >= 1, "%s publication: the import writes %s (%d times)", kind, key, writes);
	db_close(probe);

	snprintf(name, sizeof name, "recv-%s-%d.db", kind, n);
	db = station(name, 3);
	watch_meta(db, key, writes);
	before = dump(db);
	ok(sync_import(db, bundle, false, &r, NULL, NULL, &err) != 0,
	    "%s publication: refused when its last step fails", kind);
	ok(strstr(err.msg, "disk gave out") != NULL, "%s publication: the message says why (%s)",
	    kind, err.msg);
	ok(sqlite3_get_autocommit(db), "%s publication: no transaction left open", kind);
	after = dump(db);
	ok(strcmp(before, after) == 0, "%s publication: the database is unchanged", kind);
	sqlite3_free(before);
	sqlite3_free(after);
	db_close(db);
}

int
main(void)
{
	struct mc_err err;
	char out[1024];
	char *json;
	sqlite3 *pub;

	if (mkdtemp(dir) == NULL)
		return 99;
	pub = station("publisher.db", 1);

	json = slurp("tests/data/catalog-good-v2.json");
	ok(sync_publish(pub, "catalog", 2, json, path("catalog.motcua"), out, sizeof out,
	    &err) == 0, "write a catalog publication");
	free(json);
	last_step_fails("catalog", path("catalog.motcua"), "catalog_version", 1);

	json = slurp("data/calendar-2026.json");
	ok(sync_publish(pub, "calendar", 1, json, path("calendar.motcua"), out, sizeof out,
	    &err) == 0, "write a calendar publication");
	free(json);
	last_step_fails("calendar", path("calendar.motcua"), "calendar_version", 2);
	db_close(pub);

	{
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			diag("could not remove the temporary folder");
	}
	return tap_done();
}
