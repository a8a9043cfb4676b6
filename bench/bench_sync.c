/* bench_sync.c — sync by file with 100,000 events: export them all, import
 * them into an empty station, import the same file again; and what one
 * event's signature costs to make and to check.
 *
 * Station A (unit 000.17.22.H56, station 1) gets 100,000 receipts from
 * demo_fill (each a real receipt: an event hash-chained after the last,
 * signed with A's key); station B (same unit, station 2) has the same
 * sample catalog, no dossier, and trusts A's key, as its supervisor does
 * after comparing the fingerprint (trust.h).  Lan (an officer) receives,
 * exports and imports; Trưởng (a supervisor) imports the catalog and
 * trusts.  Figures only: `make bench`, or ./bench/bench_sync DIR.
 * $MOTCUA_BENCH_EVENTS: how many receipts instead of 100,000 (a slow or
 * busy machine). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/key.h"
#include "motcua/sync.h"
#include "motcua/trust.h"
#include "motcua/unit.h"

#define EVENTS 100000		/* unless $MOTCUA_BENCH_EVENTS says */
#define SIGNS 20000		/* signatures made and checked for the per-event cost */

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
station(const char *path, int number, sqlite3 **db, struct mc_err *err)
{
	struct mc_unit u = {.code = "000.17.22.H56", .station = number};
	struct catalog_stats cs;

	remove(path);
	snprintf(u.name, sizeof u.name, "UBND xã Mỹ An");
	return db_open(path, DB_CREATE, db, err) || unit_init(*db, &u, err) ||
	    unit_officer_add(*db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, err) ||
	    unit_officer_add(*db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, err) ||
	    catalog_import_json(*db, "truong", catalog_sample_json, &cs, err) ? -1 : 0;
}

/* to trusts from's key, as to's supervisor does. */
static int
trust(sqlite3 *to, sqlite3 *from, struct mc_err *err)
{
	struct mc_unit u;
	char pub[MC_KEY_HEX];

	return unit_get(from, &u, err) || key_public(from, pub, err) ||
	    trust_add(to, "truong", u.station_id, pub, u.code, u.station, err) ? -1 : 0;
}

/* What one event's signature costs: key_sign over SIGNS event hashes of
 * station a (as event_append signs each), then key_verify of each (as an
 * import checks each). */
static int
signatures(sqlite3 *a, struct mc_err *err)
{
	static char hash[SIGNS][MC_HASH_LEN], sig[SIGNS][MC_SIG_HEX];
	char pub[MC_KEY_HEX];
	sqlite3_stmt *st;
	int n = 0, good = 0;
	double t;

	if (key_public(a, pub, err) ||
	    db_prepare(a, "SELECT hash FROM event ORDER BY rowid LIMIT ?1", &st, err))
		return -1;
	sqlite3_bind_int(st, 1, SIGNS);
	while (n < SIGNS && sqlite3_step(st) == SQLITE_ROW)
		snprintf(hash[n++], MC_HASH_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (n == 0)
		return err_set(err, MC_ENOTFOUND, "no event to sign");
	t = now_s();
	for (int i = 0; i < n; i++)
		if (key_sign(a, KEY_EVENT, hash[i], sig[i], err))
			return -1;
	t = now_s() - t;
	printf("%-40s %8.2f us  (%d events)\n", "sign an event (key_sign)", t / n * 1e6, n);
	t = now_s();
	for (int i = 0; i < n; i++)
		good += key_verify(pub, KEY_EVENT, hash[i], sig[i]);
	t = now_s() - t;
	printf("%-40s %8.2f us  (%d of %d good)\n", "verify an event (key_verify)",
	    t / n * 1e6, good, n);
	return 0;
}

/* Bytes this process has caused to be written to storage so far
 * (/proc/self/io write_bytes; -1 where there is no such file). */
static long long
io_written(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "write_bytes: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static void
report(const char *what, double s, long long events)
{
	printf("%-40s %8.2f s  %9.0f events/s\n", what, s, s > 0 ? (double)events / s : 0);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char pa[512], pb[512], bundle[512], written[1024];
	struct sync_report r;
	struct mc_err err;
	struct stat sb;
	sqlite3 *a = NULL, *b = NULL;
	long long count, wrote;
	double t;
	const char *env = getenv("MOTCUA_BENCH_EVENTS");
	long events = env != NULL && *env != '\0' ? strtol(env, NULL, 10) : EVENTS;

	if (events < 100 || events > 10000000) {
		fprintf(stderr, "bench: MOTCUA_BENCH_EVENTS=%s: give 100 to 10000000\n", env);
		return 1;
	}
	snprintf(pa, sizeof pa, "%s/sync-a.db", dir);
	snprintf(pb, sizeof pb, "%s/sync-b.db", dir);
	snprintf(bundle, sizeof bundle, "%s/sync-all.motcua", dir);
	remove(bundle);
	if (station(pa, 1, &a, &err) || station(pb, 2, &b, &err) || trust(b, a, &err))
		goto fail;
	t = now_s();
	/* 480 days back (after the sample catalog takes effect): about 300
	 * receipts a working day, inside the station's block of daily numbers */
	if (demo_fill(a, "lan", (int)events, 480, &err))
		goto fail;
	printf("made %lld receipts (%lld events) in %.1f s (synchronous=OFF while filling)\n",
	    db_int(a, "SELECT count(*) FROM dossier", 0),
	    db_int(a, "SELECT count(*) FROM event", 0), now_s() - t);

	t = now_s();
	if (sync_export(a, "lan", NULL, bundle, written, sizeof written, &count, NULL, NULL, &err))
		goto fail;
	t = now_s() - t;
	report("export all (write, fsync, rename)", t, count);
	if (stat(bundle, &sb) == 0)
		printf("%-40s %lld bytes (%.0f bytes/event)\n", "bundle size", (long long)sb.st_size,
		    (double)sb.st_size / (double)(count ? count : 1));

	wrote = io_written();
	t = now_s();
	if (sync_import(b, "lan", bundle, false, &r, NULL, NULL, &err))
		goto fail;
	t = now_s() - t;
	report("import into an empty station", t, r.events_new);
	if (wrote >= 0)
		printf("%-40s %.1f MB written (/proc/self/io write_bytes)\n", "",
		    (double)(io_written() - wrote) / 1e6);
	printf("%-40s %lld new events, %lld new dossiers\n", "", r.events_new, r.dossiers_new);

	t = now_s();
	if (sync_import(b, "lan", bundle, false, &r, NULL, NULL, &err))
		goto fail;
	t = now_s() - t;
	report("import the same file again", t, r.events_known);
	printf("%-40s %lld new, %lld already held\n", "", r.events_new, r.events_known);

	if (signatures(a, &err))
		goto fail;

	db_close(a);
	db_close(b);
	remove(pa);
	remove(pb);
	remove(bundle);
	return 0;
fail:
	fprintf(stderr, "bench: %s\n", err.msg);
	if (a != NULL)
		db_close(a);
	if (b != NULL)
		db_close(b);
	return 1;
}
