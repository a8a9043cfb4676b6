/* event.c — appending to and verifying the per-station hash chains. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/key.h"

int
event_uuid(char out[MC_UUID_LEN], struct mc_err *err)
{
	unsigned char b[16];

	if (sodium_init() < 0)
		return err_set(err, MC_EIO, _("the random number source failed"));
	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);	/* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	snprintf(out, MC_UUID_LEN,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
	    b[12], b[13], b[14], b[15]);
	return 0;
}

static void
hash_part(crypto_hash_sha256_state *h, const char *s, bool nl)
{
	crypto_hash_sha256_update(h, (const unsigned char *)s, strlen(s));
	if (nl)
		crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

int
event_hash(const struct mc_event *e, char out[MC_HASH_LEN])
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES];
	char seq[24];

	if (sodium_init() < 0)
		return -1;
	snprintf(seq, sizeof seq, "%lld", e->seq);
	crypto_hash_sha256_init(&h);
	hash_part(&h, "motcua-event-1", true);
	hash_part(&h, e->origin, true);
	hash_part(&h, seq, true);
	hash_part(&h, e->at, true);
	hash_part(&h, e->officer, true);
	hash_part(&h, e->dossier, true);
	hash_part(&h, e->kind, true);
	hash_part(&h, e->prev, true);
	hash_part(&h, e->body, false);
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(out, MC_HASH_LEN, d, sizeof d);
	return 0;
}

int
event_station(sqlite3 *db, char out[MC_UUID_LEN], struct mc_err *err)
{
	if (db_meta_get(db, "station_id", out, MC_UUID_LEN) != 0 || out[0] == '\0')
		return err_set(err, MC_ENOTFOUND,
		    _("this database has no station identity: run 'motcua init' first"));
	return 0;
}

long long
event_seq_high(sqlite3 *db, const char *origin)
{
	char key[24 + MC_UUID_LEN], val[24];

	snprintf(key, sizeof key, "own_seq_high:%s", origin);
	if (db_meta_get(db, key, val, sizeof val) != 0)
		return 0;
	return strtoll(val, NULL, 10);
}

/* Keep the station's high-water mark (event.h) at seq, in the caller's
 * transaction. */
static int
seq_high_set(sqlite3 *db, const char *origin, long long seq, struct mc_err *err)
{
	char key[24 + MC_UUID_LEN], val[24];

	snprintf(key, sizeof key, "own_seq_high:%s", origin);
	snprintf(val, sizeof val, "%lld", seq);
	return db_meta_set(db, key, val, err);
}

/* The newest time among origin's events in the log itself (a scan of the
 * station's events: for a database from before the mark). */
static int
newest_read(sqlite3 *db, const char *origin, char *at, size_t n, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	at[0] = '\0';
	if (db_cached(db, "SELECT max(at) FROM event WHERE origin = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(at, n, "%s", (const char *)sqlite3_column_text(st, 0));
	if (rc != SQLITE_ROW)
		db_fail_rc(db, rc, err, _("reading the event log"));
	db_release(db, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
event_newest_own(sqlite3 *db, char *at, size_t n, struct mc_err *err)
{
	char origin[MC_UUID_LEN], key[32 + MC_UUID_LEN];

	at[0] = '\0';
	if (db_meta_get(db, "station_id", origin, sizeof origin) != 0 || origin[0] == '\0')
		return 0;	/* no identity: no events of its own */
	snprintf(key, sizeof key, "own_seq_high:%s:at", origin);
	if (db_meta_get(db, key, at, n) == 0)
		return 0;
	return newest_read(db, origin, at, n, err);
}

/* Keep the mark of the station's newest time (event_newest_own) at the
 * later of it and `at`, in the caller's transaction, after the event of
 * `at` is in the log (a database without the mark reads the log once). */
static int
newest_set(sqlite3 *db, const char *origin, const char *at, struct mc_err *err)
{
	char key[32 + MC_UUID_LEN], held[64];
	bool kept;

	snprintf(key, sizeof key, "own_seq_high:%s:at", origin);
	kept = db_meta_get(db, key, held, sizeof held) == 0;
	if (!kept && newest_read(db, origin, held, sizeof held, err) != 0)
		return -1;
	if (kept && strcmp(held, at) >= 0)
		return 0;	/* the mark is not earlier: unchanged */
	return db_meta_set(db, key, strcmp(held, at) > 0 ? held : at, err);
}

int
event_append(sqlite3 *db, const char *dossier, const char *kind,
    const struct mc_time *at, const char *officer, const char *body,
    struct mc_err *err)
{
	char origin[MC_UUID_LEN], iso[MC_ISO_LEN], hash[MC_HASH_LEN], sig[MC_SIG_HEX];
	char prev[MC_HASH_LEN] = "";
	sqlite3_stmt *st;
	char *canon = NULL;
	struct mc_event e;
	long long seq = 1, high;
	int rc;

	if (event_station(db, origin, err))
		return -1;
	/* the station's last event gives the next number and the link */
	if (db_cached(db, "SELECT seq, hash FROM event WHERE origin = ?1 "
	    "ORDER BY seq DESC LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0) + 1;
		snprintf(prev, sizeof prev, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail_rc(db, rc, err, _("reading the event log"));
		db_release(db, st);
		return -1;
	}
	db_release(db, st);
	/* a number once given is never given again, even if the events
	 * that held it were deleted: the gap stays for check to see */
	high = event_seq_high(db, origin);
	if (high >= seq)
		seq = high + 1;

	/* the canonical body is what SQLite's json() makes of it */
	if (db_cached(db, "SELECT json(?1)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		canon = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 0));
	db_release(db, st);
	if (canon == NULL)
		return err_set(err, MC_EINVAL, _("an event body is not valid JSON"));

	date_format_iso(at, iso);
	e = (struct mc_event){ origin, seq, iso, officer, dossier, kind, canon, prev };
	if (event_hash(&e, hash) != 0) {
		sqlite3_free(canon);
		return err_set(err, MC_EIO, _("the hash function failed"));
	}
	/* signed by this station over its hash: whoever relays it keeps the
	 * proof of where it was recorded (key.h) */
	if (key_sign(db, KEY_EVENT, hash, sig, err) != 0) {
		sqlite3_free(canon);
		return -1;
	}
	if (db_cached(db, "INSERT INTO event(origin, seq, at, officer, dossier, kind, "
	    "body, prev, hash, sig) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st,
	    err)) {
		sqlite3_free(canon);
		return -1;
	}
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, officer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, dossier, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, canon, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, sig, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("recording the event"));
	db_release(db, st);
	sqlite3_free(canon);
	if (rc != SQLITE_DONE)
		return -1;
	return seq_high_set(db, origin, seq, err) || newest_set(db, origin, iso, err) ? -1 : 0;
}

long long
event_verify(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	char last_origin[MC_UUID_LEN] = "", prev[MC_HASH_LEN] = "";
	long long last_seq = 0, bad = 0;
	int rc;

	if (db_prepare(db, "SELECT origin, seq, at, officer, dossier, kind, body, prev, "
	    "hash FROM event ORDER BY origin, seq", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_event e;
		char h[MC_HASH_LEN];
		const char *stored = (const char *)sqlite3_column_text(st, 8);

		e.origin = (const char *)sqlite3_column_text(st, 0);
		e.seq = sqlite3_column_int64(st, 1);
		e.at = (const char *)sqlite3_column_text(st, 2);
		e.officer = (const char *)sqlite3_column_text(st, 3);
		e.dossier = (const char *)sqlite3_column_text(st, 4);
		e.kind = (const char *)sqlite3_column_text(st, 5);
		e.body = (const char *)sqlite3_column_text(st, 6);
		e.prev = (const char *)sqlite3_column_text(st, 7);
		if (strcmp(e.origin, last_origin) != 0) {
			snprintf(last_origin, sizeof last_origin, "%s", e.origin);
			last_seq = 0;
			prev[0] = '\0';
		}
		/* a gap (events not yet received from another station) breaks
		 * the link check only: the event's own hash still counts */
		if (event_hash(&e, h) != 0 || strcmp(h, stored) != 0 ||
		    (e.seq == last_seq + 1 && strcmp(e.prev, prev) != 0))
			bad++;
		last_seq = e.seq;
		snprintf(prev, sizeof prev, "%s", stored);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the event log"));
	return bad;
}
