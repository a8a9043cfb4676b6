/* trust.h — the stations whose events this station takes.
 *
 * A station takes a bundle's events only when each is signed by the key
 * of a station a supervisor has trusted here (or by this station's own).
 * Trust is made by people: the supervisor reads the other station's key
 * fingerprint on that PC (F9, `motcua station show`) and confirms it
 * here against the bundle it signed (sync_trust_file).  A key is revoked
 * (a stolen PC) by an audit event that travels: a station that takes it
 * refuses that station's events recorded after the revocation.  Two
 * different events validly signed with one origin and number are a
 * cloned station: the alarm is kept until a supervisor acts. */
#ifndef MOTCUA_TRUST_H
#define MOTCUA_TRUST_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/event.h"
#include "motcua/key.h"

struct trust_item {
	char station[MC_UUID_LEN];
	char public[MC_KEY_HEX];
	char fingerprint[MC_FPR_LEN];
	char unit[32];
	int number;
	char trusted[MC_ISO_LEN];	/* when ("" for this station) */
	char officer[40];		/* who trusted it */
	char revoked[MC_ISO_LEN];	/* "" if not revoked */
	bool self;			/* this station's own key */
	long long alarms;		/* clone alarms held for it */
};

/* The key events of `station` must carry: 1 found (pub, and revoked ISO
 * or ""), 0 not trusted here, -1 error.  This station's own counts. */
int trust_key_of(sqlite3 *db, const char *station, char pub[MC_KEY_HEX],
    char revoked[MC_ISO_LEN], struct mc_err *err);

/* Trust a station's key, as `acting` (a supervisor: MC_ACT_TRUST);
 * recorded as the audit event "trust".  A key trusted already for that
 * station is no change (0); another key for it, or the key of another
 * station, is refused. */
int trust_add(sqlite3 *db, const char *acting, const char *station, const char *pub,
    const char *unit, int number, struct mc_err *err);

/* Revoke the key whose fingerprint is fpr, as `acting` (MC_ACT_TRUST):
 * its events recorded from now on are refused here, and the audit event
 * "revoke" tells the stations that take this one's bundles.  This
 * station's own key cannot be revoked here (a copy gets a new identity
 * with init --from-copy). */
int trust_revoke(sqlite3 *db, const char *acting, const char *fpr, struct mc_err *err);

/* A revocation that came in a bundle from a trusted station (the body of
 * its "revoke" event): applied, or a row made revoked for a key not
 * trusted here, so that it never is by mistake. */
int trust_apply_revoke(sqlite3 *db, const char *body, const char *at, struct mc_err *err);

/* Every key known here, this station's first; fn returns nonzero to
 * stop (that value is returned). */
int trust_list(sqlite3 *db, int (*fn)(const struct trust_item *, void *), void *arg,
    struct mc_err *err);

/* A clone alarm: the event held and the other one (JSON), found in file. */
int trust_alarm(sqlite3 *db, const char *origin, long long seq, const char *held,
    const char *other, const char *event, const char *file, struct mc_err *err);

/* A clone alarm held: two different events `seq` signed by `origin`. */
struct trust_alarm_item {
	char origin[MC_UUID_LEN];
	char unit[32];
	int number;			/* the station's number at its unit, 0 unknown */
	long long seq;
	char held[MC_HASH_LEN];		/* the hash of the event held here */
	char other[MC_HASH_LEN];	/* the hash of the other one, kept aside */
	char file[256];			/* the bundle that brought the other */
	char found[MC_ISO_LEN];
};

/* Every clone alarm held, oldest first; fn returns nonzero to stop (that
 * value is returned).  0, or -1. */
int trust_alarm_each(sqlite3 *db, int (*fn)(const struct trust_alarm_item *, void *),
    void *arg, struct mc_err *err);

/* Clone alarms held (any station), or -1. */
long long trust_alarms(sqlite3 *db, struct mc_err *err);

/* What an event's signature says (trust_verify_each). */
enum trust_sig {
	TRUST_SIG_GOOD,		/* signed by its station's key */
	TRUST_SIG_BAD,		/* its signature fails that key: forged or edited */
	TRUST_SIG_OWN_UNSIGNED,	/* this station's own, unsigned: this station
				 * signs all it records, so it was put in the
				 * log by hand */
	TRUST_SIG_UNSIGNED,	/* another station's, held from before signed
				 * sync (a later bundle brings its signature) */
	TRUST_SIG_UNKNOWN,	/* of a station whose key is not known here */
};

/* Every event's signature against its station's key, in chain order: fn
 * gets each (nonzero stops, and is returned).  0, or -1. */
int trust_verify_each(sqlite3 *db, int (*fn)(const char *origin, long long seq,
    enum trust_sig state, void *arg), void *arg, struct mc_err *err);

/* The signatures of the log: *bad events whose signature fails,
 * *unsigned_ of them carry none (own or another station's), *unknown
 * are of stations whose key is not known here.  0, or -1. */
int trust_verify_log(sqlite3 *db, long long *bad, long long *unsigned_,
    long long *unknown, struct mc_err *err);

#endif
