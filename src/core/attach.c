/* attach.c — attaching a file to a dossier, the list of its files and the
 * copy of one back out (attach.h).  The file's checks are attach-type.c's
 * and attach-pdf.c's, where it may come from and where it is kept
 * attach-store.c's; here the officer, the dossier, the event and its
 * projection, all or nothing. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "attach-int.h"
#include "motcua/attach.h"
#include "motcua/db.h"
#include "motcua/dossier.h"
#include "motcua/i18n.h"
#include "motcua/report.h"
#include "motcua/role.h"
#include "motcua/setting.h"
#include "motcua/vocab.h"

/* ---- hashes ------------------------------------------------------------- */

static void
hex_of(const unsigned char d[crypto_hash_sha256_BYTES], char hex[MC_HASH_LEN])
{
	sodium_bin2hex(hex, MC_HASH_LEN, d, crypto_hash_sha256_BYTES);
}

void
attach_hash_buf(const uint8_t *buf, size_t n, char hex[MC_HASH_LEN])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(d, buf, n);
	hex_of(d, hex);
}

int
attach_hash_file(const char *path, char hex[MC_HASH_LEN], struct mc_err *err)
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES], chunk[64 * 1024];
	struct stat sb;
	ssize_t got;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		return err != NULL ? err_set(err, errno == ENOENT ? MC_ENOTFOUND : MC_EIO,
		    _("cannot open %s (%s)"), path, strerror(errno)) : -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err != NULL ? err_set(err, MC_EIO, _("%s is not an ordinary file"),
		    path) : -1;
	}
	crypto_hash_sha256_init(&h);
	while ((got = read(fd, chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;

			close(fd);
			return err != NULL ? err_set(err, MC_EIO, _("cannot read %s (%s)"),
			    path, strerror(e)) : -1;
		}
		crypto_hash_sha256_update(&h, chunk, (unsigned long long)got);
	}
	close(fd);
	crypto_hash_sha256_final(&h, d);
	hex_of(d, hex);
	return 0;
}

int
attach_type_parse(const char *name, enum attach_type *t)
{
	for (int i = ATTACH_PDF; i <= ATTACH_TIFF; i++)
		if (name != NULL && strcmp(name, attach_type_name((enum attach_type)i)) == 0) {
			*t = (enum attach_type)i;
			return 0;
		}
	return -1;
}

/* ---- the projection --------------------------------------------------------- */

/* One file_added event as a row of dossier_file; the body's types are
 * the table's (STRICT), so a body of the wrong shape is refused there. */
#define PROJECT_SQL \
	"INSERT OR IGNORE INTO dossier_file(origin, seq, dossier, document, doc_name, " \
	"result, sha256, type, pages, bytes, source, name, at, officer) " \
	"SELECT origin, seq, dossier, json_extract(body, '$.document'), " \
	"json_extract(body, '$.doc_name'), json_extract(body, '$.result'), " \
	"json_extract(body, '$.sha256'), json_extract(body, '$.type'), " \
	"json_extract(body, '$.pages'), json_extract(body, '$.bytes'), " \
	"json_extract(body, '$.source'), json_extract(body, '$.name'), at, officer " \
	"FROM event WHERE kind = 'file_added' AND dossier <> ''"

int
attach_project(sqlite3 *db, const char *origin, long long seq, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, PROJECT_SQL " AND origin = ?1 AND seq = ?2", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("recording the file"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
attach_project_dossier(sqlite3 *db, const char *dossier, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_cached(db, PROJECT_SQL " AND dossier = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, dossier, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("recording the file"));
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
attach_rebuild(sqlite3 *db, const char *acting, struct mc_err *err)
{
	struct db_tx tx;

	if (role_require(db, acting, MC_ACT_REBUILD, NULL, err) || db_tx_begin(db, &tx, err))
		return -1;
	if (db_exec(db, "DELETE FROM dossier_file; " PROJECT_SQL, err)) {
		db_tx_rollback(&tx);
		return -1;
	}
	return db_tx_commit(&tx, err);
}

int
attach_body_check(sqlite3 *db, const char *body, struct mc_err *err)
{
	sqlite3_stmt *st;
	const char *why = NULL;
	int rc;

	/* JSON first: the JSON functions below fail on anything else */
	if (db_cached(db, "SELECT json_valid(?1)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	db_release(db, st);
	if (!rc)
		return err_set(err, MC_EINVAL, _("the file's event is not one motcua "
		    "records: %s"), _("it is not a JSON object"));
	/* then one query reads every key: its type, and whether it is there */
	if (db_cached(db, "SELECT json_type(?1) = 'object', "
	    "json_type(?1, '$.document') IN ('null', 'integer') AND "
	    "coalesce(json_extract(?1, '$.document'), 1) >= 1, "
	    "json_type(?1, '$.doc_name') IN ('null', 'text'), "
	    "json_type(?1, '$.result') IN ('true', 'false'), "
	    "json_type(?1, '$.sha256') = 'text', json_extract(?1, '$.sha256'), "
	    "json_type(?1, '$.type') = 'text', json_extract(?1, '$.type'), "
	    "json_type(?1, '$.pages') = 'integer' AND json_extract(?1, '$.pages') "
	    "BETWEEN 1 AND ?2, "
	    "json_type(?1, '$.bytes') = 'integer' AND json_extract(?1, '$.bytes') > 0, "
	    "json_extract(?1, '$.source') IN ('scan', 'attach'), "
	    "json_type(?1, '$.name') = 'text' AND length(json_extract(?1, '$.name')) "
	    "BETWEEN 1 AND 255, (SELECT count(*) FROM json_each(?1))", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, ATTACH_MAX_PAGES);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_fail_rc(db, rc, err, _("reading a file's event"));
		db_release(db, st);
		return -1;
	}
	{
		enum attach_type t;
		const char *sha = (const char *)sqlite3_column_text(st, 5);
		const char *type = (const char *)sqlite3_column_text(st, 7);

		/* columns: 0 an object, 1 document, 2 doc_name, 3 result, 4-5
		 * sha256, 6-7 type, 8 pages, 9 bytes, 10 source, 11 name, 12 keys */
		if (!sqlite3_column_int(st, 0))
			why = N_("it is not a JSON object");
		else if (sqlite3_column_int(st, 12) != 9)
			why = N_("it does not have the nine fields of a file's event");
		else if (!sqlite3_column_int(st, 1))
			why = N_("its document is not a document's number");
		else if (!sqlite3_column_int(st, 2) || !sqlite3_column_int(st, 11))
			why = N_("its names are not text");
		else if (!sqlite3_column_int(st, 3))
			why = N_("its result is not true or false");
		else if (!sqlite3_column_int(st, 4) || sha == NULL || !attach_sha_ok(sha))
			why = N_("its sha256 is not a SHA-256 hash");
		else if (!sqlite3_column_int(st, 6) || attach_type_parse(type, &t) != 0)
			why = N_("its type is not pdf, jpeg, png or tiff");
		else if (!sqlite3_column_int(st, 8) || !sqlite3_column_int(st, 9))
			why = N_("its pages or bytes are not a count");
		else if (!sqlite3_column_int(st, 10))
			why = N_("its source is not scan or attach");
	}
	db_release(db, st);
	if (why != NULL)
		return err_set(err, MC_EINVAL, _("the file's event is not one motcua "
		    "records: %s"), _(why));
	return 0;
}

/* ---- attaching ------------------------------------------------------------- */

/* The event's body. */
static char *
make_body(sqlite3 *db, const struct attach_req *r, const char *doc_name,
    const struct attach_out *o, const char *name, struct mc_err *err)
{
	sqlite3_stmt *st;
	char *body;

	/* db_step_text finalizes the statement: not a cached one */
	if (db_prepare(db, "SELECT json_object('document', ?1, 'doc_name', ?2, 'result', "
	    "json(?3), 'sha256', ?4, 'type', ?5, 'pages', ?6, 'bytes', ?7, 'source', ?8, "
	    "'name', ?9)", &st, err))
		return NULL;
	if (r->document > 0)
		sqlite3_bind_int(st, 1, r->document);
	else
		sqlite3_bind_null(st, 1);
	if (doc_name != NULL)
		sqlite3_bind_text(st, 2, doc_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->result ? "true" : "false", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, attach_type_name(o->type), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, o->pages);
	sqlite3_bind_int64(st, 7, o->bytes);
	sqlite3_bind_text(st, 8, r->source == ATTACH_SOURCE_SCAN ? "scan" : "attach", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 9, name, -1, SQLITE_STATIC);
	body = db_step_text(db, st, _("recording the file"), err);
	return body;
}

/* Is any event's file this content?  (A file this attach stored is
 * removed again only if none is: another station's, or a second attach
 * at the same moment, may have it.) */
static bool
referenced(sqlite3 *db, const char *sha256)
{
	sqlite3_stmt *st;
	bool yes = true;	/* when in doubt, keep the file */

	if (db_prepare(db, "SELECT 1 FROM dossier_file WHERE sha256 = ?1 UNION ALL "
	    "SELECT 1 FROM event WHERE kind = 'file_added' AND json_extract(body, "
	    "'$.sha256') = ?1 LIMIT 1", &st, NULL) != 0)
		return true;
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) != SQLITE_DONE;
	sqlite3_finalize(st);
	return yes;
}

/* Its number in the dossier's list. */
static int
number_of(sqlite3 *db, const char *id, const char *origin, long long seq)
{
	sqlite3_stmt *st;
	int n = 0, i = 0;

	if (db_prepare(db, "SELECT origin, seq FROM dossier_file WHERE dossier = ?1 "
	    "ORDER BY at, origin, seq", &st, NULL) != 0)
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		i++;
		if (strcmp((const char *)sqlite3_column_text(st, 0), origin) == 0 &&
		    sqlite3_column_int64(st, 1) == seq) {
			n = i;
			break;
		}
	}
	sqlite3_finalize(st);
	return n;
}

/* The name the event keeps: the one given (its base name), or for a scan
 * "scan.<ext>"; its extension, if it has one of ours, must be the
 * content's type, and it must have one unless the file is a scan. */
static int
name_check(const struct attach_req *r, enum attach_type t, char *name, size_t n,
    struct mc_err *err)
{
	enum attach_type said;
	const char *base;

	if (r->name == NULL || r->name[0] == '\0') {
		snprintf(name, n, "scan.%s", attach_type_ext(t));
		return 0;
	}
	base = strrchr(r->name, '/') != NULL ? strrchr(r->name, '/') + 1 : r->name;
	for (const char *c = base; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return err_set(err, MC_EINVAL, _("the file's name '%s' cannot be kept: "
			    "rename the file"), base);
	if (base[0] == '\0')
		return err_set(err, MC_EINVAL, _("the file's name '%s' cannot be kept: "
		    "rename the file"), base);
	snprintf(name, n, "%s", base);
	if (attach_type_of_name(base, &said) != 0) {
		if (r->source == ATTACH_SOURCE_SCAN && strchr(base, '.') == NULL)
			return 0;
		return err_set(err, MC_EINVAL, _("%s is a %s file by its content, but its "
		    "name does not say so: name it .%s (only PDF, JPEG, PNG and TIFF "
		    "files are kept)"), base, attach_type_name(t), attach_type_ext(t));
	}
	if (said != t)
		return err_set(err, MC_EINVAL, _("%s is named as a %s file but its content "
		    "is a %s file: a file must be what its name says (rename it .%s if it "
		    "is the right file)"), base, attach_type_name(said), attach_type_name(t),
		    attach_type_ext(t));
	return 0;
}

int
attach_add_buf(sqlite3 *db, const struct attach_req *r, const uint8_t *buf, size_t n,
    struct attach_out *out, struct mc_err *err)
{
	struct attach_out o;
	struct mc_officer me;
	struct mc_dossier d;
	struct mc_time now;
	struct db_tx tx;
	char name[256], origin[MC_UUID_LEN], blobs[8];
	const char *doc_name = NULL;
	size_t max = attach_max_bytes(db);
	bool in_db;
	char *body = NULL;
	long long seq;

	memset(&o, 0, sizeof o);
	memset(&now, 0, sizeof now);
	if (role_require(db, r->acting, role_kind(MC_KIND_FILE), &me, err))
		return -1;
	if (r->code == NULL || dossier_get(db, r->code, &d, err) != 0)
		return r->code == NULL ? err_set(err, MC_EINVAL, _("which dossier? give its "
		    "code")) : -1;
	if (r->document < 0 || (size_t)r->document > d.ndocs) {
		size_t nd = d.ndocs;

		dossier_free(&d);
		if (nd == 0)
			return err_set(err, MC_EINVAL, _("%s lists no documents: attach the file "
			    "to the dossier as a whole (without a document number)"), r->code);
		return err_set(err, MC_EINVAL, _("%s has no document %d: its documents are "
		    "numbered 1 to %zu (see motcua show %s)"), r->code, r->document, nd,
		    r->code);
	}
	if (r->document > 0 && (doc_name = d.docs[r->document - 1].name) != NULL &&
	    (doc_name = strdup(doc_name)) == NULL) {
		dossier_free(&d);
		return err_set(err, MC_ENOMEM, _("out of memory"));
	}
	if (n == 0 || n > max) {
		dossier_free(&d);
		free((char *)doc_name);
		return n == 0 ? err_set(err, MC_EINVAL, _("the file is empty: scan or save it "
		    "again")) : err_set(err, MC_EINVAL, _("the file is larger than %zu MB, "
		    "the most a file kept with a dossier may be (the setting attach_max_mb): "
		    "scan it at a lower resolution or in parts"), max / (1024 * 1024));
	}
	if (attach_detect(buf, n, &o.type, &o.pages, err) ||
	    name_check(r, o.type, name, sizeof name, err))
		goto fail_early;
	o.bytes = (long long)n;
	attach_hash_buf(buf, n, o.sha256);
	in_db = setting_get(db, "attach_blobs", blobs, sizeof blobs) == 0 &&
	    strcmp(blobs, "1") == 0;
	if (!in_db && attach_store_put(db, o.sha256, o.type, buf, n, &o.stored, err))
		goto fail_early;
	if (r->at == NULL)
		date_now(&now);
	if ((body = make_body(db, r, doc_name, &o, name, err)) == NULL ||
	    db_tx_begin(db, &tx, err))
		goto fail_stored;
	if (in_db) {
		sqlite3_stmt *st;
		int rc;

		if (db_cached(db, "INSERT OR IGNORE INTO file_blob(sha256, data) VALUES "
		    "(?1, ?2)", &st, err))
			goto fail_tx;
		sqlite3_bind_text(st, 1, o.sha256, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 2, buf, n, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			db_fail_rc(db, rc, err, _("recording the file"));
		db_release(db, st);
		if (rc != SQLITE_DONE)
			goto fail_tx;
	}
	if (event_append(db, d.id, vocab_kind(MC_KIND_FILE)->name, r->at != NULL ? r->at :
	    &now, me.username, body, err) || event_station(db, origin, err) < 0 ||
	    (seq = event_seq_high(db, origin)) <= 0 || attach_project(db, origin, seq, err) ||
	    report_agg_refresh(db, d.id, err))	/* the digitisation counts */
		goto fail_tx;
	if (db_tx_commit(&tx, err))
		goto fail_stored;
	o.number = number_of(db, d.id, origin, seq);
	if (out != NULL)
		*out = o;
	sqlite3_free(body);
	dossier_free(&d);
	free((char *)doc_name);
	return 0;
fail_tx:
	db_tx_rollback(&tx);
fail_stored:
	/* the database is as it was: a file stored for this attach alone goes */
	if (o.stored && !referenced(db, o.sha256)) {
		char path[PATH_MAX];

		if (attach_store_path(db, o.sha256, o.type, path, sizeof path, NULL) == 0)
			unlink(path);
	}
fail_early:
	sqlite3_free(body);
	dossier_free(&d);
	free((char *)doc_name);
	return -1;
}

int
attach_add_fd(sqlite3 *db, const struct attach_req *r, int fd, struct attach_out *out,
    struct mc_err *err)
{
	uint8_t *buf;
	size_t n;
	int rc;

	if (attach_read_fd(fd, attach_max_bytes(db), &buf, &n, err))
		return -1;
	rc = attach_add_buf(db, r, buf, n, out, err);
	free(buf);
	return rc;
}

int
attach_add_path(sqlite3 *db, const struct attach_req *r, const char *path,
    struct attach_out *out, struct mc_err *err)
{
	struct attach_req named = *r;
	char base[256];
	uint8_t *buf;
	size_t n;
	int rc;

	if (attach_read_path(db, path, attach_max_bytes(db), &buf, &n, base, sizeof base,
	    err))
		return -1;
	if (named.name == NULL)
		named.name = base;
	rc = attach_add_buf(db, &named, buf, n, out, err);
	free(buf);
	return rc;
}

/* ---- listing --------------------------------------------------------------- */

int
attach_list(sqlite3 *db, const char *code, int (*fn)(const struct attach_item *, void *),
    void *arg, struct mc_err *err)
{
	char id[MC_UUID_LEN];
	sqlite3_stmt *st;
	int rc, stop = 0, number = 0;

	if (dossier_find_code(db, code, id, err))
		return -1;
	if (db_cached(db, "SELECT coalesce(document, 0), doc_name, result, type, pages, "
	    "bytes, sha256, source, name, at, officer FROM dossier_file WHERE dossier = ?1 "
	    "ORDER BY at, origin, seq", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attach_item it = {
			.number = ++number,
			.document = sqlite3_column_int(st, 0),
			.doc_name = (const char *)sqlite3_column_text(st, 1),
			.result = sqlite3_column_int(st, 2) != 0,
			.type = (const char *)sqlite3_column_text(st, 3),
			.pages = sqlite3_column_int(st, 4),
			.bytes = sqlite3_column_int64(st, 5),
			.sha256 = (const char *)sqlite3_column_text(st, 6),
			.source = (const char *)sqlite3_column_text(st, 7),
			.name = (const char *)sqlite3_column_text(st, 8),
			.at = (const char *)sqlite3_column_text(st, 9),
			.officer = (const char *)sqlite3_column_text(st, 10),
		};

		stop = fn(&it, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		db_fail_rc(db, rc, err, _("reading the dossier's files"));
	db_release(db, st);
	return stop != 0 ? stop : rc == SQLITE_DONE ? 0 : -1;
}

/* ---- fetching -------------------------------------------------------------- */

struct want {
	int number;
	char sha256[MC_HASH_LEN];
	char type[8];
	bool found;
};

static int
pick(const struct attach_item *it, void *arg)
{
	struct want *w = arg;

	if (it->number != w->number)
		return 0;
	snprintf(w->sha256, sizeof w->sha256, "%s", it->sha256);
	snprintf(w->type, sizeof w->type, "%s", it->type);
	w->found = true;
	return 1;
}

/* The bytes of the file of this hash: from file_blob, else the store. */
static int
load(sqlite3 *db, const char *sha256, enum attach_type t, uint8_t **buf, size_t *n,
    struct mc_err *err)
{
	char path[PATH_MAX];
	sqlite3_stmt *st;
	int fd, rc;

	if (db_cached(db, "SELECT data FROM file_blob WHERE sha256 = ?1", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = (size_t)sqlite3_column_bytes(st, 0);

		*buf = malloc(len > 0 ? len : 1);
		if (*buf != NULL && len > 0)
			memcpy(*buf, sqlite3_column_blob(st, 0), len);
		*n = len;
		db_release(db, st);
		return *buf != NULL ? 0 : err_set(err, MC_ENOMEM, _("out of memory"));
	}
	db_release(db, st);
	if (attach_store_path(db, sha256, t, path, sizeof path, err))
		return -1;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return err_set(err, MC_ENOTFOUND, _("the file %s is missing from the store "
		    "(%s): run 'motcua check', and restore the files folder from a backup"),
		    path, strerror(errno));
	/* the store's file may have grown since: read what the limit allows */
	rc = attach_read_fd(fd, (size_t)INT_MAX, buf, n, err);
	close(fd);
	return rc;
}

int
attach_fetch(sqlite3 *db, const char *code, int number, const char *out, bool overwrite,
    struct mc_err *err)
{
	struct want w = {.number = number};
	char have[MC_HASH_LEN], dir[PATH_MAX], tmp[PATH_MAX];
	enum attach_type t;
	struct stat sb;
	uint8_t *buf = NULL;
	size_t n = 0, done = 0;
	const char *slash;
	int fd, rc;

	if ((rc = attach_list(db, code, pick, &w, err)) < 0)
		return -1;
	if (!w.found)
		return err_set(err, MC_ENOTFOUND, _("%s has no file %d: see motcua files %s"),
		    code, number, code);
	if (attach_type_parse(w.type, &t) != 0)
		return err_set(err, MC_EINVAL, _("file %d of %s has an unknown type '%s'"),
		    number, code, w.type);
	if (!overwrite && lstat(out, &sb) == 0)
		return err_set(err, MC_ECONFLICT, _("%s exists already: name another file, "
		    "or remove it first"), out);
	if (load(db, w.sha256, t, &buf, &n, err))
		return -1;
	attach_hash_buf(buf, n, have);
	if (strcmp(have, w.sha256) != 0) {
		free(buf);
		return err_set(err, MC_EINVAL, _("file %d of %s has been altered in the store "
		    "(its content is not what its event recorded): nothing was copied; run "
		    "'motcua check' and restore the files folder from a backup"), number,
		    code);
	}
	/* a temporary file beside `out`, then its name: `out` is whole or absent */
	slash = strrchr(out, '/');
	snprintf(dir, sizeof dir, "%.*s", slash == NULL ? 1 : slash == out ? 1 :
	    (int)(slash - out), slash == NULL ? "." : out);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/.motcua-XXXXXX", dir) >= sizeof tmp) {
		free(buf);
		return err_set(err, MC_EINVAL, _("the name %s is too long"), out);
	}
	if ((fd = mkstemp(tmp)) < 0) {
		free(buf);
		return err_set(err, MC_EIO, _("cannot write %s (%s): check the folder"), out,
		    strerror(errno));
	}
	while (done < n) {
		ssize_t wr = write(fd, buf + done, n - done);

		if (wr < 0 && errno == EINTR)
			continue;
		if (wr <= 0)
			break;
		done += (size_t)wr;
	}
	free(buf);
	rc = done == n && fsync(fd) == 0 ? 0 : -1;
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0)
		/* link refuses an existing name: no file is replaced unasked */
		rc = overwrite ? rename(tmp, out) : link(tmp, out);
	if (rc != 0) {
		int e = errno;

		unlink(tmp);
		if (e == EEXIST)
			return err_set(err, MC_ECONFLICT, _("%s exists already: name another "
			    "file, or remove it first"), out);
		return err_set(err, MC_EIO, _("cannot write %s (%s): check the folder"), out,
		    strerror(e));
	}
	if (!overwrite)
		unlink(tmp);
	return 0;
}
