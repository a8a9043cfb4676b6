/* test_key.c — the station's key (key.h) and the signatures of the log
 * (trust_verify_log, trust.h): the fingerprint's form and its parsing,
 * signing and checking with one flipped byte anywhere, the two domains
 * kept apart, event_append signing every event, a signature broken in
 * the sqlite3 shell (trigger dropped) counted as bad, and the upgrade of
 * a log from before signed events (key_upgrade). */
#include "config.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/event.h"
#include "motcua/key.h"
#include "motcua/trust.h"
#include "bundle.h"
#include "station.h"
#include "tap.h"

/* sig, with the hex digit at position i changed to another one. */
static void
flip(const char *in, size_t i, char *out, size_t n)
{
	snprintf(out, n, "%s", in);
	out[i] = out[i] == '0' ? '1' : '0';
}

/* Is s "XXXX-XXXX-XXXX-XXXX" with X in 0-9 A-F? */
static bool
fpr_form(const char *s)
{
	if (strlen(s) != 19)
		return false;
	for (int i = 0; i < 19; i++)
		if (i % 5 == 4 ? s[i] != '-' :
		    !(isdigit((unsigned char)s[i]) || (s[i] >= 'A' && s[i] <= 'F')))
			return false;
	return true;
}

static void
test_fingerprint(sqlite3 *db)
{
	char pub[MC_KEY_HEX], pub2[MC_KEY_HEX], f1[MC_FPR_LEN], f2[MC_FPR_LEN], f3[MC_FPR_LEN];
	char want[MC_FPR_LEN], upper[MC_KEY_HEX];
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], h[crypto_hash_sha256_BYTES];
	struct mc_err err;

	if (key_public(db, pub, &err) || key_public(db, pub2, &err))
		bail("key_public", err.msg);
	ok(key_is_public(pub), "the station's public key is 64 lower-case hex digits");
	is_str(pub2, pub, "asked twice, the same key (made once)");
	key_fingerprint(pub, f1);
	key_fingerprint(pub, f2);
	ok(fpr_form(f1), "the fingerprint reads XXXX-XXXX-XXXX-XXXX (%s)", f1);
	is_str(f2, f1, "the same key gives the same fingerprint");

	/* its definition: the first 8 bytes of the SHA-256 of the key */
	if (sodium_hex2bin(pk, sizeof pk, pub, strlen(pub), NULL, NULL, NULL) != 0)
		bail("hex2bin", pub);
	crypto_hash_sha256(h, pk, sizeof pk);
	snprintf(want, sizeof want, "%02X%02X-%02X%02X-%02X%02X-%02X%02X", h[0], h[1], h[2],
	    h[3], h[4], h[5], h[6], h[7]);
	is_str(f1, want, "the first 8 bytes of the key's SHA-256");

	flip(pub, 10, upper, sizeof upper);
	key_fingerprint(upper, f3);
	ok(fpr_form(f3) && strcmp(f3, f1) != 0, "another key, another fingerprint (%s)", f3);

	/* malformed keys have none */
	snprintf(upper, sizeof upper, "%s", pub);
	for (char *p = upper; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	key_fingerprint(upper, f3);
	ok(strcmp(upper, pub) != 0 && f3[0] == '\0', "an upper-case key is not a key");
	key_fingerprint("abc", f3);
	is_str(f3, "", "a short key: no fingerprint");
	snprintf(upper, sizeof upper, "%.63sg", pub);
	key_fingerprint(upper, f3);
	is_str(f3, "", "a key with a letter that is not hex: no fingerprint");
	ok(!key_is_public(upper) && !key_is_public("") && !key_is_public(NULL),
	    "key_is_public refuses those");
}

static void
test_parse(void)
{
	static const char *const bad[] = {
		"7F3A-91C2-5D0E-B4A",		/* 15 digits */
		"7F3A-91C2-5D0E-B4A81",		/* 17 */
		"7F3A91C25D0EB4A8B",		/* 17, no dashes */
		"7F3G-91C2-5D0E-B4A8",		/* G */
		"7f3a-91c2-5d0e-b4az",		/* z */
		"7F3A_91C2_5D0E_B4A8",		/* underscores */
		"",
	};
	char out[MC_FPR_LEN];
	struct mc_err err;

	ok(key_fingerprint_parse("7F3A-91C2-5D0E-B4A8", out, &err) == 0 &&
	    strcmp(out, "7F3A-91C2-5D0E-B4A8") == 0, "the shown form is taken as it is");
	ok(key_fingerprint_parse("7f3a-91c2-5d0e-b4a8", out, &err) == 0 &&
	    strcmp(out, "7F3A-91C2-5D0E-B4A8") == 0, "lower case is taken (%s)", out);
	ok(key_fingerprint_parse("7f3a91c25d0eb4a8", out, &err) == 0 &&
	    strcmp(out, "7F3A-91C2-5D0E-B4A8") == 0, "no dashes are taken (%s)", out);
	ok(key_fingerprint_parse("7F3A 91C2 5D0E B4A8", out, &err) == 0 &&
	    strcmp(out, "7F3A-91C2-5D0E-B4A8") == 0, "spaces between groups are taken");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err.msg[0] = '\0';
		snprintf(out, sizeof out, "unchanged");
		ok(key_fingerprint_parse(bad[i], out, &err) == -1 &&
		    strstr(err.msg, "fingerprint") != NULL && strstr(err.msg, bad[i]) != NULL,
		    "'%s' is refused, the message naming it", bad[i]);
	}
	ok(key_fingerprint_parse(NULL, out, &err) == -1, "NULL is refused");
}

static void
test_sign(sqlite3 *db)
{
	static const char text[] = "f8958d406b6eca9b71edeff54425d8cbb4c91f122d6b56afb86c613eac02c581";
	char pub[MC_KEY_HEX], sig[MC_SIG_HEX], sig2[MC_SIG_HEX], bsig[MC_SIG_HEX];
	char bent[MC_SIG_HEX], btext[sizeof text], bpub[MC_KEY_HEX];
	struct mc_err err;
	int fails = 0, tried = 0;

	if (key_public(db, pub, &err) || key_sign(db, KEY_EVENT, text, sig, &err) ||
	    key_sign(db, KEY_EVENT, text, sig2, &err) ||
	    key_sign(db, KEY_BUNDLE, text, bsig, &err))
		bail("key_sign", err.msg);
	is_int((long long)strlen(sig), MC_SIG_HEX - 1, "a signature is 128 hex digits");
	ok(key_verify(pub, KEY_EVENT, text, sig), "an event's signature verifies");
	ok(key_verify(pub, KEY_BUNDLE, text, bsig), "a bundle's signature verifies");
	is_str(sig2, sig, "Ed25519 signs the same text the same way");

	/* a changed digit anywhere in the text, the signature or the key */
	for (size_t i = 0; i < sizeof text - 1; i += 7, tried++) {
		flip(text, i, btext, sizeof btext);
		fails += !key_verify(pub, KEY_EVENT, btext, sig);
	}
	is_int(fails, tried, "a flipped byte of the text fails (%d places)", tried);
	fails = tried = 0;
	for (size_t i = 0; i < MC_SIG_HEX - 1; i += 9, tried++) {
		flip(sig, i, bent, sizeof bent);
		fails += !key_verify(pub, KEY_EVENT, text, bent);
	}
	is_int(fails, tried, "a flipped byte of the signature fails (%d places)", tried);
	fails = tried = 0;
	for (size_t i = 0; i < MC_KEY_HEX - 1; i += 5, tried++) {
		flip(pub, i, bpub, sizeof bpub);
		fails += !key_verify(bpub, KEY_EVENT, text, sig);
	}
	is_int(fails, tried, "a flipped byte of the key fails (%d places)", tried);
	ok(!key_verify(pub, KEY_EVENT, "", sig), "the empty text fails");
	ok(!key_verify(pub, KEY_EVENT, text, ""), "no signature fails");
	snprintf(bent, sizeof bent, "%.126s", sig);
	ok(!key_verify(pub, KEY_EVENT, text, bent), "a cut signature fails");
	ok(!key_verify("", KEY_EVENT, text, sig) && !key_verify(NULL, KEY_EVENT, text, sig) &&
	    !key_verify(pub, KEY_EVENT, NULL, sig) && !key_verify(pub, KEY_EVENT, text, NULL),
	    "no key, no text or no signature: false, no crash");

	/* one domain never stands for the other */
	ok(!key_verify(pub, KEY_BUNDLE, text, sig), "an event's signature is no bundle's");
	ok(!key_verify(pub, KEY_EVENT, text, bsig), "a bundle's signature is no event's");
	ok(strcmp(sig, bsig) != 0, "the two domains sign the same text differently");
}

/* Every event of the log: its hash and signature verify with pub. */
static long long
events_signed(sqlite3 *db, const char *origin, const char *pub, long long *total)
{
	sqlite3_stmt *st;
	long long good = 0;

	*total = 0;
	if (sqlite3_prepare_v2(db, "SELECT hash, sig FROM event WHERE origin = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		bail("events", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		(*total)++;
		good += key_verify(pub, KEY_EVENT, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return good;
}

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bail(sql, msg != NULL ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
}

static void
test_append(sqlite3 *db)
{
	char origin[MC_UUID_LEN], pub[MC_KEY_HEX];
	struct mc_time at = moment("2026-11-02 09:00");
	struct mc_err err;
	struct db_tx tx;
	long long total, good;

	station_id(db, origin);
	if (key_public(db, pub, &err))
		bail("key_public", err.msg);
	good = events_signed(db, origin, pub, &total);
	ok(total > 0, "the new station has events (%lld)", total);
	is_int(good, total, "event_append signed every one with the station's key");
	if (db_tx_begin(db, &tx, &err) ||
	    event_append(db, "", "setting", &at, "truong", "{\"key\":\"lang\",\"value\":\"en\"}",
	    &err) ||
	    event_append(db, "", "setting", &at, "truong", "{\"key\":\"lang\",\"value\":\"vi\"}",
	    &err) ||
	    event_append(db, "", "setting", &at, "truong", "{\"key\":\"lang\",\"value\":\"en\"}",
	    &err) || db_tx_commit(&tx, &err))
		bail("event_append", err.msg);
	good = events_signed(db, origin, pub, &total);
	is_int(total, 4, "three more events");
	is_int(good, total, "signed too");
	is_int(scalar(db, "SELECT count(DISTINCT sig) FROM event"), total,
	    "no two events share a signature (the same body, another hash)");
}

static void
test_verify_log(sqlite3 *db)
{
	char origin[MC_UUID_LEN], *sql;
	long long bad, uns, unknown, n;
	struct mc_err err;

	station_id(db, origin);
	n = scalar(db, "SELECT count(*) FROM event");
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	ok(bad == 0 && uns == 0 && unknown == 0,
	    "a sound log: no bad, unsigned or unknown signature (%lld, %lld, %lld of %lld)",
	    bad, uns, unknown, n);

	/* the trigger keeps an edit of a signature out */
	ok(sqlite3_exec(db, "UPDATE event SET sig = '00' || substr(sig, 3) WHERE seq = 2",
	    NULL, NULL, NULL) != SQLITE_OK, "the trigger refuses to change a signature");

	/* someone with the sqlite3 shell: the trigger dropped, a signature
	 * bent, the trigger put back */
	exec(db, "CREATE TEMP TABLE saved AS SELECT sql FROM sqlite_schema WHERE type = "
	    "'trigger' AND name = 'event_no_update'");
	exec(db, "DROP TRIGGER event_no_update");
	sql = sqlite3_mprintf("UPDATE event SET sig = CASE WHEN substr(sig, 1, 1) = '0' "
	    "THEN '1' ELSE '0' END || substr(sig, 2) WHERE origin = %Q AND seq = 2", origin);
	exec(db, sql);
	sqlite3_free(sql);
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	ok(bad == 1 && uns == 0 && unknown == 0, "a bent signature is bad (%lld, %lld, %lld)",
	    bad, uns, unknown);
	/* an event with another event's signature */
	sql = sqlite3_mprintf("UPDATE event SET sig = (SELECT sig FROM event WHERE origin = %Q "
	    "AND seq = 1) WHERE origin = %Q AND seq = 3", origin, origin);
	exec(db, sql);
	sqlite3_free(sql);
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	is_int(bad, 2, "another event's signature is bad too");
	/* an unsigned event is told apart from a bad one */
	sql = sqlite3_mprintf("UPDATE event SET sig = '' WHERE origin = %Q AND seq = 4", origin);
	exec(db, sql);
	sqlite3_free(sql);
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	ok(bad == 2 && uns == 1, "a cleared signature is unsigned, not bad (%lld, %lld)", bad,
	    uns);
	is_int(event_verify(db, &err), 0, "the hash chain itself is sound: only the signatures "
	    "tell");
}

/* The kind and body of the station's last event. */
static void
last_event(sqlite3 *db, const char *origin, char kind[32], char body[512], char officer[64])
{
	sqlite3_stmt *st;

	kind[0] = body[0] = officer[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT kind, body, officer, dossier FROM event WHERE "
	    "origin = ?1 ORDER BY seq DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		bail("last event", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 3)[0] == '\0') {
		snprintf(kind, 32, "%s", sqlite3_column_text(st, 0));
		snprintf(body, 512, "%s", sqlite3_column_text(st, 1));
		snprintf(officer, 64, "%s", sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
}

/* A log from before signed events: this station's own events unsigned
 * (as the 010 migration leaves them), and one of another station,
 * unsigned too, that only that station can sign. */
static void
test_upgrade(void)
{
	static const struct mc_event other = {"0f9e8d7c-6b5a-4948-8776-655443322110", 1,
	    "2026-11-01T08:00:00+07:00", "lan", "", "login", "{}", ""};
	char ohash[MC_HASH_LEN];
	sqlite3 *db = station_new("upgrade.db", 3);
	char origin[MC_UUID_LEN], pub[MC_KEY_HEX], kind[32], body[512], officer[64], *sql;
	char *before, *after;
	long long n, total, good, bad, uns, unknown;
	struct mc_err err;
	struct db_tx tx;

	station_id(db, origin);
	if (key_public(db, pub, &err))
		bail("key_public", err.msg);
	for (int i = 0; i < 3; i++)
		if (audit_record(db, "setting", "truong", NULL, &err, "key", "lang", "value",
		    i % 2 ? "vi" : "en", (char *)NULL))
			bail("setting", err.msg);
	if (event_hash(&other, ohash) != 0)
		bail("event_hash", "failed");
	exec(db, "CREATE TEMP TABLE saved AS SELECT sql FROM sqlite_schema WHERE type = "
	    "'trigger' AND name = 'event_no_update'");
	exec(db, "DROP TRIGGER event_no_update");
	exec(db, "UPDATE event SET sig = ''");
	sql = sqlite3_mprintf("INSERT INTO event(origin, seq, at, officer, dossier, kind, "
	    "body, prev, hash, sig) VALUES (%Q, 1, %Q, 'lan', '', 'login', '{}', '', %Q, '')",
	    other.origin, other.at, ohash);
	exec(db, sql);
	sqlite3_free(sql);
	/* the trigger as the 010 migration made it: a signature may be added */
	if ((sql = rows(db, "SELECT sql FROM temp.saved")) == NULL || strlen(sql) < 2)
		bail("trigger", "not saved");
	sql[strlen(sql) - 2] = '\0';	/* rows()'s "|\n" */
	exec(db, sql);
	sqlite3_free(sql);
	n = scalar(db, "SELECT count(*) FROM event WHERE origin = %Q", origin);
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	is_int(uns, n + 1, "before: the %lld own events and the other's are unsigned", n);
	before = rows(db, "SELECT origin, seq, at, officer, dossier, kind, body, prev, hash "
	    "FROM event ORDER BY origin, seq");

	if (db_tx_begin(db, &tx, &err) || key_upgrade(db, &err) || db_tx_commit(&tx, &err))
		bail("key_upgrade", err.msg);

	good = events_signed(db, origin, pub, &total);
	is_int(total, n + 1, "one event more: the upgrade's own");
	is_int(good, total, "every own event is signed with the station's key");
	is_int(scalar(db, "SELECT count(*) FROM event WHERE origin <> %Q AND sig = ''", origin),
	    1, "the other station's event is left unsigned (only its key can sign it)");
	if (trust_verify_log(db, &bad, &uns, &unknown, &err))
		bail("trust_verify_log", err.msg);
	ok(bad == 0 && uns == 1, "after: nothing bad, the other's event unsigned (%lld, %lld)",
	    bad, uns);
	sql = sqlite3_mprintf("SELECT origin, seq, at, officer, dossier, kind, body, prev, "
	    "hash FROM event WHERE NOT (origin = %Q AND seq = %lld) ORDER BY origin, seq",
	    origin, n + 1);
	after = rows(db, sql);
	sqlite3_free(sql);
	ok(before != NULL && after != NULL && strcmp(before, after) == 0,
	    "the events themselves are as they were: only signatures added");
	sqlite3_free(before);
	sqlite3_free(after);
	is_int(event_verify(db, &err), 0, "the chain is sound");

	last_event(db, origin, kind, body, officer);
	is_str(kind, "keys_upgrade", "an audit event keys_upgrade was recorded");
	sql = sqlite3_mprintf("{\"signed\":\"%lld\",\"officers\":\"lan,truong\"}", n);
	is_str(body, sql, "it says how many were signed and names the officers");
	sqlite3_free(sql);
	ok(audit_is_kind("keys_upgrade"), "keys_upgrade is an audit event's kind");

	/* the trigger still holds: a signature once made cannot be changed */
	sql = sqlite3_mprintf("UPDATE event SET sig = '' WHERE origin = %Q AND seq = 1", origin);
	ok(sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK,
	    "a signature added at the upgrade cannot be taken off");
	sqlite3_free(sql);
	db_close(db);
}

int
main(void)
{
	sqlite3 *db;

	test_dir_make("key");
	db = station_new("a.db", 1);
	test_fingerprint(db);
	test_parse();
	test_sign(db);
	test_append(db);
	test_verify_log(db);
	db_close(db);
	test_upgrade();
	test_dir_remove();
	return tap_done();
}
