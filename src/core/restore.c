/* restore.c — a backup brought back under a new station identity
 * (restore.h): the file's checks, the copy migrated beside the target,
 * the new identity, and the swap that keeps the current database aside. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/audit.h"
#include "motcua/db.h"
#include "motcua/i18n.h"
#include "motcua/privfile.h"
#include "motcua/restore.h"
#include "motcua/role.h"
#include "motcua/trust.h"

struct restore_job {
	sqlite3 *db;			/* the copy, open */
	char target[4096];
	char tmp[4096 + 64];		/* the copy's path, beside the target */
	char dir[4096];			/* the target's folder */
	struct mc_restore info;
};

/* Remove path and what SQLite may have left beside it. */
static void
remove_db_file(const char *path)
{
	static const char *const tails[] = { "", "-journal", "-wal", "-shm" };
	char p[4096 + 96];

	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, tails[i]);
		(void)unlink(p);
	}
}

/* The SHA-256 of the file's bytes, in hex.  0, or -1 with errno. */
static int
file_sha256(const char *path, char hex[65])
{
	crypto_hash_sha256_state h;
	unsigned char buf[65536], d[crypto_hash_sha256_BYTES];
	FILE *f = fopen(path, "rb");
	size_t n;
	int bad;

	if (f == NULL)
		return -1;
	crypto_hash_sha256_init(&h);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		crypto_hash_sha256_update(&h, buf, n);
	bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return -1;
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(hex, 65, d, sizeof d);
	return 0;
}

/* The refusal of a file that is no backup of ours; always -1. */
static int
not_backup(const char *file, const char *why, struct mc_err *err)
{
	return err_set(err, MC_EINVAL, _("%s cannot be restored: %s; the current database "
	    "was not changed (choose another backup: 'motcua backup --list')"), file, why);
}

/* Is the backup, opened read-only, a sound set-up motcua database whose
 * unit is cur's (when given)?  Fills j->info.  0, or -1 with err. */
static int
check_source(sqlite3 *src, const char *file, sqlite3 *cur, struct restore_job *j,
    struct mc_err *err)
{
	struct mc_restore *in = &j->info;
	char why[512], num[8], unit[32];
	long long app = db_int(src, "PRAGMA application_id", -1);
	sqlite3_stmt *st;
	bool ok = false;
	int rc, rows = 0;

	if (app < 0)
		return not_backup(file, _("it is not a database, or it is damaged"), err);
	if (app != MC_APPLICATION_ID)
		return not_backup(file, _("it is not a motcua database"), err);
	in->schema = db_schema_version(src);
	if (in->schema > db_schema_latest()) {
		snprintf(why, sizeof why, _("it was written by a newer motcua (schema %d; this "
		    "program knows up to %d): restore it with the newer program"), in->schema,
		    db_schema_latest());
		return not_backup(file, why, err);
	}
	if (in->schema < 1)
		return not_backup(file, _("it holds no motcua data"), err);
	/* every page read: a truncated or damaged file fails here */
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return not_backup(file, _("it is damaged (it cannot be read)"), err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		ok = rows++ == 0 && t != NULL && strcmp((const char *)t, "ok") == 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || !ok)
		return not_backup(file, _("it is damaged (it fails its integrity check)"), err);
	if (db_meta_get(src, "unit_code", in->unit, sizeof in->unit) != 0 ||
	    db_meta_get(src, "station_id", in->old_station, sizeof in->old_station) != 0 ||
	    db_meta_get(src, "station_number", num, sizeof num) != 0 ||
	    in->old_station[0] == '\0')
		return not_backup(file, _("it is a motcua database that was never set up"), err);
	in->old_number = atoi(num);
	in->events = db_int(src, "SELECT count(*) FROM event", -1);
	in->dossiers = db_int(src, "SELECT count(*) FROM dossier", -1);
	if (in->events < 0 || in->dossiers < 0)
		return not_backup(file, _("it is damaged (its tables cannot be read)"), err);
	if (cur != NULL && (db_meta_get(cur, "unit_code", unit, sizeof unit) != 0 ||
	    strcmp(unit, in->unit) != 0)) {
		snprintf(why, sizeof why, _("it is a database of the unit %s, and this one is "
		    "%s"), in->unit, unit);
		return not_backup(file, why, err);
	}
	return 0;
}

int
restore_open(const char *file, const char *target, sqlite3 *cur, struct restore_job **jobp,
    struct mc_err *err)
{
	static const char magic[16] = "SQLite format 3";	/* and its NUL */
	struct restore_job *j;
	struct stat fs, ts;
	sqlite3 *src = NULL, *to = NULL;
	sqlite3_backup *bk;
	const char *slash;
	char head[16];
	FILE *f;
	int rc;

	*jobp = NULL;
	if (stat(file, &fs) != 0)
		return err_set(err, MC_ENOTFOUND, _("there is no file %s: check the path (is "
		    "the USB stick plugged in?); 'motcua backup --list' shows the backups"), file);
	if (!S_ISREG(fs.st_mode))
		return not_backup(file, _("it is not a file"), err);
	if (stat(target, &ts) == 0 && ts.st_dev == fs.st_dev && ts.st_ino == fs.st_ino)
		return not_backup(file, _("it is the current database itself"), err);
	/* read the header ourselves: SQLite opens any file lazily */
	if ((f = fopen(file, "rb")) == NULL)
		return err_set(err, MC_EIO, _("cannot read %s (%s)"), file, strerror(errno));
	rc = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, magic, 16) == 0;
	(void)fclose(f);
	if (!rc)
		return not_backup(file, _("it is not a database"), err);
	if ((j = calloc(1, sizeof *j)) == NULL)
		return err_set(err, MC_ENOMEM, _("out of memory"));
	snprintf(j->info.file, sizeof j->info.file, "%s", file);
	slash = strrchr(target, '/');
	if ((size_t)snprintf(j->target, sizeof j->target, "%s", target) >= sizeof j->target ||
	    (size_t)snprintf(j->dir, sizeof j->dir, "%.*s", slash == NULL ? 1 :
	    slash == target ? 1 : (int)(slash - target), slash == NULL ? "." : target) >=
	    sizeof j->dir ||
	    (size_t)snprintf(j->tmp, sizeof j->tmp, "%s/.%s.restore-%ld", j->dir,
	    slash != NULL ? slash + 1 : target, (long)getpid()) >= sizeof j->tmp) {
		free(j);
		return err_set(err, MC_EINVAL, _("the path %s is too long"), target);
	}
	if (file_sha256(file, j->info.sha256) != 0) {
		err_set(err, MC_EIO, _("cannot read %s (%s)"), file, strerror(errno));
		goto fail;
	}
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK) {
		not_backup(file, _("it cannot be opened"), err);
		goto fail;
	}
	if (check_source(src, file, cur, j, err) != 0)
		goto fail;
	/* the copy, page by page, into a private temporary beside the target
	 * (one left by an interrupted restore of this process id goes first) */
	remove_db_file(j->tmp);
	if (privfile_new(j->tmp) != 0) {
		err_set(err, MC_EIO, _("cannot write in %s (%s): nothing was changed"), j->dir,
		    strerror(errno));
		goto fail;
	}
	if (sqlite3_open_v2(j->tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK || (bk = sqlite3_backup_init(to, "main", src, "main")) == NULL) {
		db_fail(to, err, _("copying the backup"));
		goto fail;
	}
	rc = sqlite3_backup_step(bk, -1);
	if (sqlite3_backup_finish(bk) != SQLITE_OK || rc != SQLITE_DONE) {
		db_fail_rc(to, rc, err, _("copying the backup"));
		goto fail;
	}
	if (sqlite3_close(to) != SQLITE_OK) {
		db_fail(to, err, _("copying the backup"));
		to = NULL;
		goto fail;
	}
	to = NULL;
	sqlite3_close(src);
	src = NULL;
	/* an older schema is migrated here, in the copy: the backup file is
	 * the old version, kept as it is (no backup of the copy) */
	if (db_open(j->tmp, DB_NO_BACKUP, &j->db, err) != 0)
		goto fail;
	{
		char pub[MC_KEY_HEX];

		if (key_public(j->db, pub, err) != 0)
			goto fail;
		key_fingerprint(pub, j->info.old_fingerprint);
	}
	*jobp = j;
	return 0;
fail:
	sqlite3_close(to);
	sqlite3_close(src);
	restore_abort(j);
	return -1;
}

sqlite3 *
restore_db(struct restore_job *j)
{
	return j->db;
}

const struct mc_restore *
restore_info(const struct restore_job *j)
{
	return &j->info;
}

void
restore_abort(struct restore_job *j)
{
	if (j == NULL)
		return;
	db_close(j->db);
	remove_db_file(j->tmp);
	free(j);
}

/* The station numbers db knows as used, as bits 1 … 9 of *used: its
 * stations, the keys it trusts, its peers, its dossier codes (the digit
 * after the date) and the day's code marks. */
static int
numbers_used(sqlite3 *db, unsigned *used, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db == NULL)
		return 0;
	if (db_prepare(db, "SELECT number FROM station UNION SELECT number FROM trust "
	    "UNION SELECT number FROM peer UNION SELECT CAST(substr(code, -4, 1) AS INTEGER) "
	    "FROM dossier WHERE code GLOB '*-[0-9][0-9][0-9][0-9]' UNION SELECT "
	    "CAST(substr(key, -1) AS INTEGER) FROM meta WHERE key GLOB 'code_high:*[0-9]'",
	    &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 0);

		if (n >= 1 && n <= 9)
			*used |= 1u << n;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, _("reading the stations"));
	return 0;
}

/* The copy becomes station `number` with id `id`: the old identity a
 * station among the others, its key trusted for what it signed and
 * revoked from now on; a new key; the audit events.  In one transaction. */
static int
new_identity(struct restore_job *j, const struct mc_officer *me, const struct mc_time *now,
    struct mc_err *err)
{
	struct mc_restore *in = &j->info;
	sqlite3 *db = j->db;
	char iso[MC_ISO_LEN], num[8], oldnum[8], pub[MC_KEY_HEX];
	const char *base = strrchr(in->file, '/');
	struct db_tx tx;
	sqlite3_stmt *st;
	int rc;

	date_format_iso(now, iso);
	snprintf(num, sizeof num, "%d", in->new_number);
	snprintf(oldnum, sizeof oldnum, "%d", in->old_number);
	if (db_tx_begin(db, &tx, err))
		return -1;
	if (db_exec(db, "UPDATE station SET self = 0 WHERE self = 1", err) ||
	    db_prepare(db, "INSERT INTO station(id, number, unit, self, created) VALUES "
	    "(?1, ?2, ?3, 1, ?4)", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, in->new_station, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, in->new_number);
	sqlite3_bind_text(st, 3, in->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("recording the station"));
		goto fail;
	}
	if (db_meta_set(db, "station_id", in->new_station, err) ||
	    db_meta_set(db, "station_number", num, err))
		goto fail;
	/* the old key, trusted for the old identity's events (those held and
	 * those that come back from the peers), before it is replaced */
	if (db_prepare(db, "INSERT OR IGNORE INTO trust(station, public, unit, number, "
	    "trusted, officer) SELECT s.id, k.public, s.unit, s.number, ?2, ?3 FROM "
	    "station s, station_key k WHERE k.id = 1 AND s.id = ?1", &st, err))
		goto fail;
	sqlite3_bind_text(st, 1, in->old_station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, me->username, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("recording the station"));
		goto fail;
	}
	if (key_renew(db, err) || key_public(db, pub, err))
		goto fail;
	key_fingerprint(pub, in->new_fingerprint);
	/* the first events of the new identity: its key, the old key's
	 * revocation (a signed event the peers apply: nothing signed by the
	 * old key after now is taken anywhere), and the restore itself */
	if (audit_record(db, "keys_new", "-", now, err, "fingerprint", in->new_fingerprint,
	    (char *)NULL) ||
	    trust_revoke(db, me->username, in->old_fingerprint, err) ||
	    audit_record(db, "station_restored", me->username, now, err,
	    "old_station", in->old_station, "old_number", oldnum,
	    "new_station", in->new_station, "new_number", num,
	    "sha256", in->sha256, "file", base != NULL ? base + 1 : in->file, (char *)NULL))
		goto fail;
	return db_tx_commit(&tx, err);
fail:
	db_tx_rollback(&tx);
	return -1;
}

/* TARGET.before-restore-YYYYMMDD-HHMM, or with "-2" … "-99": a name free
 * with its -wal and -shm. */
static int
aside_name(const char *target, const struct mc_time *now, char *buf, size_t n,
    struct mc_err *err)
{
	int y, mo, d;

	date_ymd(now->jdn, &y, &mo, &d);
	for (int k = 1; k < 100; k++) {
		char tail[8] = "", p[4096 + 128];
		struct stat sb;

		if (k > 1)
			snprintf(tail, sizeof tail, "-%d", k);
		if ((size_t)snprintf(buf, n, "%s.before-restore-%04d%02d%02d-%02d%02d%s", target,
		    y, mo, d, now->min / 60, now->min % 60, tail) >= n)
			return err_set(err, MC_EINVAL, _("the path %s is too long"), target);
		snprintf(p, sizeof p, "%s-wal", buf);
		if (lstat(buf, &sb) != 0 && lstat(p, &sb) != 0)
			return 0;
	}
	return err_set(err, MC_ECONFLICT, _("too many databases were kept aside this "
	    "minute beside %s: wait a minute"), target);
}

/* Keep the current database at `aside` and put the copy in its place.
 * The target is the old file or the new one at every moment: a hard link
 * keeps the old one under the aside name first (a file system without
 * links renames it, the one moment with no target), its -wal and -shm
 * follow it (they would be applied to the new file), then the copy is
 * renamed over the target. */
static int
swap_in(struct restore_job *j, bool had_target, struct mc_err *err)
{
	static const char *const tails[] = { "-wal", "-shm" };
	const char *aside = j->info.aside;
	bool linked = true;

	if (had_target) {
		if (link(j->target, aside) != 0) {
			if (errno != EPERM && errno != EXDEV && errno != ENOTSUP &&
			    errno != EMLINK && errno != EOPNOTSUPP)
				goto io;
			linked = false;
			if (rename(j->target, aside) != 0)
				goto io;
		}
		for (size_t i = 0; i < 2; i++) {
			char from[4096 + 16], to[4096 + 96];
			struct stat sb;

			snprintf(from, sizeof from, "%s%s", j->target, tails[i]);
			snprintf(to, sizeof to, "%s%s", aside, tails[i]);
			if (lstat(from, &sb) == 0 && rename(from, to) != 0)
				goto io;
		}
		if (privfile_flush(j->dir, true) != 0)
			goto io;
	}
	if (rename(j->tmp, j->target) != 0) {
		int e = errno;

		if (had_target && !linked)
			(void)rename(aside, j->target);	/* back where it was */
		errno = e;
		goto io;
	}
	if (privfile_flush(j->dir, true) != 0)
		return err_set(err, MC_EIO, _("the restored database is in place but the "
		    "folder %s could not be flushed to the disk (%s): run 'motcua check'"),
		    j->dir, strerror(errno));
	return 0;
io:
	return err_set(err, MC_EIO, _("cannot put the restored database in place in %s (%s): "
	    "the current database was not replaced"), j->dir, strerror(errno));
}

int
restore_commit(struct restore_job *j, sqlite3 **cur, const char *acting,
    const struct mc_time *now, struct mc_restore *out, struct mc_err *err)
{
	struct mc_officer me;
	unsigned used = 0;
	struct stat sb;
	char wal[4096 + 16];
	bool had_cur = *cur != NULL, had_target;

	if (role_require(j->db, acting, MC_ACT_RESTORE, &me, err) != 0 ||
	    numbers_used(j->db, &used, err) != 0 || numbers_used(*cur, &used, err) != 0)
		goto fail;
	for (int n = 1; n <= 9 && j->info.new_number == 0; n++)
		if (!(used & (1u << n)))
			j->info.new_number = n;
	if (j->info.new_number == 0) {
		err_set(err, MC_ECONFLICT, _("all nine station numbers of the unit %s are used "
		    "already (by the stations this backup and this database know), and a "
		    "restored station needs a number of its own so that its dossier codes never "
		    "repeat another's: nothing was changed; ask the province's technician"),
		    j->info.unit);
		goto fail;
	}
	if (event_uuid(j->info.new_station, err) || new_identity(j, &me, now, err))
		goto fail;
	/* one file, flushed: journal_mode DELETE leaves no -wal beside it */
	if (db_exec(j->db, "PRAGMA journal_mode = DELETE", err))
		goto fail;
	db_close(j->db);
	j->db = NULL;
	if (privfile_flush(j->tmp, false) != 0) {
		err_set(err, MC_EIO, _("cannot write in %s (%s): nothing was changed"), j->dir,
		    strerror(errno));
		goto fail;
	}
	/* the current database closed: the last connection to close removes
	 * its -wal, so a -wal left means another program holds it open */
	db_close(*cur);
	*cur = NULL;
	had_target = lstat(j->target, &sb) == 0;
	snprintf(wal, sizeof wal, "%s-wal", j->target);
	if (had_cur && lstat(wal, &sb) == 0) {
		err_set(err, MC_ECONFLICT, _("another motcua has the database open: quit it "
		    "(on every screen of this PC) and run the restore again; nothing was "
		    "changed"));
		goto fail;
	}
	j->info.aside[0] = '\0';
	if (had_target && aside_name(j->target, now, j->info.aside, sizeof j->info.aside,
	    err) != 0)
		goto fail;
	if (swap_in(j, had_target, err) != 0)
		goto fail;
	if (out != NULL)
		*out = j->info;
	free(j);
	return 0;
fail:
	restore_abort(j);
	return -1;
}
