/* trust.c — the keys of the stations this one takes events from (trust.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/role.h"
#include "motcua/trust.h"

static void
copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, n, "%s", t != NULL ? (const char *)t : "");
}

int
trust_key_of(sqlite3 *db, const char *station, char pub[MC_KEY_HEX],
    char revoked[MC_ISO_LEN], struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* this station's own key, then the trusted ones */
	if (db_prepare(db, "SELECT k.public, '' FROM station_key k, meta m WHERE k.id = 1 "
	    "AND m.key = 'station_id' AND m.value = ?1 UNION ALL SELECT public, "
	    "coalesce(revoked, '') FROM trust WHERE station = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy_col(st, 0, pub, MC_KEY_HEX);
		copy_col(st, 1, revoked, MC_ISO_LEN);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the trusted stations"));
	return rc == SQLITE_ROW;
}

int
trust_add(sqlite3 *db, const char *acting, const char *station, const char *pub,
    const char *unit, int number, struct mc_err *err)
{
	struct mc_officer me;
	char fpr[MC_FPR_LEN], num[8], iso[MC_ISO_LEN], held[MC_KEY_HEX], rev[MC_ISO_LEN];
	struct mc_time now;
	struct db_tx tx;
	sqlite3_stmt *st;
	int found, rc;

	if (role_require(db, acting, MC_ACT_TRUST, &me, err))
		return -1;
	if (!key_is_public(pub))
		return err_set(err, MC_EINVAL, _("that is not a station's key"));
	key_fingerprint(pub, fpr);
	if ((found = trust_key_of(db, station, held, rev, err)) < 0)
		return -1;
	if (found == 1 && strcmp(held, pub) == 0 && rev[0] == '\0')
		return 0;	/* trusted already */
	if (found == 1 && strcmp(held, pub) == 0)
		return err_set(err, MC_ECONFLICT, _("the key %s was revoked here on %.10s: a "
		    "revoked key is never trusted again; give that PC a new identity "
		    "('motcua init --from-copy') and trust its new key"), fpr, rev);
	if (found == 1)
		return err_set(err, MC_ECONFLICT, _("station %d of %s is trusted here with "
		    "another key: if that PC was given a new identity, revoke the old key first "
		    "('motcua station revoke FINGERPRINT')"), number, unit);
	date_now(&now);
	date_format_iso(&now, iso);
	snprintf(num, sizeof num, "%d", number);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "INSERT INTO trust(station, public, unit, number, trusted, officer) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, pub, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, unit, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, number);
	sqlite3_bind_text(st, 5, iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, me.username, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (sqlite3_errcode(db) == SQLITE_CONSTRAINT)
			err_set(err, MC_ECONFLICT, _("the key %s is trusted here for another "
			    "station: one key is one station (a copied database? see CLONED "
			    "STATIONS in motcua(1))"), fpr);
		else
			db_fail(db, err, _("saving the trusted station"));
		goto fail;
	}
	if (audit_record(db, "trust", me.username, NULL, err, "fingerprint", fpr, "number", num,
	    "unit", unit, "station", station, "public", pub, (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
trust_revoke(sqlite3 *db, const char *acting, const char *fpr_in, struct mc_err *err)
{
	struct mc_officer me;
	struct trust_item hit;
	char fpr[MC_FPR_LEN], iso[MC_ISO_LEN], num[8], self[MC_KEY_HEX];
	struct mc_time now;
	struct db_tx tx;
	sqlite3_stmt *st;
	bool found = false;
	int rc;

	if (role_require(db, acting, MC_ACT_TRUST, &me, err) ||
	    key_fingerprint_parse(fpr_in, fpr, err) || key_public(db, self, err))
		return -1;
	{
		char f[MC_FPR_LEN];

		key_fingerprint(self, f);
		if (strcmp(f, fpr) == 0)
			return err_set(err, MC_EINVAL, _("%s is this station's own key: it cannot "
			    "be revoked here; if a copy of this database speaks as this station, "
			    "revoke it on the other stations, and give this PC a new identity with "
			    "'motcua init --from-copy'"), fpr);
	}
	if (db_prepare(db, "SELECT station, public, unit, number, coalesce(revoked, '') "
	    "FROM trust", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char f[MC_FPR_LEN];

		key_fingerprint((const char *)sqlite3_column_text(st, 1), f);
		if (strcmp(f, fpr) != 0)
			continue;
		memset(&hit, 0, sizeof hit);
		copy_col(st, 0, hit.station, sizeof hit.station);
		copy_col(st, 1, hit.public, sizeof hit.public);
		copy_col(st, 2, hit.unit, sizeof hit.unit);
		hit.number = sqlite3_column_int(st, 3);
		copy_col(st, 4, hit.revoked, sizeof hit.revoked);
		found = true;
		break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the trusted stations"));
	if (!found)
		return err_set(err, MC_ENOTFOUND, _("no station with the key %s is trusted "
		    "here: see 'motcua station list'"), fpr);
	if (hit.revoked[0] != '\0')
		return err_set(err, MC_ECONFLICT, _("the key %s was revoked already on %.10s"),
		    fpr, hit.revoked);
	date_now(&now);
	date_format_iso(&now, iso);
	snprintf(num, sizeof num, "%d", hit.number);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_prepare(db, "UPDATE trust SET revoked = ?2 WHERE station = ?1", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, hit.station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("revoking the key"));
		goto fail;
	}
	if (audit_record(db, "revoke", me.username, &now, err, "fingerprint", fpr, "number",
	    num, "unit", hit.unit, "station", hit.station, "public", hit.public, (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

int
trust_apply_revoke(sqlite3 *db, const char *body, const char *at, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* a key trusted here: revoked from the event's time (the earlier of
	 * two revocations stands); a key not trusted here: a revoked row, so
	 * that nobody trusts it later by mistake */
	if (db_prepare(db, "INSERT INTO trust(station, public, unit, number, trusted, officer, "
	    "revoked) SELECT json_extract(?1, '$.station'), json_extract(?1, '$.public'), "
	    "coalesce(json_extract(?1, '$.unit'), ''), coalesce(CAST(json_extract(?1, "
	    "'$.number') AS INTEGER), 0), ?2, '-', ?2 WHERE length(json_extract(?1, "
	    "'$.public')) = 64 AND json_extract(?1, '$.station') IS NOT NULL AND NOT EXISTS "
	    "(SELECT 1 FROM station_key k WHERE k.public = json_extract(?1, '$.public')) "
	    "ON CONFLICT(station) DO UPDATE SET revoked = min(coalesce(revoked, excluded.revoked), "
	    "excluded.revoked) WHERE public = excluded.public", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && sqlite3_errcode(db) != SQLITE_CONSTRAINT)
		return db_fail(db, err, _("recording a revocation"));
	return 0;
}

static int
list_row(sqlite3_stmt *st, void *arg)
{
	void **a = arg;
	int (*fn)(const struct trust_item *, void *) = (int (*)(const struct trust_item *,
	    void *))a[0];
	struct trust_item t;

	memset(&t, 0, sizeof t);
	copy_col(st, 0, t.station, sizeof t.station);
	copy_col(st, 1, t.public, sizeof t.public);
	copy_col(st, 2, t.unit, sizeof t.unit);
	t.number = sqlite3_column_int(st, 3);
	copy_col(st, 4, t.trusted, sizeof t.trusted);
	copy_col(st, 5, t.officer, sizeof t.officer);
	copy_col(st, 6, t.revoked, sizeof t.revoked);
	t.self = sqlite3_column_int(st, 7) != 0;
	t.alarms = sqlite3_column_int64(st, 8);
	key_fingerprint(t.public, t.fingerprint);
	return fn(&t, a[1]);
}

int
trust_list(sqlite3 *db, int (*fn)(const struct trust_item *, void *), void *arg,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	void *a[2] = {(void *)fn, arg};

	if (key_ensure(db, err) ||
	    db_prepare(db, "SELECT s.id, k.public, s.unit, s.number, '', '', '', 1, "
	    "(SELECT count(*) FROM clone_alarm WHERE origin = s.id) FROM station s, "
	    "station_key k WHERE s.self = 1 AND k.id = 1 UNION ALL SELECT station, public, unit, "
	    "number, trusted, officer, coalesce(revoked, ''), 0, (SELECT count(*) FROM "
	    "clone_alarm WHERE origin = station) FROM trust ORDER BY 8 DESC, 3, 4", &st, err))
		return -1;
	return db_each(db, st, list_row, a, _("reading the trusted stations"), err);
}

int
trust_alarm(sqlite3 *db, const char *origin, long long seq, const char *held,
    const char *other, const char *event, const char *file, struct mc_err *err)
{
	struct mc_time now;
	char iso[MC_ISO_LEN];
	sqlite3_stmt *st;
	int rc;

	date_now(&now);
	date_format_iso(&now, iso);
	if (db_prepare(db, "INSERT OR IGNORE INTO clone_alarm(origin, seq, held, other, event, "
	    "file, found) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, held, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, other, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, event, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("recording the clone alarm"));
}

struct alarm_walk {
	int (*fn)(const struct trust_alarm_item *, void *);
	void *arg;
};

static int
alarm_row(sqlite3_stmt *st, void *arg)
{
	struct alarm_walk *w = arg;
	struct trust_alarm_item a;

	memset(&a, 0, sizeof a);
	copy_col(st, 0, a.origin, sizeof a.origin);
	copy_col(st, 1, a.unit, sizeof a.unit);
	a.number = sqlite3_column_int(st, 2);
	a.seq = sqlite3_column_int64(st, 3);
	copy_col(st, 4, a.held, sizeof a.held);
	copy_col(st, 5, a.other, sizeof a.other);
	copy_col(st, 6, a.file, sizeof a.file);
	copy_col(st, 7, a.found, sizeof a.found);
	return w->fn(&a, w->arg);
}

int
trust_alarm_each(sqlite3 *db, int (*fn)(const struct trust_alarm_item *, void *), void *arg,
    struct mc_err *err)
{
	struct alarm_walk w = { fn, arg };
	sqlite3_stmt *st;

	if (db_prepare(db, "SELECT a.origin, coalesce(t.unit, p.unit, ''), coalesce(t.number, "
	    "p.number, 0), a.seq, a.held, a.other, a.file, a.found FROM clone_alarm a "
	    "LEFT JOIN trust t ON t.station = a.origin LEFT JOIN peer p ON p.station = "
	    "a.origin ORDER BY a.found, a.origin, a.seq", &st, err))
		return -1;
	return db_each(db, st, alarm_row, &w, _("reading the clone alarms"), err);
}

long long
trust_alarms(sqlite3 *db, struct mc_err *err)
{
	long long n = db_int(db, "SELECT count(*) FROM clone_alarm", -1);

	if (n < 0)
		db_fail(db, err, _("reading the clone alarms"));
	return n;
}

int
trust_verify_each(sqlite3 *db, int (*fn)(const char *origin, long long seq,
    enum trust_sig state, void *arg), void *arg, struct mc_err *err)
{
	char self[MC_UUID_LEN] = "";
	sqlite3_stmt *st;
	int rc, stop = 0;

	(void)db_meta_get(db, "station_id", self, sizeof self);
	/* the key of an event's origin: this station's own, or the one
	 * trusted for it here (table station keeps no key); a revoked key
	 * still vouches for what it signed before */
	if (db_prepare(db, "SELECT e.origin, e.seq, e.hash, e.sig, coalesce((SELECT public "
	    "FROM station_key k WHERE k.id = 1 AND e.origin = ?1), (SELECT public FROM trust "
	    "WHERE station = e.origin)) FROM event e ORDER BY e.origin, e.seq", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, self, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(st, 0);
		const char *sig = (const char *)sqlite3_column_text(st, 3);
		const char *pub = (const char *)sqlite3_column_text(st, 4);
		enum trust_sig state;

		if (sig[0] == '\0')
			state = strcmp(origin, self) == 0 ? TRUST_SIG_OWN_UNSIGNED :
			    TRUST_SIG_UNSIGNED;
		else if (pub == NULL)
			state = TRUST_SIG_UNKNOWN;
		else if (key_verify(pub, KEY_EVENT, (const char *)sqlite3_column_text(st, 2), sig))
			state = TRUST_SIG_GOOD;
		else
			state = TRUST_SIG_BAD;
		stop = fn(origin, sqlite3_column_int64(st, 1), state, arg);
	}
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, _("reading the event log"));
}

struct sig_tally {
	long long *bad, *unsigned_, *unknown;
};

static int
tally_sig(const char *origin, long long seq, enum trust_sig state, void *arg)
{
	struct sig_tally *t = arg;

	(void)origin;
	(void)seq;
	if (state == TRUST_SIG_BAD)
		(*t->bad)++;
	else if (state == TRUST_SIG_UNSIGNED || state == TRUST_SIG_OWN_UNSIGNED)
		(*t->unsigned_)++;
	else if (state == TRUST_SIG_UNKNOWN)
		(*t->unknown)++;
	return 0;
}

int
trust_verify_log(sqlite3 *db, long long *bad, long long *unsigned_, long long *unknown,
    struct mc_err *err)
{
	struct sig_tally t = { bad, unsigned_, unknown };

	*bad = *unsigned_ = *unknown = 0;
	return trust_verify_each(db, tally_sig, &t, err);
}
