/* key.c — this station's key pair, signing and checking (key.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/date.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/key.h"

static const char *const domains[] = {
	[KEY_EVENT] = "motcua-event-sig-1\n",
	[KEY_BUNDLE] = "motcua-bundle-sig-1\n",
};

bool
key_is_public(const char *s)
{
	size_t n = 0;

	for (; s != NULL && s[n] != '\0'; n++)
		if (!isxdigit((unsigned char)s[n]) || isupper((unsigned char)s[n]))
			return false;
	return n == 2 * crypto_sign_PUBLICKEYBYTES;
}

static int
hex_in(const char *hex, unsigned char *bin, size_t n)
{
	size_t got;

	if (hex == NULL || strlen(hex) != 2 * n)
		return -1;
	return sodium_hex2bin(bin, n, hex, 2 * n, NULL, &got, NULL) == 0 && got == n ? 0 : -1;
}

/* Make a pair and store it as the station's (replacing any). */
static int
make_pair(sqlite3 *db, struct mc_err *err)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	char pub[MC_KEY_HEX], sec[2 * crypto_sign_SECRETKEYBYTES + 1], iso[MC_ISO_LEN];
	struct mc_time now;
	sqlite3_stmt *st;
	int rc;

	if (sodium_init() < 0)
		return err_set(err, MC_EIO, _("the cryptography library cannot start"));
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(pub, sizeof pub, pk, sizeof pk);
	sodium_bin2hex(sec, sizeof sec, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
	date_now(&now);
	date_format_iso(&now, iso);
	if (db_prepare(db, "INSERT OR REPLACE INTO station_key(id, public, secret, made) "
	    "VALUES (1, ?1, ?2, ?3)", &st, err)) {
		sodium_memzero(sec, sizeof sec);
		return -1;
	}
	sqlite3_bind_text(st, 1, pub, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sec, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sodium_memzero(sec, sizeof sec);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("saving the station's key"));
	return 0;
}

int
key_ensure(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	long long n = -1;

	/* from the cache: every event signed asks */
	if (db_cached(db, "SELECT count(*) FROM station_key", &st, err))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	db_release(db, st);
	if (n < 0)
		return db_fail(db, err, _("reading the station's key"));
	return n > 0 ? 0 : make_pair(db, err);
}

int
key_renew(sqlite3 *db, struct mc_err *err)
{
	return make_pair(db, err);
}

int
key_public(sqlite3 *db, char pub[MC_KEY_HEX], struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (key_ensure(db, err) ||
	    db_prepare(db, "SELECT public FROM station_key WHERE id = 1", &st, err))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(pub, MC_KEY_HEX, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the station's key"));
	return 0;
}

int
key_sign(sqlite3 *db, enum key_domain d, const char *text, char sig[MC_SIG_HEX],
    struct mc_err *err)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES], s[crypto_sign_BYTES];
	sqlite3_stmt *st;
	char *msg;
	int rc, bad;

	if (key_ensure(db, err) ||
	    db_cached(db, "SELECT secret FROM station_key WHERE id = 1", &st, err))
		return -1;
	rc = sqlite3_step(st);
	bad = rc != SQLITE_ROW || hex_in((const char *)sqlite3_column_text(st, 0), sk,
	    sizeof sk) != 0;
	db_release(db, st);
	if (bad) {
		sodium_memzero(sk, sizeof sk);
		return err_set(err, MC_ESTORE, _("this station's key is damaged: restore the "
		    "database from a backup"));
	}
	if ((msg = sqlite3_mprintf("%s%s", domains[d], text)) == NULL) {
		sodium_memzero(sk, sizeof sk);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	crypto_sign_detached(s, NULL, (const unsigned char *)msg, strlen(msg), sk);
	sodium_memzero(sk, sizeof sk);
	sqlite3_free(msg);
	sodium_bin2hex(sig, MC_SIG_HEX, s, sizeof s);
	return 0;
}

int
key_check_prepare(struct key_check *c, const char *pub, enum key_domain d, const char *text,
    const char *sig)
{
	int n;

	/* the sizes of the key and signature libsodium takes, as declared */
	_Static_assert(sizeof c->pk == crypto_sign_PUBLICKEYBYTES, "public key size");
	_Static_assert(sizeof c->sig == crypto_sign_BYTES, "signature size");
	c->len = 0;
	if (text == NULL || pub == NULL || sig == NULL || hex_in(pub, c->pk, sizeof c->pk) != 0 ||
	    hex_in(sig, c->sig, sizeof c->sig) != 0)
		return -1;
	n = snprintf(c->msg, sizeof c->msg, "%s%s", domains[d], text);
	if (n < 0 || (size_t)n >= sizeof c->msg)
		return -1;
	c->len = (size_t)n;
	return 0;
}

bool
key_check_run(const struct key_check *c)
{
	return c->len > 0 && crypto_sign_verify_detached(c->sig, (const unsigned char *)c->msg,
	    c->len, c->pk) == 0;
}

bool
key_verify(const char *pub, enum key_domain d, const char *text, const char *sig)
{
	struct key_check c;

	return sodium_init() >= 0 && key_check_prepare(&c, pub, d, text, sig) == 0 &&
	    key_check_run(&c);
}

void
key_fingerprint(const char *pub, char out[MC_FPR_LEN])
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], h[crypto_hash_sha256_BYTES];
	static const char hex[] = "0123456789ABCDEF";
	char *o = out;

	out[0] = '\0';
	if (!key_is_public(pub) || hex_in(pub, pk, sizeof pk) != 0)
		return;
	crypto_hash_sha256(h, pk, sizeof pk);
	for (int i = 0; i < 8; i++) {
		if (i > 0 && i % 2 == 0)
			*o++ = '-';
		*o++ = hex[h[i] >> 4];
		*o++ = hex[h[i] & 15];
	}
	*o = '\0';
}

int
key_fingerprint_parse(const char *in, char out[MC_FPR_LEN], struct mc_err *err)
{
	char digits[17];
	size_t n = 0;

	for (const char *p = in; p != NULL && *p != '\0'; p++) {
		if (*p == '-' || *p == ' ' || *p == ':')
			continue;
		if (!isxdigit((unsigned char)*p) || n == 16)
			return err_set(err, MC_EINVAL, _("'%s' is not a key's fingerprint: it is 16 "
			    "letters and digits 0-9 A-F, as F9 or 'motcua station show' shows them "
			    "(XXXX-XXXX-XXXX-XXXX)"), in);
		digits[n++] = (char)toupper((unsigned char)*p);
	}
	if (n != 16)
		return err_set(err, MC_EINVAL, _("'%s' is not a key's fingerprint: it is 16 "
		    "letters and digits 0-9 A-F, as F9 or 'motcua station show' shows them "
		    "(XXXX-XXXX-XXXX-XXXX)"), in == NULL ? "" : in);
	snprintf(out, MC_FPR_LEN, "%.4s-%.4s-%.4s-%.4s", digits, digits + 4, digits + 8,
	    digits + 12);
	return 0;
}

int
key_upgrade(sqlite3 *db, struct mc_err *err)
{
	char origin[MC_UUID_LEN], num[24];
	sqlite3_stmt *st, *up;
	long long n = 0;
	char *officers = NULL;
	int rc;

	if (db_meta_get(db, "station_id", origin, sizeof origin) != 0 || origin[0] == '\0')
		return 0;	/* not a station yet: nothing to sign */
	if (key_ensure(db, err) ||
	    db_prepare(db, "SELECT hash FROM event WHERE origin = ?1 AND sig = '' ORDER BY seq",
	    &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	if (db_prepare(db, "UPDATE event SET sig = ?2 WHERE origin = ?3 AND hash = ?1", &up,
	    err)) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_text(up, 3, origin, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char sig[MC_SIG_HEX];
		const char *hash = (const char *)sqlite3_column_text(st, 0);

		if (key_sign(db, KEY_EVENT, hash, sig, err))
			break;
		sqlite3_bind_text(up, 1, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, sig, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(up) != SQLITE_DONE) {
			db_fail(db, err, _("signing the events"));
			break;
		}
		sqlite3_reset(up);
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? -1 : db_fail(db, err, _("signing the events"));
	/* the officers of this station at the upgrade: an importer takes their
	 * events as those of officers known there (the audit of who was added
	 * began after them) */
	if (db_prepare(db, "SELECT group_concat(username, ',') FROM (SELECT username FROM "
	    "officer ORDER BY username)", &st, err))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		officers = db_column_dup(st, 0);
	sqlite3_finalize(st);
	snprintf(num, sizeof num, "%lld", n);
	rc = audit_record(db, "keys_upgrade", "-", NULL, err, "signed", num, "officers",
	    officers != NULL ? officers : "", (char *)NULL);
	free(officers);
	return rc;
}
