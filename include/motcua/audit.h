/* audit.h — who did what to the station itself: logins, locks, officers,
 * settings, the catalog, the calendar, publications, bundles.
 *
 * An audit event is an event of the station's chain (event.h) like a
 * dossier's, with the dossier '' (none): it gets the next sequence number,
 * carries the previous event's hash, syncs in bundles and cannot be edited
 * or dropped unnoticed (`motcua check`).  Its kind is one of the table in
 * audit.c (login, setting, catalog_import …), never a dossier event's kind;
 * its body is a flat JSON object of strings, which audit_list turns into
 * a line a person reads.
 *
 * Core's writers record their own audit events inside their transaction,
 * so the change and its record commit together or not at all.  The front
 * ends record only what happens on a screen (audit_note: a lock, an
 * unlock, a session ended by another officer's login).  No body ever
 * holds a password or a hash. */
#ifndef MOTCUA_AUDIT_H
#define MOTCUA_AUDIT_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"

/* The dossier column of an audit event. */
#define MC_AUDIT_DOSSIER ""

/* Append an audit event of `kind` by `officer` at `at` (NULL: now), its
 * body made of the NULL-terminated pairs of key and value strings that
 * follow (a NULL value is left out).  Runs inside the caller's
 * transaction when there is one.  -1 with err for an unknown kind.  A
 * database with no station identity yet (not initialised) has no chain:
 * nothing is recorded there, and 0 is returned. */
int audit_record(sqlite3 *db, const char *kind, const char *officer,
    const struct mc_time *at, struct mc_err *err, ...);

/* What a screen records of itself: "lock" (detail: "key" or "idle"),
 * "unlock" (detail: the officer who unlocked, when a supervisor did) or
 * "logout" (detail: the officer whose login ended the session).  Other
 * kinds are refused: those are recorded by the core function that does
 * the thing. */
int audit_note(sqlite3 *db, const char *kind, const char *officer,
    const char *detail, struct mc_err *err);

/* Is `kind` an audit event's kind? */
bool audit_is_kind(const char *kind);

/* Which audit events to list: days are JDNs, 0 for no bound (both
 * inclusive); officer NULL for all. */
struct audit_filter {
	int from, to;
	const char *officer;
};

struct audit_item {
	char origin[37];	/* the station that recorded it */
	long long seq;
	char at[MC_ISO_LEN];
	char officer[64];
	char kind[32];
	const char *label;	/* translated: "Wrong password" */
	char detail[512];	/* translated, from the body: "lang = “en”" */
};

/* The audit events that pass f, newest first; fn's non-zero stops the
 * walk and is returned.  -1 with err on a database failure. */
int audit_list(sqlite3 *db, const struct audit_filter *f,
    int (*fn)(const struct audit_item *, void *), void *arg, struct mc_err *err);

#endif
