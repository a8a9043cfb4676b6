/* sync-files.c — the files a bundle carries (sync.h, format 2.1): which
 * an export takes and how it writes them into the bundle, and how an
 * import checks and keeps them.  A file is streamed in pieces both ways
 * (sqlite3_blob_read / sqlite3_blob_write), never held whole, except a
 * file kept in or taken into file_blob (the setting attach_blobs), one at
 * a time. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "attach-int.h"
#include "motcua/attach.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/setting.h"
#include "sync-int.h"

/* the pieces a file is copied in */
#define PIECE (64 * 1024)

const char sync_file_table_sql[] =
    "CREATE TABLE file (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, "
    "body BLOB NOT NULL) STRICT";

static void
hex_final(crypto_hash_sha256_state *st, char hex[MC_HASH_LEN])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(st, d);
	sodium_bin2hex(hex, MC_HASH_LEN, d, sizeof d);
}

static bool
blobs_setting(sqlite3 *db)
{
	char v[8];

	return setting_get(db, "attach_blobs", v, sizeof v) == 0 && strcmp(v, "1") == 0;
}

/* ---- export: which files ---------------------------------------------------- */

void
sync_files_free(struct sync_files *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* ---- files owed ---------------------------------------------------------- */

int
sync_files_owe(sqlite3 *db, const char *peer_id, const char *known, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* the first day of the files whose events went without them: a day
	 * earlier than one already owed replaces it */
	if (db_prepare(db, "WITH d AS (SELECT min(substr(f.at, 1, 10)) AS day FROM "
	    "dossier_file f LEFT JOIN (SELECT key, value FROM json_each(?1)) v ON "
	    "v.key = f.origin WHERE f.seq > coalesce(v.value, 0)), p AS (SELECT station "
	    "FROM peer WHERE ?2 IS NULL OR station = ?2 UNION SELECT ?2 WHERE ?2 IS NOT "
	    "NULL) INSERT INTO meta(key, value) SELECT 'files_owed:' || p.station, d.day "
	    "FROM p, d WHERE d.day IS NOT NULL ON CONFLICT(key) DO UPDATE SET value = "
	    "min(value, excluded.value)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, known != NULL ? known : "{}", -1, SQLITE_STATIC);
	if (peer_id != NULL)
		sqlite3_bind_text(st, 2, peer_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("writing the bundle"));
	return 0;
}

int
sync_files_owed(sqlite3 *db, const char *peer_id, char *since, size_t n)
{
	char key[96];

	since[0] = '\0';
	if (peer_id == NULL)
		return 0;
	snprintf(key, sizeof key, "files_owed:%s", peer_id);
	return db_meta_get(db, key, since, n) == 0 && since[0] != '\0';
}

int
sync_files_paid(sqlite3 *db, const char *peer_id, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (peer_id == NULL)
		return 0;
	if (db_prepare(db, "DELETE FROM meta WHERE key = 'files_owed:' || ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, peer_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("writing the bundle"));
	return 0;
}

int
sync_files_list(sqlite3 *db, const char *known, const char *since, struct sync_files *f,
    struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof *f);
	/* the projection of the file_added events (one row per event); a
	 * content named twice is carried once */
	if (db_prepare(db, "SELECT f.sha256, min(f.type), min(f.bytes), max(f.bytes) FROM "
	    "dossier_file f LEFT JOIN (SELECT key, value FROM json_each(?1)) v ON "
	    "v.key = f.origin WHERE f.seq > coalesce(v.value, 0) OR (?2 IS NOT NULL AND "
	    "substr(f.at, 1, 10) >= ?2) GROUP BY f.sha256 ORDER BY f.sha256", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, known != NULL ? known : "{}", -1, SQLITE_STATIC);
	if (since != NULL)
		sqlite3_bind_text(st, 2, since, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(st, 0);
		long long bytes = sqlite3_column_int64(st, 2);
		enum attach_type t;

		/* events that disagree on its size, or a malformed hash or type,
		 * name no file a receiver could keep */
		if (sha == NULL || !attach_sha_ok(sha) || bytes != sqlite3_column_int64(st, 3) ||
		    attach_type_parse((const char *)sqlite3_column_text(st, 1), &t) != 0) {
			f->altered++;
			continue;
		}
		if (!attach_held(db, sha, t, bytes)) {
			f->absent++;
			continue;
		}
		if (f->n == f->cap) {
			size_t cap = f->cap ? f->cap * 2 : 64;
			struct sync_file *nv = realloc(f->v, cap * sizeof *nv);

			if (nv == NULL) {
				sqlite3_finalize(st);
				return err_set(err, MC_ENOMEM, _("out of memory"));
			}
			f->v = nv;
			f->cap = cap;
		}
		snprintf(f->v[f->n].sha256, MC_HASH_LEN, "%s", sha);
		f->v[f->n].type = (int)t;
		f->v[f->n].bytes = bytes;
		f->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the dossiers' files"));
	return 0;
}

/* ---- export: writing them ----------------------------------------------------- */

/* Where a file's bytes come from: file_blob (whole, in memory) or the
 * store (an open file, read in pieces). */
struct source {
	sqlite3_stmt *row;	/* file_blob's row, or NULL */
	const uint8_t *mem;
	int fd;
	long long off;
};

/* The next piece of the source (up to n bytes): the bytes read, 0 at its
 * end, -1 if it cannot be read. */
static long long
source_read(struct source *s, uint8_t *buf, size_t n, long long size)
{
	if (s->row != NULL) {
		long long left = size - s->off;
		size_t k = left < (long long)n ? (size_t)left : n;

		memcpy(buf, s->mem + s->off, k);
		s->off += (long long)k;
		return (long long)k;
	}
	for (;;) {
		ssize_t got = read(s->fd, buf, n);

		if (got < 0 && errno == EINTR)
			continue;
		return got;
	}
}

/* Copy one file into its row (made with zeroblob), hashing it: 1 it is
 * what its event says, 0 it is not (altered, or not there any more),
 * -1 the bundle cannot be written. */
static int
copy_one(sqlite3 *db, sqlite3 *b, const struct sync_file *sf, long long rowid, uint8_t *buf)
{
	struct source s = {.fd = -1};
	crypto_hash_sha256_state st;
	char hex[MC_HASH_LEN], path[PATH_MAX];
	sqlite3_blob *bl = NULL;
	long long got, done = 0;
	int rc = 0;

	if (db_cached(db, "SELECT data FROM file_blob WHERE sha256 = ?1", &s.row, NULL) == 0) {
		sqlite3_bind_text(s.row, 1, sf->sha256, -1, SQLITE_STATIC);
		if (sqlite3_step(s.row) == SQLITE_ROW &&
		    sqlite3_column_bytes(s.row, 0) == sf->bytes) {
			s.mem = sqlite3_column_blob(s.row, 0);
		} else {
			db_release(db, s.row);
			s.row = NULL;
		}
	} else {
		s.row = NULL;
	}
	if (s.row == NULL && (attach_store_path(db, sf->sha256, (enum attach_type)sf->type,
	    path, sizeof path, NULL) != 0 ||
	    (s.fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0))
		return 0;
	if (sqlite3_blob_open(b, "main", "file", "body", rowid, 1, &bl) != SQLITE_OK) {
		rc = -1;
		goto done;
	}
	crypto_hash_sha256_init(&st);
	while ((got = source_read(&s, buf, PIECE, sf->bytes)) > 0) {
		/* grown since it was listed: not the file its event names */
		if (done + got > sf->bytes)
			goto done;
		crypto_hash_sha256_update(&st, buf, (unsigned long long)got);
		if (sqlite3_blob_write(bl, buf, (int)got, (int)done) != SQLITE_OK) {
			rc = -1;
			goto done;
		}
		done += got;
	}
	if (got < 0 || done != sf->bytes)
		goto done;
	hex_final(&st, hex);
	rc = strcmp(hex, sf->sha256) == 0;
done:
	if (bl != NULL && sqlite3_blob_close(bl) != SQLITE_OK)
		rc = -1;
	if (s.row != NULL)
		db_release(db, s.row);
	if (s.fd >= 0)
		close(s.fd);
	return rc;
}

int
sync_files_write(sqlite3 *db, sqlite3 *b, struct sync_files *f, struct sync_hash *h,
    struct mc_err *err)
{
	sqlite3_stmt *ins = NULL, *del = NULL;
	uint8_t *buf = malloc(PIECE);
	int rc = -1;

	if (buf == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (sqlite3_exec(b, sync_file_table_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b, "INSERT INTO file(sha256, size, body) VALUES (?1, ?2, "
	    "zeroblob(?2))", -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b, "DELETE FROM file WHERE rowid = ?1", -1, &del, NULL)
	    != SQLITE_OK)
		goto io;
	f->carried = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct sync_file *sf = &f->v[i];
		long long rowid;
		int ok;

		sqlite3_bind_text(ins, 1, sf->sha256, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 2, sf->bytes);
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto io;
		sqlite3_reset(ins);
		rowid = sqlite3_last_insert_rowid(b);
		if ((ok = copy_one(db, b, sf, rowid, buf)) < 0)
			goto io;
		if (ok == 0) {
			/* not what its event says: left out (check names it) */
			sqlite3_bind_int64(del, 1, rowid);
			if (sqlite3_step(del) != SQLITE_DONE)
				goto io;
			sqlite3_reset(del);
			f->altered++;
			continue;
		}
		{
			char line[120];

			snprintf(line, sizeof line, "file %s %lld\n", sf->sha256, sf->bytes);
			sync_hash_text(h, line);
		}
		f->carried++;
	}
	rc = 0;
	goto done;
io:
	err_set(err, MC_EIO, _("cannot write the files into the bundle (%s): check the "
	    "stick has room, or export --without-files"), sqlite3_errmsg(b));
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(del);
	free(buf);
	return rc;
}

/* ---- import: checking and keeping them ----------------------------------------- */

void
sync_files_unplace(char **placed, size_t n, bool remove)
{
	for (size_t i = 0; i < n; i++) {
		if (remove)
			(void)unlink(placed[i]);
		free(placed[i]);
	}
	free(placed);
}

/* Read the body of the bundle's file `rowid` in pieces, hashing it: into
 * the store through p (when not NULL), into mem (when not NULL, size
 * bytes); hex gets its hash.  0, or -1 with err. */
static int
read_body(struct bundle *bd, long long rowid, long long size, struct attach_put *p,
    uint8_t *mem, uint8_t *buf, char hex[MC_HASH_LEN], struct mc_err *err)
{
	crypto_hash_sha256_state st;
	sqlite3_blob *bl;
	long long off = 0;

	if (sqlite3_blob_open(bd->b, "main", "file", "body", rowid, 0, &bl) != SQLITE_OK)
		return sync_bundle_bad(bd, err, _("its files cannot be read (the file is "
		    "damaged)"));
	crypto_hash_sha256_init(&st);
	while (off < size) {
		int k = size - off < PIECE ? (int)(size - off) : PIECE;

		if (sqlite3_blob_read(bl, buf, k, (int)off) != SQLITE_OK) {
			sqlite3_blob_close(bl);
			return sync_bundle_bad(bd, err, _("its files cannot be read (the file "
			    "is damaged)"));
		}
		crypto_hash_sha256_update(&st, buf, (unsigned long long)k);
		if (p != NULL && attach_put_write(p, buf, (size_t)k, err)) {
			sqlite3_blob_close(bl);
			return -1;
		}
		if (mem != NULL)
			memcpy(mem + off, buf, (size_t)k);
		off += k;
	}
	sqlite3_blob_close(bl);
	hex_final(&st, hex);
	return 0;
}

/* Keep one carried file in file_blob (whole, in memory): 1 new, 0 held
 * already, -1 refused or failed. */
static int
take_blob(sqlite3 *db, struct bundle *bd, long long rowid, const char *sha, long long size,
    uint8_t *buf, struct mc_err *err)
{
	char hex[MC_HASH_LEN], have[MC_HASH_LEN] = "";
	sqlite3_stmt *st;
	uint8_t *mem;
	int rc;

	if (db_cached(db, "SELECT data FROM file_blob WHERE sha256 = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		attach_hash_buf(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
		    have);
	db_release(db, st);
	if ((mem = malloc((size_t)size)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	if (read_body(bd, rowid, size, NULL, mem, buf, hex, err)) {
		free(mem);
		return -1;
	}
	if (strcmp(hex, sha) != 0) {
		free(mem);
		return sync_bundle_bad(bd, err, _("a file in it is not what its hash says "
		    "(damaged or edited)"));
	}
	if (strcmp(have, sha) == 0) {
		free(mem);
		return 0;
	}
	if (db_cached(db, "INSERT OR REPLACE INTO file_blob(sha256, data) VALUES (?1, ?2)",
	    &st, err)) {
		free(mem);
		return -1;
	}
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 2, mem, (sqlite3_uint64)size, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_release(db, st);
	free(mem);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("recording the file"));
	return 1;
}

static int
note_placed(char ***placed, size_t *n, const char *path, struct mc_err *err)
{
	char **nv = realloc(*placed, (*n + 1) * sizeof *nv);

	if (nv == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	*placed = nv;
	if ((nv[*n] = strdup(path)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	(*n)++;
	return 0;
}

/* Keep one carried file in the store, under each type its events give
 * it: 1 new, 0 held already, -1 refused or failed. */
static int
take_store(sqlite3 *db, struct bundle *bd, long long rowid, const char *sha, long long size,
    uint8_t *buf, char ***placed, size_t *n_placed, struct mc_err *err)
{
	sqlite3_stmt *st;
	char hex[MC_HASH_LEN], have[MC_HASH_LEN], path[PATH_MAX];
	bool checked = false, kept = false;
	int rc;

	if (db_cached(db, "SELECT DISTINCT type FROM dossier_file WHERE sha256 = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attach_put p;
		enum attach_type t;
		int end;

		if (attach_type_parse((const char *)sqlite3_column_text(st, 0), &t) != 0)
			continue;	/* no such file can be named: attach_body_check */
		/* held, and sound: nothing to write (the body is read below) */
		if (attach_store_path(db, sha, t, path, sizeof path, NULL) == 0 &&
		    attach_hash_file(path, have, NULL) == 0 && strcmp(have, sha) == 0)
			continue;
		if (attach_put_begin(db, sha, t, &p, err) ||
		    read_body(bd, rowid, size, &p, NULL, buf, hex, err)) {
			attach_put_abort(&p);
			db_release(db, st);
			return -1;
		}
		checked = true;
		if ((end = attach_put_end(&p, sha, err)) <= 0) {
			db_release(db, st);
			return end < 0 ? -1 : sync_bundle_bad(bd, err, _("a file in it is not what "
			    "its hash says (damaged or edited)"));
		}
		kept = true;
		if (p.fresh && note_placed(placed, n_placed, p.path, err)) {
			(void)unlink(p.path);
			db_release(db, st);
			return -1;
		}
	}
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail_rc(db, rc, err, _("reading the dossiers' files"));
	/* held already: its body is checked all the same (a bundle with a
	 * damaged file is refused, whoever holds that file) */
	if (!checked) {
		if (read_body(bd, rowid, size, NULL, NULL, buf, hex, err))
			return -1;
		if (strcmp(hex, sha) != 0)
			return sync_bundle_bad(bd, err, _("a file in it is not what its hash says "
			    "(damaged or edited)"));
	}
	return kept ? 1 : 0;
}

/* The files the bundle's file_added events name that are still not held
 * here, counted (and the first named) in r. */
static int
count_missing(sqlite3 *db, struct bundle *bd, struct sync_report *r, struct mc_err *err)
{
	sqlite3_stmt *ev, *q;
	int rc;

	if (sqlite3_prepare_v2(bd->b, "SELECT origin, seq FROM event WHERE kind = 'file_added' "
	    "ORDER BY origin, seq", -1, &ev, NULL) != SQLITE_OK)
		return sync_bundle_bad(bd, err, _("its events cannot be read"));
	/* the number is the file's place in its dossier's list (attach_list) */
	if (db_cached(db, "SELECT f.sha256, f.type, f.bytes, d.code, (SELECT count(*) FROM "
	    "dossier_file g WHERE g.dossier = f.dossier AND (g.at, g.origin, g.seq) <= "
	    "(f.at, f.origin, f.seq)) FROM dossier_file f JOIN dossier d ON d.id = f.dossier "
	    "WHERE f.origin = ?1 AND f.seq = ?2", &q, err)) {
		sqlite3_finalize(ev);
		return -1;
	}
	while ((rc = sqlite3_step(ev)) == SQLITE_ROW) {
		enum attach_type t;

		sqlite3_reset(q);
		sqlite3_bind_value(q, 1, sqlite3_column_value(ev, 0));
		sqlite3_bind_int64(q, 2, sqlite3_column_int64(ev, 1));
		if (sqlite3_step(q) != SQLITE_ROW ||
		    attach_type_parse((const char *)sqlite3_column_text(q, 1), &t) != 0)
			continue;
		if (attach_held(db, (const char *)sqlite3_column_text(q, 0), t,
		    sqlite3_column_int64(q, 2)))
			continue;
		if (r->files_missing < SYNC_MISSING_MAX) {
			struct sync_missing *m = &r->missing[r->files_missing];

			snprintf(m->code, sizeof m->code, "%s", sqlite3_column_text(q, 3));
			m->number = sqlite3_column_int(q, 4);
			snprintf(m->sha256, sizeof m->sha256, "%s", sqlite3_column_text(q, 0));
		}
		r->files_missing++;
	}
	db_release(db, q);
	sqlite3_finalize(ev);
	if (rc != SQLITE_DONE)
		return sync_bundle_bad(bd, err, _("its events cannot be read (the file is "
		    "damaged)"));
	return 0;
}

int
sync_files_take(sqlite3 *db, struct bundle *bd, struct sync_report *r, char ***placed,
    size_t *n_placed, struct mc_err *err)
{
	sqlite3_stmt *fl = NULL, *named = NULL;
	bool in_db = blobs_setting(db);
	uint8_t *buf = NULL;
	int rc = -1, step;

	*placed = NULL;
	*n_placed = 0;
	if (!bd->has_files)
		return count_missing(db, bd, r, err);
	if ((buf = malloc(PIECE)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	/* the rows' shape was checked with the content hash */
	if (sqlite3_prepare_v2(bd->b, "SELECT rowid, sha256, size FROM file ORDER BY sha256",
	    -1, &fl, NULL) != SQLITE_OK) {
		sync_bundle_bad(bd, err, _("its files cannot be read"));
		goto done;
	}
	/* the events naming it, held here now (the bundle's among them) */
	if (db_cached(db, "SELECT count(*), min(bytes), max(bytes) FROM dossier_file WHERE "
	    "sha256 = ?1", &named, err))
		goto done;
	while ((step = sqlite3_step(fl)) == SQLITE_ROW) {
		long long rowid = sqlite3_column_int64(fl, 0), size = sqlite3_column_int64(fl, 2);
		const char *sha = (const char *)sqlite3_column_text(fl, 1);
		int kept;

		sqlite3_reset(named);
		sqlite3_bind_text(named, 1, sha, -1, SQLITE_STATIC);
		if (sqlite3_step(named) != SQLITE_ROW) {
			db_fail(db, err, _("reading the dossiers' files"));
			goto done;
		}
		if (sqlite3_column_int64(named, 0) == 0) {
			sync_bundle_bad(bd, err, _("it carries a file that no event names (a "
			    "file is taken only with the event that records it)"));
			goto done;
		}
		if (sqlite3_column_int64(named, 1) != size || sqlite3_column_int64(named, 2) != size) {
			sync_bundle_bad(bd, err, _("a file in it is not the size its event "
			    "records (damaged or edited)"));
			goto done;
		}
		kept = in_db ? take_blob(db, bd, rowid, sha, size, buf, err) :
		    take_store(db, bd, rowid, sha, size, buf, placed, n_placed, err);
		if (kept < 0)
			goto done;
		if (kept)
			r->files_new++;
		else
			r->files_known++;
	}
	if (step != SQLITE_DONE) {
		sync_bundle_bad(bd, err, _("its files cannot be read (the file is damaged)"));
		goto done;
	}
	rc = count_missing(db, bd, r, err);
done:
	sqlite3_finalize(fl);
	if (named != NULL)
		db_release(db, named);
	free(buf);
	return rc;
}
