/* station.h — what the event, sync and report unit tests share: a
 * temporary folder, a station database in it (unit, two officers, the
 * sample catalog), times written as text, receipts and steps, and a
 * digest of every row of a database to show that nothing changed.
 *
 *   test_dir_make("sync");           sqlite3 *db = station_new("a.db", 1);
 *   struct mc_time t = moment("2026-11-02 09:00");
 *   receive(db, cal, "1.001022", "2026-11-02 09:00", code);
 *   step(db, cal, code, MC_STEP_RESULT, "2026-11-03 10:00", NULL);
 *   digest(db, hex);                 test_dir_remove();
 *
 * Anything that must work for the test to mean something (making the
 * station, a receipt, a step) stops the test with "Bail out!". */
#ifndef MOTCUA_TEST_STATION_H
#define MOTCUA_TEST_STATION_H

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/catalog.h"
#include "motcua/db.h"
#include "motcua/demo.h"
#include "motcua/dossier.h"
#include "motcua/key.h"
#include "motcua/lifecycle.h"
#include "motcua/trust.h"
#include "motcua/vocab.h"
#include "motcua/unit.h"

#define UNIT_CODE "000.17.22.H56"
#define UNIT_NAME "UBND xã Mỹ An"

static char test_dir[64];

__attribute__((noreturn, unused))
static void
bail(const char *what, const char *why)
{
	printf("Bail out! %s: %s\n", what, why);
	exit(1);
}

/* A fresh folder /tmp/motcua-test-NAME.XXXXXX for this test's files. */
__attribute__((unused))
static void
test_dir_make(const char *name)
{
	snprintf(test_dir, sizeof test_dir, "/tmp/motcua-test-%s.XXXXXX", name);
	if (mkdtemp(test_dir) == NULL)
		bail("mkdtemp", test_dir);
}

/* A path in that folder (one of four rotating buffers). */
__attribute__((unused))
static const char *
test_path(const char *file)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", test_dir, file);
	return buf[k];
}

__attribute__((unused))
static void
test_dir_remove(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", test_dir);
}

/* "YYYY-MM-DD HH:MM" as a moment. */
__attribute__((unused))
static struct mc_time
moment(const char *s)
{
	struct mc_time t;

	if (date_parse_time(s, &t) != 0)
		bail("a time in the test", s);
	return t;
}

/* A new station `number` of the unit, in the test folder: officers "lan"
 * (officer) and "truong" (supervisor), the sample catalog. */
__attribute__((unused))
static sqlite3 *
station_new(const char *file, int number)
{
	struct mc_unit u;
	struct catalog_stats cs;
	struct mc_err err;
	sqlite3 *db;

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", UNIT_CODE);
	snprintf(u.name, sizeof u.name, "%s", UNIT_NAME);
	u.station = number;
	if (db_open(test_path(file), DB_CREATE, &db, &err) || unit_init(db, &u, &err) ||
	    unit_officer_add(db, "lan", "Nguyễn Thị Lan", MC_ROLE_OFFICER, &err) ||
	    unit_officer_add(db, "truong", "Trần Văn Trưởng", MC_ROLE_SUPERVISOR, &err) ||
	    catalog_import_json(db, "truong", catalog_sample_json, &cs, &err))
		bail(file, err.msg);
	return db;
}

/* a trusts b's key, as its supervisor truong does after comparing the
 * fingerprint (trust.h). */
__attribute__((unused))
static void
station_trust(sqlite3 *a, sqlite3 *b)
{
	struct mc_unit u;
	struct mc_err err;
	char pub[MC_KEY_HEX];

	if (unit_get(b, &u, &err) || key_public(b, pub, &err) ||
	    trust_add(a, "truong", u.station_id, pub, u.code, u.station, &err))
		bail("trust", err.msg);
}

/* The station's own id. */
__attribute__((unused))
static void
station_id(sqlite3 *db, char out[MC_UUID_LEN])
{
	struct mc_err err;

	if (event_station(db, out, &err) != 0)
		bail("station id", err.msg);
}

/* A receipt of `procedure` at `when` by lan, every document handed in;
 * each applicant gets a new ID number.  The code goes to code[MC_CODE_LEN]. */
__attribute__((unused))
static void
receive(sqlite3 *db, struct mc_calendar *cal, const char *procedure, const char *when,
    char code[MC_CODE_LEN])
{
	static int serial;
	struct mc_receipt r;
	struct mc_receipt_out out;
	struct mc_err err;
	char id[24], name[64];

	memset(&r, 0, sizeof r);
	serial++;
	snprintf(id, sizeof id, "087084%06d", serial);
	snprintf(name, sizeof name, "Người Thứ %d", serial);
	r.procedure = procedure;
	r.docs = "all";
	r.applicant.name = name;
	r.applicant.id = id;
	r.applicant.address = "Ấp 3, xã Mỹ An";
	r.officer = "lan";
	r.at = moment(when);
	if (dossier_receive(db, cal, &r, &out, &err) != 0)
		bail(when, err.msg);
	snprintf(code, MC_CODE_LEN, "%s", out.code);
}

/* A lifecycle step of kind k at `when`, by lan (truong for a cancel); `a`
 * NULL gives every step what it needs with default words. */
__attribute__((unused))
static void
step(sqlite3 *db, struct mc_calendar *cal, const char *code, enum mc_kind_id k,
    const char *when, const struct mc_step_args *a)
{
	const struct mc_kind *kind = vocab_kind(k);
	struct mc_step_args dflt;
	struct mc_time t = moment(when);
	struct mc_err err;

	memset(&dflt, 0, sizeof dflt);
	/* -1 where the kind has no such field: nothing to give it */
	(void)lifecycle_arg(&dflt, kind, "to", "Phạm Văn Tư");
	(void)lifecycle_arg(&dflt, kind, "agency", "Phòng Tư pháp");
	if (k != MC_KIND_RESULT)
		(void)lifecycle_arg(&dflt, kind, "reason", "Lý do");
	if (lifecycle_record(db, cal, code, kind, a != NULL ? a : &dflt, &t,
	    k == MC_KIND_CANCEL ? "truong" : "lan", &err) != 0) {
		printf("Bail out! %s %s at %s: %s\n", code, kind->name, when, err.msg);
		exit(1);
	}
}

/* ---- a digest of every row ------------------------------------------------- */

__attribute__((unused))
static int
digest_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Hash one table's rows, sorted, so the digest does not depend on the
 * order a query happens to return them in. */
__attribute__((unused))
static void
digest_table(sqlite3 *db, const char *table, crypto_hash_sha256_state *h,
    long long *rows)
{
	char sql[160], **row = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;

	snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail(table, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_str *s = sqlite3_str_new(db);

		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const unsigned char *v = sqlite3_column_text(st, c);

			/* the type, so that NULL, '' and 0 differ */
			sqlite3_str_appendf(s, "%d:%s\x1f", sqlite3_column_type(st, c),
			    v != NULL ? (const char *)v : "");
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((row = realloc(row, cap * sizeof *row)) == NULL)
				bail("digest", "out of memory");
		}
		row[n++] = sqlite3_str_finish(s);
	}
	sqlite3_finalize(st);
	if (n > 1)
		qsort(row, n, sizeof *row, digest_cmp);
	crypto_hash_sha256_update(h, (const unsigned char *)table, strlen(table) + 1);
	for (size_t i = 0; i < n; i++) {
		crypto_hash_sha256_update(h, (const unsigned char *)row[i], strlen(row[i]) + 1);
		sqlite3_free(row[i]);
	}
	free(row);
	*rows += (long long)n;
}

/* SHA-256 (hex) of every row of every table of the database; returns the
 * number of rows. */
__attribute__((unused))
static long long
digest(sqlite3 *db, char out[MC_HASH_LEN])
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES];
	sqlite3_stmt *st;
	long long rows = 0;

	crypto_hash_sha256_init(&h);
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
	    "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		bail("digest", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		digest_table(db, (const char *)sqlite3_column_text(st, 0), &h, &rows);
	sqlite3_finalize(st);
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(out, MC_HASH_LEN, d, sizeof d);
	return rows;
}

#endif
