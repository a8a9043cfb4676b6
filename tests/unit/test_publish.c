/* test_publish.c — a publication import (catalog or calendar) is one
 * atomic commit: when its last step fails, the receiving database is
 * exactly as it was.  The failure is made by a temporary trigger on the
 * receiver's connection that refuses the final write of the version held,
 * the way a full disk or a pulled stick would refuse it.
 *
 * And the version rule (publish.h): the version a new publication gets,
 * and which publications a station applies (only those of a station it
 * trusts: each receiver here trusts the publisher's key first). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/publish.h"
#include "motcua/key.h"
#include "motcua/sync.h"
#include "motcua/trust.h"
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
	    catalog_import_json(db, NULL, catalog_sample_json, &cs, &err) != 0) {
		fprintf(stderr, "station %s: %s\n", name, err.msg);
		exit(99);
	}
	return db;
}

/* db takes the publications of station `of`: it trusts its key, as its
 * supervisor would after comparing the fingerprint (trust.h); these
 * stations have no officers yet, so the setup does it. */
static void
trusting(sqlite3 *db, sqlite3 *of)
{
	struct mc_unit u;
	struct mc_err err;
	char pub[MC_KEY_HEX];

	if (unit_get(of, &u, &err) != 0 || key_public(of, pub, &err) != 0 ||
	    trust_add(db, NULL, u.station_id, pub, u.code, u.station, &err) != 0) {
		fprintf(stderr, "trust: %s\n", err.msg);
		exit(99);
	}
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
last_step_fails(sqlite3 *pub, const char *kind, const char *bundle, const char *key, int n)
{
	struct sync_report r;
	struct mc_err err;
	char name[64], *before, *after;
	sqlite3 *probe, *db;
	int writes, rc;

	snprintf(name, sizeof name, "probe-%s-%d.db", kind, n);
	probe = station(name, 2);
	trusting(probe, pub);
	watch_meta(probe, key, 0);
	rc = sync_import(probe, NULL, bundle, false, &r, NULL, NULL, &err);
	ok(rc == 0, "%s publication: imports when nothing fails (%s)", kind,
	    rc == 0 ? r.kind : err.msg);
	writes = (int)db_int(probe, "SELECT count(*) FROM temp.hits", 0);
	ok(writes >= 1, "%s publication: the import writes %s (%d times)", kind, key, writes);
	db_close(probe);

	snprintf(name, sizeof name, "recv-%s-%d.db", kind, n);
	db = station(name, 3);
	trusting(db, pub);
	watch_meta(db, key, writes);
	before = dump(db);
	ok(sync_import(db, NULL, bundle, false, &r, NULL, NULL, &err) != 0,
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

/* The meta value `key` of db, as a number (0 if absent). */
static long long
held(sqlite3 *db, const char *key)
{
	char buf[32];

	return db_meta_get(db, key, buf, sizeof buf) == 0 ? atoll(buf) : 0;
}

static void
version_rule(sqlite3 *pub)
{
	struct sync_report r;
	struct mc_err err;
	long long v = 0;
	char out[1024];
	int years[64];
	sqlite3 *recv;
	char *json;

	/* the number itself */
	ok(publish_version_parse("3", &v) == 0 && v == 3, "version \"3\"");
	ok(publish_version_parse("9007199254740992", &v) == 0, "version 2^53");
	ok(publish_version_parse("9007199254740993", &v) != 0, "version 2^53 + 1 refused");
	ok(publish_version_parse("0", &v) != 0 && publish_version_parse("-1", &v) != 0 &&
	    publish_version_parse("1.5", &v) != 0 && publish_version_parse("", &v) != 0 &&
	    publish_version_parse(" 2", &v) != 0, "0, -1, 1.5, \"\" and \" 2\" refused");

	/* the receiving half, as a rule */
	ok(publish_applies(NULL, 1, false), "nothing held: applied");
	ok(publish_applies("3", 4, false), "newer than the one held: applied");
	ok(publish_applies("3", 3, false), "the same version again: applied (changes nothing)");
	ok(!publish_applies("3", 2, false), "older than the one held: refused");
	ok(publish_applies("3", 2, true), "older, forced: applied");

	/* the version a new publication gets */
	ok(publish_version_next(pub, "catalog", &v, &err) == 0 &&
	    v == held(pub, "catalog_version"), "catalog: the version held (%lld)", v);
	ok(publish_version_next(pub, "calendar", &v, &err) != 0 &&
	    err.kind == MC_ENOTFOUND && strstr(err.msg, "--version") != NULL,
	    "calendar, none held: says to give --version (%s)", err.msg);
	ok(publish_version_next(pub, "atlas", &v, &err) != 0 && err.kind == MC_EINVAL,
	    "an unknown kind refused");
	ok(publish_payload(pub, "atlas", 1, &err) == NULL && err.kind == MC_EINVAL,
	    "no payload of an unknown kind");
	ok(publish_payload(pub, "calendar", 1, &err) == NULL && err.kind == MC_ENOTFOUND,
	    "no calendar to publish yet: MC_ENOTFOUND");

	json = slurp("data/calendar-2026.json");
	ok(calendar_import_json(pub, NULL, json, years, 64, &err) >= 0,
	    "the publisher takes the 2026 calendar");
	free(json);
	ok(publish_write(pub, NULL, "calendar", 3, path("rule-3.motcua"), out, sizeof out,
	    &err) == 0, "publish calendar version 3 (%s)", err.msg);
	is_int(held(pub, "calendar_version"), 3, "the publisher holds version 3");
	ok(publish_version_next(pub, "calendar", &v, &err) == 0 && v == 4,
	    "the next calendar gets version 4");
	ok(publish_write(pub, NULL, "calendar", 2, path("rule-2.motcua"), out, sizeof out,
	    &err) == 0, "publish an older calendar version 2");
	is_int(held(pub, "calendar_version"), 3, "the publisher still holds version 3");
	ok(publish_write(pub, NULL, "calendar", 5, path("rule-2.motcua"), out, sizeof out,
	    &err) != 0, "a file that exists already is not overwritten");
	is_int(held(pub, "calendar_version"), 3, "and the version held stays");
	ok(publish_write(pub, NULL, "catalog", 7, path("rule-cat7.motcua"), out, sizeof out,
	    &err) == 0, "publish the catalog as version 7");

	/* the receiving half, in an import */
	/* a station that does not trust the publisher takes nothing of it */
	recv = station("untrusting.db", 5);
	{
		char *before = dump(recv), *after;

		ok(sync_import(recv, NULL, path("rule-3.motcua"), false, &r, NULL, NULL, &err)
		    != 0 && err.kind == MC_EINVAL && strstr(err.msg, "does not trust") != NULL,
		    "a publication of a station not trusted here: refused (%s)", err.msg);
		after = dump(recv);
		ok(strcmp(before, after) == 0 && held(recv, "calendar_version") == 0,
		    "and the database is unchanged");
		sqlite3_free(before);
		sqlite3_free(after);
	}
	db_close(recv);

	recv = station("rule.db", 4);
	trusting(recv, pub);
	ok(sync_import(recv, NULL, path("rule-3.motcua"), false, &r, NULL, NULL, &err) == 0 &&
	    r.version == 3, "a receiver takes calendar version 3");
	is_int(held(recv, "calendar_version"), 3, "the receiver holds version 3");
	ok(sync_import(recv, NULL, path("rule-3.motcua"), false, &r, NULL, NULL, &err) == 0,
	    "version 3 again: applied");
	ok(sync_import(recv, NULL, path("rule-2.motcua"), false, &r, NULL, NULL, &err) != 0 &&
	    err.kind == MC_ECONFLICT && strstr(err.msg, "--force") != NULL,
	    "version 2 after 3: refused, says --force (%s)", err.msg);
	is_int(held(recv, "calendar_version"), 3, "the receiver still holds version 3");
	ok(sync_import(recv, NULL, path("rule-2.motcua"), true, &r, NULL, NULL, &err) == 0,
	    "version 2, forced: applied");
	is_int(held(recv, "calendar_version"), 2, "the receiver now holds version 2");
	ok(sync_import(recv, NULL, path("rule-cat7.motcua"), false, &r, NULL, NULL, &err) == 0,
	    "a catalog version 7: applied");
	is_int(held(recv, "catalog_version"), 7, "the receiver holds catalog version 7");
	db_close(recv);
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
	last_step_fails(pub, "catalog", path("catalog.motcua"), "catalog_version", 1);

	json = slurp("data/calendar-2026.json");
	ok(sync_publish(pub, "calendar", 1, json, path("calendar.motcua"), out, sizeof out,
	    &err) == 0, "write a calendar publication");
	free(json);
	last_step_fails(pub, "calendar", path("calendar.motcua"), "calendar_version", 2);
	version_rule(pub);
	db_close(pub);

	{
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			diag("could not remove the temporary folder");
	}
	return tap_done();
}
