/* bundle.h — what test_sync.c does to bundles and databases as plain
 * SQLite files, below the sync API: open a bundle and edit it, read its
 * header, recompute its content hash as sync.h defines it, redo an
 * event's hash after an edit (as a forger would), sign it anew with a
 * station's own key (what only that station could), copy or cut a file,
 * and compare or count the rows of two databases (events by station and
 * sequence, audit events and dossier events told apart).
 *
 *   header(path, "count");          rehash_event(path, 2); rehash_content(path);
 *   rows_eq(A, events_where("seq <= 6"), b, EVENTS);
 *   kinds_after(B, idB, 0)  →  "catalog_import,import,receive@"
 *
 * Anything that must work for the test to mean something stops it with
 * "Bail out!" (station.h's bail). */
#ifndef MOTCUA_TEST_BUNDLE_H
#define MOTCUA_TEST_BUNDLE_H

#include <sodium.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "motcua/event.h"
#include "station.h"

__attribute__((unused))
static sqlite3 *
bundle_open(const char *path)
{
	sqlite3 *b;

	if (sqlite3_open_v2(path, &b, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		bail(path, sqlite3_errmsg(b));
	return b;
}

__attribute__((unused))
static void
bundle_exec(const char *path, const char *sql)
{
	sqlite3 *b = bundle_open(path);

	if (sqlite3_exec(b, sql, NULL, NULL, NULL) != SQLITE_OK)
		bail(sql, sqlite3_errmsg(b));
	sqlite3_close(b);
}

/* Every row of a query, as one text (malloc'd by SQLite): to compare
 * tables of two databases. */
__attribute__((unused))
static char *
rows(sqlite3 *db, const char *sql)
{
	sqlite3_str *s = sqlite3_str_new(db);
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail(sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++)
			sqlite3_str_appendf(s, "%s|", sqlite3_column_text(st, c) ?
			    (const char *)sqlite3_column_text(st, c) : "NULL");
		sqlite3_str_appendchar(s, 1, '\n');
	}
	sqlite3_finalize(st);
	return sqlite3_str_finish(s);
}

/* Does query qx on x give the same rows as qy on y? */
__attribute__((unused))
static bool
rows_eq(sqlite3 *x, const char *qx, sqlite3 *y, const char *qy)
{
	char *a = rows(x, qx), *b = rows(y, qy);
	bool same = a != NULL && b != NULL && strcmp(a, b) == 0;

	sqlite3_free(a);
	sqlite3_free(b);
	return same;
}

/* Do two databases (or a database and a bundle) give the same rows? */
__attribute__((unused))
static bool
same_rows(sqlite3 *x, sqlite3 *y, const char *sql)
{
	return rows_eq(x, sql, y, sql);
}

#define EVENTS "SELECT origin, seq, at, officer, dossier, kind, body, prev, hash, sig " \
	"FROM event ORDER BY origin, seq"

/* EVENTS, only those that pass `where` (an SQL condition made with
 * sqlite3_mprintf's %Q for the ids); one of four rotating buffers. */
__attribute__((unused))
static const char *
events_where(const char *fmt, ...)
{
	static char buf[4][512];
	static int k;
	va_list ap;
	char *w;

	va_start(ap, fmt);
	w = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (w == NULL)
		bail("events_where", "out of memory");
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "SELECT origin, seq, at, officer, dossier, kind, "
	    "body, prev, hash, sig FROM event WHERE %s ORDER BY origin, seq", w);
	sqlite3_free(w);
	return buf[k];
}

/* The first column of a query's first row, as a number (%Q for ids). */
__attribute__((unused))
static long long
scalar(sqlite3 *db, const char *fmt, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	long long v = -1;
	char *sql;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sql == NULL || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		bail(sql != NULL ? sql : "scalar", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return v;
}

/* The kinds of station `origin`'s events after seq `after`, in order, as
 * "kind,kind,…", a dossier's event marked "kind@": so "export" is an
 * audit event (dossier '') and "return@" a dossier's.  One of four
 * rotating buffers. */
__attribute__((unused))
static const char *
kinds_after(sqlite3 *db, const char *origin, long long after)
{
	static char buf[4][512];
	static int k;
	sqlite3_stmt *st;

	k = (k + 1) % 4;
	buf[k][0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT coalesce(group_concat(kind || CASE WHEN dossier = "
	    "'' THEN '' ELSE '@' END, ','), '') FROM (SELECT kind, dossier FROM event "
	    "WHERE origin = ?1 AND seq > ?2 ORDER BY seq)", -1, &st, NULL) != SQLITE_OK)
		bail("kinds_after", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf[k], sizeof buf[k], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf[k];
}

/* No dossier row was made for the audit events (dossier ''). */
__attribute__((unused))
static bool
no_audit_dossier(sqlite3 *db)
{
	return scalar(db, "SELECT count(*) FROM dossier WHERE id = ''") == 0;
}
#define DOSSIERS "SELECT * FROM dossier ORDER BY id"
#define WORDS "SELECT word, id FROM name_word ORDER BY word, id"
#define E64 "0000000000000000000000000000000000000000000000000000000000000000"

__attribute__((unused))
static const char *
header(const char *path, const char *key)
{
	static char buf[4][256];
	static int k;
	sqlite3 *b = bundle_open(path);
	sqlite3_stmt *st;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "(absent)");
	if (sqlite3_prepare_v2(b, "SELECT value FROM bundle WHERE key = ?1", -1, &st, NULL)
	    != SQLITE_OK)
		bail(path, sqlite3_errmsg(b));
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf[k], sizeof buf[k], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(b);
	return buf[k];
}

/* Feed the first column of every row of a query to the hash. */
__attribute__((unused))
static void
hash_rows(sqlite3 *b, const char *sql, crypto_hash_sha256_state *h)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(b, sql, -1, &st, NULL) != SQLITE_OK)
		bail(sql, sqlite3_errmsg(b));
	while (sqlite3_step(st) == SQLITE_ROW)
		crypto_hash_sha256_update(h, sqlite3_column_text(st, 0),
		    (unsigned long long)sqlite3_column_bytes(st, 0));
	sqlite3_finalize(st);
}

/* The content hash as sync.h defines it, computed here from the rows:
 * "key=value\n" of every header value but content_sha256 and signature
 * in key order,
 * then "origin\nseq\nhash\n" of every event in (origin, seq) order,
 * then, in a bundle with a file table, "file SHA256 SIZE\n" of every file
 * in sha256 order. */
__attribute__((unused))
static void
content_hash(const char *path, char out[MC_HASH_LEN])
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES];
	sqlite3 *b = bundle_open(path);

	crypto_hash_sha256_init(&h);
	hash_rows(b, "SELECT key || '=' || value || char(10) FROM bundle "
	    "WHERE key NOT IN ('content_sha256', 'signature') ORDER BY key", &h);
	hash_rows(b, "SELECT origin || char(10) || seq || char(10) || hash || char(10) "
	    "FROM event ORDER BY origin, seq", &h);
	if (scalar(b, "SELECT count(*) FROM sqlite_schema WHERE name = 'file'") == 1)
		hash_rows(b, "SELECT 'file ' || sha256 || ' ' || size || char(10) FROM file "
		    "ORDER BY sha256", &h);
	sqlite3_close(b);
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(out, MC_HASH_LEN, d, sizeof d);
}

/* After an edit: the event's own hash made to match again (as a forger
 * with the format at hand would), then the content hash. */
__attribute__((unused))
static void
rehash_event(const char *path, long long seq)
{
	sqlite3 *b = bundle_open(path);
	sqlite3_stmt *st;
	char h[MC_HASH_LEN], sql[160];
	struct mc_event e;

	if (sqlite3_prepare_v2(b, "SELECT origin, seq, at, officer, dossier, kind, body, prev "
	    "FROM event WHERE seq = ?1", -1, &st, NULL) != SQLITE_OK)
		bail(path, sqlite3_errmsg(b));
	sqlite3_bind_int64(st, 1, seq);
	if (sqlite3_step(st) != SQLITE_ROW)
		bail(path, "no such event");
	e = (struct mc_event){(const char *)sqlite3_column_text(st, 0),
	    sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2),
	    (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4),
	    (const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 6),
	    (const char *)sqlite3_column_text(st, 7)};
	if (event_hash(&e, h) != 0)
		bail("event_hash", "failed");
	sqlite3_finalize(st);
	sqlite3_close(b);
	snprintf(sql, sizeof sql, "UPDATE event SET hash = '%s' WHERE seq = %lld", h, seq);
	bundle_exec(path, sql);
}

__attribute__((unused))
static void
rehash_content(const char *path)
{
	char h[MC_HASH_LEN], sql[160];

	content_hash(path, h);
	snprintf(sql, sizeof sql, "UPDATE bundle SET value = '%s' WHERE key = "
	    "'content_sha256'", h);
	bundle_exec(path, sql);
}

/* What no forger can do, only the station `signer` itself (its own
 * software gone wrong, or a clone of it with its key): sign anew, with
 * its key, each of its events in the bundle and, after the content hash
 * is redone, the bundle.  So the checks behind the signatures (chains,
 * links, clones) are reached. */
__attribute__((unused))
static void
resign(const char *path, sqlite3 *signer)
{
	sqlite3 *b = bundle_open(path);
	sqlite3_stmt *st, *up;
	char origin[MC_UUID_LEN], sig[MC_SIG_HEX], h[MC_HASH_LEN];
	struct mc_err err;

	if (event_station(signer, origin, &err) != 0)
		bail("resign", err.msg);
	if (sqlite3_prepare_v2(b, "SELECT hash FROM event WHERE origin = ?1", -1, &st, NULL)
	    != SQLITE_OK || sqlite3_prepare_v2(b, "UPDATE event SET sig = ?2 WHERE hash = ?1",
	    -1, &up, NULL) != SQLITE_OK)
		bail(path, sqlite3_errmsg(b));
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (key_sign(signer, KEY_EVENT, (const char *)sqlite3_column_text(st, 0), sig,
		    &err) != 0)
			bail("key_sign", err.msg);
		sqlite3_bind_text(up, 1, (const char *)sqlite3_column_text(st, 0), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, sig, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(up) != SQLITE_DONE)
			bail(path, sqlite3_errmsg(b));
		sqlite3_reset(up);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	sqlite3_close(b);
	rehash_content(path);
	content_hash(path, h);
	if (key_sign(signer, KEY_BUNDLE, h, sig, &err) != 0)
		bail("key_sign", err.msg);
	b = bundle_open(path);
	if (sqlite3_prepare_v2(b, "UPDATE bundle SET value = ?1 WHERE key = 'signature'", -1,
	    &up, NULL) != SQLITE_OK)
		bail(path, sqlite3_errmsg(b));
	sqlite3_bind_text(up, 1, sig, -1, SQLITE_STATIC);
	if (sqlite3_step(up) != SQLITE_DONE || sqlite3_changes(b) != 1)
		bail(path, "no signature in the header");
	sqlite3_finalize(up);
	sqlite3_close(b);
}

/* A copy of a file, cut to `len` bytes (-1: whole). */
__attribute__((unused))
static const char *
copy(const char *from, const char *name, long len)
{
	const char *to = test_path(name);
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	long n = 0;
	int c;

	if (in == NULL || out == NULL)
		bail("copy", name);
	while ((len < 0 || n < len) && (c = getc(in)) != EOF) {
		putc(c, out);
		n++;
	}
	fclose(in);
	if (fclose(out) != 0)
		bail("copy", name);
	return to;
}

__attribute__((unused))
static long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

#endif
