/* key.h — this station's Ed25519 key pair and what is signed with it.
 *
 * Every station has its own key pair (libsodium crypto_sign), made at
 * init, anew for a copy (init --from-copy) and at a restore.  The secret
 * half is kept in the database (table station_key, the file mode 0600) and
 * leaves it never: not in a bundle, a publication, output or a log.  Each
 * event is signed over its hash, each bundle over its content hash, so a
 * file that passes through other stations (a relay) keeps the proof of
 * who recorded what.
 *
 * A key is shown to people by its fingerprint: the first 8 bytes of the
 * SHA-256 of the public key, as 4 groups of 4 upper-case hex digits
 * ("7F3A-91C2-5D0E-B4A8"), read aloud and compared on both PCs. */
#ifndef MOTCUA_KEY_H
#define MOTCUA_KEY_H

#include <stdbool.h>
#include <sqlite3.h>

#include "motcua/error.h"

#define MC_KEY_HEX 65		/* a public key: 64 hex digits and the NUL */
#define MC_SIG_HEX 129		/* a signature: 128 hex digits and the NUL */
#define MC_FPR_LEN 20		/* "XXXX-XXXX-XXXX-XXXX" and the NUL */

/* What is signed: the domain tells an event's signature from a bundle's,
 * so one can never stand for the other. */
enum key_domain { KEY_EVENT, KEY_BUNDLE };

/* Make this station's key pair if it has none (inside the caller's
 * transaction, or its own).  0, or -1. */
int key_ensure(sqlite3 *db, struct mc_err *err);

/* A new key pair for this station, replacing the old one (a copy of a
 * database, a restore): the old public key stays with the old identity. */
int key_renew(sqlite3 *db, struct mc_err *err);

/* This station's public key (hex); made first if there is none. */
int key_public(sqlite3 *db, char pub[MC_KEY_HEX], struct mc_err *err);

/* Sign `text` (an event's or a bundle's hash) with this station's key. */
int key_sign(sqlite3 *db, enum key_domain d, const char *text, char sig[MC_SIG_HEX],
    struct mc_err *err);

/* Is sig (hex) a signature of text by pub (hex)?  False on any malformed
 * input, and on a text longer than a hash that KEY_CHECK_TEXT cannot hold
 * with its domain (what is signed is always a hash). */
bool key_verify(const char *pub, enum key_domain d, const char *text, const char *sig);

/* The same check in two halves, for a caller that checks many on another
 * thread (sync-verify.c): key_check_prepare decodes (0, or -1 when pub or
 * sig is malformed or text too long: a check that fails), key_check_run
 * verifies, touching nothing but c. */
#define KEY_CHECK_TEXT 160
struct key_check {
	unsigned char pk[32], sig[64];
	char msg[KEY_CHECK_TEXT];	/* the domain, then text */
	size_t len;
};
int key_check_prepare(struct key_check *c, const char *pub, enum key_domain d,
    const char *text, const char *sig);
bool key_check_run(const struct key_check *c);

/* The fingerprint of a public key (hex); "" if it is malformed. */
void key_fingerprint(const char *pub, char out[MC_FPR_LEN]);

/* A fingerprint as typed (any case, with or without dashes or spaces)
 * into its shown form.  0, or -1 (err says what is wrong). */
int key_fingerprint_parse(const char *in, char out[MC_FPR_LEN], struct mc_err *err);

/* Is s 64 hex digits (a public key)? */
bool key_is_public(const char *s);

/* The upgrade of a database made before signed events: this station's
 * own unsigned events are signed once, and an audit event keys_upgrade
 * records it with the officers of the station.  Runs in the migration's
 * transaction. */
int key_upgrade(sqlite3 *db, struct mc_err *err);

#endif
