/* event.h — the append-only log of facts, chained per station.
 *
 * Every event this station records gets the next sequence number of the
 * station and carries the hash of the station's previous event, so a
 * missing, edited or forged event is seen by whoever holds the chain.
 * The hash is SHA-256 (hex) over the canonical text:
 *
 *   "motcua-event-1\n" origin "\n" seq "\n" at "\n" officer "\n"
 *   dossier "\n" kind "\n" prev "\n" body
 *
 * where body is the event's JSON as minified by SQLite's json().  Each
 * event is also signed by its station over that hash (key.h; column sig),
 * which the hash does not cover: the signature is the station's word
 * for the hash. */
#ifndef MOTCUA_EVENT_H
#define MOTCUA_EVENT_H

#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"

#define MC_UUID_LEN 37	/* 36 characters and the NUL */
#define MC_HASH_LEN 65	/* 64 hex digits and the NUL */

struct mc_event {
	const char *origin;
	long long seq;
	const char *at;		/* ISO 8601 */
	const char *officer;
	const char *dossier;
	const char *kind;
	const char *body;	/* canonical JSON */
	const char *prev;	/* "" for the first of a station */
};

/* A fresh random (version 4) UUID. */
int event_uuid(char out[MC_UUID_LEN], struct mc_err *err);

/* The hash of an event, as defined above. */
int event_hash(const struct mc_event *e, char out[MC_HASH_LEN]);

/* Append an event of this station.  Must run inside a transaction the
 * caller owns (db_begin); body is any JSON text, stored minified. */
int event_append(sqlite3 *db, const char *dossier, const char *kind,
    const struct mc_time *at, const char *officer, const char *body,
    struct mc_err *err);

/* The highest number `origin` (this station) has given an event, as kept
 * apart from the log in meta (own_seq_high:<station id>), written by
 * event_append in the event's transaction: deleting the station's last
 * events leaves the mark above the chain, which check reports, and the next
 * event takes the number after the mark, never a deleted one's.  0 when
 * there is no mark (no event yet, or a database from before the mark). */
long long event_seq_high(sqlite3 *db, const char *origin);

/* The time of this station's newest event (by its time, not its number:
 * a supervisor may enter one dated earlier), "" when it has none, into
 * at[n].  Kept beside the number's mark (meta own_seq_high:<station
 * id>:at, written by event_append), so that a receipt's clock rule reads
 * one row, not every event of the station; a database whose events came
 * before the mark is read from the log, once, by its next event. */
int event_newest_own(sqlite3 *db, char *at, size_t n, struct mc_err *err);

/* This station's id (meta station_id); -1 if the database has no
 * identity yet (not initialised). */
int event_station(sqlite3 *db, char out[MC_UUID_LEN], struct mc_err *err);

/* Verify every chain of the log: each event's hash and its link to the
 * previous one.  Returns the number of bad events (0 = sound), or -1. */
long long event_verify(sqlite3 *db, struct mc_err *err);

#endif
