/* auth.c — officers' passwords: the policy, Argon2id hashes, failures and
 * the lockout (auth.h), in the table officer_login. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/auth.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/setting.h"
#include "motcua/unit.h"

/* What officer_login and officer hold of one officer. */
struct login {
	bool active;
	enum mc_role role;
	char hash[crypto_pwhash_STRBYTES];	/* "" when none is set */
	bool must_change;
	int failures;
	bool has_lock;
	struct mc_time locked_until;
};

static int
sodium_ready(struct mc_err *err)
{
	if (sodium_init() < 0)
		return err_set(err, MC_ENOMEM, _("the cryptography library could not start"));
	return 0;
}

static struct mc_time
plus_minutes(const struct mc_time *t, int minutes)
{
	struct mc_time r = *t;

	r.min += minutes;
	r.jdn += r.min / 1440;
	r.min %= 1440;
	return r;
}

/* Characters of a UTF-8 string: the bytes that do not continue one. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

int
auth_policy_check(sqlite3 *db, const char *password, struct mc_err *err)
{
	char kind[16];
	size_t n = chars(password);

	if (setting_get(db, "password_kind", kind, sizeof kind) != 0)
		return err_set(err, MC_ESTORE,
		    _("there is no setting '%s': see 'motcua setting list'"), "password_kind");
	for (const unsigned char *p = (const unsigned char *)password; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F)
			return err_set(err, MC_EINVAL,
			    _("a password cannot hold a control character (a tab, a line "
			    "break): type letters, digits and signs only"));
	if (strcmp(kind, "pin") == 0) {
		for (const char *p = password; *p != '\0'; p++)
			if (*p < '0' || *p > '9')
				return err_set(err, MC_EINVAL,
				    _("a PIN is digits only: type at least %d digits, no "
				    "letters or spaces"), MC_PIN_MIN);
		if (n < MC_PIN_MIN)
			return err_set(err, MC_EINVAL,
			    _("the PIN is too short: type at least %d digits"), MC_PIN_MIN);
	} else if (n < MC_PASSWORD_MIN)
		return err_set(err, MC_EINVAL,
		    _("the password is too short: type at least %d characters"),
		    MC_PASSWORD_MIN);
	if (n > MC_PASSWORD_MAX)
		return err_set(err, MC_EINVAL,
		    _("the password is too long: type at most %d characters"), MC_PASSWORD_MAX);
	return 0;
}

/* Read `username`'s login; MC_ENOTFOUND if there is no such officer. */
static int
login_get(sqlite3 *db, const char *username, struct login *l, struct mc_err *err)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int rc;

	memset(l, 0, sizeof *l);
	if (db_prepare(db, "SELECT o.active, o.role, l.hash, l.must_change, l.failures, "
	    "l.locked_until FROM officer AS o JOIN officer_login AS l USING (username) "
	    "WHERE o.username = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		l->active = sqlite3_column_int(st, 0) != 0;
		if (unit_role_parse((const char *)sqlite3_column_text(st, 1), &l->role) != 0)
			l->role = MC_ROLE_OFFICER;
		if ((v = sqlite3_column_text(st, 2)) != NULL)
			snprintf(l->hash, sizeof l->hash, "%s", v);
		l->must_change = sqlite3_column_int(st, 3) != 0;
		l->failures = sqlite3_column_int(st, 4);
		v = sqlite3_column_text(st, 5);
		l->has_lock = v != NULL && date_parse_time((const char *)v,
		    &l->locked_until) == 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return err_set(err, MC_ENOTFOUND,
		    _("there is no officer '%s': see 'motcua officer list'"), username);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("reading the officer's login"));
	return 0;
}

/* A lock that has run out is no lock, and its failures no longer count. */
static void
login_expire(struct login *l, const struct mc_time *at)
{
	if (l->has_lock && date_cmp(at, &l->locked_until) >= 0) {
		l->has_lock = false;
		l->failures = 0;
	}
}

static void
state_of(const struct login *l, struct mc_auth_state *st)
{
	if (st == NULL)
		return;
	memset(st, 0, sizeof *st);
	st->has_password = l->hash[0] != '\0';
	st->must_change = l->must_change;
	st->failures = l->failures;
	st->locked = l->has_lock;
	if (l->has_lock)
		st->locked_until = l->locked_until;
}

/* Write a login back; hash NULL keeps the stored one. */
static int
login_put(sqlite3 *db, const char *username, const char *hash, const struct login *l,
    struct mc_err *err)
{
	struct db_tx tx;
	sqlite3_stmt *st;
	char iso[MC_ISO_LEN];
	int rc;

	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "UPDATE officer_login SET hash = coalesce(?2, hash), "
	    "must_change = ?3, failures = ?4, locked_until = ?5 WHERE username = ?1",
	    &st, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	sqlite3_bind_text(st, 1, username, -1, SQLITE_STATIC);
	if (hash != NULL)
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, l->must_change);
	sqlite3_bind_int(st, 4, l->failures);
	if (l->has_lock) {
		date_format_iso(&l->locked_until, iso);
		sqlite3_bind_text(st, 5, iso, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || sqlite3_changes(db) != 1) {
		db_fail(db, err, _("recording the officer's login"));
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

/* A wrong password: the count, the lock at the fifth, and their audit
 * events, in one transaction. */
static int
failure_put(sqlite3 *db, const char *username, const struct login *l,
    const struct mc_time *at, struct mc_err *err)
{
	struct db_tx tx;
	char n[16], iso[MC_ISO_LEN];

	snprintf(n, sizeof n, "%d", l->failures);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (login_put(db, username, NULL, l, err) ||
	    audit_record(db, "login_failed", username, at, err, "failures", n, (char *)NULL))
		goto fail;
	if (l->has_lock) {
		date_format_iso(&l->locked_until, iso);
		if (audit_record(db, "locked_out", username, at, err, "failures", n,
		    "until", iso, (char *)NULL))
			goto fail;
	}
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

/* Hash a password into out (crypto_pwhash_STRBYTES), with the limits of
 * auth.h (MC_AUTH_OPSLIMIT, MC_AUTH_MEMLIMIT). */
static int
hash_password(const char *password, char *out, struct mc_err *err)
{
	if (sodium_ready(err))
		return -1;
	if (crypto_pwhash_str_alg(out, password, strlen(password), MC_AUTH_OPSLIMIT,
	    MC_AUTH_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(err, MC_ENOMEM,
		    _("there is not enough memory to protect the password: close other "
		    "programs and try again"));
	return 0;
}

static bool
hash_matches(const char *hash, const char *password)
{
	return hash[0] != '\0' &&
	    crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/* Set a password; `audit` (a kind) records it, by `officer`, in the same
 * transaction. */
static int
set_password(sqlite3 *db, const char *username, const char *password,
    const char *audit, const char *officer, struct mc_err *err)
{
	struct login l;
	struct db_tx tx;
	char hash[crypto_pwhash_STRBYTES];
	int rc;

	if (auth_policy_check(db, password, err) || login_get(db, username, &l, err) ||
	    sodium_ready(err))
		return -1;
	if (!l.active)
		return err_set(err, MC_EINVAL,
		    _("the officer '%s' is no longer active: choose another"), username);
	if (l.must_change && hash_matches(l.hash, password))
		return err_set(err, MC_EINVAL,
		    _("that is the temporary password: choose a new one of your own"));
	if (hash_password(password, hash, err))
		return -1;
	l.must_change = false;
	l.failures = 0;
	l.has_lock = false;
	rc = db_tx_begin(db, &tx, err);
	if (rc == 0 && (login_put(db, username, hash, &l, err) ||
	    (audit != NULL && audit_record(db, audit, officer, NULL, err, "username",
	    username, (char *)NULL)) || db_tx_commit(&tx, err))) {
		db_tx_rollback(&tx);
		rc = -1;
	}
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int
auth_set(sqlite3 *db, const char *username, const char *password, struct mc_err *err)
{
	return set_password(db, username, password, "password", username, err);
}

int
auth_officer_add(sqlite3 *db, const char *acting, const char *username,
    const char *full_name, enum mc_role role, const char *password, struct mc_err *err)
{
	struct db_tx tx;
	long long n;
	const char *by = acting;

	/* the policy first: a refused password adds nobody, without a write */
	if (password != NULL && auth_policy_check(db, password, err))
		return -1;
	if ((n = unit_officer_count(db, err)) < 0)
		return -1;
	if (n == 0) {
		/* the unit's first officer: nobody can vouch for them, and
		 * somebody must be able to run the unit */
		if (role != MC_ROLE_SUPERVISOR)
			return err_set(err, MC_EINVAL, _("the unit's first officer must be a "
			    "supervisor: nobody else could add officers or change settings"));
		if (password == NULL)
			return err_set(err, MC_EINVAL, _("the unit's first officer needs a "
			    "password: nobody else could set one"));
		by = username;
	} else if (role_require(db, acting, MC_ACT_OFFICER, NULL, err))
		return -1;
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (unit_officer_add(db, username, full_name, role, err) ||
	    (password != NULL && set_password(db, username, password, NULL, NULL, err)) ||
	    audit_record(db, "officer_add", by, NULL, err, "username", username,
	    "full_name", full_name, "role", unit_role_name(role), (char *)NULL)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

/* The screen's events of a login (auth_login), in the caller's transaction. */
static int
notes_put(sqlite3 *db, const struct mc_auth_note *notes, size_t n, struct mc_err *err)
{
	for (size_t i = 0; i < n; i++)
		if (audit_note(db, notes[i].kind, notes[i].officer, notes[i].detail, err))
			return -1;
	return 0;
}

/* The right password: the failures cleared, the hash made again if its
 * limits are not today's, and (unless the password must change first) the
 * login's events, in one transaction: a re-hash is never kept without the
 * login that made it, nor a login recorded with the old hash left behind. */
static int
success_put(sqlite3 *db, const char *username, const char *password, struct login *l,
    const struct mc_auth_note *notes, size_t n, struct mc_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	const char *rehash = NULL;
	struct db_tx tx;
	int rc;

	/* crypto_pwhash_str_needs_rehash: 1 when the string's algorithm or
	 * limits differ from these (a hash of the older 64 MiB limits, say),
	 * 0 when they match, -1 when it cannot be read — then it is kept as
	 * it is: it has just verified, so it still lets the officer in */
	if (crypto_pwhash_str_needs_rehash(l->hash, MC_AUTH_OPSLIMIT, MC_AUTH_MEMLIMIT) == 1) {
		if (hash_password(password, hash, err))
			return -1;
		rehash = hash;
	}
	l->failures = 0;
	l->has_lock = false;
	rc = db_tx_begin(db, &tx, err);
	if (rc == 0 && (login_put(db, username, rehash, l, err) ||
	    (!l->must_change && notes_put(db, notes, n, err)) || db_tx_commit(&tx, err))) {
		db_tx_rollback(&tx);
		rc = -1;
	}
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int
auth_login(sqlite3 *db, const char *username, const char *password,
    const struct mc_time *at, const struct mc_auth_note *notes, size_t n,
    struct mc_auth_state *st, struct mc_err *err)
{
	struct login l;
	char until[MC_TIME_LEN];

	if (st != NULL)
		memset(st, 0, sizeof *st);
	if (login_get(db, username, &l, err) || sodium_ready(err))
		return -1;
	login_expire(&l, at);
	state_of(&l, st);
	if (!l.active)
		return err_set(err, MC_EINVAL,
		    _("the officer '%s' is no longer active: ask a supervisor"), username);
	if (l.has_lock) {
		date_format_time(&l.locked_until, until);
		return err_set(err, MC_ECONFLICT,
		    _("'%s' is locked after %d wrong passwords until %s: wait until then, "
		    "or ask a supervisor to unlock"), username, MC_AUTH_MAX_FAILURES, until);
	}
	if (l.hash[0] == '\0')
		return err_set(err, MC_ECONFLICT,
		    _("'%s' has no password yet: ask a supervisor to set one"), username);
	if (hash_matches(l.hash, password)) {
		if (success_put(db, username, password, &l, notes, n, err))
			return -1;
		state_of(&l, st);
		return 0;
	}
	if (++l.failures >= MC_AUTH_MAX_FAILURES) {
		l.has_lock = true;
		l.locked_until = plus_minutes(at, MC_AUTH_LOCK_MINUTES);
	}
	if (failure_put(db, username, &l, at, err))
		return -1;
	state_of(&l, st);
	if (l.has_lock) {
		date_format_time(&l.locked_until, until);
		return err_set(err, MC_EINVAL,
		    _("wrong password, %d times in a row: '%s' is locked until %s; a "
		    "supervisor can unlock"), l.failures, username, until);
	}
	return err_set(err, MC_EINVAL,
	    _("wrong password for '%s': try again (%d more wrong and it locks for %d "
	    "minutes)"), username, MC_AUTH_MAX_FAILURES - l.failures, MC_AUTH_LOCK_MINUTES);
}

int
auth_verify(sqlite3 *db, const char *username, const char *password,
    const struct mc_time *at, struct mc_auth_state *st, struct mc_err *err)
{
	return auth_login(db, username, password, at, NULL, 0, st, err);
}

long
auth_delay_ms(int failures)
{
	if (failures <= 0)
		return 0;
	if (failures > 8)
		failures = 8;
	return 250L << (failures - 1);
}

int
auth_state(sqlite3 *db, const char *username, const struct mc_time *at,
    struct mc_auth_state *st, struct mc_err *err)
{
	struct login l;

	if (login_get(db, username, &l, err))
		return -1;
	login_expire(&l, at);
	state_of(&l, st);
	return 0;
}

int
auth_needs_change(sqlite3 *db, const char *username, struct mc_err *err)
{
	struct login l;

	if (login_get(db, username, &l, err))
		return -1;
	return l.must_change;
}

int
auth_unlock(sqlite3 *db, const char *supervisor, const char *username,
    struct mc_err *err)
{
	struct login l;

	struct db_tx tx;

	if (role_require(db, supervisor, MC_ACT_OFFICER, NULL, err) ||
	    login_get(db, username, &l, err) || db_tx_begin(db, &tx, err))
		return -1;
	l.failures = 0;
	l.has_lock = false;
	if (login_put(db, username, NULL, &l, err) ||
	    audit_record(db, "officer_unlock", supervisor, NULL, err, "username", username,
	    (char *)NULL) || db_tx_commit(&tx, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return 0;
}

int
auth_reset(sqlite3 *db, const char *supervisor, const char *username,
    const char *temporary, struct mc_err *err)
{
	struct login l;
	char hash[crypto_pwhash_STRBYTES];
	int rc;

	struct db_tx tx;

	if (role_require(db, supervisor, MC_ACT_OFFICER, NULL, err) ||
	    auth_policy_check(db, temporary, err) || login_get(db, username, &l, err) ||
	    hash_password(temporary, hash, err))
		return -1;
	l.must_change = true;
	l.failures = 0;
	l.has_lock = false;
	rc = db_tx_begin(db, &tx, err);
	if (rc == 0 && (login_put(db, username, hash, &l, err) ||
	    audit_record(db, "password_reset", supervisor, NULL, err, "username", username,
	    (char *)NULL) || db_tx_commit(&tx, err))) {
		db_tx_rollback(&tx);
		rc = -1;
	}
	sodium_memzero(hash, sizeof hash);
	return rc;
}
