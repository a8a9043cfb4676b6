/* test_bundle_files.c — the files a bundle carries (sync.h, format 2.1),
 * through the core API: the content hash takes the files as sync.h says
 * (recomputed here); what only a signer can make is refused all the same
 * — a file no event names, added and signed anew with the sender's own
 * trusted key; a file's body altered and signed anew with it; the same
 * signed as from a station the receiver does not trust — each leaving
 * the receiver's database and files folder as they were; then the
 * genuine bundle is taken in (the same bytes fetched back), a station is
 * trusted by a bundle with files, and an export --without-files of a
 * bundle whose events name files is format 2.0.  tests/cli/bundle-files.sh
 * does the rest from the command line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "motcua/attach.h"
#include "motcua/calendar.h"
#include "motcua/sync.h"
#include "motcua/trust.h"
#include "station.h"
#include "bundle.h"
#include "tap.h"

#define NOW "2026-11-16 09:00"

static sqlite3 *A, *B, *C;

/* A one-page PDF, as test_attach.c writes them by hand. */
static const char pdf[] = "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
    "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 9 /Root 1 0 R >>\n"
    "startxref\n0\n%%EOF\n";

/* Every name and content in a station's files folder, as one text. */
static char *
store_listing(const char *dir)
{
	char cmd[256], *buf = calloc(1, 8192);
	FILE *p;

	snprintf(cmd, sizeof cmd, "cd '%s' 2>/dev/null && find . -type f -exec sha256sum "
	    "{} + | sort", dir);
	if (buf == NULL || (p = popen(cmd, "r")) == NULL)
		bail("store_listing", "popen");
	if (fread(buf, 1, 8191, p) == 0)
		buf[0] = '\0';
	pclose(p);
	return buf;
}

static void
copy_file(const char *from, const char *to)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	if (system(cmd) != 0)
		bail("cp", to);
}

/* `path` refused at B, with a message holding `needle`, B's rows and its
 * files folder unchanged. */
static void
refused_b(const char *path, const char *needle, const char *what)
{
	char before[MC_HASH_LEN], after[MC_HASH_LEN];
	char *s0 = store_listing(test_path("b/files")), *s1;
	long long n0 = digest(B, before), n1;
	struct sync_report r;
	struct mc_err err;
	int rc;

	err_clear(&err);
	rc = sync_import(B, "truong", path, false, &r, NULL, NULL, &err);
	ok(rc == -1 && strstr(err.msg, needle) != NULL &&
	    strstr(err.msg, "nothing was changed") != NULL, "%s: refused (%s)", what, err.msg);
	n1 = digest(B, after);
	s1 = store_listing(test_path("b/files"));
	ok(n0 == n1 && strcmp(before, after) == 0, "%s: B's rows unchanged", what);
	ok(strcmp(s0, s1) == 0, "%s: B's files folder unchanged", what);
	free(s0);
	free(s1);
}

int
main(void)
{
	struct mc_calendar *cal;
	struct mc_err err;
	struct attach_req req = {.acting = "lan", .name = "giay.pdf"};
	struct attach_out ao;
	struct sync_export_opt with = {false, NULL}, without = {true, NULL};
	struct sync_export_res res;
	struct sync_report r;
	char code[MC_CODE_LEN], out[512], bundle[512], h[MC_HASH_LEN], sql[600];
	char pubC[MC_KEY_HEX], idC[MC_UUID_LEN];

	tap_now(NOW);
	test_dir_make("bfiles");
	/* each station in its own folder: its files/ beside it */
	if (mkdir(test_path("a"), 0700) || mkdir(test_path("b"), 0700) ||
	    mkdir(test_path("c"), 0700))
		bail("mkdir", test_path(""));
	A = station_new("a/a.db", 1);
	B = station_new("b/b.db", 2);
	C = station_new("c/c.db", 3);
	station_trust(B, A);	/* B trusts A, not C */
	station_id(C, idC);
	if (key_public(C, pubC, &err) || calendar_open(A, &cal, &err))
		bail("set-up", err.msg);
	receive(A, cal, "1.001193", NOW, code);
	req.code = code;
	if (attach_add_buf(A, &req, (const uint8_t *)pdf, sizeof pdf - 1, &ao, &err))
		bail("attach", err.msg);

	/* ---- the bundle ---- */
	tap_now("2026-11-16 17:00");
	if (sync_export_with(A, "lan", NULL, test_path("a1.motcua"), &with, out, sizeof out,
	    &res, NULL, NULL, &err) != 0)
		bail("export", err.msg);
	ok(res.files == 1 && res.files_absent == 0 && res.files_altered == 0,
	    "A exports with its file (%lld carried)", res.files);
	snprintf(bundle, sizeof bundle, "%s", out);
	ok(strcmp(header(bundle, "format_minor"), "1") == 0, "format 2.1");
	content_hash(bundle, h);
	ok(strcmp(h, header(bundle, "content_sha256")) == 0,
	    "the content hash, recomputed with the files as sync.h says");

	/* ---- what only a signer can make ---- */
	copy_file(bundle, test_path("extra.motcua"));
	bundle_exec(test_path("extra.motcua"), "INSERT INTO file VALUES ("
	    "'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', 5, "
	    "CAST('hello' AS BLOB))");
	resign(test_path("extra.motcua"), A);
	refused_b(test_path("extra.motcua"), "no event names",
	    "a file no event names, signed anew with A's own key");

	copy_file(bundle, test_path("body.motcua"));
	snprintf(sql, sizeof sql, "UPDATE file SET body = zeroblob(size) WHERE sha256 = '%s'",
	    ao.sha256);
	bundle_exec(test_path("body.motcua"), sql);
	resign(test_path("body.motcua"), A);
	refused_b(test_path("body.motcua"), "not what its hash says",
	    "a file's body altered, signed anew with A's own key");

	copy_file(test_path("body.motcua"), test_path("untrusted.motcua"));
	snprintf(sql, sizeof sql, "UPDATE bundle SET value = '%s' WHERE key = 'sender'; "
	    "UPDATE bundle SET value = '%s' WHERE key = 'sender_key'; "
	    "UPDATE bundle SET value = '3' WHERE key = 'sender_number'", idC, pubC);
	bundle_exec(test_path("untrusted.motcua"), sql);
	resign(test_path("untrusted.motcua"), C);
	refused_b(test_path("untrusted.motcua"), "does not trust",
	    "the same signed by a station B does not trust");

	/* ---- the genuine one ---- */
	err_clear(&err);
	ok(sync_import(B, "truong", bundle, false, &r, NULL, NULL, &err) == 0 &&
	    r.files_new == 1 && r.files_known == 0 && r.files_missing == 0,
	    "B takes it in: one file kept, none missing (%s)", err.msg);
	ok(attach_fetch(B, code, 1, test_path("got.pdf"), false, &err) == 0,
	    "B fetches the file (%s)", err.msg);
	{
		FILE *f = fopen(test_path("got.pdf"), "rb");
		char got[sizeof pdf];
		size_t n = f != NULL ? fread(got, 1, sizeof got, f) : 0;

		if (f != NULL)
			fclose(f);
		ok(n == sizeof pdf - 1 && memcmp(got, pdf, n) == 0, "the same bytes as attached");
	}
	ok(sync_import(B, "truong", bundle, false, &r, NULL, NULL, &err) == 0 &&
	    r.events_new == 0 && r.files_new == 0 && r.files_known == 1,
	    "again: the file held already, nothing new");

	/* ---- trusted by a bundle with files ---- */
	{
		struct trust_item t;
		char pubA[MC_KEY_HEX], fpr[MC_FPR_LEN];

		if (key_public(A, pubA, &err))
			bail("key", err.msg);
		key_fingerprint(pubA, fpr);
		ok(sync_trust_file(C, "truong", bundle, fpr, &t, &err) == 0,
		    "C trusts A by the bundle with its file (%s)", err.msg);
	}

	/* ---- without files: format 2.0 ---- */
	ok(sync_export_with(A, "lan", NULL, test_path("a2.motcua"), &without, out,
	    sizeof out, &res, NULL, NULL, &err) == 0 && res.files == 0,
	    "A exports --without-files");
	{
		sqlite3 *b = bundle_open(out);

		ok(strcmp(header(out, "format_minor"), "(absent)") == 0 &&
		    scalar(b, "SELECT count(*) FROM sqlite_schema") == 4,
		    "no format_minor, the two tables of format 2.0 and nothing else");
		sqlite3_close(b);
	}
	ok(sync_export_with(A, "lan", NULL, test_path("a3.motcua"),
	    &(struct sync_export_opt){true, "2026-11-16"}, out, sizeof out, &res, NULL, NULL,
	    &err) == -1 && err.kind == MC_EINVAL, "--without-files with --files-since: refused");

	calendar_close(cal);
	db_close(A);
	db_close(B);
	db_close(C);
	test_dir_remove();
	return tap_done();
}
