/* sync-import.c — taking in a bundle: every check first, then one
 * transaction.  A file that fails any check changes nothing. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "motcua/calendar.h"
#include "motcua/catalog.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/publish.h"
#include "motcua/key.h"
#include "motcua/trust.h"
#include "motcua/syncrule.h"
#include "motcua/unit.h"
#include "sync-int.h"

/* an import bringing this many events or more runs PRAGMA optimize */
#define OPTIMIZE_AFTER 1000

/* the short names this file reads best with */
static const char *
hv(const struct bundle *bd, const char *key)
{
	return sync_bundle_value(bd, key);
}

static int
bad(const struct bundle *bd, struct mc_err *err, const char *why)
{
	return sync_bundle_bad(bd, err, why);
}

/* ---- who signed it ------------------------------------------------------------ */

/* Clone alarms held for a station whose key is not revoked: its bundles
 * wait for a supervisor (CLONED STATIONS in motcua(1)). */
static bool
alarmed(sqlite3 *db, const char *station)
{
	sqlite3_stmt *st;
	bool yes = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM clone_alarm a WHERE a.origin = ?1 AND NOT "
	    "EXISTS (SELECT 1 FROM trust t WHERE t.station = a.origin AND t.revoked IS NOT "
	    "NULL)", -1, &st, NULL) != SQLITE_OK)
		return true;	/* cannot tell: refuse rather than take */
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) != SQLITE_DONE;
	sqlite3_finalize(st);
	return yes;
}

/* The sender: this station itself (its own bundle back) or one trusted
 * here, with the very key the header names, not revoked, not alarmed. */
static int
check_sender(sqlite3 *db, struct bundle *bd, struct mc_err *err)
{
	char pub[MC_KEY_HEX], rev[MC_ISO_LEN], fpr[MC_FPR_LEN], why[600];
	const char *key = hv(bd, "sender_key");
	int found;

	if (!key_is_public(key))
		return bad(bd, err, _("its sender's key is malformed"));
	key_fingerprint(key, fpr);
	if ((found = trust_key_of(db, hv(bd, "sender"), pub, rev, err)) < 0)
		return -1;
	if (found == 0) {
		snprintf(why, sizeof why, _("it comes from station %.4s of %.20s with the key "
		    "%s, which this station does not trust; if that station is genuine, a "
		    "supervisor compares the key on that PC (F9, 'motcua station show') and "
		    "trusts it ('motcua station trust FILE --fingerprint %s')"),
		    hv(bd, "sender_number"), hv(bd, "sender_unit"), fpr, fpr);
		return bad(bd, err, why);
	}
	if (strcmp(pub, key) != 0) {
		snprintf(why, sizeof why, _("it claims to come from station %.4s of %.20s but "
		    "is signed with another key (%s) than the one trusted here for that station: "
		    "a forged file, or that PC was given a new identity (ask its supervisor)"),
		    hv(bd, "sender_number"), hv(bd, "sender_unit"), fpr);
		return bad(bd, err, why);
	}
	if (rev[0] != '\0') {
		snprintf(why, sizeof why, _("its sender's key %s was revoked on %.10s"), fpr, rev);
		return bad(bd, err, why);
	}
	if (alarmed(db, hv(bd, "sender"))) {
		snprintf(why, sizeof why, _("its sender (key %s) is under a clone alarm: two "
		    "PCs speak as that station; see 'motcua peers' and CLONED STATIONS in "
		    "motcua(1)"), fpr);
		return bad(bd, err, why);
	}
	return 0;
}

/* Keep the evidence of a cloned station: the event held and the other. */
static void
note_clone(sqlite3 *db, struct bundle *bd, const struct mc_event *e, const char *held,
    const char *other, const char *sig)
{
	sqlite3_stmt *st;

	if (bd->alarm_seq > 0 || sqlite3_prepare_v2(db, "SELECT json_object('origin', ?1, "
	    "'seq', ?2, 'at', ?3, 'officer', ?4, 'dossier', ?5, 'kind', ?6, 'body', ?7, "
	    "'prev', ?8, 'hash', ?9, 'sig', ?10)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, e->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, e->seq);
	sqlite3_bind_text(st, 3, e->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->officer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->dossier, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, e->prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, other, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, sig, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && (bd->alarm_event = db_column_dup(st, 0)) != NULL) {
		snprintf(bd->alarm_origin, sizeof bd->alarm_origin, "%s", e->origin);
		bd->alarm_seq = e->seq;
		snprintf(bd->alarm_held, sizeof bd->alarm_held, "%s", held);
		snprintf(bd->alarm_other, sizeof bd->alarm_other, "%s", other);
	}
	sqlite3_finalize(st);
}

/* ---- the events ------------------------------------------------------------ */

/* The hash (and, given sig, the signature) of event origin/seq held here:
 * 1 held, 0 not, -1 the read failed. */
static int
local_hash(sqlite3_stmt *q, const char *origin, long long seq, char out[MC_HASH_LEN],
    char sig[MC_SIG_HEX])
{
	int rc;

	sqlite3_reset(q);
	sqlite3_bind_text(q, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, seq);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		snprintf(out, MC_HASH_LEN, "%s", sqlite3_column_text(q, 0));
		if (sig != NULL)
			snprintf(sig, MC_SIG_HEX, "%s", sqlite3_column_text(q, 1));
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* [syncrule] Each new event checked as a local one would be, in the
 * bundle's order, now that all of them are in the event table (rowid >
 * base) as the context of one another's: read back one at a time. */
static int
check_new(sqlite3 *db, struct bundle *bd, long long base, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	syncrule_base(bd->rules, base);
	if (db_cached(db, "SELECT origin, seq, at, officer, dossier, kind, body, prev FROM "
	    "event WHERE rowid > ?1 ORDER BY rowid", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, base);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_event e;

		e.origin = (const char *)sqlite3_column_text(st, 0);
		e.seq = sqlite3_column_int64(st, 1);
		e.at = (const char *)sqlite3_column_text(st, 2);
		e.officer = (const char *)sqlite3_column_text(st, 3);
		e.dossier = (const char *)sqlite3_column_text(st, 4);
		e.kind = (const char *)sqlite3_column_text(st, 5);
		e.body = (const char *)sqlite3_column_text(st, 6);
		e.prev = (const char *)sqlite3_column_text(st, 7);
		if (syncrule_event(db, bd->rules, &e, err)) {
			db_release(db, st);
			return -1;
		}
	}
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the event log"));
	return 0;
}

/* Take in the events: check each and add the new ones.  Runs inside the
 * caller's transaction on db; any error → the caller rolls back.  Each
 * event is read from the bundle once, one at a time: its hash, chain
 * link and signature checked, then added; the rules (check_new) read
 * the new events back from db. */
static int
take_events(sqlite3 *db, struct bundle *bd, struct sync_hash *h, struct sync_report *r,
    long long *basep, struct sync_sigs *sigs, long long *fail_at, sync_progress_fn progress,
    void *arg, struct mc_err *err)
{
	sqlite3_stmt *ev = NULL, *have = NULL, *ins = NULL, *canon = NULL;
	sqlite3_stmt *addsig = NULL;
	char last_origin[MC_UUID_LEN + 8] = "", last_hash[MC_HASH_LEN] = "";
	char key_for[MC_UUID_LEN + 8] = "", okey[MC_KEY_HEX] = "", orev[MC_ISO_LEN] = "";
	char self[MC_UUID_LEN] = "", why[400];
	char last_new[MC_UUID_LEN + 8] = "";	/* station of the last new event */
	long long last_seq = 0, total = atoll(hv(bd, "count")), n = 0, base;
	int rc = -1, step;
	bool in_loop = false;	/* a failure names event n */

	(void)db_meta_get(db, "station_id", self, sizeof self);
	/* the rowid the new events come after (inside the transaction) */
	*basep = base = db_int(db, "SELECT coalesce(max(rowid), 0) FROM event", -1);
	if (base < 0) {
		db_fail(db, err, _("reading the event log"));
		goto done;
	}
	if (sqlite3_prepare_v2(bd->b, "SELECT origin, seq, at, officer, dossier, kind, body, "
	    "prev, hash, sig FROM event ORDER BY origin, seq", -1, &ev, NULL) != SQLITE_OK) {
		bad(bd, err, _("its events cannot be read"));
		goto done;
	}
	if (db_cached(db, "SELECT hash, sig FROM event WHERE origin = ?1 AND seq = ?2", &have,
	    err) ||
	    db_cached(db, "INSERT INTO event(origin, seq, at, officer, dossier, kind, body, "
	    "prev, hash, sig) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &ins, err) ||
	    /* an event held from before signed sync gets its signature now */
	    db_cached(db, "UPDATE event SET sig = ?3 WHERE origin = ?1 AND seq = ?2 AND "
	    "sig = ''", &addsig, err) ||
	    db_cached(db, "SELECT json_valid(?1) AND json(?1) = ?1", &canon, err))
		goto done;
	in_loop = true;
	while ((step = sqlite3_step(ev)) == SQLITE_ROW) {
		struct mc_event e;
		char h2[MC_HASH_LEN], mine[MC_HASH_LEN], held[MC_HASH_LEN], heldsig[MC_SIG_HEX];
		const char *stored = (const char *)sqlite3_column_text(ev, 8);
		const char *sig = (const char *)sqlite3_column_text(ev, 9);
		int found, have_it;
		bool same, later;

		e.origin = (const char *)sqlite3_column_text(ev, 0);
		e.seq = sqlite3_column_int64(ev, 1);
		e.at = (const char *)sqlite3_column_text(ev, 2);
		e.officer = (const char *)sqlite3_column_text(ev, 3);
		e.dossier = (const char *)sqlite3_column_text(ev, 4);
		e.kind = (const char *)sqlite3_column_text(ev, 5);
		e.body = (const char *)sqlite3_column_text(ev, 6);
		e.prev = (const char *)sqlite3_column_text(ev, 7);
		if (e.origin == NULL || e.at == NULL || e.officer == NULL || e.dossier == NULL ||
		    e.kind == NULL || e.body == NULL || e.prev == NULL || stored == NULL ||
		    sig == NULL || e.seq < 1 || strlen(e.origin) >= MC_UUID_LEN) {
			bad(bd, err, _("an event in it is malformed"));
			goto done;
		}
		/* an audit event names no dossier, and a dossier's is no audit */
		if ((e.dossier[0] == '\0') != audit_is_kind(e.kind)) {
			bad(bd, err, _("an event in it mixes an audit kind and a dossier"));
			goto done;
		}
		/* the event held here under its number, read once */
		held[0] = heldsig[0] = '\0';
		if ((have_it = local_hash(have, e.origin, e.seq, held, heldsig)) < 0) {
			db_fail(db, err, _("reading the event log"));
			goto done;
		}
		/* each event is what its hash says, and its body is canonical */
		if (event_hash(&e, h2) != 0 || strcmp(h2, stored) != 0) {
			bad(bd, err, _("an event in it was altered (its hash does not match)"));
			goto done;
		}
		/* the very event held here, hash and signature alike: its body
		 * and signature were checked when it was taken (or recorded) here,
		 * and checking them again could only say the same */
		same = have_it == 1 && strcmp(held, stored) == 0 && heldsig[0] != '\0' &&
		    strcmp(heldsig, sig) == 0;
		if (!same) {
			sqlite3_bind_text(canon, 1, e.body, -1, SQLITE_STATIC);
			if (sqlite3_step(canon) != SQLITE_ROW || sqlite3_column_int(canon, 0) != 1) {
				sqlite3_reset(canon);
				bad(bd, err, _("an event in it was altered (its hash does not match)"));
				goto done;
			}
			sqlite3_reset(canon);
		}
		/* signed by its origin's key, trusted here, not revoked then */
		if (strcmp(e.origin, key_for) != 0) {
			found = trust_key_of(db, e.origin, okey, orev, err);
			if (found < 0)
				goto done;
			if (found == 0) {
				snprintf(why, sizeof why, _("it holds events of a station this one does "
				    "not trust (%.8s): a supervisor trusts that station first, with a "
				    "bundle it made ('motcua station trust FILE --fingerprint FP')"),
				    e.origin);
				bad(bd, err, why);
				goto done;
			}
			if (strcmp(e.origin, self) != 0 && alarmed(db, e.origin)) {
				snprintf(why, sizeof why, _("it holds events of a station under a clone "
				    "alarm (%.8s): see 'motcua peers' and CLONED STATIONS in motcua(1)"),
				    e.origin);
				bad(bd, err, why);
				goto done;
			}
			snprintf(key_for, sizeof key_for, "%s", e.origin);
		}
		/* a new event whose only effect is its rows here is checked on
		 * the second core (sync-verify.c), answered before the commit;
		 * one that may leave evidence outside the transaction (a clone
		 * alarm) or changes what the next events are checked against (a
		 * revocation) is checked now */
		later = !same && have_it == 0 && strcmp(e.origin, self) != 0 &&
		    !(e.dossier[0] == '\0' && strcmp(e.kind, "revoke") == 0);
		if (later)
			sync_sigs_add(sigs, okey, KEY_EVENT, stored, sig, e.origin, e.seq, n);
		else if (!same && !key_verify(okey, KEY_EVENT, stored, sig)) {
			snprintf(why, sizeof why, _("event %lld of station %.8s is not signed by that "
			    "station's key (forged or edited)"), e.seq, e.origin);
			bad(bd, err, why);
			goto done;
		}
		if (orev[0] != '\0' && strcmp(e.at, orev) > 0) {
			snprintf(why, sizeof why, _("event %lld of station %.8s was recorded after "
			    "that station's key was revoked (%.16s)"), e.seq, e.origin, orev);
			bad(bd, err, why);
			goto done;
		}
		sync_hash_event(h, e.origin, e.seq, stored);
		/* the chain inside the bundle: consecutive and linked */
		if (strcmp(e.origin, last_origin) == 0) {
			if (e.seq != last_seq + 1) {
				bad(bd, err, _("an event is missing from the middle of a station's "
				    "chain"));
				goto done;
			}
			if (strcmp(e.prev, last_hash) != 0) {
				bad(bd, err, _("a station's chain of events is broken"));
				goto done;
			}
		} else if (e.seq == 1 && e.prev[0] != '\0') {
			bad(bd, err, _("a station's chain of events is broken"));
			goto done;
		} else if (e.seq > 1) {
			/* the link to what we hold, if we hold it */
			found = local_hash(have, e.origin, e.seq - 1, mine, NULL);
			if (found < 0 || (found == 1 && strcmp(mine, e.prev) != 0)) {
				bad(bd, err, _("its events do not follow the ones held here (a forked "
				    "or edited chain)"));
				goto done;
			}
		}
		snprintf(last_origin, sizeof last_origin, "%s", e.origin);
		snprintf(last_hash, sizeof last_hash, "%s", stored);
		last_seq = e.seq;

		found = have_it;
		snprintf(mine, sizeof mine, "%s", held);
		if (found == 1) {
			if (strcmp(mine, stored) != 0) {
				/* both signed by the one key: two PCs speak as one station */
				note_clone(db, bd, &e, mine, stored, sig);
				snprintf(why, sizeof why, _("station %.8s has signed two different events "
				    "number %lld: a copy of its database is in use on another PC (a cloned "
				    "station); the alarm is kept here, see CLONED STATIONS in motcua(1)"),
				    e.origin, e.seq);
				bad(bd, err, why);
				goto done;
			}
			sqlite3_bind_text(addsig, 1, e.origin, -1, SQLITE_STATIC);
			sqlite3_bind_int64(addsig, 2, e.seq);
			sqlite3_bind_text(addsig, 3, sig, -1, SQLITE_STATIC);
			if (sqlite3_step(addsig) != SQLITE_DONE) {
				db_fail(db, err, _("adding the events"));
				sqlite3_reset(addsig);
				goto done;
			}
			sqlite3_reset(addsig);
			r->events_known++;
		} else if (strcmp(e.origin, self) == 0) {
			/* our own key, on an event we never recorded: our secret key is
			 * in another database, a copy of this one */
			note_clone(db, bd, &e, "", stored, sig);
			snprintf(why, sizeof why, _("it holds event %lld of this station's own chain, "
			    "which this station never recorded, signed with its key: a copy of this "
			    "database is in use on another PC (a cloned station); see CLONED "
			    "STATIONS in motcua(1)"), e.seq);
			bad(bd, err, why);
			goto done;
		} else {
			/* and the event we hold after it must point at it */
			found = local_hash(have, e.origin, e.seq + 1, mine, NULL);
			if (found == 1) {
				sqlite3_stmt *np;
				bool ok = false;

				if (db_cached(db, "SELECT prev = ?3 FROM event WHERE origin = ?1 AND "
				    "seq = ?2", &np, err))
					goto done;
				sqlite3_bind_text(np, 1, e.origin, -1, SQLITE_STATIC);
				sqlite3_bind_int64(np, 2, e.seq + 1);
				sqlite3_bind_text(np, 3, stored, -1, SQLITE_STATIC);
				ok = sqlite3_step(np) == SQLITE_ROW && sqlite3_column_int(np, 0) == 1;
				db_release(db, np);
				if (!ok) {
					bad(bd, err, _("its events do not fit the ones held here (a forked "
					    "or edited chain)"));
					goto done;
				}
			}
			/* added unchecked by the rules: check_new checks it once every
			 * event of the bundle is in (a refusal rolls them all back) */
			for (int c = 0; c < 10; c++)
				sqlite3_bind_value(ins, c + 1, sqlite3_column_value(ev, c));
			if (sqlite3_step(ins) != SQLITE_DONE) {
				db_fail(db, err, _("adding the events"));
				sqlite3_reset(ins);
				goto done;
			}
			sqlite3_reset(ins);
			/* a trusted station revoked a key: it holds here from now on */
			if (e.dossier[0] == '\0' && strcmp(e.kind, "revoke") == 0 &&
			    trust_apply_revoke(db, e.body, e.at, err))
				goto done;
			r->events_new++;
			if (strcmp(last_new, e.origin) != 0) {
				r->stations++;
				snprintf(last_new, sizeof last_new, "%s", e.origin);
			}
		}
		if (++n % 5000 == 0 && progress != NULL)
			progress(n, total, arg);
	}
	in_loop = false;
	if (step != SQLITE_DONE) {
		bad(bd, err, _("its events cannot be read (the file is damaged)"));
		goto done;
	}
	if (n != total) {
		bad(bd, err, _("it does not hold the number of events its header says"));
		goto done;
	}
	if (r->events_new > 0 && check_new(db, bd, base, err))
		goto done;
	rc = 0;
done:
	if (rc != 0 && in_loop)
		*fail_at = n;
	sqlite3_finalize(ev);
	db_release(db, have);
	db_release(db, ins);
	db_release(db, canon);
	db_release(db, addsig);
	return rc;
}

/* Remember the sender: a station row and what it holds. */
static int
remember_sender(sqlite3 *db, const struct bundle *bd, struct mc_err *err)
{
	sqlite3_stmt *st;
	struct mc_time now;
	char iso[MC_ISO_LEN], self[MC_UUID_LEN] = "";
	int rc;

	date_now(&now);
	date_format_iso(&now, iso);
	(void)db_meta_get(db, "station_id", self, sizeof self);
	if (strcmp(self, hv(bd, "sender")) == 0)
		return 0;	/* our own bundle, back again */
	/* what it holds never shrinks: an older file arriving late keeps the
	 * larger numbers of a newer one */
	if (db_prepare(db, "INSERT INTO peer(station, unit, number, vector, heard) VALUES "
	    "(?1, ?2, CAST(?3 AS INTEGER), json(?4), ?5) ON CONFLICT(station) DO UPDATE SET "
	    "unit = excluded.unit, number = excluded.number, vector = (SELECT "
	    "json_group_object(key, m) FROM (SELECT key, max(value) AS m FROM (SELECT key, "
	    "value FROM json_each(peer.vector) UNION ALL SELECT key, value FROM "
	    "json_each(excluded.vector)) GROUP BY key)), heard = excluded.heard", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, hv(bd, "sender"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hv(bd, "sender_unit"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hv(bd, "sender_number"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hv(bd, "vector"), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bad(bd, err, _("its sender's details are malformed"));
	return 0;
}

static int
count_gaps(sqlite3 *db, struct sync_report *r)
{
	r->gaps = (int)db_int(db, "SELECT count(*) FROM (SELECT origin, CASE WHEN min(seq) > 1 "
	    "THEN 0 ELSE count(*) END AS n, max(seq) AS top FROM event GROUP BY origin) "
	    "WHERE n <> top", 0);
	return 0;
}

/* A publication: a catalog or a calendar, applied unless older than the
 * one held (publish_applies). */
static int
apply_publication(sqlite3 *db, const char *acting, struct bundle *bd, bool force,
    struct sync_report *r, struct mc_err *err)
{
	const char *kind = hv(bd, "kind"), *payload = hv(bd, "payload");
	char key[32], held[32], dkey[32], digest[MC_HASH_LEN], hdig[MC_HASH_LEN], why[300];
	long long version = hv(bd, "version") ? atoll(hv(bd, "version")) : 0;
	int years[64];

	if (payload == NULL || version < 1 || atoll(hv(bd, "count")) != 0)
		return bad(bd, err, _("the publication is incomplete"));
	snprintf(key, sizeof key, "%s_version", kind);
	r->version = version;
	/* a version far above the one held is a forgery's way to block the
	 * genuine next ones: refused, whatever --force says */
	if (db_meta_get(db, key, held, sizeof held) == 0 && version > atoll(held) + 100) {
		snprintf(why, sizeof why, _("its %s version %lld is implausibly far above the "
		    "version %s held here (more than 100 ahead)"), kind, version, held);
		return bad(bd, err, why);
	}
	{
		struct sync_hash sh;

		sync_hash_init(&sh);
		sync_hash_text(&sh, payload);
		sync_hash_final(&sh, digest);
	}
	snprintf(dkey, sizeof dkey, "%s_sha256", kind);
	if (!force && db_meta_get(db, key, held, sizeof held) == 0 && atoll(held) == version &&
	    db_meta_get(db, dkey, hdig, sizeof hdig) == 0 && strcmp(hdig, digest) != 0) {
		snprintf(why, sizeof why, _("it holds %s version %lld with other content than the "
		    "version %lld held here: one number is one text (a forged file, or the "
		    "publisher must publish under a new number)"), kind, version, version);
		return bad(bd, err, why);
	}
	if (!publish_applies(db_meta_get(db, key, held, sizeof held) == 0 ? held : NULL,
	    version, force))
		return err_set(err, MC_ECONFLICT, _("%s holds %s version %lld, older than the "
		    "version %s held here: not imported (use --force to apply it anyway)"),
		    bd->path, kind, version, held);
	/* the version held already: nothing to apply, nothing changes (and a
	 * text that differs under the same number is not taken) */
	if (!force && db_meta_get(db, key, held, sizeof held) == 0 && atoll(held) == version) {
		r->held_already = true;
		return 0;
	}
	if (strcmp(kind, "catalog") == 0) {
		struct catalog_stats cs;
		char was[32] = "";

		/* forced back to an older catalog: the catalog's own rule refuses
		 * older versions, so the version held is lowered for it first
		 * (inside the caller's transaction: a failure puts it back) */
		if (force && db_meta_get(db, "catalog_version", was, sizeof was) == 0 &&
		    atoll(was) > version && db_meta_set(db, "catalog_version", "0", err) != 0)
			return -1;
		if (catalog_import_json(db, acting, payload, &cs, err) != 0)
			return -1;
	} else if (calendar_import_json(db, acting, payload, years, 64, err) < 0) {
		return -1;
	}
	snprintf(held, sizeof held, "%lld", version);
	return db_meta_set(db, key, held, err) || db_meta_set(db, dkey, digest, err) ? -1 : 0;
}

int
sync_trust_file(sqlite3 *db, const char *acting, const char *path, const char *fpr_in,
    struct trust_item *t, struct mc_err *err)
{
	struct bundle bd;
	struct sync_hash h;
	sqlite3_stmt *st;
	char hash[MC_HASH_LEN], fpr[MC_FPR_LEN], why[300];
	int rc = -1, step;

	memset(&bd, 0, sizeof bd);
	memset(t, 0, sizeof *t);
	/* the header typed and bounded as an import's: a station id, number
	 * and unit are what gets trusted (bd.rules is freed with bd) */
	if (key_fingerprint_parse(fpr_in, fpr, err) || sync_bundle_open(&bd, path, err) ||
	    syncrule_header(db, path, sync_header_keys, (const char *const *)bd.val, NKEYS,
	    NULL, &bd.rules, err))
		goto done;
	if (!key_is_public(hv(&bd, "sender_key"))) {
		bad(&bd, err, _("its sender's key is malformed"));
		goto done;
	}
	/* the file is the sender's own: its signature over its content */
	sync_hash_init(&h);
	sync_bundle_hash_header(&bd, &h);
	if (sqlite3_prepare_v2(bd.b, "SELECT origin, seq, hash FROM event ORDER BY origin, seq",
	    -1, &st, NULL) != SQLITE_OK) {
		bad(&bd, err, _("its events cannot be read"));
		goto done;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		sync_hash_event(&h, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (sync_bundle_hash_files(&bd, &h, err))
		goto done;
	sync_hash_final(&h, hash);
	if (step != SQLITE_DONE || strcmp(hash, hv(&bd, "content_sha256")) != 0 ||
	    !key_verify(hv(&bd, "sender_key"), KEY_BUNDLE, hash, hv(&bd, "signature"))) {
		bad(&bd, err, _("it is not signed by its sender's key (forged or edited)"));
		goto done;
	}
	snprintf(t->station, sizeof t->station, "%s", hv(&bd, "sender"));
	snprintf(t->public, sizeof t->public, "%s", hv(&bd, "sender_key"));
	snprintf(t->unit, sizeof t->unit, "%s", hv(&bd, "sender_unit"));
	t->number = atoi(hv(&bd, "sender_number"));
	key_fingerprint(t->public, t->fingerprint);
	if (strcmp(t->fingerprint, fpr) != 0) {
		snprintf(why, sizeof why, _("%s was not trusted: it is signed by the key %s, not "
		    "%s; read the fingerprint again on the sending PC (F9, 'motcua station show'); "
		    "nothing was changed"), path, t->fingerprint, fpr);
		err_set(err, MC_EINVAL, "%s", why);
		goto done;
	}
	rc = trust_add(db, acting, t->station, t->public, t->unit, t->number, err);
done:
	{
		struct mc_err e3;

		/* the session's cache again (db.h); a failure only leaves the
		 * larger one, and the import's own outcome stands */
		(void)db_cache(db, DB_CACHE_SESSION, &e3);
	}
	sync_bundle_close(&bd);
	return rc;
}

/* The signatures given to sigs all checked: 0, or -1 with err naming the
 * first forged event if it is the event `before` (the one that failed a
 * later check: its signature came first) or comes before it (LLONG_MAX:
 * any). */
static int
sigs_refused(struct sync_sigs *sigs, struct bundle *bd, long long before, struct mc_err *err)
{
	char origin[MC_UUID_LEN], why[400];
	long long seq, order;

	if (sync_sigs_wait(sigs, origin, &seq, &order) || order > before)
		return 0;
	snprintf(why, sizeof why, _("event %lld of station %.8s is not signed by that "
	    "station's key (forged or edited)"), seq, origin);
	bad(bd, err, why);
	return -1;
}

int
sync_import(sqlite3 *db, const char *acting, const char *path, bool force,
    struct sync_report *r, sync_progress_fn progress, void *arg, struct mc_err *err)
{
	struct mc_officer me;
	char events[24];
	struct db_tx tx;
	struct bundle bd;
	struct sync_hash h;
	char hash[MC_HASH_LEN], nfiles[24];
	char **placed = NULL;	/* files this import put in the store */
	size_t n_placed = 0;
	const char *kind;
	long long base = 0, fail_at = LLONG_MAX;
	struct sync_sigs *sigs = NULL;
	int rc = -1;

	memset(r, 0, sizeof *r);
	memset(&bd, 0, sizeof bd);
	if (role_require(db, acting, MC_ACT_IMPORT, &me, err))
		return -1;
	if (sync_bundle_open(&bd, path, err) || check_sender(db, &bd, err))
		goto done;
	/* [syncrule] the header typed and bounded, the bundle read for its rules */
	if (syncrule_header(db, path, sync_header_keys, (const char *const *)bd.val, NKEYS, bd.b,
	    &bd.rules, err))
		goto done;
	kind = hv(&bd, "kind");
	snprintf(r->kind, sizeof r->kind, "%s", kind);
	snprintf(r->sender, sizeof r->sender, "%s", hv(&bd, "sender"));
	if (strcmp(kind, "station") == 0) {
		/* a key card: for `station trust`, nothing to take in */
		err_set(err, MC_EINVAL, _("%s is a station's key card, which holds no events: "
		    "a supervisor trusts that station with it ('motcua station trust FILE "
		    "--fingerprint FP'); nothing was changed"), path);
		goto done;
	}
	if (strcmp(kind, "events") != 0 && strcmp(kind, "catalog") != 0 &&
	    strcmp(kind, "calendar") != 0) {
		bad(&bd, err, _("it is of a kind this motcua does not know"));
		goto done;
	}
	if (bd.has_files && strcmp(kind, "events") != 0) {
		bad(&bd, err, _("it is a publication carrying files, which no motcua makes"));
		goto done;
	}
	/* the header, hashed in key order, then the events */
	sync_hash_init(&h);
	sync_bundle_hash_header(&bd, &h);
	if ((sigs = sync_sigs_start()) == NULL) {
		err_set(err, MC_ENOMEM, _("out of memory"));
		goto done;
	}
	if (db_cache(db, DB_CACHE_BULK, err) || db_tx_begin(db, &tx, err))
		goto done;
	if (take_events(db, &bd, &h, r, &base, sigs, &fail_at, progress, arg, err) ||
	    sync_bundle_hash_files(&bd, &h, err))
		goto rollback;
	sync_hash_final(&h, hash);
	if (strcmp(hash, hv(&bd, "content_sha256")) != 0) {
		bad(&bd, err, _("its content does not match its checksum (damaged or edited)"));
		goto rollback;
	}
	if (!key_verify(hv(&bd, "sender_key"), KEY_BUNDLE, hash, hv(&bd, "signature"))) {
		bad(&bd, err, _("it is not signed by its sender's key (forged or edited)"));
		goto rollback;
	}
	if (strcmp(kind, "events") == 0) {
		/* the files once the events are projected: each must be named by
		 * a file_added event held here (dossier_file) */
		if (sync_project_touched(db, path, base, r, err) || remember_sender(db, &bd, err) ||
		    sync_files_take(db, &bd, r, &placed, &n_placed, err))
			goto rollback;
		count_gaps(db, r);
	} else if (apply_publication(db, acting, &bd, force, r, err) != 0) {
		/* a publication, verified: its content goes through its own
		 * import, nested in this transaction, so a failure at any step
		 * leaves nothing of it behind */
		goto rollback;
	}
	/* the signatures checked on the second core, before anything stays */
	if (sigs_refused(sigs, &bd, LLONG_MAX, err))
		goto rollback;
	/* a bundle that brought nothing new changed nothing: importing it
	 * again and again leaves the database as it was */
	snprintf(events, sizeof events, "%lld", r->events_new);
	snprintf(nfiles, sizeof nfiles, "%lld", r->files_new);
	if ((r->events_new > 0 || r->files_new > 0 ||
	    (strcmp(kind, "events") != 0 && !r->held_already)) &&
	    audit_record(db, "import", me.username, NULL, err, "file", path, "events", events,
	    "sender", r->sender, "files", r->files_new > 0 ? nfiles : NULL, (char *)NULL))
		goto rollback;
	if (db_tx_commit(&tx, err))
		goto rollback;
	rc = 0;
	/* kept: the files stay */
	sync_files_unplace(placed, n_placed, false);
	placed = NULL;
	n_placed = 0;
	/* many new rows: the query planner's statistics brought up to date
	 * (only where SQLite judges them stale; a failure costs nothing) */
	if (r->events_new >= OPTIMIZE_AFTER && sqlite3_get_autocommit(db))
		(void)sqlite3_exec(db, "PRAGMA optimize", NULL, NULL, NULL);
	goto done;
rollback:
	/* a forged signature is named before what its event led to, as if
	 * it had been checked in turn */
	(void)sigs_refused(sigs, &bd, fail_at, err);
	db_tx_rollback(&tx);
	/* the files it put in the store go with the rest: nothing changed */
	sync_files_unplace(placed, n_placed, true);
	placed = NULL;
	n_placed = 0;
	/* the evidence of a clone outlives the refusal (its own transaction) */
	if (bd.alarm_seq > 0) {
		struct mc_err e2;

		if (db_tx_begin(db, &tx, &e2) == 0) {
			if (trust_alarm(db, bd.alarm_origin, bd.alarm_seq, bd.alarm_held,
			    bd.alarm_other, bd.alarm_event, path, &e2) == 0)
				(void)db_tx_commit(&tx, &e2);
			else
				db_tx_rollback(&tx);
		}
	}
done:
	sync_sigs_free(sigs);
	sync_bundle_close(&bd);
	return rc;
}
