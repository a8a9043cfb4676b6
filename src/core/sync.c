/* sync.c — bundles: writing what a peer lacks, and taking in what a
 * bundle brings, after checking everything about it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/date.h"
#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/role.h"
#include "motcua/dossier.h"
#include "motcua/event.h"
#include "motcua/i18n.h"
#include "motcua/key.h"
#include "motcua/privfile.h"
#include "motcua/trust.h"
#include "motcua/sync.h"
#include "motcua/unit.h"
#include "sync-int.h"

/* The bundle's schema, to the letter: import refuses anything else. */
static const char bundle_table_sql[] =
    "CREATE TABLE bundle (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT";
static const char event_table_sql[] =
    "CREATE TABLE event (origin TEXT NOT NULL, seq INTEGER NOT NULL, "
    "at TEXT NOT NULL, officer TEXT NOT NULL, dossier TEXT NOT NULL, "
    "kind TEXT NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, "
    "hash TEXT NOT NULL, sig TEXT NOT NULL, PRIMARY KEY (origin, seq)) STRICT";

/* ---- our vector ---------------------------------------------------------- */

/* For each station, the n such that we hold every event 1..n of it. */
#define PREFIX_SQL \
	"SELECT origin, CASE WHEN min(seq) > 1 THEN 0 WHEN count(*) = max(seq) " \
	"THEN max(seq) ELSE (SELECT min(e.seq) FROM event e WHERE e.origin = o.origin " \
	"AND NOT EXISTS (SELECT 1 FROM event f WHERE f.origin = e.origin AND " \
	"f.seq = e.seq + 1)) END AS n, max(seq) AS top FROM event o GROUP BY origin"

char *
sync_vector(sqlite3 *db, struct mc_err *err)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (db_prepare(db, "SELECT json_group_object(origin, n) FROM (" PREFIX_SQL ")",
	    &st, err))
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	else
		db_fail(db, err, _("reading the event log"));
	sqlite3_finalize(st);
	return v;
}

/* ---- the canonical content hash -------------------------------------------- */

void
sync_hash_init(struct sync_hash *h)
{
	crypto_hash_sha256_init(&h->st);
}

void
sync_hash_text(struct sync_hash *h, const char *s)
{
	crypto_hash_sha256_update(&h->st, (const unsigned char *)s, strlen(s));
}

void
sync_hash_header(struct sync_hash *h, const char *key, const char *value)
{
	sync_hash_text(h, key);
	sync_hash_text(h, "=");
	sync_hash_text(h, value);
	sync_hash_text(h, "\n");
}

void
sync_hash_event(struct sync_hash *h, const char *origin, long long seq, const char *hash)
{
	char n[32];

	snprintf(n, sizeof n, "\n%lld\n", seq);
	sync_hash_text(h, origin);
	sync_hash_text(h, n);
	sync_hash_text(h, hash);
	sync_hash_text(h, "\n");
}

void
sync_hash_final(struct sync_hash *h, char out[MC_HASH_LEN])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(&h->st, d);
	sodium_bin2hex(out, MC_HASH_LEN, d, sizeof d);
}

/* ---- writing a bundle ------------------------------------------------------ */

static int
fsync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
sync_write_bundle(sqlite3 *db, const char *path, const struct sync_header *hd,
    sqlite3_stmt *events, long long *count, sync_progress_fn progress, void *arg,
    struct mc_err *err)
{
	char tmp[8500], dir[4200], hash[MC_HASH_LEN], num[32], *slash;
	char pub[MC_KEY_HEX], sig[MC_SIG_HEX];
	sqlite3 *b = NULL;
	sqlite3_stmt *ins = NULL, *kv = NULL;
	struct sync_hash h;
	struct stat sb;
	int rc;

	if (stat(path, &sb) == 0)
		return err_set(err, MC_ECONFLICT, _("%s exists already: choose another name "
		    "or remove it"), path);
	if (key_public(db, pub, err))
		return -1;
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, slash != NULL ? slash + 1 : path);
	(void)privfile_sweep(dir, time(NULL));	/* interrupted exports' pieces */
	(void)unlink(tmp);
	/* born 0600: SQLite keeps the mode of the file it opens, and gives
	 * its journal the same */
	if (privfile_new(tmp) != 0 || sqlite3_open_v2(tmp, &b, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK) {
		err_set(err, MC_EIO, _("cannot write in %s (%s): check the stick is in and "
		    "writable"), dir, b != NULL ? sqlite3_errmsg(b) : strerror(errno));
		sqlite3_close(b);
		(void)unlink(tmp);
		return -1;
	}
	/* one self-contained file: no WAL beside it on the stick.  The bundle
	 * is a new database of its own, never nested in a transaction of the
	 * store, so it takes a plain BEGIN … COMMIT rather than db_tx_* */
	if (sqlite3_exec(b, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; "
	    "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(b, bundle_table_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(b, event_table_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b, "INSERT INTO event VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10)", -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b, "INSERT INTO bundle(key, value) VALUES (?1, ?2)", -1, &kv,
	    NULL) != SQLITE_OK)
		goto io;
	sync_hash_init(&h);
	*count = 0;
	/* the header is hashed in key order (content_sha256 and signature
	 * left out: they are made from it); events follow */
	{
		struct { const char *k, *v; } kvs[] = {
			{"count", NULL}, {"created", hd->created}, {"format", "motcua-bundle"},
			/* the lowest minor the content needs (sync.h): 2.0 without files */
			{"format_minor", hd->files != NULL && hd->files->n > 0 ?
			    SYNC_FORMAT_MINOR_TEXT : NULL},
			{"format_version", SYNC_FORMAT_TEXT}, {"kind", hd->kind},
			{"payload", hd->payload}, {"sender", hd->sender}, {"sender_key", pub},
			{"sender_number", hd->sender_number}, {"sender_unit", hd->sender_unit},
			{"vector", hd->vector}, {"version", hd->version},
		};
		long long n = 0;

		/* count first: it is part of the header */
		if (events != NULL) {
			while ((rc = sqlite3_step(events)) == SQLITE_ROW)
				n++;
			if (rc != SQLITE_DONE || sqlite3_reset(events) != SQLITE_OK) {
				db_fail(db, err, _("reading the event log"));
				goto fail;
			}
		}
		snprintf(num, sizeof num, "%lld", n);
		kvs[0].v = num;
		for (size_t i = 0; i < sizeof kvs / sizeof kvs[0]; i++) {
			if (kvs[i].v == NULL)
				continue;
			sync_hash_header(&h, kvs[i].k, kvs[i].v);
			sqlite3_bind_text(kv, 1, kvs[i].k, -1, SQLITE_STATIC);
			sqlite3_bind_text(kv, 2, kvs[i].v, -1, SQLITE_STATIC);
			if (sqlite3_step(kv) != SQLITE_DONE)
				goto io;
			sqlite3_reset(kv);
		}
		while (events != NULL && (rc = sqlite3_step(events)) == SQLITE_ROW) {
			for (int c = 0; c < 10; c++)
				sqlite3_bind_value(ins, c + 1, sqlite3_column_value(events, c));
			if (sqlite3_step(ins) != SQLITE_DONE)
				goto io;
			sqlite3_reset(ins);
			sync_hash_event(&h, (const char *)sqlite3_column_text(events, 0),
			    sqlite3_column_int64(events, 1),
			    (const char *)sqlite3_column_text(events, 8));
			if (++*count % 5000 == 0 && progress != NULL)
				progress(*count, n, arg);
		}
		if (events != NULL && rc != SQLITE_DONE) {
			db_fail(db, err, _("reading the event log"));
			goto fail;
		}
	}
	/* the files after the events, in sha256 order, as the hash takes them */
	if (hd->files != NULL && hd->files->n > 0 && sync_files_write(db, b, hd->files, &h, err))
		goto fail;
	sync_hash_final(&h, hash);
	sqlite3_bind_text(kv, 1, "content_sha256", -1, SQLITE_STATIC);
	sqlite3_bind_text(kv, 2, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(kv) != SQLITE_DONE)
		goto io;
	sqlite3_reset(kv);
	/* the sender's word for all of it: a bundle's signature (key.h) */
	if (key_sign(db, KEY_BUNDLE, hash, sig, err))
		goto fail;
	sqlite3_bind_text(kv, 1, "signature", -1, SQLITE_STATIC);
	sqlite3_bind_text(kv, 2, sig, -1, SQLITE_STATIC);
	if (sqlite3_step(kv) != SQLITE_DONE)
		goto io;
	sqlite3_finalize(kv);
	sqlite3_finalize(ins);
	kv = ins = NULL;
	if (sqlite3_exec(b, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto io;
	if (sqlite3_close(b) != SQLITE_OK) {
		b = NULL;
		goto io;
	}
	b = NULL;
	/* on the disk before it gets its real name: a pulled stick never
	 * leaves a half file that looks whole */
	if (fsync_path(tmp, false) != 0 || rename(tmp, path) != 0 ||
	    fsync_path(dir, true) != 0) {
		err_set(err, MC_EIO, _("cannot finish writing %s (%s): check the stick and "
		    "export again"), path, strerror(errno));
		(void)unlink(tmp);
		return -1;
	}
	if (progress != NULL)
		progress(*count, *count, arg);
	return 0;
io:
	err_set(err, MC_EIO, _("cannot write the bundle in %s (%s): check the stick has "
	    "room and is writable, then export again"), dir,
	    b != NULL ? sqlite3_errmsg(b) : strerror(errno));
fail:
	sqlite3_finalize(kv);
	sqlite3_finalize(ins);
	sqlite3_close(b);
	(void)unlink(tmp);
	return -1;
}

int
sync_self_header(sqlite3 *db, struct sync_header *hd, struct mc_err *err)
{
	struct mc_unit u;
	struct mc_time now;

	memset(hd, 0, sizeof *hd);
	if (unit_get(db, &u, err))
		return -1;
	snprintf(hd->sender, sizeof hd->sender, "%s", u.station_id);
	snprintf(hd->sender_unit, sizeof hd->sender_unit, "%s", u.code);
	snprintf(hd->sender_number, sizeof hd->sender_number, "%d", u.station);
	date_now(&now);
	date_format_iso(&now, hd->created);
	return 0;
}

int
sync_export(sqlite3 *db, const char *acting, const char *peer, const char *path,
    char *out, size_t n, long long *count, sync_progress_fn progress, void *arg,
    struct mc_err *err)
{
	struct sync_export_opt opt = {false, NULL};
	struct sync_export_res res;
	int rc;

	rc = sync_export_with(db, acting, peer, path, &opt, out, n, &res, progress, arg, err);
	*count = res.events;
	return rc;
}

int
sync_export_with(sqlite3 *db, const char *acting, const char *peer, const char *path,
    const struct sync_export_opt *opt, char *out, size_t n, struct sync_export_res *res,
    sync_progress_fn progress, void *arg, struct mc_err *err)
{
	struct mc_officer me;
	struct sync_header hd;
	struct sync_files files;
	sqlite3_stmt *ev = NULL, *pv;
	char *vector = NULL, *known = NULL, *peer_id = NULL, since[MC_DATE_LEN] = "";
	long long *count = &res->events;
	struct stat sb;
	int rc = -1;

	memset(res, 0, sizeof *res);
	memset(&files, 0, sizeof files);
	if (opt->files_since != NULL) {
		int jdn;

		if (opt->without_files)
			return err_set(err, MC_EINVAL, _("--files-since asks for files that "
			    "--without-files leaves out: give one or the other"));
		if (date_parse_input(opt->files_since, &jdn, err))
			return -1;
		date_format(jdn, since);
	}
	if (role_require(db, acting, MC_ACT_EXPORT, &me, err) ||
	    sync_self_header(db, &hd, err) || (vector = sync_vector(db, err)) == NULL)
		return -1;
	hd.kind = "events";
	hd.vector = vector;
	if (peer != NULL) {
		/* what that station told us it holds */
		if (db_prepare(db, "SELECT vector, station FROM peer WHERE station = ?1 OR "
		    "(length(?1) >= 4 AND station LIKE ?1 || '%') OR CAST(number AS TEXT) = ?1",
		    &pv, err))
			goto done;
		sqlite3_bind_text(pv, 1, peer, -1, SQLITE_STATIC);
		if (sqlite3_step(pv) == SQLITE_ROW) {
			known = strdup((const char *)sqlite3_column_text(pv, 0));
			peer_id = strdup((const char *)sqlite3_column_text(pv, 1));
		}
		if (sqlite3_step(pv) == SQLITE_ROW) {
			sqlite3_finalize(pv);
			err_set(err, MC_EINVAL, _("'%s' names more than one station: give its "
			    "full id (see 'motcua peers')"), peer);
			goto done;
		}
		sqlite3_finalize(pv);
	}
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		char stamp[MC_ISO_LEN];

		snprintf(stamp, sizeof stamp, "%s", hd.created);
		/* 2026-11-21T09:30:00+07:00 → 20261121-0930 */
		snprintf(out, n, "%s/%s-%s-%.4s%.2s%.2s-%.2s%.2s.motcua", path, hd.sender_unit,
		    hd.sender_number, stamp, stamp + 5, stamp + 8, stamp + 11, stamp + 14);
	} else {
		snprintf(out, n, "%s", path);
	}
	if (db_prepare(db, "SELECT e.origin, e.seq, e.at, e.officer, e.dossier, e.kind, "
	    "e.body, e.prev, e.hash, e.sig FROM event e LEFT JOIN (SELECT key, value FROM "
	    "json_each(?1)) v ON v.key = e.origin WHERE e.seq > coalesce(v.value, 0) "
	    "ORDER BY e.origin, e.seq", &ev, err))
		goto done;
	sqlite3_bind_text(ev, 1, known != NULL ? known : "{}", -1, SQLITE_STATIC);
	/* the files of the events it carries (and of those since the date;
	 * with no date given, since the day of those still owed to the peer) */
	if (!opt->without_files && since[0] == '\0') {
		char day[MC_DATE_LEN];

		if (sync_files_owed(db, peer_id, day, sizeof day))
			snprintf(since, sizeof since, "%s", day);
	}
	if (!opt->without_files) {
		if (sync_files_list(db, known, since[0] != '\0' ? since : NULL, &files, err))
			goto done;
		hd.files = &files;
	}
	rc = sync_write_bundle(db, out, &hd, ev, count, progress, arg, err);
	res->files = files.carried;
	res->files_absent = files.absent;
	res->files_altered = files.altered;
	if (rc == 0) {
		char num[24], nfiles[24];
		struct db_tx tx;

		/* written: the record goes in the next bundle (with the files
		 * it carried, when it carried any) */
		snprintf(num, sizeof num, "%lld", *count);
		snprintf(nfiles, sizeof nfiles, "%lld", files.carried);
		if (db_tx_begin(db, &tx, err))
			rc = -1;
		else if (audit_record(db, "export", me.username, NULL, err, "file", out,
		    "events", num, "files", files.carried > 0 ? nfiles : NULL, (char *)NULL) ||
		    (opt->without_files ? sync_files_owe(db, peer_id, known, err) :
		    sync_files_paid(db, peer_id, err)) || db_tx_commit(&tx, err)) {
			db_tx_rollback(&tx);
			rc = -1;
		}
	}
done:
	sync_files_free(&files);
	sqlite3_finalize(ev);
	free(vector);
	free(known);
	free(peer_id);
	return rc;
}

int
sync_card(sqlite3 *db, const char *path, char *out, size_t n, struct mc_err *err)
{
	struct sync_header hd;
	long long count;

	if (sync_self_header(db, &hd, err))
		return -1;
	hd.kind = "station";
	hd.vector = "{}";
	snprintf(out, n, "%s", path);
	return sync_write_bundle(db, out, &hd, NULL, &count, NULL, NULL, err);
}

int
sync_publish(sqlite3 *db, const char *kind, long long version, const char *payload,
    const char *path, char *out, size_t n, struct mc_err *err)
{
	struct sync_header hd;
	char ver[32];
	long long count;

	if (strcmp(kind, "catalog") != 0 && strcmp(kind, "calendar") != 0)
		return err_set(err, MC_EINVAL, _("a publication is a catalog or a calendar, "
		    "not '%s'"), kind);
	if (version < 1)
		return err_set(err, MC_EINVAL, _("a publication needs a version number of 1 "
		    "or more"));
	if (sync_self_header(db, &hd, err))
		return -1;
	snprintf(ver, sizeof ver, "%lld", version);
	hd.kind = kind;
	hd.vector = "{}";
	hd.version = ver;
	hd.payload = payload;
	snprintf(out, n, "%s", path);
	return sync_write_bundle(db, out, &hd, NULL, &count, NULL, NULL, err);
}

/* ---- peers ------------------------------------------------------------------ */

/* A station's row to the caller's visitor (db_each). */
struct peer_visit {
	int (*fn)(const struct sync_peer *, void *);
	void *arg;
};

static int
peer_visit(sqlite3_stmt *st, void *arg)
{
	struct peer_visit *v = arg;
	struct sync_peer p;
	int rc;

	memset(&p, 0, sizeof p);
	snprintf(p.id, sizeof p.id, "%s", sqlite3_column_text(st, 0));
	snprintf(p.unit, sizeof p.unit, "%s", sqlite3_column_text(st, 1));
	p.number = sqlite3_column_int(st, 2);
	p.self = sqlite3_column_int(st, 3) != 0;
	p.events = sqlite3_column_int64(st, 4);
	snprintf(p.heard, sizeof p.heard, "%s", sqlite3_column_text(st, 5));
	p.vector = db_column_dup(st, 6);
	rc = v->fn(&p, v->arg);
	free(p.vector);
	return rc;
}

int
sync_peers(sqlite3 *db, int (*fn)(const struct sync_peer *, void *), void *arg,
    struct mc_err *err)
{
	sqlite3_stmt *st;

	/* every station we know of: ourselves, senders, and origins of events */
	if (db_prepare(db, "WITH ids(id) AS (SELECT id FROM station UNION SELECT station "
	    "FROM peer UNION SELECT DISTINCT origin FROM event) "
	    "SELECT ids.id, coalesce(s.unit, p.unit, ''), coalesce(s.number, p.number, 0), "
	    "coalesce(s.self, 0), (SELECT count(*) FROM event WHERE origin = ids.id), "
	    "coalesce(p.heard, ''), p.vector FROM ids LEFT JOIN station s ON s.id = ids.id "
	    "LEFT JOIN peer p ON p.station = ids.id ORDER BY coalesce(s.self, 0) DESC, 2, 3",
	    &st, err))
		return -1;
	{
		struct peer_visit v = {fn, arg};

		return db_each(db, st, peer_visit, &v, _("reading the stations"), err);
	}
}

/* ---- a copy of a database gets its own identity ------------------------------ */

int
sync_init_from_copy(const char *src, const char *dest, int station, struct mc_err *err)
{
	struct db_tx tx;
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *bk;
	struct stat sb;
	char id[MC_UUID_LEN], old[MC_UUID_LEN], iso[MC_ISO_LEN], num[4], code[32];
	struct mc_time now;
	sqlite3_stmt *st;
	int rc;

	if (station < 1 || station > 9)
		return err_set(err, MC_EINVAL, _("the station number must be 1 to 9 (each PC "
		    "of the unit has its own)"));
	if (stat(dest, &sb) == 0)
		return err_set(err, MC_ECONFLICT, _("%s already exists: give a new path with "
		    "--db"), dest);
	/* the source is checked like any database, then copied page by page
	 * (consistent even while another program has it open) */
	if (db_open(src, DB_NO_MIGRATE, &from, err) != 0)
		return -1;
	if (db_open(dest, DB_CREATE | DB_NO_MIGRATE, &to, err) != 0) {
		db_close(from);
		return -1;
	}
	bk = sqlite3_backup_init(to, "main", from, "main");
	rc = bk != NULL ? sqlite3_backup_step(bk, -1) : SQLITE_ERROR;
	if (bk != NULL)
		sqlite3_backup_finish(bk);
	db_close(from);
	db_close(to);
	if (rc != SQLITE_DONE) {
		(void)unlink(dest);
		return err_set(err, MC_EIO, _("copying %s failed: check the file and the free "
		    "space"), src);
	}
	/* open again: migrations apply to an older copy */
	if (db_open(dest, 0, &to, err) != 0) {
		(void)unlink(dest);
		return -1;
	}
	if (event_uuid(id, err) || db_tx_begin(to, &tx, err))
		goto fail;
	date_now(&now);
	date_format_iso(&now, iso);
	snprintf(num, sizeof num, "%d", station);
	if (db_meta_get(to, "unit_code", code, sizeof code) != 0) {
		err_set(err, MC_EINVAL, _("%s has no unit identity: it is not a set-up motcua "
		    "database"), src);
		goto rollback;
	}
	if (db_meta_get(to, "station_id", old, sizeof old) != 0) {
		err_set(err, MC_EINVAL, _("%s has no unit identity: it is not a set-up motcua "
		    "database"), src);
		goto rollback;
	}
	/* the old identity stays as another station: its events are its own */
	if (db_exec(to, "UPDATE station SET self = 0 WHERE self = 1", err) ||
	    db_prepare(to, "INSERT INTO station(id, number, unit, self, created) VALUES "
	    "(?1, ?2, ?3, 1, ?4)", &st, err))
		goto rollback;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, station);
	sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(to, err, _("recording the station"));
		goto rollback;
	}
	if (db_meta_set(to, "station_id", id, err) ||
	    db_meta_set(to, "station_number", num, err))
		goto rollback;
	/* the copy takes the original's events (it holds them already) and
	 * speaks with a key of its own: the old key stays the original's */
	if (db_prepare(to, "INSERT OR IGNORE INTO trust(station, public, unit, number, "
	    "trusted, officer) SELECT s.id, k.public, s.unit, s.number, s.created, '-' FROM "
	    "station s, station_key k WHERE k.id = 1 AND s.id = ?1", &st, err))
		goto rollback;
	sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(to, err, _("recording the station"));
		goto rollback;
	}
	if (key_renew(to, err))
		goto rollback;
	{
		char pub[MC_KEY_HEX], fpr[MC_FPR_LEN];

		if (key_public(to, pub, err))
			goto rollback;
		key_fingerprint(pub, fpr);
		if (audit_record(to, "keys_new", "-", NULL, err, "fingerprint", fpr, (char *)NULL) ||
		    db_tx_commit(&tx, err))
			goto rollback;
	}
	db_close(to);
	return 0;
rollback:
	db_tx_rollback(&tx);
fail:
	db_close(to);
	(void)unlink(dest);
	return -1;
}
