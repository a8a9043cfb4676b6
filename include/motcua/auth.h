/* auth.h — officers' passwords: setting one, checking one, the lockout.
 *
 * A password (or, with the setting password_kind = pin, a PIN) is kept only
 * as libsodium's crypto_pwhash_str (Argon2id, the limits below), a
 * string that carries its own random salt and parameters, in the table
 * officer_login (schema/008_auth.sql).  Nothing reversible is stored, and
 * no function here logs, prints or keeps a copy of a password.
 *
 * After MC_AUTH_MAX_FAILURES wrong passwords in a row an officer is locked
 * for MC_AUTH_LOCK_MINUTES minutes: every try in that time is refused,
 * the right password too, until the time passes or a supervisor unlocks.
 * Each failure should also cost the person more time than the last: core
 * says how long (auth_delay_ms), the front end waits.
 *
 * Times are given (a struct mc_time), never read from the clock here, so
 * that tests fix them.  The front ends call these outside any transaction
 * of their own: a failure is recorded (committed) even though the call
 * returns -1, and a caller's rollback would undo that count. */
#ifndef MOTCUA_AUTH_H
#define MOTCUA_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "motcua/date.h"
#include "motcua/error.h"
#include "motcua/unit.h"

#define MC_AUTH_MAX_FAILURES 5	/* wrong passwords in a row that lock */
#define MC_AUTH_LOCK_MINUTES 5	/* how long the lock lasts */
#define MC_PASSWORD_MIN 8	/* characters of a password */
#define MC_PIN_MIN 6		/* digits of a PIN */
#define MC_PASSWORD_MAX 128	/* characters of either */

/* Argon2id's limits for new hashes: 7 MiB of memory, 5 passes, one lane
 * (libsodium's only).  OWASP's Password Storage Cheat Sheet lists m=7 MiB
 * t=5 p=1 among the configurations equal in strength to its first choice
 * m=19 MiB t=2; the smallest memory it lists, so that a login costs 7 MiB
 * for a moment, not libsodium's interactive 64 MiB (issue 15: the program
 * stays near 10 MB).  More passes cost time, not memory: a hash takes
 * about 50 ms on a 2-core machine, where the interactive limits took 420.  Hashes made with other limits (earlier ones
 * have libsodium's interactive t=2 m=64 MiB) still verify, since each
 * string carries its own, and are made again with these at the next right
 * login (auth_login). */
#define MC_AUTH_OPSLIMIT 5ULL
#define MC_AUTH_MEMLIMIT ((size_t)7 << 20)

/* An officer's login, as it stands at a moment. */
struct mc_auth_state {
	bool has_password;	/* false: none set yet */
	bool must_change;	/* a supervisor's reset: set a new one now */
	int failures;		/* wrong passwords in a row (0 once a lock ran out) */
	bool locked;		/* at the moment asked */
	struct mc_time locked_until;	/* when `locked` */
};

/* Does `password` meet the policy of the setting password_kind (at least
 * MC_PASSWORD_MIN characters, or a PIN of MC_PIN_MIN digits or more, at
 * most MC_PASSWORD_MAX)?  0, or -1 with err saying what to type. */
int auth_policy_check(sqlite3 *db, const char *password, struct mc_err *err);

/* Set `username`'s own password (after the policy check): the front end
 * has proved who they are (the current password, or a new officer setting
 * their first one).  Clears the must-change flag, the failures and any
 * lock.  After a reset, the temporary password is refused as the new one.
 * Recorded as the audit event "password". */
int auth_set(sqlite3 *db, const char *username, const char *password,
    struct mc_err *err);

/* `acting` adds an officer (unit_officer_add) and, unless password is
 * NULL, sets their first password, in one transaction with its audit
 * event: either all is done or nothing is.  acting must be allowed to
 * manage officers (role_require, MC_ACT_OFFICER) — except for the unit's
 * first officer, whom nobody can vouch for: then acting is ignored, and
 * the officer must be a supervisor with a password. */
int auth_officer_add(sqlite3 *db, const char *acting, const char *username,
    const char *full_name, enum mc_role role, const char *password, struct mc_err *err);

/* Check `username`'s password at moment `at`.  0 if right: the failures
 * are reset (the front end then looks at st->must_change).  -1 otherwise,
 * with err: MC_ENOTFOUND an unknown officer, MC_EINVAL a wrong password
 * (counted) or an inactive officer, MC_ECONFLICT a locked officer (not
 * counted; says until when and that a supervisor can unlock) or one with
 * no password yet.  st (may be NULL) gets the state after the try, for
 * auth_delay_ms(st->failures). */
int auth_verify(sqlite3 *db, const char *username, const char *password,
    const struct mc_time *at, struct mc_auth_state *st, struct mc_err *err);

/* An audit event recorded by a screen (audit_note's kind, officer, detail). */
struct mc_auth_note {
	const char *kind;
	const char *officer;
	const char *detail;	/* may be NULL */
};

/* auth_verify for a session's login: when the password is right and need
 * not change first (!st->must_change), the n events `notes` ("logout" of
 * the officer before, "login", "unlock") are recorded in the same
 * transaction as the cleared failures and any re-hash of the password
 * with today's limits; when it must change, none is recorded (the screen
 * records them once the new password is set).  auth_verify is auth_login
 * with no notes. */
int auth_login(sqlite3 *db, const char *username, const char *password,
    const struct mc_time *at, const struct mc_auth_note *notes, size_t n,
    struct mc_auth_state *st, struct mc_err *err);
/* Every wrong password is an audit event "login_failed" (and the fifth
 * "locked_out"), recorded here; a session's login is the screen's to
 * record (audit_note), since a command line's proof is no session. */

/* How long the front end waits after the n-th wrong password in a row, in
 * milliseconds: 0 for n <= 0, then 250, 500, 1000, … doubling up to 32 s
 * at the 8th and after, so each is longer than the last through the lock
 * (the 5th) and for three tries beyond. */
long auth_delay_ms(int failures);

/* The state of `username`'s login at `at` (reads only). */
int auth_state(sqlite3 *db, const char *username, const struct mc_time *at,
    struct mc_auth_state *st, struct mc_err *err);
/* Must `username` set a new password before working?  1 yes, 0 no, -1 on
 * error (an unknown officer). */
int auth_needs_change(sqlite3 *db, const char *username, struct mc_err *err);

/* A supervisor (`supervisor`, active, whose role may manage officers)
 * ends `username`'s lock and clears the failures. */
int auth_unlock(sqlite3 *db, const char *supervisor, const char *username,
    struct mc_err *err);
/* A supervisor gives `username` a temporary password (policy checked),
 * which the officer must change at the next login; failures and lock are
 * cleared. */
int auth_reset(sqlite3 *db, const char *supervisor, const char *username,
    const char *temporary, struct mc_err *err);

#endif
