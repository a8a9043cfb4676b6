/* sync-import.c — taking in a bundle: every check first, then one
 * transaction.  A file that fails any check changes nothing. */
#include "config.h"

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
#include "motcua/syncrule.h"
#include "motcua/unit.h"
#include "sync-int.h"

static const char *const header_keys[] = {
	"content_sha256", "count", "created", "format", "format_version", "kind",
	"payload", "sender", "sender_number", "sender_unit", "vector", "version",
};
#define NKEYS (sizeof header_keys / sizeof header_keys[0])

struct bundle {
	sqlite3 *b;
	const char *path;
	char *val[NKEYS];	/* by header_keys index; NULL if absent */
	struct syncrule_ctx *rules;	/* [syncrule] from syncrule_header */
};

static const char *
hv(const struct bundle *bd, const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(header_keys[i], key) == 0)
			return bd->val[i];
	return NULL;
}

static int
bad(const struct bundle *bd, struct mc_err *err, const char *why)
{
	return err_set(err, MC_EINVAL, _("%s was not imported: %s; nothing was changed"),
	    bd->path, why);
}

/* The file itself: a regular, non-empty SQLite file. */
static int
check_file(struct bundle *bd, struct mc_err *err)
{
	struct stat sb;
	char magic[16];
	FILE *f;
	size_t got;

	if (stat(bd->path, &sb) != 0)
		return err_set(err, MC_ENOTFOUND, _("%s does not exist: check the name and "
		    "that the stick is in"), bd->path);
	if (!S_ISREG(sb.st_mode))
		return bad(bd, err, _("it is not a file"));
	if (sb.st_size == 0)
		return bad(bd, err, _("the file is empty (was the stick pulled out while "
		    "it was written?)"));
	if ((f = fopen(bd->path, "rb")) == NULL)
		return err_set(err, MC_EIO, _("cannot read %s: check the stick"), bd->path);
	got = fread(magic, 1, sizeof magic, f);
	fclose(f);
	if (got != sizeof magic || memcmp(magic, "SQLite format 3", 16) != 0)
		return bad(bd, err, _("it is not a motcua bundle (not even a database file)"));
	if (sb.st_size % 512 != 0)
		return bad(bd, err, _("the file is cut short (copy it again from the "
		    "sending PC)"));
	return 0;
}

/* "file:" URI of a path, so that read-only and immutable can be asked. */
static char *
file_uri(const char *path)
{
	size_t n = strlen(path);
	char *u = malloc(3 * n + 32), *o = u;

	if (u == NULL)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-_.~", *p) != NULL)
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	sprintf(o, "?mode=ro&immutable=1");
	return u;
}

static int
open_bundle(struct bundle *bd, struct mc_err *err)
{
	static const char *const expect[4][4] = {
		{"table", "bundle", "bundle", NULL},
		{"table", "event", "event", NULL},
		{"index", "sqlite_autoindex_bundle_1", "bundle", ""},
		{"index", "sqlite_autoindex_event_1", "event", ""},
	};
	const char *sqls[2] = {
		"CREATE TABLE bundle (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
		"CREATE TABLE event (origin TEXT NOT NULL, seq INTEGER NOT NULL, "
		"at TEXT NOT NULL, officer TEXT NOT NULL, dossier TEXT NOT NULL, "
		"kind TEXT NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, "
		"hash TEXT NOT NULL, PRIMARY KEY (origin, seq)) STRICT",
	};
	sqlite3_stmt *st;
	char *uri = file_uri(bd->path);
	int rc, row = 0, dummy;

	if (uri == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	rc = sqlite3_open_v2(uri, &bd->b, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return bad(bd, err, _("it cannot be opened as a database"));
	/* a file from a stick is hostile until proven otherwise */
	sqlite3_db_config(bd->b, SQLITE_DBCONFIG_DEFENSIVE, 1, &dummy);
	sqlite3_db_config(bd->b, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &dummy);
	sqlite3_db_config(bd->b, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &dummy);
	sqlite3_db_config(bd->b, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &dummy);
	if (sqlite3_prepare_v2(bd->b, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK)
		return bad(bd, err, _("it is damaged (not a readable database)"));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		sqlite3_finalize(st);
		return bad(bd, err, _("it is damaged (the database check failed)"));
	}
	sqlite3_finalize(st);
	/* exactly our two tables and their keys: no trigger, view or extra */
	if (sqlite3_prepare_v2(bd->b, "SELECT type, name, tbl_name, coalesce(sql, '') FROM "
	    "sqlite_schema ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		return bad(bd, err, _("it is damaged (its tables cannot be read)"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 3);

		if (strcmp(type, "trigger") == 0 || strcmp(type, "view") == 0) {
			/* choose the words before `type` goes with the statement */
			const char *why = strcmp(type, "trigger") == 0 ?
			    _("it contains a trigger, which no motcua bundle has") :
			    _("it contains a view, which no motcua bundle has");

			sqlite3_finalize(st);
			return bad(bd, err, why);
		}
		if (row >= 4 || strcmp(type, expect[row][0]) != 0 ||
		    strcmp((const char *)sqlite3_column_text(st, 1), expect[row][1]) != 0 ||
		    strcmp((const char *)sqlite3_column_text(st, 2), expect[row][2]) != 0 ||
		    strcmp(sql, row < 2 ? sqls[row] : expect[row][3]) != 0) {
			sqlite3_finalize(st);
			return bad(bd, err, _("its tables are not those of a motcua bundle"));
		}
		row++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || row != 4)
		return bad(bd, err, _("its tables are not those of a motcua bundle"));
	return 0;
}

static int
read_header(struct bundle *bd, struct mc_err *err)
{
	static const char *const required[] = {"content_sha256", "count", "created",
	    "format", "format_version", "kind", "sender", "sender_number", "sender_unit",
	    "vector"};
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(bd->b, "SELECT key, value FROM bundle", -1, &st, NULL)
	    != SQLITE_OK)
		return bad(bd, err, _("its header cannot be read"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		size_t i;

		for (i = 0; i < NKEYS; i++)
			if (strcmp(k, header_keys[i]) == 0)
				break;
		if (i == NKEYS) {
			sqlite3_finalize(st);
			return bad(bd, err, _("its header has a key no motcua writes"));
		}
		/* a damaged table can hold a key twice (its index says once) */
		if (bd->val[i] != NULL) {
			sqlite3_finalize(st);
			return bad(bd, err, _("its header has a key twice (the file is damaged)"));
		}
		bd->val[i] = strdup((const char *)sqlite3_column_text(st, 1));
		if (bd->val[i] == NULL) {
			sqlite3_finalize(st);
			return err_set(err, MC_ENOMEM, _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bad(bd, err, _("its header cannot be read"));
	if (hv(bd, "format") == NULL || strcmp(hv(bd, "format"), "motcua-bundle") != 0)
		return bad(bd, err, _("it is not a motcua bundle"));
	if (hv(bd, "format_version") == NULL || strcmp(hv(bd, "format_version"), "1") != 0)
		return bad(bd, err, _("it was made by another version of motcua (bundle "
		    "format not 1): update motcua on the PC that reads it"));
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (hv(bd, required[i]) == NULL)
			return bad(bd, err, _("its header is incomplete"));
	return 0;
}

static void
bundle_close(struct bundle *bd)
{
	for (size_t i = 0; i < NKEYS; i++)
		free(bd->val[i]);
	syncrule_free(bd->rules);	/* [syncrule] */
	sqlite3_close(bd->b);
}

/* ---- the events ------------------------------------------------------------ */

static int
local_hash(sqlite3_stmt *q, const char *origin, long long seq, char out[MC_HASH_LEN])
{
	int rc;

	sqlite3_reset(q);
	sqlite3_bind_text(q, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, seq);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		snprintf(out, MC_HASH_LEN, "%s", sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Take in the events: check each and add the new ones.  Runs inside the
 * caller's transaction on db; any error → the caller rolls back. */
static int
take_events(sqlite3 *db, struct bundle *bd, struct sync_hash *h, struct sync_report *r,
    sync_progress_fn progress, void *arg, struct mc_err *err)
{
	sqlite3_stmt *ev = NULL, *have = NULL, *ins = NULL, *touch = NULL, *canon = NULL;
	char last_origin[MC_UUID_LEN + 8] = "", last_hash[MC_HASH_LEN] = "";
	char last_new[MC_UUID_LEN + 8] = "";	/* station of the last new event */
	long long last_seq = 0, total = atoll(hv(bd, "count")), n = 0;
	int rc = -1, step;

	if (sqlite3_prepare_v2(bd->b, "SELECT origin, seq, at, officer, dossier, kind, body, "
	    "prev, hash FROM event ORDER BY origin, seq", -1, &ev, NULL) != SQLITE_OK) {
		bad(bd, err, _("its events cannot be read"));
		goto done;
	}
	if (db_prepare(db, "SELECT hash FROM event WHERE origin = ?1 AND seq = ?2", &have,
	    err) ||
	    db_prepare(db, "INSERT INTO event(origin, seq, at, officer, dossier, kind, body, "
	    "prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &ins, err) ||
	    /* an audit event (dossier '') touches no dossier */
	    db_prepare(db, "INSERT OR IGNORE INTO temp.touched(id, existed) SELECT ?1, "
	    "EXISTS (SELECT 1 FROM dossier WHERE id = ?1) WHERE ?1 <> ''", &touch, err) ||
	    db_prepare(db, "SELECT json_valid(?1) AND json(?1) = ?1", &canon, err))
		goto done;
	while ((step = sqlite3_step(ev)) == SQLITE_ROW) {
		struct mc_event e;
		char h2[MC_HASH_LEN], mine[MC_HASH_LEN];
		const char *stored = (const char *)sqlite3_column_text(ev, 8);
		int found;

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
		    e.seq < 1 || strlen(e.origin) >= MC_UUID_LEN) {
			bad(bd, err, _("an event in it is malformed"));
			goto done;
		}
		/* an audit event names no dossier, and a dossier's is no audit */
		if ((e.dossier[0] == '\0') != audit_is_kind(e.kind)) {
			bad(bd, err, _("an event in it mixes an audit kind and a dossier"));
			goto done;
		}
		/* each event is what its hash says, and its body is canonical */
		sqlite3_bind_text(canon, 1, e.body, -1, SQLITE_STATIC);
		if (sqlite3_step(canon) != SQLITE_ROW || sqlite3_column_int(canon, 0) != 1 ||
		    event_hash(&e, h2) != 0 || strcmp(h2, stored) != 0) {
			sqlite3_reset(canon);
			bad(bd, err, _("an event in it was altered (its hash does not match)"));
			goto done;
		}
		sqlite3_reset(canon);
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
			found = local_hash(have, e.origin, e.seq - 1, mine);
			if (found < 0 || (found == 1 && strcmp(mine, e.prev) != 0)) {
				bad(bd, err, _("its events do not follow the ones held here (a forked "
				    "or edited chain)"));
				goto done;
			}
		}
		snprintf(last_origin, sizeof last_origin, "%s", e.origin);
		snprintf(last_hash, sizeof last_hash, "%s", stored);
		last_seq = e.seq;

		found = local_hash(have, e.origin, e.seq, mine);
		if (found < 0) {
			db_fail(db, err, _("reading the event log"));
			goto done;
		}
		if (found == 1) {
			if (strcmp(mine, stored) != 0) {
				bad(bd, err, _("it holds an event that differs from the one held here "
				    "(a forked or edited chain)"));
				goto done;
			}
			r->events_known++;
		} else {
			/* and the event we hold after it must point at it */
			found = local_hash(have, e.origin, e.seq + 1, mine);
			if (found == 1) {
				sqlite3_stmt *np;
				bool ok = false;

				if (db_prepare(db, "SELECT prev = ?3 FROM event WHERE origin = ?1 AND "
				    "seq = ?2", &np, err))
					goto done;
				sqlite3_bind_text(np, 1, e.origin, -1, SQLITE_STATIC);
				sqlite3_bind_int64(np, 2, e.seq + 1);
				sqlite3_bind_text(np, 3, stored, -1, SQLITE_STATIC);
				ok = sqlite3_step(np) == SQLITE_ROW && sqlite3_column_int(np, 0) == 1;
				sqlite3_finalize(np);
				if (!ok) {
					bad(bd, err, _("its events do not fit the ones held here (a forked "
					    "or edited chain)"));
					goto done;
				}
			}
			/* [syncrule] a new event: checked as a local one would be */
			if (syncrule_event(db, bd->rules, &e, err))
				goto done;
			for (int c = 0; c < 9; c++)
				sqlite3_bind_value(ins, c + 1, sqlite3_column_value(ev, c));
			if (sqlite3_step(ins) != SQLITE_DONE) {
				db_fail(db, err, _("adding the events"));
				sqlite3_reset(ins);
				goto done;
			}
			sqlite3_reset(ins);
			sqlite3_bind_text(touch, 1, e.dossier, -1, SQLITE_STATIC);
			if (sqlite3_step(touch) != SQLITE_DONE) {
				db_fail(db, err, _("adding the events"));
				sqlite3_reset(touch);
				goto done;
			}
			sqlite3_reset(touch);
			r->events_new++;
			if (strcmp(last_new, e.origin) != 0) {
				r->stations++;
				snprintf(last_new, sizeof last_new, "%s", e.origin);
			}
		}
		if (++n % 5000 == 0 && progress != NULL)
			progress(n, total, arg);
	}
	if (step != SQLITE_DONE) {
		bad(bd, err, _("its events cannot be read (the file is damaged)"));
		goto done;
	}
	if (n != total) {
		bad(bd, err, _("it does not hold the number of events its header says"));
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(ev);
	sqlite3_finalize(have);
	sqlite3_finalize(ins);
	sqlite3_finalize(touch);
	sqlite3_finalize(canon);
	return rc;
}

/* Re-project the dossiers that got new events. */
static int
project_touched(sqlite3 *db, const char *path, struct sync_report *r, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, existed FROM temp.touched", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		sqlite3_stmt *q;
		bool now;

		/* two stations with the same number hand out the same codes: say
		 * so plainly rather than let the code's uniqueness fail */
		if (db_prepare(db, "SELECT d.code FROM event e JOIN dossier d ON d.code = "
		    "json_extract(e.body, '$.code') WHERE e.dossier = ?1 AND e.kind = 'receive' "
		    "AND d.id <> ?1", &q, err)) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW) {
			err_set(err, MC_ECONFLICT, _("%s was not imported: it has another dossier "
			    "with the code %s held here: two stations of the unit use the same "
			    "station number; give one of them a new number with 'motcua init "
			    "--from-copy'; nothing was changed"), path, sqlite3_column_text(q, 0));
			sqlite3_finalize(q);
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(q);
		if (dossier_project(db, id, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		if (db_prepare(db, "SELECT 1 FROM dossier WHERE id = ?1", &q, err)) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		now = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_finalize(q);
		if (now) {
			r->dossiers_touched++;
			if (sqlite3_column_int(st, 1) == 0)
				r->dossiers_new++;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("updating the dossiers"));
	return 0;
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
	char key[32], held[32];
	long long version = hv(bd, "version") ? atoll(hv(bd, "version")) : 0;
	int years[64];

	if (payload == NULL || version < 1 || atoll(hv(bd, "count")) != 0)
		return bad(bd, err, _("the publication is incomplete"));
	snprintf(key, sizeof key, "%s_version", kind);
	r->version = version;
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
	return db_meta_set(db, key, held, err);
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
	char hash[MC_HASH_LEN];
	const char *kind;
	int rc = -1;

	memset(r, 0, sizeof *r);
	memset(&bd, 0, sizeof bd);
	bd.path = path;
	if (role_require(db, acting, MC_ACT_IMPORT, &me, err))
		return -1;
	if (check_file(&bd, err) || open_bundle(&bd, err) || read_header(&bd, err))
		goto done;
	/* [syncrule] the header typed and bounded, the bundle read for its rules */
	if (syncrule_header(db, path, header_keys, (const char *const *)bd.val, NKEYS, bd.b,
	    &bd.rules, err))
		goto done;
	kind = hv(&bd, "kind");
	snprintf(r->kind, sizeof r->kind, "%s", kind);
	snprintf(r->sender, sizeof r->sender, "%s", hv(&bd, "sender"));
	if (strcmp(kind, "events") != 0 && strcmp(kind, "catalog") != 0 &&
	    strcmp(kind, "calendar") != 0) {
		bad(&bd, err, _("it is of a kind this motcua does not know"));
		goto done;
	}
	/* the header, hashed in key order, then the events */
	sync_hash_init(&h);
	for (size_t i = 0; i < NKEYS; i++)
		if (bd.val[i] != NULL && strcmp(header_keys[i], "content_sha256") != 0)
			sync_hash_header(&h, header_keys[i], bd.val[i]);
	if (db_tx_begin(db, &tx, err))
		goto done;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY, "
	    "existed INTEGER); DELETE FROM temp.touched", err) ||
	    take_events(db, &bd, &h, r, progress, arg, err))
		goto rollback;
	sync_hash_final(&h, hash);
	if (strcmp(hash, hv(&bd, "content_sha256")) != 0) {
		bad(&bd, err, _("its content does not match its checksum (damaged or edited)"));
		goto rollback;
	}
	if (strcmp(kind, "events") == 0) {
		if (project_touched(db, path, r, err) || remember_sender(db, &bd, err))
			goto rollback;
		count_gaps(db, r);
	} else if (apply_publication(db, acting, &bd, force, r, err) != 0) {
		/* a publication, verified: its content goes through its own
		 * import, nested in this transaction, so a failure at any step
		 * leaves nothing of it behind */
		goto rollback;
	}
	/* a bundle that brought nothing new changed nothing: importing it
	 * again and again leaves the database as it was */
	snprintf(events, sizeof events, "%lld", r->events_new);
	if ((r->events_new > 0 || (strcmp(kind, "events") != 0 && !r->held_already)) &&
	    audit_record(db, "import", me.username, NULL, err, "file", path, "events", events,
	    "sender", r->sender, (char *)NULL))
		goto rollback;
	if (db_tx_commit(&tx, err))
		goto done;
	rc = 0;
	goto done;
rollback:
	db_tx_rollback(&tx);
done:
	bundle_close(&bd);
	return rc;
}
