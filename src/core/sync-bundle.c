/* sync-bundle.c — reading a bundle file from a stick: the file, its
 * tables and its header, checked before anything in it is believed
 * (sync-int.h).  What the events say is sync-import.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "motcua/i18n.h"
#include "motcua/syncrule.h"
#include "sync-int.h"

/* in key order: the content hash takes them in this order */
const char *const sync_header_keys[15] = {
	"content_sha256", "count", "created", "format", "format_minor", "format_version", "kind",
	"payload", "sender", "sender_key", "sender_number", "sender_unit", "signature",
	"vector", "version",
};

const char *
sync_bundle_value(const struct bundle *bd, const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(sync_header_keys[i], key) == 0)
			return bd->val[i];
	return NULL;
}

int
sync_bundle_bad(const struct bundle *bd, struct mc_err *err, const char *why)
{
	return err_set(err, MC_EINVAL, _("%s was not imported: %s; nothing was changed"),
	    bd->path, why);
}

/* the short names this file reads best with */
#define hv sync_bundle_value
#define bad sync_bundle_bad

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
	/* by name: format 2.0 has the rows 0, 1, 3, 4; a bundle carrying
	 * files (2.1) all six */
	static const char *const expect[6][4] = {
		{"table", "bundle", "bundle", NULL},
		{"table", "event", "event", NULL},
		{"table", "file", "file", NULL},
		{"index", "sqlite_autoindex_bundle_1", "bundle", ""},
		{"index", "sqlite_autoindex_event_1", "event", ""},
		{"index", "sqlite_autoindex_file_1", "file", ""},
	};
	const char *sqls[3] = {
		"CREATE TABLE bundle (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
		"CREATE TABLE event (origin TEXT NOT NULL, seq INTEGER NOT NULL, "
		"at TEXT NOT NULL, officer TEXT NOT NULL, dossier TEXT NOT NULL, "
		"kind TEXT NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, "
		"hash TEXT NOT NULL, sig TEXT NOT NULL, PRIMARY KEY (origin, seq)) STRICT",
		sync_file_table_sql,
	};
	sqlite3_stmt *st;
	char *uri = file_uri(bd->path);
	int rc, row = 0, seen = 0, dummy;

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
	/* read once, in order: a small page cache is enough (the import's
	 * memory must not grow with the file); set with the check's own
	 * reading of the schema, so a damaged file says so below */
	if (sqlite3_prepare_v2(bd->b, "PRAGMA cache_size = -256", -1, &st, NULL) == SQLITE_OK) {
		(void)sqlite3_step(st);
		sqlite3_finalize(st);
	}
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
		/* the file table and its index are the two rows that may be
		 * absent: skip past them when the name is not theirs */
		if ((row == 2 || row == 5) &&
		    strcmp((const char *)sqlite3_column_text(st, 1), expect[row][1]) != 0)
			row++;
		if (row >= 6 || strcmp(type, expect[row][0]) != 0 ||
		    strcmp((const char *)sqlite3_column_text(st, 1), expect[row][1]) != 0 ||
		    strcmp((const char *)sqlite3_column_text(st, 2), expect[row][2]) != 0 ||
		    strcmp(sql, row < 3 ? sqls[row] : expect[row][3]) != 0) {
			sqlite3_finalize(st);
			return bad(bd, err, _("its tables are not those of a motcua bundle"));
		}
		seen |= 1 << row;
		row++;
	}
	sqlite3_finalize(st);
	/* 0x1b: bundle, event and their indexes; 0x3f: and the file table's */
	if (rc != SQLITE_DONE || (seen != 0x1b && seen != 0x3f))
		return bad(bd, err, _("its tables are not those of a motcua bundle"));
	bd->has_files = seen == 0x3f;
	return 0;
}

static int
read_header(struct bundle *bd, struct mc_err *err)
{
	static const char *const required[] = {"content_sha256", "count", "created",
	    "format", "format_version", "kind", "sender", "sender_key", "sender_number",
	    "sender_unit", "signature", "vector"};
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(bd->b, "SELECT key, value FROM bundle", -1, &st, NULL)
	    != SQLITE_OK)
		return bad(bd, err, _("its header cannot be read"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		size_t i;

		for (i = 0; i < NKEYS; i++)
			if (strcmp(k, sync_header_keys[i]) == 0)
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
	if (hv(bd, "format_version") != NULL && strcmp(hv(bd, "format_version"), "1") == 0)
		return bad(bd, err, _("it was made by a motcua from before signed bundles "
		    "(format 1), whose events carry no signature: update motcua on the PC that "
		    "made it and export again"));
	if (hv(bd, "format_version") == NULL ||
	    strcmp(hv(bd, "format_version"), SYNC_FORMAT_TEXT) != 0)
		return bad(bd, err, _("it was made by another version of motcua (bundle "
		    "format not 2): update motcua on the PC that reads it"));
	/* the minor rule (sync.h): up to ours; a file table says 2.1 */
	if (hv(bd, "format_minor") != NULL &&
	    strcmp(hv(bd, "format_minor"), SYNC_FORMAT_MINOR_TEXT) != 0) {
		const char *m = hv(bd, "format_minor");
		bool digits = m[0] != '\0' && strlen(m) < 6 && strspn(m, "0123456789") == strlen(m);

		if (digits && atoi(m) > SYNC_FORMAT_MINOR)
			return bad(bd, err, _("it was made by a newer motcua (bundle format 2 "
			    "with additions this one does not know): update motcua on this PC, "
			    "or export on the sending PC with --without-files"));
		return bad(bd, err, _("its header's format_minor is not one motcua writes"));
	}
	if ((hv(bd, "format_minor") != NULL) != bd->has_files)
		return bad(bd, err, _("its files do not agree with its header (the file is "
		    "damaged or edited)"));
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (hv(bd, required[i]) == NULL) {
			char why[160];

			/* the key named: a signature taken out says so */
			snprintf(why, sizeof why, _("its header is incomplete (it has no '%s')"),
			    required[i]);
			return bad(bd, err, why);
		}
	return 0;
}

void
sync_bundle_close(struct bundle *bd)
{
	free(bd->alarm_event);
	for (size_t i = 0; i < NKEYS; i++)
		free(bd->val[i]);
	syncrule_free(bd->rules);	/* [syncrule] */
	sqlite3_close(bd->b);
}

int
sync_bundle_open(struct bundle *bd, const char *path, struct mc_err *err)
{
	memset(bd, 0, sizeof *bd);
	bd->path = path;
	if (check_file(bd, err) || open_bundle(bd, err) || read_header(bd, err))
		return -1;
	return 0;
}

void
sync_bundle_hash_header(const struct bundle *bd, struct sync_hash *h)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (bd->val[i] != NULL && strcmp(sync_header_keys[i], "content_sha256") != 0 &&
		    strcmp(sync_header_keys[i], "signature") != 0)
			sync_hash_header(h, sync_header_keys[i], bd->val[i]);
}

/* 64 lowercase hex digits: a file's name in the store is made of it */
static bool
sha_ok(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

int
sync_bundle_hash_files(const struct bundle *bd, struct sync_hash *h, struct mc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!bd->has_files)
		return 0;
	/* length() of a blob is read from the record, not its pages */
	if (sqlite3_prepare_v2(bd->b, "SELECT sha256, size, typeof(body) = 'blob' AND "
	    "length(body) = size FROM file ORDER BY sha256", -1, &st, NULL) != SQLITE_OK)
		return bad(bd, err, _("its files cannot be read"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(st, 0);
		long long size = sqlite3_column_int64(st, 1);
		char line[120];

		if (sha == NULL || !sha_ok(sha) || size <= 0 ||
		    sqlite3_column_int(st, 2) != 1) {
			sqlite3_finalize(st);
			return bad(bd, err, _("a file in it is malformed"));
		}
		snprintf(line, sizeof line, "file %s %lld\n", sha, size);
		sync_hash_text(h, line);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bad(bd, err, _("its files cannot be read (the file is damaged)"));
	return 0;
}
