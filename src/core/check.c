/* check.c — the read-only checks of `motcua check` (check.h): the pages,
 * the log, the signatures, the dossier rows and codes, and the files kept
 * with the dossiers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#include "attach-int.h"
#include "motcua/catalog.h"
#include "motcua/check.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/trust.h"

long long
check_integrity(sqlite3 *db, int (*fn)(const char *problem, void *), void *arg,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	long long problems = 0;
	int rc;

	if (db_prepare(db, "PRAGMA integrity_check", &st, err))
		return -1;
	/* one row "ok" when sound, else one row per problem */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		if (r == NULL || strcmp(r, "ok") == 0)
			continue;
		problems++;
		if (fn != NULL && fn(r, arg) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, _("the integrity check"));
	return problems;
}

int
check_events(sqlite3 *db, long long *total, long long *bad, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((*bad = event_verify(db, err)) < 0)
		return -1;
	if (db_prepare(db, "SELECT count(*) FROM event", &st, err))
		return -1;
	rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("counting the events"));
	return 0;
}

bool
check_is_problem(enum check_kind k)
{
	return k != CHECK_PEER_GAP;
}

/* Tell fn of one finding; *problems counts it if it is one.  Nonzero: stop. */
static int
found(int (*fn)(const struct check_finding *, void *), void *arg,
    const struct check_finding *f, long long *problems)
{
	if (check_is_problem(f->kind))
		(*problems)++;
	return fn != NULL ? fn(f, arg) : 0;
}

/* The end of a chain: a gap before its first event is one like any other;
 * our own chain must also reach the mark event_append keeps. */
static int
chain_end(sqlite3 *db, const char *station, int number, long long last_seq, bool own,
    int (*fn)(const struct check_finding *, void *), void *arg, long long *problems)
{
	struct check_finding f = { .station = station, .number = number };
	long long high;

	if (!own)
		return 0;
	high = event_seq_high(db, station);
	if (high <= last_seq)
		return 0;
	f.kind = CHECK_OWN_TAIL;
	f.first = last_seq + 1;
	f.last = high;
	return found(fn, arg, &f, problems);
}

long long
check_log(sqlite3 *db, int (*fn)(const struct check_finding *, void *), void *arg,
    struct mc_err *err)
{
	char self[MC_UUID_LEN] = "", chain[MC_UUID_LEN] = "", prev[MC_HASH_LEN] = "";
	char unit[64] = "";
	long long last_seq = 0, problems = 0;
	int number = 0, rc = SQLITE_DONE, stop = 0;
	bool own = false, seen_self = false;
	sqlite3_stmt *st;

	/* a database not yet set up has no chain of its own */
	(void)db_meta_get(db, "station_id", self, sizeof self);
	if (db_prepare(db, "SELECT e.origin, e.seq, e.at, e.officer, e.dossier, e.kind, "
	    "e.body, e.prev, e.hash, coalesce(s.number, p.number, 0), "
	    "nullif(coalesce(s.unit, p.unit), (SELECT value FROM meta WHERE key = "
	    "'unit_code')) FROM event e LEFT JOIN station s ON s.id = e.origin "
	    "LEFT JOIN peer p ON p.station = e.origin ORDER BY e.origin, e.seq", &st, err))
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mc_event e;
		struct check_finding f;
		char h[MC_HASH_LEN];
		const char *stored = (const char *)sqlite3_column_text(st, 8);

		e.origin = (const char *)sqlite3_column_text(st, 0);
		e.seq = sqlite3_column_int64(st, 1);
		e.at = (const char *)sqlite3_column_text(st, 2);
		e.officer = (const char *)sqlite3_column_text(st, 3);
		e.dossier = (const char *)sqlite3_column_text(st, 4);
		e.kind = (const char *)sqlite3_column_text(st, 5);
		e.body = (const char *)sqlite3_column_text(st, 6);
		e.prev = (const char *)sqlite3_column_text(st, 7);
		if (strcmp(e.origin, chain) != 0) {
			if (chain[0] != '\0' && (stop = chain_end(db, chain, number, last_seq, own,
			    fn, arg, &problems)) != 0)
				break;
			snprintf(chain, sizeof chain, "%s", e.origin);
			number = sqlite3_column_int(st, 9);
			snprintf(unit, sizeof unit, "%s", sqlite3_column_type(st, 10) ==
			    SQLITE_NULL ? "" : (const char *)sqlite3_column_text(st, 10));
			own = strcmp(chain, self) == 0;
			seen_self = seen_self || own;
			last_seq = 0;
			prev[0] = '\0';
		}
		f = (struct check_finding){ .station = chain, .number = number,
		    .unit = unit[0] != '\0' ? unit : NULL, .first = e.seq, .last = e.seq };
		if (e.seq > last_seq + 1) {
			f.kind = own ? CHECK_OWN_GAP : CHECK_PEER_GAP;
			f.first = last_seq + 1;
			f.last = e.seq - 1;
			if ((stop = found(fn, arg, &f, &problems)) != 0)
				break;
			f.first = f.last = e.seq;
		}
		if (event_hash(&e, h) != 0 || strcmp(h, stored) != 0) {
			f.kind = CHECK_EDITED;
			stop = found(fn, arg, &f, &problems);
		} else if (e.seq == last_seq + 1 && strcmp(e.prev, prev) != 0) {
			/* after a gap the link cannot be checked: the gap is the finding */
			f.kind = CHECK_LINK;
			stop = found(fn, arg, &f, &problems);
		}
		last_seq = e.seq;
		snprintf(prev, sizeof prev, "%s", stored);
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the event log"));
	if (!stop && chain[0] != '\0')
		stop = chain_end(db, chain, number, last_seq, own, fn, arg, &problems);
	/* every event of our own chain deleted: only the mark is left */
	if (!stop && !seen_self && self[0] != '\0')
		(void)chain_end(db, self, (int)db_int(db, "SELECT number FROM station WHERE "
		    "self = 1", 0), 0, true, fn, arg, &problems);
	return problems;
}

/* A temporary table shaped as the main one: its own CREATE statement
 * (sqlite_master keeps it up to date through every ALTER TABLE), made
 * TEMP. */
static int
shadow_table(sqlite3 *db, const char *name, struct mc_err *err)
{
	static const char create[] = "CREATE TABLE ";
	sqlite3_stmt *st;
	char *sql = NULL;
	int rc;

	if (db_prepare(db, "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND "
	    "name = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);

		if (s != NULL && strncmp(s, create, sizeof create - 1) == 0)
			sql = sqlite3_mprintf("CREATE TEMP TABLE %s", s + sizeof create - 1);
	}
	sqlite3_finalize(st);
	if (sql == NULL)
		return err_set(err, MC_ESTORE, _("the table %s is not as this version of "
		    "motcua made it: restore the database from a backup"), name);
	rc = db_exec(db, sql, err);
	sqlite3_free(sql);
	return rc;
}

/* The dossiers whose rows (or words in the name index) differ, main
 * against temp (EXCEPT treats NULLs as equal), and how: 0 changed, 1
 * missing from main, 2 only in main (or only its words: named by id). */
static const char differ_sql[] =
	"WITH d(id) AS (SELECT id FROM (SELECT * FROM main.dossier EXCEPT "
	"SELECT * FROM temp.dossier) UNION SELECT id FROM (SELECT * FROM temp.dossier "
	"EXCEPT SELECT * FROM main.dossier) UNION SELECT id FROM (SELECT * FROM "
	"main.name_word EXCEPT SELECT * FROM temp.name_word) UNION SELECT id FROM "
	"(SELECT * FROM temp.name_word EXCEPT SELECT * FROM main.name_word)) "
	"SELECT coalesce(m.code, t.code, d.id), CASE WHEN t.id IS NULL THEN 2 "
	"WHEN m.id IS NULL THEN 1 ELSE 0 END FROM d LEFT JOIN main.dossier m ON "
	"m.id = d.id LEFT JOIN temp.dossier t ON t.id = d.id "
	"ORDER BY coalesce(m.code, t.code, d.id)";

/* A use count that differs, as a finding. */
struct uses_walk {
	int (*fn)(const struct check_finding *, void *);
	void *arg;
	long long *problems;
};

static int
uses_found(const char *station, const char *code, long long held, long long counted,
    void *arg)
{
	struct uses_walk *w = arg;
	struct check_finding f = {
		.kind = CHECK_USES, .station = station, .code = code,
		.first = held, .last = counted,
	};

	return found(w->fn, w->arg, &f, w->problems);
}

long long
check_dossiers(sqlite3 *db, int (*fn)(const struct check_finding *, void *), void *arg,
    struct mc_err *err)
{
	static const enum check_kind how[] = {
		CHECK_DOSSIER_CHANGED, CHECK_DOSSIER_MISSING, CHECK_DOSSIER_EXTRA,
	};
	long long problems = 0;
	sqlite3_stmt *st;
	int rc, stop = 0;

	/* A savepoint, not db_tx_begin: that takes the write lock, and only
	 * temporary tables are written here.  While temp.dossier and
	 * temp.name_word exist they hide the main tables from the unqualified
	 * names dossier_project uses, so it projects into them; rolling back
	 * drops them again. */
	if (db_exec(db, "SAVEPOINT check_dossiers", err))
		return -1;
	/* temp.report_agg too: the projection's counts go there, not into
	 * the main table (report_agg_check compares that one) */
	if (shadow_table(db, "dossier", err) || shadow_table(db, "name_word", err) ||
	    shadow_table(db, "procedure_use", err) ||
	    shadow_table(db, "report_agg", err) ||
	    shadow_table(db, "report_agg_event", err) ||
	    db_prepare(db, "SELECT DISTINCT dossier FROM main.event WHERE dossier <> '' "
	    "ORDER BY dossier", &st, err))
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (dossier_project(db, (const char *)sqlite3_column_text(st, 0), err)) {
			sqlite3_finalize(st);
			goto fail;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("reading the event log"));
		goto fail;
	}
	if (db_prepare(db, differ_sql, &st, err))
		goto fail;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct check_finding f = {
			.kind = how[sqlite3_column_int(st, 1)],
			.code = (const char *)sqlite3_column_text(st, 0),
		};

		stop = found(fn, arg, &f, &problems);
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE) {
		db_fail(db, err, _("comparing the dossiers"));
		goto fail;
	}
	if (!stop) {
		struct uses_walk w = { fn, arg, &problems };

		if (catalog_uses_differ(db, uses_found, &w, err) < 0)
			goto fail;
	}
	(void)db_exec(db, "ROLLBACK TO check_dossiers; RELEASE check_dossiers", NULL);
	return problems;
fail:
	(void)db_exec(db, "ROLLBACK TO check_dossiers; RELEASE check_dossiers", NULL);
	return -1;
}

/* One day's mark (meta code_high:<prefix>, dossier.h): every number up to
 * it must be held by a dossier row. */
static int
codes_of_day(sqlite3 *db, const char *prefix, int high,
    int (*fn)(const struct check_finding *, void *), void *arg, long long *problems,
    struct mc_err *err)
{
	char pattern[MC_CODE_LEN + 16], code[MC_CODE_LEN + 8];
	bool held[1000] = { false };
	sqlite3_stmt *st;
	int rc;

	snprintf(pattern, sizeof pattern, "%s[0-9][0-9][0-9]", prefix);
	if (db_prepare(db, "SELECT CAST(substr(code, ?2) AS INTEGER) FROM main.dossier "
	    "WHERE code GLOB ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)strlen(prefix) + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 0);

		if (n >= 0 && n < 1000)
			held[n] = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the dossier codes"));
	for (int n = 1; n <= high && n < 1000; n++) {
		struct check_finding f = { .kind = CHECK_CODE_MISSING, .code = code };

		if (held[n])
			continue;
		snprintf(code, sizeof code, "%s%03d", prefix, n);
		if (found(fn, arg, &f, problems) != 0)
			return 1;
	}
	return 0;
}

long long
check_codes(sqlite3 *db, int (*fn)(const struct check_finding *, void *), void *arg,
    struct mc_err *err)
{
	long long problems = 0;
	sqlite3_stmt *st;
	int rc, stop = 0;

	if (db_prepare(db, "SELECT substr(key, ?2), CAST(value AS INTEGER) FROM meta "
	    "WHERE substr(key, 1, ?3) = ?1 ORDER BY key", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, MC_CODE_HIGH_KEY, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)strlen(MC_CODE_HIGH_KEY) + 1);
	sqlite3_bind_int(st, 3, (int)strlen(MC_CODE_HIGH_KEY));
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *prefix = (const char *)sqlite3_column_text(st, 0);

		if (prefix == NULL || strlen(prefix) >= MC_CODE_LEN)
			continue;
		stop = codes_of_day(db, prefix, sqlite3_column_int(st, 1), fn, arg, &problems,
		    err);
	}
	sqlite3_finalize(st);
	if (stop < 0)
		return -1;
	if (!stop && rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the dossier codes"));
	return problems;
}

struct sig_walk {
	sqlite3 *db;
	int (*fn)(const struct check_finding *, void *);
	void *arg;
	struct check_sigs *sums;
	long long problems;
};

static int
sig_seen(const char *origin, long long seq, enum trust_sig state, void *arg)
{
	struct sig_walk *w = arg;
	struct check_finding f = { .station = origin, .first = seq, .last = seq };
	char unit[64] = "";
	sqlite3_stmt *st;

	switch (state) {
	case TRUST_SIG_GOOD:
		w->sums->good++;
		return 0;
	case TRUST_SIG_UNSIGNED:
		w->sums->unsigned_++;
		return 0;
	case TRUST_SIG_UNKNOWN:
		w->sums->unknown++;
		return 0;
	case TRUST_SIG_BAD:
		f.kind = CHECK_SIGNATURE;
		break;
	case TRUST_SIG_OWN_UNSIGNED:
		f.kind = CHECK_UNSIGNED;
		break;
	}
	/* the station's number and unit, as check_log names a chain (a
	 * problem is rare: one query each is cheap) */
	if (sqlite3_prepare_v2(w->db, "SELECT coalesce(s.number, p.number, 0), "
	    "nullif(coalesce(s.unit, p.unit), (SELECT value FROM meta WHERE key = "
	    "'unit_code')) FROM (SELECT ?1 AS id) x LEFT JOIN station s ON s.id = x.id "
	    "LEFT JOIN peer p ON p.station = x.id", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			f.number = sqlite3_column_int(st, 0);
			if (sqlite3_column_type(st, 1) != SQLITE_NULL)
				snprintf(unit, sizeof unit, "%s",
				    (const char *)sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
	}
	f.unit = unit[0] != '\0' ? unit : NULL;
	return found(w->fn, w->arg, &f, &w->problems);
}

long long
check_signatures(sqlite3 *db, int (*fn)(const struct check_finding *, void *), void *arg,
    struct check_sigs *sums, struct mc_err *err)
{
	struct sig_walk w = { db, fn, arg, sums, 0 };

	*sums = (struct check_sigs){ 0, 0, 0 };
	if (trust_verify_each(db, sig_seen, &w, err) < 0)
		return -1;
	return w.problems;
}

/* ---- the files kept with the dossiers ------------------------------------- */

/* Is the file of this hash held, and is its content that hash?  1 sound,
 * 0 missing, -1 altered. */
static int
file_state(sqlite3 *db, const char *sha, enum attach_type t, char *path, size_t n)
{
	char have[MC_HASH_LEN];
	sqlite3_stmt *st;
	int state = 0;

	path[0] = '\0';
	if (db_cached(db, "SELECT data FROM file_blob WHERE sha256 = ?1", &st, NULL) == 0) {
		sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			attach_hash_buf(sqlite3_column_blob(st, 0),
			    (size_t)sqlite3_column_bytes(st, 0), have);
			state = strcmp(have, sha) == 0 ? 1 : -1;
		}
		db_release(db, st);
		if (state != 0)
			return state;
	}
	if (attach_store_path(db, sha, t, path, n, NULL) != 0) {
		path[0] = '\0';
		return 0;
	}
	if (attach_hash_file(path, have, NULL) != 0)
		return 0;
	return strcmp(have, sha) == 0 ? 1 : -1;
}

long long
check_files(sqlite3 *db, int (*fn)(const struct attach_finding *, void *), void *arg,
    long long *total, struct mc_err *err)
{
	sqlite3_stmt *st;
	char last[MC_UUID_LEN] = "", path[PATH_MAX];
	long long problems = 0;
	int rc, number = 0, stop = 0;

	*total = 0;
	/* the events, not their projection: what the chain vouches for; the
	 * number is the file's place in its dossier's list (attach_list) */
	if (db_prepare(db, "SELECT e.dossier, coalesce(d.code, e.dossier), "
	    "json_extract(e.body, '$.sha256'), json_extract(e.body, '$.type'), "
	    "coalesce(json_extract(e.body, '$.document'), 0), "
	    "json_extract(e.body, '$.doc_name') FROM event e LEFT JOIN dossier d ON "
	    "d.id = e.dossier WHERE e.kind = 'file_added' AND e.dossier <> '' AND "
	    "json_valid(e.body) ORDER BY e.dossier, e.at, e.origin, e.seq", &st, err))
		return -1;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *dossier = (const char *)sqlite3_column_text(st, 0);
		const char *sha = (const char *)sqlite3_column_text(st, 2);
		const char *type = (const char *)sqlite3_column_text(st, 3);
		enum attach_type t = ATTACH_PDF;
		struct attach_finding f = {
			.code = (const char *)sqlite3_column_text(st, 1),
			.document = sqlite3_column_int(st, 4),
			.doc_name = (const char *)sqlite3_column_text(st, 5),
			.sha256 = sha != NULL ? sha : "",
		};
		int state;

		if (strcmp(last, dossier) != 0) {
			snprintf(last, sizeof last, "%s", dossier);
			number = 0;
		}
		f.number = ++number;
		(*total)++;
		/* a hash or type that is not one names no file that can be held */
		if (sha == NULL || !attach_sha_ok(sha) || attach_type_parse(type, &t) != 0)
			state = 0, path[0] = '\0';
		else
			state = file_state(db, sha, t, path, sizeof path);
		if (state == 1)
			continue;
		f.problem = state == 0 ? ATTACH_MISSING : ATTACH_ALTERED;
		f.path = path[0] != '\0' ? path : NULL;
		problems++;
		stop = fn(&f, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		db_fail_rc(db, rc, err, _("reading the files' events"));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return problems;
}
